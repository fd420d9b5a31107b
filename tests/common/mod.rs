//! What the tests share: a corpus of given texts, and a naive reference implementation, a
//! few obvious lines per operation, that rescans the text every time. The property tests
//! check the index-backed core against it.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

#[cfg(not(target_arch = "wasm32"))]
use proptest::prelude::*;
use text_explorer::tokenize::sentence_ends;
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

/// The sentence of each token of a text (UAX #29 sentences: the first sentence end after
/// the token's start), by rescanning it.
pub fn sentence_of_each_token(text: &str) -> Vec<usize> {
    let ends: Vec<usize> = sentence_ends(text).collect();
    tokens(text)
        .map(|t| ends.partition_point(|&end| end <= t.start))
        .collect()
}

/// Every occurrence of an n-gram (n in `lengths`) of the texts: (text, first token, terms);
/// within a sentence unless `cross_sentences`.
pub fn ngram_occurrences(
    texts: &[String],
    lengths: std::ops::RangeInclusive<usize>,
    cross_sentences: bool,
) -> Vec<(usize, usize, Vec<String>)> {
    let mut out = Vec::new();
    for (doc, text) in texts.iter().enumerate() {
        let terms = terms(text);
        let sentence = sentence_of_each_token(text);
        for n in lengths.clone() {
            for t in 0..terms.len().saturating_sub(n - 1) {
                if cross_sentences || sentence[t] == sentence[t + n - 1] {
                    out.push((doc, t, terms[t..t + n].to_vec()));
                }
            }
        }
    }
    out
}

/// Every n-gram (n in `lengths`) of the texts with its count and number of documents; within
/// a sentence unless `cross_sentences`.
pub fn ngrams(
    texts: &[String],
    lengths: std::ops::RangeInclusive<usize>,
    cross_sentences: bool,
) -> BTreeMap<Vec<String>, (usize, usize)> {
    let mut out: BTreeMap<Vec<String>, (usize, usize)> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (doc, _, gram) in ngram_occurrences(texts, lengths, cross_sentences) {
        out.entry(gram.clone()).or_default().0 += 1;
        if seen.insert((doc, gram.clone())) {
            out.get_mut(&gram).unwrap().1 += 1;
        }
    }
    out
}

/// `longestOnly` by its definition: for each phrase of `listed`, its occurrences that lie
/// inside no occurrence of a longer phrase of `listed` (`s ≤ t` and `t + n ≤ s + m`):
/// phrase → (count, number of documents, first such occurrence), phrases with none left
/// out.
pub fn outside_longer(
    texts: &[String],
    listed: &BTreeSet<Vec<String>>,
    cross_sentences: bool,
) -> BTreeMap<Vec<String>, (usize, usize, (usize, usize))> {
    let occurrences: Vec<_> = ngram_occurrences(texts, 2..=6, cross_sentences)
        .into_iter()
        .filter(|(_, _, g)| listed.contains(g))
        .collect();
    let mut out: BTreeMap<Vec<String>, (usize, usize, (usize, usize))> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (doc, t, gram) in &occurrences {
        let n = gram.len();
        let inside = occurrences
            .iter()
            .any(|(d, s, h)| d == doc && h.len() > n && s <= t && t + n <= s + h.len());
        if inside {
            continue;
        }
        let entry = out.entry(gram.clone()).or_insert((0, 0, (*doc, *t)));
        entry.0 += 1;
        if seen.insert((*doc, gram.clone())) {
            entry.1 += 1;
        }
        entry.2 = entry.2.min((*doc, *t));
    }
    out
}

/// The collocates of the term `node` (a single word): term → occurrences at window
/// positions, and the number of window positions W. A position is a window position when
/// it is within `left` before or `right` after some occurrence of `node` in its text and is
/// not itself `node`. With `per_hit` (AntConc, NLTK), every (occurrence of `node`, token
/// within `left` before or `right` after it) pair counts instead, other occurrences of
/// `node` included, and W is the number of pairs.
pub fn collocates(
    texts: &[String],
    node: &str,
    left: usize,
    right: usize,
    per_hit: bool,
) -> (BTreeMap<String, usize>, usize) {
    let mut observed = BTreeMap::new();
    let mut w = 0;
    for text in texts {
        let terms = terms(text);
        for (p, term) in terms.iter().enumerate() {
            // The occurrences of `node` whose window holds p.
            let hits = (0..terms.len())
                .filter(|&q| terms[q] == node)
                .filter(|&q| (q < p && p - q <= right) || (q > p && q - p <= left))
                .count();
            let times = match per_hit {
                true => hits,
                false => usize::from(hits > 0 && term != node),
            };
            if times > 0 {
                *observed.entry(term.clone()).or_insert(0) += times;
                w += times;
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

/// A text's sentences among its first `within` tokens, each as its content terms (those not
/// in `stop`), by rescanning it: one per sentence that holds a word, the last cut at `within`.
pub fn sentence_terms(text: &str, within: usize, stop: &BTreeSet<String>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut last = None;
    let of = sentence_of_each_token(text);
    for (token, sentence) in tokens(text).zip(of).take(within) {
        if last != Some(sentence) {
            out.push(Vec::new());
            last = Some(sentence);
        }
        let term = token.term();
        if !stop.contains(&term) {
            out.last_mut().unwrap().push(term);
        }
    }
    out
}

/// A text's sentences among its first `within` tokens, by rescanning it: (first token, token
/// count, byte offset of its first word, byte offset past its last word), the last cut at
/// `within`.
pub fn sentence_spans(text: &str, within: usize) -> Vec<(usize, usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut last = None;
    let of = sentence_of_each_token(text);
    for (i, (token, sentence)) in tokens(text).zip(of).take(within).enumerate() {
        if last == Some(sentence) {
            let s = out.last_mut().unwrap();
            s.1 += 1;
            s.3 = token.end;
        } else {
            out.push((i, 1, token.start, token.end));
            last = Some(sentence);
        }
    }
    out
}

/// Each sentence's most similar sentence of the other list, both ways, by comparing every
/// pair in order: the cosine of the term-count vectors, the first of equals, `None` when no
/// term is shared.
#[allow(clippy::type_complexity)]
pub fn sentence_alignment(
    a: &[Vec<String>],
    b: &[Vec<String>],
) -> (Vec<(Option<usize>, f64)>, Vec<(Option<usize>, f64)>) {
    fn count(s: &[String]) -> BTreeMap<&str, f64> {
        let mut m: BTreeMap<&str, f64> = BTreeMap::new();
        for t in s {
            *m.entry(t).or_default() += 1.0;
        }
        m
    }
    let ca: Vec<_> = a.iter().map(|s| count(s)).collect();
    let cb: Vec<_> = b.iter().map(|s| count(s)).collect();
    let norm = |m: &BTreeMap<&str, f64>| m.values().map(|c| c * c).sum::<f64>().sqrt();
    let mut best_a = vec![(None, 0.0); a.len()];
    let mut best_b = vec![(None, 0.0); b.len()];
    for (i, x) in ca.iter().enumerate() {
        for (j, y) in cb.iter().enumerate() {
            // Integer counts: the dot product and the norms' squares are exact in any order.
            let dot: f64 = x.iter().filter_map(|(t, c)| y.get(t).map(|d| c * d)).sum();
            if dot == 0.0 {
                continue;
            }
            let s = (dot / (norm(x) * norm(y))).min(1.0);
            if s > best_a[i].1 {
                best_a[i] = (Some(j), s);
            }
            if s > best_b[j].1 {
                best_b[j] = (Some(i), s);
            }
        }
    }
    (best_a, best_b)
}
