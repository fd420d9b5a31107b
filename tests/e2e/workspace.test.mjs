// End-to-end tests of the workspace (issue 13 §1): on a wide screen the page opens on panels
// side by side (KWIC, Reader, Terms, Dispersion) under one search box; one query drives them
// all; each panel can be swapped, maximised and closed, and the layout is in the URL. A phone,
// a widget with layout="tabs" and a link with layout=tabs keep the tabs.
//
// Needs the release build in www/pkg (scripts/build). Chromium: see support.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { until as untilFor, usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
const TIMEOUT = 15_000;
const until = (fn, what, timeout = TIMEOUT) => untilFor(fn, what, timeout);

/** Counts the engine requests by operation: every message the client posts to its worker. */
function countRequests() {
  globalThis.engineRequests = [];
  for (const proto of [Worker.prototype, MessagePort.prototype]) {
    const post = proto.postMessage;
    proto.postMessage = function postMessage(data, ...rest) {
      if (data?.request?.op) globalThis.engineRequests.push(data.request.op);
      return post.call(this, data, ...rest);
    };
  }
}

async function open(hash = '', { width = 1280, height = 900, wait = true } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = watchConsole(page);
  page.setDefaultTimeout(TIMEOUT);
  await page.addInitScript(countRequests);
  await page.goto(env.baseUrl + hash);
  if (wait) await page.locator('text-explorer select[id$="-doc"]:enabled').waitFor();
  return { page, problems, context };
}

async function finish({ page, problems, context }, name) {
  await page.screenshot({ path: path.join(env.results, `${name}.png`) });
  await context.close();
  assert.deepEqual(problems, [], 'the console must stay empty');
}

const el = (page, selector) => page.locator(`text-explorer ${selector}`);
const hashParams = (page) => new URLSearchParams(new URL(page.url()).hash.slice(1));
/** The shown panels' headings, in the document's (reading and Tab) order. */
const panelNames = (page) => page.evaluate(() => {
  const root = document.querySelector('text-explorer').shadowRoot;
  return [...root.querySelectorAll('[role="region"].panel:not([hidden])')].map((p) => root.getElementById(p.getAttribute('aria-labelledby')).textContent);
});
const requests = (page) => page.evaluate(() => [...globalThis.engineRequests]);
/** The requests made after `before` (a count), once none has been made for 400 ms. */
async function requestsSince(page, before) {
  let last = -1;
  await until(async () => {
    const n = (await requests(page)).length;
    const still = n === last;
    last = n;
    if (!still) await page.waitForTimeout(400);
    return still;
  }, 'the engine requests to settle');
  return (await requests(page)).slice(before);
}
const activeInfo = (page) => page.evaluate(() => {
  const a = document.querySelector('text-explorer').shadowRoot.activeElement;
  return a ? { tag: a.localName, label: a.getAttribute('aria-label'), id: a.id, value: a.value } : null;
});

test('a wide screen opens on the workspace: the articles, a focused search box and the top terms at once', async (t) => {
  const s = await open('', { wait: false });
  const start = Date.now();
  // First render: the article text and the terms, timed from navigation.
  await el(s.page, '.reader .text').filter({ hasText: 'Pyongyang' }).waitFor();
  const textAt = Date.now() - start;
  await el(s.page, '.terms tbody tr').first().waitFor();
  t.diagnostic(`article text after ${textAt} ms, terms after ${Date.now() - start} ms (from goto's return)`);
  assert.ok(await el(s.page, '.app.workspace').count(), 'the workspace layout');
  assert.deepEqual(await panelNames(s.page), ['KWIC', 'Reader', 'Terms', 'Dispersion']);
  assert.equal(await el(s.page, '[role="tablist"]').isVisible(), false, 'no tabs');
  const search = el(s.page, 'input[id$="-search"]');
  assert.ok(await search.isVisible(), 'the search box across the top');
  await until(() => search.evaluate((node) => node.getRootNode().activeElement === node), 'the search box to be focused');
  // All of it is on the first screen (1280×900): the search box, the article and the top term.
  for (const [what, selector] of [['search box', 'input[id$="-search"]'], ['article', '.reader .text'], ['top term', '.terms tbody tr:first-child']]) {
    const box = await el(s.page, selector).first().boundingBox();
    assert.ok(box && box.y >= 0 && box.y + Math.min(box.height, 20) <= 900, `the ${what} is on the first screen (${JSON.stringify(box)})`);
  }
  assert.equal(hashParams(s.page).toString(), '', 'the default layout stays out of the URL');
  await finish(s, 'workspace-first');
});

test('the first render is timed to the first KWIC line and the article text', async (t) => {
  const times = [];
  for (let i = 0; i < 3; i += 1) {
    const s = await open('#q=putin', { wait: false });
    const ms = await s.page.evaluate(() => new Promise((resolve) => {
      const root = () => document.querySelector('text-explorer')?.shadowRoot;
      const tick = () => {
        const r = root();
        if (r?.querySelector('.kwic-view tbody tr') && r.querySelector('.reader .text mark')) resolve(performance.now());
        else requestAnimationFrame(tick);
      };
      tick();
    }));
    times.push(Math.round(ms));
    await finish(s, `workspace-timed-${i}`);
  }
  t.diagnostic(`navigation to the first KWIC line and the marked article: ${times.join(', ')} ms`);
  assert.ok(times.every((ms) => ms > 0));
});

test('clicking a term updates every panel; Back and Forward step through the selections', async () => {
  const s = await open();
  const { page } = s;
  // Collocates shown too: added from the workspace's menu.
  await el(page, 'select[id$="-add"]').selectOption('collocates');
  assert.deepEqual(await panelNames(page), ['KWIC', 'Reader', 'Terms', 'Dispersion', 'Collocates']);
  assert.equal(hashParams(page).get('panels'), 'kwic,reader,terms,dispersion,collocates');
  const term = el(page, '.terms tbody tr:first-child .term-btn');
  const word = (await term.textContent()).trim();
  await term.click();
  await until(async () => hashParams(page).get('q') === word, 'the query in the URL');
  // KWIC: lines whose keyword is the term.
  await el(page, '.kwic-view tbody tr').first().waitFor();
  const keyword = (await el(page, '.kwic-view tbody tr:first-child .kw').textContent()).trim().toLowerCase();
  assert.ok(keyword.startsWith(word), `KWIC shows ${word} (${keyword})`);
  // Reader: the hits are marked.
  await until(async () => (await el(page, '.reader .text mark').count()) > 0, 'marks in the Reader');
  assert.ok((await el(page, '.reader .text mark').first().textContent()).toLowerCase().startsWith(word));
  // Dispersion: the term's hits are drawn.
  await until(async () => (await el(page, '.dispersion .status').textContent()).startsWith(`${word}:`), 'Dispersion of the term');
  assert.ok(await el(page, '.dispersion svg path.marks').count() > 0, 'the barcode has marks');
  // Collocates: the term's collocates.
  await until(async () => (await el(page, '.collocates tbody tr').count()) > 0, 'collocates of the term');
  // The search box shows the query; focus stayed on the term.
  assert.equal(await el(page, 'input[id$="-search"]').inputValue(), word);
  assert.equal((await activeInfo(page))?.tag, 'button');

  // A second selection from KWIC: a line opens its hit in the Reader (the current mark).
  await el(page, '.kwic-view tbody tr:nth-child(2) .kw-btn').click();
  await until(async () => hashParams(page).get('hit') !== null, 'the hit in the URL');
  await until(async () => (await el(page, '.reader mark.current').count()) === 1, 'the current hit in the Reader');
  assert.deepEqual(await panelNames(page), ['KWIC', 'Reader', 'Terms', 'Dispersion', 'Collocates'], 'the panels stay');

  await page.goBack();
  await until(async () => hashParams(page).get('hit') === null && hashParams(page).get('q') === word, 'Back: the term without the hit');
  await page.goBack();
  await until(async () => !hashParams(page).has('q'), 'Back: no query');
  await until(async () => (await el(page, '.kwic-view tbody tr').count()) === 0, 'KWIC empty again');
  await until(async () => (await el(page, '.reader .text mark').count()) === 0, 'no marks in the Reader');
  await page.goForward();
  await until(async () => hashParams(page).get('q') === word, 'Forward: the term again');
  await until(async () => (await el(page, '.reader .text mark').count()) > 0, 'the marks again');
  await finish(s, 'workspace-linked');
});

test('each panel asks the engine only when its own inputs change', async () => {
  const s = await open('#q=korea');
  const { page } = s;
  await el(page, '.dispersion svg').first().waitFor();
  await el(page, '.reader .text mark').first().waitFor();
  let before = (await requestsSince(page, 0)).length;
  // Hiding stop words concerns Terms only: one request, from Terms.
  await el(page, '.terms input[type="checkbox"]').first().click();
  await until(async () => hashParams(page).get('stopwords') === 'show', 'stop words shown');
  assert.deepEqual(await requestsSince(page, before), ['termsPage']);
  // The KWIC sort concerns KWIC only.
  before = (await requests(page)).length;
  await el(page, '.kwic-view select').first().selectOption('1R');
  await until(async () => hashParams(page).get('sort') === '1R', 'the sort in the URL');
  assert.deepEqual(await requestsSince(page, before), ['kwic']);
  // A new query concerns the panels that read it: KWIC, the Reader and Dispersion (not Terms).
  // The Reader keeps its text and asks only for the hits of the blocks it shows (hitSpans).
  before = (await requests(page)).length;
  await el(page, 'input[id$="-search"]').fill('putin');
  await el(page, 'input[id$="-search"]').press('Enter');
  await until(async () => (await el(page, '.dispersion .status').textContent()).startsWith('putin:'), 'Dispersion of putin');
  assert.deepEqual((await requestsSince(page, before)).sort(), ['dispersion', 'hitSpans', 'kwic']);
  await finish(s, 'workspace-requests');
});

test('panels swap, maximise and close; the URL restores them; focus stays', async () => {
  const s = await open();
  const { page } = s;
  // Swap Terms for the Cloud: the focus moves to the Cloud panel's own menu.
  await el(page, 'select[aria-label="View shown in the panel Terms"]').selectOption('cloud');
  await until(async () => hashParams(page).get('panels') === 'kwic,reader,cloud,dispersion', 'panels in the URL');
  assert.deepEqual(await panelNames(page), ['KWIC', 'Reader', 'Cloud', 'Dispersion']);
  await el(page, '.cloud-word').first().waitFor();
  assert.equal((await activeInfo(page))?.label, 'View shown in the panel Cloud');
  // Swapping to a view another panel shows exchanges the two: each view in one panel.
  await el(page, 'select[aria-label="View shown in the panel KWIC"]').selectOption('reader');
  await until(async () => hashParams(page).get('panels') === 'reader,kwic,cloud,dispersion', 'KWIC and Reader exchanged');
  assert.deepEqual(await panelNames(page), ['Reader', 'KWIC', 'Cloud', 'Dispersion']);
  // A Cloud word drives the others.
  await el(page, '.cloud-word').first().click();
  await until(async () => hashParams(page).has('q'), 'a query from the Cloud');
  await el(page, '.kwic-view tbody tr').first().waitFor();

  // Maximise the Reader: the only panel shown; its button is pressed and keeps focus.
  const max = el(page, 'button[aria-label="Maximise Reader"]');
  await max.click();
  await until(async () => hashParams(page).get('max') === 'reader', 'max in the URL');
  assert.deepEqual(await panelNames(page), ['Reader']);
  const restore = el(page, 'button[aria-label="Restore Reader beside the other panels"]');
  assert.equal(await restore.getAttribute('aria-pressed'), 'true');
  assert.equal((await activeInfo(page))?.label, 'Restore Reader beside the other panels');
  // Keyboard: Enter restores.
  await page.keyboard.press('Enter');
  await until(async () => !hashParams(page).has('max'), 'restored');
  assert.deepEqual(await panelNames(page), ['Reader', 'KWIC', 'Cloud', 'Dispersion']);

  // Close KWIC: focus goes to the panel that took its place.
  await el(page, 'button[aria-label="Close KWIC"]').click();
  await until(async () => hashParams(page).get('panels') === 'reader,cloud,dispersion', 'KWIC closed');
  assert.deepEqual(await panelNames(page), ['Reader', 'Cloud', 'Dispersion']);
  assert.equal((await activeInfo(page))?.label, 'View shown in the panel Cloud');
  // Close the others down to one: the last one has no Close.
  await el(page, 'button[aria-label="Close Cloud"]').click();
  await el(page, 'button[aria-label="Close Dispersion"]').click();
  assert.deepEqual(await panelNames(page), ['Reader']);
  assert.equal(await el(page, 'button[aria-label="Close Reader"]').isVisible(), false);
  await el(page, 'select[id$="-add"]').selectOption('dispersion');
  await el(page, 'button[aria-label="Maximise Dispersion"]').click();
  const url = page.url();
  assert.equal(hashParams(page).get('panels'), 'reader,dispersion');
  assert.equal(hashParams(page).get('max'), 'dispersion');

  // The permalink reopens the same workspace.
  const again = await open(new URL(url).hash);
  assert.deepEqual(await panelNames(again.page), ['Dispersion']);
  await el(again.page, 'button[aria-label="Restore Dispersion beside the other panels"]').click();
  assert.deepEqual(await panelNames(again.page), ['Reader', 'Dispersion']);
  await finish(again, 'workspace-restored');
  await finish(s, 'workspace-panels');
});

test('by keyboard, the swap and Add menus step through their choices without acting; Enter acts, Escape puts the menu back', async () => {
  const s = await open();
  const { page } = s;
  const swap = el(page, 'select[aria-label="View shown in the panel Terms"]');
  await swap.focus();
  // Arrow keys step the closed menu (its value changes) but the panels stay as they are.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const stepped = await swap.inputValue();
  assert.notEqual(stepped, 'terms', 'the arrow keys stepped the menu');
  await page.waitForTimeout(300);
  assert.deepEqual(await panelNames(page), ['KWIC', 'Reader', 'Terms', 'Dispersion']);
  assert.equal(hashParams(page).get('panels'), null);
  // Escape puts the menu back on its panel's view; nothing changed.
  await page.keyboard.press('Escape');
  assert.equal(await swap.inputValue(), 'terms');
  assert.deepEqual(await panelNames(page), ['KWIC', 'Reader', 'Terms', 'Dispersion']);
  // Step again, then Enter: the stepped view takes the panel, and focus is on its menu.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const chosen = await swap.inputValue();
  await page.keyboard.press('Enter');
  await until(async () => hashParams(page).get('panels')?.split(',')[2] === chosen, `${chosen} in the third panel`);
  assert.equal((await panelNames(page)).length, 4);
  assert.match((await activeInfo(page))?.label ?? '', /^View shown in the panel /);
  // Leaving a stepped menu (Tab) puts it back too.
  const add = el(page, 'select[id$="-add"]');
  await add.focus();
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await add.inputValue(), '');
  await page.keyboard.press('Tab');
  assert.equal(await add.inputValue(), '');
  assert.equal((await panelNames(page)).length, 4);
  // A mouse choice still acts at once.
  await add.selectOption('cloud');
  await until(async () => (await panelNames(page)).includes('Cloud'), 'the Cloud added');
  await finish(s, 'workspace-keyboard-menus');
});

test('panels are labelled regions in order, reachable by Tab, with headings under the h1', async () => {
  const s = await open();
  const { page } = s;
  const regions = await page.evaluate(() => {
    const root = document.querySelector('text-explorer').shadowRoot;
    return [...root.querySelectorAll('.panel:not([hidden])')].map((p) => ({
      role: p.getAttribute('role'), heading: root.getElementById(p.getAttribute('aria-labelledby'))?.localName,
    }));
  });
  assert.deepEqual(regions, Array(4).fill({ role: 'region', heading: 'h2' }));
  // Tab from the search box reaches the panels' controls in the panels' order.
  const order = [];
  await el(page, 'input[id$="-search"]').focus();
  for (let i = 0; i < 600 && order.length < 4; i += 1) {
    await page.keyboard.press('Tab');
    const label = (await activeInfo(page))?.label ?? '';
    const m = /^View shown in the panel (.+)$/.exec(label);
    if (m) order.push(m[1]);
  }
  assert.deepEqual(order, ['KWIC', 'Reader', 'Terms', 'Dispersion']);
  await finish(s, 'workspace-keyboard');
});

test('a phone, layout=tabs in the URL and a widget with layout="tabs" keep the tabs', async () => {
  const phone = await open('#view=kwic&q=korea', { width: 390, height: 800 });
  assert.equal(await el(phone.page, '.app.workspace').count(), 0, 'no workspace on a phone');
  assert.ok(await el(phone.page, '[role="tablist"]').isVisible());
  await el(phone.page, '[role="tabpanel"]:not([hidden]) .kwic-view tbody tr').first().waitFor();
  await finish(phone, 'workspace-phone');

  const linked = await open('#layout=tabs&view=terms');
  assert.equal(await el(linked.page, '.app.workspace').count(), 0, 'layout=tabs wins over the width');
  assert.ok(await el(linked.page, '[role="tablist"]').isVisible());
  await finish(linked, 'workspace-tabs-link');

  // Widgets: layout="tabs" at 1280 px keeps the tabs; layout="workspace" in a narrow box
  // shows the panels.
  const s = await open('#layout=tabs');
  await s.page.evaluate(() => {
    for (const [layout, width] of [['tabs', '1200px'], ['workspace', '700px']]) {
      const widget = document.createElement('text-explorer');
      widget.setAttribute('layout', layout);
      widget.id = `widget-${layout}`;
      widget.style.width = width;
      widget.style.display = 'block';
      const text = document.createElement('script');
      text.type = 'text/plain';
      text.dataset.title = 'Sample';
      text.textContent = 'The quick brown fox jumps over the lazy dog. The dog sleeps.';
      widget.append(text);
      document.body.append(widget);
    }
  });
  const tabs = s.page.locator('#widget-tabs');
  await tabs.locator('select[id$="-doc"]:enabled').waitFor();
  assert.ok(await tabs.locator('[role="tablist"]').isVisible(), 'layout="tabs": tabs at 1200 px');
  assert.equal(await tabs.locator('.app.workspace').count(), 0);
  const work = s.page.locator('#widget-workspace');
  await work.locator('select[id$="-doc"]:enabled').waitFor();
  assert.equal(await work.locator('.app.workspace').count(), 1, 'layout="workspace" at 700 px');
  await work.locator('.terms tbody tr').first().waitFor();
  // Its state stays in the element: the page's URL is the page's.
  assert.equal(hashParams(s.page).get('layout'), 'tabs');
  await finish(s, 'workspace-widgets');
});

test('a link that names a view no panel shows adds its panel; closing it does not bring it back', async () => {
  const session = await open('#view=network&q=putin');
  const { page } = session;
  await until(async () => (await panelNames(page)).includes('Network'), 'a Network panel');
  assert.deepEqual(await panelNames(page), ['KWIC', 'Reader', 'Terms', 'Dispersion', 'Network']);
  assert.equal(hashParams(page).get('panels'), 'kwic,reader,terms,dispersion,network');
  await el(page, '[role="region"].panel:not([hidden]) .net-node').first().waitFor();
  await el(page, 'button[aria-label="Close Network"]').click();
  await until(async () => !(await panelNames(page)).includes('Network'), 'the Network panel closed');
  await page.waitForTimeout(300);
  assert.deepEqual(await panelNames(page), ['KWIC', 'Reader', 'Terms', 'Dispersion']);
  assert.notEqual(hashParams(page).get('view'), 'network');
  await finish(session, 'workspace-link-adds-panel');
});
