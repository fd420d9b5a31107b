//! The analysis stages (collocates, phrases, keyness, dispersion, comparison) on small texts
//! whose figures were worked out by hand: the expected values below are written from the
//! hand-built tables (as fractions), not computed by the code under test.

mod common;

use common::corpus;
use text_explorer::{
    Collocate, CollocateOptions, CompareOptions, Corpus, Counting, DispersionOptions,
    KeynessOptions, Measure, NgramOptions,
};

fn close(got: f64, expected: f64) {
    assert!(
        (got - expected).abs() < 1e-9,
        "got {got}, expected {expected}"
    );
}

/// Tokens: x0 a1 b2 x3 a4 c5 d6 x7 e8 a9 f10 (N = 11). Node "x" at 0, 3, 7 (f(n) = 3);
/// windows of one token each side: {1}, {2, 4}, {6, 8}, so W = 5. The collocate "a" occurs
/// at 1, 4, 9 (f(c) = 3), two of them in windows (O = 2).
///
/// E = 3 · 5 / 11 = 15/11. MI = log2(2 / (15/11)) = log2(22/15). t = (2 − 15/11) / √2.
/// logDice = 14 + log2(2·2 / (3 + 3)). G² from the table
///
/// |            | a | not a |    |
/// |------------|---|-------|----|
/// | window     | 2 | 3     | 5  |
/// | not window | 1 | 5     | 6  |
/// |            | 3 | 8     | 11 |
///
/// with E = 15/11, 40/11, 18/11, 48/11: G² = 2 (2 ln(22/15) + 3 ln(33/40) + 1 ln(11/18)
/// + 5 ln(55/48)) ≈ 0.7541.
#[test]
fn collocate_measures_match_the_hand_worked_table() {
    let c = corpus(&["x a b x a c d x e a f"]);
    let options = CollocateOptions {
        left: 1,
        right: 1,
        ..Default::default()
    };
    let found = c.collocates("x", &options).unwrap();
    assert_eq!((found.hits, found.tokens, found.window_tokens), (3, 11, 5));
    // min_count 2 leaves out b, c, d, e (once each in a window).
    assert_eq!(found.rows.len(), 1);
    let ln = f64::ln;
    let g2 = 2.0
        * (2.0 * ln(22.0 / 15.0) + 3.0 * ln(33.0 / 40.0) + ln(11.0 / 18.0) + 5.0 * ln(55.0 / 48.0));
    // E, MI, t-score, logDice, G².
    let expected = [
        15.0 / 11.0,
        (22.0f64 / 15.0).log2(),
        (2.0 - 15.0 / 11.0) / 2f64.sqrt(),
        14.0 + (4.0f64 / 6.0).log2(),
        g2,
    ];
    assert_collocate(&found.rows[0], ("a", 2, 3), expected);
    close(found.rows[0].log_likelihood, 0.754_106_426_189_897_1);
}

/// A collocate's term, O and f(c), and its E, MI, t-score, logDice and G².
fn assert_collocate(row: &Collocate, (term, o, f): (&str, usize, usize), measures: [f64; 5]) {
    assert_eq!((row.term, row.observed, row.count), (term, o, f));
    let got = [
        row.expected,
        row.mi,
        row.t_score,
        row.log_dice,
        row.log_likelihood,
    ];
    for (got, expected) in got.into_iter().zip(measures) {
        close(got, expected);
    }
}

/// The same text counted per hit window (AntConc, NLTK): the windows {1}, {2, 4}, {6, 8}
/// hold 5 tokens; "a" is in two of them (O = 2); E = f(n) · span · f(c) / N = 3 · 2 · 3 / 11
/// = 18/11 (the first window, cut short by the start of the text, counts in full, as in
/// NLTK). MI = log2(2 / (18/11)) = log2(11/9); t = (2 − 18/11) / √2; logDice as before. G²
/// is over NLTK's table of the pairs scaled by the span, O / 2 = 1:
///
/// |          | a | not a |    |
/// |----------|---|-------|----|
/// | x        | 1 | 2     | 3  |
/// | not x    | 2 | 6     | 8  |
/// |          | 3 | 8     | 11 |
///
/// with E = 9/11, 24/11, 24/11, 64/11: G² = 2 (ln(11/9) + 4 ln(11/12) + 6 ln(33/32)) ≈ 0.0745.
#[test]
fn per_hit_collocates_match_the_hand_worked_table() {
    let c = corpus(&["x a b x a c d x e a f"]);
    let options = CollocateOptions {
        left: 1,
        right: 1,
        counting: Counting::PerHit,
        ..Default::default()
    };
    let found = c.collocates("x", &options).unwrap();
    assert_eq!((found.hits, found.tokens, found.window_tokens), (3, 11, 5));
    assert_eq!(found.rows.len(), 1);
    let ln = f64::ln;
    let expected = [
        18.0 / 11.0,
        (11.0f64 / 9.0).log2(),
        (2.0 - 18.0 / 11.0) / 2f64.sqrt(),
        14.0 + (4.0f64 / 6.0).log2(),
        2.0 * (ln(11.0 / 9.0) + 4.0 * ln(11.0 / 12.0) + 6.0 * ln(33.0 / 32.0)),
    ];
    assert_collocate(&found.rows[0], ("a", 2, 3), expected);
    close(found.rows[0].log_likelihood, 0.074_510_279_008_308_26);
    // Per hit, a token in two windows counts twice and the other hits count: in "x x a",
    // the first x's window holds the second x, the second's holds the first x and a.
    let c = corpus(&["x x a"]);
    let options = CollocateOptions {
        min_count: 1,
        positive_only: false,
        ..options
    };
    let found = c.collocates("x", &options).unwrap();
    let rows: Vec<_> = found.rows.iter().map(|r| (r.term, r.observed)).collect();
    assert_eq!((found.window_tokens, rows), (3, vec![("x", 2), ("a", 1)]));
    // The union of the windows less the hits is {2}: a alone.
    let union = CollocateOptions {
        counting: Counting::Union,
        ..options
    };
    let found = c.collocates("x", &union).unwrap();
    let rows: Vec<_> = found.rows.iter().map(|r| (r.term, r.observed)).collect();
    assert_eq!((found.window_tokens, rows), (1, vec![("a", 1)]));
    assert!("perhit".parse::<Counting>().is_ok());
    let err = "pairs".parse::<Counting>().unwrap_err().to_string();
    assert!(err.contains("“pairs” is not a way of counting"), "{err}");
}

/// Tokens x0 a1 b2 b3 b4 b5 b6 b7 x8 b9 (N = 10), windows of one token: {1}, {7, 9}, W = 3.
/// "b" (f(c) = 7) is at 7 and 9 in them, O = 2 below E = 7 · 3 / 10 = 2.1: it avoids x. Its
/// table is [[2, 1], [5, 2]] with E = 2.1, 0.9, 4.9, 2.1, so G² = −2 (4 ln(20/21) + ln(10/9)
/// + 5 ln(50/49)) ≈ −0.0224, negative as it is below expectation. "a": O = 1 > E = 0.3.
#[test]
fn collocate_g2_is_signed_and_negative_associations_are_left_out_by_default() {
    let c = corpus(&["x a b b b b b b x b"]);
    let options = CollocateOptions {
        left: 1,
        right: 1,
        min_count: 1,
        sort: Measure::LogLikelihood,
        ..Default::default()
    };
    let found = c.collocates("x", &options).unwrap();
    let rows: Vec<_> = found.rows.iter().map(|r| r.term).collect();
    assert_eq!(rows, ["a"]);
    let all = CollocateOptions {
        positive_only: false,
        ..options
    };
    let found = c.collocates("x", &all).unwrap();
    let rows: Vec<_> = found.rows.iter().map(|r| (r.term, r.observed)).collect();
    assert_eq!(rows, [("a", 1), ("b", 2)]);
    let b = &found.rows[1];
    close(b.expected, 2.1);
    let ln = f64::ln;
    close(
        b.log_likelihood,
        -2.0 * (4.0 * ln(20.0 / 21.0) + ln(10.0 / 9.0) + 5.0 * ln(50.0 / 49.0)),
    );
    assert!(found.rows[0].log_likelihood > 0.0);
}

#[test]
fn collocate_windows_stay_in_their_document_and_count_a_token_once() {
    // "x x y": the second x is a hit, not a window position; y is in both windows but
    // counts once. The second document's "y" is not next to its x's window across the
    // document boundary.
    let c = corpus(&["x x y", "y x"]);
    let options = CollocateOptions {
        left: 2,
        right: 2,
        min_count: 1,
        ..Default::default()
    };
    let found = c.collocates("x", &options).unwrap();
    // Windows: doc 0 {2}; doc 1 {0}. W = 2, y observed twice.
    assert_eq!((found.hits, found.window_tokens), (3, 2));
    let rows: Vec<_> = found.rows.iter().map(|r| (r.term, r.observed)).collect();
    assert_eq!(rows, [("y", 2)]);
    let one_doc = c
        .collocates(
            "x",
            &CollocateOptions {
                doc: Some(1),
                ..options.clone()
            },
        )
        .unwrap();
    assert_eq!(
        (one_doc.hits, one_doc.tokens, one_doc.window_tokens),
        (1, 2, 1)
    );
}

#[test]
fn collocates_sort_by_the_chosen_measure_and_reject_bad_options() {
    let c = Corpus::with_articles();
    for sort in [
        Measure::Count,
        Measure::Mi,
        Measure::LogLikelihood,
        Measure::TScore,
        Measure::LogDice,
    ] {
        let found = c
            .collocates(
                "korea",
                &CollocateOptions {
                    sort,
                    ..Default::default()
                },
            )
            .unwrap();
        let key = |r: &text_explorer::Collocate| match sort {
            Measure::Count => r.observed as f64,
            Measure::Mi => r.mi,
            Measure::LogLikelihood => r.log_likelihood,
            Measure::TScore => r.t_score,
            Measure::LogDice => r.log_dice,
        };
        assert!(found.rows.len() > 3);
        assert!(found.rows.windows(2).all(|w| key(&w[0]) >= key(&w[1])));
        assert!(found.rows.iter().all(|r| r.observed >= 2));
    }
    assert_eq!("G2".parse::<Measure>().unwrap(), Measure::LogLikelihood);
    let err = "dice".parse::<Measure>().unwrap_err().to_string();
    assert!(err.contains("“dice” is not a measure"), "{err}");
    let bad = |left, right| {
        c.collocates(
            "korea",
            &CollocateOptions {
                left,
                right,
                ..Default::default()
            },
        )
        .unwrap_err()
        .to_string()
    };
    assert_eq!(
        bad(11, 5),
        "invalid left: expected a whole number from 0 to 10, got 11"
    );
    assert!(bad(0, 0).contains("left and right are both 0"));
    assert!(c.collocates("", &CollocateOptions::default()).is_err());
}

/// Tokens a0 b1 c2 a3 b4 c5 a6 b7. Repeated: ab ×3, bc ×2, ca ×2, abc ×2, bca ×2, cab ×2,
/// abca ×2 (at 0 and 3), bcab ×2 (1, 4), abcab ×2 (0, 3); cabc, bcabc and abcabc once.
#[test]
fn phrases_counted_by_hand() {
    let c = corpus(&["a b c a b c a b"]);
    let all = c.ngrams(&NgramOptions::default()).unwrap();
    let got: Vec<(String, usize)> = all.iter().map(|g| (g.terms.join(" "), g.count)).collect();
    let expected = [
        ("a b", 3),
        ("a b c a b", 2),
        ("a b c a", 2),
        ("b c a b", 2),
        ("a b c", 2),
        ("b c a", 2),
        ("c a b", 2),
        ("b c", 2),
        ("c a", 2),
    ];
    let expected: Vec<(String, usize)> = expected.iter().map(|&(p, n)| (p.into(), n)).collect();
    assert_eq!(got, expected);
    assert_eq!(all[1].first, (0, 0));
    assert_eq!(all[5].first, (0, 1));
    // Longest only: every shorter phrase lies inside "a b c a b".
    let longest = c
        .ngrams(&NgramOptions {
            longest_only: true,
            ..Default::default()
        })
        .unwrap();
    let got: Vec<_> = longest.iter().map(|g| g.terms.join(" ")).collect();
    assert_eq!(got, ["a b c a b"]);
    // Length range and minimum count.
    let trigrams = c
        .ngrams(&NgramOptions {
            min_length: 3,
            max_length: 3,
            min_count: 1,
            ..Default::default()
        })
        .unwrap();
    let got: Vec<_> = trigrams
        .iter()
        .map(|g| (g.terms.join(" "), g.count))
        .collect();
    assert_eq!(
        got,
        [
            ("a b c".to_string(), 2),
            ("b c a".into(), 2),
            ("c a b".into(), 2)
        ]
    );
}

#[test]
fn phrases_without_stop_word_edges_and_across_documents() {
    let c = corpus(&[
        "the state of the union is strong. The state of the union.",
        "Union state of the union",
    ]);
    let options = NgramOptions {
        trim_stopwords: true,
        ..Default::default()
    };
    let rows = c.ngrams(&options).unwrap();
    let got: Vec<_> = rows
        .iter()
        .map(|g| (g.terms.join(" "), g.count, g.docs))
        .collect();
    // "state of the union" ×3 in 2 documents; "the state…", "…of the", "of the union" start
    // or end with a stop word and are left out.
    assert_eq!(got, [("state of the union".to_string(), 3, 2)]);
    let longest = c
        .ngrams(&NgramOptions {
            longest_only: true,
            ..Default::default()
        })
        .unwrap();
    let got: Vec<_> = longest
        .iter()
        .map(|g| (g.terms.join(" "), g.count))
        .collect();
    // "the state of the union" (×2) holds two of the three "state of the union": the third
    // (in the second text, after "union", a phrase seen once) is left to it, and every
    // shorter phrase lies inside one of the two.
    assert_eq!(
        got,
        [
            ("the state of the union".to_string(), 2),
            ("state of the union".into(), 1)
        ]
    );
    assert!(c
        .ngrams(&NgramOptions {
            min_length: 1,
            ..Default::default()
        })
        .unwrap_err()
        .to_string()
        .contains("minLength"));
    assert!(c
        .ngrams(&NgramOptions {
            min_length: 4,
            max_length: 3,
            ..Default::default()
        })
        .is_err());
}

/// Sentences "X y." "Z w." "X y z w." (a capital after the full stop: UAX #29 SB8 reads
/// "y. z" as an abbreviation inside a sentence): within sentences, "x y" and "z w" are seen twice
/// and nothing else is; across them, "y. z" joins the first two, so "x y z w" and all its
/// parts are seen twice.
#[test]
fn phrases_stay_within_sentences_unless_asked() {
    let c = corpus(&["X y. Z w. X y z w."]);
    let got = |options: &NgramOptions| -> Vec<(String, usize)> {
        let rows = c.ngrams(options).unwrap();
        rows.iter().map(|g| (g.terms.join(" "), g.count)).collect()
    };
    let within = [("x y".to_string(), 2), ("z w".into(), 2)];
    assert_eq!(got(&NgramOptions::default()), within);
    let across = NgramOptions {
        cross_sentences: true,
        ..Default::default()
    };
    let phrases = ["x y z w", "x y z", "y z w", "x y", "y z", "z w"];
    let expected: Vec<(String, usize)> = phrases.iter().map(|p| (p.to_string(), 2)).collect();
    assert_eq!(got(&across), expected);
}

/// The two articles: "north korea" is seen 25 times, 3 of them in "that north korea".
/// Longest only counts its occurrences outside the longer phrases of the list: it stays,
/// with the 9 left over (it used to disappear).
#[test]
fn longest_only_keeps_north_korea_with_its_other_occurrences() {
    let c = Corpus::with_articles();
    let count = |rows: &[text_explorer::Ngram], phrase: &str| {
        rows.iter()
            .find(|g| g.terms.join(" ") == phrase)
            .map(|g| g.count)
    };
    let all = c.ngrams(&NgramOptions::default()).unwrap();
    assert_eq!(count(&all, "north korea"), Some(25));
    assert_eq!(count(&all, "that north korea"), Some(3));
    let longest = NgramOptions {
        longest_only: true,
        ..Default::default()
    };
    let kept = c.ngrams(&longest).unwrap();
    // The longer listed phrases that hold it: "north korea for" ×4, "that north korea" ×3,
    // "with north korea" ×3, "for north korea", "in north korea", "north korea is", "north
    // korea with" ×2 each: 18 occurrences, two of them in two phrases at once, so 16 of the
    // 25 are inside a longer phrase and 9 are left.
    assert_eq!(count(&kept, "north korea"), Some(9));
    assert_eq!(count(&kept, "that north korea"), Some(3));
}

/// Target "cat cat cat dog" (c = 4); reference "cat dog dog dog dog dog owl" (d = 7).
///
/// cat: a = 3, b = 1; E₁ = 4·4/11 = 16/11, E₂ = 7·4/11 = 28/11;
/// G² = 2 (3 ln(3·11/16) + 1 ln(11/28)); Log Ratio = log2((3/4) / (1/7)) = log2(21/4).
/// dog: a = 1, b = 5; E₁ = 4·6/11 = 24/11, E₂ = 42/11; G² = 2 (ln(11/24) + 5 ln(55/42));
/// Log Ratio = log2((1/4) / (5/7)) = log2(7/20).
/// owl: a = 0, b = 1; E₂ = 7/11; G² = 2 ln(11/7); Log Ratio = log2((0.5/4) / (1/7)) =
/// log2(7/8) (the zero read as 0.5).
#[test]
fn keyness_matches_the_hand_worked_values() {
    let c = corpus(&["cat cat cat dog", "cat dog dog dog dog dog owl"]);
    let key = c
        .keyness(&KeynessOptions {
            target: vec![0],
            ..Default::default()
        })
        .unwrap();
    assert_eq!((key.target_tokens, key.reference_tokens), (4, 7));
    let ln = f64::ln;
    assert_eq!(key.over.len(), 1);
    let cat = &key.over[0];
    assert_eq!((cat.term, cat.target, cat.reference), ("cat", 3, 1));
    close(
        cat.log_likelihood,
        2.0 * (3.0 * ln(33.0 / 16.0) + ln(11.0 / 28.0)),
    );
    close(cat.log_ratio, (21.0f64 / 4.0).log2());
    let under: Vec<_> = key.under.iter().map(|k| k.term).collect();
    // Sorted by G²: dog ≈ 1.143, owl ≈ 0.904.
    assert_eq!(under, ["dog", "owl"]);
    let (dog, owl) = (&key.under[0], &key.under[1]);
    close(
        dog.log_likelihood,
        2.0 * (ln(11.0 / 24.0) + 5.0 * ln(55.0 / 42.0)),
    );
    close(dog.log_ratio, (7.0f64 / 20.0).log2());
    close(owl.log_likelihood, 2.0 * ln(11.0 / 7.0));
    close(owl.log_ratio, (7.0f64 / 8.0).log2());
    // p from χ²(1): G² = 3.841 would be p = 0.05; these are far from significant.
    assert!(cat.p > 0.05 && cat.p < 1.0);
}

#[test]
fn keyness_groups_and_errors() {
    let c = corpus(&["a b", "a a", "b b b", "c"]);
    let key = c
        .keyness(&KeynessOptions {
            target: vec![0, 1],
            reference: Some(vec![2]),
            ..Default::default()
        })
        .unwrap();
    // Document 3 ("c") is in neither group, so "c" is not counted.
    assert_eq!((key.target_tokens, key.reference_tokens), (4, 3));
    let over: Vec<_> = key
        .over
        .iter()
        .map(|k| (k.term, k.target, k.reference))
        .collect();
    assert_eq!(over, [("a", 3, 0)]);
    let under: Vec<_> = key
        .under
        .iter()
        .map(|k| (k.term, k.target, k.reference))
        .collect();
    assert_eq!(under, [("b", 1, 3)]);
    let err = |options: KeynessOptions| c.keyness(&options).unwrap_err().to_string();
    assert!(err(KeynessOptions::default()).contains("target"));
    assert!(err(KeynessOptions {
        target: vec![0],
        reference: Some(vec![0]),
        ..Default::default()
    })
    .contains("document 0 is in the target too"));
    assert!(err(KeynessOptions {
        target: vec![9],
        ..Default::default()
    })
    .contains("unknown document id 9"));
    let single = corpus(&["only one"]);
    assert!(single
        .keyness(&KeynessOptions {
            target: vec![0],
            ..Default::default()
        })
        .unwrap_err()
        .to_string()
        .contains("reference"));
}

/// Documents of 4, 4 and 2 tokens (shares 0.4, 0.4, 0.2); the two hits are both in the
/// first (shares 1, 0, 0). DP = ½ (|1 − 0.4| + |0 − 0.4| + |0 − 0.2|) = 0.6; DPnorm =
/// 0.6 / (1 − 0.2) = 0.75.
#[test]
fn dispersion_dp_by_hand() {
    let c = corpus(&["k k x x", "x x x x", "x x"]);
    let d = c.dispersion("k", &DispersionOptions::default()).unwrap();
    assert_eq!((d.hits, d.parts), (2, 3));
    close(d.dp.unwrap(), 0.6);
    close(d.dp_norm.unwrap(), 0.75);
    assert_eq!(d.docs[0].positions, [0, 1]);
    assert!(d.docs[1].positions.is_empty());
    // Evenly spread over the documents: DP = 0.
    let even = c.dispersion("x", &DispersionOptions::default()).unwrap();
    // x: 2, 4, 2 of 8 against sizes 4, 4, 2 of 10: ½ (|0.25 − 0.4| + |0.5 − 0.4| + |0.25 − 0.2|) = 0.15.
    close(even.dp.unwrap(), 0.15);
    // No hit: no proportions to compare, so no DP (not 0, "perfectly even").
    let none = c
        .dispersion("absent", &DispersionOptions::default())
        .unwrap();
    assert_eq!((none.hits, none.dp, none.dp_norm), (0, None, None));
    let one_doc = DispersionOptions {
        doc: Some(2),
        ..Default::default()
    };
    assert_eq!(c.dispersion("k", &one_doc).unwrap().dp, None);
}

#[test]
fn dispersion_segments_of_one_document() {
    // 10 tokens in 4 segments: bounds 0, 2, 5, 7, 10 (⌊k·10/4⌋), sizes 2, 3, 2, 3.
    let c = corpus(&["k x x x k k x x x k"]);
    let d = c
        .dispersion(
            "k",
            &DispersionOptions {
                doc: Some(0),
                segments: 4,
                ..Default::default()
            },
        )
        .unwrap();
    let doc = &d.docs[0];
    assert_eq!(doc.segment_tokens, [2, 3, 2, 3]);
    // k at 0, 4, 5, 9: segments 0, 1, 2, 3.
    assert_eq!(doc.segment_hits, [1, 1, 1, 1]);
    assert_eq!(d.parts, 4);
    // ½ (|.25 − .2| + |.25 − .3| + |.25 − .2| + |.25 − .3|) = 0.1.
    close(d.dp.unwrap(), 0.1);
    // More segments than tokens: some are empty, none is lost.
    let many = c
        .dispersion(
            "k",
            &DispersionOptions {
                doc: None,
                segments: 30,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(many.docs[0].segment_hits.iter().sum::<usize>(), 4);
    assert_eq!(many.docs[0].segment_tokens.iter().sum::<usize>(), 10);
    assert!(c
        .dispersion(
            "k",
            &DispersionOptions {
                doc: None,
                segments: 0,
                ..Default::default()
            }
        )
        .is_err());
}

#[test]
fn compare_vocabulary_runs_and_alignment() {
    let c = corpus(&[
        "The talks in Hanoi ended early. Both sides left.",
        "Reporters said the talks in Hanoi ended early on Thursday. Sides left Hanoi.",
    ]);
    let cmp = c.compare(0, 1, &CompareOptions::default()).unwrap();
    // Shared passages of at least 4 tokens: "the talks in hanoi ended early" (A 0, B 2).
    // "sides left" is only 2 tokens.
    assert_eq!(cmp.runs.len(), 1);
    let run = cmp.runs[0];
    assert_eq!((run.a, run.b, run.len), (0, 2, 6));
    let shared: Vec<_> = cmp.shared.iter().map(|t| (t.term, t.a, t.b)).collect();
    // Stop words left out by default; sorted by a + b, then term.
    assert_eq!(
        shared,
        [
            ("hanoi", 1, 2),
            ("early", 1, 1),
            ("ended", 1, 1),
            ("left", 1, 1),
            ("sides", 1, 1),
            ("talks", 1, 1)
        ]
    );
    let only_b: Vec<_> = cmp.only_b.iter().map(|t| t.term).collect();
    assert_eq!(only_b, ["reporters", "said", "thursday"]);
    assert!(cmp.only_a.is_empty());
    // Sentence vectors (content words): A0 {talks, hanoi, ended, early}, A1 {sides, left};
    // B0 {reporters, said, talks, hanoi, ended, early, thursday}, B1 {sides, left, hanoi}.
    // cos(A0, B0) = 4 / (2·√7); cos(A0, B1) = 1 / (2·√3); cos(A1, B1) = 2 / (√2·√3).
    let a = &cmp.sentences_a;
    assert_eq!((a[0].best, a[1].best), (Some(0), Some(1)));
    close(a[0].similarity, 4.0 / (2.0 * 7f64.sqrt()));
    close(a[1].similarity, 2.0 / (2f64.sqrt() * 3f64.sqrt()));
    let b = &cmp.sentences_b;
    assert_eq!((b[0].best, b[1].best), (Some(0), Some(1)));
    assert_eq!((a[0].first_token, a[0].tokens, a[1].first_token), (0, 6, 6));
    let text = c.text(0).unwrap();
    assert_eq!(
        &text[a[0].start..a[0].end],
        "The talks in Hanoi ended early"
    );
    assert!(c.compare(0, 0, &CompareOptions::default()).is_err());
    assert!(c.compare(0, 2, &CompareOptions::default()).is_err());
}
