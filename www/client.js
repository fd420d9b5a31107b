// The one door to the engine. Views talk to this client only, and every method returns a
// Promise, so the engine can move into a Web Worker later without touching the views.
// This is the only module that imports ./pkg/ (the wasm-pack build).

import init, { Corpus } from './pkg/text_explorer.js';

// Instantiate the wasm module once per page, however many clients are created.
let ready = null;
function engine() {
  ready ??= init();
  return ready;
}

// Engine errors are JS Errors with a readable message; anything else thrown is wrapped so
// callers can always show `error.message`.
function asError(thrown) {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : 'the text engine failed');
}

// Options objects with undefined members left out, so the engine sees its own defaults.
function options(opts) {
  const out = {};
  for (const [key, value] of Object.entries(opts ?? {})) {
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

/**
 * Create a client over a corpus of the built-in articles.
 *
 * Methods (all async; rejections carry the engine's Error):
 * - documents() → [{id, title, chars, tokens, types, sentences}]
 * - summary({doc}) → {documents, chars, tokens, types, ttr, sentences, meanSentenceLength}
 * - text(id) → string
 * - terms({doc, stopwords, minCount, limit}) → [{term, count, relative, docs}]
 * - kwic(query, {doc, window, sort, offset, limit}) → {total, lines: [{doc, token, start, end, left, keyword, right}]}
 * - tokens(id) → [{start, end, term}]
 * - close() frees the corpus
 */
export async function createClient() {
  await engine();
  let corpus;
  try {
    corpus = Corpus.withArticles();
  } catch (thrown) {
    throw asError(thrown);
  }

  const call = async (fn) => {
    if (!corpus) throw new Error('the text engine was closed');
    try {
      return fn(corpus);
    } catch (thrown) {
      throw asError(thrown);
    }
  };

  return {
    documents: () => call((c) => c.documents()),
    summary: (opts) => call((c) => c.summary(options(opts))),
    text: (id) => call((c) => c.text(id)),
    terms: (opts) => call((c) => c.terms(options(opts))),
    kwic: (query, opts) => call((c) => c.kwic(query, options(opts))),
    tokens: (id) => call((c) => c.tokens(id)),
    close: async () => {
      corpus?.free?.();
      corpus = null;
    },
  };
}
