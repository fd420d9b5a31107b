//! The collocation network (LancsBox's GraphColl, Voyant's Links): a query's collocates as
//! a graph, and the collocates of the collocates the user expands, so that the words two
//! nodes share link to both.
//!
//! # The graph
//!
//! The *root* is the query (KWIC syntax). Its top [`NetworkOptions::top`] collocates by the
//! chosen measure are its neighbours. Each *expanded* term (a node already in the graph, in
//! the order given) adds its own top collocates, found as the query `"term"`. An edge
//! `from → to` carries the numbers of [`Corpus::collocates`] for the query of `from` with the
//! same options, so a value on the graph is the value the Collocates view shows. A word that
//! is a collocate of two expanded nodes has an edge from each. A collocate equal to the root's
//! term (a one-word root) links back to the root.
//!
//! # The layout
//!
//! Fruchterman and Reingold's force-directed layout (1991, "Graph drawing by force-directed
//! placement"), in the unit square, deterministic: no random numbers, a fixed number of
//! iterations, and every sum in a fixed order, so the same input gives the same positions.
//! The root is pinned at the centre. A node starts at a distance of `k` from the node it was
//! found from, at an angle that follows from its term (FNV-1a), so it starts in the same place
//! whatever else the graph holds. The graph is laid out in stages: the root's collocates
//! first, then each expansion in turn, in which only the new nodes move (from a lower
//! temperature), so expanding a node keeps the others exactly where they were.

use std::collections::HashMap;

use crate::collocates::{CollocateOptions, Counting, Measure};
use crate::error::{check_range, Error, Result};
use crate::index::{Corpus, DocId};
use crate::scope::Scope;
use crate::tokenize::{is_word_char, normalize};

/// The most collocates shown per node.
pub const MAX_TOP: usize = 30;
/// The most expanded nodes.
pub const MAX_EXPANDED: usize = 12;

/// Iterations of the first stage of the layout (the root's collocates).
const FIRST_ITERATIONS: usize = 160;
/// Iterations of each later stage (an expansion).
const STAGE_ITERATIONS: usize = 80;
/// The margin of the unit square that no node enters (room for its label).
const MARGIN: f64 = 0.06;

/// Options for [`Corpus::network`]: those of [`CollocateOptions`] (the numbers are the
/// Collocates view's) and the number of collocates per node.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct NetworkOptions {
    /// This document only; `None` (the default) for the whole corpus.
    pub doc: Option<DocId>,
    /// Only the documents of this subcorpus (see [`crate::scope`]); `None` for all.
    pub scope: Option<Scope>,
    /// Tokens to the left of each hit, 0 to [`crate::collocates::MAX_SPAN`] (default 5).
    pub left: usize,
    /// Tokens to the right of each hit, 0 to [`crate::collocates::MAX_SPAN`] (default 5).
    pub right: usize,
    /// Leave out collocates observed fewer times than this (default 2).
    pub min_count: usize,
    /// Keep stop words (the default); `false` leaves them out.
    pub stopwords: bool,
    /// The measure that chooses each node's collocates and that the edges carry (default
    /// logDice).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        ts(type = "\"count\" | \"mi\" | \"logLikelihood\" | \"tScore\" | \"logDice\"")
    )]
    pub measure: Measure,
    /// Match the root query's case too (default `false`).
    pub case_sensitive: bool,
    /// How the windows are counted: `union` (the default) or `perHit`.
    #[cfg_attr(not(target_arch = "wasm32"), ts(type = "\"union\" | \"perHit\""))]
    pub counting: Counting,
    /// Only collocates seen more often than expected (the default).
    pub positive_only: bool,
    /// Collocates per node, 1 to [`MAX_TOP`] (default 10).
    pub top: usize,
}

impl Default for NetworkOptions {
    fn default() -> NetworkOptions {
        let c = CollocateOptions::default();
        NetworkOptions {
            doc: c.doc,
            scope: c.scope,
            left: c.left,
            right: c.right,
            min_count: c.min_count,
            stopwords: c.stopwords,
            measure: c.sort,
            case_sensitive: c.case_sensitive,
            counting: c.counting,
            positive_only: c.positive_only,
            top: 10,
        }
    }
}

impl NetworkOptions {
    /// The options of the Collocates view that give this network's numbers.
    pub fn collocates(&self) -> CollocateOptions {
        CollocateOptions {
            doc: self.doc,
            scope: self.scope.clone(),
            left: self.left,
            right: self.right,
            min_count: self.min_count,
            stopwords: self.stopwords,
            sort: self.measure,
            limit: Some(self.top),
            case_sensitive: self.case_sensitive,
            counting: self.counting,
            positive_only: self.positive_only,
        }
    }
}

/// A node of the network.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct NetworkNode {
    /// The term (the root: the query as typed, or its term for a one-word query).
    pub term: String,
    /// Its frequency in the scope (the root: the query's hits).
    pub frequency: usize,
    /// Whether it is the root (the query).
    pub root: bool,
    /// Whether its collocates are shown (the root's always are).
    pub expanded: bool,
    /// The nodes it links to (by index in `nodes`), either way, in ascending order.
    pub links: Vec<usize>,
    /// Its position, 0 to 1 from the left.
    pub x: f64,
    /// Its position, 0 to 1 from the top.
    pub y: f64,
}

/// An edge: `to` is among the top collocates of `from`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct NetworkEdge {
    /// The node whose collocate this is (an index in `nodes`).
    pub from: usize,
    /// The collocate (an index in `nodes`).
    pub to: usize,
    /// The chosen measure's value (the Collocates view's, for `from`'s query).
    pub value: f64,
    /// `O`: the collocate's occurrences in `from`'s windows.
    pub observed: usize,
}

/// The collocation network of a query.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Network {
    /// The nodes: the root first, then in the order they were found.
    pub nodes: Vec<NetworkNode>,
    /// The edges, by `from` in the order of expansion, then by the measure.
    pub edges: Vec<NetworkEdge>,
    /// The expanded terms that are not in the graph (not a collocate of a shown node), left
    /// out.
    pub unreached: Vec<String>,
}

/// The query that finds exactly `term`.
fn term_query(term: &str) -> String {
    if term.contains('"') {
        term.to_string()
    } else {
        format!("\"{term}\"")
    }
}

/// FNV-1a of a term: a fixed angle for where its node starts.
fn angle_of(term: &str) -> f64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash % 36_000) as f64 / 36_000.0 * std::f64::consts::TAU
}

impl Corpus {
    /// The collocation network of `query`, with the collocates of the `expanded` terms (see
    /// the [module documentation](self)).
    ///
    /// ```
    /// use text_explorer::{Corpus, NetworkOptions};
    /// let corpus = Corpus::with_articles();
    /// let net = corpus.network("korea", &["north".into()], &NetworkOptions::default()).unwrap();
    /// assert!(net.nodes[0].root);
    /// assert!(net.nodes.iter().any(|n| n.term == "north" && n.expanded));
    /// ```
    pub fn network(
        &self,
        query: &str,
        expanded: &[String],
        options: &NetworkOptions,
    ) -> Result<Network> {
        check_range("top", options.top, 1, MAX_TOP)?;
        if expanded.len() > MAX_EXPANDED {
            return Err(Error::invalid_option(
                "expanded",
                format!(
                    "at most {MAX_EXPANDED} nodes can be expanded, got {}",
                    expanded.len()
                ),
            ));
        }
        let query = query.trim();
        let collocate_options = options.collocates();
        let root = self.collocates(query, &collocate_options)?;
        // A one-word root is that word's term, so that a collocate equal to it links back.
        let root_term = if !query.is_empty() && query.chars().all(is_word_char) {
            self.counted(&normalize(query)).into_owned()
        } else {
            query.to_string()
        };
        let mut graph = Graph::default();
        graph.node(&root_term, root.hits, None);
        graph.nodes[0].expanded = true;
        let mut stages = vec![(graph.nodes.len(), 0)];
        for row in &root.rows {
            graph.link(
                0,
                row.term,
                row.count,
                row.observed,
                value(row, options.measure),
            );
        }
        stages.push((graph.nodes.len(), graph.edges.len()));
        // In the order given; a term found only by a later expansion is expanded then.
        let mut pending: Vec<&str> = Vec::new();
        for term in expanded {
            let term = term.trim();
            if !term.is_empty() && term != root_term && !pending.contains(&term) {
                pending.push(term);
            }
        }
        while let Some(at) = pending.iter().position(|t| graph.index.contains_key(*t)) {
            let term = pending.remove(at);
            let from = graph.index[term];
            graph.nodes[from].expanded = true;
            let found = self.collocates(&term_query(term), &collocate_options)?;
            for row in &found.rows {
                graph.link(
                    from,
                    row.term,
                    row.count,
                    row.observed,
                    value(row, options.measure),
                );
            }
            stages.push((graph.nodes.len(), graph.edges.len()));
        }
        graph.layout(&stages);
        let Graph { nodes, edges, .. } = graph;
        let mut out: Vec<NetworkNode> = nodes;
        for e in &edges {
            for (a, b) in [(e.from, e.to), (e.to, e.from)] {
                if !out[a].links.contains(&b) {
                    out[a].links.push(b);
                }
            }
        }
        for n in &mut out {
            n.links.sort_unstable();
        }
        Ok(Network {
            nodes: out,
            edges,
            unreached: pending.into_iter().map(String::from).collect(),
        })
    }
}

fn value(row: &crate::collocates::Collocate, measure: Measure) -> f64 {
    match measure {
        Measure::Count => row.observed as f64,
        Measure::Mi => row.mi,
        Measure::LogLikelihood => row.log_likelihood,
        Measure::TScore => row.t_score,
        Measure::LogDice => row.log_dice,
    }
}

/// The graph as it is built: nodes, edges, and each node's parent (where it starts).
#[derive(Default)]
struct Graph {
    nodes: Vec<NetworkNode>,
    edges: Vec<NetworkEdge>,
    index: HashMap<String, usize>,
    parent: Vec<Option<usize>>,
}

impl Graph {
    fn node(&mut self, term: &str, frequency: usize, parent: Option<usize>) -> usize {
        if let Some(&i) = self.index.get(term) {
            return i;
        }
        let i = self.nodes.len();
        self.nodes.push(NetworkNode {
            term: term.to_string(),
            frequency,
            root: i == 0,
            expanded: false,
            links: Vec::new(),
            x: 0.5,
            y: 0.5,
        });
        self.index.insert(term.to_string(), i);
        self.parent.push(parent);
        i
    }

    fn link(&mut self, from: usize, term: &str, frequency: usize, observed: usize, value: f64) {
        let to = self.node(term, frequency, Some(from));
        if to != from {
            self.edges.push(NetworkEdge {
                from,
                to,
                value,
                observed,
            });
        }
    }

    /// Fruchterman–Reingold in stages: `stages[s]` is the number of nodes and of edges once
    /// stage `s` is added (stage 0: the root alone; then the root's collocates; then each
    /// expansion).
    fn layout(&mut self, stages: &[(usize, usize)]) {
        let mut pos: Vec<(f64, f64)> = Vec::with_capacity(self.nodes.len());
        pos.push((0.5, 0.5));
        for s in 1..stages.len() {
            let ((old, _), (new, edge_count)) = (stages[s - 1], stages[s]);
            let k = 0.75 * (1.0 / new.max(2) as f64).sqrt();
            for i in old..new {
                let (px, py) = pos[self.parent[i].unwrap_or(0)];
                let a = angle_of(&self.nodes[i].term);
                pos.push(clamp((px + k * a.cos(), py + k * a.sin())));
            }
            if new == old && s > 1 {
                continue;
            }
            // The edges known at this stage: a later stage must not change an earlier one.
            let edges: Vec<(usize, usize)> = self.edges[..edge_count]
                .iter()
                .map(|e| (e.from, e.to))
                .collect();
            let iterations = if s == 1 {
                FIRST_ITERATIONS
            } else {
                STAGE_ITERATIONS
            };
            // A later stage starts cooler: the new nodes start near their places.
            let heat = if s == 1 { 0.1 } else { 0.05 };
            fruchterman_reingold(&mut pos, &edges, k, old, iterations, heat);
        }
        for (node, (x, y)) in self.nodes.iter_mut().zip(pos) {
            node.x = (x * 10_000.0).round() / 10_000.0;
            node.y = (y * 10_000.0).round() / 10_000.0;
        }
    }
}

fn clamp((x, y): (f64, f64)) -> (f64, f64) {
    (x.clamp(MARGIN, 1.0 - MARGIN), y.clamp(MARGIN, 1.0 - MARGIN))
}

/// `iterations` steps of Fruchterman and Reingold's algorithm in the unit square, with the
/// ideal distance `k` and a temperature cooling linearly from `heat`; node 0 and the nodes
/// below `settled` (laid out before) stay put.
fn fruchterman_reingold(
    pos: &mut [(f64, f64)],
    edges: &[(usize, usize)],
    k: f64,
    settled: usize,
    iterations: usize,
    heat: f64,
) {
    let n = pos.len();
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for step in 0..iterations {
        let t = heat * (1.0 - step as f64 / iterations as f64);
        disp.fill((0.0, 0.0));
        // Repulsion between every pair: k² / d.
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(1e-4);
                let f = k * k / d / d;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        // Attraction along the edges: d² / k.
        for &(a, b) in edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-4);
            let f = d / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in settled.max(1)..n {
            let (dx, dy) = disp[i];
            let d = (dx * dx + dy * dy).sqrt();
            if d == 0.0 {
                continue;
            }
            let s = d.min(t) / d;
            pos[i] = clamp((pos[i].0 + dx * s, pos[i].1 + dy * s));
        }
    }
}
