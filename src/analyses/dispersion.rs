//! Dispersion: where the hits of a query fall, how evenly, and how their frequency changes
//! along a document.
//!
//! - Positions: the token index of every hit in each document, for a barcode plot
//!   (AntConc's Plot).
//! - Segments: each document is cut into `segments` parts of equal token count (part `k`
//!   holds the tokens `⌊k·T/S⌋ .. ⌊(k+1)·T/S⌋`), and each part's hits are counted; a hit
//!   belongs to the part of its first token.
//! - DP, Gries' *deviation of proportions* (Gries 2008, "Dispersions and adjusted
//!   frequencies in corpora"): with parts of sizes `sᵢ` (as a share of all tokens) holding
//!   `vᵢ` of the hits (as a share of all hits), `DP = ½ Σ |vᵢ − sᵢ|`. 0 is perfectly even;
//!   values near 1 mean the hits crowd into a small part. DPnorm `= DP / (1 − min sᵢ)`
//!   scales it to 0–1 (Lijffijt & Gries 2012). The parts are the documents of the scope when
//!   it holds two or more, otherwise the segments of the one document. A query with no hit
//!   has no DP (`None`): there are no proportions to compare, and 0 would read as "perfectly
//!   even".

use crate::error::{check_range, Result};
use crate::index::{Corpus, DocId};
use crate::scope::Scope;

/// The most segments a document may be cut into.
pub const MAX_SEGMENTS: usize = 100;

/// The most bins a document's barcode may be cut into (see [`DispersionOptions::bins`]).
pub const MAX_BINS: usize = 4096;

/// Options for [`Corpus::dispersion`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct DispersionOptions {
    /// This document only; `None` (the default) for every document.
    pub doc: Option<DocId>,
    /// Only the documents of this subcorpus, chosen by metadata (`newspaper = Mint`,
    /// `date 2024-06`: see [`crate::scope`]); with `doc`, that document if it is in it.
    /// `None` (the default) for no restriction.
    pub scope: Option<Scope>,
    /// Segments per document, 1 to [`MAX_SEGMENTS`] (default 10).
    pub segments: usize,
    /// Match the query's case too (default `false`: any case).
    pub case_sensitive: bool,
    /// Bins per document for a barcode, 1 to [`MAX_BINS`]: each document is cut into this
    /// many parts of equal token count (as segments are) and each part's hits are counted
    /// in [`DocDispersion::bins`], so that a chart of a query with a million hits needs a
    /// few thousand numbers, not a million positions. `None` (the default): no bins.
    pub bins: Option<usize>,
}

impl Default for DispersionOptions {
    fn default() -> DispersionOptions {
        DispersionOptions {
            doc: None,
            scope: None,
            segments: 10,
            case_sensitive: false,
            bins: None,
        }
    }
}

/// The hits of a query in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocDispersion {
    /// The document.
    pub doc: DocId,
    /// Its tokens.
    pub tokens: usize,
    /// The token index of each hit's first token, increasing.
    pub positions: Vec<u32>,
    /// The hits in each segment.
    pub segment_hits: Vec<usize>,
    /// The tokens of each segment.
    pub segment_tokens: Vec<usize>,
    /// The hits in each bin, when [`DispersionOptions::bins`] asked for them (else empty).
    pub bins: Vec<u32>,
}

/// The dispersion of a query over the scope.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispersion {
    /// Hits in all.
    pub hits: usize,
    /// Gries' DP, 0 to 1; `None` when there is no hit.
    pub dp: Option<f64>,
    /// DP normalised by its largest possible value for these parts, 0 to 1; `None` when
    /// there is no hit.
    pub dp_norm: Option<f64>,
    /// How many parts DP was computed over (documents, or segments of one document).
    pub parts: usize,
    /// Every document of the scope, in id order, with its hits.
    pub docs: Vec<DocDispersion>,
}

/// Gries' DP and DPnorm over parts given as (tokens, hits); `None` without a hit (or a
/// token).
pub fn deviation_of_proportions(parts: &[(usize, usize)]) -> Option<(f64, f64)> {
    let size: usize = parts.iter().map(|p| p.0).sum();
    let hits: usize = parts.iter().map(|p| p.1).sum();
    if hits == 0 || size == 0 {
        return None;
    }
    let mut dp = 0.0;
    let mut min_share = 1.0f64;
    for &(tokens, h) in parts {
        let s = tokens as f64 / size as f64;
        dp += (h as f64 / hits as f64 - s).abs();
        min_share = min_share.min(s);
    }
    dp /= 2.0;
    let norm = if min_share < 1.0 {
        dp / (1.0 - min_share)
    } else {
        0.0
    };
    Some((dp, norm))
}

impl Corpus {
    /// The dispersion of `query` (see the [module documentation](self)).
    ///
    /// ```
    /// use text_explorer::{Corpus, DispersionOptions};
    /// let mut corpus = Corpus::new();
    /// corpus.add_document("t", "a b a b").unwrap();
    /// let d = corpus.dispersion("a", &DispersionOptions { segments: 2, ..Default::default() }).unwrap();
    /// assert_eq!(d.docs[0].positions, [0, 2]);
    /// assert_eq!(d.docs[0].segment_hits, [1, 1]);
    /// assert_eq!(d.dp, Some(0.0));
    /// assert!(d.docs[0].bins.is_empty());
    /// let binned = DispersionOptions { bins: Some(4), ..Default::default() };
    /// assert_eq!(corpus.dispersion("a", &binned).unwrap().docs[0].bins, [1, 0, 1, 0]);
    /// ```
    pub fn dispersion(&self, query: &str, options: &DispersionOptions) -> Result<Dispersion> {
        check_range("segments", options.segments, 1, MAX_SEGMENTS)?;
        if let Some(bins) = options.bins {
            check_range("bins", bins, 1, MAX_BINS)?;
        }
        let scope = self.docs(options.doc, options.scope.as_ref())?;
        let query = self.parse_query(query, options.case_sensitive)?;
        let hits = self.hits(&query, &scope)?;
        let ids = scope.ids(self.documents().len());
        let segments = options.segments;
        let mut docs = Vec::with_capacity(ids.len());
        let mut next = 0;
        for id in ids {
            let tokens = self.documents()[id as usize].token_count();
            let bound = |k: usize| (k as u64 * tokens as u64 / segments as u64) as usize;
            let segment_tokens = (0..segments).map(|k| bound(k + 1) - bound(k)).collect();
            let mut segment_hits = vec![0; segments];
            let mut positions = Vec::new();
            let mut bins = vec![0u32; options.bins.unwrap_or(0)];
            while next < hits.len() && hits[next].doc == id {
                let pos = hits[next].pos;
                positions.push(pos);
                // The segment k with bound(k) ≤ pos < bound(k + 1).
                let k = ((pos as usize + 1) * segments - 1) / tokens;
                segment_hits[k.min(segments - 1)] += 1;
                // The bin, likewise (in u64: tokens × bins may pass u32 on wasm32's usize).
                if !bins.is_empty() {
                    let n = bins.len();
                    let b = ((pos as u64 + 1) * n as u64 - 1) / tokens as u64;
                    bins[(b as usize).min(n - 1)] += 1;
                }
                next += 1;
            }
            docs.push(DocDispersion {
                doc: id,
                tokens,
                positions,
                segment_hits,
                segment_tokens,
                bins,
            });
        }
        let parts: Vec<(usize, usize)> = if docs.len() >= 2 {
            docs.iter().map(|d| (d.tokens, d.positions.len())).collect()
        } else {
            docs.iter()
                .flat_map(|d| {
                    d.segment_tokens
                        .iter()
                        .copied()
                        .zip(d.segment_hits.iter().copied())
                })
                .collect()
        };
        let dp = deviation_of_proportions(&parts);
        Ok(Dispersion {
            hits: hits.len(),
            dp: dp.map(|d| d.0),
            dp_norm: dp.map(|d| d.1),
            parts: parts.len(),
            docs,
        })
    }
}
