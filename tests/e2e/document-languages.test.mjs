// End to end: each text's language, in headless Chromium. A French and a German text added
// through the Texts view get their language detected (by lang/'s wasm, loaded then and not
// in the first render), shown in the Texts list and the Summary, changeable, kept after a
// reload; `~word` finds their word forms in each text's own language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePageTests, watchConsole } from './support.mjs';

// www/ served and Chromium launched by the shared set-up (support.mjs).
const env = usePageTests();

const FRENCH = "Il était une fois une jeune fille qui chantait chaque matin dans le jardin de sa grand-mère. Elle chante encore aujourd'hui, et ses amis chanteront avec elle quand viendra l'été. Les oiseaux écoutaient ses chansons.";
const GERMAN = 'Es war einmal ein kleines Mädchen, das jeden Morgen ein Lied sang. Ihre Lieder waren schön, und mit ihren Liedern weckte sie das ganze Dorf. Die Mutter wohnte mit ihr in einem Häuschen am Rande des großen Waldes.';

/** A page of `context` at `hash`, with its console watched and the files it fetched. */
async function open(context, hash) {
  const page = await context.newPage();
  const problems = watchConsole(page);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${env.baseUrl}${hash}`);
  return { page, te: page.locator('text-explorer'), problems, fetched };
}

const keywords = (te) => te.locator('.kwic tbody td.kw').allInnerTexts();

async function search(page, te, query) {
  await page.goto(`${env.baseUrl}#view=kwic&q=${encodeURIComponent(query)}`);
  await te.locator('.kwic tbody tr').first().waitFor();
  return keywords(te);
}

test('French and German texts: detected, shown, changed, kept after a reload, and ~ in each one’s language', async () => {
  const context = await env.browser.newContext();
  // The first render of the articles (declared English) does not fetch the language wasm.
  let { page, te, problems, fetched } = await open(context, '#view=kwic&q=putin');
  await te.locator('.kwic tbody tr').first().waitFor();
  await page.waitForTimeout(300);
  assert.ok(!fetched.some((p) => p.includes('/pkg-lang/')), fetched.join('\n'));

  await page.goto(`${env.baseUrl}#view=texts`);
  for (const [title, text] of [['Conte', FRENCH], ['Märchen', GERMAN]]) {
    await te.locator('input[name=title]').fill(title);
    await te.locator('textarea[name=text]').fill(text);
    await te.getByRole('button', { name: 'Add text' }).click();
    await te.locator('.doc-list tr', { hasText: title }).waitFor();
  }
  assert.ok(fetched.some((p) => p.endsWith('/pkg-lang/text_explorer_lang_bg.wasm')), 'the language wasm was loaded');
  const language = (title) => te.locator('.doc-list tr', { hasText: title }).locator('.doc-language').innerText();
  assert.equal(await language('Conte'), 'French detected');
  assert.equal(await language('Märchen'), 'German detected');
  // An article: English, declared, with a stemmer (no note).
  const article = te.locator('.doc-list tbody tr').first();
  assert.equal(await article.locator('.doc-language').innerText(), 'English');
  // The button names the language, and opens a select of every language.
  await te.getByRole('button', { name: 'Language of Conte: French (change)' }).click();
  const select = te.getByRole('combobox', { name: 'Language of Conte' });
  assert.equal(await select.inputValue(), 'fr');
  assert.ok((await select.locator('option').count()) > 70);
  await select.press('Escape');
  await select.waitFor({ state: 'detached' });

  // ~ finds the word forms of each text in its own language.
  assert.deepEqual(await search(page, te, '~chantait'), ['chantait', 'chante', 'chanteront']);
  assert.deepEqual(await search(page, te, '~lied'), ['Lied', 'Lieder', 'Liedern']);

  // The Summary names each document's language.
  await page.goto(`${env.baseUrl}#view=summary`);
  await te.locator('.summary tbody tr').nth(3).waitFor();
  const languages = await te.locator('.summary tbody td.language').allInnerTexts();
  assert.deepEqual(languages, ['English', 'English', 'French', 'German']);

  // Changed by the user: Italian has its own stems, where `chantait` is only itself.
  await page.goto(`${env.baseUrl}#view=texts`);
  await te.getByRole('button', { name: 'Language of Conte: French (change)' }).click();
  await te.getByRole('combobox', { name: 'Language of Conte' }).selectOption('it');
  await te.getByRole('button', { name: 'Language of Conte: Italian (change)' }).waitFor();
  assert.equal(await language('Conte'), 'Italian');
  assert.deepEqual(await search(page, te, '~chantait'), ['chantait']);

  // Kept after a reload (a new page of the same profile), without detecting again: the
  // language wasm is not fetched.
  await page.close();
  ({ page, te, problems: problems, fetched } = await open(context, '#view=texts'));
  await te.locator('.doc-list tr', { hasText: 'Märchen' }).waitFor();
  const languageAfter = (title) => te.locator('.doc-list tr', { hasText: title }).locator('.doc-language').innerText();
  assert.equal(await languageAfter('Conte'), 'Italian');
  assert.equal(await languageAfter('Märchen'), 'German detected');
  assert.ok(!fetched.some((p) => p.includes('/pkg-lang/')), fetched.join('\n'));
  const stored = await page.evaluate(async () => {
    const { openStorage } = await import('./storage.js');
    return (await (await openStorage()).list()).map((r) => [r.title, r.language, r.languageDetected]);
  });
  assert.deepEqual(stored, [['Conte', 'it', false], ['Märchen', 'de', true]]);

  // Unknown: ~ finds the word itself, and the list says so.
  await te.getByRole('button', { name: 'Language of Märchen: German (change)' }).click();
  await te.getByRole('combobox', { name: 'Language of Märchen' }).selectOption('');
  await te.locator('.doc-list tr', { hasText: 'Märchen' }).locator('.language-note', { hasText: 'finds only the word itself' }).waitFor();
  assert.deepEqual(await search(page, te, '~lied'), ['Lied']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a widget\'s inline text takes its language from its lang attribute: no detection, elisions split', async () => {
  const context = await env.browser.newContext();
  const { page, problems, fetched } = await open(context, '#view=kwic&q=putin');
  await page.locator('text-explorer .kwic tbody tr').first().waitFor();
  const docs = await page.evaluate(async () => {
    const el = document.createElement('text-explorer');
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.title = 'Conte';
    script.lang = 'fr';
    script.textContent = "L’été, qu’il pleuve ou non, l'hiver viendra.";
    el.append(script);
    document.body.append(el);
    await el.ready;
    const added = await el.addDocument('Story', 'A short story in English, told twice.', { language: 'en' });
    return el.documents.map((d) => [d.title, d.language, d.languageDetected, d.tokens, d.id === added]);
  });
  // Ten words in French (L’ été qu’ il pleuve ou non l' hiver viendra), as stock ICU counts
  // them with the elisions split.
  assert.deepEqual(docs, [['Conte', 'fr', false, 10, false], ['Story', 'en', false, 7, true]]);
  assert.ok(!fetched.some((p) => p.includes('/pkg-lang/')), 'no detection, so no languages\' wasm');
  assert.deepEqual(problems, []);
  await context.close();
});
