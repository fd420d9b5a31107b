// Word Tree (Wattenberg & Viégas; Voyant's WordTree): the contexts to the right or the left
// of the query, merged by shared words into a branching tree (the engine's wordTree). Each
// branch is a button, sized by its count; activating one opens KWIC narrowed to it (the
// filter `1R=of 2R=the`). The paths and counts are also a table; SVG and CSV exports.

import { h, replaceChildren, sentence, setStyle } from '../dom.js';
import { registerStyles } from '../styles.js';
import { svg } from './kit/svg.js';
import { sortableTable } from './kit/table.js';
import { tableExport, svgExport } from './kit/export.js';
import { numberField, queryField, selectField, syntaxHelp } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { fileSafe } from './kit/format.js';
import { styleNode } from './kit/style.js';
import { lineDirection } from './kwic.js';

const CSS = `
.wordtree .wt-tree { overflow: auto; max-height: 40em; padding: .5em 0; border: 1px solid var(--te-border); border-radius: var(--te-radius); }
.wordtree .wt-node { display: flex; align-items: center; gap: .25em; }
.wordtree .wt-tree[data-side="left"] .wt-node { flex-direction: row-reverse; }
/* The branches stack as blocks: a column flexbox lays each child out twice, so a tree of
   nested ones cost its layout 2^depth (a 200-node tree took 90-230 ms to lay out). */
.wordtree .wt-children { list-style: none; margin: 0; padding: 0; padding-inline-start: .5em;
  border-inline-start: 1px solid var(--te-border); }
.wordtree .wt-tree[data-side="left"] .wt-children { padding-inline: 0 .5em; border-inline-start: 0; border-inline-end: 1px solid var(--te-border); }
.wordtree .wt-children > li { padding: .05em 0; }
.wordtree .wt-word { border: 0; background: transparent; color: inherit; padding: 0 .2em; line-height: 1.2; white-space: nowrap; cursor: pointer; }
.wordtree .wt-word:hover { text-decoration: underline; }
.wordtree .wt-word:focus-visible { outline: 3px solid var(--te-focus); }
.wordtree .wt-root { font-weight: 700; padding: 0 .3em; white-space: nowrap; }
.wordtree .wt-count { font-size: .7em; color: var(--te-muted); margin-inline-start: .2em; }
.wordtree .wt-more { font-size: .8em; color: var(--te-muted); white-space: nowrap; padding: 0 .3em; }
`;

/** Every node's path from the root: [{path: [words], depth, count}], depth first. */
export function treePaths(tree) {
  const rows = [];
  const walk = (nodes, path) => {
    for (const node of nodes) {
      const here = [...path, node.word];
      rows.push({ path: here, depth: here.length, count: node.count });
      walk(node.children, here);
    }
  };
  walk(tree.children, []);
  return rows;
}

/** KWIC's filter for a branch: `1R=of 2R=the` (or 1L, 2L… on the left side). */
export function branchFilter(path, side) {
  const s = side === 'left' ? 'L' : 'R';
  return path.map((word, i) => `${i + 1}${s}=${word}`).join(' ');
}

export function createWordTreeView(ctx) {
  registerStyles(CSS);
  const { formatNumber } = ctx;
  const t = ctx.strings;
  const W = t.wordTree;
  const opts = { depth: 6, branches: 10 };
  // The nodes asked of the engine (which keeps up to 3,000): a tree of a frequent word in a
  // large corpus is drawn at once, without a long task, and its table of paths in one page.
  const MAX_NODES = 150;
  const run = latest();
  let state = null;
  let tree = null;
  let key = null;
  let treeQuery = '';
  const rerun = () => state && update(state, { force: true });

  const query = queryField(ctx, t.search);
  const side = selectField(W.side, [{ value: 'right', label: W.right }, { value: 'left', label: W.left }],
    { value: 'right', onchange: (value) => ctx.set({ side: value }) });
  const depth = numberField(W.depth, { min: 1, max: 12, value: opts.depth, onchange: (n) => { opts.depth = n; rerun(); } });
  const branches = numberField(W.branches, { min: 1, max: 50, value: opts.branches, onchange: (n) => { opts.branches = n; rerun(); } });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const drawing = h('div', { class: 'wt-tree', role: 'group', 'aria-label': W.treeLabel });
  const columns = [
    { key: 'path', label: W.path, value: (r) => r.path.join(' '), sort: 'asc' },
    { key: 'depth', label: W.words, num: true, value: (r) => r.depth, sort: 'asc' },
    { key: 'count', label: t.count, num: true, value: (r) => r.count, render: (r) => formatNumber(r.count) },
  ];
  const table = sortableTable(t, { caption: W.tableCaption, columns, page: 50, inFrames: true });
  const name = () => `wordtree-${fileSafe(state?.q)}-${state?.side ?? 'right'}`;

  const el = h('div', { class: 'analysis wordtree' }, styleNode(),
    h('div', { class: 'controls' }, query.el, side.el, depth.el, branches.el),
    syntaxHelp(t),
    h('p', { class: 'help' }, W.help),
    status,
    h('div', { class: 'row' }, h('h3', {}, W.title), svgExport(t, () => name(), () => tree && drawSvg(treeQuery))),
    drawing,
    h('div', { class: 'row' }, h('h3', {}, W.tableTitle),
      tableExport(t, () => name(), () => ({ columns, rows: table.rows() }))),
    table.el);

  function open(path) {
    ctx.set({ view: 'kwic', where: branchFilter(path, state.side), sample: 0 });
  }

  // The largest count (the root's) gives 1.6em; a branch of one hit 0.85em.
  // In steps of 0.05em: each size is a font the browser shapes text in afresh (200 words in
  // as many sizes spent 40 ms shaping).
  const size = (count) => 0.85 + Math.round(15 * Math.sqrt(count / Math.max(1, tree.total))) / 20;

  function branch(node, path) {
    const here = [...path, node.word];
    const button = h('button', {
      type: 'button', class: 'wt-word', title: W.branchTitle(here.join(' '), formatNumber(node.count)),
      onclick: () => open(here),
    }, node.word, h('span', { class: 'wt-count' }, formatNumber(node.count)));
    setStyle(button, { fontSize: `${size(node.count).toFixed(2)}em` });
    return h('li', {}, h('div', { class: 'wt-node' }, button, children(node, here)));
  }

  function children(node, path) {
    if (!node.children.length && !node.restBranches) return null;
    return h('ul', { class: 'wt-children' },
      node.children.map((c) => branch(c, path)),
      node.restBranches ? h('li', { class: 'wt-more' }, W.more(formatNumber(node.restBranches), formatNumber(node.rest))) : null);
  }

  function draw(q) {
    const root = h('span', { class: 'wt-root' }, q);
    setStyle(root, { fontSize: '1.6em' });
    drawing.dataset.side = state.side;
    // The tree reads in its text's direction, whatever the UI's: an English text's left
    // context grows leftwards in the Arabic UI too, an Arabic text's right context leftwards.
    drawing.dir = lineDirection([q, ...tree.children.map((c) => c.word)].join(' '));
    replaceChildren(drawing, h('div', { class: 'wt-node' }, root, children(tree, [])));
    // The SVG file is drawn when it is asked for.
    treeQuery = q;
  }

  // The same tree as an SVG file: one column of words per depth, each word at the middle of
  // its leaves, joined to its parent by a line; rows of 16 px.
  function drawSvg(q) {
    const ROW = 16;
    const COL = 110;
    const rows = [];
    const lines = [];
    let leaf = 0;
    const place = (node, depthIndex) => {
      let y;
      if (!node.children.length) {
        y = leaf * ROW + ROW;
        leaf += 1;
      } else {
        const ys = node.children.map((c) => place(c, depthIndex + 1));
        y = (ys[0] + ys[ys.length - 1]) / 2;
        for (const cy of ys) lines.push([depthIndex, y, cy]);
      }
      if (depthIndex > 0) rows.push({ x: depthIndex, y, node });
      return y;
    };
    const rootY = place({ ...tree, word: q, count: tree.total }, 0);
    const maxDepth = Math.max(1, ...rows.map((r) => r.x));
    const width = (maxDepth + 1) * COL + 20;
    const height = Math.max(leaf, 1) * ROW + ROW;
    // Growing leftwards: the left side of a left-to-right text, the right of a right-to-left one.
    const left = (state.side === 'left') !== (drawing.dir === 'rtl');
    const x = (d) => (left ? width - 10 - d * COL : 10 + d * COL);
    return svg('svg', {
      xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
      'aria-label': W.svgLabel(q, formatNumber(tree.total)), style: 'font: 12px system-ui, sans-serif',
    },
    lines.map(([d, y1, y2]) => svg('line', {
      x1: x(d) + (left ? -COL + 20 : COL - 20), x2: x(d + 1) + (left ? 4 : -4), y1: y1 - 4, y2: y2 - 4, stroke: 'currentColor', 'stroke-opacity': 0.3,
    })),
    svg('text', { x: x(0), y: rootY, 'font-weight': 700, fill: 'currentColor', 'text-anchor': left ? 'end' : 'start' }, q),
    rows.map(({ x: d, y, node }) => svg('text', {
      x: x(d), y, fill: 'currentColor', 'text-anchor': left ? 'end' : 'start',
      'font-size': (12 * size(node.count)).toFixed(1),
    }, `${node.word} (${node.count})`)));
  }

  function clear(text, isError = false) {
    status.classList.toggle('error', isError);
    status.textContent = text;
    tree = null;
    replaceChildren(drawing);
    table.set([]);
  }

  function update(next, { force = false } = {}) {
    state = next;
    query.sync(next.q);
    side.select.value = next.side;
    const q = next.q.trim();
    const nextKey = JSON.stringify([q, next.doc, next.scope, next.side, opts]);
    if (!force && nextKey === key) return;
    key = nextKey;
    if (!q) {
      run.cancel();
      clear(W.noQuery);
      return;
    }
    run(() => ctx.client.wordTree(q, {
      doc: next.doc ?? undefined, scope: next.scope || undefined, side: next.side, depth: opts.depth, branches: opts.branches, maxNodes: MAX_NODES,
    }), async (answer) => {
      tree = answer;
      status.classList.remove('error');
      status.textContent = answer.total ? W.summary(formatNumber(answer.total), answer.total) : t.noHits(q);
      draw(q);
      // The table in a task of its own, after the tree is drawn.
      await new Promise((resolve) => setTimeout(resolve));
      if (tree === answer) table.set(treePaths(answer));
    }, (error) => {
      key = null;
      clear(sentence(error.message), true);
    });
  }

  return { el, update, focus: () => query.input.focus() };
}
