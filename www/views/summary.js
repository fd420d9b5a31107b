// Summary: figures per document and for the whole corpus.

import { h, replaceChildren, formatNumber, sentence } from '../dom.js';

const COLUMNS = [
  { key: 'chars', label: 'Characters', format: (v) => formatNumber(v) },
  { key: 'tokens', label: 'Tokens', format: (v) => formatNumber(v) },
  { key: 'types', label: 'Types', format: (v) => formatNumber(v) },
  { key: 'ttr', label: 'Type/token ratio', format: (v) => formatNumber(v, 3) },
  { key: 'sentences', label: 'Sentences', format: (v) => formatNumber(v) },
  { key: 'meanSentenceLength', label: 'Mean sentence length (tokens)', format: (v) => formatNumber(v, 1) },
];

export function createSummaryView(ctx) {
  const status = h('p', { class: 'status', role: 'status' });
  const body = h('div', { class: 'scroll', role: 'region', 'aria-label': 'Summary table', tabindex: 0 });
  const el = h('div', { class: 'summary' }, status, body);
  let key = null;
  let seq = 0;

  async function update(state) {
    const nextKey = String(state.doc);
    if (nextKey === key) return;
    key = nextKey;
    const id = ++seq;
    const docs = state.doc == null ? ctx.docs : ctx.docs.filter((d) => d.id === state.doc);
    try {
      const [perDoc, corpus] = await Promise.all([
        Promise.all(docs.map((d) => ctx.client.summary({ doc: d.id }))),
        ctx.client.summary({}),
      ]);
      if (id !== seq) return;
      status.textContent = '';
      status.classList.remove('error');
      replaceChildren(body, table(docs, perDoc, corpus));
    } catch (error) {
      if (id !== seq) return;
      key = null;
      status.classList.add('error');
      status.textContent = sentence(error.message);
      replaceChildren(body);
    }
  }

  function table(docs, perDoc, corpus) {
    const cells = (figures) => COLUMNS.map((c) => h('td', { class: 'num' }, c.format(figures[c.key])));
    return h('table', {},
      h('caption', {}, docs.length === 1 ? 'Figures for one document and the whole corpus' : 'Figures per document and for the whole corpus'),
      h('thead', {},
        h('tr', {},
          h('th', { scope: 'col' }, 'Document'),
          COLUMNS.map((c) => h('th', { scope: 'col', class: 'num' }, c.label)))),
      h('tbody', {},
        docs.map((d, i) => h('tr', {}, h('th', { scope: 'row' }, ctx.docLabel(d.id)), cells(perDoc[i])))),
      h('tfoot', {},
        h('tr', {},
          h('th', { scope: 'row' }, `Corpus (${corpus.documents} document${corpus.documents === 1 ? '' : 's'})`),
          cells(corpus))));
  }

  return { el, update };
}
