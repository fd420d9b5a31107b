// End to end: diacritic folding in headless Chromium. A user adds a text with `Zürich` and
// `Zurich`, ticks "Fold diacritics" in Terms and sees one term counted twice, which KWIC
// finds in both spellings; the setting is in the link and, after a reload, in IndexedDB. The
// same in the Arabic UI (mirrored) with Arabic harakat, and the widget's `fold-diacritics`
// attribute. Screenshots go to /tmp/fold-*.png. Each scenario ends with an empty console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();

async function open(context, path) {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(`${env.baseUrl}${path}`);
  return { page, te: page.locator('text-explorer'), problems };
}

/** The Terms view's rows ({term, count}) once `ok(rows)` holds (it redraws after a change). */
async function rowsUntil(te, ok, what) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rows = await te.locator('.terms tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      term: tr.querySelector('.term-btn')?.textContent,
      count: tr.querySelector('.count .num')?.textContent,
    }))).catch(() => []);
    const busy = await te.locator('.terms .scroll[aria-busy]').count();
    if (!busy && ok(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`${what}: the rows are ${JSON.stringify(rows.slice(0, 8))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Counts as shown, in Latin or Arabic-Indic digits (the Arabic UI's numbers).
const digits = (text) => String(text ?? '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
const has = (rows, term, count) => rows.some((r) => r.term === term && digits(r.count) === count);

/** Picks the user's text in the document filter, once it is back from storage (a reload
 * restores the stored texts after the first render, and a link's `doc` to one falls back). */
async function pickReise(te) {
  const select = te.locator('select[part=doc-select]');
  await select.locator('option', { hasText: 'Reise' }).waitFor({ state: 'attached' });
  await select.selectOption({ label: '3. Reise' });
}

async function addText(te, title, text) {
  await te.locator('textarea[name=text]').waitFor();
  await te.locator('input[name=title]').fill(title);
  await te.locator('textarea[name=text]').fill(text);
  await te.getByRole('button', { name: /^(Add text|إضافة النص)$/ }).click();
  await te.locator('.doc-list tr', { hasText: title }).waitFor();
}

test('a user folds diacritics: Zürich and Zurich are one term, found by KWIC, kept after a reload', async () => {
  // 960 px: the tabs (from 1,000 px the widget opens on the workspace).
  const context = await env.browser.newContext({ viewport: { width: 960, height: 760 } });
  let { page, te, problems } = await open(context, '#view=texts');
  await addText(te, 'Reise', 'Ich fahre nach Zürich, nicht nach Zurich. Déjà vu!');
  // The new text is document 2 (after the two articles).
  await page.goto(`${env.baseUrl}#view=terms&doc=2`);
  await rowsUntil(te, (rows) => has(rows, 'zürich', '1') && has(rows, 'zurich', '1'), 'before folding');
  const box = te.getByLabel('Fold diacritics (Zürich = Zurich)');
  assert.equal(await box.isChecked(), false, 'off by default');

  await box.check();
  const rows = await rowsUntil(te, (r) => has(r, 'zurich', '2') && !r.some((x) => x.term === 'zürich'), 'after folding');
  assert.ok(has(rows, 'deja', '1'), JSON.stringify(rows));
  await page.waitForURL(/[#&]fold=1(&|$)/);
  assert.equal(await te.getByLabel('Fold diacritics (Zürich = Zurich)').isChecked(), true);
  // The box keeps the focus while the views are made again.
  assert.equal(await page.evaluate(() => document.querySelector('text-explorer').shadowRoot.activeElement?.hasAttribute('data-fold')), true);
  await page.screenshot({ path: '/tmp/fold-terms.png' });

  // The term opens KWIC, which finds both spellings.
  await te.locator('.terms .term-btn', { hasText: /^zurich$/ }).click();
  await te.locator('.kwic-view td.kw').nth(1).waitFor();
  assert.deepEqual(await te.locator('.kwic-view td.kw').allTextContents(), ['Zürich', 'Zurich']);
  // Typed with its accent, too.
  await page.goto(`${env.baseUrl}#view=kwic&q=z%C3%BCrich&fold=1`);
  await te.locator('.kwic-view .status', { hasText: /2/ }).waitFor();
  assert.deepEqual(await te.locator('.kwic-view td.kw').allTextContents(), ['Zürich', 'Zurich']);
  await page.screenshot({ path: '/tmp/fold-kwic.png' });

  // A reload without fold in the link: the setting kept in IndexedDB applies.
  await page.close();
  ({ page, te, problems } = await open(context, '#view=terms'));
  await page.waitForURL(/[#&]fold=1(&|$)/);
  await pickReise(te);
  await rowsUntil(te, (r) => has(r, 'zurich', '2') && r.length < 10, 'after the reload');
  assert.equal(await te.getByLabel('Fold diacritics (Zürich = Zurich)').isChecked(), true);

  // Unticked: the two spellings are apart again, and stay so after a reload.
  await te.getByLabel('Fold diacritics (Zürich = Zurich)').uncheck();
  await rowsUntil(te, (r) => has(r, 'zürich', '1') && has(r, 'zurich', '1'), 'after unfolding');
  await page.reload();
  await pickReise(te);
  await rowsUntil(te, (r) => has(r, 'zürich', '1') && has(r, 'zurich', '1'), 'unfolded after a reload');
  assert.doesNotMatch(page.url(), /fold=/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('in the Arabic UI, harakat fold; the widget attribute fold-diacritics starts folded', async () => {
  // 960 px: the tabs (from 1,000 px the widget opens on the workspace).
  const context = await env.browser.newContext({ locale: 'ar-EG', viewport: { width: 960, height: 760 } });
  let { page, te, problems } = await open(context, '#view=texts');
  await addText(te, 'خبر', 'قال مُحَمَّد إن محمد سيأتي غدا، وقال أحمد إن احمد لن يأتي.');
  await page.goto(`${env.baseUrl}#view=terms&doc=2&fold=1`);
  const box = te.getByLabel('تجاهل علامات التشكيل (Zürich = Zurich)');
  await rowsUntil(te, (r) => has(r, 'محمد', '2') && has(r, 'احمد', '2'), 'Arabic, folded');
  assert.equal(await box.isChecked(), true);
  assert.equal(await te.locator('.app').getAttribute('dir'), 'rtl');
  await page.screenshot({ path: '/tmp/fold-terms-ar.png' });
  assert.deepEqual(problems, []);
  await page.close();

  // The embed page passes its fold-diacritics parameter on as the widget's attribute.
  ({ page, te, problems } = await open(context, 'embed.html?view=terms&fold-diacritics&lang=en'));
  await te.locator('.terms tbody tr').first().waitFor();
  assert.equal(await page.locator('text-explorer').getAttribute('fold-diacritics'), '');
  assert.equal(await te.getByLabel('Fold diacritics (Zürich = Zurich)').isChecked(), true);
  assert.deepEqual(problems, []);
  await context.close();
});
