// Metadata from what a file says of itself: Markdown's YAML front matter, an HTML page's
// <title> and <meta> tags, and CSV or TSV files with one row per document (one text column,
// the rest as fields). Pure functions: the parsers are passed in (js-yaml's `load`, d3-dsv),
// so that the page loads them from www/vendor/ only when such a file arrives and the unit
// tests from node_modules.
//
// A document's metadata is the engine's: {author, date, source, fields: [{name, value}]}
// (src/metadata.rs). Nothing given is lost: a date that is not ISO 8601 is kept as a field of
// its own, with a message; front matter that is not YAML stays in the text, with a message.

/** Names that fill the title, author, date and source (compared without case). */
const NAMED = {
  title: ['title', 'name', 'headline'],
  author: ['author', 'authors', 'creator', 'by', 'byline', 'writer'],
  date: ['date', 'published', 'pubdate', 'publication date', 'year'],
  source: ['source', 'url', 'link', 'citation', 'permalink'],
};

/** The field a date that is not ISO 8601 goes to (the engine takes ISO 8601 dates only). */
export const DATE_AS_WRITTEN = 'date as written';

/**
 * A date as the engine keeps it (src/metadata.rs valid_date): 2024, 2024-06 or 2024-06-03, a
 * date and time keeping its date; null for anything else (a month 13, 30 February, words).
 */
export function isoDate(value) {
  let s = String(value).trim();
  const at = s.search(/[Tt ]/);
  if (at !== -1) {
    if (at !== 10) return null;
    s = s.slice(0, 10);
  }
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days ? s : null;
}

/** A value as text: lists joined by ", ", dates as ISO days, objects as JSON; '' for none. */
function asText(value) {
  if (value == null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).trim();
}

/**
 * A record (front matter, a CSV row, HTML tags: name → value, in order) as {title, metadata,
 * messages}: the named fields by their usual names (NAMED), the rest as fields. `what` names
 * the file in messages; `t`: the Texts strings.
 */
export function toMetadata(entries, what, t) {
  const metadata = { author: null, date: null, source: null, fields: [] };
  let title = null;
  const messages = [];
  const seen = new Set();
  for (const [rawName, rawValue] of entries) {
    const name = String(rawName).trim();
    const value = asText(rawValue);
    if (!name || !value) continue;
    const key = name.toLowerCase();
    const named = Object.keys(NAMED).find((k) => NAMED[k].includes(key));
    if (named === 'title' && title == null) {
      title = value;
      continue;
    }
    if (named && named !== 'title' && metadata[named] == null) {
      if (named === 'date') {
        const date = isoDate(value);
        if (date == null) {
          messages.push({ kind: 'info', text: t.badDate(what, value, DATE_AS_WRITTEN) });
          metadata.fields.push({ name: DATE_AS_WRITTEN, value });
          seen.add(DATE_AS_WRITTEN);
          continue;
        }
        metadata.date = date;
      } else {
        metadata[named] = value;
      }
      continue;
    }
    // A second author, title, …, or a name the engine keeps for its own boxes: a field.
    let field = named || ['title', 'author', 'date', 'source'].includes(key) ? `${name} (2)` : name;
    while (seen.has(field.toLowerCase())) field = `${field} (2)`;
    seen.add(field.toLowerCase());
    metadata.fields.push({ name: field.slice(0, 100), value: value.slice(0, 10_000) });
  }
  return { title, metadata, messages };
}

/** Whether a file name is Markdown's (front matter is read from these). */
export const MARKDOWN = /\.(md|markdown|mdown|mkd|mdx)$/i;

/** Front matter: a first line `---`, YAML, a line `---` (or `...`). */
const FRONT = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Whether `text` opens with front matter. */
export function hasFrontMatter(text) {
  return FRONT.test(text);
}

/**
 * Markdown's front matter read with `load` (js-yaml's): {text (without it), title, metadata,
 * messages}. Front matter that is not a YAML mapping stays in the text, with a message.
 */
export function frontMatter(text, what, load, t) {
  const m = FRONT.exec(text);
  if (!m) return { text, title: null, metadata: null, messages: [] };
  let data;
  try {
    data = m[1]?.trim() ? load(m[1]) : {};
  } catch (err) {
    const line = err?.mark?.line != null ? err.mark.line + 2 : null;
    return { text, title: null, metadata: null, messages: [{ kind: 'error', text: t.badFrontMatter(what, line) }] };
  }
  if (data == null) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { text, title: null, metadata: null, messages: [{ kind: 'error', text: t.badFrontMatter(what, null) }] };
  }
  const read = toMetadata(Object.entries(data), what, t);
  return { text: text.slice(m[0].length), ...read };
}

/** HTML <meta> names (name, property or itemprop, lowercased) for each named field or field. */
const HTML_NAMES = {
  author: ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'citation_author', 'byl', 'parsely-author', 'sailthru.author'],
  date: ['date', 'article:published_time', 'dc.date', 'dcterms.date', 'dcterms.created', 'citation_publication_date',
    'citation_date', 'pubdate', 'publish-date', 'og:published_time', 'datepublished', 'parsely-pub-date', 'sailthru.date'],
  source: ['og:url', 'canonical', 'citation_public_url', 'dc.identifier'],
  description: ['description', 'og:description', 'dc.description'],
  site: ['og:site_name', 'application-name', 'citation_journal_title', 'dc.publisher'],
  keywords: ['keywords', 'news_keywords', 'article:tag'],
  section: ['article:section'],
  language: [],
};

/**
 * An HTML page's metadata from its <title> and <meta> tags ([[name, content]] in document
 * order; the name from name, property or itemprop; `canonical` for <link rel=canonical>):
 * {title, metadata, messages}. The <title> wins; og:title stands in when there is none.
 */
export function htmlMetadata(title, metas, what, t) {
  const entries = [];
  const ogTitle = metas.find(([name]) => name === 'og:title' || name === 'citation_title');
  for (const [field, names] of Object.entries(HTML_NAMES)) {
    const values = [];
    for (const [name, content] of metas) {
      if (names.includes(name) && content.trim() && !values.includes(content.trim())) values.push(content.trim());
    }
    if (!values.length) continue;
    // One author, date and source; every keyword, one description.
    const value = field === 'keywords' || field === 'author' ? values.join(', ') : values[0];
    entries.push([field === 'site' ? 'site' : field, value]);
  }
  const read = toMetadata(entries, what, t);
  return { ...read, title: title || ogTitle?.[1]?.trim() || null };
}

/** The names a text column may have (compared without case). */
const TEXT_COLUMNS = ['text', 'content', 'body', 'texte', 'inhalt', 'texto', 'contenido', 'full text', 'fulltext'];

/** The delimiter of a table file: a tab for .tsv and .tab, else a comma. */
export function delimiterOf(name) {
  return /\.(tsv|tab)$/i.test(name) ? '\t' : ',';
}

/** Whether a file name is a table's (CSV or TSV). */
export const TABLE = /\.(csv|tsv|tab)$/i;

/**
 * A CSV or TSV file's rows, with `dsv` (d3-dsv): {columns, rows, textColumn} (a BOM is left
 * out; a blank line ends no row early: quoted fields hold commas, quotes and newlines, as
 * RFC 4180 writes them). `textColumn`: the index of a column named text, content or body, or
 * -1 when none is (then the user is asked).
 */
export function parseTable(source, name, dsv) {
  const text = source.replace(/^\uFEFF/, '');
  const all = dsv.dsvFormat(delimiterOf(name)).parseRows(text);
  const rows = all.filter((row) => row.some((cell) => cell.trim()));
  const columns = (rows.shift() ?? []).map((c) => c.trim());
  const textColumn = columns.findIndex((c) => TEXT_COLUMNS.includes(c.toLowerCase()));
  return { columns, rows, textColumn };
}

/** The column a text most likely is when none is named so: the longest on average. */
export function likelyTextColumn(columns, rows) {
  let best = 0;
  let bestLength = -1;
  columns.forEach((_, i) => {
    const length = rows.reduce((sum, row) => sum + (row[i]?.length ?? 0), 0);
    if (length > bestLength) [best, bestLength] = [i, length];
  });
  return best;
}

/**
 * A table's rows as items to add ({title, text, metadata, name}), the text from column
 * `textColumn`, the other columns as metadata (title, author, date, source by their names),
 * and messages: a row without text is left out and said. Titles default to "name N".
 */
export function tableItems(table, textColumn, name, stemName, t) {
  const items = [];
  const messages = [];
  const empty = [];
  table.rows.forEach((row, r) => {
    const text = row[textColumn] ?? '';
    const line = r + 2; // the header is row 1
    if (!text.trim()) {
      empty.push(line);
      return;
    }
    const entries = table.columns.flatMap((column, i) => (i === textColumn ? [] : [[column || `column ${i + 1}`, row[i] ?? '']]));
    const read = toMetadata(entries, `${name} (${line})`, t);
    messages.push(...read.messages);
    items.push({ title: read.title ?? `${stemName} ${r + 1}`, text, metadata: read.metadata, name });
  });
  if (empty.length) messages.push({ kind: 'info', text: t.emptyRows(name, empty.join(', ')) });
  return { items, messages };
}

/** Whether metadata holds anything. */
export function hasMetadata(metadata) {
  return Boolean(metadata && (metadata.author || metadata.date || metadata.source || metadata.fields?.length));
}
