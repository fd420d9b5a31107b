// End to end: the corpus file (issue 12 §3). Texts are added in one browser profile and the
// corpus saved (a real download); a fresh profile opens the file from the Texts view's file
// picker and answers KWIC and Terms as the first did, and keeps the texts after a reload; a
// damaged, a foreign and a cut file each get their message and leave the corpus as it was.
// Screenshots (English and French) go to /tmp/shots-corpusfile/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, serveWww, watchConsole } from './support.mjs';

const SHOTS = '/tmp/shots-corpusfile';
let server;
let base;
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ server, url: base } = await serveWww());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(context, hash = '#view=texts') {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(`${base}${hash}`);
  const te = page.locator('text-explorer');
  await te.locator('textarea[name=text]').waitFor();
  return { page, te, problems };
}

const rowTitles = (te) => te.locator('.doc-list tbody td.doc-title').allInnerTexts();

async function idle(te) {
  await te.locator('.progress').waitFor({ state: 'hidden' });
}

async function paste(te, title, text) {
  await te.locator('input[name=title]').fill(title);
  await te.locator('textarea[name=text]').fill(text);
  await te.getByRole('button', { name: 'Add text' }).click();
  await te.locator('.doc-list tr', { hasText: title }).waitFor();
  await idle(te);
}

/** What KWIC and Terms show for `query`, as text. */
async function answers(page, te, query) {
  await page.goto(`${base}#view=kwic&q=${encodeURIComponent(query)}`);
  await te.locator('.kwic tbody tr').first().waitFor();
  const kwic = await te.locator('.kwic tbody').innerText();
  await page.goto(`${base}#view=terms`);
  // The rows are drawn 20 a frame: whole once the list is no longer busy.
  await te.locator('.terms .scroll:not([aria-busy]) tbody tr').first().waitFor();
  const terms = await te.locator('.terms tbody').innerText();
  return { kwic, terms };
}

const TEXTS = [
  ['Zürich notes', 'The zyzzyva beetle sat in Zürich.\n\nA café, naïve and l’été: the zyzzyva again! 日本 🦀'],
  ['Second', 'Another zyzzyva, and the end of the second text.'],
];

test('a saved corpus opens in a fresh profile with the same answers, and bad files change nothing', async () => {
  // --- profile A: add texts, save the corpus ---------------------------------------------------
  const a = await browser.newContext({ acceptDownloads: true });
  let { page, te, problems } = await open(a);
  for (const [title, text] of TEXTS) await paste(te, title, text);
  const titles = await rowTitles(te);
  const [download] = await Promise.all([page.waitForEvent('download'), te.getByRole('button', { name: 'Save corpus' }).click()]);
  const name = download.suggestedFilename();
  assert.match(name, /^corpus-\d{4}-\d\d-\d\d\.textexplorer$/);
  const file = path.join(SHOTS, name);
  await download.saveAs(file);
  await te.locator('.messages', { hasText: `Saved the corpus as “${name}”` }).waitFor();
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x54, 0x58, 0x43, 0x0d, 0x0a, 0x1a, 0x0a]);
  await page.screenshot({ path: path.join(SHOTS, 'saved-en.png') });
  const before = await answers(page, te, 'zyzzyva');
  assert.match(before.kwic, /zyzzyva/);
  assert.deepEqual(problems, []);
  await a.close();

  // --- profile B (a new, empty profile): open the file ------------------------------------------
  const b = await browser.newContext();
  ({ page, te, problems } = await open(b));
  // Long tasks from here on: opening must not freeze the page.
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  await te.locator('input[type=file]').setInputFiles(file);
  await te.locator('.messages', { hasText: `Opened “${name}”` }).waitFor();
  await idle(te);
  assert.deepEqual(await rowTitles(te), titles);
  const longTasks = await page.evaluate(() => window.__longTasks);
  assert.ok(longTasks.every((ms) => ms <= 50), `long tasks while opening: ${longTasks}`);
  await page.screenshot({ path: path.join(SHOTS, 'opened-en.png') });
  assert.deepEqual(await answers(page, te, 'zyzzyva'), before);
  // Kept in this browser exactly as given: a reload finds the texts again.
  await page.goto(`${base}#view=texts`);
  await te.locator('.doc-list tr', { hasText: 'Second' }).waitFor();
  await idle(te);
  const stored = await page.evaluate(async () => {
    const { openStorage } = await import('./storage.js');
    return (await (await openStorage()).list()).map((r) => [r.title, r.text]);
  });
  assert.deepEqual(stored, TEXTS);
  assert.deepEqual(await answers(page, te, 'zyzzyva'), before);

  // --- bad files: each refused with its message, the corpus untouched ----------------------------
  await page.goto(`${base}#view=texts`);
  await te.locator('.doc-list tr', { hasText: 'Second' }).waitFor();
  await idle(te);
  const damaged = Buffer.from(bytes);
  damaged[Math.floor(damaged.length / 2)] ^= 0x20;
  const cut = bytes.subarray(0, bytes.length - 10);
  const bad = [
    ['damaged.textexplorer', damaged, 'the corpus file is damaged: its contents do not match its checksum'],
    ['notes.textexplorer', Buffer.from('Just some notes, not a corpus.\n'), 'this is not a Text Explorer corpus file'],
    ['cut.textexplorer', cut, `the corpus file is incomplete: it has ${cut.length} of its ${bytes.length} bytes`],
  ];
  // The user has texts now: opening asks first (accepted here).
  const asked = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    dialog.accept();
  });
  for (const [badName, content, why] of bad) {
    const badFile = path.join(SHOTS, badName);
    writeFileSync(badFile, content);
    await te.locator('input[type=file]').setInputFiles(badFile);
    await te.locator('.messages', { hasText: `“${badName}” was not opened, and the corpus is as it was: ${why}` }).waitFor();
    await idle(te);
    assert.deepEqual(await rowTitles(te), titles);
  }
  assert.equal(asked.length, bad.length);
  assert.match(asked[0], /Open “damaged\.textexplorer” in place of the corpus\? Your 2 texts will be replaced/);
  await page.screenshot({ path: path.join(SHOTS, 'refused-en.png') });
  assert.deepEqual(await answers(page, te, 'zyzzyva'), before);
  const kept = await page.evaluate(async () => {
    const { openStorage } = await import('./storage.js');
    return (await (await openStorage()).list()).map((r) => [r.title, r.text]);
  });
  assert.deepEqual(kept, TEXTS);
  assert.deepEqual(problems, []);
  await b.close();

  // --- in French: the same file opens, and a bad one is refused in French's words -----------------
  const fr = await browser.newContext({ locale: 'fr-FR' });
  page = await fr.newPage();
  problems = watchConsole(page);
  await page.goto(`${base}#view=texts`);
  te = page.locator('text-explorer');
  await te.locator('textarea[name=text]').waitFor();
  await te.getByRole('button', { name: 'Enregistrer le corpus' }).waitFor();
  await te.locator('input[type=file]').setInputFiles(file);
  await te.locator('.messages', { hasText: `« ${name} » ouvert` }).waitFor();
  await idle(te);
  page.on('dialog', (dialog) => dialog.accept());
  await te.locator('input[type=file]').setInputFiles(path.join(SHOTS, 'damaged.textexplorer'));
  await te.locator('.messages', { hasText: '« damaged.textexplorer » n’a pas été ouvert' }).waitFor();
  await idle(te);
  await page.screenshot({ path: path.join(SHOTS, 'refused-fr.png') });
  assert.deepEqual(await rowTitles(te), titles);
  assert.deepEqual(problems, []);
  await fr.close();
});
