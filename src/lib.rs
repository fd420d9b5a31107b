//! Text Explorer's core: tokenise texts, count terms and build keyword-in-context
//! concordances, for a text explorer that runs in the browser.
//!
//! The pipeline, one module a stage: [`tokenize`](mod@tokenize) (words and the counting rule)
//! → [`index`] (the positional index) → [`terms`] (frequency lists, summaries), [`query`]
//! (the query language: parsing and matching) and [`kwic`] (concordances), and the analysis
//! stages that read the same index: [`collocates`], [`ngrams`] (phrases), [`keyness`],
//! [`dispersion`] and [`compare`], with the statistics they share in the private `stats`
//! module. The `wasm` module, compiled only for `wasm32`, is the JavaScript boundary;
//! everything else is plain Rust, tested natively.
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

pub mod articles;
pub mod collocates;
pub mod compare;
pub mod dispersion;
pub mod engine;
mod error;
pub mod index;
pub mod keyness;
pub mod kwic;
pub mod language;
pub mod ngrams;
pub mod protocol;
pub mod query;
pub mod regex;
mod stats;
pub mod stopwords;
pub mod terms;
pub mod tokenize;

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(target_arch = "wasm32")]
pub use wasm::{install_panic_hook, serve, JsEngine, Server};

pub use collocates::{Collocate, CollocateOptions, Collocates, Measure};
pub use compare::{CompareOptions, Comparison, Run, Sentence, TermCounts};
pub use dispersion::{Dispersion, DispersionOptions, DocDispersion};
pub use error::{Error, Result};
pub use index::{Corpus, DocId, Document, Posting, TermId};
pub use keyness::{Keyness, KeynessOptions, Keyword};
pub use kwic::{Concordance, KwicLine, KwicOptions, Sort};
pub use ngrams::{Ngram, NgramOptions};
pub use query::Query;
pub use stopwords::StopWords;
pub use terms::{Summary, TermFrequency, TermsOptions, STOP_WORDS};
pub use tokenize::{
    elided_words, normalize, segments, set_word_splitter, tokens, tokens_in, Segments, Token,
    Tokens, TokensIn, WordSplitter,
};
