//! Long runs of the characters whose rules look ahead or behind: each must be handled in
//! linear time (quadratic behaviour froze the tab on 40 KB of text; found in review).
//! The sizes make a quadratic algorithm take minutes and a linear one milliseconds, so
//! the test fails on the algorithm, not on the machine's speed.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};
use text_explorer::tokenize::{count_sentences, tokens};

const N: usize = 200_000;

fn linear(what: &str, f: impl FnOnce()) {
    let start = Instant::now();
    f();
    let took = start.elapsed();
    // Quadratic takes well over a minute at this size; linear takes milliseconds.
    assert!(took < Duration::from_secs(20), "{what} took {took:?}");
}

#[test]
fn spaces_after_a_full_stop() {
    let text = format!("a.{}b", " ".repeat(N));
    linear("sentences", || assert_eq!(count_sentences(&text), 1));
    let text = format!("a.{}b", ")".repeat(N));
    linear("sentences after closing brackets", || {
        assert_eq!(count_sentences(&text), 1)
    });
}

#[test]
fn combining_marks_after_a_letter() {
    let text = format!("a{}", "\u{301}".repeat(N));
    linear("tokens", || assert_eq!(tokens(&text).count(), 1));
    let text = format!("a.b{}", "\u{301}".repeat(N));
    linear("tokens after a joining stop", || {
        assert_eq!(tokens(&text).count(), 1)
    });
    // ICU ends a Hangul run at the marks after it (the run and its marks are no word).
    let text = format!("한{}한", "\u{301}".repeat(N));
    linear("tokens after a Hangul run and its marks", || {
        assert_eq!(tokens(&text).count(), 1)
    });
}

#[test]
fn hangul_meeting_latin_again_and_again() {
    // One UAX #29 segment that ICU's Hangul rule splits N times.
    let text = "한a".repeat(N / 2);
    linear("tokens", || assert_eq!(tokens(&text).count(), N));
}
