// The texts a <text-explorer> brings (www/text-source.js): the one "brings its own texts"
// rule, the dedent of inline texts, titles from URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { words, dedent, titleFromUrl, bringsTexts, collectTexts } from '../../www/text-source.js';

/** A stand-in for the element: attributes and children, as text-source.js reads them. */
function element({ src = null, children = [] } = {}) {
  return { getAttribute: (name) => (name === 'src' ? src : null), children };
}
const script = (text, title, lang = null) => ({
  localName: 'script',
  type: 'text/plain',
  textContent: text,
  dataset: { title },
  getAttribute: (name) => (name === 'lang' ? lang : null),
});
const div = { localName: 'div', dataset: {} };

test('words: null for an absent attribute, [] for a blank one', () => {
  assert.equal(words(null), null);
  assert.deepEqual(words(''), []);
  assert.deepEqual(words('  a.txt \n b.txt '), ['a.txt', 'b.txt']);
});

const brings = [
  ['no src, no children', {}, false],
  ['src=""', { src: '' }, false],
  ['a blank src', { src: '   ' }, false],
  ['a src naming a file', { src: 'a.txt' }, true],
  ['an inline text', { children: [script('x')] }, true],
  ['other children only', { children: [div] }, false],
  ['src="" with an inline text', { src: '', children: [script('x')] }, true],
];
for (const [name, el, expected] of brings) {
  test(`bringsTexts: ${name} → ${expected}`, () => assert.equal(bringsTexts(element(el)), expected));
}

test('collectTexts: null (the built-in articles) for src=""', async () => {
  assert.equal(await collectTexts(element({ src: '' }), {}, 'https://x.example/'), null);
});

test('collectTexts: inline texts, dedented, titled, numbered when untitled', async () => {
  const t = { documentN: (n) => `Document ${n}`, textFailed: (u, w) => `${u} (${w})` };
  const got = await collectTexts(element({ children: [script('\n    Call me\n      Ishmael.\n  ', 'Ch. 1'), div, script('x')] }), t, 'https://x.example/');
  assert.deepEqual(got, {
    items: [{ title: 'Ch. 1', text: 'Call me\n  Ishmael.', source: 'Ch. 1' }, { title: 'Document 2', text: 'x', source: 'Document 2' }],
    problems: [],
    corpus: null,
  });
});

test('collectTexts: a corpus file in src is read as bytes, the first one only; texts beside it are added', async () => {
  const t = { documentN: (n) => `Document ${n}`, textFailed: (u, w) => `${u} (${w})`, oneCorpusOnly: 'one at a time' };
  const bodies = { '/a.textexplorer': new Uint8Array([0x89, 0x54, 0x58, 0x43]), '/b.TextExplorer': new Uint8Array([1]), '/c.txt': 'A text.' };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => new Response(bodies[new URL(url).pathname]);
  try {
    const got = await collectTexts(element({ src: 'a.textexplorer c.txt b.TextExplorer' }), t, 'https://x.example/');
    assert.deepEqual(got.corpus, { corpus: new Uint8Array([0x89, 0x54, 0x58, 0x43]), source: 'https://x.example/a.textexplorer' });
    assert.deepEqual(got.items, [{ title: 'c', text: 'A text.', source: 'https://x.example/c.txt' }]);
    assert.deepEqual(got.problems, ['https://x.example/b.TextExplorer (one at a time)']);
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('collectTexts: an inline text\'s lang is its language', async () => {
  const t = { documentN: (n) => `Document ${n}`, textFailed: (u, w) => `${u} (${w})` };
  const got = await collectTexts(element({ children: [script('Le chat.', 'Fr', ' fr '), script('x', 'None', '')] }), t, 'https://x.example/');
  assert.deepEqual(got.items, [
    { title: 'Fr', text: 'Le chat.', source: 'Fr', language: 'fr' },
    { title: 'None', text: 'x', source: 'None' },
  ]);
});

const dedents = [
  ['the common indentation goes', '\n    a\n      b\n    c\n  ', 'a\n  b\nc'],
  ['blank lines do not count', '\n    a\n\n    b', 'a\n\nb'],
  ['tabs count as indentation', '\n\t\ta\n\t\tb', 'a\nb'],
  ['nothing to cut', 'a\n b', 'a\n b'],
  ['only white space', '   \n  ', ''],
];
for (const [name, input, expected] of dedents) {
  test(`dedent: ${name}`, () => assert.equal(dedent(input), expected));
}

const titles = [
  ['the file name without extension', 'https://x.example/texts/moby-dick.txt', 'moby-dick'],
  ['percent-decoded', 'https://x.example/caf%C3%A9.md', 'café'],
  ['a bad escape kept', 'https://x.example/100%zz.txt', '100%zz'],
  ['a bare host', 'https://x.example/', 'x.example'],
];
for (const [name, url, expected] of titles) {
  test(`titleFromUrl: ${name}`, () => assert.equal(titleFromUrl(new URL(url)), expected));
}
