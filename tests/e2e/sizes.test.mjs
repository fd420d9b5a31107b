// The build's size accounting (scripts/sizes.mjs) against what Chromium really fetches: the
// files requested on index.html#view=kwic&q=putin before its first KWIC line is drawn must
// be the first-render set that scripts/sizes.mjs computes from the files, no more and no
// fewer, so that the budget in wasm-pack.toml cannot drift from what a reader downloads.
// Prints both sets' totals (gzip -9 per file).
//
// "Before the first KWIC line": an init script observes the element's shadow root and puts a
// performance mark in the same microtask checkpoint as the line's insertion, which is before
// the element starts loading the other views (it waits for the view's update to resolve).
// Every request is recorded (the page's and the engine worker's); one that Resource Timing
// shows starting at or after the mark belongs to after the first render.
//
// Needs the release build in www/pkg and www/pkg-decode (scripts/build). Chromium: see
// support.mjs. TEXT_EXPLORER_WWW serves (and measures) another build of the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everything, firstRender, measure } from '../../scripts/sizes.mjs';
import { usePageTests, watchConsole } from './support.mjs';

const env = usePageTests();
const TIMEOUT = 15_000;

/** Marks 'first-kwic' when the first KWIC line is in the element's shadow root. */
function markFirstKwic() {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(...args) {
    const root = attach.apply(this, args);
    if (this.localName === 'text-explorer') {
      const observer = new MutationObserver(() => {
        if (!root.querySelector('table.kwic tbody tr')) return;
        performance.mark('first-kwic');
        observer.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true });
    }
    return root;
  };
}

/** Resolves once no request has been in flight for `quiet` ms. */
function networkSettled(page, quiet = 500) {
  let inFlight = 0;
  let timer;
  let done;
  const settled = new Promise((resolve) => {
    done = resolve;
  });
  const arm = () => {
    clearTimeout(timer);
    if (inFlight === 0) timer = setTimeout(done, quiet);
  };
  page.on('request', () => {
    inFlight += 1;
    clearTimeout(timer);
  });
  const finished = () => {
    inFlight -= 1;
    arm();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return { settled, arm };
}

/** Resource Timing entries (absolute URLs) that started at or after `at` (epoch ms). */
function startedFrom(at) {
  return performance.getEntriesByType('resource')
    .filter((entry) => performance.timeOrigin + entry.startTime >= at)
    .map((entry) => entry.name);
}

const total = ({ rows, raw, gzip }) => `${rows.length} files, ${raw} B raw, ${gzip} B gzipped`;

test('the first render fetches exactly the files scripts/sizes.mjs counts', async (t) => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = watchConsole(page);
  await page.addInitScript(markFirstKwic);

  // Every request to the server (the page's, its modules', the worker's), as paths of www/.
  const fetched = [];
  const origin = new URL(env.baseUrl).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin) fetched.push(url.href);
  });
  const network = networkSettled(page);
  const file = (href) => decodeURIComponent(new URL(href).pathname).replace(/^\//, '').replace(/(^|\/)$/, '$1index.html');

  await page.goto(`${env.baseUrl}#view=kwic&q=putin`);
  await page.waitForFunction(() => performance.getEntriesByName('first-kwic').length === 1);
  network.arm();
  await network.settled; // the other views' modules, loaded after the first render

  const mark = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('first-kwic')[0].startTime);
  const late = new Set(await page.evaluate(startedFrom, mark));
  for (const worker of page.workers()) {
    for (const href of await worker.evaluate(startedFrom, mark)) late.add(href);
  }
  const before = [...new Set(fetched.filter((href) => !late.has(href)).map(file))].sort();
  const all = [...new Set(fetched.map(file))].sort();

  const first = firstRender({ root: env.root });
  const every = everything({ root: env.root });
  assert.deepEqual(before, first,
    'the files fetched before the first KWIC line are the first-render set of scripts/sizes.mjs; '
    + 'a module loaded on demand for the first view belongs in first_render_modules (wasm-pack.toml)');
  assert.ok(all.length > before.length, `the other views load after the first render (${all.length} files in all)`);
  const uncounted = all.filter((f) => !every.includes(f));
  assert.deepEqual(uncounted, [], 'every file fetched is in the "everything" set');

  const firstSize = measure(first, { root: env.root });
  const everySize = measure(every, { root: env.root });
  t.diagnostic(`first render: ${total(firstSize)}`);
  t.diagnostic(`everything: ${total(everySize)}`);

  await context.close();
  assert.deepEqual(problems, [], 'the console must stay empty');
});
