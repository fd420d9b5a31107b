// `text-explorer publish` (issue 12 §5): the command-line tool publishes a small folder (a
// Markdown file with front matter, a plain text in Windows-1252, a CSV of two rows) as a
// static site, a plain static server serves it, and headless Chromium opens it: the widget
// shows the corpus file's documents and the KWIC lines of a word at once, with the counts the
// tool itself answers, and nothing in the console.
//
// The tool: $TEXT_EXPLORER_CLI (scripts/test builds it), else target/release/text-explorer,
// built here if missing. Needs the release build in www/pkg (scripts/build).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launch, watchConsole } from './support.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT = 30_000;
const SHOTS = '/tmp/shots-cli';

let work;
let cli;
let browser;
const servers = [];

function run(...args) {
  return execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

before(async () => {
  if (!existsSync(path.join(repo, 'www', 'pkg', 'text_explorer_bg.wasm'))) throw new Error('www/pkg is missing: run scripts/build first');
  cli = process.env.TEXT_EXPLORER_CLI ?? path.join(repo, 'target', 'release', 'text-explorer');
  if (!existsSync(cli)) {
    execFileSync('cargo', ['build', '--release', '--features', 'cli', '--bin', 'text-explorer', '--offline'], { cwd: repo, stdio: 'inherit' });
  }
  work = mkdtempSync(path.join(tmpdir(), 'te-publish-'));
  const texts = path.join(work, 'texts');
  mkdirSync(path.join(texts, 'letters'), { recursive: true });
  writeFileSync(path.join(texts, 'moby.md'), `---
title: Loomings
author: Herman Melville
date: 1851
genre: novel
---
Call me Ishmael. Some years ago I thought I would sail about a little and see the watery
part of the world. The whale, the great whale, was in my mind.
`);
  // Windows-1252 bytes: "café" and "déjà" (the decode crate detects the encoding).
  writeFileSync(path.join(texts, 'letters', 'cafe.txt'), Buffer.from('A whale was seen near the caf\xe9, d\xe9j\xe0 the second whale this week.\n', 'latin1'));
  writeFileSync(path.join(texts, 'log.csv'), 'title,date,text\nFirst watch,1850-03-01,No whale today. Calm sea.\nSecond watch,1850-03-02,"A whale, then another whale, blew to the north."\n');
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  for (const s of servers) await new Promise((resolve) => s.server.close(resolve));
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a published folder opens from a static server with its corpus, at once', async () => {
  const site = path.join(work, 'site');
  execFileSync(cli, ['publish', path.join(work, 'texts'), '-o', site, '--title', 'Whale <logs>', '--query', 'whale'], { stdio: 'pipe' });
  for (const file of ['index.html', 'corpus.textexplorer', 'text-explorer/text-explorer.js', 'text-explorer/pkg/text_explorer_bg.wasm']) {
    assert.ok(existsSync(path.join(site, file)), `${file} is in the site`);
  }
  const html = readFileSync(path.join(site, 'index.html'), 'utf8');
  assert.match(html, /<title>Whale &lt;logs&gt;<\/title>/, 'the title is escaped');
  // The tool's own answers over the file it published: what the page must show.
  const corpus = path.join(site, 'corpus.textexplorer');
  const kwic = JSON.parse(run('kwic', corpus, 'whale', '--format', 'json'));
  const docs = JSON.parse(run('documents', corpus, '--format', 'json'));
  assert.deepEqual(docs.map((d) => d.title), ['letters/cafe', 'First watch', 'Second watch', 'Loomings']);
  assert.equal(kwic.total, 7, 'whale: 2 + 1 + 2 + 2');
  const served = await startServer({ root: site, port: 0 });
  servers.push(served);
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchConsole(page);
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(served.url);
  const status = page.locator('text-explorer .kwic-view .status');
  await page.waitForFunction(() => /^\d+ hits?$/.test(document.querySelector('text-explorer')?.shadowRoot?.querySelector('.kwic-view .status')?.textContent ?? ''));
  assert.equal(await status.textContent(), `${kwic.total} hits`);
  const rows = page.locator('text-explorer table.kwic tbody tr');
  assert.equal(await rows.count(), kwic.total);
  const keywords = await page.locator('text-explorer table.kwic td.kw').allTextContents();
  assert.deepEqual(keywords.map((k) => k.trim().toLowerCase()), Array(kwic.total).fill('whale'));
  // The documents' titles (the document filter lists them) and a text decoded from Windows-1252.
  const options = await page.locator('text-explorer select[part=doc-select] option').allTextContents();
  for (const title of docs.map((d) => d.title)) assert.ok(options.some((o) => o.includes(title)), `${title} is listed`);
  const lines = (await rows.allTextContents()).join('\n');
  assert.match(lines, /café/, 'the Windows-1252 text was decoded');
  assert.ok(requests.includes('/corpus.textexplorer'), 'the widget read the corpus file');
  await page.screenshot({ path: path.join(SHOTS, 'publish-kwic.png') });
  const tabs = await page.locator('text-explorer [role="tab"]:visible').allTextContents();
  assert.ok(!tabs.some((tab) => /^Texts/.test(tab.trim())), `a site that brings its corpus has no Texts tab: ${tabs}`);
  // The Reader shows the Markdown file without its front matter.
  await page.locator('text-explorer [role="tab"]', { hasText: 'Reader' }).click();
  const loomings = await page.locator('text-explorer select[part=doc-select] option', { hasText: 'Loomings' }).getAttribute('value');
  await page.locator('text-explorer select[part=doc-select]').selectOption(loomings);
  await page.locator('text-explorer .reader', { hasText: 'Call me Ishmael' }).waitFor();
  assert.doesNotMatch(await page.locator('text-explorer .reader').textContent(), /author: Herman/);
  await page.screenshot({ path: path.join(SHOTS, 'publish-reader.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a damaged corpus file in a published site is named, with what is wrong with it', async () => {
  const site = path.join(work, 'site-damaged');
  execFileSync(cli, ['publish', path.join(work, 'texts'), '-o', site], { stdio: 'pipe' });
  const corpus = path.join(site, 'corpus.textexplorer');
  const bytes = readFileSync(corpus);
  writeFileSync(corpus, bytes.subarray(0, bytes.length >> 1));
  const served = await startServer({ root: site, port: 0 });
  servers.push(served);
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(served.url);
  const message = page.locator('text-explorer .status', { hasText: 'corpus.textexplorer' }).first();
  await message.waitFor();
  assert.match(await message.textContent(), /the corpus file is incomplete/);
  await page.screenshot({ path: path.join(SHOTS, 'publish-damaged.png') });
  await page.close();
});
