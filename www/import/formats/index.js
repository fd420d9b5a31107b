// Readers of the formats that are not plain text: ZIP archives (of any supported files, in
// nested folders), DOCX, ODT, EPUB, RTF and PDF. Loaded by the import pipeline (../pipeline.js)
// only when such a file arrives; fflate (unzipping) and pdf.js (PDF) are vendored from
// node_modules into www/vendor/ by scripts/vendor.mjs and loaded only when needed too.
//
// This module runs in the formats' worker (../formats-worker.js), and on the page only where
// no worker can start (pipeline.js, readFormatFile): the XML of DOCX, ODT and EPUB is read
// by quick-xml in a wasm of its own (xml/, www/pkg-xml/; a worker has no DOMParser, and
// parsing a large document with the page's froze the page), the ZIP by fflate, a PDF by
// pdf.js (which parses in a worker of its own) and RTF here.
//
// readFormat(name, bytes, t) resolves to {entries, messages}: each entry either a finished
// item ({item: {title, text, encoding, name, metadata?}}: a DOCX's core properties and an
// ODT's meta.xml give an author, a date, a subject, keywords) or a file for the usual decoding
// ({name, title, data: ArrayBuffer}, a text file found in a ZIP); each bad file has its
// message, and one bad file does not stop the others.

import { formatNumber } from '../../dom.js';
import { isRtf, rtfText } from './rtf.js';
import { MAX_FILE_BYTES } from '../pipeline.js';
import { hasMetadata, toMetadata } from '../metadata.js';

/** The names this module reads (the pipeline asks before loading it). */
export const FORMATS = /\.(zip|docx|odt|epub|pdf|rtf)$/i;

/** The largest file taken out of an archive, in bytes: the largest file read. */
const MAX_ENTRY_BYTES = MAX_FILE_BYTES;

/** ZIPs inside ZIPs are opened this deep, no deeper (an archive that holds itself ends). */
const MAX_DEPTH = 4;

/** A pause between files, so that the worker takes its messages. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A path without its extension (not pipeline.js's stem: a folder's name may hold a dot). */
const stem = (name) => name.replace(/\.[^./]*$/, '') || name;

/** Blank lines at most one between paragraphs, spaces at the ends of lines trimmed. */
const tidy = (text) => text.split('\n').map((line) => line.replace(/[ \u00a0]+$/, '')).join('\n').replace(/\n{3,}/g, '\n\n').trim();

class FormatError extends Error {}

let fflate;
async function unzipper() {
  fflate ??= await import('../../vendor/fflate.js');
  return fflate;
}

/** The entries of a ZIP ({name, size, originalSize}, in the archive's order), none unpacked. */
function listZip(unzipSync, bytes) {
  const entries = [];
  unzipSync(bytes, { filter: (file) => { entries.push(file); return false; } });
  return entries;
}

/** One entry's bytes, or undefined when the archive has no such entry. */
function unzipOne(unzipSync, bytes, name) {
  return unzipSync(bytes, { filter: (file) => file.name === name })[name];
}

let xml;
/**
 * The XML readers' wasm (xml/, www/pkg-xml/), loaded on first use; each one
 * called here turns its message into a FormatError.
 */
async function readers() {
  xml ??= import('../../pkg-xml/text_explorer_xml.js').then(async (module) => {
    await module.default();
    const wrap = (read) => (...args) => {
      try {
        return read(...args);
      } catch (thrown) {
        throw new FormatError(String(thrown?.message ?? thrown));
      }
    };
    return {
      docxText: wrap(module.docxText),
      odtText: wrap(module.odtText),
      xhtmlText: wrap(module.xhtmlText),
      epubPackage: wrap(module.epubPackage),
      epubChapters: wrap(module.epubChapters),
      properties: module.properties,
    };
  });
  // A failed load is forgotten, so that the next file tries again.
  return xml.catch((thrown) => {
    xml = null;
    throw thrown;
  });
}

/** A part's bytes, or a FormatError naming it when the archive has none. */
function part(unzipSync, bytes, name) {
  const found = unzipOne(unzipSync, bytes, name);
  if (!found) throw new FormatError(`no ${name}`);
  return found;
}

/** A path inside an archive, relative to the file `from` in it (URL rules, %-escapes decoded). */
function resolvePath(from, href) {
  const path = new URL(href, `https://archive.invalid/${from}`).pathname.slice(1);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** An EPUB's text: its chapters in the order of the package's spine, read as the HTML reader reads. */
async function epubText(unzipSync, bytes) {
  const read = await readers();
  const opfPath = read.epubPackage(part(unzipSync, bytes, 'META-INF/container.xml'));
  const chapters = [];
  for (const href of read.epubChapters(part(unzipSync, bytes, opfPath), opfPath)) {
    const path = resolvePath(opfPath, href);
    const chapter = unzipOne(unzipSync, bytes, path);
    if (!chapter) continue;
    await pause();
    chapters.push(read.xhtmlText(chapter, path));
  }
  if (!chapters.length) throw new FormatError('no chapters in the spine');
  return tidy(chapters.join('\n\n'));
}

let pdfjs;
/** The text of each page of a PDF, with pdf.js (its parsing runs in its worker). */
async function pdfPages(bytes) {
  if (!pdfjs) {
    pdfjs = await import('../../vendor/pdf.js');
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('../../vendor/pdf.worker.js', import.meta.url).href;
  }
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, useWorkerFetch: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join(''));
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The format's label for the Texts view's encoding column. */
const LABEL = { docx: 'DOCX', odt: 'ODT', epub: 'EPUB', pdf: 'PDF', rtf: 'RTF' };

/**
 * A document's properties as metadata entries ([[name, value]], for import/metadata.js): the
 * elements of `names` ({localName: field}) that DOCX's docProps/core.xml or ODT's meta.xml
 * hold, in document order; none when the part is missing or not well-formed.
 */
async function properties(bytes, names) {
  if (!bytes) return [];
  const flat = (await readers()).properties(bytes, Object.entries(names).flat());
  const entries = [];
  for (let i = 0; i + 1 < flat.length; i += 2) entries.push([flat[i], flat[i + 1]]);
  return entries;
}

/** DOCX core properties (Dublin Core) and ODT meta.xml elements, by the field each fills. */
const DOCX_PROPERTIES = { creator: 'author', created: 'date', subject: 'subject', keywords: 'keywords', description: 'description' };
const ODT_PROPERTIES = { 'initial-creator': 'author', 'creation-date': 'date', subject: 'subject', keyword: 'keywords', description: 'description' };

/**
 * One file of a supported format (name: its name for messages; title: the document's
 * title, its path inside an archive) as entries and messages; see the header.
 */
export async function readFormat(name, bytes, t, { title = stem(name), depth = 0 } = {}) {
  const kind = name.match(FORMATS)?.[1].toLowerCase();
  const item = (text, entries = []) => {
    if (!text.trim()) return { entries: [], messages: [{ kind: 'error', text: t.empty(name) }] };
    const read = toMetadata(entries, name, t);
    const metadata = hasMetadata(read.metadata) ? { metadata: read.metadata } : {};
    return { entries: [{ item: { title, text, encoding: LABEL[kind], name, ...metadata } }], messages: read.messages };
  };
  const broken = (why) => ({ entries: [], messages: [{ kind: 'error', text: t.brokenFile(name, kind.toUpperCase(), why) }] });
  try {
    if (kind === 'pdf') {
      let pages;
      try {
        pages = await pdfPages(bytes);
      } catch (error) {
        if (error?.name === 'PasswordException') return { entries: [], messages: [{ kind: 'error', text: t.pdfLocked(name) }] };
        return broken(error?.message ?? String(error));
      }
      const text = tidy(pages.join('\n\n'));
      if (!text) return { entries: [], messages: [{ kind: 'error', text: t.noTextLayer(name) }] };
      return item(text);
    }
    if (kind === 'rtf') return isRtf(bytes) ? item(tidy(rtfText(bytes))) : broken('it does not start with {\\rtf');
    const { unzipSync } = await unzipper();
    let entries;
    try {
      entries = listZip(unzipSync, bytes);
    } catch (error) {
      return broken(error?.message ?? String(error));
    }
    if (kind === 'docx') {
      const text = tidy((await readers()).docxText(part(unzipSync, bytes, 'word/document.xml')));
      return item(text, await properties(unzipOne(unzipSync, bytes, 'docProps/core.xml'), DOCX_PROPERTIES));
    }
    if (kind === 'odt') {
      const text = tidy((await readers()).odtText(part(unzipSync, bytes, 'content.xml')));
      return item(text, await properties(unzipOne(unzipSync, bytes, 'meta.xml'), ODT_PROPERTIES));
    }
    if (kind === 'epub') return item(await epubText(unzipSync, bytes));
    return await readZip(name, bytes, entries, unzipSync, t, depth, depth > 0 ? `${title}/` : '');
  } catch (error) {
    if (error instanceof FormatError || error instanceof RangeError || /zip|inflate|invalid|unexpected/i.test(error?.message ?? '')) {
      return broken(error.message);
    }
    throw error;
  }
}

/**
 * readFormat's answer with each text it made as UTF-8 bytes ({...item, data: ArrayBuffer}, no
 * `text`), as the formats' worker hands it on: {entries, messages, buffers} (buffers: every
 * entry's bytes, to transfer).
 */
export async function readFormatAsBytes(name, bytes, t) {
  const read = await readFormat(name, bytes, t);
  const encoder = new TextEncoder();
  const entries = read.entries.map((entry) => {
    if (!entry.item) return entry;
    const { text, ...item } = entry.item;
    return { ...item, data: encoder.encode(text).buffer };
  });
  return { entries, messages: read.messages, buffers: entries.map((entry) => entry.data) };
}

/**
 * A ZIP's files, each a document named by its path (inside a ZIP in a ZIP, after the inner
 * archive's own path: more/inner/deep/minutes): {entries, messages}.
 */
async function readZip(name, bytes, listed, unzipSync, t, depth, prefix) {
  if (depth >= MAX_DEPTH) return { entries: [], messages: [{ kind: 'error', text: t.tooDeep(name) }] };
  const entries = [];
  const messages = [];
  for (const file of listed) {
    const path = file.name;
    // Folders, and the folders and files macOS and other systems add (__MACOSX/, .DS_Store).
    if (path.endsWith('/') || /(^|\/)(__MACOSX\/|\.)/.test(path)) continue;
    const inner = `${name}/${path}`;
    if (file.originalSize > MAX_ENTRY_BYTES) {
      messages.push({ kind: 'error', text: t.tooLarge(inner, formatNumber(file.originalSize / 1048576, 1), formatNumber(MAX_ENTRY_BYTES / 1048576)) });
      continue;
    }
    await pause();
    let data;
    try {
      data = unzipOne(unzipSync, bytes, path);
    } catch (error) {
      messages.push({ kind: 'error', text: t.brokenFile(inner, 'ZIP', error?.message ?? String(error)) });
      continue;
    }
    if (FORMATS.test(path)) {
      const read = await readFormat(inner, data, t, { title: prefix + stem(path), depth: depth + 1 });
      entries.push(...read.entries);
      messages.push(...read.messages);
    } else {
      entries.push({ name: inner, title: prefix + stem(path), data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) });
    }
  }
  return { entries, messages };
}
