//! The collocation network: its edges carry the Collocates view's numbers, the layout is
//! deterministic and stable under expansion, shared collocates link to both nodes, and bad
//! options get a message.

mod common;

use text_explorer::{CollocateOptions, Corpus, Counting, Measure, Network};

const MEASURES: [Measure; 5] = [
    Measure::Count,
    Measure::Mi,
    Measure::LogLikelihood,
    Measure::TScore,
    Measure::LogDice,
];

fn node<'a>(net: &'a Network, term: &str) -> &'a text_explorer::NetworkNode {
    net.nodes
        .iter()
        .find(|n| n.term == term)
        .unwrap_or_else(|| panic!("no node {term}"))
}

fn index(net: &Network, term: &str) -> usize {
    net.nodes.iter().position(|n| n.term == term).unwrap()
}

/// The measure's value of a collocate row, as the Collocates view shows it.
fn measure_of(row: &text_explorer::Collocate, measure: Measure) -> f64 {
    match measure {
        Measure::Count => row.observed as f64,
        Measure::Mi => row.mi,
        Measure::LogLikelihood => row.log_likelihood,
        Measure::TScore => row.t_score,
        Measure::LogDice => row.log_dice,
    }
}

#[test]
fn edge_values_equal_the_collocates_views() {
    let corpus = Corpus::with_articles();
    for measure in MEASURES {
        for counting in [Counting::Union, Counting::PerHit] {
            let options = CollocateOptions {
                sort: measure,
                counting,
                limit: Some(8),
                ..Default::default()
            };
            let first = corpus.network("putin", &[], &options).unwrap();
            // Expand the root's first two collocates.
            let expanded: Vec<String> = first.nodes[1..3].iter().map(|n| n.term.clone()).collect();
            let net = corpus.network("putin", &expanded, &options).unwrap();
            // The Collocates view's own call, with the same options.
            let same = options.clone();
            for (from, query) in [
                (0, "putin".to_string()),
                (index(&net, &expanded[0]), format!("\"{}\"", expanded[0])),
                (index(&net, &expanded[1]), format!("\"{}\"", expanded[1])),
            ] {
                let rows = corpus.collocates(&query, &same).unwrap().rows;
                let edges: Vec<_> = net.edges.iter().filter(|e| e.from == from).collect();
                // A node's own term is not an edge to itself.
                let rows: Vec<_> = rows
                    .iter()
                    .filter(|r| r.term != net.nodes[from].term)
                    .collect();
                assert_eq!(edges.len(), rows.len(), "{measure:?} {query}");
                for (edge, row) in edges.iter().zip(&rows) {
                    assert_eq!(net.nodes[edge.to].term, row.term);
                    assert_eq!(edge.value, measure_of(row, measure), "{measure:?} {query}");
                    assert_eq!(edge.observed, row.observed);
                    // A collocate's frequency is f(c) (the root's is its hits).
                    if edge.to != 0 {
                        assert_eq!(net.nodes[edge.to].frequency, row.count);
                    }
                }
            }
        }
    }
}

/// A corpus small enough to count by hand: `a b c a b d`, one token on each side.
#[test]
fn a_hand_counted_network() {
    let corpus = common::corpus(&["a b c a b d"]);
    let options = CollocateOptions {
        left: 1,
        right: 1,
        min_count: 1,
        sort: Measure::Count,
        positive_only: false,
        ..Default::default()
    };
    // a at 0 and 3: its windows are 1 (b), 2 (c) and 4 (b).
    let net = corpus.network("a", &[], &options).unwrap();
    let terms: Vec<&str> = net.nodes.iter().map(|n| n.term.as_str()).collect();
    assert_eq!(terms, ["a", "b", "c"]);
    assert_eq!(net.nodes[0].frequency, 2);
    let edges: Vec<(usize, usize, usize)> = net
        .edges
        .iter()
        .map(|e| (e.from, e.to, e.observed))
        .collect();
    assert_eq!(edges, [(0, 1, 2), (0, 2, 1)]);
    assert_eq!(net.edges[0].value, 2.0);
    // b at 1 and 4: its windows are 0 (a), 2 (c), 3 (a) and 5 (d). c is shared: it links
    // to a and to b; d is new.
    let net = corpus.network("a", &["b".into()], &options).unwrap();
    let terms: Vec<&str> = net.nodes.iter().map(|n| n.term.as_str()).collect();
    assert_eq!(terms, ["a", "b", "c", "d"]);
    let edges: Vec<(usize, usize, usize)> = net
        .edges
        .iter()
        .map(|e| (e.from, e.to, e.observed))
        .collect();
    assert_eq!(
        edges,
        [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 1), (1, 3, 1)]
    );
    assert_eq!(node(&net, "c").links, [0, 1]);
    assert_eq!(node(&net, "d").links, [1]);
    assert_eq!(node(&net, "a").links, [1, 2]);
    assert!(node(&net, "b").expanded && !node(&net, "c").expanded);
    assert_eq!(node(&net, "d").frequency, 1);
}

#[test]
fn expanding_adds_shared_collocates_linked_to_both() {
    let corpus = Corpus::with_articles();
    let options = CollocateOptions::default();
    let before = corpus.network("putin", &[], &options).unwrap();
    let expanded = before.nodes[1].term.clone();
    let after = corpus
        .network("putin", std::slice::from_ref(&expanded), &options)
        .unwrap();
    assert!(after.nodes.len() > before.nodes.len(), "new collocates");
    let e = index(&after, &expanded);
    let shared: Vec<_> = after
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, n)| *i != 0 && *i != e && n.links.contains(&0) && n.links.contains(&e))
        .collect();
    assert!(
        !shared.is_empty(),
        "some collocate of putin is one of {expanded} too"
    );
    for (i, _) in shared {
        assert!(after.edges.iter().any(|x| x.from == 0 && x.to == i));
        assert!(after.edges.iter().any(|x| x.from == e && x.to == i));
    }
    // Every node's links are the two ends of its edges.
    for (i, n) in after.nodes.iter().enumerate() {
        let mut ends: Vec<usize> = after
            .edges
            .iter()
            .filter_map(|x| match (x.from == i, x.to == i) {
                (true, _) => Some(x.to),
                (_, true) => Some(x.from),
                _ => None,
            })
            .collect();
        ends.sort_unstable();
        ends.dedup();
        assert_eq!(n.links, ends, "{}", n.term);
    }
}

#[test]
fn the_layout_is_deterministic_and_stable_under_expansion() {
    let corpus = Corpus::with_articles();
    let options = CollocateOptions::default();
    let before = corpus.network("putin", &[], &options).unwrap();
    assert_eq!(before, corpus.network("putin", &[], &options).unwrap());
    let expanded = vec![before.nodes[1].term.clone(), before.nodes[4].term.clone()];
    let after = corpus.network("putin", &expanded, &options).unwrap();
    assert_eq!(after, corpus.network("putin", &expanded, &options).unwrap());
    for n in &after.nodes {
        assert!(
            (0.0..=1.0).contains(&n.x) && (0.0..=1.0).contains(&n.y),
            "{n:?}"
        );
    }
    assert_eq!(
        (after.nodes[0].x, after.nodes[0].y),
        (0.5, 0.5),
        "the root is centred"
    );
    // The nodes shown before keep their places; the new ones move.
    for (i, b) in before.nodes.iter().enumerate() {
        let a = &after.nodes[i];
        assert_eq!((&a.term, a.x, a.y), (&b.term, b.x, b.y));
    }
    assert!(after.nodes.len() > before.nodes.len());
    // No two nodes on top of each other.
    for (i, a) in after.nodes.iter().enumerate() {
        for b in &after.nodes[i + 1..] {
            let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
            assert!(d > 0.01, "{} and {} overlap", a.term, b.term);
        }
    }
}

#[test]
fn expanded_terms_outside_the_graph_are_reported_and_order_is_kept() {
    let corpus = common::corpus(&["a b c a b d"]);
    let options = CollocateOptions {
        left: 1,
        right: 1,
        min_count: 1,
        positive_only: false,
        ..Default::default()
    };
    // d is reached only through b: listed first, it is expanded after b.
    let net = corpus
        .network("a", &["d".into(), "zebra".into(), "b".into()], &options)
        .unwrap();
    assert!(node(&net, "d").expanded && node(&net, "b").expanded);
    assert_eq!(net.unreached, ["zebra"]);
    // The root's own term, blanks and repeats are ignored.
    let net = corpus
        .network(
            "a",
            &["a".into(), " ".into(), "b".into(), "b".into()],
            &options,
        )
        .unwrap();
    assert!(net.unreached.is_empty());
    assert_eq!(net.edges.iter().filter(|e| e.from == 1).count(), 3);
}

#[test]
fn a_multi_word_root_keeps_its_query() {
    let corpus = Corpus::with_articles();
    let net = corpus
        .network("\"north korea\"", &[], &CollocateOptions::default())
        .unwrap();
    assert_eq!(net.nodes[0].term, "\"north korea\"");
    assert!(net.nodes[0].root);
    assert!(net.nodes.len() > 3);
    let net = corpus
        .network("Putin", &[], &CollocateOptions::default())
        .unwrap();
    assert_eq!(net.nodes[0].term, "putin", "a one-word root is its term");
}

#[test]
fn limits_and_errors() {
    let corpus = Corpus::with_articles();
    let with_top = |top| CollocateOptions {
        limit: Some(top),
        ..Default::default()
    };
    for top in [0, 31] {
        let err = corpus.network("putin", &[], &with_top(top)).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("expected a whole number from 1 to 30, got {top}")),
            "{err}"
        );
    }
    let all = corpus
        .collocates("putin", &CollocateOptions::default())
        .unwrap();
    assert!(all.rows.len() > 10);
    let net = corpus.network("putin", &[], &with_top(30)).unwrap();
    assert_eq!(net.edges.len(), all.rows.len().min(30));
    assert_eq!(net.nodes.len(), net.edges.len() + 1);
    let net = corpus.network("putin", &[], &with_top(1)).unwrap();
    assert_eq!(net.edges.len(), 1);
    assert_eq!(net.nodes[1].term, all.rows[0].term);
    let many: Vec<String> = (0..13).map(|i| format!("w{i}")).collect();
    let err = corpus
        .network("putin", &many, &CollocateOptions::default())
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("at most 12 nodes can be expanded, got 13"),
        "{err}"
    );
    let err = corpus
        .network("\"north korea", &[], &CollocateOptions::default())
        .unwrap_err();
    assert!(err.to_string().contains("a quote is not closed"), "{err}");
    let err = corpus
        .network(
            "putin",
            &[],
            &CollocateOptions {
                left: 0,
                right: 0,
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("left and right are both 0"),
        "{err}"
    );
    // No hits: only the root.
    let net = corpus
        .network("qqqqzzzz", &[], &CollocateOptions::default())
        .unwrap();
    assert_eq!(net.nodes.len(), 1);
    assert_eq!(net.nodes[0].frequency, 0);
    assert!(net.edges.is_empty());
}

#[test]
fn sixty_nodes_lay_out_quickly() {
    let corpus = Corpus::with_articles();
    let options = CollocateOptions {
        limit: Some(20),
        ..Default::default()
    };
    let first = corpus.network("putin", &[], &options).unwrap();
    let expanded: Vec<String> = first.nodes[1..5].iter().map(|n| n.term.clone()).collect();
    let start = std::time::Instant::now();
    let net = corpus.network("putin", &expanded, &options).unwrap();
    let took = start.elapsed();
    eprintln!(
        "{} nodes, {} edges in {took:?}",
        net.nodes.len(),
        net.edges.len()
    );
    assert!(net.nodes.len() >= 60, "{}", net.nodes.len());
}

#[test]
fn match_case_applies_to_the_root_only() {
    let corpus = Corpus::with_articles();
    let exact = CollocateOptions {
        case_sensitive: true,
        ..Default::default()
    };
    let net = corpus.network("Putin", &[], &exact).unwrap();
    let term = net.nodes[1].term.clone();
    let net = corpus
        .network("Putin", std::slice::from_ref(&term), &exact)
        .unwrap();
    // The expanded term's collocates are those of the term in any case.
    let any_case = corpus
        .collocates(
            &format!("\"{term}\""),
            &CollocateOptions {
                limit: Some(10),
                ..Default::default()
            },
        )
        .unwrap();
    let from = index(&net, &term);
    let got: Vec<(&str, usize)> = net
        .edges
        .iter()
        .filter(|e| e.from == from)
        .map(|e| (net.nodes[e.to].term.as_str(), e.observed))
        .collect();
    let want: Vec<(&str, usize)> = any_case
        .rows
        .iter()
        .filter(|r| r.term != term)
        .map(|r| (r.term, r.observed))
        .collect();
    assert_eq!(got, want);
}
