//! The ASCII scanner of `tokens` against the general path (`segments`, which
//! tests/e2e/segmentation.test.mjs checks against stock ICU and ICU4X): the same words with the same
//! spans, on random text where ASCII letters, digits, punctuation and spaces meet the
//! characters that make the general path matter (marks, format characters, curly quotes,
//! Hebrew, Hangul, ideographs, emoji and their joiners).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use text_explorer::tokenize::{elided_words, is_word_char, is_word_like};
use text_explorer::{segments, tokens, tokens_in};

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

/// Text where elisions meet what UAX #29 does around apostrophes.
fn french() -> impl Strategy<Value = String> {
    let atom = prop::sample::select(vec![
        "l", "L", "qu", "QU", "jusqu", "d", "dell", "aujourd", "s", "x", "été", "il", "hui", "a",
        "1", "'", "’", "ʼ", "\u{301}", "\u{AD}", " ", ".", "-", "ק", "한",
    ]);
    prop::collection::vec(atom, 0..20).prop_map(|atoms| atoms.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    /// `tokens_in` gives the words of `tokens`, each elision cut in two at its apostrophe: the
    /// pieces cover the word exactly, the first ends with `'` or `’` (and its marks) and its
    /// term is an elided word of the language with `'`, and the second is a word.
    #[test]
    fn elisions_cut_words_of_tokens_in_two(text in french()) {
        for language in ["fr", "it", "ca"] {
            let elided = elided_words(language).unwrap();
            let mut pieces = tokens_in(&text, Some(language));
            for word in tokens(&text) {
                let first = pieces.next().unwrap();
                prop_assert_eq!(first.start, word.start);
                if first.end == word.end {
                    continue;
                }
                let second = pieces.next().unwrap();
                prop_assert_eq!((first.end, second.end), (second.start, word.end));
                let term = first.term();
                let article = term.trim_end_matches(|c: char| c != '\'' && !is_word_char(c));
                prop_assert!(article.ends_with('\''), "{:?}", first.text);
                prop_assert!(elided.contains(&&article[..article.len() - 1]), "{:?}", first.text);
                prop_assert!(is_word_like(second.text), "{:?}", second.text);
            }
            prop_assert!(pieces.next().is_none());
        }
    }
}
