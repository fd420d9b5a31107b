// The UI languages. Add a translation: copy en.js to xx.js, translate the values, and add
// it to LOADERS (loaded only when asked for). Keys it lacks fall back to English (and fail
// tests/unit/translations.test.mjs).

import en from './en.js';

const LOADERS = {
  en: async () => en,
  ar: () => import('./ar.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  ja: () => import('./ja.js'),
  zh: () => import('./zh.js'),
};

/** The languages available, as BCP 47 primary tags (registerStrings adds to them). */
export const LANGUAGES = Object.keys(LOADERS);

const revisions = {}; // registerStrings calls, by primary tag

/**
 * Add a translation at run time, without editing this folder: `strings` is an object with
 * the keys of en.js (any subset), or a function returning a Promise of one. Widgets whose
 * `lang` is already set to it pick it up when `lang` is set again.
 */
export function registerStrings(lang, strings) {
  const primary = String(lang).toLowerCase().split('-')[0];
  LOADERS[primary] = typeof strings === 'function' ? strings : async () => strings;
  if (!LANGUAGES.includes(primary)) LANGUAGES.push(primary);
  revisions[primary] = (revisions[primary] ?? 0) + 1;
}

/**
 * How many times registerStrings has given strings to a tag's language (0: never): a widget
 * whose `lang` is set again reloads its strings only when this changed since it loaded them.
 */
export function stringsRevision(tag) {
  return revisions[String(tag ?? '').toLowerCase().split(/[-_]/)[0]] ?? 0;
}

/** The translation for a tag ('fr-CA' → 'fr'), or null; Chinese is in simplified characters. */
export function supported(tag) {
  const [lang, ...rest] = String(tag ?? '').toLowerCase().split(/[-_]/);
  return Object.hasOwn(LOADERS, lang) && !(lang === 'zh' && rest.some((p) => /^(hant|tw|hk|mo)$/.test(p))) ? lang : null;
}

/** The UI language for navigator.languages: the first translated, else English. */
export function pickLanguage(preferred) {
  return [...(preferred ?? [])].map(supported).find(Boolean) ?? 'en';
}

function merge(base, over) {
  const out = { ...base };
  for (const [key, value] of Object.entries(over ?? {})) {
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && typeof base[key] === 'object'
      ? merge(base[key], value)
      : value;
  }
  return out;
}

/** The strings for a language tag ('fr-CA' tries 'fr'); English when there is no translation. */
export async function loadStrings(lang) {
  const primary = supported(lang);
  const load = LOADERS[primary];
  if (!load || primary === 'en') return en;
  try {
    const loaded = await load();
    return merge(en, loaded?.default ?? loaded);
  } catch {
    return en; // not fetched (offline): English
  }
}
