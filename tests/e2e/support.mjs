// Shared set-up for the end-to-end tests: the static server and headless Chromium.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { before, after } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

/** Debian's Chromium; scripts/test exports TEXT_EXPLORER_CHROMIUM. */
export const CHROMIUM = process.env.TEXT_EXPLORER_CHROMIUM || "/usr/bin/chromium";

/** Flags for a closed network: without the background-networking ones, Chromium keeps trying to reach Google. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Headless Chromium. A context without a viewport of its own gets 960×720 (Playwright's
 * default is 1280×720): the tabs, since from 1,000 px the page opens on the workspace, which
 * tests/e2e/workspace.test.mjs covers with its own viewports.
 */
export async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ viewport: { width: 960, height: 720 }, ...options });
  // newPage's own context, the same way (closing the page closes it, as Playwright's does).
  browser.newPage = async (options = {}) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.once('close', () => context.close().catch(() => {}));
    return page;
  };
  return browser;
}

/** Serves www/ on a free port; returns {server, url}. */
export function serveWww() {
  return startServer({ port: 0 });
}

/**
 * Collects console errors and warnings and page errors, for the assertion that ends every
 * scenario: the console is empty.
 */
export function watchConsole(page) {
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/**
 * The set-up of the page tests: registers `before` and `after` hooks that serve www/ (or
 * TEXT_EXPLORER_WWW) on a free port and launch Chromium, and returns an object whose
 * `baseUrl` and `browser` are set once the hooks have run. Screenshots go to `results`.
 */
export function usePageTests() {
  const repo = fileURLToPath(new URL("../../", import.meta.url));
  const env = {
    root: process.env.TEXT_EXPLORER_WWW ?? path.join(repo, "www"),
    results: path.join(repo, "test-results"),
    baseUrl: null,
    browser: null,
  };
  let server;
  before(async () => {
    const glue = path.join(env.root, "pkg", "text_explorer.js");
    if (!existsSync(glue)) throw new Error(`${glue} is missing: run scripts/build first`);
    mkdirSync(env.results, { recursive: true });
    ({ server, url: env.baseUrl } = await startServer({ root: env.root, port: 0 }));
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });
  return env;
}

/** Polls fn until it returns a truthy value (returned) or `timeout` ms pass (throws, naming `what`). */
export async function until(fn, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
