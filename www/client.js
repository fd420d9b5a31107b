// The one door to the engine. Views talk to this client only; every method returns a
// Promise. The engine runs in a dedicated Web Worker (engine-worker.js, the only importer of
// ./pkg/), so indexing a large corpus or answering a heavy query never blocks the page.
//
// The methods are not written here: one per operation of the engine's declaration
// (src/protocol.rs), made by the generated operations.js; their types are
// npm/types/engine.d.ts. This file adds only what is the page's own: progress and cancelling
// of addDocuments, the listeners of document changes, and restarting the engine after a
// panic from the texts it held.

import { methods } from './operations.js';

/** The message a page shows while the engine restarts after a panic. */
export const RESTARTING = 'the engine stopped: reloading your texts';

/**
 * Start the engine (in its worker) over a corpus of the built-in articles, or over an empty
 * corpus with `{articles: false}`.
 *
 * Methods: every operation of `Operations` (npm/types/engine.d.ts), e.g.
 * `kwic(query, options) → {total, lines}`. A query answered by a newer one with the same
 * options before it ran rejects with an Error whose `superseded` is true. Besides:
 * - addDocuments(items, {onProgress}) → {added, errors, cancelled}: onProgress gets
 *   {job, done, total, chars, totalChars}; cancelIndexing() stops the running job, which then
 *   resolves with `cancelled: true` and has added nothing
 * - addDocument(title, text) → id
 * - onDocuments(fn): fn({added, removed, removedMany, restarted}) after every change of the
 *   document list; returns an unsubscribe function
 * - onRestart(fn): fn({phase: 'restarting' | 'restarted' | 'failed', message}) when the engine
 *   panicked and is being started again from the texts it held
 * - close() stops the worker
 */
export async function createClient({ articles = true } = {}) {
  const pending = new Map();
  const progress = new Map();
  const listeners = new Set();
  const restarts = new Set();
  let engine = null;
  let running = null;
  let nextId = 0;
  let closed = null;
  let generation = 0;
  let ready = false; // the first answer came: a worker error from now on is a crash
  // What the engine holds, aligned with its document ids, so that a restart loses nothing:
  // {article: true} or {item: {title, text, key, encoding}}.
  let journal = [];

  const fail = (reason) => {
    const error = reason instanceof Error ? reason : new Error(reason);
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    return error;
  };

  function attach(started) {
    const mine = (generation += 1);
    engine = started;
    engine.onmessage = ({ data }) => {
      if (mine !== generation) return;
      if (data.progress) {
        progress.get(data.progress.job)?.(data.progress);
      } else if (data.crashed != null) {
        restart(data.crashed);
      } else if (data.failed != null) {
        closed ??= fail(data.failed);
      } else {
        const call = pending.get(data.id);
        if (!call) return;
        pending.delete(data.id);
        if (data.ok) call.resolve(data.value);
        else call.reject(Object.assign(new Error(data.error), data.superseded ? { superseded: true } : {}));
      }
    };
    // A worker that fails to load (no module workers, a missing file) or dies.
    engine.onerror = (event) => {
      event.preventDefault?.();
      if (mine !== generation) return;
      if (ready) restart(event.message || 'its worker stopped');
      else closed ??= fail(`the text engine failed: ${event.message || 'its worker could not start'}`);
    };
    engine.onmessageerror = () => fail('the text engine sent an unreadable answer');
  }

  const early = takeEarlyEngine();
  // The worker starts at once, so that fetching its scripts overlaps with the compiling of
  // the wasm, which follows as a message.
  attach(early?.worker ?? startEngine());
  if (early?.error != null) closed = fail(`the text engine failed: ${early.error || 'its worker could not start'}`);
  if (early) compiled().catch((error) => { closed ??= fail(error.message); });
  else sendModule(engine);

  function sendModule(to) {
    compiled().then((module) => to.postMessage({ wasm: module }), (error) => { closed ??= fail(error.message); });
  }

  function post(op, args, transfer = []) {
    if (closed) return Promise.reject(closed);
    return new Promise((resolve, reject) => {
      const id = (nextId += 1);
      pending.set(id, { resolve, reject, op });
      engine.postMessage({ id, request: { op, args } }, transfer);
    });
  }

  // One method per declared operation: positional arguments become the request's `args`;
  // options objects lose their undefined and null members, so the engine's defaults apply.
  const operations = methods((op, args, values) => post(op, withoutEmptyOptions(args), transferOf(values)));

  // The engine's first answer, the documents, also answers a first documents() asked before
  // any other call (the widget asks at once): one round trip fewer before the first render.
  let firstDocuments = null;
  const changed = (detail = {}) => {
    for (const fn of [...listeners]) fn(detail);
  };

  // After a panic: a new engine, given the texts the old one held, in the same order.
  let restarting = null;
  async function restart(reason) {
    if (restarting || closed) return;
    const say = (detail) => { for (const fn of [...restarts]) fn(detail); };
    console.error(`text-explorer: ${RESTARTING} (${reason})`);
    say({ phase: 'restarting', message: RESTARTING });
    fail(new Error(RESTARTING));
    const old = engine;
    restarting = (async () => {
      old.onmessage = null;
      old.terminate();
      attach(startEngine({ fresh: true }));
      sendModule(engine);
      const held = journal;
      journal = [];
      await replay(held);
    })();
    try {
      await restarting;
      say({ phase: 'restarted', message: '' });
      changed({ restarted: true });
    } catch (error) {
      say({ phase: 'failed', message: error.message });
    } finally {
      restarting = null;
    }
  }

  async function replay(held) {
    await post('setArticles', { shown: false });
    let batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const items = batch;
      batch = [];
      await client.addDocuments(items, { quiet: true });
    };
    for (const entry of held) {
      if (entry.item) batch.push(entry.item);
      else if (entry.article && !journal.some((e) => e.article)) {
        await flush();
        await client.setArticles(true, { quiet: true });
      }
    }
    await flush();
  }

  const client = {
    ...operations,
    documents: () => {
      const answer = firstDocuments;
      firstDocuments = null;
      return answer ?? operations.documents();
    },

    async addDocuments(items, { onProgress, quiet = false } = {}) {
      const plain = items.map(plainItem);
      const job = nextId + 1; // the request's id (post() takes the next one)
      if (onProgress) progress.set(job, onProgress);
      running = job;
      try {
        const result = await post('addDocuments', { items: plain });
        const kept = plain.filter((_, i) => !result.errors.some((e) => e.index === i));
        result.added.forEach((id, k) => { journal[id] = { item: kept[k] }; });
        if (result.added.length && !quiet) changed({ added: result.added });
        return result;
      } finally {
        progress.delete(job);
        if (running === job) running = null;
      }
    },
    cancelIndexing() {
      if (running != null) operations.cancel(running).catch(() => {});
    },
    async addDocument(title, text) {
      const { added, errors } = await client.addDocuments([{ title, text }]);
      if (errors.length) throw new Error(errors[0].message);
      return added[0];
    },
    async removeDocument(id) {
      await operations.removeDocument(id);
      journal.splice(id, 1);
      changed({ removed: id });
    },
    async renameDocument(id, title) {
      await operations.renameDocument(id, title);
      if (journal[id]?.item) journal[id].item.title = String(title ?? '');
      changed({});
    },
    async setArticles(shown, { quiet = false } = {}) {
      const before = journal.flatMap((entry, id) => (entry.article ? [id] : []));
      await operations.setArticles(shown);
      if (!shown) journal = journal.filter((entry) => !entry.article);
      else if (before.length === 0) journal.push({ article: true }, { article: true });
      // Hiding removes the articles' ids (highest first, so the rest shift as one).
      if (!quiet) changed({ removedMany: shown ? [] : before });
    },
    // Files are read in the engine; ArrayBuffers are transferred (unusable here afterwards).
    decode: (inputs, maxBytes = Infinity) => operations.decode(inputs, Number.isFinite(maxBytes) ? maxBytes : null),
    onDocuments(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    onRestart(fn) {
      restarts.add(fn);
      return () => restarts.delete(fn);
    },
    close: async () => {
      closed ??= fail('the text engine was closed');
      generation += 1;
      engine.terminate();
    },
  };

  // Resolves once the engine is up (documents() waits for it), with or without the articles.
  if (!articles) await post('setArticles', { shown: false });
  else {
    journal = [{ article: true }, { article: true }];
    firstDocuments = operations.documents();
    await firstDocuments;
  }
  ready = true;
  return client;
}

// Options objects without undefined or null members, so that the engine's defaults apply.
function withoutEmptyOptions(args) {
  const { options } = args;
  if (!options || typeof options !== 'object') return args;
  const out = {};
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && value !== null) out[key] = value;
  }
  return { ...args, options: out };
}

// ArrayBuffers among the values (decode's inputs) are transferred, not copied.
function transferOf(values) {
  return values.flatMap((v) => (Array.isArray(v) ? v.filter((x) => x instanceof ArrayBuffer) : []));
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
function startEngine({ fresh = false } = {}) {
  const url = new URL('./engine-worker.js', import.meta.url);
  if (url.origin === globalThis.location?.origin) return new Worker(url, { type: 'module' });
  const { port1, port2 } = new MessageChannel();
  const n = (inPageEngines += 1);
  url.searchParams.set('engine', String(n)); // a fresh module instance
  // After a panic the page's shared wasm instance is gone: a restarted engine gets its own.
  const dispose = import(url.href).then((module) => module.connect(port2, { fresh: fresh ? n : 0 }));
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

// Only what the engine needs crosses to the worker (structured clone copies the text).
function plainItem({ title = '', text, key, encoding }) {
  const item = { title: String(title), text };
  if (key != null) item.key = key;
  if (encoding != null) item.encoding = encoding;
  return item;
}
