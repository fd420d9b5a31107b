//! The JavaScript boundary: every `#[wasm_bindgen]` item. It converts types, calls the core
//! and maps errors to JavaScript `Error`s; it holds no logic of its own.
//!
//! Offsets: the core keeps byte offsets; JavaScript indexes strings in UTF-16 code units, so
//! every `start`/`end` that crosses here is converted, and `text.slice(start, end)` is exact.
//!
//! Options objects are read and results built with `js_sys` directly rather than through
//! serde: it keeps the binary small (serde's error messages alone pull in float formatting).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{kwic, Corpus, DocId, Error, KwicOptions, Sort, TermsOptions};

#[wasm_bindgen(start)]
fn start() {
    // For the panics no `Result` covers (there should be none): a readable console message.
    console_error_panic_hook::set_once();
}

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
        Ok(self.inner.add_document(&title, &text)?)
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
