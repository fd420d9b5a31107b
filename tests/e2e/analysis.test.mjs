// End-to-end tests of the analysis views (Collocates, Phrases, Keyness, Dispersion,
// Compare, Cloud) in headless Chromium, on the two embedded articles. Each scenario ends by
// asserting that the console stayed empty.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
const { results } = env;
const TIMEOUT = 10_000;

// 960 px wide by default: the tabs (from 1,000 px the page opens on the workspace,
// tests/e2e/workspace.test.mjs).
async function open(hash, { colorScheme = 'light', width = 960 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchConsole(page);
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(env.baseUrl + hash);
  await page.locator('text-explorer select[id$="-doc"]:enabled').waitFor();
  return { page, problems, context };
}

async function finish({ page, problems, context }, name) {
  await page.screenshot({ path: path.join(results, `${name}.png`), fullPage: true });
  await context.close();
  assert.deepEqual(problems, [], 'the console stays empty');
}

const panel = (page, view) => page.locator(`text-explorer [role="tabpanel"][id$="-panel-${view}"]`);

test('collocates: the table, sorting by a measure, CSV and the way to KWIC', async () => {
  const session = await open('#view=collocates&q=korea');
  const { page } = session;
  const view = panel(page, 'collocates');
  await view.locator('tbody tr').first().waitFor();
  // By logDice (the default), "north" heads the collocates of "korea".
  assert.equal(await view.locator('tbody tr th').first().textContent(), 'north');
  await view.getByRole('button', { name: /^MI/ }).click();
  // The engine orders the rows: the header shows the order once its page is drawn.
  await view.locator('th[aria-sort="descending"]', { hasText: 'MI' }).waitFor();
  await view.locator('.scroll:not([aria-busy])').waitFor();
  const mi = await view.locator('tbody tr td:nth-child(5)').allTextContents();
  const values = mi.map((v) => Number(v.replace(/,/g, '')));
  assert.ok(values.length > 3 && values.every((v, i) => i === 0 || values[i - 1] >= v), `MI sorted: ${values}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^Collocate,Observed,Expected,Frequency,MI,G²,t-score,logDice\r\n/);
  assert.ok(csv.includes('\r\nnorth,'));
  // An invalid query says what is wrong.
  const input = view.locator('input[type="search"]');
  await input.fill('"north');
  await view.locator('.status.error').waitFor();
  assert.match(await view.locator('.status.error').textContent(), /quote is not closed/);
  await input.fill('putin');
  await view.locator('tbody tr').first().waitFor();
  const collocate = await view.locator('tbody tr th button').first().textContent();
  await view.locator('tbody tr th button').first().click();
  await page.locator('text-explorer [role="tab"][aria-selected="true"]', { hasText: 'KWIC' }).waitFor();
  // KWIC shows the hits of the query with that collocate within the window.
  assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('q'), `putin NEAR/5 ${collocate}`);
  await panel(page, 'kwic').locator('tbody tr').first().waitFor();
  await finish(session, 'analysis-collocates');
});

test('collocates: positive associations only by default, signed G², and the windows counted per hit', async () => {
  const session = await open('#view=collocates&q=the');
  const { page } = session;
  const view = panel(page, 'collocates');
  await view.locator('tbody tr').first().waitFor();
  const positive = view.getByLabel('Positive associations only');
  assert.equal(await positive.isChecked(), true);
  const g2 = async () => (await view.locator('tbody tr td:nth-child(6)').allTextContents()).map((v) => Number(v.replace(/,/g, '').replace('−', '-')));
  await view.getByLabel('Sort by', { exact: true }).selectOption('logLikelihood');
  await view.locator('th[aria-sort="descending"]', { hasText: 'G²' }).waitFor();
  // Rows are drawn 20 a frame (the table busy meanwhile): counted once all are in. Counting
  // them mid-drawing let the fresh-clone CI read a longer list that was still all positive.
  const drawn = () => view.locator('.scroll:not([aria-busy]) tbody tr').first().waitFor();
  await drawn();
  const before = await view.locator('tbody tr').count();
  assert.ok((await g2()).every((v) => v > 0), 'every listed G² is positive');
  // With the words that avoid the query too: more rows, the negative G² last.
  const status = await view.locator('.status').textContent();
  await positive.uncheck();
  await view.locator('tbody tr').nth(before).waitFor();
  await drawn();
  const all = await g2();
  assert.ok(all.some((v) => v < 0), 'some negative G²');
  assert.ok(all.every((v, i) => i === 0 || all[i - 1] >= v), `sorted by signed G²: ${all}`);
  await positive.check();
  // Each hit's window (AntConc, NLTK): the windows' sizes add up, so more window tokens.
  await view.getByLabel('Windows').selectOption('perHit');
  await view.locator('.status').filter({ hasNotText: status }).waitFor();
  const windows = (text) => Number(text.match(/([\d,]+) tokens in their windows/)[1].replace(/,/g, ''));
  assert.ok(windows(await view.locator('.status').textContent()) > windows(status));
  await view.locator('tbody tr').first().waitFor();
  await page.screenshot({ path: '/tmp/stats-collocates.png' });
  await finish(session, 'analysis-collocates-options');
});

test('collocates are paged by the engine: 100 rows, Show more, a header orders every row, the CSV has them all', async () => {
  const session = await open('#view=collocates&q=the');
  const { page } = session;
  const view = panel(page, 'collocates');
  await view.locator('tbody tr').first().waitFor();
  // Every collocate seen once or more, those that avoid "the" too: more than a page.
  await view.getByLabel('Min. count').fill('1');
  await view.getByLabel('Min. count').dispatchEvent('change');
  await view.getByLabel('Positive associations only').uncheck();
  const status = view.locator('.status', { hasText: /rows$/ });
  await view.locator('.status').filter({ hasNotText: /, 84 rows$/ }).waitFor();
  const total = Number((await status.textContent()).match(/([\d,]+) rows$/)[1].replace(/,/g, ''));
  assert.ok(total > 200 && total < 400, `${total} rows`);
  await view.locator('.scroll:not([aria-busy])').waitFor();
  const rows = view.locator('tbody tr');
  assert.equal(await rows.count(), 100);
  const more = view.locator('button.more');
  assert.equal(await more.textContent(), `Show 100 more (${total - 100} not shown)`);
  await more.click();
  await rows.nth(199).waitFor();
  const rest = total - 200;
  assert.equal(await more.textContent(), rest > 100 ? `Show 100 more (${rest} not shown)` : `Show the last ${rest}`);
  // A header orders every row, not only those drawn: A to Z from the first of them all.
  await view.getByRole('button', { name: /^Collocate/ }).click();
  await view.locator('th[aria-sort="ascending"]', { hasText: 'Collocate' }).waitFor();
  await view.locator('.scroll:not([aria-busy])').waitFor();
  assert.equal(await rows.count(), 100);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  assert.equal(lines.length, total + 1, 'a header and every row');
  const terms = lines.slice(1).map((line) => line.split(',')[0]);
  assert.deepEqual(terms, [...terms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'the file in the table\'s order');
  const shown = await view.locator('tbody tr th').allTextContents();
  assert.deepEqual(shown, terms.slice(0, 100));
  await more.click();
  await rows.nth(199).waitFor();
  assert.deepEqual(await view.locator('tbody tr th').allTextContents(), terms.slice(0, 200));
  await finish(session, 'analysis-collocates-paged');
});

test('terms are paged by the engine: 100 rows, Show more, the filter in the engine', async () => {
  const session = await open('#view=terms&stopwords=show');
  const { page } = session;
  const view = panel(page, 'terms');
  await view.locator('.scroll:not([aria-busy]) tbody tr').first().waitFor();
  const total = Number((await view.locator('.status').textContent()).match(/^([\d,]+) terms?/)[1].replace(/,/g, ''));
  const rows = view.locator('tbody tr');
  assert.equal(await rows.count(), 100);
  await view.locator('button.more').click();
  await rows.nth(199).waitFor();
  await view.locator('.scroll:not([aria-busy])').waitFor();
  assert.equal(await rows.count(), 200);
  const counts = (await view.locator('tbody td:nth-child(2) .num').allTextContents()).map((c) => Number(c.replace(/,/g, '')));
  assert.ok(counts.every((c, i) => i === 0 || counts[i - 1] >= c), 'by count, across the pages');
  assert.equal(await view.locator('button.more').textContent(), `Show 100 more (${total - 200} not shown)`);
  await view.locator('input[type="search"]').fill('or');
  await view.locator('.status', { hasText: /contain/ }).waitFor();
  const found = await view.locator('tbody th').allTextContents();
  assert.ok(found.length > 0 && found.every((t) => t.includes('or')), `${found}`);
  await finish(session, 'terms-paged');
});

test('phrases and keyness', async () => {
  const session = await open('#view=phrases');
  const { page } = session;
  const phrases = panel(page, 'phrases');
  await phrases.locator('tbody tr').first().waitFor();
  assert.equal(await phrases.locator('tbody tr th').first().textContent(), 'north korea');
  const cell = (phrase) => phrases.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${phrase}$`) }) }).locator('td:nth-child(3)');
  assert.equal(await cell('north korea').textContent(), '25');
  const phraseStatus = phrases.locator('.status');
  const click = async (label) => {
    const before = await phraseStatus.textContent();
    await phrases.getByText(label).click();
    await phraseStatus.filter({ hasNotText: before }).waitFor();
  };
  // Longest only (with stop words at the edges, as the API's default): "north korea" stays,
  // counted outside the longer phrases that hold it ("that north korea", …).
  await click('No stop word at either end');
  await click('Longest only');
  const left = Number(await cell('north korea').textContent());
  assert.ok(left > 0 && left < 25, `north korea: ${left}`);
  // Within sentences by default; across sentence ends on request: more phrases.
  const count = async () => Number((await phraseStatus.textContent()).replace(/\D/g, ''));
  const within = await count();
  await click('Across sentence ends');
  assert.ok((await count()) > within);
  await page.locator('text-explorer [role="tab"]', { hasText: 'Keyness' }).click();
  const keyness = panel(page, 'keyness');
  await keyness.locator('tbody tr').first().waitFor();
  assert.equal(await keyness.locator('table').count(), 2);
  const status = await keyness.locator('.status').textContent();
  assert.match(status, /over-used and \d+ under-used/);
  // Every listed G² is significant (p < 0.05) by default.
  const p = await keyness.locator('table').first().locator('tbody td:nth-child(5)').allTextContents();
  assert.ok(p.every((v) => v.startsWith('<') || Number(v) < 0.05), p.join(' '));
  await finish(session, 'analysis-phrases-keyness');
});

test('dispersion: a barcode per document and query, a segment chart, and their numbers', async () => {
  const session = await open('#view=dispersion&q=putin%2C%20kim');
  const { page } = session;
  const view = panel(page, 'dispersion');
  await view.locator('svg path.marks').first().waitFor({ state: 'attached' });
  const status = await view.locator('.status').textContent();
  const counts = [...status.matchAll(/(\w+): (\d+) hits?/g)].map((m) => [m[1], Number(m[2])]);
  assert.deepEqual(counts.map((c) => c[0]), ['putin', 'kim']);
  // The barcode is drawn from the engine's bins: a mark (a subpath) per bin with a hit, at
  // most one path a shade per row; a row's title gives its hits, which add up to the query's.
  const rows = await view.locator('svg g').evaluateAll((gs) => gs.filter((g) => g.querySelector('path.marks')).map((g) => ({
    title: g.querySelector('title').textContent,
    paths: g.querySelectorAll('path.marks').length,
    marks: [...g.querySelectorAll('path.marks')].reduce((n, p) => n + p.getAttribute('d').split('M').length - 1, 0),
  })));
  assert.ok(rows.length >= 2 && rows.every((r) => r.paths >= 1 && r.paths <= 4), JSON.stringify(rows));
  const rowHits = (query) => rows.filter((r) => r.title.includes(`${query}:`)).reduce((n, r) => n + Number(/(\d+) hits?/.exec(r.title)[1]), 0);
  assert.deepEqual([rowHits('putin'), rowHits('kim')], [counts[0][1], counts[1][1]]);
  const marks = rows.reduce((n, r) => n + r.marks, 0);
  assert.ok(marks >= rows.length && marks <= counts[0][1] + counts[1][1], `${marks} marks for ${counts[0][1] + counts[1][1]} hits`);
  assert.equal(await view.locator('svg polyline').count(), 2);
  // The numbers behind the charts: DP per query, relative frequency per segment.
  assert.equal(await view.locator('table').first().locator('tbody tr').count(), 2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download SVG' }).first().click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  assert.match(file, /^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // A query with no hit has no DP: "–", in the table and in its CSV.
  await view.locator('input[type="search"]').fill('putin, zzzz');
  await view.locator('.status', { hasText: 'zzzz: 0 hits' }).waitFor();
  const dpRows = view.locator('table').first().locator('tbody tr');
  const missing = dpRows.filter({ has: page.locator('th', { hasText: 'zzzz' }) });
  assert.deepEqual((await missing.locator('td').allTextContents()).slice(1, 3), ['–', '–']);
  // Sorted by DP either way, the missing value comes last.
  const dpTable = view.locator('table').first();
  await dpTable.getByRole('button', { name: 'DP', exact: true }).click();
  assert.equal(await dpRows.last().locator('th').textContent(), 'zzzz');
  await dpTable.getByRole('button', { name: 'DP ▴', exact: true }).click();
  await dpTable.getByRole('button', { name: 'DP ▾', exact: true }).waitFor();
  assert.equal(await dpRows.last().locator('th').textContent(), 'zzzz');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download CSV' }).first().click(),
  ]);
  assert.match(readFileSync(await csv.path(), 'utf8'), /\r\nzzzz,0,–,–,/);
  await finish(session, 'analysis-dispersion');
});

test('compare: shared passages marked in both texts, and the sentence alignment', async () => {
  const session = await open('#view=compare', { colorScheme: 'dark' });
  const { page } = session;
  const view = panel(page, 'compare');
  await view.locator('.side mark').first().waitFor();
  const sides = view.locator('.side');
  const a = await sides.nth(0).locator('mark').allTextContents();
  const b = await sides.nth(1).locator('mark').allTextContents();
  assert.ok(a.length > 0 && b.length > 0);
  // Each passage marked in A is, word for word (terms), somewhere marked in B.
  const words = (s) => s.toLowerCase().replace(/[’']s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const bText = b.map(words).join(' | ');
  for (const passage of a) assert.ok(bText.includes(words(passage)), passage);
  const rows = view.locator('table').first().locator('tbody tr');
  assert.ok(await rows.count() > 5);
  assert.match(await view.locator('.status').textContent(), /shared passages? of 4\+ words/);
  await finish(session, 'analysis-compare-dark');
});

test('compare: a text of 190,000 characters but 240,000 UTF-16 units (emoji) is cut, with its note, where the engine cuts it', async () => {
  const session = await open('#view=texts');
  const { page } = session;
  const te = page.locator('text-explorer');
  // Five emoji (two UTF-16 units each) and 14 other characters: 19 characters, 24 units.
  const text = '😀😀😀😀😀 North Korea. '.repeat(10_000);
  assert.equal([...text].length, 190_000);
  assert.equal(text.length, 240_000);
  await te.locator('input[name=title]').fill('emoji');
  await te.locator('textarea[name=text]').fill(text);
  await te.getByRole('button', { name: 'Add text' }).click();
  await te.locator('.doc-list tr', { hasText: 'emoji' }).waitFor();
  await page.evaluate(() => { location.hash = '#view=compare'; });
  const view = panel(page, 'compare');
  await view.getByLabel('Document B', { exact: true }).selectOption('2');
  await view.locator('.status', { hasText: /Of “3\. emoji”, a long text, the first 200,000 characters/ }).waitFor();
  // Side B holds the excerpt only: 200,000 units, a character's halves never split.
  const shown = await view.locator('.side').nth(1).evaluate((el) => el.textContent);
  assert.equal(shown.length, 200_000);
  assert.equal(shown, text.slice(0, 200_000));
  await finish(session, 'analysis-compare-emoji');
});

test('word cloud: no overlaps, and a word opens KWIC', async () => {
  const session = await open('#view=cloud');
  const { page } = session;
  const view = panel(page, 'cloud');
  await view.locator('svg text.cloud-word').first().waitFor();
  const boxes = await view.locator('svg text.cloud-word').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, term: el.lastChild.textContent };
  }));
  assert.ok(boxes.length >= 40, `${boxes.length} words`);
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [p, q] = [boxes[i], boxes[j]];
      const overlap = p.x + p.w > q.x + 1 && q.x + q.w > p.x + 1 && p.y + p.h > q.y + 1 && q.y + q.h > p.y + 1;
      // Glyph boxes include ascender/descender room; the layout keeps the text boxes apart.
      assert.ok(!overlap, `${p.term} overlaps ${q.term}`);
    }
  }
  const first = view.locator('svg text.cloud-word').first();
  const term = await first.evaluate((el) => el.lastChild.textContent);
  await first.focus();
  await page.keyboard.press('Enter');
  await page.locator('text-explorer [role="tab"][aria-selected="true"]', { hasText: 'KWIC' }).waitFor();
  assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('q'), term);
  await finish(session, 'analysis-cloud');
});

test('KWIC: every line exports as CSV with document, position, left, keyword and right; the syntax on demand', async () => {
  const session = await open('#view=kwic&q=%2Fsanction(s%7Ced)%3F%2F');
  const { page } = session;
  const view = panel(page, 'kwic');
  await view.locator('tbody tr').first().waitFor();
  const hits = Number((await view.locator('.status').textContent()).match(/\d+/)[0]);
  assert.ok(hits > 0);
  // The tools load after the first lines; nothing of their loading shows as text ("null").
  const tools = view.locator('.analysis').first();
  await tools.getByRole('button', { name: 'Download CSV' }).waitFor();
  assert.deepEqual(await tools.evaluate((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent)), []);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  assert.equal(csv[0], 'document,title,position,left,keyword,right');
  assert.equal(csv.length, hits + 1);
  assert.ok(csv.slice(1).every((line) => /,sanction(s|ed)?,/i.test(line)), csv.slice(1, 4).join('\n'));
  const details = view.locator('details.syntax');
  assert.equal(await details.getAttribute('open'), null);
  await details.locator('summary').click();
  await details.getByText('~sanction').waitFor();
  await finish(session, 'analysis-kwic-export');
});
