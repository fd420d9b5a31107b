//! The ASCII scanner of `tokens` against the general path (`segments`, which
//! tests/e2e/segmentation.test.mjs checks against stock ICU and ICU4X): the same words with the same
//! spans, on random text where ASCII letters, digits, punctuation and spaces meet the
//! characters that make the general path matter (marks, format characters, curly quotes,
//! Hebrew, Hangul, ideographs, emoji and their joiners).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use text_explorer::{segments, tokens};

const ASCII: &str = "aZ9_'.,;:\"- \t\n\r\x0b\x0c!?()/";
const OTHER: &[char] = &[
    'é',
    '\u{301}',
    '\u{AD}',
    '\u{200D}',
    '\u{2060}',
    '’',
    '“',
    'א',
    '한',
    '日',
    '🦀',
    '\u{1F3FD}',
    '\u{3000}',
    '\u{85}',
    '\u{2028}',
    '٣',
    'Σ',
    '\u{FE55}',
    '．',
    '＿',
];

fn text() -> impl Strategy<Value = String> {
    let ascii: Vec<char> = ASCII.chars().collect();
    let char = prop_oneof![
        8 => prop::sample::select(ascii),
        1 => prop::sample::select(OTHER),
    ];
    prop::collection::vec(char, 0..40).prop_map(|chars| chars.into_iter().collect())
}

fn spans(words: impl Iterator<Item = text_explorer::Token<'static>>) -> Vec<(usize, usize)> {
    words.map(|t| (t.start, t.end)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn scanner_agrees_with_the_general_path(text in text()) {
        let text: &'static str = Box::leak(text.into_boxed_str());
        prop_assert_eq!(spans(tokens(text)), spans(segments(text)), "{:?}", text);
    }
}

#[test]
fn scanner_agrees_on_every_short_ascii_text() {
    // Every text of up to four characters from the ASCII alphabet that the rules tell apart.
    let alphabet: Vec<char> = "a9_'.,;: \n".chars().collect();
    let mut texts = vec![String::new()];
    for _ in 0..4 {
        let longer: Vec<String> = texts
            .iter()
            .flat_map(|t| alphabet.iter().map(move |&c| format!("{t}{c}")))
            .collect();
        for text in &longer {
            let a: Vec<_> = tokens(text).map(|t| (t.start, t.end)).collect();
            let b: Vec<_> = segments(text).map(|t| (t.start, t.end)).collect();
            assert_eq!(a, b, "{text:?}");
        }
        texts = longer;
    }
}
