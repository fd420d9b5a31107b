// Phrases: repeated sequences of 2–6 words within a sentence (or across sentence ends, on
// request) with their counts and documents (computed by the engine). A phrase opens in KWIC.

import { h, sentence } from '../dom.js';
import { sortableTable } from './kit/table.js';
import { tableExport } from './kit/export.js';
import { numberField, checkField } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { phraseQuery } from './kit/query.js';
import { styleNode } from './kit/style.js';

// Rows drawn at a time, a few a frame (kit/table.js): the style and layout of 500 rows took
// 64-69 ms in one task on the 50 MB text.
const ROWS = 100;

export function createPhrasesView(ctx) {
  const { formatNumber } = ctx;
  const t = ctx.strings;
  const S = t.phrases;
  const opts = { minLength: 2, maxLength: 6, minCount: 2, trimStopwords: true, longestOnly: false, crossSentences: false, limit: 2000 };
  const run = latest();
  let state = null;
  const rerun = () => state && update(state, { force: true });
  const minLength = numberField(S.minLength, {
    min: 2, max: 6, value: opts.minLength,
    onchange: (n) => { opts.minLength = n; if (opts.maxLength < n) { opts.maxLength = n; maxLength.set(n); } rerun(); },
  });
  const maxLength = numberField(S.maxLength, {
    min: 2, max: 6, value: opts.maxLength,
    onchange: (n) => { opts.maxLength = n; if (opts.minLength > n) { opts.minLength = n; minLength.set(n); } rerun(); },
  });
  const min = numberField(t.kit.minCount, { min: 1, max: 1000, value: opts.minCount, onchange: (n) => { opts.minCount = n; rerun(); } });
  const trim = checkField(S.trimStopwords, { checked: opts.trimStopwords, onchange: (c) => { opts.trimStopwords = c; rerun(); } });
  const longest = checkField(S.longestOnly, { checked: opts.longestOnly, onchange: (c) => { opts.longestOnly = c; rerun(); } });
  const across = checkField(S.crossSentences, { checked: opts.crossSentences, onchange: (c) => { opts.crossSentences = c; rerun(); } });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const columns = [
    {
      key: 'phrase', label: S.phrase, sort: 'asc', value: (r) => r.phrase,
      render: (r) => h('button', {
        type: 'button', class: 'term-btn', title: t.showInContext(r.phrase),
        onclick: () => ctx.set({ view: 'kwic', q: phraseQuery(r.phrase) }),
      }, r.phrase),
    },
    { key: 'length', label: S.words, num: true, value: (r) => r.length },
    { key: 'count', label: S.count, num: true, value: (r) => r.count, render: (r) => formatNumber(r.count) },
    { key: 'docs', label: S.documents, num: true, value: (r) => r.docs, render: (r) => formatNumber(r.docs) },
  ];
  const table = sortableTable(t, { caption: S.caption, columns, initial: { key: 'count', descending: true }, page: ROWS, inFrames: true });
  const exports = tableExport(t, () => 'phrases', () => ({ columns, rows: table.rows() }));
  const el = h('div', { class: 'analysis phrases' }, styleNode(),
    h('div', { class: 'controls' }, minLength.el, maxLength.el, min.el, trim.el, longest.el, across.el),
    h('div', { class: 'row' }, status, exports), table.el);

  let key = null;
  function update(next, { force = false } = {}) {
    state = next;
    const nextKey = JSON.stringify([next.doc, next.scope, opts]);
    if (!force && nextKey === key) return;
    key = nextKey;
    table.el.setAttribute('aria-busy', 'true');
    run(() => ctx.client.phrases({ doc: next.doc ?? undefined, scope: next.scope || undefined, ...opts }),
      (rows) => {
        table.el.removeAttribute('aria-busy');
        status.classList.remove('error');
        status.textContent = rows.length === opts.limit
          ? S.mostFrequent(formatNumber(rows.length))
          : S.phraseCount(formatNumber(rows.length), rows.length);
        table.set(rows);
        exports.hidden = rows.length === 0;
      },
      (error) => {
        table.el.removeAttribute('aria-busy');
        key = null;
        status.classList.add('error');
        status.textContent = sentence(error.message);
        table.set([]);
      });
  }
  return { el, update };
}
