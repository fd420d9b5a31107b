// Trends: the relative frequency (hits per 10,000 words) of one or more queries across the
// documents in corpus order, or across their dates grouped by year or month (Voyant's
// Trends). The engine counts (src/analyses/trends.rs); this view draws an SVG line chart, one
// line per query, and the same numbers as a table, with SVG and CSV exports.

import { h, replaceChildren, sentence, uid } from '../dom.js';
import { measureFormats } from './kit/format.js';
import { svg } from './kit/svg.js';
import { sortableTable } from './kit/table.js';
import { tableExport, svgExport } from './kit/export.js';
import { checkField, syntaxHelp } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { styleNode } from './kit/style.js';
import { splitQueries } from './dispersion.js';
import { TREND_GROUPINGS } from '../state.js';
import { registerStyles } from '../styles.js';

// The chart, in viewBox units: at 12px its labels stay 10 CSS px or more at the 576 px a
// phone keeps it at (kit/style.js), and larger on a wider screen.
const WIDTH = 640;
const FONT = 12;
const LEFT = 64;
// Room on the right for half of the last label (2024-06) centred on the last point.
const RIGHT = 30;
const PLOT_H = 220;
// Series colours (Dispersion's, readable on light and dark backgrounds) and dashes, so that
// the lines differ by more than colour (WCAG 1.4.1) and in forced colours.
const COLOURS = ['#1c6fd1', '#d1501c', '#2a9d3a', '#9b3dc9', '#b8860b', '#c2185b'];
const DASHES = [null, '7 4', '2 3', '9 3 2 3', '4 4', '1 3'];
// Points drawn as marks (with their own tooltips) up to this many buckets; lines only past it.
const MAX_MARKS = 150;
const CSS = `
.analysis .trend-point { cursor: pointer; }
.analysis .trend-point:hover { stroke: currentColor; stroke-width: 2; }
.analysis.trends tbody th { min-width: 8em; }
`;

/**
 * Round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, four or five of them.
 * `ticks(0)` is [0, 1] (an axis for a chart of zeros).
 */
export function ticks(max) {
  if (!(max > 0)) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
  const out = [];
  for (let v = 0; v < max + step / 2 && out.length < 12; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < max) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

/** Which of `n` buckets get a label on the x axis: at most `room` of them, evenly, the first always. */
export function labelled(n, room) {
  const every = Math.max(1, Math.ceil(n / Math.max(1, room)));
  const out = [];
  for (let i = 0; i < n; i += every) out.push(i);
  return out;
}

/**
 * The table's rows (and the CSV's): one per bucket, then the undated bucket when it holds a
 * document. Each row: {label, doc, docs, tokens, hits: [per query], relative: [per query]}.
 */
export function trendRows(answer, undatedLabel) {
  const rows = answer.buckets.map((b, k) => ({
    label: b.label, doc: b.doc, docs: b.docs, tokens: b.tokens, order: k,
    hits: answer.series.map((s) => s.points[k].hits),
    relative: answer.series.map((s) => s.points[k].relative),
  }));
  if (answer.undated?.docs) {
    rows.push({
      label: undatedLabel, doc: null, docs: answer.undated.docs, tokens: answer.undated.tokens, order: rows.length,
      hits: answer.series.map((s) => s.undated.hits),
      relative: answer.series.map((s) => s.undated.relative),
    });
  }
  return rows;
}

export function createTrendsView(ctx) {
  registerStyles(CSS);
  const { formatNumber } = ctx;
  const { fmt } = measureFormats(formatNumber);
  const t = ctx.strings;
  const S = t.trends;
  const opts = { caseSensitive: false };
  const run = latest();
  let state = null;
  let answer = null;
  let chartSvg = null;
  const rerun = () => state && update(state, { force: true });
  const dated = ctx.docs.some((d) => d.metadata?.date);

  const fieldId = uid('queries');
  const input = h('input', {
    type: 'search', id: fieldId, autocomplete: 'off', spellcheck: 'false', placeholder: t.dispersion.placeholder,
    oninput: () => ctx.set({ q: input.value }, { replace: true }),
  });
  const byId = uid('by');
  const by = h('select', { id: byId, onchange: () => ctx.set({ trend: by.value }) },
    TREND_GROUPINGS.map((g) => h('option', { value: g }, S.grouping[g])));
  const matchCase = checkField(t.kit.matchCase, { checked: false, onchange: (c) => { opts.caseSensitive = c; rerun(); } });
  // Year and month need dates: said beside the choice when no text has one.
  const noDates = h('p', { class: 'note', hidden: dated }, S.noDates);
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const undatedNote = h('p', { class: 'note', hidden: true });
  // Focusable: on a phone the chart scrolls sideways (kit/style.js), by keyboard too; left
  // to right in a right-to-left UI as well, so that it opens on its y axis.
  const chart = h('figure', { class: 'chart', tabindex: 0, dir: 'ltr' });
  let columns = [];
  let table = sortableTable(t, { caption: S.tableCaption, columns });
  const tableHolder = h('div', {}, table.el);
  const grouping = () => state?.trend ?? 'document';
  const name = () => `trends-${grouping()}-${splitQueries(state?.q ?? '').join('_').replace(/[^\p{L}\p{N}_]+/gu, '')}`;
  const el = h('div', { class: 'analysis trends' }, styleNode(),
    h('div', { class: 'controls' },
      h('div', { class: 'field grow' }, h('label', { class: 'label', for: fieldId }, t.dispersion.queries), input),
      h('div', { class: 'field' }, h('label', { class: 'label', for: byId }, S.by), by),
      matchCase.el),
    noDates,
    syntaxHelp(t),
    status,
    h('div', { class: 'row' }, h('h3', {}, S.chartTitle), svgExport(t, name, () => chartSvg)),
    chart,
    undatedNote,
    h('div', { class: 'row' }, h('h3', {}, S.tableTitle), tableExport(t, name, () => ({ columns, rows: table.rows() }))),
    tableHolder);

  const bucketLabel = (row) => (row.doc != null ? ctx.docLabel(row.doc) : row.label);

  function makeColumns(series) {
    const g = grouping();
    return [
      // Dates sort in time order as text (ISO 8601); documents by their label.
      { key: 'bucket', label: S.bucket[g], sort: 'asc', value: bucketLabel },
      ...(g === 'document' ? [] : [{ key: 'docs', label: S.docs, num: true, value: (r) => r.docs, render: (r) => formatNumber(r.docs) }]),
      { key: 'tokens', label: S.words, num: true, value: (r) => r.tokens, render: (r) => formatNumber(r.tokens) },
      ...series.flatMap((s, i) => [
        // By document, a hit count is a button to the same KWIC a point opens, for the keyboard.
        { key: `h${i}`, label: S.hitsOf(s.query), num: true, value: (r) => r.hits[i], render: (r) => (g === 'document' && r.hits[i] > 0
          ? h('button', { type: 'button', class: 'link', onclick: () => ctx.set({ view: 'kwic', q: s.query, doc: r.doc }) }, formatNumber(r.hits[i]))
          : formatNumber(r.hits[i])) },
        { key: `r${i}`, label: S.relativeOf(s.query), num: true, value: (r) => r.relative[i], render: (r) => fmt(r.relative[i], 1) },
      ]),
    ];
  }

  function drawChart() {
    const g = grouping();
    const n = answer.buckets.length;
    if (!n) {
      chartSvg = null;
      replaceChildren(chart);
      return;
    }
    const legendRows = [];
    // The legend: one entry per query, wrapped into rows by an estimate of the text's width.
    let x = LEFT;
    let row = 0;
    for (const [i, s] of answer.series.entries()) {
      const text = s.query.length > 24 ? `${s.query.slice(0, 23)}…` : s.query;
      const w = 30 + text.length * FONT * 0.6 + 16;
      if (x + w > WIDTH - RIGHT && x > LEFT) {
        row += 1;
        x = LEFT;
      }
      legendRows.push({ i, text, x, row });
      x += w;
    }
    const top = (row + 1) * 18 + 10;
    const height = top + PLOT_H + 46;
    const plotW = WIDTH - LEFT - RIGHT;
    const max = Math.max(0, ...answer.series.flatMap((s) => s.points.map((p) => p.relative)));
    const axis = ticks(max);
    const yMax = axis[axis.length - 1];
    // As many decimals as the step has (0.2 → 1, 0.005 → 3).
    const decimals = Math.max(0, Math.ceil(-Math.log10(axis[1] - axis[0]) - 1e-9));
    const px = (k) => LEFT + (n === 1 ? plotW / 2 : (k / (n - 1)) * plotW);
    const py = (v) => top + PLOT_H - (v / yMax) * PLOT_H;
    const label = (b) => (g === 'document' ? String(ctx.docNumber(b.doc)) : b.label);
    const widest = Math.max(...answer.buckets.map((b) => label(b).length));
    const shown = labelled(n, Math.floor(plotW / (widest * FONT * 0.62 + 12)));
    const marks = n <= MAX_MARKS;
    chartSvg = svg('svg', {
      viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'img',
      'aria-label': S.chartLabel(answer.series.map((s) => s.query).join(', '), S.axis[g]),
      style: `font: ${FONT}px system-ui, sans-serif`,
    },
    legendRows.map(({ i, text, x: lx, row: r }) => svg('g', {},
      svg('line', { x1: lx, x2: lx + 24, y1: 12 + r * 18, y2: 12 + r * 18, stroke: COLOURS[i % COLOURS.length], 'stroke-width': 2.5, 'stroke-dasharray': DASHES[i % DASHES.length] }),
      svg('text', { x: lx + 30, y: 16 + r * 18, fill: 'currentColor' }, text))),
    axis.map((v) => svg('g', {},
      svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: py(v).toFixed(1), y2: py(v).toFixed(1), stroke: 'currentColor', 'stroke-opacity': v === 0 ? 0.6 : 0.15 }),
      svg('text', { x: LEFT - 6, y: (py(v) + 4).toFixed(1), fill: 'currentColor', 'text-anchor': 'end' }, formatNumber(v, decimals)))),
    svg('line', { x1: LEFT, x2: LEFT, y1: top, y2: top + PLOT_H, stroke: 'currentColor', 'stroke-opacity': 0.6 }),
    svg('text', { x: 12, y: top + PLOT_H / 2, fill: 'currentColor', 'text-anchor': 'middle', transform: `rotate(-90 12 ${top + PLOT_H / 2})` }, S.yAxis),
    shown.map((k) => svg('text', { x: px(k).toFixed(1), y: top + PLOT_H + 18, fill: 'currentColor', 'text-anchor': 'middle' }, label(answer.buckets[k]))),
    svg('text', { x: LEFT + plotW / 2, y: height - 6, fill: 'currentColor', 'text-anchor': 'middle', 'fill-opacity': 0.8 }, S.axis[g]),
    answer.series.map((s, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const points = s.points.map((p, k) => `${px(k).toFixed(1)},${py(p.relative).toFixed(1)}`).join(' ');
      return svg('g', {},
        svg('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-dasharray': DASHES[i % DASHES.length], 'stroke-linejoin': 'round' }),
        marks && s.points.map((p, k) => {
          const b = answer.buckets[k];
          const where = g === 'document' ? ctx.docLabel(b.doc) : b.label;
          const mark = svg('circle', { cx: px(k).toFixed(1), cy: py(p.relative).toFixed(1), r: 3.5, fill: colour },
            svg('title', {}, S.point(s.query, where, fmt(p.relative, 1), formatNumber(p.hits), formatNumber(p.tokens))));
          // A document's point opens KWIC for that query in that document (by mouse; the
          // table's hit counts are buttons to the same place for the keyboard).
          if (g === 'document') {
            mark.classList.add('trend-point');
            mark.addEventListener('click', () => ctx.set({ view: 'kwic', q: s.query, doc: b.doc }));
          }
          return mark;
        }));
    }));
    replaceChildren(chart, chartSvg, h('figcaption', { class: 'muted', dir: t.dir }, g === 'document' ? S.captionDocuments : S.captionDates));
  }

  function drawTable() {
    columns = makeColumns(answer.series);
    table = sortableTable(t, { caption: S.tableCaption, columns });
    replaceChildren(tableHolder, table.el);
    table.set(trendRows(answer, S.undated));
  }

  function clear(message, error = false) {
    answer = null;
    chartSvg = null;
    status.classList.toggle('error', error);
    status.textContent = message;
    undatedNote.hidden = true;
    replaceChildren(chart);
    columns = [];
    table.set([]);
  }

  let key = null;
  function update(next, { force = false } = {}) {
    state = next;
    if (input.value !== next.q && input.getRootNode().activeElement !== input) input.value = next.q;
    if (by.value !== next.trend) by.value = next.trend;
    const queries = splitQueries(next.q);
    const nextKey = JSON.stringify([queries, next.doc, next.scope, next.trend, opts]);
    if (!force && nextKey === key) return;
    key = nextKey;
    if (!queries.length) {
      clear(S.noQuery);
      return;
    }
    const options = { doc: next.doc ?? undefined, scope: next.scope || undefined, by: next.trend, caseSensitive: opts.caseSensitive };
    run(() => ctx.client.trends(queries, options),
      (found) => {
        answer = found;
        status.classList.remove('error');
        status.textContent = found.series.map((s) => t.dispersion.queryHits(s.query, formatNumber(s.hits), s.hits)).join(' · ');
        const u = found.undated;
        undatedNote.hidden = !u?.docs;
        if (u?.docs) {
          const hits = found.series.map((s) => t.dispersion.queryHits(s.query, formatNumber(s.undated.hits), s.undated.hits)).join(' · ');
          undatedNote.textContent = S.undatedNote(formatNumber(u.docs), u.docs, formatNumber(u.tokens), found.by === 'month', hits);
        }
        // No bucket: either nothing is in the scope at all, or (by year or month) nothing
        // in it has a date, and it is all in the undated count.
        if (!found.buckets.length) status.textContent = found.undated?.docs ? S.nothingDated : S.emptyScope;
        drawChart();
        drawTable();
      },
      (error) => {
        key = null;
        clear(sentence(error.message), true);
      });
  }
  return { el, update };
}
