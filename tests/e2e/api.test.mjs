// The JavaScript API as a user calls it, from Node, on the release build in www/pkg: the
// engine's declared operations (npm/types/engine.d.ts) through Engine.handle, with the
// positional methods of www/operations.js; the option names and answer shapes the README
// documents.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { methods } from "../../www/operations.js";

const pkg = new URL("../../www/pkg/", import.meta.url);
let Engine;

before(async () => {
  const engine = await import(new URL("text_explorer.js", pkg));
  await engine.default({ module_or_path: await readFile(new URL("text_explorer_bg.wasm", pkg)) });
  Engine = engine.Engine;
});

/** An engine (the articles, or empty) with one method per operation, and a few helpers. */
function open(articles = true) {
  const engine = new Engine(articles);
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
  assert.deepEqual(Object.keys(docs[0]), ["id", "title", "chars", "tokens", "types", "sentences", "source", "key", "encoding", "language", "languageDetected"]);
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
  assert.deepEqual(Object.keys(found), ["hits", "tokens", "windowTokens", "collocates"]);
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
