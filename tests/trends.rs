//! Trends: the relative frequency of queries across documents, years and months, with
//! figures worked out by hand from small corpora, and the property that a query's points add
//! up to its KWIC hit count in the same scope.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use text_explorer::engine::Engine;
use text_explorer::metadata::{Field, Metadata};
use text_explorer::protocol::{OneOrMany, Request, Response};
use text_explorer::scope::Scope;
use text_explorer::{Corpus, Grouping, KwicOptions, Trends, TrendsOptions};

fn meta(date: Option<&str>, newspaper: Option<&str>) -> Metadata {
    Metadata {
        date: date.map(str::to_string),
        fields: newspaper
            .map(|n| vec![Field::new("newspaper", n)])
            .unwrap_or_default(),
        ..Metadata::default()
    }
}

/// Six articles. Tokens and hits of `markets` / `cricket`, counted by hand:
///
/// | title     | date       | paper | tokens | markets | cricket |
/// |-----------|------------|-------|--------|---------|---------|
/// | Mint 1    | 2024-06-03 | Mint  | 9      | 2       | 0       |
/// | Times 1   | 2024-06-20 | Times | 8      | 0       | 2       |
/// | Mint 2    | 2024-07    | Mint  | 10     | 2       | 0       |
/// | Mint 3    | 2024-09    | Mint  | 2      | 1       | 0       |
/// | Undated   | –          | –     | 6      | 1       | 1       |
/// | Year only | 2023       | Times | 3      | 1       | 2       |
fn newspapers() -> Corpus {
    let mut corpus = Corpus::new();
    let docs = [
        (
            "Mint 1",
            "Markets rally as rupee gains. Markets cheer the budget.",
            Some("2024-06-03"),
            Some("Mint"),
        ),
        (
            "Times 1",
            "Cricket fans cheer the team. Cricket is back.",
            Some("2024-06-20"),
            Some("Times"),
        ),
        (
            "Mint 2",
            "Markets fall as the rupee slips. The budget worries markets.",
            Some("2024-07"),
            Some("Mint"),
        ),
        ("Mint 3", "Markets wait.", Some("2024-09"), Some("Mint")),
        ("Undated", "A letter about cricket and markets.", None, None),
        (
            "Year only",
            "Cricket markets cricket",
            Some("2023"),
            Some("Times"),
        ),
    ];
    for (title, text, date, paper) in docs {
        let id = corpus.add_document(title, text).unwrap();
        corpus.set_metadata(id, meta(date, paper)).unwrap();
    }
    corpus
}

fn trends(corpus: &Corpus, queries: &[&str], by: Grouping, scope: Option<&str>) -> Trends {
    let options = TrendsOptions {
        by,
        scope: scope.map(|s| s.parse().unwrap()),
        ..TrendsOptions::default()
    };
    corpus.trends(queries, &options).unwrap()
}

fn labels(t: &Trends) -> Vec<&str> {
    t.buckets.iter().map(|b| b.label.as_str()).collect()
}

/// (hits, tokens) of each point of series `i`.
fn points(t: &Trends, i: usize) -> Vec<(usize, usize)> {
    (t.series[i].points.iter())
        .map(|p| (p.hits, p.tokens))
        .collect()
}

fn relative(t: &Trends, i: usize) -> Vec<f64> {
    t.series[i].points.iter().map(|p| p.relative).collect()
}

fn close(got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-9, "{got:?} vs {want:?}");
    }
}

#[test]
fn by_document_in_corpus_order_with_titles() {
    let corpus = newspapers();
    let t = trends(&corpus, &["markets", "cricket"], Grouping::Document, None);
    assert_eq!(t.by, Grouping::Document);
    assert_eq!(
        labels(&t),
        [
            "Mint 1",
            "Times 1",
            "Mint 2",
            "Mint 3",
            "Undated",
            "Year only"
        ]
    );
    let docs: Vec<Option<u32>> = t.buckets.iter().map(|b| b.doc).collect();
    assert_eq!(docs, [0, 1, 2, 3, 4, 5].map(Some));
    assert_eq!(
        points(&t, 0),
        [(2, 9), (0, 8), (2, 10), (1, 2), (1, 6), (1, 3)]
    );
    assert_eq!(
        points(&t, 1),
        [(0, 9), (2, 8), (0, 10), (0, 2), (1, 6), (2, 3)]
    );
    // 2 × 10,000 / 9, 0, 2 × 10,000 / 10, 1 × 10,000 / 2, 1 × 10,000 / 6, 1 × 10,000 / 3.
    close(
        &relative(&t, 0),
        &[
            2222.222222222222,
            0.0,
            2000.0,
            5000.0,
            1666.6666666666667,
            3333.3333333333335,
        ],
    );
    assert_eq!(t.series[0].query, "markets");
    assert_eq!(t.series[0].hits, 7);
    assert_eq!(t.series[1].hits, 5);
    // Not a date grouping: nothing is undated.
    assert_eq!(t.undated, None);
    assert_eq!(t.series[0].undated, None);
}

#[test]
fn by_month_fills_the_empty_months_and_counts_the_undated_apart() {
    let corpus = newspapers();
    let t = trends(&corpus, &["markets"], Grouping::Month, None);
    // August 2024 has no article: it is there, with nothing in it.
    assert_eq!(labels(&t), ["2024-06", "2024-07", "2024-08", "2024-09"]);
    let docs: Vec<usize> = t.buckets.iter().map(|b| b.docs).collect();
    assert_eq!(docs, [2, 1, 0, 1]);
    // June: Mint 1 (9 tokens, 2 hits) and Times 1 (8 tokens, 0 hits).
    assert_eq!(points(&t, 0), [(2, 17), (2, 10), (0, 0), (1, 2)]);
    close(&relative(&t, 0), &[20_000.0 / 17.0, 2000.0, 0.0, 5000.0]);
    // The undated article and the one dated only 2023 (no month): 6 + 3 tokens, 1 + 1 hits.
    let undated = t.undated.as_ref().unwrap();
    assert_eq!((undated.docs, undated.tokens), (2, 9));
    let u = t.series[0].undated.as_ref().unwrap();
    assert_eq!((u.hits, u.tokens), (2, 9));
    assert!((u.relative - 20_000.0 / 9.0).abs() < 1e-9);
    assert_eq!(t.series[0].hits, 7);
}

#[test]
fn by_year_places_a_document_dated_by_its_year_alone() {
    let corpus = newspapers();
    let t = trends(&corpus, &["markets", "cricket"], Grouping::Year, None);
    assert_eq!(labels(&t), ["2023", "2024"]);
    // 2024: Mint 1, Times 1, Mint 2, Mint 3 = 9 + 8 + 10 + 2 tokens.
    assert_eq!(points(&t, 0), [(1, 3), (5, 29)]);
    assert_eq!(points(&t, 1), [(2, 3), (2, 29)]);
    close(&relative(&t, 0), &[10_000.0 / 3.0, 50_000.0 / 29.0]);
    close(&relative(&t, 1), &[20_000.0 / 3.0, 20_000.0 / 29.0]);
    let undated = t.undated.as_ref().unwrap();
    assert_eq!((undated.docs, undated.tokens), (1, 6));
    let u = t.series[1].undated.as_ref().unwrap();
    assert_eq!((u.hits, u.tokens), (1, 6));
}

#[test]
fn a_scope_keeps_its_documents_only() {
    let corpus = newspapers();
    let mint = trends(
        &corpus,
        &["markets"],
        Grouping::Month,
        Some("newspaper = mint"),
    );
    assert_eq!(labels(&mint), ["2024-06", "2024-07", "2024-08", "2024-09"]);
    assert_eq!(points(&mint, 0), [(2, 9), (2, 10), (0, 0), (1, 2)]);
    let undated = mint.undated.as_ref().unwrap();
    assert_eq!((undated.docs, undated.tokens), (0, 0));
    assert_eq!(mint.series[0].undated.as_ref().unwrap().relative, 0.0);
    assert_eq!(mint.series[0].hits, 5);
    // Times: June 2024 and a year-only 2023.
    let times = trends(
        &corpus,
        &["cricket"],
        Grouping::Year,
        Some("newspaper = Times"),
    );
    assert_eq!(labels(&times), ["2023", "2024"]);
    assert_eq!(points(&times, 0), [(2, 3), (2, 8)]);
    let by_doc = trends(
        &corpus,
        &["cricket"],
        Grouping::Document,
        Some("date 2024-06"),
    );
    assert_eq!(labels(&by_doc), ["Mint 1", "Times 1"]);
    assert_eq!(points(&by_doc, 0), [(0, 9), (2, 8)]);
    // A document and a scope: the document if it is in the scope.
    let options = TrendsOptions {
        doc: Some(1),
        scope: Some("newspaper = Mint".parse().unwrap()),
        ..TrendsOptions::default()
    };
    assert!(corpus
        .trends(&["cricket"], &options)
        .unwrap()
        .buckets
        .is_empty());
}

#[test]
fn without_dates_every_document_is_undated() {
    let mut corpus = Corpus::new();
    corpus.add_document("a", "sea sea land").unwrap();
    corpus.add_document("b", "sea").unwrap();
    let t = trends(&corpus, &["sea"], Grouping::Month, None);
    assert!(t.buckets.is_empty());
    assert!(t.series[0].points.is_empty());
    let undated = t.undated.as_ref().unwrap();
    assert_eq!((undated.docs, undated.tokens), (2, 4));
    let u = t.series[0].undated.as_ref().unwrap();
    assert_eq!((u.hits, u.tokens, u.relative), (3, 4, 7500.0));
}

#[test]
fn the_query_syntax_and_case_are_kwic_s() {
    let corpus = newspapers();
    let options = TrendsOptions {
        case_sensitive: true,
        ..TrendsOptions::default()
    };
    let t = corpus
        .trends(&["Markets", "the budget", "c*"], &options)
        .unwrap();
    // Case-sensitive: Mint 2 has "Markets" once and "markets" once.
    assert_eq!(
        points(&t, 0).iter().map(|p| p.0).collect::<Vec<_>>(),
        [2, 0, 1, 1, 0, 0]
    );
    // A phrase: Mint 1 only (case-sensitive: Mint 2 has "The budget").
    assert_eq!(
        points(&t, 1).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 0, 0, 0, 0, 0]
    );
    // A wildcard, lowercase only: cheer (Mint 1); cheer (Times 1); cricket (Undated);
    // cricket (Year only, the second one).
    assert_eq!(
        points(&t, 2).iter().map(|p| p.0).collect::<Vec<_>>(),
        [1, 1, 0, 0, 1, 1]
    );
}

#[test]
fn bad_requests_are_refused_with_a_message() {
    let corpus = newspapers();
    let options = TrendsOptions::default();
    let none: [&str; 0] = [];
    let err = corpus.trends(&none, &options).unwrap_err().to_string();
    assert!(err.contains("no query"), "{err}");
    let eleven = ["a"; 11];
    let err = corpus.trends(&eleven, &options).unwrap_err().to_string();
    assert!(
        err.contains("11 queries") && err.contains("at most 10"),
        "{err}"
    );
    assert!(corpus.trends(&["a"; 10], &options).is_ok());
    assert!(corpus.trends(&["markets", ""], &options).is_err());
    // Dates 1000 years apart: 12,001 months is too many to chart, and the message says
    // what to do; by year they are 1,001 points.
    let mut wide = Corpus::new();
    for (title, date) in [("old", "1000-01"), ("new", "2000-01-31")] {
        let id = wide.add_document(title, "word").unwrap();
        wide.set_metadata(id, meta(Some(date), None)).unwrap();
    }
    let by_month = TrendsOptions {
        by: Grouping::Month,
        ..TrendsOptions::default()
    };
    let err = wide.trends(&["word"], &by_month).unwrap_err().to_string();
    assert!(
        err.contains("12001 months")
            && err.contains("1000-01 to 2000-01")
            && err.contains("group by year"),
        "{err}"
    );
    let t = trends(&wide, &["word"], Grouping::Year, None);
    assert_eq!(t.buckets.len(), 1001);
    assert_eq!(
        (t.buckets[0].label.as_str(), t.buckets[1000].label.as_str()),
        ("1000", "2000")
    );
}

#[test]
fn the_engine_reads_the_options_and_names_a_bad_grouping() {
    let mut engine = Engine::new();
    let request = |queries: &[&str], options: serde_json::Value| Request::Trends {
        queries: OneOrMany(queries.iter().map(|q| q.to_string()).collect()),
        options: serde_json::from_value(options).unwrap(),
    };
    let added = Request::AddDocuments {
        items: serde_json::from_value(serde_json::json!([
            {"title": "a", "text": "sea land", "language": "en", "metadata": {"date": "2024-01"}},
            {"title": "b", "text": "sea sea", "language": "en", "metadata": {"date": "2024-03-02"}},
        ]))
        .unwrap(),
    };
    engine.handle(added).unwrap();
    let Response::Trends(t) = engine
        .handle(request(&["sea"], serde_json::json!({"by": "month"})))
        .unwrap()
    else {
        panic!("not a trends answer")
    };
    assert_eq!(labels(&t), ["2024-01", "2024-02", "2024-03"]);
    assert_eq!(points(&t, 0), [(1, 2), (0, 0), (2, 2)]);
    let answer = serde_json::to_value(&t).unwrap();
    assert_eq!(answer["by"], "month");
    assert_eq!(answer["series"][0]["points"][0]["relative"], 5000.0);
    assert_eq!(answer["undated"]["docs"], 0);
    let bad = serde_json::from_value::<TrendsOptions>(serde_json::json!({"by": "week"}));
    let err = bad.unwrap_err().to_string();
    assert!(err.contains("week") && err.contains("month"), "{err}");
}

// Dates of every precision, and none.
const DATES: &[Option<&str>] = &[
    None,
    Some("2023"),
    Some("2023-05"),
    Some("2023-05-02"),
    Some("2023-12-31"),
    Some("2024-01"),
    Some("2025-02-28"),
];
const WORDS: &[&str] = &["a", "b", "the", "A", "sea", "of", "."];

/// Texts (each with a word: the corpus refuses a text without one), a date each and
/// whether the document is in `group = x`.
fn documents() -> impl Strategy<Value = Vec<(String, usize, bool)>> {
    let text = prop::collection::vec(prop::sample::select(WORDS), 0..30)
        .prop_map(|w| format!("b {}", w.join(" ")));
    prop::collection::vec((text, 0..DATES.len(), any::<bool>()), 1..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Each query's points and undated point add up to its KWIC hit count in the scope, the
    /// buckets' tokens to the scope's tokens, and a month axis has no hole.
    #[test]
    fn the_points_add_up_to_the_kwic_hits(
        docs in documents(),
        by in prop::sample::select(vec![Grouping::Document, Grouping::Year, Grouping::Month]),
        scope in prop::sample::select(vec![None, Some("group = x"), Some("date 2023"), Some("date 2023-05")]),
        case_sensitive: bool,
    ) {
        let mut corpus = Corpus::new();
        for (i, (text, date, x)) in docs.iter().enumerate() {
            let id = corpus.add_document(&format!("doc {i}"), text).unwrap();
            let mut m = meta(DATES[*date], None);
            if *x {
                m.fields.push(Field::new("group", "x"));
            }
            corpus.set_metadata(id, m).unwrap();
        }
        let scope: Option<Scope> = scope.map(|s| s.parse().unwrap());
        let queries = ["a", "the sea", "s*|of"];
        let options = TrendsOptions { by, scope: scope.clone(), case_sensitive, ..TrendsOptions::default() };
        let t = corpus.trends(&queries, &options).unwrap();
        let kwic = KwicOptions { scope: scope.clone(), case_sensitive, ..KwicOptions::default() };
        let summary = corpus.summary_in(None, scope.as_ref()).unwrap();
        let undated_tokens = t.undated.as_ref().map_or(0, |u| u.tokens);
        prop_assert_eq!(t.buckets.iter().map(|b| b.tokens).sum::<usize>() + undated_tokens, summary.tokens);
        for (query, series) in queries.iter().zip(&t.series) {
            let total = corpus.kwic(query, &kwic).unwrap().total;
            let undated = series.undated.as_ref().map_or(0, |u| u.hits);
            prop_assert_eq!(series.points.iter().map(|p| p.hits).sum::<usize>() + undated, total);
            prop_assert_eq!(series.hits, total);
            prop_assert_eq!(series.points.len(), t.buckets.len());
        }
        if by == Grouping::Month {
            for pair in t.buckets.windows(2) {
                let (y0, m0) = pair[0].label.split_once('-').unwrap();
                let (y1, m1) = pair[1].label.split_once('-').unwrap();
                let next = |y: &str, m: &str| {
                    let (y, m): (u32, u32) = (y.parse().unwrap(), m.parse().unwrap());
                    if m == 12 { (y + 1, 1) } else { (y, m + 1) }
                };
                prop_assert_eq!(next(y0, m0), (y1.parse().unwrap(), m1.parse().unwrap()));
            }
        }
    }
}
