// The engine's own thread: a dedicated module Worker that loads the wasm build (./pkg/) and
// owns the Corpus, so that indexing a large corpus never blocks the page. client.js is its
// only counterpart; the protocol is private to the two files:
//
//   page → worker  {id, method, args}        a Corpus method, or one of the jobs below
//                  {cancel: job}             stop the indexing job `job` (handled at once)
//   worker → page  {id, ok: true, value} | {id, ok: false, error: message}
//                  {progress: {job, done, total, chars, totalChars}}
//
// Requests run one at a time, in order. An indexing job yields to the event loop between
// documents (at least every ~20 ms), which is when a cancel message gets through.

import init, { Corpus } from './pkg/text_explorer.js';

let corpus = null;
let exports = null;
// Per document, aligned with the engine's ids: where it came from.
//   {source: 'article', article: i} or {source: 'user', key, encoding}
let meta = [];
let articles = [];
let decoder = null;
const cancelled = new Set();
const queue = [];
let running = false;

// The page compiles the wasm once (client.js) and sends the WebAssembly.Module as the first
// message, so every widget's engine shares one download and one compilation.
let giveModule;
const wasmModule = new Promise((resolve) => {
  giveModule = resolve;
});

const ready = (async () => {
  exports = await init({ module_or_path: await wasmModule });
  corpus = Corpus.withArticles();
  articles = corpus.documents().map((d) => ({ title: d.title, text: corpus.text(d.id) }));
  meta = articles.map((_, article) => ({ source: 'article', article }));
})();

const message = (thrown) => (thrown instanceof Error ? thrown.message : String(thrown));
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

// The methods a page may call on the Corpus (the exported API, read-only or editing).
const JOBS = {
  documents() {
    return corpus.documents().map((d, id) => ({ ...d, ...meta[id] }));
  },

  // items: [{title, text, key?, encoding?}]. Adds them in order; a text the engine refuses
  // (no words) is reported in `errors` and the others go on. Cancelling removes what this
  // job added. → {added: [id], errors: [{index, title, message}], cancelled}
  async addDocuments(items, job) {
    const added = [];
    const errors = [];
    const totalChars = items.reduce((n, item) => n + item.text.length, 0);
    let chars = 0;
    let last = performance.now();
    for (let index = 0; index < items.length; index += 1) {
      if (cancelled.has(job)) break;
      const { title, text, key, encoding } = items[index];
      try {
        added.push(corpus.addDocument(title, text));
        meta.push({ source: 'user', key, encoding });
      } catch (thrown) {
        errors.push({ index, title, message: message(thrown) });
      }
      chars += text.length;
      send({ progress: { job, done: index + 1, total: items.length, chars, totalChars } });
      if (performance.now() - last > 20) {
        await pause();
        last = performance.now();
      }
    }
    if (cancelled.delete(job)) {
      for (const id of [...added].reverse()) {
        corpus.removeDocument(id);
        meta.splice(id, 1);
      }
      return { added: [], errors, cancelled: true };
    }
    // The postings and the terms' order, once for the batch (else the first query does it).
    corpus.prepare();
    return { added, errors, cancelled: false };
  },

  // Titles live here once renamed (the engine's own title is the one given when added):
  // documents() shows this one. A blank title becomes "Document N", as the engine does.
  renameDocument(id, title) {
    if (!Number.isInteger(id) || id < 0 || id >= meta.length) {
      throw new Error(`unknown document id ${id}: the corpus has ${meta.length} documents`);
    }
    meta[id].title = String(title ?? '').trim() || `Document ${id + 1}`;
  },

  removeDocument(id) {
    corpus.removeDocument(id);
    meta.splice(id, 1);
  },

  // Hides (removes) the embedded articles, or adds them back at the end.
  setArticles(shown) {
    const ids = meta.flatMap((m, id) => (m.source === 'article' ? [id] : []));
    if (!shown) {
      for (const id of ids.reverse()) JOBS.removeDocument(id);
    } else if (ids.length === 0) {
      articles.forEach(({ title, text }, article) => {
        corpus.addDocument(title, text);
        meta.push({ source: 'article', article });
      });
    }
  },

  // Files (Blobs) or ArrayBuffers to text, here rather than on the page: reading 500 files
  // from disk has synchronous parts in Chromium. The decoder module (encoding_rs + chardetng)
  // loads on first use. → per input: {bytes, binary: true} or {bytes, text, encoding, how,
  // hadErrors}; only {bytes} when there are none or more than maxBytes; {error} if unreadable.
  async decode(inputs, maxBytes) {
    decoder ??= import('./pkg-decode/text_explorer_decode.js').then(async (module) => {
      await module.default();
      return module;
    });
    const { decode } = await decoder;
    const out = [];
    for (const input of inputs) {
      try {
        const buffer = input instanceof Blob ? await input.arrayBuffer() : input;
        const bytes = buffer.byteLength;
        if (bytes === 0 || bytes > maxBytes) out.push({ bytes });
        else out.push({ bytes, ...decode(new Uint8Array(buffer)) });
      } catch (thrown) {
        out.push({ error: message(thrown) });
      }
    }
    return out;
  },

  // Memory: the tokens indexed and the bytes of the wasm linear memory.
  memory() {
    const tokens = corpus.documents().reduce((n, d) => n + d.tokens, 0);
    return { tokens, wasmBytes: exports.memory.buffer.byteLength };
  },
};

async function run({ id, method, args = [] }) {
  try {
    await ready;
    let value;
    if (Object.hasOwn(JOBS, method)) value = await JOBS[method](...args);
    else if (typeof Corpus.prototype[method] === 'function' && method !== 'free' && method !== 'constructor') {
      value = corpus[method](...args);
    } else throw new Error(`unknown engine method ${method}`);
    send({ id, ok: true, value });
  } catch (thrown) {
    send({ id, ok: false, error: message(thrown) });
  }
}

// A KWIC request still waiting while a newer one with the same options (the same caller:
// the KWIC view as the user types, the Reader, …) waits behind it is answered "superseded"
// without being computed: its caller shows only the latest answer anyway.
const options = (request) => JSON.stringify(request.args?.slice(1) ?? []);
function superseded(request) {
  if (request.method !== 'kwic') return false;
  const key = options(request);
  return queue.some((later) => later.method === 'kwic' && options(later) === key);
}

async function pump() {
  if (running) return;
  running = true;
  while (queue.length) {
    const request = queue.shift();
    if (superseded(request)) send({ id: request.id, ok: false, error: 'superseded by a newer query' });
    else await run(request);
  }
  running = false;
}

const receive = ({ data }) => {
  if (data.wasm) {
    giveModule(data.wasm);
    return;
  }
  if (data.cancel != null) {
    cancelled.add(data.cancel);
    return;
  }
  queue.push(data);
  pump();
};

// The channel: in a Worker, its scope. A page that loaded the widget from another origin
// cannot start a Worker from there (Workers must be same-origin), so client.js imports its
// own instance of this module on the page's thread and gives it a MessagePort: connect().
let port = typeof WorkerGlobalScope !== 'undefined' ? self : null;
function send(data) {
  port?.postMessage(data);
}
if (port) port.onmessage = receive;

/** Serve this module instance's corpus over a MessagePort; returns a function that frees it. */
export function connect(channel) {
  port = channel;
  port.onmessage = receive;
  return async () => {
    port?.close();
    port = null;
    await ready.catch(() => {});
    corpus?.free();
    corpus = null;
  };
}
