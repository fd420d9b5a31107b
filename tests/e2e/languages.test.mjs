// End-to-end tests of the UI languages and of right-to-left texts, in headless Chromium: the
// page in the browser's language (French; Arabic, mirrored), the widget's `lang` attribute
// (Japanese, then French), and real Arabic, Hebrew and Persian text (tests/fixtures/udhr):
// in KWIC an Arabic line's preceding context is right of its keyword, in the Reader a Hebrew
// paragraph starts at the right and an English one at the left. The checks measure where
// the text is drawn, not only attributes. Screenshots go to test-results/languages-*.png.
//
// Needs the release build in www/pkg (scripts/build).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
const TIMEOUT = 15_000;
const fixture = (name) => readFileSync(new URL(`../fixtures/udhr/${name}.txt`, import.meta.url), 'utf8');
const ARABIC = fixture('arb');
const HEBREW = fixture('heb');
const PERSIAN = fixture('pes');
const ENGLISH = 'The Universal Declaration of Human Rights, here in Hebrew.';

/** A page in a fresh context with the browser's languages set (navigator.languages). */
// 960 px wide by default: the tabs (from 1,000 px the page opens on the workspace,
// tests/e2e/workspace.test.mjs).
async function open(url, { locale = 'en-US', width = 960, height = 800, html } = {}) {
  const context = await env.browser.newContext({ locale, viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchConsole(page);
  if (html) {
    // A page of the test's own, served from www/'s origin so that the widget's modules load.
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  }
  await page.goto(url);
  return { page, context, problems };
}

async function finish({ page, context, problems }, name) {
  await page.screenshot({ path: path.join(env.results, `languages-${name}.png`), fullPage: false });
  await context.close();
  assert.deepEqual(problems, [], 'the console must stay empty');
}

/** A host page with one widget, the texts escaped into its <template> children as a host would write them. */
function widgetPage(attributes, texts) {
  const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const attrs = Object.entries(attributes).map(([k, v]) => `${k}="${escapeHtml(v)}"`).join(' ');
  const templates = texts.map(([title, text]) => `<template data-title="${escapeHtml(title)}">${escapeHtml(text)}</template>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title><link rel="icon" href="data:,">
<script type="module" src="./text-explorer.js"></script></head>
<body style="margin:0;padding:1rem"><text-explorer ${attrs}>${templates}</text-explorer></body></html>`;
}

const app = (page) => page.locator('text-explorer .app');
const box = async (locator) => {
  const b = await locator.boundingBox();
  assert.ok(b, 'the element is drawn');
  return b;
};

test('the page follows the browser: French', async () => {
  const s = await open(`${env.baseUrl}#view=kwic&q=putin`, { locale: 'fr-FR' });
  const { page } = s;
  await page.locator('text-explorer table.kwic tbody tr').first().waitFor();
  assert.equal(await app(page).getAttribute('lang'), 'fr');
  assert.equal(await app(page).getAttribute('dir'), 'ltr');
  const tabs = await page.locator('text-explorer [role="tab"]').allTextContents();
  assert.ok(tabs.some((t) => t.includes('Résumé')), tabs.join(' | '));
  assert.ok(tabs.some((t) => t.includes('Cooccurrents')), tabs.join(' | '));
  assert.match(await page.locator('text-explorer .kwic-view .status').textContent(), /^\d[\d\u202f]* occurrences?$/);
  assert.match(await page.locator('text-explorer .kwic-view thead').textContent(), /Gauche.*Mot-clé.*Droite/);
  // Numbers as French writes them: 4 681 characters, a ratio of 0,512.
  await page.locator('text-explorer [role="tab"]').first().click();
  await page.locator('text-explorer .summary td.num').first().waitFor();
  const cells = await page.locator('text-explorer .summary tbody tr').first().locator('td.num').allTextContents();
  assert.match(cells[0], /^\d{1,3}(\u202f\d{3})+$/, cells.join(' | '));
  assert.ok(cells.some((c) => /^0,\d+$/.test(c)), cells.join(' | '));
  await finish(s, 'fr');
});

test('the page follows the browser: Arabic, mirrored', async () => {
  const s = await open(`${env.baseUrl}#view=kwic&q=putin`, { locale: 'ar-EG' });
  const { page } = s;
  const row = page.locator('text-explorer table.kwic tbody tr').first();
  await row.waitFor();
  assert.equal(await app(page).getAttribute('lang'), 'ar');
  assert.equal(await app(page).getAttribute('dir'), 'rtl');
  // Mirrored: the tabs run from the right, the first (Summary) rightmost.
  const tabs = page.locator('text-explorer [role="tab"]');
  const [first, second] = [await box(tabs.nth(0)), await box(tabs.nth(1))];
  assert.equal(await tabs.nth(0).textContent(), 'ملخص');
  assert.ok(first.x > second.x, `the first tab (x ${first.x}) is right of the second (x ${second.x})`);
  // The article's English lines still read left to right: the preceding context (the left
  // cell, first in reading order) is left of the keyword, and the columns' headers say so.
  const left = await box(row.locator('td.ctx.left'));
  const kw = await box(row.locator('td.kw'));
  const right = await box(row.locator('td.ctx.right'));
  assert.ok(left.x < kw.x && kw.x < right.x, 'left context, keyword, right context from left to right');
  assert.equal(await row.locator('.kw-btn').getAttribute('dir'), 'ltr');
  const heads = page.locator('text-explorer table.kwic thead th');
  const leftHead = await box(heads.filter({ hasText: 'الأيسر' }));
  const rightHead = await box(heads.filter({ hasText: 'الأيمن' }));
  assert.ok(leftHead.x < rightHead.x, 'the header "left" is over the left column');
  // The numbers of the Summary's table line up at the right of their cells, units under units.
  await tabs.nth(0).click();
  const cells = page.locator('text-explorer .summary td.num');
  await cells.first().waitFor();
  const rights = await cells.evaluateAll((tds) => tds.slice(0, 6).map((td) => {
    const r = document.createRange();
    r.selectNodeContents(td);
    return [Math.round(r.getBoundingClientRect().right), Math.round(td.getBoundingClientRect().right)];
  }));
  for (const [text, cell] of rights) assert.ok(cell - text < 20, `a number ends at its cell's right edge (${text} of ${cell})`);
  await finish(s, 'ar');
});

test('the widget\'s lang attribute overrides the browser: Japanese, then French', async () => {
  const url = `${env.baseUrl}lang-test.html`;
  const s = await open(url, {
    locale: 'de-DE',
    html: widgetPage({ lang: 'ja', view: 'terms' }, [['吾輩は猫である', '吾輩は猫である。名前はまだ無い。 The cat has no name yet.']]),
  });
  const { page } = s;
  await page.locator('text-explorer .terms table tbody tr').first().waitFor();
  assert.equal(await app(page).getAttribute('lang'), 'ja');
  const tabs = await page.locator('text-explorer [role="tab"]').allTextContents();
  assert.ok(tabs.some((t) => t.includes('語彙')) && tabs.some((t) => t.includes('共起語')), tabs.join(' | '));
  await page.screenshot({ path: path.join(env.results, 'languages-ja.png') });
  // Set again, the widget reloads in the new language.
  await page.evaluate(() => document.querySelector('text-explorer').setAttribute('lang', 'fr'));
  await page.waitForFunction(() => document.querySelector('text-explorer').shadowRoot.querySelector('.app')?.lang === 'fr');
  await page.locator('text-explorer .terms table tbody tr').first().waitFor();
  const again = await page.locator('text-explorer [role="tab"]').allTextContents();
  assert.ok(again.some((t) => t.includes('Termes')), again.join(' | '));
  await finish(s, 'lang-fr');
});

test('Arabic KWIC: the preceding context is right of the keyword, and a side too long is cut at its far end', async () => {
  const url = `${env.baseUrl}rtl-test.html`;
  const s = await open(url, {
    html: widgetPage({ view: 'kwic', query: 'الإنسان', window: '20' }, [['الإعلان العالمي لحقوق الإنسان', ARABIC], ['הכרזה', `${HEBREW}\n${ENGLISH}\n`], ['اعلامیه جهانی حقوق بشر', PERSIAN]]),
  });
  const { page } = s;
  const rows = page.locator('text-explorer table.kwic tbody tr');
  await rows.first().waitFor();
  const flat = ARABIC.replace(/\s+/g, ' ');
  const count = Math.min(await rows.count(), 5);
  // With 20 words a side, the contexts overflow their cells: what shows is their near end.
  const overflowing = await rows.evaluateAll((trs) => trs.slice(0, 5).filter((tr) => [...tr.querySelectorAll('td.ctx')]
    .some((td) => td.scrollWidth > td.clientWidth + 1)).length);
  assert.ok(overflowing >= 3, `${overflowing} lines overflow`);
  assert.ok(count >= 3, `${count} lines`);
  for (let i = 0; i < count; i += 1) {
    const row = rows.nth(i);
    const keyword = (await row.locator('.kw-btn').textContent()).trim();
    const before = (await row.locator('td.ctx.right').textContent()).trim();
    const after = (await row.locator('td.ctx.left').textContent()).trim();
    assert.equal(await row.locator('.kw-btn').getAttribute('dir'), 'rtl');
    // The right cell holds what comes before the keyword in the text, the left one what follows.
    if (before) assert.ok(flat.includes(`${before} ${keyword}`), `line ${i}: "${before}" precedes "${keyword}"`);
    if (after) assert.ok(flat.includes(`${keyword} ${after}`) || flat.includes(`${keyword}${after}`), `line ${i}: "${after}" follows "${keyword}"`);
    // Geometry: the last character of the preceding context is drawn just right of the
    // keyword, the first character of the following one just left of it.
    const geometry = await row.evaluate((tr) => {
      const rect = (node, at) => {
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + 1);
        return r.getBoundingClientRect();
      };
      const kw = tr.querySelector('.kw-btn').getBoundingClientRect();
      const pre = tr.querySelector('td.ctx.right span').firstChild;
      const post = tr.querySelector('td.ctx.left span').firstChild;
      return {
        kwLeft: kw.left,
        kwRight: kw.right,
        preEnd: pre ? rect(pre, pre.length - 1) : null,
        postStart: post ? rect(post, 0) : null,
      };
    });
    if (geometry.preEnd) {
      const gap = geometry.preEnd.left - geometry.kwRight;
      assert.ok(gap >= 0 && gap < 40, `line ${i}: the preceding context ends ${gap}px right of the keyword`);
    }
    if (geometry.postStart) {
      const gap = geometry.kwLeft - geometry.postStart.right;
      assert.ok(gap >= 0 && gap < 40, `line ${i}: the following context starts ${gap}px left of the keyword`);
    }
  }
  await finish(s, 'kwic-arabic');
});

test('Compare: the paragraphs of an Arabic and a Persian text start at the right', async () => {
  const url = `${env.baseUrl}rtl-compare.html`;
  const s = await open(url, {
    html: widgetPage({ view: 'compare' }, [['الإعلان العالمي لحقوق الإنسان', ARABIC], ['اعلامیه جهانی حقوق بشر', PERSIAN]]),
  });
  const { page } = s;
  const sides = page.locator('text-explorer .side');
  await page.waitForFunction(() => document.querySelector('text-explorer').shadowRoot.querySelectorAll('.side')[1]?.textContent.length > 100);
  const starts = await sides.evaluateAll((els) => els.map((el) => {
    const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    const r = document.createRange();
    r.setStart(node, 0);
    r.setEnd(node, 1);
    const box = el.getBoundingClientRect();
    return { gap: box.right - r.getBoundingClientRect().right, width: box.width };
  }));
  assert.equal(starts.length, 2);
  for (const { gap } of starts) assert.ok(gap > 0 && gap < 30, `the first letter is ${gap}px from the right edge`);
  await finish(s, 'compare-arabic-persian');
});

test('Reader: a Hebrew paragraph reads right to left, an English one left to right', async () => {
  const url = `${env.baseUrl}rtl-reader.html`;
  const s = await open(url, {
    html: widgetPage({ view: 'reader', doc: '0', query: 'האדם' }, [['הכרזה', `${HEBREW}\n${ENGLISH}\n`]]),
  });
  const { page } = s;
  const text = page.locator('text-explorer .text').first();
  await page.locator('text-explorer .text mark').first().waitFor();
  const geometry = await text.evaluate((el, english) => {
    const box = el.getBoundingClientRect();
    // The first text node of the Hebrew title, and the English line's.
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const at = (node, i) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getBoundingClientRect();
    };
    const last = nodes.find((n) => n.data.includes(english));
    const e = last.data.indexOf(english);
    return {
      left: box.left,
      right: box.right,
      hebrewFirst: at(nodes[0], 0),
      englishFirst: at(last, e),
      englishLast: at(last, e + english.length - 1),
    };
  }, ENGLISH);
  assert.ok(geometry.right - geometry.hebrewFirst.right < 12, `the Hebrew paragraph starts at the right (${geometry.hebrewFirst.right} of ${geometry.right})`);
  assert.ok(geometry.englishFirst.left - geometry.left < 12, `the English paragraph starts at the left (${geometry.englishFirst.left} of ${geometry.left})`);
  assert.ok(geometry.englishLast.left > geometry.englishFirst.left, 'and reads left to right');
  await finish(s, 'reader-hebrew');
});
