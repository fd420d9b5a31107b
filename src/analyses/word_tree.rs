//! Word Tree (Wattenberg & Viégas 2008, "The Word Tree, an interactive visual
//! concordance"): the contexts on one side of a query's hits, merged into a prefix tree by
//! shared words. A node is a word at distance `d` from the keyword (1 the nearest) reached by
//! the words before it; its count is the number of hits whose context reads that path. So
//! the counts at depth 1 are the frequencies of the words at `1R` (or `1L`) of the
//! concordance, and a node's children count at most as many hits as it does (fewer where a
//! context ends at the document's edge).
//!
//! Each node keeps its `branches` most frequent children (ties by word), the others counted
//! in `rest` (hits) and `rest_branches`; the tree stops at `depth` words, and at
//! `max_nodes` ([`MAX_NODES`] at most) nodes in all, filled level by level (breadth first), so a query with
//! tens of thousands of hits still answers a tree a browser can draw.

use crate::error::{check_range, Result};
use crate::index::{sorted_indices, Corpus, DocId, TermId};
use crate::query::Hit;
use crate::scope::Scope;
use crate::KwicFilter;

/// The most words a path may have.
pub const MAX_DEPTH: usize = 12;

/// The most children a node may keep.
pub const MAX_BRANCHES: usize = 50;

/// The most nodes a tree holds.
pub const MAX_NODES: usize = 3000;

/// Which side of the keyword the tree grows on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub enum Side {
    /// The words after the keyword (the default).
    #[default]
    Right,
    /// The words before it, nearest first.
    Left,
}

/// Options for [`Corpus::word_tree`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct WordTreeOptions {
    /// This document only; `None` (the default) for every document.
    pub doc: Option<DocId>,
    /// Only the documents of this subcorpus (see [`crate::scope`]); `None` for all.
    pub scope: Option<Scope>,
    /// The side of the keyword (default right).
    pub side: Side,
    /// Words on a path, 1 to [`MAX_DEPTH`] (default 6).
    pub depth: usize,
    /// Children a node keeps, 1 to [`MAX_BRANCHES`] (default 10).
    pub branches: usize,
    /// Match the query's case too (default `false`).
    pub case_sensitive: bool,
    /// Only the hits with these words around them, as KWIC's filter (default none).
    pub filter: Vec<KwicFilter>,
    /// The most nodes the tree holds, 1 to [`MAX_NODES`] (the default), filled level by
    /// level: a view asks for a tree it can draw at once.
    pub max_nodes: usize,
}

impl Default for WordTreeOptions {
    fn default() -> WordTreeOptions {
        WordTreeOptions {
            doc: None,
            scope: None,
            side: Side::Right,
            depth: 6,
            branches: 10,
            case_sensitive: false,
            filter: Vec::new(),
            max_nodes: MAX_NODES,
        }
    }
}

/// A word tree: the root is the keyword, with every hit.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct WordTree {
    /// The hits (the root's count).
    pub total: usize,
    /// The words next to the keyword, most frequent first.
    pub children: Vec<WordNode>,
    /// Hits whose next word is in a branch left out.
    pub rest: usize,
    /// Branches left out.
    pub rest_branches: usize,
}

/// One word of the tree.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct WordNode {
    /// The word, as a term (normalised as the index is).
    pub word: String,
    /// Hits whose context reads the path to here.
    pub count: usize,
    /// The next words, most frequent first (ties by word). (Named by hand for TypeScript:
    /// the contract's visit of the types would follow the recursion for ever.)
    #[cfg_attr(not(target_arch = "wasm32"), ts(type = "Array<WordNode>"))]
    pub children: Vec<WordNode>,
    /// Hits whose next word is in a branch left out.
    pub rest: usize,
    /// Branches left out.
    pub rest_branches: usize,
}

/// A node while the tree grows: its term, its hits, its children's indices.
struct Grow {
    term: TermId,
    hits: Vec<u32>,
    children: Vec<usize>,
    rest: usize,
    rest_branches: usize,
}

impl Corpus {
    /// The word tree of `query` (see the [module documentation](self)).
    ///
    /// ```
    /// use text_explorer::{Corpus, WordTreeOptions};
    /// let corpus = Corpus::with_articles();
    /// let tree = corpus.word_tree("putin", &WordTreeOptions::default()).unwrap();
    /// assert!(tree.total > 10);
    /// assert!(tree.children.iter().map(|n| n.count).sum::<usize>() <= tree.total);
    /// ```
    pub fn word_tree(&self, query: &str, options: &WordTreeOptions) -> Result<WordTree> {
        check_range("options.depth", options.depth, 1, MAX_DEPTH)?;
        check_range("options.branches", options.branches, 1, MAX_BRANCHES)?;
        check_range("options.maxNodes", options.max_nodes, 1, MAX_NODES)?;
        let docs = self.docs(options.doc, options.scope.as_ref())?;
        let parsed = self.parse_query(query, options.case_sensitive)?;
        let mut hits = self.hits(&parsed, &docs)?;
        let kwic = crate::KwicOptions {
            filter: options.filter.clone(),
            case_sensitive: options.case_sensitive,
            window: crate::kwic::MAX_WINDOW,
            ..Default::default()
        };
        self.filter_hits(&mut hits, &kwic, &docs)?;
        // Node 0 is the root (its term unused).
        let mut nodes = vec![Grow {
            term: 0,
            hits: (0..hits.len() as u32).collect(),
            children: Vec::new(),
            rest: 0,
            rest_branches: 0,
        }];
        let mut level = vec![0usize];
        for depth in 1..=options.depth {
            let mut next = Vec::new();
            for &parent in &level {
                let budget = options.max_nodes + 1 - nodes.len();
                let mut groups = self.groups(&hits, &nodes[parent].hits, options.side, depth);
                let kept = groups.len().min(options.branches).min(budget);
                let left_out = groups.split_off(kept);
                nodes[parent].rest = left_out.iter().map(|(_, h)| h.len()).sum();
                nodes[parent].rest_branches = left_out.len();
                for (term, hits) in groups {
                    let id = nodes.len();
                    nodes[parent].children.push(id);
                    next.push(id);
                    nodes.push(Grow {
                        term,
                        hits,
                        children: Vec::new(),
                        rest: 0,
                        rest_branches: 0,
                    });
                }
            }
            level = next;
        }
        let children = nodes[0]
            .children
            .iter()
            .map(|&c| self.word_node(&nodes, c))
            .collect();
        Ok(WordTree {
            total: hits.len(),
            children,
            rest: nodes[0].rest,
            rest_branches: nodes[0].rest_branches,
        })
    }

    /// The hits of `of` (indices into `hits`) grouped by their word `depth` tokens away on
    /// `side`, most hits first, then alphabetically; hits with no word there are left out.
    fn groups(
        &self,
        hits: &[Hit],
        of: &[u32],
        side: Side,
        depth: usize,
    ) -> Vec<(TermId, Vec<u32>)> {
        let docs = self.documents();
        let keyed: Vec<(TermId, u32)> = of
            .iter()
            .filter_map(|&i| {
                let hit = hits[i as usize];
                let at = match side {
                    Side::Right => (hit.pos + hit.len - 1) as usize + depth,
                    Side::Left => (hit.pos as usize).checked_sub(depth)?,
                };
                docs[hit.doc as usize].terms.get(at).map(|t| (t, i))
            })
            .collect();
        // Sorted through the crate's one sort (`sorted_indices`): a sort of its own would
        // add its code to the wasm.
        let by_term = sorted_indices(keyed.len(), &|a, b| {
            keyed[a as usize].cmp(&keyed[b as usize])
        });
        let mut groups: Vec<(TermId, Vec<u32>)> = Vec::new();
        for k in by_term {
            let (term, i) = keyed[k as usize];
            match groups.last_mut() {
                Some((t, list)) if *t == term => list.push(i),
                _ => groups.push((term, vec![i])),
            }
        }
        let ranks = self.ranks();
        let order = sorted_indices(groups.len(), &|a, b| {
            let ((x, xs), (y, ys)) = (&groups[a as usize], &groups[b as usize]);
            ys.len()
                .cmp(&xs.len())
                .then(ranks[*x as usize].cmp(&ranks[*y as usize]))
        });
        let mut groups: Vec<Option<(TermId, Vec<u32>)>> = groups.into_iter().map(Some).collect();
        order
            .iter()
            .filter_map(|&i| groups[i as usize].take())
            .collect()
    }

    fn word_node(&self, nodes: &[Grow], i: usize) -> WordNode {
        let node = &nodes[i];
        WordNode {
            word: self.vocab.term(node.term).to_string(),
            count: node.hits.len(),
            children: node
                .children
                .iter()
                .map(|&c| self.word_node(nodes, c))
                .collect(),
            rest: node.rest,
            rest_branches: node.rest_branches,
        }
    }
}
