// axe-core (the accessibility rules engine of Deque, npm) over every view of the page, in four
// modes: light, dark, a phone (375×800) and forced colours (Windows high contrast). axe reads
// into the widget's open shadow root. Every violation of WCAG 2.x A/AA and of axe's best
// practices fails the test, listed with the rule, the element and axe's help text.
//
// Needs the release build in www/pkg (scripts/build) and axe-core (npm ci).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TIMEOUT = 20_000;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const MODES = {
  light: { viewport: { width: 1100, height: 900 }, colorScheme: 'light' },
  dark: { viewport: { width: 1100, height: 900 }, colorScheme: 'dark' },
  phone: { viewport: { width: 375, height: 800 }, colorScheme: 'light', isMobile: true, hasTouch: true },
  forced: { viewport: { width: 1100, height: 900 }, colorScheme: 'light', forcedColors: 'active' },
};

// Each view, with what shows that it has drawn its answer.
const VIEWS = [
  ['summary', '.summary table'], ['terms', '.terms tbody tr'], ['kwic', '.kwic-view tbody tr'],
  ['reader', '.reader .text mark'], ['collocates', '.collocates tbody tr'], ['phrases', '.phrases tbody tr'],
  ['keyness', '.keyness tbody tr'], ['dispersion', '.dispersion svg'], ['trends', '.trends svg'], ['compare', '.compare tbody tr'],
  ['cloud', '.cloud-word'], ['texts', '.texts table'],
  ['wordtree', '.wordtree .wt-tree button'],
  // KWIC's tools: a filter, a sample and tag menus on each line.
  ['kwic', '.kwic-view .tag-select', { hash: '&where=W%3Dnorth&sample=5&seed=3', tags: 'literal, figurative' }],
  ['keyness', '.keyness tbody tr'], ['dispersion', '.dispersion svg'], ['compare', '.compare tbody tr'],
  ['cloud', '.cloud-word'], ['texts', '.texts table'], ['network', '.network .net-node'],
];

async function audit(page) {
  return page.evaluate(async (tags) => {
    const result = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' >> ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`),
    }));
  }, TAGS);
}

for (const [mode, options] of Object.entries(MODES)) {
  test(`axe finds nothing in any view: ${mode}`, async () => {
    const { forcedColors, ...contextOptions } = options;
    const context = await env.browser.newContext(contextOptions);
    const page = await context.newPage();
    if (forcedColors) await page.emulateMedia({ forcedColors });
    page.setDefaultTimeout(TIMEOUT);
    const problems = watchConsole(page);
    // Tabs (a wide screen opens on the workspace, audited below).
    await page.goto(`${env.baseUrl}#view=summary&q=Korea&layout=tabs`);
    await page.locator('text-explorer select[id$="-doc"]:enabled').waitFor();
    await page.addScriptTag({ path: AXE });
    const found = [];
    for (const [view, sign, tools] of VIEWS) {
      await page.evaluate((h) => { location.hash = h; }, `view=${view}&q=Korea&layout=tabs${tools?.hash ?? ''}`);
      if (tools?.tags) {
        const names = page.locator('text-explorer [role="tabpanel"]:not([hidden]) .kwic-tools input.tag-names');
        await names.fill(tools.tags);
        await names.press('Enter');
      }
      await page.locator(`text-explorer [role="tabpanel"]:not([hidden]) ${sign}`).first().waitFor();
      await page.waitForTimeout(100); // the view's last paint (aria-busy cleared, tools loaded)
      if (view === 'kwic' || view === 'cloud' || view === 'texts' || view === 'network') await page.screenshot({ path: `/tmp/a11y-axe-${mode}-${view}.png` });
      for (const v of await audit(page)) found.push({ view, ...v });
    }
    await context.close();
    assert.deepEqual(found, [], `axe (${mode}): ${JSON.stringify(found, null, 1)}`);
    assert.deepEqual(problems, [], 'the console must stay empty');
  });
}

// The workspace (panels side by side), in the same four modes: the default panels with a
// query, then the Cloud and Collocates swapped in and one panel maximised. On the phone it
// is asked for by the link (a phone opens on the tabs).
for (const [mode, options] of Object.entries(MODES)) {
  test(`axe finds nothing in the workspace: ${mode}`, async () => {
    const { forcedColors, ...contextOptions } = options;
    const context = await env.browser.newContext(contextOptions);
    const page = await context.newPage();
    if (forcedColors) await page.emulateMedia({ forcedColors });
    page.setDefaultTimeout(TIMEOUT);
    const problems = watchConsole(page);
    const found = [];
    const steps = [
      ['default', 'layout=workspace&q=Korea', ['.kwic-view tbody tr', '.reader .text mark', '.terms tbody tr', '.dispersion svg']],
      ['swapped', 'layout=workspace&q=Korea&panels=cloud,reader,collocates,kwic', ['.cloud-word', '.collocates tbody tr']],
      ['maximised', 'layout=workspace&q=Korea&panels=cloud,reader,collocates,kwic&max=reader', ['.reader .text mark']],
    ];
    await page.goto(`${env.baseUrl}#${steps[0][1]}`);
    await page.locator('text-explorer select[id$="-doc"]:enabled').waitFor();
    await page.addScriptTag({ path: AXE });
    for (const [step, hash, signs] of steps) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      for (const sign of signs) await page.locator(`text-explorer .app.workspace .panel:not([hidden]) ${sign}`).first().waitFor();
      await page.waitForTimeout(150);
      await page.screenshot({ path: `/tmp/a11y-axe-workspace-${mode}-${step}.png` });
      for (const v of await audit(page)) found.push({ step, ...v });
    }
    await context.close();
    assert.deepEqual(found, [], `axe (workspace, ${mode}): ${JSON.stringify(found, null, 1)}`);
    assert.deepEqual(problems, [], 'the console must stay empty');
  });
}
