//! Text Explorer's core: tokenise texts, count terms and build keyword-in-context
//! concordances, for a text explorer that runs in the browser.
//!
//! The pipeline, one folder a stage: [`tokenize`](mod@tokenize) (words and the counting rule)
//! → [`index`] (the positional index) → [`query`] (the query language, its [`regex`]
//! patterns and [`kwic`] concordances) → [`analyses`] (everything that reads the index
//! through a query: [`terms`] frequency lists, [`collocates`], [`ngrams`] (phrases),
//! [`keyness`], [`dispersion`] and [`compare`], with the statistics they share in a private
//! `stats` module) → the boundary: [`engine`] and [`protocol`] are the one contract every
//! caller speaks, and the `wasm` module, compiled only for `wasm32`, holds every
//! `#[wasm_bindgen]` item. Everything but `wasm` is plain Rust, tested natively.
//!
//! ```
//! use text_explorer::{Corpus, KwicOptions, TermsOptions};
//!
//! let corpus = Corpus::with_articles();
//! let top = corpus.terms(&TermsOptions { stopwords: false, limit: Some(3), ..Default::default() })?;
//! assert_eq!(top.iter().map(|t| t.term).collect::<Vec<_>>(), ["north", "korea", "putin"]);
//!
//! let page = corpus.kwic("\"north korea\"", &KwicOptions { window: 3, ..Default::default() })?;
//! let line = &page.lines[0];
//! println!("{} [{}] {}", line.left, line.keyword, line.right);
//! assert_eq!(line.keyword.to_lowercase(), "north korea");
//! # Ok::<(), text_explorer::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analyses;
pub mod articles;
pub mod corpus_file;
pub mod engine;
mod error;
pub mod index;
pub mod language;
pub mod metadata;
pub mod protocol;
pub mod query;
pub mod scope;
pub mod stopwords;
pub mod tokenize;

pub use analyses::{
    collocates, compare, dispersion, keyness, network, ngrams, terms, trends, word_tree,
};
pub use query::{kwic, regex};

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(target_arch = "wasm32")]
pub use wasm::{install_panic_hook, serve, JsEngine, Server};

pub use collocates::{Collocate, CollocateOptions, Collocates, Column, Counting, Measure};
pub use compare::{CompareOptions, Comparison, Run, Sentence, TermCounts};
pub use dispersion::{Dispersion, DispersionOptions, DocDispersion};
pub use error::{Error, Result};
pub use index::{Corpus, DocId, Document, Posting, TermId};
pub use keyness::{Keyness, KeynessOptions, Keyword};
pub use kwic::{Concordance, FilterPosition, KwicFilter, KwicLine, KwicOptions, Sample, Sort};
pub use metadata::{Field, Metadata};
pub use network::{Network, NetworkEdge, NetworkNode};
pub use ngrams::{Ngram, NgramOptions};
pub use query::Query;
pub use scope::Scope;
pub use stopwords::StopWords;
pub use terms::{Summary, TermFrequency, TermsOptions, TermsPage, STOP_WORDS};
pub use tokenize::{
    elided_words, fold, normalize, segments, set_word_splitter, tokens, tokens_in, Segments, Token,
    Tokens, TokensIn, WordSplitter,
};
pub use trends::{Grouping, TrendBucket, TrendPoint, TrendSeries, Trends, TrendsOptions};
pub use word_tree::{Side, WordNode, WordTree, WordTreeOptions};
