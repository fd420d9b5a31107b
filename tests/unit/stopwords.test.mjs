// The stop-word lists' pure functions (www/stopwords.js): the list file parser, the edits,
// and how the permalink names them; and the state key that carries them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdit, canonical, decodeEdits, diffList, encodeEdits, parseList } from '../../www/stopwords.js';
import { format, parse } from '../../www/state.js';

test('a list file: one word a line, # comments, blank lines, CRLF, duplicates once', () => {
  const file = '# Stop words for my corpus\r\nthe\r\n  said  # reporting verbs\n\nsaid\n#not this\nmr, mrs\n';
  assert.deepEqual(parseList(file), ['the', 'said', 'mr', 'mrs']);
  assert.deepEqual(parseList(''), []);
  assert.deepEqual(parseList('# only a comment'), []);
  assert.deepEqual(parseList('déjà\rl’été'), ['déjà', 'l’été']);
});

test('edits apply to a base list: removed words go, added ones come, sorted and folded', () => {
  const base = ['the', 'and', 'of'];
  assert.deepEqual(applyEdit(base, { add: ['Said', 'l’'], remove: ['AND'] }), ["l'", 'of', 'said', 'the']);
  assert.deepEqual(applyEdit(base, null), ['and', 'of', 'the']);
});

test('diffList is the edit that applyEdit undoes', () => {
  const base = ['the', 'and', 'of'];
  const list = ['the', 'of', 'said'];
  const edit = diffList('en', 'nltk', base, list);
  assert.deepEqual(edit, { add: ['said'], remove: ['and'] });
  assert.deepEqual(applyEdit(base, edit), [...list].sort());
  // The default base unchanged: nothing to keep. Another base is kept even unchanged.
  assert.equal(diffList('en', 'nltk', base, base), null);
  assert.deepEqual(diffList('en', 'iso', base, base), { add: [], remove: [], base: 'iso' });
  assert.equal(diffList('fr', 'iso', ['le'], ['le']), null);
});

test('the permalink text: compact, and its syntax characters escaped in words', () => {
  const edits = { fr: { add: ['ça'] }, en: { base: 'iso', add: ['said', 'e.g'], remove: ['not', 'well-known'] } };
  const text = encodeEdits(edits);
  assert.equal(text, 'en*iso.e%2Eg.said-not-well%2Dknown_fr.ça');
  assert.deepEqual(decodeEdits(text), {
    en: { base: 'iso', add: ['e.g', 'said'], remove: ['not', 'well-known'] },
    fr: { add: ['ça'], remove: [] },
  });
  assert.equal(encodeEdits({}), '');
  // In the URL, URLSearchParams leaves the marks as they are.
  assert.equal(format({ ...parse(''), stop: 'en.said-not' }), '#stop=en.said-not');
  assert.equal(parse('#stop=en*iso.said_fr.%C3%A7a').stop, 'en*iso.said_fr.ça');
});

test('a bad permalink text is read as far as it can be, never throws', () => {
  assert.deepEqual(decodeEdits('english.x_fr*nltk.y_de.z_'), { de: { add: ['z'], remove: [] } });
  assert.deepEqual(decodeEdits('en.%ZZ.%'), { en: { add: ['%', '%zz'], remove: [] } });
  assert.equal(canonical('fr.b.a.a'), 'fr.a.b');
});

test('any words survive the round trip through the permalink and the URL', () => {
  const alphabet = ['a', 'é', '.', '-', '_', '*', '%', '2', 'E', '’', "'", '文', '😀', '+', '&', '=', '#', ' '];
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < 300; i += 1) {
    const word = () => Array.from({ length: 1 + random(6) }, () => alphabet[random(alphabet.length)]).join('').trim();
    const add = Array.from({ length: random(4) }, word).filter(Boolean);
    const remove = Array.from({ length: random(3) }, word).filter(Boolean);
    const edits = { en: { add, remove } };
    const hash = format({ ...parse(''), stop: encodeEdits(edits) });
    const back = decodeEdits(parse(hash).stop).en ?? { add: [], remove: [] };
    const tidy = (words) => [...new Set(words.map((w) => w.toLowerCase().replace(/’/g, "'")))].sort();
    assert.deepEqual(back, { add: tidy(add), remove: tidy(remove) }, JSON.stringify(edits));
  }
});
