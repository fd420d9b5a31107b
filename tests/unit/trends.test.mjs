// The Trends view's pure parts (www/views/trends.js) and its state key (www/state.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ticks, labelled, trendRows } from '../../www/views/trends.js';
import { parse, format, normalize, DEFAULTS, VIEWS } from '../../www/state.js';

test('ticks: round steps of 1, 2 or 5 × 10ⁿ from 0 past the largest value', () => {
  assert.deepEqual(ticks(0), [0, 1]);
  assert.deepEqual(ticks(NaN), [0, 1]);
  // 1176.47 / 4 = 294 → a step of 500.
  assert.deepEqual(ticks(1176.47), [0, 500, 1000, 1500]);
  assert.deepEqual(ticks(5000), [0, 2000, 4000, 6000]);
  assert.deepEqual(ticks(4000), [0, 1000, 2000, 3000, 4000]);
  assert.deepEqual(ticks(0.7), [0, 0.2, 0.4, 0.6, 0.8]);
  assert.deepEqual(ticks(3), [0, 1, 2, 3]);
  for (const max of [0.013, 1, 9.99, 42, 777, 123456]) {
    const axis = ticks(max);
    assert.ok(axis.at(-1) >= max, `${max}: ${axis}`);
    assert.ok(axis.length >= 3 && axis.length <= 6, `${max}: ${axis}`);
  }
});

test('labelled: at most `room` labels, evenly spaced, the first always', () => {
  assert.deepEqual(labelled(5, 10), [0, 1, 2, 3, 4]);
  assert.deepEqual(labelled(10, 4), [0, 3, 6, 9]);
  assert.deepEqual(labelled(25, 8), [0, 4, 8, 12, 16, 20, 24]);
  assert.deepEqual(labelled(3, 0), [0]);
  assert.deepEqual(labelled(0, 5), []);
});

const answer = {
  by: 'month',
  buckets: [
    { label: '2024-06', doc: null, docs: 2, tokens: 17 },
    { label: '2024-07', doc: null, docs: 0, tokens: 0 },
  ],
  undated: { label: '', doc: null, docs: 1, tokens: 6 },
  series: [
    { query: 'markets', hits: 3, points: [{ hits: 2, tokens: 17, relative: 1176.5 }, { hits: 0, tokens: 0, relative: 0 }], undated: { hits: 1, tokens: 6, relative: 1666.7 } },
    { query: 'cricket', hits: 2, points: [{ hits: 2, tokens: 17, relative: 1176.5 }, { hits: 0, tokens: 0, relative: 0 }], undated: { hits: 0, tokens: 6, relative: 0 } },
  ],
};

test('trendRows: a row per bucket, each query’s hits and relative frequency, then the undated', () => {
  const rows = trendRows(answer, 'Undated');
  assert.deepEqual(rows.map((r) => r.label), ['2024-06', '2024-07', 'Undated']);
  assert.deepEqual(rows.map((r) => r.hits), [[2, 2], [0, 0], [1, 0]]);
  assert.deepEqual(rows.map((r) => r.relative), [[1176.5, 1176.5], [0, 0], [1666.7, 0]]);
  assert.deepEqual(rows.map((r) => [r.docs, r.tokens]), [[2, 17], [0, 0], [1, 6]]);
  // No undated document: no undated row.
  assert.equal(trendRows({ ...answer, undated: { ...answer.undated, docs: 0 } }, 'Undated').length, 2);
  assert.equal(trendRows({ ...answer, undated: null }, 'Undated').length, 2);
});

test('state: the Trends view and its grouping, the default left out of the URL', () => {
  assert.ok(VIEWS.indexOf('trends') === VIEWS.indexOf('dispersion') + 1);
  assert.equal(DEFAULTS.trend, 'document');
  assert.equal(format(normalize({ view: 'trends', trend: 'document' })), '#view=trends');
  assert.equal(format(normalize({ view: 'trends', trend: 'month' })), '#view=trends&trend=month');
  assert.equal(parse('#view=trends&trend=year').trend, 'year');
  assert.equal(parse('#trend=week').trend, 'document');
  assert.equal(parse('#trend=Month').trend, 'document');
});
