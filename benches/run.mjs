// The benchmark: `npm run bench` (or `node benches/run.mjs [--runs N] [--no-wink]`). Not part of
// scripts/test: it prints timings and ratios and never fails on a figure.
//
// On the Brown Corpus (benches/brown.mjs: 500 documents, about 6 MB of text once the tags are
// stripped), in one run on this machine, it times the same operations in:
//   native     the engine's Rust core compiled for this machine (benches/native, release)
//   wasm/node  the wasm build (www/pkg) in Node
//   wasm/chrom the wasm build in headless Chromium (playwright-core)
//   plain JS   a straightforward JavaScript version (plain.mjs), in Node
//   wink-nlp   wink-nlp with wink-eng-lite-web-model (tokenising and counting), in Node
// Operations: build the index of the 500 documents; the top-100 terms; KWIC for "the" sorted
// by 1R (the count and the first 100 lines); KWIC for a rare word. Then, in Chromium, the time
// from navigation to the first rendered KWIC of the articles; and the 50 MB corpus (Brown
// repeated 8 times) indexed natively and in wasm/node, with memory per token.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brownDocuments } from './brown.mjs';
import { PlainCorpus } from './plain.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || (args.includes('--runs') ? 3 : 5);
const WINK = !args.includes('--no-wink');
const REPEAT = 8;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(runs, fn) {
  const times = [];
  let out;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    out = fn();
    times.push(performance.now() - start);
  }
  return [median(times), out];
}
const log = (...parts) => console.error('bench:', ...parts);

const docs = brownDocuments();
const texts = docs.map((d) => d.text);
const chars = texts.reduce((n, t) => n + t.length, 0);
log(`Brown Corpus: ${docs.length} documents, ${(chars / 1e6).toFixed(2)} M characters; ${RUNS} runs per figure (median)`);

// A rare word: the alphabetically first word of 8+ letters that occurs exactly once.
const plainOnce = new PlainCorpus();
for (const t of texts) plainOnce.add(t);
const RARE = [...plainOnce.counts].filter(([t, c]) => c === 1 && /^[a-z]{8,}$/.test(t)).map(([t]) => t).sort()[0];
log(`rare word: "${RARE}"`);

const results = {};

// --- native ----------------------------------------------------------------------------------
function native(file, runs) {
  const out = path.join(repo, 'target', 'bench-native', 'release', 'text-explorer-bench-native');
  return JSON.parse(execFileSync(out, [file, RARE, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}
log('building benches/native (cargo build --release)…');
execFileSync('cargo', ['build', '--release', '--quiet'], {
  cwd: path.join(repo, 'benches', 'native'),
  env: { ...process.env, CARGO_TARGET_DIR: path.join(repo, 'target', 'bench-native') },
  stdio: 'inherit',
});
const dir = path.join(repo, 'target', 'bench-data');
mkdirSync(dir, { recursive: true });
const brownFile = path.join(dir, 'brown.txt');
writeFileSync(brownFile, texts.join('\f'));
results.native = native(brownFile, RUNS);
log('native', JSON.stringify(results.native));

// --- wasm in Node ------------------------------------------------------------------------------
const engine = await import(new URL('../www/pkg/text_explorer.js', import.meta.url));
const wasmExports = await engine.default({ module_or_path: readFileSync(path.join(repo, 'www/pkg/text_explorer_bg.wasm')) });

function wasmRun(corpusTexts, runs) {
  const before = wasmExports.memory.buffer.byteLength;
  const [build, corpus] = time(runs, () => {
    const c = new engine.Engine(false);
    c.handle({ op: 'addDocuments', args: { items: corpusTexts.map((text, i) => ({ title: String(i), text })) } });
    return c;
  });
  const [top100] = time(runs * 3, () => corpus.handle({ op: 'terms', args: { options: { limit: 100 } } }));
  const [kwicThe, the] = time(runs * 3, () => corpus.handle({ op: 'kwic', args: { query: 'the', options: { sort: '1R', limit: 100 } } }));
  const [kwicRare, rare] = time(runs * 3, () => corpus.handle({ op: 'kwic', args: { query: RARE, options: { limit: 100 } } }));
  const tokens = corpus.handle({ op: 'documents' }).reduce((n, d) => n + d.tokens, 0);
  const out = { build, top100, kwicThe, theTotal: the.total, kwicRare, rareTotal: rare.total, tokens, memoryBytes: wasmExports.memory.buffer.byteLength, before };
  corpus.free();
  return out;
}
results.wasmNode = wasmRun(texts, RUNS);
log('wasm/node', JSON.stringify(results.wasmNode));

// --- plain JavaScript --------------------------------------------------------------------------
{
  const [build, corpus] = time(RUNS, () => {
    const c = new PlainCorpus();
    for (const t of texts) c.add(t);
    return c;
  });
  const [top100] = time(RUNS * 3, () => corpus.top(100));
  const [kwicThe, the] = time(RUNS * 3, () => corpus.handle({ op: 'kwic', args: { query: 'the', options: { sort: '1R', limit: 100 } } }));
  const [kwicRare, rare] = time(RUNS * 3, () => corpus.handle({ op: 'kwic', args: { query: RARE, options: { limit: 100 } } }));
  results.plain = { build, top100, kwicThe, theTotal: the.total, kwicRare, rareTotal: rare.total, tokens: corpus.tokenCount };
  log('plain JS', JSON.stringify(results.plain));
}

// --- wink-nlp ----------------------------------------------------------------------------------
if (WINK) {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  // Tokenising only (an empty pipe: no sentence splitting, tagging or entities), which is
  // the part comparable to building our index.
  const nlp = winkNLP(model, []);
  const { its } = nlp;
  const [build, counts] = time(Math.min(RUNS, 2), () => {
    const m = new Map();
    for (const t of texts) {
      const doc = nlp.readDoc(t);
      doc.tokens().each((token) => {
        if (token.out(its.type) !== 'word' && token.out(its.type) !== 'number') return;
        const term = token.out(its.normal);
        m.set(term, (m.get(term) ?? 0) + 1);
      });
    }
    return m;
  });
  const [top100] = time(RUNS * 3, () => [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 100));
  results.wink = { build, top100, tokens: [...counts.values()].reduce((a, b) => a + b, 0) };
  log('wink-nlp', JSON.stringify(results.wink));
}

// --- wasm in headless Chromium -----------------------------------------------------------------
{
  const { launch, serveWww } = await import('../tests/e2e/support.mjs');
  const { server, url } = await serveWww();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}index.html`);
    results.wasmChromium = await page.evaluate(async ({ texts: list, rare, runs }) => {
      const engine = await import('./pkg/text_explorer.js');
      await engine.default();
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const time = (n, fn) => {
        const times = [];
        let out;
        for (let i = 0; i < n; i += 1) {
          const start = performance.now();
          out = fn();
          times.push(performance.now() - start);
        }
        return [median(times), out];
      };
      const [build, corpus] = time(runs, () => {
        const c = new engine.Engine(false);
        c.handle({ op: 'addDocuments', args: { items: list.map((text, i) => ({ title: String(i), text })) } });
        return c;
      });
      const [top100] = time(runs * 3, () => corpus.handle({ op: 'terms', args: { options: { limit: 100 } } }));
      const [kwicThe, the] = time(runs * 3, () => corpus.handle({ op: 'kwic', args: { query: 'the', options: { sort: '1R', limit: 100 } } }));
      const [kwicRare, rare2] = time(runs * 3, () => corpus.handle({ op: 'kwic', args: { query: rare, options: { limit: 100 } } }));
      return { build, top100, kwicThe, theTotal: the.total, kwicRare, rareTotal: rare2.total };
    }, { texts, rare: RARE, runs: RUNS });
    log('wasm/chromium', JSON.stringify(results.wasmChromium));

    // Navigation to the first rendered KWIC line of the articles (a fresh page each time).
    const firsts = [];
    for (let i = 0; i < RUNS; i += 1) {
      const p = await browser.newPage();
      await p.addInitScript(() => {
        const check = () => {
          const row = document.querySelector('text-explorer')?.shadowRoot?.querySelector('.kwic tbody tr');
          if (row) window.__firstKwic = performance.now();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      await p.goto(`${url}index.html#view=kwic&q=putin`);
      await p.waitForFunction(() => window.__firstKwic != null);
      firsts.push(await p.evaluate(() => window.__firstKwic));
      await p.close();
    }
    results.firstKwic = median(firsts);
    log('first KWIC render', results.firstKwic.toFixed(0), 'ms');
  } finally {
    await browser.close();
    server.close();
  }
}

// --- the 50 MB corpus --------------------------------------------------------------------------
{
  const big = Array.from({ length: REPEAT }, () => texts).flat();
  const bigFile = path.join(dir, 'brown-x8.txt');
  writeFileSync(bigFile, big.join('\f'));
  const bytes = Buffer.byteLength(big.join(''));
  results.bigNative = native(bigFile, 1);
  results.bigWasm = wasmRun(big, 1);
  results.bigBytes = bytes;
  log('50 MB native', JSON.stringify(results.bigNative));
  log('50 MB wasm/node', JSON.stringify(results.bigWasm));
}

// --- the table -------------------------------------------------------------------------------------
const { native: n, wasmNode: w, wasmChromium: c, plain: p, wink: k } = results;
const ms = (v) => (v == null ? 'n/a' : v < 10 ? v.toFixed(2) : v.toFixed(0));
const x = (a, b) => (a == null || b == null ? 'n/a' : `${(a / b).toFixed(1)}×`);
const rows = [
  ['operation (ms)', 'native', 'wasm/node', 'wasm/chromium', 'plain JS', 'wink-nlp', 'plain/wasm', 'wink/wasm', 'wasm/native', 'chromium/native'],
  ['build index (Brown)', ms(n.build), ms(w.build), ms(c.build), ms(p.build), ms(k?.build), x(p.build, w.build), x(k?.build, w.build), x(w.build, n.build), x(c.build, n.build)],
  ['top-100 terms', ms(n.top100), ms(w.top100), ms(c.top100), ms(p.top100), ms(k?.top100), x(p.top100, w.top100), x(k?.top100, w.top100), x(w.top100, n.top100), x(c.top100, n.top100)],
  [`KWIC "the" 1R (${w.theTotal} hits)`, ms(n.kwicThe), ms(w.kwicThe), ms(c.kwicThe), ms(p.kwicThe), 'n/a', x(p.kwicThe, w.kwicThe), 'n/a', x(w.kwicThe, n.kwicThe), x(c.kwicThe, n.kwicThe)],
  [`KWIC "${RARE}" (${w.rareTotal})`, ms(n.kwicRare), ms(w.kwicRare), ms(c.kwicRare), ms(p.kwicRare), 'n/a', x(p.kwicRare, w.kwicRare), 'n/a', x(w.kwicRare, n.kwicRare), x(c.kwicRare, n.kwicRare)],
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
console.log();
console.log(line(rows[0]));
console.log(widths.map((wd) => '-'.repeat(wd)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
console.log();
console.log(`tokens: engine ${n.tokens}, plain JS ${p.tokens}${k ? `, wink-nlp ${k.tokens} (words and numbers)` : ''}`);
console.log(`first rendered KWIC of the articles after navigation (Chromium, localhost): ${ms(results.firstKwic)} ms`);
const bn = results.bigNative;
const bw = results.bigWasm;
console.log(`50 MB corpus (Brown ×${REPEAT}, ${(results.bigBytes / 1e6).toFixed(1)} MB, ${bn.tokens} tokens): build native ${ms(bn.build)} ms, wasm/node ${ms(bw.build)} ms; top-100 ${ms(bw.top100)} ms, KWIC "the" ${ms(bw.kwicThe)} ms (${bw.theTotal} hits) in wasm/node`);
console.log(`index memory beyond the text: ${(n.indexBytes / n.tokens).toFixed(1)} bytes/token (Brown), ${(bn.indexBytes / bn.tokens).toFixed(1)} bytes/token (50 MB), by the index's own count`);
console.log(`wasm linear memory after indexing 50 MB: ${(bw.memoryBytes / 1048576).toFixed(0)} MiB (${((bw.memoryBytes - results.bigBytes) / bw.tokens).toFixed(1)} bytes/token beyond the text; the memory never shrinks, so it includes the Brown runs before)`);
const gz = execFileSync('sh', ['-c', `gzip -9 -n -c ${path.join(repo, 'www/pkg/text_explorer_bg.wasm')} | wc -c`], { encoding: 'utf8' }).trim();
console.log(`gzipped wasm: ${gz} bytes`);
