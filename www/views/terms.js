// Terms: the frequency list, with a stop-word toggle, a client-side filter and inline bars.
// Activating a term opens it in KWIC.

import { h, replaceChildren, sentence, uid } from '../dom.js';
import { latest } from './kit/latest.js';

const STEP = 300; // rows rendered at a time

/** The KWIC query that finds exactly this term (quoted if it holds query syntax). */
export function queryFor(term) {
  return /[\s"*|]/.test(term) && !term.includes('"') ? `"${term}"` : term;
}

export function createTermsView(ctx) {
  const { formatNumber } = ctx;
  const t = ctx.strings;
  const filterId = uid('filter');
  const hide = h('input', {
    type: 'checkbox',
    onchange: () => ctx.set({ stopwords: !hide.checked }),
  });
  // Diacritic folding is the corpus's (every view's): a step of the state, which the element
  // gives the engine before the views ask again.
  const hintId = uid('fold-hint');
  const fold = h('input', {
    type: 'checkbox', 'aria-describedby': hintId, 'data-fold': '',
    onchange: () => ctx.set({ fold: fold.checked }),
  });
  const filter = h('input', {
    type: 'search', id: filterId, autocomplete: 'off', spellcheck: 'false',
    placeholder: t.filterPlaceholder,
    oninput: () => ctx.set({ filter: filter.value }, { replace: true }),
  });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'scroll', role: 'region', 'aria-label': t.termsTable, tabindex: 0 });
  const more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => { shown += STEP; render(); } });
  const el = h('div', { class: 'terms' },
    h('div', { class: 'controls' },
      h('label', { class: 'check' }, hide, t.hideStopwords),
      ctx.editStopWords
        ? h('button', { type: 'button', 'aria-haspopup': 'dialog', onclick: () => ctx.editStopWords() }, t.stopEditor.button)
        : null,
      h('label', { class: 'check', title: t.foldDiacriticsHint }, fold, t.foldDiacritics,
        h('span', { class: 'vh', id: hintId }, t.foldDiacriticsHint)),
      h('div', { class: 'field grow' }, h('label', { class: 'label', for: filterId }, t.filterTerms), filter)),
    status, body, more);

  let key = null;
  const run = latest();
  let list = [];
  let query = '';
  let shown = STEP;

  async function update(state) {
    hide.checked = !state.stopwords;
    fold.checked = state.fold;
    if (filter.value !== state.filter) filter.value = state.filter;
    const nextKey = `${state.doc}|${state.scope}|${state.stopwords}|${state.fold}`;
    if (state.filter !== query) {
      query = state.filter;
      shown = STEP;
      if (nextKey === key) render();
    }
    if (nextKey === key) return;
    key = nextKey;
    body.setAttribute('aria-busy', 'true');
    return run(() => ctx.client.terms({ doc: state.doc ?? undefined, scope: state.scope || undefined, stopwords: state.stopwords }), (terms) => {
      body.removeAttribute('aria-busy');
      list = terms;
      shown = STEP;
      status.classList.remove('error');
      render();
    }, (error) => {
      body.removeAttribute('aria-busy');
      key = null;
      list = [];
      status.classList.add('error');
      status.textContent = sentence(error.message);
      replaceChildren(body);
      more.hidden = true;
    });
  }

  function render() {
    const needle = query.trim().toLowerCase();
    const rows = needle ? list.filter((row) => row.term.includes(needle)) : list;
    const max = list.length ? list[0].count : 1;
    const noun = (n) => t.termCount(formatNumber(n), n);
    status.textContent = needle
      ? t.termsContain(noun(rows.length), formatNumber(list.length), query.trim())
      : noun(list.length);
    if (!rows.length) {
      replaceChildren(body);
      more.hidden = true;
      return;
    }
    const visible = rows.slice(0, shown);
    replaceChildren(body, h('table', {},
      h('caption', { class: 'vh' }, t.termsCaption),
      h('thead', {},
        h('tr', {},
          h('th', { scope: 'col' }, t.term),
          h('th', { scope: 'col' }, t.count),
          h('th', { scope: 'col', class: 'num' }, t.perTenThousand),
          h('th', { scope: 'col', class: 'num' }, t.documents))),
      h('tbody', {}, visible.map((row) => h('tr', {},
        h('th', { scope: 'row' },
          h('button', {
            type: 'button', class: 'term-btn', title: t.showInContext(row.term),
            onclick: () => ctx.set({ view: 'kwic', q: queryFor(row.term) }),
          }, row.term)),
        h('td', {},
          h('div', { class: 'count' },
            h('span', { class: 'num' }, formatNumber(row.count)),
            h('span', { class: 'track', 'aria-hidden': 'true' },
              h('span', { class: 'fill', style: { width: `${(100 * row.count) / max}%` } })))),
        h('td', { class: 'num' }, formatNumber(row.relative, 1)),
        h('td', { class: 'num' }, formatNumber(row.docs)))))));
    const rest = rows.length - visible.length;
    more.hidden = rest <= 0;
    more.textContent = rest > STEP
      ? t.showMore(formatNumber(STEP), formatNumber(rest))
      : t.showLast(formatNumber(rest));
  }

  return { el, update };
}
