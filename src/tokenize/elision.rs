//! Elisions: in French, Italian and Catalan an article, pronoun or conjunction written before
//! a vowel loses its vowel to an apostrophe and is written onto the next word (`l’été`,
//! `d’un`, `qu’il`, `dell’anno`). UAX #29 keeps such a word whole (WB6/WB7); in a document
//! in one of those languages it counts as two words, the elided word and the word, as
//! Lucene's `ElisionFilter` reads it (which drops the elided word; we keep it, so that
//! concordances and counts still see every word of the text).

use super::{is_word_like, tokens, Token, Tokens};

/// Lucene's default elided words for French (`FrenchAnalyzer.DEFAULT_ARTICLES`).
const FRENCH: &[&str] = &[
    "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
];

/// Lucene's default elided words for Italian (`ItalianAnalyzer.DEFAULT_ARTICLES`).
const ITALIAN: &[&str] = &[
    "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl",
    "negl", "sugl", "un", "m", "t", "s", "v", "d",
];

/// Lucene's default elided words for Catalan (`CatalanAnalyzer.DEFAULT_ARTICLES`).
const CATALAN: &[&str] = &["d", "l", "m", "n", "s", "t"];

/// The words that `language` elides, or `None` if it elides none that we split.
///
/// `language` is a language tag whose primary subtag is an ISO 639-1 code, in any case:
/// `fr`, `it` and `ca` (also `fr-CA`, `IT`, `ca_ES`) have elisions; every other tag has
/// none.
pub fn elided_words(language: &str) -> Option<&'static [&'static str]> {
    let primary = language.split(['-', '_']).next().unwrap_or(language);
    if primary.eq_ignore_ascii_case("fr") {
        Some(FRENCH)
    } else if primary.eq_ignore_ascii_case("it") {
        Some(ITALIAN)
    } else if primary.eq_ignore_ascii_case("ca") {
        Some(CATALAN)
    } else {
        None
    }
}

/// The words of `text` in a document written in `language`: the words of [`tokens`], with
/// each elision split in two where the language has elisions (see [`elided_words`]).
///
/// A word is split after its first apostrophe (`'` or `’`, with any marks that follow it)
/// when what comes before it is one of the language's elided words, in any case: `L’été`
/// is the words `L’` and `été` (terms `l'` and `été`). `None`, or a language without
/// elisions, gives exactly the words of [`tokens`].
///
/// ```
/// use text_explorer::tokens_in;
/// let words: Vec<_> = tokens_in("L’été qu’il aujourd’hui", Some("fr")).map(|t| t.text).collect();
/// assert_eq!(words, ["L’", "été", "qu’", "il", "aujourd’hui"]);
/// let terms: Vec<_> = tokens_in("L’été", Some("fr")).map(|t| t.term()).collect();
/// assert_eq!(terms, ["l'", "été"]);
/// assert_eq!(tokens_in("L’été", None).count(), 1);
/// ```
pub fn tokens_in<'a>(text: &'a str, language: Option<&str>) -> TokensIn<'a> {
    TokensIn {
        tokens: tokens(text),
        elided: language.and_then(elided_words).unwrap_or(&[]),
        word: None,
    }
}

/// Iterator over the words of a text in a language, made by [`tokens_in`].
#[derive(Clone, Debug)]
pub struct TokensIn<'a> {
    tokens: Tokens<'a>,
    /// The language's elided words (empty: none).
    elided: &'static [&'static str],
    /// The word after an elided word just given.
    word: Option<Token<'a>>,
}

impl<'a> Iterator for TokensIn<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(word) = self.word.take() {
            return Some(word);
        }
        let token = self.tokens.next()?;
        if self.elided.is_empty() {
            return Some(token);
        }
        match split_elision(token, self.elided) {
            Some((elided, word)) => {
                self.word = Some(word);
                Some(elided)
            }
            None => Some(token),
        }
    }
}

/// The elided word and the word of `token`, if it is an elision: its first apostrophe
/// follows one of `elided` (in any case) and a word follows the apostrophe.
fn split_elision<'a>(token: Token<'a>, elided: &[&str]) -> Option<(Token<'a>, Token<'a>)> {
    let text = token.text;
    let apostrophe = text.find(['\'', '\u{2019}'])?;
    let before = &text[..apostrophe];
    if !elided.iter().any(|e| e.eq_ignore_ascii_case(before)) {
        return None;
    }
    // The apostrophe takes the Extend and Format marks after it along (WB4), as the word
    // before it would; what follows them is the word.
    let after = apostrophe + text[apostrophe..].chars().next()?.len_utf8();
    let at = after + text[after..].find(|c: char| !super::is_mark(c))?;
    let word = &text[at..];
    if !is_word_like(word) {
        return None;
    }
    Some((
        Token {
            start: token.start,
            end: token.start + at,
            text: &text[..at],
        },
        Token {
            start: token.start + at,
            end: token.end,
            text: word,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(text: &'a str, language: Option<&str>) -> Vec<&'a str> {
        tokens_in(text, language).map(|t| t.text).collect()
    }

    fn terms(text: &str, language: Option<&str>) -> Vec<String> {
        tokens_in(text, language).map(|t| t.term()).collect()
    }

    macro_rules! t {
        ($name:ident, $language:expr, $text:expr, [$($word:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let expected: Vec<&str> = vec![$($word),*];
                assert_eq!(words($text, $language), expected, "words of {:?}", $text);
            }
        };
    }

    t!(
        french_articles_and_conjunctions,
        Some("fr"),
        "l’été d’un qu’il j'ai c’est n’a s’il m’a t’es",
        [
            "l’", "été", "d’", "un", "qu’", "il", "j'", "ai", "c’", "est", "n’", "a", "s’", "il",
            "m’", "a", "t’", "es"
        ]
    );
    t!(
        french_long_conjunctions,
        Some("fr"),
        "jusqu’à lorsqu’on puisqu’elle quoiqu’il",
        [
            "jusqu’",
            "à",
            "lorsqu’",
            "on",
            "puisqu’",
            "elle",
            "quoiqu’",
            "il"
        ]
    );
    t!(
        french_words_with_an_apostrophe_that_are_not_elisions,
        Some("fr"),
        "aujourd’hui prud’homme presqu’île entr’ouvert",
        ["aujourd’hui", "prud’homme", "presqu’île", "entr’ouvert"]
    );
    t!(
        only_the_first_apostrophe,
        Some("fr"),
        "qu’aujourd’hui l’aujourd’hui d’l’x",
        ["qu’", "aujourd’hui", "l’", "aujourd’hui", "d’", "l’x"]
    );
    t!(
        any_case,
        Some("fr"),
        "L’État QU’IL Qu'Il",
        ["L’", "État", "QU’", "IL", "Qu'", "Il"]
    );
    t!(
        italian_articles_and_prepositions,
        Some("it"),
        "l’anno dell’anno all'alba nell’acqua sull’erba un’amica gl’italiani c’è v’era po’ quest’anno",
        ["l’", "anno", "dell’", "anno", "all'", "alba", "nell’", "acqua", "sull’", "erba", "un’", "amica", "gl’", "italiani", "c’", "è", "v’", "era", "po", "quest’anno"]
    );
    t!(
        catalan_articles,
        Some("ca"),
        "l’home d’aquí m’agrada s’ha t’estimo n’hi qu’ell",
        [
            "l’", "home", "d’", "aquí", "m’", "agrada", "s’", "ha", "t’", "estimo", "n’", "hi",
            "qu’ell"
        ]
    );
    t!(
        each_language_its_own_set,
        Some("ca"),
        "dell’anno jusqu’à",
        ["dell’anno", "jusqu’à"]
    );
    t!(
        other_languages_keep_the_word_whole,
        Some("en"),
        "l’été can't o'clock",
        ["l’été", "can't", "o'clock"]
    );
    t!(no_language, None, "l’été d’un", ["l’été", "d’un"]);
    t!(
        region_subtags_and_case,
        Some("FR-ca"),
        "l’été",
        ["l’", "été"]
    );
    t!(
        other_apostrophe_look_alikes_do_not_elide,
        Some("fr"),
        "lʼété l‘été",
        ["lʼété", "l‘été"]
    );
    t!(
        marks_after_the_apostrophe_stay_with_it,
        Some("fr"),
        "l’\u{301}été l\u{301}’été",
        ["l’\u{301}", "été", "l\u{301}’été"]
    );
    t!(
        a_digit_after_the_apostrophe_is_another_word_already,
        Some("fr"),
        "l’\u{24B6} l'1",
        ["l’", "\u{24B6}", "l", "1"]
    );

    #[test]
    fn terms_fold_the_apostrophe_and_lowercase() {
        assert_eq!(terms("L’État", Some("fr")), ["l'", "état"]);
        assert_eq!(terms("qu'il", Some("fr")), ["qu'", "il"]);
        assert_eq!(terms("Dell’Anno", Some("it")), ["dell'", "anno"]);
    }

    #[test]
    fn spans_are_byte_offsets_into_the_source() {
        let text = "« L’été », dit-il, d'un ton.";
        let words: Vec<_> = tokens_in(text, Some("fr")).collect();
        for t in &words {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        let spans: Vec<_> = words.iter().map(|t| (t.start, t.end)).collect();
        // « is two bytes, ’ three, é two.
        assert_eq!(
            spans,
            [
                (3, 7),
                (7, 12),
                (17, 20),
                (21, 23),
                (25, 27),
                (27, 29),
                (30, 33)
            ]
        );
    }

    #[test]
    fn language_tags() {
        assert_eq!(elided_words("fr"), Some(FRENCH));
        assert_eq!(elided_words("fr-BE"), Some(FRENCH));
        assert_eq!(elided_words("It"), Some(ITALIAN));
        assert_eq!(elided_words("ca_ES"), Some(CATALAN));
        for other in ["", "en", "de", "fra", "french", "f", "-fr", "frr", "oc"] {
            assert_eq!(elided_words(other), None, "{other:?}");
        }
    }
}
