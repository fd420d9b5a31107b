// A panic in the engine is a bug; when one happens, its Rust message and location reach the
// console (console_error_panic_hook), the page says "the engine stopped: reloading your
// texts", and the client starts a new engine from the texts the old one held: nothing is
// lost. The panic is provoked through the `panic` operation, which only a test build has
// (cargo feature `test-panic`): scripts/test builds that engine into TEXT_EXPLORER_PANIC_PKG.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/serve.mjs";
import { launch } from "./support.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const TIMEOUT = 30_000;
let server;
let browser;
let root;
let baseUrl;

before(async () => {
  const pkg = process.env.TEXT_EXPLORER_PANIC_PKG;
  if (!pkg || !existsSync(path.join(pkg, "text_explorer.js"))) {
    throw new Error("TEXT_EXPLORER_PANIC_PKG names no engine built with --features test-panic: run scripts/test");
  }
  // www/ as it is (with the decoder's and the languages' builds), with the test build of the
  // engine as its pkg/.
  root = mkdtempSync(path.join(tmpdir(), "te-panic-"));
  cpSync(path.join(repo, "www"), root, { recursive: true, filter: (src) => !src.includes(`${path.sep}pkg`) || src.includes("pkg-decode") || src.includes("pkg-lang") });
  cpSync(pkg, path.join(root, "pkg"), { recursive: true });
  ({ server, url: baseUrl } = await startServer({ root, port: 0 }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (root) rmSync(root, { recursive: true, force: true });
});

test("a panic reaches the console, and the page restarts the engine with every text", async () => {
  const page = await browser.newPage();
  const consoleLines = [];
  const listen = (source) => source.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") consoleLines.push(msg.text());
  });
  listen(page);
  page.on("worker", listen);
  page.on("pageerror", (err) => consoleLines.push(`pageerror: ${err.message}`));
  // Keep the engine's Worker, to send it what no client method sends.
  await page.addInitScript(() => {
    const Native = window.Worker;
    window.engineWorkers = [];
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        window.engineWorkers.push(this);
      }
    };
  });
  await page.goto(`${baseUrl}#view=kwic`);
  const statuses = await page.evaluate(async () => {
    const el = document.querySelector("text-explorer");
    await el.ready;
    await el.addDocument("Notes", "Call me Ishmael. Some years ago, never mind how long.");
    const seen = [];
    const status = el.shadowRoot.querySelector('[part="status"]');
    new MutationObserver(() => seen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    window.statuses = seen;
    return (await el.search("ishmael")).total;
  });
  assert.equal(statuses, 1);

  await page.evaluate(() => window.engineWorkers.at(-1).postMessage({ id: 1e9, request: { op: "panic", args: {} } }));
  // The restarted engine answers with the user's text and the articles.
  const deadline = Date.now() + TIMEOUT;
  let after = null;
  while (!after && Date.now() < deadline) {
    after = await page.evaluate(async () => {
      const el = document.querySelector("text-explorer");
      try {
        const [mine, articles] = [await el.search("ishmael"), await el.search("putin")];
        const restarted = window.engineWorkers.length > 1;
        return restarted && mine.total === 1 && articles.total > 10 ? { articles: articles.total } : null;
      } catch {
        return null;
      }
    });
    if (!after) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.ok(after?.articles > 10, "the restarted engine has the articles and the user's text");
  const seen = await page.evaluate(() => window.statuses);
  assert.ok(seen.some((s) => /The engine stopped: reloading your texts/.test(s)), `the page said so: ${JSON.stringify(seen)}`);
  const docs = await page.evaluate(() => document.querySelector("text-explorer").documents.map((d) => d.title));
  assert.deepEqual(docs.slice(-1), ["Notes"]);
  assert.equal(docs.length, 3);

  const panic = consoleLines.find((line) => line.includes("test-panic: a panic asked for by the test build"));
  assert.ok(panic, `the panic's message reached the console: ${JSON.stringify(consoleLines)}`);
  assert.match(panic, /src[\\/]engine\.rs:\d+/, "with its location");
  // Besides the panic and the client's note, the abort that follows the hook (the wasm trap,
  // "RuntimeError: unreachable" from __rust_abort; the test build's glue adds a line of its
  // own) is reported by the worker: nothing else.
  const expected = /test-panic|the engine stopped: reloading your texts|RuntimeError: unreachable\n[\s\S]*__rust_abort/;
  const unexpected = consoleLines.filter((line) => !expected.test(line));
  assert.deepEqual(unexpected, []);
  await page.close();
});
