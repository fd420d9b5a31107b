// Assemble the npm package of the <text-explorer> widget from www/ and its wasm-pack builds
// (www/pkg, www/pkg-decode, www/pkg-xml, www/pkg-lang), with npm/ (the package README and the .d.ts types):
//
//   node scripts/pack.mjs [--out DIR] [--tarball]      (scripts/pack builds first)
//
// - package.json is generated here; its version is the crate's (Cargo.toml), and packing
//   stops if www/version.js says otherwise.
// - Every relative import, worker and wasm URL in the copied modules, and every script and
//   stylesheet in the copied pages, gets `?v=VERSION`: a page that loads this release's
//   text-explorer.js gets this release's modules and wasm, never another release's copy
//   from a cache. The files themselves are unchanged otherwise.
// - --tarball runs `npm pack` in the folder and prints the tarball's path.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(repo, 'www');

function fail(message) {
  console.error(`pack: ${message}`);
  process.exit(1);
}

/** The [package] version in Cargo.toml. */
export function crateVersion() {
  const toml = readFileSync(path.join(repo, 'Cargo.toml'), 'utf8');
  const section = toml.split(/^\[/m).find((s) => s.startsWith('package]'));
  const match = section?.match(/^version\s*=\s*"([^"]+)"/m);
  if (!match) fail('no version in the [package] section of Cargo.toml');
  return match[1];
}

/** The VERSION constant in www/version.js. */
export function widgetVersion() {
  const match = readFileSync(path.join(www, 'version.js'), 'utf8').match(/export const VERSION = '([^']+)'/);
  return match?.[1];
}

const RELATIVE = String.raw`(?![a-z][a-z0-9+.-]*:|/)([^'"?#\s]+)`;
const PATTERNS = [
  // import x from './a.js'; export … from './a.js'; import './a.js'
  new RegExp(String.raw`(\b(?:from|import)\s*)(['"])${RELATIVE}\2`, 'g'),
  // import('./a.js')
  new RegExp(String.raw`(\bimport\s*\(\s*)(['"])${RELATIVE}\2`, 'g'),
  // new URL('./engine-worker.js', import.meta.url), new URL('x_bg.wasm', import.meta.url)
  new RegExp(String.raw`(\bnew URL\(\s*)(['"])${RELATIVE}\2(?=\s*,\s*import\.meta\.url)`, 'g'),
];
const HTML = new RegExp(String.raw`(<(?:script|link)\b[^>]*?\b(?:src|href)=)(["'])(?!data:)${RELATIVE}\2`, 'g');

/** Add ?v=version to the relative URLs of a module or page. */
export function versionUrls(text, version, html = false) {
  const add = (_, head, quote, url) => `${head}${quote}${url}?v=${version}${quote}`;
  if (html) return text.replace(HTML, add);
  return PATTERNS.reduce((out, pattern) => out.replace(pattern, add), text);
}

// What goes in: the widget's modules and pages, and the builds' glue, wasm and types.
const SKIP = new Set(['index.html', '.gitignore', 'package.json', 'README.md']);
function wanted(relative) {
  const name = path.basename(relative);
  if (SKIP.has(name)) return false;
  // The stop-word lists (stopwords/*.json, made by scripts/build) are fetched on demand.
  if (/^stopwords[/\\][a-z]+\.json$/.test(relative)) return true;
  // The vendored libraries' licences (vendor/*-LICENSE.txt, made by scripts/vendor.mjs).
  if (/^vendor[/\\][a-z]+-LICENSE\.txt$/.test(relative)) return true;
  return /\.(js|html|css|svg|wasm|d\.ts)$/.test(name);
}

function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

export function pack({ out = path.join(repo, 'target', 'npm', 'text-explorer'), tarball = false } = {}) {
  const version = crateVersion();
  const widget = widgetVersion();
  if (widget !== version) fail(`www/version.js says ${widget}, Cargo.toml says ${version}: make them equal`);
  if (!existsSync(path.join(www, 'pkg', 'text_explorer_bg.wasm'))) fail('www/pkg is missing: run scripts/build');
  if (!existsSync(path.join(www, 'stopwords', 'index.json'))) fail('www/stopwords is missing: run scripts/build');
  if (!existsSync(path.join(www, 'vendor', 'pdf.js'))) fail('www/vendor is missing: run scripts/build');

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files = walk(www).filter(wanted);
  for (const relative of files) {
    const from = path.join(www, relative);
    const to = path.join(out, relative);
    mkdirSync(path.dirname(to), { recursive: true });
    // The vendored libraries (vendor/: fflate, pdf.js) are copied as they are: their code holds
    // strings the patterns would match, and the modules naming them add ?v= to their URLs.
    if (/\.(js|html)$/.test(relative) && !/^vendor[/\\]/.test(relative)) {
      writeFileSync(to, versionUrls(readFileSync(from, 'utf8'), version, relative.endsWith('.html')));
    } else {
      cpSync(from, to);
    }
  }
  cpSync(path.join(repo, 'npm'), out, { recursive: true });
  const root = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const manifest = {
    name: 'text-explorer',
    version,
    description: 'A text explorer widget: word counts, term frequencies and keyword-in-context concordances in the browser, by a Rust engine compiled to WebAssembly, as one <text-explorer> element.',
    '//': 'generated by scripts/pack from Cargo.toml and www/, do not edit',
    keywords: ['concordance', 'kwic', 'corpus', 'text-analysis', 'web-component', 'custom-element', 'webassembly'],
    license: root.license,
    type: 'module',
    main: './text-explorer.js',
    types: './types/text-explorer.d.ts',
    exports: {
      '.': { types: './types/text-explorer.d.ts', default: './text-explorer.js' },
      './text-explorer.js': { types: './types/text-explorer.d.ts', default: './text-explorer.js' },
      './client.js': { types: './types/client.d.ts', default: './client.js' },
      './engine': { types: './pkg/text_explorer.d.ts', default: './pkg/text_explorer.js' },
      './engine.wasm': './pkg/text_explorer_bg.wasm',
      './embed.html': './embed.html',
      './package.json': './package.json',
      './*': './*',
    },
    sideEffects: ['./text-explorer.js', './embed.js'],
    files: ['**/*'],
  };
  writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`pack: ${path.relative(repo, out)}/ (${files.length} files from www/, version ${version})`);
  if (!tarball) return { out, version };
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', path.dirname(out)], { cwd: out, encoding: 'utf8' })
    .trim().split('\n').pop();
  const file = path.join(path.dirname(out), name);
  console.log(`pack: ${path.relative(repo, file)}`);
  return { out, version, tarball: file };
}

function main(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--tarball') options.tarball = true;
    else if (argv[i] === '--out') options.out = path.resolve(argv[++i] ?? fail('--out needs a folder'));
    else fail(`unknown argument ${argv[i]} (usage: scripts/pack [--no-build] [--tarball] [--out DIR])`);
  }
  pack(options);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
