//! Keyword in context: the concordance of a query's hits, with their context, sorted and
//! paged. The query language itself (syntax, parsing, matching) is [`crate::query`].

use std::cmp::Ordering;
use std::str::FromStr;

use crate::error::{check_range, Error, ErrorKind, Result};
use crate::index::{sorted_indices, Corpus, DocId, Document};
use crate::query::Hit;
use crate::scope::Scope;

/// The largest window, in tokens on each side of the keyword.
pub const MAX_WINDOW: usize = 50;

/// The most lines one page may ask for.
pub const MAX_LIMIT: usize = 100_000;

/// How concordance lines are ordered.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Sort {
    keys: Vec<SortKey>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortKey {
    /// The keyword's own terms.
    Keyword,
    /// The n-th token to the left (1 is the nearest).
    Left(usize),
    /// The n-th token to the right (1 is the nearest).
    Right(usize),
}

impl FromStr for Sort {
    type Err = Error;

    /// `position` (or an empty string): document order. Otherwise comma-separated keys read
    /// as in AntConc: `1R` is the first token right of the keyword, `2L` the second to its
    /// left (left keys count outward), `K` the keyword; 1 to 50 tokens. Ties fall back to
    /// document order, so the order is total and stable.
    fn from_str(spec: &str) -> Result<Sort> {
        let trimmed = spec.trim();
        if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("position") {
            return Ok(Sort::default());
        }
        let invalid = || {
            Error::new(ErrorKind::InvalidSort {
                sort: spec.to_string(),
            })
        };
        let keys = trimmed
            .split(',')
            .map(|key| {
                let key = key.trim().to_ascii_uppercase();
                if key == "K" {
                    return Ok(SortKey::Keyword);
                }
                let (n, side) = key.split_at(key.char_indices().next_back().map_or(0, |(i, _)| i));
                if !n.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(invalid());
                }
                let n: usize = n.parse().map_err(|_| invalid())?;
                if !(1..=MAX_WINDOW).contains(&n) {
                    return Err(invalid());
                }
                match side {
                    "L" => Ok(SortKey::Left(n)),
                    "R" => Ok(SortKey::Right(n)),
                    _ => Err(invalid()),
                }
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Sort { keys })
    }
}

impl TryFrom<String> for Sort {
    type Error = Error;

    fn try_from(spec: String) -> Result<Sort> {
        spec.parse()
    }
}

/// Options for [`Corpus::kwic`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct KwicOptions {
    /// Search this document only; `None` (the default) searches the whole corpus.
    pub doc: Option<DocId>,
    /// Only the documents of this subcorpus, chosen by metadata (`newspaper = Mint`,
    /// `date 2024-06`: see [`crate::scope`]); with `doc`, that document if it is in it.
    /// `None` (the default) for no restriction.
    pub scope: Option<Scope>,
    /// Context in tokens on each side, 0 to [`MAX_WINDOW`] (default 5).
    pub window: usize,
    /// The order of the lines (default: document order).
    #[cfg_attr(not(target_arch = "wasm32"), ts(type = "string"))]
    pub sort: Sort,
    /// Lines to skip, for paging (default 0).
    pub offset: usize,
    /// Lines to return at most, 0 to [`MAX_LIMIT`] (default 100).
    pub limit: usize,
    /// Match the query's case too (default `false`: any case).
    pub case_sensitive: bool,
    /// Only the hits with these words around them, all of them (default: none). Applied
    /// before sampling, sorting and paging: `total` counts the lines that pass.
    pub filter: Vec<KwicFilter>,
    /// A reproducible random sample of the (filtered) hits (default `None`: every hit).
    pub sample: Option<Sample>,
}

/// The most words a concordance filter may have.
pub const MAX_FILTERS: usize = 20;

/// A word that must stand at a place around each hit (CQPweb's and Sketch Engine's
/// "filter by context"): `{ position: "1L", word: "the" }`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct KwicFilter {
    /// `1L` to `50L` (the n-th token left of the keyword), `1R` to `50R` (right of it), or
    /// `window` (`W`): anywhere within the window on either side.
    #[cfg_attr(not(target_arch = "wasm32"), ts(type = "string"))]
    pub position: FilterPosition,
    /// The word, matched as a query's word is (case, folding, `*`, `/regex/`, `~`, `a|b`).
    pub word: String,
}

/// Where a filter's word must stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub enum FilterPosition {
    /// The n-th token to the left (1 is the nearest).
    Left(usize),
    /// The n-th token to the right (1 is the nearest).
    Right(usize),
    /// Any token of the window, on either side.
    Window,
}

impl FromStr for FilterPosition {
    type Err = Error;

    /// `1L`…`50L`, `1R`…`50R` (as sort keys are written), or `window` / `W`.
    fn from_str(spec: &str) -> Result<FilterPosition> {
        let key = spec.trim().to_ascii_uppercase();
        if key == "W" || key == "WINDOW" {
            return Ok(FilterPosition::Window);
        }
        match Sort::from_str(&key) {
            Ok(sort) if sort.keys.len() == 1 => match sort.keys[0] {
                SortKey::Left(n) => return Ok(FilterPosition::Left(n)),
                SortKey::Right(n) => return Ok(FilterPosition::Right(n)),
                SortKey::Keyword => {}
            },
            _ => {}
        }
        Err(Error::invalid_option(
            "options.filter",
            format!(
                "invalid position “{}”: use 1L to {MAX_WINDOW}L, 1R to {MAX_WINDOW}R, or window (W)",
                spec.trim()
            ),
        ))
    }
}

impl TryFrom<String> for FilterPosition {
    type Error = Error;

    fn try_from(spec: String) -> Result<FilterPosition> {
        spec.parse()
    }
}

/// A random sample of a concordance's hits: `size` of them, chosen by a generator seeded
/// with `seed` (fastrand's wyrand), so the same seed draws the same lines on every run and
/// platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Sample {
    /// Lines to draw, 1 to [`MAX_LIMIT`]; all of them when there are fewer hits.
    pub size: usize,
    /// The generator's seed (default 0).
    #[serde(default)]
    pub seed: u32,
}

impl Default for KwicOptions {
    fn default() -> KwicOptions {
        KwicOptions {
            doc: None,
            scope: None,
            window: 5,
            sort: Sort::default(),
            offset: 0,
            limit: 100,
            case_sensitive: false,
            filter: Vec::new(),
            sample: None,
        }
    }
}

/// Checks a window given as any number (as from JavaScript).
pub fn check_window(window: f64) -> Result<usize> {
    if window.fract() == 0.0 && (0.0..=MAX_WINDOW as f64).contains(&window) {
        Ok(window as usize)
    } else {
        Err(Error::new(ErrorKind::WindowOutOfRange {
            window: whole(window),
        }))
    }
}

/// Checks a limit given as any number (as from JavaScript).
pub fn check_limit(limit: f64) -> Result<usize> {
    if limit.fract() == 0.0 && (0.0..=MAX_LIMIT as f64).contains(&limit) {
        Ok(limit as usize)
    } else {
        Err(Error::new(ErrorKind::LimitOutOfRange {
            limit: whole(limit),
        }))
    }
}

fn whole(n: f64) -> Option<i64> {
    (n.fract() == 0.0).then_some(n as i64)
}

/// A page of concordance lines and the number of hits in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concordance<'a> {
    /// Hits in all pages.
    pub total: usize,
    /// This page's lines.
    pub lines: Vec<KwicLine<'a>>,
    /// With a sample, the number of (filtered) hits it was drawn from; `None` without one.
    pub before_sample: Option<usize>,
}

/// One hit with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine<'a> {
    /// The document.
    pub doc: DocId,
    /// The index of the keyword's first token in the document.
    pub token: usize,
    /// How many tokens the keyword spans (more than one for a phrase).
    pub tokens: usize,
    /// Byte offset of the keyword in the document's text.
    pub start: usize,
    /// Byte offset just past the keyword.
    pub end: usize,
    /// The text from the start of the window's first token up to the keyword.
    pub left: &'a str,
    /// The keyword as written: `&text[start..end]`.
    pub keyword: &'a str,
    /// The text after the keyword up to the end of the window's last token.
    pub right: &'a str,
}

impl Corpus {
    /// The concordance of `query`: every hit, sorted, one page of lines with context.
    ///
    /// ```
    /// use text_explorer::{Corpus, KwicOptions};
    /// let corpus = Corpus::with_articles();
    /// let page = corpus.kwic("putin", &KwicOptions::default()).unwrap();
    /// assert!(page.total > 10);
    /// assert!(page.lines.iter().any(|line| line.keyword == "Putin’s"));
    /// ```
    pub fn kwic(&self, query: &str, options: &KwicOptions) -> Result<Concordance<'_>> {
        if options.window > MAX_WINDOW {
            return Err(Error::new(ErrorKind::WindowOutOfRange {
                window: Some(options.window as i64),
            }));
        }
        if options.limit > MAX_LIMIT {
            return Err(Error::new(ErrorKind::LimitOutOfRange {
                limit: Some(options.limit as i64),
            }));
        }
        let docs = self.docs(options.doc, options.scope.as_ref())?;
        let query = self.parse_query(query, options.case_sensitive)?;
        let mut hits = self.hits(&query, &docs)?;
        self.filter_hits(&mut hits, options, &docs)?;
        let before_sample = match options.sample {
            Some(sample) => Some(sample_hits(&mut hits, sample)?),
            None => None,
        };
        let total = hits.len();
        let page = self.sort_page(&hits, &options.sort, options.offset, options.limit);
        let lines = page
            .iter()
            .map(|&hit| self.line(hit, options.window))
            .collect();
        Ok(Concordance {
            total,
            lines,
            before_sample,
        })
    }

    /// Keeps the hits that every filter of `options` lets through.
    pub(crate) fn filter_hits(
        &self,
        hits: &mut Vec<Hit>,
        options: &KwicOptions,
        docs: &crate::scope::Docs,
    ) -> Result<()> {
        if options.filter.is_empty() {
            return Ok(());
        }
        check_range(
            "options.filter's length",
            options.filter.len(),
            1,
            MAX_FILTERS,
        )?;
        let matchers = options
            .filter
            .iter()
            .map(|f| {
                let word = self.word_match(&f.word, options.case_sensitive, docs)?;
                Ok((f.position, word))
            })
            .collect::<Result<Vec<_>>>()?;
        let window = options.window as i64;
        hits.retain(|hit| {
            let (first, last) = (i64::from(hit.pos), i64::from(hit.pos + hit.len) - 1);
            matchers.iter().all(|(position, word)| match *position {
                FilterPosition::Left(n) => word.matches(self, hit.doc, first - n as i64),
                FilterPosition::Right(n) => word.matches(self, hit.doc, last + n as i64),
                FilterPosition::Window => (1..=window).any(|n| {
                    word.matches(self, hit.doc, first - n) || word.matches(self, hit.doc, last + n)
                }),
            })
        });
        Ok(())
    }

    /// The lines of the page `offset..offset + limit` of `hits` (in document order), in the
    /// order of `sort`.
    fn sort_page(&self, hits: &[Hit], sort: &Sort, offset: usize, limit: usize) -> Vec<Hit> {
        let from = offset.min(hits.len());
        let to = offset.saturating_add(limit).min(hits.len());
        if sort.keys.is_empty() {
            return hits[from..to].to_vec();
        }
        if !sort.keys.contains(&SortKey::Keyword) {
            return self.radix_page(hits, &sort.keys, from, to);
        }
        // Each hit's keys are looked up once, not at each of the sort's n log n comparisons.
        let columns: Vec<KeyColumn> = sort
            .keys
            .iter()
            .map(|&key| match key {
                SortKey::Keyword => self.keyword_column(hits),
                key => KeyColumn::Token(self.key_column(hits, key_offset(key))),
            })
            .collect();
        // Ties fall back to the index in `hits`, which is document order.
        let order = sorted_indices(hits.len(), &|a, b| {
            columns
                .iter()
                .map(|column| column.compare(a as usize, b as usize))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
                .then(a.cmp(&b))
        });
        order[from..to].iter().map(|&i| hits[i as usize]).collect()
    }

    /// Lines `from..to` of `hits` in the order of left and right `keys`, sorting only what
    /// can be on the page: the hits whose first key is at most that of the `to`-th line
    /// (found from a count of the first keys). The rest all sort after them. For the 70,000
    /// hits of `the` in the Brown Corpus, the first page sorts a few hundred.
    fn radix_page(&self, hits: &[Hit], keys: &[SortKey], from: usize, to: usize) -> Vec<Hit> {
        if from >= to {
            return Vec::new();
        }
        let buckets = self.key_column(hits, key_offset(keys[0]));
        let mut counts = vec![0u32; self.ranks().len() + 1];
        for &b in &buckets {
            counts[b as usize] += 1;
        }
        // The first bucket that brings the count of lines to `to`.
        let mut seen = 0;
        let last = counts
            .iter()
            .position(|&c| {
                seen += c as usize;
                seen >= to
            })
            .unwrap_or(counts.len() - 1);
        let (candidates, first): (Vec<Hit>, Vec<u32>) = hits
            .iter()
            .zip(&buckets)
            .filter(|&(_, &b)| b as usize <= last)
            .map(|(&h, &b)| (h, b))
            .unzip();
        let order = self.radix_order(&candidates, keys, first);
        order[from..to]
            .iter()
            .map(|&i| candidates[i as usize])
            .collect()
    }

    /// The order of `hits` by left and right keys: a least-significant-key radix sort, one
    /// stable counting pass per key over the alphabetical ranks of the words, from the last
    /// key to the first. Stability keeps document order among ties. Linear in the hits and
    /// the vocabulary, where a comparison sort of the 70,000 hits of `the` in the Brown
    /// Corpus took tens of milliseconds. `first` is the first key's [`Corpus::key_column`]
    /// of `hits`, already read by the caller.
    fn radix_order(&self, hits: &[Hit], keys: &[SortKey], mut first: Vec<u32>) -> Vec<u32> {
        let mut order: Vec<u32> = (0..hits.len() as u32).collect();
        let mut next = vec![0u32; hits.len()];
        let mut starts = vec![0u32; self.ranks().len() + 2];
        for (k, &key) in keys.iter().enumerate().rev() {
            // Each hit's bucket, read once for both passes of this key.
            let buckets = if k == 0 {
                std::mem::take(&mut first)
            } else {
                self.key_column(hits, key_offset(key))
            };
            starts.fill(0);
            for &b in &buckets {
                starts[b as usize + 1] += 1;
            }
            for b in 1..starts.len() {
                starts[b] += starts[b - 1];
            }
            for &i in &order {
                let b = buckets[i as usize] as usize;
                next[starts[b] as usize] = i;
                starts[b] += 1;
            }
            std::mem::swap(&mut order, &mut next);
        }
        order
    }

    /// Each hit's bucket for the token `offset` tokens from it (negative: to its left,
    /// counted from its first token; positive: to its right, counted from its last): 0 past
    /// either end of the document, which sorts first, else the token's alphabetical rank + 1.
    /// The documents and the ranks are looked up once for all the hits.
    fn key_column(&self, hits: &[Hit], offset: i64) -> Vec<u32> {
        let (docs, ranks) = (self.documents(), self.ranks());
        hits.iter()
            .map(|hit| {
                let at = if offset < 0 {
                    i64::from(hit.pos) + offset
                } else {
                    i64::from(hit.pos) + i64::from(hit.len) - 1 + offset
                };
                usize::try_from(at)
                    .ok()
                    .and_then(|at| docs[hit.doc as usize].terms.get(at))
                    .map_or(0, |t| ranks[t as usize] + 1)
            })
            .collect()
    }

    /// The alphabetical ranks of each hit's own tokens, one after another.
    fn keyword_column(&self, hits: &[Hit]) -> KeyColumn {
        let (docs, ranks) = (self.documents(), self.ranks());
        let mut starts = Vec::with_capacity(hits.len() + 1);
        let mut keys = Vec::with_capacity(hits.len());
        starts.push(0);
        for hit in hits {
            let terms = docs[hit.doc as usize].terms.from(hit.pos as usize);
            keys.extend(terms.take(hit.len as usize).map(|t| ranks[t as usize]));
            starts.push(keys.len() as u32);
        }
        KeyColumn::Keyword { starts, keys }
    }

    fn line(&self, hit: Hit, window: usize) -> KwicLine<'_> {
        let doc: &Document = &self.documents()[hit.doc as usize];
        let text = doc.text();
        let first = hit.pos as usize;
        let last = first + hit.len as usize - 1;
        let (start, _) = doc.span(first);
        let (_, end) = doc.span(last);
        let left_from = if window == 0 {
            start
        } else {
            doc.span(first.saturating_sub(window)).0
        };
        let right_to = if window == 0 {
            end
        } else {
            doc.span((last + window).min(doc.token_count() - 1)).1
        };
        KwicLine {
            doc: hit.doc,
            token: first,
            tokens: hit.len as usize,
            start,
            end,
            left: &text[left_from..start],
            keyword: &text[start..end],
            right: &text[end..right_to],
        }
    }
}

/// Keeps a random `sample` of `hits`, in document order: the first `size` of a partial
/// Fisher–Yates shuffle driven by wyrand seeded with `seed`. The draws are 32-bit (`u32`
/// ranges), so a 32-bit wasm and a 64-bit native build draw the same lines. Answers the
/// number of hits before.
fn sample_hits(hits: &mut Vec<Hit>, sample: Sample) -> Result<usize> {
    check_range("options.sample.size", sample.size, 1, MAX_LIMIT)?;
    let n = hits.len();
    if sample.size < n {
        let mut rng = fastrand::Rng::with_seed(u64::from(sample.seed));
        for i in 0..sample.size {
            let j = rng.u32(i as u32..n as u32) as usize;
            hits.swap(i, j);
        }
        hits.truncate(sample.size);
        // Back in document order (through the crate's one sort, not a sort of its own).
        let order = sorted_indices(hits.len(), &|a, b| hits[a as usize].cmp(&hits[b as usize]));
        *hits = order.iter().map(|&i| hits[i as usize]).collect();
    }
    Ok(n)
}

/// One sort key of every hit, read once before a comparison sort.
enum KeyColumn {
    /// A left or right key: see [`Corpus::key_column`].
    Token(Vec<u32>),
    /// The keyword's ranks: hit `i`'s are `keys[starts[i]..starts[i + 1]]`.
    Keyword { starts: Vec<u32>, keys: Vec<u32> },
}

impl KeyColumn {
    fn compare(&self, a: usize, b: usize) -> Ordering {
        match self {
            KeyColumn::Token(keys) => keys[a].cmp(&keys[b]),
            KeyColumn::Keyword { starts, keys } => {
                let of = |i: usize| &keys[starts[i] as usize..starts[i + 1] as usize];
                of(a).cmp(of(b))
            }
        }
    }
}

/// The token offset that a left or right sort key reads (see `Corpus::key_column`). The
/// keyword is sorted by comparison (`Corpus::sort_page`), never by offset.
fn key_offset(key: SortKey) -> i64 {
    match key {
        SortKey::Left(n) => -(n as i64),
        SortKey::Right(n) => n as i64,
        SortKey::Keyword => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::corpus;

    #[test]
    fn invalid_queries_say_what_is_wrong() {
        let c = corpus(&["text"]);
        let err = |q: &str| c.kwic(q, &KwicOptions::default()).unwrap_err().to_string();
        assert_eq!(err(""), "the query is empty: type a word to search for");
        assert_eq!(err("   "), "the query is empty: type a word to search for");
        assert!(err("\"north").contains("a quote is not closed"));
        assert!(err("kim|").contains("an alternative is empty"));
        assert!(err("|kim").contains("an alternative is empty"));
        assert!(err("*").contains("a wildcard needs at least one letter"));
        assert!(err("!!!").contains("has no letters or digits"));
        assert!(c
            .kwic(
                "text",
                &KwicOptions {
                    window: 51,
                    ..Default::default()
                }
            )
            .is_err());
        assert!(c
            .kwic(
                "text",
                &KwicOptions {
                    doc: Some(1),
                    ..Default::default()
                }
            )
            .is_err());
    }

    #[test]
    fn context_is_the_original_text_between_tokens() {
        let c = corpus(&["“One,” two — three four: five six. Seven"]);
        let options = KwicOptions {
            window: 2,
            ..Default::default()
        };
        let page = c.kwic("four", &options).unwrap();
        let line = &page.lines[0];
        assert_eq!(
            (line.left, line.keyword, line.right),
            ("two — three ", "four", ": five six")
        );
        let first = &c.kwic("one", &options).unwrap().lines[0];
        assert_eq!((first.left, first.right), ("", ",” two — three"));
        let none = &c
            .kwic(
                "four",
                &KwicOptions {
                    window: 0,
                    ..Default::default()
                },
            )
            .unwrap()
            .lines[0];
        assert_eq!((none.left, none.right), ("", ""));
    }

    #[test]
    fn sort_keys_parse() {
        assert_eq!("position".parse::<Sort>().unwrap(), Sort::default());
        assert_eq!("".parse::<Sort>().unwrap(), Sort::default());
        let sort: Sort = "1r, 2L ,K".parse().unwrap();
        assert_eq!(
            sort.keys,
            [SortKey::Right(1), SortKey::Left(2), SortKey::Keyword]
        );
        for bad in ["R", "0R", "51L", "1X", "1R,", "x", "-1L", "+1R", "1é", "é"] {
            let err = bad.parse::<Sort>().unwrap_err().to_string();
            assert!(err.starts_with("invalid sort"), "{bad}: {err}");
        }
    }

    #[test]
    fn sort_right_then_left_then_position() {
        let c = corpus(&["x b. x a. Y x a. x", "x A"]);
        let options = |sort: &str| KwicOptions {
            sort: sort.parse().unwrap(),
            window: 1,
            ..Default::default()
        };
        let page = c.kwic("x", &options("1R")).unwrap();
        let got: Vec<_> = page.lines.iter().map(|l| (l.doc, l.token)).collect();
        // Tokens of doc 0: x0 b1 x2 a3 y4 x5 a6 x7. Right neighbours: b, a, a, none; doc 1: A.
        // None sorts first, then a a A in document order, then b.
        assert_eq!(got, [(0, 7), (0, 2), (0, 5), (1, 0), (0, 0)]);
        let page = c.kwic("x", &options("1L")).unwrap();
        let got: Vec<_> = page.lines.iter().map(|l| (l.doc, l.token)).collect();
        // Left neighbours: none, b, y, a; doc 1: none.
        assert_eq!(got, [(0, 0), (1, 0), (0, 7), (0, 2), (0, 5)]);
    }

    #[test]
    fn paging_returns_slices_of_the_same_order_and_the_total() {
        let text = (0..300)
            .map(|i| format!("w{} key w{}", i % 7, i % 13))
            .collect::<Vec<_>>()
            .join(". ");
        let c = corpus(&[&text]);
        let all = c
            .kwic(
                "key",
                &KwicOptions {
                    sort: "1R,1L".parse().unwrap(),
                    limit: 1000,
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(all.total, 300);
        let mut paged = Vec::new();
        for offset in (0..300).step_by(70) {
            let page = c
                .kwic(
                    "key",
                    &KwicOptions {
                        sort: "1R,1L".parse().unwrap(),
                        offset,
                        limit: 70,
                        ..Default::default()
                    },
                )
                .unwrap();
            assert_eq!(page.total, 300);
            paged.extend(page.lines);
        }
        assert_eq!(paged, all.lines);
        let past = c
            .kwic(
                "key",
                &KwicOptions {
                    offset: 1000,
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!((past.total, past.lines.len()), (300, 0));
    }
}
