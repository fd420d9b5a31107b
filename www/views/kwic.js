// KWIC: a keyword-in-context concordance. Searches as you type (debounced), shows the
// latest answer only, pages through the lines; activating a line opens the Reader there.

import { h, replaceChildren, oneLine, sentence, uid } from '../dom.js';
import { SORTS, WINDOW_MIN, WINDOW_MAX, PAGE_SIZE, kwicTools } from '../state.js';
import { latest } from './kit/latest.js';

const DEBOUNCE_MS = 100;

const RTL = /[\p{sc=Arab}\p{sc=Hebr}\p{sc=Syrc}\p{sc=Thaa}\p{sc=Nkoo}\p{sc=Adlm}]/u;

/**
 * A line's direction: 'rtl' when most of its letters (of the first 200) are of a right-to-left
 * script, ties going to the first; so an English name as the keyword of an Arabic line leaves it rtl.
 */
export function lineDirection(text) {
  const letters = text.match(/\p{L}/gu)?.slice(0, 200) ?? [];
  const rtl = 2 * letters.filter((c) => RTL.test(c)).length;
  return rtl > letters.length || (rtl === letters.length && RTL.test(letters[0])) ? 'rtl' : 'ltr';
}

export function createKwicView(ctx) {
  const { formatNumber } = ctx;
  const t = ctx.strings;
  const ids = { q: uid('q'), help: uid('help'), sort: uid('sort'), win: uid('win') };
  let timer = null;

  const search = h('input', {
    type: 'search', id: ids.q, autocomplete: 'off', spellcheck: 'false',
    placeholder: t.searchPlaceholder, 'aria-describedby': ids.help, part: 'search',
    oninput: () => {
      clearTimeout(timer);
      timer = setTimeout(commitQuery, DEBOUNCE_MS);
    },
    onkeydown: (event) => {
      if (event.key === 'Enter') commitQuery();
    },
  });
  function commitQuery() {
    clearTimeout(timer);
    timer = null;
    // Typing rewrites the current history entry instead of pushing one per keystroke.
    ctx.set({ q: search.value }, { replace: true });
  }

  const sort = h('select', {
    id: ids.sort,
    onchange: () => ctx.set({ sort: sort.value }),
  }, SORTS.map((s) => h('option', { value: s.value }, t.sorts[s.value] ?? s.label)));

  const win = h('input', {
    type: 'number', id: ids.win, min: WINDOW_MIN, max: WINDOW_MAX, step: 1, inputmode: 'numeric',
    onchange: () => {
      const n = Number.parseInt(win.value, 10);
      if (Number.isNaN(n)) {
        win.value = String(current.window);
        return;
      }
      const clamped = Math.min(WINDOW_MAX, Math.max(WINDOW_MIN, n));
      win.value = String(clamped);
      ctx.set({ window: clamped });
    },
  });

  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', onclick: () => ctx.set({ page: current.page - 1 }) }, t.previous);
  const next = h('button', { type: 'button', onclick: () => ctx.set({ page: current.page + 1 }) }, t.next);
  // The range ("101–200 of 291") is announced as it changes: paging moves no focus.
  const range = h('span', { class: 'range', role: 'status', 'aria-atomic': 'true' });
  const pager = h('nav', { class: 'pager', 'aria-label': t.pages, hidden: true }, prev, range, next);
  const results = h('div', { class: 'results', part: 'results' });

  // The whole syntax on demand, and the export of every line (the analysis views' pieces):
  // not needed for the first lines, so they load after them (loadTools, from update).
  // The filter, sample and tags (kwic-tools.js) load with them: a filter or sample in the
  // URL still applies to the first lines (state.js reads it), its fields come after.
  const tools = h('div', { class: 'analysis' });
  let toolsLoaded = false;
  let linguist = null; // kwic-tools.js's tools, once loaded
  let shownTable = null; // {table, lines} of the page, for the tools' Tag column
  function loadTools() {
    if (toolsLoaded) return;
    toolsLoaded = true;
    Promise.all([import('./kit/export.js'), import('./kit/fields.js'), import('./kit/style.js'), import('./kwic-tools.js')])
      .then(([{ kwicExport }, { syntaxHelp }, { styleNode }, { kwicTools: createTools }]) => {
        linguist = createTools(ctx);
        linguist.update(current);
        if (shownTable) linguist.decorate(shownTable.table, shownTable.lines);
        // styleNode() is null where the styles are adopted by the shadow root already.
        tools.append(...[styleNode(), syntaxHelp(t), linguist.el, kwicExport(ctx, () => current, linguist)].filter(Boolean));
      }, () => { toolsLoaded = false; });
  }

  const el = h('div', { class: 'kwic-view' },
    h('div', { class: 'controls' },
      h('div', { class: 'field grow' }, h('label', { class: 'label', for: ids.q }, t.search), search),
      h('div', { class: 'field sort-field' }, h('label', { class: 'label', for: ids.sort }, t.sortBy), sort),
      h('div', { class: 'field window-field' }, h('label', { class: 'label', for: ids.win }, t.context), win)),
    // The help is text with code examples: strings give [text, [code], text, …].
    h('p', { class: 'help', id: ids.help },
      t.help.map((part) => (Array.isArray(part) ? h('code', {}, part[0]) : part))),
    // The analysis views' pieces: the whole syntax on demand, and the export of every line.
    tools,
    status, pager, results);

  let current = null;
  let key = null;
  const run = latest();

  let opened = null; // the row index last opened in the Reader, to return focus to it

  function open(line, index) {
    opened = index;
    ctx.set({ view: 'reader', read: line.doc, hit: line.start });
  }

  // Back from the Reader: focus the line that was opened, unless focus is somewhere already.
  function restoreFocus() {
    const active = el.getRootNode().activeElement;
    if (opened == null || (active && !active.closest('[hidden]'))) return;
    results.querySelector(`tr[data-i="${opened}"] button`)?.focus();
  }

  async function update(state, { activated = false } = {}) {
    current = state;
    // While a keystroke is pending, the box is ahead of the state: leave it alone.
    if (timer === null && search.value !== state.q) search.value = state.q;
    sort.value = state.sort;
    if (win.value !== String(state.window)) win.value = String(state.window);
    linguist?.update(state);

    const q = state.q.trim();
    const nextKey = JSON.stringify([q, state.doc, state.scope, state.sort, state.window, state.page, state.where, state.sample, state.seed]);
    if (nextKey === key) {
      if (activated) restoreFocus();
      return;
    }
    key = nextKey;
    opened = null;

    if (!q) {
      // A query still in flight is stale now; it must not leave the results marked busy.
      run.cancel();
      results.removeAttribute('aria-busy');
      setStatus(t.typeToSearch, 'placeholder');
      pager.hidden = true;
      replaceChildren(results);
      setTimeout(loadTools);
      return;
    }

    results.setAttribute('aria-busy', 'true');
    const { filter, sample } = kwicTools(state);
    // The query event reuses this answer's total (ctx.shareQuery): one computation a query
    // (not a filtered or sampled one's: the event counts every hit).
    const share = (filter || sample ? null : ctx.shareQuery) ?? ((...a) => a[2]);
    return run(() => share(q, state.doc, ctx.client.kwic(q, {
      doc: state.doc ?? undefined,
      scope: state.scope || undefined,
      window: state.window,
      sort: state.sort,
      offset: (state.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
      filter,
      sample,
    }), state.scope), (answer) => show(state, q, answer), (error) => {
      results.removeAttribute('aria-busy');
      setStatus(sentence(error.message), 'error');
      pager.hidden = true;
      replaceChildren(results);
      setTimeout(loadTools);
    });
  }

  function show(state, q, { total, lines, beforeSample }) {
    results.removeAttribute('aria-busy');
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (state.page > pages) {
      // A permalink or Back to a page that no longer exists: show the last one.
      key = null;
      ctx.set({ page: pages }, { replace: true });
      return;
    }
    const T = t.kwicTools;
    let text = total === 0 ? t.noHits(q) : t.hits(formatNumber(total), total);
    if (beforeSample != null) text = T.sampled(formatNumber(total), formatNumber(beforeSample), String(state.seed));
    if (state.where.trim()) text += ` · ${T.filtered(state.where.trim())}`;
    setStatus(text);
    const from = (state.page - 1) * PAGE_SIZE;
    pager.hidden = total <= PAGE_SIZE;
    range.textContent = t.range(formatNumber(from + 1), formatNumber(from + lines.length), formatNumber(total));
    // A pager button that becomes disabled under focus (Next on the last page) would drop
    // focus to the page's body: the other one takes it.
    const focused = el.getRootNode().activeElement;
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= pages;
    if (focused === next && next.disabled && !prev.disabled) prev.focus();
    else if (focused === prev && prev.disabled && !next.disabled) next.focus();
    const table = total ? renderTable(lines, state.doc == null && ctx.docs.length > 1) : null;
    replaceChildren(results, table);
    shownTable = table && { table, lines };
    if (table) linguist?.decorate(table, lines);
    setTimeout(loadTools);
  }

  function setStatus(text, kind = '') {
    status.className = `status ${kind}`.trim();
    status.textContent = text;
  }

  function renderTable(lines, showDoc) {
    // Columns run in the UI's direction; a line's preceding context goes where its own script
    // reads from (right of the keyword for Arabic). Cells are named by their side.
    const uiRtl = t.dir === 'rtl';
    const tbody = h('tbody', {}, lines.map((line, i) => {
      const left = oneLine(line.left).trim();
      const keyword = oneLine(line.keyword);
      const right = oneLine(line.right).trim();
      const dir = lineDirection(`${left} ${keyword} ${right}`);
      const before = h('span', { dir }, left);
      const after = h('span', { dir }, right);
      const cells = [
        h('td', { class: 'ctx left' }, dir === 'rtl' ? after : before),
        h('td', { class: 'kw' },
          // Named by the keyword only: the row's cells read the contexts once.
          h('button', { type: 'button', class: 'kw-btn', dir }, keyword)),
        h('td', { class: 'ctx right' }, dir === 'rtl' ? before : after)];
      return h('tr', { dataset: { i } },
        // The number, and the title that a phone shows instead of the column (styles.js).
        showDoc && h('td', { class: 'docno num', title: ctx.docTitle(line.doc) },
          String(ctx.docNumber(line.doc)), h('span', { class: 'doc-title' }, `. ${ctx.docTitle(line.doc)}`)),
        uiRtl ? cells.reverse() : cells);
    }));
    // One listener for the whole table: a click anywhere on a line (or Enter/Space on its
    // keyword button, which clicks it) opens the Reader there.
    tbody.addEventListener('click', (event) => {
      const tr = event.target.closest('tr');
      if (!tr || !tbody.contains(tr) || event.target.closest('.tag-cell')) return;
      if (event.target.closest('button') === null && String(globalThis.getSelection?.() ?? '') !== '') return;
      open(lines[Number(tr.dataset.i)], Number(tr.dataset.i));
    });
    return h('div', { class: 'scroll' },
      h('table', { class: 'kwic' },
        h('caption', { class: 'vh' }, t.concordanceCaption),
        h('thead', {},
          h('tr', {},
            showDoc && h('th', { scope: 'col', class: 'docno' }, h('abbr', { title: t.document }, t.docAbbr)),
            [h('th', { scope: 'col', class: 'left ctx' }, t.left, h('span', { class: 'vh' }, t.contextSuffix)),
              h('th', { scope: 'col', class: 'kw' }, t.keyword),
              h('th', { scope: 'col', class: 'right ctx' }, t.right, h('span', { class: 'vh' }, t.contextSuffix))][uiRtl ? 'reverse' : 'slice']())),
        tbody));
  }

  // Where focus goes when another view opens this one (a term, a Cloud word): the search box.
  const focus = () => search.focus();

  return { el, update, focus };
}
