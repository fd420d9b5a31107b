//! Frequency lists and summary figures, read from the index.

use crate::error::Result;
use crate::index::{sorted_indices, Corpus, DocId};
use crate::scope::{Docs, Scope};

/// Options for [`Corpus::terms`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct TermsOptions {
    /// Count in this document only; `None` (the default) counts the whole corpus.
    pub doc: Option<DocId>,
    /// Only the documents of this subcorpus, chosen by metadata (`newspaper = Mint`,
    /// `date 2024-06`: see [`crate::scope`]); with `doc`, that document if it is in it.
    /// `None` (the default) for no restriction.
    pub scope: Option<Scope>,
    /// Keep stop words (the default); `false` leaves out the stop words of each document's
    /// language (see [`crate::stopwords`]; English: [`STOP_WORDS`] unless set otherwise).
    pub stopwords: bool,
    /// Leave out terms counted fewer times than this (default 1, so none is left out).
    pub min_count: usize,
    /// At most this many terms, the most frequent; `None` (the default) for all.
    pub limit: Option<usize>,
    /// Skip this many terms of the list first (default 0): with `limit`, one page of it.
    pub offset: usize,
    /// Only the terms that contain this text (as given: terms are lower case unless the
    /// index keeps case); empty (the default) for every term.
    pub contains: String,
}

impl Default for TermsOptions {
    fn default() -> TermsOptions {
        TermsOptions {
            doc: None,
            scope: None,
            stopwords: true,
            min_count: 1,
            limit: None,
            offset: 0,
            contains: String::new(),
        }
    }
}

/// One page of the frequency list, with the figures a paged table needs (the answer of
/// [`Corpus::terms_page`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct TermsPage<'a> {
    /// Terms in the list (after `stopwords` and `minCount`), before `contains`.
    pub all: usize,
    /// Of those, the terms that contain `contains` (`all` without it).
    pub total: usize,
    /// The highest count in the list (its first term's, before `contains`), 0 when empty.
    pub max: usize,
    /// The page: at most `limit` terms from `offset`, most frequent first.
    pub terms: Vec<TermFrequency<'a>>,
}

/// One row of a frequency list.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct TermFrequency<'a> {
    /// The term (see [`crate::normalize`]).
    pub term: &'a str,
    /// How many times it occurs.
    pub count: usize,
    /// Occurrences per 10,000 tokens of the scope (the document, or the corpus).
    pub relative: f64,
    /// How many documents contain it (within the scope: 0 or 1 for one document).
    pub docs: usize,
}

/// Summary figures for a document or the corpus.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Summary {
    /// The number of documents summed up.
    pub documents: usize,
    /// Characters (Unicode scalar values).
    pub chars: usize,
    /// Words.
    pub tokens: usize,
    /// Distinct terms.
    pub types: usize,
    /// Types divided by tokens (0 when there are no tokens).
    pub ttr: f64,
    /// Sentences that contain a word.
    pub sentences: usize,
    /// Tokens divided by sentences (0 when there are no sentences).
    pub mean_sentence_length: f64,
}

/// The English stop words that [`TermsOptions::stopwords`] `= false` leaves out by default: NLTK's
/// English stop-word list (the `stopwords` corpus of the Natural Language Toolkit, 179 words),
/// with `’` written `'` as terms are; sorted, for binary search.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ain",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "couldn",
    "couldn't",
    "d",
    "did",
    "didn",
    "didn't",
    "do",
    "does",
    "doesn",
    "doesn't",
    "doing",
    "don",
    "don't",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn",
    "hadn't",
    "has",
    "hasn",
    "hasn't",
    "have",
    "haven",
    "haven't",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "isn",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "ll",
    "m",
    "ma",
    "me",
    "mightn",
    "mightn't",
    "more",
    "most",
    "mustn",
    "mustn't",
    "my",
    "myself",
    "needn",
    "needn't",
    "no",
    "nor",
    "not",
    "now",
    "o",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "re",
    "s",
    "same",
    "shan",
    "shan't",
    "she",
    "she's",
    "should",
    "should've",
    "shouldn",
    "shouldn't",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "that'll",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "ve",
    "very",
    "was",
    "wasn",
    "wasn't",
    "we",
    "were",
    "weren",
    "weren't",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "won",
    "won't",
    "wouldn",
    "wouldn't",
    "y",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether `term` is one of the [`STOP_WORDS`].
pub fn is_stop_word(term: &str) -> bool {
    STOP_WORDS.binary_search(&term).is_ok()
}

impl Corpus {
    /// The frequency list: sorted by count, most frequent first, then by term.
    ///
    /// ```
    /// use text_explorer::{Corpus, TermsOptions};
    /// let mut corpus = Corpus::new();
    /// corpus.add_document("t", "The cat and the hat.").unwrap();
    /// let top = corpus.terms(&TermsOptions { stopwords: false, ..Default::default() }).unwrap();
    /// assert_eq!(top.iter().map(|t| t.term).collect::<Vec<_>>(), ["cat", "hat"]);
    /// ```
    pub fn terms(&self, options: &TermsOptions) -> Result<Vec<TermFrequency<'_>>> {
        Ok(self.terms_page(options)?.terms)
    }

    /// One page of [`Corpus::terms`] (`offset`, `limit`, `contains`), with the number of
    /// terms in the whole list, of those that contain `contains`, and the highest count: a
    /// view receives only the rows it shows.
    ///
    /// ```
    /// use text_explorer::{Corpus, TermsOptions};
    /// let mut corpus = Corpus::new();
    /// corpus.add_document("t", "The cat and the hat and the bat.").unwrap();
    /// let page = corpus.terms_page(&TermsOptions { offset: 1, limit: Some(2), ..Default::default() }).unwrap();
    /// assert_eq!((page.all, page.total, page.max), (5, 5, 3));
    /// assert_eq!(page.terms.iter().map(|t| t.term).collect::<Vec<_>>(), ["and", "bat"]);
    /// let at = corpus.terms_page(&TermsOptions { contains: "at".into(), ..Default::default() }).unwrap();
    /// assert_eq!((at.all, at.total), (5, 3));
    /// ```
    pub fn terms_page(&self, options: &TermsOptions) -> Result<TermsPage<'_>> {
        let scope = self.docs(options.doc, options.scope.as_ref())?;
        let scope_tokens = self.tokens_in(&scope);
        // Stop words: each document's language's list. When every document of the scope
        // uses one list, a term is left out wholly; otherwise its tokens are counted only
        // in the documents where it is not a stop word.
        let filter = (!options.stopwords).then(|| self.stop_filter());
        let uniform = filter.as_ref().map(|f| f.uniform(&scope));
        let kept = match (&filter, uniform, &scope) {
            (Some(f), Some(None), _) => Some(self.counts_in(&scope, Some(f))),
            // A subcorpus: its own document frequencies.
            (_, _, Docs::Set(_)) => Some(self.counts_in(&scope, None)),
            _ => None,
        };
        let counts = match &kept {
            Some((counts, _)) => std::borrow::Cow::Borrowed(counts.as_slice()),
            None => self.term_counts(&scope),
        };
        let mut ids = Vec::new();
        let mut rows = Vec::new();
        for (id, term) in self.vocab.iter() {
            let count = counts[id as usize] as usize;
            let docs = match (&scope, &kept) {
                (Docs::One(_), _) => 1,
                (_, Some((_, docs))) => docs[id as usize] as usize,
                (_, None) => self.doc_frequency(id),
            };
            if count == 0 || count < options.min_count {
                continue;
            }
            if let Some(Some(set)) = uniform {
                if set[id as usize] {
                    continue;
                }
            }
            ids.push(id);
            rows.push(TermFrequency {
                term,
                count,
                relative: count as f64 * 10_000.0 / scope_tokens as f64,
                docs,
            });
        }
        // Ties (thousands of terms occur once) by alphabetical rank, not string comparison.
        let ranks = self.ranks();
        let order = sorted_indices(rows.len(), &|a, b| {
            let (a, b) = (a as usize, b as usize);
            rows[b]
                .count
                .cmp(&rows[a].count)
                .then_with(|| ranks[ids[a] as usize].cmp(&ranks[ids[b] as usize]))
        });
        let limit = options.limit.unwrap_or(usize::MAX);
        // Bytes compared in windows (the same as `str::contains` for UTF-8): a term is short,
        // and the standard library's substring search would add its code to the wasm.
        let needle = options.contains.as_bytes();
        let matching = |&&i: &&u32| {
            needle.is_empty()
                || rows[i as usize]
                    .term
                    .as_bytes()
                    .windows(needle.len())
                    .any(|w| w == needle)
        };
        let total = if needle.is_empty() {
            order.len()
        } else {
            order.iter().filter(matching).count()
        };
        Ok(TermsPage {
            all: order.len(),
            total,
            max: order.first().map_or(0, |&i| rows[i as usize].count),
            terms: order
                .iter()
                .filter(matching)
                .skip(options.offset)
                .take(limit)
                .map(|&i| rows[i as usize].clone())
                .collect(),
        })
    }

    /// Summary figures for one document, or for the whole corpus when `doc` is `None`.
    pub fn summary(&self, doc: Option<DocId>) -> Result<Summary> {
        self.summary_in(doc, None)
    }

    /// [`Corpus::summary`] of the documents of `doc` and `scope` together (see
    /// [`crate::scope`]).
    pub fn summary_in(&self, doc: Option<DocId>, scope: Option<&Scope>) -> Result<Summary> {
        let scope = self.docs(doc, scope)?;
        let ids = scope.ids(self.documents().len());
        let docs: Vec<&crate::Document> =
            ids.iter().map(|&d| &self.documents()[d as usize]).collect();
        let tokens: usize = docs.iter().map(|d| d.token_count()).sum();
        let sentences: usize = docs.iter().map(|d| d.sentences()).sum();
        let types = match &scope {
            Docs::One(_) => docs[0].types(),
            Docs::All => self.types(),
            Docs::Set(_) => self.term_counts(&scope).iter().filter(|&&c| c > 0).count(),
        };
        Ok(Summary {
            documents: docs.len(),
            chars: docs.iter().map(|d| d.chars()).sum(),
            tokens,
            types,
            ttr: ratio(types, tokens),
            sentences,
            mean_sentence_length: ratio(tokens, sentences),
        })
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_unique_and_179() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(STOP_WORDS.len(), 179);
    }

    fn corpus() -> Corpus {
        let mut corpus = Corpus::new();
        corpus
            .add_document("one", "The cat saw the dog. The dog ran!")
            .unwrap();
        corpus.add_document("two", "A dog and a cat.").unwrap();
        corpus
    }

    #[test]
    fn corpus_counts_sorted_by_count_then_term() {
        let c = corpus();
        let rows = c.terms(&TermsOptions::default()).unwrap();
        let got: Vec<_> = rows.iter().map(|r| (r.term, r.count, r.docs)).collect();
        assert_eq!(
            got,
            [
                ("dog", 3, 2),
                ("the", 3, 1),
                ("a", 2, 1),
                ("cat", 2, 2),
                ("and", 1, 1),
                ("ran", 1, 1),
                ("saw", 1, 1)
            ]
        );
        // 13 tokens in all: 3 / 13 * 10,000.
        assert!((rows[0].relative - 30_000.0 / 13.0).abs() < 1e-9);
    }

    #[test]
    fn one_document_stop_words_min_count_and_limit() {
        let c = corpus();
        let options = TermsOptions {
            doc: Some(0),
            stopwords: false,
            min_count: 2,
            limit: Some(5),
            ..Default::default()
        };
        let rows = c.terms(&options).unwrap();
        let got: Vec<_> = rows.iter().map(|r| (r.term, r.count, r.docs)).collect();
        assert_eq!(got, [("dog", 2, 1)]);
        assert!((rows[0].relative - 2.0 * 10_000.0 / 8.0).abs() < 1e-9);
        assert!(c
            .terms(&TermsOptions {
                doc: Some(9),
                ..Default::default()
            })
            .is_err());
    }

    #[test]
    fn summaries() {
        let c = corpus();
        let one = c.summary(Some(0)).unwrap();
        assert_eq!(
            (one.tokens, one.types, one.sentences, one.chars),
            (8, 5, 2, 33)
        );
        assert_eq!(one.mean_sentence_length, 4.0);
        let all = c.summary(None).unwrap();
        assert_eq!(
            (all.documents, all.tokens, all.types, all.sentences),
            (2, 13, 7, 3)
        );
        assert!((all.ttr - 7.0 / 13.0).abs() < 1e-12);
    }
}
