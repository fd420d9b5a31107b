//! Sentence boundaries against the `unicode-segmentation` crate's implementation of UAX #29,
//! which reads the full Unicode tables, on random text made of the characters whose classes
//! ours reads from Rust's Unicode properties and its punctuation lists.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use text_explorer::tokenize::{count_sentences, sentence_ends};
use unicode_segmentation::UnicodeSegmentation;

const POOL: &[&str] = &[
    "Putin",
    "said",
    "the",
    "U",
    "S",
    "e",
    "g",
    "Mr",
    "é",
    "É",
    "Москва",
    "日本",
    "القاهرة",
    "3",
    "14",
    "1,000",
    ".",
    ".",
    ".",
    "!",
    "?",
    "?!",
    "…",
    "。",
    "！",
    ",",
    ";",
    ":",
    "-",
    "–",
    "—",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{2029}",
    "\u{A0}",
    "\u{301}",
    "\u{AD}",
    "🦀",
    "#",
    "ǅ",
];

fn reference(text: &str) -> Vec<usize> {
    text.split_sentence_bound_indices()
        .map(|(i, s)| i + s.len())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn sentence_ends_equal_the_unicode_tables(atoms in prop::collection::vec(prop::sample::select(POOL), 0..40)) {
        let text: String = atoms.concat();
        let ours: Vec<usize> = sentence_ends(&text).collect();
        prop_assert_eq!(ours, reference(&text), "text {:?}", text);
    }
}

#[test]
fn counts_only_sentences_with_words() {
    assert_eq!(count_sentences("One. Two two! Three?"), 3);
    assert_eq!(count_sentences("Headline\n\nBody text. More."), 3);
    assert_eq!(count_sentences("... !!!"), 0);
    assert_eq!(count_sentences(""), 0);
    // UAX #29 ends a sentence after "Mr." before a capital (SB11), not after "U.S." before a
    // lowercase word (SB8), and after "?”" whatever follows (SB8 is for ATerm only).
    let text = "Mr. Smith met the U.S. envoy. “Why?” he asked.";
    assert_eq!(reference(text).len(), 4);
    assert_eq!(count_sentences(text), 4);
}

#[test]
fn the_articles_split_as_the_unicode_tables_split_them() {
    for article in text_explorer::articles::ARTICLES {
        let ours: Vec<usize> = sentence_ends(article.text).collect();
        assert_eq!(ours, reference(article.text));
    }
}

/// Every code point in a few contexts where its class decides the boundaries.
#[test]
fn every_code_point_in_context() {
    let templates = [
        "a{} B", "a.{} B", "a. {}b", "a.{}1", "A.{}B", "{}. a", "x{}\n",
    ];
    let mut differ = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let bad = templates.iter().any(|t| {
            let text = t.replace("{}", &c.to_string());
            sentence_ends(&text).collect::<Vec<_>>() != reference(&text)
        });
        if bad {
            differ.push(c as u32);
        }
    }
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in differ {
        match ranges.last_mut() {
            Some(r) if r.1 + 1 == c => r.1 = c,
            _ => ranges.push((c, c)),
        }
    }
    let shown: Vec<String> = ranges
        .iter()
        .map(|(a, b)| format!("{a:04X}-{b:04X}"))
        .collect();
    assert!(
        ranges.is_empty(),
        "{} ranges differ: {}",
        ranges.len(),
        shown.join(" ")
    );
}
