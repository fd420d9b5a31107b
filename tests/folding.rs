//! Diacritic folding (`Corpus::set_folding`): counting, every kind of query, stop words,
//! stems, the scripts it must leave alone, and switching it on and off in place; with
//! property tests against a naive reference (the texts' terms, folded one by one).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::keywords;

use std::collections::BTreeMap;

use proptest::prelude::*;
use text_explorer::engine::Engine;
use text_explorer::protocol::{NewDocument, Request, Response};
use text_explorer::tokenize::is_folded_mark;
use text_explorer::{
    fold, tokens, CollocateOptions, CompareOptions, Corpus, DispersionOptions, KeynessOptions,
    KwicOptions, NgramOptions, TermsOptions,
};

const ZURICH: &str = "Zürich is not Zurich; ZURICH and Zu\u{308}rich. Déjà vu, deja vu.";

fn folded(texts: &[&str]) -> Corpus {
    let mut corpus = common::corpus(texts);
    corpus.set_folding(true).unwrap();
    corpus
}

fn counts(corpus: &Corpus) -> BTreeMap<String, usize> {
    corpus
        .terms(&TermsOptions::default())
        .unwrap()
        .into_iter()
        .map(|t| (t.term.to_string(), t.count))
        .collect()
}

const ALL_FOUR: [&str; 4] = ["Zürich", "Zurich", "ZURICH", "Zu\u{308}rich"];

#[test]
fn folded_terms_count_as_one_shown_folded() {
    let counts = counts(&folded(&[ZURICH]));
    assert_eq!(counts["zurich"], 4);
    assert_eq!(counts["deja"], 2);
    assert!(!counts.contains_key("zürich") && !counts.contains_key("déjà"));
    // Off (the default), the forms are apart: precomposed and combining ü are two terms.
    let apart = self::counts(&common::corpus(&[ZURICH]));
    assert_eq!(apart["zurich"], 2);
    assert_eq!(apart["zürich"], 1);
    assert_eq!(apart["zu\u{308}rich"], 1);
}

#[test]
fn words_with_or_without_accents_find_every_form() {
    let corpus = folded(&[ZURICH]);
    for query in ["zurich", "zürich", "ZÜRICH", "zu\u{308}rich"] {
        assert_eq!(keywords(&corpus, query, false), ALL_FOUR, "{query}");
    }
    assert_eq!(keywords(&corpus, "déjà", false), ["Déjà", "deja"]);
    assert_eq!(
        keywords(&common::corpus(&[ZURICH]), "déjà", false),
        ["Déjà"]
    );
}

#[test]
fn wildcards_regular_expressions_and_phrases_are_folded() {
    let corpus = folded(&[ZURICH]);
    assert_eq!(keywords(&corpus, "zür*", false), ALL_FOUR);
    assert_eq!(keywords(&corpus, "*ürich", false), ALL_FOUR);
    assert_eq!(keywords(&corpus, "/zür(ich)?/", false), ALL_FOUR);
    // The regular expression is matched on the folded terms: `ü` in the text is `u` there.
    assert_eq!(keywords(&corpus, "/z[u]rich/", false), ALL_FOUR);
    assert_eq!(
        keywords(&corpus, "\"déjà vu\"", false),
        ["Déjà vu", "deja vu"]
    );
    assert_eq!(keywords(&corpus, "vu NEAR/1 déja", false), ["vu", "vu"]);
    assert!(keywords(&common::corpus(&[ZURICH]), "/z[u]rich/", false).len() == 2);
}

#[test]
fn case_sensitive_queries_fold_but_keep_case() {
    let corpus = folded(&[ZURICH]);
    assert_eq!(
        keywords(&corpus, "Zurich", true),
        ["Zürich", "Zurich", "Zu\u{308}rich"]
    );
    assert_eq!(keywords(&corpus, "ZÜR*", true), ["ZURICH"]);
    assert_eq!(keywords(&corpus, "déjà", true), ["deja"]);
}

#[test]
fn stop_words_are_folded_as_terms_are() {
    let mut corpus = common::corpus(&["Déjà vu, deja vu et déjà."]);
    corpus.set_language(0, Some("fr")).unwrap();
    corpus
        .set_stop_words("fr", Some(vec!["déjà".into(), "et".into()]))
        .unwrap();
    let options = TermsOptions {
        stopwords: false,
        ..Default::default()
    };
    let left = |c: &Corpus| -> Vec<String> {
        c.terms(&options)
            .unwrap()
            .iter()
            .map(|t| t.term.to_string())
            .collect()
    };
    assert_eq!(left(&corpus), ["vu", "deja"]);
    corpus.set_folding(true).unwrap();
    assert_eq!(left(&corpus), ["vu"]);
    // A list written without accents stops the accented words too.
    corpus
        .set_stop_words("fr", Some(vec!["deja".into()]))
        .unwrap();
    assert_eq!(left(&corpus), ["vu", "et"]);
}

#[test]
fn word_forms_stem_the_words_as_written_then_fold() {
    let text = "Elle aborda la côte. Ils abordèrent, abordée, aborder. Un abord.";
    let mut corpus = common::corpus(&[text]);
    corpus.set_language(0, Some("fr")).unwrap();
    let unfolded = keywords(&corpus, "~abordée", false);
    assert_eq!(
        unfolded,
        ["aborda", "abordèrent", "abordée", "aborder", "abord"]
    );
    corpus.set_folding(true).unwrap();
    assert_eq!(keywords(&corpus, "~abordée", false), unfolded);
    // Typed without its accents, the word stands for the corpus's `abordée`.
    assert_eq!(keywords(&corpus, "~abordee", false), unfolded);
    // Stemming the folded words would have lost these: `abordee` stems to `aborde`.
    assert_eq!(text_explorer_lang::stem("fr", "abordee").unwrap(), "aborde");
    assert_eq!(text_explorer_lang::stem("fr", "abordée").unwrap(), "abord");
    // `~déjà` finds `deja` and `déjà`.
    let corpus = {
        let mut c = folded(&["déjà deja"]);
        c.set_language(0, Some("fr")).unwrap();
        c
    };
    assert_eq!(keywords(&corpus, "~déjà", false), ["déjà", "deja"]);
}

#[test]
fn hangul_kana_and_indic_words_are_untouched() {
    let texts = [
        "한국어 문장입니다. 대한민국",
        "がっこう ぱん ガギグ",
        "हिंदी भाषा",
        "ภาษาไทย",
    ];
    let before = counts(&common::corpus(&texts));
    let after = counts(&folded(&texts));
    assert_eq!(before, after);
    // (Natively, without the platform's word splitter, kana are a word a character.)
    assert!(after.contains_key("한국어") && after.contains_key("が") && after.contains_key("ぱ"));
}

#[test]
fn arabic_hebrew_greek_and_cyrillic_fold_their_marks() {
    let counts = counts(&folded(&[
        "مُحَمَّد محمد أحمد احمد שָׁלוֹם שלום Ελληνικά ελληνικα ёж ежи",
    ]));
    for (term, count) in [
        ("محمد", 2),
        ("احمد", 2),
        ("שלום", 2),
        ("ελληνικα", 2),
        ("еж", 1),
    ] {
        assert_eq!(counts.get(term), Some(&count), "{term}: {counts:?}");
    }
}

/// Every answer the analyses give over a corpus, as text, to compare two corpora by.
fn snapshot(corpus: &Corpus) -> String {
    let n = corpus.documents().len() as u32;
    let docs: Vec<_> = corpus
        .documents()
        .iter()
        .map(|d| {
            (
                d.title(),
                d.language(),
                d.token_count(),
                d.types(),
                d.text(),
            )
        })
        .collect();
    let kwic = |q: &str| {
        corpus.kwic(
            q,
            &KwicOptions {
                limit: 1000,
                ..Default::default()
            },
        )
    };
    format!(
        "{docs:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        corpus.summary(None),
        corpus.terms(&TermsOptions::default()),
        corpus.terms(&TermsOptions {
            stopwords: false,
            ..Default::default()
        }),
        kwic("north*|zürich|/k.*/|~sanction|\"north korea\""),
        corpus.collocates("korea", &CollocateOptions::default()),
        corpus.ngrams(&NgramOptions::default()),
        corpus.keyness(&KeynessOptions {
            target: vec![0],
            ..Default::default()
        }),
        corpus.dispersion("putin|zurich", &DispersionOptions::default()),
        corpus.compare(0, n - 1, &CompareOptions::default()),
        corpus.tokens_of(n - 1),
    )
}

trait TokensOf {
    fn tokens_of(&self, id: u32) -> Vec<u32>;
}

impl TokensOf for Corpus {
    fn tokens_of(&self, id: u32) -> Vec<u32> {
        let doc = &self.documents()[id as usize];
        (0..doc.token_count()).map(|i| doc.term_id(i)).collect()
    }
}

#[test]
fn folding_on_then_off_gives_back_every_answer() {
    let mut corpus = Corpus::with_articles();
    corpus.add_document("z", ZURICH).unwrap();
    corpus
        .add_in("fr", "Les sanctions déjà votées, l’été.".into(), Some("fr"))
        .unwrap();
    corpus.set_language(0, Some("de")).unwrap();
    let before = snapshot(&corpus);
    corpus.set_folding(true).unwrap();
    let on = snapshot(&corpus);
    assert_ne!(on, before, "folding changes the counts of this corpus");
    corpus.set_folding(true).unwrap();
    assert_eq!(snapshot(&corpus), on, "setting it again changes nothing");
    corpus.set_folding(false).unwrap();
    assert_eq!(snapshot(&corpus), before);
}

#[test]
fn documents_added_while_folding_equal_documents_folded_afterwards() {
    let texts = ["Zürich, Zurich.", "Déjà? Københavns ØRESUND", "Ελληνικά"];
    let mut added_folded = Corpus::new();
    added_folded.set_folding(true).unwrap();
    for (i, text) in texts.iter().enumerate() {
        added_folded
            .add_document(&format!("doc {i}"), text)
            .unwrap();
    }
    assert_eq!(
        snapshot_small(&added_folded),
        snapshot_small(&folded(&texts))
    );
}

fn snapshot_small(corpus: &Corpus) -> String {
    format!(
        "{:?} {:?} {:?}",
        corpus.terms(&TermsOptions::default()),
        corpus.summary(None),
        corpus.kwic("zurich|deja|ελληνικα", &KwicOptions::default())
    )
}

#[test]
fn the_engine_folds_in_place_keeping_ids_titles_languages_and_origins() {
    let mut engine = Engine::with_articles();
    let item = NewDocument {
        title: Some("Zürich".into()),
        text: ZURICH.into(),
        key: Some(7),
        encoding: Some("windows-1252".into()),
        language: Some("de".into()),
        language_detected: None,
        metadata: None,
    };
    engine
        .handle(Request::AddDocuments { items: vec![item] })
        .unwrap();
    let documents = |engine: &mut Engine| match engine.handle(Request::Documents {}) {
        Ok(Response::Documents(docs)) => docs,
        other => panic!("{other:?}"),
    };
    let before = documents(&mut engine);
    engine.handle(Request::SetFolding { fold: true }).unwrap();
    let after = documents(&mut engine);
    assert_eq!(after.len(), before.len());
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(
            (a.id, &a.title, &a.source, a.key, &a.encoding, &a.language),
            (b.id, &b.title, &b.source, b.key, &b.encoding, &b.language)
        );
        assert_eq!(
            (a.tokens, a.chars, a.sentences),
            (b.tokens, b.chars, b.sentences)
        );
    }
    // zürich, zu\u{308}rich and déjà are zurich and deja.
    assert_eq!(before[2].types - 3, after[2].types);
    let Ok(Response::Kwic(page)) = engine.handle(Request::Kwic {
        query: "zürich".into(),
        options: KwicOptions::default(),
    }) else {
        panic!("kwic failed")
    };
    assert_eq!(page.total, 4);
}

/// Words of letters with and without marks, precomposed and combining, in both cases, and
/// letters of scripts that must stay as they are. (A Hebrew or Arabic mark comes after a
/// letter of its script: after Hangul, the word rules would end the word at it.)
fn word() -> impl Strategy<Value = String> {
    let letters = prop::sample::select(vec![
        "a",
        "e",
        "é",
        "e\u{301}",
        "É",
        "u",
        "ü",
        "Ü",
        "o",
        "ø",
        "Ø",
        "ł",
        "ß",
        "и",
        "й",
        "ё",
        "α",
        "ά",
        "ש",
        "ש\u{5B8}",
        "ب",
        "ب\u{64E}",
        "한",
        "が",
        "か",
        "कि",
        "क",
    ]);
    prop::collection::vec(letters, 1..5).prop_map(|l| l.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..12).prop_map(|w| w.join(" "))
}

proptest! {
    /// Folded counting is the unfolded terms, each folded, counted together.
    #[test]
    fn folded_counts_are_the_folded_terms_counted(texts in common::texts_of(text())) {
        let mut expected: BTreeMap<String, usize> = BTreeMap::new();
        for text in &texts {
            for token in tokens(text) {
                *expected.entry(fold(&token.term()).into_owned()).or_default() += 1;
            }
        }
        let mut corpus = common::corpus(&texts);
        corpus.set_folding(true).unwrap();
        prop_assert_eq!(counts(&corpus), expected);
    }

    /// Indexing with folding is indexing the text with each word folded beforehand.
    #[test]
    fn folded_indexing_is_indexing_folded_text(texts in common::texts_of(text())) {
        let prefolded: Vec<String> = texts
            .iter()
            .map(|t| t.split(' ').map(|w| fold(w).into_owned()).collect::<Vec<_>>().join(" "))
            .collect();
        let mut corpus = common::corpus(&texts);
        corpus.set_folding(true).unwrap();
        prop_assert_eq!(counts(&corpus), counts(&common::corpus(&prefolded)));
    }

    /// Folding twice is folding once.
    #[test]
    fn folding_is_idempotent(w in word()) {
        let once = fold(&w).into_owned();
        prop_assert_eq!(fold(&once), once.as_str());
    }
}

// FOLDING_SAMPLE and FOLDED_SAMPLE, shared with tests/web.rs.
include!("common/folding_sample.rs");

/// The sample of tests/web.rs, whose folded terms the browser's normaliser must give too.
#[test]
fn the_sample_of_the_wasm_test_folds_the_same_natively() {
    let mut engine = Engine::new();
    let item = NewDocument {
        title: None,
        text: FOLDING_SAMPLE.into(),
        key: None,
        encoding: None,
        language: None,
        language_detected: Some(false),
        metadata: None,
    };
    engine
        .handle(Request::AddDocuments { items: vec![item] })
        .unwrap();
    engine.handle(Request::SetFolding { fold: true }).unwrap();
    let Ok(Response::Tokens(tokens)) = engine.handle(Request::Tokens { id: 0 }) else {
        panic!("tokens failed")
    };
    let terms: Vec<&str> = tokens.iter().map(|t| t.term).collect();
    assert_eq!(terms, FOLDED_SAMPLE);
}

/// The folding table against the `unicode-normalization` crate, for every character: a
/// character whose canonical decomposition (NFD) holds a folded mark folds to it without
/// them, composed again (NFC); a stroked letter to its letter without the stroke; any other
/// stays.
#[test]
fn every_character_folds_as_its_decomposition_says() {
    use unicode_normalization::UnicodeNormalization;
    let strokes = [
        ('ø', 'o'),
        ('Ø', 'O'),
        ('ł', 'l'),
        ('Ł', 'L'),
        ('đ', 'd'),
        ('Đ', 'D'),
        ('ħ', 'h'),
        ('Ħ', 'H'),
        ('ŧ', 't'),
        ('Ŧ', 'T'),
    ];
    let (mut folded, mut newer) = (0, Vec::new());
    for c in (0..0x11_0000u32).filter_map(char::from_u32) {
        let text = c.to_string();
        let expected: String = match strokes.iter().find(|(s, _)| *s == c) {
            Some(&(_, base)) => base.to_string(),
            // Nothing to remove: the character stays (as the canonical singletons do, U+212B
            // ANGSTROM SIGN aside, which decomposes to A and a ring).
            None if !text.nfd().any(is_folded_mark) => text.clone(),
            None => {
                let rest: String = text.nfd().filter(|&m| !is_folded_mark(m)).collect();
                rest.nfc().collect()
            }
        };
        let got = fold(&text);
        if got != expected {
            // A letter of a newer Unicode than the crate's, which it does not decompose.
            if text.nfd().eq(text.chars()) {
                newer.push(c);
                continue;
            }
            panic!(
                "U+{:04X} folds to {got:?}, its decomposition says {expected:?}",
                c as u32
            );
        }
        folded += usize::from(got != text);
    }
    assert!(
        newer.len() <= 4,
        "the crate is far behind the table: {newer:?}"
    );
    // 898 letters of the table and the 31 ranges of marks (which fold to nothing).
    assert!(folded > 1_000, "{folded}");
}
