//! Runaway regular expressions: the matcher's work per query is bounded (a deterministic
//! budget of steps, not a clock), so the worst patterns of issue 14 end with a message.

use std::time::Instant;
use text_explorer::{Corpus, KwicOptions};

/// The articles and one long word (100,000 letters), as in the issue's report.
fn corpus() -> Corpus {
    let mut c = Corpus::with_articles();
    c.add_document("long", &"a".repeat(100_000)).unwrap();
    c
}

fn run(c: &Corpus, pattern: &str) -> Result<usize, String> {
    let options = KwicOptions {
        limit: 10,
        ..Default::default()
    };
    let start = Instant::now();
    let result = c.kwic(pattern, &options);
    // A figure for the report, never an assertion on time.
    println!(
        "{} chars: {:?} in {:.1} ms",
        pattern.len(),
        result.as_ref().map(|p| p.total).map_err(|e| e
            .to_string()
            .chars()
            .take(80)
            .collect::<String>()),
        start.elapsed().as_secs_f64() * 1000.0
    );
    result.map(|p| p.total).map_err(|e| e.to_string())
}

#[test]
fn the_worst_patterns_of_the_issue_end_with_a_message() {
    let c = corpus();
    let nested = format!("/{}b/", "(.*)*".repeat(80));
    let flat = format!("/{}b/", ".*".repeat(240));
    for pattern in [nested, flat] {
        let err = run(&c, &pattern).unwrap_err();
        assert!(err.contains("too costly"), "{err}");
    }
}

#[test]
fn ordinary_patterns_still_run() {
    let c = corpus();
    assert!(run(&c, "/sanction(s|ed)?/").is_ok());
    assert!(run(&c, "/a{2,}/").unwrap() == 1);
    assert!(run(&c, "/.*a.*/").is_ok());
}
