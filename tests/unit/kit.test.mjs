// The views' kit: the latest-answer rule, sorting, formatting, queries (www/views/kit/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latest } from '../../www/views/kit/latest.js';
import { sortRows } from '../../www/views/kit/table.js';
import { fmt, fmtP, stars, fileSafe } from '../../www/views/kit/format.js';
import { phraseQuery } from '../../www/views/kit/query.js';

const deferred = () => {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};

test('latest: an answer overtaken by a later call is dropped', async () => {
  const run = latest();
  const shown = [];
  const first = deferred();
  const a = run(() => first.promise, (v) => shown.push(v));
  const b = run(async () => 'second', (v) => { shown.push(v); return 'applied'; });
  first.resolve('first');
  assert.equal(await a, undefined);
  assert.equal(await b, 'applied');
  assert.deepEqual(shown, ['second']);
});

test('latest: a stale rejection is dropped, the latest one goes to fail', async () => {
  const run = latest();
  const failed = [];
  const first = deferred();
  const a = run(() => first.promise, () => {}, (e) => failed.push(e.message));
  const b = run(async () => { throw new Error('bad query'); }, () => {}, (e) => failed.push(e.message));
  first.reject(new Error('old'));
  await Promise.all([a, b]);
  assert.deepEqual(failed, ['bad query']);
});

test('latest: a rejection marked superseded is dropped even when it is the latest', async () => {
  const run = latest();
  const failed = [];
  const result = await run(async () => {
    throw Object.assign(new Error('superseded by a newer query'), { superseded: true });
  }, () => {}, (e) => failed.push(e));
  assert.equal(result, undefined);
  assert.deepEqual(failed, []);
});

test('latest: cancel drops what is in flight; without fail the latest rejection rejects', async () => {
  const run = latest();
  const shown = [];
  const pending = run(async () => 1, (v) => shown.push(v));
  run.cancel();
  await pending;
  assert.deepEqual(shown, []);
  await assert.rejects(run(async () => { throw new Error('x'); }, () => {}), /x/);
});

test('sortRows: numbers by value, text by localeCompare, stable, either direction', () => {
  const rows = [{ k: 2, s: 'b', i: 0 }, { k: 1, s: 'a', i: 1 }, { k: 2, s: 'c', i: 2 }];
  assert.deepEqual(sortRows(rows, (r) => r.k, false).map((r) => r.i), [1, 0, 2]);
  assert.deepEqual(sortRows(rows, (r) => r.k, true).map((r) => r.i), [0, 2, 1]);
  assert.deepEqual(sortRows(rows, (r) => r.s, true).map((r) => r.s), ['c', 'b', 'a']);
  assert.deepEqual(rows.map((r) => r.i), [0, 1, 2], 'the input is not changed');
  // A missing value (a DP without hits) comes last, whichever the direction.
  const dp = [{ dp: 0.5 }, { dp: null }, { dp: 0.1 }, { dp: Number.NaN }, { dp: 0.3 }];
  assert.deepEqual(sortRows(dp, (r) => r.dp, false).map((r) => r.dp), [0.1, 0.3, 0.5, null, Number.NaN]);
  assert.deepEqual(sortRows(dp, (r) => r.dp, true).map((r) => r.dp), [0.5, 0.3, 0.1, null, Number.NaN]);
});

test('fmt, fmtP, stars', () => {
  assert.equal(fmt(null), '–');
  assert.equal(fmt(Number.NaN), '–');
  assert.equal(fmt(Infinity), '∞');
  assert.equal(fmt(-Infinity), '−∞');
  assert.equal(fmt(1234.5678), '1,234.57');
  assert.equal(fmtP(0.00001), '< 0.0001');
  assert.equal(fmtP(0.04), '0.0400');
  assert.deepEqual([0.0005, 0.005, 0.03, 0.2].map(stars), ['***', '**', '*', '']);
});

const phrases = [
  ['a word stays', 'whale', 'whale'],
  ['a phrase is quoted', 'north korea', '"north korea"'],
  ['a term with * is quoted (a literal star)', 'a*b', '"a*b"'],
  ['a term with | is quoted', 'a|b', '"a|b"'],
  ['a text with a quote stays as it is', 'say "hi"', 'say "hi"'],
];
for (const [name, text, expected] of phrases) {
  test(`phraseQuery: ${name}`, () => assert.equal(phraseQuery(text), expected));
}

test('fileSafe: letters and digits kept, other runs one _', () => {
  assert.equal(fileSafe(' north korea* '), 'north_korea_');
  assert.equal(fileSafe('café|東京'), 'café_東京');
  assert.equal(fileSafe(undefined), '');
});

test('rovingMove: arrows step and wrap, Home and End jump, other keys and empty lists move nowhere', async () => {
  const { rovingMove } = await import('../../www/dom.js');
  const cases = [
    ['ArrowRight', 0, 5, 1], ['ArrowDown', 3, 5, 4], ['ArrowRight', 4, 5, 0],
    ['ArrowLeft', 0, 5, 4], ['ArrowUp', 2, 5, 1], ['Home', 3, 5, 0], ['End', 1, 5, 4],
    ['Tab', 1, 5, null], ['Enter', 1, 5, null], ['ArrowRight', 0, 0, null],
  ];
  for (const [key, at, n, expected] of cases) assert.equal(rovingMove(key, at, n), expected, `${key} from ${at} of ${n}`);
});
