// The languages a document can have: the 70 that the engine's detector (whatlang, in
// lang/) tells apart, by ISO 639-1 code, and those of them with a Snowball stemmer
// (rust-stemmers), which `~word` queries use. A language without one finds the word itself.
// tests/e2e/api.test.mjs checks both lists against lang/'s wasm.

/** The codes the detector gives, in the order of their English names. */
export const LANGUAGES = Object.freeze([
  'af', 'ak', 'am', 'ar', 'hy', 'az', 'be', 'bn', 'bg', 'my', 'ca', 'zh', 'hr', 'cs', 'da',
  'nl', 'en', 'eo', 'et', 'fi', 'fr', 'ka', 'de', 'el', 'gu', 'he', 'hi', 'hu', 'id', 'it',
  'ja', 'jv', 'kn', 'km', 'ko', 'la', 'lv', 'lt', 'mk', 'ml', 'mr', 'ne', 'nb', 'or', 'fa',
  'pl', 'pt', 'pa', 'ro', 'ru', 'sr', 'sn', 'si', 'sk', 'sl', 'es', 'sv', 'tl', 'ta', 'te',
  'th', 'tr', 'tk', 'uk', 'ur', 'uz', 'vi', 'cy', 'yi', 'zu',
]);

/** The codes with a Snowball stemmer (`no` and `nn` also have Norwegian's). */
export const STEMMED = new Set(['ar', 'da', 'nl', 'en', 'fr', 'de', 'el', 'hu', 'it', 'nb', 'no', 'nn', 'pt', 'ro', 'ru', 'es', 'sv', 'ta', 'tr']);

/**
 * The name of language `code` in the UI's language `locale` (the browser's own names, from
 * Intl.DisplayNames), or the code itself where the browser has none.
 */
export function languageName(code, locale = 'en') {
  try {
    return namer(locale).of(code) || code;
  } catch {
    return code;
  }
}

// One Intl.DisplayNames per UI language (a list of 500 texts names 70 languages per row).
const namers = new Map();
function namer(locale) {
  if (!namers.has(locale)) namers.set(locale, new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' }));
  return namers.get(locale);
}

/**
 * The options of a language select: every detector language, and `current` if it is not
 * among them (a code given through the API), sorted by name in `locale`.
 */
export function languageOptions(current, locale = 'en') {
  if (!sorted.has(locale)) sorted.set(locale, byName(LANGUAGES, locale));
  const table = sorted.get(locale);
  return LANGUAGES.includes(current) || current == null ? table : byName([...LANGUAGES, current], locale);
}

const sorted = new Map();
function byName(codes, locale) {
  const collator = new Intl.Collator(locale);
  return Object.freeze(codes
    .map((code) => Object.freeze({ code, name: languageName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name)));
}
