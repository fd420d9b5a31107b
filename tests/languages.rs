//! Each document's language: given, detected, set, declared for the articles; and `~word`
//! in the document's language.

use text_explorer::engine::Engine;
use text_explorer::protocol::{DocumentInfo, NewDocument, Request, Response};

fn item(text: &str, language: Option<&str>) -> NewDocument {
    NewDocument {
        title: None,
        text: text.to_string(),
        key: None,
        encoding: None,
        language: language.map(str::to_string),
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
        language: language.map(str::to_string),
    };
    engine.handle(set(Some("fr"))).unwrap();
    assert_eq!(engine.language(1), Some("fr"));
    assert!(!documents(&mut engine)[1].language_detected);
    engine.handle(set(None)).unwrap();
    assert_eq!(engine.language(1), None);
    assert_eq!(documents(&mut engine)[1].language, None);
    assert!(engine.handle(set(Some("f r"))).is_err());
    assert_eq!(engine.language(1), None, "a refused code changes nothing");
    let unknown = Request::SetLanguage {
        id: 9,
        language: Some("fr".into()),
    };
    assert!(engine.handle(unknown).is_err());
}
