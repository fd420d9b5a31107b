//! Tokenising ahead of indexing, on any thread (native only): the command-line tool finds the
//! words of many texts on all cores, then adds them in order with
//! [`Engine::add_tokenized`](crate::engine::Engine::add_tokenized), which interns the words
//! (the one part that needs the corpus). The index is the same as [`Corpus::index_slice`]'s.

use super::{intern, Building, Corpus, MAX_TERMS};
use crate::error::{Error, ErrorKind, Result};
use crate::protocol::NewDocument;
use crate::tokenize::{normalize_ascii_into, sentence_first_words, tokens_in};

/// A text to add and its words, normalised as the index keeps them, with their spans and
/// the text's sentence starts, found apart from any corpus (so on any thread).
#[derive(Debug)]
pub struct Tokenized {
    pub(crate) item: NewDocument,
    pub(crate) words: Words,
}

/// The words of a [`Tokenized`].
#[derive(Debug)]
pub(crate) struct Words {
    /// The language the words were found with (the item's own, as given).
    language: Option<String>,
    /// The terms one after another; term `i` ends at `ends[i]`.
    terms: String,
    ends: Vec<u32>,
    /// Whether each word was ASCII (folding looks only at the others).
    ascii: Vec<bool>,
    spans: Vec<(u32, u32)>,
    sentences: Vec<u32>,
}

impl Tokenized {
    /// The words of `item`'s text in its language (as given: give the detected one, or
    /// `None`, before; a language the engine then decides otherwise is indexed again).
    pub fn new(item: NewDocument) -> Tokenized {
        let language = item.language.clone();
        let text = item.text.as_str();
        let mut term = String::new();
        let mut terms = String::new();
        let (mut ends, mut ascii, mut spans) = (Vec::new(), Vec::new(), Vec::new());
        for token in tokens_in(text, language.as_deref()) {
            ascii.push(normalize_ascii_into(token.text, &mut term));
            terms.push_str(&term);
            ends.push(terms.len() as u32);
            spans.push((token.start as u32, token.end as u32));
        }
        let sentences = sentence_first_words(text, spans.iter().map(|&(start, _)| start as usize));
        Tokenized {
            item,
            words: Words {
                language,
                terms,
                ends,
                ascii,
                spans,
                sentences,
            },
        }
    }
}

impl Corpus {
    /// Indexes the whole text being built from its words found ahead (`words`: the
    /// [`Tokenized`] of the same text), as [`Corpus::index_slice`] would; returns false, and
    /// indexes nothing, when they were found in another language than the document's (the
    /// caller then indexes it with [`Corpus::index_slice`]).
    pub(crate) fn index_tokenized(
        &mut self,
        building: &mut Building,
        words: &mut Words,
    ) -> Result<bool> {
        if building.at != 0 || words.language != building.doc.language {
            return Ok(false);
        }
        let mut start = 0;
        for (i, &end) in words.ends.iter().enumerate() {
            let term = &words.terms[start..end as usize];
            start = end as usize;
            let folds = (self.fold && !words.ascii[i]).then_some(&mut self.folds);
            let id = intern(&mut self.vocab, folds, term);
            if id as usize >= MAX_TERMS {
                return Err(Error::new(ErrorKind::TooManyTerms));
            }
            building.doc.terms.push(id);
            let (from, to) = words.spans[i];
            building.doc.spans.push(from, to);
        }
        building.at = building.text.len();
        building.sentences = Some(std::mem::take(&mut words.sentences));
        Ok(true)
    }
}
