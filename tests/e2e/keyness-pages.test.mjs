// Keyness paged by the engine (issue 14 §2), in headless Chromium on the two articles: each
// list shows 50 rows, "Show more" asks the engine for the next 50, a header orders the whole
// list in the engine (not the rows shown), and the CSV holds every row. The expected rows
// come from the engine itself, run in Node on the same build (www/pkg), with the view's
// options (stop words left out).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
let engine;

before(async () => {
  const pkg = new URL('../../www/pkg/', import.meta.url);
  const glue = await import(new URL('text_explorer.js', pkg));
  await glue.default({ module_or_path: await readFile(new URL('text_explorer_bg.wasm', pkg)) });
  engine = new glue.Engine(true);
});

const keyness = (options) => engine.handle({ op: 'keyness', args: { options: { target: 0, stopwords: false, ...options } } });

test('keyness lists are paged and ordered by the engine', { timeout: 60_000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchConsole(page);
  page.setDefaultTimeout(10_000);
  await page.goto(`${env.baseUrl}#view=keyness&layout=tabs`);
  const view = page.locator('text-explorer [role="tabpanel"][id$="-panel-keyness"]');
  const under = view.locator('table').nth(1);
  const rows = under.locator('tbody tr');
  await rows.first().waitFor();
  const status = view.locator('.status');
  // Every term, not only the significant ones: the under-used list is long.
  const before = await status.textContent();
  await view.getByText('Significant only').click();
  await status.filter({ hasNotText: before }).waitFor();
  const all = keyness({});
  assert.ok(all.underTotal > 200, `${all.underTotal} under-used terms`);
  assert.match(await status.textContent(), new RegExp(`${all.underTotal.toLocaleString('en')} under-used`));
  await page.waitForFunction((el) => !el.closest('[aria-busy]'), await under.elementHandle());
  assert.equal(await rows.count(), 50);
  const terms = () => rows.locator('th').allTextContents();
  assert.deepEqual(await terms(), all.under.slice(0, 50).map((k) => k.term));
  // Show more: the next 50, from the engine.
  const more = view.locator('button.more').nth(1);
  assert.equal(await more.textContent(), `Show 50 more (${(all.underTotal - 50).toLocaleString('en')} not shown)`);
  await more.click();
  await rows.nth(99).waitFor();
  assert.deepEqual(await terms(), all.under.slice(0, 100).map((k) => k.term));
  // A header orders the whole list: the first rows A to Z are the list's, not the shown rows'.
  await under.getByRole('button', { name: /^Term/ }).click();
  const byTerm = keyness({ order: 'term', ascending: true, limit: 50 }).under.map((k) => k.term);
  await rows.first().locator('th', { hasText: byTerm[0] }).waitFor();
  await page.waitForFunction((el) => !el.closest('[aria-busy]') && el.querySelectorAll('tbody tr').length === 50, await under.elementHandle());
  assert.deepEqual(await terms(), byTerm);
  const shownBefore = new Set(all.under.slice(0, 100).map((k) => k.term));
  assert.ok(byTerm.some((term) => !shownBefore.has(term)), 'rows that were not shown come first');
  // The CSV: every under-used term, in the order shown.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.locator('button.export', { hasText: 'CSV' }).nth(1).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.equal(csv.trim().split('\n').length, all.underTotal + 1);
  await page.screenshot({ path: path.join(env.results, 'keyness-pages.png'), fullPage: true });
  await context.close();
  assert.deepEqual(problems, [], 'the console stays empty');
});
