// The UI languages. Add a translation: copy en.js to xx.js, translate the values, and add
// a line here; <text-explorer lang="xx"> then uses it. Keys a translation lacks fall back
// to English, so a partial translation still shows a whole UI.

import en from './en.js';

const LOADERS = {
  en: async () => en,
};

/** The languages available, as BCP 47 primary tags (registerStrings adds to them). */
export const LANGUAGES = Object.keys(LOADERS);

/**
 * Add a translation at run time, without editing this folder: `strings` is an object with
 * the keys of en.js (any subset), or a function returning a Promise of one. Widgets whose
 * `lang` is already set to it pick it up when `lang` is set again.
 */
export function registerStrings(lang, strings) {
  const primary = String(lang).toLowerCase().split('-')[0];
  LOADERS[primary] = typeof strings === 'function' ? strings : async () => strings;
  if (!LANGUAGES.includes(primary)) LANGUAGES.push(primary);
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
  const primary = String(lang ?? '').toLowerCase().split('-')[0];
  const load = LOADERS[primary];
  if (!load || primary === 'en') return en;
  const loaded = await load();
  return merge(en, loaded?.default ?? loaded);
}
