//! Stop words by document language: each view that leaves out stop words applies each
//! document's own language's list, checked against a naive reference that rescans the texts.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use text_explorer::{
    CollocateOptions, CompareOptions, Corpus, KeynessOptions, NgramOptions, TermsOptions,
};

/// A French list and an English one that share no word but "a" (a stop word in both).
fn lists() -> [(&'static str, Vec<String>); 2] {
    let words = |w: &[&str]| w.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    [
        ("fr", words(&["le", "la", "de", "et", "a", "les", "L’"])),
        ("en", words(&["the", "of", "and", "a", "an"])),
    ]
}

fn corpus(texts: &[String], languages: &[Option<&str>]) -> Corpus {
    let mut corpus = common::corpus(texts);
    for (id, language) in languages.iter().enumerate() {
        corpus.set_language(id as u32, *language).unwrap();
    }
    for (language, words) in lists() {
        corpus.set_stop_words(language, Some(words)).unwrap();
    }
    corpus
}

/// The naive side: whether `term` is a stop word in a document of `language` (unknown:
/// English), from the lists as written, normalised one by one.
fn is_stop(language: Option<&str>, term: &str) -> bool {
    let language = language.unwrap_or("en");
    let listed = |term: &str| {
        lists()
            .iter()
            .filter(|(l, _)| *l == language)
            .any(|(_, words)| words.iter().any(|w| text_explorer::normalize(w) == term))
    };
    // An elided form (`l'`) is stopped by its listed word (`l`) where the language elides.
    let elided = term.strip_suffix('\'').filter(|word| {
        text_explorer::elided_words(language).is_some_and(|e| e.contains(word)) && listed(word)
    });
    listed(term) || elided.is_some()
}

/// Term → (count, documents), stop words of each document's language left out.
fn naive_terms(texts: &[String], languages: &[Option<&str>]) -> BTreeMap<String, (usize, usize)> {
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (text, &language) in texts.iter().zip(languages) {
        // Words as the document's language counts them (French splits elisions).
        let kept: Vec<String> = text_explorer::tokens_in(text, language)
            .map(|t| t.term())
            .filter(|t| !is_stop(language, t))
            .collect();
        for t in &kept {
            out.entry(t.clone()).or_default().0 += 1;
        }
        for t in kept.iter().collect::<BTreeSet<_>>() {
            out.get_mut(t).unwrap().1 += 1;
        }
    }
    out
}

#[test]
fn a_french_stop_word_is_left_out_of_a_french_document_and_counted_in_an_english_one() {
    let texts = [
        "Le chat et le chien de la maison.".to_string(),
        "The chat of the day: le menu, le vin.".to_string(),
    ];
    let c = corpus(&texts, &[Some("fr"), Some("en")]);
    let terms = c
        .terms(&TermsOptions {
            stopwords: false,
            ..Default::default()
        })
        .unwrap();
    let le = terms
        .iter()
        .find(|t| t.term == "le")
        .expect("le is counted");
    // Twice in the English text, not at all from the French one (where it is said twice).
    assert_eq!((le.count, le.docs), (2, 1));
    assert!(!terms.iter().any(|t| t.term == "the" || t.term == "de"));
    let chat = terms.iter().find(|t| t.term == "chat").unwrap();
    assert_eq!((chat.count, chat.docs), (2, 2));
    // With stop words kept, `le` counts all four.
    let all = c.terms(&TermsOptions::default()).unwrap();
    assert_eq!(all.iter().find(|t| t.term == "le").unwrap().count, 4);
    // One document as the scope: its own list.
    let fr = c
        .terms(&TermsOptions {
            doc: Some(0),
            stopwords: false,
            ..Default::default()
        })
        .unwrap();
    assert!(!fr.iter().any(|t| t.term == "le"));

    // Compare: `le` is shared when stop words are kept, only the English text's otherwise.
    let cmp = c.compare(0, 1, &CompareOptions::default()).unwrap();
    let only_b: Vec<_> = cmp.only_b.iter().map(|t| (t.term, t.a, t.b)).collect();
    assert!(only_b.contains(&("le", 0, 2)), "{only_b:?}");
    assert!(!cmp.shared.iter().any(|t| t.term == "le"));
    // Keyness: the French document's `le` is not counted, the English one's is.
    let key = c
        .keyness(&KeynessOptions {
            target: vec![1],
            stopwords: false,
            ..Default::default()
        })
        .unwrap();
    let row = key.over.iter().chain(&key.under).find(|k| k.term == "le");
    let row = row.expect("le has a keyness row");
    assert_eq!((row.target, row.reference), (2, 0));
    // Collocates of "chat": `le` only as the English text's collocate ("le menu", within 5
    // words; not the French "Le chat"), and its frequency counts the English text's two.
    let found = c
        .collocates(
            "chat",
            &CollocateOptions {
                min_count: 1,
                stopwords: false,
                // `le` is seen there less often than expected: listed only with the others.
                positive_only: false,
                ..Default::default()
            },
        )
        .unwrap();
    let le = found.rows.iter().find(|r| r.term == "le").unwrap();
    assert_eq!((le.observed, le.count), (1, 2));
}

#[test]
fn a_document_of_unknown_language_uses_the_english_list() {
    let texts = ["The cat and the hat.".to_string()];
    let c = corpus(&texts, &[None]);
    let terms = c
        .terms(&TermsOptions {
            stopwords: false,
            ..Default::default()
        })
        .unwrap();
    let got: Vec<_> = terms.iter().map(|t| t.term).collect();
    assert_eq!(got, ["cat", "hat"]);
    // A language without a list leaves nothing out.
    let mut c = common::corpus(&texts);
    c.set_language(0, Some("de")).unwrap();
    let terms = c
        .terms(&TermsOptions {
            stopwords: false,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(terms.len(), 4);
}

const WORDS: &[&str] = &[
    "le",
    "la",
    "de",
    "the",
    "of",
    "a",
    "chat",
    "cat",
    "l’été",
    "Le",
    "dog",
    "vin",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..30).prop_map(|w| w.join(" "))
}

fn language() -> impl Strategy<Value = Option<&'static str>> {
    prop::sample::select(vec![None, Some("en"), Some("fr"), Some("de")])
}

/// The naive phrases: every run of 2 to 4 terms whose first and last are not stop words in
/// the document's language, seen at least twice: phrase → (count, documents).
fn naive_phrases(texts: &[String], languages: &[Option<&str>]) -> BTreeMap<String, (usize, usize)> {
    let mut out: BTreeMap<String, (usize, BTreeSet<usize>)> = BTreeMap::new();
    for (d, (text, &language)) in texts.iter().zip(languages).enumerate() {
        let terms: Vec<String> = text_explorer::tokens_in(text, language)
            .map(|t| t.term())
            .collect();
        for n in 2..=4 {
            for w in terms.windows(n) {
                if is_stop(language, &w[0]) || is_stop(language, &w[n - 1]) {
                    continue;
                }
                let e = out.entry(w.join(" ")).or_default();
                e.0 += 1;
                e.1.insert(d);
            }
        }
    }
    out.into_iter()
        .filter(|(_, (count, _))| *count >= 2)
        .map(|(k, (count, docs))| (k, (count, docs.len())))
        .collect()
}

proptest! {
    #[test]
    fn terms_and_phrases_equal_the_naive_count_per_language(
        docs in prop::collection::vec((text(), language()), 1..5)
    ) {
        let texts: Vec<String> = docs.iter().map(|(t, _)| t.clone()).collect();
        let languages: Vec<Option<&str>> = docs.iter().map(|(_, l)| *l).collect();
        let c = corpus(&texts, &languages);
        let got: BTreeMap<String, (usize, usize)> = c
            .terms(&TermsOptions { stopwords: false, ..Default::default() })
            .unwrap()
            .iter()
            .map(|t| (t.term.to_string(), (t.count, t.docs)))
            .collect();
        prop_assert_eq!(got, naive_terms(&texts, &languages));

        let phrases: BTreeMap<String, (usize, usize)> = c
            .ngrams(&NgramOptions { max_length: 4, trim_stopwords: true, ..Default::default() })
            .unwrap()
            .iter()
            .map(|g| (g.terms.join(" "), (g.count, g.docs)))
            .collect();
        prop_assert_eq!(phrases, naive_phrases(&texts, &languages));
    }
}

/// In French, whose documents count `l’été` as `l’` + `été`, a listed elided word stops its
/// elided form too, and a listed contraction its elided word; in English neither.
#[test]
fn elided_forms_are_stopped_with_their_words_in_french() {
    let mut corpus = Corpus::new();
    let fr = corpus
        .add_in("fr", "L’été, d'un jour, l'ami.".into(), Some("fr"))
        .unwrap();
    let en = corpus
        .add_in("en", "L’été, d'un jour, l'ami.".into(), Some("en"))
        .unwrap();
    let words = |w: &[&str]| Some(w.iter().map(|w| w.to_string()).collect::<Vec<_>>());
    corpus.set_stop_words("fr", words(&["l", "d'un"])).unwrap();
    corpus.set_stop_words("en", words(&["l", "d'un"])).unwrap();
    let left = |doc| {
        let options = TermsOptions {
            doc: Some(doc),
            stopwords: false,
            ..Default::default()
        };
        let mut terms: Vec<String> = corpus
            .terms(&options)
            .unwrap()
            .iter()
            .map(|t| t.term.to_string())
            .collect();
        terms.sort();
        terms
    };
    // `d'un` stops `d'`, not `un` (which is not listed on its own).
    assert_eq!(left(fr), ["ami", "jour", "un", "été"]);
    assert_eq!(left(en), ["jour", "l'ami", "l'été"]);
}
