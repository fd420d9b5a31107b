// Links that prove what they point to (issue 12 §4): the corpus named by the SHA-256 of its
// content, and a small corpus carried inside the link. Pure functions (no DOM); the Cite
// dialog (cite-dialog.js) makes links, permalink-open.js opens them.
//
// The canonical serialisation of a corpus (README, "Permalinks and citing"): the ASCII bytes
// `text-explorer-corpus/1`, then the number of documents as a 4-byte big-endian unsigned
// integer, then for each document in corpus order its title, text, author, date and source,
// each as a field, then the number of its `name: value` fields (4 bytes, big-endian) and each
// name and value as a field. A field is its UTF-8 length in bytes (4 bytes, big-endian) then
// its UTF-8 bytes. A missing author, date or source is the empty string. Titles and metadata
// are as the explorer keeps them: trimmed, blank values left out; texts exactly as given.
// The corpus hash is `sha256-` and the lowercase hex SHA-256 of those bytes; a link's `data`
// is the same bytes compressed with raw DEFLATE (CompressionStream 'deflate-raw', zlib's
// wbits −15), in base64url without padding.

/** The bytes a serialisation starts with (its version is the number after the slash). */
export const MAGIC = 'text-explorer-corpus/1';

/** The most compressed bytes a link carries (32 KiB); a larger corpus is named by its hash only. */
export const MAX_DATA = 32 * 1024;

/** The most bytes a link's data may inflate to (a decompression bomb stops there). */
export const MAX_INFLATED = 64 * 1024 * 1024;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const clean = (value) => (value == null ? '' : String(value).trim());

/**
 * A document as the serialisation reads it: {title, text, metadata: {author, date, source,
 * fields: [{name, value}]}}, titles and metadata trimmed, blank values and fields left out
 * (as the engine keeps them, src/metadata.rs), the text unchanged.
 */
export function canonicalDocument({ title, text, metadata }) {
  const meta = metadata ?? {};
  const fields = (meta.fields ?? [])
    .map((f) => ({ name: clean(f.name), value: clean(f.value) }))
    .filter((f) => f.name && f.value);
  return {
    title: clean(title),
    text: String(text ?? ''),
    metadata: { author: clean(meta.author), date: clean(meta.date), source: clean(meta.source), fields },
  };
}

/** The canonical serialisation of documents [{title, text, metadata}] (see above), as bytes. */
export function serializeCorpus(docs) {
  const parts = [encoder.encode(MAGIC)];
  const u32 = (n) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n);
    parts.push(b);
  };
  const field = (s) => {
    const b = encoder.encode(s);
    u32(b.length);
    parts.push(b);
  };
  u32(docs.length);
  for (const doc of docs) {
    const { title, text, metadata } = canonicalDocument(doc);
    field(title);
    field(text);
    field(metadata.author);
    field(metadata.date);
    field(metadata.source);
    u32(metadata.fields.length);
    for (const { name, value } of metadata.fields) {
      field(name);
      field(value);
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The documents of a serialisation (the inverse of serializeCorpus); throws an Error that
 * says what is wrong for bytes that are not one (a foreign or cut corpus).
 */
export function parseCorpus(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = encoder.encode(MAGIC);
  if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) throw new Error('not a Text Explorer corpus');
  let at = magic.length;
  const u32 = () => {
    if (at + 4 > bytes.length) throw new Error('the corpus is cut short');
    const n = view.getUint32(at);
    at += 4;
    return n;
  };
  const field = () => {
    const n = u32();
    if (at + n > bytes.length) throw new Error('the corpus is cut short');
    const s = decoder.decode(bytes.subarray(at, at + n));
    at += n;
    return s;
  };
  const count = u32();
  const docs = [];
  for (let i = 0; i < count; i += 1) {
    const title = field();
    const text = field();
    const author = field();
    const date = field();
    const source = field();
    const fields = [];
    for (let k = u32(); k > 0; k -= 1) fields.push({ name: field(), value: field() });
    const metadata = { fields };
    if (author) metadata.author = author;
    if (date) metadata.date = date;
    if (source) metadata.source = source;
    docs.push({ title, text, metadata });
  }
  if (at !== bytes.length) throw new Error('the corpus has bytes after its last document');
  return docs;
}

/** `sha256-` and the lowercase hex SHA-256 of bytes (Web Crypto: off the page's thread). */
export async function corpusHash(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `sha256-${[...digest].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A corpus hash as links write it: `sha256-` and 64 lowercase hex digits. */
export const HASH = /^sha256-[0-9a-f]{64}$/;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes in base64url without padding (RFC 4648 §5). */
export function toBase64url(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (left > 1 ? B64[(n >> 6) & 63] : '') + (left > 2 ? B64[n & 63] : '');
  }
  return out;
}

/** The bytes of base64url text (padding allowed); throws for any other character or a cut length. */
export function fromBase64url(text) {
  const s = String(text).replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('not base64url');
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const c of s) {
    value = (value << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 255;
    }
  }
  return out;
}

async function pipe(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw Object.assign(new Error(`the corpus inflates to more than ${limit} bytes`), { overLimit: true });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Bytes compressed with raw DEFLATE (the platform's CompressionStream); with `limit`, rejects
 * as soon as the output passes it (a large corpus is not compressed to the end for nothing).
 */
export function deflate(bytes, limit = Infinity) {
  return pipe(bytes, new CompressionStream('deflate-raw'), limit);
}

/** Raw DEFLATE bytes inflated, at most `limit` bytes; rejects for bytes that are not DEFLATE. */
export function inflate(bytes, limit = MAX_INFLATED) {
  return pipe(bytes, new DecompressionStream('deflate-raw'), limit);
}

/**
 * The corpus parameters of a URL hash: null when it names no corpus, else {corpus, data}
 * (`data` the base64url text, or null), `corpus` null when the value is not a hash.
 */
export function readLink(hash) {
  const p = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  if (!p.has('corpus')) return null;
  const corpus = p.get('corpus').trim().toLowerCase();
  return { corpus: HASH.test(corpus) ? corpus : null, data: p.get('data') || null };
}

/**
 * The permalink: `page` (a URL without its hash) and the view's state hash (state.js's
 * format, '#…' or ''), with `corpus=` and, when given, `data=` after the view's keys.
 */
export function permalink(page, stateHash, corpus, data = null) {
  const url = new URL(page);
  const keys = [String(stateHash ?? '').replace(/^#/, ''), `corpus=${corpus}`, data ? `data=${data}` : ''].filter(Boolean);
  url.hash = keys.join('&');
  return url.href;
}

/** The date of access as ISO 8601 writes it (YYYY-MM-DD, in UTC). */
export function isoDate(date = new Date()) {
  return date.toISOString().slice(0, 10);
}

/**
 * The corpus the engine holds, in corpus order: [{id, title, text, metadata, source}] (the
 * engine's documents and each one's text).
 */
export async function engineCorpus(client) {
  const docs = await client.documents();
  const texts = await Promise.all(docs.map((d) => client.text(d.id)));
  return docs.map((d, i) => ({ id: d.id, title: d.title, text: texts[i], metadata: d.metadata, source: d.source }));
}

/**
 * What a link carries for documents: {hash, bytes (the serialisation's length), compressed
 * (the DEFLATE bytes' length), data (base64url, or null over MAX_DATA)}.
 */
export async function linkCorpus(docs) {
  const bytes = serializeCorpus(docs);
  const packing = deflate(bytes, MAX_DATA).catch((error) => {
    if (error.overLimit) return null;
    throw error;
  });
  const [hash, packed] = await Promise.all([corpusHash(bytes), packing]);
  return { hash, bytes: bytes.length, compressed: packed?.length ?? null, data: packed ? toBase64url(packed) : null };
}

/**
 * linkCorpus(docs) in a worker of its own (permalink-worker.js), so that serialising a large
 * corpus takes no task on the page's thread; on the page where a worker cannot start (a
 * widget loaded from another origin, a host's CSP).
 */
export function linkCorpusOffPage(docs) {
  let worker;
  try {
    const url = new URL('./permalink-worker.js', import.meta.url);
    if (url.origin !== globalThis.location?.origin) return linkCorpus(docs);
    worker = new Worker(url, { type: 'module' });
  } catch {
    return linkCorpus(docs);
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      worker.terminate();
      if (data.error != null) reject(new Error(data.error));
      else resolve(data.value);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      linkCorpus(docs).then(resolve, reject);
    };
    worker.postMessage({ docs: docs.map(({ title, text, metadata }) => ({ title, text, metadata })) });
  });
}
