// Shared set-up for the end-to-end tests: the static server and headless Chromium.
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

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
