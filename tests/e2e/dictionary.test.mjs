// Dictionary words: Chinese, Japanese, Thai, Lao, Khmer and Myanmar are split by the
// platform's Intl.Segmenter (src/tokenize/dictionary.rs, src/wasm/segmenter.rs). Our words
// on real paragraphs (tests/fixtures/udhr) must be the segments that ICU marks isWordLike,
// with the same UTF-16 spans: in Node through the wasm Engine (the npm API), in Chromium on
// the page thread (as `connect` runs it), and through the page's Worker in KWIC.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch, serveWww, watchConsole } from "./support.mjs";

const pkg = new URL("../../www/pkg/", import.meta.url);
const fixtures = new URL("../fixtures/udhr/", import.meta.url);
/** Fixture → the language an Intl.Segmenter is made for (ICU picks dictionaries by script). */
const LANGUAGES = { cmn_hans: "zh", jpn: "ja", tha: "th", lao: "lo", khm: "km", mya: "my" };
const texts = {};

/**
 * The first difference between our words (the engine's tokens) and ICU's (segments marked
 * isWordLike), with how many words were compared. It runs in Node, and in the page, where
 * the test driver defines it from its source.
 */
function compare(Engine, text, lang) {
  const corpus = new Engine(false);
  let ours;
  try {
    corpus.handle({ op: "addDocuments", args: { items: [{ title: "t", text }] } });
    ours = corpus.handle({ op: "tokens", args: { id: 0 } }).map((t) => [t.start, t.end]);
  } finally {
    corpus.free();
  }
  const segmenter = new Intl.Segmenter(lang, { granularity: "word" });
  const icu = [...segmenter.segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => [s.index, s.index + s.segment.length]);
  const n = Math.max(ours.length, icu.length);
  for (let i = 0; i < n; i++) {
    const [a, b] = [ours[i], icu[i]];
    if (!a || !b || a[0] !== b[0] || a[1] !== b[1]) {
      const at = (a || b)[0];
      return {
        words: i,
        ours: a && text.slice(a[0], a[1]),
        icu: b && text.slice(b[0], b[1]),
        context: text.slice(Math.max(0, at - 12), at + 20),
      };
    }
  }
  return { words: n, same: true };
}

let Engine;

before(async () => {
  for (const name of Object.keys(LANGUAGES)) texts[name] = await readFile(new URL(`${name}.txt`, fixtures), "utf8");
  const engine = await import(new URL("text_explorer.js", pkg));
  await engine.default({ module_or_path: await readFile(new URL("text_explorer_bg.wasm", pkg)) });
  Engine = engine.Engine;
});

test("in Node, the Engine's words are Intl.Segmenter's on real Chinese, Japanese, Thai, Lao, Khmer and Myanmar", () => {
  for (const [name, lang] of Object.entries(LANGUAGES)) {
    const result = compare(Engine, texts[name], lang);
    assert.equal(result.same, true, `${name}: ${JSON.stringify(result)}`);
    // Real prose: hundreds of words, not one a character.
    assert.ok(result.words > 300, `${name}: ${result.words} words`);
  }
});

test("in Node, a two-character Chinese word is found by KWIC, and a longer query is a phrase", () => {
  const text = texts.cmn_hans;
  const corpus = new Engine(false);
  corpus.handle({ op: "addDocuments", args: { items: [{ title: "UDHR", text }] } });
  // 人人 ("everyone") as ICU counts it: whole words only, not 人 inside 人类.
  const segments = [...new Intl.Segmenter("zh", { granularity: "word" }).segment(text)];
  const expected = segments.filter((s) => s.segment === "人人").map((s) => s.index);
  assert.ok(expected.length >= 20, `人人 ${expected.length} times`);
  const page = corpus.handle({ op: "kwic", args: { query: "人人", options: { limit: 1000 } } });
  assert.deepEqual(page.lines.map((l) => l.start), expected);
  assert.ok(page.lines.every((l) => l.keyword === "人人" && text.slice(l.start, l.end) === "人人"));
  // 人人有权 is split by the dictionary into 人人 + 有权, and found as that phrase.
  const at = segments.findIndex((s, i) => s.segment === "人人" && segments[i + 1]?.segment === "有权");
  assert.ok(at >= 0);
  const phrases = segments.filter((s, i) => s.segment === "人人" && segments[i + 1]?.segment === "有权").length;
  const phrase = corpus.handle({ op: "kwic", args: { query: "人人有权", options: { limit: 1000 } } });
  assert.equal(phrase.total, phrases);
  assert.ok(phrase.lines.every((l) => l.tokens === 2 && l.keyword === "人人有权"));
  corpus.free();
});

test("text without those scripts is split as before: no dictionary call changes it", () => {
  const corpus = new Engine(false);
  const text = "Plain text, café and Москва; 한국어 too.";
  corpus.handle({ op: "addDocuments", args: { items: [{ title: "t", text }] } });
  const words = corpus.handle({ op: "tokens", args: { id: 0 } }).map((t) => text.slice(t.start, t.end));
  assert.deepEqual(words, ["Plain", "text", "café", "and", "Москва", "한국어", "too"]);
  corpus.free();
});

let browser, server, base, page, problems;

before(async () => {
  ({ server, url: base } = await serveWww());
  browser = await launch();
  page = await browser.newPage();
  problems = watchConsole(page);
  await page.goto(base);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("in Chromium, on the page thread, the Engine's words are Intl.Segmenter's on the same paragraphs", async () => {
  // The same function as in Node, defined in the page by the test driver (not by eval).
  await page.evaluate(`window.compareWords = ${compare}`);
  const results = await page.evaluate(
    async ({ texts, languages }) => {
      const engine = await import("/pkg/text_explorer.js");
      await engine.default();
      return Object.fromEntries(
        Object.entries(languages).map(([name, lang]) => [name, window.compareWords(engine.Engine, texts[name], lang)]),
      );
    },
    { texts, languages: LANGUAGES },
  );
  for (const [name, result] of Object.entries(results)) {
    assert.equal(result.same, true, `${name}: ${JSON.stringify(result)}`);
    assert.ok(result.words > 300, `${name}: ${result.words} words`);
  }
});

test("in the page, KWIC finds a two-character Chinese word in a pasted text, through the Worker", async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const tabProblems = watchConsole(tab);
  await tab.goto(`${base}#view=texts`);
  const te = tab.locator("text-explorer");
  await te.locator("input[name=title]").fill("世界人权宣言");
  await te.locator("textarea[name=text]").fill(texts.cmn_hans);
  await te.getByRole("button", { name: "Add text" }).click();
  await te.locator(".doc-list tr", { hasText: "世界人权宣言" }).waitFor();
  // 教育 ("education") is a word 7 times, and the two characters stand side by side 9 times
  // (职业教育 and 高等教育 are words of their own): one character a word would find 9.
  const word = "教育";
  const expected = [...new Intl.Segmenter("zh", { granularity: "word" }).segment(texts.cmn_hans)].filter(
    (s) => s.segment === word,
  ).length;
  assert.ok(expected >= 5 && expected < texts.cmn_hans.split(word).length - 1, `${word} ${expected} times`);
  await tab.evaluate((q) => {
    location.hash = `#view=kwic&q=${encodeURIComponent(q)}`;
  }, word);
  await te.locator(".kwic tbody tr").nth(expected - 1).waitFor();
  // Wait for the count to settle, then check there is no extra line.
  await tab.waitForTimeout(300);
  assert.equal(await te.locator(".kwic tbody tr").count(), expected);
  const keywords = (await te.locator(".kwic tbody td.kw").allTextContents()).map((k) => k.trim());
  assert.deepEqual(keywords, Array(expected).fill(word));
  assert.deepEqual(tabProblems, []);
  await context.close();
});

test("the console stayed empty", () => {
  assert.deepEqual(problems, []);
});
