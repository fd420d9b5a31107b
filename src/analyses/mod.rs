//! The analyses: everything that reads the index through a query. Term lists and summaries
//! ([`terms`]), collocates, phrases ([`ngrams`]), keyness, dispersion and the comparison of
//! two documents, with the statistics they share in `stats`.

pub mod collocates;
pub mod compare;
pub mod dispersion;
pub mod keyness;
pub mod network;
pub mod ngrams;
mod stats;
pub mod terms;
