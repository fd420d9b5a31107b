// The wasm build (www/pkg) in Node and in headless Chromium, for the benchmarks that time the
// same function in both (benches/dictionary.mjs, benches/folding.mjs): `measure(Engine,
// input, runs)`, which must be self-contained, as it is sent into the page as its source.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));

/** `measure(Engine, input, runs)` with the wasm in Node; resolves to its result. */
export async function inNode(measure, input, runs) {
  const engine = await import(new URL('../www/pkg/text_explorer.js', import.meta.url));
  await engine.default({ module_or_path: readFileSync(path.join(repo, 'www/pkg/text_explorer_bg.wasm')) });
  return measure(engine.Engine, input, runs);
}

/** The same in headless Chromium (www/ served); resolves to {rows, version}. */
export async function inChromium(measure, input, runs) {
  const { launch, serveWww } = await import('../tests/e2e/support.mjs');
  const { server, url } = await serveWww();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}index.html`);
    await page.evaluate(`window.measure = ${measure}`);
    const rows = await page.evaluate(async ({ input, runs }) => {
      const engine = await import('./pkg/text_explorer.js');
      await engine.default();
      return window.measure(engine.Engine, input, runs);
    }, { input, runs });
    return { rows, version: browser.version() };
  } finally {
    await browser.close();
    server.close();
  }
}
