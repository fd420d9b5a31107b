// Terms: the frequency list, with a stop-word toggle, a client-side filter and inline bars.
// Activating a term opens it in KWIC.

import { h, replaceChildren, sentence, uid } from '../dom.js';
import { latest } from './kit/latest.js';
import { appendInFrames } from './kit/table.js';

// Rows drawn at a time, each page asked of the engine: the layout of 300 rows took 37-51 ms.
const STEP = 100;

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
  const more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => showMore() });
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
  // The engine sorts, filters and pages the list (the vocabulary of a large corpus is tens
  // of thousands of terms): the page holds only the rows it shows.
  let page = { all: 0, total: 0, max: 1, terms: [] };
  let asked = null; // the options of the rows shown
  let tbody = null;
  let query = '';
  let generation = 0;

  const options = (state) => ({
    doc: state.doc ?? undefined, scope: state.scope || undefined, stopwords: state.stopwords,
    contains: state.filter.trim().toLowerCase() || undefined,
  });

  async function update(state) {
    hide.checked = !state.stopwords;
    fold.checked = state.fold;
    if (filter.value !== state.filter) filter.value = state.filter;
    const nextKey = `${state.doc}|${state.scope}|${state.stopwords}|${state.fold}|${state.filter.trim().toLowerCase()}`;
    if (nextKey === key) return;
    key = nextKey;
    query = state.filter.trim();
    const asking = options(state);
    body.setAttribute('aria-busy', 'true');
    return run(() => ctx.client.termsPage({ ...asking, limit: STEP }), (answer) => {
      generation += 1;
      asked = asking;
      page = answer;
      status.classList.remove('error');
      render();
    }, (error) => {
      body.removeAttribute('aria-busy');
      key = null;
      generation += 1;
      tbody = null;
      page = { all: 0, total: 0, max: 1, terms: [] };
      status.classList.add('error');
      status.textContent = sentence(error.message);
      replaceChildren(body);
      more.hidden = true;
    });
  }

  // The next STEP rows, asked of the engine and drawn below the others.
  async function showMore() {
    const mine = generation;
    more.disabled = true;
    try {
      const next = await ctx.client.termsPage({ ...asked, offset: page.terms.length, limit: STEP });
      if (mine !== generation) return;
      page = { ...next, terms: page.terms.concat(next.terms) };
      showRest();
      await draw(next.terms);
    } catch (error) {
      if (mine !== generation || error.superseded) return;
      status.classList.add('error');
      status.textContent = sentence(error.message);
    } finally {
      more.disabled = false;
    }
  }

  function showRest() {
    const rest = page.total - page.terms.length;
    more.hidden = rest <= 0;
    more.textContent = rest > STEP
      ? t.showMore(formatNumber(STEP), formatNumber(rest))
      : t.showLast(formatNumber(rest));
  }

  function row(term) {
    return h('tr', {},
      h('th', { scope: 'row' },
        h('button', {
          type: 'button', class: 'term-btn', title: t.showInContext(term.term),
          onclick: () => ctx.set({ view: 'kwic', q: queryFor(term.term) }),
        }, term.term)),
      h('td', {},
        h('div', { class: 'count' },
          h('span', { class: 'num' }, formatNumber(term.count)),
          h('span', { class: 'track', 'aria-hidden': 'true' },
            h('span', { class: 'fill', style: { width: `${(100 * term.count) / Math.max(1, page.max)}%` } })))),
      h('td', { class: 'num' }, formatNumber(term.relative, 1)),
      h('td', { class: 'num' }, formatNumber(term.docs)));
  }

  function render() {
    const noun = (n) => t.termCount(formatNumber(n), n);
    status.textContent = query
      ? t.termsContain(noun(page.total), formatNumber(page.all), query)
      : noun(page.all);
    if (!page.terms.length) {
      body.removeAttribute('aria-busy');
      tbody = null;
      replaceChildren(body);
      more.hidden = true;
      return;
    }
    tbody = h('tbody');
    replaceChildren(body, h('table', {},
      h('caption', { class: 'vh' }, t.termsCaption),
      h('thead', {},
        h('tr', {},
          h('th', { scope: 'col' }, t.term),
          h('th', { scope: 'col' }, t.count),
          h('th', { scope: 'col', class: 'num' }, t.perTenThousand),
          h('th', { scope: 'col', class: 'num' }, t.documents))),
      tbody));
    showRest();
    draw(page.terms);
  }

  // Rows at the end of the table, a frame at a time (the layout of 100 rows can take longer
  // than a task may), the list busy meanwhile.
  async function draw(terms) {
    const into = tbody;
    body.setAttribute('aria-busy', 'true');
    if (await appendInFrames(into, terms, row, () => into === tbody)) body.removeAttribute('aria-busy');
  }

  return { el, update };
}
