// Distinctive words (keyness): a document, or a subcorpus by metadata (`newspaper = Mint`),
// against the rest of the corpus or another subcorpus, G² with its p-value and Log Ratio,
// over- and under-used terms in two tables (computed by the engine).

import { h, replaceChildren, sentence, uid } from '../dom.js';
import { measureFormats, stars } from './kit/format.js';
import { sortableTable } from './kit/table.js';
import { tableExport } from './kit/export.js';
import { selectField, checkField } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { phraseQuery } from './kit/query.js';
import { styleNode } from './kit/style.js';
import { scopeSuggestions } from '../scope-field.js';

// Rows drawn at a time, a few a frame (kit/table.js): a panel shown again is laid out whole,
// and two tables of 100 rows took 66-79 ms of it on a loaded machine.
const ROWS = 50;

export function createKeynessView(ctx) {
  const { formatNumber } = ctx;
  const { fmt, fmtP } = measureFormats(formatNumber);
  const t = ctx.strings;
  const S = t.keyness;
  const opts = { stopwords: false, significant: true, target: ctx.docs[0]?.id ?? 0, targetScope: '', referenceScope: '' };
  const run = latest();
  let state = null;
  const rerun = () => state && update(state, { force: true });
  const target = selectField(S.target, ctx.docs.map((d) => ({ value: d.id, label: ctx.docLabel(d.id) })), {
    value: opts.target, onchange: (v) => { opts.target = Number(v); rerun(); },
  });
  // A subcorpus instead of the document, and one to compare it with instead of the rest.
  const scopeInput = (label, key) => {
    const id = uid('scope');
    const input = h('input', {
      type: 'text', id, list: listId, placeholder: t.scopePlaceholder, size: 16, autocomplete: 'off',
      onchange: () => { opts[key] = input.value.trim(); rerun(); },
    });
    return { input, el: h('div', { class: 'field' }, h('label', { class: 'label', for: id }, label), input) };
  };
  const restNote = h('p', { class: 'muted' }, S.reference);
  const listId = uid('scopes');
  const suggestions = h('datalist', { id: listId }, scopeSuggestions(ctx.docs).map((s) => h('option', { value: s })));
  const targetScope = scopeInput(S.targetScope, 'targetScope');
  const referenceScope = scopeInput(S.referenceScope, 'referenceScope');
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
  // The engine filters, sorts and pages both lists (a short text against a large corpus
  // under-uses tens of thousands of terms): the page holds only the rows it shows.
  let shown = null; // the request of the lists shown
  const asked = (order, offset, limit) => ({ order: order.key, ascending: !order.descending, offset, limit });
  const list = (which, caption) => sortableTable(t, {
    caption, columns, initial: { key: 'logLikelihood' }, page: ROWS, inFrames: true,
    source: async ({ offset, limit, ...order }) => {
      const found = await ctx.client.keyness({ ...shown, ...asked(order, offset, limit) });
      return { rows: found[which], total: found[`${which}Total`] };
    },
  });
  const over = list('over', S.overCaption);
  const under = list('under', S.underCaption);
  const overExport = tableExport(t, () => `keyness-over-${opts.target}`, async () => ({ columns, rows: await over.rows() }));
  const underExport = tableExport(t, () => `keyness-under-${opts.target}`, async () => ({ columns, rows: await under.rows() }));
  const overTitle = h('h3', {}, S.over);
  const underTitle = h('h3', {}, S.under);
  const note = h('p', { class: 'note' }, S.note);
  const body = h('div', { class: 'keyness-lists' });
  const el = h('div', { class: 'analysis keyness' }, styleNode(),
    h('div', { class: 'controls' }, target.el, targetScope.el, referenceScope.el, stop.el, significant.el),
    restNote, suggestions,
    status, note, body);

  let key = null;
  let lastScope = '';
  function update(next, { force = false } = {}) {
    state = next;
    if (next.doc != null && next.doc !== opts.target && !force) {
      opts.target = next.doc;
      target.select.value = String(next.doc);
    }
    // The widget's subcorpus is the target's, until one is typed here.
    if (next.scope && !force && next.scope !== lastScope) {
      opts.targetScope = next.scope;
      targetScope.input.value = next.scope;
    }
    lastScope = next.scope;
    restNote.hidden = Boolean(opts.referenceScope);
    const nextKey = JSON.stringify(opts);
    if (!force && nextKey === key) return;
    key = nextKey;
    body.setAttribute('aria-busy', 'true');
    const target = opts.targetScope ? { target: [], targetScope: opts.targetScope } : { target: opts.target };
    const reference = opts.referenceScope ? { referenceScope: opts.referenceScope } : {};
    const asking = {
      ...target, ...reference, stopwords: opts.stopwords, ...(opts.significant ? { maxP: 0.05 } : {}),
    };
    const same = (x, y) => x.key === y.key && x.descending === y.descending;
    // Each table keeps its order on a new run: one request, or two when they differ.
    run(async () => {
      const result = await ctx.client.keyness({ ...asking, ...asked(over.order(), 0, ROWS) });
      const lower = same(over.order(), under.order())
        ? result
        : await ctx.client.keyness({ ...asking, ...asked(under.order(), 0, ROWS) });
      return { ...result, under: lower.under };
    },
      (result) => {
        // The tables' next pages and other orders are of this request.
        shown = asking;
        body.removeAttribute('aria-busy');
        status.classList.remove('error');
        status.textContent = S.status(formatNumber(result.targetTokens), formatNumber(result.referenceTokens), formatNumber(result.overTotal), formatNumber(result.underTotal));
        over.set(result.over, result.overTotal);
        under.set(result.under, result.underTotal);
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
