//! Tokenising: which stretches of text are words, and the rule that turns a word into the
//! *term* that is counted.
//!
//! A word is a Unicode word segment (UAX #29, as implemented by the `unicode-segmentation`
//! crate) that contains a letter (general category L*), a letter number (Nl) or a decimal
//! digit (Nd); ideographs are letters (Lo). On alphabetic scripts these are exactly the
//! segments that ICU's `Intl.Segmenter(…, {granularity: "word"})` marks `isWordLike`.
//! Punctuation, spaces, emoji and symbols are segments too, but not words.

mod word_chars;

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// A word in a text: its byte span and the text it covers.
///
/// ```
/// let words: Vec<_> = text_explorer::tokens("Putin’s visit").collect();
/// assert_eq!(words[0].text, "Putin’s");
/// assert_eq!((words[1].start, words[1].end), (10, 15));
/// assert_eq!(words[0].term(), "putin");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the first byte of the word.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The word as written: `&source[start..end]`.
    pub text: &'a str,
}

impl Token<'_> {
    /// The word's term: see [`normalize`].
    pub fn term(&self) -> String {
        normalize(self.text)
    }
}

/// The words of `text`, in order: see [`Tokens`].
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        segments: text.split_word_bound_indices(),
    }
}

/// Iterator over the words of a text, made by [`tokens`].
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    segments: UWordBoundIndices<'a>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        self.segments.by_ref().find_map(|(start, text)| {
            is_word_like(text).then_some(Token {
                start,
                end: start + text.len(),
                text,
            })
        })
    }
}

/// Whether a word segment is a word: it contains a letter, a letter number or a decimal digit.
///
/// A segment made only of a combining mark, punctuation, symbols (`½`, `²`, emoji) or
/// spaces is not a word, as in ICU.
pub fn is_word_like(segment: &str) -> bool {
    segment.chars().any(is_word_char)
}

/// Whether `c` is a letter (L*), a letter number (Nl) or a decimal digit (Nd).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let c = c as u32;
    let table = &word_chars::WORD_CHAR_RANGES;
    // The last range whose start is <= c, if any, decides.
    let i = table.partition_point(|&(lo, _)| lo <= c);
    i > 0 && c <= table[i - 1].1
}

/// The term a word counts as: its full Unicode lowercase form, with `’` (U+2019) and `ʼ`
/// (U+02BC) folded to `'`, and a final possessive `'s` removed.
///
/// ```
/// use text_explorer::normalize;
/// assert_eq!(normalize("Putin’s"), "putin");
/// assert_eq!(normalize("can't"), "can't");
/// assert_eq!(normalize("ΣΟΦΟΣ"), "σοφος"); // final sigma, by full lowercase mapping
/// ```
pub fn normalize(word: &str) -> String {
    let mut term = String::with_capacity(word.len());
    normalize_into(word, &mut term);
    term
}

/// [`normalize`] into a reused buffer, which is cleared first.
pub fn normalize_into(word: &str, term: &mut String) {
    term.clear();
    if word.is_ascii() {
        term.push_str(word);
        term.make_ascii_lowercase();
    } else {
        // `str::to_lowercase` applies the full mapping, including the final-sigma rule.
        for c in word.to_lowercase().chars() {
            term.push(fold_apostrophe(c));
        }
    }
    // "'s" is two bytes; keep a term that would otherwise be empty.
    if term.len() > 2 && term.ends_with("'s") {
        term.truncate(term.len() - 2);
    }
}

/// Folds the apostrophe look-alikes that UAX #29 keeps inside words (WB6/WB7: `can’t`).
fn fold_apostrophe(c: char) -> char {
    match c {
        '\u{2019}' | '\u{02BC}' => '\'',
        c => c,
    }
}

/// The number of UAX #29 sentences of `text` that contain at least one word.
pub fn count_sentences(text: &str) -> usize {
    // A plain loop: `Iterator::count` on a filter asks the sentence iterator for its
    // `size_hint`, which overflows in unicode-segmentation 1.13 (a debug-build panic).
    let mut count = 0;
    for sentence in text.split_sentence_bounds() {
        if tokens(sentence).next().is_some() {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).map(|t| t.text).collect()
    }

    fn terms(text: &str) -> Vec<String> {
        tokens(text).map(|t| t.term()).collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$($term:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let expected: Vec<String> = vec![$($term.to_string()),*];
                assert_eq!(terms($text), expected, "terms of {:?}", $text);
            }
        };
    }

    t!(plain_words, "The cat sat.", ["the", "cat", "sat"]);
    t!(possessive_curly, "Putin’s", ["putin"]);
    t!(possessive_straight, "Putin's", ["putin"]);
    t!(possessive_modifier_letter_apostrophe, "Putinʼs", ["putin"]);
    t!(possessive_uppercase, "PUTIN’S", ["putin"]);
    t!(contraction_kept, "can't don’t", ["can't", "don't"]);
    t!(
        plural_possessive_keeps_s,
        "the states' rights",
        ["the", "states", "rights"]
    );
    t!(lone_s_kept, "'s s", ["s", "s"]);
    t!(accented, "Café naïve ÉCOLE", ["café", "naïve", "école"]);
    t!(decomposed_accent, "Cafe\u{301}", ["cafe\u{301}"]);
    t!(number_with_comma, "11,000 people", ["11,000", "people"]);
    t!(decimal_number, "3.14 and 2:45", ["3.14", "and", "2", "45"]);
    t!(time_letters, "2:45 am", ["2", "45", "am"]);
    t!(abbreviation, "The U.S. said", ["the", "u.s", "said"]);
    t!(
        hyphen_splits,
        "nuclear-armed one-onone",
        ["nuclear", "armed", "one", "onone"]
    );
    t!(emoji_is_not_a_word, "I ❤️ 🦀 Rust 👍🏽", ["i", "rust"]);
    t!(emoji_between_letters, "a😀b", ["a", "b"]);
    t!(
        symbols_are_not_words,
        "½ x² $5 #tag @user",
        ["x", "5", "tag", "user"]
    );
    t!(
        cjk_ideographs,
        "日本語のテキスト",
        ["日", "本", "語", "の", "テキスト"]
    );
    t!(hangul, "한국어 텍스트", ["한국어", "텍스트"]);
    t!(greek_final_sigma, "ΟΔΥΣΣΕΥΣ", ["οδυσσευς"]);
    t!(
        german_sharp_s_lowercase,
        "STRASSE Straße",
        ["strasse", "straße"]
    );
    t!(turkish_dotted_capital, "İstanbul", ["i\u{307}stanbul"]);
    t!(arabic_digits, "٣٤ كتاب", ["٣٤", "كتاب"]);
    t!(roman_numeral_letter_number, "Ⅻ", ["ⅻ"]);
    t!(underscore_joins, "snake_case", ["snake_case"]);
    t!(colon_inside_word, "a:b", ["a:b"]);
    t!(
        curly_quotes_are_not_words,
        "“Hello,” she said – twice",
        ["hello", "she", "said", "twice"]
    );
    t!(empty, "", []);
    t!(only_punctuation, "… — !?", []);
    t!(combining_mark_after_space, " \u{93E}", []);

    #[test]
    fn spans_are_byte_offsets_into_the_source() {
        let text = "é 🦀 日本 Putin’s";
        for t in tokens(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        assert_eq!(words(text), ["é", "日", "本", "Putin’s"]);
    }

    #[test]
    fn sentences_count_only_those_with_words() {
        assert_eq!(count_sentences("One. Two two! Three?"), 3);
        assert_eq!(count_sentences("Headline\n\nBody text. More."), 3);
        assert_eq!(count_sentences("... !!!"), 0);
        assert_eq!(count_sentences(""), 0);
    }

    #[test]
    fn word_char_table_agrees_with_std_on_letters() {
        // Every char the table calls a word char is alphanumeric by std's (wider) definition.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if is_word_char(c) {
                assert!(c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
            }
        }
    }
}
