//! Keyword in context: query parsing, matching on the index, context, sorting and paging.
//!
//! # Query syntax
//!
//! | query | matches |
//! |---|---|
//! | `putin` | the term `putin`: `Putin`, `PUTIN`, `Putin’s` (words are matched as terms, see [`crate::normalize`]) |
//! | `sanction*` | terms that start with `sanction`; `*` stands for any run of characters, anywhere in a word (`*tion`) |
//! | `"north korea"` | the phrase: consecutive words; unquoted words next to each other are a phrase too |
//! | `kim\|putin` | either alternative; each alternative may be a word, a wildcard or a phrase |

use std::cmp::Ordering;
use std::str::FromStr;

use crate::error::{Error, ErrorKind, Result};
use crate::index::{sorted_indices, Corpus, DocId, Document, TermId};
use crate::tokenize::{is_word_char, tokens};

/// The largest window, in tokens on each side of the keyword.
pub const MAX_WINDOW: usize = 50;

/// The most lines one page may ask for.
pub const MAX_LIMIT: usize = 100_000;

/// A parsed query: alternatives, each a sequence of word patterns (a phrase of one or more).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    alternatives: Vec<Vec<Pattern>>,
}

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pattern {
    /// A term, normalised as the text is.
    Term(String),
    /// A wildcard pattern over terms: the pieces between the `*`s, normalised.
    Wildcard(Vec<String>),
}

impl Query {
    /// Parses a query (see the [module documentation](self) for the syntax).
    ///
    /// ```
    /// use text_explorer::Query;
    /// assert!(Query::parse("\"north korea\"|kim|sanction*").is_ok());
    /// let err = Query::parse("\"north korea").unwrap_err();
    /// assert_eq!(err.to_string(), "invalid query “\"north korea”: a quote is not closed: add the closing \"");
    /// ```
    pub fn parse(query: &str) -> Result<Query> {
        if query.trim().is_empty() {
            return Err(Error::new(ErrorKind::EmptyQuery));
        }
        if query.matches('"').count() % 2 == 1 {
            return Err(Error::invalid_query(
                query,
                "a quote is not closed: add the closing \"",
            ));
        }
        let mut alternatives = Vec::new();
        for alternative in split_outside_quotes(query) {
            let alternative = alternative.trim();
            if alternative.is_empty() {
                return Err(Error::invalid_query(
                    query,
                    "an alternative is empty: put a word on each side of |",
                ));
            }
            let mut phrase = Vec::new();
            for chunk in alternative.split(|c: char| c == '"' || c.is_whitespace()) {
                if chunk.contains('*') {
                    phrase.push(parse_wildcard(query, chunk)?);
                } else {
                    phrase.extend(tokens(chunk).map(|t| Pattern::Term(t.term())));
                }
            }
            if phrase.is_empty() {
                return Err(Error::new(ErrorKind::NoMatchingTerm {
                    word: alternative.to_string(),
                }));
            }
            alternatives.push(phrase);
        }
        Ok(Query { alternatives })
    }
}

/// Splits on `|` that is not between quotes.
fn split_outside_quotes(query: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut in_quotes = false;
    let mut from = 0;
    for (i, c) in query.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '|' if !in_quotes => {
                parts.push(&query[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&query[from..]);
    parts
}

fn parse_wildcard(query: &str, chunk: &str) -> Result<Pattern> {
    if !chunk.chars().any(is_word_char) {
        return Err(Error::invalid_query(
            query,
            "a wildcard needs at least one letter or digit, as in sanction*",
        ));
    }
    // Normalise like a term, but keep a trailing 's: in "*'s" it is what the user asks for.
    let pieces = chunk
        .split('*')
        .map(|piece| {
            piece
                .to_lowercase()
                .chars()
                .map(|c| match c {
                    '\u{2019}' | '\u{02BC}' => '\'',
                    c => c,
                })
                .collect()
        })
        .collect();
    Ok(Pattern::Wildcard(pieces))
}

impl Pattern {
    fn matches(&self, term: &str) -> bool {
        match self {
            Pattern::Term(t) => t == term,
            Pattern::Wildcard(pieces) => wildcard_match(pieces, term),
        }
    }
}

/// Whether `term` is `pieces[0] * pieces[1] * … * pieces[n-1]`, `*` being any run of chars.
fn wildcard_match(pieces: &[String], term: &str) -> bool {
    let (first, rest) = match pieces.split_first() {
        Some(split) => split,
        None => return true,
    };
    let Some(mut tail) = term.strip_prefix(first.as_str()) else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return tail.is_empty();
    };
    // Greedy leftmost match of the middle pieces is optimal for `*`-only patterns.
    for piece in middle {
        match find(tail, piece) {
            Some(i) => tail = &tail[i + piece.len()..],
            None => return false,
        }
    }
    tail.len() >= last.len() && tail.ends_with(last.as_str())
}

/// The first occurrence of `needle` in `haystack`. Plain search: terms and query pieces are
/// short, and it spares the binary the code of `str::find`'s two-way searcher.
fn find(haystack: &str, needle: &str) -> Option<usize> {
    (0..=haystack.len().checked_sub(needle.len())?).find(|&i| {
        haystack.as_bytes()[i..].starts_with(needle.as_bytes()) && haystack.is_char_boundary(i)
    })
}

/// How concordance lines are ordered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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

/// Options for [`Corpus::kwic`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicOptions {
    /// Search this document only; `None` (the default) searches the whole corpus.
    pub doc: Option<DocId>,
    /// Context in tokens on each side, 0 to [`MAX_WINDOW`] (default 5).
    pub window: usize,
    /// The order of the lines (default: document order).
    pub sort: Sort,
    /// Lines to skip, for paging (default 0).
    pub offset: usize,
    /// Lines to return at most, 0 to [`MAX_LIMIT`] (default 100).
    pub limit: usize,
}

impl Default for KwicOptions {
    fn default() -> KwicOptions {
        KwicOptions {
            doc: None,
            window: 5,
            sort: Sort::default(),
            offset: 0,
            limit: 100,
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

/// A match: where it starts and how many tokens it spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Hit {
    pub(crate) doc: DocId,
    pub(crate) pos: u32,
    pub(crate) len: u32,
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
        if let Some(doc) = options.doc {
            self.document(doc)?;
        }
        let query = Query::parse(query)?;
        let hits = self.hits(&query, options.doc);
        let total = hits.len();
        let page = self.sort_page(&hits, &options.sort, options.offset, options.limit);
        let lines = page
            .iter()
            .map(|&hit| self.line(hit, options.window))
            .collect();
        Ok(Concordance { total, lines })
    }

    /// Every match of `query`, in document order, one per start position (the longest).
    pub(crate) fn hits(&self, query: &Query, doc: Option<DocId>) -> Vec<Hit> {
        let mut hits = Vec::new();
        for phrase in &query.alternatives {
            let sets: Vec<TermSet> = phrase.iter().map(|p| self.term_set(p)).collect();
            let len = sets.len();
            for &first in &sets[0].ids {
                for posting in self.postings_in(first, doc) {
                    let terms = &self.documents()[posting.doc as usize].terms;
                    let pos = posting.pos as usize;
                    let fits = pos + len <= terms.len()
                        && sets[1..]
                            .iter()
                            .zip(&terms[pos + 1..])
                            .all(|(set, &t)| set.contains(t));
                    if fits {
                        hits.push(Hit {
                            doc: posting.doc,
                            pos: posting.pos,
                            len: len as u32,
                        });
                    }
                }
            }
        }
        // Document order; at one start, the longest match first, then only it is kept.
        let order = sorted_indices(hits.len(), &|a, b| {
            let (a, b) = (&hits[a as usize], &hits[b as usize]);
            (a.doc, a.pos, b.len).cmp(&(b.doc, b.pos, a.len))
        });
        let mut sorted: Vec<Hit> = order.iter().map(|&i| hits[i as usize]).collect();
        sorted.dedup_by_key(|h| (h.doc, h.pos));
        sorted
    }

    fn term_set(&self, pattern: &Pattern) -> TermSet {
        let ids = match pattern {
            Pattern::Term(term) => self.vocab.get(term).into_iter().collect(),
            Pattern::Wildcard(_) => self
                .vocab
                .iter()
                .filter(|(_, term)| pattern.matches(term))
                .map(|(id, _)| id)
                .collect(),
        };
        TermSet { ids }
    }

    /// The lines of the page `offset..offset + limit` of `hits` (in document order), in the
    /// order of `sort`.
    fn sort_page(&self, hits: &[Hit], sort: &Sort, offset: usize, limit: usize) -> Vec<Hit> {
        let from = offset.min(hits.len());
        let to = offset.saturating_add(limit).min(hits.len());
        if sort.keys.is_empty() {
            return hits[from..to].to_vec();
        }
        // Ties fall back to the index in `hits`, which is document order.
        let order = sorted_indices(hits.len(), &|a, b| {
            let (ha, hb) = (&hits[a as usize], &hits[b as usize]);
            sort.keys
                .iter()
                .map(|&key| self.compare_key(key, ha, hb))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
                .then(a.cmp(&b))
        });
        order[from..to].iter().map(|&i| hits[i as usize]).collect()
    }

    fn compare_key(&self, key: SortKey, a: &Hit, b: &Hit) -> Ordering {
        match key {
            SortKey::Keyword => {
                let ka = self.ranks_of(a, 0, a.len as usize);
                let kb = self.ranks_of(b, 0, b.len as usize);
                ka.cmp(kb)
            }
            SortKey::Left(n) => self
                .rank_at(a, -(n as i64))
                .cmp(&self.rank_at(b, -(n as i64))),
            SortKey::Right(n) => self.rank_at(a, n as i64).cmp(&self.rank_at(b, n as i64)),
        }
    }

    /// The alphabetical rank of the token `offset` tokens from the hit (negative: to its
    /// left, counted from its first token; positive: to its right, counted from its last);
    /// `None`, which sorts first, past either end of the document.
    fn rank_at(&self, hit: &Hit, offset: i64) -> Option<u32> {
        let terms = &self.documents()[hit.doc as usize].terms;
        let at = if offset < 0 {
            i64::from(hit.pos) + offset
        } else {
            i64::from(hit.pos) + i64::from(hit.len) - 1 + offset
        };
        let at = usize::try_from(at).ok()?;
        terms.get(at).map(|&t| self.ranks[t as usize])
    }

    fn ranks_of(&self, hit: &Hit, from: usize, to: usize) -> impl Iterator<Item = u32> + '_ {
        let terms = &self.documents()[hit.doc as usize].terms;
        let pos = hit.pos as usize;
        terms[pos + from..pos + to]
            .iter()
            .map(|&t| self.ranks[t as usize])
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

/// The term ids a pattern matches, sorted.
struct TermSet {
    ids: Vec<TermId>,
}

impl TermSet {
    fn contains(&self, id: TermId) -> bool {
        self.ids.binary_search(&id).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(texts: &[&str]) -> Corpus {
        let mut corpus = Corpus::new();
        for (i, text) in texts.iter().enumerate() {
            corpus.add_document(&format!("doc {i}"), text).unwrap();
        }
        corpus
    }

    fn keywords(corpus: &Corpus, query: &str, options: &KwicOptions) -> Vec<String> {
        let page = corpus.kwic(query, options).unwrap();
        page.lines.iter().map(|l| l.keyword.to_string()).collect()
    }

    macro_rules! q {
        ($name:ident, $text:expr, $query:expr, [$($kw:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let c = corpus(&[$text]);
                let expected: Vec<String> = vec![$($kw.to_string()),*];
                assert_eq!(keywords(&c, $query, &KwicOptions::default()), expected);
            }
        };
    }

    q!(
        word_matches_case_and_possessive,
        "Putin met PUTIN’s aide, putin.",
        "Putin",
        ["Putin", "PUTIN’s", "putin"]
    );
    q!(
        query_is_normalised_like_text,
        "Putin’s plane",
        "putin's",
        ["Putin’s"]
    );
    q!(
        prefix_wildcard,
        "sanction sanctions sanctioned sanctity",
        "sanction*",
        ["sanction", "sanctions", "sanctioned"]
    );
    q!(
        suffix_wildcard,
        "nation station stationary",
        "*tion",
        ["nation", "station"]
    );
    q!(
        inner_wildcard,
        "colour color colder",
        "col*r",
        ["colour", "color", "colder"]
    );
    q!(
        phrase_quoted,
        "North Korea and north Korean and North  Korea",
        "\"north korea\"",
        ["North Korea", "North  Korea"]
    );
    q!(
        phrase_unquoted,
        "North Korea and Korea North",
        "north korea",
        ["North Korea"]
    );
    q!(
        phrase_with_wildcard,
        "North Korea and North Korean",
        "\"north kor*\"",
        ["North Korea", "North Korean"]
    );
    q!(
        alternatives,
        "Kim met Putin and Kim",
        "kim|putin",
        ["Kim", "Putin", "Kim"]
    );
    q!(
        alternative_phrase_and_word,
        "North Korea met Kim",
        "\"north korea\"|kim",
        ["North Korea", "Kim"]
    );
    q!(
        overlapping_alternatives_keep_longest,
        "North Korea",
        "north|\"north korea\"",
        ["North Korea"]
    );
    q!(absent_word_is_no_error, "some text", "absent", []);
    q!(phrase_at_document_end, "the end", "\"end of\"", []);

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
        for bad in ["R", "0R", "51L", "1X", "1R,", "x", "-1L"] {
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

    #[test]
    fn wildcard_matching() {
        let w = |p: &str, t: &str| {
            let pieces: Vec<String> = p.split('*').map(String::from).collect();
            wildcard_match(&pieces, t)
        };
        assert!(w("ab*", "ab"));
        assert!(w("*b", "b"));
        assert!(w("a*a", "aa"));
        assert!(!w("a*a", "a"));
        assert!(w("a*b*c", "axxbyyc"));
        assert!(!w("a*b*c", "acb"));
        assert!(w("*", "anything"));
    }
}
