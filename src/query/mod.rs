//! The query language: what a query may say, how it is parsed, and how it is matched on the
//! index. The concordance ([`crate::kwic`]) and the analyses that take a query
//! ([`crate::collocates`], [`crate::dispersion`]) all read their hits from here.
//!
//! # Query syntax
//!
//! | query | matches |
//! |---|---|
//! | `putin` | the term `putin`: `Putin`, `PUTIN`, `Putin’s` (words are matched as terms, see [`crate::normalize`]) |
//! | `sanction*` | terms that start with `sanction`; `*` stands for any run of characters, anywhere in a word (`*tion`) |
//! | `"north korea"` | the phrase: consecutive words; unquoted words next to each other are a phrase too |
//! | `kim\|putin` | either alternative; each alternative may be a word, a wildcard or a phrase |
//! | `/sanction(s\|ed)?/` | terms the regular expression matches as a whole (see [`crate::regex`]) |
//! | `~sanction` | word forms: terms with the same Snowball stem in the document's language (sanctions, sanctioned; see [`crate::language`]); the word itself in a language without a stemmer |
//! | `putin NEAR/5 kim` | hits of `putin` with a hit of `kim` within 5 words on either side (1 to 50) |
//!
//! With [`KwicOptions::case_sensitive`](crate::KwicOptions::case_sensitive) (and the same
//! option of the other analyses), each matched word must also have the query's case: `Kim`
//! then finds `Kim` and `Kim’s`, not `KIM`; wildcards and regular expressions compare case
//! too.
//!
//! In a corpus that folds diacritics ([`Corpus::set_folding`]), a query is folded as the
//! terms are: its words, the literal pieces of its wildcards, and the text of its regular
//! expressions (`/zür.*/` is `/zur.*/`, matched on the folded terms); `~word` stems the word
//! as written, and the corpus's terms as written, then folds the stems.

pub mod kwic;
pub mod regex;

use crate::error::{Error, ErrorKind, Result};
use crate::index::{sorted_indices, Corpus, DocId, TermId};
use crate::scope::Docs;
// NEAR reaches as far as a concordance's window.
use crate::kwic::MAX_WINDOW;
use crate::regex::Regex;
use crate::tokenize::{elided_words, fold, is_word_char, normalize, tokens_in};

/// A parsed query: alternatives, each a sequence of word patterns (a phrase of one or more).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    alternatives: Vec<Vec<Pattern>>,
    /// For a case-sensitive query, the same patterns with case kept, checked against each
    /// hit's words as written; empty otherwise.
    exact: Vec<Vec<Pattern>>,
    /// `NEAR/n`: the context query and the distance in words.
    near: Option<(Box<Query>, usize)>,
    /// Whether diacritics are folded (the patterns are; a case-sensitive hit's words are
    /// folded before they are compared with `exact`).
    fold: bool,
}

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pattern {
    /// A term, normalised as the text is.
    Term(String),
    /// A wildcard pattern over terms: the pieces between the `*`s, normalised.
    Wildcard(Vec<String>),
    /// A regular expression over terms.
    Regex(Regex),
    /// `~word` (the word as a term): in each document, the terms whose stem in the
    /// document's language is the word's stem in it.
    Stem(String),
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
        Query::parse_with(query, false)
    }

    /// Parses a query; with `case_sensitive`, a hit's words must also have the query's case.
    ///
    /// ```
    /// use text_explorer::Query;
    /// assert!(Query::parse_with("Kim NEAR/5 /putin|trump/", true).is_ok());
    /// let err = Query::parse_with("kim NEAR/0 putin", false).unwrap_err().to_string();
    /// assert!(err.contains("NEAR/0"), "{err}");
    /// ```
    pub fn parse_with(query: &str, case_sensitive: bool) -> Result<Query> {
        Query::parse_for(query, case_sensitive, false)
    }

    /// [`Query::parse_with`] for a corpus that folds diacritics (`fold`) or not.
    pub(crate) fn parse_for(query: &str, case_sensitive: bool, fold: bool) -> Result<Query> {
        if query.trim().is_empty() {
            return Err(Error::new(ErrorKind::EmptyQuery));
        }
        // Phone keyboards turn " into curly quotes; they group a phrase all the same.
        let straightened;
        let query = if query.contains(['“', '”', '„']) {
            straightened = query.replace(['“', '”', '„'], "\"");
            straightened.as_str()
        } else {
            query
        };
        if let Some((main, distance, context)) = split_near(query)? {
            let mut parsed = Query::parse_for(main, case_sensitive, fold)?;
            parsed.near = Some((
                Box::new(Query::parse_for(context, case_sensitive, fold)?),
                distance,
            ));
            return Ok(parsed);
        }
        if quote_marks(query).count() % 2 == 1 {
            return Err(Error::invalid_query(
                query,
                "a quote is not closed: add the closing \"",
            ));
        }
        let mut alternatives = Vec::new();
        let mut exact = Vec::new();
        for alternative in split_outside_quotes(query) {
            let alternative = alternative.trim();
            if alternative.is_empty() {
                return Err(Error::invalid_query(
                    query,
                    "an alternative is empty: put a word on each side of |",
                ));
            }
            // A word with an apostrophe may be an elision (`l’été`), which a French, Italian or
            // Catalan document counts as two words: the query is read as written and as each
            // of those languages reads it, and matches any of the readings.
            let languages: &[Option<&str>] = if alternative.contains(['\'', '\u{2019}']) {
                &[None, Some("fr"), Some("it"), Some("ca")]
            } else {
                &[None]
            };
            let mut readings: Vec<(Vec<Pattern>, Vec<Pattern>)> = Vec::new();
            for &language in languages {
                // The query as written must be valid; a reading in a language that fails
                // (`l'*` is `l'` and a bare `*` in French) is just not one of the readings.
                let (phrase, cased) =
                    match read_alternative(query, alternative, case_sensitive, language, fold) {
                        Ok(reading) => reading,
                        Err(error) if language.is_none() => return Err(error),
                        Err(_) => continue,
                    };
                if !readings.iter().any(|(p, _)| *p == phrase) {
                    readings.push((phrase, cased));
                }
            }
            for (phrase, cased) in readings {
                alternatives.push(phrase);
                if case_sensitive {
                    exact.push(cased);
                }
            }
        }
        Ok(Query {
            alternatives,
            exact,
            near: None,
            fold,
        })
    }
}

impl Corpus {
    /// Parses a query for this corpus: folded if the corpus folds diacritics.
    pub(crate) fn parse_query(&self, query: &str, case_sensitive: bool) -> Result<Query> {
        Query::parse_for(query, case_sensitive, self.folding())
    }
}

/// One alternative of a query (`|` apart) read as a document in `language` counts its words
/// (French, Italian and Catalan split elisions): its patterns, and with `case_sensitive` the
/// same with the query's case; with `fold`, diacritics folded.
fn read_alternative(
    query: &str,
    alternative: &str,
    case_sensitive: bool,
    language: Option<&str>,
    fold: bool,
) -> Result<(Vec<Pattern>, Vec<Pattern>)> {
    let (phrase, cased) = read_words(query, alternative, case_sensitive, language, fold)?;
    match fold {
        true => Ok((
            phrase.into_iter().map(Pattern::folded).collect(),
            cased.into_iter().map(Pattern::folded).collect(),
        )),
        false => Ok((phrase, cased)),
    }
}

/// [`read_alternative`] with diacritics not yet folded, but in the regular expressions.
fn read_words(
    query: &str,
    alternative: &str,
    case_sensitive: bool,
    language: Option<&str>,
    fold: bool,
) -> Result<(Vec<Pattern>, Vec<Pattern>)> {
    let mut phrase = Vec::new();
    let mut cased = Vec::new();
    for chunk in chunks(alternative) {
        if let Some(pattern) = chunk
            .strip_prefix('/')
            .and_then(|rest| rest.strip_suffix('/'))
        {
            // Folded as written: a regular expression is matched on the folded terms.
            let pattern = match fold {
                true => self::fold(pattern),
                false => pattern.into(),
            };
            phrase.push(Pattern::Regex(Regex::new(&pattern, false)?));
            if case_sensitive {
                cased.push(Pattern::Regex(Regex::new(&pattern, true)?));
            }
        } else if chunk.starts_with('/') {
            return Err(Error::invalid_query(
                query,
                "a regular expression is not closed: end it with /",
            ));
        } else if let Some(word) = chunk.strip_prefix('~') {
            let mut words = tokens_in(word, language);
            let mut first = words.next();
            // `~l’été` in French: the elided word as it is, then the stem of the word.
            if let Some(elided) = first.filter(|t| t.term().ends_with('\'')) {
                if let Some(next) = words.next() {
                    phrase.push(Pattern::Term(elided.term()));
                    if case_sensitive {
                        cased.push(Pattern::Term(surface(elided.text)));
                    }
                    first = Some(next);
                }
            }
            let Some(term) = first.map(|t| t.term()) else {
                return Err(Error::invalid_query(
                    query,
                    "~ needs a word right after it, as in ~sanction",
                ));
            };
            let pattern = Pattern::Stem(term);
            if case_sensitive {
                cased.push(pattern.clone());
            }
            phrase.push(pattern);
        } else if chunk.contains('*') {
            // Split the chunk into words as the text is split (`north-kor*` is the
            // phrase `north kor*`, `kor*,` is `kor*`), with `*` standing in for a
            // letter: WILDCARD is a letter that no query is expected to contain.
            let marked = chunk.replace('*', WILDCARD.encode_utf8(&mut [0; 4]));
            // The spans of this chunk's words so far, one per pattern pushed for it.
            let mut spans: Vec<(usize, usize)> = Vec::new();
            for t in tokens_in(&marked, language) {
                let (mut start, end) = (t.start, t.end);
                if t.text.chars().all(|c| c == WILDCARD) {
                    // A wildcard alone right after words written without spaces (`中国*`:
                    // Chinese is split into words, and the wildcard's letter is not Chinese)
                    // extends them: the prefix is all of them.
                    while spans.last().is_some_and(|&(_, e)| e == start) {
                        start = spans.pop().map_or(start, |(s, _)| s);
                        phrase.pop();
                        if case_sensitive {
                            cased.pop();
                        }
                    }
                }
                spans.push((start, end));
                let text = &marked[start..end];
                if text.contains(WILDCARD) {
                    let word = text.replace(WILDCARD, "*");
                    phrase.push(parse_wildcard(query, &word, true)?);
                    if case_sensitive {
                        cased.push(parse_wildcard(query, &word, false)?);
                    }
                } else {
                    phrase.push(Pattern::Term(t.term()));
                    if case_sensitive {
                        cased.push(Pattern::Term(surface(t.text)));
                    }
                }
            }
        } else if let Some(elided) = elided_alone(chunk, language) {
            // `l'` alone: the elided word a French, Italian or Catalan document counts (the
            // word rules alone would drop its apostrophe and read `l`).
            phrase.push(Pattern::Term(normalize(elided)));
            if case_sensitive {
                cased.push(Pattern::Term(surface(elided)));
            }
        } else {
            for t in tokens_in(chunk, language) {
                phrase.push(Pattern::Term(t.term()));
                if case_sensitive {
                    cased.push(Pattern::Term(surface(t.text)));
                }
            }
        }
    }
    if phrase.is_empty() {
        return Err(Error::new(ErrorKind::NoMatchingTerm {
            word: alternative.to_string(),
        }));
    }
    Ok((phrase, cased))
}

/// `chunk` when it is one of `language`'s elided words with its apostrophe and nothing else
/// (`l'`, `Qu’`), as a French, Italian or Catalan document counts it.
fn elided_alone<'a>(chunk: &'a str, language: Option<&str>) -> Option<&'a str> {
    let elided = language.and_then(elided_words)?;
    let word = chunk.strip_suffix(['\'', '\u{2019}'])?;
    elided
        .iter()
        .any(|e| e.eq_ignore_ascii_case(word))
        .then_some(chunk)
}

/// A word as written, with only the rules of [`crate::normalize`] that are not about case:
/// `’` and `ʼ` read as `'`, a final possessive `'s` removed.
pub(crate) fn surface(word: &str) -> String {
    let mut out: String = word
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{02BC}' => '\'',
            c => c,
        })
        .collect();
    if out.len() > 2 && (out.ends_with("'s") || out.ends_with("'S")) {
        out.truncate(out.len() - 2);
    }
    out
}

/// Splits `main NEAR/n context` at its first `NEAR/n` (a word of its own, outside quotes).
fn split_near(query: &str) -> Result<Option<(&str, usize, &str)>> {
    let mut in_quotes = false;
    let mut start = None;
    for (i, c) in query.char_indices().chain([(query.len(), ' ')]) {
        if c == '"' && is_quote_mark(query, i) {
            in_quotes = !in_quotes;
        }
        if c.is_whitespace() {
            if let Some(from) = start.take() {
                let word = &query[from..i];
                if let Some(n) = word.strip_prefix("NEAR/") {
                    let distance = n
                        .parse::<usize>()
                        .ok()
                        .filter(|d| (1..=MAX_WINDOW).contains(d))
                        .ok_or_else(|| {
                            Error::invalid_query(
                                query,
                                format!("{word}: the distance must be a whole number of words from 1 to 50, as in NEAR/5"),
                            )
                        })?;
                    let (main, context) = (query[..from].trim(), query[i..].trim());
                    if main.is_empty() || context.is_empty() {
                        return Err(Error::invalid_query(
                            query,
                            format!("put a query on each side of {word}"),
                        ));
                    }
                    return Ok(Some((main, distance, context)));
                }
            }
        } else if start.is_none() && !in_quotes {
            start = Some(i);
        }
    }
    Ok(None)
}

/// Stands in for `*` while a wildcard word is tokenised: a letter (Lo, Word_Break ALetter)
/// with no case, so that the tokeniser keeps it inside the word.
const WILDCARD: char = '\u{01C2}';

/// Whether the `"` at byte `i` of `query` is a quotation mark rather than part of a word:
/// UAX #29 keeps a `"` between Hebrew letters inside the word (WB7b/WB7c: `צה"ל`).
fn is_quote_mark(query: &str, i: usize) -> bool {
    let before = query[..i].chars().next_back();
    let after = query[i + 1..].chars().next();
    !(before.is_some_and(is_word_char) && after.is_some_and(is_word_char))
}

/// The byte offsets of the quotation marks of `query` (see [`is_quote_mark`]).
fn quote_marks(query: &str) -> impl Iterator<Item = usize> + '_ {
    query
        .match_indices('"')
        .map(|(i, _)| i)
        .filter(|&i| is_quote_mark(query, i))
}

/// The words of an alternative: split at spaces and quotation marks. U+202F (narrow
/// no-break space) stays: it is inside words such as `10 000` (ExtendNumLet).
fn chunks(alternative: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in alternative.char_indices() {
        let split =
            (c == '"' && is_quote_mark(alternative, i)) || (c.is_whitespace() && c != '\u{202F}');
        if split {
            out.push(&alternative[from..i]);
            from = i + c.len_utf8();
        }
    }
    out.push(&alternative[from..]);
    out.retain(|chunk| !chunk.is_empty());
    out
}

/// Splits on `|` that is not between quotes or inside a `/regular expression/` (one that
/// starts a word).
fn split_outside_quotes(query: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut in_quotes = false;
    let mut in_regex = false;
    let mut from = 0;
    let mut prev = ' ';
    for (i, c) in query.char_indices() {
        match c {
            '"' if !in_regex && is_quote_mark(query, i) => in_quotes = !in_quotes,
            '/' if !in_quotes
                && (in_regex || prev.is_whitespace() || prev == '|' || prev == '"') =>
            {
                in_regex = !in_regex;
            }
            '|' if !in_quotes && !in_regex => {
                parts.push(&query[from..i]);
                from = i + 1;
            }
            _ => {}
        }
        prev = c;
    }
    parts.push(&query[from..]);
    parts
}

/// A wildcard word; `fold` lowercases it as terms are (case-insensitive matching).
fn parse_wildcard(query: &str, chunk: &str, fold: bool) -> Result<Pattern> {
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
            let piece = if fold {
                piece.to_lowercase()
            } else {
                piece.to_string()
            };
            // A piece's end is not the word's end: read the final-sigma form ς as σ (and so
            // do terms, when they are matched against wildcards).
            piece
                .chars()
                .map(|c| match c {
                    '\u{2019}' | '\u{02BC}' => '\'',
                    'ς' if fold => 'σ',
                    c => c,
                })
                .collect()
        })
        .collect();
    Ok(Pattern::Wildcard(pieces))
}

impl Query {
    /// The first regular expression that ran out of steps, if one did.
    fn too_costly(&self) -> Option<&Regex> {
        let patterns = self.alternatives.iter().chain(&self.exact).flatten();
        let mut regexes = patterns.filter_map(|p| match p {
            Pattern::Regex(r) => Some(r),
            _ => None,
        });
        regexes
            .find(|r| r.too_costly())
            .or_else(|| self.near.as_ref().and_then(|(q, _)| q.too_costly()))
    }
}

impl Pattern {
    /// The pattern with diacritics folded. A `~word` keeps the word as written: its stem is
    /// folded (see [`Corpus::same_stem`]).
    fn folded(self) -> Pattern {
        match self {
            Pattern::Term(term) => Pattern::Term(fold(&term).into_owned()),
            Pattern::Wildcard(pieces) => {
                Pattern::Wildcard(pieces.iter().map(|p| fold(p).into_owned()).collect())
            }
            other => other,
        }
    }

    fn matches(&self, term: &str) -> bool {
        match self {
            Pattern::Term(t) => t == term,
            Pattern::Wildcard(pieces) if term.contains('ς') => {
                wildcard_match(pieces, &term.replace('ς', "σ"))
            }
            Pattern::Wildcard(pieces) => wildcard_match(pieces, term),
            Pattern::Regex(regex) => regex.is_match(term),
            // Word forms have no case of their own: the term set, stemmed in each document's
            // language, has decided (a case-sensitive query checks the other words' case).
            Pattern::Stem(_) => true,
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

/// A match: where it starts and how many tokens it spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Hit {
    pub(crate) doc: DocId,
    pub(crate) pos: u32,
    pub(crate) len: u32,
}

impl Corpus {
    /// Every match of `query`, in document order, one per start position (the longest); an
    /// error when a regular expression took more than its budget of steps.
    pub(crate) fn hits(&self, query: &Query, docs: &Docs) -> Result<Vec<Hit>> {
        let hits = self.all_hits(query, docs);
        match query.too_costly() {
            Some(pattern) => Err(crate::regex::too_costly(pattern)),
            None => Ok(hits),
        }
    }

    fn all_hits(&self, query: &Query, docs: &Docs) -> Vec<Hit> {
        let mut hits = Vec::new();
        let scoped = matches!(docs, Docs::Set(_));
        for (a, phrase) in query.alternatives.iter().enumerate() {
            let sets: Vec<TermSet> = phrase.iter().map(|p| self.term_set(p, docs)).collect();
            let len = sets.len();
            let by_language = sets.iter().any(|set| set.by_language.is_some());
            for &first in &sets[0].ids {
                for posting in self.postings_in(first, docs.one()) {
                    if scoped && !docs.contains(posting.doc) {
                        continue;
                    }
                    let document = &self.documents()[posting.doc as usize];
                    let terms = &document.terms;
                    let language = document.language();
                    let pos = posting.pos as usize;
                    let fits = pos + len <= terms.len()
                        && (!by_language || sets[0].contains_in(first, language))
                        && sets[1..]
                            .iter()
                            .zip(terms.from(pos + 1))
                            .all(|(set, t)| set.contains_in(t, language))
                        && query.exact.get(a).map_or(true, |cased| {
                            let doc = &self.documents()[posting.doc as usize];
                            cased.iter().enumerate().all(|(k, pattern)| {
                                let (start, end) = doc.span(pos + k);
                                let word = surface(&doc.text()[start..end]);
                                match query.fold {
                                    true => pattern.matches(&fold(&word)),
                                    false => pattern.matches(&word),
                                }
                            })
                        });
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
        // One term's postings are in document order already, one hit per position.
        let single = query.alternatives.len() == 1 && query.near.is_none();
        if single
            && hits
                .windows(2)
                .all(|w| (w[0].doc, w[0].pos) < (w[1].doc, w[1].pos))
        {
            return hits;
        }
        // Document order; at one start, the longest match first, then only it is kept.
        let order = sorted_indices(hits.len(), &|a, b| {
            let (a, b) = (&hits[a as usize], &hits[b as usize]);
            (a.doc, a.pos, b.len).cmp(&(b.doc, b.pos, a.len))
        });
        let mut sorted: Vec<Hit> = order.iter().map(|&i| hits[i as usize]).collect();
        sorted.dedup_by_key(|h| (h.doc, h.pos));
        if let Some((context, distance)) = &query.near {
            let near = self.all_hits(context, docs);
            let longest = near.iter().map(|c| c.len).max().unwrap_or(0);
            sorted.retain(|h| is_near(h, &near, *distance, longest));
        }
        sorted
    }

    /// The terms `pattern` matches (in the documents of `doc`'s scope, for a `~word`).
    fn term_set(&self, pattern: &Pattern, docs: &Docs) -> TermSet {
        let ids = match pattern {
            Pattern::Term(term) => self.vocab.get(term).into_iter().collect(),
            Pattern::Stem(word) => return self.stem_set(word, docs),
            Pattern::Wildcard(_) | Pattern::Regex(_) => self
                .vocab
                .iter()
                .filter(|(_, term)| pattern.matches(term))
                .map(|(id, _)| id)
                .collect(),
        };
        TermSet {
            ids,
            by_language: None,
        }
    }

    /// `~word`: for each language of the documents in scope, the terms with the word's stem in
    /// that language; the word alone for an unknown language or one without a stemmer.
    fn stem_set(&self, word: &str, docs: &Docs) -> TermSet {
        let in_scope = (0..self.documents().len() as DocId).filter(|&d| docs.contains(d));
        let mut languages: Vec<Option<&str>> = Vec::new();
        for language in in_scope.map(|d| self.documents()[d as usize].language()) {
            if !languages.contains(&language) {
                languages.push(language);
            }
        }
        let itself = || self.term_id(word).into_iter().collect::<Vec<_>>();
        // The union of the languages' terms, in id order (marked, rather than sorted: the
        // wasm then needs no sort of its own for it).
        let mut marked = vec![false; self.vocab.len()];
        let mut by_language = Vec::with_capacity(languages.len());
        for language in languages {
            let ids = language.and_then(|l| self.same_stem(l, word));
            let ids = ids.unwrap_or_else(itself);
            for &id in &ids {
                marked[id as usize] = true;
            }
            by_language.push((language.map(str::to_string), ids));
        }
        let ids = (0..marked.len() as TermId)
            .filter(|&id| marked[id as usize])
            .collect();
        TermSet {
            ids,
            by_language: Some(by_language),
        }
    }
}

/// One word of a concordance filter (`1L = the`), matched on a token as a query's word is:
/// the corpus's case and diacritic folding, a wildcard, a regular expression, `~word`, `a|b`.
pub(crate) struct WordMatch {
    /// Each alternative's terms and, for a case-sensitive match, its pattern with case kept.
    alternatives: Vec<(TermSet, Option<Pattern>)>,
    fold: bool,
}

impl Corpus {
    /// The matcher of one filter word; an error if it is not a valid query of one word.
    pub(crate) fn word_match(
        &self,
        word: &str,
        case_sensitive: bool,
        docs: &Docs,
    ) -> Result<WordMatch> {
        let query = self.parse_query(word, case_sensitive)?;
        if query.near.is_some() || query.alternatives.iter().any(|a| a.len() != 1) {
            return Err(Error::invalid_option(
                "options.filter",
                format!(
                    "“{}” is not one word: a filter matches one word at its position \
                     (a wildcard, a regular expression or words apart with | are fine)",
                    word.trim()
                ),
            ));
        }
        let alternatives = query
            .alternatives
            .iter()
            .enumerate()
            .map(|(a, phrase)| {
                let cased = query.exact.get(a).map(|cased| cased[0].clone());
                (self.term_set(&phrase[0], docs), cased)
            })
            .collect();
        if let Some(pattern) = query.too_costly() {
            return Err(crate::regex::too_costly(pattern));
        }
        Ok(WordMatch {
            alternatives,
            fold: query.fold,
        })
    }
}

impl WordMatch {
    /// Whether token `pos` of document `doc` is the word; `false` past the document's ends.
    pub(crate) fn matches(&self, corpus: &Corpus, doc: DocId, pos: i64) -> bool {
        let document = &corpus.documents()[doc as usize];
        let Some(term) = usize::try_from(pos)
            .ok()
            .and_then(|p| document.terms.get(p))
        else {
            return false;
        };
        let language = document.language();
        self.alternatives.iter().any(|(set, cased)| {
            set.contains_in(term, language)
                && cased.as_ref().map_or(true, |pattern| {
                    let (start, end) = document.span(pos as usize);
                    let word = surface(&document.text()[start..end]);
                    match self.fold {
                        true => pattern.matches(&fold(&word)),
                        false => pattern.matches(&word),
                    }
                })
        })
    }
}

/// Whether a hit of `context` (sorted by document and position) lies within `distance`
/// words of `hit`, on either side, without overlapping it; `longest` is the longest context
/// hit, in words.
fn is_near(hit: &Hit, context: &[Hit], distance: usize, longest: u32) -> bool {
    let (from, to) = (
        i64::from(hit.pos) - distance as i64,
        i64::from(hit.pos + hit.len) + distance as i64,
    );
    // The first context hit of the document that could end within reach.
    let first = context
        .partition_point(|c| (c.doc, i64::from(c.pos)) < (hit.doc, from - i64::from(longest)));
    context[first..]
        .iter()
        .take_while(|c| c.doc == hit.doc && i64::from(c.pos) < to)
        .any(|c| {
            let end = i64::from(c.pos + c.len);
            let before = end <= i64::from(hit.pos) && end > from;
            let after = c.pos >= hit.pos + hit.len;
            before || after
        })
}

/// The term ids a pattern matches, sorted; for a `~word`, also per language.
struct TermSet {
    ids: Vec<TermId>,
    /// For each language of the documents (`None`: unknown), the term ids it matches there,
    /// sorted; `None` when the pattern matches the same terms in every language.
    by_language: Option<Vec<(Option<String>, Vec<TermId>)>>,
}

impl TermSet {
    /// Whether the pattern matches term `id` in a document in `language`.
    fn contains_in(&self, id: TermId, language: Option<&str>) -> bool {
        let ids = match &self.by_language {
            None => &self.ids,
            Some(by_language) => match by_language.iter().find(|(l, _)| l.as_deref() == language) {
                Some((_, ids)) => ids,
                None => return false,
            },
        };
        ids.binary_search(&id).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::corpus;
    use crate::KwicOptions;

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
    q!(
        wildcard_word_with_punctuation,
        "North Korea said",
        "north-kor*",
        ["North Korea"]
    );
    q!(
        wildcard_after_curly_quote_and_comma,
        "North Korea said",
        "“north kor*”|sai*,",
        ["North Korea", "said"]
    );
    q!(
        wildcard_across_final_sigma,
        "ΟΔΥΣΣΕΥΣ ΟΔΥΣ",
        "ΟΔΥΣ*",
        ["ΟΔΥΣΣΕΥΣ", "ΟΔΥΣ"]
    );
    q!(hebrew_acronym_with_a_quote, "צה\"ל אמר", "צה\"ל", ["צה\"ל"]);
    q!(
        hebrew_acronym_in_a_phrase,
        "צה\"ל אמר",
        "\"צה\"ל אמר\"",
        ["צה\"ל אמר"]
    );
    q!(absent_word_is_no_error, "some text", "absent", []);
    q!(
        narrow_no_break_space_inside_a_number,
        "10\u{202F}000 people",
        "10\u{202F}000",
        ["10\u{202F}000"]
    );
    q!(phrase_at_document_end, "the end", "\"end of\"", []);

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
