//! Each term's postings (where its tokens are), delta-coded, and the iterator that decodes them.

use super::varint::{read_varint, varint_len, write_varint};
use super::{DocId, Document, TermId};

/// One occurrence of a term: the document and the token's index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Posting {
    /// The document.
    pub doc: DocId,
    /// The token's index in the document (0 for its first word).
    pub pos: u32,
}

/// Every term's postings, delta-coded: for each term in id order, the corpus-wide positions
/// of its tokens (documents numbered one after another), each as its distance from the one
/// before in LEB128. Built in two linear passes over the token arrays, when a query first
/// needs it after documents were added or removed (adding 500 documents builds it once).
#[derive(Clone, Debug, Default)]
pub(crate) struct Postings {
    /// Term `t`'s codes are `codes[offsets[t]..offsets[t + 1]]`.
    offsets: Vec<u32>,
    codes: Vec<u8>,
    /// The corpus-wide position of each document's first token, and the total at the end.
    bases: Vec<u32>,
}

impl Postings {
    pub(super) fn build(docs: &[Document], terms: usize) -> Postings {
        let all = || docs.iter().flat_map(|d| d.terms.iter());
        Postings::build_with(docs, all, terms)
    }

    /// [`Postings::build`] of the documents' tokens with the term ids `all()` gives (the
    /// corpus file's, renumbered).
    pub(super) fn build_with<I: Iterator<Item = TermId>>(
        docs: &[Document],
        all: impl Fn() -> I,
        terms: usize,
    ) -> Postings {
        let bases = bases(docs);
        // Pass 1: the size of each term's codes.
        let mut last = vec![0u32; terms];
        let mut sizes = vec![0u32; terms + 1];
        for (pos, t) in all().enumerate() {
            let t = t as usize;
            sizes[t + 1] += varint_len(pos as u32 - last[t]);
            last[t] = pos as u32;
        }
        for t in 1..sizes.len() {
            sizes[t] += sizes[t - 1];
        }
        // Pass 2: write them, each term at its own cursor.
        let mut codes = vec![0u8; sizes[terms] as usize];
        let mut cursor = sizes.clone();
        last.fill(0);
        for (pos, t) in all().enumerate() {
            let t = t as usize;
            let delta = pos as u32 - last[t];
            last[t] = pos as u32;
            cursor[t] += write_varint(&mut codes[cursor[t] as usize..], delta) as u32;
        }
        Postings {
            offsets: sizes,
            codes,
            bases,
        }
    }

    /// Each term's codes, one after another, and where each term's start (and the end).
    pub(super) fn parts(&self) -> (&[u32], &[u8]) {
        (&self.offsets, &self.codes)
    }

    /// The postings of the corpus file: `sizes` (each term's bytes of `codes`) checked against
    /// `docs` and `freq` (each term's tokens): each term's positions must be increasing,
    /// inside the corpus, well coded and as many as its count. `None` otherwise. (That they
    /// are the positions of that term is not checked, which would cost what building them
    /// does: a file that passes its checksum is one this crate wrote.)
    pub(super) fn from_parts(
        sizes: &[u32],
        codes: Vec<u8>,
        docs: &[Document],
        freq: &[u32],
    ) -> Option<Postings> {
        if sizes.len() != freq.len() {
            return None;
        }
        let bases = bases(docs);
        let total = *bases.last()?;
        let mut offsets = Vec::with_capacity(sizes.len() + 1);
        let mut at = 0usize;
        offsets.push(0);
        for (t, &size) in sizes.iter().enumerate() {
            let end = at.checked_add(size as usize)?;
            let slice = codes.get(at..end)?;
            let (mut i, mut pos, mut count) = (0, 0u32, 0u32);
            while i < slice.len() {
                let mut delta = 0u32;
                let mut shift = 0;
                loop {
                    let b = *slice.get(i)?;
                    i += 1;
                    if shift == 28 && b > 0x0F {
                        return None;
                    }
                    delta |= u32::from(b & 0x7F) << shift;
                    if b < 0x80 {
                        break;
                    }
                    shift += 7;
                }
                if count > 0 && delta == 0 {
                    return None;
                }
                pos = pos.checked_add(delta)?;
                if pos >= total {
                    return None;
                }
                count += 1;
            }
            if count != freq[t] {
                return None;
            }
            at = end;
            offsets.push(at as u32);
        }
        (at == codes.len()).then_some(Postings {
            offsets,
            codes,
            bases,
        })
    }

    pub(super) fn bytes(&self) -> usize {
        4 * (self.offsets.capacity() + self.bases.capacity()) + self.codes.capacity()
    }

    /// The postings of `term`, restricted to one document if `only` is given.
    pub(super) fn of(&self, term: TermId, only: Option<DocId>) -> PostingIter<'_> {
        let t = term as usize;
        let codes = &self.codes[self.offsets[t] as usize..self.offsets[t + 1] as usize];
        PostingIter {
            codes,
            at: 0,
            bases: &self.bases,
            pos: 0,
            doc: 0,
            only,
        }
    }
}

/// The corpus-wide position of each document's first token, and the total at the end.
fn bases(docs: &[Document]) -> Vec<u32> {
    let mut bases = Vec::with_capacity(docs.len() + 1);
    let mut total = 0u32;
    for doc in docs {
        bases.push(total);
        total += doc.terms.len() as u32;
    }
    bases.push(total);
    bases
}

/// The postings of one term, in document then position order, made by
/// [`Corpus::postings_in`](super::Corpus::postings_in).
#[derive(Clone)]
pub(crate) struct PostingIter<'a> {
    codes: &'a [u8],
    at: usize,
    bases: &'a [u32],
    /// The corpus-wide position of the last posting read (0 before the first, whose delta
    /// is counted from 0).
    pos: u32,
    /// The document of the last posting read.
    doc: usize,
    /// Only postings of this document, if given.
    only: Option<DocId>,
}

impl Iterator for PostingIter<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        loop {
            if self.at >= self.codes.len() {
                return None;
            }
            let delta = read_varint(self.codes, &mut self.at);
            self.pos += delta;
            while self.bases[self.doc + 1] <= self.pos {
                self.doc += 1;
            }
            let posting = Posting {
                doc: self.doc as DocId,
                pos: self.pos - self.bases[self.doc],
            };
            match self.only {
                Some(d) if d > posting.doc => continue,
                Some(d) if d < posting.doc => {
                    self.at = self.codes.len();
                    return None;
                }
                _ => return Some(posting),
            }
        }
    }
}
