// Export of the views' tables and charts: CSV (download), TSV (clipboard), SVG (download).

import { h } from '../../dom.js';
import { svgFile } from './svg.js';
import { fileSafe } from './format.js';
import { kwicTools } from '../../state.js';

/** One cell of a table for CSV/TSV: the raw value, as text. */
function cellText(value) {
  return value == null ? '' : String(value);
}

/**
 * CSV (RFC 4180): fields with a comma, quote or line break are quoted. A text that starts
 * with = + - @ tab or CR (and is not a number) gets a leading ' so that a spreadsheet does
 * not run it as a formula (OWASP, "CSV injection").
 * columns: [{label, value(row)}]; lines end in CRLF, as RFC 4180 says.
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

/** TSV (for pasting into a spreadsheet): tabs and line breaks inside a field become spaces. */
export function toTsv(columns, rows) {
  const field = (value) => cellText(value).replace(/[\t\r\n]+/g, ' ');
  const lines = [columns.map((c) => field(c.label)), ...rows.map((row) => columns.map((c) => field(c.value(row))))];
  return `${lines.map((line) => line.join('\t')).join('\n')}\n`;
}

// Rows turned into text at a time by an export, between yields: a long table (a paged
// table's every row, tens of thousands) is not written in one long task.
const SLICE = 2000;

/** `format(columns, rows)` a slice at a time, yielding between: the parts, header first. */
async function inSlices(format, columns, rows) {
  const parts = [];
  for (let i = 0; i === 0 || i < rows.length; i += SLICE) {
    const text = format(columns, rows.slice(i, i + SLICE));
    // Each slice's own header line is dropped after the first (the labels hold no line break).
    parts.push(i === 0 ? text : text.slice(text.indexOf('\n') + 1));
    if (i + SLICE < rows.length) await new Promise((resolve) => setTimeout(resolve));
  }
  return parts;
}

/** Offer a file for download: `content` is a string or a list of parts. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob(Array.isArray(content) ? content : [content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export buttons for a table: Download CSV and Copy TSV. `get()` returns {columns, rows}
 * (columns: [{label, value(row)}]), or a Promise of it; `name()` is the file name without
 * extension. `t`: the UI strings (ctx.strings).
 */
export function tableExport(t, name, get) {
  const s = t.kit;
  const status = h('span', { class: 'export-status', 'aria-live': 'polite' });
  const csv = h('button', {
    type: 'button', class: 'export',
    onclick: async () => {
      const { columns, rows } = await get();
      download(`${name()}.csv`, 'text/csv;charset=utf-8', await inSlices(toCsv, columns, rows));
    },
  }, s.downloadCsv);
  const tsv = h('button', {
    type: 'button', class: 'export',
    onclick: async () => {
      const { columns, rows } = await get();
      try {
        await navigator.clipboard.writeText((await inSlices(toTsv, columns, rows)).join(''));
        status.textContent = s.copied;
      } catch {
        status.textContent = s.copyFailed;
      }
      setTimeout(() => { status.textContent = ''; }, 2000);
    },
  }, s.copyTsv);
  return h('span', { class: 'exports' }, csv, tsv, status);
}

/** A Download SVG button for the chart that `get()` returns (an <svg> element or null). */
export function svgExport(t, name, get) {
  return h('button', {
    type: 'button', class: 'export',
    onclick: () => {
      const el = get();
      if (el) download(`${name()}.svg`, 'image/svg+xml', svgFile(el));
    },
  }, t.kit.downloadSvg);
}

/**
 * Export buttons for the KWIC view: every line of the current query (not only the page),
 * with document, position (word index), left context, keyword and right context, as CSV or
 * TSV. `state()` is the view's current state. The column names are the file's field names
 * (data, not UI text), the same in every language.
 */
export function kwicExport(ctx, state, tags = null) {
  const base = [
    { label: 'document', value: (l) => l.doc },
    { label: 'title', value: (l) => ctx.docTitle(l.doc) },
    { label: 'position', value: (l) => l.token },
    { label: 'left', value: (l) => l.left.replace(/\s+/g, ' ') },
    { label: 'keyword', value: (l) => l.keyword.replace(/\s+/g, ' ') },
    { label: 'right', value: (l) => l.right.replace(/\s+/g, ' ') },
  ];
  // Once the user has named tags (kwic-tools.js), each line's tag, empty for none.
  const columns = () => (tags?.tagging() ? [...base, { label: 'tag', value: (l) => tags.tagOf(l) }] : base);
  const name = () => `kwic-${fileSafe(state()?.q)}`;
  return tableExport(ctx.strings, name, async () => {
    const now = state();
    const q = now?.q.trim();
    if (!q) return { columns: columns(), rows: [] };
    // The lines the view shows: its subcorpus, filter and sample too.
    const answer = await ctx.client.kwic(q, {
      doc: now.doc ?? undefined, scope: now.scope || undefined, window: now.window, sort: now.sort, limit: 100_000, ...kwicTools(now),
    });
    return { columns: columns(), rows: answer.lines };
  });
}
