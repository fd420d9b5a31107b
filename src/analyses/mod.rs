//! The analyses: everything that reads the index through a query. Term lists and summaries
//! ([`terms`]), collocates, phrases ([`ngrams`]), keyness, dispersion, the comparison of
//! two documents, trends over documents or dates ([`trends`]) and the word tree, with the statistics they share in `stats`.

pub mod collocates;
pub mod compare;
pub mod dispersion;
pub mod keyness;
pub mod network;
pub mod ngrams;
mod stats;
pub mod terms;
pub mod trends;
pub mod word_tree;
