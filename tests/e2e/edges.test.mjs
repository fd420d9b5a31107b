// End to end: the edges of issue 14 (§5, §7–§9): each KWIC query computed once, a huge page
// number in the URL, a blank rename after a reload, and loading from a URL (too large, a
// server that never answers). Each scenario ends by asserting the console is empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { usePageTests, watchConsole, until } from './support.mjs';

const env = usePageTests();

/** A page whose engine requests are counted by operation (window.__ops). */
async function open(context, hash) {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.addInitScript(() => {
    window.__ops = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (data, ...rest) {
      if (data?.request) window.__ops.push(data.request);
      return post.call(this, data, ...rest);
    };
  });
  await page.goto(`${env.baseUrl}${hash}`);
  return { page, te: page.locator('text-explorer'), problems };
}

const idleResults = (te) => until(async () => !(await te.locator('.kwic-view .results[aria-busy]').count()), 'the results');

test('a KWIC query is computed once, for the view and the query event together', async () => {
  const context = await env.browser.newContext();
  const { page, te, problems } = await open(context, '#view=kwic&q=putin');
  await te.locator('.kwic tbody tr').first().waitFor();
  await idleResults(te);
  const events = [];
  await page.exposeFunction('__event', (d) => events.push(d));
  await page.evaluate(() => document.querySelector('text-explorer')
    .addEventListener('text-explorer-query', (e) => window.__event(e.detail)));
  await te.locator('.kwic-view input[type="search"]').fill('kim');
  await until(() => events.some((e) => e.query === 'kim'), 'the query event for kim');
  await idleResults(te);
  const kwics = await page.evaluate(() => window.__ops.filter((r) => r.op === 'kwic' && JSON.stringify(r.args).includes('"kim"')).length);
  assert.equal(kwics, 1, 'one kwic request for "kim"');
  const event = events.find((e) => e.query === 'kim');
  const rows = await te.locator('.kwic tbody tr').count();
  assert.ok(event.total >= rows && rows > 0, `the event's total ${event.total}, ${rows} rows`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a huge page number in the URL shows the last page', async () => {
  const context = await env.browser.newContext();
  // Every word: several pages of hits.
  const { page, te, problems } = await open(context, `#view=kwic&q=${encodeURIComponent('/.*/')}&page=999999999`);
  await te.locator('.kwic tbody tr').first().waitFor();
  await idleResults(te);
  const status = await te.locator('.kwic-view .status').innerText();
  assert.doesNotMatch(status, /invalid/i);
  const total = Number(status.replace(/\D/g, ''));
  const last = Math.ceil(total / 100);
  assert.ok(last > 1, `${total} hits`);
  await until(() => page.evaluate(() => location.hash).then((h) => h.includes(`page=${last}`) ? h : ''), `page=${last}`);
  assert.equal(await te.locator('.kwic tbody tr').count(), total - (last - 1) * 100);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a blank rename shows "Document N", and so does the reload', async () => {
  const context = await env.browser.newContext();
  let { page, te, problems } = await open(context, '#view=texts');
  await te.locator('input[name=title]').fill('Field notes');
  await te.locator('textarea[name=text]').fill('The zyzzyva beetle sat on the leaf.');
  await te.getByRole('button', { name: 'Add text' }).click();
  await te.locator('.doc-list tr', { hasText: 'Field notes' }).waitFor();
  await te.getByRole('button', { name: 'Rename Field notes' }).click();
  await te.getByRole('textbox', { name: 'New title for Field notes' }).fill('   ');
  await te.getByRole('button', { name: 'Save', exact: true }).click();
  await te.locator('.doc-list tr', { hasText: 'Document 3' }).waitFor();
  const stored = await page.evaluate(async () => {
    const { openStorage } = await import('./storage.js');
    return (await (await openStorage()).list()).map((r) => r.title);
  });
  assert.deepEqual(stored, ['Document 3']);
  await page.close();
  ({ page, te, problems } = await open(context, '#view=texts'));
  await te.locator('.doc-list tr', { hasText: 'Document 3' }).waitFor();
  assert.equal(await te.locator('.doc-list tr', { hasText: 'Field notes' }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('loading from a URL: busy with Cancel while the server is silent; a declared 200 MB is refused at once', async () => {
  const other = createServer((req, res) => {
    if (req.url === '/big.txt') {
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain', 'content-length': String(200 * 1024 * 1024) });
      const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024, 'a')), 5);
      res.on('close', () => clearInterval(timer));
    }
    // /silent.txt never answers.
  });
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  const far = `http://127.0.0.1:${other.address().port}`;
  const context = await env.browser.newContext();
  const { te, problems } = await open(context, '#view=texts');
  await te.locator('input[name=url]').waitFor();

  await te.locator('input[name=url]').fill(`${far}/silent.txt`);
  await te.getByRole('button', { name: 'Load from URL' }).click();
  await te.locator('form.url[aria-busy="true"]').waitFor();
  assert.match(await te.locator('form.url .url-status').innerText(), /Loading .*silent\.txt… 0\.0 MB so far/);
  assert.equal(await te.getByRole('button', { name: 'Load from URL' }).isDisabled(), true);
  await te.locator('form.url').getByRole('button', { name: 'Cancel' }).click();
  await te.locator('.messages li', { hasText: 'was cancelled' }).waitFor();
  assert.equal(await te.locator('form.url[aria-busy]').count(), 0);
  assert.equal(await te.locator('form.url').getByRole('button', { name: 'Cancel' }).isVisible(), false);

  await te.locator('input[name=url]').fill(`${far}/big.txt`);
  await te.getByRole('button', { name: 'Load from URL' }).click();
  await te.locator('.messages li', { hasText: 'is too large (200.0 MB)' }).waitFor({ timeout: 5000 });
  assert.deepEqual(problems, []);
  await context.close();
  other.closeAllConnections();
  other.close();
});
