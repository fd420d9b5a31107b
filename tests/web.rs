//! The JavaScript boundary, run by wasm-bindgen-test under Node, headless Chrome and
//! headless Firefox (scripts/test). No `wasm_bindgen_test_configure!` here: the runner
//! picks the environment from the command, so this one file runs in all three.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect, JSON};
use text_explorer::JsCorpus;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

fn json(s: &str) -> JsValue {
    JSON::parse(s).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn num(value: &JsValue, key: &str) -> f64 {
    get(value, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
}

fn string(value: &JsValue, key: &str) -> String {
    get(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

fn message(err: JsError) -> String {
    js_sys::Error::from(JsValue::from(err)).message().into()
}

fn lines(page: &JsValue) -> Array {
    get(page, "lines").into()
}

#[wasm_bindgen_test]
fn documents_are_plain_objects_with_camel_case_fields() {
    let corpus = JsCorpus::with_articles();
    let docs: Array = corpus.documents();
    assert_eq!(docs.length(), 2);
    let first = docs.get(0);
    assert_eq!(num(&first, "id"), 0.0);
    assert!(string(&first, "title").starts_with("Putin pledges"));
    assert_eq!(num(&first, "chars"), 4681.0);
    for key in ["tokens", "types", "sentences"] {
        assert!(num(&first, key) > 0.0);
    }
    let summary = corpus.summary(JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&summary, "documents"), 2.0);
    assert!(num(&summary, "meanSentenceLength") > 5.0);
    let one = corpus.summary(json(r#"{"doc": 1}"#)).unwrap();
    assert_eq!(num(&one, "chars"), 5369.0);
}

#[wasm_bindgen_test]
fn kwic_offsets_are_utf16_so_slice_gives_the_keyword() {
    let corpus = JsCorpus::with_articles();
    let page = corpus.kwic("Putin".into(), JsValue::UNDEFINED).unwrap();
    let total = num(&page, "total");
    assert!(total > 10.0);
    let mut possessive = false;
    for line in lines(&page).iter() {
        let doc = get(&line, "doc");
        let text = JsString::from(corpus.text(doc).unwrap());
        let slice = text.slice(num(&line, "start") as u32, num(&line, "end") as u32);
        assert_eq!(String::from(slice), string(&line, "keyword"));
        possessive |= string(&line, "keyword") == "Putin’s";
    }
    assert!(possessive, "Putin’s is a hit for Putin");
}

#[wasm_bindgen_test]
fn offsets_are_exact_after_accents_emoji_and_cjk() {
    let mut corpus = JsCorpus::new();
    let text = "é 🦀 日本 Putin’s 👍🏽 — Putin, 🦀🦀 café putin";
    let id = corpus.add_document("mixed".into(), text.into()).unwrap();
    let js_text = JsString::from(corpus.text(id.into()).unwrap());
    let page = corpus
        .kwic("putin|café|日".into(), json(r#"{"window": 1}"#))
        .unwrap();
    assert_eq!(num(&page, "total"), 5.0);
    for line in lines(&page).iter() {
        let slice = js_text.slice(num(&line, "start") as u32, num(&line, "end") as u32);
        assert_eq!(String::from(slice), string(&line, "keyword"));
    }
    let tokens: Array = corpus.tokens(id.into()).unwrap();
    let words: Vec<String> = tokens
        .iter()
        .map(|t| String::from(js_text.slice(num(&t, "start") as u32, num(&t, "end") as u32)))
        .collect();
    assert_eq!(
        words,
        ["é", "日", "本", "Putin’s", "Putin", "café", "putin"]
    );
    assert_eq!(string(&tokens.get(3), "term"), "putin");
}

#[wasm_bindgen_test]
fn terms_take_camel_case_options() {
    let corpus = JsCorpus::with_articles();
    let rows: Array = corpus
        .terms(json(
            r#"{"stopwords": false, "minCount": 5, "limit": 3, "doc": 0}"#,
        ))
        .unwrap();
    assert_eq!(rows.length(), 3);
    let top = rows.get(0);
    assert!(num(&top, "count") >= 5.0);
    assert_eq!(num(&top, "docs"), 1.0);
    assert!(num(&top, "relative") > 0.0);
    let all: Array = corpus.terms(JsValue::UNDEFINED).unwrap();
    assert_eq!(string(&all.get(0), "term"), "the");
}

#[wasm_bindgen_test]
fn sort_and_paging_options() {
    let corpus = JsCorpus::with_articles();
    let page = corpus
        .kwic(
            "the".into(),
            json(r#"{"sort": "1R", "offset": 10, "limit": 5, "window": 0}"#),
        )
        .unwrap();
    assert_eq!(lines(&page).length(), 5);
    assert!(num(&page, "total") > 50.0);
    assert_eq!(string(&lines(&page).get(0), "left"), "");
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_with_clear_messages() {
    let mut corpus = JsCorpus::with_articles();
    let cases = [
        (corpus.text(7.into()).unwrap_err(), "unknown document id 7"),
        (corpus.text("x".into()).unwrap_err(), "invalid document id"),
        (
            corpus.kwic("".into(), JsValue::UNDEFINED).unwrap_err(),
            "the query is empty",
        ),
        (
            corpus
                .kwic("\"north".into(), JsValue::UNDEFINED)
                .unwrap_err(),
            "a quote is not closed",
        ),
        (
            corpus.kwic("kim|".into(), JsValue::UNDEFINED).unwrap_err(),
            "an alternative is empty",
        ),
        (
            corpus
                .kwic("putin".into(), json(r#"{"window": 51}"#))
                .unwrap_err(),
            "window must be from 0 to 50",
        ),
        (
            corpus
                .kwic("putin".into(), json(r#"{"window": -1}"#))
                .unwrap_err(),
            "window must be from 0 to 50",
        ),
        (
            corpus
                .kwic("putin".into(), json(r#"{"doc": 2}"#))
                .unwrap_err(),
            "unknown document id 2",
        ),
        (
            corpus
                .kwic("putin".into(), json(r#"{"sort": "9Q"}"#))
                .unwrap_err(),
            "invalid sort",
        ),
        (
            corpus
                .kwic("putin".into(), json(r#"{"window": "wide"}"#))
                .unwrap_err(),
            "invalid window: expected a number, got string \"wide\"",
        ),
        (
            corpus
                .kwic("putin".into(), json(r#"{"window": 2.5}"#))
                .unwrap_err(),
            "window must be a whole number",
        ),
        (
            corpus.terms(json(r#"{"stopwords": "no"}"#)).unwrap_err(),
            "invalid stopwords: expected true or false",
        ),
        (
            corpus.summary("all".into()).unwrap_err(),
            "invalid options: expected an object",
        ),
        (
            corpus.kwic(JsValue::NULL, JsValue::UNDEFINED).unwrap_err(),
            "invalid query: expected a string",
        ),
        (
            corpus.add_document("t".into(), "   ".into()).unwrap_err(),
            "the text is empty",
        ),
        (
            corpus
                .add_document("t".into(), JsValue::UNDEFINED)
                .unwrap_err(),
            "invalid text",
        ),
        (
            corpus.tokens((-1).into()).unwrap_err(),
            "unknown document id -1",
        ),
    ];
    for (err, expected) in cases {
        let message = message(err);
        assert!(
            message.contains(expected),
            "{message:?} should contain {expected:?}"
        );
    }
    // A failed add leaves the corpus as it was.
    let docs: Array = corpus.documents();
    assert_eq!(docs.length(), 2);
}

#[wasm_bindgen_test]
fn analysis_methods_return_plain_objects_with_utf16_offsets() {
    let mut corpus = JsCorpus::new();
    for text in [
        "🦀 Café talks in Hanoi ended early. 🦀 Both sides left.",
        "Reporters said the café talks in Hanoi ended early. Sides left Hanoi.",
    ] {
        corpus
            .add_document(JsValue::UNDEFINED, text.into())
            .unwrap();
    }
    let found = corpus
        .collocates(
            "hanoi".into(),
            json(r#"{"left": 2, "right": 2, "minCount": 1, "sort": "mi"}"#),
        )
        .unwrap();
    assert_eq!(num(&found, "hits"), 3.0);
    let rows: Array = get(&found, "collocates").into();
    assert!(rows.length() > 0);
    for key in [
        "observed",
        "expected",
        "count",
        "mi",
        "logLikelihood",
        "tScore",
        "logDice",
    ] {
        num(&rows.get(0), key);
    }
    let phrases = corpus.phrases(json(r#"{"minLength": 3}"#)).unwrap();
    let first = phrases.get(0);
    assert_eq!(string(&first, "phrase"), "café talks in hanoi ended early");
    assert_eq!((num(&first, "count"), num(&first, "docs")), (2.0, 2.0));
    let key = corpus.keyness(json(r#"{"target": 0}"#)).unwrap();
    assert_eq!(num(&key, "referenceTokens"), 12.0);
    let over: Array = get(&key, "over").into();
    assert!(num(&over.get(0), "logRatio") > 0.0);
    let spread: Array = corpus
        .dispersion(json(r#"["hanoi", "left"]"#), json(r#"{"segments": 2}"#))
        .unwrap();
    assert_eq!(spread.length(), 2);
    let docs: Array = get(&spread.get(0), "docs").into();
    let starts = js_sys::Uint32Array::from(get(&docs.get(0), "starts"));
    let text: JsString = corpus.text(0.into()).unwrap().into();
    // "🦀 Café talks in " is 17 UTF-16 units (the crab is two).
    assert_eq!(starts.get_index(0), 17);
    assert_eq!(String::from(text.slice(17, 22)), "Hanoi");
    let cmp = corpus
        .compare(0.into(), 1.into(), JsValue::UNDEFINED)
        .unwrap();
    let runs: Array = get(&cmp, "runs").into();
    assert_eq!(runs.length(), 1);
    let a = get(&runs.get(0), "a");
    assert_eq!(
        String::from(text.slice(num(&a, "start") as u32, num(&a, "end") as u32)),
        "Café talks in Hanoi ended early"
    );
    let sentences: Array = get(&cmp, "sentencesA").into();
    assert_eq!(num(&sentences.get(0), "best"), 0.0);
    let cases = [
        (
            corpus
                .collocates("x".into(), json(r#"{"left": 11}"#))
                .unwrap_err(),
            "invalid left: expected a whole number from 0 to 10, got 11",
        ),
        (
            corpus
                .collocates("x".into(), json(r#"{"sort": "dice"}"#))
                .unwrap_err(),
            "is not a measure",
        ),
        (
            corpus.keyness(JsValue::UNDEFINED).unwrap_err(),
            "invalid target",
        ),
        (
            corpus.dispersion(7.into(), JsValue::UNDEFINED).unwrap_err(),
            "invalid queries",
        ),
        (
            corpus
                .compare(0.into(), 0.into(), JsValue::UNDEFINED)
                .unwrap_err(),
            "choose two different documents",
        ),
        (
            corpus.phrases(json(r#"{"maxLength": 9}"#)).unwrap_err(),
            "invalid maxLength",
        ),
    ];
    for (err, expected) in cases {
        let message = message(err);
        assert!(
            message.contains(expected),
            "{message:?} should contain {expected:?}"
        );
    }
}
