// End-to-end test of the Word Tree view (views/wordtree.js) in headless Chromium, on the two
// embedded articles: the tree of `putin` is drawn, its table and exports, and a branch opens
// KWIC narrowed to it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
const { results } = env;

test('word tree: drawn for putin, a table of paths, SVG and CSV, a branch narrows KWIC', async () => {
  const context = await env.browser.newContext({ viewport: { width: 960, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchConsole(page);
  page.setDefaultTimeout(10_000);
  await page.goto(`${env.baseUrl}#view=wordtree&q=putin`);
  const view = page.locator('text-explorer [role="tabpanel"][id$="-panel-wordtree"]');
  await view.locator('.wt-tree button.wt-word').first().waitFor();
  const hits = Number((await view.locator('p.status').textContent()).match(/^([\d,]+)/)[1].replace(/,/g, ''));
  // The first level's counts add up to at most the hits, most frequent first.
  const firstLevel = view.locator('.wt-tree > .wt-node > .wt-children > li > .wt-node > button.wt-word');
  const counts = (await firstLevel.locator('.wt-count').allTextContents()).map((c) => Number(c.replace(/,/g, '')));
  assert.ok(counts.length > 1, `${counts}`);
  assert.ok(counts.reduce((a, b) => a + b, 0) <= hits);
  assert.ok(counts.every((c, i) => i === 0 || counts[i - 1] >= c), `${counts}`);
  // The table holds the same paths, 50 drawn at a time (a frame for every 20), the CSV all.
  const nodes = await view.locator('.wt-tree button.wt-word').count();
  await view.locator('.scroll:not([aria-busy]) table').waitFor();
  assert.equal(await view.locator('table tbody tr').count(), Math.min(50, nodes));
  const [svgFile] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Download SVG' }).click()]);
  assert.match(readFileSync(await svgFile.path(), 'utf8'), /<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const [csvFile] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = readFileSync(await csvFile.path(), 'utf8');
  assert.match(csv, /^Path,Words,Count\r\n/);
  assert.equal(csv.trimEnd().split('\r\n').length, nodes + 1, 'a header and every path');
  // A second-level branch, by keyboard: KWIC shows its lines, as many as its count.
  const second = view.locator('.wt-tree > .wt-node > .wt-children > li > .wt-node > .wt-children button.wt-word').first();
  const word = await second.evaluate((b) => b.firstChild.textContent);
  const parent = await second.evaluate((b) => b.closest('.wt-children').previousElementSibling.firstChild.textContent);
  const count = Number((await second.locator('.wt-count').textContent()).replace(/,/g, ''));
  await second.focus();
  await page.keyboard.press('Enter');
  await page.locator('text-explorer [role="tab"][aria-selected="true"]', { hasText: 'KWIC' }).waitFor();
  const kwic = page.locator('text-explorer [role="tabpanel"][id$="-panel-kwic"]');
  await kwic.locator('p.status', { hasText: `filter 1R=${parent} 2R=${word}` }).waitFor();
  assert.equal(Number((await kwic.locator('p.status').textContent()).match(/^([\d,]+)/)[1]), count);
  assert.equal(await kwic.locator('table.kwic tbody tr').count(), count);
  // The left side.
  await page.goBack();
  await view.locator('.wt-tree button.wt-word').first().waitFor();
  await view.getByLabel('Side').selectOption('left');
  await page.waitForFunction(() => location.hash.includes('side=left'));
  await view.locator('.wt-tree[data-side="left"] button.wt-word').first().waitFor();
  await page.screenshot({ path: path.join(results, 'wordtree.png'), fullPage: true });
  await context.close();
  assert.deepEqual(problems, [], 'the console stays empty');
});
