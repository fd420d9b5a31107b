//! With diacritics folded ([`super::Corpus::set_folding`]): each distinct non-ASCII term as
//! written, and the folded term it counts as. Folding runs once per new entry, so indexing
//! pays one hash lookup a non-ASCII token, as without folding (ASCII terms fold to
//! themselves and skip it); and `~word` stems the terms as written (see
//! [`super::Corpus::same_stem`]).

use super::vocab::Vocab;
use super::{TermId, MAX_TERMS};
use crate::tokenize::fold;

/// The non-ASCII terms as written, interned, and the id of each one's folded term in the
/// corpus vocabulary.
#[derive(Clone, Debug, Default)]
pub(crate) struct Folds {
    written: Vocab,
    folded: Vec<TermId>,
}

impl Folds {
    /// The id in `vocab` of `term` folded (interned there if new); `term` is folded only
    /// the first time it is seen. An id of [`MAX_TERMS`] or more is a full vocabulary.
    pub(super) fn intern(&mut self, term: &str, vocab: &mut Vocab) -> TermId {
        let known = self.written.len();
        let written = self.written.intern(term);
        if (written as usize) < known {
            return self.folded[written as usize];
        }
        let id = vocab.intern(&fold(term));
        // A full table stores nothing: the caller refuses the text.
        if (written as usize) < MAX_TERMS {
            self.folded.push(id);
        }
        id
    }

    /// The entries of the corpus file: the terms as written and each one's folded term.
    pub(super) fn from_parts(written: Vocab, folded: Vec<TermId>) -> Folds {
        Folds { written, folded }
    }

    pub(super) fn len(&self) -> usize {
        self.folded.len()
    }

    /// Forgets the entries from `len` on (those of a text that was then refused).
    pub(super) fn truncate(&mut self, len: usize) {
        self.written.truncate(len);
        self.folded.truncate(len);
    }

    /// Entry `i`'s term as written.
    pub(crate) fn written(&self, i: usize) -> &str {
        self.written.term(i as TermId)
    }

    /// Each term as written, from entry `from` on, with its folded term's id.
    pub(crate) fn from(&self, from: usize) -> impl Iterator<Item = (&str, TermId)> {
        (from..self.folded.len()).map(|i| (self.written.term(i as TermId), self.folded[i]))
    }

    pub(super) fn bytes(&self) -> usize {
        self.written.bytes() + 4 * self.folded.capacity()
    }
}
