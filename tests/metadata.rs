//! Documents' metadata (author, date, source, `name: value` fields), its validation, and
//! scopes: subcorpora chosen by metadata, resolved to documents and read by the analyses.
#![cfg(not(target_arch = "wasm32"))]

use text_explorer::engine::Engine;
use text_explorer::metadata::{valid_date, Field, Metadata};
use text_explorer::protocol::{DocumentInfo, NewDocument, Request, Response};
use text_explorer::scope::Scope;

fn meta(date: Option<&str>, fields: &[(&str, &str)]) -> Metadata {
    Metadata {
        date: date.map(str::to_string),
        fields: fields.iter().map(|(n, v)| Field::new(*n, *v)).collect(),
        ..Metadata::default()
    }
}

fn item(title: &str, text: &str, metadata: Option<Metadata>) -> NewDocument {
    NewDocument {
        title: Some(title.to_string()),
        text: text.to_string(),
        key: None,
        encoding: None,
        language: Some("en".into()),
        language_detected: None,
        metadata,
    }
}

fn documents(engine: &mut Engine) -> Vec<DocumentInfo> {
    match engine.handle(Request::Documents {}) {
        Ok(Response::Documents(docs)) => docs,
        other => panic!("documents answered {other:?}"),
    }
}

/// Three newspapers' articles: Mint (June and July 2024), Times (June 2024), and one undated.
fn newspapers() -> Engine {
    let mut engine = Engine::new();
    let items = vec![
        item(
            "Mint 1",
            "Markets rally as rupee gains. Markets cheer the budget.",
            Some(meta(Some("2024-06-03"), &[("newspaper", "Mint")])),
        ),
        item(
            "Times 1",
            "Cricket fans cheer the team. Cricket is back.",
            Some(meta(Some("2024-06-20"), &[("newspaper", "Times")])),
        ),
        item(
            "Mint 2",
            "Markets fall as the rupee slips. The budget worries markets.",
            Some(meta(Some("2024-07"), &[("newspaper", "Mint")])),
        ),
        item("Undated", "A letter about cricket and markets.", None),
    ];
    match engine.handle(Request::AddDocuments { items }) {
        Ok(Response::AddDocuments(added)) => assert!(added.errors.is_empty(), "{added:?}"),
        other => panic!("addDocuments answered {other:?}"),
    }
    engine
}

/// Named cases of `read(input)`: `Ok(what it gives)` or `Err(a part of its message)`.
macro_rules! cases {
    ($read:expr; $($name:ident: $input:expr => $expected:expr,)*) => {$(
        #[test]
        fn $name() {
            let got = ($read)($input).map_err(|e: text_explorer::Error| e.to_string());
            let expected: Result<&str, &str> = $expected;
            match (got, expected) {
                (Ok(got), Ok(want)) => assert_eq!(got, want),
                (Err(got), Err(part)) => assert!(got.contains(part), "{got}"),
                (got, want) => panic!("{:?}: got {got:?}, want {want:?}", $input),
            }
        }
    )*};
}

cases! {
    valid_date;
    date_year: "2024" => Ok("2024"),
    date_month: "2024-06" => Ok("2024-06"),
    date_day: "2024-06-03" => Ok("2024-06-03"),
    date_trimmed: "  1851-10-18 " => Ok("1851-10-18"),
    date_time_keeps_the_day: "2024-06-03T09:30:00+05:30" => Ok("2024-06-03"),
    date_leap_day: "2024-02-29" => Ok("2024-02-29"),
    date_leap_2000: "2000-02-29" => Ok("2000-02-29"),
    date_no_leap_1900: "1900-02-29" => Err("days 01 to 28, not 29"),
    date_no_leap_2023: "2023-02-29" => Err("days 01 to 28"),
    date_april_31: "2024-04-31" => Err("days 01 to 30, not 31"),
    date_month_13: "2024-13" => Err("month must be from 01 to 12, not 13"),
    date_month_00: "2024-00-10" => Err("not 00"),
    date_day_00: "2024-01-00" => Err("not 00"),
    date_words: "June 2024" => Err("is not an ISO 8601 date"),
    date_slashes: "03/06/2024" => Err("is not an ISO 8601 date"),
    date_short_year: "24-06" => Err("is not an ISO 8601 date"),
    date_one_digit_month: "2024-6" => Err("is not an ISO 8601 date"),
    date_trailing_dash: "2024-" => Err("is not an ISO 8601 date"),
    date_time_without_day: "2024-06T10:00" => Err("is not an ISO 8601 date"),
}

#[test]
fn metadata_is_trimmed_and_blank_values_dropped() {
    let m = Metadata {
        author: Some("  Virginia Woolf ".into()),
        date: Some(" ".into()),
        source: Some("".into()),
        fields: vec![Field::new(" genre ", " essay "), Field::new("group", "  ")],
    }
    .validated()
    .unwrap();
    assert_eq!(m.author.as_deref(), Some("Virginia Woolf"));
    assert_eq!(m.date, None);
    assert_eq!(m.source, None);
    assert_eq!(m.fields, [Field::new("genre", "essay")]);
}

#[test]
fn metadata_refusals_name_the_problem() {
    let refused = |m: Metadata| m.validated().unwrap_err().to_string();
    assert!(refused(meta(None, &[("", "x")])).contains("has no name"));
    assert!(
        refused(meta(None, &[("Genre", "a"), ("genre", "b")])).contains("“genre” is given twice")
    );
    assert!(refused(meta(None, &[("Author", "x")])).contains("“Author” is not a field name"));
    assert!(refused(meta(Some("someday"), &[])).contains("“someday” is not an ISO 8601 date"));
    let long = "x".repeat(10_001);
    assert!(refused(meta(None, &[("notes", &long)])).contains("longer than 10000"));
}

#[test]
fn metadata_maps_onto_name_value_pairs_and_back() {
    let m = Metadata {
        author: Some("Woolf".into()),
        date: Some("1925".into()),
        source: Some("https://example.org/woolf".into()),
        fields: vec![Field::new("genre", "novel"), Field::new("group", "A")],
    };
    let pairs = m.pairs();
    assert_eq!(
        pairs.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["author", "date", "source", "genre", "group"]
    );
    assert_eq!(Metadata::from_pairs(pairs).unwrap(), m);
    assert_eq!(
        Metadata::from_pairs(Vec::new()).unwrap(),
        Metadata::default()
    );
}

#[test]
fn added_metadata_is_listed_by_documents() {
    let mut engine = newspapers();
    let docs = documents(&mut engine);
    assert_eq!(docs[0].metadata.date.as_deref(), Some("2024-06-03"));
    assert_eq!(docs[0].metadata.field("newspaper"), Some("Mint"));
    assert_eq!(docs[3].metadata, Metadata::default());
}

#[test]
fn a_text_with_invalid_metadata_is_refused_alone() {
    let mut engine = Engine::new();
    let items = vec![
        item("ok", "Fine words here.", Some(meta(Some("2024"), &[]))),
        item(
            "bad",
            "More words here.",
            Some(meta(Some("2024-02-30"), &[])),
        ),
        item("ok too", "Other words.", None),
    ];
    let Ok(Response::AddDocuments(added)) = engine.handle(Request::AddDocuments { items }) else {
        panic!("addDocuments failed")
    };
    assert_eq!(added.added, [0, 1]);
    assert_eq!(added.errors.len(), 1);
    assert_eq!(added.errors[0].index, 1);
    assert!(
        added.errors[0].message.contains("not 30"),
        "{:?}",
        added.errors
    );
    let titles: Vec<String> = documents(&mut engine)
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(titles, ["ok", "ok too"]);
}

#[test]
fn set_metadata_replaces_and_a_refusal_changes_nothing() {
    let mut engine = newspapers();
    let set = |engine: &mut Engine, m: Metadata| {
        engine
            .handle(Request::SetMetadata { id: 3, metadata: m })
            .map(|_| ())
    };
    set(
        &mut engine,
        meta(Some("2024-06"), &[("newspaper", "Letters")]),
    )
    .unwrap();
    assert_eq!(
        documents(&mut engine)[3].metadata.field("Newspaper"),
        Some("Letters")
    );
    let err = set(&mut engine, meta(Some("2024-6"), &[])).unwrap_err();
    assert!(
        err.to_string().starts_with("invalid date: “2024-6”"),
        "{err}"
    );
    assert_eq!(
        documents(&mut engine)[3].metadata.date.as_deref(),
        Some("2024-06")
    );
    assert!(engine
        .handle(Request::SetMetadata {
            id: 9,
            metadata: Metadata::default()
        })
        .is_err());
}

#[test]
fn metadata_follows_its_document_through_removal_language_and_folding() {
    let mut engine = newspapers();
    engine.handle(Request::RemoveDocument { id: 0 }).unwrap();
    let docs = documents(&mut engine);
    assert_eq!(docs[0].title, "Times 1");
    assert_eq!(docs[0].metadata.field("newspaper"), Some("Times"));
    // French splits elisions: the document is tokenised again in place.
    engine
        .handle(Request::SetLanguage {
            id: 1,
            language: "fr".into(),
        })
        .unwrap();
    engine.handle(Request::SetFolding { fold: true }).unwrap();
    let docs = documents(&mut engine);
    assert_eq!(docs[1].title, "Mint 2");
    assert_eq!(docs[1].metadata.date.as_deref(), Some("2024-07"));
    assert_eq!(docs[0].metadata.field("newspaper"), Some("Times"));
}

cases! {
    |s: &str| s.parse::<Scope>().map(|s| s.to_string());
    scope_field: "newspaper = Mint" => Ok("newspaper = Mint"),
    scope_field_tight: "newspaper=Mint" => Ok("newspaper = Mint"),
    scope_value_with_equals: "source = https://x.org/?a=b" => Ok("source = https://x.org/?a=b"),
    scope_date: "date 2024-06" => Ok("date 2024-06"),
    scope_date_equals: "Date = 2024" => Ok("date 2024"),
    scope_date_invalid: "date 2024-13" => Err("not 13"),
    scope_empty: "  " => Err("the scope is empty"),
    scope_no_operator: "Mint" => Err("“Mint” is not a scope"),
    scope_no_name: "= Mint" => Err("names no field"),
    scope_no_value: "newspaper =" => Err("gives no value"),
}

#[test]
fn scopes_resolve_to_documents() {
    let engine = newspapers();
    let corpus = engine.corpus();
    let ids = |s: &str| corpus.scope(&s.parse().unwrap());
    assert_eq!(ids("newspaper = Mint"), [0, 2]);
    assert_eq!(ids("NEWSPAPER = mint"), [0, 2]);
    assert_eq!(ids("newspaper = Times"), [1]);
    assert_eq!(ids("newspaper = Guardian"), Vec::<u32>::new());
    assert_eq!(ids("date 2024"), [0, 1, 2]);
    assert_eq!(ids("date 2024-06"), [0, 1]);
    assert_eq!(ids("date 2024-06-03"), [0]);
    assert_eq!(ids("date 2024-07"), [2]);
    // A document dated only by month is not within one of its days.
    assert_eq!(ids("date 2024-07-01"), Vec::<u32>::new());
    assert_eq!(ids("title = undated"), [3]);
}

// Each analysis scoped to a subcorpus answers as it does on a corpus of those documents
// alone (positions and ids aside): the independent value is a second engine holding only them.

/// The texts of `newspapers()` in `ids`, as a corpus of their own.
fn alone(ids: &[usize]) -> text_explorer::Corpus {
    let texts = [
        "Markets rally as rupee gains. Markets cheer the budget.",
        "Cricket fans cheer the team. Cricket is back.",
        "Markets fall as the rupee slips. The budget worries markets.",
        "A letter about cricket and markets.",
    ];
    let mut corpus = text_explorer::Corpus::new();
    for &i in ids {
        corpus.add_in("", texts[i].to_string(), Some("en")).unwrap();
    }
    corpus.prepare();
    corpus
}

fn scope(s: &str) -> Option<Scope> {
    Some(s.parse().unwrap())
}

#[test]
fn kwic_reads_the_scope_only() {
    use text_explorer::KwicOptions;
    let engine = newspapers();
    let corpus = engine.corpus();
    let lines = |options: KwicOptions| {
        let page = corpus.kwic("markets", &options).unwrap();
        let docs: Vec<u32> = page.lines.iter().map(|l| l.doc).collect();
        (page.total, docs)
    };
    assert_eq!(lines(KwicOptions::default()).0, 5);
    let june = KwicOptions {
        scope: scope("date 2024-06"),
        ..KwicOptions::default()
    };
    assert_eq!(lines(june), (2, vec![0, 0]));
    let mint = KwicOptions {
        scope: scope("newspaper = Mint"),
        ..KwicOptions::default()
    };
    assert_eq!(lines(mint), (4, vec![0, 0, 2, 2]));
    // With a document: that document if it is in the scope, else nothing.
    let both = |doc| KwicOptions {
        doc: Some(doc),
        scope: scope("newspaper = Mint"),
        ..KwicOptions::default()
    };
    assert_eq!(lines(both(2)), (2, vec![2, 2]));
    assert_eq!(lines(both(3)), (0, vec![]));
    let none = KwicOptions {
        scope: scope("newspaper = Guardian"),
        ..KwicOptions::default()
    };
    assert_eq!(lines(none), (0, vec![]));
}

#[test]
fn terms_summary_phrases_and_collocates_match_the_subcorpus_alone() {
    use text_explorer::{CollocateOptions, DispersionOptions, NgramOptions, TermsOptions};
    let engine = newspapers();
    let corpus = engine.corpus();
    let mint = alone(&[0, 2]);
    let rows = |c: &text_explorer::Corpus, o: &TermsOptions| -> Vec<(String, usize, usize)> {
        let rows = c.terms(o).unwrap();
        rows.iter()
            .map(|r| (r.term.to_string(), r.count, r.docs))
            .collect()
    };
    for stopwords in [true, false] {
        let scoped = TermsOptions {
            scope: scope("newspaper = mint"),
            stopwords,
            ..TermsOptions::default()
        };
        let plain = TermsOptions {
            stopwords,
            ..TermsOptions::default()
        };
        assert_eq!(
            rows(corpus, &scoped),
            rows(&mint, &plain),
            "stopwords: {stopwords}"
        );
    }
    let s = corpus
        .summary_in(None, scope("newspaper = Mint").as_ref())
        .unwrap();
    assert_eq!(s, mint.summary(None).unwrap());
    assert_eq!(s.documents, 2);

    let phrases = |c: &text_explorer::Corpus, o: &NgramOptions| -> Vec<(String, usize, usize)> {
        let rows = c.ngrams(o).unwrap();
        rows.iter()
            .map(|g| (g.terms.join(" "), g.count, g.docs))
            .collect()
    };
    let scoped = NgramOptions {
        scope: scope("newspaper = Mint"),
        min_count: 1,
        ..NgramOptions::default()
    };
    let plain = NgramOptions {
        min_count: 1,
        ..NgramOptions::default()
    };
    assert_eq!(phrases(corpus, &scoped), phrases(&mint, &plain));

    let colls = |c: &text_explorer::Corpus, o: &CollocateOptions| -> Vec<(String, String)> {
        let found = c.collocates("markets", o).unwrap();
        found
            .rows
            .iter()
            .map(|r| (r.term.to_string(), format!("{r:?}")))
            .collect()
    };
    let scoped = CollocateOptions {
        scope: scope("newspaper = Mint"),
        min_count: 1,
        ..CollocateOptions::default()
    };
    let plain = CollocateOptions {
        min_count: 1,
        ..CollocateOptions::default()
    };
    assert_eq!(colls(corpus, &scoped), colls(&mint, &plain));

    let scoped = DispersionOptions {
        scope: scope("newspaper = Mint"),
        ..DispersionOptions::default()
    };
    let d = corpus.dispersion("markets", &scoped).unwrap();
    let m = mint
        .dispersion("markets", &DispersionOptions::default())
        .unwrap();
    assert_eq!(d.docs.iter().map(|x| x.doc).collect::<Vec<_>>(), [0, 2]);
    assert_eq!((d.hits, d.dp, d.parts), (m.hits, m.dp, m.parts));
}

#[test]
fn keyness_compares_two_subcorpora() {
    use text_explorer::KeynessOptions;
    let engine = newspapers();
    let corpus = engine.corpus();
    let options = KeynessOptions {
        target_scope: scope("newspaper = Mint"),
        reference_scope: scope("newspaper = Times"),
        ..KeynessOptions::default()
    };
    let by_scope = corpus.keyness(&options).unwrap();
    let by_ids = corpus
        .keyness(&KeynessOptions {
            target: vec![0, 2],
            reference: Some(vec![1]),
            ..KeynessOptions::default()
        })
        .unwrap();
    assert_eq!(format!("{by_scope:?}"), format!("{by_ids:?}"));
    // Mint 1 and 2 (9 + 10 tokens) against Times 1 (8): the undated letter is in neither.
    assert_eq!((by_scope.target_tokens, by_scope.reference_tokens), (19, 8));
    assert_eq!(by_scope.over[0].term, "markets");
    // Without a reference scope, the reference is the rest of the corpus.
    let rest = KeynessOptions {
        target_scope: scope("newspaper = Mint"),
        ..KeynessOptions::default()
    };
    assert_eq!(corpus.keyness(&rest).unwrap().reference_tokens, 14);
    let err = corpus
        .keyness(&KeynessOptions {
            target_scope: scope("newspaper = Guardian"),
            ..KeynessOptions::default()
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "invalid target: no document is in “newspaper = Guardian”: check the field's name and value");
    let overlap = KeynessOptions {
        target_scope: scope("newspaper = Mint"),
        reference_scope: scope("date 2024-06"),
        ..KeynessOptions::default()
    };
    assert!(corpus
        .keyness(&overlap)
        .unwrap_err()
        .to_string()
        .contains("must not overlap"));
}

#[test]
fn a_scope_arrives_as_a_string_in_the_request() {
    let mut engine = newspapers();
    let options: text_explorer::KwicOptions =
        serde_json::from_value(serde_json::json!({"scope": "date 2024-06"})).unwrap();
    let Response::Kwic(page) = engine
        .handle(Request::Kwic {
            query: "cheer".into(),
            options,
        })
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(page.total, 2);
    let bad = serde_json::from_value::<text_explorer::KwicOptions>(
        serde_json::json!({"scope": "date 2024-6"}),
    );
    assert!(bad
        .unwrap_err()
        .to_string()
        .contains("“2024-6” is not an ISO 8601 date"));
}
