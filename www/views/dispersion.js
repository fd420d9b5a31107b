// Dispersion: where the hits of one or more queries fall (a barcode per document, as in
// AntConc's Plot), Gries' DP, and the relative frequency over N equal segments of a
// document. Charts are SVG; the numbers are also in tables (their text alternative).

import { h, replaceChildren, sentence, uid } from '../dom.js';
import { measureFormats } from './kit/format.js';
import { svg } from './kit/svg.js';
import { sortableTable } from './kit/table.js';
import { tableExport, svgExport } from './kit/export.js';
import { numberField, checkField, syntaxHelp } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { styleNode } from './kit/style.js';

// At most this many barcode rows (documents × queries); documents without a hit are left out
// when the corpus has more documents than that.
const MAX_ROWS = 60;

const WIDTH = 640;
const LABEL = 150;
const ROW = 22;
// Bins a document for its barcode (one a unit of the plot's width), and the shades of a mark
// by how many hits its bin holds.
const BINS = WIDTH - LABEL;
const LEVELS = 4;
const SHADES = [0.4, 0.6, 0.8, 1];
// Series colours, readable on light and dark backgrounds.
const COLOURS = ['#1c6fd1', '#d1501c', '#2a9d3a', '#9b3dc9', '#b8860b', '#c2185b'];

/** The queries of the field: separated by commas (punctuation a query ignores anyway). */
export function splitQueries(text) {
  return text.split(',').map((q) => q.trim()).filter(Boolean).slice(0, COLOURS.length);
}

export function createDispersionView(ctx) {
  const { formatNumber } = ctx;
  const { fmt } = measureFormats(formatNumber);
  const t = ctx.strings;
  const S = t.dispersion;
  const opts = { segments: 10, caseSensitive: false };
  const run = latest();
  let state = null;
  let result = [];
  const rerun = () => state && update(state, { force: true });
  const fieldId = uid('queries');
  const input = h('input', {
    type: 'search', id: fieldId, autocomplete: 'off', spellcheck: 'false', placeholder: S.placeholder,
    oninput: () => ctx.set({ q: input.value }, { replace: true }),
  });
  const segments = numberField(S.segments, { min: 1, max: 100, value: opts.segments, onchange: (n) => { opts.segments = n; rerun(); } });
  const matchCase = checkField(t.kit.matchCase, { checked: false, onchange: (c) => { opts.caseSensitive = c; rerun(); } });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  // Focusable: on a phone the charts scroll sideways (kit/style.js), by keyboard too.
  const barcode = h('figure', { class: 'chart', tabindex: 0 });
  const trend = h('figure', { class: 'chart', tabindex: 0 });
  let barcodeSvg = null;
  let trendSvg = null;
  const dpColumns = [
    { key: 'query', label: S.query, sort: 'asc', value: (r) => r.query },
    { key: 'hits', label: S.hits, num: true, value: (r) => r.hits, render: (r) => formatNumber(r.hits) },
    { key: 'dp', label: S.dp, num: true, sort: 'asc', value: (r) => r.dp, render: (r) => fmt(r.dp, 3) },
    { key: 'dpNorm', label: S.dpNorm, num: true, sort: 'asc', value: (r) => r.dpNorm, render: (r) => fmt(r.dpNorm, 3) },
    { key: 'parts', label: S.parts, num: true, value: (r) => r.parts },
  ];
  const dpTable = sortableTable(t, { caption: S.dpCaption, columns: dpColumns });
  // A query without hits has no DP (null): "–" in the table and in its exports.
  const dpExport = dpColumns.map((c) => (c.key === 'dp' || c.key === 'dpNorm' ? { ...c, value: (r) => c.value(r) ?? '–' } : c));
  const segColumns = () => [
    { key: 'query', label: S.query, value: (r) => r.query },
    { key: 'doc', label: S.document, value: (r) => ctx.docLabel(r.doc) },
    ...Array.from({ length: opts.segments }, (_, k) => ({
      key: `s${k}`, label: `${k + 1}`, num: true, value: (r) => r.segments[k].relative, render: (r) => fmt(r.segments[k].relative, 1),
    })),
  ];
  let segTable = sortableTable(t, { caption: S.segmentsCaption, columns: segColumns() });
  const segHolder = h('div', {}, segTable.el);
  const name = () => `dispersion-${splitQueries(state?.q ?? '').join('_').replace(/[^\p{L}\p{N}_]+/gu, '')}`;
  const el = h('div', { class: 'analysis dispersion' }, styleNode(),
    h('div', { class: 'controls' },
      h('div', { class: 'field grow' }, h('label', { class: 'label', for: fieldId }, S.queries), input), segments.el, matchCase.el),
    syntaxHelp(t),
    status,
    h('div', { class: 'row' }, h('h3', {}, S.whereTitle), svgExport(t, () => `${name()}-plot`, () => barcodeSvg)),
    barcode,
    h('div', { class: 'row' }, h('h3', {}, S.trendTitle), svgExport(t, () => `${name()}-segments`, () => trendSvg)),
    trend,
    h('div', { class: 'row' }, h('h3', {}, S.dpTitle), tableExport(t, () => `${name()}-dp`, () => ({ columns: dpExport, rows: dpTable.rows() }))),
    dpTable.el,
    h('div', { class: 'row' }, h('h3', {}, S.segmentsTitle), tableExport(t, () => `${name()}-segments`, () => ({ columns: segColumns(), rows: segTable.rows() }))),
    segHolder);

  // From the engine's bins (BINS a document), not from each hit's position: a query with a
  // million hits draws as few marks as one with a thousand. A row is at most LEVELS paths,
  // one a shade: the more hits a bin holds (against the fullest bin of the plot), the
  // darker its mark. The exact numbers are in the segments table.
  function drawBarcode() {
    const rows = [];
    const many = result.reduce((n, s) => n + s.docs.length, 0) > MAX_ROWS;
    for (const [i, series] of result.entries()) {
      for (const doc of series.docs) {
        const hits = doc.segments.reduce((n, seg) => n + seg.hits, 0);
        if (!many || hits) rows.push({ series, i, doc, hits });
      }
    }
    rows.splice(MAX_ROWS);
    const fullest = Math.max(1, ...rows.map((r) => Math.max(0, ...r.doc.bins)));
    const height = rows.length * ROW + 24;
    const binWidth = (WIDTH - LABEL) / BINS;
    const markWidth = Math.max(1.5, binWidth);
    barcodeSvg = svg('svg', {
      viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'img',
      'aria-label': S.barcodeLabel(result.map((s) => `${s.query}: ${s.hits}`).join('; ')),
      style: 'font: 11px system-ui, sans-serif',
    },
    rows.map(({ series, i, doc, hits }, r) => {
      const y = r * ROW + 4;
      const colour = COLOURS[i % COLOURS.length];
      const paths = Array.from({ length: LEVELS }, () => []);
      doc.bins.forEach((n, b) => {
        if (!n) return;
        const level = Math.min(LEVELS, Math.ceil((n / fullest) * LEVELS)) - 1;
        const x = LABEL + (b + 0.5) * binWidth - markWidth / 2;
        paths[level].push(`M${x.toFixed(1)} ${y}h${markWidth.toFixed(1)}v${ROW - 6}h-${markWidth.toFixed(1)}z`);
      });
      return svg('g', {},
        svg('title', {}, `${ctx.docLabel(doc.doc)} · ${S.queryHits(series.query, formatNumber(hits), hits)}`),
        svg('text', { x: 0, y: y + 13, fill: 'currentColor' }, `${series.query} · ${ctx.docNumber(doc.doc)}`.slice(0, 28)),
        svg('rect', { x: LABEL, y, width: WIDTH - LABEL, height: ROW - 6, fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.3 }),
        paths.map((d, level) => d.length
          ? svg('path', { class: 'marks', d: d.join(''), fill: colour, 'fill-opacity': SHADES[level] })
          : null));
    }),
    svg('text', { x: LABEL, y: height - 4, fill: 'currentColor', 'fill-opacity': 0.7 }, S.start),
    svg('text', { x: WIDTH, y: height - 4, fill: 'currentColor', 'fill-opacity': 0.7, 'text-anchor': 'end' }, S.end));
    replaceChildren(barcode, barcodeSvg,
      h('figcaption', { class: 'muted' }, S.barcodeCaption));
  }

  function drawTrend() {
    // The chosen document (the filter), else the first: a line per query over its segments.
    const docId = state.doc ?? result[0]?.docs[0]?.doc;
    const lines = result.map((series, i) => ({ series, i, doc: series.docs.find((d) => d.doc === docId) })).filter((l) => l.doc);
    const max = Math.max(1, ...lines.flatMap((l) => l.doc.segments.map((s) => s.relative)));
    const height = 200;
    const plotW = WIDTH - 60;
    const plotH = height - 40;
    const x = (k) => 50 + (opts.segments === 1 ? plotW / 2 : (k / (opts.segments - 1)) * plotW);
    const y = (v) => 10 + plotH - (v / max) * plotH;
    trendSvg = svg('svg', {
      viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'img',
      'aria-label': S.trendLabel(opts.segments, ctx.docTitle(docId)),
      style: 'font: 11px system-ui, sans-serif',
    },
    svg('line', { x1: 50, x2: 50, y1: 10, y2: 10 + plotH, stroke: 'currentColor', 'stroke-opacity': 0.5 }),
    svg('line', { x1: 50, x2: 50 + plotW, y1: 10 + plotH, y2: 10 + plotH, stroke: 'currentColor', 'stroke-opacity': 0.5 }),
    svg('text', { x: 45, y: 14, fill: 'currentColor', 'text-anchor': 'end' }, fmt(max, 1)),
    svg('text', { x: 45, y: 10 + plotH, fill: 'currentColor', 'text-anchor': 'end' }, '0'),
    Array.from({ length: opts.segments }, (_, k) => svg('text', { x: x(k), y: height - 14, fill: 'currentColor', 'text-anchor': 'middle' }, String(k + 1))),
    svg('text', { x: 50 + plotW / 2, y: height - 1, fill: 'currentColor', 'text-anchor': 'middle', 'fill-opacity': 0.7 }, S.segmentOf(ctx.docTitle(docId)).slice(0, 80)),
    lines.map(({ series, i, doc }) => {
      const colour = COLOURS[i % COLOURS.length];
      const points = doc.segments.map((s, k) => `${x(k).toFixed(1)},${y(s.relative).toFixed(1)}`).join(' ');
      return svg('g', {},
        svg('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': 2 }),
        doc.segments.map((s, k) => svg('circle', { cx: x(k).toFixed(1), cy: y(s.relative).toFixed(1), r: 3, fill: colour },
          svg('title', {}, S.point(series.query, k + 1, fmt(s.relative, 1), s.hits, s.tokens)))));
    }),
    lines.map(({ series, i }, n) => svg('text', { x: WIDTH - 4, y: 14 + n * 14, fill: COLOURS[i % COLOURS.length], 'text-anchor': 'end' }, series.query)));
    replaceChildren(trend, trendSvg);
  }

  let key = null;
  function update(next, { force = false } = {}) {
    state = next;
    if (input.value !== next.q && input.getRootNode().activeElement !== input) input.value = next.q;
    const queries = splitQueries(next.q);
    const nextKey = JSON.stringify([queries, next.doc, next.scope, opts]);
    if (!force && nextKey === key) return;
    key = nextKey;
    if (!queries.length) {
      status.classList.remove('error');
      status.textContent = S.noQuery;
      result = [];
      replaceChildren(barcode);
      replaceChildren(trend);
      barcodeSvg = trendSvg = null;
      dpTable.set([]);
      segTable.set([]);
      return;
    }
    run(() => ctx.client.dispersion(queries, { doc: next.doc ?? undefined, scope: next.scope || undefined, segments: opts.segments, caseSensitive: opts.caseSensitive, bins: BINS }),
      (series) => {
        result = series;
        status.classList.remove('error');
        status.textContent = series.map((s) => S.queryHits(s.query, formatNumber(s.hits), s.hits)).join(' · ');
        drawBarcode();
        drawTrend();
        dpTable.set(series);
        segTable = sortableTable(t, { caption: S.segmentsCaption, columns: segColumns() });
        replaceChildren(segHolder, segTable.el);
        segTable.set(series.flatMap((s) => s.docs.map((d) => ({ query: s.query, doc: d.doc, segments: d.segments }))));
      },
      (error) => {
        key = null;
        result = [];
        status.classList.add('error');
        status.textContent = sentence(error.message);
        replaceChildren(barcode);
        replaceChildren(trend);
        barcodeSvg = trendSvg = null;
        dpTable.set([]);
      });
  }
  return { el, update };
}
