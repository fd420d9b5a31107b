// The user's texts, kept in this browser's IndexedDB (they never leave the browser). Opened
// by the page (the Texts view) and by the engine's worker, which stores the files it reads
// (addFiles), so that a large text never crosses to the page.
//
// A text is stored before it is indexed, so a crash while indexing loses nothing; it is
// stored exactly as decoded. When storage is unavailable (a private window without
// IndexedDB, a blocked database) or full, the caller gets a message and the texts still
// work for the session: the methods never reject.

const DB = 'text-explorer';
const STORE = 'texts';
// The page's settings kept with the texts: {name, value}; today `stop`, the edited stop-word
// lists (as the permalink writes them). Version 2 added this store.
const SETTINGS = 'settings';
const VERSION = 2;

/**
 * A stored text: {key, title, text, encoding, added (ms since 1970), language,
 * languageDetected, metadata}; the language once the engine has decided it (a code or null
 * for unknown, and whether it was detected), or the user has set it; metadata ({author, date,
 * source, fields: [{name, value}]}) when the file gave some or the user has edited it.
 */

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
  });
}

/** Why a storage operation failed, in words for the page. */
export function storageMessage(error) {
  if (error?.name === 'QuotaExceededError') {
    return 'This browser’s storage for the page is full, so the text is not kept after a reload; it works until then. Remove texts you no longer need to make room.';
  }
  return 'This browser does not let the page keep texts (a private window, or storage is turned off), so they work until the page is reloaded.';
}

/**
 * Open the store. Returns {available, message, list(), count(), add(record), addMany(records), removeMany(keys), rename(key, title),
 * setLanguages([{key, language, languageDetected}]),
 * remove(key), clear(), setting(name), saveSetting(name, value)}; list() resolves to the stored texts in the order they were added.
 * Each method resolves to {ok, message}-style results and never rejects.
 */
export async function openStorage(idb = globalThis.indexedDB) {
  let db = null;
  let message = '';
  try {
    if (!idb) throw new Error('no IndexedDB');
    const open = idb.open(DB, VERSION);
    open.onupgradeneeded = () => {
      const names = open.result.objectStoreNames;
      if (!names.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'key', autoIncrement: true });
      if (!names.contains(SETTINGS)) open.result.createObjectStore(SETTINGS, { keyPath: 'name' });
    };
    db = await request(open);
  } catch (error) {
    message = storageMessage(error);
  }

  const write = async (fn, name = STORE) => {
    if (!db) return { ok: false, message: message || storageMessage(null) };
    try {
      const tx = db.transaction(name, 'readwrite');
      const value = await fn(tx.objectStore(name));
      await done(tx);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, message: storageMessage(error) };
    }
  };

  return {
    available: db != null,
    message,
    async list() {
      if (!db) return [];
      try {
        return await request(db.transaction(STORE).objectStore(STORE).getAll());
      } catch {
        return [];
      }
    },
    /** How many texts are stored (their values are not read). */
    async count() {
      if (!db) return 0;
      try {
        return await request(db.transaction(STORE).objectStore(STORE).count());
      } catch {
        return 0;
      }
    },
    /** Stores {title, text, encoding}; resolves to {ok, value: key} or {ok: false, message}. */
    add: (record) => write((store) => request(store.add({ ...record, added: Date.now() }))),
    /** Stores several records in one transaction; resolves to {ok, value: [key]}. */
    addMany: (records) => write((store) => {
      const added = Date.now();
      return Promise.all(records.map((record) => request(store.add({ ...record, added }))));
    }),
    rename: (key, title) => write(async (store) => {
      const record = await request(store.get(key));
      if (record) await request(store.put({ ...record, title }));
    }),
    /** Keeps a text's metadata ({author, date, source, fields}, as the engine keeps it). */
    setMetadata: (key, metadata) => write(async (store) => {
      const record = await request(store.get(key));
      if (record) await request(store.put({ ...record, metadata }));
    }),
    /** Keeps the language of each text [{key, language, languageDetected}], in one transaction. */
    setLanguages: (entries) => write((store) => Promise.all(entries.map(async ({ key, language, languageDetected }) => {
      const record = await request(store.get(key));
      if (record) await request(store.put({ ...record, language, languageDetected }));
    }))),
    remove: (key) => write((store) => request(store.delete(key))),
    /** Forgets several texts in one transaction (a cancelled batch). */
    removeMany: (keys) => write((store) => Promise.all(keys.map((key) => request(store.delete(key))))),
    /** A setting's value (null: none, or no storage); saveSetting(name, null or '') forgets it. */
    setting: (name) => (db ? request(db.transaction(SETTINGS).objectStore(SETTINGS).get(name)).then((r) => r?.value ?? null, () => null) : null),
    saveSetting: (name, value) => write((store) => request(value ? store.put({ name, value }) : store.delete(name)), SETTINGS),
    clear: () => write((store) => request(store.clear())),
  };
}

// Whether the embedded articles are hidden: one flag, kept in localStorage when allowed.
const HIDE = 'text-explorer:hide-articles';

/** Whether the user hid the embedded articles (false when localStorage is unavailable). */
export function articlesHidden() {
  try {
    return globalThis.localStorage?.getItem(HIDE) === '1';
  } catch {
    return false;
  }
}

/** Remember whether the embedded articles are hidden (ignored when storage is unavailable). */
export function setArticlesHidden(hidden) {
  try {
    if (hidden) globalThis.localStorage?.setItem(HIDE, '1');
    else globalThis.localStorage?.removeItem(HIDE);
  } catch {
    // A private window may refuse: the choice then lasts for the session only.
  }
}
