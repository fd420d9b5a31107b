// Collocates: the words near the hits of the query, with MI, signed G², t-score and logDice
// (computed by the engine; see the README for the formulas), positive associations only
// unless asked, the windows counted as a union (Evert) or per hit (AntConc, NLTK).
// Sortable, exportable; a term opens KWIC for the query.

import { h, sentence } from '../dom.js';
import { measureFormats, fileSafe } from './kit/format.js';
import { sortableTable } from './kit/table.js';
import { tableExport } from './kit/export.js';
import { numberField, selectField, checkField, queryField, syntaxHelp } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { phraseQuery } from './kit/query.js';
import { styleNode } from './kit/style.js';

/** The engine's sort measures, in the order offered. */
const MEASURES = ['logDice', 'logLikelihood', 'mi', 'tScore', 'count'];
/** The engine's ways of counting the windows (see the README's formulas). */
const COUNTINGS = ['union', 'perHit'];

// Rows drawn at a time: the layout of a page of 500 rows of eight columns took 60-240 ms.
const ROWS = 100;

/** The document and subcorpus of a state, as the engine's options. */
const scoped = (state) => ({ doc: state.doc ?? undefined, scope: state.scope || undefined });

/** The KWIC query for the node's hits with this collocate nearby (the window's wider side). */
function nearQuery(q, term, distance) {
  return q.includes('NEAR/') ? phraseQuery(term) : `${q} NEAR/${distance} ${phraseQuery(term)}`;
}

export function createCollocatesView(ctx) {
  const { formatNumber } = ctx;
  const { fmt } = measureFormats(formatNumber);
  const t = ctx.strings;
  const K = t.kit;
  const S = t.collocates;
  const opts = { left: 5, right: 5, minCount: 2, sort: 'logDice', stopwords: true, caseSensitive: false, counting: 'union', positiveOnly: true };
  const run = latest();
  let state = null;
  const rerun = () => state && update(state, { force: true });
  const query = queryField(ctx, K.query);
  const left = numberField(K.left, { min: 0, max: 10, value: opts.left, onchange: (n) => { opts.left = n; rerun(); } });
  const right = numberField(K.right, { min: 0, max: 10, value: opts.right, onchange: (n) => { opts.right = n; rerun(); } });
  const min = numberField(K.minCount, { min: 1, max: 1000, value: opts.minCount, onchange: (n) => { opts.minCount = n; rerun(); } });
  // The count measure is O, the table's Observed column (its Frequency column is f(c)).
  const measure = selectField(K.measure, MEASURES.map((value) => ({ value, label: S.measures[value] })), { value: opts.sort, onchange: (v) => { opts.sort = v; table.sortBy(v === 'count' ? 'observed' : v); rerun(); } });
  const stop = checkField(K.stopwords, { checked: opts.stopwords, onchange: (c) => { opts.stopwords = c; rerun(); } });
  const matchCase = checkField(K.matchCase, { checked: false, onchange: (c) => { opts.caseSensitive = c; rerun(); } });
  const counting = selectField(S.counting, COUNTINGS.map((value) => ({ value, label: S.countings[value] })), { value: opts.counting, onchange: (v) => { opts.counting = v; rerun(); } });
  const positive = checkField(S.positiveOnly, { checked: opts.positiveOnly, onchange: (c) => { opts.positiveOnly = c; rerun(); } });
  positive.el.title = S.positiveOnlyTitle;
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const columns = [
    {
      key: 'term', label: S.collocate, sort: 'asc', value: (r) => r.term,
      render: (r) => h('button', {
        type: 'button', class: 'term-btn', title: S.showNear(r.term),
        onclick: () => ctx.set({ view: 'kwic', q: nearQuery(state.q.trim(), r.term, Math.max(opts.left, opts.right)) }),
      }, r.term),
    },
    { key: 'observed', label: S.observed, num: true, value: (r) => r.observed, render: (r) => formatNumber(r.observed) },
    { key: 'expected', label: S.expected, num: true, value: (r) => r.expected, render: (r) => fmt(r.expected) },
    { key: 'count', label: S.frequency, num: true, value: (r) => r.count, render: (r) => formatNumber(r.count) },
    { key: 'mi', label: S.mi, num: true, value: (r) => r.mi, render: (r) => fmt(r.mi) },
    { key: 'logLikelihood', label: S.logLikelihood, num: true, value: (r) => r.logLikelihood, render: (r) => fmt(r.logLikelihood) },
    { key: 'tScore', label: S.tScore, num: true, value: (r) => r.tScore, render: (r) => fmt(r.tScore) },
    { key: 'logDice', label: S.logDice, num: true, value: (r) => r.logDice, render: (r) => fmt(r.logDice) },
  ];
  // The engine sorts and pages the table (a frequent word's collocates in a large corpus are
  // tens of thousands): the page holds only the rows it shows.
  let shown = null;
  const asked = (order, offset, limit) => ({ order: order.key, ascending: !order.descending, offset, limit });
  const table = sortableTable(t, {
    caption: S.caption, columns, initial: { key: 'logDice', descending: true }, page: ROWS, inFrames: true,
    source: async ({ offset, limit, ...order }) => {
      const found = await ctx.client.collocates(shown.q, { ...shown.options, ...asked(order, offset, limit) });
      return { rows: found.collocates, total: found.total };
    },
  });
  const exports = tableExport(t, () => `collocates-${fileSafe(state?.q)}`,
    async () => ({ columns, rows: await table.rows() }));
  const el = h('div', { class: 'analysis collocates' }, styleNode(),
    h('div', { class: 'controls' }, query.el, left.el, right.el, min.el, measure.el, counting.el, positive.el, stop.el, matchCase.el),
    syntaxHelp(t),
    h('div', { class: 'row' }, status, exports), table.el);

  let key = null;
  function update(next, { force = false } = {}) {
    state = next;
    query.sync(next.q);
    const q = next.q.trim();
    const nextKey = JSON.stringify([q, next.doc, next.scope, opts]);
    if (!force && nextKey === key) return;
    key = nextKey;
    if (!q) {
      status.classList.remove('error');
      status.textContent = S.noQuery;
      table.set([]);
      exports.hidden = true;
      return;
    }
    table.el.setAttribute('aria-busy', 'true');
    const asking = { q, options: { ...scoped(next), ...opts } };
    run(() => ctx.client.collocates(q, { ...asking.options, ...asked(table.order(), 0, ROWS) }),
      (found) => {
        // The table's next pages and other orders are of this query.
        shown = asking;
        table.el.removeAttribute('aria-busy');
        status.classList.remove('error');
        status.textContent = S.status(formatNumber(found.hits), formatNumber(found.windowTokens), K.rows(formatNumber(found.total), found.total));
        table.set(found.collocates, found.total);
        exports.hidden = found.total === 0;
      },
      (error) => {
        table.el.removeAttribute('aria-busy');
        key = null;
        status.classList.add('error');
        status.textContent = sentence(error.message);
        table.set([]);
        exports.hidden = true;
      });
  }
  return { el, update };
}
