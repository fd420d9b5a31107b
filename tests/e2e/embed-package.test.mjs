// The npm package: scripts/pack assembles it, `npm pack` makes the tarball, npm installs it
// into a fresh folder outside the repository, and a host page on another origin, under a
// strict CSP, loads the widget from that node_modules folder in headless Chromium. Every file
// the widget asks for carries the version in its URL.
//
// Needs the release build in www/pkg (scripts/build) and npm.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { pack, crateVersion, widgetVersion } from '../../scripts/pack.mjs';
import { launch, watchConsole } from './support.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
// Generous: the machine running the tests may be busy with builds.
const TIMEOUT = 30_000;

let work;
let installed;
let browser;
const servers = [];

before(async () => {
  if (!existsSync(path.join(repo, 'www', 'pkg', 'text_explorer_bg.wasm'))) throw new Error('www/pkg is missing: run scripts/build first');
  work = mkdtempSync(path.join(tmpdir(), 'te-npm-'));
  const { tarball } = pack({ out: path.join(work, 'package'), tarball: true });
  const consumer = path.join(work, 'site');
  execFileSync('mkdir', ['-p', consumer]);
  writeFileSync(path.join(consumer, 'package.json'), '{ "name": "a-site", "private": true }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', '--loglevel=error', tarball], { cwd: consumer, stdio: 'pipe' });
  installed = path.join(consumer, 'node_modules', 'text-explorer');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await new Promise((resolve) => s.server.close(resolve));
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the installed package has the crate\'s version, exports and types', () => {
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.version, crateVersion());
  assert.equal(widgetVersion(), crateVersion(), 'www/version.js equals Cargo.toml');
  assert.equal(manifest.type, 'module');
  assert.ok(!manifest.private);
  for (const [key, target] of Object.entries(manifest.exports)) {
    if (key.includes('*')) continue;
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      assert.ok(existsSync(path.join(installed, file)), `export ${key}: ${file} is in the package`);
    }
  }
  for (const file of ['README.md', 'text-explorer.js', 'text-explorer-element.js', 'embed.html', 'engine-worker.js', 'pkg/text_explorer_bg.wasm', 'pkg/text_explorer.d.ts', 'types/text-explorer.d.ts', 'types/client.d.ts']) {
    assert.ok(existsSync(path.join(installed, file)), `${file} is in the package`);
  }
  assert.ok(!existsSync(path.join(installed, 'index.html')), 'the demo page is not');
  // Every relative import carries the version (so a cached file of another release is never used).
  const v = manifest.version.replace(/\./g, '\\.');
  const entry = readFileSync(path.join(installed, 'text-explorer.js'), 'utf8');
  assert.match(entry, new RegExp(`from './text-explorer-element\\.js\\?v=${v}'`));
  const element = readFileSync(path.join(installed, 'text-explorer-element.js'), 'utf8');
  assert.match(element, new RegExp(`from './client\\.js\\?v=${v}'`));
  for (const module of [entry, element]) assert.doesNotMatch(module, /from '\.[^']*\.js'/, 'no unversioned import');
});

test('a host on another origin loads the widget from node_modules under a strict CSP', async () => {
  const version = crateVersion();
  let widgetOrigin = '';
  const root = mkdtempSync(path.join(work, 'host-'));
  const host = await startServer({
    root,
    port: 0,
    headers: (_req, file) => (file.endsWith('.html') ? {
      'Content-Security-Policy': `default-src 'self'; script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${widgetOrigin}; worker-src blob: ${widgetOrigin}`,
    } : {}),
  });
  servers.push(host);
  const widget = await startServer({ root: installed, port: 0, headers: { 'Access-Control-Allow-Origin': '*' } });
  servers.push(widget);
  widgetOrigin = new URL(widget.url).origin;
  writeFileSync(path.join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  writeFileSync(path.join(root, 'host.js'), `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push([e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber, e.sample].join(' ')));
`);
  writeFileSync(path.join(root, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course site</title>
<link rel="icon" href="/icon.svg">
<script type="module" src="/host.js"></script>
<script type="module" src="${widget.url}text-explorer.js?v=${version}"></script>
</head><body>
<text-explorer view="kwic" query="north korea" views="kwic reader" compact></text-explorer>
</body></html>
`);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchConsole(page);
  const urls = [];
  page.on('request', (request) => {
    if (request.url().startsWith(widget.url)) urls.push(request.url());
  });
  await page.goto(host.url);
  const status = page.locator('text-explorer .kwic-view .status');
  await status.waitFor();
  await page.waitForFunction(() => /^\d+ hits?$/.test(document.querySelector('text-explorer').shadowRoot.querySelector('.kwic-view .status')?.textContent ?? ''));
  assert.match(await status.textContent(), /^\d+ hits$/);
  assert.equal(await page.locator('text-explorer [role="tab"]:visible').count(), 2, 'views="kwic reader"');
  assert.ok(urls.some((u) => u.includes('text_explorer_bg.wasm')), 'the wasm came from the package');
  const unversioned = urls.filter((u) => new URL(u).searchParams.get('v') !== version);
  assert.deepEqual(unversioned, [], 'every file the widget loads carries ?v=VERSION');
  const violations = await page.evaluate(() => window.__violations);
  await context.close();
  assert.deepEqual(violations, [], 'no CSP violation');
  assert.deepEqual(problems, []);
});

