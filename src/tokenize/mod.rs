//! Tokenising: which stretches of text are words, and the rule that turns a word into the
//! *term* that is counted.
//!
//! A word is a Unicode word segment (UAX #29, as implemented by the `unicode-segmentation`
//! crate) that contains a letter (general category L*), a letter number (Nl) or a decimal
//! digit (Nd), or one of the few symbols UAX #29 classes with them (`Ⓐ`, `˂`, `٫`);
//! ideographs are letters (Lo). Punctuation, spaces, emoji and other symbols are segments
//! too, but not words.
//!
//! The word rules are the standard's, as stock ICU (Node's `Intl.Segmenter`) applies them,
//! with no browser tailoring: a full stop or a colon between two letters joins them
//! (WB6/WB7: `U.S.` is the word `U.S`, `e.g.` is `e.g`, `a:b` is one word), a full stop,
//! comma or semicolon between two digits joins them (WB11/WB12: `3.14`, `11,000`), and a
//! colon between digits does not (`2:45` is two words). One rule is ICU's own, and we keep
//! it: Hangul syllables make words only with each other (`한국어1st` is two words). ICU4X
//! (Firefox's segmenter) differs on colons, Hangul and a few statuses; the README lists them,
//! and `tests/e2e/segmentation.test.mjs` compares us with both.
//!
//! [`tokens_in`] reads a text in a language: French, Italian and Catalan elisions (`l’été`)
//! are two words there.

mod dictionary;
mod dictionary_chars;
mod elision;
mod fold;
mod fold_marks;
mod sentences;
mod word_chars;

pub use dictionary::{is_dictionary_char, set_word_splitter, WordSplitter};
pub use elision::{elided_words, tokens_in, TokensIn};
pub use fold::{fold, is_folded_mark};
pub use sentences::{sentence_ends, SentenceEnds};

use dictionary::{Dictionary, General};

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
        text,
        pos: 0,
        chunk: 0,
        emitted: 0,
        general: None,
        dictionary: Dictionary::Unknown,
    }
}

/// Iterator over the words of a text, made by [`tokens`].
///
/// Plain ASCII text, most of what people paste, is read by a byte scanner that applies the
/// rules below as they stand for ASCII; the first byte of any other character hands its
/// *chunk* to the general path ([`Segments`]: unicode-segmentation and ICU's Hangul rule).
///
/// A chunk starts where an ASCII space or control character is followed by an ASCII
/// character that is neither: UAX #29 always breaks there (no rule joins across a space or
/// control unless an Extend, Format or ZWJ character follows it, and none is ASCII), and no
/// rule looks back across it (WB6/7/11/12 look back over one punctuation mark, not a space).
/// So the words of a chunk are the same whether it is segmented alone or in its text, and
/// the general path restarts at the chunk's start, skipping the words the scanner already
/// gave. `tests/index_props.rs` checks the two paths against each other, and
/// `tests/e2e/segmentation.test.mjs` against stock ICU (Node) and ICU4X (Firefox).
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    /// The next byte for the scanner.
    pos: usize,
    /// Where the scanner's current chunk starts.
    chunk: usize,
    /// The end of the last word given: the general path skips words that start before it.
    emitted: usize,
    /// A chunk in the general path: its segments, and its offset in `text`.
    general: Option<(General<'a>, usize)>,
    /// The text's dictionary runs (Chinese, Japanese, Thai, …), looked for when the general
    /// path first runs: see `dictionary.rs`.
    dictionary: Dictionary,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some((segments, base)) = &mut self.general {
                for token in segments.by_ref() {
                    let start = *base + token.start;
                    if start >= self.emitted {
                        self.emitted = *base + token.end;
                        return Some(Token {
                            start,
                            end: self.emitted,
                            text: token.text,
                        });
                    }
                }
                self.general = None;
            }
            match self.scan() {
                Scan::Word(start, end) => {
                    self.emitted = end;
                    return Some(Token {
                        start,
                        end,
                        text: &self.text[start..end],
                    });
                }
                Scan::NotAscii(at) => self.hand_over(at),
                Scan::End => return None,
            }
        }
    }
}

/// What the ASCII scanner found.
enum Scan {
    /// A word, as its byte span.
    Word(usize, usize),
    /// A byte of a non-ASCII character, at this offset: the chunk goes to the general path.
    NotAscii(usize),
    /// The end of the text.
    End,
}

/// ASCII spaces and control characters (all Word_Break Other, CR, LF, Newline or WSegSpace).
const fn is_space_or_control(b: u8) -> bool {
    b <= b' ' || b == 0x7F
}

/// The ASCII scanner's classes of a byte, as bits of [`CLASS`]: one load where the tests of
/// `u8::is_ascii_*` cost a few compares each.
mod class {
    /// A letter, `A-Z` or `a-z`.
    pub(super) const LETTER: u8 = 1;
    /// A digit, `0-9`.
    pub(super) const DIGIT: u8 = 2;
    /// `_` (Word_Break ExtendNumLet).
    pub(super) const CONNECTOR: u8 = 4;
    /// An ASCII space or control character: see [`is_space_or_control`].
    pub(super) const SPACE: u8 = 8;
    /// A byte of a non-ASCII character.
    pub(super) const NOT_ASCII: u8 = 16;
    /// What a word is made of.
    pub(super) const WORD: u8 = LETTER | DIGIT | CONNECTOR;
}

/// The [`class`] bits of each byte.
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if !c.is_ascii() {
            class::NOT_ASCII
        } else if c.is_ascii_alphabetic() {
            class::LETTER
        } else if c.is_ascii_digit() {
            class::DIGIT
        } else if c == b'_' {
            class::CONNECTOR
        } else if is_space_or_control(c) {
            class::SPACE
        } else {
            0
        };
        b += 1;
    }
    table
};

fn class_of(b: u8) -> u8 {
    CLASS[b as usize]
}

impl Tokens<'_> {
    /// Reads ASCII from `pos` up to the end of the next word; a word is a run of letters,
    /// digits and `_` (WB5, WB8 to WB10, WB13a/b) with, inside it, `'`, `.` or `:` between
    /// two letters (WB6/7: MidNumLetQ and MidLetter) or `'`, `.`, `,`, `;` between two
    /// digits (WB11/12: MidNumLetQ and MidNum), and it holds a letter or digit, or two `_`.
    fn scan(&mut self) -> Scan {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        loop {
            // Up to the next letter, digit or connector.
            loop {
                let Some(&b) = bytes.get(i) else {
                    self.pos = i;
                    return Scan::End;
                };
                let c = class_of(b);
                if c == class::NOT_ASCII {
                    return Scan::NotAscii(i);
                }
                if i > 0 && class_of(bytes[i - 1]) == class::SPACE && c != class::SPACE {
                    self.chunk = i;
                }
                if c & class::WORD != 0 {
                    break;
                }
                i += 1;
            }
            let start = i;
            let mut alphanumeric = false;
            let mut connectors = 0;
            loop {
                let b = class_of(bytes[i]);
                alphanumeric |= b & (class::LETTER | class::DIGIT) != 0;
                connectors += usize::from(b == class::CONNECTOR);
                i += 1;
                let Some(&next) = bytes.get(i) else { break };
                let c = class_of(next);
                if c == class::NOT_ASCII {
                    return Scan::NotAscii(i);
                }
                if c & class::WORD != 0 {
                    continue;
                }
                if matches!(next, b'\'' | b'.' | b',' | b';' | b':') {
                    match bytes.get(i + 1).map(|&after| class_of(after)) {
                        Some(class::NOT_ASCII) => return Scan::NotAscii(i + 1),
                        Some(after) => {
                            let joins = match next {
                                b'\'' | b'.' => {
                                    matches!(b, class::LETTER | class::DIGIT) && after == b
                                }
                                b':' => b == class::LETTER && after == class::LETTER,
                                _ => b == class::DIGIT && after == class::DIGIT,
                            };
                            if joins {
                                i += 1;
                                continue;
                            }
                        }
                        None => {}
                    }
                }
                break;
            }
            if alphanumeric || connectors >= 2 {
                self.pos = i;
                return Scan::Word(start, i);
            }
        }
    }

    /// Hands the chunk around the non-ASCII byte at `at` to the general path: from the
    /// chunk's start to the next chunk's start (or the end of the text).
    fn hand_over(&mut self, at: usize) {
        let bytes = self.text.as_bytes();
        let mut end = at + 1;
        while end < bytes.len()
            && !(bytes[end].is_ascii()
                && !is_space_or_control(bytes[end])
                && is_space_or_control(bytes[end - 1]))
        {
            end += 1;
        }
        let base = self.chunk;
        let words = self.dictionary.chunk(self.text, base, end, at);
        self.general = Some((words, base));
        self.pos = end;
        self.chunk = end;
    }
}

/// The words of `text` by the general path alone: UAX #29 segments (unicode-segmentation)
/// with ICU's Hangul rule. [`tokens`] gives the same words, faster on ASCII; this is its
/// reference.
pub fn segments(text: &str) -> Segments<'_> {
    Segments {
        segments: text.split_word_bound_indices(),
        rest: None,
    }
}

/// Iterator over the words of a text by the general path, made by [`segments`].
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    segments: UWordBoundIndices<'a>,
    /// What is left of a UAX #29 segment that ICU's Hangul rule splits.
    rest: Option<(usize, &'a str)>,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let (start, segment) = match self.rest.take() {
                Some(rest) => rest,
                None => self.segments.next()?,
            };
            let text = match split_point(segment) {
                Some((at, len)) => {
                    self.rest = Some((start + at + len, &segment[at + len..]));
                    &segment[..at]
                }
                None => segment,
            };
            if is_word_like(text) {
                return Some(Token {
                    start,
                    end: start + text.len(),
                    text,
                });
            }
        }
    }
}

/// Where ICU splits a UAX #29 segment, as (offset, length of the character dropped there,
/// which becomes a segment of its own and is never a word): the first change to or from
/// Hangul syllables.
fn split_point(segment: &str) -> Option<(usize, usize)> {
    hangul_edge(segment)
}

/// Hangul syllables (U+AC00 to U+D7A3) form words only with each other in ICU, where UAX #29
/// treats them as any letter (ICU leaves them out of ALetter and joins them by a rule of
/// their own, `$HangulSyllable $HangulSyllable`): the first place where a run of them meets
/// another letter, digit or connector such as `_` (ExtendNumLet), or another run of them
/// across a joining mark such as `'` or `.` (which is dropped there, but stays after a Hebrew
/// letter, WB7a), or where Extend or Format marks follow one (ICU ends the segment after the
/// marks, and it is not a word: see [`marked_hangul`]).
fn hangul_edge(segment: &str) -> Option<(usize, usize)> {
    if !segment.chars().any(is_hangul_syllable) {
        return None;
    }
    let mut previous: Option<char> = None; // the last letter, digit or connector
    let mut marked = false; // whether Extend or Format marks follow it directly
    let mut mid = None; // where a joining punctuation mark stands since then
    for (i, c) in segment.char_indices() {
        if is_mid(c) {
            mid = Some(i);
        } else if (c.is_alphanumeric() && !is_mark(c)) || is_connector(c) {
            let hangul = is_hangul_syllable(c);
            if let Some(p) = previous {
                let after_hangul = is_hangul_syllable(p);
                if after_hangul != hangul || (after_hangul && (marked || mid.is_some())) {
                    // Extend and Format marks stay with what they follow (WB4).
                    return Some(match mid {
                        Some(m) if is_hebrew_letter(p) && segment[m..].starts_with('\'') => (i, 0),
                        Some(m) => (m, i - m),
                        None => (i, 0),
                    });
                }
            }
            previous = Some(c);
            marked = false;
            mid = None;
        } else if mid.is_none() {
            // An Extend, Format or ZWJ character: nothing else stands inside a UAX #29 word
            // segment.
            marked = true;
        }
    }
    None
}

/// Word_Break MidLetter, MidNum, MidNumLet, Single_Quote and Double_Quote: the punctuation
/// that UAX #29 lets stand inside a word (WB6, WB7, WB7b, WB7c, WB11, WB12).
fn is_mid(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ','
            | '.'
            | ':'
            | ';'
            | '\u{B7}'
            | '\u{37E}'
            | '\u{387}'
            | '\u{55F}'
            | '\u{589}'
            | '\u{5F4}'
            | '\u{60C}'
            | '\u{60D}'
            | '\u{66C}'
            | '\u{7F8}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
            | '\u{2044}'
            | '\u{FE10}'
            | '\u{FE13}'
            | '\u{FE14}'
            | '\u{FE50}'
            | '\u{FE52}'
            | '\u{FE54}'
            | '\u{FE55}'
            | '\u{FF07}'
            | '\u{FF0C}'
            | '\u{FF0E}'
            | '\u{FF1A}'
            | '\u{FF1B}'
    )
}

/// Word_Break=ExtendNumLet: the connector punctuation (Pc) and the narrow no-break space.
fn is_connector(c: char) -> bool {
    matches!(
        c,
        '_' | '\u{202F}'
            | '\u{203F}'
            | '\u{2040}'
            | '\u{2054}'
            | '\u{FE33}'
            | '\u{FE34}'
            | '\u{FE4D}'..='\u{FE4F}' | '\u{FF3F}'
    )
}

fn is_hebrew_letter(c: char) -> bool {
    matches!(c, '\u{05D0}'..='\u{05F2}' | '\u{FB1D}'..='\u{FB4F}')
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether a word segment is a word: it contains a letter, a letter number or a decimal digit,
/// or one of the few symbols that UAX #29 classes with them (`Ⓐ`, `˂`, `٫`), or, as
/// in ICU, two connectors such as `__`.
///
/// A segment made only of a combining mark, punctuation, other symbols (`½`, `²`, emoji) or
/// spaces is not a word, as in ICU.
pub fn is_word_like(segment: &str) -> bool {
    let word = segment
        .chars()
        .any(|c| is_word_char(c) || is_word_symbol(c))
        || segment
            .chars()
            .filter(|&c| is_connector(c))
            .nth(1)
            .is_some();
    word && !has_emoji_join(segment) && !marked_hangul(segment)
}

/// Whether Extend or Format marks follow a Hangul syllable or a connector at the end of the
/// segment (`한국어` + U+00AD, `word_` + U+2060): ICU's rules for those two give such a
/// segment the status of the marks, not a word's; we agree.
fn marked_hangul(segment: &str) -> bool {
    let trailing = segment
        .chars()
        .rev()
        .take_while(|&c| !c.is_alphanumeric() && !is_connector(c))
        .count();
    trailing > 0
        && segment
            .chars()
            .rev()
            .nth(trailing)
            .is_some_and(|c| is_hangul_syllable(c) || is_connector(c))
}

/// Whether a zero-width joiner joins an emoji to the segment (WB3c, as in `a‍🦀`). ICU gives
/// such a segment the status of its last rule, the emoji's, so it is not word-like; we agree.
fn has_emoji_join(segment: &str) -> bool {
    let mut chars = segment.chars();
    while chars.any(|c| c == '\u{200D}') {
        if chars.clone().next().is_some_and(is_pictographic) {
            return true;
        }
    }
    false
}

/// An approximation of Extended_Pictographic good for what can follow a ZWJ in a word
/// segment, where the only alternative is an Extend or Format character: the emoji and
/// symbol blocks, less the format characters, combining marks and emoji modifiers in them.
fn is_pictographic(c: char) -> bool {
    matches!(c, '\u{A9}' | '\u{AE}' | '\u{203C}'..='\u{3299}' | '\u{1F000}'..='\u{1FFFF}')
        && !matches!(
            c,
            '\u{2060}'..='\u{206F}'
                | '\u{20D0}'..='\u{20FF}'
                | '\u{302A}'..='\u{302F}'
                | '\u{1F3FB}'..='\u{1F3FF}'
        )
        && !c.is_alphanumeric()
}

/// Whether `c` is a letter (L*), a letter number (Nl) or a decimal digit (Nd).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    in_ranges(&word_chars::WORD_CHAR_RANGES, c)
}

/// Whether `c` is a character outside L*, Nl and Nd that UAX #29 classes with letters and
/// digits (Word_Break ALetter, Hebrew_Letter, Numeric or Katakana): circled and squared
/// letters (`Ⓐ`), modifier symbols (`˂`), the Arabic decimal separator and number signs (`٫`,
/// U+0600), squared katakana (`㌀`). ICU gives a segment of them the status of a letter or a
/// number, so it is a word.
fn is_word_symbol(c: char) -> bool {
    !c.is_ascii() && in_ranges(&word_chars::WORD_SYMBOL_RANGES, c)
}

/// Whether `c` is a mark or a format character (Mn, Mc, Me, Cf).
pub(crate) fn is_mark(c: char) -> bool {
    !c.is_ascii() && in_ranges(&word_chars::MARK_RANGES, c)
}

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    // The last range whose start is <= c, if any, decides.
    let i = table.partition_point(|&(lo, _)| lo <= c);
    i > 0 && c <= table[i - 1].1
}

/// The term a word counts as: its full Unicode lowercase form, with `’` (U+2019) and `ʼ`
/// (U+02BC) folded to `'`, invisible format characters (soft hyphen, zero-width joiners and
/// spaces, word joiner, byte order mark) left out, and a final possessive `'s` removed.
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
    normalize_ascii_into(word, term);
}

/// [`normalize_into`], answering whether `word` was ASCII (then so is its term, which is its
/// own diacritic folding: the index skips folding it without looking at it again).
#[inline(always)]
pub(crate) fn normalize_ascii_into(word: &str, term: &mut String) -> bool {
    term.clear();
    let ascii = word.is_ascii();
    if ascii {
        term.push_str(word);
        term.make_ascii_lowercase();
    } else {
        // `str::to_lowercase` applies the full mapping, including the final-sigma rule.
        for c in word.to_lowercase().chars().filter(|&c| !is_invisible(c)) {
            term.push(fold_apostrophe(c));
        }
    }
    // "'s" is two bytes; keep a term that would otherwise be empty.
    if term.len() > 2 && term.ends_with("'s") {
        term.truncate(term.len() - 2);
    }
    ascii
}

/// Invisible format characters that text copied from the web carries inside words: the soft
/// hyphen (`sanc­tions`), zero-width joiners and spaces, the word joiner, the byte order
/// mark. They are kept in the text but not in the term, so `sanc­tions` counts as `sanctions`.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
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
    sentences_with_words(text, tokens(text).map(|t| t.start))
}

/// The number of sentences of `text` in which one of the word starts `starts` (increasing)
/// falls.
pub(crate) fn sentences_with_words(text: &str, starts: impl Iterator<Item = usize>) -> usize {
    sentence_first_words(text, starts).len()
}

/// The index of the first word of each sentence of `text` that holds a word, given the
/// words' starts `starts` (increasing byte offsets): increasing, from 0.
pub(crate) fn sentence_first_words(text: &str, starts: impl Iterator<Item = usize>) -> Vec<u32> {
    let mut starts = starts.peekable();
    let mut firsts = Vec::new();
    let mut word = 0u32;
    for end in sentence_ends(text) {
        let first = word;
        while starts.next_if(|&start| start < end).is_some() {
            word += 1;
        }
        if word > first {
            firsts.push(first);
        }
    }
    firsts
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
    t!(
        soft_hyphen_and_word_joiner_are_invisible_in_terms,
        "sanc\u{AD}tions Pu\u{2060}tin",
        ["sanctions", "putin"]
    );
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
    t!(
        abbreviation_keeps_its_inner_stops,
        "The U.S. said, e.g. so, U.S.A.",
        ["the", "u.s", "said", "e.g", "so", "u.s.a"]
    );
    t!(
        fullwidth_stop_joins_letters_and_digits,
        "a\u{FF0E}b 1\u{FF0E}2",
        ["a\u{FF0E}b", "1\u{FF0E}2"]
    );
    t!(
        stop_joins_letters_and_digits_not_one_with_the_other,
        "1a.b a1.2 a.1 1.a",
        ["1a.b", "a1.2", "a", "1", "1", "a"]
    );
    t!(stop_after_accent_mark, "e\u{301}.g", ["e\u{301}.g"]);
    t!(two_stops_split, "a..b a.:b a.", ["a", "b", "a", "b", "a"]);
    t!(
        colons_join_letters,
        "a:b a\u{FE55}b a\u{FF1A}b",
        ["a:b", "a\u{FE55}b", "a\u{FF1A}b"]
    );
    t!(
        colons_do_not_join_digits,
        "1:2 a:1 1:a",
        ["1", "2", "a", "1", "1", "a"]
    );
    t!(
        marks_after_a_colon_stay_in_the_word,
        "a:\u{301}\u{AD}b",
        ["a:\u{301}b"]
    );
    t!(
        digit_separators,
        "1,2 1;2 1'2 a,b a;b",
        ["1,2", "1;2", "1'2", "a", "b", "a", "b"]
    );
    t!(
        connector_does_not_take_a_stop,
        "_.a a._ _:a",
        ["a", "a", "a"]
    );
    t!(other_mid_letters_join, "l·l a’b", ["l·l", "a'b"]);
    t!(
        hyphen_splits,
        "nuclear-armed one-onone",
        ["nuclear", "armed", "one", "onone"]
    );
    t!(emoji_is_not_a_word, "I ❤️ 🦀 Rust 👍🏽", ["i", "rust"]);
    t!(emoji_between_letters, "a😀b", ["a", "b"]);
    t!(
        emoji_joined_to_a_word_by_zwj,
        "a\u{200D}🦀 b\u{200D}c É\u{200D}👩\u{200D}👧 d",
        ["bc", "d"]
    );
    t!(
        hebrew_quote_stays_before_hangul,
        "ק'한국어",
        ["ק'", "한국어"]
    );
    t!(
        format_mark_stays_with_the_letter_before_hangul,
        "Σ\u{2060}.한",
        ["σ", "한"]
    );
    t!(
        hangul_runs_do_not_join_across_punctuation,
        "한.한 한'한 한:한 한’한 한·한 한.\u{301}한",
        ["한", "한", "한", "한", "한", "한", "한", "한", "한", "한", "한", "한"]
    );
    t!(
        marks_end_a_hangul_run,
        "한\u{301}한 한\u{200D}한 한\u{301}.a.b 한\u{301}'a 한\u{301}_a",
        ["한", "한", "a.b", "a", "_a"]
    );
    t!(
        zwj_before_a_format_char_is_no_emoji_join,
        "x\u{200D}\u{2060}",
        ["x"]
    );
    t!(
        symbols_are_not_words,
        "½ x² $5 #tag @user",
        ["x", "5", "tag", "user"]
    );
    t!(
        symbols_classed_with_letters_are_words,
        "Ⓐ ˂ ¸ ٫ ㌀ \u{600} 🄰",
        ["ⓐ", "˂", "¸", "٫", "㌀", "\u{600}", "🄰"]
    );
    t!(
        cjk_ideographs,
        "日本語のテキスト",
        ["日", "本", "語", "の", "テキスト"]
    );
    t!(hangul, "한국어 텍스트", ["한국어", "텍스트"]);
    t!(
        hangul_or_connector_followed_by_marks_is_not_a_word,
        "한국어\u{AD} 한\u{AD}_ 한\u{AD}a a_\u{2060} b\u{AD}",
        ["a", "b"]
    );
    t!(
        hangul_meets_latin_and_digits,
        "한국어1st a한국어 한'a 한_a a__한",
        [
            "한국어",
            "1st",
            "a",
            "한국어",
            "한",
            "a",
            "한",
            "_a",
            "a__",
            "한"
        ]
    );
    t!(greek_final_sigma, "ΟΔΥΣΣΕΥΣ", ["οδυσσευς"]);
    t!(
        german_sharp_s_lowercase,
        "STRASSE Straße",
        ["strasse", "straße"]
    );
    t!(turkish_dotted_capital, "İstanbul", ["i\u{307}stanbul"]);
    t!(arabic_digits, "٣٤ كتاب", ["٣٤", "كتاب"]);
    t!(roman_numeral_letter_number, "Ⅻ", ["ⅻ"]);
    t!(underscore_joins, "snake_case _a", ["snake_case", "_a"]);
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
