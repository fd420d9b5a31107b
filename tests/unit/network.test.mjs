// The Network view's pure helpers (www/views/network.js): the arrow keys' nearest node in a
// direction, and which expanded nodes stay when one is collapsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestInDirection, afterCollapse } from '../../www/views/network.js';

//        1
//   2    0    3   4
//        5
const nodes = [
  { x: 0.5, y: 0.5 }, { x: 0.5, y: 0.2 }, { x: 0.2, y: 0.5 }, { x: 0.7, y: 0.52 }, { x: 0.9, y: 0.5 }, { x: 0.5, y: 0.9 },
];

test('an arrow key goes to the nearest node ahead, preferring one straight ahead', () => {
  assert.equal(nearestInDirection(nodes, 0, 1, 0), 3);
  assert.equal(nearestInDirection(nodes, 3, 1, 0), 4);
  assert.equal(nearestInDirection(nodes, 0, -1, 0), 2);
  assert.equal(nearestInDirection(nodes, 0, 0, -1), 1);
  assert.equal(nearestInDirection(nodes, 0, 0, 1), 5);
  // Nothing ahead: no move.
  assert.equal(nearestInDirection(nodes, 4, 1, 0), null);
  // A near node far off to the side loses to a farther one straight ahead.
  const side = [{ x: 0, y: 0 }, { x: 0.1, y: 0.3 }, { x: 0.5, y: 0 }];
  assert.equal(nearestInDirection(side, 0, 1, 0), 2);
});

// putin → a, b; a (expanded) → c; c (expanded) → d; b (expanded) → c.
const network = {
  nodes: ['putin', 'a', 'b', 'c', 'd'].map((term) => ({ term })),
  edges: [[0, 1], [0, 2], [1, 3], [3, 4], [2, 3]].map(([from, to]) => ({ from, to })),
};

test('collapsing a node drops the expansions reached only through it', () => {
  assert.deepEqual(afterCollapse(network, ['a', 'c'], 'a'), []);
  // c is reached through b as well: it stays.
  assert.deepEqual(afterCollapse(network, ['a', 'c', 'b'], 'a'), ['c', 'b']);
  assert.deepEqual(afterCollapse(network, ['a', 'c', 'b'], 'c'), ['a', 'b']);
  assert.deepEqual(afterCollapse(network, ['a', 'b'], 'b'), ['a']);
});
