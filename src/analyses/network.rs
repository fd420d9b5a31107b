//! The collocation network (LancsBox's GraphColl, Voyant's Links): a query's collocates as
//! a graph, and the collocates of the collocates the user expands, so that the words two
//! nodes share link to both.
//!
//! # The graph
//!
//! The options are the Collocates view's ([`CollocateOptions`]): the window, the measure
//! (`sort`), the minimum count, the counting, stop words and the scope; `limit` is the number
//! of collocates per node, 1 to [`MAX_TOP`] ([`DEFAULT_TOP`] when `None`).
//!
//! The *root* is the query (KWIC syntax). Its top collocates by the chosen measure are its
//! neighbours. Each *expanded* term (a node already in the graph, in
//! the order given) adds its own top collocates, found as the query `"term"` in any case
//! (`case_sensitive` applies to the root's query). An edge
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
//! The root is pinned at the centre. The ideal distance is `k = 0.75·√(1/max(n, 28))`, so that
//! the root's collocates keep to the middle and leave room for expansions. A node starts at a
//! distance of `k` from the node it was found from, in a direction that follows from its term
//! (FNV-1a), turned away from the root for an expansion's words. The graph is laid out in stages: the root's collocates
//! first, then each expansion in turn, in which only the new nodes move (from a lower
//! temperature), so expanding a node keeps the others exactly where they were.

use crate::collocates::CollocateOptions;
use crate::error::{check_range, Error, Result};
use crate::index::Corpus;
use crate::tokenize::{is_word_char, normalize};

/// The most collocates shown per node.
pub const MAX_TOP: usize = 30;
/// The most expanded nodes.
pub const MAX_EXPANDED: usize = 12;

/// Iterations of the first stage of the layout (the root's collocates).
const FIRST_ITERATIONS: usize = 160;
/// Iterations of each later stage (an expansion).
const STAGE_ITERATIONS: usize = 80;
/// The ideal distance between nodes is that of a graph of at least this many.
const ROOM: usize = 28;
/// The margin of the unit square that no node enters (room for its label).
const MARGIN: f64 = 0.06;

/// Collocates per node when [`CollocateOptions::limit`] is `None`.
pub const DEFAULT_TOP: usize = 10;

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

/// A fixed direction for a term's node to start in, from the FNV-1a hash of the term: a unit
/// vector (no trigonometry, which would pull libm's sine and cosine into the wasm).
fn direction_of(term: &str) -> (f64, f64) {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let unit = |bits: u64| (bits & 0xffff) as f64 / 32_767.5 - 1.0;
    let (x, y) = (unit(hash), unit(hash >> 16));
    let d = (x * x + y * y).sqrt();
    if d < 1e-3 {
        (1.0, 0.0)
    } else {
        (x / d, y / d)
    }
}

impl Corpus {
    /// The collocation network of `query`, with the collocates of the `expanded` terms (see
    /// the [module documentation](self)).
    ///
    /// ```
    /// use text_explorer::{CollocateOptions, Corpus};
    /// let corpus = Corpus::with_articles();
    /// let net = corpus.network("korea", &["north".into()], &CollocateOptions::default()).unwrap();
    /// assert!(net.nodes[0].root);
    /// assert!(net.nodes.iter().any(|n| n.term == "north" && n.expanded));
    /// ```
    pub fn network(
        &self,
        query: &str,
        expanded: &[String],
        options: &CollocateOptions,
    ) -> Result<Network> {
        let top = options.limit.unwrap_or(DEFAULT_TOP);
        check_range("limit", top, 1, MAX_TOP)?;
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
        let mut collocate_options = CollocateOptions {
            limit: Some(top),
            ..options.clone()
        };
        // A one-word root is that word's term, so that a collocate equal to it links back.
        let root_term = if !query.is_empty() && query.chars().all(is_word_char) {
            self.counted(&normalize(query)).into_owned()
        } else {
            query.to_string()
        };
        // In the order given; a term found only by a later expansion is expanded then.
        let mut pending: Vec<&str> = Vec::new();
        for term in expanded {
            let term = term.trim();
            if !term.is_empty() && term != root_term && !pending.contains(&term) {
                pending.push(term);
            }
        }
        let mut graph = Graph::default();
        graph.node(&root_term, 0, None);
        let mut stages = vec![(1, 0)];
        // The root, then each expansion (one call site: the collocates are not inlined twice).
        let (mut from, mut q) = (0, query.to_string());
        loop {
            let found = self.collocates(&q, &collocate_options)?;
            // An expanded node is a term (a counting form, lowercase): found in any case.
            collocate_options.case_sensitive = false;
            if from == 0 {
                graph.nodes[0].frequency = found.hits;
            }
            graph.nodes[from].expanded = true;
            for row in &found.rows {
                let value = row.value(options.sort);
                graph.link(from, row.term, row.count, row.observed, value);
            }
            stages.push((graph.nodes.len(), graph.edges.len()));
            let next = pending
                .iter()
                .enumerate()
                .find_map(|(at, t)| graph.find(t).map(|i| (at, i)));
            let Some((at, i)) = next else { break };
            q = term_query(pending.remove(at));
            from = i;
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

/// The graph as it is built: nodes, edges, and each node's parent (where it starts).
#[derive(Default)]
struct Graph {
    nodes: Vec<NetworkNode>,
    edges: Vec<NetworkEdge>,
    parent: Vec<Option<usize>>,
}

impl Graph {
    /// The node of `term` (a few hundred nodes at most: a scan).
    fn find(&self, term: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.term == term)
    }

    fn node(&mut self, term: &str, frequency: usize, parent: Option<usize>) -> usize {
        if let Some(i) = self.find(term) {
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
            // The ideal distance of a graph of at least ROOM nodes: the root's collocates
            // keep to the middle, and leave room around them for the expansions.
            let k = 0.75 * (1.0 / new.max(ROOM) as f64).sqrt();
            for i in old..new {
                let (px, py) = pos[self.parent[i].unwrap_or(0)];
                let (mut dx, mut dy) = direction_of(&self.nodes[i].term);
                // An expansion's words start on the far side of their node from the root.
                let (ox, oy) = (px - 0.5, py - 0.5);
                let out = (ox * ox + oy * oy).sqrt();
                if out > 1e-3 {
                    let (ux, uy) = (dx + 1.5 * ox / out, dy + 1.5 * oy / out);
                    let d = (ux * ux + uy * uy).sqrt().max(1e-3);
                    (dx, dy) = (ux / d, uy / d);
                }
                pos.push(clamp((px + k * dx, py + k * dy)));
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
            // Four decimals: a tenth of a pixel on a 1,000-pixel graph.
            node.x = (x * 10_000.0 + 0.5).floor() / 10_000.0;
            node.y = (y * 10_000.0 + 0.5).floor() / 10_000.0;
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
