// Shared pieces of the analysis views (collocates, phrases, keyness, dispersion, compare,
// cloud): sortable tables, CSV/TSV/SVG export, SVG building, number formatting and their
// English strings. Everything is built as nodes: no text from the corpus becomes markup.

import { h, replaceChildren, formatNumber, uid } from '../dom.js';
import { registerStyles } from '../styles.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The English strings of the analysis views (the element's string table may override). */
export const STRINGS = {
  query: 'Query',
  queryHelp: 'A word, sanction*, "north korea" or kim|putin',
  queries: 'Queries (separate with commas)',
  noQuery: 'Type a query to see its collocates.',
  noQueryDispersion: 'Type one or more queries (separated by commas) to see where they occur.',
  left: 'Left',
  right: 'Right',
  minCount: 'Min. count',
  measure: 'Sort by',
  stopwords: 'Include stop words',
  minLength: 'Min. words',
  maxLength: 'Max. words',
  trimStopwords: 'No stop word at either end',
  longestOnly: 'Longest only',
  segments: 'Segments',
  target: 'Target',
  reference: 'Reference: the other documents',
  significantOnly: 'Significant only (p < 0.05)',
  documentA: 'Document A',
  documentB: 'Document B',
  minRun: 'Shared passage, min. words',
  downloadCsv: 'Download CSV',
  copyTsv: 'Copy TSV',
  downloadSvg: 'Download SVG',
  copied: 'Copied',
  copyFailed: 'Copy failed: select the table and copy it',
  rows: (n) => `${formatNumber(n)} ${n === 1 ? 'row' : 'rows'}`,
  sortBy: (label) => `Sort by ${label}`,
  showInContext: (term) => `Show “${term}” in context`,
};

/** Format a measure for display: fixed decimals, or a dash for a missing value. */
export function fmt(value, decimals = 2) {
  if (value == null || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return formatNumber(value, decimals);
}

/** A p-value as people read it: "< 0.0001" below that. */
export function fmtP(p) {
  if (p < 0.0001) return '< 0.0001';
  return formatNumber(p, 4);
}

/** Significance stars for a p-value (*** p < 0.001, ** < 0.01, * < 0.05). */
export function stars(p) {
  if (p < 0.001) return '***';
  if (p < 0.01) return '**';
  if (p < 0.05) return '*';
  return '';
}

/** An SVG element (namespaced); attributes set with setAttribute, children appended. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    // Styles through the CSSOM: a strict CSP blocks style attributes set as markup.
    if (name === 'style') el.style.cssText = String(value);
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** One cell of a table for CSV/TSV: the raw value, as text. */
function cellText(value) {
  if (value == null) return '';
  return typeof value === 'number' ? String(value) : String(value);
}

/**
 * CSV (RFC 4180): fields with a comma, quote or line break are quoted. A text that starts
 * with = + - @ (and is not a number) gets a leading ' so that a spreadsheet does not run it
 * as a formula.
 */
export function toCsv(columns, rows) {
  const field = (value) => {
    let text = cellText(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text))) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => field(c.label)), ...rows.map((row) => columns.map((c) => field(c.value(row))))];
  return `${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}

/** TSV: tabs and line breaks inside a field become spaces. */
export function toTsv(columns, rows) {
  const field = (value) => cellText(value).replace(/[\t\r\n]+/g, ' ');
  const lines = [columns.map((c) => field(c.label)), ...rows.map((row) => columns.map((c) => field(c.value(row))))];
  return `${lines.map((line) => line.join('\t')).join('\n')}\n`;
}

/** Offer a file for download. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The markup of an SVG element as a standalone file (with its namespace and styles inlined). */
export function svgFile(el) {
  const copy = el.cloneNode(true);
  copy.setAttribute('xmlns', SVG_NS);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/**
 * Export buttons for a table: Download CSV and Copy TSV. `get()` returns {columns, rows}
 * (columns: [{label, value(row)}]), or a Promise of it; `name()` is the file name without
 * extension.
 */
export function tableExport(name, get) {
  const status = h('span', { class: 'export-status', 'aria-live': 'polite' });
  const csv = h('button', {
    type: 'button', class: 'export',
    onclick: async () => {
      const { columns, rows } = await get();
      download(`${name()}.csv`, 'text/csv;charset=utf-8', toCsv(columns, rows));
    },
  }, STRINGS.downloadCsv);
  const tsv = h('button', {
    type: 'button', class: 'export',
    onclick: async () => {
      const { columns, rows } = await get();
      try {
        await navigator.clipboard.writeText(toTsv(columns, rows));
        status.textContent = STRINGS.copied;
      } catch {
        status.textContent = STRINGS.copyFailed;
      }
      setTimeout(() => { status.textContent = ''; }, 2000);
    },
  }, STRINGS.copyTsv);
  return h('span', { class: 'exports' }, csv, tsv, status);
}

/** A Download SVG button for the chart that `get()` returns (an <svg> element or null). */
export function svgExport(name, get) {
  return h('button', {
    type: 'button', class: 'export',
    onclick: () => {
      const el = get();
      if (el) download(`${name()}.svg`, 'image/svg+xml', svgFile(el));
    },
  }, STRINGS.downloadSvg);
}

/**
 * A table whose column headers sort it (click or Enter; again to reverse). columns:
 * [{key, label, value(row), render?(row) → node/text, num?, sort?: 'asc'|'desc' first
 * direction, title?}]. Returns {el, set(rows), rows()} where rows() is the shown order.
 */
export function sortableTable({ caption, columns, initial, label }) {
  const el = h('div', { class: 'scroll', role: 'region', 'aria-label': label ?? caption, tabindex: 0 });
  let data = [];
  let sortKey = initial?.key ?? null;
  let descending = initial?.descending ?? true;
  const sorted = () => {
    const column = columns.find((c) => c.key === sortKey);
    if (!column) return data;
    const out = [...data];
    out.sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return descending ? -order : order;
    });
    return out;
  };
  const render = () => {
    const rows = sorted();
    replaceChildren(el, h('table', {},
      h('caption', { class: 'vh' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => {
        const active = c.key === sortKey;
        return h('th', {
          scope: 'col', class: c.num ? 'num' : null,
          'aria-sort': active ? (descending ? 'descending' : 'ascending') : null,
        }, h('button', {
          type: 'button', class: 'sort-btn', title: c.title ?? STRINGS.sortBy(c.label),
          onclick: () => {
            if (sortKey === c.key) descending = !descending;
            else {
              sortKey = c.key;
              descending = c.sort !== 'asc';
            }
            render();
          },
        }, c.label, active ? (descending ? ' ▾' : ' ▴') : ''));
      }))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c, i) => {
        const content = c.render ? c.render(row) : c.value(row);
        return i === 0
          ? h('th', { scope: 'row' }, content)
          : h('td', { class: c.num ? 'num' : null }, content);
      }))))));
  };
  return {
    el,
    set(rows) {
      data = rows;
      render();
    },
    rows: () => sorted(),
    sortBy(key, desc = true) {
      sortKey = key;
      descending = desc;
      render();
    },
  };
}

/** A labelled number input with bounds. */
export function numberField(label, { min, max, value, onchange }) {
  const id = uid('num');
  const input = h('input', {
    type: 'number', id, min, max, step: 1, value: String(value), inputmode: 'numeric',
    onchange: () => {
      const n = Number(input.value);
      if (Number.isInteger(n) && n >= min && n <= max) onchange(n);
      else input.value = String(value);
    },
  });
  const field = h('div', { class: 'field small' }, h('label', { class: 'label', for: id }, label), input);
  return {
    el: field,
    input,
    set(n) {
      value = n;
      input.value = String(n);
    },
  };
}

/** A labelled select of [{value, label}]. */
export function selectField(label, options, { value, onchange }) {
  const id = uid('sel');
  const select = h('select', { id, onchange: () => onchange(select.value) },
    options.map((o) => h('option', { value: String(o.value) }, o.label)));
  select.value = String(value);
  return { el: h('div', { class: 'field' }, h('label', { class: 'label', for: id }, label), select), select };
}

/** A checkbox with its label. */
export function checkField(label, { checked, onchange }) {
  const input = h('input', { type: 'checkbox', checked, onchange: () => onchange(input.checked) });
  return { el: h('label', { class: 'check' }, input, label), input };
}

/** A query field bound to the shared query (state.q); typing replaces the history entry. */
export function queryField(ctx, label) {
  const id = uid('q');
  const input = h('input', {
    type: 'search', id, autocomplete: 'off', spellcheck: 'false', placeholder: STRINGS.queryHelp,
    oninput: () => ctx.set({ q: input.value }, { replace: true }),
  });
  const el = h('div', { class: 'field grow' }, h('label', { class: 'label', for: id }, label), input);
  return {
    el,
    sync(q) {
      // Not while the user types in it (the state follows the field then).
      if (input.value !== q && input.getRootNode().activeElement !== input) input.value = q;
    },
  };
}

/** Runs async work, dropping answers that a later call has overtaken. */
export function latest() {
  let seq = 0;
  return async (work, apply, fail) => {
    const id = ++seq;
    try {
      const value = await work();
      if (id === seq) apply(value);
    } catch (error) {
      if (id === seq) fail(error);
    }
  };
}

/** The query that finds exactly this phrase or term in KWIC. */
export function phraseQuery(text) {
  return /[\s"*|]/.test(text) && !text.includes('"') ? `"${text}"` : text;
}

// The analysis views' own styles (see styleNode). Colours come from the element's --te-* custom properties, so light and
// dark schemes both hold.
const CSS = `
.analysis .row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem; }
.analysis h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.analysis .exports { display: inline-flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.analysis .export { font-size: .85rem; padding: .2rem .6rem; }
.analysis .export-status { font-size: .85rem; color: var(--te-muted); }
.analysis .muted, .analysis .note, .analysis figcaption { color: var(--te-muted); font-size: .85rem; }
.analysis .note { margin: 0 0 .5rem; }
.analysis .sort-btn { border: 0; background: transparent; padding: .1rem .2rem; font-weight: 600; color: inherit; }
.analysis th[aria-sort] .sort-btn { color: var(--te-accent); }
.analysis .scroll { max-height: 32rem; overflow: auto; }
.analysis .chart { margin: 0 0 .5rem; color: var(--te-fg); }
.analysis .chart svg { display: block; }
.analysis .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.analysis .side {
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 26rem; overflow: auto; padding: .5rem .75rem;
  border: 1px solid var(--te-border); border-radius: var(--te-radius); background: var(--te-surface); line-height: 1.6;
}
.analysis mark.shared { background: var(--te-mark); color: var(--te-mark-fg); white-space: pre-wrap; }
.analysis .vocabs { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
.analysis .vocabs .scroll { max-height: 20rem; }
.analysis .keyness-lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
.analysis .count { display: grid; grid-template-columns: 3.5rem 1fr; align-items: center; gap: .4rem; min-width: 7rem; }
.analysis .syntax { margin: 0 0 .75rem; font-size: .9rem; }
.analysis .syntax summary { cursor: pointer; color: var(--te-accent); }
.analysis .syntax dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0 0; }
.analysis .syntax dd { margin: 0; color: var(--te-muted); }
.analysis .cloud-word { cursor: pointer; }
.analysis .cloud-word:hover { text-decoration: underline; }
.analysis .cloud-word:focus-visible { outline: 3px solid var(--te-focus); }
`;

/**
 * The analysis views' styles join the element's adopted stylesheet (registerStyles): a
 * <style> node would be blocked by a host page's CSP of `style-src 'self'`. Returns null,
 * which h() skips, so callers can keep `styleNode()` among a view's children.
 */
export function styleNode() {
  registerStyles(CSS);
  return null;
}

/** The query syntax, shown on demand (a closed <details>). */
export function syntaxHelp() {
  const rows = [
    ['putin', 'the word, in any case, with its possessive'],
    ['sanction*', 'words starting with sanction (* anywhere in a word)'],
    ['"north korea"', 'the phrase'],
    ['kim|putin', 'either'],
    ['/sanction(s|ed)?/', 'a regular expression over one word: . [a-z] [^…] \\d \\w ( ) | ? * +'],
    ['~sanction', 'word forms with the same English stem'],
    ['putin NEAR/5 kim', 'putin with kim within 5 words'],
  ];
  return h('details', { class: 'syntax' },
    h('summary', {}, 'Query syntax'),
    h('dl', {}, rows.map(([code, what]) => [h('dt', {}, h('code', {}, code)), h('dd', {}, what)])));
}

/**
 * Export buttons for the KWIC view: every line of the current query (not only the page),
 * with document, position (word index), left context, keyword and right context, as CSV or
 * TSV. `state()` is the view's current state.
 */
export function kwicExport(ctx, state) {
  const columns = [
    { label: 'document', value: (l) => l.doc },
    { label: 'title', value: (l) => ctx.docTitle(l.doc) },
    { label: 'position', value: (l) => l.token },
    { label: 'left', value: (l) => l.left.replace(/\s+/g, ' ') },
    { label: 'keyword', value: (l) => l.keyword.replace(/\s+/g, ' ') },
    { label: 'right', value: (l) => l.right.replace(/\s+/g, ' ') },
  ];
  const name = () => `kwic-${(state()?.q ?? '').trim().replace(/[^\p{L}\p{N}]+/gu, '_')}`;
  return tableExport(name, async () => {
    const s = state();
    const q = s?.q.trim();
    if (!q) return { columns, rows: [] };
    const answer = await ctx.client.kwic(q, { doc: s.doc ?? undefined, window: s.window, sort: s.sort, limit: 100_000 });
    return { columns, rows: answer.lines };
  });
}
