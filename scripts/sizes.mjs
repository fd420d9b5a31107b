// What a reader downloads, measured from the files: two sets of www/, each file's raw and
// gzip -9 bytes (per file, as a compressing server sends them), against the budgets in
// wasm-pack.toml (read through scripts/config.py, the one TOML parser of the scripts).
//
//   first       what a browser fetches before the first KWIC line of the articles is drawn
//               on index.html#view=kwic&q=putin (budget: first_render_budget_bytes)
//   everything  every file of www/ a browser can fetch: .html .js .mjs .css .svg .wasm
//               .json, with pkg/, pkg-decode/, pkg-xml/, pkg-lang/ and the stop-word lists of
//               stopwords/ (all of them, though a reader fetches only its texts'
//               languages'), the vendored libraries of vendor/ (fflate, pdf.js), not the
//               .d.ts types (everything_budget_bytes)
//
// CLI:    node scripts/sizes.mjs                 both tables; exit 1 when a set is over budget
//         node scripts/sizes.mjs --list first    the first-render files, one per line
//         node scripts/sizes.mjs --list everything
//         node scripts/sizes.mjs --list dynamic  the files named by a literal import('…')
// Module: import { firstRender, everything, measure } from "../../scripts/sizes.mjs";
//         (each takes an optional root, www/ by default: the tests may serve another build)
//
// The first-render set, statically:
//   1. www/index.html;
//   2. the files its <script src> and <link href> tags name (same-origin, not data:);
//   3. the files its inline scripts name as literals in `new Worker('…')` and `fetch('…')`
//      (the engine's worker and wasm, started before the element's modules load);
//   4. first_render_modules in wasm-pack.toml: what the element imports on demand for the
//      first view (an import() names a file for later views too, so these are listed);
//   5. the static imports of every module in 2-4, followed to the end.
// Imports are found by regular expressions, not a parser; a specifier must be a literal:
//   static   /^\s*(import|export)\s+[bindings\s+from\s+]'spec'/m, at the start of a line
//            (this codebase's style), bindings spanning lines: `import {\n a,\n} from './x.js'`
//   dynamic  /\bimport\(\s*'spec'\s*\)/ (listed with --list dynamic, never followed for
//            the first render; see 4)
// Only relative specifiers are followed ('./x.js', '../x.js'), and they must name a file
// under www/: one that is missing or outside it is an error, so the figures cannot quietly
// leave a file out. tests/e2e/sizes.test.mjs checks the first-render set against what
// Chromium fetches.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, "..");

/** The folder that scripts/serve.mjs serves. */
export const WWW = path.join(REPO, "www");

/** The extensions of files a browser fetches; everything else in www/ (.d.ts) is for tools. */
export const FETCHED = [".html", ".js", ".mjs", ".css", ".svg", ".wasm", ".json"];

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:[\w$*{},\s]+?\s+from\s+)?['"]([^'"\n]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;
const TAG = /<(script|link)\b([^>]*)>/gi;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_FETCH = /\b(?:new\s+Worker|fetch)\(\s*['"]([^'"\n]+)['"]/g;

/** The size settings of wasm-pack.toml, checked by scripts/config.py. */
export function settings() {
  const out = execFileSync("python3", [path.join(REPO, "scripts", "config.py"), "sizes"], { cwd: REPO, encoding: "utf8" });
  return JSON.parse(out);
}

const rel = (root, file) => path.relative(root, file).split(path.sep).join("/");

/**
 * The file under `root` that `spec` (relative to the file `from`) names, or null for another
 * origin or a data: URL. Throws for a bare specifier, a path outside root or a missing file.
 */
function resolve(root, spec, from) {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(spec)) return null; // data:, https:, //host
  if (!spec.startsWith("./") && !spec.startsWith("../") && !spec.startsWith("/")) {
    throw new Error(`${rel(root, from)}: '${spec}' is a bare specifier; www/ has no import map`);
  }
  const clean = spec.replace(/[?#].*$/s, "");
  const file = clean.startsWith("/") ? path.join(root, clean) : path.resolve(path.dirname(from), clean);
  const inside = path.relative(root, file);
  if (inside.startsWith("..") || path.isAbsolute(inside)) throw new Error(`${rel(root, from)}: '${spec}' is outside www/`);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new Error(`${rel(root, from)}: '${spec}' names ${rel(root, file)}, which does not exist (run scripts/build?)`);
  }
  return file;
}

const matches = (re, text) => [...text.matchAll(re)].map((m) => m[1]);

/** The files a module imports statically (`import … from`, `export … from`, `import '…'`). */
export function staticImports(file, root = WWW) {
  return matches(STATIC_IMPORT, readFileSync(file, "utf8")).map((s) => resolve(root, s, file)).filter(Boolean);
}

/** The files a module names in `import('…')` with a literal specifier. */
export function dynamicImports(file, root = WWW) {
  return matches(DYNAMIC_IMPORT, readFileSync(file, "utf8")).map((s) => resolve(root, s, file)).filter(Boolean);
}

/** What an HTML page loads first: its script and link files, and its inline scripts' literals. */
export function pageLoads(file, root = WWW) {
  const html = readFileSync(file, "utf8");
  const specs = [];
  for (const [, tag, attributes] of html.matchAll(TAG)) {
    const attribute = tag.toLowerCase() === "script" ? "src" : "href";
    const value = attributes.match(new RegExp(`\\b${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "i"));
    if (value) specs.push(value[1] ?? value[2]);
  }
  for (const [, body] of html.matchAll(INLINE_SCRIPT)) specs.push(...matches(INLINE_FETCH, body));
  return specs.map((s) => resolve(root, s, file)).filter(Boolean);
}

function closure(root, starts) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (/\.m?js$/.test(file)) staticImports(file, root).forEach(visit);
  };
  starts.forEach(visit);
  return seen;
}

const sorted = (root, files) => [...new Set(files)].map((f) => rel(root, f)).sort();

/** The first-render files, relative to root, sorted; `modules` as first_render_modules. */
export function firstRender({ root = WWW, modules = settings().first_render_modules } = {}) {
  root = path.resolve(root);
  const page = path.join(root, "index.html");
  const lazy = modules.map((m) => resolve(root, `./${m}`, page));
  return sorted(root, closure(root, [page, ...pageLoads(page, root), ...lazy]));
}

/** Every file under root that a browser can fetch (FETCHED), relative to root, sorted. */
export function everything({ root = WWW } = {}) {
  root = path.resolve(root);
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (FETCHED.includes(path.extname(entry.name)) && !/\.test\.m?js$/.test(entry.name)) out.push(file);
    }
  };
  walk(root);
  return sorted(root, out);
}

/** gzip -9 -n of one file, as scripts/build measures the wasm (GNU gzip, not zlib). */
function gzipSize(file) {
  return execFileSync("gzip", ["-9", "-n", "-c", file], { maxBuffer: 64 << 20 }).length;
}

/** {rows: [{file, raw, gzip}], raw, gzip} for files relative to root: each and the totals. */
export function measure(files, { root = WWW } = {}) {
  const rows = files.map((file) => {
    const full = path.join(root, file);
    return { file, raw: statSync(full).size, gzip: gzipSize(full) };
  });
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  return { rows, raw: total("raw"), gzip: total("gzip") };
}

const n = (x) => x.toLocaleString("en-US");

function table(title, { rows, raw, gzip }, budget, key) {
  const width = Math.max(...rows.map((r) => r.file.length), 5);
  const line = (a, b, c) => `  ${a.padEnd(width)}  ${b.padStart(9)}  ${c.padStart(9)}`;
  console.log(`\n${title}`);
  console.log(line("file", "raw", "gzip -9"));
  for (const r of [...rows].sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file))) {
    console.log(line(r.file, n(r.raw), n(r.gzip)));
  }
  console.log(line(`total, ${rows.length} files`, n(raw), n(gzip)));
  const share = ((gzip * 100) / budget).toFixed(0);
  const verdict = gzip > budget ? "OVER" : "within";
  console.log(`  ${verdict} the budget: ${n(gzip)} of ${n(budget)} bytes gzipped (${share}%; ${key} in wasm-pack.toml)`);
  return gzip <= budget;
}

function main(argv) {
  if (argv[0] === "--list") {
    // Not the vendored libraries (www/vendor/, scripts/vendor.mjs): their own import()s are
    // computed at run time, not files of www/.
    const modules = () => everything().filter((f) => /\.m?js$/.test(f) && !f.startsWith("vendor/"));
    const lists = {
      first: () => firstRender(),
      everything: () => everything(),
      dynamic: () => sorted(WWW, modules().flatMap((f) => dynamicImports(path.join(WWW, f)))),
    };
    if (argv.length !== 2 || !lists[argv[1]]) throw new Error(`usage: --list ${Object.keys(lists).join("|")}`);
    for (const file of lists[argv[1]]()) console.log(file);
    return 0;
  }
  if (argv.length) throw new Error("usage: node scripts/sizes.mjs [--list first|everything|dynamic]");
  const config = settings();
  const first = table("First render (index.html#view=kwic&q=putin, until its first KWIC line):",
    measure(firstRender({ modules: config.first_render_modules })), config.first_render_budget_bytes, "first_render_budget_bytes");
  const all = table("Everything (every file of www/ a browser can fetch):",
    measure(everything()), config.everything_budget_bytes, "everything_budget_bytes");
  if (first && all) return 0;
  console.error("sizes: FAILED: over a budget in wasm-pack.toml (see above)");
  return 1;
}

function isMain() {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`sizes: ${error.message}`);
    process.exitCode = 2;
  }
}
