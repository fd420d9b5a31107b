// End to end: permalinks (issue 12 §4) in headless Chromium. A corpus of two texts is added,
// the Cite dialog gives its link, and the link reopens the same view (the same KWIC lines) in
// a new browser context (a fresh profile): the corpus travels inside the link and its hash is
// checked. A tampered link is refused with a message. A corpus too large for the link asks,
// in a fresh profile, for its texts: the wrong ones are a different corpus, the right ones
// open the view. A link whose corpus is already in the browser opens at once; stored texts
// are not replaced without asking. Screenshots of the Cite dialog in English and Arabic go to
// /tmp/shots-permalink/. Each scenario ends with an empty console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launch, serveWww, until, watchConsole } from './support.mjs';

const SHOTS = '/tmp/shots-permalink';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations (WCAG 2.x A/AA and best practices) on the page, as in axe.test.mjs. */
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const result = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' >> ')).join('; ')}`);
  });
}
const TIMEOUT = 30_000;
let server;
let base;
let browser;

before(async () => {
  ({ server, url: base } = await serveWww());
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const WHALE = 'Call me Ishmael. The whale was white.\nA whale! Whales everywhere, and the whale swam.';
const AHAB = 'Ahab hunted the whale. Ahab was the captain, and the whale knew it.';

async function open(context, hash) {
  const page = await context.newPage();
  const problems = watchConsole(page);
  // No long main-thread task (over 50 ms) while a link is made (cite() resets the list).
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(Math.round(e.duration)); })
      .observe({ type: 'longtask', buffered: true });
    // What the opening of a permalink came to (the element's text-explorer-link event).
    document.addEventListener('text-explorer-link', (e) => { window.__link = e.detail.result; });
  });
  await page.goto(`${base}${hash}`);
  return { page, te: page.locator('text-explorer'), problems };
}

async function addText(te, title, text) {
  await te.locator('input[name=title]').fill(title);
  await te.locator('textarea[name=text]').fill(text);
  await te.getByRole('button', { name: 'Add text' }).click();
  await te.locator('.doc-list tr', { hasText: title }).waitFor({ timeout: TIMEOUT });
  await te.locator('.progress').waitFor({ state: 'hidden', timeout: TIMEOUT });
}

const kwicLines = async (te) => {
  await te.locator('.kwic tbody tr').first().waitFor({ timeout: TIMEOUT });
  return te.locator('.kwic tbody tr').allInnerTexts();
};

/** The Cite dialog's link and citation, once computed. */
async function cite(te) {
  // Long tasks are counted from here: making the link (the page's start is not this test's).
  await te.page().evaluate(() => { window.__long = []; });
  await te.getByRole('button', { name: 'Cite', exact: true }).click();
  const dialog = te.locator('dialog.cite-dialog');
  await dialog.waitFor();
  await until(async () => (await dialog.locator('textarea').first().inputValue()).includes('corpus='), 'the link', TIMEOUT);
  const [link, line] = await Promise.all((await dialog.locator('textarea').all()).map((x) => x.inputValue()));
  return { dialog, link, line, note: await dialog.locator('.cite-note[role=status]').innerText() };
}

test('a Cite link of a small corpus reopens the same view in a fresh profile, and a tampered one is refused', async () => {
  const first = await browser.newContext();
  const { page, te, problems } = await open(first, '#view=texts');
  await te.locator('textarea[name=text]').waitFor({ timeout: TIMEOUT });
  // Two texts of the user's own; the articles hidden, so the corpus is these two.
  await te.getByRole('button', { name: 'Hide the embedded articles' }).click();
  await te.getByRole('button', { name: 'Show the embedded articles' }).waitFor();
  await addText(te, 'Moby', WHALE);
  await addText(te, 'Ahab', AHAB);
  await page.goto(`${base}#view=kwic&q=whale&sort=1R&doc=1&window=3`);
  const lines = await kwicLines(te);
  assert.equal(lines.length, 2);
  const { dialog, link, line, note } = await cite(te);
  assert.deepEqual(await page.evaluate(() => window.__long.filter((d) => d > 50)), [], 'long tasks while the link was made');
  assert.match(link, /#view=kwic&q=whale&doc=1&sort=1R&window=3&corpus=sha256-[0-9a-f]{64}&data=[A-Za-z0-9_-]+$/);
  const hash = link.match(/corpus=(sha256-[0-9a-f]{64})/)[1];
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(line, `Ahab. Text Explorer 0.1.0, corpus ${hash}. ${link} (accessed ${today}).`);
  assert.match(note, /travels inside the link/);
  await page.screenshot({ path: path.join(SHOTS, 'cite-en.png') });
  assert.deepEqual(await axe(page), [], 'axe in the Cite dialog');
  // Keyboard: Tab reaches the Copy buttons and Close; Escape closes.
  await dialog.getByRole('button', { name: 'Copy the link' }).focus();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);

  // A fresh profile: the corpus comes out of the link, checked, and the view is the same.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherProblems = watchConsole(other);
  await other.goto(link);
  const ote = other.locator('text-explorer');
  await ote.locator('[role=status]', { hasText: 'The link’s corpus is open' }).waitFor({ timeout: TIMEOUT });
  assert.deepEqual(await kwicLines(ote), lines);
  assert.equal(await ote.locator('select[part=doc-select]').inputValue(), '1');
  assert.match(await ote.locator('select[part=doc-select]').innerText(), /1\. Moby\s+2\. Ahab/);
  // Kept in the new profile: a reload without the link finds the same corpus, and its own
  // Cite gives the same hash.
  await other.goto(`${base}#view=kwic&q=whale&doc=1`);
  assert.deepEqual((await kwicLines(ote)).length, 2);
  const again = await cite(ote);
  assert.match(again.link, new RegExp(`corpus=${hash}&`));
  await other.keyboard.press('Escape');
  assert.deepEqual(otherProblems, []);

  // Tampered data (one text changed, recompressed by the page's own functions): refused.
  const tampered = await other.evaluate(async (url) => {
    const m = await import('./permalink.js');
    const u = new URL(url);
    const p = new URLSearchParams(u.hash.slice(1));
    const docs = m.parseCorpus(await m.inflate(m.fromBase64url(p.get('data'))));
    docs[0].text = docs[0].text.replace('white', 'black');
    p.set('data', m.toBase64url(await m.deflate(m.serializeCorpus(docs))));
    u.hash = p.toString();
    return u.href;
  }, link);
  const third = await browser.newContext();
  const bad = await third.newPage();
  const badProblems = watchConsole(bad);
  await bad.goto(tampered);
  const bte = bad.locator('text-explorer');
  const message = bte.locator('[role=status].error');
  await message.waitFor({ timeout: TIMEOUT });
  assert.match(await message.innerText(), new RegExp(`does not match the hash it names \\(${hash}; its contents give sha256-[0-9a-f]{64}\\)`));
  // Not opened: the articles only, nothing stored.
  assert.doesNotMatch(await bte.locator('select[part=doc-select]').innerText(), /Moby/);
  assert.equal(await bad.evaluate(async () => (await (await import('./storage.js')).openStorage()).list().then((l) => l.length)), 0);
  // Cut data: refused too.
  await bad.goto(`${link.slice(0, -20)}`);
  await bad.reload();
  await bte.locator('[role=status].error').waitFor({ timeout: TIMEOUT });
  assert.match(await bte.locator('[role=status].error').innerText(), /cannot be read|does not match/);
  // A hand-made link whose hash matches but whose metadata the engine refuses (a date that is
  // not ISO 8601): a message, and nothing is stored or changed.
  const handmade = await bad.evaluate(async (url) => {
    const m = await import('./permalink.js');
    const c = await m.linkCorpus([{ title: 'Odd', text: 'A whale.', metadata: { date: 'June 2024' } }]);
    return m.permalink(url, '#view=kwic&q=whale', c.hash, c.data);
  }, base);
  await bad.goto(handmade);
  await bad.reload();
  await until(async () => /June 2024/.test(await bte.locator('[role=status].error').innerText().catch(() => '')), 'the refused metadata', TIMEOUT);
  assert.equal(await bad.evaluate(async () => (await (await import('./storage.js')).openStorage()).list().then((l) => l.length)), 0);
  assert.doesNotMatch(await bte.locator('select[part=doc-select]').innerText(), /Odd/);
  assert.deepEqual(badProblems, []);
  await Promise.all([first.close(), fresh.close(), third.close()]);
});

// Words that compress badly (a seeded pseudo-random draw from a large made-up vocabulary),
// so that two texts of about 60 KB are well over 32 KiB compressed.
function noisyText(seed, words) {
  let x = seed;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x;
  };
  const out = [];
  for (let i = 0; i < words; i += 1) {
    const len = 3 + ((next() >>> 16) % 7);
    let w = '';
    for (let k = 0; k < len; k += 1) w += String.fromCharCode(97 + ((next() >>> 16) % 26));
    out.push(i % 97 === 0 ? 'whale' : w);
  }
  return out.join(' ');
}

test('a large corpus: the link names it by hash; a fresh profile asks for its texts, refuses others, opens the right ones', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'permalink-'));
  const files = ['north.txt', 'south.txt'].map((name, i) => {
    const file = path.join(dir, name);
    writeFileSync(file, noisyText(i + 1, 9000));
    return file;
  });
  const wrong = path.join(dir, 'north-edited.txt');
  writeFileSync(wrong, `${noisyText(1, 9000)} and one more word`);

  // The corpus: the built-in articles, then the two files (as the Texts view adds them).
  const first = await browser.newContext();
  const { page, te, problems } = await open(first, '#view=texts');
  await te.locator('textarea[name=text]').waitFor({ timeout: TIMEOUT });
  await te.locator('.texts input[type=file]').setInputFiles(files);
  await te.locator('.doc-list tr', { hasText: 'south' }).waitFor({ timeout: TIMEOUT });
  await te.locator('.progress').waitFor({ state: 'hidden', timeout: TIMEOUT });
  await page.goto(`${base}#view=kwic&q=whale&sort=1R&page=2`);
  const lines = await kwicLines(te);
  assert.ok(lines.length > 50, `${lines.length} lines on page 2`);
  const { link, note } = await cite(te);
  assert.match(note, /The corpus \([\d.,]+ KB\) is too large to travel inside the link \(over 32 KB compressed\)/);
  assert.match(link, /#view=kwic&q=whale&sort=1R&page=2&corpus=sha256-[0-9a-f]{64}$/);
  const hash = link.match(/corpus=(sha256-[0-9a-f]{64})/)[1];
  await page.keyboard.press('Escape');
  assert.deepEqual(await page.evaluate(() => window.__long.filter((d) => d > 50)), []);

  // The same browser: the corpus is here, so the link opens at once, with no dialog.
  await page.goto(`${base}#view=summary`);
  await page.goto(link);
  await page.reload();
  assert.equal(await until(() => page.evaluate(() => window.__link), 'the link opened', TIMEOUT), 'same');
  assert.deepEqual(await kwicLines(te), lines);
  assert.equal(await te.locator('dialog').count(), 0);
  assert.deepEqual(problems, []);

  // A fresh profile: asked for the texts.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherProblems = watchConsole(other);
  await other.goto(link);
  const ote = other.locator('text-explorer');
  const dialog = ote.locator('dialog.link-dialog');
  await dialog.waitFor({ timeout: TIMEOUT });
  assert.match(await dialog.innerText(), new RegExp(`names the corpus ${hash}, which is not in this browser`));
  await other.screenshot({ path: path.join(SHOTS, 'ask-en.png') });
  // The wrong texts: a different corpus, named by its hash; nothing is opened.
  await dialog.getByLabel('Open the texts').setInputFiles([wrong, files[1]]);
  const alert = dialog.locator('.link-note');
  await until(async () => /different corpus/.test(await alert.innerText()), 'the different-corpus message', TIMEOUT);
  const said = await alert.innerText();
  assert.match(said, /This is a different corpus \(hash sha256-[0-9a-f]{64}\)/);
  assert.doesNotMatch(said, new RegExp(hash));
  await other.screenshot({ path: path.join(SHOTS, 'different-en.png') });
  assert.deepEqual(await axe(other), [], 'axe in the dialog that asks for the texts');
  // The right ones: checked, opened, the same view.
  await dialog.getByLabel('Open the texts').setInputFiles(files);
  await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
  await ote.locator('[role=status]', { hasText: 'The link’s corpus is open' }).waitFor({ timeout: TIMEOUT });
  assert.deepEqual(await kwicLines(ote), lines);
  assert.deepEqual(otherProblems, []);
  await Promise.all([first.close(), fresh.close()]);
});

test('stored texts are not replaced without asking; the Cite dialog in Arabic', async () => {
  // A link of one text, made in a profile of its own.
  const maker = await browser.newContext();
  const { page, te } = await open(maker, '#view=texts');
  await te.locator('textarea[name=text]').waitFor({ timeout: TIMEOUT });
  await te.getByRole('button', { name: 'Hide the embedded articles' }).click();
  await te.getByRole('button', { name: 'Show the embedded articles' }).waitFor();
  await addText(te, 'Ahab', AHAB);
  await page.goto(`${base}#view=kwic&q=whale`);
  const lines = await kwicLines(te);
  const { link } = await cite(te);
  await maker.close();

  // A profile with a text of its own, in Arabic: asked first; Keep leaves it as it was.
  const mine = await browser.newContext({ locale: 'ar' });
  const { page: p, te: mte, problems } = await open(mine, '#view=texts');
  await mte.locator('textarea[name=text]').waitFor({ timeout: TIMEOUT });
  await mte.locator('input[name=title]').fill('Mine');
  await mte.locator('textarea[name=text]').fill('My own whale, kept.');
  await mte.locator('form.paste button[type=submit]').click();
  await mte.locator('.doc-list tr', { hasText: 'Mine' }).waitFor({ timeout: TIMEOUT });
  await mte.locator('.progress').waitFor({ state: 'hidden', timeout: TIMEOUT });
  await p.goto(link);
  await p.reload();
  const ask = mte.locator('dialog.link-dialog');
  await ask.waitFor({ timeout: TIMEOUT });
  assert.match(await ask.innerText(), /مدوّنة هذا الرابط/);
  await p.screenshot({ path: path.join(SHOTS, 'replace-ar.png') });
  // Focus starts on Keep, so Enter at once keeps the texts.
  assert.equal(await ask.locator('button:focus').innerText(), 'الإبقاء على نصوصي');
  await ask.getByRole('button', { name: 'الإبقاء على نصوصي' }).click();
  await mte.locator('[role=status].error').waitFor({ timeout: TIMEOUT });
  const stored = () => p.evaluate(async () => (await (await import('./storage.js')).openStorage()).list().then((l) => l.map((r) => r.title)));
  assert.deepEqual(await stored(), ['Mine']);
  // Replace: the link's corpus, stored in its place, the same lines.
  await p.reload();
  await ask.waitFor({ timeout: TIMEOUT });
  await ask.getByRole('button', { name: 'استبدال نصوصي' }).click();
  await mte.locator('[role=status]', { hasText: 'فُتحت مدوّنة الرابط' }).waitFor({ timeout: TIMEOUT });
  assert.deepEqual((await kwicLines(mte)).length, lines.length);
  assert.deepEqual(await stored(), ['Ahab']);
  // The Cite dialog in Arabic, mirrored, the link left to right.
  await mte.getByRole('button', { name: 'استشهاد', exact: true }).click();
  const dialog = mte.locator('dialog.cite-dialog');
  await until(async () => (await dialog.locator('textarea').first().inputValue()).includes('corpus='), 'the link', TIMEOUT);
  assert.equal(await dialog.locator('textarea').first().inputValue(), link);
  await p.screenshot({ path: path.join(SHOTS, 'cite-ar.png') });
  assert.deepEqual(await axe(p), [], 'axe in the Arabic Cite dialog');
  assert.deepEqual(problems, []);
  await mine.close();
});
