// Collocates: the words near the hits of the query, with MI, G², t-score and logDice
// (computed by the engine; see the README for the formulas). Sortable, exportable; a term
// opens KWIC for the query.

import { h, sentence, formatNumber } from '../dom.js';
import {
  STRINGS as S, fmt, sortableTable, tableExport, numberField, selectField, checkField, queryField, latest, phraseQuery,
  styleNode, syntaxHelp,
} from './analysis-common.js';

const MEASURES = [
  { value: 'logDice', label: 'logDice' },
  { value: 'logLikelihood', label: 'Log-likelihood (G²)' },
  { value: 'mi', label: 'MI' },
  { value: 'tScore', label: 't-score' },
  { value: 'count', label: 'Observed' },
];

/** The KWIC query for the node's hits with this collocate nearby (the window's wider side). */
function nearQuery(q, term, distance) {
  return q.includes('NEAR/') ? phraseQuery(term) : `${q} NEAR/${distance} ${phraseQuery(term)}`;
}

export function createCollocatesView(ctx) {
  const opts = { left: 5, right: 5, minCount: 2, sort: 'logDice', stopwords: true, caseSensitive: false };
  const run = latest();
  let state = null;
  const rerun = () => state && update(state, true);
  const query = queryField(ctx, S.query);
  const left = numberField(S.left, { min: 0, max: 10, value: opts.left, onchange: (n) => { opts.left = n; rerun(); } });
  const right = numberField(S.right, { min: 0, max: 10, value: opts.right, onchange: (n) => { opts.right = n; rerun(); } });
  const min = numberField(S.minCount, { min: 1, max: 1000, value: opts.minCount, onchange: (n) => { opts.minCount = n; rerun(); } });
  const measure = selectField(S.measure, MEASURES, { value: opts.sort, onchange: (v) => { opts.sort = v; table.sortBy?.(v); rerun(); } });
  const stop = checkField(S.stopwords, { checked: opts.stopwords, onchange: (c) => { opts.stopwords = c; rerun(); } });
  const matchCase = checkField('Match case', { checked: false, onchange: (c) => { opts.caseSensitive = c; rerun(); } });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const columns = [
    {
      key: 'term', label: 'Collocate', sort: 'asc', value: (r) => r.term,
      render: (r) => h('button', {
        type: 'button', class: 'term-btn', title: `Show the query with “${r.term}” nearby in context`,
        onclick: () => ctx.set({ view: 'kwic', q: nearQuery(state.q.trim(), r.term, Math.max(opts.left, opts.right)) }),
      }, r.term),
    },
    { key: 'observed', label: 'Observed', num: true, value: (r) => r.observed, render: (r) => formatNumber(r.observed) },
    { key: 'expected', label: 'Expected', num: true, value: (r) => r.expected, render: (r) => fmt(r.expected) },
    { key: 'count', label: 'Frequency', num: true, value: (r) => r.count, render: (r) => formatNumber(r.count) },
    { key: 'mi', label: 'MI', num: true, value: (r) => r.mi, render: (r) => fmt(r.mi) },
    { key: 'logLikelihood', label: 'G²', num: true, value: (r) => r.logLikelihood, render: (r) => fmt(r.logLikelihood) },
    { key: 'tScore', label: 't-score', num: true, value: (r) => r.tScore, render: (r) => fmt(r.tScore) },
    { key: 'logDice', label: 'logDice', num: true, value: (r) => r.logDice, render: (r) => fmt(r.logDice) },
  ];
  const table = sortableTable({ caption: 'Collocates of the query', columns, initial: { key: 'logDice', descending: true } });
  const exports = tableExport(() => `collocates-${(state?.q ?? '').trim().replace(/[^\p{L}\p{N}]+/gu, '_')}`,
    () => ({ columns, rows: table.rows() }));
  const el = h('div', { class: 'analysis collocates' }, styleNode(),
    h('div', { class: 'controls' }, query.el, left.el, right.el, min.el, measure.el, stop.el, matchCase.el),
    syntaxHelp(),
    h('div', { class: 'row' }, status, exports), table.el);

  let key = null;
  function update(next, force = false) {
    state = next;
    query.sync(next.q);
    const q = next.q.trim();
    const nextKey = JSON.stringify([q, next.doc, opts]);
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
    run(() => ctx.client.call('collocates', q, { doc: next.doc ?? undefined, ...opts }),
      (found) => {
        table.el.removeAttribute('aria-busy');
        status.classList.remove('error');
        status.textContent = `${formatNumber(found.hits)} hits, ${formatNumber(found.windowTokens)} tokens in their windows, ${S.rows(found.collocates.length)}`;
        table.set(found.collocates);
        exports.hidden = found.collocates.length === 0;
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
