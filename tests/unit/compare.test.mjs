// The Compare view's blocks: where a side's text is cut (each block laid out only near the
// screen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocks } from '../../www/views/compare.js';

test('blocks cover the text end to end, cut after a line break, else a space', () => {
  const text = `${'word '.repeat(30)}\n${'é😀 '.repeat(40)}\nend`;
  // A space comes at least every 5 units (😀 is two), so each cut finds one.
  for (const size of [7, 50, 100, 10_000]) {
    const cut = blocks(text, size);
    assert.equal(cut[0][0], 0);
    assert.equal(cut.at(-1)[1], text.length);
    for (let i = 1; i < cut.length; i += 1) assert.equal(cut[i][0], cut[i - 1][1], `contiguous at size ${size}`);
    for (const [start, end] of cut.slice(0, -1)) {
      assert.ok(end - start >= Math.min(size, text.length), `at least ${size} (${start}..${end})`);
      assert.match(text[end - 1], /[\n ]/, `a block ends after a line break or a space (${start}..${end})`);
    }
  }
  // A line break near the cut wins over a nearer space.
  assert.deepEqual(blocks('aaaa bb\ncc dd', 4), [[0, 8], [8, 12], [12, 13]]);
  assert.deepEqual(blocks('', 4), []);
  // No break at all: cut at the size.
  assert.deepEqual(blocks('abcdefghij', 4), [[0, 4], [4, 8], [8, 10]]);
});
