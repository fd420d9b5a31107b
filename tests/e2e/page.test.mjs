// End-to-end tests of the page (www/index.html hosting <text-explorer>) in headless
// Chromium: what only a browser shows. Each scenario ends by asserting that the console
// stayed empty (no errors or warnings) and that no page error was thrown.
//
// Needs the release build in www/pkg (scripts/build) and playwright-core (npm ci).
// Chromium: see support.mjs. Screenshots: test-results/. TEXT_EXPLORER_WWW serves another
// build of the page instead of www/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { until as untilFor, usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
const { results } = env;
const TIMEOUT = 10_000;

// --- helpers -----------------------------------------------------------------------------

/** Open the page at a hash in a fresh context; collects console problems and page errors. */
// 960 px wide by default: the tabs (from 1,000 px the page opens on the workspace,
// tests/e2e/workspace.test.mjs).
async function open(hash = '', { width = 960, height = 900, colorScheme = 'light' } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const problems = watchConsole(page);
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(env.baseUrl + hash);
  await ready(page);
  return { page, problems, context };
}

/** The element has loaded the engine: the document filter is enabled. */
async function ready(page) {
  await page.locator('text-explorer select[id$="-doc"]:enabled').waitFor();
}

/** Every scenario's last step: a screenshot, then an empty console. */
async function finish({ page, problems, context }, name) {
  await page.screenshot({ path: path.join(results, `${name}.png`), fullPage: false });
  await context.close();
  assert.deepEqual(problems, [], 'the console must stay empty');
}

const until = (fn, what, timeout = TIMEOUT) => untilFor(fn, what, timeout);

const el = (page, selector) => page.locator(`text-explorer ${selector}`);
const kwicStatus = (page) => el(page, '.kwic-view .status');
const kwicRows = (page) => el(page, '.kwic-view table.kwic tbody tr');
const hashParams = (page) => new URLSearchParams(new URL(page.url()).hash.slice(1));

/** The hit count of the latest KWIC answer (waits while a search is pending). */
async function waitForHits(page) {
  const text = await until(async () => {
    if (await el(page, '.kwic-view .results[aria-busy]').count()) return false;
    const t = (await kwicStatus(page).textContent()).trim();
    return /^(\d[\d,]*) hits?$|^No hits/.test(t) && t;
  }, 'a KWIC hit count');
  return text.startsWith('No') ? 0 : Number(text.replace(/\D/g, ''));
}

async function selectedTab(page) {
  return (await el(page, '[role="tab"][aria-selected="true"]').textContent()).trim();
}

/** The focused element inside the element's shadow root. */
function focused(page) {
  return page.evaluate(() => {
    const a = document.querySelector('text-explorer').shadowRoot.activeElement;
    return a && {
      tag: a.tagName.toLowerCase(), className: a.className, text: a.textContent,
      type: a.getAttribute('type'), role: a.getAttribute('role'), focusVisible: a.matches(':focus-visible'),
    };
  });
}

// The counting rule, independently of the engine: UAX #29 words (Intl.Segmenter) that are
// word-like, lower-cased, with ’ read as ' and a trailing 's removed.
const normalize = (word) => word.toLowerCase().replace(/\u2019/g, "'").replace(/'s$/, '');

/** Count the words equal to `term` in every document (or one), using only corpus.text(). */
function independentCount(page, term, doc) {
  return page.evaluate(async ({ term, doc, normalizeSrc }) => {
    // biome-ignore lint/security/noGlobalEval: the oracle's own source, sent into the page as text
    // biome-ignore lint/complexity/noCommaOperator: (0, eval) is an indirect eval, in global scope
    const normalize = (0, eval)(normalizeSrc);
    const { createClient } = await import(new URL('client.js', location.href).href);
    const client = await createClient();
    try {
      const docs = await client.documents();
      const seg = new Intl.Segmenter('en', { granularity: 'word' });
      const counts = {};
      for (const d of docs) {
        if (doc !== undefined && d.id !== doc) continue;
        let n = 0;
        for (const s of seg.segment(await client.text(d.id))) if (s.isWordLike && normalize(s.segment) === term) n += 1;
        counts[d.id] = n;
      }
      return Object.values(counts).reduce((a, b) => a + b, 0);
    } finally {
      await client.close();
    }
  }, { term, doc, normalizeSrc: normalize.toString() });
}

// --- scenarios ---------------------------------------------------------------------------

test('typing Putin in KWIC lists every Putin, Putin’s included, and replaces history', async () => {
  const s = await open('#view=kwic');
  const { page } = s;
  const search = el(page, '.kwic-view input[type="search"]');
  await search.click();
  const before = await page.evaluate(() => history.length);
  await search.pressSequentially('Putin', { delay: 30 });
  await until(async () => hashParams(page).get('q') === 'Putin', 'q=Putin in the hash');
  const total = await waitForHits(page);
  const expected = await independentCount(page, 'putin');
  assert.ok(expected > 0, 'the corpus mentions Putin');
  assert.equal(total, expected, 'the hit count equals an independent count');
  assert.equal(await kwicRows(page).count(), Math.min(total, 100));
  const keywords = await el(page, '.kwic-view td.kw').allTextContents();
  assert.ok(keywords.every((k) => normalize(k) === 'putin'), `every keyword is Putin: ${keywords}`);
  assert.ok(keywords.includes('Putin’s'), 'Putin’s lines are among them');
  assert.equal(hashParams(page).get('q'), 'Putin');
  assert.equal(await page.evaluate(() => history.length), before, 'typing replaces the history entry');

  // The document filter applies: only the second document's hits.
  const docs = await el(page, 'select[id$="-doc"] option').evaluateAll((os) => os.map((o) => o.value));
  const second = Number(docs[2]);
  await el(page, 'select[id$="-doc"]').selectOption(String(second));
  const expectedSecond = await independentCount(page, 'putin', second);
  await until(async () => (await waitForHits(page)) === expectedSecond, `${expectedSecond} hits in document ${second}`);
  assert.equal(hashParams(page).get('doc'), String(second));
  await finish(s, 'kwic-putin');
});

test('sorting by 1R orders lines by the first word on the right', async () => {
  const s = await open('#view=kwic&q=putin');
  const { page } = s;
  const total = await waitForHits(page);
  await el(page, '.kwic-view select').selectOption('1R');
  await until(async () => hashParams(page).get('sort') === '1R', 'sort=1R in the hash');
  await until(async () => (await el(page, '.kwic-view td.ctx.right').first().textContent()) !== null, 'rows');
  assert.equal(await waitForHits(page), total, 'sorting keeps every hit');
  const firstWords = await el(page, '.kwic-view td.ctx.right').evaluateAll((cells) => {
    const seg = new Intl.Segmenter('en', { granularity: 'word' });
    return cells.map((c) => [...seg.segment(c.textContent)].find((x) => x.isWordLike)?.segment ?? '');
  });
  assert.equal(firstWords.length, Math.min(total, 100));
  const keys = firstWords.map(normalize);
  for (let i = 1; i < keys.length; i += 1) {
    assert.ok(keys[i - 1] <= keys[i], `1R order: "${keys[i - 1]}" before "${keys[i]}" (line ${i + 1})`);
  }
  await finish(s, 'kwic-sort-1R');
});

test('a KWIC line opens the Reader at that hit, and the permalink reopens it', async () => {
  const s = await open('#view=kwic&q=putin');
  const { page } = s;
  await waitForHits(page);
  const row = kwicRows(page).nth(2);
  const keyword = (await row.locator('td.kw').textContent()).trim();
  await row.locator('td.ctx.right').click();
  assert.equal(await selectedTab(page), 'Reader');
  const current = el(page, '.reader mark.current');
  await current.waitFor();
  assert.equal((await current.textContent()).trim(), keyword);
  assert.equal(await el(page, '.reader mark.current').count(), 1);
  assert.ok((await el(page, '.reader mark').count()) > 1, 'every hit is marked');
  assert.equal((await focused(page))?.tag, 'mark', 'the current hit has focus');
  assert.ok(await current.isVisible());
  assert.ok(await current.evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }), 'the current hit is scrolled into view');
  const params = hashParams(page);
  assert.equal(params.get('view'), 'reader');
  assert.ok(params.get('hit'));

  // The mark is exactly text.slice(start, end) of the document.
  const doc = Number(params.get('read'));
  const start = Number(params.get('hit'));
  const sliced = await page.evaluate(async ({ doc, start, length }) => {
    const { createClient } = await import(new URL('client.js', location.href).href);
    const client = await createClient();
    const text = await client.text(doc);
    await client.close();
    return text.slice(start, start + length);
  }, { doc, start, length: keyword.length });
  assert.equal(sliced, keyword);

  const permalink = page.url();
  await page.reload();
  await ready(page);
  assert.equal(page.url(), permalink);
  assert.equal(await selectedTab(page), 'Reader');
  await current.waitFor();
  assert.equal((await current.textContent()).trim(), keyword);

  // The KWIC permalink too: same query, sort and lines.
  await page.goto(`${env.baseUrl}#view=kwic&q=putin&sort=1R&window=3`);
  await ready(page);
  assert.equal(await selectedTab(page), 'KWIC');
  assert.equal(await el(page, '.kwic-view input[type="search"]').inputValue(), 'putin');
  assert.equal(await el(page, '.kwic-view select').inputValue(), '1R');
  assert.equal(await el(page, '.kwic-view input[type="number"]').inputValue(), '3');
  assert.ok((await waitForHits(page)) > 0);
  await finish(s, 'reader-current-hit');
});

test('Back and Forward step through views and queries', async () => {
  const s = await open('');
  const { page } = s;
  assert.equal(await selectedTab(page), 'Summary');
  await el(page, '[role="tab"]:text-is("Terms")').click();
  await el(page, '.terms table').waitFor();
  await el(page, '[role="tab"]:text-is("KWIC")').click();
  await el(page, '.kwic-view input[type="search"]').fill('korea');
  const total = await waitForHits(page);
  await kwicRows(page).first().click();
  assert.equal(await selectedTab(page), 'Reader');

  await page.goBack();
  await until(async () => (await selectedTab(page)) === 'KWIC', 'KWIC after Back');
  assert.equal(await el(page, '.kwic-view input[type="search"]').inputValue(), 'korea');
  assert.equal(await waitForHits(page), total);
  await page.goBack();
  await until(async () => (await selectedTab(page)) === 'Terms', 'Terms after Back');
  await page.goBack();
  await until(async () => (await selectedTab(page)) === 'Summary', 'Summary after Back');
  await page.goForward();
  await until(async () => (await selectedTab(page)) === 'Terms', 'Terms after Forward');
  await page.goForward();
  await until(async () => (await selectedTab(page)) === 'KWIC', 'KWIC after Forward');
  assert.equal(await el(page, '.kwic-view input[type="search"]').inputValue(), 'korea');
  await page.goForward();
  await until(async () => (await selectedTab(page)) === 'Reader', 'Reader after Forward');
  await el(page, '.reader mark.current').waitFor();
  await finish(s, 'history');
});

test('an invalid query shows the engine’s message, and an empty box is no error', async () => {
  const s = await open('#view=kwic');
  const { page } = s;
  const search = el(page, '.kwic-view input[type="search"]');
  const status = kwicStatus(page);
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  for (const bad of ['"north', 'kim|']) {
    await search.fill(bad);
    await until(async () => (await status.getAttribute('class')).includes('error'), `an error for ${bad}`);
    const message = (await status.textContent()).trim();
    assert.ok(message.length > 5 && !/\bat\s+\S+:\d+/.test(message), `a readable message, not a stack: ${message}`);
    assert.equal(await kwicRows(page).count(), 0);
  }
  await search.fill('kim|putin');
  assert.ok((await waitForHits(page)) > 0, 'the corrected query finds hits');
  await search.fill('');
  await until(async () => !(await status.getAttribute('class')).includes('error')
    && (await kwicRows(page).count()) === 0, 'the prompt for an empty box');
  await search.fill('"north');
  await until(async () => (await status.getAttribute('class')).includes('error'), 'the error again');
  await finish(s, 'kwic-invalid-query');
});

test('a term in Terms opens KWIC with as many hits as its count', async () => {
  const s = await open('#view=terms');
  const { page } = s;
  assert.equal(await el(page, '.terms input[type="checkbox"]:not([data-fold])').isChecked(), true, 'stop words hidden by default');
  await el(page, '.terms input[type="search"]').fill('kore');
  await until(async () => hashParams(page).get('filter') === 'kore', 'filter in the hash');
  // The engine filters the list: its answer replaces the table.
  await until(async () => {
    const terms = await el(page, '.terms tbody th').allTextContents();
    return terms.length > 0 && terms.every((t) => t.includes('kore'));
  }, 'only terms that contain kore');
  const row = el(page, '.terms tbody tr').first();
  const term = (await row.locator('th').textContent()).trim();
  const count = Number((await row.locator('td').first().textContent()).replace(/\D/g, ''));
  await row.locator('button').focus();
  await page.keyboard.press('Enter');
  await until(async () => (await selectedTab(page)) === 'KWIC', 'KWIC after Enter on a term');
  assert.equal(await el(page, '.kwic-view input[type="search"]').inputValue(), term);
  assert.equal(await waitForHits(page), count);

  await page.goBack();
  await until(async () => (await selectedTab(page)) === 'Terms', 'Terms after Back');
  await el(page, '.terms input[type="checkbox"]:not([data-fold])').uncheck();
  await until(async () => hashParams(page).get('stopwords') === 'show', 'stopwords=show');
  await el(page, '.terms input[type="search"]').fill('');
  const first = el(page, '.terms tbody tr').first();
  await until(async () => (await first.locator('th').textContent()).trim() === 'the', 'stop words listed');
  const theCount = Number((await first.locator('td').first().textContent()).replace(/\D/g, ''));
  await first.locator('button').click();
  await until(async () => (await selectedTab(page)) === 'KWIC', 'KWIC after a click on a term');
  assert.equal(await el(page, '.kwic-view input[type="search"]').inputValue(), 'the');
  assert.equal(await waitForHits(page), theCount);
  await finish(s, 'terms-to-kwic');
});

test('the keyboard alone reaches the search box and opens a line', async () => {
  const s = await open('');
  const { page } = s;
  await page.keyboard.press('Tab');
  assert.deepEqual(
    { role: (await focused(page))?.role, text: (await focused(page))?.text },
    { role: 'tab', text: 'Summary' },
  );
  assert.ok((await focused(page)).focusVisible, 'focus is visible');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await selectedTab(page), 'KWIC');
  assert.equal((await focused(page)).text, 'KWIC');
  for (let i = 0; i < 10 && (await focused(page))?.type !== 'search'; i += 1) await page.keyboard.press('Tab');
  assert.equal((await focused(page))?.type, 'search', 'Tab reaches the search box');
  await page.keyboard.type('putin');
  assert.ok((await waitForHits(page)) > 0);
  // Past the sort, the window, the syntax, KWIC's tools (filter, sample, seed, new seed,
  // tags) and the export.
  for (let i = 0; i < 16 && !(await focused(page))?.className.includes('kw-btn'); i += 1) await page.keyboard.press('Tab');
  const line = await focused(page);
  assert.ok(line?.className.includes('kw-btn'), 'Tab reaches a line');
  assert.ok(line.focusVisible, 'the line shows focus');
  await page.keyboard.press('Enter');
  await until(async () => (await selectedTab(page)) === 'Reader', 'Reader after Enter');
  const mark = await until(async () => {
    const f = await focused(page);
    return f?.tag === 'mark' && f;
  }, 'focus on the current hit');
  assert.equal(mark.text, line.text);
  assert.ok(mark.className.includes('current'));
  await finish(s, 'keyboard');
});

test('phone width in the dark scheme: nothing overflows the page', async () => {
  const s = await open('#view=kwic&q=%22north%20korea%22', { width: 375, height: 800, colorScheme: 'dark' });
  const { page } = s;
  assert.ok((await waitForHits(page)) > 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(background, 'rgb(255, 255, 255)', 'the dark scheme applies');
  await finish(s, 'phone-dark');
});
