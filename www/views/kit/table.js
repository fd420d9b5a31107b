// A table whose column headers sort it.

import { h, numberFormat, replaceChildren } from '../../dom.js';

// Rows drawn at first, and added by each "Show more": a long result (a word tree's paths
// over a large corpus, tens of thousands) is not drawn all at once. Sorting and the
// exports (rows()) still cover every row.
export const PAGE = 500;

/**
 * Rows sorted by a column's value: numbers by value, anything else by localeCompare; stable.
 * A missing value (null, undefined, NaN: a DP without hits) comes last in either direction.
 */
export function sortRows(rows, value, descending) {
  const missing = (v) => v == null || Number.isNaN(v);
  const out = [...rows];
  out.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (missing(x) || missing(y)) return missing(x) - missing(y);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  });
  return out;
}

/**
 * A table whose column headers sort it (click or Enter; again to reverse). columns:
 * [{key, label, value(row), render?(row) → node/text, num?, sort?: 'asc'|'desc' first
 * direction, title?}]. `t`: the UI strings (ctx.strings). Returns {el, set(rows), rows(),
 * sortBy(key, descending)} where rows() is the shown order. The first PAGE rows are drawn,
 * and a "Show more" button below draws PAGE more.
 */
export function sortableTable(t, { caption, columns, initial, label }) {
  const region = h('div', { class: 'scroll', role: 'region', 'aria-label': label ?? caption, tabindex: 0 });
  const formatNumber = numberFormat(t.locale);
  const more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => { shown += PAGE; render(); } });
  const el = h('div', {}, region, more);
  let shown = PAGE;
  let data = [];
  let sortKey = initial?.key ?? null;
  let descending = initial?.descending ?? true;
  const sorted = () => {
    const column = columns.find((c) => c.key === sortKey);
    return column ? sortRows(data, column.value, descending) : data;
  };
  const render = () => {
    const all = sorted();
    const rows = all.length > shown ? all.slice(0, shown) : all;
    const rest = all.length - rows.length;
    more.hidden = rest <= 0;
    more.textContent = rest > PAGE ? t.showMore(formatNumber(PAGE), formatNumber(rest)) : t.showLast(formatNumber(rest));
    replaceChildren(region, h('table', {},
      h('caption', { class: 'vh' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => {
        const active = c.key === sortKey;
        return h('th', {
          scope: 'col', class: c.num ? 'num' : null,
          'aria-sort': active ? (descending ? 'descending' : 'ascending') : null,
        }, h('button', {
          type: 'button', class: 'sort-btn', title: c.title ?? t.kit.sortBy(c.label), dataset: { key: c.key },
          onclick: () => {
            if (sortKey === c.key) descending = !descending;
            else {
              sortKey = c.key;
              descending = c.sort !== 'asc';
            }
            render();
            // The table was rebuilt under the focused header: focus the same header again.
            for (const button of region.querySelectorAll('.sort-btn')) if (button.dataset.key === c.key) button.focus();
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
      shown = PAGE;
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
