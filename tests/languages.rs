//! Each document's language: given, detected, set, declared for the articles; and `~word`
//! in the document's language. Native only: it uses the `lang` crate the core links natively
//! (in wasm the language library is a module of its own; tests/web.rs covers that boundary).
#![cfg(not(target_arch = "wasm32"))]

use text_explorer::engine::Engine;
use text_explorer::protocol::{DocumentInfo, NewDocument, Request, Response};

fn item(text: &str, language: Option<&str>) -> NewDocument {
    NewDocument {
        title: None,
        text: text.to_string(),
        key: None,
        encoding: None,
        language: language.map(str::to_string),
        language_detected: None,
        metadata: None,
    }
}

fn documents(engine: &mut Engine) -> Vec<DocumentInfo> {
    match engine.handle(Request::Documents {}) {
        Ok(Response::Documents(docs)) => docs,
        other => panic!("documents answered {other:?}"),
    }
}

fn add(engine: &mut Engine, items: Vec<NewDocument>) -> Vec<u32> {
    match engine.handle(Request::AddDocuments { items }) {
        Ok(Response::AddDocuments(added)) => {
            assert!(added.errors.is_empty(), "{:?}", added.errors);
            added.added
        }
        other => panic!("addDocuments answered {other:?}"),
    }
}

#[test]
fn the_articles_are_declared_english() {
    let mut engine = Engine::with_articles();
    for doc in documents(&mut engine) {
        assert_eq!(doc.language.as_deref(), Some("en"), "{}", doc.title);
        assert!(!doc.language_detected);
    }
    assert_eq!(engine.language(1), Some("en"));
    assert_eq!(engine.language(2), None);
    engine
        .handle(Request::SetArticles { shown: false })
        .unwrap();
    engine.handle(Request::SetArticles { shown: true }).unwrap();
    assert_eq!(engine.language(0), Some("en"));
}

#[test]
fn a_given_language_is_kept_lowercased_and_a_malformed_one_refused() {
    let mut engine = Engine::new();
    let ids = add(&mut engine, vec![item("Ein kurzer Text.", Some(" DE "))]);
    let docs = documents(&mut engine);
    assert_eq!(docs[ids[0] as usize].language.as_deref(), Some("de"));
    assert!(!docs[ids[0] as usize].language_detected);
    let items = vec![item("Some text.", Some("english"))];
    let Ok(Response::AddDocuments(added)) = engine.handle(Request::AddDocuments { items }) else {
        panic!("addDocuments failed as a whole");
    };
    assert_eq!(added.added, Vec::<u32>::new());
    assert!(
        added.errors[0]
            .message
            .contains("`english` is not a language code"),
        "{}",
        added.errors[0].message
    );
}

#[test]
fn set_language_replaces_the_language_and_null_makes_it_unknown() {
    let mut engine = Engine::with_articles();
    let set = |language: Option<&str>| Request::SetLanguage {
        id: 1,
        language: language.unwrap_or_default().to_string(),
    };
    engine.handle(set(Some("fr"))).unwrap();
    assert_eq!(engine.language(1), Some("fr"));
    assert!(!documents(&mut engine)[1].language_detected);
    engine.handle(set(None)).unwrap();
    assert_eq!(engine.language(1), None);
    assert_eq!(documents(&mut engine)[1].language, None);
    assert!(engine.handle(set(Some("f r"))).is_err());
    assert_eq!(engine.language(1), None, "a refused code changes nothing");
    engine.handle(set(Some("de"))).unwrap();
    engine.handle(set(Some("  "))).unwrap();
    assert_eq!(engine.language(1), None, "blank is unknown");
    let unknown = Request::SetLanguage {
        id: 9,
        language: "fr".into(),
    };
    assert!(engine.handle(unknown).is_err());
}

/// `~word` by a naive scan: every token of every document whose stem in the document's
/// language is the word's stem there (the word itself where there is no stemmer).
fn naive_stem_hits(texts: &[(&str, Option<&str>)], word: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for (doc, (text, language)) in texts.iter().enumerate() {
        let stem = |w: &str| language.and_then(|l| text_explorer_lang::stem(l, w));
        for token in text_explorer::tokens(text) {
            let term = token.term();
            let same = match (stem(&term), stem(word)) {
                (Some(a), Some(b)) => a == b,
                _ => term == word,
            };
            if same {
                out.push((doc as u32, token.text.to_string()));
            }
        }
    }
    out
}

#[test]
fn a_stem_counts_in_a_document_only_in_that_documents_language() {
    // The same word has a stem of its own in each language (French `chante`: `chant`;
    // English `chanting`: `chant`); in an unknown language it is only itself.
    let texts = [
        (
            "Elle chante, ils chantaient, nous chanterons; le chant.",
            Some("fr"),
        ),
        (
            "He chanted a chant; chanting chants, the chante.",
            Some("en"),
        ),
        ("Sie singen, er sang, gesungen; chante chanter.", Some("de")),
        ("chante chanting chanted", None),
        ("Они поют песни, песня пелась, чанте.", Some("ru")),
        ("chante chant", Some("zz")),
    ];
    let mut engine = Engine::new();
    let items = texts
        .iter()
        .map(|(text, l)| item(text, Some(l.unwrap_or("xx"))))
        .collect();
    add(&mut engine, items);
    engine
        .handle(Request::SetLanguage {
            id: 3,
            language: String::new(),
        })
        .unwrap();
    for word in ["chante", "chanting", "chant", "песни", "gesungen", "sang"] {
        let options = text_explorer::KwicOptions {
            limit: 1000,
            ..Default::default()
        };
        let Ok(Response::Kwic(page)) = engine.handle(Request::Kwic {
            query: format!("~{word}"),
            options,
        }) else {
            panic!("kwic failed");
        };
        let got: Vec<(u32, String)> = page
            .lines
            .iter()
            .map(|l| (l.doc, l.keyword.to_string()))
            .collect();
        let mut expected_texts = texts;
        expected_texts[5].1 = None; // "zz": no stemmer, as unknown
        assert_eq!(got, naive_stem_hits(&expected_texts, word), "~{word}");
    }
    let Ok(Response::Kwic(page)) = engine.handle(Request::Kwic {
        query: "~chante".into(),
        options: Default::default(),
    }) else {
        panic!("kwic failed");
    };
    let in_french: Vec<&str> = page
        .lines
        .iter()
        .filter(|l| l.doc == 0)
        .map(|l| l.keyword)
        .collect();
    assert_eq!(in_french, ["chante", "chantaient", "chanterons", "chant"]);
    let in_doc = |doc: u32| -> Vec<&str> {
        page.lines
            .iter()
            .filter(|l| l.doc == doc)
            .map(|l| l.keyword)
            .collect()
    };
    assert_eq!(
        in_doc(1),
        ["chanted", "chant", "chanting", "chants", "chante"]
    );
    assert_eq!(in_doc(3), ["chante"], "unknown: the word itself");
    assert_eq!(in_doc(5), ["chante"], "no stemmer: the word itself");
}
#[test]
fn a_language_not_given_is_detected_and_flagged() {
    let mut engine = Engine::new();
    let french = "Il était une fois, dans un petit village au bord de la mer, une vieille femme qui vivait seule avec son chat. Chaque matin, elle allait au marché acheter du pain.";
    let ids = add(&mut engine, vec![item(french, None), item("Hello", None)]);
    let docs = documents(&mut engine);
    let (fr, short) = (&docs[ids[0] as usize], &docs[ids[1] as usize]);
    assert_eq!(
        (fr.language.as_deref(), fr.language_detected),
        (Some("fr"), true)
    );
    assert_eq!(
        (short.language.as_deref(), short.language_detected),
        (None, true)
    );
}

#[test]
fn a_language_decided_before_is_kept_as_it_was_and_not_detected_again() {
    let french = "Il était une fois, dans un petit village au bord de la mer, une vieille femme qui vivait seule avec son chat.";
    let again = |language: Option<&str>, detected: bool| NewDocument {
        language_detected: Some(detected),
        metadata: None,
        ..item(french, language)
    };
    let mut engine = Engine::new();
    add(
        &mut engine,
        vec![
            again(Some("fr"), true),
            again(None, true),
            again(Some("it"), false),
        ],
    );
    let got: Vec<(Option<String>, bool)> = documents(&mut engine)
        .into_iter()
        .map(|d| (d.language, d.language_detected))
        .collect();
    assert_eq!(
        got,
        [
            (Some("fr".into()), true),
            (None, true),
            (Some("it".into()), false)
        ]
    );
    let needs = |items| Engine::needs_languages(&Request::AddDocuments { items });
    assert!(!needs(vec![again(None, true)]));
    assert!(!needs(vec![item(french, Some("fr"))]));
    assert!(needs(vec![item(french, Some("fr")), item(french, None)]));
    let kwic = |query: &str| Request::Kwic {
        query: query.into(),
        options: Default::default(),
    };
    assert!(Engine::needs_languages(&kwic("kim|~sanction")));
    assert!(!Engine::needs_languages(&kwic("kim|sanction*")));
}

/// French, Italian and Catalan documents count an elision as two words (`l’été` is `l’` +
/// `été`), as their readers do; other languages keep it whole. Changing a document's
/// language to or from one of those tokenises it again, in its place.
#[test]
fn elisions_are_two_words_in_french_italian_and_catalan_documents() {
    use text_explorer::{Corpus, KwicOptions, TermsOptions};
    let mut corpus = Corpus::new();
    let fr = corpus
        .add_in(
            "été",
            "L’été, qu’il pleuve ou non, l'hiver viendra.".into(),
            Some("fr"),
        )
        .unwrap();
    let en = corpus
        .add_in("summer", "The word l'été is French.".into(), Some("en"))
        .unwrap();
    let it = corpus
        .add_in("estate", "Dell'estate e l'inverno.".into(), Some("it"))
        .unwrap();
    let count = |corpus: &Corpus, doc: u32, term: &str| {
        let options = TermsOptions {
            doc: Some(doc),
            ..Default::default()
        };
        let terms = corpus.terms(&options).unwrap();
        terms.iter().find(|t| t.term == term).map_or(0, |t| t.count)
    };
    assert_eq!(count(&corpus, fr, "l'"), 2);
    assert_eq!(count(&corpus, fr, "été"), 1);
    assert_eq!(count(&corpus, fr, "qu'"), 1);
    assert_eq!(count(&corpus, fr, "l'été"), 0);
    assert_eq!(
        count(&corpus, en, "l'été"),
        1,
        "English keeps the word whole"
    );
    assert_eq!(count(&corpus, it, "dell'"), 1);
    assert_eq!(count(&corpus, it, "estate"), 1);
    assert_eq!(corpus.document(fr).unwrap().token_count(), 10);

    // A query with an elision finds it however each document counts it: split in French,
    // whole in English.
    let hits = |corpus: &Corpus, query: &str| {
        let lines = corpus.kwic(query, &KwicOptions::default()).unwrap().lines;
        let mut docs: Vec<u32> = lines.iter().map(|l| l.doc).collect();
        docs.dedup();
        docs
    };
    assert_eq!(hits(&corpus, "l'été"), [fr, en]);
    assert_eq!(hits(&corpus, "L’été"), [fr, en]);
    assert_eq!(hits(&corpus, "été"), [fr]);
    assert_eq!(hits(&corpus, "dell'estate"), [it]);
    // The elided words alone, as the Terms view lists them, and in phrases.
    let total = |corpus: &Corpus, query: &str| {
        corpus
            .kwic(query, &KwicOptions::default())
            .unwrap_or_else(|e| panic!("{query}: {e}"))
            .total
    };
    assert_eq!(
        total(&corpus, "l'"),
        3,
        "L’été and l'hiver, and Italian l'inverno"
    );
    assert_eq!(total(&corpus, "qu’"), 1);
    assert_eq!(total(&corpus, "\"l' été\""), 1);
    assert_eq!(total(&corpus, "dell'"), 1);
    // A wildcard after an elided word is still a query, read as written: `l'*` is the terms
    // that start with `l'` (l'été in the English text, the elided l' in the others).
    assert_eq!(hits(&corpus, "l'*"), [fr, en, it]);
    assert_eq!(hits(&corpus, "l'* NEAR/3 french"), [en]);
    // `~` after an elided word: the elided word, then the word's forms.
    assert_eq!(hits(&corpus, "~l'été"), [fr, en]);

    // French to English: one word again, the document in its place with its title.
    corpus.set_language(fr, Some("en")).unwrap();
    assert_eq!(corpus.document(fr).unwrap().title(), "été");
    assert_eq!(corpus.language(fr), Some("en"));
    assert_eq!(count(&corpus, fr, "l'été"), 1);
    assert_eq!(count(&corpus, fr, "été"), 0);
    assert_eq!(corpus.document(fr).unwrap().token_count(), 7);
    assert_eq!(corpus.document(en).unwrap().title(), "summer");
    // And back.
    corpus.set_language(fr, Some("fr")).unwrap();
    assert_eq!(count(&corpus, fr, "été"), 1);
    assert_eq!(corpus.document(fr).unwrap().token_count(), 10);
    assert_eq!(hits(&corpus, "été"), [fr]);
}
