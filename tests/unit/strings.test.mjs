// Every UI string a module uses is in strings/en.js: a key read from the strings but missing
// from en.js would show "undefined" (or throw) in the UI. The modules name their strings
// through a few aliases (`const t = ctx.strings`, `const S = t.keyness`, …); this reads the
// aliases of each file and checks every `alias.key…` chain against en.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../../www/strings/en.js';

const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../www');

/** Strings that a module receives as a parameter (not a `const`): file → {alias: path in en}. */
const PARAMETERS = {
  'text-source.js': { t: '' },
  'embed-dialog.js': { t: '' },
  'views/kit/export.js': { t: '' },
  'views/kit/table.js': { t: '' },
  'views/kit/fields.js': { t: '' },
  'import/pipeline.js': { t: 'texts' },
  'import/metadata.js': { t: 'texts' },
  'views/metadata-editor.js': { t: 'texts' },
  'views/column-dialog.js': { t: 'texts' },
  'scope-field.js': { t: '' },
};

const files = readdirSync(www, { recursive: true })
  .filter((f) => f.endsWith('.js') && !f.startsWith('pkg') && !f.startsWith('strings'));

const lookup = (keys) => keys.reduce((node, key) => (node == null ? undefined : node[key]), en);

for (const file of files) {
  const source = readFileSync(path.join(www, file), 'utf8');
  const aliases = { ...(PARAMETERS[file] ?? {}) };
  const declared = /const (\w+) = (ctx\.strings|this\.#strings|\w+)((?:\.\w+)*);/g;
  for (const [, name, base, rest] of source.matchAll(declared)) {
    const from = base === 'ctx.strings' || base === 'this.#strings' ? '' : aliases[base];
    if (from === undefined) continue;
    aliases[name] = [from, rest.slice(1)].filter(Boolean).join('.');
  }
  for (const m of source.matchAll(/this\.#strings\.(\w+)/g)) aliases[`this.#strings.${m[1]}`] = undefined;
  if (!Object.keys(aliases).length && !source.includes('this.#strings.')) continue;
  test(`the strings ${file} uses are in en.js`, () => {
    const missing = [];
    const check = (prefix, chain) => {
      const keys = [...prefix.split('.').filter(Boolean), ...chain.split('.')];
      // Follow the chain while it names objects; the first non-object is the string.
      for (let n = prefix.split('.').filter(Boolean).length + 1; n <= keys.length; n += 1) {
        const value = lookup(keys.slice(0, n));
        if (value === undefined) {
          missing.push(keys.slice(0, n).join('.'));
          return;
        }
        if (typeof value !== 'object' || Array.isArray(value)) return;
      }
    };
    for (const [alias, prefix] of Object.entries(aliases)) {
      if (prefix === undefined) continue;
      const uses = new RegExp(String.raw`(?<![\w.#])${alias}((?:\.\w+)+)`, 'g');
      for (const [, chain] of source.matchAll(uses)) check(prefix, chain.slice(1));
    }
    for (const [, chain] of source.matchAll(/this\.#strings((?:\.\w+)+)/g)) check('', chain.slice(1));
    assert.deepEqual([...new Set(missing)], []);
  });
}

test('stringsRevision counts registerStrings calls per language, regions ignored', async () => {
  const { registerStrings, stringsRevision, loadStrings } = await import('../../www/strings/index.js');
  assert.equal(stringsRevision('xq'), 0);
  registerStrings('xq', { search: 'One' });
  assert.equal(stringsRevision('xq'), 1);
  assert.equal(stringsRevision('XQ-AA'), 1);
  registerStrings('xq-BB', { search: 'Two' });
  assert.equal(stringsRevision('xq'), 2);
  assert.equal((await loadStrings('xq')).search, 'Two');
  assert.equal(stringsRevision('fr'), 0, 'other languages are unchanged');
});
