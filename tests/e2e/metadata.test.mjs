// End to end: documents' metadata and subcorpora, in headless Chromium. A ZIP (made with
// fflate here, in Node) of Markdown articles with YAML front matter, an HTML page with <meta>
// tags and a DOCX that LibreOffice writes shows their metadata in Texts; a field edited there
// survives a reload; Keyness compares two newspapers; KWIC reads `date 2024-06` only. The
// Arabic UI is mirrored with the metadata form open. Needs scripts/build and soffice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { launch, serveWww, watchConsole } from './support.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Three newspaper articles (the words of each newspaper apart: Keyness can tell them). */
const ARTICLES = {
  'mint/rally.md': `---
title: Rupee gains as markets rally
author: Priya Sharma
date: 2024-06-03
newspaper: Mint
---
Markets rallied as the rupee gained. Markets cheered the budget and the rupee.
`,
  'times/cricket.md': `---
title: Cricket fans cheer
author: Tom Hale
date: 2024-06-20
newspaper: Times
---
Cricket fans cheered the team. Cricket is back, and the fans cheered cricket again.
`,
  'mint/slide.md': `---
title: Markets slide on budget worries
date: 2024-07-02
newspaper: Mint
tags: [markets, budget]
---
Markets fell as the rupee slipped. The budget worries markets and the rupee.
`,
  'web/page.html': `<!doctype html><html><head><title>Monsoon arrives early</title>
<meta name="author" content="Asha Rao"><meta property="article:published_time" content="2024-06-11T07:00:00+05:30">
<meta property="og:site_name" content="The Hindu"><meta name="description" content="The monsoon reached Kerala."></head>
<body><article><p>The monsoon arrived early in Kerala this June.</p></article></body></html>`,
};

let server;
let base;
let browser;
let dir;
let zip;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'metadata-'));
  writeFileSync(path.join(dir, 'letter.txt'), 'Dear editor,\n\nThe harbour otters hold hands while sleeping.');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx', 'letter.txt'], { cwd: dir, stdio: 'ignore', timeout: 120_000 });
  // LibreOffice leaves the core properties blank: an author and a creation date are filled
  // in as Word writes them (Python's zipfile, the rest of LibreOffice's file as it was).
  execFileSync('python3', ['-c', `
import sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as w:
    for info in z.infolist():
        data = z.read(info.filename)
        if info.filename == 'docProps/core.xml':
            core = data.decode()
            assert '<dc:creator></dc:creator>' in core, core
            core = core.replace('<dc:creator></dc:creator>', '<dc:creator>Ed Itor</dc:creator>')
            core = core.replace('</cp:coreProperties>', '<dcterms:created xsi:type="dcterms:W3CDTF">2024-06-15T08:00:00Z</dcterms:created></cp:coreProperties>')
            data = core.encode()
        w.writestr(info, data)`, path.join(dir, 'letter.docx'), path.join(dir, 'letter-props.docx')]);
  const files = Object.fromEntries(Object.entries(ARTICLES).map(([name, text]) => [`news/${name}`, strToU8(text)]));
  files['news/letters/letter.docx'] = new Uint8Array(readFileSync(path.join(dir, 'letter-props.docx')));
  zip = Buffer.from(zipSync(files));
  ({ server, url: base } = await serveWww());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(context, hash = '#view=texts') {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = watchConsole(page);
  await page.goto(`${base}${hash}`);
  const te = page.locator('text-explorer');
  return { page, te, problems };
}

async function idle(te) {
  await te.locator('.progress').waitFor({ state: 'hidden' });
  // Clear my texts, enabled again (in any language).
  await te.locator('.texts .controls button:enabled').nth(1).waitFor();
}

/** A page with the ZIP dropped on the Texts view, its last document listed. */
async function withCorpus(context) {
  const s = await open(context);
  await s.te.locator('textarea[name=text]').waitFor();
  await s.te.locator('input[type=file]').setInputFiles([{ name: 'news.zip', mimeType: 'application/zip', buffer: zip }]);
  await s.te.locator('.doc-list tr', { hasText: 'letter' }).waitFor();
  await idle(s.te);
  // Idle means the whole drop is in: the DOCX (added in the engine's worker) and the
  // Markdown and HTML files (read on the page) are one batch, busy from first to last (in a
  // gap between the two parts, a test went on with half the corpus).
  for (const title of ['Rupee gains as markets rally', 'news/web/page', 'news/letters/letter']) {
    assert.equal(await s.te.locator('.doc-list tbody tr', { hasText: title }).count(), 1, title);
  }
  return s;
}

const row = (te, title) => te.locator('.doc-list tbody tr', { hasText: title });

test('a ZIP of Markdown with front matter, an HTML page and a DOCX shows the metadata in Texts', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await withCorpus(context);
  // The front matter's title is the document's; its other fields are the metadata.
  assert.match(await row(te, 'Rupee gains as markets rally').innerText(), /Priya Sharma · 2024-06-03 · newspaper: Mint/);
  assert.match(await row(te, 'Markets slide on budget worries').innerText(), /2024-07-02 · newspaper: Mint · tags: markets, budget/);
  // A file in a ZIP is named by its path; the page's <meta> tags are its metadata.
  assert.match(await row(te, 'news/web/page').innerText(), /Asha Rao · 2024-06-11 · description: The monsoon reached Kerala\. · site: The Hindu/);
  // The front matter is not in the text.
  const stored = await page.evaluate(async () => {
    const { openStorage } = await import('./storage.js');
    return (await (await openStorage()).list()).map((r) => ({ title: r.title, text: r.text, metadata: r.metadata ?? null }));
  });
  const rally = stored.find((r) => r.title === 'Rupee gains as markets rally');
  assert.equal(rally.text, 'Markets rallied as the rupee gained. Markets cheered the budget and the rupee.\n');
  assert.deepEqual(rally.metadata, { author: 'Priya Sharma', date: '2024-06-03', source: null, fields: [{ name: 'newspaper', value: 'Mint' }] });
  // The DOCX's core properties: its creator and the day it was created.
  assert.match(await row(te, 'news/letters/letter').innerText(), /Ed Itor · 2024-06-15/);
  await page.screenshot({ path: '/tmp/metadata-texts.png', fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a field edited in Texts is checked by the engine, stored, and still there after a reload', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await withCorpus(context);
  const edit = row(te, 'news/letters/letter').getByRole('button', { name: 'Metadata of “news/letters/letter”' });
  await edit.click();
  assert.equal(await edit.getAttribute('aria-expanded'), 'true');
  const form = te.getByRole('form', { name: 'Metadata of “news/letters/letter”' });
  await form.getByLabel('Author').fill('A. Reader');
  await form.getByLabel('Date', { exact: true }).fill('2024-6-25');
  await form.getByRole('button', { name: 'Add a field' }).click();
  await form.getByLabel('Field name', { exact: true }).fill('newspaper');
  await form.getByLabel('Value', { exact: true }).fill('Times');
  await form.getByRole('button', { name: 'Save' }).click();
  // Refused, said, and the form is still open with the date to fix, focused.
  await te.locator('.messages li.error', { hasText: 'The metadata of “news/letters/letter” was not saved' }).waitFor();
  assert.match(await te.locator('.messages').innerText(), /“2024-6-25” is not an ISO 8601 date/);
  assert.equal(await form.getByLabel('Date', { exact: true }).evaluate((el) => el.getRootNode().activeElement === el), true);
  // axe over the open form.
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await globalThis.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'],
  })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' >> ')).join(', ')}`));
  assert.deepEqual(violations, []);
  await page.screenshot({ path: '/tmp/metadata-form.png', fullPage: true });
  await form.getByLabel('Date', { exact: true }).fill('2024-06-25');
  await form.getByRole('button', { name: 'Save' }).click();
  await te.locator('.messages li', { hasText: 'Saved the metadata of “news/letters/letter”.' }).waitFor();
  await until(async () => /A\. Reader · 2024-06-25 · newspaper: Times/.test(await row(te, 'news/letters/letter').innerText()));
  // Focus is back on the row's Metadata button, not lost.
  assert.equal(await row(te, 'news/letters/letter').getByRole('button', { name: /^Metadata of/ }).evaluate((el) => el.getRootNode().activeElement === el), true);
  await page.reload();
  await idle(te);
  await row(te, 'news/letters/letter').waitFor();
  assert.match(await row(te, 'news/letters/letter').innerText(), /A\. Reader · 2024-06-25 · newspaper: Times/);
  // The engine has it too: the Times subcorpus now holds the letter.
  await page.evaluate(() => { location.hash = '#view=kwic&q=otters&scope=newspaper%20%3D%20Times'; });
  await te.locator('.kwic-view tbody tr').first().waitFor();
  assert.equal(await te.locator('.kwic-view tbody tr').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

async function until(fn, timeout = 10_000, what = () => '') {
  const deadline = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out${await what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('Keyness compares two newspapers, and KWIC reads only the documents of June 2024', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await withCorpus(context);
  await page.evaluate(() => { location.hash = '#view=keyness'; });
  const keyness = te.locator('.keyness');
  await keyness.locator('tbody tr').first().waitFor();
  await keyness.getByLabel('Target subcorpus').fill('newspaper = Mint');
  await keyness.getByLabel('Target subcorpus').press('Enter');
  await keyness.getByLabel('Reference subcorpus').fill('newspaper = Times');
  await keyness.getByLabel('Reference subcorpus').press('Enter');
  // Mint: 13 + 13 words; the Times: 14 (the HTML page, the letter and the articles are in neither).
  await keyness.locator('.status', { hasText: /26 .*14/ }).waitFor();
  // Thirty-odd words are too few for p < 0.05: every term, by G².
  await keyness.getByLabel('Significant only (p < 0.05)').uncheck();
  await keyness.locator('section tbody tr').first().waitFor();
  const over = await keyness.locator('section').first().locator('tbody tr > :first-child').allInnerTexts();
  assert.ok(over.slice(0, 3).some((term) => /markets|rupee/.test(term)), over.join(' '));
  const under = await keyness.locator('section').nth(1).locator('tbody tr > :first-child').allInnerTexts();
  assert.ok(under.slice(0, 3).some((term) => /cricket|fans/.test(term)), under.join(' '));
  await page.screenshot({ path: '/tmp/metadata-keyness.png', fullPage: true });

  // The widget's subcorpus box: KWIC of "the" in June 2024 only (the rally, the cricket, the monsoon).
  await page.evaluate(() => { location.hash = '#view=kwic&q=the'; });
  const lines = te.locator('.kwic-view tbody tr');
  await lines.first().waitFor();
  const all = await lines.count();
  const scope = te.getByLabel('Subcorpus', { exact: true });
  await scope.fill('date 2024-06');
  await scope.press('Enter');
  await until(async () => (await lines.count()) !== all);
  assert.match(await page.evaluate(() => location.hash), /scope=date\+2024-06/);
  const text = await te.locator('.kwic-view tbody').innerText();
  // "the" occurs 3 times in the rally, twice in the cricket, once in the monsoon page and
  // once in the letter (created 2024-06-15); not in the July slide.
  assert.equal(await lines.count(), 7, text);
  assert.doesNotMatch(text, /slipped|worries/);
  await page.screenshot({ path: '/tmp/metadata-kwic.png', fullPage: true });
  // A scope the engine cannot read says why.
  await scope.fill('date June');
  await scope.press('Enter');
  await te.locator('.kwic-view .status.error, .kwic-view [role="alert"]', { hasText: /not an ISO 8601 date/ }).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a view already shown answers again when only the subcorpus changes (Dispersion, Collocates, Phrases)', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await withCorpus(context);
  const scope = te.getByLabel('Subcorpus', { exact: true });
  for (const view of ['dispersion', 'collocates', 'phrases']) {
    await page.evaluate((v) => { location.hash = `#view=${v}&q=the`; }, view);
    const status = te.locator(`[role="tabpanel"]:not([hidden]) .status`).first();
    await until(async () => /\d/.test(await status.innerText()));
    const before = await status.innerText();
    await scope.fill('date 2024-06');
    await scope.press('Enter');
    // The view's own figures change with the scope, without a new query or a reload.
    await until(async () => (await status.innerText()) !== before && /\d/.test(await status.innerText()));
    await scope.fill('');
    await scope.press('Enter');
    await until(async () => (await status.innerText()) === before, 10_000,
      async () => ` (${view}: the status is “${await status.innerText()}”, was “${before}”)`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('Arabic: the metadata form and the subcorpus box, mirrored', async () => {
  const context = await browser.newContext({ locale: 'ar-EG' });
  const { page, te, problems } = await withCorpus(context);
  await row(te, 'news/letters/letter').getByRole('button', { name: /البيانات الوصفية/ }).click();
  await te.locator('form.meta-form').waitFor();
  assert.equal(await te.locator('.app').getAttribute('dir'), 'rtl');
  await page.screenshot({ path: '/tmp/metadata-ar.png', fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
