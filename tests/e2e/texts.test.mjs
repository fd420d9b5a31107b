// End to end: the user's own texts (the Texts view) in headless Chromium. Each scenario runs
// in a fresh browser context (its own IndexedDB) and ends by asserting the console is empty.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveWww, watchConsole } from './support.mjs';

let server;
let base;
let browser;

before(async () => {
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
  await te.getByRole('button', { name: 'Clear my texts' }).waitFor();
}

test('a pasted text is added, searchable, kept after a reload, renamed, removed and cleared', async () => {
  const context = await browser.newContext();
  let { page, te, problems } = await open(context);
  await te.locator('input[name=title]').fill('Field notes');
  await te.locator('textarea[name=text]').fill('The zyzzyva beetle sat on the zyzzyva leaf.\nA second line.');
  await te.getByRole('button', { name: 'Add text' }).click();
  await te.locator('.doc-list tr', { hasText: 'Field notes' }).waitFor();
  assert.deepEqual((await rowTitles(te)).slice(-1), ['Field notes']);
  assert.match(await te.locator('.messages').innerText(), /Added “Field notes”/);
  // The new document is in the document filter and in every view.
  assert.match(await te.locator('select[part=doc-select]').innerText(), /3\. Field notes/);
  await page.goto(`${base}#view=kwic&q=zyzzyva`);
  await te.locator('.kwic tbody tr').nth(1).waitFor();
  assert.equal(await te.locator('.kwic tbody tr').count(), 2);

  // Kept: a reload (a new page in the same profile) finds it again, exactly as given.
  await page.close();
  ({ page, te, problems: problems } = await open(context));
  await te.locator('.doc-list tr', { hasText: 'Field notes' }).waitFor();
  const text = await page.evaluate(async () => {
    const { openStorage } = await import('./storage.js');
    return (await (await openStorage()).list()).map((r) => r.text);
  });
  assert.deepEqual(text, ['The zyzzyva beetle sat on the zyzzyva leaf.\nA second line.']);

  // Rename, kept too.
  await te.getByRole('button', { name: 'Rename Field notes' }).click();
  await te.getByRole('textbox', { name: 'New title for Field notes' }).fill('Beetles');
  await te.getByRole('button', { name: 'Save', exact: true }).click();
  await te.locator('.doc-list tr', { hasText: 'Beetles' }).waitFor();
  await page.reload();
  await te.locator('.doc-list tr', { hasText: 'Beetles' }).waitFor();

  // Remove.
  await te.getByRole('button', { name: 'Remove Beetles' }).click();
  await te.locator('.doc-list tr', { hasText: 'Beetles' }).waitFor({ state: 'detached' });
  assert.equal((await rowTitles(te)).length, 2);

  // Clear my texts: two texts, then none, in the page and after a reload.
  for (const [title, body] of [['One', 'first text'], ['Two', 'second text']]) {
    await te.locator('input[name=title]').fill(title);
    await te.locator('textarea[name=text]').fill(body);
    await te.getByRole('button', { name: 'Add text' }).click();
    await te.locator('.doc-list tr', { hasText: title }).waitFor();
  }
  await idle(te);
  await te.getByRole('button', { name: 'Clear my texts' }).click();
  // The texts are removed one by one: wait for both rows to go before counting.
  for (const title of ['One', 'Two']) {
    await te.locator('.doc-list tr', { hasText: title }).waitFor({ state: 'detached' });
  }
  assert.equal((await rowTitles(te)).length, 2);
  await page.reload();
  await te.locator('.doc-list').waitFor();
  await page.waitForTimeout(300);
  assert.equal((await rowTitles(te)).length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

const FILES = [
  { name: 'utf8.txt', mimeType: 'text/plain', buffer: Buffer.from('Naïve café: the quokka smiled.', 'utf8') },
  { name: 'legacy.txt', mimeType: 'text/plain', buffer: Buffer.from('Le caf\xe9 \xe9tait plein; la cr\xe8me br\xfbl\xe9e co\xfbtait cher, d\xe9j\xe0 vu \x93quokka\x94 na\xefve.', 'latin1') },
  { name: 'wide.md', mimeType: 'text/markdown', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Héading\n\nThe quokka in UTF-16.', 'utf16le')]) },
  { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<!doctype html><title>A page</title><style>p{}</style><script>var hiddenword = 1;</script><p>Visible quokka <b>text</b></p><p>Second para</p>') },
  { name: 'picture.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
  { name: 'nothing.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
];

test('files: several at once, any encoding, HTML as visible text; binary and empty files refused by name', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await open(context);
  await te.locator('input[type=file]').setInputFiles(FILES);
  await te.locator('.doc-list tr', { hasText: 'A page' }).waitFor();
  await idle(te);
  const rows = await te.locator('.doc-list tbody tr').allInnerTexts();
  assert.equal(rows.length, 6, rows.join('\n'));
  const row = (title) => rows.find((r) => r.startsWith(title)) ?? '';
  assert.match(row('utf8'), /utf-8 \(valid UTF-8\)/);
  assert.match(row('legacy'), /windows-1252 \(detected\)/);
  assert.match(row('wide'), /utf-16le \(from its byte-order mark\)/);
  const messages = await te.locator('.messages').innerText();
  assert.match(messages, /“picture\.png” is not a text file/);
  assert.match(messages, /“nothing\.txt” is empty/);
  // Decoded exactly: the legacy text's accents and curly quotes, and the HTML's visible text.
  const texts = await page.evaluate(async () => {
    const { openStorage } = await import('./storage.js');
    return Object.fromEntries((await (await openStorage()).list()).map((r) => [r.title, r.text]));
  });
  assert.equal(texts.legacy, 'Le café était plein; la crème brûlée coûtait cher, déjà vu “quokka” naïve.');
  assert.equal(texts.wide, '# Héading\n\nThe quokka in UTF-16.');
  assert.equal(texts['A page'], 'Visible quokka text\n\nSecond para');
  // Every added text is searchable: four quokkas.
  await page.evaluate(() => { location.hash = '#view=kwic&q=quokka'; });
  await te.locator('.kwic tbody tr').nth(3).waitFor();
  assert.equal(await te.locator('.kwic tbody tr').count(), 4);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file dropped on the page is added', async () => {
  const context = await browser.newContext();
  const { te, problems } = await open(context);
  await te.locator('.drop').evaluate((zone) => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped words about a wombat.'], 'dropped.txt', { type: 'text/plain' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await te.locator('.doc-list tr', { hasText: 'dropped' }).waitFor();
  assert.match(await te.locator('.doc-list tr', { hasText: 'dropped' }).innerText(), /utf-8/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embedded articles can be hidden, stay hidden after a reload, and come back with one click', async () => {
  const context = await browser.newContext();
  const { page, te, problems } = await open(context);
  await te.getByRole('button', { name: 'Hide the embedded articles' }).click();
  await te.getByText('No documents').waitFor();
  await page.reload();
  await te.getByRole('button', { name: 'Show the embedded articles' }).waitFor();
  assert.equal(await te.locator('.doc-list').count(), 0);
  await te.getByRole('button', { name: 'Show the embedded articles' }).click();
  await te.locator('.doc-list tr', { hasText: 'Putin flies' }).waitFor();
  assert.equal((await rowTitles(te)).length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a URL the server does not allow to be read gets a message that says so', async () => {
  const context = await browser.newContext();
  const { te, problems } = await open(context);
  // Nothing listens there: the fetch fails as a cross-origin refusal does.
  await te.locator('input[name=url]').fill('http://127.0.0.1:9/corpus.txt');
  await te.getByRole('button', { name: 'Load from URL' }).click();
  await te.getByText(/does not allow other sites to read it .*Download the file and drop it here/).waitFor();
  // The page's own server allows it (same origin): a URL that works.
  await te.locator('input[name=url]').fill(`${base}index.html`);
  await te.getByRole('button', { name: 'Load from URL' }).click();
  await te.locator('.doc-list tr', { hasText: 'Text Explorer' }).waitFor();
  assert.deepEqual(problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(p)), []);
  await context.close();
});

test('without storage (a private window) or with storage full, texts still work for the session, with a message', async () => {
  for (const [setup, expected] of [
    // IndexedDB refused outright, as some private windows do.
    [() => { IDBFactory.prototype.open = function open() { throw new DOMException('denied', 'InvalidStateError'); }; },
      /does not let the page keep texts .*work until the page is reloaded/],
    // Storage full: every write fails with QuotaExceededError.
    [() => { IDBObjectStore.prototype.add = function add() { throw new DOMException('full', 'QuotaExceededError'); }; },
      /storage for the page is full/],
  ]) {
    const context = await browser.newContext();
    await context.addInitScript(setup);
    const { page, te, problems } = await open(context);
    await te.locator('input[name=title]').fill('Session only');
    await te.locator('textarea[name=text]').fill('An unsaved text about a numbat.');
    await te.getByRole('button', { name: 'Add text' }).click();
    await te.locator('.doc-list tr', { hasText: 'Session only' }).waitFor();
    assert.match(await te.locator('.messages').innerText(), expected);
    await page.evaluate(() => { location.hash = '#view=kwic&q=numbat'; });
    await te.locator('.kwic tbody tr').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  }
});
