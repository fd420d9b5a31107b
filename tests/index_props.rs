//! Properties: the index-backed frequencies and concordances equal the naive reference
//! implementation (tests/common) on random texts, and the invariants hold.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::corpus;
use proptest::prelude::*;
use text_explorer::{tokens, KwicOptions, TermsOptions};

/// Words with the cases that matter: case, curly and straight possessives, accents, CJK,
/// numbers, emoji and punctuation between them.
const POOL: &[&str] = &[
    "Putin",
    "putin",
    "PUTIN",
    "Putin’s",
    "Putin's",
    "Kim",
    "kim’s",
    "north",
    "North",
    "Korea",
    "korean",
    "sanction",
    "sanctions",
    "sanctioned",
    "can't",
    "don’t",
    "café",
    "Café",
    "naïve",
    "日本",
    "テキスト",
    "한국어",
    "11,000",
    "2:45",
    "U.S.",
    "e.g.",
    "the",
    "The",
    "a",
    "of",
    "🦀",
    "👍🏽",
    "—",
    "“",
    "”",
    ",",
    ".",
    "!",
    "?",
    ";",
    "(",
    ")",
    "\n",
    "\n\n",
    "  ",
    "\t",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 1..80).prop_map(|words| {
        let mut text = String::new();
        for w in words {
            text.push_str(w);
            text.push(' ');
        }
        text
    })
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    common::texts_of(text())
}

fn word() -> impl Strategy<Value = common::Word> {
    const TERMS: &[&str] = &[
        "putin", "kim", "north", "korea", "sanction", "the", "café", "日", "can't", "11,000",
        "absent",
    ];
    const PREFIXES: &[&str] = &["put", "sanction", "kor", "no", "ca", "t"];
    prop_oneof![
        prop::sample::select(TERMS).prop_map(|t| common::Word::Term(t.to_string())),
        prop::sample::select(PREFIXES).prop_map(|p| common::Word::Prefix(p.to_string())),
    ]
}

fn phrases() -> impl Strategy<Value = Vec<Vec<common::Word>>> {
    prop::collection::vec(prop::collection::vec(word(), 1..3), 1..3)
}

fn query_syntax(phrases: &[Vec<common::Word>]) -> String {
    phrases
        .iter()
        .map(|phrase| {
            let words: Vec<_> = phrase.iter().map(|w| w.syntax()).collect();
            format!("\"{}\"", words.join(" "))
        })
        .collect::<Vec<_>>()
        .join("|")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn frequencies_equal_the_naive_count(texts in texts()) {
        let corpus = corpus(&texts);
        let naive = common::frequencies(&texts);
        let rows = corpus.terms(&TermsOptions::default()).unwrap();
        prop_assert_eq!(rows.len(), naive.len());
        for row in &rows {
            prop_assert_eq!(naive[row.term], (row.count, row.docs), "term {}", row.term);
        }
        // Sorted by count descending, then term ascending.
        for pair in rows.windows(2) {
            prop_assert!((std::cmp::Reverse(pair[0].count), pair[0].term) < (std::cmp::Reverse(pair[1].count), pair[1].term));
        }
        // Frequencies sum to the token count, and relative frequencies to 10,000.
        let tokens: usize = corpus.documents().iter().map(|d| d.token_count()).sum();
        prop_assert_eq!(rows.iter().map(|r| r.count).sum::<usize>(), tokens);
        let relative: f64 = rows.iter().map(|r| r.relative).sum();
        prop_assert!((relative - 10_000.0).abs() < 1e-6);
    }

    #[test]
    fn per_document_frequencies_equal_the_naive_count(texts in texts()) {
        let corpus = corpus(&texts);
        for (doc, text) in texts.iter().enumerate() {
            let naive = common::frequencies(std::slice::from_ref(text));
            let rows = corpus.terms(&TermsOptions { doc: Some(doc as u32), ..Default::default() }).unwrap();
            prop_assert_eq!(rows.len(), naive.len());
            for row in rows {
                prop_assert_eq!(naive[row.term], (row.count, row.docs));
            }
            let summary = corpus.summary(Some(doc as u32)).unwrap();
            prop_assert_eq!(summary.types, naive.len());
            prop_assert_eq!(summary.tokens, common::terms(text).len());
        }
    }

    #[test]
    fn kwic_equals_the_naive_scan(texts in texts(), phrases in phrases(), window in 0usize..8) {
        let corpus = corpus(&texts);
        let query = query_syntax(&phrases);
        let options = KwicOptions { window, limit: 100_000, ..Default::default() };
        let page = corpus.kwic(&query, &options).unwrap();
        let naive = common::hits(&texts, &phrases);
        prop_assert_eq!(page.total, naive.len());
        let got: Vec<_> = page.lines.iter().map(|l| (l.doc as usize, l.token, l.tokens)).collect();
        prop_assert_eq!(&got, &naive);
        for line in &page.lines {
            let text = &texts[line.doc as usize];
            prop_assert_eq!(line.keyword, &text[line.start..line.end]);
            prop_assert!(text[..line.start].ends_with(line.left));
            prop_assert!(text[line.end..].starts_with(line.right));
            // The context holds `window` words on each side where the text has them.
            let left_words = tokens(line.left).count();
            prop_assert_eq!(left_words, window.min(line.token));
        }
    }

    #[test]
    fn sorted_kwic_equals_the_naive_sort(texts in texts(), phrases in phrases(), n in 1usize..4, right in any::<bool>()) {
        let corpus = corpus(&texts);
        let query = query_syntax(&phrases);
        let sort = format!("{n}{}", if right { 'R' } else { 'L' });
        let options = KwicOptions { sort: sort.parse().unwrap(), limit: 100_000, ..Default::default() };
        let page = corpus.kwic(&query, &options).unwrap();
        let mut naive = common::hits(&texts, &phrases);
        if right {
            common::sort_right(&texts, &mut naive, n);
        } else {
            common::sort_left(&texts, &mut naive, n);
        }
        let got: Vec<_> = page.lines.iter().map(|l| (l.doc as usize, l.token, l.tokens)).collect();
        prop_assert_eq!(got, naive);
    }

    #[test]
    fn pages_concatenate_to_the_whole(texts in texts(), limit in 1usize..7) {
        let corpus = corpus(&texts);
        let options = |offset, limit| KwicOptions { sort: "1R,1L".parse().unwrap(), offset, limit, ..Default::default() };
        let whole = corpus.kwic("the|putin|north", &options(0, 100_000)).unwrap();
        let mut pages = Vec::new();
        let mut offset = 0;
        while offset < whole.total {
            let page = corpus.kwic("the|putin|north", &options(offset, limit)).unwrap();
            prop_assert_eq!(page.total, whole.total);
            pages.extend(page.lines);
            offset += limit;
        }
        prop_assert_eq!(pages, whole.lines);
    }
}
