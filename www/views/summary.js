// Summary: figures per document and for the whole corpus.

import { h, replaceChildren, sentence } from '../dom.js';
import { latest } from './kit/latest.js';
import { languageName } from '../languages.js';

// Labels come from the UI strings (ctx.strings.columns, keyed like these); numbers are
// written with the widget's formatNumber, with these decimals.
const COLUMNS = [
  { key: 'chars' },
  { key: 'tokens' },
  { key: 'types' },
  { key: 'ttr', decimals: 3 },
  { key: 'sentences' },
  { key: 'meanSentenceLength', decimals: 1 },
];

export function createSummaryView(ctx) {
  const { formatNumber } = ctx;
  const t = ctx.strings;
  const status = h('p', { class: 'status', role: 'status' });
  const body = h('div', { class: 'scroll', role: 'region', 'aria-label': t.summaryTable, tabindex: 0 });
  const el = h('div', { class: 'summary' }, status, body);
  let key = null;
  const run = latest();

  async function update(state) {
    const nextKey = `${state.doc}|${state.scope}`;
    if (nextKey === key) return;
    key = nextKey;
    const all = state.doc == null ? ctx.docs : ctx.docs.filter((d) => d.id === state.doc);
    const scope = state.scope || undefined;
    return run(() => Promise.all([
      Promise.all(all.map((d) => ctx.client.summary({ doc: d.id, scope }))),
      ctx.client.summary({ scope }),
    ]), ([summaries, corpus]) => {
      status.textContent = '';
      status.classList.remove('error');
      // With a scope, the documents outside it sum up nothing: they are left out.
      const docs = all.filter((_, i) => summaries[i].documents > 0);
      const perDoc = summaries.filter((s) => s.documents > 0);
      replaceChildren(body, table(docs, perDoc, corpus));
    }, (error) => {
      key = null;
      status.classList.add('error');
      status.textContent = sentence(error.message);
      replaceChildren(body);
    });
  }

  // A document's language by name (detected or given; changed in the Texts view).
  const language = (code) => (code == null ? t.summaryLanguageUnknown : languageName(code, t.locale ?? 'en'));

  function table(docs, perDoc, corpus) {
    const cells = (figures) => COLUMNS.map((c) => h('td', { class: 'num' }, formatNumber(figures[c.key], c.decimals)));
    const languages = [...new Set(ctx.docs.map((d) => d.language))].map(language).join(', ');
    return h('table', {},
      h('caption', {}, docs.length === 1 ? t.summaryCaptionOne : t.summaryCaptionMany),
      h('thead', {},
        h('tr', {},
          h('th', { scope: 'col' }, t.document),
          h('th', { scope: 'col' }, t.summaryLanguage),
          COLUMNS.map((c) => h('th', { scope: 'col', class: 'num' }, t.columns[c.key])))),
      h('tbody', {},
        docs.map((d, i) => h('tr', {}, h('th', { scope: 'row' }, ctx.docLabel(d.id)), h('td', { class: 'language' }, language(d.language)), cells(perDoc[i])))),
      h('tfoot', {},
        h('tr', {},
          h('th', { scope: 'row' }, t.corpusRow(formatNumber(corpus.documents), corpus.documents)),
          h('td', { class: 'language' }, languages),
          cells(corpus))));
  }

  return { el, update };
}
