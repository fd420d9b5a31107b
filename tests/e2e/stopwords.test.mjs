// End to end: stop words in headless Chromium. The editor (add a word, load a list file,
// reset), the edits kept in the link and in IndexedDB across a reload, and the lists of other
// languages fetched only when a document of that language first needs one. Each scenario
// runs in a fresh browser context and ends by asserting the console is empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePageTests, watchConsole } from './support.mjs';

// www/ served and Chromium launched by the shared set-up (support.mjs).
const env = usePageTests();

/** The page on `hash`, with its console watched and every URL it fetched. */
async function open(context, hash) {
  const page = await context.newPage();
  const problems = watchConsole(page);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${env.baseUrl}${hash}`);
  const te = page.locator('text-explorer');
  return { page, te, problems, fetched };
}

/** The terms the Terms view lists, once it lists some. */
async function terms(te) {
  await te.locator('.terms tbody tr').first().waitFor();
  await te.locator('.terms .scroll[aria-busy]').waitFor({ state: 'detached' });
  return te.locator('.terms tbody .term-btn').allInnerTexts();
}

/** The Terms view's terms once `ok(terms)` holds (the views redraw after a change of list). */
async function termsUntil(te, ok, what) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const shown = await terms(te).catch(() => []);
    if (ok(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`${what}: the terms are ${shown.slice(0, 8).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function editor(te) {
  await te.getByRole('button', { name: 'Stop words…' }).click();
  const dialog = te.locator('dialog.stop-editor');
  await dialog.locator('textarea').waitFor();
  return dialog;
}

test('a word added as a stop word leaves Terms, stays after a reload, and Reset brings it back', async () => {
  const context = await env.browser.newContext();
  let { page, te, problems } = await open(context, '#view=terms');
  let shown;
  assert.ok((await terms(te)).includes('north'), 'north is a top term of the articles');

  let dialog = await editor(te);
  // The English list shown is NLTK's 179 words (the default).
  const listed = async () => (await dialog.locator('textarea').inputValue()).split('\n').filter(Boolean);
  await dialog.getByText(/^179 words$/).waitFor();
  assert.equal((await listed()).length, 179);
  await dialog.getByLabel('Word', { exact: true }).fill('North');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await dialog.getByText('Added: North.').waitFor();
  assert.match(await dialog.locator('textarea').inputValue(), /^north$/m);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await te.locator('dialog.stop-editor').waitFor({ state: 'detached' });
  shown = await termsUntil(te, (t) => !t.includes('north'), 'north is a stop word now');
  assert.ok(shown.includes('korea'));
  // Named in the link.
  assert.match(page.url(), /[#&]stop=en\.north(&|$)/);

  // Kept in IndexedDB: the same page without the link's `stop` finds the list again.
  await page.close();
  ({ page, te, problems } = await open(context, '#view=terms'));
  await page.waitForURL(/stop=en\.north/);
  await termsUntil(te, (t) => t.length && !t.includes('north'), 'north stays a stop word after a reload');

  // A list file (one word a line, # comments) replaces the list: korea out, north back.
  dialog = await editor(te);
  const nltk = (await dialog.locator('textarea').inputValue()).split('\n').filter((w) => w !== 'north');
  const file = ['# my list', ...nltk, 'korea   # the country'].join('\n');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'mine.txt', mimeType: 'text/plain', buffer: Buffer.from(file) });
  await dialog.getByText('Loaded mine.txt.').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await termsUntil(te, (t) => t.includes('north') && !t.includes('korea'), 'after the file');
  assert.match(page.url(), /stop=en\.korea-?(&|$)/);

  // Reset: one click, every list back to its default, in the page and after a reload.
  dialog = await editor(te);
  await dialog.getByRole('button', { name: 'Reset every list' }).click();
  await dialog.getByText('Every list is back to its default.').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await termsUntil(te, (t) => t.includes('north') && t.includes('korea'), 'after Reset');
  assert.doesNotMatch(page.url(), /stop=/);
  await page.reload();
  shown = await terms(te);
  assert.ok(shown.includes('north') && shown.includes('korea'), 'the reset list is kept too');
  assert.doesNotMatch(page.url(), /stop=/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link with stop words applies them; another language\'s list is fetched only when a text of it needs one', async () => {
  const context = await env.browser.newContext();
  const { page, te, problems, fetched } = await open(context, '#view=terms&stop=en.putin');
  const shown = await terms(te);
  assert.ok(!shown.includes('putin') && shown.includes('north'), `${shown.slice(0, 5)}`);
  // The articles are English: NLTK's list is built in, no list file was fetched.
  assert.deepEqual(fetched.filter((p) => p.includes('/stopwords/')), []);

  // A French text, through the JavaScript API: `le` is a French stop word, counted in the
  // English text where it is not one.
  const result = await page.evaluate(async () => {
    const { createClient } = await import('./client.js');
    const client = await createClient({ articles: false });
    await client.addDocuments([
      { title: 'fr', text: 'Le chat et le chien de la maison.', language: 'fr' },
      { title: 'en', text: 'The chat of the day: le menu, le vin.', language: 'en' },
    ]);
    const before = performance.getEntriesByType('resource').filter((e) => e.name.includes('/stopwords/')).length;
    const rows = await client.terms({ stopwords: false });
    const french = await client.stopWords('fr');
    await client.setStopWords('en', ['chat']);
    const after = await client.terms({ stopwords: false });
    client.close();
    return {
      before,
      le: rows.find((r) => r.term === 'le'),
      de: rows.some((r) => r.term === 'de'),
      french: french.length,
      chat: after.find((r) => r.term === 'chat'),
    };
  });
  assert.equal(result.before, 0, 'no list before a view needed one');
  assert.deepEqual([result.le.count, result.le.docs], [2, 1]);
  assert.equal(result.de, false);
  assert.ok(result.french > 600, `the stopwords-iso French list: ${result.french} words`);
  // `chat` is now an English stop word: only the French text's is counted.
  assert.deepEqual([result.chat.count, result.chat.docs], [1, 1]);
  const lists = fetched.filter((p) => p.includes('/stopwords/')).sort();
  assert.deepEqual(lists, ['/stopwords/fr.json', '/stopwords/index.json']);
  assert.deepEqual(problems, []);
  await context.close();
});
