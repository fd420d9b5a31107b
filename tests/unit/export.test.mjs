// CSV and TSV export of the views' tables (www/views/kit/export.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv, toTsv } from '../../www/views/kit/export.js';

const columns = [{ label: 'term', value: (r) => r.term }, { label: 'count', value: (r) => r.count }];

const csv = [
  ['plain fields', [{ term: 'whale', count: 3 }], 'term,count\r\nwhale,3\r\n'],
  ['a comma is quoted', [{ term: 'a,b', count: 1 }], 'term,count\r\n"a,b",1\r\n'],
  ['a quote is doubled and quoted', [{ term: 'say "hi"', count: 1 }], 'term,count\r\n"say ""hi""",1\r\n'],
  ['a line break is quoted', [{ term: 'a\nb', count: 1 }], 'term,count\r\n"a\nb",1\r\n'],
  ['a formula gets a leading quote', [{ term: '=SUM(A1)', count: 1 }], "term,count\r\n'=SUM(A1),1\r\n"],
  ['a leading @ or + too', [{ term: '@x', count: 1 }, { term: '+y', count: 2 }], "term,count\r\n'@x,1\r\n'+y,2\r\n"],
  ['a negative number string stays', [{ term: '-3', count: 1 }], 'term,count\r\n-3,1\r\n'],
  ['a null is empty', [{ term: null, count: 0 }], 'term,count\r\n,0\r\n'],
  ['é, emoji and CJK pass through', [{ term: 'café 🐳 東京', count: 1 }], 'term,count\r\ncafé 🐳 東京,1\r\n'],
];
for (const [name, rows, expected] of csv) {
  test(`toCsv: ${name}`, () => assert.equal(toCsv(columns, rows), expected));
}

test('toTsv: tabs and line breaks inside a field become one space', () => {
  assert.equal(toTsv(columns, [{ term: 'a\tb\r\nc', count: 2 }]), 'term\tcount\na b c\t2\n');
});

test('toTsv: no header-only surprises for no rows', () => {
  assert.equal(toTsv(columns, []), 'term\tcount\n');
  assert.equal(toCsv(columns, []), 'term,count\r\n');
});
