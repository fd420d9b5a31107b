// End-to-end tests of KWIC's tools (views/kwic-tools.js) in headless Chromium, on the two
// embedded articles: the filter changes the totals, a sample is the same from its URL, and
// tags survive a reload and reach the CSV. Each scenario ends with an empty console.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
const { results } = env;

async function open(hash, { width = 960 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchConsole(page);
  page.setDefaultTimeout(10_000);
  await page.goto(env.baseUrl + hash);
  await page.locator('text-explorer select[id$="-doc"]:enabled').waitFor();
  return { page, problems, context };
}

async function finish({ page, problems, context }, name) {
  await page.screenshot({ path: path.join(results, `${name}.png`), fullPage: true });
  await context.close();
  assert.deepEqual(problems, [], 'the console stays empty');
}

const panel = (page) => page.locator('text-explorer [role="tabpanel"][id$="-panel-kwic"]');
const total = async (view) => Number((await view.locator('p.status').textContent()).match(/^([\d,]+)/)[1].replace(/,/g, ''));
const rows = (view) => view.locator('table.kwic tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent.replace(/\s+/g, ' ').trim()));

test('kwic tools: the filter narrows the lines and the total, and is in the URL', async () => {
  const session = await open('#view=kwic&q=putin');
  const { page } = session;
  const view = panel(page);
  await view.locator('table.kwic tbody tr').first().waitFor();
  const all = await total(view);
  // The tools are folded until used.
  assert.equal(await view.locator('details.kwic-tools').evaluate((d) => d.open), false);
  await view.locator('details.kwic-tools > summary').click();
  const filter = view.getByLabel('Filter', { exact: true });
  await filter.fill('1R=said');
  await filter.press('Enter');
  await view.locator('p.status', { hasText: 'filter 1R=said' }).waitFor();
  const said = await total(view);
  assert.ok(said > 0 && said < all, `${said} of ${all}`);
  assert.match(await page.evaluate(() => location.hash), /where=1R%3Dsaid/);
  for (const row of await view.locator('table.kwic tbody tr td.ctx.right').allTextContents()) {
    assert.match(row.trim(), /^said\b/i);
  }
  // A bad position says what is wrong.
  await filter.fill('9X=said');
  await filter.press('Enter');
  await view.locator('p.status.error').waitFor();
  assert.match(await view.locator('p.status.error').textContent(), /invalid position/);
  // Back: the filter of the history entry before.
  await page.goBack();
  await view.locator('p.status', { hasText: 'filter 1R=said' }).waitFor();
  assert.equal(await total(view), said);
  await finish(session, 'kwic-tools-filter');
});

test('kwic tools: a seeded sample draws the same lines from its URL; a new seed others', async () => {
  const hash = '#view=kwic&q=the&sample=10&seed=7';
  const session = await open(hash);
  const { page } = session;
  const view = panel(page);
  await view.locator('p.status', { hasText: 'random lines' }).waitFor();
  assert.match(await view.locator('p.status').textContent(), /^10 random lines of [\d,]+ \(seed 7\)/);
  const first = await rows(view);
  assert.equal(first.length, 10);
  await page.reload();
  await view.locator('p.status', { hasText: 'random lines' }).waitFor();
  assert.deepEqual(await rows(view), first, 'the same lines after a reload');
  await view.getByLabel('Seed').waitFor();
  assert.equal(await view.getByLabel('Seed').inputValue(), '7');
  await view.getByRole('button', { name: 'New seed' }).click();
  // Not `includes('seed=7')`: a new seed of 32 random bits begins with 7 about one time in 40.
  await page.waitForFunction(() => !/[#&]seed=7(&|$)/.test(location.hash));
  await view.locator('p.status', { hasText: /^10 random lines/ }).waitFor();
  await page.waitForFunction((before) => {
    const panel = document.querySelector('text-explorer').shadowRoot.querySelector('[id$="-panel-kwic"]');
    const now = [...panel.querySelectorAll('table.kwic tbody tr')].map((tr) => tr.textContent.replace(/\s+/g, ' ').trim());
    return now.length === 10 && JSON.stringify(now) !== JSON.stringify(before);
  }, first);
  // Sample 0 is every line again.
  await view.getByLabel(/^Random sample/).fill('0');
  await view.getByLabel(/^Random sample/).press('Enter');
  await page.waitForFunction(() => !location.hash.includes('sample='));
  await view.locator('p.status', { hasText: /^[\d,]+ hits$/ }).waitFor();
  await finish(session, 'kwic-tools-sample');
});

test('kwic tools: tags are named, given by keyboard, counted, kept over a reload and exported', async () => {
  const session = await open('#view=kwic&q=korea');
  const { page } = session;
  const view = panel(page);
  await view.locator('table.kwic tbody tr').first().waitFor();
  await view.locator('details.kwic-tools > summary').click();
  const names = view.getByLabel(/^Tags/);
  await names.fill('literal, figurative');
  await names.press('Enter');
  const select = view.locator('table.kwic tbody tr').first().locator('select.tag-select');
  await select.waitFor();
  // Keyboard: focus the menu and choose with the arrow keys.
  await select.focus();
  await select.selectOption('figurative');
  await view.locator('table.kwic tbody tr').nth(2).locator('select.tag-select').selectOption('literal');
  await view.locator('.tag-counts', { hasText: 'literal: 1 · figurative: 1' }).waitFor();
  // A click on the menu does not open the Reader.
  assert.match(await page.evaluate(() => location.hash), /view=kwic/);
  await page.waitForTimeout(300); // the IndexedDB write
  await page.reload();
  await view.locator('table.kwic tbody tr').first().locator('select.tag-select').waitFor();
  assert.equal(await view.locator('table.kwic tbody tr').first().locator('select.tag-select').inputValue(), 'figurative');
  assert.equal(await view.locator('table.kwic tbody tr').nth(1).locator('select.tag-select').inputValue(), '');
  assert.equal(await names.inputValue(), 'literal, figurative');
  await view.locator('.tag-counts', { hasText: 'literal: 1 · figurative: 1' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
  assert.equal(csv[0], 'document,title,position,left,keyword,right,tag');
  assert.ok(csv[1].endsWith(',figurative'), csv[1]);
  assert.ok(csv[2].endsWith(','), csv[2]);
  assert.ok(csv[3].endsWith(',literal'), csv[3]);
  await finish(session, 'kwic-tools-tags');
});
