//! The operations that let the Reader show a long text a block at a time (issue 14 §2):
//! `textBlocks` cuts a text at line breaks, `textSlice` gives a part of it by UTF-16 offsets,
//! `hitSpans` the hits of a query in a range or from an index. Checked against the whole
//! text and the concordance, on texts with characters outside the BMP.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use text_explorer::engine::Engine;
use text_explorer::protocol::{HitSpans, HitSpansOptions, Request, Response, TextBlocksOptions};
use text_explorer::KwicOptions;

fn engine(text: &str) -> Engine {
    let mut engine = Engine::new();
    let items = serde_json::from_value(
        serde_json::json!([{ "title": "t", "text": text, "language": "en" }]),
    )
    .unwrap();
    engine.handle(Request::AddDocuments { items }).unwrap();
    engine
}

fn utf16(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}

fn blocks(engine: &mut Engine, size: usize) -> Vec<usize> {
    let request = Request::TextBlocks {
        id: 0,
        options: TextBlocksOptions { size },
    };
    match engine.handle(request).unwrap() {
        Response::TextBlocks(cuts) => cuts,
        _ => panic!("not textBlocks"),
    }
}

fn slice(engine: &mut Engine, start: usize, end: usize) -> String {
    match engine
        .handle(Request::TextSlice { id: 0, start, end })
        .unwrap()
    {
        Response::TextSlice(text) => text,
        _ => panic!("not textSlice"),
    }
}

fn spans(engine: &mut Engine, query: &str, options: HitSpansOptions) -> HitSpans {
    let request = Request::HitSpans {
        query: query.into(),
        doc: 0,
        options,
    };
    match engine.handle(request).unwrap() {
        Response::HitSpans(found) => found,
        _ => panic!("not hitSpans"),
    }
}

/// The text of many lines, with accents, CJK and a crab (two UTF-16 units).
fn long_text(lines: usize) -> String {
    (0..lines)
        .map(|i| {
            format!(
                "Line {i}: the café 🦀 and the sea, 日本 {}\n",
                "word ".repeat(i % 7)
            )
        })
        .collect()
}

#[test]
fn blocks_cover_the_text_and_end_after_line_breaks() {
    let text = long_text(2000);
    let mut engine = engine(&text);
    let cuts = blocks(&mut engine, 1024);
    let units = utf16(&text);
    assert_eq!(cuts[0], 0);
    assert_eq!(*cuts.last().unwrap(), units.len());
    assert!(cuts.len() > 50, "{} blocks", cuts.len());
    let mut joined = String::new();
    for pair in cuts.windows(2) {
        assert!(pair[0] < pair[1]);
        let part = slice(&mut engine, pair[0], pair[1]);
        assert_eq!(part, String::from_utf16(&units[pair[0]..pair[1]]).unwrap());
        joined.push_str(&part);
    }
    assert_eq!(joined, text, "the blocks are the text, in order");
    // Every block but the last ends with a line break (one is within half a size).
    for pair in cuts.windows(2).take(cuts.len() - 2) {
        assert_eq!(units[pair[1] - 1], u16::from(b'\n'));
    }
}

#[test]
fn a_text_without_line_breaks_is_cut_at_spaces_or_characters() {
    let spaced = "mot ".repeat(5000);
    let mut engine = engine(&spaced);
    let cuts = blocks(&mut engine, 1024);
    assert!(cuts.len() > 10);
    for &cut in &cuts[1..cuts.len() - 1] {
        assert_eq!(spaced.as_bytes()[cut - 1], b' ');
    }
    let solid = "é".repeat(3000) + " end";
    let mut engine = self::engine(&solid);
    let cuts = blocks(&mut engine, 1024);
    let joined: String = cuts
        .windows(2)
        .map(|p| slice(&mut engine, p[0], p[1]))
        .collect();
    assert_eq!(joined, solid);
    let bad = Request::TextBlocks {
        id: 0,
        options: TextBlocksOptions { size: 10 },
    };
    assert!(engine.handle(bad).unwrap_err().to_string().contains("size"));
}

#[test]
fn slices_are_clamped_and_whole_characters() {
    let mut engine = engine("a🦀b");
    assert_eq!(slice(&mut engine, 0, 99), "a🦀b");
    // Inside the surrogate pair: from the character's start.
    assert_eq!(slice(&mut engine, 2, 4), "🦀b");
    assert_eq!(slice(&mut engine, 3, 1), "");
    let unknown = Request::TextSlice {
        id: 7,
        start: 0,
        end: 1,
    };
    assert!(engine.handle(unknown).is_err());
}

#[test]
fn hit_spans_are_the_concordance_hits_in_a_range_or_from_an_index() {
    let text = long_text(500);
    let mut engine = engine(&text);
    let units = utf16(&text);
    let Response::Kwic(page) = engine
        .handle(Request::Kwic {
            query: "the sea".into(),
            options: KwicOptions {
                window: 0,
                limit: 100_000,
                ..Default::default()
            },
        })
        .unwrap()
    else {
        panic!("not kwic")
    };
    let expected: Vec<usize> = page.lines.iter().flat_map(|l| [l.start, l.end]).collect();
    let total = page.total;
    assert_eq!(total, 500);
    let all = spans(
        &mut engine,
        "the sea",
        HitSpansOptions {
            limit: 100_000,
            ..Default::default()
        },
    );
    assert_eq!((all.total, all.first), (total, 0));
    assert_eq!(all.spans, expected);
    for pair in all.spans.chunks(2) {
        assert_eq!(
            String::from_utf16(&units[pair[0]..pair[1]]).unwrap(),
            "the sea"
        );
    }
    // A range: the hits that start in it, and the index of the first.
    let (start, end) = (expected[20] - 1, expected[40]);
    let part = spans(
        &mut engine,
        "the sea",
        HitSpansOptions {
            start,
            end: Some(end),
            ..Default::default()
        },
    );
    assert_eq!(part.first, 10);
    assert_eq!(part.spans, expected[20..40]);
    // From an index, at most `limit`.
    let one = spans(
        &mut engine,
        "the sea",
        HitSpansOptions {
            index: Some(499),
            limit: 5,
            ..Default::default()
        },
    );
    assert_eq!(
        (one.first, one.spans.as_slice()),
        (499, &expected[998..1000])
    );
    let past = spans(
        &mut engine,
        "the sea",
        HitSpansOptions {
            index: Some(900),
            ..Default::default()
        },
    );
    assert_eq!((past.first, past.spans.len()), (500, 0));
    let none = spans(&mut engine, "zzz", HitSpansOptions::default());
    assert_eq!((none.total, none.spans.len()), (0, 0));
    let bad = Request::HitSpans {
        query: "the".into(),
        doc: 0,
        options: HitSpansOptions {
            limit: 0,
            ..Default::default()
        },
    };
    assert!(engine
        .handle(bad)
        .unwrap_err()
        .to_string()
        .contains("limit"));
}

proptest! {
    #[test]
    fn blocks_and_slices_rebuild_any_text(words in prop::collection::vec(prop::sample::select(&["a", "é", "🦀", "日本", "\n", " ", "the", "\r\n"][..]), 1..3000), size in 1024usize..2048) {
        let text = format!("x {}", words.join(""));
        let mut engine = engine(&text);
        let cuts = blocks(&mut engine, size);
        let joined: String = cuts.windows(2).map(|p| slice(&mut engine, p[0], p[1])).collect();
        prop_assert_eq!(joined, text);
    }
}
