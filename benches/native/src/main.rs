//! The native side of the benchmark: reads the texts that benches/run.mjs wrote (documents
//! separated by a form feed, U+000C, which the Brown texts do not contain), times the same
//! operations as the JavaScript side, and prints one JSON object of milliseconds (medians).
//!
//! Usage: text-explorer-bench-native <texts file> <rare word> <runs>

use std::time::Instant;

use text_explorer::{Corpus, KwicOptions, Sort, TermsOptions};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        last = Some(out);
    }
    (median(times), last.expect("runs > 0"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, path, rare, runs] = &args[..] else {
        eprintln!("usage: text-explorer-bench-native <texts file> <rare word> <runs>");
        std::process::exit(2);
    };
    let runs: usize = runs.parse().expect("runs is a number");
    let all = std::fs::read_to_string(path).expect("the texts file is readable");
    let texts: Vec<&str> = all.split('\u{c}').collect();
    let (build, corpus) = time(runs, || {
        let mut corpus = Corpus::new();
        for (i, text) in texts.iter().enumerate() {
            corpus
                .add_document(&i.to_string(), text)
                .expect("a text with words");
        }
        // The postings and ranks too: the index is ready for any query.
        corpus.prepare();
        corpus
    });
    let (top, _) = time(runs * 3, || {
        corpus
            .terms(&TermsOptions {
                limit: Some(100),
                ..Default::default()
            })
            .expect("terms")
            .len()
    });
    let kwic = |query: &str, sort: &str| {
        let options = KwicOptions {
            sort: sort.parse::<Sort>().expect("a sort"),
            limit: 100,
            ..Default::default()
        };
        time(runs * 3, || {
            corpus.kwic(query, &options).expect("kwic").total
        })
    };
    let (the, the_total) = kwic("the", "1R");
    let (rare_ms, rare_total) = kwic(rare, "position");
    let tokens: usize = corpus.documents().iter().map(|d| d.token_count()).sum();
    println!(
        "{{\"build\":{build},\"top100\":{top},\"kwicThe\":{the},\"theTotal\":{the_total},\"kwicRare\":{rare_ms},\"rareTotal\":{rare_total},\"tokens\":{tokens},\"indexBytes\":{}}}",
        corpus.index_bytes()
    );
}
