// The JavaScript API as a user calls it, from Node, on the release build in www/pkg: the
// method names, option names and result shapes the README documents.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

const pkg = new URL("../../www/pkg/", import.meta.url);
let Corpus;

before(async () => {
  const engine = await import(new URL("text_explorer.js", pkg));
  await engine.default({ module_or_path: await readFile(new URL("text_explorer_bg.wasm", pkg)) });
  Corpus = engine.Corpus;
});

test("withArticles, documents, summary, text, terms, kwic, tokens", () => {
  const corpus = Corpus.withArticles();
  const docs = corpus.documents();
  assert.deepEqual(Object.keys(docs[0]), ["id", "title", "chars", "tokens", "types", "sentences"]);
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
    assert.deepEqual(Object.keys(line), ["doc", "token", "start", "end", "left", "keyword", "right"]);
    assert.equal(corpus.text(line.doc).slice(line.start, line.end), line.keyword);
  }
  const tokens = corpus.tokens(1);
  assert.equal(tokens.length, docs[1].tokens);
  assert.deepEqual(tokens[0], { start: 0, end: 5, term: "putin" });
  corpus.free();
});

test("addDocument, UTF-16 offsets and errors", () => {
  const corpus = new Corpus();
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
