//! Collocates: the words found near the hits of a query, with association measures.
//!
//! # Counting
//!
//! A hit's *window* is the `left` tokens before it and the `right` tokens after it, in its
//! own document. The *window positions* are the union of all windows, less the tokens of the
//! hits themselves, so a token near two hits counts once. With
//!
//! - `N`: the tokens of the scope (the document, or the corpus),
//! - `W`: the number of window positions,
//! - `f(n)`: the number of hits of the query (the node),
//! - `f(c)`: the frequency of the collocate `c` in the scope,
//! - `O`: the occurrences of `c` at window positions (observed),
//!
//! the expected count is `E = f(c) · W / N`: how many of the `c` would fall in the windows if
//! the tokens were shuffled (Evert 2008, "Corpora and collocations", §3, surface
//! co-occurrence with the total window size `W`). This is [`Counting::Union`], the default.
//!
//! [`Counting::PerHit`] counts as AntConc, NLTK and the COBUILD tradition do: every hit's
//! window on its own, so a token in the windows of two hits counts twice, and the other hits
//! in a window count too (a word can be its own collocate). `O` is the number of (hit, `c`)
//! pairs, `W` the sum of the windows' sizes, `E = f(n) · s · f(c) / N` with the span
//! `s = left + right` (windows cut short by a document's edge are not shortened in `E`).
//! With `left = 0` and `right = k − 1` this is NLTK's
//! `BigramCollocationFinder.from_words(tokens, window_size=k)` with the node as the first
//! word (`tests/statistics.rs` compares the two).
//!
//! # Measures
//!
//! - MI (mutual information) `= log2(O / E)` (Church & Hanks 1990; Evert 2008).
//! - t-score `= (O − E) / √O` (Church et al. 1991; Evert 2008).
//! - G² (log-likelihood) `= ±2 Σ Oᵢⱼ ln(Oᵢⱼ / Eᵢⱼ)`, negative when `O < E` (the word avoids
//!   the node; AntConc and LancsBox show the direction the same way), over a 2×2 table with
//!   `Eᵢⱼ = row total · column total / N` and `0 · ln 0 = 0` (Dunning 1993; Evert 2008).
//!   With [`Counting::Union`] the table is window position or not against `c` or not:
//!   `O₁₁ = O`, `O₁₂ = W − O`, `O₂₁ = f(c) − O`, `O₂₂ = N − W − f(c) + O`. With
//!   [`Counting::PerHit`] it is NLTK's (Manning & Schütze 1999, §5.3.4, with Church & Hanks'
//!   scaling of the pairs by the span): node or not against `c` or not, `O₁₁ = O / s`,
//!   `O₁₂ = f(n) − O / s`, `O₂₁ = f(c) − O / s`, `O₂₂ = N − f(n) − f(c) + O / s`.
//! - logDice `= 14 + log2(2·O / (f(n) + f(c)))` (Rychlý 2008, "A lexicographer-friendly
//!   association score"). At most 14 when `O` is at most `f(n)`; a window can hold several
//!   `c`, so with wide windows `O` may exceed `f(n)` and logDice 14.
//!
//! By default only positive associations are listed (`O > E`, [`CollocateOptions::positive_only`]).
//!
//! In NLTK's terms, with the per-hit count and `s = window_size − 1`: NLTK's `ngram_fd` is
//! `O`, `pmi` is MI, `likelihood_ratio` is |G²|, `student_t` is t-score / √s and `dice` is
//! `2^(logDice − 14) / s` (NLTK divides the pairs by `s` before every measure).

use std::str::FromStr;

use super::stats::{log2, signed_g2};
use crate::error::{check_range, Error, Result};
use crate::index::{sorted_indices, Corpus, DocId};
use crate::scope::Scope;

/// The largest window on each side, in tokens.
pub const MAX_SPAN: usize = 10;

/// An association measure, to sort collocates by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub enum Measure {
    /// The observed count `O`.
    Count,
    /// Mutual information.
    Mi,
    /// Log-likelihood G².
    LogLikelihood,
    /// t-score.
    TScore,
    /// logDice (the default).
    #[default]
    LogDice,
}

impl FromStr for Measure {
    type Err = Error;

    /// `count`, `mi`, `logLikelihood` (or `g2`), `tScore` (or `t`), `logDice`; any case.
    fn from_str(s: &str) -> Result<Measure> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "count" | "observed" => Measure::Count,
            "mi" => Measure::Mi,
            "loglikelihood" | "g2" => Measure::LogLikelihood,
            "tscore" | "t" => Measure::TScore,
            "logdice" => Measure::LogDice,
            _ => {
                return Err(Error::invalid_option(
                    "sort",
                    format!(
                        "“{s}” is not a measure: use count, mi, logLikelihood, tScore or logDice"
                    ),
                ))
            }
        })
    }
}

impl TryFrom<String> for Measure {
    type Error = Error;

    fn try_from(name: String) -> Result<Measure> {
        name.parse()
    }
}

/// How the windows are counted (see the [module documentation](self)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub enum Counting {
    /// The union of the windows, less the hits: a token counts once however many windows
    /// hold it (Evert's 2×2 table; the default).
    #[default]
    Union,
    /// Every hit's window on its own, as AntConc and NLTK count: a token counts once per
    /// window that holds it, and `E = f(n) · span · f(c) / N`.
    PerHit,
}

impl FromStr for Counting {
    type Err = Error;

    /// `union` or `perHit`; any case.
    fn from_str(s: &str) -> Result<Counting> {
        match s.to_ascii_lowercase().as_str() {
            "union" => Ok(Counting::Union),
            "perhit" => Ok(Counting::PerHit),
            _ => Err(Error::invalid_option(
                "counting",
                format!("“{s}” is not a way of counting: use union or perHit"),
            )),
        }
    }
}

impl TryFrom<String> for Counting {
    type Error = Error;

    fn try_from(name: String) -> Result<Counting> {
        name.parse()
    }
}

/// A column of the collocates table, to order the rows by ([`CollocateOptions::order`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub enum Column {
    /// The term, alphabetically (by code point).
    Term,
    /// `O`.
    Observed,
    /// `E`.
    Expected,
    /// `f(c)`.
    Count,
    /// A measure.
    Measure(Measure),
}

impl FromStr for Column {
    type Err = Error;

    /// `term`, `observed`, `expected`, `count` (`f(c)`), or a measure other than the count:
    /// `mi`, `logLikelihood`, `tScore`, `logDice`; any case.
    fn from_str(s: &str) -> Result<Column> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "term" => Column::Term,
            "observed" => Column::Observed,
            "expected" => Column::Expected,
            "count" => Column::Count,
            _ => match s.parse::<Measure>() {
                Ok(measure) => Column::Measure(measure),
                Err(_) => {
                    return Err(Error::invalid_option(
                        "order",
                        format!(
                            "“{s}” is not a column: use term, observed, expected, count, mi, \
                             logLikelihood, tScore or logDice"
                        ),
                    ))
                }
            },
        })
    }
}

impl TryFrom<String> for Column {
    type Error = Error;

    fn try_from(name: String) -> Result<Column> {
        name.parse()
    }
}

/// Options for [`Corpus::collocates`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct CollocateOptions {
    /// This document only; `None` (the default) for the whole corpus.
    pub doc: Option<DocId>,
    /// Only the documents of this subcorpus, chosen by metadata (`newspaper = Mint`,
    /// `date 2024-06`: see [`crate::scope`]); with `doc`, that document if it is in it.
    /// `None` (the default) for no restriction.
    pub scope: Option<Scope>,
    /// Tokens to the left of each hit, 0 to [`MAX_SPAN`] (default 5).
    pub left: usize,
    /// Tokens to the right of each hit, 0 to [`MAX_SPAN`] (default 5); `left + right` ≥ 1.
    pub right: usize,
    /// Leave out collocates observed fewer times than this (default 2), so that rare words
    /// do not flood MI.
    pub min_count: usize,
    /// Keep stop words (the default); `false` leaves them out.
    pub stopwords: bool,
    /// The order: this measure, highest first, then the count, then the term.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        ts(type = "\"count\" | \"mi\" | \"logLikelihood\" | \"tScore\" | \"logDice\"")
    )]
    pub sort: Measure,
    /// At most this many rows; `None` (the default) for all.
    pub limit: Option<usize>,
    /// Skip this many rows first (default 0): with `limit`, one page of the table.
    pub offset: usize,
    /// Order the rows by this column of the table instead of `sort`'s measure (`term`,
    /// `observed`, `expected`, `count` for `f(c)`, `mi`, `logLikelihood`, `tScore`,
    /// `logDice`), then by `O` (highest first) and the term; `None` (the default) for `sort`.
    /// Which rows are listed does not depend on it.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        ts(
            type = "\"term\" | \"observed\" | \"expected\" | \"count\" | \"mi\" | \"logLikelihood\" | \"tScore\" | \"logDice\" | null"
        )
    )]
    pub order: Option<Column>,
    /// With `order`: lowest first (terms A to Z); `false` (the default): highest first.
    pub ascending: bool,
    /// Match the query's case too (default `false`: any case).
    pub case_sensitive: bool,
    /// How the windows are counted: `union` (the default) or `perHit` (AntConc, NLTK).
    #[cfg_attr(not(target_arch = "wasm32"), ts(type = "\"union\" | \"perHit\""))]
    pub counting: Counting,
    /// List only the collocates seen more often than expected, `O > E` (the default);
    /// `false` lists those that avoid the node too, with a negative G².
    pub positive_only: bool,
}

impl Default for CollocateOptions {
    fn default() -> CollocateOptions {
        CollocateOptions {
            doc: None,
            scope: None,
            left: 5,
            right: 5,
            min_count: 2,
            stopwords: true,
            sort: Measure::default(),
            limit: None,
            offset: 0,
            order: None,
            ascending: false,
            case_sensitive: false,
            counting: Counting::Union,
            positive_only: true,
        }
    }
}

/// One collocate and its measures (see the [module documentation](self)).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Collocate<'a> {
    /// The term.
    pub term: &'a str,
    /// `O`: occurrences at window positions (per hit window, with [`Counting::PerHit`]).
    pub observed: usize,
    /// `E = f(c) · W / N` (`f(n) · span · f(c) / N`, with [`Counting::PerHit`]).
    pub expected: f64,
    /// `f(c)`: occurrences in the scope.
    pub count: usize,
    /// `log2(O / E)`.
    pub mi: f64,
    /// Signed G²: negative when `O < E`.
    pub log_likelihood: f64,
    /// `(O − E) / √O`.
    pub t_score: f64,
    /// `14 + log2(2·O / (f(n) + f(c)))`.
    pub log_dice: f64,
}

impl Collocate<'_> {
    /// Its figure for `measure` (the count is `observed`): what Collocates sorts by and the
    /// Network weighs its links by.
    pub fn value(&self, measure: Measure) -> f64 {
        match measure {
            Measure::Count => self.observed as f64,
            Measure::Mi => self.mi,
            Measure::LogLikelihood => self.log_likelihood,
            Measure::TScore => self.t_score,
            Measure::LogDice => self.log_dice,
        }
    }
}

/// The collocates of a query and the figures behind them.
#[derive(Clone, Debug, PartialEq)]
pub struct Collocates<'a> {
    /// `f(n)`: the hits of the query.
    pub hits: usize,
    /// `N`: the tokens of the scope.
    pub tokens: usize,
    /// `W`: the window positions (the sum of the windows' sizes, with
    /// [`Counting::PerHit`]).
    pub window_tokens: usize,
    /// The collocates listed, before `offset` and `limit`.
    pub total: usize,
    /// The collocates, in the order asked for: `limit` from `offset`.
    pub rows: Vec<Collocate<'a>>,
}

impl Corpus {
    /// The collocates of `query` (see the [module documentation](self) for the measures).
    ///
    /// ```
    /// use text_explorer::{CollocateOptions, Corpus};
    /// let corpus = Corpus::with_articles();
    /// let found = corpus.collocates("korea", &CollocateOptions::default()).unwrap();
    /// assert_eq!(found.rows[0].term, "north");
    /// ```
    pub fn collocates(&self, query: &str, options: &CollocateOptions) -> Result<Collocates<'_>> {
        check_range("left", options.left, 0, MAX_SPAN)?;
        check_range("right", options.right, 0, MAX_SPAN)?;
        if options.left + options.right == 0 {
            return Err(Error::invalid_option(
                "window",
                "left and right are both 0: give at least one token of context",
            ));
        }
        let scope = self.docs(options.doc, options.scope.as_ref())?;
        let n = self.tokens_in(&scope);
        let query = self.parse_query(query, options.case_sensitive)?;
        let hits = self.hits(&query, &scope)?;
        let docs = self.documents();
        let filter = (!options.stopwords).then(|| self.stop_filter());
        let mut observed = vec![0u32; self.vocab.len()];
        let mut window_tokens = 0;
        let per_hit = options.counting == Counting::PerHit;
        // 0: outside every window, 1: in a window, 2: part of a hit. Reset per document.
        let mut state: Vec<u8> = Vec::new();
        let mut i = 0;
        while i < hits.len() {
            let doc = hits[i].doc;
            let terms = &docs[doc as usize].terms;
            // A stop word of the document's language is in the window, not a collocate.
            let stop = |t| filter.as_ref().is_some_and(|f| f.is_stop(doc, t));
            if per_hit {
                // Each hit's own window, other hits included.
                while i < hits.len() && hits[i].doc == doc {
                    let (pos, end) = (hits[i].pos as usize, (hits[i].pos + hits[i].len) as usize);
                    let after = end..(end + options.right).min(terms.len());
                    for p in (pos.saturating_sub(options.left)..pos).chain(after) {
                        let t = terms.at(p);
                        window_tokens += 1;
                        if !stop(t) {
                            observed[t as usize] += 1;
                        }
                    }
                    i += 1;
                }
                continue;
            }
            state.clear();
            state.resize(terms.len(), 0);
            let from = i;
            while i < hits.len() && hits[i].doc == doc {
                let (pos, end) = (hits[i].pos as usize, (hits[i].pos + hits[i].len) as usize);
                for s in &mut state[pos.saturating_sub(options.left)..pos] {
                    *s = (*s).max(1);
                }
                for s in &mut state[end..(end + options.right).min(terms.len())] {
                    *s = (*s).max(1);
                }
                state[pos..end].fill(2);
                i += 1;
            }
            // Every window lies within the first hit's left edge and the last hit's right one.
            let lo = (hits[from].pos as usize).saturating_sub(options.left);
            let last = &hits[i - 1];
            let hi = ((last.pos + last.len) as usize + options.right).min(terms.len());
            let in_window = (lo..hi).filter(|&p| state[p] == 1);
            for t in in_window.map(|p| terms.at(p)) {
                window_tokens += 1;
                if !stop(t) {
                    observed[t as usize] += 1;
                }
            }
        }
        let f_n = hits.len() as f64;
        let (big_n, w) = (n as f64, window_tokens as f64);
        let span = (options.left + options.right) as f64;
        let mut rows = Vec::new();
        // A collocate's frequency counts its tokens where it is not a stop word (all of them
        // when one list applies to the whole scope).
        let kept = match &filter {
            Some(f) if f.uniform(&scope).is_none() => Some(self.counts_in(&scope, Some(f)).0),
            _ => None,
        };
        let counts = match &kept {
            Some(counts) => std::borrow::Cow::Borrowed(counts.as_slice()),
            None => self.term_counts(&scope),
        };
        for (id, term) in self.vocab.iter() {
            let o = observed[id as usize] as usize;
            if o == 0 || o < options.min_count {
                continue;
            }
            let f_c = f64::from(counts[id as usize]);
            let o = o as f64;
            let (e, table) = if per_hit {
                // NLTK's table: the pairs scaled by the span (Church & Hanks 1990).
                let pairs = o / span;
                let table = [
                    [pairs, f_n - pairs],
                    [f_c - pairs, big_n - f_n - f_c + pairs],
                ];
                (f_n * span * f_c / big_n, table)
            } else {
                (
                    f_c * w / big_n,
                    [[o, w - o], [f_c - o, big_n - w - f_c + o]],
                )
            };
            if options.positive_only && o <= e {
                continue;
            }
            rows.push(Collocate {
                term,
                observed: o as usize,
                expected: e,
                count: f_c as usize,
                mi: log2(o / e),
                log_likelihood: signed_g2(&table),
                t_score: (o - e) / o.sqrt(),
                log_dice: 14.0 + log2(2.0 * o / (f_n + f_c)),
            });
        }
        // By `order`'s column, or else by `sort`'s measure highest first; then O, highest
        // first, then the term.
        let column = options.order.unwrap_or(Column::Measure(options.sort));
        let ascending = options.order.is_some() && options.ascending;
        let key = |c: &Collocate| match column {
            Column::Term => 0.0,
            Column::Observed => c.observed as f64,
            Column::Expected => c.expected,
            Column::Count => c.count as f64,
            Column::Measure(measure) => c.value(measure),
        };
        let order = sorted_indices(rows.len(), &|a, b| {
            let (a, b) = (&rows[a as usize], &rows[b as usize]);
            let by = match column {
                Column::Term => a.term.cmp(b.term),
                _ => key(a).total_cmp(&key(b)),
            };
            let by = if ascending { by } else { by.reverse() };
            by.then(b.observed.cmp(&a.observed))
                .then_with(|| a.term.cmp(b.term))
        });
        let limit = options.limit.unwrap_or(usize::MAX);
        Ok(Collocates {
            hits: hits.len(),
            tokens: n,
            window_tokens,
            total: order.len(),
            rows: order
                .iter()
                .skip(options.offset)
                .take(limit)
                .map(|&i| rows[i as usize].clone())
                .collect(),
        })
    }
}
