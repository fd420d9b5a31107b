//! Comparing two documents: the vocabulary they share and their own, the passages they share
//! word for word, and which sentence of one is most like each sentence of the other.
//!
//! - Shared passages are the *maximal common token runs*: term sequences `A[i..i+len]` equal
//!   to `B[j..j+len]` that cannot be extended on either side, at least `min_run` tokens
//!   long. A run repeated in a text is paired with each of its copies.
//! - Sentence similarity is the cosine of the two sentences' term-count vectors
//!   `a·b / (|a| |b|)`, 0 (no term in common) to 1 (the same terms in the same
//!   proportions), over content words: stop words are left out, so that "the" and "of" do
//!   not pair unrelated sentences. Each sentence is paired with the most similar sentence of
//!   the other document (the first of equals), or with none when no content word is shared.
//!   Only pairs that share a content term are scored (an inverted index of the second
//!   document's sentences): far fewer than all pairs where stop words are left out, but
//!   still nearly all of them when a frequent word counts as content (a language without a
//!   stop-word list); `excerpt` bounds the work then.
//! - With `excerpt`, the passages and the alignment are of each document's start only (its
//!   tokens that end within the first `excerpt` UTF-16 units): what a view shows of a long
//!   text. The vocabulary lists are always of the whole documents.

use crate::error::{check_range, Error, Result};
use crate::index::{sorted_indices, Corpus, DocId, Document, TermId};

/// The longest `min_run` accepted.
pub const MAX_RUN: usize = 50;

/// Options for [`Corpus::compare`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct CompareOptions {
    /// The shortest shared passage, 1 to [`MAX_RUN`] tokens (default 4).
    pub min_run: usize,
    /// Keep stop words in the vocabulary lists (default `false`: leave them out).
    pub stopwords: bool,
    /// At most this many terms in each vocabulary list; `None` (the default) for all.
    pub limit: Option<usize>,
    /// Compare passages and sentences within each document's first `excerpt` UTF-16 units
    /// only (a token counts when it ends within); `None` (the default) for the whole texts.
    /// The vocabulary lists are of the whole documents either way.
    pub excerpt: Option<usize>,
}

impl Default for CompareOptions {
    fn default() -> CompareOptions {
        CompareOptions {
            min_run: 4,
            stopwords: false,
            limit: None,
            excerpt: None,
        }
    }
}

/// A term with its counts in the two documents.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct TermCounts<'a> {
    /// The term.
    pub term: &'a str,
    /// Its count in the first document.
    pub a: usize,
    /// Its count in the second document.
    pub b: usize,
}

/// A passage the two documents share word for word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// Its first token in the first document.
    pub a: usize,
    /// Its first token in the second document.
    pub b: usize,
    /// Its length in tokens.
    pub len: usize,
}

/// A sentence and its best match in the other document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sentence {
    /// Byte offset of its first word.
    pub start: usize,
    /// Byte offset just past its last word.
    pub end: usize,
    /// Its first token.
    pub first_token: usize,
    /// Tokens in it.
    pub tokens: usize,
    /// The index of the most similar sentence of the other document, if any shares a
    /// content word.
    pub best: Option<usize>,
    /// The cosine similarity to it, 0 to 1 (0 without a match).
    pub similarity: f64,
}

/// The comparison of two documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison<'a> {
    /// Terms in both, by combined count (highest first), then term.
    pub shared: Vec<TermCounts<'a>>,
    /// Terms only in the first, by count, then term.
    pub only_a: Vec<TermCounts<'a>>,
    /// Terms only in the second, by count, then term.
    pub only_b: Vec<TermCounts<'a>>,
    /// Distinct terms in both (before the limit).
    pub shared_types: usize,
    /// The shared passages, by their start in the first document, then in the second.
    pub runs: Vec<Run>,
    /// The sentences of the first document, in order, with their matches in the second.
    pub sentences_a: Vec<Sentence>,
    /// The sentences of the second document, with their matches in the first.
    pub sentences_b: Vec<Sentence>,
}

/// The sentences of a document that hold words, among its first `within` tokens: (first
/// token, token count); the last one is cut at `within`.
fn sentences(doc: &Document, within: usize) -> Vec<(usize, usize)> {
    let starts = &doc.sentence_starts;
    let mut out = Vec::new();
    for (k, &first) in starts.iter().enumerate() {
        let first = first as usize;
        if first >= within {
            break;
        }
        let next = starts.get(k + 1).map_or(doc.token_count(), |&n| n as usize);
        out.push((first, next.min(within) - first));
    }
    out
}

/// How many of a document's tokens end within its first `units` UTF-16 units (all with
/// `None`).
fn tokens_within(doc: &Document, units: Option<usize>) -> usize {
    let n = doc.token_count();
    let Some(units) = units else { return n };
    // Token ends increase, so the tokens within are a prefix: find its end by bisection.
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if doc.utf16_offset(doc.span(mid).1) <= units {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Items grouped by term, in the order given within each term (a counting sort over the
/// vocabulary: no comparison sort, and no hash map).
struct ByTerm<T> {
    start: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy + Default> ByTerm<T> {
    fn new<I: Iterator<Item = (TermId, T)>>(vocab: usize, entries: impl Fn() -> I) -> ByTerm<T> {
        let mut start = vec![0u32; vocab + 1];
        for (t, _) in entries() {
            start[t as usize + 1] += 1;
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut fill = start.clone();
        let mut items = vec![T::default(); start[vocab] as usize];
        for (t, x) in entries() {
            let at = &mut fill[t as usize];
            items[*at as usize] = x;
            *at += 1;
        }
        ByTerm { start, items }
    }

    fn of(&self, t: TermId) -> &[T] {
        &self.items[self.start[t as usize] as usize..self.start[t as usize + 1] as usize]
    }
}

/// A sentence's content-term vector: sorted (term, count) pairs, and its norm.
/// `stop` tells whether a term is a stop word in the document's language.
fn vector(
    stop: &dyn Fn(TermId) -> bool,
    doc: &Document,
    first: usize,
    len: usize,
) -> (Vec<(TermId, f64)>, f64) {
    let ids: Vec<TermId> = (first..first + len)
        .map(|i| doc.term_id(i))
        .filter(|&t| !stop(t))
        .collect();
    let order = sorted_indices(ids.len(), &|x, y| ids[x as usize].cmp(&ids[y as usize]));
    let mut v: Vec<(TermId, f64)> = Vec::new();
    for t in order.iter().map(|&k| ids[k as usize]) {
        match v.last_mut() {
            Some(last) if last.0 == t => last.1 += 1.0,
            _ => v.push((t, 1.0)),
        }
    }
    let norm = v.iter().map(|p| p.1 * p.1).sum::<f64>().sqrt();
    (v, norm)
}

type Vector = (Vec<(TermId, f64)>, f64);

/// Each sentence's best match in the other document, both ways: (index, similarity).
/// Equals the comparison of every pair in order with strict `>` (the first of equals on
/// both sides), scoring only the pairs that share a term.
#[allow(clippy::type_complexity)]
fn align(
    vocab: usize,
    va: &[Vector],
    vb: &[Vector],
) -> (Vec<(Option<usize>, f64)>, Vec<(Option<usize>, f64)>) {
    let index: ByTerm<(u32, f64)> = ByTerm::new(vocab, || {
        vb.iter()
            .enumerate()
            .flat_map(|(j, (v, _))| v.iter().map(move |&(t, w)| (t, (j as u32, w))))
    });
    let mut best_a: Vec<(Option<usize>, f64)> = vec![(None, 0.0); va.len()];
    let mut best_b: Vec<(Option<usize>, f64)> = vec![(None, 0.0); vb.len()];
    let mut dot = vec![0.0f64; vb.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, (x, nx)) in va.iter().enumerate() {
        // x's terms in increasing order: each sum adds in the order a merge of the two
        // sorted vectors would, so the value is the same to the last bit.
        for &(t, wx) in x {
            for &(j, wy) in index.of(t) {
                let j = j as usize;
                if dot[j] == 0.0 {
                    touched.push(j);
                }
                dot[j] += wx * wy;
            }
        }
        for &j in &touched {
            let s = (dot[j] / (nx * vb[j].1)).min(1.0);
            dot[j] = 0.0;
            let (k, best) = best_a[i];
            if s > best || (s == best && k.is_some_and(|k| j < k)) {
                best_a[i] = (Some(j), s);
            }
            if s > best_b[j].1 {
                best_b[j] = (Some(i), s);
            }
        }
        touched.clear();
    }
    (best_a, best_b)
}

impl Corpus {
    /// Compares documents `a` and `b` (see the [module documentation](self)).
    ///
    /// ```
    /// use text_explorer::{CompareOptions, Corpus};
    /// let mut corpus = Corpus::new();
    /// corpus.add_document("a", "The talks in Hanoi ended early. Both sides left.").unwrap();
    /// corpus.add_document("b", "Reporters said the talks in Hanoi ended early on Thursday.").unwrap();
    /// let c = corpus.compare(0, 1, &CompareOptions::default()).unwrap();
    /// assert_eq!((c.runs[0].a, c.runs[0].b, c.runs[0].len), (0, 2, 6));
    /// assert_eq!(c.sentences_b[0].best, Some(0));
    /// ```
    pub fn compare(&self, a: DocId, b: DocId, options: &CompareOptions) -> Result<Comparison<'_>> {
        check_range("minRun", options.min_run, 1, MAX_RUN)?;
        let (da, db) = (self.document(a)?, self.document(b)?);
        if a == b {
            return Err(Error::invalid_option(
                "documents",
                format!("both are document {a}: choose two different documents"),
            ));
        }
        // Vocabulary: every term of either document, with its count in each.
        // Stop words: each document's own language's list.
        let filter = self.stop_filter();
        let hide = |d: DocId, t: TermId| !options.stopwords && filter.is_stop(d, t);
        let mut counts: Vec<[usize; 2]> = vec![[0, 0]; self.vocab.len()];
        for t in da.terms.iter().filter(|&t| !hide(a, t)) {
            counts[t as usize][0] += 1;
        }
        for t in db.terms.iter().filter(|&t| !hide(b, t)) {
            counts[t as usize][1] += 1;
        }
        let mut lists: [Vec<TermCounts>; 3] = Default::default();
        for (id, term) in self.vocab.iter() {
            let [ca, cb] = counts[id as usize];
            if ca == 0 && cb == 0 {
                continue;
            }
            let which = if ca > 0 && cb > 0 {
                0
            } else if ca > 0 {
                1
            } else {
                2
            };
            lists[which].push(TermCounts { term, a: ca, b: cb });
        }
        let shared_types = lists[0].len();
        let limit = options.limit.unwrap_or(usize::MAX);
        let [shared, only_a, only_b] = lists.map(|list| {
            let order = sorted_indices(list.len(), &|x, y| {
                let (x, y) = (&list[x as usize], &list[y as usize]);
                (y.a + y.b)
                    .cmp(&(x.a + x.b))
                    .then_with(|| x.term.cmp(y.term))
            });
            order
                .iter()
                .take(limit)
                .map(|&i| list[i as usize].clone())
                .collect()
        });

        // Runs: from each token of A, each occurrence of its term in B that starts a run,
        // within the tokens compared (`excerpt`).
        let (na, nb) = (
            tokens_within(da, options.excerpt),
            tokens_within(db, options.excerpt),
        );
        let in_b: ByTerm<u32> =
            ByTerm::new(self.vocab.len(), || db.terms.iter().take(nb).zip(0u32..));
        let mut runs = Vec::new();
        for (i, t) in da.terms.iter().take(na).enumerate() {
            for &j in in_b.of(t) {
                let j = j as usize;
                if i > 0 && j > 0 && da.terms.at(i - 1) == db.terms.at(j - 1) {
                    continue; // not the left edge: counted from the run's start
                }
                let len = da
                    .terms
                    .from(i)
                    .take(na - i)
                    .zip(db.terms.from(j).take(nb - j))
                    .take_while(|(x, y)| x == y)
                    .count();
                if len >= options.min_run {
                    runs.push(Run { a: i, b: j, len });
                }
            }
        }

        let (sa, sb) = (sentences(da, na), sentences(db, nb));
        let (stop_a, stop_b) = (|t| filter.is_stop(a, t), |t| filter.is_stop(b, t));
        let va: Vec<_> = sa.iter().map(|&(f, l)| vector(&stop_a, da, f, l)).collect();
        let vb: Vec<_> = sb.iter().map(|&(f, l)| vector(&stop_b, db, f, l)).collect();
        let (best_a, best_b) = align(self.vocab.len(), &va, &vb);
        let sentence =
            |doc: &Document, (first, len): (usize, usize), (best, similarity)| Sentence {
                start: doc.span(first).0,
                end: doc.span(first + len - 1).1,
                first_token: first,
                tokens: len,
                best,
                similarity,
            };
        let sentences_a = sa
            .iter()
            .zip(best_a)
            .map(|(&s, m)| sentence(da, s, m))
            .collect();
        let sentences_b = sb
            .iter()
            .zip(best_b)
            .map(|(&s, m)| sentence(db, s, m))
            .collect();
        Ok(Comparison {
            shared,
            only_a,
            only_b,
            shared_types,
            runs,
            sentences_a,
            sentences_b,
        })
    }
}
