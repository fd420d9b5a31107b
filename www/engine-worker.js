// The engine's thread: a dedicated module Worker that loads the wasm build (./pkg/) and hands
// it the port. The engine's message loop, its protocol and its rules (requests in order, the
// latest query wins, cancel on arrival) live in Rust: src/wasm/serve.rs, over the operations
// declared in src/protocol.rs. client.js is the other end.
//
// The page compiles the wasm once (client.js) and sends the WebAssembly.Module as the first
// message, so every widget's engine shares one download and one compilation; requests that
// arrive before the engine is up wait for it here.

import init, { serve } from './pkg/text_explorer.js';

// The file decoder (decode/: encoding_rs + chardetng), a wasm of its own, loaded on first use.
let decoder = null;
function decode(bytes) {
  decoder ??= import('./pkg-decode/text_explorer_decode.js').then(async (module) => {
    await module.default();
    return module.decode;
  });
  return decoder.then((fn) => fn(bytes));
}

// Languages (lang/: whatlang's detection and rust-stemmers' Snowball stemmers), a wasm of
// its own, loaded when a text's language must be detected or a ~word query first stemmed.
// A failed load is forgotten, so that the next request that needs it tries again.
let languages = null;
function loadLanguages() {
  languages ??= import('./pkg-lang/text_explorer_lang.js').then(async (module) => {
    await module.default();
    return { detect: module.detect, stems: module.stems };
  });
  return languages.catch((thrown) => {
    languages = null;
    throw thrown;
  });
}

// The page's storage (storage.js, IndexedDB, which workers have too), opened on first use:
// addFiles stores the texts it reads here and addStored reads them back, so that they never
// cross to the page.
let opened = null;
const storage = {
  open: () => (opened ??= import('./storage.js').then((module) => module.openStorage())),
  list: async () => ({ ok: true, value: await (await storage.open()).list() }),
  addMany: async (records) => (await storage.open()).addMany(records),
  removeMany: async (keys) => (await storage.open()).removeMany(keys),
  setLanguages: async (entries) => (await storage.open()).setLanguages(entries),
};

const message = (thrown) => (thrown instanceof Error ? thrown.message : String(thrown));

// Waits for the module on `port`, then serves it. `load(module)` instantiates the wasm and
// resolves to its `serve`. Returns a function that gives the Promise of the Server.
const instantiate = (module) => init({ module_or_path: module }).then(() => serve);
function listen(port, load = instantiate) {
  const early = [];
  let started = null;
  port.onmessage = ({ data }) => {
    if (!data?.wasm) {
      early.push(data);
      return;
    }
    started ??= load(data.wasm).then((bind) => {
      const server = bind(port, decode, loadLanguages, storage);
      for (const queued of early.splice(0)) server.receive(queued);
      return server;
    });
    started.catch((thrown) => port.postMessage({ failed: `the engine could not start: ${message(thrown)}` }));
  };
  return () => started;
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) listen(self);

/**
 * Serve an engine over a MessagePort on this thread: a page that loaded the widget from
 * another origin cannot start a Worker from there. With `fresh`, the engine gets a wasm
 * instance of its own (after a panic, the shared instance is gone). Returns a function that
 * stops it and frees its corpus.
 */
export function connect(channel, { fresh = 0 } = {}) {
  let load = instantiate;
  if (fresh) {
    const url = new URL('./pkg/text_explorer.js', import.meta.url);
    url.searchParams.set('instance', String(fresh));
    load = (module) => import(url.href).then(async (pkg) => {
      await pkg.default({ module_or_path: module });
      return pkg.serve;
    });
  }
  const started = listen(channel, load);
  return async () => {
    channel.close();
    const server = await started()?.catch(() => null);
    try {
      server?.close();
    } catch {
      // After a panic the instance is gone; so is its corpus.
    }
  };
}
