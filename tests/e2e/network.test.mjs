// End-to-end tests of the Network view (the collocation graph) in headless Chromium, on the
// embedded articles: the graph of `putin`, expanding a collocate (shared collocates link to
// both), the keyboard (one tab stop, arrows, Enter, Home), the table alternative and its
// exports, the URL state (net=) and a phone's width. Each scenario ends with an empty console.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { usePageTests, watchConsole, until } from './support.mjs';

const env = usePageTests();
const { results } = env;
const TIMEOUT = 10_000;

async function open(hash, { width = 960, height = 900 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchConsole(page);
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(env.baseUrl + hash);
  await page.locator('text-explorer select[id$="-doc"]:enabled').waitFor();
  return { page, problems, context };
}

async function finish({ page, problems, context }, name) {
  await page.screenshot({ path: path.join(results, `${name}.png`), fullPage: true });
  await context.close();
  assert.deepEqual(problems, [], 'the console stays empty');
}

const panel = (page) => page.locator('text-explorer [role="tabpanel"][id$="-panel-network"]');
const hashKey = (page, key) => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);

/** The links of the table: [from, to] pairs. */
async function tableLinks(view) {
  return view.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent]));
}

async function nodeTerms(view) {
  return view.locator('.net-node').evaluateAll((nodes) => nodes.map((n) => n.dataset.term));
}

test('network: the graph of putin, and expanding a collocate links shared collocates to both', async () => {
  const session = await open('#view=network&q=putin');
  const { page } = session;
  const view = panel(page);
  await view.locator('.net-node').nth(3).waitFor();
  const root = view.locator('.net-node.root');
  assert.equal(await root.getAttribute('data-term'), 'putin');
  const before = await nodeTerms(view);
  assert.equal(before.length, 11, 'the query and its 10 top collocates');
  assert.match(await view.locator('.status').textContent(), /^putin: 11 words, 10 links, 0 expanded$/);
  // Every node but the root is linked from putin in the table.
  const links = await tableLinks(view);
  assert.deepEqual(links.map(([from]) => from), Array(10).fill('putin'));
  assert.deepEqual(links.map(([, to]) => to).sort(), before.slice(1).sort());
  // Node size by frequency (the root's: the query's hits): a more frequent word is larger.
  const sized = await view.locator('.net-node').evaluateAll((nodes) => nodes.map((n) => ({
    f: Number(n.getAttribute('aria-label').match(/frequency ([\d,]+)/)[1].replace(/,/g, '')),
    r: Number(n.querySelector('circle.dot').getAttribute('r')),
  })));
  sized.sort((a, b) => a.f - b.f);
  assert.ok(sized.every((s, i) => i === 0 || s.r >= sized[i - 1].r), `radii by frequency: ${JSON.stringify(sized)}`);
  assert.ok(sized.at(-1).r > sized[0].r);
  // Edge width by the measure: not all the same.
  const widths = await view.locator('.net-edge').evaluateAll((l) => l.map((x) => Number(x.getAttribute('stroke-width'))));
  assert.ok(new Set(widths).size > 1, `widths ${widths}`);

  // Expand the first collocate by a click: its own collocates join, the others stay put.
  const first = view.locator('.net-node:not(.root)').first();
  const term = await first.getAttribute('data-term');
  const place = async (t) => view.locator(`.net-node[data-term="${t}"] circle.dot`).evaluate((c) => [c.getAttribute('cx'), c.getAttribute('cy')]);
  const placed = await place(before[5]);
  await first.locator('circle.dot').click();
  await until(async () => hashKey(page, 'net') === term, 'net= in the URL');
  await until(async () => (await view.locator('.net-node').count()) > before.length, 'more nodes');
  assert.equal(await view.locator(`.net-node[data-term="${term}"]`).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await place(before[5]), placed, 'a node shown before keeps its place');
  const after = await tableLinks(view);
  const fromRoot = new Set(after.filter(([f]) => f === 'putin').map(([, t]) => t));
  const fromTerm = new Set(after.filter(([f]) => f === term).map(([, t]) => t));
  const shared = [...fromTerm].filter((t) => fromRoot.has(t));
  assert.ok(shared.length > 0, `a collocate of both putin and ${term}`);
  // On the graph, the shared word has a line to each of them.
  const index = async (t) => Number(await view.locator(`.net-node[data-term="${t}"]`).getAttribute('data-index'));
  const [r, e, s] = [await index('putin'), await index(term), await index(shared[0])];
  const hasLine = async (a, b) => (await view.locator(`.net-edge[data-from="${a}"][data-to="${b}"], .net-edge[data-from="${b}"][data-to="${a}"]`).count()) === 1;
  assert.ok(await hasLine(r, s) && await hasLine(e, s), `${shared[0]} links to putin and ${term}`);
  assert.match(await view.locator('.status').textContent(), /, 1 expanded$/);

  // The expand/collapse button acts on the current word: collapsing removes its collocates.
  await view.getByRole('button', { name: `Collapse “${term}”` }).click();
  await until(async () => hashKey(page, 'net') === null, 'net= left out');
  await until(async () => (await view.locator('.net-node').count()) === before.length, 'back to 11 nodes');
  // Back restores the expansion.
  await page.goBack();
  await until(async () => (await view.locator('.net-node').count()) > before.length, 'Back expands it again');
  await finish(session, 'network-expand');
});

test('network: one tab stop, arrow keys to the nearest word, Enter expands, a visible focus ring', async () => {
  const session = await open('#view=network&q=putin');
  const { page } = session;
  const view = panel(page);
  await view.locator('.net-node').nth(3).waitFor();
  const tabbable = await view.locator('.net-node').evaluateAll((n) => n.filter((x) => x.getAttribute('tabindex') === '0').length);
  assert.equal(tabbable, 1, 'the graph is one tab stop');
  // Tab from the Download SVG button reaches the graph (the Expand button is hidden while the
  // query is the current word).
  await view.getByRole('button', { name: 'Download SVG' }).focus();
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => {
    const el = document.querySelector('text-explorer').shadowRoot.activeElement;
    const dot = el?.querySelector?.('circle.dot');
    return el?.classList?.contains('net-node') ? { term: el.dataset.term, x: Number(dot.getAttribute('cx')), y: Number(dot.getAttribute('cy')) } : null;
  });
  const start = await focused();
  assert.equal(start?.term, 'putin', 'the query has the focus first');
  const ring = await view.locator('.net-node.root .ring').evaluate((c) => getComputedStyle(c).visibility);
  assert.equal(ring, 'visible', 'the focus ring shows');
  assert.match(await view.locator('.net-node.root').getAttribute('aria-label'), /^putin, frequency \d+, linked to .+ \(the query\)$/);
  for (const [key, better] of [['ArrowRight', (a, b) => b.x > a.x], ['ArrowDown', (a, b) => b.y > a.y], ['ArrowLeft', (a, b) => b.x < a.x], ['ArrowUp', (a, b) => b.y < a.y]]) {
    await page.keyboard.press('Home');
    await page.keyboard.press(key);
    const now = await focused();
    assert.ok(now && now.term !== 'putin' && better(start, now), `${key} moves that way: ${JSON.stringify(now)}`);
  }
  // Still one tab stop: the focused word.
  const now = await focused();
  assert.deepEqual(await view.locator('.net-node[tabindex="0"]').evaluateAll((n) => n.map((x) => x.dataset.term)), [now.term]);
  await page.keyboard.press('Enter');
  await until(async () => hashKey(page, 'net') === now.term, 'Enter expands the focused word');
  await until(async () => (await focused())?.term === now.term, 'the focus stays on the word');
  assert.equal(await view.locator(`.net-node[data-term="${now.term}"]`).getAttribute('aria-pressed'), 'true');
  // The edge values of the focused word show on the graph.
  await until(async () => (await view.locator('.net-value[visibility="visible"]').count()) > 0, 'values of its links shown');
  await page.keyboard.press(' ');
  await until(async () => hashKey(page, 'net') === null, 'Space collapses it');
  await finish(session, 'network-keyboard');
});

test('network: the table alternative, CSV and SVG export, and the state restored from the URL', async () => {
  const first = await open('#view=network&q=putin');
  const term = await panel(first.page).locator('.net-node:not(.root)').nth(1).getAttribute('data-term');
  await first.context.close();
  const session = await open(`#view=network&q=putin&net=${encodeURIComponent(term)}`);
  const { page } = session;
  const view = panel(page);
  await view.locator(`.net-node.expanded[data-term="${term}"]`).waitFor();
  assert.ok((await view.locator('.net-node').count()) > 11);
  const links = await tableLinks(view);
  assert.ok(links.some(([from]) => from === term), 'its links are in the table');
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  assert.equal(csvDownload.suggestedFilename(), 'network-putin.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  assert.match(csv, /^From,To,logDice,Observed\r\n/);
  assert.equal(csv.trim().split('\r\n').length, links.length + 1);
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const file = readFileSync(await svgDownload.path(), 'utf8');
  assert.match(file, /^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(file.includes(`>${term}</text>`) && file.includes('>putin</text>'), file.slice(0, 600));
  assert.equal(file.match(/<g class="net-node/g).length, await view.locator('.net-node').count());
  // Another measure: the table's column, the values and the words follow.
  const values = await view.locator('tbody tr td:nth-child(3)').allTextContents();
  await view.getByLabel('Measure').selectOption('mi');
  await view.locator('th', { hasText: 'MI' }).waitFor();
  await until(async () => (await view.locator('tbody tr td:nth-child(3)').allTextContents()).join() !== values.join(), 'MI values');
  // A new query expands nothing.
  await view.locator('input[type="search"]').fill('korea');
  await until(async () => (await view.locator('.net-node.root').getAttribute('data-term')) === 'korea', 'the graph of korea');
  assert.equal(hashKey(page, 'net'), null);
  await finish(session, 'network-table');
});

test('network: on a phone the graph fits and its labels stay 10 px or more', async () => {
  const session = await open('#view=network&q=putin', { width: 390, height: 844 });
  const { page } = session;
  const view = panel(page);
  await view.locator('.net-node').nth(3).waitFor();
  const { shown, unit, font, overflow } = await view.locator('.network-chart svg').evaluate((el) => {
    const box = el.getBoundingClientRect();
    const label = el.querySelector('.net-node:not(.root) .net-label');
    return {
      shown: box.width,
      unit: box.width / el.viewBox.baseVal.width,
      font: Number(label.getAttribute('font-size')),
      overflow: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
  assert.ok(shown <= 390, `the graph fits: ${shown}`);
  assert.ok(font * unit >= 10, `labels ${font * unit} px`);
  assert.equal(overflow, false, 'no sideways scroll');
  await finish(session, 'network-phone');
});
