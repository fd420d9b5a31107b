// The Texts view's import pipeline (www/import/pipeline.js): limits, storage batches, files
// as items. (HTML to text needs DOMParser: the end-to-end tests cover it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  stem, urlFileName, storageBatches, fitItems, fileItem, fileMessages, isPlainFile, MAX_FILE_BYTES,
} from '../../www/import/pipeline.js';
import en from '../../www/strings/en.js';

const t = en.texts;
const item = (title, chars) => ({ title, text: 'x'.repeat(chars) });

test('stem drops the extension only', () => {
  assert.equal(stem('notes.txt'), 'notes');
  assert.equal(stem('a.b.md'), 'a.b');
  assert.equal(stem('README'), 'README');
  assert.equal(stem('.txt'), '.txt');
});

test('urlFileName: the last path segment, percent-decoded when it can be', () => {
  assert.equal(urlFileName(new URL('https://x.example/a/caf%C3%A9.txt')), 'café.txt');
  assert.equal(urlFileName(new URL('https://x.example/100%zz')), '100%zz');
  assert.equal(urlFileName(new URL('https://x.example/')), '');
});

test('storageBatches: about `size` characters each, at least one item, in order', () => {
  const items = [item('a', 6), item('b', 6), item('c', 20), item('d', 1)];
  assert.deepEqual(storageBatches(items, 10).map((b) => b.map((i) => i.title)), [['a', 'b'], ['c'], ['d']]);
  assert.deepEqual(storageBatches([], 10), []);
  assert.deepEqual(storageBatches(items).map((b) => b.length), [4]);
});

test('fitItems: an item over the limit is refused by name, later ones may fit', () => {
  const { fitting, messages } = fitItems([item('a', 5), { ...item('b', 8), name: 'b.txt' }, item('c', 3)], 0, t, 10);
  assert.deepEqual(fitting.map((i) => i.title), ['a', 'c']);
  assert.equal(messages.length, 1);
  assert.equal(messages[0].kind, 'error');
  assert.match(messages[0].text, /^“b\.txt” was not added: .*limit of 10 characters \(it has 8; 5 are left\)/);
});

const files = [
  ['an unreadable file', { error: 'gone' }, /“f\.txt” could not be read: gone\./],
  ['an empty file', { bytes: 0 }, /“f\.txt” is empty/],
  ['a file over the limit', { bytes: MAX_FILE_BYTES + 1 }, /is too large \(64\.0 MB\): the limit is 64 MB/],
  ['a binary file', { bytes: 10, binary: true }, /is not a text file/],
  ['white space only', { bytes: 3, text: ' \n ', encoding: 'UTF-8', how: 'utf-8' }, /is empty/],
];
for (const [name, decoded, message] of files) {
  test(`fileItem refuses ${name}`, () => {
    const { item: got, messages } = fileItem('f.txt', decoded, '', t);
    assert.equal(got, null);
    assert.equal(messages[0].kind, 'error');
    assert.match(messages[0].text, message);
  });
}

test('fileItem: a text file becomes an item titled by its name, with its encoding', () => {
  const decoded = { bytes: 5, text: 'hello', encoding: 'windows-1252', how: 'detected', hadErrors: true };
  const { item: got, messages } = fileItem('notes.txt', decoded, 'text/plain', t);
  assert.deepEqual(got, { title: 'notes', text: 'hello', encoding: 'windows-1252 (detected)', name: 'notes.txt' });
  assert.deepEqual(messages.map((m) => m.kind), ['info']);
});

test('isPlainFile: plain text files go to the worker; HTML, Markdown, tables and formats do not', () => {
  assert.ok(isPlainFile({ name: 'notes.txt', type: 'text/plain' }));
  assert.ok(isPlainFile({ name: 'README', type: '' }));
  for (const name of ['a.html', 'a.htm', 'a.md', 'a.csv', 'a.tsv', 'a.docx', 'a.pdf', 'a.zip', 'a.rtf']) assert.ok(!isPlainFile({ name, type: '' }), name);
  assert.ok(!isPlainFile({ name: 'page', type: 'text/html' }));
});

test('fileMessages: what addFiles did with each file, in the order of the page\'s path', () => {
  const file = (name, outcome, extra = {}) => ({ name, title: stem(name), outcome, bytes: 10, chars: 10, room: 0, hadErrors: false, ...extra });
  const messages = fileMessages([
    file('big.txt', 'overLimit', { chars: 70, room: 5 }),
    file('odd.txt', 'added', { hadErrors: true, encoding: 'windows-1252' }),
    file('bad.txt', 'refused', { message: 'this text has no words' }),
    file('img.txt', 'binary'),
    file('none.txt', 'empty'),
    file('huge.txt', 'tooLarge', { bytes: MAX_FILE_BYTES + 1048576 }),
    file('gone.txt', 'unreadable', { message: 'it could not be read' }),
  ], t, 100);
  assert.deepEqual(messages.map((m) => m.kind), ['info', 'error', 'error', 'error', 'error', 'error', 'error']);
  assert.deepEqual(messages.map((m) => m.text), [
    t.invalidBytes('odd.txt', 'windows-1252'),
    t.binary('img.txt'),
    t.empty('none.txt'),
    t.tooLarge('huge.txt', '65.0', '64'),
    t.unreadable('gone.txt', 'it could not be read'),
    t.overLimit('big.txt', '100', '70', '5'),
    t.notAdded('bad.txt', 'this text has no words'),
  ]);
});
