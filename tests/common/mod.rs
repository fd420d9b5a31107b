//! What the tests share: a corpus of given texts, and a naive reference implementation, a
//! few obvious lines per operation, that rescans the text every time. The property tests
//! check the index-backed core against it.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

#[cfg(not(target_arch = "wasm32"))]
use proptest::prelude::*;
use text_explorer::{tokens, Corpus, KwicOptions};

/// A corpus of `texts`, titled "doc 0", "doc 1"…
pub fn corpus<T: AsRef<str>>(texts: &[T]) -> Corpus {
    let mut corpus = Corpus::new();
    for (i, text) in texts.iter().enumerate() {
        corpus
            .add_document(&format!("doc {i}"), text.as_ref())
            .unwrap();
    }
    corpus
}

/// The keywords of a query's concordance lines (up to 1,000), as written in the texts.
pub fn keywords(corpus: &Corpus, query: &str, case_sensitive: bool) -> Vec<String> {
    let options = KwicOptions {
        case_sensitive,
        limit: 1000,
        ..Default::default()
    };
    let page = corpus.kwic(query, &options).unwrap();
    page.lines.iter().map(|l| l.keyword.to_string()).collect()
}

/// One to three texts from `text`, each with a word (a corpus refuses a text without one).
#[cfg(not(target_arch = "wasm32"))]
pub fn texts_of(text: impl Strategy<Value = String>) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text, 1..4).prop_filter("every text has words", |texts| {
        texts.iter().all(|t| tokens(t).next().is_some())
    })
}

/// The terms of a text, by rescanning it.
pub fn terms(text: &str) -> Vec<String> {
    tokens(text).map(|t| t.term()).collect()
}

/// Term → (count, number of documents), over the given texts.
pub fn frequencies(texts: &[String]) -> BTreeMap<String, (usize, usize)> {
    let mut freq: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for text in texts {
        let terms = terms(text);
        for term in &terms {
            freq.entry(term.clone()).or_default().0 += 1;
        }
        for term in terms.iter().collect::<BTreeSet<_>>() {
            freq.get_mut(term).unwrap().1 += 1;
        }
    }
    freq
}

/// One naive query word: a whole term, or a prefix when it ends with `*`.
#[derive(Clone, Debug)]
pub enum Word {
    Term(String),
    Prefix(String),
}

impl Word {
    fn matches(&self, term: &str) -> bool {
        match self {
            Word::Term(t) => t == term,
            Word::Prefix(p) => term.starts_with(p.as_str()),
        }
    }

    /// The query syntax for this word.
    pub fn syntax(&self) -> String {
        match self {
            Word::Term(t) => t.clone(),
            Word::Prefix(p) => format!("{p}*"),
        }
    }
}

/// Every (doc, position, length) where one of the phrases starts, in document order, the
/// longest phrase kept where several start at one position.
pub fn hits(texts: &[String], phrases: &[Vec<Word>]) -> Vec<(usize, usize, usize)> {
    let mut hits = Vec::new();
    for (doc, text) in texts.iter().enumerate() {
        let terms = terms(text);
        for pos in 0..terms.len() {
            let longest = phrases
                .iter()
                .filter(|phrase| {
                    pos + phrase.len() <= terms.len()
                        && phrase.iter().zip(&terms[pos..]).all(|(w, t)| w.matches(t))
                })
                .map(|phrase| phrase.len())
                .max();
            if let Some(len) = longest {
                hits.push((doc, pos, len));
            }
        }
    }
    hits
}

/// Sorts hits by the term `n` tokens right of each hit's last token (missing first), then
/// by position: the meaning of the sort key `nR`.
pub fn sort_right(texts: &[String], hits: &mut [(usize, usize, usize)], n: usize) {
    let all: Vec<Vec<String>> = texts.iter().map(|t| terms(t)).collect();
    hits.sort_by_key(|&(doc, pos, len)| (all[doc].get(pos + len - 1 + n).cloned(), doc, pos));
}

/// Sorts hits by the term `n` tokens left of each hit (missing first), then by position.
pub fn sort_left(texts: &[String], hits: &mut [(usize, usize, usize)], n: usize) {
    let all: Vec<Vec<String>> = texts.iter().map(|t| terms(t)).collect();
    hits.sort_by_key(|&(doc, pos, _)| {
        let term = pos.checked_sub(n).map(|p| all[doc][p].clone());
        (term, doc, pos)
    });
}

/// Every n-gram (n in `lengths`) of the texts with its count and number of documents.
pub fn ngrams(
    texts: &[String],
    lengths: std::ops::RangeInclusive<usize>,
) -> BTreeMap<Vec<String>, (usize, usize)> {
    let mut out: BTreeMap<Vec<String>, (usize, usize)> = BTreeMap::new();
    for text in texts {
        let terms = terms(text);
        let mut seen = BTreeSet::new();
        for n in lengths.clone() {
            for gram in terms.windows(n) {
                out.entry(gram.to_vec()).or_default().0 += 1;
                if seen.insert(gram.to_vec()) {
                    out.get_mut(gram).unwrap().1 += 1;
                }
            }
        }
    }
    out
}

/// The collocates of the term `node` (a single word): term → occurrences at window
/// positions, and the number of window positions W. A position is a window position when
/// it is within `left` before or `right` after some occurrence of `node` in its text and is
/// not itself `node`.
pub fn collocates(
    texts: &[String],
    node: &str,
    left: usize,
    right: usize,
) -> (BTreeMap<String, usize>, usize) {
    let mut observed = BTreeMap::new();
    let mut w = 0;
    for text in texts {
        let terms = terms(text);
        for (p, term) in terms.iter().enumerate() {
            if term == node {
                continue;
            }
            let near = (p.saturating_sub(right)..p).any(|q| terms[q] == node)
                || (p + 1..=(p + left).min(terms.len() - 1)).any(|q| terms[q] == node);
            if near {
                *observed.entry(term.clone()).or_insert(0) += 1;
                w += 1;
            }
        }
    }
    (observed, w)
}

/// The maximal common runs of two term sequences, at least `min` long: (i, j, len).
pub fn common_runs(a: &[String], b: &[String], min: usize) -> Vec<(usize, usize, usize)> {
    let mut runs = Vec::new();
    for i in 0..a.len() {
        for j in 0..b.len() {
            if i > 0 && j > 0 && a[i - 1] == b[j - 1] {
                continue;
            }
            let len = a[i..]
                .iter()
                .zip(&b[j..])
                .take_while(|(x, y)| x == y)
                .count();
            if len >= min {
                runs.push((i, j, len));
            }
        }
    }
    runs
}
