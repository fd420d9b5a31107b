//! The native side of the benchmark: reads the plan that benches/run.mjs wrote (the texts
//! file, documents separated by a form feed, U+000C, which the Brown texts do not contain,
//! and the list of requests), runs the same requests through the same engine
//! (`Engine::handle`, the one contract; natively no serialisation) and prints one JSON
//! object of milliseconds (medians).
//!
//! Usage: text-explorer-bench-native <plan.json>
//!
//! The plan: `{"texts": path, "runs": n, "requests": [{"name", "op", "args", "each"}]}`;
//! `"each": "doc"` runs the request once per document, with `args.id` set to it, and times
//! the whole loop.

use std::time::Instant;

use serde_json::{json, Map, Value};
use text_explorer::engine::Engine;
use text_explorer::protocol::{Args, NewDocument, Request};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

/// Median milliseconds of `f`: at least `runs` runs, more (up to 3 × `runs`) while they
/// take under half a second in all.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    let mut spent = 0.0;
    while times.len() < runs || (times.len() < runs * 3 && spent < 500.0) {
        let start = Instant::now();
        let out = f();
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        spent += ms;
        times.push(ms);
        last = Some(out);
    }
    (median(times), last.expect("runs > 0"))
}

/// A request's arguments from a JSON object, read as the wasm boundary reads a JavaScript one.
struct JsonArgs(Map<String, Value>);

impl Args for JsonArgs {
    fn arg<T: serde::de::DeserializeOwned>(
        &mut self,
        name: &str,
    ) -> text_explorer::Result<Option<T>> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => serde_json::from_value(value.clone())
                .map(Some)
                .map_err(|e| text_explorer::Error::invalid_option(name, e.to_string())),
        }
    }
}

fn request(op: &str, args: &Value) -> Request {
    let args = args.as_object().cloned().unwrap_or_default();
    Request::read(op, &mut JsonArgs(args)).expect("a valid request")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, plan] = &args[..] else {
        eprintln!("usage: text-explorer-bench-native <plan.json>");
        std::process::exit(2);
    };
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(plan).expect("the plan"))
        .expect("the plan is JSON");
    let runs = plan["runs"].as_u64().expect("runs") as usize;
    let all = std::fs::read_to_string(plan["texts"].as_str().expect("texts")).expect("texts");
    let texts: Vec<&str> = all.split('\u{c}').collect();
    let items = || -> Vec<NewDocument> {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                serde_json::from_value(json!({"title": i.to_string(), "text": text}))
                    .expect("a document")
            })
            .collect()
    };
    // Adding the documents prepares the index (postings and ranks), as in wasm.
    let (build, mut engine) = time(runs, || {
        let mut engine = Engine::new();
        let added = engine.handle(Request::AddDocuments { items: items() });
        assert!(added.is_ok());
        engine
    });
    let docs = engine.corpus().documents().len();
    let tokens: usize = engine
        .corpus()
        .documents()
        .iter()
        .map(|d| d.token_count())
        .sum();
    let mut out = Map::new();
    out.insert("build".into(), json!(build));
    out.insert("tokens".into(), json!(tokens));
    out.insert("indexBytes".into(), json!(engine.corpus().index_bytes()));
    // The corpus file (issue 12 §3): saving it, and opening it with the first KWIC page of
    // `the` sorted 1R (the KWIC view's first query), against the index build.
    let (save, bytes) = time(runs, || text_explorer::corpus_file::write(&engine));
    let first_kwic = || {
        request(
            "kwic",
            &json!({"query": "the", "options": {"sort": "1R", "limit": 25}}),
        )
    };
    let (open_kwic, ()) = time(runs, || {
        let mut opened = text_explorer::corpus_file::read(&bytes).expect("the file opens");
        assert!(opened.handle(first_kwic()).is_ok());
    });
    let (open_only, ()) = time(runs, || {
        assert!(text_explorer::corpus_file::read(&bytes).is_ok());
    });
    out.insert("save".into(), json!(save));
    out.insert("openKwic".into(), json!(open_kwic));
    out.insert("open".into(), json!(open_only));
    out.insert("fileBytes".into(), json!(bytes.len()));
    for r in plan["requests"].as_array().expect("requests") {
        let name = r["name"].as_str().expect("name");
        let op = r["op"].as_str().expect("op");
        let each = r["each"].as_str() == Some("doc");
        let (ms, ()) = time(runs, || {
            if each {
                for id in 0..docs {
                    let mut args = r["args"].clone();
                    args["id"] = json!(id);
                    let answer = engine.handle(request(op, &args));
                    assert!(answer.is_ok());
                }
            } else {
                let answer = engine.handle(request(op, &r["args"]));
                assert!(answer.is_ok(), "{name}: {:?}", answer.err());
            }
        });
        out.insert(name.into(), json!(ms));
    }
    println!("{}", Value::Object(out));
}
