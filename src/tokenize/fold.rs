//! Diacritic folding, an option of the corpus ([`crate::Corpus::set_folding`]): the rule is
//! [`fold`]'s; its two tables are generated (`fold_marks.rs`).

use std::borrow::Cow;

use super::fold_marks::{FOLDED_LETTERS, FOLDED_MARKS};
use super::in_ranges;

/// Whether diacritic folding removes `c` (see [`fold`]).
pub fn is_folded_mark(c: char) -> bool {
    c >= '\u{0300}' && in_ranges(&FOLDED_MARKS, c)
}

/// What diacritic folding writes `c` as, if it changes it: a letter without its marks.
fn folded_letter(c: char) -> Option<char> {
    if c < '\u{00C0}' {
        return None;
    }
    let c = c as u32;
    let i = FOLDED_LETTERS
        .binary_search_by_key(&c, |&(from, _)| from)
        .ok()?;
    char::from_u32(FOLDED_LETTERS[i].1)
}

/// A term (or a word as written: case is kept) with its diacritics folded, as a corpus that
/// folds them ([`crate::Corpus::set_folding`]) counts it: `Zürich` and `Zurich` are one
/// term, `zurich`. ASCII, and any text with nothing to fold, is returned as it is.
///
/// The rule, applied to each character of a term (after [`crate::normalize`]):
/// - a nonspacing mark (General_Category Mn) of the generic combining diacritics or of the
///   Cyrillic, Hebrew and Arabic blocks (`FOLDED_MARKS`: accents, cedillas, ogoneks, Greek
///   tonos and breathings, Hebrew points, Arabic harakat, hamza and madda) is removed;
/// - a letter whose Unicode canonical decomposition (NFD) holds such a mark is replaced by
///   that decomposition without those marks, composed again (NFC): `ü` (`u` + U+0308) is
///   `u`, `ệ` is `e`, `أ` (`ا` + U+0654) is `ا`, `й` (`и` + U+0306) is `и`;
/// - the letters with a stroke, which no decomposition separates, lose it: `ø ł đ ħ ŧ` (and
///   capitals) are `o l d h t`;
/// - every other character stays as it is.
///
/// So the marks of other scripts stay, where they write vowels or consonants (Devanagari
/// `हिंदी`, Thai, Tibetan), and so do the Japanese voiced sound marks (`が` is `か` + U+3099,
/// another syllable); Hangul, which decomposes into jamo (letters, not marks), is not touched.
/// Letters that are not a base letter and a mark stay too: `ß`, `æ`, `œ`, `þ`, `ð`, `ı`.
///
/// The letters and what they fold to are a table (`FOLDED_LETTERS`, 898 letters),
/// generated with the marks by `scripts/gen-fold-marks.mjs` from Node's Unicode tables and
/// checked against the `unicode-normalization` crate (`tests/folding.rs`): the engine needs
/// no normaliser, which would cost 62 KB of gzipped wasm as a crate, or a call into
/// JavaScript per term as the platform's `String.prototype.normalize`.
///
/// ```
/// use text_explorer::tokenize::fold;
/// assert_eq!(fold("zürich"), "zurich");
/// assert_eq!(fold("Déjà"), "Deja");
/// assert_eq!(fold("zu\u{308}rich"), "zurich");
/// assert_eq!(fold("łódź"), "lodz");
/// assert_eq!(fold("straße"), "straße");
/// assert_eq!(fold("한국어"), "한국어");
/// assert_eq!(fold("がっこう"), "がっこう");
/// ```
pub fn fold(term: &str) -> Cow<'_, str> {
    if term.is_ascii() {
        return Cow::Borrowed(term);
    }
    let Some(first) = term
        .char_indices()
        .position(|(_, c)| is_folded_mark(c) || folded_letter(c).is_some())
    else {
        return Cow::Borrowed(term);
    };
    let mut out = String::with_capacity(term.len());
    for (i, c) in term.chars().enumerate() {
        if i < first {
            out.push(c);
        } else if let Some(letter) = folded_letter(c) {
            out.push(letter);
        } else if !is_folded_mark(c) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! f {
        ($name:ident, $term:expr, $folded:expr) => {
            #[test]
            fn $name() {
                assert_eq!(fold($term), $folded);
            }
        };
    }

    f!(umlaut, "zürich", "zurich");
    f!(french_accents, "déjà", "deja");
    f!(cedilla_and_ligature, "garçon cœur", "garcon cœur");
    f!(mark_written_apart, "zu\u{308}rich", "zurich");
    f!(vietnamese_two_marks, "việt", "viet");
    f!(
        stroked_letters,
        "københavn łódź đak ħ ŧ",
        "kobenhavn lodz dak h t"
    );
    f!(capitals_kept, "ÉTÉ Øresund", "ETE Oresund");
    f!(sharp_s_has_no_decomposition, "straße", "straße");
    f!(ash_thorn_eth_dotless_i, "æþðı", "æþðı");
    f!(greek_tonos_and_dialytika, "ελληνικά ϊ", "ελληνικα ι");
    f!(cyrillic_short_i_and_yo, "йёж", "иеж");
    f!(arabic_harakat, "مُحَمَّد", "محمد");
    f!(arabic_hamza_and_madda, "أإآؤئ", "اااوي");
    f!(hebrew_points, "שָׁלוֹם", "שלום");
    f!(hangul_untouched, "한국어", "한국어");
    f!(hangul_beside_a_mark, "한é", "한e");
    f!(kana_voiced_marks_stay, "がぱ", "がぱ");
    f!(kana_beside_a_mark, "がé", "がe");
    f!(devanagari_marks_stay, "हिंदी", "हिंदी");
    f!(thai_marks_stay, "ภาษาไทย", "ภาษาไทย");
    f!(compatibility_ideograph_untouched, "\u{2F800}", "\u{2F800}");
    f!(ascii, "plain", "plain");

    #[test]
    fn nothing_to_remove_borrows() {
        assert!(matches!(fold("日本語"), Cow::Borrowed(_)));
        assert!(matches!(fold("abc"), Cow::Borrowed(_)));
    }

    #[test]
    fn folding_is_idempotent_on_samples() {
        for term in [
            "zürich",
            "ἄνθρωπος",
            "مُحَمَّد",
            "ǅ",
            "ḗ",
            "한é",
            "a\u{301}\u{302}",
        ] {
            let once = fold(term).into_owned();
            assert_eq!(fold(&once), once, "{term}");
        }
    }
}
