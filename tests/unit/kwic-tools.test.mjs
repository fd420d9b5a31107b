// KWIC's filter syntax and the new state keys (www/state.js), the word tree's paths and
// branch filters (www/views/wordtree.js), and tag names (www/views/kwic-tools.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, parse, format, applyPatch, parseWhere, kwicTools } from '../../www/state.js';
import { treePaths, branchFilter } from '../../www/views/wordtree.js';
import { tagNames } from '../../www/views/kwic-tools.js';

test('the filter is position=word pairs apart by spaces; a bare word is anywhere in the window', () => {
  assert.deepEqual(parseWhere(''), []);
  assert.deepEqual(parseWhere('1L=the  2R = war'), [{ position: '1L', word: 'the' }, { position: '2R', word: 'war' }]);
  assert.deepEqual(parseWhere('W=peace sanction*'), [{ position: 'W', word: 'peace' }, { position: 'window', word: 'sanction*' }]);
  assert.deepEqual(parseWhere('1R=a|the'), [{ position: '1R', word: 'a|the' }]);
});

test('filter, sample, seed and side are in the URL, defaults left out', () => {
  assert.equal(format(DEFAULTS), '');
  const state = { ...DEFAULTS, view: 'kwic', q: 'war', where: '1L=the', sample: 20, seed: 7 };
  assert.equal(format(state), '#view=kwic&q=war&where=1L%3Dthe&sample=20&seed=7');
  assert.deepEqual(parse(format(state)), state);
  assert.equal(parse('#view=wordtree&side=left').side, 'left');
  assert.equal(parse('#side=up').side, 'right');
  assert.equal(parse('#seed=4294967295').seed, 4294967295);
  assert.equal(parse('#seed=4294967296').seed, 0);
  assert.equal(parse('#sample=200000').sample, 100_000);
  assert.deepEqual(kwicTools(state), { filter: [{ position: '1L', word: 'the' }], sample: { size: 20, seed: 7 } });
  assert.deepEqual(kwicTools(DEFAULTS), { filter: undefined, sample: undefined });
});

test('a new filter or sample goes back to page 1', () => {
  const state = { ...DEFAULTS, view: 'kwic', q: 'war', page: 3 };
  assert.equal(applyPatch(state, { where: '1L=the' }).page, 1);
  assert.equal(applyPatch(state, { sample: 10 }).page, 1);
  assert.equal(applyPatch(state, { seed: 5 }).page, 1);
  assert.equal(applyPatch(state, { side: 'left' }).page, 3);
});

test('a word tree reads as paths, and a branch as a KWIC filter', () => {
  const tree = {
    total: 3,
    children: [
      { word: 'of', count: 2, children: [{ word: 'the', count: 1, children: [], rest: 0, restBranches: 0 }], rest: 0, restBranches: 0 },
      { word: 'ended', count: 1, children: [], rest: 0, restBranches: 0 },
    ],
  };
  assert.deepEqual(treePaths(tree), [
    { path: ['of'], depth: 1, count: 2 },
    { path: ['of', 'the'], depth: 2, count: 1 },
    { path: ['ended'], depth: 1, count: 1 },
  ]);
  assert.equal(branchFilter(['of', 'the'], 'right'), '1R=of 2R=the');
  assert.equal(branchFilter(['the'], 'left'), '1L=the');
  assert.deepEqual(parseWhere(branchFilter(['of', 'the'], 'right')), [{ position: '1R', word: 'of' }, { position: '2R', word: 'the' }]);
});

test('tag names are apart by commas, trimmed, each once', () => {
  assert.deepEqual(tagNames(' literal, figurative ,,literal'), ['literal', 'figurative']);
  assert.deepEqual(tagNames(''), []);
  assert.deepEqual(tagNames('حرفي، مجازي'), ['حرفي', 'مجازي']);
  assert.deepEqual(tagNames('字義、比喩，字義'), ['字義', '比喩']);
});
