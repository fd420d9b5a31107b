// Stop-word lists: the user's edits, how the permalink and storage name them, the list file
// format, and loading the lists of the stopwords-iso collection (www/stopwords/, written by
// scripts/build) when a language first needs one. Loaded on demand (by the client, when a
// view first leaves out stop words, and by the editor); no view imports it.
//
// Edits, by language code:
//   {en: {base: 'iso', add: ['said'], remove: ['not']}, fr: {add: ['ça']}}
// `base` is the list the edits apply to: for English `nltk` (the engine's built-in default,
// NLTK's 179 words) or `iso` (stopwords-iso's English list); for another language always
// `iso`. A language without edits uses its default: NLTK's for English, stopwords-iso's for
// the others (none for a language the collection lacks).

/** The base lists a language can start from. */
export const BASES = { en: ['nltk', 'iso'] };

/** The default base of a language. */
export function defaultBase(language) {
  return BASES[language]?.[0] ?? 'iso';
}

/**
 * Parse a list file or pasted text: one word a line, `#` starts a comment (to the end of the
 * line, Voyant's format); commas also separate words, so a pasted "a, b, c" works. Words are
 * trimmed, blank ones dropped, duplicates kept once, in first-seen order.
 */
export function parseList(text) {
  const out = [];
  const seen = new Set();
  for (const line of String(text ?? '').split(/\r\n|\r|\n/)) {
    const hash = line.indexOf('#');
    const body = hash === -1 ? line : line.slice(0, hash);
    for (const piece of body.split(',')) {
      const word = piece.trim();
      if (word && !seen.has(word)) {
        seen.add(word);
        out.push(word);
      }
    }
  }
  return out;
}

/** Lowercase, `’` as `'`: the gist of the engine's normalisation, for comparing lists here. */
export function fold(word) {
  return String(word).trim().toLowerCase().replace(/[\u2019\u02bc]/g, "'");
}

/** Sorted, de-duplicated, folded. */
function tidy(words) {
  return [...new Set(words.map(fold).filter((w) => w !== ''))].sort();
}

/** The list that `edit` ({base, add, remove}) makes of `base` (an array of words). */
export function applyEdit(base, edit) {
  const remove = new Set((edit?.remove ?? []).map(fold));
  const words = tidy(base).filter((w) => !remove.has(w));
  return tidy([...words, ...(edit?.add ?? [])]);
}

/**
 * The edit that turns `base` into `list`: {base: baseName, add, remove}, or null when
 * `list` equals `base` and `baseName` is the language's default (nothing to keep).
 */
export function diffList(language, baseName, base, list) {
  const from = new Set(tidy(base));
  const to = new Set(tidy(list));
  const add = [...to].filter((w) => !from.has(w));
  const remove = [...from].filter((w) => !to.has(w));
  if (!add.length && !remove.length && baseName === defaultBase(language)) return null;
  const edit = { add, remove };
  if (baseName !== defaultBase(language)) edit.base = baseName;
  return edit;
}

// The permalink's `stop` value: languages separated by `_`; each is its code, then `*iso`
// or `*nltk` when the base is not the default, then `.word` for each added word and `-word`
// for each removed one:  en*iso.said-not_fr.ça
// These marks are among the characters a URL query leaves as they are, so the hash stays
// short; in a word, `%`, `.`, `-`, `_` and `*` are written %25, %2E, %2D, %5F and %2A.
const ESCAPE = /[%._*-]/g;
const escapeWord = (w) => w.replace(ESCAPE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const unescapeWord = (w) => w.replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));

/** Edits → the permalink's compact text ('' for none), languages and words sorted. */
export function encodeEdits(edits) {
  const parts = [];
  for (const language of Object.keys(edits ?? {}).sort()) {
    const edit = edits[language];
    if (!edit || !/^[a-z]{2,3}$/.test(language)) continue;
    let part = language;
    if (edit.base && edit.base !== defaultBase(language)) part += `*${edit.base}`;
    for (const w of tidy(edit.add ?? [])) part += `.${escapeWord(w)}`;
    for (const w of tidy(edit.remove ?? [])) part += `-${escapeWord(w)}`;
    parts.push(part);
  }
  return parts.join('_');
}

/** The permalink's text → edits; what cannot be read (a bad code or base) is skipped. */
export function decodeEdits(text) {
  const edits = {};
  for (const part of String(text ?? '').split('_')) {
    const match = part.match(/^([a-z]{2,3})(?:\*([a-z]+))?((?:[.-][^.-]*)*)$/);
    if (!match) continue;
    const [, language, base, rest] = match;
    if (base && !(BASES[language] ?? ['iso']).includes(base)) continue;
    const edit = { add: [], remove: [] };
    if (base && base !== defaultBase(language)) edit.base = base;
    for (const [, sign, word] of rest.matchAll(/([.-])([^.-]*)/g)) {
      const w = fold(unescapeWord(word));
      if (w) (sign === '.' ? edit.add : edit.remove).push(w);
    }
    edit.add = tidy(edit.add);
    edit.remove = tidy(edit.remove);
    edits[language] = edit;
  }
  return edits;
}

/** The canonical permalink text of `text` (decoded and encoded again). */
export function canonical(text) {
  return encodeEdits(decodeEdits(text));
}

// --- the lists of the stopwords-iso collection ---------------------------------------------

// The version query of this module's own URL (`?v=…` in the npm package) goes on the lists'.
const here = new URL(import.meta.url);
const listUrl = (name) => {
  const url = new URL(`./stopwords/${name}.json`, here);
  url.search = here.search;
  return url;
};

let index = null;
const lists = new Map();

/** {source, languages}: the collection's languages, fetched once. */
export function collection(fetcher = globalThis.fetch) {
  index ??= fetcher(listUrl('index')).then((r) => {
    if (!r.ok) throw new Error(`the stop-word lists could not be loaded (HTTP ${r.status})`);
    return r.json();
  }).catch((error) => {
    index = null;
    throw error;
  });
  return index;
}

/** The stopwords-iso list of `language` ([] when the collection lacks it), fetched once. */
export async function isoList(language, fetcher = globalThis.fetch) {
  const { languages } = await collection(fetcher);
  if (!languages.includes(language)) return [];
  if (!lists.has(language)) {
    const loading = fetcher(listUrl(language)).then((r) => {
      if (!r.ok) throw new Error(`the ${language} stop words could not be loaded (HTTP ${r.status})`);
      return r.json();
    });
    lists.set(language, loading);
    loading.catch(() => lists.delete(language));
  }
  return lists.get(language);
}

/**
 * The words of a base list: `nltk` from `builtIn()` (the engine's English default), `iso`
 * from the collection.
 */
export function baseList(language, base, { builtIn, fetcher } = {}) {
  return base === 'nltk' ? builtIn() : isoList(language, fetcher);
}

// --- the client's side ---------------------------------------------------------------------

/**
 * What the client (client.js) keeps of the stop words: the page's edits and the API's lists
 * by language, and which the engine holds. `ask(op, args)` sends a request to the engine and
 * resolves to its answer. Its methods are called one at a time (the client queues them).
 */
export function stopSync(ask) {
  const edits = {}; // language → {base, add, remove} (the page's) or [words] (the API's)
  const sent = new Map(); // language → the key of what the engine holds
  let builtIn = null; // NLTK's English list: the engine's English default
  const english = () => (builtIn ??= ask('setStopWords', { language: 'en', words: null }).then((words) => {
    sent.delete('en'); // the engine's English list is the default now
    return words;
  }).catch((error) => {
    builtIn = null;
    throw error;
  }));
  const code = (language) => String(language ?? '').trim().toLowerCase();

  // The words `language` should have in the engine, or null for the engine's default.
  async function wanted(language) {
    const edit = edits[language];
    if (Array.isArray(edit)) return edit;
    const base = edit?.base ?? defaultBase(language);
    if (!edit && base === 'nltk') return null;
    return applyEdit(await baseList(language, base, { builtIn: english }), edit);
  }

  async function sync(languages) {
    for (const language of new Set(languages)) {
      const key = JSON.stringify(edits[language] ?? null);
      if (sent.get(language) === key) continue;
      await ask('setStopWords', { language, words: await wanted(language) });
      sent.set(language, key);
    }
  }

  return {
    sync,
    /** The page's edits replace the page's earlier ones (the API's lists stay). */
    setEdits(next) {
      for (const [language, edit] of Object.entries(edits)) if (!Array.isArray(edit)) delete edits[language];
      for (const [language, edit] of Object.entries(next ?? {})) if (edit) edits[language] = edit;
    },
    /** An explicit list, 'iso', or null (the default), applied at once. */
    async setWords(language, words) {
      const l = code(language);
      if (words === 'iso') edits[l] = { base: 'iso', add: [], remove: [] };
      else if (Array.isArray(words)) edits[l] = words.map(String);
      else delete edits[l];
      await sync([l]);
    },
    async words(language) {
      const l = code(language);
      const words = await ask('setStopWords', { language: l, words: await wanted(l) });
      sent.set(l, JSON.stringify(edits[l] ?? null));
      return words;
    },
    base: (language, name) => baseList(code(language), name, { builtIn: english }),
    /** After an engine restart: it holds only its defaults again. */
    restarted: () => sent.clear(),
  };
}
