// The page's table of languages (www/languages.js): names from the platform, the select's
// options, and the stemmed languages among the detected ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES, STEMMED, languageName, languageOptions } from '../../www/languages.js';

test('70 detector languages, distinct two-letter codes; every stemmed one among them but Norwegian’s aliases', () => {
  assert.equal(LANGUAGES.length, 70, 'whatlang 0.18 tells 70 languages apart (tests/e2e/api.test.mjs checks which)');
  assert.equal(new Set(LANGUAGES).size, LANGUAGES.length);
  assert.ok(LANGUAGES.every((code) => /^[a-z]{2}$/.test(code)));
  assert.deepEqual([...STEMMED].filter((code) => !LANGUAGES.includes(code)).sort(), ['nn', 'no']);
});

test('languageName: the platform’s name in the UI language, the code where it has none', () => {
  assert.equal(languageName('fr', 'en'), 'French');
  assert.equal(languageName('fr', 'de'), 'Französisch');
  assert.equal(languageName('de', 'fr'), 'allemand');
  assert.equal(languageName('qqq', 'en'), 'qqq');
  assert.equal(languageName('not a code', 'en'), 'not a code');
});

test('languageOptions: sorted by name, with a code from outside the table kept', () => {
  const options = languageOptions('fr', 'en');
  assert.equal(options.length, LANGUAGES.length);
  const names = options.map((o) => o.name);
  assert.deepEqual(names, [...names].sort(new Intl.Collator('en').compare));
  assert.equal(options.find((o) => o.code === 'de').name, 'German');
  const other = languageOptions('gsw', 'en');
  assert.equal(other.length, LANGUAGES.length + 1);
  assert.ok(other.some((o) => o.code === 'gsw'));
  assert.equal(languageOptions(null, 'en').length, LANGUAGES.length);
});
