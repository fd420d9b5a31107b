//! Concordances on arbitrary texts, queries and options: `Corpus::kwic`, `Query::parse` and
//! `Sort::from_str` never panic, and every page is consistent with the index and the spec.
//!
//! Input layout (so that seeds can be written by hand, see `make_seeds.py`):
//!
//! | bytes | meaning |
//! |---|---|
//! | 0 | window: `b % 64` (51 to 63 must be refused) |
//! | 1 | offset |
//! | 2 | limit: 255 → `MAX_LIMIT + 1` (refused), 254 → `MAX_LIMIT`, else `b` |
//! | 3 | flags: bit 0 adds the two built-in articles first; bits 1-2 the document filter (0, 1: none; 2: document 0; 3: document `b >> 3 & 7`); bit 6 builds the query from the text (below) |
//! | 4, 5 | for a query built from the text: the first token (`b4 % tokens` of the first document), words `1 + b5 % 3`, wildcard `b5 / 3 % 3` (none, `prefix*`, `*suffix`) |
//! | 6.. | lossy UTF-8, split on NUL: query, sort spec, then up to 4 document texts |
#![no_main]

use std::cmp::Ordering;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use text_explorer::kwic::MAX_LIMIT;
use text_explorer::{
    normalize, tokens, Concordance, Corpus, DocId, KwicLine, KwicOptions, Query, Sort,
};

const HEADER: usize = 6;

/// The built-in articles, indexed once.
fn articles() -> &'static Corpus {
    static ARTICLES: OnceLock<Corpus> = OnceLock::new();
    ARTICLES.get_or_init(Corpus::with_articles)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Keyword,
    Left(usize),
    Right(usize),
}

/// The sort spec as documented on `Sort::from_str`, parsed independently: `None` if invalid.
fn reference_sort(spec: &str) -> Option<Vec<Key>> {
    let trimmed = spec.trim();
    if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("position") {
        return Some(Vec::new());
    }
    trimmed
        .split(',')
        .map(|key| {
            let key = key.trim().to_ascii_uppercase();
            if key == "K" {
                return Some(Key::Keyword);
            }
            let side = key.chars().next_back()?;
            let n: usize = key[..key.len() - side.len_utf8()].parse().ok()?;
            if !(1..=50).contains(&n) {
                return None;
            }
            match side {
                'L' => Some(Key::Left(n)),
                'R' => Some(Key::Right(n)),
                _ => None,
            }
        })
        .collect()
}

/// A query string without characters that the query syntax treats specially.
fn plain(s: &str) -> bool {
    s.chars()
        .all(|c| !c.is_whitespace() && !matches!(c, '"' | '|' | '*'))
}

/// Whether `word` reads back, on its own, as exactly one token with term `word`.
fn is_own_term(word: &str) -> bool {
    let mut toks = tokens(word);
    matches!(toks.next(), Some(t) if t.text == word)
        && toks.next().is_none()
        && normalize(word) == word
}

/// A query made from the terms of `n` tokens of a document, with what every line's terms
/// must satisfy. `None` when such a query could not be typed (see the guards).
struct SelfQuery {
    query: String,
    doc: DocId,
    token: usize,
    words: Vec<String>,
    star: u8,
}

fn self_query(corpus: &Corpus, doc: DocId, b4: u8, b5: u8) -> Option<SelfQuery> {
    let d = corpus.document(doc).ok()?;
    let n = 1 + (b5 % 3) as usize;
    let star = b5 / 3 % 3;
    let first = b4 as usize % d.token_count();
    if first + n > d.token_count() {
        return None;
    }
    let terms: Vec<String> = (first..first + n)
        .map(|i| {
            let (s, e) = d.span(i);
            normalize(&d.text()[s..e])
        })
        .collect();
    if !terms.iter().all(|t| plain(t)) {
        return None;
    }
    let mut words = terms.clone();
    let last = words.last_mut().unwrap();
    match star {
        0 => {}
        1 => {
            // Up to and including the first letter or digit: the wildcard needs one.
            let (i, c) = last
                .char_indices()
                .find(|&(_, c)| text_explorer::tokenize::is_word_char(c))?;
            last.truncate(i + c.len_utf8());
        }
        _ => {
            let (i, _) = last
                .char_indices()
                .rfind(|&(_, c)| text_explorer::tokenize::is_word_char(c))?;
            *last = last[i..].to_string();
        }
    }
    let (exact, wild) = words.split_at(n - 1);
    if !exact.iter().all(|w| is_own_term(w)) {
        return None;
    }
    let query_last = match star {
        0 if is_own_term(&wild[0]) => wild[0].clone(),
        0 => return None,
        // Wildcard pieces are lowercased, not normalised.
        _ if wild[0].to_lowercase() != wild[0] => return None,
        1 => format!("{}*", wild[0]),
        _ => format!("*{}", wild[0]),
    };
    let mut query: Vec<String> = exact.to_vec();
    query.push(query_last);
    Some(SelfQuery {
        query: query.join(" "),
        doc,
        token: first,
        words,
        star,
    })
}

/// The terms of every token of every document.
fn all_terms(corpus: &Corpus) -> Vec<Vec<String>> {
    corpus
        .documents()
        .iter()
        .map(|d| {
            (0..d.token_count())
                .map(|i| {
                    let (s, e) = d.span(i);
                    normalize(&d.text()[s..e])
                })
                .collect()
        })
        .collect()
}

/// The documented order of two lines under `keys`, ties by document order.
fn reference_cmp(terms: &[Vec<String>], keys: &[Key], a: &KwicLine, b: &KwicLine) -> Ordering {
    let at = |l: &KwicLine, key: Key| -> Option<&str> {
        let doc = &terms[l.doc as usize];
        let i = match key {
            Key::Left(n) => l.token.checked_sub(n)?,
            Key::Right(n) => l.token + l.tokens - 1 + n,
            Key::Keyword => unreachable!(),
        };
        doc.get(i).map(String::as_str)
    };
    keys.iter()
        .map(|&key| match key {
            Key::Keyword => {
                let ka = &terms[a.doc as usize][a.token..a.token + a.tokens];
                let kb = &terms[b.doc as usize][b.token..b.token + b.tokens];
                ka.cmp(kb)
            }
            key => at(a, key).cmp(&at(b, key)),
        })
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
        .then_with(|| (a.doc, a.token).cmp(&(b.doc, b.token)))
}

/// Checks one line against the document it comes from.
fn check_line(corpus: &Corpus, line: &KwicLine, window: usize) {
    let doc = corpus
        .document(line.doc)
        .expect("line from an unknown document");
    let text = doc.text();
    assert!(line.tokens >= 1);
    let last = line.token + line.tokens - 1;
    assert!(last < doc.token_count(), "{line:?}");
    assert_eq!(doc.span(line.token).0, line.start);
    assert_eq!(doc.span(last).1, line.end);
    assert!(line.start < line.end && line.end <= text.len());
    assert_eq!(line.keyword, &text[line.start..line.end]);
    let left_from = if window == 0 {
        line.start
    } else {
        doc.span(line.token.saturating_sub(window)).0
    };
    let right_to = if window == 0 {
        line.end
    } else {
        doc.span((last + window).min(doc.token_count() - 1)).1
    };
    assert_eq!(line.left, &text[left_from..line.start], "left of {line:?}");
    assert_eq!(line.right, &text[line.end..right_to], "right of {line:?}");
}

fn key(l: &KwicLine) -> (DocId, usize, usize) {
    (l.doc, l.token, l.tokens)
}

fuzz_target!(|data: &[u8]| {
    if data.len() < HEADER {
        return;
    }
    let (header, rest) = data.split_at(HEADER);
    let window = (header[0] % 64) as usize;
    let offset = header[1] as usize;
    let limit = match header[2] {
        255 => MAX_LIMIT + 1,
        254 => MAX_LIMIT,
        b => b as usize,
    };
    let flags = header[3];
    let doc_filter: Option<DocId> = match (flags >> 1) & 3 {
        2 => Some(0),
        3 => Some(DocId::from((flags >> 3) & 7)),
        _ => None,
    };
    let input = String::from_utf8_lossy(rest);
    let mut parts = input.split('\0');
    let raw_query = parts.next().unwrap_or("");
    let sort_spec = parts.next().unwrap_or("");
    let texts: Vec<&str> = parts.take(4).collect();

    // Parsers alone never panic, and the sort parser follows its documentation.
    let _ = Query::parse(raw_query);
    let sort = sort_spec.parse::<Sort>();
    let keys = reference_sort(sort_spec);
    assert_eq!(
        sort.is_ok(),
        keys.is_some(),
        "sort spec {sort_spec:?}: {sort:?}"
    );
    let (Ok(sort), Some(keys)) = (sort, keys) else {
        return;
    };

    let mut corpus = if flags & 1 == 1 {
        articles().clone()
    } else {
        Corpus::new()
    };
    for text in &texts {
        let _ = corpus.add_document("", text);
    }
    let ndocs = corpus.documents().len();

    let sq = if flags & 0x40 != 0 && ndocs > 0 {
        let doc = doc_filter.unwrap_or(0);
        self_query(&corpus, doc, header[4], header[5])
    } else {
        None
    };
    let query: &str = match &sq {
        Some(sq) => &sq.query,
        None => raw_query,
    };

    let options = KwicOptions {
        doc: doc_filter,
        window,
        sort: sort.clone(),
        offset,
        limit,
    };
    let result = corpus.kwic(query, &options);
    let page: Concordance = match result {
        Err(e) => {
            let bad_option =
                window > 50 || limit > MAX_LIMIT || doc_filter.is_some_and(|d| d as usize >= ndocs);
            let bad_query = Query::parse(query).is_err();
            assert!(bad_option || bad_query, "kwic({query:?}) failed: {e}");
            assert!(
                bad_option || sq.is_none(),
                "a query built from the text failed: {query:?}: {e}"
            );
            return;
        }
        Ok(page) => page,
    };
    assert!(window <= 50 && limit <= MAX_LIMIT);
    assert!(Query::parse(query).is_ok());

    // The page: its size, and each line against its document.
    assert!(page.total >= page.lines.len());
    assert_eq!(
        page.lines.len(),
        limit.min(page.total.saturating_sub(offset))
    );
    for line in &page.lines {
        if let Some(d) = doc_filter {
            assert_eq!(line.doc, d);
        }
        check_line(&corpus, line, window);
    }

    // The whole concordance, in this order and in document order: the page is a slice of
    // the first, the first a permutation of the second, and both have the same total.
    let all = |sort: Sort| {
        corpus
            .kwic(
                query,
                &KwicOptions {
                    doc: doc_filter,
                    window,
                    sort,
                    offset: 0,
                    limit: MAX_LIMIT,
                },
            )
            .expect("the same query with the largest page failed")
    };
    let sorted = all(sort);
    assert_eq!(sorted.total, page.total);
    if page.total > MAX_LIMIT {
        return;
    }
    assert_eq!(sorted.lines.len(), page.total);
    let from = offset.min(page.total);
    assert_eq!(
        &sorted.lines[from..from + page.lines.len()],
        &page.lines[..],
        "the page is not a slice of the whole concordance"
    );
    let by_position = all(Sort::default());
    assert_eq!(by_position.total, page.total);
    assert!(
        by_position
            .lines
            .windows(2)
            .all(|w| (w[0].doc, w[0].token) < (w[1].doc, w[1].token)),
        "document order is not strictly increasing"
    );
    let mut a: Vec<_> = sorted.lines.iter().map(key).collect();
    let b: Vec<_> = by_position.lines.iter().map(key).collect();
    a.sort_unstable();
    assert_eq!(a, b, "sorting changed the set of lines");

    // The order is the documented one.
    let terms = all_terms(&corpus);
    for w in sorted.lines.windows(2) {
        assert_eq!(
            reference_cmp(&terms, &keys, &w[0], &w[1]),
            Ordering::Less,
            "lines out of order under {sort_spec:?}: {:?} then {:?}",
            key(&w[0]),
            key(&w[1])
        );
    }

    // A query typed from the text finds where it came from, and only what it asks for.
    if let Some(sq) = &sq {
        let n = sq.words.len();
        assert!(
            by_position
                .lines
                .iter()
                .any(|l| l.doc == sq.doc && l.token == sq.token && l.tokens == n),
            "{:?} does not find token {} of document {}",
            sq.query,
            sq.token,
            sq.doc
        );
        for l in &by_position.lines {
            assert_eq!(l.tokens, n);
            let got = &terms[l.doc as usize][l.token..l.token + n];
            let (last_got, exact_got) = got.split_last().unwrap();
            let (last_want, exact_want) = sq.words.split_last().unwrap();
            assert_eq!(exact_got, exact_want, "{:?} matched {got:?}", sq.query);
            let ok = match sq.star {
                0 => last_got == last_want,
                1 => last_got.starts_with(last_want.as_str()),
                _ => last_got.ends_with(last_want.as_str()),
            };
            assert!(ok, "{:?} matched {got:?}", sq.query);
        }
    }
});
