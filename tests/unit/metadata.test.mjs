// Metadata from files (www/import/metadata.js): Markdown front matter (files in
// tests/fixtures/metadata/, read with js-yaml as the page reads them), HTML <meta> tags, and
// CSV and TSV files of documents written by Python's csv module (an independent writer:
// quoted commas, quotes and newlines, a BOM, tabs), read with d3-dsv as the page reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import * as dsv from 'd3-dsv';
import en from '../../www/strings/en.js';
import {
  DATE_AS_WRITTEN, frontMatter, hasFrontMatter, htmlMetadata, isoDate, likelyTextColumn, parseTable, tableItems, toMetadata,
} from '../../www/import/metadata.js';
import { scopeSuggestions } from '../../www/scope-field.js';

const t = en.texts;
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/metadata');
const read = (name) => frontMatter(readFileSync(path.join(fixtures, name), 'utf8'), name, load, t);

test('ISO 8601 dates as the engine takes them (src/metadata.rs valid_date)', () => {
  const cases = {
    2024: '2024', '2024-06': '2024-06', '2024-06-03': '2024-06-03', ' 1851-10-18 ': '1851-10-18',
    '2024-06-03T09:30:00Z': '2024-06-03', '2024-06-03 09:30:00 +0530': '2024-06-03',
    '2024-02-29': '2024-02-29', '2000-02-29': '2000-02-29',
    '1900-02-29': null, '2023-02-29': null, '2024-04-31': null, '2024-13': null, '2024-00-10': null,
    'June 2024': null, '03/06/2024': null, '24-06': null, '2024-6': null, '2024-': null, '2024-06T10:00': null,
  };
  for (const [input, expected] of Object.entries(cases)) assert.equal(isoDate(input), expected, input);
});

test('Jekyll front matter: title, author, date (a time left out), source, tags joined, the rest as fields', () => {
  const r = read('jekyll-post.md');
  assert.equal(r.title, 'Rupee gains as markets rally');
  assert.deepEqual(r.metadata, {
    author: 'Priya Sharma',
    date: '2024-06-03',
    source: 'https://www.livemint.com/markets/rupee-gains',
    fields: [{ name: 'layout', value: 'post' }, { name: 'newspaper', value: 'Mint' }, { name: 'tags', value: 'markets, rupee, budget, 2024' }],
  });
  assert.ok(r.text.startsWith('Markets rallied on Monday'));
  assert.ok(r.text.includes('---\n\nA horizontal rule in the body stays in the text.'), 'a rule in the body is text');
  assert.deepEqual(r.messages, []);
});

test('front matter with CRLF line ends, and with a BOM, authors as a list and ... to close it', () => {
  const crlf = read('crlf.md');
  assert.equal(crlf.title, 'Windows line ends');
  assert.equal(crlf.metadata.date, '2024-07');
  assert.deepEqual(crlf.metadata.fields, [{ name: 'genre', value: 'essay' }]);
  assert.equal(crlf.text, 'Body with CRLF line ends.\r\n');
  const bom = read('bom.md');
  assert.equal(bom.title, 'With a byte-order mark');
  assert.equal(bom.metadata.author, 'Ada Lovelace, Charles Babbage');
  assert.equal(bom.metadata.date, '1843');
  assert.equal(bom.text, 'Notes on the engine.\n');
});

test('front matter that is not YAML stays in the text, with a message that names the line', () => {
  const source = readFileSync(path.join(fixtures, 'bad-yaml.md'), 'utf8');
  const r = read('bad-yaml.md');
  assert.equal(r.text, source);
  assert.equal(r.metadata, null);
  assert.equal(r.messages.length, 1);
  assert.match(r.messages[0].text, /“bad-yaml\.md”: its front matter is not valid YAML \(line \d+\)/);
});

test('a date in words is kept as a field, with a message; no front matter and an empty one', () => {
  const r = read('bad-date.md');
  assert.equal(r.metadata.date, null);
  assert.deepEqual(r.metadata.fields, [{ name: DATE_AS_WRITTEN, value: 'June 2024' }, { name: 'group', value: 'B' }]);
  assert.match(r.messages[0].text, /the date “June 2024” is not an ISO 8601 date/);
  const none = readFileSync(path.join(fixtures, 'no-front-matter.md'), 'utf8');
  assert.equal(hasFrontMatter(none), false);
  assert.equal(read('no-front-matter.md').text, none);
  const empty = read('empty-front-matter.md');
  assert.equal(empty.text, 'Only a body.\n');
  assert.deepEqual(empty.metadata, { author: null, date: null, source: null, fields: [] });
});

test('a second author or a field named like a box is kept, renamed, not lost', () => {
  const r = toMetadata([['author', 'A'], ['creator', 'B'], ['Title', 'T'], ['title', 'U']], 'x', t);
  assert.equal(r.title, 'T');
  assert.equal(r.metadata.author, 'A');
  assert.deepEqual(r.metadata.fields, [{ name: 'creator (2)', value: 'B' }, { name: 'title (2)', value: 'U' }]);
});

test('HTML <meta> tags: author, article:published_time, description, og:site_name, keywords', () => {
  const metas = [
    ['viewport', 'width=device-width'],
    ['description', 'Markets rallied as the rupee gained.'],
    ['og:title', 'Rupee gains (og)'],
    ['og:site_name', 'Mint'],
    ['author', 'Priya Sharma'],
    ['article:published_time', '2024-06-03T09:30:00+05:30'],
    ['keywords', 'markets, rupee'],
    ['og:url', 'https://www.livemint.com/markets/rupee-gains'],
    ['canonical', 'https://example.org/other'],
  ];
  const r = htmlMetadata('Rupee gains', metas, 'page.html', t);
  assert.equal(r.title, 'Rupee gains');
  assert.deepEqual(r.metadata, {
    author: 'Priya Sharma',
    date: '2024-06-03',
    source: 'https://www.livemint.com/markets/rupee-gains',
    fields: [
      { name: 'description', value: 'Markets rallied as the rupee gained.' },
      { name: 'site', value: 'Mint' },
      { name: 'keywords', value: 'markets, rupee' },
    ],
  });
  assert.equal(htmlMetadata('', metas, 'page.html', t).title, 'Rupee gains (og)');
  assert.deepEqual(htmlMetadata('T', [], 'p.html', t).metadata, { author: null, date: null, source: null, fields: [] });
});

/** A table written by Python's csv module (rows: arrays of strings), as bytes. */
function python(rows, { delimiter = ',', bom = false } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'te-csv-'));
  try {
    const out = path.join(dir, 'table');
    const script = `import csv, json, sys
rows = json.loads(sys.argv[1])
with open(sys.argv[2], 'w', newline='', encoding=${bom ? "'utf-8-sig'" : "'utf-8'"}) as f:
    csv.writer(f, delimiter=sys.argv[3]).writerows(rows)`;
    execFileSync('python3', ['-c', script, JSON.stringify(rows), out, delimiter]);
    return readFileSync(out, 'utf8');
  } catch (error) {
    throw new Error(`python3 could not write the table: ${error.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ROWS = [
  ['title', 'newspaper', 'date', 'text'],
  ['Rally', 'Mint', '2024-06-03', 'Markets rallied, and the rupee "gained".\nA second line, with a comma.'],
  ['Cricket', 'Times', '2024-06-20', 'Cricket fans cheer the team.'],
  ['Blank', 'Times', '2024-06-21', '   '],
  ['Slide', 'Mint', '2024-07', 'Markets fell; the budget worries them.'],
];

test('a CSV with quoted commas, quotes and newlines, and a BOM: one document a row', () => {
  const source = python(ROWS, { bom: true });
  assert.ok(source.startsWith('\uFEFF'), 'Python wrote a BOM');
  assert.ok(source.includes('"Markets rallied, and the rupee ""gained"".\nA second line, with a comma."\r\n'), 'quoted as RFC 4180');
  const table = parseTable(source, 'news.csv', dsv);
  assert.deepEqual(table.columns, ['title', 'newspaper', 'date', 'text']);
  assert.equal(table.textColumn, 3);
  const { items, messages } = tableItems(table, table.textColumn, 'news.csv', 'news', t);
  assert.deepEqual(items.map((i) => i.title), ['Rally', 'Cricket', 'Slide']);
  assert.equal(items[0].text, ROWS[1][3]);
  assert.deepEqual(items[0].metadata, { author: null, date: '2024-06-03', source: null, fields: [{ name: 'newspaper', value: 'Mint' }] });
  assert.equal(items[2].metadata.date, '2024-07');
  assert.deepEqual(messages.map((m) => m.text), ['“news.csv”: rows without text were left out (rows 4, counting the header as row 1).']);
});

test('a TSV (tabs, a tab inside a quoted field), and a table whose text column is not named', () => {
  const rows = [['headline', 'group', 'content'], ['One', 'A', 'first\ttabbed text'], ['Two', 'B', 'second text']];
  const table = parseTable(python(rows, { delimiter: '\t' }), 'groups.tsv', dsv);
  assert.equal(table.textColumn, 2);
  const { items } = tableItems(table, 2, 'groups.tsv', 'groups', t);
  assert.deepEqual(items.map((i) => [i.title, i.text, i.metadata.fields[0].value]), [['One', 'first\ttabbed text', 'A'], ['Two', 'second text', 'B']]);
  const unnamed = parseTable(python([['id', 'speech'], ['1', 'A long speech of many words.'], ['2', 'Another long speech.']]), 'x.csv', dsv);
  assert.equal(unnamed.textColumn, -1);
  assert.equal(likelyTextColumn(unnamed.columns, unnamed.rows), 1);
  const untitled = tableItems(unnamed, 1, 'x.csv', 'x', t).items;
  assert.deepEqual(untitled.map((i) => i.title), ['x 1', 'x 2']);
  assert.deepEqual(untitled[0].metadata.fields, [{ name: 'id', value: '1' }]);
});

test('scope suggestions: each field and value, and dates by year and month', () => {
  const docs = [
    { metadata: { author: null, date: '2024-06-03', source: null, fields: [{ name: 'newspaper', value: 'Mint' }] } },
    { metadata: { author: 'Ann', date: '2024-07', source: null, fields: [{ name: 'newspaper', value: 'Times' }] } },
    { metadata: { author: null, date: null, source: null, fields: [] } },
  ];
  assert.deepEqual(scopeSuggestions(docs), [
    'author = Ann', 'newspaper = Mint', 'newspaper = Times', 'date 2024', 'date 2024-06', 'date 2024-07',
  ]);
});

test('the scope is in the state and the link, and a new scope starts the results over', async () => {
  const { parse, format, applyPatch } = await import('../../www/state.js');
  const state = parse('#view=kwic&q=the&scope=date+2024-06&page=3');
  assert.equal(state.scope, 'date 2024-06');
  assert.equal(format(state), '#view=kwic&q=the&scope=date+2024-06&page=3');
  assert.equal(parse('#scope=%20newspaper%20%3D%20Mint%20').scope, 'newspaper = Mint');
  assert.equal(parse('').scope, '');
  const next = applyPatch(state, { scope: 'newspaper = Mint' });
  assert.equal(next.page, 1);
  assert.equal(applyPatch(state, { window: 3 }).scope, 'date 2024-06');
});

test('the pipeline: front matter taken out, a table split into rows, the user asked for an unnamed text column', async () => {
  // www/vendor/ is written by scripts/vendor.mjs (scripts/build runs it).
  const { withMetadata } = await import('../../www/import/pipeline.js');
  const asked = [];
  const chooseColumn = async (name, columns, guess) => {
    asked.push([name, columns, guess]);
    return 1;
  };
  const messages = [];
  const items = await withMetadata([
    { title: 'post', name: 'post.md', text: readFileSync(path.join(fixtures, 'crlf.md'), 'utf8'), encoding: 'UTF-8' },
    { title: 'speeches', name: 'speeches.csv', text: python([['id', 'speech'], ['1', 'A long speech of many words.'], ['2', 'Another long speech.']]), encoding: 'UTF-8' },
    { title: 'plain', name: 'plain.txt', text: '---\ntitle: not read in a .txt\n---\nText.' },
  ], messages, t, { chooseColumn });
  assert.deepEqual(asked, [['speeches.csv', ['id', 'speech'], 1]]);
  assert.deepEqual(items.map((i) => [i.title, i.text]), [
    ['Windows line ends', 'Body with CRLF line ends.\r\n'],
    ['speeches 1', 'A long speech of many words.'],
    ['speeches 2', 'Another long speech.'],
    ['plain', '---\ntitle: not read in a .txt\n---\nText.'],
  ]);
  assert.equal(items[1].encoding, 'UTF-8');
  assert.deepEqual(messages.map((m) => m.text), ['“speeches.csv”: 2 texts from the column “speech”, the other columns as metadata.']);
  // Declining adds the file as one text.
  const whole = await withMetadata([{ title: 's', name: 's.csv', text: 'a,b\n1,2\n' }], [], t, { chooseColumn: async () => null });
  assert.deepEqual(whole.map((i) => i.text), ['a,b\n1,2\n']);
});
