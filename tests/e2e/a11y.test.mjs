// Accessibility of the page (headless Chromium): where focus goes when a control opens another
// view or disappears, what is announced, the headings, the tab stops, the phone layout, forced
// colours. Each scenario ends with an empty console. (The axe-core checks: axe.test.mjs.)
//
// Needs the release build in www/pkg (scripts/build).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { until as untilFor, usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
const TIMEOUT = 15_000;

// 960 px wide by default: the tabs (from 1,000 px the page opens on the workspace,
// tests/e2e/workspace.test.mjs).
async function open(hash = '', { width = 960, height = 900, colorScheme = 'light', forcedColors, slow } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  // A module that arrives late (a slow network): `slow` names it.
  if (slow) await page.route(`**/${slow}`, (route) => setTimeout(() => route.continue(), 1500));
  if (forcedColors) await page.emulateMedia({ forcedColors });
  const problems = watchConsole(page);
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(env.baseUrl + hash);
  await page.locator('text-explorer select[id$="-doc"]:enabled').waitFor();
  return { page, problems, context };
}

async function finish({ page, problems, context }, screenshot) {
  if (screenshot) await page.screenshot({ path: `/tmp/a11y-${screenshot}.png` });
  await context.close();
  assert.deepEqual(problems, [], 'the console must stay empty');
}

const until = (fn, what, timeout = TIMEOUT) => untilFor(fn, what, timeout);

const el = (page, selector) => page.locator(`text-explorer ${selector}`);

/** Adds a text of 250 lines, each with one "whale": enough hits for three KWIC pages. */
function addWhales(page) {
  return page.evaluate(() => document.querySelector('text-explorer')
    .addDocument('Whales', Array.from({ length: 250 }, (_, i) => `Line ${i + 1} tells of a whale at sea.`).join('\n')));
}

/** What has focus inside the widget: a short description, or null (the page's body). */
function focused(page) {
  return page.evaluate(() => {
    const a = document.querySelector('text-explorer').shadowRoot.activeElement;
    return a && {
      tag: a.tagName.toLowerCase(), className: a.getAttribute('class') ?? '', text: a.textContent.trim(),
      type: a.getAttribute('type'), role: a.getAttribute('role'), disabled: a.disabled === true,
      inKwic: a.closest('.kwic-view') !== null,
    };
  });
}

async function selectedTab(page) {
  return (await el(page, '[role="tab"][aria-selected="true"]').textContent()).trim();
}

async function kwicDone(page) {
  await until(async () => !(await el(page, '.kwic-view .results[aria-busy]').count())
    && /hits?$/.test((await el(page, '.kwic-view > .status').textContent()).trim()), 'KWIC hits');
}

// --- focus --------------------------------------------------------------------------------

for (const slow of [null, 'views/kwic.js']) test(`Enter on a term opens KWIC with focus in its search box, not the page body${slow ? ' (KWIC’s module still loading)' : ''}`, async () => {
  const s = await open('#view=terms', { slow });
  const term = el(s.page, '.terms .term-btn').first();
  const word = (await term.textContent()).trim();
  await term.focus();
  await s.page.keyboard.press('Enter');
  await until(async () => (await selectedTab(s.page)) === 'KWIC', 'the KWIC tab');
  await until(async () => (await el(s.page, '.kwic-view input[type="search"]').count())
    && (await el(s.page, '.kwic-view input[type="search"]').inputValue()) === word, 'the term in KWIC');
  const f = await focused(s.page);
  assert.ok(f?.inKwic && f.type === 'search', `focus is in KWIC's search box: ${JSON.stringify(f)}`);
  await finish(s);
});

test('the Cloud is one tab stop; arrows move between its words; Enter opens KWIC with focus in the search box', async () => {
  const s = await open('#view=cloud');
  const words = el(s.page, '.cloud-word');
  await until(async () => (await words.count()) > 10, 'the cloud');
  const stops = await words.evaluateAll((ws) => ws.filter((w) => w.getAttribute('tabindex') === '0').length);
  assert.equal(stops, 1, 'one word in the tab order');
  // Tab from the last control before the cloud lands on the first word; Tab again leaves it.
  await el(s.page, '.cloud .exports button').last().focus();
  await s.page.keyboard.press('Tab');
  const first = (await words.nth(0).textContent()).trim();
  assert.equal((await focused(s.page))?.text.endsWith(first), true, 'Tab reaches the first word');
  await s.page.keyboard.press('ArrowRight');
  const second = (await words.nth(1).textContent()).trim();
  assert.ok((await focused(s.page)).text.endsWith(second), 'ArrowRight moves to the second word');
  assert.equal(await words.nth(1).getAttribute('tabindex'), '0', 'the focused word is the tab stop');
  assert.equal(await words.nth(0).getAttribute('tabindex'), '-1');
  await s.page.keyboard.press('End');
  const last = (await words.last().textContent()).trim();
  assert.ok((await focused(s.page)).text.endsWith(last), 'End moves to the last word');
  await s.page.keyboard.press('ArrowRight');
  assert.ok((await focused(s.page)).text.endsWith(first), 'ArrowRight wraps to the first');
  await s.page.keyboard.press('Tab');
  const after = await focused(s.page);
  assert.ok(after?.role !== 'button' || !after.className.includes('cloud-word'), 'Tab leaves the cloud');
  await words.nth(0).focus();
  await s.page.keyboard.press('Enter');
  await until(async () => (await selectedTab(s.page)) === 'KWIC', 'the KWIC tab');
  const f = await focused(s.page);
  assert.ok(f?.inKwic && f.type === 'search', `focus is in KWIC's search box: ${JSON.stringify(f)}`);
  await finish(s);
});

test('a sortable column header keeps focus when the table is rebuilt', async () => {
  const s = await open('#view=phrases');
  const headers = el(s.page, '.phrases th .sort-btn');
  await until(async () => (await headers.count()) > 1 && (await el(s.page, '.phrases tbody tr').count()) > 0, 'the phrases table');
  const header = headers.nth(1);
  const label = (await header.textContent()).replace(/[▾▴]/g, '').trim();
  await header.focus();
  await s.page.keyboard.press('Enter');
  let f = await focused(s.page);
  assert.ok(f?.className.includes('sort-btn') && f.text.startsWith(label), `focus on the same header: ${JSON.stringify(f)}`);
  assert.ok(/[▾▴]/.test(f.text), 'the table is sorted by it');
  await s.page.keyboard.press('Enter');
  f = await focused(s.page);
  assert.ok(f?.className.includes('sort-btn') && f.text.startsWith(label), 'again, reversed');
  await finish(s);
});

test('the KWIC pager: its range is a live region, and focus moves to Previous when Next is disabled', async () => {
  const s = await open('#view=kwic&q=whale');
  await addWhales(s.page);
  await kwicDone(s.page);
  const range = el(s.page, '.pager .range');
  assert.ok(await range.evaluate((r) => r.closest('[aria-live], [role="status"], [role="log"]') !== null), 'the range is announced');
  const total = Number((await el(s.page, '.kwic-view > .status').textContent()).replace(/\D/g, ''));
  assert.equal(total, 250);
  const next = el(s.page, '.pager button').last();
  await next.focus();
  const pages = Math.ceil(total / 100);
  for (let p = 2; p <= pages; p += 1) {
    await s.page.keyboard.press('Enter');
    await until(async () => (await range.textContent()).startsWith(`${(p - 1) * 100 + 1}–`), `page ${p}`);
  }
  await until(async () => next.isDisabled(), 'Next disabled on the last page');
  const f = await focused(s.page);
  assert.ok(f && f.tag === 'button' && !f.disabled && f.text === 'Previous', `focus on Previous: ${JSON.stringify(f)}`);
  await finish(s);
});

test('the Reader: Next hit stays on screen next to the hit it scrolls to', async () => {
  const s = await open('#view=kwic&q=whale', { height: 700 });
  await addWhales(s.page);
  await kwicDone(s.page);
  await el(s.page, '.kwic-view tbody tr .kw-btn').first().click();
  await until(async () => (await selectedTab(s.page)) === 'Reader', 'the Reader');
  await until(async () => (await el(s.page, '.reader mark.current').count()) === 1, 'the current hit');
  const next = el(s.page, '.reader .hitnav button').last();
  await next.focus();
  for (let i = 0; i < 40; i += 1) await s.page.keyboard.press('Enter');
  await until(async () => /^Hit 41 of/.test((await el(s.page, '.reader .hitnav .range').textContent()).trim()), 'hit 41');
  const seen = await s.page.evaluate(() => {
    const root = document.querySelector('text-explorer').shadowRoot;
    const inView = (node) => {
      const r = node.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
    };
    return { button: inView(root.activeElement), hit: inView(root.querySelector('mark.current')), name: root.activeElement.textContent };
  });
  assert.deepEqual(seen, { button: true, hit: true, name: 'Next hit' }, 'the focused button and the hit are both on screen');
  await finish(s);
});

test('a KWIC line is read once: the keyword button is named by the keyword alone', async () => {
  const s = await open('#view=kwic&q=Putin');
  await kwicDone(s.page);
  const row = el(s.page, '.kwic-view tbody tr').first();
  const keyword = (await row.locator('.kw-btn').textContent()).trim();
  const snapshot = await row.locator('.kw-btn').ariaSnapshot();
  assert.equal(snapshot, `- button "${keyword}"`);
  await finish(s);
});

// --- structure ----------------------------------------------------------------------------

/** The heading levels a screen reader lists: the page's, then those of the shown view. */
function headingLevels(page) {
  return page.evaluate(() => {
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    const root = document.querySelector('text-explorer').shadowRoot;
    for (const h of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      if (h.closest('[hidden]') || getComputedStyle(h).display === 'none') continue;
      levels.push(Number(h.tagName[1]));
    }
    return levels;
  });
}

/** Lists exposed to assistive technology that have no items. */
function emptyLists(page) {
  return page.evaluate(() => {
    const root = document.querySelector('text-explorer').shadowRoot;
    return [...root.querySelectorAll('ul, ol')]
      .filter((l) => !l.closest('[hidden]') && l.checkVisibility() && !l.querySelector('li'))
      .map((l) => l.outerHTML.slice(0, 80));
  });
}

const VIEWS = [
  ['summary', '.summary table'], ['terms', '.terms tbody tr'], ['kwic', '.kwic-view tbody tr'],
  ['reader', '.reader .text mark'], ['collocates', '.collocates tbody tr'], ['phrases', '.phrases tbody tr'],
  ['keyness', '.keyness tbody tr'], ['dispersion', '.dispersion svg'], ['trends', '.trends svg'], ['compare', '.compare tbody tr'],
  ['cloud', '.cloud-word'], ['texts', '.texts table'],
];

test('every view: headings go down one level at a time, and no empty list is exposed', async () => {
  const s = await open('#view=summary&q=war');
  for (const [view, sign] of VIEWS) {
    await s.page.evaluate((v) => { location.hash = `view=${v}&q=war`; }, view);
    await el(s.page, `[role="tabpanel"]:not([hidden]) ${sign}`).first().waitFor();
    const levels = await headingLevels(s.page);
    for (let i = 1; i < levels.length; i += 1) {
      assert.ok(levels[i] <= levels[i - 1] + 1, `${view}: h${levels[i]} right after h${levels[i - 1]} (${levels})`);
    }
    assert.deepEqual(await emptyLists(s.page), [], `${view}: no empty list`);
  }
  await finish(s);
});

// --- phones, forced colours -------------------------------------------------------------

test('at phone width KWIC names each line’s text and shows its contexts whole', async () => {
  const s = await open('#view=kwic&q=Korea', { width: 375, height: 800 });
  await kwicDone(s.page);
  const rows = await s.page.evaluate(() => {
    const root = document.querySelector('text-explorer').shadowRoot;
    const titles = document.querySelector('text-explorer').documents.map((d) => d.title);
    return [...root.querySelectorAll('.kwic tbody tr')].slice(0, 10).map((tr) => {
      const box = tr.getBoundingClientRect();
      const doc = tr.querySelector('.docno');
      const docShown = doc?.checkVisibility() ? doc.innerText : '';
      // Every line box of both contexts lies inside the row: nothing is cut off or pushed out.
      const spans = [...tr.querySelectorAll('.ctx span')];
      const whole = spans.every((span) => [...span.getClientRects()].every((r) => r.left >= box.left - 1 && r.right <= box.right + 1));
      const words = spans.map((span) => span.textContent.trim().split(/\s+/).length);
      return { named: titles.some((t) => docShown.includes(t)), whole, words };
    });
  });
  assert.ok(rows.length >= 5, 'lines shown');
  for (const [i, row] of rows.entries()) {
    assert.ok(row.whole, `line ${i + 1}: its contexts are shown whole (${row.words} words)`);
    assert.ok(row.named, `line ${i + 1} shows the title of its text`);
  }
  await finish(s, 'kwic-phone');
});

/** The smallest rendered size, in CSS px, of the text in the shown view's charts. */
function smallestChartText(page) {
  return page.evaluate(() => {
    const root = document.querySelector('text-explorer').shadowRoot;
    let min = Infinity;
    for (const text of root.querySelectorAll('[role="tabpanel"]:not([hidden]) svg text')) {
      const scale = text.getScreenCTM().a;
      min = Math.min(min, Number.parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    return min;
  });
}

test('at phone width chart text stays readable: dispersion labels and the cloud’s smallest words', async () => {
  const s = await open('#view=dispersion&q=Korea,Putin', { width: 375, height: 800 });
  await el(s.page, '.dispersion figure svg text').first().waitFor();
  const dispersion = await smallestChartText(s.page);
  assert.ok(dispersion >= 9, `dispersion text ${dispersion.toFixed(1)}px`);
  const scrolls = await el(s.page, '.dispersion figure').first().evaluate((f) => f.scrollWidth > f.clientWidth);
  if (scrolls) assert.equal(await el(s.page, '.dispersion figure').first().getAttribute('tabindex'), '0', 'a chart that scrolls is focusable');
  await s.page.screenshot({ path: '/tmp/a11y-dispersion-phone.png' });
  await s.page.evaluate(() => { location.hash = 'view=cloud'; });
  await until(async () => (await el(s.page, '.cloud-word').count()) > 10, 'the cloud');
  const cloud = await smallestChartText(s.page);
  assert.ok(cloud >= 9, `cloud text ${cloud.toFixed(1)}px`);
  assert.ok(await el(s.page, '.cloud-word').count() >= 40, 'most of the 80 words still fit');
  await finish(s, 'cloud-phone');
});

test('forced colours: the selected tab stands out, and KWIC keywords keep a boundary', async () => {
  const s = await open('#view=kwic&q=Korea', { forcedColors: 'active' });
  await kwicDone(s.page);
  const looks = await s.page.evaluate(() => {
    const root = document.querySelector('text-explorer').shadowRoot;
    const look = (node) => {
      const c = getComputedStyle(node);
      return [c.color, c.backgroundColor, c.borderBottomColor, c.borderBottomWidth, c.textDecorationLine].join(' ');
    };
    const selected = root.querySelector('[role="tab"][aria-selected="true"]');
    const others = [...root.querySelectorAll('[role="tab"][aria-selected="false"]')].filter((t) => !t.hidden);
    const kw = getComputedStyle(root.querySelector('.kw-btn'));
    return {
      selected: look(selected), others: [...new Set(others.map(look))],
      kwBorder: kw.borderTopStyle !== 'none' && Number.parseFloat(kw.borderTopWidth) >= 1
        && kw.borderTopColor !== getComputedStyle(root.querySelector('.kwic td.kw')).backgroundColor,
    };
  });
  assert.equal(looks.others.length, 1, 'the other tabs look alike');
  assert.notEqual(looks.selected, looks.others[0], 'the selected tab looks different from the others');
  assert.ok(looks.kwBorder, 'the keyword buttons have a visible border');
  // The Cloud's words are drawn in the theme's text colour, not in their own hues.
  await s.page.evaluate(() => { location.hash = 'view=cloud'; });
  await until(async () => (await el(s.page, '.cloud-word').count()) > 10, 'the cloud');
  const fills = await s.page.evaluate(() => {
    const root = document.querySelector('text-explorer').shadowRoot;
    const text = getComputedStyle(root.querySelector('.cloud .status')).color;
    return [...new Set([...root.querySelectorAll('.cloud-word')].map((w) => getComputedStyle(w).fill))].map((f) => f === text);
  });
  assert.deepEqual(fills, [true], 'every word in the text colour');
  await finish(s, 'kwic-forced');
});

test('Texts: visible labels, a caption, and dismissing a message moves focus to the next one', async () => {
  const s = await open('#view=texts');
  await el(s.page, '.texts table.doc-list').waitFor();
  const labels = await el(s.page, '.texts form label.field').evaluateAll((ls) => ls.map((l) => ({
    text: l.querySelector('span').innerText.trim(), visible: l.querySelector('span').checkVisibility(),
    field: l.querySelector('input, textarea')?.getAttribute('name'),
  })));
  assert.deepEqual(labels, [
    { text: 'Title of the pasted text', visible: true, field: 'title' },
    { text: 'Text to add', visible: true, field: 'text' },
    { text: 'URL of a text', visible: true, field: 'url' },
  ]);
  assert.match(await el(s.page, '.texts table.doc-list caption').textContent(), /texts explored/);
  // Two messages (an empty paste, twice); dismiss the first from the keyboard.
  const add = el(s.page, '.texts form.paste button[type="submit"]');
  await add.click();
  await add.click();
  const dismiss = el(s.page, '.messages .dismiss');
  await until(async () => (await dismiss.count()) === 2, 'two messages');
  await dismiss.first().focus();
  await s.page.keyboard.press('Enter');
  assert.equal(await dismiss.count(), 1);
  assert.equal((await focused(s.page))?.className, 'dismiss', 'focus on the next message');
  await s.page.keyboard.press('Enter');
  assert.equal(await el(s.page, '.messages').isHidden(), true, 'the emptied list is hidden');
  await finish(s, 'texts');
});
