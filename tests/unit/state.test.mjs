// The state's pure rules (www/state.js): hash parse/format, normalize, and the patch rules
// that the store applies (a new query or document starts over).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, parse, format, normalize, applyPatch, netTerms, MAX_NET } from '../../www/state.js';

test('the bare hash is the default state, and the default state formats to ""', () => {
  assert.deepEqual(parse(''), DEFAULTS);
  assert.deepEqual(parse('#'), DEFAULTS);
  assert.equal(format(DEFAULTS), '');
});

test('parse and format round-trip a full state', () => {
  const state = { ...DEFAULTS, view: 'reader', q: 'north korea', doc: 1, sort: '1R', window: 7, page: 3, stopwords: true, filter: 'ko', read: 0, hit: 1234, fold: true };
  assert.deepEqual(parse(format(state)), state);
});

test('diacritic folding is fold=1 in the link, and left out when off', () => {
  assert.equal(format({ ...DEFAULTS, view: 'terms', fold: true }), '#view=terms&fold=1');
  assert.equal(format({ ...DEFAULTS, fold: false }), '');
  assert.deepEqual(parse('#view=terms&fold=1'), { ...DEFAULTS, view: 'terms', fold: true });
  assert.equal(normalize({ fold: true }).fold, true);
  // The hits change: KWIC goes back to its first page, and keeps the query.
  const at = { ...DEFAULTS, view: 'kwic', q: 'zurich', page: 2 };
  assert.deepEqual(applyPatch(at, { fold: true }), { ...at, fold: true, page: 1 });
});

const bad = [
  ['unknown view', '#view=nope', { view: 'summary' }],
  ['negative doc', '#doc=-1', { doc: null }],
  ['doc not a number', '#doc=x', { doc: null }],
  ['window over the maximum is clamped', '#window=99', { window: 50 }],
  ['page 0', '#page=0', { page: 1 }],
  // Its offset fits the engine's (32 bits): the KWIC view then shows the last page.
  ['a huge page is clamped', '#page=999999999', { page: Math.floor(0xffffffff / 100) }],
  ['unknown sort', '#sort=3R', { sort: 'position' }],
  ['stopwords other than show', '#stopwords=yes', { stopwords: false }],
  ['fold other than 1', '#fold=yes', { fold: false }],
];
for (const [name, hash, expected] of bad) {
  test(`a bad value falls back: ${name}`, () => {
    assert.deepEqual(parse(hash), { ...DEFAULTS, ...expected });
  });
}

test('normalize completes and validates a partial state', () => {
  assert.deepEqual(normalize({ view: 'kwic', window: 80 }), { ...DEFAULTS, view: 'kwic', window: 50 });
});

const at = { ...DEFAULTS, view: 'kwic', q: 'putin', doc: 1, page: 4, read: 1, hit: 99 };
const patches = [
  ['a new query resets page, hit and read', { q: 'kim' }, { q: 'kim', page: 1, read: null, hit: null }],
  ['a new document resets page, hit and read', { doc: null }, { doc: null, page: 1, read: null, hit: null }],
  ['the same query keeps them', { q: 'putin' }, {}],
  ['a new sort goes back to page 1 only', { sort: '1R' }, { sort: '1R', page: 1 }],
  ['a new window goes back to page 1 only', { window: 9 }, { window: 9, page: 1 }],
  ['a view change keeps them', { view: 'reader' }, { view: 'reader' }],
  ['a key the patch sets wins over the reset', { q: 'kim', page: 2 }, { q: 'kim', page: 2, read: null, hit: null }],
  ['opening a hit keeps the query', { view: 'reader', read: 0, hit: 5 }, { view: 'reader', read: 0, hit: 5 }],
];
for (const [name, patch, expected] of patches) {
  test(`applyPatch: ${name}`, () => {
    assert.deepEqual(applyPatch(at, patch), { ...at, ...expected });
  });
}

test('applyPatch with restart resets the positions whatever changed', () => {
  assert.deepEqual(applyPatch(at, { doc: 1 }, { restart: true }), { ...at, page: 1, read: null, hit: null });
});

test('the Network view\'s expanded nodes are net=a,b in the link, left out when none', () => {
  const state = { ...DEFAULTS, view: 'network', q: 'putin', net: 'president,russia' };
  assert.equal(format(state), '#view=network&q=putin&net=president%2Crussia');
  assert.deepEqual(parse(format(state)), state);
  assert.equal(format({ ...DEFAULTS, net: '' }), '');
  // Blanks and repeats dropped, at most MAX_NET terms.
  assert.equal(parse('#net=%20a%2C%2Cb%2Ca%2C').net, 'a,b');
  const many = Array.from({ length: MAX_NET + 3 }, (_, i) => `w${i}`);
  assert.deepEqual(netTerms(many.join(',')), many.slice(0, MAX_NET));
  assert.deepEqual(netTerms(''), []);
  // A new query expands nothing; a new document keeps the expanded nodes.
  const at = { ...DEFAULTS, view: 'network', q: 'putin', net: 'president' };
  assert.equal(applyPatch(at, { q: 'kim' }).net, '');
  assert.equal(applyPatch(at, { q: 'kim', net: 'jong' }).net, 'jong');
  assert.equal(applyPatch(at, { doc: 1 }).net, 'president');
});
