use super::*;
use crate::metadata::{Field, Metadata};
use crate::protocol::NewDocument;
use crate::{KwicOptions, TermsOptions};

fn item(title: &str, text: &str) -> NewDocument {
    NewDocument {
        title: Some(title.into()),
        text: text.into(),
        key: None,
        encoding: None,
        language: None,
        language_detected: None,
        metadata: None,
    }
}

/// A small corpus with every kind of thing the file holds: articles, user texts with and
/// without metadata, languages, non-ASCII text, folding and a stop-word list.
fn sample() -> Engine {
    sample_in(Engine::with_articles())
}

/// [`sample`] without the articles: a small file, for the tests that try every byte.
fn small() -> Engine {
    sample_in(Engine::new())
}

fn sample_in(mut engine: Engine) -> Engine {
    let mut a = item("Zürich", "Zürich et l’été à Zurich. Deux phrases ici !");
    a.language = Some("fr".into());
    a.encoding = Some("windows-1252".into());
    a.metadata = Some(Metadata {
        author: Some("Ann".into()),
        date: Some("2024-06".into()),
        source: None,
        fields: vec![Field::new("newspaper", "Mint")],
    });
    engine.add(a).unwrap();
    engine
        .add(item("", "日本語 and 🦀 crabs; the end."))
        .unwrap();
    engine.corpus.set_folding(true).unwrap();
    engine
        .corpus
        .set_stop_words("fr", Some(vec!["et".into(), "à".into()]))
        .unwrap();
    engine.corpus.prepare();
    engine
}

fn problem_of(bytes: &[u8]) -> Problem {
    let err = read(bytes).expect_err("refused");
    err.corpus_file_problem()
        .cloned()
        .expect("a corpus file problem")
}

#[test]
fn a_corpus_opens_as_it_was_saved() {
    let mut engine = sample();
    let bytes = write(&engine);
    let mut opened = read(&bytes).unwrap();
    assert_eq!(write(&opened), bytes, "writing is deterministic");
    assert_eq!(opened.documents().unwrap(), engine.documents().unwrap());
    for id in 0..engine.corpus.documents().len() as u32 {
        assert_eq!(
            opened.corpus.text(id).unwrap(),
            engine.corpus.text(id).unwrap()
        );
    }
    let terms = |e: &Engine| format!("{:?}", e.corpus.terms(&TermsOptions::default()).unwrap());
    assert_eq!(terms(&opened), terms(&engine));
    let kwic = |e: &Engine| {
        format!(
            "{:?}",
            e.corpus.kwic("zurich", &KwicOptions::default()).unwrap()
        )
    };
    assert_eq!(kwic(&opened), kwic(&engine));
    assert!(opened.corpus.folding());
    assert_eq!(opened.corpus.stop_words("fr"), ["et", "à"]);
}

#[test]
fn removed_documents_leave_no_terms_in_the_file() {
    let mut engine = Engine::new();
    engine.add(item("a", "alpha beta")).unwrap();
    engine.add(item("b", "gamma delta only here")).unwrap();
    engine.add(item("c", "beta alpha epsilon")).unwrap();
    engine.remove_document(1).unwrap();
    let mut fresh = Engine::new();
    fresh.add(item("a", "alpha beta")).unwrap();
    fresh.add(item("c", "beta alpha epsilon")).unwrap();
    assert_eq!(write(&engine), write(&fresh));
    let opened = read(&write(&engine)).unwrap();
    assert_eq!(opened.corpus.vocab.len(), 3);
}

#[test]
fn a_file_cut_anywhere_is_refused_as_incomplete_and_nothing_else() {
    let bytes = write(&small());
    for len in 0..bytes.len() {
        let problem = problem_of(&bytes[..len]);
        assert!(
            matches!(problem, Problem::Truncated { .. }),
            "cut at {len}: {problem:?}"
        );
    }
    assert_eq!(
        problem_of(&bytes[..100]).to_string(),
        format!(
            "the corpus file is incomplete: it has 100 of its {} bytes (download or copy it again)",
            bytes.len()
        )
    );
}

#[test]
fn a_flipped_byte_anywhere_is_refused() {
    let bytes = write(&small());
    for at in 0..bytes.len() {
        for bit in [0x01, 0x80] {
            let mut bad = bytes.clone();
            bad[at] ^= bit;
            let err = read(&bad)
                .err()
                .unwrap_or_else(|| panic!("byte {at} ^ {bit:#x} was read"));
            assert!(err.corpus_file_problem().is_some(), "byte {at}: {err}");
        }
    }
}

#[test]
fn foreign_future_and_padded_files_get_their_own_messages() {
    let bytes = write(&sample());
    assert_eq!(
        problem_of(b"Hello, world! This is a text file, long enough."),
        Problem::NotCorpusFile
    );
    assert_eq!(problem_of(b"PK\x03\x04"), Problem::NotCorpusFile);
    assert_eq!(problem_of(b""), Problem::Truncated { have: 0, want: 24 });
    let mut future = bytes.clone();
    future[8..12].copy_from_slice(&(VERSION + 1).to_le_bytes());
    assert_eq!(
        problem_of(&future),
        Problem::FutureVersion {
            version: VERSION + 1
        }
    );
    assert!(problem_of(&future).to_string().contains("format version 2"));
    let mut zero = bytes.clone();
    zero[8..12].copy_from_slice(&0u32.to_le_bytes());
    assert!(matches!(problem_of(&zero), Problem::Invalid(_)));
    let mut padded = bytes.clone();
    padded.push(0);
    assert!(matches!(problem_of(&padded), Problem::Invalid(_)));
    let mut damaged = bytes.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 0x55;
    assert_eq!(problem_of(&damaged), Problem::Checksum);
    assert_eq!(
        Problem::Checksum.to_string(),
        "the corpus file is damaged: its contents do not match its checksum"
    );
}

/// A body with a good checksum but wrong contents (as only a faulty writer or a crafted file
/// makes): every cut and every changed byte of the body is refused or read, never a panic,
/// and what is read answers queries.
#[test]
fn a_body_that_passes_its_checksum_is_still_checked() {
    let bytes = write(&small());
    let body = &bytes[HEADER..];
    for len in 0..body.len() {
        assert!(
            read_body(&body[..len]).is_err(),
            "body cut at {len} was read"
        );
    }
    for at in 0..body.len() {
        for value in [0x00, 0x01, 0x7F, 0x80, 0xFF, body[at].wrapping_add(1)] {
            let mut bad = body.to_vec();
            bad[at] = value;
            if let Ok(mut engine) = read_body(&bad) {
                let _ = engine.corpus.kwic("zurich", &KwicOptions::default());
                let _ = engine.corpus.terms(&TermsOptions::default());
                let _ = engine.documents();
            }
        }
    }
}
