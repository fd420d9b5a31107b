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
 * - addFiles(files, {names, titles, encodings, metadata, maxBytes, maxChars, store, how, onProgress}) → {added,
 *   files, cancelled, storageError}: files read, decoded, stored and indexed in the worker
 *   (their text never crosses to the page); cancelIndexing() stops it at any stage
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
  // {article: true, title, language?} or {item: {title, text, key, encoding, language,
  // languageDetected}, title}, `title` being the engine's (after a rename, or "Document N"
  // for a blank one; absent for an article as it came), and the language the engine decided
  // (given, detected or set since; an article's only once set). The page keeps this copy of
  // each text only to restart the engine after a panic.
  let journal = [];
  // Whether the engine folds diacritics (setFolding), given again to a restarted engine.
  let folding = false;

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

  // A request to the engine there is now, and its id; `post` waits for a restart first.
  function send(op, args, transfer = []) {
    if (closed) return { id: null, answer: Promise.reject(closed) };
    const id = (nextId += 1);
    const answer = new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, op });
      engine.postMessage({ id, request: { op, args } }, transfer);
    });
    return { id, answer };
  }
  // Calls made while the engine restarts go to the new engine once it holds the old texts.
  let stopDocs = null; // the documents' languages for stop words, asked again after a change
  async function post(op, args, transfer = []) {
    firstDocuments = null;
    if (op === 'setLanguage' || op === 'removeDocument' || op === 'setArticles') stopDocs = null;
    if (restarting) await restarting.catch(() => {});
    return send(op, args, transfer).answer;
  }

  // One method per declared operation: positional arguments become the request's `args`;
  // options objects lose their undefined and null members, so the engine's defaults apply.
  const operations = methods((op, args, values) => post(op, withoutEmptyOptions(args), transferOf(values)));

  // The engine's first answer, the documents, also answers a first documents() asked before
  // any other call (the widget asks at once): one round trip fewer before the first render.
  let firstDocuments = null;
  const changed = (detail = {}) => {
    stopDocs = null;
    for (const fn of [...listeners]) fn(detail);
  };
  // The engine's own titles (a blank one becomes "Document N") and languages (detected or
  // given), kept in the journal so that a restart gives each text the title and language it
  // had, without detecting again.
  async function keepTitles(ids) {
    if (!ids.length) return;
    const docs = await send('documents', {}).answer;
    for (const id of ids) {
      const entry = journal[id];
      const doc = docs[id];
      if (!entry || !doc) continue;
      entry.title = doc.title;
      if (entry.item) entry.item = { ...entry.item, language: doc.language, languageDetected: doc.languageDetected };
    }
  }

  // After a panic: a new engine, given the texts the old one held, in the same order, with
  // the same titles. A call that was waiting for the old engine rejects with RESTARTING
  // (`restarting: true`), except addDocuments, which is tried once more on the new one.
  let restarting = null;
  async function restart(reason) {
    if (closed) return;
    if (!ready) {
      closed = fail(`the text engine stopped while starting: ${reason}`);
      return;
    }
    if (restarting) {
      // The new engine stopped too: give up, rather than loop.
      closed = fail(`the engine stopped again while reloading your texts: ${reason}`);
      return;
    }
    const say = (detail) => { for (const fn of [...restarts]) fn(detail); };
    console.error(`text-explorer: ${RESTARTING} (${reason})`);
    say({ phase: 'restarting', message: RESTARTING });
    const old = engine;
    const held = journal;
    // `restarting` is set before the old engine's calls are rejected (so that a retry waits
    // for it), and the replay starts after that (so that its own calls are not rejected).
    let begin;
    const gate = new Promise((resolve) => { begin = resolve; });
    restarting = (async () => {
      await gate;
      old.onmessage = null;
      old.terminate({ crashed: true });
      attach(startEngine({ fresh: true }));
      sendModule(engine);
      journal = await replay(held);
    })();
    fail(Object.assign(new Error(RESTARTING), { restarting: true }));
    begin();
    try {
      await restarting;
      restarting = null;
      stops?.then((s) => s.restarted()); // the new engine has only its defaults
      say({ phase: 'restarted', message: '' });
      changed({ restarted: true });
    } catch (error) {
      restarting = null;
      journal = held;
      say({ phase: 'failed', message: error.message });
    }
  }

  // The journal `held`, given to the new engine: the user's texts in batches, the articles
  // where they stood, then the titles they had. Resolves to the new journal.
  async function replay(held) {
    const rebuilt = [];
    await send('setArticles', { shown: false }).answer;
    // Before the texts, so that they are indexed once, folded.
    if (folding) await send('setFolding', { fold: true }).answer;
    let batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const items = await withTexts(batch.map(({ item, title }) => ({ ...item, title })));
      batch = [];
      const { errors } = await send('addDocuments', { items }).answer;
      if (errors.length) throw new Error(errors[0].message);
      for (const item of items) rebuilt.push({ item, title: item.title });
    };
    for (const entry of held) {
      if (entry.item) batch.push(entry);
      else if (!rebuilt.some((e) => e.article)) {
        await flush();
        await send('setArticles', { shown: true }).answer;
        rebuilt.push(...held.filter((e) => e.article).map((e) => ({ ...e })));
      }
    }
    await flush();
    const renames = rebuilt.flatMap((e, id) => (e.article && e.title != null ? [send('renameDocument', { id, title: e.title }).answer] : []));
    const languages = rebuilt.flatMap((e, id) => (e.article && e.language !== undefined ? [send('setLanguage', { id, language: e.language }).answer] : []));
    const metadata = rebuilt.flatMap((e, id) => (e.article && e.metadata ? [send('setMetadata', { id, metadata: e.metadata }).answer] : []));
    await Promise.all([...renames, ...languages, ...metadata]);
    return rebuilt;
  }

  // Items of the journal with their texts: a text added by addFiles is not kept on the page,
  // and is read again from storage by its key (one that is no longer there is left out).
  async function withTexts(items) {
    if (items.every((item) => item.text != null)) return items;
    const { openStorage } = await import('./storage.js');
    const saved = new Map((await (await openStorage()).list()).map((record) => [record.key, record]));
    return items.flatMap((item) => {
      if (item.text != null) return [item];
      const record = saved.get(item.key);
      if (!record) return [];
      // What the engine had since (a rename, a language or metadata set) wins over the record.
      const since = Object.fromEntries(Object.entries(item).filter(([, value]) => value != null));
      return [plainItem({ ...record, ...since, text: record.text })];
    });
  }

  async function addOnce(plain, onProgress) {
    if (restarting) await restarting.catch(() => {});
    const { id: job, answer } = send('addDocuments', { items: plain });
    if (job == null) return answer;
    if (onProgress) progress.set(job, onProgress);
    running = job;
    try {
      const result = await answer;
      const kept = plain.filter((_, i) => !result.errors.some((e) => e.index === i));
      result.added.forEach((id, k) => { journal[id] = { item: kept[k], title: kept[k].title }; });
      await keepTitles(result.added);
      return result;
    } finally {
      progress.delete(job);
      if (running === job) running = null;
    }
  }

  // Stop words (stopwords.js, loaded when a request first leaves them out): before such a
  // request the engine gets the lists of the documents' languages, as the page edited them.
  let stops = null;
  let stopQueue = Promise.resolve();
  function withStops(fn) {
    const run = stopQueue.then(async () => {
      if (restarting) await restarting.catch(() => {});
      stops ??= import('./stopwords.js').then((m) => m.stopSync((op, args) => send(op, args).answer));
      return fn(await stops);
    });
    stopQueue = run.catch(() => {});
    return run;
  }
  const needsStops = {
    terms: (o) => o?.stopwords === false,
    termsPage: (o) => o?.stopwords === false,
    collocates: (_, o) => o?.stopwords === false,
    phrases: (o) => o?.trimStopwords === true,
    keyness: (o) => o?.stopwords === false,
    compare: () => true, // its sentence alignment always leaves stop words out
  };
  const stopAware = Object.fromEntries(Object.entries(needsStops).map(([op, needs]) => [op, async (...args) => {
    if (needs(...args)) {
      await withStops(async (s) => s.sync((await (stopDocs ??= send('documents', {}).answer)).map((d) => d.language ?? 'en')));
    }
    return operations[op](...args);
  }]));

  const client = {
    ...operations,
    ...stopAware,
    // Stop words: see stopwords.js's stopSync and npm/types/client.d.ts.
    setStopEdits: (edits) => withStops((s) => s.setEdits(edits)),
    setStopWords: (language, words = null) => withStops((s) => s.setWords(language, words)),
    stopWords: (language) => withStops((s) => s.words(language)),
    stopBase: (language, base) => withStops((s) => s.base(language, base)),
    documents: () => {
      const answer = firstDocuments;
      firstDocuments = null;
      return answer ?? operations.documents();
    },

    async addDocuments(items, { onProgress } = {}) {
      firstDocuments = null;
      const plain = items.map(plainItem);
      let result;
      try {
        result = await addOnce(plain, onProgress);
      } catch (error) {
        // The engine stopped while adding: once the texts it held are back, add these.
        if (!error.restarting) throw error;
        result = await addOnce(plain, onProgress);
      }
      if (result.added.length) changed({ added: result.added });
      return result;
    },
    /**
     * Files added in the engine's thread (addFiles: read, decoded, stored and indexed there,
     * so that their text never crosses to the page). `files`: Files or ArrayBuffers (an
     * ArrayBuffer is transferred); `names` and `titles`, one each; `encodings` and `metadata`,
     * one each or null: a text of UTF-8 bytes that a format's reader made (its label, "DOCX",
     * kept as its encoding, and its metadata); the options of addFiles; onProgress as
     * addDocuments'. Resolves to {added, files, cancelled, storageError}.
     */
    async addFiles(files, { names, titles = [], encodings = [], metadata = [], onProgress, ...options } = {}) {
      firstDocuments = null;
      if (restarting) await restarting.catch(() => {});
      const info = files.map((file, i) => ({
        name: String(names?.[i] ?? file.name ?? ''),
        title: titles[i] ?? null,
        ...(encodings[i] != null && { encoding: String(encodings[i]) }),
        ...(metadata[i] != null && { metadata: metadata[i] }),
      }));
      const transfer = files.filter((file) => file instanceof ArrayBuffer);
      const { id: job, answer } = send('addFiles', { inputs: files, files: info, options: withoutEmptyOptions({ options }).options }, transfer);
      if (job == null) return answer;
      if (onProgress) progress.set(job, onProgress);
      running = job;
      try {
        const result = await answer;
        // The journal keeps what a restart needs: a stored text is read again by its key.
        for (const file of result.files) {
          if (file.id != null) journal[file.id] = { item: { title: file.title, key: file.key }, title: file.title };
        }
        await keepTitles(result.added);
        if (result.added.length) changed({ added: result.added });
        return result;
      } finally {
        progress.delete(job);
        if (running === job) running = null;
      }
    },
    /**
     * The texts kept in the page's storage, added again in the engine's thread (addStored: on
     * a reload), so that they never cross to the page; onProgress as addDocuments'. Resolves
     * to {added, errors, cancelled} (an error's index: the text's place among those stored).
     */
    async addStored({ onProgress } = {}) {
      firstDocuments = null;
      if (restarting) await restarting.catch(() => {});
      const { id: job, answer } = send('addStored', {});
      if (job == null) return answer;
      if (onProgress) progress.set(job, onProgress);
      running = job;
      try {
        const result = await answer;
        const docs = result.added.length ? await send('documents', {}).answer : [];
        for (const id of result.added) {
          const doc = docs[id];
          if (doc) journal[id] = { item: { title: doc.title, key: doc.key, language: doc.language, languageDetected: doc.languageDetected }, title: doc.title };
        }
        if (result.added.length) changed({ added: result.added });
        return result;
      } finally {
        progress.delete(job);
        if (running === job) running = null;
      }
    },
    cancelIndexing() {
      if (running != null) send('cancel', { job: running }).answer.catch(() => {});
    },
    async addDocument(title, text, { language = null } = {}) {
      const { added, errors } = await client.addDocuments([{ title, text, language }]);
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
      await keepTitles([id]);
      changed({});
    },
    async setLanguage(id, language) {
      // Blank is unknown, as null is: the journal keeps null, which a replay can send again.
      const code = typeof language === 'string' && language.trim() ? language.trim() : null;
      await operations.setLanguage(id, code);
      const entry = journal[id];
      if (entry?.item) entry.item = { ...entry.item, language: code, languageDetected: false };
      else if (entry) entry.language = code;
      changed({});
    },
    async setMetadata(id, metadata) {
      await operations.setMetadata(id, metadata);
      const entry = journal[id];
      if (entry?.item) entry.item = { ...entry.item, metadata };
      else if (entry) entry.metadata = metadata;
      changed({});
    },
    async setFolding(fold) {
      await operations.setFolding(fold === true);
      folding = fold === true;
    },
    async setArticles(shown) {
      const before = journal.flatMap((entry, id) => (entry.article ? [id] : []));
      await operations.setArticles(shown);
      if (!shown) journal = journal.filter((entry) => !entry.article);
      else if (before.length === 0) {
        const docs = await send('documents', {}).answer;
        for (const doc of docs.slice(journal.length)) if (doc.source === 'article') journal.push({ article: true });
      }
      // Hiding removes the articles' ids (highest first, so the rest shift as one).
      changed({ removedMany: shown ? [] : before });
    },
    // A corpus file (Uint8Array, ArrayBuffer or Blob) in place of the corpus (the engine
    // refuses a bad one and keeps its corpus). Resolves to the engine's answer and `items`,
    // the user's texts as opened ({id, title, text, encoding, language, languageDetected,
    // metadata}), which the journal now holds, for the page to store.
    async openCorpus(bytes) {
      firstDocuments = null;
      const opened = await operations.openCorpus(bytes);
      const docs = await send('documents', {}).answer;
      const texts = await Promise.all(docs.map((d) => (d.source === 'user' ? send('text', { id: d.id }).answer : null)));
      const items = [];
      journal = docs.map((d, id) => {
        if (d.source !== 'user') return { article: true, title: d.title, language: d.language, metadata: d.metadata };
        const item = {
          title: d.title, text: texts[id], key: null, encoding: d.encoding, language: d.language, languageDetected: d.languageDetected, metadata: d.metadata,
        };
        items.push({ id, ...item });
        return { item, title: d.title };
      });
      folding = opened.fold;
      stops?.then((s) => s.restarted()); // the engine holds the file's lists now
      changed({ opened: true });
      return { ...opened, items };
    },
    // The storage key of each document, in id order (null for none).
    async setKeys(keys) {
      await operations.setKeys(keys);
      keys.forEach((key, id) => { if (journal[id]?.item) journal[id].item = { ...journal[id].item, key }; });
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
    firstDocuments = operations.documents();
    journal = (await firstDocuments).map(() => ({ article: true }));
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

// ArrayBuffers among the values (decode's and addFiles' inputs) are transferred, not copied.
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

// A Worker's script must be same-origin with the page. When the widget was loaded from
// another origin (a CDN), the worker starts from a same-origin blob: URL whose one line
// imports engine-worker.js from there (CORS). Where that fails (a host CSP without
// `worker-src blob:`, or no module workers), the engine runs on the page's thread instead:
// its own instance of engine-worker.js, over a MessageChannel, behind the same Worker-like
// face (postMessage, onmessage, terminate).
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
  return shimWorker(url, fresh) ?? inPageEngine(url, fresh);
}

/**
 * A worker started from a blob: shim that imports `url`, or null where one cannot be made.
 * Until the worker has answered once, what is posted to it is also kept (and copied, not
 * transferred): if the worker fails to start, an in-page engine takes its place and gets it all.
 */
function shimWorker(url, fresh) {
  let shim;
  let worker;
  try {
    shim = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};\n`], { type: 'text/javascript' }));
    worker = new Worker(shim, { type: 'module' });
  } catch {
    if (shim) URL.revokeObjectURL(shim);
    return null;
  }
  let target = null; // the worker once it has answered; the in-page engine after a failed start
  let kept = [];
  const face = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(data, transfer = []) {
      if (target) target.postMessage(data, transfer);
      else {
        kept.push(data);
        worker.postMessage(data);
      }
    },
    terminate(options) {
      URL.revokeObjectURL(shim);
      (target ?? worker).terminate(options);
    },
  };
  const settle = (to) => {
    target = to;
    kept = [];
    URL.revokeObjectURL(shim);
  };
  worker.onmessage = (event) => {
    if (!target) settle(worker);
    face.onmessage?.(event);
  };
  worker.onmessageerror = (event) => face.onmessageerror?.(event);
  worker.onerror = (event) => {
    if (target) {
      face.onerror?.(event);
      return;
    }
    // The shim could not start (the host's CSP, a failed import): run on the page instead.
    event.preventDefault();
    worker.terminate();
    const queued = kept;
    const engine = inPageEngine(url, fresh);
    settle(engine);
    engine.onmessage = (e) => face.onmessage?.(e);
    engine.onerror = (e) => face.onerror?.(e);
    for (const data of queued) engine.postMessage(data);
  };
  return face;
}

function inPageEngine(url, fresh) {
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
    // After a panic the instance is dead (a trap leaves its state half-changed): calling into
    // it to free the corpus would only panic again, so a crashed engine is just let go.
    terminate: ({ crashed = false } = {}) => {
      port1.close();
      if (!crashed) dispose.then((free) => free(), () => {});
    },
  };
  dispose.catch((error) => engine.onerror?.({ message: error.message, preventDefault() {} }));
  return engine;
}

// Only what the engine needs crosses to the worker (structured clone copies the text).
function plainItem({ title = '', text, key, encoding, language, languageDetected, metadata }) {
  const item = { title: String(title), text };
  if (key != null) item.key = key;
  if (encoding != null) item.encoding = encoding;
  if (language != null && String(language).trim()) item.language = language;
  if (languageDetected != null) item.languageDetected = Boolean(languageDetected);
  if (metadata) item.metadata = metadata;
  return item;
}
