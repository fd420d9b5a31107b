// The tokeniser against two independent implementations of Unicode word segmentation:
// stock ICU (Node's own Intl.Segmenter, in this process) and ICU4X (Firefox's
// Intl.Segmenter, in headless Firefox driven over WebDriver by geckodriver). Our words are
// the engine's (www/pkg, the release build, loaded in Node); on alphabetic scripts they must
// be exactly the segments ICU marks isWordLike, with the same UTF-16 spans. Chinese,
// Japanese and Thai are left out: ICU splits them with dictionaries.
//
// Where ICU4X and stock ICU disagree, we follow stock ICU (the README says so); the last
// tests pin each of those differences, so that they cannot grow unnoticed, and the random
// texts sent to Firefox leave out the atoms that meet them.
//
// Firefox: TEXT_EXPLORER_FIREFOX, else firefox-esr or firefox on PATH; geckodriver:
// GECKODRIVER, else on PATH or in ~/.cargo/bin (scripts/setup installs both). If either is
// missing or Firefox does not start, the Firefox tests are skipped with the reason, unless
// TEXT_EXPLORER_REQUIRE_FIREFOX=1, which makes them fail.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { homedir } from "node:os";
import path from "node:path";

const pkg = new URL("../../www/pkg/", import.meta.url);
let Engine;
let firefox = null; // {driver, url, session} once Firefox answers
let firefoxMissing = null; // why it does not

// --- the texts --------------------------------------------------------------------------

// Atoms from the scripts and punctuation where the UAX #29 rules do the work: letters with
// apostrophes, full stops and colons inside words (WB6/WB7), numbers with separators
// (WB11/WB12), Hebrew quotes (WB7a-c), ExtendNumLet (WB13a/b), combining marks and format
// characters (WB4), emoji with modifiers and ZWJ (WB3c), regional indicators, Hangul
// (which ICU joins only to Hangul), and symbols that UAX #29 classes with letters and digits.
const ATOMS = [
  "Putin", "Putin’s", "can't", "U.S.", "e.g.", "U.S.A.", "p.m.", "a:b", "l’homme", "rock’n’roll",
  "ʼokina", "café", "cafe\u0301", "naïve", "ΣΟΦΟΣ", "Москва", "Київ", "القاهرة", "٣٤", "שָׁלוֹם",
  "צה\"ל", "ק'", "हिन्दी", "ক্ষ", "한국어", "한", "ﬁne", "Ⅻ", "x²", "½", "11,000", "3.14", "2:45",
  "1st", "١٢٫٥", "٣,٤", "snake_case", "_", "a_1", "\u00AD", "\u200B", "\u2060", "\u0301", "🦀",
  "👍🏽", "👩‍👩‍👧", "🇺🇸", "🇺", "❤️", "#", "@", "$", "%", "&", "*", "—", "–", "-", "“", "”", "\"",
  "'", "’", ".", "．", ",", ":", "：", "﹕", ";", "!", "?", "(", ")", "/", "\\", " ", " ", "  ",
  "\n", "\r\n", "\t", "\u00A0", "\u2028", "0", "7", "z", "É", "Ⓐ", "˂", "٫", "🄰",
];

// What ICU4X (Firefox 153) does not segment as stock ICU does, found by this test:
// - a colon between letters: stock ICU and UAX #29 join them (WB6/WB7: `:` is MidLetter),
//   ICU4X does not;
// - Hangul: stock ICU joins Hangul syllables only to each other, ICU4X as any letter;
// - whether a segment is word-like when it ends in a combining mark, a variation selector,
//   an emoji modifier or a format character, or is a flag (two regional indicators): ICU4X
//   answers by the text around it (` ´` is word-like between `x ` and `y`, `café` with a
//   combining accent is not at the start of `café x`, `🇺🇸` is in `ל🇺🇸 `), stock ICU by the
//   segment (a lone accent or a flag is no word, `café` is one);
// - a Hebrew letter and the apostrophe after it (`ק'`, WB7a): one segment in both, a word in
//   stock ICU and never in ICU4X;
// - a lone connector (`_`, ExtendNumLet): a word in ICU4X, not in stock ICU.
// The random texts for Firefox leave out the atoms that meet these.
const NOT_FOR_ICU4X = new Set([
  "a:b", ":", "：", "﹕", "2:45", "한국어", "한", "cafe\u0301", "\u00AD", "\u2060", "\u0301",
  "हिन्दी", "❤️", "👍🏽", "🇺🇸", "🇺", "ק'", "'", "_",
]);

/** `count` random texts of 1 to 25 atoms, the same on every run. */
function randomTexts(atoms, count, seed = 42) {
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const texts = [];
  for (let i = 0; i < count; i++) {
    let text = "";
    for (let j = 1 + random(25); j > 0; j--) text += atoms[random(atoms.length)];
    texts.push(text);
  }
  return texts;
}

// --- the three segmentations ------------------------------------------------------------

/** Our words of `text`: their UTF-16 spans, through the engine's declared operations. */
function ours(text) {
  const engine = new Engine(false);
  try {
    const { errors } = engine.handle({ op: "addDocuments", args: { items: [{ title: "t", text }] } });
    if (errors.length && !/no words|is empty/.test(errors[0].message)) throw new Error(errors[0].message);
    if (errors.length) return [];
    return engine.handle({ op: "tokens", args: { id: 0 } }).map((t) => [t.start, t.end]);
  } finally {
    engine.free();
  }
}

const stock = new Intl.Segmenter("en", { granularity: "word" });

/** Stock ICU's word-like segments of `text` (Node's Intl.Segmenter), as UTF-16 spans. */
function icu(text) {
  return [...stock.segment(text)].filter((s) => s.isWordLike).map((s) => [s.index, s.index + s.segment.length]);
}

/** The same, by Firefox's Intl.Segmenter (ICU4X), for many texts at once. */
async function icu4x(texts) {
  const spans = [];
  for (let i = 0; i < texts.length; i += 500) {
    spans.push(
      ...(await webdriver("POST", `/session/${firefox.session}/execute/sync`, {
        script: `const segmenter = new Intl.Segmenter("en", { granularity: "word" });
          return arguments[0].map((text) => [...segmenter.segment(text)]
            .filter((s) => s.isWordLike).map((s) => [s.index, s.index + s.segment.length]));`,
        args: [texts.slice(i, i + 500)],
      })),
    );
  }
  return spans;
}

/** The first difference between two lists of spans of `text`, or null. */
function firstDifference(text, mine, theirs) {
  for (let i = 0; i < Math.max(mine.length, theirs.length); i++) {
    const [a, b] = [mine[i], theirs[i]];
    if (!a || !b || a[0] !== b[0] || a[1] !== b[1]) {
      const at = (a || b)[0];
      return {
        text,
        ours: a && text.slice(a[0], a[1]),
        theirs: b && text.slice(b[0], b[1]),
        context: text.slice(Math.max(0, at - 12), at + 20),
      };
    }
  }
  return null;
}

/** The words of `text` as strings, from its spans. */
const words = (text, spans) => spans.map(([a, b]) => text.slice(a, b));

// --- Firefox over WebDriver -------------------------------------------------------------

async function webdriver(method, route, body) {
  const response = await fetch(`${firefox.url}${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${route}: ${value?.error}: ${value?.message}`);
  return value;
}

/** The first of `names` that is an executable file on PATH (or one of `extra`), or null. */
function which(names, extra = []) {
  const dirs = (process.env.PATH || "").split(path.delimiter).filter(Boolean);
  for (const name of names) {
    for (const file of [...dirs.map((d) => path.join(d, name)), ...extra]) {
      if (path.basename(file) === name && existsSync(file)) return file;
    }
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts geckodriver and a headless Firefox session; throws with the reason if it cannot. */
async function startFirefox() {
  const driverPath = process.env.GECKODRIVER || which(["geckodriver"], [path.join(homedir(), ".cargo", "bin", "geckodriver")]);
  if (!driverPath) throw new Error("geckodriver not found (set GECKODRIVER, or run scripts/setup --test)");
  const binary = process.env.TEXT_EXPLORER_FIREFOX || which(["firefox-esr", "firefox"]);
  if (!binary) throw new Error("Firefox not found (set TEXT_EXPLORER_FIREFOX, or run scripts/setup --test)");
  if (!existsSync(driverPath)) throw new Error(`geckodriver not found at ${driverPath}`);
  const port = await freePort();
  const driver = spawn(driverPath, ["--port", String(port), "--log", "error"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  driver.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => {
    driver.on("exit", resolve);
    driver.on("error", (error) => {
      stderr += error.message;
      resolve();
    });
  });
  firefox = { driver, exited, url: `http://127.0.0.1:${port}`, session: null };
  try {
    // geckodriver listens within a second or so.
    for (let tries = 0; ; tries++) {
      try {
        await webdriver("GET", "/status");
        break;
      } catch (error) {
        if (tries >= 100 || driver.exitCode !== null) throw new Error(`geckodriver did not answer: ${error.message} ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const { sessionId } = await webdriver("POST", "/session", {
      capabilities: {
        alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": { binary, args: ["-headless"] } },
      },
    });
    firefox.session = sessionId;
    await webdriver("POST", `/session/${sessionId}/timeouts`, { script: 120000 });
    firefox.version = await webdriver("POST", `/session/${sessionId}/execute/sync`, { script: "return navigator.userAgent;", args: [] });
  } catch (error) {
    await stopFirefox();
    throw error;
  }
}

/** Ends the Firefox session (which closes Firefox) and the geckodriver this test started. */
async function stopFirefox() {
  if (!firefox) return;
  if (firefox.session) {
    try {
      await webdriver("DELETE", `/session/${firefox.session}`);
    } catch {
      // Firefox is gone already; geckodriver is stopped below either way.
    }
  }
  const { driver, exited } = firefox;
  firefox = null;
  if (driver.exitCode === null && driver.pid !== undefined) driver.kill();
  await exited;
}

before(async () => {
  const engine = await import(new URL("text_explorer.js", pkg));
  await engine.default({ module_or_path: await readFile(new URL("text_explorer_bg.wasm", pkg)) });
  Engine = engine.Engine;
  try {
    await startFirefox();
  } catch (error) {
    firefoxMissing = error.message;
  }
});

after(async () => {
  await stopFirefox();
});

/** Skips a Firefox test, loudly, when Firefox cannot be reached (fails if it is required). */
function needFirefox(t) {
  if (firefox) return true;
  const reason = `Firefox's Intl.Segmenter (ICU4X) is not compared: ${firefoxMissing}`;
  if (process.env.TEXT_EXPLORER_REQUIRE_FIREFOX === "1") assert.fail(reason);
  console.warn(`segmentation.test.mjs: SKIPPED: ${reason}`);
  t.skip(reason);
  return false;
}

function articles() {
  const engine = new Engine();
  try {
    return engine.handle({ op: "documents" }).map((d) => engine.handle({ op: "text", args: { id: d.id } }));
  } finally {
    engine.free();
  }
}

// --- stock ICU --------------------------------------------------------------------------

test("the embedded articles are segmented as stock ICU segments them", () => {
  const texts = articles();
  assert.equal(texts.length, 2);
  assert.deepEqual(
    texts.map((text) => firstDifference(text, ours(text), icu(text))),
    [null, null],
  );
  // The rule that changed: abbreviations are one word each.
  for (const text of texts) assert.ok(words(text, ours(text)).includes("U.S"));
});

test("random text in alphabetic scripts is segmented as stock ICU segments it", () => {
  const texts = randomTexts(ATOMS, 5000);
  let checked = 0;
  for (const text of texts) {
    const diff = firstDifference(text, ours(text), icu(text));
    if (diff) assert.fail(`first difference from stock ICU: ${JSON.stringify(diff)}`);
    checked++;
  }
  assert.equal(checked, 5000);
});

test("the constructs the README names are segmented as stock ICU segments them", () => {
  const cases = {
    "U.S. e.g. U.S.A.": ["U.S", "e.g", "U.S.A"],
    "3.14 11,000 2:45": ["3.14", "11,000", "2", "45"],
    "a:b": ["a:b"],
    "한국어1st 한.한": ["한국어", "1st", "한", "한"],
    "can't Putin’s nuclear-armed": ["can't", "Putin’s", "nuclear", "armed"],
  };
  for (const [text, expected] of Object.entries(cases)) {
    assert.deepEqual(words(text, icu(text)), expected, `stock ICU on ${text}`);
    assert.deepEqual(words(text, ours(text)), expected, `ours on ${text}`);
  }
});

// --- ICU4X, in Firefox ------------------------------------------------------------------

test("the embedded articles are segmented as Firefox (ICU4X) segments them", async (t) => {
  if (!needFirefox(t)) return;
  t.diagnostic(`Firefox: ${firefox.version}`);
  const texts = articles();
  const theirs = await icu4x(texts);
  assert.deepEqual(
    texts.map((text, i) => firstDifference(text, ours(text), theirs[i])),
    [null, null],
  );
});

test("random text in alphabetic scripts is segmented as Firefox (ICU4X) segments it", async (t) => {
  if (!needFirefox(t)) return;
  const texts = randomTexts(
    ATOMS.filter((a) => !NOT_FOR_ICU4X.has(a)),
    5000,
  );
  const theirs = await icu4x(texts);
  assert.equal(theirs.length, texts.length);
  texts.forEach((text, i) => {
    const diff = firstDifference(text, ours(text), theirs[i]);
    if (diff) assert.fail(`first difference from ICU4X: ${JSON.stringify(diff)}`);
  });
});

test("where ICU4X differs from stock ICU, we follow stock ICU, and the differences are the known ones", async (t) => {
  if (!needFirefox(t)) return;
  // Each: the text, stock ICU's words (ours), ICU4X's words in Firefox 153.
  const differences = [
    ["a:b", ["a:b"], ["a", "b"]],
    ["한국어1st", ["한국어", "1st"], ["한국어1st"]],
    ["한.한", ["한", "한"], ["한.한"]],
    ["a:\u0301b", ["a:\u0301b"], ["a", ":\u0301", "b"]],
    ["x \u0301y", ["x", "y"], ["x", " \u0301", "y"]],
    ["ל🇺🇸 ", ["ל"], ["ל", "🇺🇸"]],
    ["ק' x", ["ק'", "x"], ["x"]],
    ["cafe\u0301 x", ["cafe\u0301", "x"], ["x"]],
    ["a _ b", ["a", "b"], ["a", "_", "b"]],
  ];
  const theirs = await icu4x(differences.map(([text]) => text));
  differences.forEach(([text, icuWords, icu4xWords], i) => {
    assert.deepEqual(words(text, icu(text)), icuWords, `stock ICU on ${text}`);
    assert.deepEqual(words(text, ours(text)), icuWords, `ours on ${text}`);
    assert.deepEqual(words(text, theirs[i]), icu4xWords, `ICU4X on ${text}`);
  });
  // And the atoms left out of the random texts for Firefox are left out for a reason: with
  // them, ICU4X differs.
  const texts = randomTexts([...NOT_FOR_ICU4X, "a", "1", " ", "."], 500, 7);
  const spans = await icu4x(texts);
  assert.ok(
    texts.some((text, i) => firstDifference(text, icu(text), spans[i])),
    "some text with the left-out atoms is segmented differently by ICU4X and stock ICU",
  );
});
