// The widget seen from a hostile host page on another origin (headless Chromium): the host's
// root font size, a dark iframe embed, `lang` set again after registerStrings, a CSP without
// WebAssembly, and a 1-million-word `src` text, whose engine runs in a worker started from a
// blob: shim where the host's CSP allows it (its long tasks are printed, not timed).
//
// Needs the release build in www/pkg (scripts/build).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launch, until as untilFor, watchConsole } from './support.mjs';

const www = fileURLToPath(new URL('../../www/', import.meta.url));
const TIMEOUT = 60_000; // the million-word text is indexed on a machine that may be busy

let browser;
let widget; // www/, with CORS
let host; // the host pages, each with its CSP
let hostDir;

/** The host CSPs, by page: strict, with or without blob: workers and WebAssembly. */
function hostCsp(file, widgetOrigin) {
  const wasm = file.includes('nowasm') ? '' : " 'wasm-unsafe-eval'";
  // A module worker's imports are checked against worker-src too: the widget's origin.
  const workers = file.includes('noblob') ? '' : `; worker-src blob: ${widgetOrigin}`;
  return `default-src 'self'; script-src 'self' ${widgetOrigin}${wasm}; style-src 'self'; connect-src 'self' ${widgetOrigin}${workers}`;
}

// Every WORDS-th word of the big text is "whale": the expected hit count is known.
const BIG_WORDS = 1_000_000;
const EVERY = 1000;
function bigText() {
  const words = ['the', 'sea', 'was', 'calm', 'and', 'grey', 'under', 'a', 'low', 'sky'];
  const out = [];
  for (let i = 1; i <= BIG_WORDS; i += 1) {
    out.push(i % EVERY === 0 ? 'whale' : words[(i * 7) % words.length]);
    if (i % 20 === 0) out.push('.\n');
  }
  return out.join(' ');
}

function writeHostFiles(widgetUrl) {
  const file = (name, text) => writeFileSync(path.join(hostDir, name), text);
  file('icon.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');
  file('small-root.css', 'html { font-size: 8px; } body { font-size: 8px; }');
  file('big.txt', bigText());
  // Long tasks from the start of the page, and CSP violations.
  file('host.js', `
window.__longTasks = [];
window.__violations = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
`);
  const page = (name, { css = '', body }) => file(name, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host</title>
<link rel="icon" href="/icon.svg">
${css && `<link rel="stylesheet" href="/${css}">`}
<script src="/host.js"></script>
<script type="module" src="${widgetUrl}text-explorer.js"></script>
</head><body><main><h1>A host</h1>${body}</main></body></html>
`);
  const inline = `<text-explorer id="w" view="kwic" query="whale"><script type="text/plain" data-title="Moby">Call me Ishmael. The whale was white. A whale!</script></text-explorer>`;
  page('plain.html', { body: inline });
  page('small-root.html', { css: 'small-root.css', body: inline });
  page('lang.html', { body: inline.replace('view="kwic"', 'view="kwic" lang="fr"') });
  page('nowasm.html', { body: inline });
  page('big.html', { body: '<text-explorer id="w" view="summary" src="/big.txt"></text-explorer>' });
  page('big-noblob.html', { body: '<text-explorer id="w" view="summary" src="/big.txt"></text-explorer>' });
}

before(async () => {
  if (!existsSync(path.join(www, 'pkg', 'text_explorer_bg.wasm'))) throw new Error('www/pkg is missing: run scripts/build first');
  browser = await launch();
  hostDir = mkdtempSync(path.join(tmpdir(), 'te-hostile-'));
  let widgetOrigin = '';
  host = await startServer({
    root: hostDir,
    port: 0,
    headers: (_req, file) => (file.endsWith('.html') ? { 'Content-Security-Policy': hostCsp(path.basename(file), widgetOrigin) } : {}),
  });
  widget = await startServer({ root: www, port: 0, headers: { 'Access-Control-Allow-Origin': '*' } });
  widgetOrigin = new URL(widget.url).origin;
  writeHostFiles(widget.url);
});

after(async () => {
  await browser?.close();
  for (const s of [host, widget]) await new Promise((resolve) => (s ? s.server.close(resolve) : resolve()));
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

const until = (fn, what, timeout = TIMEOUT) => untilFor(fn, what, timeout);

async function openHost(name, { colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchConsole(page);
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(host.url + name);
  return { page, context, problems, workers };
}

/** Closes the page; the console must be empty but for what `expected` matches. */
async function finish({ context, problems }, expected = null) {
  await context.close();
  assert.deepEqual(problems.filter((p) => !expected?.test(p)), [], 'the console must stay empty');
}

const ready = (page) => page.evaluate(() => document.getElementById('w').ready.then((docs) => docs.length));

// --- root font size -------------------------------------------------------------------------

/** Rendered sizes of a few parts of the widget (px). */
function sizes(page) {
  return page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    const box = (selector) => {
      const el = root.querySelector(selector);
      const r = el.getBoundingClientRect();
      return { font: getComputedStyle(el).fontSize, height: Math.round(r.height * 10) / 10, padding: getComputedStyle(el).paddingLeft };
    };
    return {
      tab: box('[role="tab"]'), search: box('.kwic-view input[type="search"]'), label: box('.kwic-view label'),
      keyword: box('.kw-btn'), help: box('.kwic-view .help'),
    };
  });
}

test('the host’s root font size (html { font-size: 8px }) does not shrink the widget', async () => {
  const plain = await openHost('plain.html');
  await ready(plain.page);
  await plain.page.locator('#w .kw-btn').first().waitFor();
  const normal = await sizes(plain.page);
  await finish(plain);
  const small = await openHost('small-root.html');
  await ready(small.page);
  await small.page.locator('#w .kw-btn').first().waitFor();
  const shrunk = await sizes(small.page);
  await small.page.screenshot({ path: '/tmp/a11y-small-root.png' });
  await finish(small);
  assert.equal(normal.tab.font, '16px', 'the reader’s default size');
  assert.deepEqual(shrunk, normal);
});

// --- the dark iframe embed ---------------------------------------------------------------------

test('embed.html in the dark scheme has no light band around the widget', async () => {
  for (const [scheme, query] of [['dark', ''], ['light', '&color-scheme=dark'], ['dark', '&color-scheme=light']]) {
    const context = await browser.newContext({ viewport: { width: 700, height: 500 }, colorScheme: scheme });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${widget.url}embed.html?view=summary${query}`);
    await page.locator('text-explorer table:not(.doc-list)').waitFor();
    const colours = await page.evaluate(() => ({
      html: getComputedStyle(document.documentElement).backgroundColor,
      body: getComputedStyle(document.body).backgroundColor,
      widget: getComputedStyle(document.querySelector('text-explorer').shadowRoot.querySelector('.app')).backgroundColor,
    }));
    if (!query) await page.screenshot({ path: '/tmp/a11y-embed-dark.png' });
    await context.close();
    assert.equal(colours.html, colours.widget, `${scheme}${query}: the page's background is the widget's`);
    assert.ok(colours.body === colours.widget || colours.body === 'rgba(0, 0, 0, 0)', `${scheme}${query}: body ${colours.body}`);
    assert.deepEqual(problems, []);
  }
});

// --- lang again after registerStrings ---------------------------------------------------------

test('lang="fr" set again after registerStrings("fr", …) shows the new strings', async () => {
  const s = await openHost('lang.html');
  await ready(s.page);
  const label = () => s.page.locator('#w .kwic-view label').first().textContent();
  assert.equal(await label(), 'Rechercher', 'the built-in French');
  await s.page.evaluate(async (url) => {
    const { registerStrings } = await import(url);
    registerStrings('fr', { search: 'Chercher dans les textes' });
    document.getElementById('w').setAttribute('lang', 'fr');
  }, `${widget.url}strings/index.js`);
  await until(async () => (await s.page.locator('#w .kwic-view label').allTextContents())[0] === 'Chercher dans les textes', 'the registered label');
  // The same value once more, with nothing new registered: nothing restarts.
  await s.page.evaluate(() => {
    document.getElementById('w').shadowRoot.querySelector('.kwic-view').dataset.seen = 'yes';
    document.getElementById('w').setAttribute('lang', 'fr');
  });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await s.page.locator('#w .kwic-view').getAttribute('data-seen'), 'yes', 'no reload');
  await finish(s);
});

// --- no WebAssembly ------------------------------------------------------------------------------

test('a host CSP without WebAssembly: ready and search() reject with the status line’s message', async () => {
  const s = await openHost('nowasm.html');
  const outcome = await s.page.evaluate(async () => {
    const el = document.getElementById('w');
    const hung = (p) => Promise.race([p.then(() => 'resolved', (e) => e.message), new Promise((r) => setTimeout(() => r('hung'), 20_000))]);
    const ready = await hung(el.ready);
    const search = await hung(el.search('whale'));
    return { ready, search, status: el.shadowRoot.querySelector('.status').textContent };
  });
  assert.match(outcome.status, /^The text engine could not start: /);
  assert.equal(outcome.ready, outcome.status, 'ready rejects with the status line');
  assert.equal(outcome.search, outcome.status, 'search() rejects too');
  await finish(s, /WebAssembly|wasm-unsafe-eval/);
});

// --- a million words from another origin ---------------------------------------------------------

async function bigRun(name) {
  const s = await openHost(name);
  const docs = await s.page.evaluate(() => document.getElementById('w').ready.then((d) => d));
  assert.equal(docs[0].tokens, BIG_WORDS);
  const answer = await s.page.evaluate(() => document.getElementById('w').search('whale'));
  assert.equal(answer.total, BIG_WORDS / EVERY);
  const longTasks = await s.page.evaluate(() => window.__longTasks);
  // The in-page engine is a module of the page (engine-worker.js?engine=N, client.js).
  const inPage = await s.page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('engine-worker.js?engine=')));
  const workers = s.workers;
  const violations = await s.page.evaluate(() => window.__violations);
  return { s, longTasks, workers, violations, inPage };
}

const figures = (tasks) => `${tasks.length} long tasks, longest ${Math.round(Math.max(0, ...tasks))} ms, ${Math.round(tasks.reduce((a, b) => a + b, 0))} ms in all`;

test('a million-word src from another origin: the engine runs in a worker (blob: shim), not on the host’s thread', async (t) => {
  const worker = await bigRun('big.html');
  assert.ok(worker.workers.some((url) => url.startsWith('blob:')), `a blob: worker started: ${worker.workers}`);
  assert.equal(worker.inPage, false, 'the engine did not fall back to the page');
  assert.deepEqual(worker.violations, []);
  t.diagnostic(`worker (host CSP with worker-src blob: and the widget's origin): ${figures(worker.longTasks)}`);
  await finish(worker.s);
  // Where the host's CSP forbids blob: workers, the engine still runs, on the page's thread.
  const inPage = await bigRun('big-noblob.html');
  assert.ok(inPage.inPage, 'the engine runs on the page');
  assert.deepEqual(inPage.violations, ['worker-src'], 'the one refused worker');
  t.diagnostic(`in-page fallback (host CSP without blob:): ${figures(inPage.longTasks)}`);
  await finish(inPage.s, /Creating a worker from 'blob:/);
  // For scale: the same host page with a one-line text (the page's own start).
  const small = await openHost('plain.html');
  await ready(small.page);
  await small.page.evaluate(() => document.getElementById('w').search('whale'));
  t.diagnostic(`baseline (a one-line text, worker): ${figures(await small.page.evaluate(() => window.__longTasks))}`);
  await finish(small);
});
