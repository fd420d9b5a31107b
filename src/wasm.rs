//! The JavaScript boundary: every `#[wasm_bindgen]` item. It converts types, calls the core
//! and maps errors to JavaScript `Error`s; it holds no logic of its own.
//!
//! Offsets: the core keeps byte offsets; JavaScript indexes strings in UTF-16 code units, so
//! every `start`/`end` that crosses here is converted, and `text.slice(start, end)` is exact.

use serde::{Deserialize, Serialize};
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

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct DocOption {
    doc: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct JsTermsOptions {
    doc: Option<f64>,
    stopwords: bool,
    min_count: f64,
    limit: Option<f64>,
}

impl Default for JsTermsOptions {
    fn default() -> Self {
        JsTermsOptions {
            doc: None,
            stopwords: true,
            min_count: 1.0,
            limit: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct JsKwicOptions {
    doc: Option<f64>,
    window: f64,
    sort: String,
    offset: f64,
    limit: f64,
}

impl Default for JsKwicOptions {
    fn default() -> Self {
        let core = KwicOptions::default();
        JsKwicOptions {
            doc: None,
            window: core.window as f64,
            sort: "position".to_string(),
            offset: core.offset as f64,
            limit: core.limit as f64,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DocumentInfo<'a> {
    id: DocId,
    title: &'a str,
    chars: usize,
    tokens: usize,
    types: usize,
    sentences: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SummaryDto {
    documents: usize,
    chars: usize,
    tokens: usize,
    types: usize,
    ttr: f64,
    sentences: usize,
    mean_sentence_length: f64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TermDto<'a> {
    term: &'a str,
    count: usize,
    relative: f64,
    docs: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConcordanceDto<'a> {
    total: usize,
    lines: Vec<LineDto<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LineDto<'a> {
    doc: DocId,
    token: usize,
    start: usize,
    end: usize,
    left: &'a str,
    keyword: &'a str,
    right: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TokenDto {
    start: usize,
    end: usize,
    term: String,
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
        let title = string_arg("title", &title, true)?;
        let text = string_arg("text", &text, false)?;
        Ok(self.inner.add_document(&title, &text)?)
    }

    /// `[{id, title, chars, tokens, types, sentences}]`, in id order.
    pub fn documents(&self) -> Result<JsValue, JsError> {
        let infos: Vec<_> = self
            .inner
            .documents()
            .iter()
            .enumerate()
            .map(|(id, d)| DocumentInfo {
                id: id as DocId,
                title: d.title(),
                chars: d.chars(),
                tokens: d.token_count(),
                types: d.types(),
                sentences: d.sentences(),
            })
            .collect();
        to_js(&infos)
    }

    /// `{documents, chars, tokens, types, ttr, sentences, meanSentenceLength}` for
    /// `{doc}`, or for the whole corpus when `doc` is absent.
    pub fn summary(&self, options: JsValue) -> Result<JsValue, JsError> {
        let options: DocOption = from_js(options)?;
        let doc = self.doc_option(options.doc)?;
        let s = self.inner.summary(doc)?;
        to_js(&SummaryDto {
            documents: s.documents,
            chars: s.chars,
            tokens: s.tokens,
            types: s.types,
            ttr: s.ttr,
            sentences: s.sentences,
            mean_sentence_length: s.mean_sentence_length,
        })
    }

    /// The full text of document `id`.
    pub fn text(&self, id: JsValue) -> Result<String, JsError> {
        let id = self.doc_id(&id)?;
        Ok(self.inner.text(id)?.to_string())
    }

    /// `[{term, count, relative, docs}]` for `{doc, stopwords = true, minCount = 1, limit}`.
    pub fn terms(&self, options: JsValue) -> Result<JsValue, JsError> {
        let options: JsTermsOptions = from_js(options)?;
        let core = TermsOptions {
            doc: self.doc_option(options.doc)?,
            stopwords: options.stopwords,
            min_count: whole_number("minCount", options.min_count)?,
            limit: options
                .limit
                .map(|limit| whole_number("limit", limit))
                .transpose()?,
        };
        let rows: Vec<_> = self
            .inner
            .terms(&core)?
            .into_iter()
            .map(|t| TermDto {
                term: t.term,
                count: t.count,
                relative: t.relative,
                docs: t.docs,
            })
            .collect();
        to_js(&rows)
    }

    /// `{total, lines: [{doc, token, start, end, left, keyword, right}]}` for `query` and
    /// `{doc, window = 5, sort = "position", offset = 0, limit = 100}`.
    pub fn kwic(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let query = string_arg("query", &query, false)?;
        let options: JsKwicOptions = from_js(options)?;
        let core = KwicOptions {
            doc: self.doc_option(options.doc)?,
            window: kwic::check_window(options.window)?,
            sort: options.sort.parse::<Sort>()?,
            offset: whole_number("offset", options.offset)?,
            limit: kwic::check_limit(options.limit)?,
        };
        let page = self.inner.kwic(&query, &core)?;
        let docs = self.inner.documents();
        let lines = page
            .lines
            .iter()
            .map(|line| {
                let doc = &docs[line.doc as usize];
                LineDto {
                    doc: line.doc,
                    token: line.token,
                    start: doc.utf16_offset(line.start),
                    end: doc.utf16_offset(line.end),
                    left: line.left,
                    keyword: line.keyword,
                    right: line.right,
                }
            })
            .collect();
        to_js(&ConcordanceDto {
            total: page.total,
            lines,
        })
    }

    /// `[{start, end, term}]`: how document `id` was tokenised, with UTF-16 offsets.
    pub fn tokens(&self, id: JsValue) -> Result<JsValue, JsError> {
        let id = self.doc_id(&id)?;
        let doc = self.inner.document(id)?;
        let vocab_term = |i| self.inner.vocab.term(doc.term_id(i)).to_string();
        let tokens: Vec<_> = (0..doc.token_count())
            .map(|i| {
                let (start, end) = doc.span(i);
                TokenDto {
                    start: doc.utf16_offset(start),
                    end: doc.utf16_offset(end),
                    term: vocab_term(i),
                }
            })
            .collect();
        to_js(&tokens)
    }
}

impl JsCorpus {
    fn doc_id(&self, id: &JsValue) -> Result<DocId, Error> {
        match id.as_f64() {
            Some(n) if n.fract() == 0.0 => self.inner.check_doc(n as i64),
            _ => Err(Error::invalid_option(
                "document id",
                format!("expected a whole number, got {}", describe(id)),
            )),
        }
    }

    fn doc_option(&self, doc: Option<f64>) -> Result<Option<DocId>, Error> {
        doc.map(|d| self.doc_id(&JsValue::from_f64(d))).transpose()
    }
}

fn string_arg(name: &str, value: &JsValue, optional: bool) -> Result<String, Error> {
    match value.as_string() {
        Some(s) => Ok(s),
        None if optional && value.is_undefined() => Ok(String::new()),
        None => Err(Error::invalid_option(
            name,
            format!("expected a string, got {}", describe(value)),
        )),
    }
}

fn whole_number(name: &str, value: f64) -> Result<usize, Error> {
    if value.fract() == 0.0 && value >= 0.0 && value <= u32::MAX as f64 {
        Ok(value as usize)
    } else {
        Err(Error::invalid_option(
            name,
            format!("expected a whole number from 0, got {value}"),
        ))
    }
}

fn describe(value: &JsValue) -> String {
    value
        .js_typeof()
        .as_string()
        .unwrap_or_else(|| "a value of unknown type".into())
}

fn from_js<T: for<'de> Deserialize<'de> + Default>(value: JsValue) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| Error::invalid_option("options", e.to_string()))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(|e| JsError::new(&e.to_string()))
}
