//! Indexing a text a slice at a time (`AddJob`, issue 14 §3): the same index as in one go,
//! whatever the slice size; progress by characters within a text; a cancel in the middle of
//! a text leaves the engine exactly as it was (issue 14 §4).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use text_explorer::engine::{AddJob, Engine};
use text_explorer::protocol::{NewDocument, Request, Response};
use text_explorer::TermsOptions;

fn item(title: &str, text: &str, language: &str) -> NewDocument {
    NewDocument {
        title: Some(title.into()),
        text: text.into(),
        key: None,
        encoding: None,
        language: Some(language.into()),
        language_detected: None,
        metadata: None,
    }
}

/// Everything the engine tells of its documents and their tokens, and the frequency list.
fn snapshot(engine: &mut Engine) -> String {
    let mut out = String::new();
    let Ok(Response::Documents(docs)) = engine.handle(Request::Documents {}) else {
        panic!("documents")
    };
    out.push_str(&format!("{docs:?}\n"));
    for doc in docs {
        let Ok(Response::Tokens(tokens)) = engine.handle(Request::Tokens { id: doc.id }) else {
            panic!("tokens")
        };
        out.push_str(&format!("{tokens:?}\n"));
    }
    let Ok(Response::Terms(terms)) = engine.handle(Request::Terms {
        options: TermsOptions {
            limit: None,
            ..TermsOptions::default()
        },
    }) else {
        panic!("terms")
    };
    out.push_str(&format!("{terms:?}\n"));
    out
}

fn add_in_slices(engine: &mut Engine, items: Vec<NewDocument>, max_bytes: usize) -> Vec<usize> {
    let mut job = AddJob::new(1, items);
    let mut chars = Vec::new();
    while let Some(progress) = job.step_by(engine, max_bytes) {
        chars.push(progress.chars);
    }
    job.finish(engine);
    chars
}

const WORDS: &[&str] = &[
    "the",
    "Zürich",
    "l’été",
    "qu’il",
    "東京",
    "大学",
    "e-mail",
    "3.14",
    "don't",
    "naïve",
    "Ünïcödé",
    "😀",
    "a",
    ".",
    ",",
    "!",
    "?",
    "«",
    "»",
    "x",
];
const GAPS: &[&str] = &[
    " ", "\n", "\n\n", "\t", "  ", "\r\n", "", "\u{a0}", "\u{3000}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 1..80).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, g)| format!("{}{}", WORDS[w], GAPS[g]))
            .collect()
    })
}

proptest! {
    #[test]
    fn slices_of_any_size_index_as_one_go(texts in prop::collection::vec(text(), 1..4), max in 1usize..64, fr in any::<bool>()) {
        let language = if fr { "fr" } else { "en" };
        let items = |texts: &[String]| texts.iter().enumerate()
            .map(|(i, t)| item(&format!("t{i}"), t, language)).collect::<Vec<_>>();
        let mut whole = Engine::new();
        add_in_slices(&mut whole, items(&texts), usize::MAX);
        let mut sliced = Engine::new();
        let chars = add_in_slices(&mut sliced, items(&texts), max);
        prop_assert_eq!(snapshot(&mut whole), snapshot(&mut sliced));
        // Progress never goes back, and ends at the total.
        prop_assert!(chars.windows(2).all(|w| w[0] <= w[1]));
        let total: usize = texts.iter().map(|t| t.encode_utf16().count()).sum();
        prop_assert_eq!(*chars.last().unwrap(), total);
    }

    #[test]
    fn a_cancel_in_the_middle_of_a_text_keeps_nothing(before in text(), big in text(), after in text(), steps in 1usize..20) {
        let mut engine = Engine::new();
        add_in_slices(&mut engine, vec![item("before", &before, "en")], usize::MAX);
        let expected = snapshot(&mut engine);
        let mut job = AddJob::new(2, vec![item("big", &big, "en"), item("big2", &big, "en")]);
        for _ in 0..steps {
            if job.step_by(&mut engine, 3).is_none() {
                break;
            }
        }
        let cancelled = job.cancel(&mut engine);
        prop_assert!(cancelled.cancelled && cancelled.added.is_empty());
        prop_assert_eq!(snapshot(&mut engine), expected);
        // What comes next is indexed as if the cancelled batch had never been.
        add_in_slices(&mut engine, vec![item("after", &after, "en")], usize::MAX);
        let mut fresh = Engine::new();
        add_in_slices(&mut fresh, vec![item("before", &before, "en"), item("after", &after, "en")], usize::MAX);
        prop_assert_eq!(snapshot(&mut engine), snapshot(&mut fresh));
    }
}

#[test]
fn progress_is_reported_within_a_large_text() {
    let text = "word ".repeat(400_000); // 2 MB: eight slices of 256 KiB
    let mut engine = Engine::new();
    let chars = add_in_slices(&mut engine, vec![item("big", &text, "en")], 256 * 1024);
    assert!(chars.len() >= 8, "{} progress reports", chars.len());
    assert!(chars[0] > 0 && chars[0] < text.len());
    assert_eq!(*chars.last().unwrap(), text.len());
}

proptest! {
    /// `Engine::add_tokenized` (words found ahead, on any thread: the command-line tool's
    /// parallel build) gives the same corpus file as `Engine::add`, folding or not, and when
    /// the language decided differs from the one the words were found in ("FR" is "fr").
    #[test]
    fn words_found_ahead_index_as_add(texts in prop::collection::vec(text(), 1..4), fold in any::<bool>(), language in 0usize..4) {
        let language = ["fr", "en", "FR", "xx"][language];
        let items = || texts.iter().enumerate()
            .map(|(i, t)| item(&format!("t{i}"), t, language)).collect::<Vec<_>>();
        let mut plain = Engine::new();
        let mut ahead = Engine::new();
        for engine in [&mut plain, &mut ahead] {
            engine.handle(Request::SetFolding { fold }).unwrap();
        }
        let added: Vec<_> = items().into_iter().map(|i| plain.add(i).map_err(|e| e.to_string())).collect();
        let found: Vec<_> = items().into_iter().map(text_explorer::index::Tokenized::new).collect();
        let ahead_added: Vec<_> = found.into_iter().map(|w| ahead.add_tokenized(w).map_err(|e| e.to_string())).collect();
        prop_assert_eq!(added, ahead_added);
        plain.corpus().prepare();
        ahead.corpus().prepare();
        prop_assert_eq!(snapshot(&mut plain), snapshot(&mut ahead));
        prop_assert_eq!(text_explorer::corpus_file::write(&plain), text_explorer::corpus_file::write(&ahead));
    }
}
