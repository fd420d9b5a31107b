//! Properties: the analysis stages equal naive reference implementations (tests/common) on
//! random texts.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::corpus;
use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use text_explorer::{
    CollocateOptions, CompareOptions, Counting, DispersionOptions, KeynessOptions, KwicOptions,
    NgramOptions,
};

/// Few distinct words, so that phrases repeat and windows overlap.
const POOL: &[&str] = &[
    "a", "b", "c", "the", "of", "Kim", "kim’s", "north", "Korea", ".", ",", "\n",
];

fn texts() -> impl Strategy<Value = Vec<String>> {
    let text =
        prop::collection::vec(prop::sample::select(POOL), 1..60).prop_map(|words| words.join(" "));
    common::texts_of(text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn phrases_equal_the_naive_count(texts in texts(), min_length in 2usize..4, extra in 0usize..3, min_count in 1usize..4, cross_sentences: bool) {
        let corpus = corpus(&texts);
        let max_length = min_length + extra;
        let options = NgramOptions { min_length, max_length, min_count, cross_sentences, ..Default::default() };
        let rows = corpus.ngrams(&options).unwrap();
        let naive: Vec<_> = common::ngrams(&texts, min_length..=max_length, cross_sentences)
            .into_iter()
            .filter(|(_, (count, _))| *count >= min_count)
            .collect();
        prop_assert_eq!(rows.len(), naive.len());
        for row in &rows {
            let key: Vec<String> = row.terms.iter().map(|t| t.to_string()).collect();
            let expected = naive.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
            prop_assert_eq!(Some((row.count, row.docs)), expected, "{:?}", key);
            // The first occurrence really is the phrase.
            let doc = &corpus.documents()[row.first.0 as usize];
            let first: Vec<String> = (0..row.terms.len())
                .map(|k| common::terms(doc.text())[row.first.1 as usize + k].clone())
                .collect();
            prop_assert_eq!(first, key);
        }
        // Sorted by count (descending), then length (descending).
        prop_assert!(rows.windows(2).all(|w| (w[0].count, w[0].terms.len()) >= (w[1].count, w[1].terms.len())));
        // A limit gives the top of the same list.
        let top = corpus.ngrams(&NgramOptions { limit: Some(3), ..options.clone() }).unwrap();
        prop_assert_eq!(&top[..], &rows[..rows.len().min(3)]);
    }

    #[test]
    fn longest_only_counts_the_occurrences_outside_longer_phrases(texts in texts(), cross_sentences: bool, min_count in 1usize..3) {
        let corpus = corpus(&texts);
        let options = NgramOptions { cross_sentences, min_count, ..Default::default() };
        let all = corpus.ngrams(&options).unwrap();
        let kept = corpus.ngrams(&NgramOptions { longest_only: true, ..options }).unwrap();
        let listed: BTreeSet<Vec<String>> = all.iter().map(|g| g.terms.iter().map(|t| t.to_string()).collect()).collect();
        let naive = common::outside_longer(&texts, &listed, cross_sentences);
        let got: BTreeMap<Vec<String>, (usize, usize, (usize, usize))> = kept
            .iter()
            .map(|g| (g.terms.iter().map(|t| t.to_string()).collect(), (g.count, g.docs, (g.first.0 as usize, g.first.1 as usize))))
            .collect();
        prop_assert_eq!(got.len(), kept.len(), "each phrase once");
        prop_assert_eq!(got, naive);
        prop_assert!(kept.windows(2).all(|w| (w[0].count, w[0].terms.len()) >= (w[1].count, w[1].terms.len())));
    }

    #[test]
    fn collocates_equal_the_naive_count(texts in texts(), left in 0usize..4, right in 1usize..4, per_hit: bool) {
        let corpus = corpus(&texts);
        let counting = if per_hit { Counting::PerHit } else { Counting::Union };
        let options = CollocateOptions { left, right, min_count: 1, positive_only: false, counting, ..Default::default() };
        let found = corpus.collocates("kim", &options).unwrap();
        let (naive, w) = common::collocates(&texts, "kim", left, right, per_hit);
        prop_assert_eq!(found.window_tokens, w);
        prop_assert_eq!(found.rows.len(), naive.len());
        for row in &found.rows {
            prop_assert_eq!(Some(&row.observed), naive.get(row.term));
            if !per_hit {
                prop_assert!(row.observed <= row.count);
            }
            // G² has the sign of O − E.
            prop_assert!(row.log_likelihood * (row.observed as f64 - row.expected) >= 0.0);
        }
        // By default, only the positive associations, in the same order.
        let positive = corpus.collocates("kim", &CollocateOptions { positive_only: true, ..options.clone() }).unwrap();
        let expected: Vec<_> = found.rows.iter().filter(|r| r.observed as f64 > r.expected).cloned().collect();
        prop_assert_eq!(positive.rows, expected);
    }

    #[test]
    fn dispersion_segments_and_positions_equal_the_naive_scan(texts in texts(), segments in 1usize..12) {
        let corpus = corpus(&texts);
        let d = corpus.dispersion("a|kim", &DispersionOptions { doc: None, segments, ..Default::default() }).unwrap();
        let mut total = 0;
        for (doc, text) in texts.iter().enumerate() {
            let terms = common::terms(text);
            let t = terms.len();
            let positions: Vec<u32> = (0..t).filter(|&p| terms[p] == "a" || terms[p] == "kim").map(|p| p as u32).collect();
            let dd = &d.docs[doc];
            prop_assert_eq!(&dd.positions, &positions);
            for k in 0..segments {
                let (from, to) = (k * t / segments, (k + 1) * t / segments);
                prop_assert_eq!(dd.segment_tokens[k], to - from);
                let hits = positions.iter().filter(|&&p| (from..to).contains(&(p as usize))).count();
                prop_assert_eq!(dd.segment_hits[k], hits, "segment {}", k);
            }
            total += positions.len();
        }
        prop_assert_eq!(d.hits, total);
        // DP exactly when there is a hit.
        prop_assert_eq!(d.dp.is_some(), total > 0);
        prop_assert_eq!(d.dp_norm.is_some(), total > 0);
        if let (Some(dp), Some(norm)) = (d.dp, d.dp_norm) {
            prop_assert!((0.0..=1.0).contains(&dp) && (0.0..=1.0 + 1e-12).contains(&norm));
        }
    }

    #[test]
    fn dispersion_bins_count_the_hits_of_equal_parts(texts in texts(), bins in 1usize..40) {
        let corpus = corpus(&texts);
        let options = DispersionOptions { bins: Some(bins), ..Default::default() };
        let d = corpus.dispersion("a|kim", &options).unwrap();
        for (doc, text) in texts.iter().enumerate() {
            let terms = common::terms(text);
            let t = terms.len();
            let dd = &d.docs[doc];
            prop_assert_eq!(dd.bins.len(), bins);
            for k in 0..bins {
                let (from, to) = (k * t / bins, (k + 1) * t / bins);
                let hits = (from..to).filter(|&p| terms[p] == "a" || terms[p] == "kim").count();
                prop_assert_eq!(dd.bins[k] as usize, hits, "bin {}", k);
            }
        }
    }

    #[test]
    fn keyness_counts_sum_to_the_group_sizes(texts in texts()) {
        prop_assume!(texts.len() >= 2);
        let corpus = corpus(&texts);
        let key = corpus.keyness(&KeynessOptions { target: vec![0], ..Default::default() }).unwrap();
        let rows = key.over.iter().chain(&key.under);
        let (a, b) = rows.fold((0, 0), |(a, b), k| (a + k.target, b + k.reference));
        prop_assert_eq!((a, b), (key.target_tokens, key.reference_tokens));
        // Without a zero count (read as 0.5), Log Ratio's sign is the direction.
        for k in key.over.iter().filter(|k| k.reference > 0) {
            prop_assert!(k.log_ratio > 0.0 && (0.0..=1.0).contains(&k.p));
        }
        for k in key.under.iter().filter(|k| k.target > 0) {
            prop_assert!(k.log_ratio <= 1e-12);
        }
    }

    #[test]
    fn keyness_counts_equal_the_naive_count(texts in texts(), pick in prop::collection::vec(0u8..3, 3), explicit: bool) {
        prop_assume!(texts.len() >= 2);
        // Each text in the target (1), the reference (2) or neither (0, with an explicit
        // reference only; without one, the reference is every other text).
        let group: Vec<u8> = texts.iter().enumerate().map(|(i, _)| match (pick[i], explicit) {
            (1, _) => 1,
            (0, true) => 0,
            _ => 2,
        }).collect();
        prop_assume!(group.contains(&1) && group.contains(&2));
        let ids = |g: u8| (0..texts.len() as u32).filter(|&d| group[d as usize] == g).collect::<Vec<_>>();
        let corpus = corpus(&texts);
        let options = KeynessOptions {
            target: ids(1),
            reference: explicit.then(|| ids(2)),
            ..Default::default()
        };
        let key = corpus.keyness(&options).unwrap();
        let mut naive: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (text, &g) in texts.iter().zip(&group).filter(|(_, &g)| g != 0) {
            for term in common::terms(text) {
                let count = naive.entry(term).or_default();
                if g == 1 { count.0 += 1 } else { count.1 += 1 }
            }
        }
        prop_assert_eq!(key.over.len() + key.under.len(), naive.len(), "each term listed once");
        let got: BTreeMap<String, (usize, usize)> = key.over.iter().chain(&key.under)
            .map(|k| (k.term.to_string(), (k.target, k.reference)))
            .collect();
        prop_assert_eq!(got, naive);
    }

    #[test]
    fn common_runs_equal_the_naive_search(texts in texts(), min_run in 1usize..5) {
        prop_assume!(texts.len() >= 2);
        let corpus = corpus(&texts);
        let cmp = corpus.compare(0, 1, &CompareOptions { min_run, ..Default::default() }).unwrap();
        let naive = common::common_runs(&common::terms(&texts[0]), &common::terms(&texts[1]), min_run);
        let got: Vec<_> = cmp.runs.iter().map(|r| (r.a, r.b, r.len)).collect();
        prop_assert_eq!(got, naive);
        for s in cmp.sentences_a.iter().chain(&cmp.sentences_b) {
            prop_assert!((0.0..=1.0).contains(&s.similarity));
            prop_assert_eq!(s.best.is_some(), s.similarity > 0.0);
        }
    }

    #[test]
    fn alignment_equals_every_pair_compared(texts in texts(), languages in prop::collection::vec(prop::sample::select(&["en", "fr", "de"][..]), 2)) {
        prop_assume!(texts.len() >= 2);
        // Each text in a language of its own choosing: each side's own stop words.
        let mut corpus = text_explorer::Corpus::new();
        for (i, text) in texts.iter().enumerate() {
            corpus.add_in(&format!("doc {i}"), text.clone(), languages.get(i).copied()).unwrap();
        }
        let cmp = corpus.compare(0, 1, &CompareOptions::default()).unwrap();
        let stop = stop_words(&corpus);
        let (a, b) = (
            common::sentence_terms(&texts[0], usize::MAX, &stop[0]),
            common::sentence_terms(&texts[1], usize::MAX, &stop[1]),
        );
        let (best_a, best_b) = common::sentence_alignment(&a, &b);
        let got = |list: &[text_explorer::Sentence]| list.iter().map(|s| (s.best, s.similarity)).collect::<Vec<_>>();
        prop_assert_eq!(got(&cmp.sentences_a), best_a);
        prop_assert_eq!(got(&cmp.sentences_b), best_b);
        prop_assert_eq!(spans(&cmp.sentences_a), common::sentence_spans(&texts[0], usize::MAX));
        prop_assert_eq!(spans(&cmp.sentences_b), common::sentence_spans(&texts[1], usize::MAX));
    }

    #[test]
    fn an_excerpt_compares_the_starts(texts in texts(), units in 0usize..400, min_run in 1usize..4) {
        prop_assume!(texts.len() >= 2);
        let corpus = corpus(&texts);
        let whole = corpus.compare(0, 1, &CompareOptions { min_run, ..Default::default() }).unwrap();
        let cut = corpus.compare(0, 1, &CompareOptions { min_run, excerpt: Some(units), ..Default::default() }).unwrap();
        // The tokens that end within the first `units` UTF-16 units, by rescanning.
        let within = |text: &str| text_explorer::tokens(text).filter(|t| text[..t.end].encode_utf16().count() <= units).count();
        let (na, nb) = (within(&texts[0]), within(&texts[1]));
        let (ta, tb) = (common::terms(&texts[0]), common::terms(&texts[1]));
        let naive = common::common_runs(&ta[..na], &tb[..nb], min_run);
        let runs: Vec<_> = cut.runs.iter().map(|r| (r.a, r.b, r.len)).collect();
        prop_assert_eq!(runs, naive);
        let stop = stop_words(&corpus);
        let (a, b) = (
            common::sentence_terms(&texts[0], na, &stop[0]),
            common::sentence_terms(&texts[1], nb, &stop[1]),
        );
        let (best_a, best_b) = common::sentence_alignment(&a, &b);
        let got = |list: &[text_explorer::Sentence]| list.iter().map(|s| (s.best, s.similarity)).collect::<Vec<_>>();
        prop_assert_eq!(got(&cut.sentences_a), best_a);
        prop_assert_eq!(got(&cut.sentences_b), best_b);
        // The sentences within the excerpt's tokens, the last cut there; the vocabulary is
        // the whole one.
        prop_assert_eq!(spans(&cut.sentences_a), common::sentence_spans(&texts[0], na));
        prop_assert_eq!(spans(&cut.sentences_b), common::sentence_spans(&texts[1], nb));
        prop_assert_eq!((&cut.shared, &cut.only_a, &cut.only_b), (&whole.shared, &whole.only_a, &whole.only_b));
    }

    #[test]
    fn near_equals_the_naive_distance_check(texts in texts(), distance in 1usize..6) {
        let corpus = corpus(&texts);
        let options = KwicOptions { limit: 100_000, ..Default::default() };
        let page = corpus.kwic(&format!("kim NEAR/{distance} a|north"), &options).unwrap();
        let mut expected = Vec::new();
        for (doc, text) in texts.iter().enumerate() {
            let terms = common::terms(text);
            for (p, term) in terms.iter().enumerate() {
                let near = (p.saturating_sub(distance)..=(p + distance).min(terms.len() - 1))
                    .any(|q| q != p && (terms[q] == "a" || terms[q] == "north"));
                if term == "kim" && near {
                    expected.push((doc, p));
                }
            }
        }
        let got: Vec<_> = page.lines.iter().map(|l| (l.doc as usize, l.token)).collect();
        prop_assert_eq!(got, expected);
    }
}

/// The stop words of each of the two compared texts: the list in use for its language (the
/// fallback's when it has none), as the corpus gives it.
fn stop_words(corpus: &text_explorer::Corpus) -> [BTreeSet<String>; 2] {
    [0, 1].map(|d| {
        let language = corpus
            .language(d)
            .unwrap_or(text_explorer::stopwords::FALLBACK_LANGUAGE);
        corpus
            .stop_words(language)
            .into_iter()
            .map(str::to_string)
            .collect()
    })
}

/// The sentences' first tokens, token counts and byte spans, to compare with the rescan's.
fn spans(list: &[text_explorer::Sentence]) -> Vec<(usize, usize, usize, usize)> {
    list.iter()
        .map(|s| (s.first_token, s.tokens, s.start, s.end))
        .collect()
}
