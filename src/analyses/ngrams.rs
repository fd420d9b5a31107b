//! Phrases: repeated sequences of 2 to 6 words (n-grams), with their counts.
//!
//! A phrase is a run of consecutive tokens within one sentence of one document (UAX #29
//! sentences, as the Summary counts them): punctuation within a sentence does not break it,
//! a sentence end does, unless [`NgramOptions::cross_sentences`] is set (Voyant's Phrases
//! run across them). Counting grows phrases one
//! word at a time from the postings: the occurrences of a phrase are split by the word that
//! follows, and only groups seen at least `min_count` times grow further (a phrase is never
//! more frequent than its beginning), so rare words drop out after the first step.
//!
//! With [`NgramOptions::longest_only`], an occurrence of a phrase that lies inside an
//! occurrence of a longer phrase of the list is not counted: each phrase's count (and
//! documents, and first occurrence) is that of its other occurrences, and a phrase left with
//! none is left out. `north korea` seen 25 times, 3 of them in `that north korea`, stays in
//! the list with 22; a phrase that only ever occurs inside a longer one goes. The counts
//! may then be below `min_count`, which chose the phrases before this step.

use crate::error::{check_range, Result};
use crate::index::{sorted_indices, Corpus, DocId, Document, TermId};
use crate::scope::{Docs, Scope};

/// The longest phrase, in words.
pub const MAX_N: usize = 6;

/// Options for [`Corpus::ngrams`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct NgramOptions {
    /// This document only; `None` (the default) for the whole corpus.
    pub doc: Option<DocId>,
    /// Only the documents of this subcorpus, chosen by metadata (`newspaper = Mint`,
    /// `date 2024-06`: see [`crate::scope`]); with `doc`, that document if it is in it.
    /// `None` (the default) for no restriction.
    pub scope: Option<Scope>,
    /// The shortest phrase, 2 to [`MAX_N`] words (default 2).
    pub min_length: usize,
    /// The longest phrase, `min_length` to [`MAX_N`] words (default [`MAX_N`]).
    pub max_length: usize,
    /// Leave out phrases seen fewer times than this, from 1 (default 2: repeated phrases).
    pub min_count: usize,
    /// Leave out phrases that start or end with a stop word (default `false`).
    pub trim_stopwords: bool,
    /// Count only the occurrences of a phrase that do not lie inside an occurrence of a
    /// longer phrase of the list, and leave out a phrase left with none (default `false`;
    /// see the [module documentation](self)).
    pub longest_only: bool,
    /// Let phrases run across sentence ends (default `false`: within a sentence).
    pub cross_sentences: bool,
    /// At most this many phrases; `None` (the default) for all.
    pub limit: Option<usize>,
}

impl Default for NgramOptions {
    fn default() -> NgramOptions {
        NgramOptions {
            doc: None,
            scope: None,
            min_length: 2,
            max_length: MAX_N,
            min_count: 2,
            trim_stopwords: false,
            longest_only: false,
            cross_sentences: false,
            limit: None,
        }
    }
}

/// One phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ngram<'a> {
    /// Its terms, in order.
    pub terms: Vec<&'a str>,
    /// How many times it occurs (occurrences may overlap: "a a a" holds "a a" twice).
    pub count: usize,
    /// In how many documents.
    pub docs: usize,
    /// Where it first occurs: the document and the token index.
    pub first: (DocId, u32),
}

/// A phrase of the list: its length and its occurrences `occurrences[from..to]`, in
/// document order.
struct Group {
    n: usize,
    from: usize,
    to: usize,
    docs: usize,
}

impl Corpus {
    /// The phrases of the scope, most frequent first, then longest, then alphabetical.
    ///
    /// ```
    /// use text_explorer::{Corpus, NgramOptions};
    /// let mut corpus = Corpus::new();
    /// corpus.add_document("t", "North Korea, north Korea's leader.").unwrap();
    /// let phrases = corpus.ngrams(&NgramOptions::default()).unwrap();
    /// assert_eq!((phrases[0].terms.join(" "), phrases[0].count), ("north korea".into(), 2));
    /// ```
    pub fn ngrams(&self, options: &NgramOptions) -> Result<Vec<Ngram<'_>>> {
        check_range("minLength", options.min_length, 2, MAX_N)?;
        check_range("maxLength", options.max_length, options.min_length, MAX_N)?;
        check_range("minCount", options.min_count, 1, u32::MAX as usize)?;
        let only = self.docs(options.doc, options.scope.as_ref())?;
        let docs = self.documents();
        let min_count = options.min_count;
        // Stop words: each document's language's list, so a phrase is trimmed in the
        // documents where its first or last word is a stop word, and counted in the others.
        let filter = options.trim_stopwords.then(|| self.stop_filter());
        let stop = |d: DocId, t: TermId| filter.as_ref().is_some_and(|f| f.is_stop(d, t));
        let tokens = Tokens::new(docs, &only, !options.cross_sentences);
        let flat = &tokens.flat;
        // All occurrences of every listed group (token indices of `flat`), level after
        // level; `level` holds the (from, to) ranges of the groups of the current length.
        // The first level: the tokens of each term, in order, by a counting sort (a phrase
        // that must not start with a stop word cannot grow from one).
        let scope = |d: usize| only.contains(d as DocId);
        let mut counts = vec![0u32; self.vocab.len()];
        for (d, _) in docs.iter().enumerate().filter(|&(d, _)| scope(d)) {
            for &t in &flat[tokens.base[d]..tokens.base[d + 1] - 1] {
                let t = t & TERM;
                if !stop(d as DocId, t) {
                    counts[t as usize] += 1;
                }
            }
        }
        let mut slots = vec![0u32; self.vocab.len()];
        let mut level: Vec<(usize, usize)> = Vec::new();
        let mut end = 0;
        for (t, &count) in counts.iter().enumerate() {
            if count as usize >= min_count {
                slots[t] = end as u32;
                level.push((end, end + count as usize));
                end += count as usize;
            }
        }
        let mut occurrences: Vec<u32> = vec![0; end];
        for (d, _) in docs.iter().enumerate().filter(|&(d, _)| scope(d)) {
            let (from, to) = (tokens.base[d], tokens.base[d + 1] - 1);
            for (g, &t) in (from..to).zip(&flat[from..to]) {
                let t = t & TERM;
                if counts[t as usize] as usize >= min_count && !stop(d as DocId, t) {
                    occurrences[slots[t as usize] as usize] = g as u32;
                    slots[t as usize] += 1;
                }
            }
        }
        counts.fill(0);
        // The word `k` tokens after the token `g`, unless a sentence (or the document)
        // ends before it.
        let follower = |g: u32, k: usize| {
            let t = flat[g as usize + k];
            (t & BREAK == 0).then_some(t)
        };
        let mut touched: Vec<TermId> = Vec::new();
        let mut followers: Vec<TermId> = Vec::new();
        let mut groups = Vec::new();
        for n in 2..=options.max_length {
            let mut next = Vec::new();
            for &(from, to) in &level {
                // Count the word after each occurrence (n - 1 words long), kept in
                // `followers` (BREAK for none) so that the corpus is read once.
                followers.clear();
                for &occurrence in &occurrences[from..to] {
                    let next = follower(occurrence, n - 1);
                    followers.push(next.unwrap_or(BREAK));
                    if let Some(t) = next {
                        if counts[t as usize] == 0 {
                            touched.push(t);
                        }
                        counts[t as usize] += 1;
                    }
                }
                // A range for each frequent follower, in first-seen order.
                let base = occurrences.len();
                let mut end = base;
                for &t in &touched {
                    if counts[t as usize] as usize >= min_count {
                        slots[t as usize] = end as u32;
                        next.push((end, end + counts[t as usize] as usize));
                        end += counts[t as usize] as usize;
                    }
                }
                occurrences.resize(end, 0);
                for (k, &t) in (from..to).zip(&followers) {
                    let occurrence = occurrences[k];
                    if t != BREAK && counts[t as usize] as usize >= min_count {
                        occurrences[slots[t as usize] as usize] = occurrence;
                        slots[t as usize] += 1;
                    }
                }
                for &t in &touched {
                    counts[t as usize] = 0;
                }
                touched.clear();
            }
            if n >= options.min_length {
                for &(from, to) in &next {
                    let (mut from, mut to) = (from, to);
                    if filter.is_some() {
                        // Only the occurrences whose last word is not a stop word in their
                        // document: copied past the end, as the whole group still grows.
                        let last =
                            |&g: &u32| stop(tokens.doc_of(g), flat[g as usize + n - 1] & TERM);
                        let ends = occurrences[from..to].iter().filter(|o| last(o)).count();
                        if ends > 0 {
                            if to - from - ends < min_count {
                                continue;
                            }
                            let start = occurrences.len();
                            for k in from..to {
                                if !last(&occurrences[k]) {
                                    occurrences.push(occurrences[k]);
                                }
                            }
                            (from, to) = (start, occurrences.len());
                        }
                    }
                    groups.push(Group {
                        n,
                        from,
                        to,
                        docs: tokens.count_docs(&occurrences[from..to]),
                    });
                }
            }
            level = next;
        }
        if options.longest_only {
            groups = longest_only(groups, &mut occurrences, &tokens);
        }
        let limit = options.limit.unwrap_or(usize::MAX);
        if limit < groups.len() {
            // Only the groups at least as frequent as the limit-th one can be on the page:
            // sort those alone (a corpus has hundreds of thousands of phrases seen twice).
            let mut at_least =
                vec![0usize; groups.iter().map(|g| g.to - g.from).max().unwrap_or(0) + 2];
            for g in &groups {
                at_least[g.to - g.from] += 1;
            }
            let mut threshold = at_least.len() - 1;
            let mut seen = 0;
            while threshold > 0 && seen + at_least[threshold] < limit {
                seen += at_least[threshold];
                threshold -= 1;
            }
            groups.retain(|g| g.to - g.from >= threshold);
        }
        let phrase = |g: &Group| {
            let at = occurrences[g.from] as usize;
            flat[at..at + g.n].iter().map(|&t| t & TERM)
        };
        // The sort keys, computed once: the count, the length, the terms' alphabetical ranks.
        let ranks = self.ranks();
        let keys: Vec<(usize, usize, [u32; MAX_N])> = groups
            .iter()
            .map(|g| {
                let mut key = [0; MAX_N];
                for (k, t) in key.iter_mut().zip(phrase(g)) {
                    *k = ranks[t as usize];
                }
                (g.to - g.from, g.n, key)
            })
            .collect();
        let sorted = sorted_indices(groups.len(), &|a, b| {
            let (a, b) = (&keys[a as usize], &keys[b as usize]);
            b.0.cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then_with(|| a.2.cmp(&b.2))
        });
        Ok(sorted
            .iter()
            .take(limit)
            .map(|&g| {
                let g = &groups[g as usize];
                let first = occurrences[g.from];
                let doc = tokens.doc_of(first);
                Ngram {
                    terms: phrase(g).map(|t| self.vocab.term(t)).collect(),
                    count: g.to - g.from,
                    docs: g.docs,
                    first: (doc, first - tokens.base[doc as usize] as u32),
                }
            })
            .collect())
    }
}

/// The bit of a token of [`Tokens::flat`] that starts a sentence (when phrases stop at
/// sentence ends), or of the mark after a document's last token: no phrase grows onto it.
const BREAK: u32 = 1 << 31;
/// The bits of a term id in [`Tokens::flat`].
const TERM: u32 = !BREAK;

/// The term ids of the tokens of the scope in one array, each document's followed by an end
/// mark ([`BREAK`]), so that a phrase grows by reading the next entry.
struct Tokens {
    flat: Vec<u32>,
    /// Where each document starts in `flat` (an empty range for those out of the scope),
    /// and the length of `flat` at the end.
    base: Vec<usize>,
}

impl Tokens {
    fn new(docs: &[Document], only: &Docs, sentences: bool) -> Tokens {
        let mut flat = Vec::new();
        let mut base = Vec::with_capacity(docs.len() + 1);
        for (d, doc) in docs.iter().enumerate() {
            base.push(flat.len());
            if !only.contains(d as DocId) {
                continue;
            }
            let from = flat.len();
            flat.extend(doc.terms.iter());
            if sentences {
                for &p in &doc.sentence_starts {
                    if let Some(t) = flat[from..].get_mut(p as usize) {
                        *t |= BREAK;
                    }
                }
            }
            flat.push(BREAK);
        }
        base.push(flat.len());
        Tokens { flat, base }
    }

    /// The document of the token `g`.
    fn doc_of(&self, g: u32) -> DocId {
        (self.base.partition_point(|&b| b <= g as usize) - 1) as DocId
    }

    /// In how many documents the tokens `occurrences` (in order) are.
    fn count_docs(&self, occurrences: &[u32]) -> usize {
        let (mut docs, mut end) = (0, 0);
        for &g in occurrences {
            if g as usize >= end {
                docs += 1;
                end = self.base[self.doc_of(g) as usize + 1];
            }
        }
        docs
    }
}

/// The groups with the occurrences not contained in an occurrence of a longer listed group
/// (a phrase at `t` of length `n` lies inside a listed occurrence at `s` of length `m` when
/// `s ≤ t` and `t + n ≤ s + m`), those left with none left out. Each group's range of
/// `occurrences` (its own) keeps the others, in order.
fn longest_only(groups: Vec<Group>, occurrences: &mut [u32], tokens: &Tokens) -> Vec<Group> {
    // The longest listed phrase starting at each token.
    let mut longest = vec![0u8; tokens.flat.len()];
    for g in &groups {
        for &o in &occurrences[g.from..g.to] {
            let l = &mut longest[o as usize];
            *l = (*l).max(g.n as u8);
        }
    }
    // reach[t]: the furthest end of a listed phrase starting before t (none crosses the
    // end mark of a document, so none reaches into the next one).
    let mut reach = vec![0usize; tokens.flat.len()];
    let mut furthest = 0;
    for t in 0..tokens.flat.len() {
        reach[t] = furthest;
        if longest[t] > 0 {
            furthest = furthest.max(t + longest[t] as usize);
        }
    }
    let inside = |o: u32, n: usize| {
        let t = o as usize;
        longest[t] as usize > n || reach[t] >= t + n
    };
    let mut kept_groups = Vec::with_capacity(groups.len());
    for mut g in groups {
        let mut kept = g.from;
        for i in g.from..g.to {
            let o = occurrences[i];
            if !inside(o, g.n) {
                occurrences[kept] = o;
                kept += 1;
            }
        }
        if kept == g.from {
            continue;
        }
        g.to = kept;
        g.docs = tokens.count_docs(&occurrences[g.from..g.to]);
        kept_groups.push(g);
    }
    kept_groups
}
