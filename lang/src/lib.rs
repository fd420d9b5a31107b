//! Languages for Text Explorer: which language a text is in (`whatlang`, trigram-based, 70
//! languages), and the Snowball stemmer of a language (`rust-stemmers`, 17 languages), for
//! `~word` queries.
//!
//! Kept apart from the engine so that the first-render download does not carry them (about
//! 130 KB of gzipped wasm together): the page loads this module when a text's language must
//! be detected or a `~word` query is first stemmed. Native builds of the engine link it.
//!
//! ```
//! use text_explorer_lang::{detect, stem};
//! let text = "Le petit prince s'assit sur une pierre et leva les yeux vers le ciel.";
//! assert_eq!(detect(text), Some("fr"));
//! assert_eq!(stem("fr", "continuellement").as_deref(), Some("continuel"));
//! assert_eq!(stem("xx", "anything"), None);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use rust_stemmers::{Algorithm, Stemmer};
use whatlang::Lang;

/// At most this many bytes of a text are read to detect its language: a longer text is
/// sampled in three pieces of a third of it each, from a quarter, a half and three quarters
/// of the way in (a book's front matter, often in another language, is left out).
pub const SAMPLE_BYTES: usize = 6_000;

/// The language of `text`: an ISO 639-1 code (`"fr"`), or ISO 639-3 for the languages
/// without one; `None` when whatlang finds the text too short or too ambiguous to say
/// (its confidence is not above its "reliable" threshold).
pub fn detect(text: &str) -> Option<&'static str> {
    let sample = sample(text);
    let info = whatlang::detect(&sample)?;
    info.is_reliable().then(|| iso_639_1(info.lang()))
}

/// The codes [`detect`] can give: one per language whatlang tells apart.
pub fn languages() -> impl Iterator<Item = &'static str> {
    Lang::all().iter().map(|&lang| iso_639_1(lang))
}

/// The part of `text` that [`detect`] reads (see [`SAMPLE_BYTES`]).
pub fn sample(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= SAMPLE_BYTES {
        return text.into();
    }
    let piece = SAMPLE_BYTES / 3;
    let mut out = String::with_capacity(SAMPLE_BYTES + 2);
    for quarter in 1..=3 {
        let start = floor_boundary(text, text.len() / 4 * quarter - piece / 2);
        let end = floor_boundary(text, start + piece);
        out.push_str(&text[start..end]);
        out.push('\n');
    }
    out.into()
}

/// The largest character boundary of `text` at or before byte `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The ISO 639-1 code of a whatlang language, or its ISO 639-3 code when it has none.
/// Mandarin (`cmn`) is `zh` and Iranian Persian (`pes`) is `fa`: the codes of their
/// macrolanguages, which is what a page's `lang` and the stop-word lists use.
pub fn iso_639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

/// The Snowball stemmer of a language (ISO 639-1 code), if rust-stemmers has one: Arabic,
/// Danish, Dutch, English (Porter2), French, German, Greek, Hungarian, Italian, Norwegian
/// (`no`, `nb`, `nn`), Portuguese, Romanian, Russian, Spanish, Swedish, Tamil, Turkish.
pub fn stemmer(language: &str) -> Option<Stemmer> {
    let algorithm = match language {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// The stem of `word` (lowercase) in `language`; `None` when the language has no stemmer.
///
/// In Russian, ё is read as е first, as Snowball's Russian stemmer does since 2.0
/// (rust-stemmers 1.2 predates it): `актёр` → `актер`.
pub fn stem(language: &str, word: &str) -> Option<String> {
    stems(language, &[word]).map(|mut one| one.remove(0))
}

/// The stems of `words` in `language`, one per word (see [`stem`]); `None` when the language
/// has no stemmer.
pub fn stems<S: AsRef<str>>(language: &str, words: &[S]) -> Option<Vec<String>> {
    let stemmer = stemmer(language)?;
    let russian = language == "ru";
    Some(
        words
            .iter()
            .map(|w| match w.as_ref() {
                w if russian && w.contains('ё') => stemmer.stem(&w.replace('ё', "е")).into_owned(),
                w => stemmer.stem(w).into_owned(),
            })
            .collect(),
    )
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// The language of `text` (ISO 639-1), or `undefined` when it cannot be told.
    #[wasm_bindgen]
    pub fn detect(text: &str) -> Option<String> {
        super::detect(text).map(str::to_string)
    }

    /// The codes `detect` can give.
    #[wasm_bindgen]
    pub fn languages() -> Vec<String> {
        super::languages().map(str::to_string).collect()
    }

    /// The stems of `words` (a word a line) in `language`, a stem a line, or `undefined` when
    /// it has no stemmer. One string each way: an engine's vocabulary is tens of thousands of
    /// words.
    #[wasm_bindgen]
    pub fn stems(language: &str, words: &str) -> Option<String> {
        let words: Vec<&str> = words.split('\n').collect();
        super::stems(language, &words).map(|stems| stems.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_a_code_of_its_own() {
        let codes: std::collections::HashSet<&str> = languages().collect();
        assert_eq!(codes.len(), Lang::all().len());
        assert_eq!(codes.len(), 70);
    }

    #[test]
    fn every_language_maps_to_the_639_1_code_of_an_independent_table() {
        for &lang in Lang::all() {
            let code = iso_639_1(lang);
            let table = isolang::Language::from_639_3(lang.code())
                .unwrap_or_else(|| panic!("isolang has no {}", lang.code()));
            match table.to_639_1() {
                Some(expected) => assert_eq!(code, expected, "{}", lang.code()),
                // Individual languages of a macrolanguage: the macrolanguage's code.
                None => assert_eq!(
                    (lang.code(), code),
                    match lang.code() {
                        "cmn" => ("cmn", "zh"),
                        "pes" => ("pes", "fa"),
                        other => panic!("{other} has no 639-1 code in isolang but maps to {code}"),
                    }
                ),
            }
        }
    }
}

#[cfg(test)]
mod detection {
    use super::*;

    macro_rules! d {
        ($name:ident, $text:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(detect($text), $expected);
            }
        };
    }

    d!(
        french,
        "Il était une fois, dans un petit village au bord de la mer, une vieille femme qui vivait seule avec son chat.",
        Some("fr")
    );
    d!(
        german,
        "Es war einmal ein kleines Mädchen, das wohnte mit seiner Mutter in einem Häuschen am Rande des großen Waldes.",
        Some("de")
    );
    d!(
        spanish,
        "En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho tiempo que vivía un hidalgo.",
        Some("es")
    );
    d!(
        russian,
        "Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему. Всё смешалось в доме Облонских. Жена узнала, что муж был в связи с бывшею в их доме француженкою-гувернанткой.",
        Some("ru")
    );
    // whatlang's best guess for this one sentence is Bulgarian, with a confidence of 0.16:
    // unknown rather than wrong.
    d!(
        one_russian_sentence_is_too_ambiguous,
        "Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему.",
        None
    );
    d!(four_french_words_are_too_few, "Bonjour tout le monde", None);
    d!(
        english,
        "The committee said on Tuesday that the new sanctions would take effect at the start of next month.",
        Some("en")
    );
    d!(
        chinese,
        "中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。",
        Some("zh")
    );
    d!(one_word_is_too_short, "Hello", None);
    d!(numbers_have_no_language, "12 345 678, 9.10", None);

    #[test]
    fn a_long_text_is_read_in_three_pieces_from_its_middle_part() {
        // English front matter, then French: the sample leaves the front matter out.
        let text = "The Project Gutenberg eBook of a French novel. ".repeat(40)
            + &"Il était une fois une vieille femme qui vivait seule au bord de la mer. "
                .repeat(400);
        let sample = sample(&text);
        assert!(sample.len() <= SAMPLE_BYTES + 3, "{}", sample.len());
        assert_eq!(sample.lines().count(), 3);
        assert!(!sample.contains("Gutenberg"));
        assert_eq!(detect(&text), Some("fr"));
        let short = "Un texte court.";
        assert_eq!(super::sample(short), short);
    }

    #[test]
    fn the_sample_cuts_on_character_boundaries() {
        for len in [SAMPLE_BYTES + 1, SAMPLE_BYTES + 2, 3 * SAMPLE_BYTES + 5] {
            let text: String = "é日😀a".chars().cycle().take(len).collect();
            assert!(sample(&text).len() <= SAMPLE_BYTES + 3);
        }
    }
}
