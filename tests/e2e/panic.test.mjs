// A panic in the engine is a bug; when one happens, its Rust message and location reach the
// console (console_error_panic_hook), the page says "the engine stopped: reloading your
// texts", and the client starts a new engine from the texts the old one held: nothing is
// lost. The panic is provoked through the `panic` operation, which only a test build has
// (cargo feature `test-panic`): scripts/test builds that engine into TEXT_EXPLORER_PANIC_PKG.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
// A host page on another origin (another port), which loads the widget from `server`: the
// widget then runs its engine in a worker started from a blob: shim (host.html), or on the
// page's thread where the host's CSP refuses that worker (in-page.html).
let host;
let hostDir;

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
  ({ server, url: baseUrl } = await startServer({ root, port: 0, headers: { "Access-Control-Allow-Origin": "*" } }));
  hostDir = mkdtempSync(path.join(tmpdir(), "te-panic-host-"));
  writeFileSync(path.join(hostDir, "icon.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');
  const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="icon.svg">
<script type="module" src="${baseUrl}text-explorer.js"></script></head>
<body><text-explorer view="kwic"></text-explorer></body></html>`;
  writeFileSync(path.join(hostDir, "host.html"), hostPage);
  writeFileSync(path.join(hostDir, "in-page.html"), hostPage);
  host = await startServer({
    root: hostDir,
    port: 0,
    headers: (_req, file) => (file.endsWith("in-page.html") ? { "Content-Security-Policy": "worker-src 'none'" } : {}),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  await new Promise((resolve) => (host ? host.server.close(resolve) : resolve()));
  if (root) rmSync(root, { recursive: true, force: true });
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

/** Adds the user's text "Notes" and records what the status line says from then on. */
async function addNotes(page) {
  return page.evaluate(async () => {
    const el = document.querySelector("text-explorer");
    await el.ready;
    await el.addDocument("Notes", "Call me Ishmael. Some years ago, never mind how long.");
    const seen = [];
    const status = el.shadowRoot.querySelector('[part="status"]');
    new MutationObserver(() => seen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    window.statuses = seen;
    return (await el.search("ishmael")).total;
  });
}

/**
 * Waits until the page has started another engine than the `known` ones (`window.engines()`,
 * set by the test's init script, counts them) and it answers with the user's text and the
 * articles; then checks what the page said and that every document is back.
 */
async function checkRestart(page, known) {
  const deadline = Date.now() + TIMEOUT;
  let after = null;
  while (!after && Date.now() < deadline) {
    after = await page.evaluate(async (known) => {
      const el = document.querySelector("text-explorer");
      try {
        const [mine, articles] = [await el.search("ishmael"), await el.search("putin")];
        const restarted = window.engines() > known;
        return restarted && mine.total === 1 && articles.total > 10 ? { articles: articles.total } : null;
      } catch {
        return null;
      }
    }, known);
    if (!after) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.ok(after?.articles > 10, "the restarted engine has the articles and the user's text");
  const seen = await page.evaluate(() => window.statuses);
  assert.ok(seen.some((s) => /The engine stopped: reloading your texts/.test(s)), `the page said so: ${JSON.stringify(seen)}`);
  const docs = await page.evaluate(() => document.querySelector("text-explorer").documents.map((d) => d.title));
  assert.deepEqual(docs.slice(-1), ["Notes"]);
  assert.equal(docs.length, 3);
}

for (const [where, url] of [["", () => `${baseUrl}#view=kwic`], [" (another origin: a blob: worker)", () => `${host.url}host.html`]]) test(`a panic reaches the console, and the page restarts the engine with every text${where}`, async () => {
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
    window.engines = () => window.engineWorkers.length;
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        window.engineWorkers.push(this);
      }
    };
  });
  await page.goto(url());
  assert.equal(await addNotes(page), 1);

  await page.evaluate(() => window.engineWorkers.at(-1).postMessage({ id: 1e9, request: { op: "panic", args: {} } }));
  await checkRestart(page, 1);

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

test("a widget from another origin, whose engine runs on the page (the CSP refuses its worker), restarts it after a panic", async () => {
  const page = await browser.newPage();
  const consoleLines = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") consoleLines.push(msg.text());
  });
  page.on("pageerror", (err) => consoleLines.push(`pageerror: ${err.message}`));
  // Keep the ports the client talks to its in-page engines through, to send one what no
  // client method sends; and count the Workers tried (the CSP refuses each: the engine must be on the page).
  await page.addInitScript(() => {
    const Native = window.MessageChannel;
    window.enginePorts = [];
    window.engines = () => window.enginePorts.length;
    window.MessageChannel = class extends Native {
      constructor() {
        super();
        window.enginePorts.push(this.port1);
      }
    };
    window.workers = 0;
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        window.workers += 1;
      }
    };
  });
  await page.goto(`${host.url}in-page.html`);
  assert.equal(await addNotes(page), 1);
  const ports = await page.evaluate(() => window.enginePorts.length);
  assert.ok(ports >= 1, "the engine is reached through a MessageChannel");

  // Every port the engine could be behind gets the request; only the engine's answers it.
  await page.evaluate(() => {
    for (const port of window.enginePorts) port.postMessage({ id: 1e9, request: { op: "panic", args: {} } });
  });
  await checkRestart(page, ports);
  const refused = consoleLines.filter((line) => line.startsWith("Creating a worker from 'blob:")).length;
  assert.equal(refused, await page.evaluate(() => window.workers), "every Worker tried was refused by the CSP");

  // The restarted engine keeps working: a new text is indexed and found.
  const added = await page.evaluate(async () => {
    const el = document.querySelector("text-explorer");
    await el.addDocument("More", "Ishmael again, and the whale.");
    return (await el.search("ishmael")).total;
  });
  assert.equal(added, 2);

  const panic = consoleLines.find((line) => line.includes("test-panic: a panic asked for by the test build"));
  assert.ok(panic, `the panic's message reached the console: ${JSON.stringify(consoleLines)}`);
  // Besides the panic and the client's note, the trap that follows the hook, which on the
  // page's thread is an uncaught error of the port's message handler ("unreachable"), and the
  // test build's glue's line about it: nothing else (no second panic from calling into the
  // dead instance, as there was before the client let a crashed in-page engine go unclosed).
  const expected = /test-panic|the engine stopped: reloading your texts|^pageerror: unreachable$|RuntimeError: unreachable\n[\s\S]*__rust_abort|^Creating a worker from 'blob:/;
  const unexpected = consoleLines.filter((line) => !expected.test(line));
  assert.deepEqual(unexpected, []);
  assert.equal(consoleLines.filter((line) => line.startsWith("panicked at")).length, 1, "one panic");
  await page.close();
});

test("the client gives a restarted engine what it was told: diacritic folding, and a language set blank", async () => {
  const page = await browser.newPage();
  const consoleLines = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") consoleLines.push(msg.text());
  });
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
  await page.goto(`${baseUrl}embed.html?view=summary`);
  const result = await page.evaluate(async () => {
    const { createClient } = await import("./client.js");
    const client = await createClient({ articles: false });
    await client.addDocuments([{ title: "Reise", text: "Zürich oder Zurich, ich weiß es nicht.", language: "de" }]);
    await client.setFolding(true);
    // Blank is unknown: the journal must keep null, which the new engine takes.
    await client.setLanguage(0, "");
    const phases = [];
    const restarted = new Promise((resolve) => client.onRestart(({ phase }) => {
      phases.push(phase);
      if (phase !== "restarting") resolve();
    }));
    window.engineWorkers.at(-1).postMessage({ id: 1e9, request: { op: "panic", args: {} } });
    await restarted;
    const docs = await client.documents();
    const terms = await client.terms();
    const kwic = await client.kwic("zürich");
    client.close();
    return { phases, language: docs[0].language, zurich: terms.find((t) => t.term === "zurich")?.count, total: kwic.total };
  });
  assert.deepEqual(result.phases, ["restarting", "restarted"]);
  assert.equal(result.language, null);
  assert.equal(result.zurich, 2, "the new engine folds");
  assert.equal(result.total, 2);
  const expected = /test-panic|the engine stopped: reloading your texts|RuntimeError: unreachable\n[\s\S]*__rust_abort/;
  assert.deepEqual(consoleLines.filter((line) => !expected.test(line)), []);
  await page.close();
});

// A text file added in the worker (addFiles) is not copied to the page: after a panic, the
// client reads it back from IndexedDB by its key for the new engine.
test("a text file added in the worker is back after a panic, read again from storage", async () => {
  const page = await browser.newPage();
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
  await page.goto(`${baseUrl}#view=texts&layout=tabs`);
  const te = page.locator("text-explorer");
  await te.locator("textarea[name=text]").waitFor();
  await te.locator("input[type=file]").evaluate((input) => {
    const data = new DataTransfer();
    data.items.add(new File(["Call me Ishmael. Some years ago, never mind how long."], "moby.txt", { type: "text/plain" }));
    input.files = data.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await te.locator(".doc-list td.doc-title", { hasText: "moby" }).waitFor();
  await page.evaluate(() => window.engineWorkers.at(-1).postMessage({ id: 1e9, request: { op: "panic", args: {} } }));
  const deadline = Date.now() + TIMEOUT;
  let found = null;
  while (!found && Date.now() < deadline) {
    found = await page.evaluate(async () => {
      const el = document.querySelector("text-explorer");
      try {
        const restarted = window.engineWorkers.length > 1;
        const mine = await el.search("ishmael");
        return restarted && mine.total === 1 ? el.documents.map((d) => d.title) : null;
      } catch {
        return null;
      }
    });
    if (!found) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.deepEqual(found?.slice(-1), ["moby"], "the restarted engine has the text file");
  assert.equal(found.length, 3);
  await page.close();
});
