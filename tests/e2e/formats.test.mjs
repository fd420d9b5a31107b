// End to end: DOCX, ODT, EPUB, RTF, PDF and ZIP files in the Texts view, in headless Chromium.
// The files are made by a real writer, not by our code: LibreOffice (Debian's
// libreoffice-writer-nogui, installed by scripts/setup --test) converts plain-text sources in
// the set-up, and the words of each added document must be the words of its source. The ZIP
// is built with Python's zipfile from those files, in nested folders. A scanned PDF is a
// hand-made one-page PDF that paints a picture and has no text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, serveWww, watchConsole } from './support.mjs';

/** The sources: each is converted to its format by LibreOffice. */
const SOURCES = {
  letter: { format: 'docx', text: 'Dear Margot,\n\nThe otters in the harbour hold hands while sleeping.\n\nYours\tsincerely, Émile' },
  minutes: { format: 'odt', text: 'Minutes of the meeting\n\nThe committee approved the lighthouse budget.\n\nNext meeting: Thursday, naïve café questions first.' },
  novel: { format: 'epub', text: 'Chapter One\n\nThe pelican counted seventeen herrings on the pier.\n\nThe gulls disagreed loudly.' },
  memo: { format: 'rtf', text: 'Memo\n\nThe puffins nest near the cliff; Zoë’s “notes” follow.' },
  report: { format: 'pdf', text: 'Annual report\n\nThe observatory recorded three comets and a meteor shower.\n\nFunding for the telescope continues next year.' },
};

const words = (text) => (text.toLowerCase().match(/\p{L}+/gu) ?? []);

/** The paragraphs of big.docx (12 words each: 1.2 million words, a 33 MB document.xml). */
const BIG_PARAGRAPHS = 100_000;

let server;
let base;
let browser;
let dir;
const file = (name, mimeType = 'application/octet-stream') => ({ name, mimeType, buffer: readFileSync(path.join(dir, name)) });

/** A valid one-page PDF whose page paints a grey picture and holds no text (a scan, for us). */
function scannedPdf() {
  const pixels = Buffer.alloc(16 * 16, 0x80).toString('hex');
  const stream = `q 200 0 0 200 100 500 cm BI /W 16 /H 16 /CS /G /BPC 8 /F /AHx ID ${pixels}> EI Q`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'formats-'));
  for (const [name, { text }] of Object.entries(SOURCES)) writeFileSync(path.join(dir, `${name}.txt`), text);
  for (const format of new Set(Object.values(SOURCES).map((s) => s.format))) {
    const sources = Object.entries(SOURCES).filter(([, s]) => s.format === format).map(([name]) => `${name}.txt`);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', format, ...sources], { cwd: dir, stdio: 'ignore', timeout: 120_000 });
  }
  writeFileSync(path.join(dir, 'scan.pdf'), scannedPdf());
  writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nThe walrus prefers clams.');
  writeFileSync(path.join(dir, 'broken.docx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
  writeFileSync(path.join(dir, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 0, 0, 0]));
  // A ZIP of the writer's files in nested folders, with a ZIP inside it, a picture and macOS litter.
  execFileSync('python3', ['-c', `
import zipfile, sys
d = sys.argv[1]
with zipfile.ZipFile(d + '/inner.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(d + '/minutes.odt', 'deep/minutes.odt')
with zipfile.ZipFile(d + '/corpus.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(d + '/letter.docx', 'letters/2024/letter.docx')
    z.write(d + '/report.pdf', 'papers/report.pdf')
    z.write(d + '/novel.epub', 'books/novel.epub')
    z.write(d + '/notes.md', 'notes.md')
    z.write(d + '/memo.rtf', 'letters/memo.rtf')
    z.write(d + '/picture.png', 'images/picture.png')
    z.write(d + '/inner.zip', 'more/inner.zip')
    z.writestr('__MACOSX/._notes.md', b'\\x00\\x05\\x16\\x07')
    z.writestr('letters/', b'')
open(d + '/truncated.zip', 'wb').write(open(d + '/corpus.zip', 'rb').read()[:300])
`, dir]);
  // A large DOCX, written here as Word writes one (the parts our reader reads, in the
  // WordprocessingML namespace): BIG_PARAGRAPHS paragraphs of 12 words, each in three runs.
  execFileSync('python3', ['-c', `
import zipfile, sys
d, n = sys.argv[1], int(sys.argv[2])
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
p = ('<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Paragraph</w:t></w:r>'
     '<w:r><w:t xml:space="preserve"> %d: the otters in the harbour </w:t></w:r><w:r><w:rPr><w:i/></w:rPr>'
     '<w:t>hold hands while they sleep.</w:t></w:r></w:p>')
body = ''.join(p % i for i in range(n))
with zipfile.ZipFile(d + '/big.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body))
    z.writestr('docProps/core.xml', '<cp:coreProperties xmlns:cp="urn:cp" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ada Lovelace</dc:creator></cp:coreProperties>')
`, dir, String(BIG_PARAGRAPHS)]);
  ({ server, url: base } = await serveWww());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(context) {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(`${base}#view=texts`);
  const te = page.locator('text-explorer');
  await te.locator('textarea[name=text]').waitFor();
  return { page, te, problems };
}

async function idle(te, clear = 'Clear my texts') {
  await te.locator('.progress').waitFor({ state: 'hidden' });
  await te.getByRole('button', { name: clear }).waitFor();
}

/** The stored texts by title. */
const storedTexts = (page) => page.evaluate(async () => {
  const { openStorage } = await import('./storage.js');
  return Object.fromEntries((await (await openStorage()).list()).map((r) => [r.title, r.text]));
});

test('DOCX, ODT, EPUB, RTF and PDF made by LibreOffice are added with their words; a scan, a damaged file and a picture get their messages', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await open(context);
  await te.locator('input[type=file]').setInputFiles([
    file('letter.docx'), file('broken.docx'), file('minutes.odt'), file('scan.pdf', 'application/pdf'),
    file('novel.epub'), file('memo.rtf'), file('report.pdf', 'application/pdf'), file('picture.png', 'image/png'), file('truncated.zip'),
  ]);
  await te.locator('.doc-list tr', { hasText: 'report' }).waitFor({ timeout: 30_000 });
  await idle(te);
  const texts = await storedTexts(page);
  for (const [name, { text }] of Object.entries(SOURCES)) assert.deepEqual(words(texts[name] ?? ''), words(text), name);
  assert.deepEqual(Object.keys(texts).filter((title) => title in SOURCES).sort(), Object.keys(SOURCES).sort());
  const rows = await te.locator('.doc-list tbody tr').allInnerTexts();
  assert.match(rows.find((r) => r.startsWith('letter')), /DOCX/);
  assert.match(rows.find((r) => r.startsWith('report')), /PDF/);
  assert.match(rows.find((r) => r.startsWith('memo')), /RTF/);
  const messages = await te.locator('.messages').innerText();
  assert.match(messages, /“scan\.pdf”: this PDF has no text layer \(a scan\?\)/);
  assert.match(messages, /“broken\.docx” could not be read as a DOCX file/);
  assert.match(messages, /“truncated\.zip” could not be read as a ZIP file/);
  assert.match(messages, /“picture\.png” is not a text file/);
  await page.screenshot({ path: '/tmp/formats-files.png', fullPage: true });
  // The engine has their words: the otters of the letter, the comets of the PDF.
  await page.evaluate(() => { location.hash = '#view=kwic&q=otters|comets|herrings|lighthouse|puffins'; });
  await te.locator('.kwic tbody tr').nth(4).waitFor();
  assert.equal(await te.locator('.kwic tbody tr').count(), 5);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Drop the file `name` (of the set-up's folder) on a fresh page; resolves when the document
 * `last` is listed and the page is idle, with the page's long tasks from the drop on and the
 * seconds it took.
 */
async function dropFile(name, last, type = '') {
  const context = await browser.newContext();
  const { page, te, problems } = await open(context);
  // The bytes are handed to the page first: Playwright's copy of them is a task of its own.
  await page.evaluate((bytes) => { window.dropped = new Uint8Array(bytes); }, [...readFileSync(path.join(dir, name))]);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await te.locator('.drop').evaluate((zone, [file, kind]) => {
    const data = new DataTransfer();
    data.items.add(new File([window.dropped], file, { type: kind }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, type]);
  await te.locator('.doc-list tr', { hasText: last }).waitFor({ timeout: 120_000 });
  await idle(te);
  const seconds = (Date.now() - started) / 1000;
  const longTasks = await page.evaluate(() => window.longTasks);
  return { context, page, te, problems, longTasks, seconds };
}

// Long tasks are wall-clock times: on a machine busy with other work, the page's thread can be
// descheduled in the middle of a short task (as in texts-scale.test.mjs). So the drop runs up
// to three times, and the assertion holds for the best run: a task of ours over 50 ms fails
// every run.
test('a ZIP of files in nested folders, with a ZIP inside, becomes one document per file named by its path', async (t) => {
  let run;
  const seen = [];
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    if (run) await run.context.close();
    run = await dropFile('corpus.zip', 'more/inner/deep/minutes', 'application/zip');
    seen.push(run.longTasks);
    if (run.longTasks.length === 0) break;
  }
  t.diagnostic(`long tasks of each run (ms): ${JSON.stringify(seen)}`);
  const { context, page, te, problems } = run;
  // The page's thread never blocks over 50 ms while it unzips, parses the XML and waits on pdf.js.
  assert.deepEqual(run.longTasks, []);
  const texts = await storedTexts(page);
  const expected = {
    'letters/2024/letter': SOURCES.letter.text,
    'papers/report': SOURCES.report.text,
    'books/novel': SOURCES.novel.text,
    'more/inner/deep/minutes': SOURCES.minutes.text,
    'letters/memo': SOURCES.memo.text,
    notes: '# Notes\n\nThe walrus prefers clams.',
  };
  for (const [title, text] of Object.entries(expected)) assert.deepEqual(words(texts[title] ?? ''), words(text), title);
  const mine = Object.keys(texts).filter((title) => title in expected || /picture|MACOSX|letters\/$/.test(title));
  assert.deepEqual(mine.sort(), Object.keys(expected).sort());
  const messages = await te.locator('.messages').innerText();
  assert.match(messages, /“corpus\.zip\/images\/picture\.png” is not a text file/);
  assert.doesNotMatch(messages, /MACOSX/);
  await page.screenshot({ path: '/tmp/formats-zip.png', fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a text file loads neither the readers of the other formats nor their libraries', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await open(context);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await te.locator('input[type=file]').setInputFiles([file('notes.md', 'text/markdown')]);
  await te.locator('.doc-list tr', { hasText: 'notes' }).waitFor();
  await idle(te);
  assert.deepEqual(fetched.filter((p) => /\/(vendor|import\/formats)\//.test(p)), []);
  // A PDF brings pdf.js and its worker, and fflate is still not needed.
  await te.locator('input[type=file]').setInputFiles([file('report.pdf', 'application/pdf')]);
  await te.locator('.doc-list tr', { hasText: 'report' }).waitFor({ timeout: 30_000 });
  const loaded = fetched.filter((p) => /\/(vendor|import\/formats)\//.test(p)).sort();
  assert.deepEqual(loaded, ['/import/formats/index.js', '/import/formats/rtf.js', '/vendor/pdf.js', '/vendor/pdf.worker.js']);
  assert.deepEqual(problems, []);
  await context.close();
});

// The large DOCX's XML (33 MB) is read in the formats' worker, not by the page's DOMParser
// (which blocked the page for one task of about a second), and its text reaches the engine's
// worker as bytes: the page's thread never blocks over 50 ms. As the ZIP test, up to three
// runs, the assertion on the best.
test('a large DOCX (1.2 million words) is read and added with no task over 50 ms on the page', async (t) => {
  const seen = [];
  let run = null;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await run?.context.close();
    run = await dropFile('big.docx', 'big');
    seen.push({ seconds: run.seconds, longTasks: run.longTasks });
    if (run.longTasks.length === 0) break;
  }
  t.diagnostic(`added in (s) and long tasks (ms) of each run: ${JSON.stringify(seen)}`);
  const { context, page, te, problems } = run;
  assert.deepEqual(run.longTasks, []);
  // Every paragraph's words, with the DOCX's label and its author.
  const row = await te.locator('.doc-list tbody tr', { hasText: 'big' }).innerText();
  assert.match(row, /DOCX/);
  assert.match(row, /Ada Lovelace/);
  await page.evaluate(() => { location.hash = '#view=kwic&q=otters'; });
  await te.getByText(/100,000 hits|100,000 lines/).first().waitFor({ timeout: 30_000 });
  const stored = await page.evaluate(async () => {
    const { openStorage } = await import('./storage.js');
    const record = (await (await openStorage()).list()).find((r) => r.title === 'big');
    const lines = record.text.split('\n');
    return { lines: lines.length, first: lines.slice(0, 2), last: lines.at(-1), author: record.metadata?.author };
  });
  assert.equal(stored.author, 'Ada Lovelace');
  assert.equal(stored.lines, BIG_PARAGRAPHS);
  const line = (i) => `Paragraph ${i}: the otters in the harbour hold hands while they sleep.`;
  assert.deepEqual(stored.first, [line(0), line(1)]);
  assert.equal(stored.last, line(BIG_PARAGRAPHS - 1));
  assert.deepEqual(problems, []);
  await context.close();
});

// The formats' worker has no strings: its messages come back as keys and arguments and are
// said on the page, in the page's language (here Japanese, from the browser's locale).
test('the formats worker\'s messages are said in the page\'s language (Japanese)', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const { page, te, problems } = await open(context);
  await te.locator('input[type=file]').setInputFiles([file('letter.docx'), file('broken.docx'), file('scan.pdf', 'application/pdf')]);
  await te.locator('.doc-list tr', { hasText: 'letter' }).waitFor({ timeout: 30_000 });
  await idle(te, '自分のテキストを消去');
  const messages = await te.locator('.messages').innerText();
  assert.match(messages, /「broken\.docx」を DOCX ファイルとして読み込めませんでした/);
  assert.match(messages, /「scan\.pdf」：この PDF にはテキストレイヤーがありません/);
  assert.match(await te.locator('.doc-list tbody tr', { hasText: 'letter' }).innerText(), /DOCX/);
  await page.screenshot({ path: '/tmp/formats-ja.png', fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

// Cancel while the formats' worker reads: nothing of the batch is added or kept.
test('Cancel while a large DOCX is read keeps nothing of it', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await open(context);
  await te.locator('input[type=file]').setInputFiles([file('big.docx'), file('letter.docx')]);
  await te.locator('.progress', { hasText: /Reading file 1 of 2/ }).waitFor();
  await te.locator('.progress').getByRole('button', { name: 'Cancel' }).click();
  await te.locator('.messages', { hasText: 'nothing from that batch was added' }).waitFor({ timeout: 60_000 });
  await te.locator('.progress').waitFor({ state: 'hidden' });
  assert.equal(await te.locator('.doc-list tbody tr', { hasText: /^(big|letter)/ }).count(), 0);
  const stored = await storedTexts(page);
  assert.deepEqual(Object.keys(stored).filter((title) => title === 'big' || title === 'letter'), []);
  assert.deepEqual(problems, []);
  await context.close();
});
