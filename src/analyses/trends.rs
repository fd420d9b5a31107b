//! Trends: the relative frequency of one or more queries across the documents in corpus
//! order, or across their dates grouped by year or by month (Voyant's Trends).
//!
//! - Buckets: by document, one per document of the scope, in id order, labelled with its
//!   title. By year (`2024`) or month (`2024-06`), one per year or month from the earliest
//!   to the latest date of the scope, each holding the documents dated within it; a year or
//!   month between them with no document is there too, with 0 tokens and 0 hits, so that the
//!   time axis has no holes.
//! - Undated: by year or month, the documents of the scope without a date, and by month
//!   those dated only by their year, are counted apart in [`Trends::undated`], not left out
//!   unseen.
//! - Each point: the query's hits in the bucket's documents (a hit belongs to the document
//!   of its first token), the bucket's tokens, and the relative frequency `hits × 10,000 /
//!   tokens`, hits per 10,000 tokens (words); 0 for a bucket without tokens.
//!
//! A query's hits are those of KWIC with the same scope: its points (and its undated point)
//! add up to its hit count.

use crate::error::{Error, Result};
use crate::index::{Corpus, DocId};
use crate::scope::Scope;

/// The most queries one request may chart.
pub const MAX_QUERIES: usize = 10;

/// The most years or months a date grouping may span (833 years of months).
pub const MAX_BUCKETS: usize = 10_000;

/// What the points of a trend are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub enum Grouping {
    /// One point per document, in corpus order (the default).
    #[default]
    Document,
    /// One point per year of the documents' dates.
    Year,
    /// One point per month of the documents' dates.
    Month,
}

/// Options for [`Corpus::trends`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct TrendsOptions {
    /// This document only; `None` (the default) for every document.
    pub doc: Option<DocId>,
    /// Only the documents of this subcorpus, chosen by metadata (`newspaper = Mint`,
    /// `date 2024-06`: see [`crate::scope`]); with `doc`, that document if it is in it.
    /// `None` (the default) for no restriction.
    pub scope: Option<Scope>,
    /// The points: `document` (the default), `year` or `month`.
    pub by: Grouping,
    /// Match the queries' case too (default `false`: any case).
    pub case_sensitive: bool,
}

/// A point of the time axis, or a document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct TrendBucket {
    /// The document's title, the year (`2024`) or the month (`2024-06`); empty for the
    /// undated bucket.
    pub label: String,
    /// The document, when the trend is by document; `null` otherwise.
    pub doc: Option<DocId>,
    /// How many documents it holds (0 for a year or month between two dated ones).
    pub docs: usize,
    /// Their tokens (words).
    pub tokens: usize,
}

/// A query's hits in one bucket.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct TrendPoint {
    /// The hits in the bucket's documents.
    pub hits: usize,
    /// The bucket's tokens.
    pub tokens: usize,
    /// Hits per 10,000 tokens; 0 when the bucket has no token.
    pub relative: f64,
}

impl TrendPoint {
    fn new(hits: usize, tokens: usize) -> TrendPoint {
        let relative = match tokens {
            0 => 0.0,
            _ => hits as f64 * 10_000.0 / tokens as f64,
        };
        TrendPoint {
            hits,
            tokens,
            relative,
        }
    }
}

/// One query's trend.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct TrendSeries {
    /// The query, as given.
    pub query: String,
    /// Its hits in the scope (the points' and the undated point's together).
    pub hits: usize,
    /// One point per bucket, in the buckets' order.
    pub points: Vec<TrendPoint>,
    /// Its hits in the undated documents; `null` when the trend is by document.
    pub undated: Option<TrendPoint>,
}

/// The trends of one or more queries (see the [module documentation](self)).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Trends {
    /// The grouping of the buckets.
    pub by: Grouping,
    /// The buckets, in order: documents by id, or years or months from the earliest.
    pub buckets: Vec<TrendBucket>,
    /// By year or month, the documents of the scope without a date (by month, also those
    /// dated only by their year), counted apart (`docs` may be 0); `null` by document.
    pub undated: Option<TrendBucket>,
    /// One series per query, in the order given.
    pub series: Vec<TrendSeries>,
}

/// A date's year, or its month counted from year 0, at the grouping's precision; `None`
/// when the date does not go that far. Dates are valid (`metadata::valid_date`).
fn period(date: &str, by: Grouping) -> Option<u32> {
    let number = |s: Option<&str>| s.and_then(|s| s.parse::<u32>().ok());
    let mut parts = date.split('-');
    let year = number(parts.next())?;
    match by {
        Grouping::Document | Grouping::Year => Some(year),
        Grouping::Month => Some(year * 12 + number(parts.next())?.checked_sub(1)?),
    }
}

/// A period's label: `2024`, or `2024-06`.
fn period_label(period: u32, by: Grouping) -> String {
    match by {
        Grouping::Month => format!("{:04}-{:02}", period / 12, period % 12 + 1),
        _ => format!("{period:04}"),
    }
}

impl Corpus {
    /// The trends of `queries`, each in the query syntax of KWIC (see the [module
    /// documentation](self)). An error when no query or more than [`MAX_QUERIES`] are
    /// given, when a query is invalid, or when the dates span more than [`MAX_BUCKETS`]
    /// years or months.
    ///
    /// ```
    /// use text_explorer::{Corpus, Grouping, Metadata, TrendsOptions};
    /// let mut corpus = Corpus::new();
    /// let a = corpus.add_document("a", "sea sea land land").unwrap();
    /// let b = corpus.add_document("b", "sea land").unwrap();
    /// corpus.set_metadata(a, Metadata { date: Some("2024-01-05".into()), ..Metadata::default() }).unwrap();
    /// corpus.set_metadata(b, Metadata { date: Some("2024-03".into()), ..Metadata::default() }).unwrap();
    /// let options = TrendsOptions { by: Grouping::Month, ..TrendsOptions::default() };
    /// let t = corpus.trends(&["sea"], &options).unwrap();
    /// let labels: Vec<&str> = t.buckets.iter().map(|b| b.label.as_str()).collect();
    /// assert_eq!(labels, ["2024-01", "2024-02", "2024-03"]);
    /// let relative: Vec<f64> = t.series[0].points.iter().map(|p| p.relative).collect();
    /// assert_eq!(relative, [5000.0, 0.0, 5000.0]);
    /// ```
    pub fn trends<Q: AsRef<str>>(&self, queries: &[Q], options: &TrendsOptions) -> Result<Trends> {
        if queries.is_empty() {
            return Err(Error::invalid_option(
                "queries",
                "no query: give one or more queries",
            ));
        }
        if queries.len() > MAX_QUERIES {
            return Err(Error::invalid_option(
                "queries",
                format!(
                    "{} queries: a trend charts at most {MAX_QUERIES} at once",
                    queries.len()
                ),
            ));
        }
        let scope = self.docs(options.doc, options.scope.as_ref())?;
        let parsed = (queries.iter())
            .map(|q| self.parse_query(q.as_ref(), options.case_sensitive))
            .collect::<Result<Vec<_>>>()?;
        let ids = scope.ids(self.documents().len());
        let by = options.by;
        // The bucket of each document of the scope (`None`: undated), by id.
        let mut bucket_of: Vec<Option<usize>> = vec![None; self.documents().len()];
        let mut buckets = Vec::new();
        let mut undated = None;
        if by == Grouping::Document {
            for &id in &ids {
                let doc = &self.documents()[id as usize];
                bucket_of[id as usize] = Some(buckets.len());
                buckets.push(TrendBucket {
                    label: doc.title().to_string(),
                    doc: Some(id),
                    docs: 1,
                    tokens: doc.token_count(),
                });
            }
        } else {
            let periods: Vec<(DocId, Option<u32>)> = (ids.iter())
                .map(|&id| {
                    let date = self.documents()[id as usize].metadata().date.as_deref();
                    (id, date.and_then(|d| period(d, by)))
                })
                .collect();
            let dated = periods.iter().filter_map(|p| p.1);
            if let (Some(first), Some(last)) = (dated.clone().min(), dated.max()) {
                let span = (last - first) as usize + 1;
                if span > MAX_BUCKETS {
                    return Err(Error::invalid_option(
                        "by",
                        format!(
                            "the dates span {span} {} ({} to {}), more than {MAX_BUCKETS}: \
                             group by year, or choose a subcorpus of fewer dates",
                            if by == Grouping::Month {
                                "months"
                            } else {
                                "years"
                            },
                            period_label(first, by),
                            period_label(last, by),
                        ),
                    ));
                }
                buckets = (first..=last)
                    .map(|p| TrendBucket {
                        label: period_label(p, by),
                        doc: None,
                        docs: 0,
                        tokens: 0,
                    })
                    .collect();
                for &(id, p) in &periods {
                    bucket_of[id as usize] = p.map(|p| (p - first) as usize);
                }
            }
            let mut none = TrendBucket {
                label: String::new(),
                doc: None,
                docs: 0,
                tokens: 0,
            };
            for &(id, _) in &periods {
                let tokens = self.documents()[id as usize].token_count();
                let bucket = match bucket_of[id as usize] {
                    Some(b) => &mut buckets[b],
                    None => &mut none,
                };
                bucket.docs += 1;
                bucket.tokens += tokens;
            }
            undated = Some(none);
        }
        let mut series = Vec::with_capacity(queries.len());
        for (text, query) in queries.iter().zip(&parsed) {
            let hits = self.hits(query, &scope)?;
            let mut counts = vec![0; buckets.len()];
            let mut undated_hits = 0;
            for hit in &hits {
                match bucket_of[hit.doc as usize] {
                    Some(b) => counts[b] += 1,
                    None => undated_hits += 1,
                }
            }
            let points = (counts.iter().zip(&buckets))
                .map(|(&n, b)| TrendPoint::new(n, b.tokens))
                .collect();
            series.push(TrendSeries {
                query: text.as_ref().to_string(),
                hits: hits.len(),
                points,
                undated: undated
                    .as_ref()
                    .map(|u: &TrendBucket| TrendPoint::new(undated_hits, u.tokens)),
            });
        }
        Ok(Trends {
            by,
            buckets,
            undated,
            series,
        })
    }
}
