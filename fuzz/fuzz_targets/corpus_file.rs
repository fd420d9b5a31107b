//! Opening arbitrary bytes as a corpus file: `corpus_file::read` (the header's checks) and
//! `corpus_file::read_body` (the body's, which random bytes reach only this way: they would
//! almost never pass the checksum) never panic, and a body they accept makes an engine that
//! answers queries, and that writes a file which opens again as the same corpus.
//!
//! Input: byte 0 chooses; even reads the rest as a whole file, odd reads the rest as a
//! body. Seeds (`make_seeds.py`) are real corpus files and their bodies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use text_explorer::corpus_file::{read, read_body, write, Problem};
use text_explorer::{KwicOptions, TermsOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let opened = match choice % 2 {
        0 => read(rest).map_err(|e| {
            // Every refusal is one of the file's problems, with a message.
            let problem = e.corpus_file_problem().expect("a corpus file problem");
            assert!(!problem.to_string().is_empty());
            if rest.len() < 24 {
                assert!(matches!(problem, Problem::NotCorpusFile | Problem::Truncated { .. }));
            }
        }),
        _ => read_body(rest).map_err(|e| {
            assert!(e.corpus_file_problem().is_some(), "{e}");
        }),
    };
    let Ok(engine) = opened else {
        return;
    };
    let corpus = engine.corpus();
    for doc in corpus.documents() {
        // Every span is inside its text, on character boundaries.
        for i in 0..doc.token_count() {
            let (start, end) = doc.span(i);
            assert!(start < end && end <= doc.text().len());
            let _ = &doc.text()[start..end];
            let _ = doc.utf16_offset(end);
        }
    }
    let _ = corpus.terms(&TermsOptions::default());
    if let Some(doc) = corpus.documents().first() {
        // The first word as written is a query; whatever it is, asking never panics.
        let (start, end) = doc.span(0);
        let _ = corpus.kwic(&doc.text()[start..end], &KwicOptions::default());
    }
    let again = write(&engine);
    let reopened = read(&again).expect("a file this crate wrote opens");
    assert_eq!(write(&reopened), again, "the file is written the same way twice");
});
