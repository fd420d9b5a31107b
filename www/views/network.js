// Network: a query's collocates as a graph (LancsBox's GraphColl, Voyant's Links). Expanding
// a collocate adds its own collocates, so the words two nodes share link to both. The engine
// computes the graph and its layout (src/analyses/network.rs: the Collocates view's numbers,
// a deterministic Fruchterman-Reingold layout); this view draws it as SVG. The graph is one
// tab stop: arrow keys move to the nearest word in that direction, Enter expands or
// collapses it. The links are also a table (its text alternative), with CSV and SVG export.

import { h, replaceChildren, sentence } from '../dom.js';
import { measureFormats, fileSafe } from './kit/format.js';
import { svg } from './kit/svg.js';
import { sortableTable } from './kit/table.js';
import { tableExport, svgExport } from './kit/export.js';
import { numberField, selectField, checkField, queryField, syntaxHelp } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { styleNode } from './kit/style.js';
import { registerStyles } from '../styles.js';
import { netTerms } from '../state.js';

/** The engine's measures, in the order offered (the Collocates view's). */
const MEASURES = ['logDice', 'logLikelihood', 'mi', 'tScore', 'count'];
const COUNTINGS = ['union', 'perHit'];
// Node colours, readable on light and dark backgrounds (the query, expanded, other).
const ROOT = '#d1501c';
const EXPANDED = '#1c6fd1';
const OTHER = '#2a9d3a';
// The label size in CSS pixels: the SVG is drawn at its shown width, one unit a pixel.
const FONT = 12;

const CSS = `
.analysis .network-chart { max-width: 60em; border: 1px solid var(--te-border); border-radius: var(--te-radius); }
.analysis .chart.network-chart:not(.cloud-chart) { overflow: visible; }
.analysis .chart.network-chart:not(.cloud-chart) svg { min-width: 0; }
.analysis .network-chart svg:focus { outline: none; }
.analysis .net-node { cursor: pointer; }
.analysis .net-node .ring { fill: none; stroke: var(--te-focus); stroke-width: 3; visibility: hidden; }
.analysis .net-node:focus { outline: none; }
.analysis .net-node:focus .ring, .analysis .net-node.current .ring { visibility: visible; }
.analysis .net-label { paint-order: stroke; stroke: var(--te-bg); stroke-width: 3px; stroke-linejoin: round; }
.analysis .net-edge.near { stroke: var(--te-accent); stroke-opacity: 1; }
.analysis .net-actions { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; margin: .25em 0 .5em; min-height: 2.2em; }
@media (forced-colors: active) {
  .analysis .net-node circle.dot { fill: Canvas !important; stroke: CanvasText !important; }
  .analysis .net-node.root circle.dot, .analysis .net-node.expanded circle.dot { fill: Highlight !important; }
  .analysis .net-edge { stroke: CanvasText !important; }
  .analysis .net-label { stroke: Canvas; fill: CanvasText; }
  .analysis .net-node .ring { stroke: Highlight; }
}
`;

/**
 * The node nearest `from` in the direction of an arrow key (dx, dy: -1, 0 or 1): among the
 * nodes ahead of it, the one with the least distance plus twice its sideways offset, so that
 * a node straight ahead wins over a nearer one off to the side. `null` when none is ahead.
 */
export function nearestInDirection(nodes, from, dx, dy) {
  const a = nodes[from];
  let best = null;
  let bestScore = Infinity;
  nodes.forEach((b, i) => {
    if (i === from) return;
    const ahead = (b.x - a.x) * dx + (b.y - a.y) * dy;
    if (ahead <= 1e-9) return;
    const side = Math.abs((b.x - a.x) * dy - (b.y - a.y) * dx);
    const score = Math.hypot(b.x - a.x, b.y - a.y) + 2 * side;
    if (score < bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The expanded terms that stay reachable when `term` is collapsed: those found, from the
 * root, through the other expanded nodes only (a node reached only through `term` goes with
 * it). `network`: the engine's answer; `expanded`: the terms expanded now, in order.
 */
export function afterCollapse(network, expanded, term) {
  const index = new Map(network.nodes.map((n, i) => [n.term, i]));
  const open = new Set([0]);
  const keep = new Set();
  let grew = true;
  while (grew) {
    grew = false;
    for (const edge of network.edges) {
      if (!open.has(edge.from)) continue;
      const to = network.nodes[edge.to].term;
      if (to !== term && expanded.includes(to) && !keep.has(to)) {
        keep.add(to);
        open.add(index.get(to));
        grew = true;
      }
    }
  }
  return expanded.filter((t) => keep.has(t));
}

export function createNetworkView(ctx) {
  registerStyles(CSS);
  const { formatNumber } = ctx;
  const { fmt } = measureFormats(formatNumber);
  const t = ctx.strings;
  const K = t.kit;
  const C = t.collocates;
  const S = t.network;
  const opts = { left: 5, right: 5, minCount: 2, measure: 'logDice', stopwords: true, caseSensitive: false, counting: 'union', top: 10 };
  const run = latest();
  let state = null;
  let answer = null; // the engine's network, as drawn
  let current = 0; // the focused (or last focused) node's index
  let graphSvg = null;
  const rerun = () => state && update(state, { force: true });
  const query = queryField(ctx, K.query);
  const measure = selectField(S.measure, MEASURES.map((value) => ({ value, label: C.measures[value] })), {
    value: opts.measure, onchange: (v) => { opts.measure = v; rerun(); },
  });
  const top = numberField(S.top, { min: 1, max: 30, value: opts.top, onchange: (n) => { opts.top = n; rerun(); } });
  const left = numberField(K.left, { min: 0, max: 10, value: opts.left, onchange: (n) => { opts.left = n; rerun(); } });
  const right = numberField(K.right, { min: 0, max: 10, value: opts.right, onchange: (n) => { opts.right = n; rerun(); } });
  const min = numberField(K.minCount, { min: 1, max: 1000, value: opts.minCount, onchange: (n) => { opts.minCount = n; rerun(); } });
  const counting = selectField(C.counting, COUNTINGS.map((value) => ({ value, label: C.countings[value] })), {
    value: opts.counting, onchange: (v) => { opts.counting = v; rerun(); },
  });
  const stop = checkField(K.stopwords, { checked: opts.stopwords, onchange: (c) => { opts.stopwords = c; rerun(); } });
  const matchCase = checkField(K.matchCase, { checked: false, onchange: (c) => { opts.caseSensitive = c; rerun(); } });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const toggle = h('button', { type: 'button', class: 'net-toggle', onclick: () => toggleNode(current) });
  const chart = h('figure', { class: 'chart network-chart' });
  const help = h('p', { class: 'muted net-help' }, S.help);
  const measureLabel = () => C.measures[opts.measure];
  const term = (i) => answer?.nodes[i]?.term ?? '';
  const columns = [
    { key: 'from', label: S.from, sort: 'asc', value: (e) => term(e.from) },
    { key: 'to', label: S.to, sort: 'asc', value: (e) => term(e.to) },
    { key: 'value', get label() { return measureLabel(); }, num: true, value: (e) => e.value, render: (e) => fmt(e.value) },
    { key: 'observed', label: S.observed, num: true, value: (e) => e.observed, render: (e) => formatNumber(e.observed) },
  ];
  const table = sortableTable(t, { caption: S.caption, columns });
  const name = () => `network-${fileSafe(state?.q)}`;
  const el = h('div', { class: 'analysis network' }, styleNode(),
    h('div', { class: 'controls' }, query.el, measure.el, top.el, left.el, right.el, min.el, counting.el, stop.el, matchCase.el),
    syntaxHelp(t),
    status,
    h('div', { class: 'row' }, h('h3', {}, S.graphTitle), svgExport(t, () => name(), () => graphSvg)),
    help,
    h('div', { class: 'net-actions' }, toggle),
    chart,
    h('div', { class: 'row' }, h('h3', {}, S.tableTitle), tableExport(t, name, () => ({ columns, rows: table.rows() }))),
    table.el);

  const expandedTerms = () => netTerms(state?.net);

  function toggleNode(i) {
    const node = answer?.nodes[i];
    if (!node || node.root) return;
    current = i;
    const now = expandedTerms();
    const next = node.expanded ? afterCollapse(answer, now, node.term) : [...now, node.term];
    ctx.set({ net: next.join(',') });
  }

  function describe(node) {
    const links = node.links.map((j) => answer.nodes[j].term);
    const shown = links.length > 8 ? [...links.slice(0, 8), '…'] : links;
    return S.nodeLabel(node.term, formatNumber(node.frequency), shown.join(', '),
      node.root ? 'root' : node.expanded ? 'expanded' : 'collapsed');
  }

  function syncToggle() {
    const node = answer?.nodes[current];
    // Hidden without leaving the layout: a button that appeared above the graph on mousedown
    // would move the word away from under the pointer before the click.
    toggle.style.visibility = !node || node.root ? 'hidden' : 'visible';
    // Its text always set, so its height does not change either.
    if (node) toggle.textContent = node.expanded ? S.collapse(node.term) : S.expand(node.term);
  }

  function focusNode(i, move = true) {
    if (!graphSvg || !answer?.nodes[i]) return;
    current = i;
    for (const g of graphSvg.querySelectorAll('.net-node')) {
      const mine = Number(g.dataset.index) === i;
      g.setAttribute('tabindex', mine ? '0' : '-1');
      g.classList.toggle('current', mine);
    }
    for (const line of graphSvg.querySelectorAll('.net-edge')) {
      const near = Number(line.dataset.from) === i || Number(line.dataset.to) === i;
      line.classList.toggle('near', near);
    }
    for (const label of graphSvg.querySelectorAll('.net-value')) {
      label.setAttribute('visibility', Number(label.dataset.from) === i || Number(label.dataset.to) === i ? 'visible' : 'hidden');
    }
    syncToggle();
    if (move) graphSvg.querySelector(`.net-node[data-index="${i}"]`)?.focus();
  }

  function onKey(event) {
    const dirs = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (dirs[event.key]) {
      event.preventDefault();
      // In a right-to-left UI the graph is not mirrored: arrows keep their screen direction.
      const [dx, dy] = dirs[event.key];
      const next = nearestInDirection(answer.nodes, current, dx, dy);
      if (next != null) focusNode(next);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusNode(0);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggleNode(current);
    }
  }

  function draw() {
    const hadFocus = graphSvg?.contains(graphSvg.getRootNode().activeElement);
    const width = Math.round(Math.max(300, chart.clientWidth || 640));
    // Taller than wide on a phone, so that the words spread out.
    const height = Math.round(width < 560 ? width * 1.15 : width * 0.62);
    const { nodes, edges } = answer;
    const maxF = Math.max(1, ...nodes.map((n) => n.frequency));
    const values = edges.map((e) => e.value);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const widthOf = (v) => (hi > lo ? 1 + 4 * ((v - lo) / (hi - lo)) : 2.5);
    // Room at the sides for the labels of the outermost words.
    const pad = Math.min(72, width * 0.14);
    const px = (n) => pad + n.x * (width - 2 * pad);
    const py = (n) => n.y * height;
    const radius = (n) => 5 + 13 * Math.sqrt(n.frequency / maxF);
    // One line per pair of nodes (two expanded nodes may each list the other).
    const pairs = new Map();
    for (const e of edges) {
      const key = e.from < e.to ? `${e.from} ${e.to}` : `${e.to} ${e.from}`;
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push(e);
    }
    const lines = [...pairs.values()].map((list) => {
      const e = list[0];
      const [a, b] = [nodes[e.from], nodes[e.to]];
      const value = Math.max(...list.map((x) => x.value));
      return svg('line', {
        class: 'net-edge', 'data-from': e.from, 'data-to': e.to,
        x1: px(a).toFixed(1), y1: py(a).toFixed(1), x2: px(b).toFixed(1), y2: py(b).toFixed(1),
        stroke: 'currentColor', 'stroke-opacity': 0.35, 'stroke-width': widthOf(value).toFixed(2),
      }, svg('title', {}, list.map((x) => S.edge(nodes[x.from].term, nodes[x.to].term, measureLabel(), fmt(x.value), formatNumber(x.observed))).join('\n')));
    });
    const valueLabels = edges.map((e) => {
      const [a, b] = [nodes[e.from], nodes[e.to]];
      return svg('text', {
        class: 'net-value net-label', 'data-from': e.from, 'data-to': e.to, visibility: 'hidden',
        x: ((px(a) + px(b)) / 2).toFixed(1), y: ((py(a) + py(b)) / 2 - 3).toFixed(1),
        'text-anchor': 'middle', fill: 'currentColor', 'font-size': FONT - 1,
      }, fmt(e.value, 1));
    });
    const dots = nodes.map((n, i) => {
      const r = radius(n);
      const colour = n.root ? ROOT : n.expanded ? EXPANDED : OTHER;
      // The label away from the centre, where the lines to the query do not run; the
      // query's own below it.
      const outward = n.x >= 0.5 ? 1 : -1;
      return svg('g', {
        class: `net-node${n.root ? ' root' : ''}${n.expanded ? ' expanded' : ''}`, 'data-index': i, 'data-term': n.term,
        role: 'button', tabindex: i === current ? 0 : -1, 'aria-label': describe(n),
        'aria-pressed': n.root ? null : String(n.expanded),
      },
      svg('circle', { class: 'ring', cx: px(n).toFixed(1), cy: py(n).toFixed(1), r: (r + 4).toFixed(1) }),
      svg('circle', {
        class: 'dot', cx: px(n).toFixed(1), cy: py(n).toFixed(1), r: r.toFixed(1),
        fill: colour, 'fill-opacity': n.root || n.expanded ? 0.9 : 0.45, stroke: colour, 'stroke-width': 1.5,
      }),
      svg('text', {
        class: 'net-label',
        x: (n.root ? px(n) : px(n) + outward * (r + 3)).toFixed(1),
        y: (n.root ? py(n) + r + FONT + 2 : py(n) + FONT / 3).toFixed(1),
        'text-anchor': n.root ? 'middle' : outward > 0 ? 'start' : 'end', fill: 'currentColor',
        'font-size': n.root ? FONT + 2 : FONT, 'font-weight': n.root || n.expanded ? 700 : 400,
      }, n.term));
    });
    // Listeners, not attributes (svg() sets attributes, which a strict CSP would refuse).
    dots.forEach((g, i) => {
      g.addEventListener('click', () => { focusNode(i); toggleNode(i); });
      g.addEventListener('focus', () => focusNode(i, false));
    });
    graphSvg = svg('svg', {
      viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'group',
      'aria-label': S.graphLabel(nodes[0].term), style: 'font-family: system-ui, sans-serif',
    }, svg('g', {}, lines), svg('g', {}, valueLabels), svg('g', {}, dots));
    graphSvg.addEventListener('keydown', onKey);
    graphSvg.dataset.width = String(width);
    replaceChildren(chart, graphSvg, h('figcaption', {}, S.legend));
    if (current >= nodes.length) current = 0;
    focusNode(current, hadFocus);
  }

  // Drawn at the shown width, so that labels keep their size on a phone: again when it changes.
  let lastWidth = 0;
  const resize = new ResizeObserver(() => {
    const width = Math.round(chart.clientWidth);
    if (answer && width && Math.abs(width - lastWidth) > 24) {
      lastWidth = width;
      draw();
    }
  });
  resize.observe(chart);

  function clear(message, error = false) {
    answer = null;
    graphSvg = null;
    status.classList.toggle('error', error);
    status.textContent = message;
    replaceChildren(chart);
    chart.hidden = true;
    help.hidden = true;
    toggle.style.visibility = 'hidden';
    table.set([]);
  }

  let key = null;
  function update(next, { force = false } = {}) {
    const before = state;
    state = next;
    query.sync(next.q);
    const q = next.q.trim();
    const expanded = netTerms(next.net);
    const nextKey = JSON.stringify([q, expanded, next.doc, next.scope, opts]);
    if (!force && nextKey === key) return;
    key = nextKey;
    if (!q) {
      clear(S.noQuery);
      return;
    }
    if (before?.q.trim() !== q) current = 0;
    chart.setAttribute('aria-busy', 'true');
    const { measure: sort, top: limit, ...rest } = opts;
    run(() => ctx.client.network(q, expanded, { doc: next.doc ?? undefined, scope: next.scope || undefined, sort, limit, ...rest }),
      (found) => {
        chart.removeAttribute('aria-busy');
        // The focus follows its word, wherever the word now is (the query's, if it is gone).
        const was = answer?.nodes[current]?.term;
        answer = found;
        current = Math.max(0, found.nodes.findIndex((n) => n.term === was));
        chart.hidden = false;
        help.hidden = false;
        status.classList.remove('error');
        const open = found.nodes.filter((n) => n.expanded && !n.root).length;
        status.textContent = found.edges.length
          ? S.status(found.nodes[0].term, formatNumber(found.nodes.length), found.nodes.length, formatNumber(found.edges.length), found.edges.length, formatNumber(open))
          : S.none(found.nodes[0].term);
        lastWidth = Math.round(chart.clientWidth);
        draw();
        table.set(found.edges);
      },
      (error) => {
        chart.removeAttribute('aria-busy');
        key = null;
        clear(sentence(error.message), true);
      });
  }
  return { el, update };
}
