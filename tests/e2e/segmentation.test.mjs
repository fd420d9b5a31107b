// The tokeniser against an independent implementation of Unicode word segmentation: ICU, as
// Chromium's Intl.Segmenter. On alphabetic scripts our words must be exactly the segments
// ICU marks isWordLike, with the same UTF-16 spans. (ICU uses dictionaries for Chinese,
// Japanese and Thai, where we apply the plain UAX #29 rules, so those scripts are left out.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serveWww, watchConsole } from "./support.mjs";

let browser, server, page, problems;

before(async () => {
  ({ server } = await serveWww());
  const { port } = server.address();
  browser = await launch();
  page = await browser.newPage();
  problems = watchConsole(page);
  // The page of the origin; the test imports the engine itself beside it.
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(async () => {
    const engine = await import("/pkg/text_explorer.js");
    await engine.default();
    const segmenter = new Intl.Segmenter("en", { granularity: "word" });
    // Returns the first difference between our words and ICU's, or null.
    window.compare = (text) => {
      const corpus = new engine.Engine(false);
      let ours = [];
      try {
        const { errors } = corpus.handle({ op: "addDocuments", args: { items: [{ title: "t", text }] } });
        if (errors.length && !/no words|is empty/.test(errors[0].message)) throw new Error(errors[0].message);
        if (!errors.length) ours = corpus.handle({ op: "tokens", args: { id: 0 } }).map((t) => [t.start, t.end]);
      } finally {
        corpus.free();
      }
      const icu = [...segmenter.segment(text)]
        .filter((s) => s.isWordLike)
        .map((s) => [s.index, s.index + s.segment.length]);
      const n = Math.max(ours.length, icu.length);
      for (let i = 0; i < n; i++) {
        const [a, b] = [ours[i], icu[i]];
        if (!a || !b || a[0] !== b[0] || a[1] !== b[1]) {
          const at = (a || b)[0];
          return {
            ours: a && text.slice(a[0], a[1]),
            icu: b && text.slice(b[0], b[1]),
            context: text.slice(Math.max(0, at - 12), at + 20),
          };
        }
      }
      return null;
    };
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("the embedded articles are segmented as ICU segments them", async () => {
  const diffs = await page.evaluate(async () => {
    const engine = await import("/pkg/text_explorer.js");
    const corpus = new engine.Engine();
    const docs = corpus.handle({ op: "documents" });
    const out = docs.map((d) => window.compare(corpus.handle({ op: "text", args: { id: d.id } })));
    corpus.free();
    return out;
  });
  assert.deepEqual(diffs, [null, null]);
});

test("random text in alphabetic scripts is segmented as ICU segments it", async () => {
  const result = await page.evaluate(() => {
    // Atoms from the scripts and punctuation where the UAX #29 rules do the work: letters
    // with apostrophes, periods and colons inside words (WB6/WB7), numbers with separators
    // (WB11/WB12), Hebrew quotes (WB7a-c), ExtendNumLet, combining marks and format
    // characters (WB4), emoji with modifiers and ZWJ (WB3c), regional indicators.
    const atoms = [
      "Putin", "Putin’s", "can't", "U.S.", "e.g.", "a:b", "l’homme", "rock’n’roll", "ʼokina",
      "café", "cafe\u0301", "naïve", "ΣΟΦΟΣ", "Москва", "Київ", "القاهرة", "٣٤", "שָׁלוֹם", "צה\"ל",
      "ק'", "हिन्दी", "ক্ষ", "한국어", "ﬁne", "Ⅻ", "x²", "½", "11,000", "3.14", "2:45", "1st",
      "١٢٫٥", "٣,٤", "snake_case", "_", "a_1", "\u00AD", "\u200B", "\u2060", "\u0301",
      "🦀", "👍🏽", "👩‍👩‍👧", "🇺🇸", "🇺", "❤️", "#", "@", "$", "%", "&", "*", "—", "–", "-",
      "“", "”", "\"", "'", "’", ".", ",", ":", ";", "!", "?", "(", ")", "/", "\\", " ", " ", "  ",
      "\n", "\r\n", "\t", "\u00A0", "\u2028", "0", "7", "z", "É",
    ];
    let seed = 42;
    const random = (n) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let checked = 0;
    for (let i = 0; i < 5000; i++) {
      let text = "";
      for (let j = 1 + random(25); j > 0; j--) text += atoms[random(atoms.length)];
      const diff = window.compare(text);
      if (diff) return { text, ...diff };
      checked++;
    }
    return { checked };
  });
  assert.deepEqual(result, { checked: 5000 });
});

test("the console stayed empty", () => {
  assert.deepEqual(problems, []);
});
