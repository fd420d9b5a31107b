// The benchmark: `npm run bench` (or `node benches/run.mjs [--runs N] [--no-wink] [--no-nltk]
// [--no-big]`). Not part of scripts/test: it prints timings, ratios and the targets of issue 11,
// and never fails on a figure.
//
// On the Brown Corpus (benches/brown.mjs: 500 documents, about 6 MB of text once the tags are
// stripped, each added as English so that no side detects languages), in one run on this
// machine, it runs the same requests (REQUESTS below, the engine's own `{op, args}`) in:
//   native     the engine's Rust core compiled for this machine (benches/native, release):
//              Engine::handle, the same contract, without a boundary to cross
//   wasm/node  the wasm build (www/pkg) in Node: Engine.handle, answers as JavaScript values
//   wasm/chrom the wasm build in headless Chromium (playwright-core)
// and beside them the peers:
//   plain JS   a straightforward JavaScript version (plain.mjs), in Node
//   wink-nlp   wink-nlp with wink-eng-lite-web-model (tokenising and counting), in Node
//   NLTK       FreqDist, BigramCollocationFinder and ConcordanceIndex (nltk_bench.py) on the
//              engine's own tokens (the terms `tokens(id)` gives, exported here), so both
//              count the same words; pip-installed for the user when `import nltk` fails
// Then, in Chromium, the time from navigation to the first rendered KWIC of the articles; and
// the 50 MB corpus (Brown repeated 8 times) indexed natively and in wasm/node.
//
// Each figure is a median: at least N runs (default 5), more (up to 3N) while they take under
// half a second in all; the peers' slow operations fewer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { PAGE_SIZE } from '../www/state.js';
import { brownDocuments } from './brown.mjs';
import { PlainCorpus } from './plain.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || (args.includes('--runs') ? 3 : 5);
const WINK = !args.includes('--no-wink');
const NLTK = !args.includes('--no-nltk');
const BIG = !args.includes('--no-big');
// --before DIR: an earlier build to compare with in the same run (DIR/native, the bench's
// native binary, and DIR/pkg, a copy of www/pkg), natively and in wasm/node.
const BEFORE = args.includes('--before') ? path.resolve(args[args.indexOf('--before') + 1]) : null;
const REPEAT = 8;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// The same rule as benches/native (and the page's copy below): the median of at least `runs`
// samples, more (up to 3 × runs) while they take under half a second in all. An operation
// under a millisecond is timed in batches (the clock of a browser ticks in 0.1 ms steps).
function time(runs, fn) {
  const times = [];
  let out;
  let spent = 0;
  let batch = 1;
  while (times.length < runs || (times.length < runs * 3 && spent < 500)) {
    const start = performance.now();
    for (let i = 0; i < batch; i += 1) out = fn();
    const ms = performance.now() - start;
    spent += ms;
    if (batch === 1 && ms < 1 && times.length === 0) {
      batch = Math.min(1000, Math.ceil(5 / Math.max(ms, 0.01)));
      continue; // the first call calibrates the batch (and warms up)
    }
    times.push(ms / batch);
  }
  return [median(times), out];
}
const log = (...parts) => console.error('bench:', ...parts);

const docs = brownDocuments();
const texts = docs.map((d) => d.text);
const chars = texts.reduce((n, t) => n + t.length, 0);
log(`Brown Corpus: ${docs.length} documents, ${(chars / 1e6).toFixed(2)} M characters; at least ${RUNS} runs per figure (median)`);

// A rare word: the alphabetically first word of 8+ letters that occurs exactly once.
const plainOnce = new PlainCorpus();
for (const t of texts) plainOnce.add(t);
const RARE = [...plainOnce.counts].filter(([t, c]) => c === 1 && /^[a-z]{8,}$/.test(t)).map(([t]) => t).sort()[0];
log(`rare word: "${RARE}"`);

const items = (list) => list.map((text, i) => ({ title: String(i), text, language: 'en' }));
const range = (n) => [...Array(n).keys()];

// The requests every engine side runs (`each: 'doc'`: once per document, `args.id` set, timed
// as a whole). The first group are the rows of issue 11; the rest compare with the peers or
// were scripts/bench-analysis.mjs.
const REQUESTS = [
  { name: 'phrases', op: 'phrases', args: {} },
  { name: 'keyness', op: 'keyness', args: { options: { target: range(10) } } },
  { name: 'collocatesThe', op: 'collocates', args: { query: 'the' } },
  { name: 'dispersion', op: 'dispersion', args: { queries: ['the', 'of', 'man'] } },
  { name: 'termsAll', op: 'terms', args: {} },
  { name: 'tokensAll', op: 'tokens', args: {}, each: 'doc' },
  { name: 'kwicThe', op: 'kwic', args: { query: 'the', options: { sort: '1R', limit: PAGE_SIZE } } },
  { name: 'kwicRare', op: 'kwic', args: { query: RARE, options: { limit: PAGE_SIZE } } },
  // For the peers.
  { name: 'top100', op: 'terms', args: { options: { limit: 100 } } },
  { name: 'bigrams', op: 'phrases', args: { options: { maxLength: 2, minCount: 1 } } },
  { name: 'kwicTheCount', op: 'kwic', args: { query: 'the', options: { limit: 0 } } },
  { name: 'kwicTheAll', op: 'kwic', args: { query: 'the', options: { limit: 100000 } } },
  // The other analyses (formerly scripts/bench-analysis.mjs).
  { name: 'collocatesTime', op: 'collocates', args: { query: 'time', options: { limit: 100 } } },
  { name: 'phrasesTrimmed', op: 'phrases', args: { options: { limit: 500, longestOnly: true, trimStopwords: true } } },
  { name: 'keynessCategoryA', op: 'keyness', args: { options: { target: range(44), limit: 100 } } },
  { name: 'compare', op: 'compare', args: { a: 0, b: 1 } },
  { name: 'regexFew', op: 'kwic', args: { query: '/sanction(s|ed)?/' } },
  { name: 'regexMany', op: 'kwic', args: { query: '/.*(ing|ed)/', options: { limit: 100 } } },
  { name: 'near', op: 'kwic', args: { query: 'the NEAR/3 man' } },
  { name: 'caseSensitive', op: 'kwic', args: { query: 'The', options: { caseSensitive: true } } },
];

// The rows of the last table: the former scripts/bench-analysis.mjs.
const OTHERS = ['collocatesTime', 'phrasesTrimmed', 'keynessCategoryA', 'compare', 'regexFew', 'regexMany', 'near', 'caseSensitive'];
const results = {};

// --- native ----------------------------------------------------------------------------------
const dir = path.join(repo, 'target', 'bench-data');
mkdirSync(dir, { recursive: true });
function native(file, runs, requests, binary = path.join(repo, 'target', 'bench-native', 'release', 'text-explorer-bench-native')) {
  const plan = path.join(dir, 'plan.json');
  writeFileSync(plan, JSON.stringify({ texts: file, runs, requests }));
  const out = binary;
  return JSON.parse(execFileSync(out, [plan], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}
log('building benches/native (cargo build --release)…');
execFileSync('cargo', ['build', '--release', '--quiet'], {
  cwd: path.join(repo, 'benches', 'native'),
  env: { ...process.env, CARGO_TARGET_DIR: path.join(repo, 'target', 'bench-native') },
  stdio: 'inherit',
});
const brownFile = path.join(dir, 'brown.txt');
writeFileSync(brownFile, texts.join('\f'));
results.native = native(brownFile, RUNS, REQUESTS);
log('native', JSON.stringify(results.native));

// --- wasm in Node ------------------------------------------------------------------------------
const engine = await import(new URL('../www/pkg/text_explorer.js', import.meta.url));
const wasmExports = await engine.default({ module_or_path: readFileSync(path.join(repo, 'www/pkg/text_explorer_bg.wasm')) });

/**
 * The corpus file (issue 12 §3) of the engine `corpus`: saving it, and opening it in a fresh
 * engine with the first KWIC page `kwic` (a request), or alone: {save, openKwic, open,
 * fileBytes} (ms, and the file's size).
 */
function corpusFile(Engine, corpus, kwic, runs) {
  const [save, bytes] = time(runs, () => corpus.handle({ op: 'saveCorpus' }));
  const open = (query) => {
    const e = new Engine(false);
    e.handle({ op: 'openCorpus', args: { bytes } });
    if (query) e.handle(query);
    e.free();
  };
  const [openKwic] = time(runs, () => open(kwic));
  const [openOnly] = time(runs, () => open(null));
  return { save, openKwic, open: openOnly, fileBytes: bytes.byteLength };
}
const KWIC_THE = REQUESTS.find((r) => r.name === 'kwicThe');

/** Runs `requests` on a fresh engine of `list`: {build, name: ms…, rows: {name: n}}. */
function runRequests(Engine, list, requests, runs) {
  const [build, corpus] = time(runs, () => {
    const c = new Engine(false);
    c.handle({ op: 'addDocuments', args: { items: list } });
    return c;
  });
  const n = corpus.handle({ op: 'documents' }).length;
  const out = { build, rows: {} };
  for (const r of requests) {
    const call = r.each === 'doc'
      ? () => { let rows = 0; for (let id = 0; id < n; id += 1) rows += corpus.handle({ op: r.op, args: { ...r.args, id } }).length; return rows; }
      : () => corpus.handle({ op: r.op, args: r.args });
    const [ms, answer] = time(runs, call);
    out[r.name] = ms;
    out.rows[r.name] = typeof answer === 'number' ? answer
      : Array.isArray(answer) ? answer.length
      : answer.collocates?.length ?? answer.lines?.length ?? (answer.over ? answer.over.length + answer.under.length : null);
    if (answer.total != null) out.rows[`${r.name}Total`] = answer.total;
  }
  return [out, corpus];
}
{
  const before = wasmExports.memory.buffer.byteLength;
  const [out, corpus] = runRequests(engine.Engine, items(texts), REQUESTS, RUNS);
  out.tokens = corpus.handle({ op: 'documents' }).reduce((n, d) => n + d.tokens, 0);
  out.file = corpusFile(engine.Engine, corpus, KWIC_THE, RUNS);
  {
    // Kept for a look (target/bench-data/brown.textexplorer), and its gzipped size.
    const saved = corpus.handle({ op: 'saveCorpus' });
    writeFileSync(path.join(dir, 'brown.textexplorer'), saved);
    results.fileGzip = gzipSync(saved, { level: 9 }).length;
  }
  out.memoryBytes = wasmExports.memory.buffer.byteLength;
  out.before = before;
  results.wasmNode = out;
  log('wasm/node', JSON.stringify(out));
  if (NLTK) {
    // The engine's tokens, one term a line, documents in order, for NLTK.
    const terms = [];
    for (let id = 0; id < docs.length; id += 1) for (const t of corpus.handle({ op: 'tokens', args: { id } })) terms.push(t.term);
    writeFileSync(path.join(dir, 'tokens.txt'), `${terms.join('\n')}\n`);
    results.termsThe = corpus.handle({ op: 'terms', args: {} }).find((t) => t.term === 'the')?.count;
    results.types = corpus.handle({ op: 'summary' }).types;
  }
  corpus.free();
}

if (BEFORE) {
  results.nativeBefore = native(brownFile, RUNS, REQUESTS, path.join(BEFORE, 'native'));
  log('native (before)', JSON.stringify(results.nativeBefore));
  const old = await import(path.join(BEFORE, 'pkg', 'text_explorer.js'));
  await old.default({ module_or_path: readFileSync(path.join(BEFORE, 'pkg', 'text_explorer_bg.wasm')) });
  const [out, corpus] = runRequests(old.Engine, items(texts), REQUESTS, RUNS);
  corpus.free();
  results.wasmNodeBefore = out;
  log('wasm/node (before)', JSON.stringify(out));
}

// --- plain JavaScript --------------------------------------------------------------------------
{
  const [build, corpus] = time(RUNS, () => {
    const c = new PlainCorpus();
    for (const t of texts) c.add(t);
    return c;
  });
  const [top100] = time(RUNS, () => corpus.top(100));
  const [kwicThe, the] = time(RUNS, () => corpus.kwic('the', { sort: '1R', limit: PAGE_SIZE }));
  const [kwicRare, rare] = time(RUNS, () => corpus.kwic(RARE, { limit: PAGE_SIZE }));
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
  const [top100] = time(RUNS, () => [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 100));
  results.wink = { build, top100, tokens: [...counts.values()].reduce((a, b) => a + b, 0) };
  log('wink-nlp', JSON.stringify(results.wink));
}

// --- NLTK --------------------------------------------------------------------------------------
if (NLTK) {
  const python = process.env.PYTHON ?? 'python3';
  const has = () => { try { execFileSync(python, ['-c', 'import nltk'], { stdio: 'ignore' }); return true; } catch { return false; } };
  if (!has()) {
    log('installing NLTK (python3 -m pip install --user nltk)…');
    try { execFileSync(python, ['-m', 'pip', 'install', '--user', '--quiet', 'nltk'], { stdio: 'inherit' }); } catch (err) { log('pip failed:', err.message); }
  }
  if (has()) {
    const version = execFileSync(python, ['-c', 'import nltk; print(nltk.__version__)'], { encoding: 'utf8' }).trim();
    log(`NLTK ${version}…`);
    results.nltk = JSON.parse(execFileSync(python, [path.join(repo, 'benches', 'nltk_bench.py'), path.join(dir, 'tokens.txt'), String(Math.min(RUNS, 3))], { encoding: 'utf8' }));
    results.nltk.version = version;
    log('NLTK', JSON.stringify(results.nltk));
  } else {
    log('no NLTK: its rows are left out');
  }
}

// --- wasm in headless Chromium -----------------------------------------------------------------
{
  const { launch, serveWww } = await import('../tests/e2e/support.mjs');
  const { server, url } = await serveWww();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}index.html`);
    // The same functions as in Node, as the page's globals.
    await page.addScriptTag({ content: `globalThis.median = ${median}; globalThis.time = ${time}; globalThis.runRequests = ${runRequests}; globalThis.corpusFile = ${corpusFile};` });
    results.wasmChromium = await page.evaluate(async ({ list, requests, runs, kwic }) => {
      const engine = await import('./pkg/text_explorer.js');
      await engine.default();
      const [out, corpus] = globalThis.runRequests(engine.Engine, list, requests, runs);
      out.file = globalThis.corpusFile(engine.Engine, corpus, kwic, runs);
      corpus.free();
      return out;
    }, { list: items(texts), requests: REQUESTS, runs: RUNS, kwic: KWIC_THE });
    log('wasm/chromium', JSON.stringify(results.wasmChromium));

    // Navigation to the first rendered KWIC line of the articles (a fresh page each time).
    const firsts = [];
    for (let i = 0; i < Math.max(RUNS, 5); i += 1) {
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
    results.firstKwicAll = firsts;
    log('first KWIC render', firsts.map((f) => f.toFixed(0)).join(', '), 'ms');
  } finally {
    await browser.close();
    server.close();
  }
}

// --- the 50 MB corpus --------------------------------------------------------------------------
if (BIG) {
  const big = Array.from({ length: REPEAT }, () => texts).flat();
  const bigFile = path.join(dir, 'brown-x8.txt');
  writeFileSync(bigFile, big.join('\f'));
  const bytes = Buffer.byteLength(big.join(''));
  results.bigNative = native(bigFile, 1, []);
  const [bw, corpus] = runRequests(engine.Engine, items(big), REQUESTS.filter((r) => ['top100', 'kwicThe'].includes(r.name)), 1);
  bw.tokens = corpus.handle({ op: 'documents' }).reduce((n, d) => n + d.tokens, 0);
  bw.memoryBytes = wasmExports.memory.buffer.byteLength;
  corpus.free();
  results.bigWasm = bw;
  results.bigBytes = bytes;
  log('50 MB native', JSON.stringify(results.bigNative));
  log('50 MB wasm/node', JSON.stringify(results.bigWasm));
}

// --- the tables ------------------------------------------------------------------------------------
const { native: n, wasmNode: w, wasmChromium: c, plain: p, wink: k, nltk: t } = results;
const num = (v) => (v == null || Number.isNaN(v) ? 'n/a' : v < 0.1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const x = (a, b) => (a == null || b == null ? 'n/a' : `${(a / b).toFixed(2)}×`);
const us = (ms, rows) => (ms == null || !rows ? null : (ms * 1000) / rows);
// A figure against a ceiling: "met" or "MISSED ×r" (how many times over it).
const atMost = (v, limit) => (v == null ? 'n/a' : v <= limit ? 'met' : `MISSED ×${(v / limit).toFixed(1)}`);
const atLeast = (v, floor) => (v == null ? 'n/a' : v >= floor ? 'met' : `MISSED ×${(floor / v).toFixed(1)}`);
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((wd) => '-'.repeat(wd)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

const tokens = w.tokens;
const termsRows = w.rows.termsAll;
const collRows = w.rows.collocatesThe;
const perRow = (side, name, rows) => us(side?.[name], rows);
const ratios = [];
const ratiosC = [];
const row = (label, name, target, check, perRows) => {
  const [nv, wv, cv] = perRows
    ? [perRow(n, name, perRows), perRow(w, name, perRows), perRow(c, name, perRows)]
    : [n[name], w[name], c?.[name]];
  if (nv != null && wv != null && !perRows) ratios.push(wv / nv);
  if (nv != null && cv != null && !perRows) ratiosC.push(cv / nv);
  return [label, num(nv), num(wv), num(cv), x(wv, nv), x(cv, nv), target, check(wv, cv)];
};
const plainBuild = p.build / w.build;
const winkBuild = k ? k.build / w.build : null;
const rows = [
  ['issue 11 (ms unless said)', 'native', 'wasm/node', 'chromium', 'node/native', 'chrom/native', 'target', 'result'],
  ['index build (500 texts + prepare)', num(n.build), num(w.build), num(c?.build), x(w.build, n.build), x(c?.build, n.build),
    '≥2.5× plain JS, ≥12× wink', `plain ${plainBuild.toFixed(2)}× ${atLeast(plainBuild, 2.5)}; wink ${winkBuild?.toFixed(1) ?? 'n/a'}× ${atLeast(winkBuild, 12)}`],
  row('phrases, defaults (2–6, min 2)', 'phrases', '≤ 300 ms', (v) => atMost(v, 300)),
  row('keyness, 10 documents vs the rest', 'keyness', '≤ 50 ms', (v) => atMost(v, 50)),
  row(`collocates of "the" (${collRows} rows)`, 'collocatesThe', '≤ 30 ms', (v) => atMost(v, 30)),
  row('dispersion of the, of, man', 'dispersion', '≤ 20 ms', (v) => atMost(v, 20)),
  row(`terms, no limit: µs a row (${termsRows})`, 'termsAll', '≤ 0.2 µs', (v) => atMost(v, 0.2), termsRows),
  row(`collocates "the", no limit: µs a row`, 'collocatesThe', '≤ 0.2 µs', (v) => atMost(v, 0.2), collRows),
  row(`tokens(id), all: µs a token (${tokens})`, 'tokensAll', '≤ 0.2 µs', (v) => atMost(v, 0.2), tokens),
  row(`KWIC "the" 1R, first ${PAGE_SIZE} (${w.rows.kwicTheTotal} hits)`, 'kwicThe', '≤ 3 ms Chromium', (_, cv) => atMost(cv, 3)),
  row(`KWIC "${RARE}" (${w.rows.kwicRareTotal} hit)`, 'kwicRare', '≤ 0.5 ms Chromium', (_, cv) => atMost(cv, 0.5)),
];
const geomean = (xs) => Math.exp(xs.reduce((s, r) => s + Math.log(r), 0) / xs.length);
const [geo, geoC] = [geomean(ratios), geomean(ratiosC)];
rows.push(['first render of the articles (median)', '', '', num(results.firstKwic), '', '', '≤ 250 ms', atMost(results.firstKwic, 250)]);
rows.push(['wasm ÷ native, geomean of the rows above', '', '', '', `${geo.toFixed(2)}×`, `${geoC.toFixed(2)}×`, '≤ 1.4×', `node ${atMost(geo, 1.4)}; chromium ${atMost(geoC, 1.4)}`]);
console.log();
table(rows);

// The corpus file: opening it and answering the first KWIC, against indexing the texts.
{
  const wf = w.file;
  const cf = c?.file;
  const share = (side, file) => (file?.openKwic == null || side?.build == null ? null : file.openKwic / side.build);
  const ratio = (v) => (v == null ? 'n/a' : v.toFixed(3));
  const nf = { openKwic: n.openKwic, open: n.open, save: n.save };
  const file = [['corpus file (issue 12 §3, ms)', 'native', 'wasm/node', 'chromium', 'target', 'result'],
    ['save (write the file)', num(n.save), num(wf.save), num(cf?.save), '', ''],
    ['open (read, check, rebuild the counts)', num(n.open), num(wf.open), num(cf?.open), '', ''],
    ['open + first KWIC "the" 1R', num(n.openKwic), num(wf.openKwic), num(cf?.openKwic), '', ''],
    ['index build (500 texts + prepare)', num(n.build), num(w.build), num(c?.build), '', ''],
    ['open + first KWIC ÷ index build', ratio(share(n, nf)), ratio(share(w, wf)), ratio(share(c, cf)), '≤ 0.2',
      [share(n, nf), share(w, wf), share(c, cf)].every((v) => v == null || v <= 0.2) ? 'met' : 'MISSED'],
  ];
  console.log();
  table(file);
  const textBytes = Buffer.byteLength(texts.join(''));
  console.log(`corpus file: ${n.fileBytes} bytes (${(n.fileBytes / 1048576).toFixed(2)} MiB) for ${n.tokens} tokens: ${(n.fileBytes / n.tokens).toFixed(2)} bytes per token, of which the texts ${(textBytes / n.tokens).toFixed(2)} and the rest (index, titles, header) ${((n.fileBytes - textBytes) / n.tokens).toFixed(2)}; gzipped (as a server sends it) ${(results.fileGzip / n.tokens).toFixed(2)} bytes per token`);
}

// The peers: their time ÷ ours (wasm in Node), so above 1× we are faster.
const peers = [['peers (ms)', 'peer', 'ours (wasm/node)', 'ours (native)', 'peer ÷ ours']];
const peer = (label, pv, name) => peers.push([label, num(pv), num(w[name]), num(n[name]), x(pv, w[name])]);
peer('plain JS: index build', p.build, 'build');
if (k) peer('wink-nlp: tokenise + count', k.build, 'build');
peer('plain JS: top-100 terms', p.top100, 'top100');
if (k) peer('wink-nlp: top-100 terms', k.top100, 'top100');
peer('plain JS: KWIC "the" 1R, first page', p.kwicThe, 'kwicThe');
peer(`plain JS: KWIC "${RARE}"`, p.kwicRare, 'kwicRare');
if (t) {
  peer('NLTK FreqDist(tokens) ↔ terms, no limit', t.freqDist, 'termsAll');
  peer('NLTK FreqDist + most_common() ↔ terms', t.freqDist + t.freqDistMostCommon, 'termsAll');
  peer('NLTK ConcordanceIndex(tokens) ↔ index build', t.concordanceIndex, 'build');
  peer('NLTK .offsets("the") ↔ KWIC "the" count', t.offsetsThe, 'kwicTheCount');
  peer(`NLTK find_concordance("the") (${t.concordanceTheLines}) ↔ KWIC all lines`, t.concordanceThe, 'kwicTheAll');
  peer(`NLTK bigram finder (${t.bigrams} bigrams) ↔ phrases 2, min 1`, t.bigramFinder, 'bigrams');
  for (const m of ['likelihood_ratio', 'pmi', 'student_t']) peer(`NLTK   + score_ngrams(${m}) ↔ same`, t.bigramFinder + t[`bigram_${m}`], 'bigrams');
  peer(`NLTK finder window 6, "the" pairs (${t.theCollocatePairs}) ↔ collocates "the"`, t.theFinder, 'collocatesThe');
  for (const m of ['likelihood_ratio', 'pmi', 'student_t']) peer(`NLTK   + score_ngrams(${m}) ↔ same`, t.theFinder + t[`the_${m}`], 'collocatesThe');
}
console.log();
table(peers);

const others = [['other operations (ms)', 'native', 'wasm/node', 'chromium', 'node/native']];
for (const r of REQUESTS.filter((q) => OTHERS.includes(q.name))) others.push([`${r.op} ${JSON.stringify(r.args)}`.slice(0, 70), num(n[r.name]), num(w[r.name]), num(c?.[r.name]), x(w[r.name], n[r.name])]);
console.log();
table(others);

if (BEFORE) {
  const nb = results.nativeBefore;
  const wb = results.wasmNodeBefore;
  const changes = [['before → after (ms)', 'native before', 'native after', 'after ÷ before', 'wasm/node before', 'wasm/node after', 'after ÷ before']];
  for (const name of ['build', ...REQUESTS.map((r) => r.name)]) changes.push([name, num(nb[name]), num(n[name]), x(n[name], nb[name]), num(wb[name]), num(w[name]), x(w[name], wb[name])]);
  console.log();
  console.log(`compared with the build in ${BEFORE}:`);
  table(changes);
}

console.log();
console.log(`tokens: engine ${n.tokens}, plain JS ${p.tokens}${k ? `, wink-nlp ${k.tokens} (words and numbers)` : ''}${t ? `; NLTK read ${t.tokens} tokens exported from the engine (${t.types} types, "the" ${t.theCount}; the engine: ${results.types} types, "the" ${results.termsThe})` : ''}`);
if (t) console.log(`NLTK ${t.version}: its finder also counts the pairs across the ${docs.length - 1} document ends, which ours do not; window 6 pairs "the" with the 5 words either side, as our ±5 window, but counts a collocate once per pair, not once per position`);
console.log(`first rendered KWIC of the articles after navigation (Chromium, localhost): ${results.firstKwicAll.map((f) => f.toFixed(0)).join(', ')} ms`);
if (BIG) {
  const bn = results.bigNative;
  const bw = results.bigWasm;
  console.log(`50 MB corpus (Brown ×${REPEAT}, ${(results.bigBytes / 1e6).toFixed(1)} MB, ${bn.tokens} tokens): build native ${num(bn.build)} ms, wasm/node ${num(bw.build)} ms; top-100 ${num(bw.top100)} ms, KWIC "the" ${num(bw.kwicThe)} ms in wasm/node`);
  console.log(`index memory beyond the text: ${(n.indexBytes / n.tokens).toFixed(1)} bytes/token (Brown), ${(bn.indexBytes / bn.tokens).toFixed(1)} bytes/token (50 MB), by the index's own count`);
  console.log(`wasm linear memory after indexing 50 MB: ${(bw.memoryBytes / 1048576).toFixed(0)} MiB (the memory never shrinks, so it includes the Brown runs before)`);
}
const gz = execFileSync('sh', ['-c', `gzip -9 -n -c ${path.join(repo, 'www/pkg/text_explorer_bg.wasm')} | wc -c`], { encoding: 'utf8' }).trim();
console.log(`gzipped wasm: ${gz} bytes`);
