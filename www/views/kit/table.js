// A table whose column headers sort it.

import { h, numberFormat, replaceChildren } from '../../dom.js';

// Rows drawn at first, and added by each "Show more": a long result (a word tree's paths
// over a large corpus, tens of thousands) is not drawn all at once. Sorting and the
// exports (rows()) still cover every row.
export const PAGE = 500;

// Rows drawn at a time by a table drawn in frames: the style and layout of new rows is the
// browser's work, in the task that added them (100 rows of eight columns took 88-117 ms of
// it on the 50 MB text's collocates; 20 rows a frame keep each task short).
export const CHUNK = 20;

/** A Promise that resolves after the next frame is drawn (or after 50 ms, in a hidden page). */
export function nextFrame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(timer);
      resolve();
    }));
  });
}

/**
 * Appends `items.map(make)` to `parent`, CHUNK at a time with a frame between, while `live()`
 * holds (a newer drawing stops an older one). Resolves to whether it drew them all.
 */
export async function appendInFrames(parent, items, make, live = () => true) {
  for (let i = 0; i < items.length; i += CHUNK) {
    if (i > 0) {
      await nextFrame();
      if (!live()) return false;
    }
    parent.append(...items.slice(i, i + CHUNK).map(make));
  }
  return true;
}

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
 * sortBy(key, descending), order()} where rows() is the shown order. The first PAGE rows are
 * drawn, and a "Show more" button below draws PAGE more (`page` rows instead, if given).
 *
 * With `source({key, descending, offset, limit})` → Promise of {rows, total}, the table is
 * paged by the engine: it holds only the rows it shows. `set(rows, total)` gives the first
 * page (asked for in `order()`), "Show more" and a header ask `source` for the next page or
 * the new order, and rows() is a Promise of every row, asked for a page at a time.
 * With `inFrames`, rows are drawn CHUNK at a time, a frame between (appendInFrames).
 */
export function sortableTable(t, { caption, columns, initial, label, source, page: step = PAGE, inFrames = false }) {
  const region = h('div', { class: 'scroll', role: 'region', 'aria-label': label ?? caption, tabindex: 0 });
  const formatNumber = numberFormat(t.locale);
  const more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => showMore() });
  const el = h('div', {}, region, more);
  let shown = step;
  let data = [];
  let total = 0;
  // Bumped by every set(): an engine's page asked for before it is dropped.
  let generation = 0;
  let sortKey = initial?.key ?? null;
  let descending = initial?.descending ?? true;
  let body = null;
  let drawing = 0; // bumped by every drawing of the rows
  // Draws `rows` at the end of the body (in frames, with `inFrames`).
  const drawRows = async (rows) => {
    if (!inFrames) {
      body.append(...rows.map(row));
      return;
    }
    const mine = (drawing += 1);
    region.setAttribute('aria-busy', 'true');
    const into = body;
    await appendInFrames(into, rows, row, () => mine === drawing && into === body);
    if (mine === drawing) region.removeAttribute('aria-busy');
  };
  const sorted = () => {
    if (source) return data;
    const column = columns.find((c) => c.key === sortKey);
    return column ? sortRows(data, column.value, descending) : data;
  };
  const row = (r) => h('tr', {}, columns.map((c, i) => {
    const content = c.render ? c.render(r) : c.value(r);
    return i === 0
      ? h('th', { scope: 'row' }, content)
      : h('td', { class: c.num ? 'num' : null }, content);
  }));
  const showRest = (rest) => {
    more.hidden = rest <= 0;
    more.textContent = rest > step ? t.showMore(formatNumber(step), formatNumber(rest)) : t.showLast(formatNumber(rest));
  };
  const page = (offset, limit = step) => source({ key: sortKey, descending, offset, limit });
  async function showMore() {
    if (!source) {
      shown += step;
      render();
      return;
    }
    const mine = generation;
    more.disabled = true;
    try {
      const next = await page(data.length);
      if (mine !== generation) return;
      data = data.concat(next.rows);
      total = next.total;
      // Only the new rows are drawn, below the others.
      showRest(total - data.length);
      await drawRows(next.rows);
    } finally {
      more.disabled = false;
    }
  }
  const render = () => {
    const all = sorted();
    const rows = all.length > shown ? all.slice(0, shown) : all;
    showRest((source ? total : all.length) - rows.length);
    body = h('tbody');
    replaceChildren(region, h('table', {},
      h('caption', { class: 'vh' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => {
        const active = c.key === sortKey;
        return h('th', {
          scope: 'col', class: c.num ? 'num' : null,
          'aria-sort': active ? (descending ? 'descending' : 'ascending') : null,
        }, h('button', {
          type: 'button', class: 'sort-btn', title: c.title ?? t.kit.sortBy(c.label), dataset: { key: c.key },
          onclick: async () => {
            if (sortKey === c.key) descending = !descending;
            else {
              sortKey = c.key;
              descending = c.sort !== 'asc';
            }
            if (source) {
              const mine = (generation += 1);
              region.setAttribute('aria-busy', 'true');
              try {
                const first = await page(0);
                if (mine !== generation) return;
                data = first.rows;
                total = first.total;
              } finally {
                if (mine === generation) region.removeAttribute('aria-busy');
              }
            }
            render();
            // The table was rebuilt under the focused header: focus the same header again.
            for (const button of region.querySelectorAll('.sort-btn')) if (button.dataset.key === c.key) button.focus();
          },
        }, c.label, active ? (descending ? ' ▾' : ' ▴') : ''));
      }))),
      body));
    drawRows(rows);
  };
  return {
    el,
    set(rows, count = rows.length) {
      generation += 1;
      data = rows;
      total = count;
      shown = step;
      render();
    },
    rows: () => (source ? allRows() : sorted()),
    sortBy(key, desc = true) {
      sortKey = key;
      descending = desc;
      if (!source) render();
    },
    order: () => ({ key: sortKey, descending }),
  };

  // Every row, in the shown order, a page of EXPORT_PAGE at a time (each page a short task).
  async function allRows() {
    if (data.length >= total) return data;
    const out = [];
    for (let offset = 0; offset < total; offset += EXPORT_PAGE) {
      const next = await page(offset, EXPORT_PAGE);
      out.push(...next.rows);
      if (next.rows.length < EXPORT_PAGE) break;
    }
    return out;
  }
}

// Rows asked for at a time by an export of a paged table.
const EXPORT_PAGE = 2000;
