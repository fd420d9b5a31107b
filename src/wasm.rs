//! The JavaScript boundary: every `#[wasm_bindgen]` item. It converts types, calls the core
//! and maps errors to JavaScript `Error`s; it holds no logic of its own.
//!
//! Offsets: the core keeps byte offsets; JavaScript indexes strings in UTF-16 code units, so
//! every `start`/`end` that crosses here is converted, and `text.slice(start, end)` is exact.
//!
//! Options objects are read and results built with `js_sys` directly rather than through
//! serde: it keeps the binary small (serde's error messages alone pull in float formatting).
//!
//! Every failure the core knows of is a `Result`, so a panic would be a bug: with
//! `panic = "abort"` it traps and the caller gets a `RuntimeError` (the worker reports it).
//! There is no panic hook to print the message: console_error_panic_hook cost 1.3 KB of the
//! gzipped size budget, and the fuzz targets run the core natively, where panics print.

use js_sys::{Array, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;

use crate::{
    kwic, CollocateOptions, CompareOptions, Corpus, DispersionOptions, DocId, Document, Error,
    KeynessOptions, Keyword, KwicOptions, Measure, NgramOptions, Sentence, Sort, TermCounts,
    TermsOptions,
};

/// A corpus of documents with its index (exported to JavaScript as `Corpus`).
#[wasm_bindgen(js_name = Corpus)]
pub struct JsCorpus {
    inner: Corpus,
}

#[wasm_bindgen(js_class = Corpus)]
impl JsCorpus {
    /// An empty corpus; add texts with `addDocument`.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> JsCorpus {
        JsCorpus {
            inner: Corpus::new(),
        }
    }

    /// The corpus of the two embedded articles.
    #[wasm_bindgen(js_name = withArticles)]
    pub fn with_articles() -> JsCorpus {
        JsCorpus {
            inner: Corpus::with_articles(),
        }
    }

    /// Adds a text; returns its document id.
    #[wasm_bindgen(js_name = addDocument)]
    pub fn add_document(&mut self, title: JsValue, text: JsValue) -> Result<u32, JsError> {
        let title = match title.as_string() {
            Some(title) => title,
            None if title.is_undefined() || title.is_null() => String::new(),
            None => return Err(not_a("title", "a string", &title).into()),
        };
        let text = text
            .as_string()
            .ok_or_else(|| not_a("text", "a string", &text))?;
        Ok(self.inner.add_owned(&title, text)?)
    }

    /// Removes document `id`; the documents after it move down by one id.
    #[wasm_bindgen(js_name = removeDocument)]
    pub fn remove_document(&mut self, id: JsValue) -> Result<(), JsError> {
        let id = self.doc_id(&id)?;
        Ok(self.inner.remove_document(id)?)
    }

    /// Builds the postings and the alphabetical order of the terms now, instead of in the
    /// first query after documents were added or removed: call it after adding a batch.
    pub fn prepare(&self) {
        self.inner.prepare();
    }

    /// `[{id, title, chars, tokens, types, sentences}]`, in id order.
    pub fn documents(&self) -> Array {
        self.inner
            .documents()
            .iter()
            .enumerate()
            .map(|(id, d)| {
                object(&[
                    ("id", id.into()),
                    ("title", d.title().into()),
                    ("chars", d.chars().into()),
                    ("tokens", d.token_count().into()),
                    ("types", d.types().into()),
                    ("sentences", d.sentences().into()),
                ])
            })
            .collect()
    }

    /// `{documents, chars, tokens, types, ttr, sentences, meanSentenceLength}` for
    /// `{doc}`, or for the whole corpus when `doc` is absent.
    pub fn summary(&self, options: JsValue) -> Result<JsValue, JsError> {
        let options = Options::new(options)?;
        let s = self.inner.summary(self.doc_option(&options)?)?;
        Ok(object(&[
            ("documents", s.documents.into()),
            ("chars", s.chars.into()),
            ("tokens", s.tokens.into()),
            ("types", s.types.into()),
            ("ttr", s.ttr.into()),
            ("sentences", s.sentences.into()),
            ("meanSentenceLength", s.mean_sentence_length.into()),
        ]))
    }

    /// The full text of document `id`.
    pub fn text(&self, id: JsValue) -> Result<String, JsError> {
        let id = self.doc_id(&id)?;
        Ok(self.inner.text(id)?.to_string())
    }

    /// `[{term, count, relative, docs}]` for `{doc, stopwords = true, minCount = 1, limit}`.
    pub fn terms(&self, options: JsValue) -> Result<Array, JsError> {
        let options = Options::new(options)?;
        let core = TermsOptions {
            doc: self.doc_option(&options)?,
            stopwords: options.bool("stopwords", true)?,
            min_count: options.whole("minCount")?.unwrap_or(1),
            limit: options.whole("limit")?,
        };
        Ok(self
            .inner
            .terms(&core)?
            .into_iter()
            .map(|t| {
                object(&[
                    ("term", t.term.into()),
                    ("count", t.count.into()),
                    ("relative", t.relative.into()),
                    ("docs", t.docs.into()),
                ])
            })
            .collect())
    }

    /// `{total, lines: [{doc, token, start, end, left, keyword, right}]}` for `query` and
    /// `{doc, window = 5, sort = "position", offset = 0, limit = 100}`.
    pub fn kwic(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let query = query
            .as_string()
            .ok_or_else(|| not_a("query", "a string", &query))?;
        let options = Options::new(options)?;
        let defaults = KwicOptions::default();
        let core = KwicOptions {
            doc: self.doc_option(&options)?,
            window: match options.number("window")? {
                Some(window) => kwic::check_window(window)?,
                None => defaults.window,
            },
            sort: options
                .string("sort")?
                .unwrap_or_default()
                .parse::<Sort>()?,
            offset: options.whole("offset")?.unwrap_or(defaults.offset),
            limit: match options.number("limit")? {
                Some(limit) => kwic::check_limit(limit)?,
                None => defaults.limit,
            },
            case_sensitive: options.bool("caseSensitive", false)?,
        };
        let page = self.inner.kwic(&query, &core)?;
        let docs = self.inner.documents();
        let lines: Array = page
            .lines
            .iter()
            .map(|line| {
                let doc = &docs[line.doc as usize];
                object(&[
                    ("doc", line.doc.into()),
                    ("token", line.token.into()),
                    ("start", doc.utf16_offset(line.start).into()),
                    ("end", doc.utf16_offset(line.end).into()),
                    ("left", line.left.into()),
                    ("keyword", line.keyword.into()),
                    ("right", line.right.into()),
                ])
            })
            .collect();
        Ok(object(&[
            ("total", page.total.into()),
            ("lines", lines.into()),
        ]))
    }

    /// `[{start, end, term}]`: how document `id` was tokenised, with UTF-16 offsets.
    pub fn tokens(&self, id: JsValue) -> Result<Array, JsError> {
        let id = self.doc_id(&id)?;
        let doc = self.inner.document(id)?;
        Ok((0..doc.token_count())
            .map(|i| {
                let (start, end) = doc.span(i);
                object(&[
                    ("start", doc.utf16_offset(start).into()),
                    ("end", doc.utf16_offset(end).into()),
                    ("term", self.inner.vocab.term(doc.term_id(i)).into()),
                ])
            })
            .collect())
    }
}

/// The analysis methods: collocates, phrases, keyness, dispersion and comparison. Measures
/// are plain numbers: JavaScript formats them (no float formatting in the binary).
#[wasm_bindgen(js_class = Corpus)]
impl JsCorpus {
    /// `{hits, tokens, windowTokens, collocates: [{term, observed, expected, count, mi,
    /// logLikelihood, tScore, logDice}]}` for `query` and `{doc, left = 5, right = 5,
    /// minCount = 2, stopwords = true, sort = "logDice", limit}`.
    pub fn collocates(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let query = query
            .as_string()
            .ok_or_else(|| not_a("query", "a string", &query))?;
        let options = Options::new(options)?;
        let defaults = CollocateOptions::default();
        let core = CollocateOptions {
            doc: self.doc_option(&options)?,
            left: options.whole("left")?.unwrap_or(defaults.left),
            right: options.whole("right")?.unwrap_or(defaults.right),
            min_count: options.whole("minCount")?.unwrap_or(defaults.min_count),
            stopwords: options.bool("stopwords", true)?,
            sort: match options.string("sort")? {
                Some(sort) => sort.parse::<Measure>()?,
                None => defaults.sort,
            },
            limit: options.whole("limit")?,
            case_sensitive: options.bool("caseSensitive", false)?,
        };
        let found = self.inner.collocates(&query, &core)?;
        let rows: Array = found
            .rows
            .iter()
            .map(|c| {
                object(&[
                    ("term", c.term.into()),
                    ("observed", c.observed.into()),
                    ("expected", c.expected.into()),
                    ("count", c.count.into()),
                    ("mi", c.mi.into()),
                    ("logLikelihood", c.log_likelihood.into()),
                    ("tScore", c.t_score.into()),
                    ("logDice", c.log_dice.into()),
                ])
            })
            .collect();
        Ok(object(&[
            ("hits", found.hits.into()),
            ("tokens", found.tokens.into()),
            ("windowTokens", found.window_tokens.into()),
            ("collocates", rows.into()),
        ]))
    }

    /// `[{phrase, length, count, docs, doc, token}]` (`doc`/`token`: the first occurrence)
    /// for `{doc, minLength = 2, maxLength = 6, minCount = 2, trimStopwords = false,
    /// longestOnly = false, limit}`.
    pub fn phrases(&self, options: JsValue) -> Result<Array, JsError> {
        let options = Options::new(options)?;
        let defaults = NgramOptions::default();
        let core = NgramOptions {
            doc: self.doc_option(&options)?,
            min_length: options.whole("minLength")?.unwrap_or(defaults.min_length),
            max_length: options.whole("maxLength")?.unwrap_or(defaults.max_length),
            min_count: options.whole("minCount")?.unwrap_or(defaults.min_count),
            trim_stopwords: options.bool("trimStopwords", false)?,
            longest_only: options.bool("longestOnly", false)?,
            limit: options.whole("limit")?,
        };
        Ok(self
            .inner
            .ngrams(&core)?
            .iter()
            .map(|g| {
                object(&[
                    ("phrase", g.terms.join(" ").into()),
                    ("length", g.terms.len().into()),
                    ("count", g.count.into()),
                    ("docs", g.docs.into()),
                    ("doc", g.first.0.into()),
                    ("token", g.first.1.into()),
                ])
            })
            .collect())
    }

    /// `{targetTokens, referenceTokens, over, under}`, each list `[{term, target, reference,
    /// logLikelihood, p, logRatio}]` sorted by G², for `{target, reference, minCount = 1,
    /// stopwords = true, limit}`: `target` a document id or an array of them; `reference`
    /// likewise, absent for the rest of the corpus; `limit` applies to each list.
    pub fn keyness(&self, options: JsValue) -> Result<JsValue, JsError> {
        let options = Options::new(options)?;
        let reference = options.get("reference");
        let core = KeynessOptions {
            target: self.doc_list("target", &options.get("target"))?,
            reference: if reference.is_undefined() || reference.is_null() {
                None
            } else {
                Some(self.doc_list("reference", &reference)?)
            },
            min_count: options.whole("minCount")?.unwrap_or(1),
            stopwords: options.bool("stopwords", true)?,
            limit: options.whole("limit")?,
        };
        let key = self.inner.keyness(&core)?;
        let list = |rows: &[Keyword]| -> Array {
            rows.iter()
                .map(|k| {
                    object(&[
                        ("term", k.term.into()),
                        ("target", k.target.into()),
                        ("reference", k.reference.into()),
                        ("logLikelihood", k.log_likelihood.into()),
                        ("p", k.p.into()),
                        ("logRatio", k.log_ratio.into()),
                    ])
                })
                .collect()
        };
        Ok(object(&[
            ("targetTokens", key.target_tokens.into()),
            ("referenceTokens", key.reference_tokens.into()),
            ("over", list(&key.over).into()),
            ("under", list(&key.under).into()),
        ]))
    }

    /// For each query (a string or an array of strings): `{query, hits, dp, dpNorm, parts,
    /// docs: [{doc, tokens, positions, starts, segments: [{tokens, hits, relative}]}]}` for
    /// `{doc, segments = 10}`. `positions` are token indices, `starts` UTF-16 offsets of the
    /// hits; `relative` is hits per 10,000 tokens of the segment.
    pub fn dispersion(&self, queries: JsValue, options: JsValue) -> Result<Array, JsError> {
        let queries: Vec<String> = match queries.as_string() {
            Some(q) => vec![q],
            None if Array::is_array(&queries) => Array::from(&queries)
                .iter()
                .map(|q| q.as_string().ok_or_else(|| not_a("query", "a string", &q)))
                .collect::<Result<_, _>>()?,
            None => {
                return Err(not_a("queries", "a string or an array of strings", &queries).into())
            }
        };
        let options = Options::new(options)?;
        let core = DispersionOptions {
            doc: self.doc_option(&options)?,
            segments: options.whole("segments")?.unwrap_or(10),
            case_sensitive: options.bool("caseSensitive", false)?,
        };
        let mut out = Vec::with_capacity(queries.len());
        for query in queries {
            let d = self.inner.dispersion(&query, &core)?;
            let docs: Array = d
                .docs
                .iter()
                .map(|dd| {
                    let doc = &self.inner.documents()[dd.doc as usize];
                    let starts: Vec<u32> = dd
                        .positions
                        .iter()
                        .map(|&p| doc.utf16_offset(doc.span(p as usize).0) as u32)
                        .collect();
                    let segments: Array = dd
                        .segment_tokens
                        .iter()
                        .zip(&dd.segment_hits)
                        .map(|(&tokens, &hits)| {
                            let relative = if tokens == 0 {
                                0.0
                            } else {
                                hits as f64 * 10_000.0 / tokens as f64
                            };
                            object(&[
                                ("tokens", tokens.into()),
                                ("hits", hits.into()),
                                ("relative", relative.into()),
                            ])
                        })
                        .collect();
                    object(&[
                        ("doc", dd.doc.into()),
                        ("tokens", dd.tokens.into()),
                        ("positions", Uint32Array::from(&dd.positions[..]).into()),
                        ("starts", Uint32Array::from(&starts[..]).into()),
                        ("segments", segments.into()),
                    ])
                })
                .collect();
            out.push(object(&[
                ("query", query.into()),
                ("hits", d.hits.into()),
                ("dp", d.dp.into()),
                ("dpNorm", d.dp_norm.into()),
                ("parts", d.parts.into()),
                ("docs", docs.into()),
            ]));
        }
        Ok(out.into_iter().collect())
    }

    /// Compares documents `a` and `b`: `{shared, onlyA, onlyB, sharedTypes, runs,
    /// sentencesA, sentencesB}` for `{minRun = 4, stopwords = false, limit}`. Vocabulary
    /// lists hold `{term, a, b}` (counts); `runs` `{tokens, a: {token, start, end}, b: {…}}`;
    /// sentences `{token, tokens, start, end, best, similarity}` (`best`: the index of the
    /// most similar sentence of the other document, or `null`). Offsets are UTF-16.
    pub fn compare(&self, a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let (ia, ib) = (self.doc_id(&a)?, self.doc_id(&b)?);
        let options = Options::new(options)?;
        let defaults = CompareOptions::default();
        let core = CompareOptions {
            min_run: options.whole("minRun")?.unwrap_or(defaults.min_run),
            stopwords: options.bool("stopwords", false)?,
            limit: options.whole("limit")?,
        };
        let cmp = self.inner.compare(ia, ib, &core)?;
        let (da, db) = (
            &self.inner.documents()[ia as usize],
            &self.inner.documents()[ib as usize],
        );
        let terms = |rows: &[TermCounts]| -> Array {
            rows.iter()
                .map(|t| {
                    object(&[
                        ("term", t.term.into()),
                        ("a", t.a.into()),
                        ("b", t.b.into()),
                    ])
                })
                .collect()
        };
        let span = |doc: &Document, token: usize, len: usize| {
            object(&[
                ("token", token.into()),
                ("start", doc.utf16_offset(doc.span(token).0).into()),
                ("end", doc.utf16_offset(doc.span(token + len - 1).1).into()),
            ])
        };
        let runs: Array = cmp
            .runs
            .iter()
            .map(|r| {
                object(&[
                    ("tokens", r.len.into()),
                    ("a", span(da, r.a, r.len)),
                    ("b", span(db, r.b, r.len)),
                ])
            })
            .collect();
        let sentences = |doc: &Document, list: &[Sentence]| -> Array {
            list.iter()
                .map(|s| {
                    object(&[
                        ("token", s.first_token.into()),
                        ("tokens", s.tokens.into()),
                        ("start", doc.utf16_offset(s.start).into()),
                        ("end", doc.utf16_offset(s.end).into()),
                        ("best", s.best.map_or(JsValue::NULL, JsValue::from)),
                        ("similarity", s.similarity.into()),
                    ])
                })
                .collect()
        };
        Ok(object(&[
            ("shared", terms(&cmp.shared).into()),
            ("onlyA", terms(&cmp.only_a).into()),
            ("onlyB", terms(&cmp.only_b).into()),
            ("sharedTypes", cmp.shared_types.into()),
            ("runs", runs.into()),
            ("sentencesA", sentences(da, &cmp.sentences_a).into()),
            ("sentencesB", sentences(db, &cmp.sentences_b).into()),
        ]))
    }
}

impl JsCorpus {
    /// A document id or an array of them.
    fn doc_list(&self, name: &str, value: &JsValue) -> Result<Vec<DocId>, Error> {
        if Array::is_array(value) {
            Array::from(value).iter().map(|v| self.doc_id(&v)).collect()
        } else if value.is_undefined() || value.is_null() {
            Err(Error::invalid_option(
                name,
                "no document: choose at least one",
            ))
        } else {
            self.doc_id(value).map(|id| vec![id])
        }
    }
}

impl JsCorpus {
    fn doc_id(&self, id: &JsValue) -> Result<DocId, Error> {
        match id.as_f64() {
            Some(n) if n.fract() == 0.0 => self.inner.check_doc(n as i64),
            _ => Err(not_a("document id", "a whole number", id)),
        }
    }

    /// The `doc` option: absent (`undefined` or `null`) for the whole corpus.
    fn doc_option(&self, options: &Options) -> Result<Option<DocId>, Error> {
        let doc = options.get("doc");
        if doc.is_undefined() || doc.is_null() {
            Ok(None)
        } else {
            self.doc_id(&doc).map(Some)
        }
    }
}

/// An options object from JavaScript; `undefined` or `null` means all defaults.
struct Options(JsValue);

impl Options {
    fn new(value: JsValue) -> Result<Options, Error> {
        if value.is_undefined() || value.is_null() || value.is_object() {
            Ok(Options(value))
        } else {
            Err(not_a("options", "an object", &value))
        }
    }

    /// The option `key`; `undefined` when absent.
    fn get(&self, key: &str) -> JsValue {
        if self.0.is_object() {
            Reflect::get(&self.0, &key.into()).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    }

    fn number(&self, key: &str) -> Result<Option<f64>, Error> {
        let value = self.get(key);
        match value.as_f64() {
            Some(n) => Ok(Some(n)),
            None if value.is_undefined() || value.is_null() => Ok(None),
            None => Err(not_a(key, "a number", &value)),
        }
    }

    fn whole(&self, key: &str) -> Result<Option<usize>, Error> {
        match self.number(key)? {
            Some(n) if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n) => {
                Ok(Some(n as usize))
            }
            Some(_) => Err(not_a(key, "a whole number from 0", &self.get(key))),
            None => Ok(None),
        }
    }

    fn bool(&self, key: &str, default: bool) -> Result<bool, Error> {
        let value = self.get(key);
        match value.as_bool() {
            Some(b) => Ok(b),
            None if value.is_undefined() || value.is_null() => Ok(default),
            None => Err(not_a(key, "true or false", &value)),
        }
    }

    fn string(&self, key: &str) -> Result<Option<String>, Error> {
        let value = self.get(key);
        match value.as_string() {
            Some(s) => Ok(Some(s)),
            None if value.is_undefined() || value.is_null() => Ok(None),
            None => Err(not_a(key, "a string", &value)),
        }
    }
}

/// "invalid window: expected a number, got string "wide"".
fn not_a(name: &str, expected: &str, value: &JsValue) -> Error {
    // JavaScript formats the value, so that no float formatting is compiled into the binary.
    let shown = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "a value".into());
    let kind = value.js_typeof().as_string().unwrap_or_default();
    Error::invalid_option(name, format!("expected {expected}, got {kind} {shown}"))
}

/// A plain object with these properties, in this order.
fn object(properties: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in properties {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}
