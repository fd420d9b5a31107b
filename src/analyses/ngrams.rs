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

/// The longest phrase, in words.
pub const MAX_N: usize = 6;

/// Options for [`Corpus::ngrams`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct NgramOptions {
    /// This document only; `None` (the default) for the whole corpus.
    pub doc: Option<DocId>,
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
        if let Some(d) = options.doc {
            self.document(d)?;
        }
        let docs = self.documents();
        let min_count = options.min_count;
        // Stop words: each document's language's list, so a phrase is trimmed in the
        // documents where its first or last word is a stop word, and counted in the others.
        let filter = options.trim_stopwords.then(|| self.stop_filter());
        let stop = |d: DocId, t: TermId| filter.as_ref().is_some_and(|f| f.is_stop(d, t));
        // The first words of sentences, one bit per token of each document: a phrase grows
        // by a word only when that word does not start a sentence.
        let breaks: Option<Vec<Vec<u64>>> = (!options.cross_sentences).then(|| {
            docs.iter()
                .map(|d| {
                    let mut bits = vec![0u64; d.token_count().div_ceil(64)];
                    for &p in &d.sentence_starts {
                        bits[p as usize / 64] |= 1 << (p % 64);
                    }
                    bits
                })
                .collect()
        });
        let follower = |(d, p): (DocId, u32), k: usize| {
            let q = p as usize + k;
            let starts = breaks.as_ref().and_then(|b| b[d as usize].get(q / 64));
            match starts.is_some_and(|bits| bits >> (q % 64) & 1 == 1) {
                true => None,
                false => word_at(docs, (d, p), k),
            }
        };
        // All occurrences of every listed group, level after level; `level` holds the
        // (from, to) ranges of the groups of the current length.
        let mut occurrences: Vec<(DocId, u32)> = Vec::new();
        let mut level: Vec<(usize, usize)> = Vec::new();
        let frequencies = self.term_counts(options.doc);
        for (id, _) in self.vocab.iter() {
            // A phrase that must not start with a stop word cannot grow from one.
            if frequencies[id as usize] as usize >= min_count {
                let from = occurrences.len();
                occurrences.extend(
                    self.postings_in(id, options.doc)
                        .filter(|p| !stop(p.doc, id))
                        .map(|p| (p.doc, p.pos)),
                );
                if occurrences.len() - from >= min_count {
                    level.push((from, occurrences.len()));
                } else {
                    occurrences.truncate(from);
                }
            }
        }
        let mut counts = vec![0u32; self.vocab.len()];
        let mut slots = vec![0u32; self.vocab.len()];
        let mut touched: Vec<TermId> = Vec::new();
        let mut stamp = vec![usize::MAX; docs.len()];
        let mut groups = Vec::new();
        for n in 2..=options.max_length {
            let mut next = Vec::new();
            for &(from, to) in &level {
                // Count the word after each occurrence (n - 1 words long).
                for &occurrence in &occurrences[from..to] {
                    if let Some(t) = follower(occurrence, n - 1) {
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
                occurrences.resize(end, (0, 0));
                for k in from..to {
                    let occurrence = occurrences[k];
                    if let Some(t) = follower(occurrence, n - 1) {
                        if counts[t as usize] as usize >= min_count {
                            occurrences[slots[t as usize] as usize] = occurrence;
                            slots[t as usize] += 1;
                        }
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
                        let last = |&(d, p): &(DocId, u32)| {
                            word_at(docs, (d, p), n - 1).is_some_and(|t| stop(d, t))
                        };
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
                    let mut count_docs = 0;
                    for &(d, _) in &occurrences[from..to] {
                        if stamp[d as usize] != groups.len() {
                            stamp[d as usize] = groups.len();
                            count_docs += 1;
                        }
                    }
                    groups.push(Group {
                        n,
                        from,
                        to,
                        docs: count_docs,
                    });
                }
            }
            level = next;
        }
        if options.longest_only {
            groups = longest_only(groups, &mut occurrences, docs);
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
            let (d, p) = occurrences[g.from];
            docs[d as usize].terms.from(p as usize).take(g.n)
        };
        let sorted = sorted_indices(groups.len(), &|a, b| {
            let (a, b) = (&groups[a as usize], &groups[b as usize]);
            let ranks = |g| phrase(g).map(|t| self.ranks()[t as usize]);
            (b.to - b.from)
                .cmp(&(a.to - a.from))
                .then(b.n.cmp(&a.n))
                .then_with(|| ranks(a).cmp(ranks(b)))
        });
        Ok(sorted
            .iter()
            .take(limit)
            .map(|&g| {
                let g = &groups[g as usize];
                Ngram {
                    terms: phrase(g).map(|t| self.vocab.term(t)).collect(),
                    count: g.to - g.from,
                    docs: g.docs,
                    first: occurrences[g.from],
                }
            })
            .collect())
    }
}

/// The term `k` words after the start `(doc, pos)`, if the document is that long.
fn word_at(docs: &[Document], (doc, pos): (DocId, u32), k: usize) -> Option<TermId> {
    docs[doc as usize].terms.get(pos as usize + k)
}

/// The groups with the occurrences not contained in an occurrence of a longer listed group
/// (a phrase at `t` of length `n` lies inside a listed occurrence at `s` of length `m` when
/// `s ≤ t` and `t + n ≤ s + m`), those left with none left out. Each group's range of
/// `occurrences` (its own) keeps the others, in order.
fn longest_only(
    groups: Vec<Group>,
    occurrences: &mut [(DocId, u32)],
    docs: &[Document],
) -> Vec<Group> {
    // Every token of the corpus gets a global index: its document's base plus its position.
    let mut base = Vec::with_capacity(docs.len() + 1);
    let mut total = 0;
    for d in docs {
        base.push(total);
        total += d.token_count();
    }
    let global = |(d, p): (DocId, u32)| base[d as usize] + p as usize;
    // The longest listed phrase starting at each position.
    let mut longest = vec![0u8; total];
    for g in &groups {
        for &o in &occurrences[g.from..g.to] {
            let l = &mut longest[global(o)];
            *l = (*l).max(g.n as u8);
        }
    }
    // reach[t]: the furthest end of a listed phrase starting before t in t's document.
    let mut reach = vec![0usize; total];
    for (d, doc) in docs.iter().enumerate() {
        let mut furthest = 0;
        for t in base[d]..base[d] + doc.token_count() {
            reach[t] = furthest;
            if longest[t] > 0 {
                furthest = furthest.max(t + longest[t] as usize);
            }
        }
    }
    let inside = |o, n: usize| {
        let t = global(o);
        longest[t] as usize > n || reach[t] >= t + n
    };
    let mut stamp = vec![usize::MAX; docs.len()];
    let mut kept_groups = Vec::with_capacity(groups.len());
    for (k, mut g) in groups.into_iter().enumerate() {
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
        g.docs = 0;
        for &(d, _) in &occurrences[g.from..g.to] {
            if stamp[d as usize] != k {
                stamp[d as usize] = k;
                g.docs += 1;
            }
        }
        kept_groups.push(g);
    }
    kept_groups
}
