// Embedding <text-explorer> in other sites (headless Chromium): a host page on one origin
// loads the widget from another origin (another port of 127.0.0.1, with CORS), under a strict
// Content-Security-Policy and hostile global CSS, with two widgets of different texts. Then the
// same through the iframe embed (embed.html, postMessage). Each scenario ends by asserting no
// CSP violation was reported and the console stayed empty. The npm package is tested in
// embed-package.test.mjs.
//
// Needs the release build in www/pkg (scripts/build).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launch, until as untilFor, watchConsole } from './support.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const www = path.join(repo, 'www');
// Generous: the machine running the tests may be busy with builds.
const TIMEOUT = 30_000;

let browser;
let widget; // {server, url}: www/, with CORS
let host; // {server, url}: the host pages, with the strict CSP
let hostDir;

// The widget's origin serves www/ to any origin (ES modules and the wasm fetch need CORS),
// and its own pages (embed.html) under a strict CSP that lets them fetch texts from the host.
function widgetHeaders(hostOrigin) {
  return (_req, file) => ({
    'Access-Control-Allow-Origin': '*',
    ...(file.endsWith('.html') ? {
      'Content-Security-Policy': `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${hostOrigin}; frame-ancestors ${hostOrigin}`,
    } : {}),
  });
}

/**
 * The host's CSP: the issue's strict policy, plus the widget's origin where it must load from,
 * and the engine's worker (a blob: shim whose imports come from the widget's origin); with
 * `workers: false`, without it (the engine then runs on the page).
 */
function hostCsp(widgetOrigin, { workers = true } = {}) {
  return `default-src 'self'; script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${widgetOrigin}; frame-src ${widgetOrigin}${workers ? `; worker-src blob: ${widgetOrigin}` : ''}`;
}

const MOBY = 'Call me Ishmael. The whale was white. A whale! Whales everywhere.\nThe white whale swam away.';
const AHAB = 'Ahab hunted the whale. Ahab was the captain.';

function writeHostFiles(dir, widgetUrl, hostOrigin) {
  const file = (name, text) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  file('texts/moby.txt', MOBY);
  file('texts/ahab.txt', AHAB);
  // An icon of its own, or Chromium asks for /favicon.ico and logs the 404.
  file('icon.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');
  // Hostile global CSS: it must not break the widget, and the widget's must not leak out.
  file('host.css', `
* { all: unset; }
html, body, main, h1, p, div { display: block; }
head, script, template { display: none; }
body { text-transform: uppercase; letter-spacing: 3px; font-size: 30px; line-height: 3; }
table, td, th { border: 10px solid red; font-size: 40px; }
button { background: rgb(255, 0, 0); font-size: 25px; }
text-explorer { font-size: 30px; color: rgb(255, 0, 0); }
`);
  file('host.js', `
window.__events = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
for (const type of ['text-explorer-ready', 'text-explorer-query']) {
  document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: e.detail }));
}
window.addEventListener('message', (e) => {
  window.__messages ??= [];
  window.__messages.push({ origin: e.origin, data: e.data });
});
`);
  const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A news site</title>
<link rel="icon" href="/icon.svg">
<link rel="stylesheet" href="/host.css">
<script type="module" src="/host.js"></script>
<script type="module" src="${widgetUrl}text-explorer.js"></script>
</head><body><main>
<h1>Our story</h1>
<p>Some article text.</p>
<button id="host-button" type="button">A host button</button>
<table id="host-table"><tr><td>host cell</td></tr></table>
<mark id="host-mark">host mark</mark>
<text-explorer id="one" view="kwic" query="whale" src="/texts/moby.txt /texts/ahab.txt"></text-explorer>
<text-explorer id="two" view="terms" controls="all">
  <script type="text/plain" data-title="Fox">
    The quick brown fox jumps over the lazy dog.
    The fox again.
  </script>
  <template data-title="Café">Un café, deux cafés. Ünïcode 😀 fox.</template>
</text-explorer>
</main></body></html>
`;
  file('host.html', hostPage);
  // The same page under a CSP without worker-src: the engines run on the page.
  file('in-page.html', hostPage);
  const embed = (origin) => `${widgetUrl}embed.html?view=kwic&query=whale&src=${encodeURIComponent(`${hostOrigin}/texts/moby.txt`)}&origin=${encodeURIComponent(origin)}`;
  file('iframe.html', `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog</title>
<link rel="icon" href="/icon.svg">
<script type="module" src="/host.js"></script>
</head><body>
<iframe id="good" title="Text Explorer" width="900" height="600" src="${embed(hostOrigin)}"></iframe>
<iframe id="other" title="Text Explorer, for another site" width="900" height="300" src="${embed('http://127.0.0.1:9')}"></iframe>
</body></html>
`);
}

before(async () => {
  if (!existsSync(path.join(www, 'pkg', 'text_explorer_bg.wasm'))) throw new Error('www/pkg is missing: run scripts/build first');
  browser = await launch();
  hostDir = mkdtempSync(path.join(tmpdir(), 'te-host-'));
  // Both servers first (their ports name each other in the headers), then the files.
  let widgetOrigin = '';
  let hostOrigin = '';
  host = await startServer({
    root: hostDir,
    port: 0,
    headers: (_req, file) => ({
      'Access-Control-Allow-Origin': widgetOrigin,
      ...(file.endsWith('.html') ? { 'Content-Security-Policy': hostCsp(widgetOrigin, { workers: !file.endsWith('in-page.html') }) } : {}),
    }),
  });
  hostOrigin = new URL(host.url).origin;
  widget = await startServer({ root: www, port: 0, headers: widgetHeaders(hostOrigin) });
  widgetOrigin = new URL(widget.url).origin;
  assert.notEqual(widgetOrigin, hostOrigin);
  writeHostFiles(hostDir, widget.url, hostOrigin);
});

after(async () => {
  await browser?.close();
  for (const s of [host, widget]) await new Promise((resolve) => (s ? s.server.close(resolve) : resolve()));
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

// --- helpers ---------------------------------------------------------------------------------

const until = (fn, what, timeout = TIMEOUT) => untilFor(fn, what, timeout);

async function openHost(name, { onResponse } = {}) {
  // 960 px: the tabs (from 1,000 px the widget opens on the workspace).
  const context = await browser.newContext({ viewport: { width: 960, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchConsole(page);
  if (onResponse) page.on('response', onResponse);
  await page.goto(host.url + name);
  return { page, context, problems };
}

const events = (page, type, id) => page.evaluate(([t, i]) => window.__events.filter((e) => e.type === t && (!i || e.id === i)), [type, id]);

/** With `refusedWorkers`, the CSP refused the engine's blob: workers (in-page.html), and said so. */
async function finish({ page, context, problems }, { refusedWorkers = false } = {}) {
  let violations = await page.evaluate(() => window.__violations);
  await context.close();
  if (refusedWorkers) {
    assert.ok(violations.length > 0, 'the CSP refused the workers');
    violations = violations.filter((v) => !v.startsWith('worker-src blob'));
    problems = problems.filter((p) => !p.includes("Creating a worker from 'blob:"));
  }
  assert.deepEqual(violations, [], 'no CSP violation');
  assert.deepEqual(problems, [], 'the console must stay empty');
}

/** The element that has focus, through shadow roots: a short description. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const host = el.getRootNode().host;
    return {
      widget: host?.id ?? null,
      tag: el.localName,
      role: el.getAttribute('role'),
      type: el.getAttribute('type'),
      part: el.getAttribute('part'),
      text: (el.textContent || '').trim().slice(0, 40),
    };
  });
}

// Reads that do not wait for the element (allTextContents), so that polling stays polling.
const textOf = async (locator) => (await locator.allTextContents())[0] ?? '';
const statusOf = (page, id) => textOf(page.locator(`#${id} .kwic-view .status`));
const rowsOf = (page, id) => page.locator(`#${id} table.kwic tbody tr`).count();

// --- scenarios -------------------------------------------------------------------------------

test('two widgets from another origin, under a strict CSP and hostile CSS, work independently', async (t) => {
  const bytes = new Map();
  const pending = [];
  const s = await openHost('host.html', {
    onResponse: (response) => {
      if (!response.url().startsWith(widget.url)) return;
      pending.push(response.body().then((body) => bytes.set(response.url(), { raw: body.length, gz: gzipSync(body, { level: 9 }).length }), () => {}));
    },
  });
  const { page } = s;
  await until(async () => (await events(page, 'text-explorer-ready')).length === 2, 'both widgets ready');

  // The ready events carry each widget's own documents.
  const ready = Object.fromEntries((await events(page, 'text-explorer-ready')).map((e) => [e.id, e.detail]));
  assert.deepEqual(ready.one.documents.map((d) => d.title), ['moby', 'ahab']);
  assert.deepEqual(ready.two.documents.map((d) => d.title), ['Fox', 'Café']);
  assert.equal(ready.one.version, ready.two.version);

  // One: KWIC for the query attribute over the src texts: 3 + 1 whales ("Whales" is another word).
  await until(async () => (await statusOf(page, 'one')) === '4 hits', 'widget one shows 4 hits');
  assert.equal(await rowsOf(page, 'one'), 4);
  const firstQuery = (await events(page, 'text-explorer-query', 'one'))[0];
  assert.deepEqual(firstQuery.detail, { query: 'whale', doc: null, total: 4 });
  // Two: Terms over the inline texts (script and template), with "fox" 3 times.
  const foxRow = page.locator('#two .terms tbody tr', { has: page.locator('button', { hasText: /^fox$/ }) });
  await until(async () => (await foxRow.count()) === 1, 'fox in two\'s terms');
  assert.equal((await foxRow.locator('td .num').first().textContent()).trim(), '3');

  // Typing in one changes one only, and fires its query event with the total.
  await page.locator('#one input[part="search"]').fill('ahab');
  await until(async () => (await statusOf(page, 'one')) === '2 hits', 'ahab in one');
  await until(async () => (await events(page, 'text-explorer-query', 'one')).some((e) => e.detail.query === 'ahab' && e.detail.total === 2), 'the query event for ahab');
  assert.equal(await page.evaluate(() => document.getElementById('two').state.q), '');
  assert.equal(await page.evaluate(() => document.getElementById('two').view), 'terms');

  // Methods: search, addDocument, clear.
  const found = await page.evaluate(() => document.getElementById('two').search('fox'));
  assert.deepEqual(found, { query: 'fox', doc: null, total: 3 });
  await until(async () => (await statusOf(page, 'two')) === '3 hits', 'two shows KWIC with 3 hits');
  const id = await page.evaluate(() => document.getElementById('two').addDocument('More foxes', 'A fox and another fox.'));
  assert.equal(id, 2);
  await until(async () => (await statusOf(page, 'two')) === '5 hits', 'the new text is searched');
  assert.equal(await page.locator('#two select[part="doc-select"] option').count(), 4);
  const cleared = await page.evaluate(() => document.getElementById('two').clear());
  assert.deepEqual(cleared, { query: '', doc: null, total: 0 });
  assert.equal(await page.locator('#two input[part="search"]').inputValue(), '');
  assert.equal(await statusOf(page, 'one'), '2 hits', 'one is untouched');

  // Attribute changes apply after load.
  await page.evaluate(() => document.getElementById('one').setAttribute('doc', '1'));
  await until(async () => (await statusOf(page, 'one')) === '2 hits' && (await page.locator('#one select[part="doc-select"]').inputValue()) === '1', 'doc attribute');
  await page.evaluate(() => document.getElementById('one').setAttribute('query', 'whale'));
  await until(async () => (await statusOf(page, 'one')) === '1 hit', 'query attribute (whale in ahab only)');
  await page.evaluate(() => { const el = document.getElementById('one'); el.removeAttribute('doc'); el.setAttribute('sort', '1L'); el.setAttribute('window', '1'); });
  await until(async () => (await statusOf(page, 'one')) === '4 hits', 'all documents again');
  assert.equal(await page.locator('#one .sort-field select').inputValue(), '1L');
  assert.equal(await page.locator('#one .window-field input').inputValue(), '1');
  await page.evaluate(() => document.getElementById('one').setAttribute('view', 'summary'));
  await until(async () => page.locator('#one .summary table').isVisible(), 'view attribute: summary');
  await page.evaluate(() => { const el = document.getElementById('one'); el.setAttribute('views', 'kwic'); el.setAttribute('controls', ''); el.toggleAttribute('compact', true); });
  await until(async () => page.locator('#one .kwic-view').isVisible(), 'views="kwic" shows KWIC');
  assert.equal(await page.locator('#one [role="tablist"]').isVisible(), false, 'one view: no tabs');
  assert.equal(await page.locator('#one select[part="doc-select"]').isVisible(), false, 'controls="": no document filter');
  assert.equal(await page.locator('#one .kwic-view .help').isVisible(), false, 'controls="": no help');
  assert.equal(await page.locator('#one .sort-field').isVisible(), false, 'controls="": no sort');
  assert.equal(await page.locator('#two [role="tablist"]').isVisible(), true, 'two keeps its tabs');
  await page.evaluate(() => document.getElementById('one').setAttribute('color-scheme', 'dark'));
  const bg = await page.locator('#one .app').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(bg, 'rgb(21, 22, 26)', 'color-scheme="dark"');

  // A new src reloads the texts (ready fires again); a text that cannot be loaded is named,
  // and the others are still explored.
  await page.evaluate(() => document.getElementById('one').setAttribute('src', '/texts/ahab.txt /texts/missing.txt'));
  await until(async () => (await events(page, 'text-explorer-ready', 'one')).length === 2, 'ready again after src changed');
  const reloaded = (await events(page, 'text-explorer-ready', 'one'))[1].detail;
  assert.deepEqual(reloaded.documents.map((d) => d.title), ['ahab']);
  await until(async () => (await statusOf(page, 'one')) === '1 hit', 'whale in the new texts');
  const problem = await page.locator('#one .app > .status').textContent();
  assert.equal(problem, `Some texts could not be loaded: ${host.url}texts/missing.txt (HTTP 404).`);
  // The browser itself logs the failed fetch: the one console line this scenario expects.
  const expected404 = s.problems.findIndex((line) => line.includes('404'));
  assert.ok(expected404 >= 0, 'the 404 was logged by the browser');
  s.problems.splice(expected404, 1);

  // Isolation: the host's CSS does not reach inside, the widget's does not leak out.
  const inside = await page.locator('#two .app').evaluate((app) => {
    const cs = (el) => getComputedStyle(el);
    const td = app.querySelector('td');
    const tab = app.querySelector('[role="tab"]');
    return {
      display: cs(app).display,
      transform: cs(app).textTransform,
      spacing: cs(app).letterSpacing,
      color: cs(app).color,
      tdBorder: td ? cs(td).borderTopWidth : null,
      tdFont: td ? cs(td).fontSize : null,
      tabBg: cs(tab).backgroundColor,
    };
  });
  assert.equal(inside.display, 'block');
  assert.equal(inside.transform, 'none');
  assert.equal(inside.spacing, 'normal');
  assert.notEqual(inside.color, 'rgb(255, 0, 0)');
  assert.notEqual(inside.tdBorder, '10px');
  assert.notEqual(inside.tdFont, '40px');
  assert.notEqual(inside.tabBg, 'rgb(255, 0, 0)');
  const outside = await page.evaluate(() => ({
    mark: getComputedStyle(document.getElementById('host-mark')).backgroundColor,
    button: getComputedStyle(document.getElementById('host-button')).backgroundColor,
    td: getComputedStyle(document.querySelector('#host-table td')).borderTopWidth,
  }));
  assert.deepEqual(outside, { mark: 'rgba(0, 0, 0, 0)', button: 'rgb(255, 0, 0)', td: '10px' });
  const box = await page.locator('#two .app').boundingBox();
  assert.ok(box.width > 600 && box.height > 100, `the widget has room (${box.width}×${box.height})`);

  mkdirSync(path.join(repo, 'test-results'), { recursive: true });
  await page.screenshot({ path: path.join(repo, 'test-results', 'embed-host.png'), fullPage: true });

  // What a host downloads for this first render, from the widget's origin (gzip -9 each).
  await Promise.all(pending);
  let raw = 0;
  let gz = 0;
  for (const [url, size] of [...bytes].sort((a, b) => b[1].gz - a[1].gz)) {
    raw += size.raw;
    gz += size.gz;
    t.diagnostic(`${new URL(url).pathname}: ${size.raw} B, ${size.gz} B gzipped`);
  }
  t.diagnostic(`first render: ${bytes.size} files from the widget origin, ${raw} B raw, ${gz} B gzipped`);
  const wasm = [...bytes.keys()].filter((u) => u.includes('text_explorer_bg.wasm'));
  assert.equal(wasm.length, 1, `one wasm download for two widgets: ${wasm}`);
  await finish(s);
});

test('lang picks the UI strings; a missing translation or key falls back to English', async () => {
  const s = await openHost('host.html');
  const { page } = s;
  await until(async () => (await events(page, 'text-explorer-ready')).length === 2, 'both widgets ready');
  const label = (id) => page.locator(`#${id} .kwic-view label`).first().textContent();
  await page.evaluate(() => { for (const el of document.querySelectorAll('text-explorer')) el.view = 'kwic'; });
  assert.equal(await label('two'), 'Search');
  // No translation for Dutch: English, and no error.
  await page.evaluate(() => document.getElementById('two').setAttribute('lang', 'nl'));
  await until(async () => (await events(page, 'text-explorer-ready', 'two')).length === 2, 'reloaded for lang');
  await page.locator('#two .kwic-view').waitFor();
  assert.equal(await label('two'), 'Search');
  // A partial French translation, registered by the host page.
  await page.evaluate(async (url) => {
    const { registerStrings } = await import(url);
    registerStrings('fr', { search: 'Rechercher', tabs: { kwic: { label: 'Concordance' } } });
    document.getElementById('two').setAttribute('lang', 'fr-CA');
  }, `${widget.url}strings/index.js`);
  await until(async () => (await events(page, 'text-explorer-ready', 'two')).length === 3, 'reloaded for fr');
  await until(async () => (await textOf(page.locator('#two .kwic-view label'))) === 'Rechercher', 'French label');
  assert.equal(await page.locator('#two [role="tab"][aria-selected="true"]').textContent(), 'Concordance');
  assert.equal(await page.locator('#two [role="tab"]').first().textContent(), 'Summary', 'missing keys are English');
  assert.equal(await label('one'), 'Search', 'the other widget keeps its language');
  await finish(s);
});

test('the keyboard reaches every control of a widget on the host page', async () => {
  const s = await openHost('host.html');
  const { page } = s;
  await until(async () => (await events(page, 'text-explorer-ready')).length === 2, 'both widgets ready');
  await page.evaluate(() => document.getElementById('two').setAttribute('view', 'kwic'));
  await page.locator('#two .kwic-view').waitFor();
  const seen = [];
  await page.locator('#host-button').focus();
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) break;
    if (f.widget === 'two') seen.push(f);
  }
  const has = (pred, what) => assert.ok(seen.some(pred), `Tab reaches ${what}: ${JSON.stringify(seen)}`);
  has((f) => f.role === 'tab' && f.text === 'KWIC', 'the selected tab');
  has((f) => f.part === 'doc-select', 'the document filter');
  has((f) => f.part === 'embed-button', 'the Embed button');
  has((f) => f.type === 'search', 'the search box');
  has((f) => f.tag === 'select' && f.part !== 'doc-select', 'the sort');
  has((f) => f.type === 'number', 'the context window');
  // Arrow keys move between the tabs.
  await page.locator('#two [role="tab"][aria-selected="true"]').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).text, 'Reader');
  // The Embed dialog opens from the keyboard, and Escape closes it.
  await page.locator('#two [part="embed-button"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('#two dialog[open]').waitFor();
  assert.equal((await focused(page)).widget, 'two', 'focus moves into the dialog');
  await page.keyboard.press('Escape');
  await until(async () => (await page.locator('#two dialog').count()) === 0, 'the dialog closes');
  await finish(s);
});

test('the Embed dialog gives snippets that reopen the same view', async () => {
  const s = await openHost('host.html');
  const { page } = s;
  await until(async () => (await events(page, 'text-explorer-ready')).length === 2, 'both widgets ready');
  // One has src texts, so its snippets carry them; show it with the Embed button.
  await page.evaluate(() => { const el = document.getElementById('one'); el.setAttribute('controls', 'all'); el.search('ahab'); });
  await until(async () => (await statusOf(page, 'one')) === '2 hits', 'ahab in one');
  await page.locator('#one [part="embed-button"]').click();
  const areas = page.locator('#one dialog textarea');
  const element = await areas.nth(0).inputValue();
  const iframe = await areas.nth(1).inputValue();
  const version = await page.evaluate(() => customElements.get('text-explorer').version);
  assert.ok(element.startsWith(`<script type="module" src="${widget.url}text-explorer.js?v=${version}"></script>\n<text-explorer `), element);
  assert.match(element, /view="kwic"/);
  assert.match(element, /query="ahab"/);
  assert.match(element, new RegExp(`src="${host.url}texts/moby.txt ${host.url}texts/ahab.txt"`));
  assert.doesNotMatch(element, /embed/, 'the copies have no Embed button');
  const src = iframe.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  assert.ok(src.startsWith(`${widget.url}embed.html?v=${version}&`), src);
  await page.locator('#one dialog button', { hasText: 'Close' }).click();
  await finish(s);

  // The iframe URL opens the same view, on the widget's origin (its own strict CSP).
  const context = await browser.newContext();
  const frame = await context.newPage();
  const problems = watchConsole(frame);
  await frame.goto(src);
  await until(async () => (await textOf(frame.locator('text-explorer .kwic-view .status'))) === '2 hits', 'the iframe URL shows the same hits');
  assert.equal(await frame.locator('text-explorer .kwic-view input[type="search"]').inputValue(), 'ahab');
  await context.close();
  assert.deepEqual(problems, []);
});

test('removing a widget frees its corpus; moving one keeps it', async () => {
  const s = await openHost('in-page.html');
  const { page } = s;
  await until(async () => (await events(page, 'text-explorer-ready')).length === 2, 'both widgets ready');
  // The engine runs on the page here (the CSP refuses its worker), so the wasm memory is
  // this page's; it never shrinks, but freed blocks are reused: without free, every cycle
  // below would add a whole corpus.
  const memory = () => page.evaluate(async (url) => (await (await import(url)).default()).memory.buffer.byteLength, `${widget.url}pkg/text_explorer.js`);
  const cycle = () => page.evaluate(async () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
    const text = Array.from({ length: 200_000 }, (_, i) => words[(i * 7 + (i >> 3)) % 8] + (i % 97)).join(' ');
    const el = document.createElement('text-explorer');
    el.setAttribute('view', 'summary');
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.textContent = text;
    el.append(script);
    document.querySelector('main').append(el);
    const docs = await el.ready;
    el.remove();
    await new Promise((r) => setTimeout(r, 100));
    return docs[0].tokens;
  });
  const before = await memory();
  assert.equal(await cycle(), 200_000);
  const afterOne = await memory();
  const corpusBytes = afterOne - before;
  assert.ok(corpusBytes > 2_000_000, `one big corpus grows the memory (${corpusBytes} B)`);
  for (let i = 0; i < 5; i += 1) await cycle();
  const afterSix = await memory();
  assert.ok(afterSix - afterOne < corpusBytes, `five more widgets created and removed grew the memory by ${afterSix - afterOne} B (one corpus: ${corpusBytes} B)`);

  // Moving a widget (remove and insert in one task) keeps its corpus and state.
  const moved = await page.evaluate(async () => {
    const el = document.getElementById('one');
    document.body.append(el);
    await new Promise((r) => setTimeout(r, 100));
    return el.search('ahab');
  });
  assert.deepEqual(moved, { query: 'ahab', doc: null, total: 2 });
  // Widget two still answers after the others came and went.
  const two = await page.evaluate(() => document.getElementById('two').search('fox'));
  assert.equal(two.total, 3);
  await finish(s, { refusedWorkers: true });
});

test('where the CSP allows blob: workers, each widget’s engine is a worker, ended when the widget is removed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchConsole(page);
  const live = new Set();
  page.on('worker', (worker) => {
    live.add(worker);
    worker.on('close', () => live.delete(worker));
  });
  await page.goto(`${host.url}host.html`);
  await until(async () => (await events(page, 'text-explorer-ready')).length === 2, 'both widgets ready');
  assert.equal([...live].filter((w) => w.url().startsWith('blob:')).length, 2, 'one blob: worker per widget');
  const inPage = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('engine-worker.js?engine=')));
  assert.equal(inPage, false, 'no engine on the page');
  await page.evaluate(() => document.getElementById('one').remove());
  await until(() => live.size === 1, 'the removed widget’s worker ended');
  assert.equal((await page.evaluate(() => document.getElementById('two').search('fox'))).total, 3);
  await finish({ page, context, problems });
});

test('the iframe embed: URL options, postMessage with the parent, origin checked', async () => {
  const s = await openHost('iframe.html');
  const { page } = s;
  const good = page.frameLocator('#good');
  await until(async () => (await textOf(good.locator('text-explorer .kwic-view .status'))) === '3 hits', 'the embed shows the query of its URL');
  await until(async () => (await page.evaluate(() => window.__messages ?? [])).some((m) => m.data.type === 'text-explorer:ready'), 'the ready message');
  const messages = () => page.evaluate(() => window.__messages ?? []);
  const ready = (await messages()).find((m) => m.data.type === 'text-explorer:ready');
  assert.equal(ready.origin, new URL(widget.url).origin);
  assert.deepEqual(ready.data.documents.map((d) => d.title), ['moby']);
  // Only the frame told our origin talks to us.
  assert.equal((await messages()).filter((m) => m.data.type === 'text-explorer:ready').length, 1);

  const ask = (frame, data) => page.evaluate(([id, message, origin]) => {
    document.getElementById(id).contentWindow.postMessage(message, origin);
  }, [frame, data, new URL(widget.url).origin]);
  await ask('good', { type: 'text-explorer:search', id: 7, query: 'white' });
  await until(async () => (await messages()).some((m) => m.data.type === 'text-explorer:result' && m.data.id === 7), 'the answer');
  const answer = (await messages()).find((m) => m.data.id === 7);
  assert.deepEqual(answer.data, { type: 'text-explorer:result', id: 7, ok: true, value: { query: 'white', doc: null, total: 2 } });
  await until(async () => (await textOf(good.locator('text-explorer .kwic-view .status'))) === '2 hits', 'the embed shows the search');
  assert.ok((await messages()).some((m) => m.data.type === 'text-explorer:query' && m.data.detail.query === 'white'));
  await ask('good', { type: 'text-explorer:set', id: 8, attributes: { view: 'terms' } });
  await good.locator('text-explorer .terms').waitFor();
  await ask('good', { type: 'text-explorer:set', id: 9, attributes: { bogus: 'x' } });
  await until(async () => (await messages()).some((m) => m.data.id === 9), 'the error answer');
  assert.deepEqual((await messages()).find((m) => m.data.id === 9).data, { type: 'text-explorer:result', id: 9, ok: false, error: 'unknown attribute bogus' });

  // The other frame was given another parent origin: it ignores us and tells us nothing.
  const other = page.frameLocator('#other');
  await until(async () => (await textOf(other.locator('text-explorer .kwic-view .status'))) === '3 hits', 'the other embed loads');
  await ask('other', { type: 'text-explorer:search', id: 10, query: 'ahab' });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await other.locator('text-explorer .kwic-view input[type="search"]').inputValue(), 'whale', 'a message from another origin is ignored');
  assert.ok(!(await messages()).some((m) => m.data.id === 10));
  await finish(s);
});

test('on the widget\'s own origin each widget runs its engine in a worker, ended on removal', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchConsole(page);
  const wasm = [];
  page.on('request', (request) => {
    if (request.url().includes('.wasm')) wasm.push(request.url());
  });
  await page.goto(`${widget.url}embed.html?view=kwic&query=fox`);
  await page.locator('text-explorer .kwic-view .status').waitFor();
  await until(async () => page.workers().length === 1, 'one worker for the embed\'s widget');
  const count = await page.evaluate(async () => {
    const el = document.createElement('text-explorer');
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.textContent = 'A fox. Another fox.';
    el.append(script);
    document.body.append(el);
    await el.ready;
    window.__second = el;
    return (await el.search('fox')).total;
  });
  assert.equal(count, 2);
  assert.equal(page.workers().length, 2, 'a worker per widget');
  // The engine's wasm once; the inline text has no language, so the languages' wasm
  // (lang/, detection) is fetched too, once.
  assert.deepEqual(wasm, [`${widget.url}pkg/text_explorer_bg.wasm`, `${widget.url}pkg-lang/text_explorer_lang_bg.wasm`], 'one engine wasm download, compiled once for both workers');
  await page.evaluate(() => window.__second.remove());
  await until(async () => page.workers().length === 1, 'the removed widget\'s worker is ended');
  await context.close();
  assert.deepEqual(problems, []);
});
