// The import pipeline of the Texts view: the limits, files and URLs to decoded texts (the
// decoding itself runs in the engine's worker: BOM, else UTF-8, else Firefox's detector and
// decoder, encoding_rs + chardetng), HTML reduced to its text, the limit on the total, and
// the batches in which texts are stored. Each step returns what it made and the messages
// for the user ({kind: 'error' | 'info', text}); the view shows them.

import { formatNumber } from '../dom.js';
import { htmlToText } from './html.js';
import {
  MARKDOWN, TABLE, frontMatter, hasFrontMatter, hasMetadata, htmlMetadata, likelyTextColumn, parseTable, tableItems,
} from './metadata.js';

/**
 * The most text the explorer takes, in characters (UTF-16 code units), over all texts. The
 * index costs under 8 bytes per word beyond the text (README, "Your own texts"), and the
 * text is held once in the engine and, while it is handed over, in JavaScript too: 64
 * million characters (about 11 million words) peak at about 0.3 GB, which a desktop browser
 * tab holds; much more risks the tab being killed for memory, without warning.
 */
export const MAX_TOTAL_CHARS = 64_000_000;

/** The largest file read, in bytes (the same bound: a file larger cannot fit). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Files handed to the worker at once (handing one over costs a synchronous look at it). */
export const DECODE_GROUP = 20;

/** Characters per storage transaction (IndexedDB copies the values on the page's thread). */
export const STORE_BATCH_CHARS = 1e6;

const HTML = /\.(html?|xhtml)$/i;

/** The corpus file's extension (src/corpus_file/), and the signature its bytes start with. */
export const CORPUS_EXTENSION = '.textexplorer';
const CORPUS_MAGIC = [0x89, 0x54, 0x58, 0x43];

/** Whether a file is a corpus file: by its name, or (when given) its first bytes. */
export function isCorpusFile(name, bytes = null) {
  if (name.toLowerCase().endsWith(CORPUS_EXTENSION)) return true;
  return bytes != null && bytes.length >= 4 && CORPUS_MAGIC.every((b, i) => bytes[i] === b);
}

/** A file name without its extension (the name itself when that would leave nothing). */
export function stem(name) {
  return name.replace(/\.[^.]*$/, '') || name;
}

/** The file name of a URL's path, percent-decoded when it can be; '' for a bare host. */
export function urlFileName(url) {
  const name = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // keep the name as written
  }
}

/**
 * Items split into storage batches of about `size` characters each (at least one item per
 * batch), in order: one transaction of the whole Brown Corpus would block the page for
 * ~50 ms. Returns arrays of items.
 */
export function storageBatches(items, size = STORE_BATCH_CHARS) {
  const batches = [];
  for (let from = 0; from < items.length;) {
    let to = from;
    for (let chars = 0; to < items.length && (to === from || chars < size); to += 1) chars += items[to].text.length;
    batches.push(items.slice(from, to));
    from = to;
  }
  return batches;
}

/**
 * The items that fit under the limit with `used` characters already taken, in order (an item
 * too large is skipped, later smaller ones may still fit): {fitting, messages}.
 * `t`: the Texts strings (strings.texts).
 */
export function fitItems(items, used, t, limit = MAX_TOTAL_CHARS) {
  const fitting = [];
  const messages = [];
  for (const item of items) {
    if (used + item.text.length > limit) {
      messages.push({
        kind: 'error',
        text: t.overLimit(item.name ?? item.title, formatNumber(limit), formatNumber(item.text.length), formatNumber(Math.max(0, limit - used))),
      });
    } else {
      used += item.text.length;
      fitting.push(item);
    }
  }
  return { fitting, messages };
}

/**
 * A decoded file (client.decode's answer) as an item to add: {item: {title, text, encoding,
 * name} | null, messages}. `type`: its MIME type, if known (HTML is also told by the name).
 */
export function fileItem(name, decoded, type, t, { made = false } = {}) {
  const refuse = (text) => ({ item: null, messages: [{ kind: 'error', text }] });
  if (decoded.error) return refuse(t.unreadable(name, decoded.error));
  if (decoded.bytes === 0) return refuse(t.empty(name));
  // A text a format's reader made is bounded by its characters (fitItems), not its bytes.
  if (!made && decoded.bytes > MAX_FILE_BYTES) {
    return refuse(t.tooLarge(name, formatNumber(decoded.bytes / 1048576, 1), formatNumber(MAX_FILE_BYTES / 1048576)));
  }
  if (decoded.binary) return refuse(t.binary(name));
  let { text } = decoded;
  let title = stem(name);
  const messages = decoded.hadErrors ? [{ kind: 'info', text: t.invalidBytes(name, decoded.encoding) }] : [];
  let metadata;
  if (HTML.test(name) || /html/i.test(type ?? '')) {
    const page = htmlToText(text);
    const read = htmlMetadata(page.title, page.metas, name, t);
    text = page.text;
    title = read.title || title;
    if (hasMetadata(read.metadata)) metadata = read.metadata;
    messages.push(...read.messages);
  }
  if (!text.trim()) return refuse(t.empty(name));
  const encoding = `${decoded.encoding} (${t.encodingHow[decoded.how] ?? decoded.how})`;
  return { item: { title, text, encoding, name, ...(metadata && { metadata }) }, messages };
}

/** Decode files in the engine's worker, DECODE_GROUP at a time; resolves to one answer per file. */
export async function decodeFiles(client, files) {
  const decoded = [];
  for (let from = 0; from < files.length; from += DECODE_GROUP) {
    decoded.push(...await client.decode(files.slice(from, from + DECODE_GROUP), MAX_FILE_BYTES));
  }
  return decoded;
}

/** The formats read by import/formats/index.js, loaded only when such a file arrives. */
export const FORMATS = /\.(zip|docx|odt|epub|pdf|rtf)$/i;

/** Says a formats' worker message ({kind, text: {key, args}}) in the page's language. */
const said = (t) => ({ kind, text }) => ({ kind, text: t[text.key](...text.args) });

let formats = null; // {worker, waiting: Map(id → {resolve, reject, name, file})} once started
let nextRead = 0;

/**
 * Reads a file of a supported format (FORMATS) in the formats' worker (formats-worker.js),
 * started on first use: resolves to {entries, messages} as the worker answers, each entry
 * {name, title, data: ArrayBuffer, encoding?, metadata?}, so that the texts it read reach the
 * page as bytes only. Where no worker can start (the widget loaded from another origin), or
 * the worker fails, the same reader runs on the page instead and answers the same.
 */
export function readFormatFile(file, t) {
  if (formats === null) {
    const url = new URL('./formats-worker.js', import.meta.url);
    formats = { worker: null, waiting: new Map() };
    if (url.origin === globalThis.location?.origin) {
      try {
        formats.worker = new Worker(url, { type: 'module' });
      } catch {
        formats.worker = null;
      }
    }
    const { worker, waiting } = formats;
    if (worker) {
      worker.onmessage = ({ data }) => {
        const read = waiting.get(data.id);
        waiting.delete(data.id);
        if (data.error != null) read?.reject(new Error(data.error));
        else read?.resolve({ entries: data.entries, messages: data.messages.map(said(read.t)) });
      };
      // A worker that cannot run (its script failed to load), or an answer that cannot be
      // read: what it was asked runs here.
      worker.onerror = worker.onmessageerror = (event) => {
        event.preventDefault?.();
        worker.terminate();
        formats.worker = null;
        for (const read of waiting.values()) readOnPage(read.file, read.t).then(read.resolve, read.reject);
        waiting.clear();
      };
    }
  }
  if (!formats.worker) return readOnPage(file, t);
  const id = nextRead;
  nextRead += 1;
  return new Promise((resolve, reject) => {
    formats.waiting.set(id, { resolve, reject, file, t });
    formats.worker.postMessage({ id, name: file.name, file });
  });
}

/** readFormatFile's reader on the page's thread, with the same answer. */
async function readOnPage(file, t) {
  const { readFormatAsBytes } = await import('./formats/index.js');
  const { entries, messages } = await readFormatAsBytes(file.name, new Uint8Array(await file.arrayBuffer()), t);
  return { entries, messages };
}

/**
 * Whether a file is plain text as it is (no HTML, front matter, table or other format to
 * read on the page): such files are read, decoded, stored and indexed in the engine's worker
 * (client.addFiles), so that their text never crosses to the page.
 */
export function isPlainFile(file) {
  return !FORMATS.test(file.name) && !HTML.test(file.name) && !/html/i.test(file.type ?? '')
    && !MARKDOWN.test(file.name) && !TABLE.test(file.name);
}

/**
 * The messages for what client.addFiles did with each file (its answer's `files`), in the
 * order readFiles, fitItems and the Texts view give them: the files that could not be read,
 * those over the limit, then those the engine refused.
 */
export function fileMessages(files, t, limit = MAX_TOTAL_CHARS) {
  const read = [];
  const over = [];
  const refused = [];
  const mb = (bytes) => formatNumber(bytes / 1048576, 1);
  for (const file of files) {
    const { name } = file;
    switch (file.outcome) {
      case 'unreadable': read.push({ kind: 'error', text: t.unreadable(name, file.message ?? '') }); break;
      case 'empty': read.push({ kind: 'error', text: t.empty(name) }); break;
      case 'tooLarge': read.push({ kind: 'error', text: t.tooLarge(name, mb(file.bytes), formatNumber(MAX_FILE_BYTES / 1048576)) }); break;
      case 'binary': read.push({ kind: 'error', text: t.binary(name) }); break;
      case 'overLimit':
        over.push({ kind: 'error', text: t.overLimit(name, formatNumber(limit), formatNumber(file.chars), formatNumber(Math.max(0, file.room))) });
        break;
      case 'refused': refused.push({ kind: 'error', text: t.notAdded(name, file.message ?? '') }); break;
      default:
    }
    if (file.hadErrors && !['unreadable', 'empty', 'tooLarge', 'binary'].includes(file.outcome)) read.push({ kind: 'info', text: t.invalidBytes(name, file.encoding) });
  }
  return [...read, ...over, ...refused];
}

/** A file of a supported format over the size limit: its message. */
const formatTooLarge = (file, t) => ({
  kind: 'error', text: t.tooLarge(file.name, formatNumber(file.size / 1048576, 1), formatNumber(MAX_FILE_BYTES / 1048576)),
});

/**
 * Files as the slots to decode, in order: {slots, messages}. A ZIP, DOCX, ODT, EPUB, RTF or
 * PDF is read in the formats' worker (readFormatFile): each text it read is a slot of UTF-8
 * bytes with its format's label (`encoding`) and metadata, and each file found in a ZIP a slot
 * of its bytes; any other file is a slot of itself. A slot: {name, title?, type, data,
 * encoding?, metadata?}. `onFile(i)` hears each file begun; reading ends before the next file
 * once `stop()` says so.
 */
export async function readSlots(files, t, { onFile, stop } = {}) {
  const slots = [];
  const messages = [];
  for (const [i, file] of files.entries()) {
    if (stop?.()) break;
    onFile?.(i);
    if (!FORMATS.test(file.name)) {
      slots.push({ name: file.name, type: file.type, data: file });
    } else if (file.size > MAX_FILE_BYTES) {
      messages.push(formatTooLarge(file, t));
    } else {
      const read = await readFormatFile(file, t);
      slots.push(...read.entries.map((entry) => ({ ...entry, type: '' })));
      messages.push(...read.messages);
    }
  }
  return { slots, messages };
}

/**
 * Whether a slot of readSlots can be added in the engine's worker as it is (client.addFiles:
 * decoded, stored and indexed there): a text a format's reader made, or a plain text file.
 */
export const isPlainSlot = (slot) => slot.encoding != null || isPlainFile(slot);

/**
 * Slots (readSlots) as items: decoded in the engine's worker, HTML reduced to its text, the
 * metadata read (withMetadata); each bad one has its message in `messages`. Resolves to the
 * items.
 */
export async function slotItems(client, slots, messages, t, options = {}) {
  // A text a format's reader made is UTF-8 by construction: decoded here, with no look for a
  // binary file (a PDF's text may hold a NUL); the rest in the engine's worker.
  const files = slots.filter((slot) => slot.encoding == null);
  const fromFiles = await decodeFiles(client, files.map((slot) => slot.data));
  const utf8 = new TextDecoder();
  const decoded = slots.map((slot) => (slot.encoding == null ? fromFiles.shift()
    : { bytes: slot.data.byteLength, text: utf8.decode(slot.data), encoding: 'utf-8', how: 'utf-8', hadErrors: false }));
  const items = [];
  slots.forEach((slot, i) => {
    const read = fileItem(slot.name, decoded[i], slot.type, t, { made: slot.encoding != null });
    messages.push(...read.messages);
    if (!read.item) return;
    const item = slot.title ? { ...read.item, title: slot.title } : read.item;
    // A text a format's reader made keeps that format's label and metadata.
    if (slot.encoding != null) items.push({ ...item, encoding: slot.encoding, ...(slot.metadata && { metadata: slot.metadata }) });
    else items.push(item);
  });
  return withMetadata(items, messages, t, options);
}

/**
 * Files as items: {items, messages} (each bad file has its message): readSlots, then
 * slotItems, so that every text crosses to the page (where the engine's worker cannot store).
 */
export async function readFiles(client, files, t, options = {}) {
  const { slots, messages } = await readSlots(files, t);
  const items = await slotItems(client, slots, messages, t, options);
  return { items, messages };
}

let yaml = null;
let dsv = null;

/**
 * Items with the metadata their text holds: a Markdown file's front matter read (js-yaml,
 * loaded from www/vendor/ when the first such file arrives) and taken out of its text; a CSV
 * or TSV file (d3-dsv, loaded likewise) split into one item per row, its text from the
 * column named text, content or body, else the one `chooseColumn(name, columns, guess)`
 * resolves to (an index, or null to add the file as one text). Messages go to `messages`.
 */
export async function withMetadata(items, messages, t, { chooseColumn } = {}) {
  const out = [];
  for (const item of items) {
    const name = item.name ?? item.title;
    if (MARKDOWN.test(name) && hasFrontMatter(item.text)) {
      yaml ??= await import('../vendor/js-yaml.js');
      const read = frontMatter(item.text, name, yaml.load, t);
      messages.push(...read.messages);
      if (!read.metadata || !read.text.trim()) {
        out.push(item);
        continue;
      }
      out.push({ ...item, text: read.text, title: read.title ?? item.title, ...(hasMetadata(read.metadata) && { metadata: read.metadata }) });
    } else if (TABLE.test(name)) {
      dsv ??= await import('../vendor/d3-dsv.js');
      const table = parseTable(item.text, name, dsv);
      let column = table.textColumn;
      if (column < 0 && table.columns.length > 1) {
        const guess = likelyTextColumn(table.columns, table.rows);
        column = chooseColumn ? await chooseColumn(name, table.columns, guess) : guess;
      }
      if (column == null || column < 0 || !table.rows.length) {
        out.push(item);
        continue;
      }
      const read = tableItems(table, column, name, stem(name), t);
      messages.push(...read.messages);
      out.push(...read.items.map((row) => ({ ...row, encoding: item.encoding })));
      messages.push({ kind: 'info', text: t.tableRead(name, formatNumber(read.items.length), read.items.length, table.columns[column]) });
    } else {
      out.push(item);
    }
  }
  return out;
}

/** Seconds without a byte from a server before a URL load gives up. */
export const URL_TIMEOUT_SECONDS = 30;

/**
 * A web address as an item: fetched without credentials (the server must allow it: CORS),
 * decoded in the worker, its metadata read (withMetadata; the address is its source). Resolves
 * to {item | null, items (a CSV or TSV gives one a row), messages}.
 * - A Content-Length over MAX_FILE_BYTES is refused before the body is read, and the body is
 *   read as a stream that stops as soon as it passes the limit (a server may not say).
 * - `signal` cancels (the message then says so); `timeout` seconds without a byte (the
 *   answer's head, then each chunk) give up with a message; `onProgress(bytes, total|null)`
 *   follows the download.
 */
export async function readUrl(client, url, t, { signal, onProgress, chooseColumn, timeout = URL_TIMEOUT_SECONDS, maxBytes = MAX_FILE_BYTES } = {}) {
  const refuse = (text, kind = 'error') => ({ item: null, messages: [{ kind, text }] });
  let parsed;
  try {
    parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http');
  } catch {
    return refuse(t.notWebAddress(url));
  }
  const name = urlFileName(parsed) || parsed.hostname;
  const controller = new AbortController();
  let why = null; // 'cancelled' | 'timeout', once aborted
  const abort = (reason) => {
    why ??= reason;
    controller.abort();
  };
  const cancel = () => abort('cancelled');
  if (signal?.aborted) return refuse(t.urlCancelled(parsed.href), 'info');
  signal?.addEventListener('abort', cancel);
  let timer = null;
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort('timeout'), timeout * 1000);
  };
  const tooLarge = (bytes) => refuse(t.tooLarge(name, formatNumber(bytes / 1048576, 1), formatNumber(maxBytes / 1048576)));
  const stopped = () => refuse(why === 'timeout' ? t.urlTimeout(parsed.href, formatNumber(timeout)) : t.urlCancelled(parsed.href),
    why === 'timeout' ? 'error' : 'info');
  try {
    wait();
    let response;
    try {
      response = await fetch(parsed, { mode: 'cors', credentials: 'omit', signal: controller.signal });
    } catch {
      return why ? stopped() : refuse(t.noCors(parsed.href));
    }
    if (!response.ok) {
      controller.abort();
      return refuse(t.httpError(parsed.href, response.status, response.statusText));
    }
    const declared = Number(response.headers.get('content-length'));
    const total = Number.isFinite(declared) && declared > 0 ? declared : null;
    if (total > maxBytes) {
      controller.abort();
      return tooLarge(total);
    }
    const chunks = [];
    let bytes = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        wait();
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > maxBytes) {
          abort('too large');
          return tooLarge(bytes);
        }
        chunks.push(value);
        onProgress?.(bytes, total);
      }
    } catch {
      return why ? stopped() : refuse(t.noCors(parsed.href));
    }
    clearTimeout(timer);
    const body = new Uint8Array(bytes);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    // A corpus file (by its name or its signature) is opened, not decoded.
    if (isCorpusFile(name, body)) return { item: null, items: [], corpusFile: body, name, messages: [] };
    const [decoded] = await client.decode([body.buffer], maxBytes);
    const read = fileItem(name, decoded, response.headers.get('content-type') ?? '', t);
    if (!read.item) return read;
    // The address is the source of what it gives, unless the page says another.
    const items = (await withMetadata([read.item], read.messages, t, { chooseColumn }))
      .map((item) => ({ ...item, metadata: { fields: [], ...item.metadata, source: item.metadata?.source ?? parsed.href } }));
    return { item: items[0] ?? null, items, messages: read.messages };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}
