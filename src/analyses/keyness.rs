//! Keyness: the words a target (one or more documents) uses more, or less, than a reference
//! (the rest of the corpus, or other documents).
//!
//! For a term counted `a` times in the target of `c` tokens and `b` times in the reference
//! of `d` tokens:
//!
//! - G² (log-likelihood) `= 2 (a ln(a / E₁) + b ln(b / E₂))`, `E₁ = c (a + b) / (c + d)`,
//!   `E₂ = d (a + b) / (c + d)`, `0 · ln 0 = 0`: the form of Rayson & Garside (2000),
//!   "Comparing corpora using frequency profiling", used by Paul Rayson's log-likelihood
//!   calculator, AntConc and Wmatrix.
//! - p: the chance of a G² at least this large if both used the term at the same rate,
//!   from the χ² distribution with one degree of freedom: `p = erfc(√(G² / 2))`, to full
//!   double precision (see `stats::chi2_p`). The usual
//!   cut-offs are G² ≥ 3.84 (p < 0.05), 6.63 (p < 0.01), 10.83 (p < 0.001), 15.13
//!   (p < 0.0001).
//! - Log Ratio `= log2((a / c) / (b / d))`, a zero count read as 0.5 (Hardie 2014, "Log
//!   Ratio: an informal introduction"): each point doubles the relative frequency.
//!   Positive: over-used in the target; negative: under-used. (The direction itself
//!   compares `a / c` with `b / d`; with a zero count in a very small reference, the 0.5
//!   can make Log Ratio disagree with it in sign.)

use super::stats::log2;
use crate::error::{Error, Result};
use crate::index::{sorted_indices, Corpus, DocId};
use crate::scope::Scope;

// Its home is the shared statistics; `keyness::chi2_p` stays where users found it.
pub use super::stats::chi2_p;

/// A column of the keyness tables, to order the rows by ([`KeynessOptions::order`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub enum Column {
    /// The term, by code point.
    Term,
    /// `a`: the count in the target.
    Target,
    /// `b`: the count in the reference.
    Reference,
    /// G².
    LogLikelihood,
    /// The p-value.
    P,
    /// Log Ratio.
    LogRatio,
}

impl std::str::FromStr for Column {
    type Err = Error;

    /// `term`, `target`, `reference`, `logLikelihood`, `p` or `logRatio`; any case.
    fn from_str(s: &str) -> Result<Column> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "term" => Column::Term,
            "target" => Column::Target,
            "reference" => Column::Reference,
            "loglikelihood" => Column::LogLikelihood,
            "p" => Column::P,
            "logratio" => Column::LogRatio,
            _ => {
                return Err(Error::invalid_option(
                    "order",
                    format!(
                        "“{s}” is not a column: use term, target, reference, logLikelihood, p \
                         or logRatio"
                    ),
                ))
            }
        })
    }
}

impl TryFrom<String> for Column {
    type Error = Error;

    fn try_from(name: String) -> Result<Column> {
        name.parse()
    }
}

/// Options for [`Corpus::keyness`].
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct KeynessOptions {
    /// The target documents (at least one).
    #[serde(with = "crate::protocol::doc_list")]
    #[cfg_attr(not(target_arch = "wasm32"), ts(type = "number | number[]"))]
    pub target: Vec<DocId>,
    /// The reference documents; `None` (the default) for every document not in the target.
    /// Must not share a document with the target.
    #[serde(with = "crate::protocol::optional_doc_list")]
    #[cfg_attr(not(target_arch = "wasm32"), ts(type = "number | number[] | null"))]
    pub reference: Option<Vec<DocId>>,
    /// A subcorpus by metadata (`newspaper = Mint`: see [`crate::scope`]) whose documents
    /// join the target; with it, `target` may be empty.
    pub target_scope: Option<Scope>,
    /// A subcorpus by metadata whose documents join the reference (then, with `reference`
    /// absent, the reference is this subcorpus alone, not the rest).
    pub reference_scope: Option<Scope>,
    /// Leave out terms counted fewer times than this in target and reference together
    /// (default 1).
    pub min_count: usize,
    /// Keep stop words (the default); `false` leaves them out.
    pub stopwords: bool,
    /// Only the terms whose p-value is below this, more than 0 and at most 1 (`0.05`: the
    /// significant ones at 5 %); `None` (the default) for every term.
    pub max_p: Option<f64>,
    /// Order each direction's rows by this column (`term`, `target`, `reference`,
    /// `logLikelihood`, `p`, `logRatio`), then by G² (highest first) and the term; `None`
    /// (the default) for G² (highest first), then the term. Which rows are listed does not
    /// depend on it.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        ts(
            type = "\"term\" | \"target\" | \"reference\" | \"logLikelihood\" | \"p\" | \"logRatio\" | null"
        )
    )]
    pub order: Option<Column>,
    /// With `order`: lowest first (terms A to Z); `false` (the default): highest first.
    pub ascending: bool,
    /// Skip this many rows of each direction first (default 0): with `limit`, one page of
    /// each table.
    pub offset: usize,
    /// At most this many rows in each direction, from `offset`; `None` (the default) for
    /// all.
    pub limit: Option<usize>,
}

impl Default for KeynessOptions {
    fn default() -> KeynessOptions {
        KeynessOptions {
            target: Vec::new(),
            reference: None,
            target_scope: None,
            reference_scope: None,
            min_count: 1,
            stopwords: true,
            max_p: None,
            order: None,
            ascending: false,
            offset: 0,
            limit: None,
        }
    }
}

/// One term's keyness.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Keyword<'a> {
    /// The term.
    pub term: &'a str,
    /// `a`: its count in the target.
    pub target: usize,
    /// `b`: its count in the reference.
    pub reference: usize,
    /// G², from 0 up.
    pub log_likelihood: f64,
    /// The p-value of G² (χ², one degree of freedom), 0 to 1.
    pub p: f64,
    /// Log Ratio: positive when over-used in the target.
    pub log_ratio: f64,
}

/// Keyness of every term, split by direction, each sorted by G² (highest first, then term).
#[derive(Clone, Debug, PartialEq)]
pub struct Keyness<'a> {
    /// `c`: the tokens of the target.
    pub target_tokens: usize,
    /// `d`: the tokens of the reference.
    pub reference_tokens: usize,
    /// Terms relatively more frequent in the target: `limit` from `offset`.
    pub over: Vec<Keyword<'a>>,
    /// Terms relatively less frequent in the target (including those absent from it):
    /// `limit` from `offset`.
    pub under: Vec<Keyword<'a>>,
    /// The terms over-used in the target, before `offset` and `limit`.
    pub over_total: usize,
    /// The terms under-used in the target, before `offset` and `limit`.
    pub under_total: usize,
}

impl Corpus {
    /// Keyness of the target against the reference (see the [module documentation](self)).
    ///
    /// ```
    /// use text_explorer::{Corpus, KeynessOptions};
    /// let corpus = Corpus::with_articles();
    /// let key = corpus.keyness(&KeynessOptions { target: vec![0], ..Default::default() }).unwrap();
    /// assert!(key.over[0].log_likelihood > 3.84 && key.over[0].log_ratio > 0.0);
    /// ```
    pub fn keyness(&self, options: &KeynessOptions) -> Result<Keyness<'_>> {
        if let Some(p) = options.max_p {
            if !(p > 0.0 && p <= 1.0) {
                return Err(Error::invalid_option(
                    "maxP",
                    format!("expected a p-value above 0 and at most 1, got {p}"),
                ));
            }
        }
        // 0: neither, 1: target, 2: reference.
        let mut group = vec![0u8; self.documents().len()];
        // A scope's documents join the group; a scope that holds none is an error.
        let in_scope = |name: &str, scope: &Option<Scope>| -> Result<Vec<DocId>> {
            let Some(scope) = scope else {
                return Ok(Vec::new());
            };
            let found = self.scope(scope);
            if found.is_empty() {
                return Err(Error::invalid_option(
                    name,
                    format!("no document is in “{scope}”: check the field's name and value"),
                ));
            }
            Ok(found)
        };
        let mut target = options.target.clone();
        target.extend(in_scope("target", &options.target_scope)?);
        if target.is_empty() {
            return Err(Error::invalid_option(
                "target",
                "no document: choose at least one",
            ));
        }
        for &d in &target {
            self.document(d)?;
            group[d as usize] = 1;
        }
        let mut reference = options.reference.clone();
        if options.reference_scope.is_some() {
            let found = in_scope("reference", &options.reference_scope)?;
            reference.get_or_insert_with(Vec::new).extend(found);
        }
        match &reference {
            None => group.iter_mut().filter(|g| **g == 0).for_each(|g| *g = 2),
            Some(reference) => {
                for &d in reference {
                    self.document(d)?;
                    if group[d as usize] == 1 {
                        return Err(Error::invalid_option(
                            "reference",
                            format!("document {d} is in the target too: the two groups must not overlap"),
                        ));
                    }
                    group[d as usize] = 2;
                }
            }
        }
        let mut sizes = [0usize; 3];
        for (d, doc) in self.documents().iter().enumerate() {
            sizes[group[d] as usize] += doc.token_count();
        }
        let (c, d) = (sizes[1], sizes[2]);
        if d == 0 {
            return Err(Error::invalid_option(
                "reference",
                "it has no tokens: add another document or choose reference documents",
            ));
        }
        // Each term's tokens in the target (group 1) and the reference (group 2).
        // Stop words: a token that is one in its document's language is not counted.
        let filter = (!options.stopwords).then(|| self.stop_filter());
        let mut counts = vec![[0u32; 3]; self.vocab.len()];
        for (d, (doc, &g)) in self.documents().iter().zip(&group).enumerate() {
            for t in doc.terms.iter() {
                if !filter.as_ref().is_some_and(|f| f.is_stop(d as DocId, t)) {
                    counts[t as usize][g as usize] += 1;
                }
            }
        }
        let mut rows = Vec::new();
        for (id, term) in self.vocab.iter() {
            let (a, b) = (
                counts[id as usize][1] as usize,
                counts[id as usize][2] as usize,
            );
            if a + b == 0 || a + b < options.min_count {
                continue;
            }
            // Rayson's two-cell form equals the 2×2 G² without the "other words" row only
            // approximately; it is the one the published calculators use, so it is used here.
            let (af, bf, cf, df) = (a as f64, b as f64, c as f64, d as f64);
            let e1 = cf * (af + bf) / (cf + df);
            let e2 = df * (af + bf) / (cf + df);
            let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
            let ll = (2.0 * (part(af, e1) + part(bf, e2))).max(0.0);
            let half = |x: f64| if x == 0.0 { 0.5 } else { x };
            rows.push(Keyword {
                term,
                target: a,
                reference: b,
                log_likelihood: ll,
                p: chi2_p(ll),
                log_ratio: log2((half(af) / cf) / (half(bf) / df)),
            });
        }
        let order = sorted_indices(rows.len(), &|a, b| {
            let (a, b) = (&rows[a as usize], &rows[b as usize]);
            b.log_likelihood
                .total_cmp(&a.log_likelihood)
                .then_with(|| a.term.cmp(b.term))
        });
        let mut over = Vec::new();
        let mut under = Vec::new();
        for &i in &order {
            let row = &rows[i as usize];
            if options.max_p.is_some_and(|most| row.p >= most) {
                continue;
            }
            // Over-use compares relative frequencies: a / c against b / d.
            if row.target * d > row.reference * c {
                over.push(i);
            } else {
                under.push(i);
            }
        }
        // Another column: a stable sort keeps G² order (then the term) among equals.
        if let Some(column) = options.order {
            let key = |k: &Keyword| match column {
                Column::Term => 0.0,
                Column::Target => k.target as f64,
                Column::Reference => k.reference as f64,
                Column::LogLikelihood => k.log_likelihood,
                Column::P => k.p,
                Column::LogRatio => k.log_ratio,
            };
            for list in [&mut over, &mut under] {
                let by = |a: u32, b: u32| {
                    let (x, y) = (
                        &rows[list[a as usize] as usize],
                        &rows[list[b as usize] as usize],
                    );
                    let by = match column {
                        Column::Term => x.term.cmp(y.term),
                        _ => key(x).total_cmp(&key(y)),
                    };
                    let by = if options.ascending { by } else { by.reverse() };
                    by.then(a.cmp(&b))
                };
                let order = sorted_indices(list.len(), &by);
                *list = order.iter().map(|&i| list[i as usize]).collect();
            }
        }
        let (over_total, under_total) = (over.len(), under.len());
        let page = |list: Vec<u32>| -> Vec<Keyword<'_>> {
            list.into_iter()
                .skip(options.offset)
                .take(options.limit.unwrap_or(usize::MAX))
                .map(|i| rows[i as usize].clone())
                .collect()
        };
        let (over, under) = (page(over), page(under));
        Ok(Keyness {
            target_tokens: c,
            reference_tokens: d,
            over,
            under,
            over_total,
            under_total,
        })
    }
}
