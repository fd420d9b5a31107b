// Every translation in www/strings/ has exactly the keys of en.js, the same kind of value for
// each (text, list, function), and the same placeholders: a function that English calls with
// a number or a name shows each of the same arguments, and the code in the help texts and the
// query syntax is left as it is. A key added to en.js fails here until every translation has
// it. The table of languages in index.js must list every file, and pick from the browser's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import en from '../../www/strings/en.js';
import { LANGUAGES, loadStrings, pickLanguage, supported } from '../../www/strings/index.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../www/strings');
const files = readdirSync(dir).filter((f) => /^[a-z]{2,3}\.js$/.test(f) && f !== 'en.js');

// Arguments that show up in the output where a placeholder is: distinct numbers that no
// translation writes of its own, and an object of them for a destructured parameter.
const SENTINELS = Array.from({ length: 8 }, (_, i) => 7301 + i * 11);
const named = new Map();
const sentinelFor = (key) => {
  if (!named.has(key)) named.set(key, 8301 + named.size * 11);
  return named.get(key);
};
const destructured = (fn) => /^\s*(async\s*)?\(\s*\{/.test(String(fn));
const argumentsFor = (fn) => (destructured(fn)
  ? [new Proxy({}, { get: (_, key) => (typeof key === 'string' ? sentinelFor(key) : undefined) })]
  : SENTINELS.slice(0, Math.max(fn.length, 1)));
const shown = (fn) => {
  const out = String(fn(...argumentsFor(fn)));
  return [...SENTINELS, ...named.values()].filter((v) => out.includes(String(v))).sort();
};

/** Every difference between en and a translation, as "path: what" lines. */
function differences(base, other, at = '') {
  const out = [];
  const kind = (v) => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);
  for (const key of Object.keys(base)) {
    const where = at ? `${at}.${key}` : key;
    if (!(key in other)) {
      out.push(`${where}: missing`);
      continue;
    }
    const a = base[key];
    const b = other[key];
    if (kind(a) !== kind(b)) out.push(`${where}: ${kind(b)} where English has a ${kind(a)}`);
    else if (kind(a) === 'object') out.push(...differences(a, b, where));
    else if (kind(a) === 'function') {
      // The parameters that only choose a form (a count for the plural, a flag) need not
      // show, or even be declared, but every one that English shows must.
      if (b.length > a.length) out.push(`${where}: ${b.length} parameters where English passes ${a.length}`);
      else {
        const mine = shown(b);
        for (const v of shown(a)) if (!mine.includes(v)) out.push(`${where}: a placeholder English shows is missing`);
      }
    } else if (kind(a) === 'list') {
      // [text, [code], text, …] and [[code, description], …]: the same shape, and the code
      // (a query to type) as it is, but the link text of texts.drop is translated.
      if (a.length !== b.length) out.push(`${where}: ${b.length} items where English has ${a.length}`);
      else {
        a.forEach((item, i) => {
          if (Array.isArray(item) !== Array.isArray(b[i])) out.push(`${where}[${i}]: a different shape`);
          else if (Array.isArray(item) && where !== 'texts.drop' && item[0] !== b[i][0]) out.push(`${where}[${i}]: the code ${JSON.stringify(b[i][0])} where English has ${JSON.stringify(item[0])}`);
        });
      }
    } else if (typeof a === 'string' && a.trim() !== '' && b.trim() === '') out.push(`${where}: empty`);
  }
  for (const key of Object.keys(other)) {
    if (!(key in base)) out.push(`${at ? `${at}.` : ''}${key}: not in English`);
  }
  return out;
}

test('there are translations, and index.js lists each of them', () => {
  assert.ok(files.length >= 6, files.join(' '));
  for (const file of files) assert.ok(LANGUAGES.includes(file.replace('.js', '')), `${file} is not in index.js`);
});

for (const file of files) {
  const lang = file.replace('.js', '');
  test(`${lang}: the keys, kinds and placeholders of en.js`, async () => {
    const { default: strings } = await import(pathToFileURL(path.join(dir, file)));
    assert.equal(strings.locale, lang);
    assert.ok(['ltr', 'rtl'].includes(strings.dir));
    assert.deepEqual(differences(en, strings), []);
  });

  test(`${lang}: every function gives text in that language's plural forms`, async () => {
    const { default: strings } = await import(pathToFileURL(path.join(dir, file)));
    const walk = (node, at) => {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'function') {
          for (const count of [0, 1, 2, 3, 11, 100, 1001]) {
            const args = destructured(value)
              ? [new Proxy({}, { get: () => count })]
              : Array.from({ length: value.length }, () => count);
            const out = value(...args);
            assert.equal(typeof out, 'string', `${at}${key}`);
            assert.ok(!/undefined|NaN|\[object/.test(out), `${at}${key}(${count}): ${out}`);
          }
        } else if (value && typeof value === 'object' && !Array.isArray(value)) walk(value, `${at}${key}.`);
      }
    };
    walk(strings, '');
  });
}

test('the test finds a missing key, an extra one and a lost placeholder', () => {
  const fr = { ...en, tabs: { ...en.tabs, kwic: { label: 'KWIC' } }, extra: 'x', hits: (_n, count) => `${count} occurrences` };
  delete fr.search;
  assert.deepEqual(differences(en, fr).sort(), [
    'extra: not in English',
    'hits: a placeholder English shows is missing',
    'search: missing',
    'tabs.kwic.title: missing',
  ]);
});

test('the browser languages pick the first with a translation; traditional Chinese has none', () => {
  assert.equal(pickLanguage(['fr-CA', 'en']), 'fr');
  assert.equal(pickLanguage(['pt-BR', 'de-AT', 'fr']), 'de');
  assert.equal(pickLanguage(['en-GB', 'ar']), 'en');
  assert.equal(pickLanguage(['zh-TW', 'ja']), 'ja');
  assert.equal(pickLanguage(['zh-Hans-CN']), 'zh');
  assert.equal(pickLanguage(['zh']), 'zh');
  assert.equal(pickLanguage([]), 'en');
  assert.equal(pickLanguage(undefined), 'en');
  assert.equal(supported('zh-Hant'), null);
  assert.equal(supported('xx'), null);
});

test('loadStrings merges a translation over English, and gives English for none', async () => {
  assert.equal(await loadStrings('xx'), en);
  assert.equal(await loadStrings(''), en);
  const ar = await loadStrings('ar-EG');
  assert.equal(ar.locale, 'ar');
  assert.equal(ar.dir, 'rtl');
});

test('numbers are written as the UI language writes them, English unchanged', async () => {
  const { formatNumber, numberFormat } = await import('../../www/dom.js');
  const { measureFormats } = await import('../../www/views/kit/format.js');
  assert.equal(numberFormat('en'), formatNumber);
  assert.equal(numberFormat('fr')(1234567), '1\u202f234\u202f567');
  assert.equal(numberFormat('fr')(0.5123, 2), '0,51');
  assert.equal(numberFormat('de')(1234.5, 1), '1.234,5');
  assert.equal(numberFormat('ar')(1234.5, 1), '1,234.5'); // Latin digits, as the texts' own
  const fr = measureFormats(numberFormat('fr'));
  assert.equal(fr.fmt(1234.5678), '1\u202f234,57');
  assert.equal(fr.fmtP(0.00001), '< 0,0001');
  assert.equal(fr.fmt(null), '–');
});
