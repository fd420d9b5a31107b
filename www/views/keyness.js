// Distinctive words (keyness): a document against the rest of the corpus, G² with its
// p-value and Log Ratio, over- and under-used terms in two tables (computed by the engine).

import { h, replaceChildren, sentence } from '../dom.js';
import { measureFormats, stars } from './kit/format.js';
import { sortableTable } from './kit/table.js';
import { tableExport } from './kit/export.js';
import { selectField, checkField } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { phraseQuery } from './kit/query.js';
import { styleNode } from './kit/style.js';

export function createKeynessView(ctx) {
  const { formatNumber } = ctx;
  const { fmt, fmtP } = measureFormats(formatNumber);
  const t = ctx.strings;
  const S = t.keyness;
  const opts = { stopwords: false, significant: true, target: ctx.docs[0]?.id ?? 0 };
  const run = latest();
  let state = null;
  const rerun = () => state && update(state, true);
  const target = selectField(S.target, ctx.docs.map((d) => ({ value: d.id, label: ctx.docLabel(d.id) })), {
    value: opts.target, onchange: (v) => { opts.target = Number(v); rerun(); },
  });
  const stop = checkField(t.kit.stopwords, { checked: opts.stopwords, onchange: (c) => { opts.stopwords = c; rerun(); } });
  const significant = checkField(S.significantOnly, { checked: opts.significant, onchange: (c) => { opts.significant = c; rerun(); } });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const columns = [
    {
      key: 'term', label: S.term, sort: 'asc', value: (r) => r.term,
      render: (r) => h('button', {
        type: 'button', class: 'term-btn', title: t.showInContext(r.term),
        onclick: () => ctx.set({ view: 'kwic', q: phraseQuery(r.term) }),
      }, r.term),
    },
    { key: 'target', label: S.targetCount, num: true, value: (r) => r.target, render: (r) => formatNumber(r.target) },
    { key: 'reference', label: S.referenceCount, num: true, value: (r) => r.reference, render: (r) => formatNumber(r.reference) },
    { key: 'logLikelihood', label: S.logLikelihood, num: true, value: (r) => r.logLikelihood, render: (r) => `${fmt(r.logLikelihood)} ${stars(r.p)}`.trim() },
    { key: 'p', label: S.p, num: true, sort: 'asc', value: (r) => r.p, render: (r) => fmtP(r.p) },
    { key: 'logRatio', label: S.logRatio, num: true, value: (r) => r.logRatio, render: (r) => fmt(r.logRatio) },
  ];
  const over = sortableTable(t, { caption: S.overCaption, columns, initial: { key: 'logLikelihood' } });
  const under = sortableTable(t, { caption: S.underCaption, columns, initial: { key: 'logLikelihood' } });
  const overExport = tableExport(t, () => `keyness-over-${opts.target}`, () => ({ columns, rows: over.rows() }));
  const underExport = tableExport(t, () => `keyness-under-${opts.target}`, () => ({ columns, rows: under.rows() }));
  const overTitle = h('h3', {}, S.over);
  const underTitle = h('h3', {}, S.under);
  const note = h('p', { class: 'note' }, S.note);
  const body = h('div', { class: 'keyness-lists' });
  const el = h('div', { class: 'analysis keyness' }, styleNode(),
    h('div', { class: 'controls' }, target.el, h('span', { class: 'muted' }, S.reference), stop.el, significant.el),
    status, note, body);

  let key = null;
  function update(next, force = false) {
    state = next;
    if (next.doc != null && next.doc !== opts.target && !force) {
      opts.target = next.doc;
      target.select.value = String(next.doc);
    }
    const nextKey = JSON.stringify(opts);
    if (!force && nextKey === key) return;
    key = nextKey;
    body.setAttribute('aria-busy', 'true');
    run(() => ctx.client.keyness({ target: opts.target, stopwords: opts.stopwords }),
      (result) => {
        body.removeAttribute('aria-busy');
        const keep = (rows) => (opts.significant ? rows.filter((r) => r.p < 0.05) : rows);
        const o = keep(result.over);
        const u = keep(result.under);
        status.classList.remove('error');
        status.textContent = S.status(formatNumber(result.targetTokens), formatNumber(result.referenceTokens), formatNumber(o.length), formatNumber(u.length));
        over.set(o);
        under.set(u);
        replaceChildren(body,
          h('section', {}, h('div', { class: 'row' }, overTitle, overExport), over.el),
          h('section', {}, h('div', { class: 'row' }, underTitle, underExport), under.el));
      },
      (error) => {
        body.removeAttribute('aria-busy');
        key = null;
        status.classList.add('error');
        status.textContent = sentence(error.message);
        replaceChildren(body);
      });
  }
  return { el, update };
}
