// The one door to the engine. Views talk to this client only; every method returns a
// Promise. The engine runs in a dedicated Web Worker (engine-worker.js, the only importer of
// ./pkg/), so indexing a large corpus or answering a heavy query never blocks the page.

/** Indexing progress, as given to `onProgress`: {job, done, total, chars, totalChars}. */

let jobs = 0;

/**
 * Start the engine (in its worker) over a corpus of the built-in articles, or over an empty
 * corpus with `{articles: false}`.
 *
 * Methods (all async; rejections carry an Error with the engine's message):
 * - documents() → [{id, title, chars, tokens, types, sentences, source, key, encoding}]
 *   (`source` is 'article' or 'user'; `key` is a user text's storage key)
 * - summary({doc}) → {documents, chars, tokens, types, ttr, sentences, meanSentenceLength}
 * - text(id) → string
 * - terms({doc, stopwords, minCount, limit}) → [{term, count, relative, docs}]
 * - kwic(query, {doc, window, sort, offset, limit}) → {total, lines: [{doc, token, start, end, left, keyword, right}]}
 *   (a call still queued when a newer call with the same options arrives rejects with
 *   "superseded by a newer query" instead of being computed: typing shows the latest answer)
 * - tokens(id) → [{start, end, term}]
 * - addDocuments([{title, text, key, encoding}], {onProgress}) → {added: [id], errors:
 *   [{index, title, message}], cancelled}; cancelIndexing() stops the running job, which then
 *   resolves with `cancelled: true` and has added nothing
 * - addDocument(title, text) → id
 * - removeDocument(id) (later ids move down by one), renameDocument(id, title)
 * - setArticles(shown): hide the embedded articles, or bring them back (at the end)
 * - memory() → {tokens, wasmBytes}
 * - decode([File or ArrayBuffer], maxBytes) → per input {bytes, binary: true} or {bytes, text,
 *   encoding, how, hadErrors}, only {bytes} when empty or over maxBytes, or {error}: bytes to
 *   text (BOM, else UTF-8, else Firefox's detector), read and decoded in the worker
 * - call(method, ...args): any other Corpus method, by name
 * - onDocuments(fn): fn({removed}) after every change of the document list; returns an
 *   unsubscribe function (`removed`: the id removed, when one was)
 * - close() stops the worker
 */
export async function createClient({ articles = true } = {}) {
  const early = takeEarlyEngine();
  // The worker starts at once, so that fetching its scripts overlaps with the compiling of
  // the wasm, which follows as a message.
  const worker = early?.worker ?? startEngine();
  const pending = new Map();
  const progress = new Map();
  const listeners = new Set();
  let running = null;
  let nextId = 0;
  let closed = null;

  worker.onmessage = ({ data }) => {
    if (data.progress) {
      progress.get(data.progress.job)?.(data.progress);
      return;
    }
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if (data.ok) call.resolve(data.value);
    else call.reject(new Error(data.error));
  };
  // A worker that fails to load (no module workers, a missing file) or crashes.
  const fail = (reason) => {
    closed ??= new Error(reason);
    for (const call of pending.values()) call.reject(closed);
    pending.clear();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(`the text engine failed: ${event.message || 'its worker could not start'}`);
  };
  worker.onmessageerror = () => fail('the text engine sent an unreadable answer');
  if (early?.error != null) fail(`the text engine failed: ${early.error || 'its worker could not start'}`);
  // An early engine has been sent the wasm by the page already.
  if (early) compiled().catch((error) => fail(error.message));
  else compiled().then((module) => worker.postMessage({ wasm: module }), (error) => fail(error.message));

  // The engine's first answer, the documents, also answers a first documents() asked before
  // any other call (the widget asks at once): one round trip fewer before the first render.
  let firstDocuments = null;

  const call = (method, ...args) => {
    firstDocuments = null;
    if (closed) return Promise.reject(closed);
    return new Promise((resolve, reject) => {
      const id = (nextId += 1);
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  };

  const changed = (detail = {}) => {
    for (const fn of [...listeners]) fn(detail);
  };

  // Edits: run, then tell the listeners that the list of documents changed.
  const edit = async (method, args, detail) => {
    const value = await call(method, ...args);
    changed(detail);
    return value;
  };

  const client = {
    documents: () => {
      const answer = firstDocuments;
      firstDocuments = null;
      return answer ?? call('documents');
    },
    summary: (opts) => call('summary', options(opts)),
    text: (id) => call('text', id),
    terms: (opts) => call('terms', options(opts)),
    kwic: (query, opts) => call('kwic', query, options(opts)),
    tokens: (id) => call('tokens', id),
    call,

    async addDocuments(items, { onProgress } = {}) {
      const job = (jobs += 1);
      if (onProgress) progress.set(job, onProgress);
      running = job;
      try {
        const result = await call('addDocuments', items.map(plainItem), job);
        if (result.added.length) changed({ added: result.added });
        return result;
      } finally {
        progress.delete(job);
        if (running === job) running = null;
      }
    },
    cancelIndexing() {
      if (running != null) worker.postMessage({ cancel: running });
    },
    async addDocument(title, text) {
      const { added, errors } = await client.addDocuments([{ title, text }]);
      if (errors.length) throw new Error(errors[0].message);
      return added[0];
    },
    removeDocument: (id) => edit('removeDocument', [id], { removed: id }),
    renameDocument: (id, title) => edit('renameDocument', [id, title], {}),
    setArticles: async (shown) => {
      const before = await call('documents');
      await call('setArticles', shown);
      // Hiding removes the articles' ids (highest first, so the rest shift as one).
      const removed = shown ? [] : before.filter((d) => d.source === 'article').map((d) => d.id);
      changed({ removedMany: removed });
    },
    memory: () => call('memory'),
    // Files are read in the worker; ArrayBuffers are transferred (unusable here afterwards).
    decode: (inputs, maxBytes = Infinity) => {
      if (closed) return Promise.reject(closed);
      return new Promise((resolve, reject) => {
        const id = (nextId += 1);
        pending.set(id, { resolve, reject });
        const buffers = inputs.filter((input) => input instanceof ArrayBuffer);
        worker.postMessage({ id, method: 'decode', args: [inputs, maxBytes] }, buffers);
      });
    },
    onDocuments(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    close: async () => {
      fail('the text engine was closed');
      worker.terminate();
    },
  };
  // Resolves once the engine is up (documents() waits for it), with or without the articles.
  if (!articles) await call('setArticles', false);
  else {
    firstDocuments = call('documents');
    await firstDocuments;
  }
  return client;
}

// A page that shows a widget at once can start its engine before any module has loaded, in
// an inline script (index.html does), since starting a worker takes Chromium 100-200 ms and
// needs the page's thread, which loading and running the modules keeps busy:
//   window.textExplorerEngine = {worker, wasm: Promise of the compiled module (sent to the
//   worker already), error: null, or the message of the worker's error}
// The first client takes it over, worker and wasm.
function takeEarlyEngine() {
  const early = globalThis.textExplorerEngine;
  if (!early?.worker) return null;
  delete globalThis.textExplorerEngine;
  wasm ??= early.wasm;
  return early;
}

// Workers must be same-origin with the page. When the widget was loaded from another origin
// (a CDN), the engine runs on the page's thread instead: its own instance of engine-worker.js,
// over a MessageChannel, behind the same Worker-like face (postMessage, onmessage, terminate).
let inPageEngines = 0;
let wasm = null;
// The engine's wasm, fetched and compiled once per page; each engine instantiates it.
function compiled() {
  wasm ??= WebAssembly.compileStreaming(fetch(new URL('./pkg/text_explorer_bg.wasm', import.meta.url)));
  return wasm;
}
function startEngine() {
  const url = new URL('./engine-worker.js', import.meta.url);
  if (url.origin === globalThis.location?.origin) return new Worker(url, { type: 'module' });
  const { port1, port2 } = new MessageChannel();
  url.searchParams.set('engine', String((inPageEngines += 1))); // a fresh module instance
  const dispose = import(url.href).then((module) => module.connect(port2));
  const engine = {
    onerror: null,
    onmessageerror: null,
    set onmessage(fn) {
      port1.onmessage = fn;
    },
    postMessage: (data, transfer = []) => port1.postMessage(data, transfer),
    terminate: () => {
      port1.close();
      dispose.then((free) => free(), () => {});
    },
  };
  dispose.catch((error) => engine.onerror?.({ message: error.message, preventDefault() {} }));
  return engine;
}

// Options objects with undefined members left out, so the engine sees its own defaults.
function options(opts) {
  const out = {};
  for (const [key, value] of Object.entries(opts ?? {})) {
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

// Only what the engine needs crosses to the worker (structured clone copies the text).
function plainItem({ title = '', text, key, encoding }) {
  return { title: String(title), text, key, encoding };
}
