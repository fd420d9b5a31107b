//! Keyness paged by the engine (issue 14 §2: a view over a large corpus receives only the
//! rows it shows): `maxP`, `order`, `ascending`, `offset` and `limit` against the whole
//! unpaged answer, filtered, stable-sorted and sliced by hand (the oracle).

use text_explorer::keyness::Column;
use text_explorer::{Corpus, Keyness, KeynessOptions, Keyword};

fn all(corpus: &Corpus) -> Keyness<'_> {
    corpus
        .keyness(&KeynessOptions {
            target: vec![0],
            ..Default::default()
        })
        .unwrap()
}

fn below<'a>(list: &[Keyword<'a>], max_p: f64) -> Vec<Keyword<'a>> {
    list.iter().filter(|k| k.p < max_p).cloned().collect()
}

fn slice<'a>(list: &[Keyword<'a>], offset: usize, limit: usize) -> Vec<Keyword<'a>> {
    list.iter().skip(offset).take(limit).cloned().collect()
}

/// The oracle's order: a stable sort of the G²-ordered list by the column (none: as it is).
fn sorted<'a>(list: &[Keyword<'a>], column: Option<Column>, ascending: bool) -> Vec<Keyword<'a>> {
    let mut out = list.to_vec();
    let Some(column) = column else {
        return out;
    };
    out.sort_by(|a, b| {
        let by = match column {
            Column::Term => a.term.cmp(b.term),
            Column::Target => a.target.cmp(&b.target),
            Column::Reference => a.reference.cmp(&b.reference),
            Column::LogLikelihood => a.log_likelihood.total_cmp(&b.log_likelihood),
            Column::P => a.p.total_cmp(&b.p),
            Column::LogRatio => a.log_ratio.total_cmp(&b.log_ratio),
        };
        if ascending {
            by
        } else {
            by.reverse()
        }
    });
    out
}

#[test]
fn the_default_lists_every_term_with_its_totals() {
    let corpus = Corpus::with_articles();
    let key = all(&corpus);
    assert!(key.over.len() > 100 && key.under.len() > 100);
    assert_eq!(
        (key.over_total, key.under_total),
        (key.over.len(), key.under.len())
    );
    // Every term of the two groups, in one list or the other.
    let mut terms: Vec<_> = key.over.iter().chain(&key.under).map(|k| k.term).collect();
    terms.sort_unstable();
    terms.dedup();
    assert_eq!(terms.len(), key.over.len() + key.under.len());
}

#[test]
fn max_p_keeps_the_terms_below_it() {
    let corpus = Corpus::with_articles();
    let whole = all(&corpus);
    for max_p in [0.05, 0.01, 0.5, 1.0] {
        let key = corpus
            .keyness(&KeynessOptions {
                target: vec![0],
                max_p: Some(max_p),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(key.over, below(&whole.over, max_p), "maxP {max_p}");
        assert_eq!(key.under, below(&whole.under, max_p), "maxP {max_p}");
        assert_eq!(
            (key.over_total, key.under_total),
            (key.over.len(), key.under.len())
        );
        // The statistics are the same whatever is kept.
        assert_eq!(
            (key.target_tokens, key.reference_tokens),
            (whole.target_tokens, whole.reference_tokens)
        );
    }
    let significant = corpus
        .keyness(&KeynessOptions {
            target: vec![0],
            max_p: Some(0.05),
            ..Default::default()
        })
        .unwrap();
    assert!(significant.over_total > 0 && significant.over_total < whole.over_total);
}

#[test]
fn pages_in_every_order_are_slices_of_the_sorted_lists() {
    let corpus = Corpus::with_articles();
    let whole = all(&corpus);
    let columns = [
        (None, "G²"),
        (Some(Column::Term), "term"),
        (Some(Column::Target), "target"),
        (Some(Column::Reference), "reference"),
        (Some(Column::LogLikelihood), "logLikelihood"),
        (Some(Column::P), "p"),
        (Some(Column::LogRatio), "logRatio"),
    ];
    for (column, name) in columns {
        for ascending in [false, true] {
            let (over, under) = (
                sorted(&whole.over, column, ascending),
                sorted(&whole.under, column, ascending),
            );
            for (offset, limit) in [(0, 7), (3, 50), (90, 1000), (0, 0), (100_000, 5)] {
                let page = corpus
                    .keyness(&KeynessOptions {
                        target: vec![0],
                        order: column,
                        ascending,
                        offset,
                        limit: Some(limit),
                        ..Default::default()
                    })
                    .unwrap();

                assert_eq!(
                    page.over,
                    slice(&over, offset, limit),
                    "{name} ascending {ascending} {offset}+{limit}"
                );
                assert_eq!(
                    page.under,
                    slice(&under, offset, limit),
                    "{name} ascending {ascending} {offset}+{limit}"
                );
                assert_eq!(
                    (page.over_total, page.under_total),
                    (whole.over.len(), whole.under.len())
                );
            }
        }
    }
}

#[test]
fn pages_put_together_give_the_whole_list() {
    let corpus = Corpus::with_articles();
    let whole = all(&corpus);
    let mut over = Vec::new();
    let mut under = Vec::new();
    let mut offset = 0;
    loop {
        let page = corpus
            .keyness(&KeynessOptions {
                target: vec![0],
                offset,
                limit: Some(100),
                ..Default::default()
            })
            .unwrap();
        if page.over.is_empty() && page.under.is_empty() {
            break;
        }
        over.extend(page.over);
        under.extend(page.under);
        offset += 100;
    }
    assert_eq!((over, under), (whole.over, whole.under));
}

#[test]
fn a_bad_max_p_or_column_is_refused() {
    let corpus = Corpus::with_articles();
    for max_p in [0.0, -0.5, 1.5, f64::NAN] {
        let err = corpus
            .keyness(&KeynessOptions {
                target: vec![0],
                max_p: Some(max_p),
                ..Default::default()
            })
            .unwrap_err()
            .to_string();
        assert!(err.contains("maxP") && err.contains("p-value"), "{err}");
    }
    let err = "count".parse::<Column>().unwrap_err().to_string();
    assert!(err.contains("“count” is not a column"), "{err}");
    assert_eq!("LOGRATIO".parse::<Column>().unwrap(), Column::LogRatio);
}
