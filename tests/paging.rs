//! Pages of the long answers (issue 14 §2): the frequency list, the collocates and the word
//! tree are asked a page (or a bounded tree) at a time, so that a view over a large corpus
//! receives only what it shows. Each page is exactly the slice of the whole answer, in the
//! same order, with the whole answer's figures.

use text_explorer::{Collocate, CollocateOptions, Corpus, TermsOptions, WordNode, WordTreeOptions};

fn corpus() -> Corpus {
    Corpus::with_articles()
}

#[test]
fn terms_pages_are_slices_of_the_whole_list() {
    let c = corpus();
    for stopwords in [true, false] {
        let base = TermsOptions {
            stopwords,
            ..Default::default()
        };
        let all = c.terms(&base).unwrap();
        assert!(all.len() > 500, "{}", all.len());
        let mut paged = Vec::new();
        for offset in (0..all.len() + 300).step_by(300) {
            let page = c
                .terms_page(&TermsOptions {
                    offset,
                    limit: Some(300),
                    ..base.clone()
                })
                .unwrap();
            assert_eq!(
                (page.all, page.total, page.max),
                (all.len(), all.len(), all[0].count)
            );
            assert!(page.terms.len() <= 300);
            paged.extend(page.terms);
        }
        assert_eq!(paged, all);
    }
}

#[test]
fn terms_contains_filters_before_paging() {
    let c = corpus();
    let all = c.terms(&TermsOptions::default()).unwrap();
    let with: Vec<_> = all
        .iter()
        .filter(|t| t.term.contains("or"))
        .cloned()
        .collect();
    assert!(with.len() > 20 && with.len() < all.len());
    let page = c
        .terms_page(&TermsOptions {
            contains: "or".into(),
            offset: 10,
            limit: Some(10),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.all, page.total), (all.len(), with.len()));
    // The highest count is the whole list's (the bars' scale), not the filtered one's.
    assert_eq!(page.max, all[0].count);
    assert_eq!(page.terms, with[10..20]);
    // Past the end: no rows, the same figures.
    let past = c
        .terms_page(&TermsOptions {
            offset: all.len() + 5,
            ..Default::default()
        })
        .unwrap();
    assert!(past.terms.is_empty());
    assert_eq!(past.total, all.len());
    // Nothing contains it.
    let none = c
        .terms_page(&TermsOptions {
            contains: "qqqzz".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((none.total, none.terms.len()), (0, 0));
}

/// Every field of a row, for comparing orders (f64 compared exactly: the same computation).
fn key(r: &Collocate) -> (String, usize, u64, usize) {
    (
        r.term.to_string(),
        r.observed,
        r.expected.to_bits(),
        r.count,
    )
}

/// A column's figure of a row.
type Value = fn(&Collocate) -> f64;

#[test]
fn collocates_order_by_any_column_and_page() {
    let c = corpus();
    let base = CollocateOptions {
        positive_only: false,
        min_count: 1,
        ..Default::default()
    };
    let whole = c.collocates("the", &base).unwrap();
    assert!(whole.rows.len() > 100);
    assert_eq!(whole.total, whole.rows.len());
    let columns: [(&str, Value); 7] = [
        ("observed", |r| r.observed as f64),
        ("expected", |r| r.expected),
        ("count", |r| r.count as f64),
        ("mi", |r| r.mi),
        ("logLikelihood", |r| r.log_likelihood),
        ("tScore", |r| r.t_score),
        ("logDice", |r| r.log_dice),
    ];
    for (name, value) in columns {
        for ascending in [false, true] {
            let options = CollocateOptions {
                order: Some(name.parse().unwrap()),
                ascending,
                ..base.clone()
            };
            let sorted = c.collocates("the", &options).unwrap();
            // The same rows as the default order, and the same figures.
            assert_eq!(sorted.total, whole.total);
            let mut a: Vec<_> = sorted.rows.iter().map(key).collect();
            let mut b: Vec<_> = whole.rows.iter().map(key).collect();
            a.sort();
            b.sort();
            assert_eq!(a, b, "{name}");
            // Ordered by the column, then O highest first, then the term.
            for w in sorted.rows.windows(2) {
                let (x, y) = (value(&w[0]), value(&w[1]));
                let by = if ascending {
                    x.total_cmp(&y)
                } else {
                    y.total_cmp(&x)
                };
                assert!(
                    by.then(w[1].observed.cmp(&w[0].observed))
                        .then(w[0].term.cmp(w[1].term))
                        .is_le(),
                    "{name} ascending={ascending}: {} then {}",
                    w[0].term,
                    w[1].term
                );
            }
            // Pages are slices of it.
            let page = c
                .collocates(
                    "the",
                    &CollocateOptions {
                        offset: 40,
                        limit: Some(25),
                        ..options.clone()
                    },
                )
                .unwrap();
            assert_eq!(page.total, whole.total);
            assert_eq!(page.rows, sorted.rows[40..65]);
        }
    }
    // By term: A to Z, and back.
    let terms = |ascending| {
        let options = CollocateOptions {
            order: Some("term".parse().unwrap()),
            ascending,
            ..base.clone()
        };
        c.collocates("the", &options)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.term.to_string())
            .collect::<Vec<_>>()
    };
    let up = terms(true);
    let mut expected = up.clone();
    expected.sort();
    assert_eq!(up, expected);
    let mut down = terms(false);
    down.reverse();
    assert_eq!(down, up);
    // A column by the measure's own name gives the measure's order.
    let by_measure = c
        .collocates(
            "the",
            &CollocateOptions {
                sort: text_explorer::Measure::Mi,
                ..base.clone()
            },
        )
        .unwrap();
    let by_column = c
        .collocates(
            "the",
            &CollocateOptions {
                order: Some("mi".parse().unwrap()),
                ..base.clone()
            },
        )
        .unwrap();
    assert_eq!(by_measure.rows, by_column.rows);
    // An unknown column is named in the error.
    let wrong = "frequency".parse::<text_explorer::Column>().unwrap_err();
    assert!(
        wrong.to_string().contains("“frequency” is not a column"),
        "{wrong}"
    );
}

fn nodes(children: &[WordNode]) -> usize {
    children.iter().map(|n| 1 + nodes(&n.children)).sum()
}

#[test]
fn word_tree_max_nodes_bounds_the_tree_level_by_level() {
    let c = corpus();
    let wide = WordTreeOptions {
        branches: 50,
        ..Default::default()
    };
    let full = c.word_tree("the", &wide).unwrap();
    let all = nodes(&full.children);
    assert!(all > 400, "{all}");
    for max_nodes in [1, 10, 57, 400] {
        let small = c
            .word_tree(
                "the",
                &WordTreeOptions {
                    max_nodes,
                    ..wide.clone()
                },
            )
            .unwrap();
        assert_eq!(nodes(&small.children), max_nodes);
        assert_eq!(small.total, full.total);
        // The first level is the full tree's, as far as the budget goes, with the same counts.
        let first = max_nodes.min(full.children.len());
        let words = |t: &[WordNode]| {
            t.iter()
                .map(|n| (n.word.clone(), n.count))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            words(&small.children[..first]),
            words(&full.children[..first])
        );
        // Hits left out are counted in `rest`: a node's children and rest add up to its hits
        // (at most: a context may end at the edge of a document).
        fn check(n: &WordNode) {
            assert!(n.children.iter().map(|c| c.count).sum::<usize>() + n.rest <= n.count);
            n.children.iter().for_each(check);
        }
        small.children.iter().for_each(check);
    }
    assert!(c
        .word_tree(
            "the",
            &WordTreeOptions {
                max_nodes: 0,
                ..Default::default()
            }
        )
        .is_err());
    assert!(c
        .word_tree(
            "the",
            &WordTreeOptions {
                max_nodes: 3001,
                ..Default::default()
            }
        )
        .is_err());
}
