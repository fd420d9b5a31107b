// End to end: the Trends view in headless Chromium. By document on the embedded articles
// (the chart, the table, a point that opens KWIC, the SVG and CSV exports); then a CSV of
// newspaper articles with `newspaper` and `date` columns added in Texts: by year and by month
// (an empty month on the axis, the undated documents counted apart), a subcorpus, and the
// story of issue 12: Keyness scoped to two newspapers, then Trends by month. The figures are
// counted by hand from the CSV below. Ends each scenario with an empty console.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { usePageTests, watchConsole, until } from './support.mjs';

const env = usePageTests();
const TIMEOUT = 15_000;

// Words (tokens) and hits, by hand:
//   Rupee gains    Mint   2024-06-03  10 words  markets 2  cricket 0
//   Cricket fans   Times  2024-06-20   8 words  markets 0  cricket 2
//   Markets slide  Mint   2024-08-02  10 words  markets 2  cricket 0
//   Monsoon        Hindu  2024-08-11   8 words  markets 1  cricket 1
//   Letter         –      –            6 words  markets 1  cricket 1
const CSV = `title,newspaper,date,text
Rupee gains,Mint,2024-06-03,"Markets rallied as the rupee gained. Markets cheered the budget."
Cricket fans,Times,2024-06-20,"Cricket fans cheered the team. Cricket is back."
Markets slide,Mint,2024-08-02,"Markets fell as the rupee slipped. The budget worries markets."
Monsoon,Hindu,2024-08-11,"The monsoon arrived early. Markets and cricket waited."
Letter,,,"A letter about cricket and markets."
`;

async function open(hash, { width = 960, locale = 'en-US' } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchConsole(page);
  await page.goto(env.baseUrl + hash);
  await page.locator('text-explorer select[id$="-doc"]:enabled').waitFor();
  const te = page.locator('text-explorer');
  return { page, te, problems, context };
}

async function finish({ page, problems, context }, name) {
  await page.screenshot({ path: path.join(env.results, `${name}.png`), fullPage: true });
  await context.close();
  assert.deepEqual(problems, [], 'the console stays empty');
}

/** Adds the CSV in the Texts view, and waits until its last row is listed. */
async function addNewspapers(s) {
  await s.page.evaluate(() => { location.hash = '#view=texts'; });
  await s.te.locator('textarea[name=text]').waitFor();
  await s.te.locator('input[type=file]').setInputFiles([{ name: 'news.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) }]);
  await s.te.locator('.doc-list tbody tr', { hasText: 'Letter' }).waitFor();
  await s.te.locator('.progress').waitFor({ state: 'hidden' });
}

const view = (te) => te.locator('[role="tabpanel"]:not([hidden]) .trends');
const number = (text) => Number(text.replace(/[,\s]/g, ''));

/** The table's body as rows of cell texts. */
async function table(te) {
  return view(te).locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

test('trends by document: a line per query over the articles, the table beside it, a point opens KWIC', async () => {
  const s = await open('#view=trends&q=korea, putin');
  const v = view(s.te);
  await v.locator('svg polyline').first().waitFor();
  assert.equal(await v.locator('svg polyline').count(), 2);
  // The articles have no dates: the choice of year and month says how to give them one.
  await v.locator('.note', { hasText: 'none of these texts has a date yet' }).waitFor();
  // The legend names both queries.
  const svgText = await v.locator('svg').first().textContent();
  assert.ok(svgText.includes('korea') && svgText.includes('putin'), svgText);
  // One row per article: Document, Words, then hits and per 10,000 for each query.
  const rows = await table(s.te);
  assert.equal(rows.length, 2);
  const status = await v.locator('.status').textContent();
  const totals = [...status.matchAll(/(\w+): (\d+) hits?/g)].map((m) => Number(m[2]));
  for (const [q, total] of totals.entries()) {
    const hits = rows.map((r) => number(r[2 + 2 * q]));
    assert.equal(hits.reduce((a, b) => a + b, 0), total, `${q}: the documents' hits add up to the status`);
    for (const r of rows) {
      // The formula: hits × 10,000 / words, to one decimal.
      const want = (number(r[2 + 2 * q]) * 10_000) / number(r[1]);
      assert.equal(number(r[3 + 2 * q]), Math.round(want * 10) / 10, r.join(' | '));
    }
  }
  // The same hits as KWIC's, document by document: the first point of "korea" opens KWIC there.
  const firstHits = number(rows[0][2]);
  await v.locator('svg circle.trend-point').first().click();
  await s.te.locator('[role="tab"][aria-selected="true"]', { hasText: 'KWIC' }).waitFor();
  await until(async () => /doc=0/.test(await s.page.evaluate(() => location.hash)), 'doc=0 in the URL');
  assert.match(await s.page.evaluate(() => location.hash), /q=korea(&|$)/);
  const lines = s.te.locator('.kwic-view tbody tr');
  await lines.first().waitFor();
  await until(async () => (await s.te.locator('.kwic-view .status').textContent()).includes(String(firstHits)), `KWIC's ${firstHits} hits`);
  await finish(s, 'trends-documents');
});

test('trends exports: the chart as SVG, the table as CSV', async () => {
  const s = await open('#view=trends&q=korea');
  const v = view(s.te);
  await v.locator('svg polyline').waitFor();
  const [svgFile] = await Promise.all([
    s.page.waitForEvent('download'),
    v.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  assert.equal(svgFile.suggestedFilename(), 'trends-document-korea.svg');
  const file = readFileSync(await svgFile.path(), 'utf8');
  assert.match(file, /^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(file, /<polyline/);
  const [csvFile] = await Promise.all([
    s.page.waitForEvent('download'),
    v.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = readFileSync(await csvFile.path(), 'utf8').trimEnd().split('\r\n');
  assert.equal(csv[0], 'Document,Words,korea: hits,korea: per 10,000'.replace('korea: per 10,000', '"korea: per 10,000"'));
  assert.equal(csv.length, 3);
  // Raw numbers in the file: hits × 10,000 / words in full precision.
  for (const line of csv.slice(1)) {
    const cells = line.split(',');
    const [words, hits, relative] = cells.slice(-3).map(Number);
    assert.ok(Math.abs(relative - (hits * 10_000) / words) < 1e-9, line);
  }
  await finish(s, 'trends-export');
});

test('trends by year and month on newspapers from a CSV: an empty month, the undated apart, a subcorpus', async () => {
  const s = await open('#view=summary');
  await addNewspapers(s);
  await s.page.evaluate(() => { location.hash = '#view=trends&q=markets, cricket&trend=month'; });
  const v = view(s.te);
  await v.locator('svg polyline').first().waitFor();
  assert.equal(await v.getByLabel('Group by').inputValue(), 'month');
  assert.equal(await v.locator('.note', { hasText: 'none of these texts has a date yet' }).isHidden(), true);
  // June (Rupee gains, Cricket fans: 18 words), July (no article, 0), August (Markets slide,
  // Monsoon: 18 words), then the undated: the Letter and the two embedded articles.
  let rows = await table(s.te);
  assert.deepEqual(rows.slice(0, 3).map((r) => r.slice(0, 3)), [['2024-06', '2', '18'], ['2024-07', '0', '0'], ['2024-08', '2', '18']]);
  // markets: 2 of 18 → 1,111.1; 0; 3 of 18 → 1,666.7. cricket: 2 of 18; 0; 1 of 18 → 555.6.
  assert.deepEqual(rows.slice(0, 3).map((r) => r.slice(3)), [
    ['2', '1,111.1', '2', '1,111.1'], ['0', '0.0', '0', '0.0'], ['3', '1,666.7', '1', '555.6'],
  ]);
  assert.equal(rows[3][0], 'Undated');
  assert.equal(rows[3][1], '3');
  assert.match(await v.locator('.note:not([hidden])', { hasText: 'Undated' }).textContent(), /^3 documents have no date or only a year/);
  // Three points a line on the time axis, July's among them.
  assert.equal((await v.locator('svg polyline').first().getAttribute('points')).split(' ').length, 3);
  const axis = await v.locator('svg').first().textContent();
  assert.ok(axis.includes('2024-07'), axis);

  // By year: one year, 2024, of 36 words (markets 5 → 1,388.9; cricket 3 → 833.3).
  await v.getByLabel('Group by').selectOption('year');
  await until(async () => (await table(s.te))[0]?.[0] === '2024', 'the year 2024');
  rows = await table(s.te);
  assert.deepEqual(rows[0], ['2024', '4', '36', '5', '1,388.9', '3', '833.3']);
  assert.match(await s.page.evaluate(() => location.hash), /trend=year/);

  // The subcorpus box: Mint only, by month (June 10 words, July 0, August 10); nothing undated.
  await v.getByLabel('Group by').selectOption('month');
  const scope = s.te.getByLabel('Subcorpus', { exact: true });
  await scope.fill('newspaper = Mint');
  await scope.press('Enter');
  await until(async () => (await table(s.te)).length === 3, 'three months of Mint');
  rows = await table(s.te);
  assert.deepEqual(rows.map((r) => r.slice(0, 5)), [['2024-06', '1', '10', '2', '2,000.0'], ['2024-07', '0', '0', '0', '0.0'], ['2024-08', '1', '10', '2', '2,000.0']]);
  assert.equal(await v.locator('.note', { hasText: 'Undated' }).isHidden(), true);

  // A subcorpus with no document, by document: says so (not that nothing has a date).
  await v.getByLabel('Group by').selectOption('document');
  await scope.fill('newspaper = Nowhere');
  await scope.press('Enter');
  await v.locator('.status', { hasText: 'No document is in this subcorpus' }).waitFor();
  assert.deepEqual(await table(s.te), []);
  await finish(s, 'trends-months');
});

test('issue 12: Keyness scoped to two newspapers, then Trends by month', async () => {
  const s = await open('#view=summary');
  await addNewspapers(s);
  await s.page.evaluate(() => { location.hash = '#view=keyness'; });
  const keyness = s.te.locator('.keyness');
  await keyness.locator('tbody tr').first().waitFor();
  await keyness.getByLabel('Target subcorpus').fill('newspaper = Mint');
  await keyness.getByLabel('Target subcorpus').press('Enter');
  await keyness.getByLabel('Reference subcorpus').fill('newspaper = Times');
  await keyness.getByLabel('Reference subcorpus').press('Enter');
  // Mint: 10 + 10 words; the Times: 8.
  await keyness.locator('.status', { hasText: /20 .*8/ }).waitFor();
  await keyness.getByLabel('Significant only (p < 0.05)').uncheck();
  await keyness.locator('section tbody tr').first().waitFor();
  const over = await keyness.locator('section').first().locator('tbody tr > :first-child').allInnerTexts();
  assert.ok(over.slice(0, 3).some((term) => /markets|rupee|budget/.test(term)), over.join(' '));
  // The distinctive word of Mint, over time: Trends by month, from the tab.
  await s.te.getByRole('tab', { name: 'Trends' }).click();
  const v = view(s.te);
  await v.getByLabel('Queries (separate with commas)').fill('markets, rupee');
  await v.getByLabel('Group by').selectOption('month');
  await until(async () => (await table(s.te))[0]?.[0] === '2024-06', 'Trends by month');
  const rows = await table(s.te);
  // rupee: 1 of 18 words in June (Rupee gains), 1 of 18 in August (Markets slide).
  assert.deepEqual(rows.slice(0, 3).map((r) => [r[0], r[5], r[6]]), [['2024-06', '1', '555.6'], ['2024-07', '0', '0.0'], ['2024-08', '1', '555.6']]);
  assert.equal(await v.locator('svg polyline').count(), 2);
  await finish(s, 'trends-keyness-story');
});

test('trends on a phone: no chart text under 10 CSS px; Japanese labels', async () => {
  const s = await open('#view=trends&q=korea, putin', { width: 390, locale: 'ja-JP' });
  const v = view(s.te);
  await v.locator('svg polyline').first().waitFor();
  const smallest = await v.locator('svg').first().evaluate((el) => Math.min(...[...el.querySelectorAll('text')]
    .map((t) => t.getBoundingClientRect().height ? Number.parseFloat(getComputedStyle(t).fontSize) * (el.getBoundingClientRect().width / el.viewBox.baseVal.width) : Infinity)));
  assert.ok(Number.isFinite(smallest) && smallest >= 10, `the smallest chart text is ${smallest} CSS px`);
  assert.equal(await v.getByLabel('まとめ方').inputValue(), 'document');
  await finish(s, 'trends-phone-ja');
});
