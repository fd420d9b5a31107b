//! The positional index, built in one pass over each text: interned term ids, per-document
//! token arrays with byte spans, and per-term postings. Frequencies and concordances read it
//! and never rescan the text.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::{Error, ErrorKind, Result};
use crate::tokenize::{normalize_into, sentences_with_words, tokens};

/// A term's id: its index in the corpus vocabulary.
pub type TermId = u32;

/// A document's id: its index in the corpus, in the order documents were added.
pub type DocId = u32;

/// One occurrence of a term: the document and the token's index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Posting {
    /// The document.
    pub doc: DocId,
    /// The token's index in the document (0 for its first word).
    pub pos: u32,
}

/// A text in the corpus with its tokenisation.
#[derive(Clone, Debug)]
pub struct Document {
    title: String,
    text: String,
    /// The term of each token, in text order.
    pub(crate) terms: Vec<TermId>,
    /// Byte offset of each token's start.
    pub(crate) starts: Vec<u32>,
    /// Byte offset just past each token.
    pub(crate) ends: Vec<u32>,
    chars: usize,
    types: usize,
    sentences: usize,
    utf16: Utf16Offsets,
}

impl Document {
    /// The title given when the document was added.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The full text, exactly as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The number of Unicode scalar values (what most people call characters) in the text.
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// The number of words (tokens).
    pub fn token_count(&self) -> usize {
        self.terms.len()
    }

    /// The number of distinct terms.
    pub fn types(&self) -> usize {
        self.types
    }

    /// The number of sentences that contain a word.
    pub fn sentences(&self) -> usize {
        self.sentences
    }

    /// The byte span of token `i`.
    pub fn span(&self, i: usize) -> (usize, usize) {
        (self.starts[i] as usize, self.ends[i] as usize)
    }

    /// The term id of token `i`.
    pub fn term_id(&self, i: usize) -> TermId {
        self.terms[i]
    }

    /// Converts a byte offset (on a character boundary) into a UTF-16 offset, the unit in
    /// which JavaScript indexes strings.
    pub fn utf16_offset(&self, byte: usize) -> usize {
        self.utf16.convert(&self.text, byte)
    }
}

/// Byte → UTF-16 offset conversion without rescanning the whole text: the UTF-16 length of
/// the text before every `BLOCK`-th byte, and a short count from there.
#[derive(Clone, Debug, Default)]
struct Utf16Offsets {
    /// Empty for an ASCII text, where the two offsets are equal.
    checkpoints: Vec<u32>,
}

const BLOCK: usize = 256;

impl Utf16Offsets {
    fn new(text: &str) -> Utf16Offsets {
        if text.is_ascii() {
            return Utf16Offsets::default();
        }
        let mut checkpoints = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut units = 0u32;
        for block in text.as_bytes().chunks(BLOCK) {
            checkpoints.push(units);
            units += utf16_units(block);
        }
        // The end too: for a text whose length is a multiple of BLOCK, it starts no block.
        checkpoints.push(units);
        Utf16Offsets { checkpoints }
    }

    fn convert(&self, text: &str, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        let base = self
            .checkpoints
            .get(block)
            .copied()
            .unwrap_or_else(|| self.checkpoints.last().copied().unwrap_or(0));
        let from = (block * BLOCK).min(text.len());
        base as usize + utf16_units(&text.as_bytes()[from..byte]) as usize
    }
}

/// UTF-16 code units of the characters whose first byte lies in `bytes`: one per lead byte,
/// two for a four-byte sequence (a surrogate pair).
fn utf16_units(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum()
}

/// The vocabulary: every distinct term, interned to a [`TermId`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Vocab {
    ids: HashMap<Box<str>, TermId, BuildHasherDefault<FxHasher>>,
    terms: Vec<Box<str>>,
}

impl Vocab {
    fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.push(term.into());
        self.ids.insert(term.into(), id);
        id
    }

    pub(crate) fn get(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    pub(crate) fn term(&self, id: TermId) -> &str {
        &self.terms[id as usize]
    }

    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (TermId, &str)> {
        self.terms
            .iter()
            .enumerate()
            .map(|(id, term)| (id as TermId, &**term))
    }
}

/// The FxHash function (rustc's): fast on short keys; the keys are the user's own words, so
/// resistance to hash flooding buys nothing here.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A collection of documents and its positional index.
///
/// ```
/// use text_explorer::Corpus;
/// let mut corpus = Corpus::new();
/// let id = corpus.add_document("Greeting", "Hello, world! Hello again.").unwrap();
/// assert_eq!(corpus.document(id).unwrap().token_count(), 4);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    docs: Vec<Document>,
    pub(crate) vocab: Vocab,
    /// For each term, where it occurs, sorted by document then position.
    pub(crate) postings: Vec<Vec<Posting>>,
    /// For each term, its rank in the alphabetical order of all terms (for sorting).
    pub(crate) ranks: Vec<u32>,
    /// The term ids in alphabetical order: `ranks` inverted, kept so that adding a document
    /// merges its new terms in (linear) instead of sorting the whole vocabulary again.
    order: Vec<TermId>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// The corpus of the embedded articles (see [`crate::articles`]).
    pub fn with_articles() -> Corpus {
        let mut corpus = Corpus::new();
        for article in crate::articles::ARTICLES {
            // The embedded texts have words; a failure here is a build defect caught by tests.
            let added = corpus.add_document(article.title, article.text);
            debug_assert!(added.is_ok());
        }
        corpus
    }

    /// Adds a document and indexes it; returns its id.
    ///
    /// A blank title becomes "Document N". Fails if the text is empty or blank, has no
    /// words, or is larger than the 4 GiB that 32-bit offsets address.
    pub fn add_document(&mut self, title: &str, text: &str) -> Result<DocId> {
        if text.trim().is_empty() {
            return Err(Error::new(ErrorKind::EmptyText));
        }
        if text.len() > u32::MAX as usize {
            return Err(Error::new(ErrorKind::TextTooLarge { bytes: text.len() }));
        }
        let id = self.docs.len() as DocId;
        let title = title_or_default(title, id);
        let mut doc = Document {
            title,
            text: text.to_string(),
            terms: Vec::new(),
            starts: Vec::new(),
            ends: Vec::new(),
            // Scalar values are the bytes that do not continue a UTF-8 sequence.
            chars: text.bytes().filter(|&b| b & 0xC0 != 0x80).count(),
            types: 0,
            sentences: 0,
            utf16: Utf16Offsets::new(text),
        };
        let mut term = String::new();
        for token in tokens(text) {
            normalize_into(token.text, &mut term);
            doc.terms.push(self.vocab.intern(&term));
            doc.starts.push(token.start as u32);
            doc.ends.push(token.end as u32);
        }
        if doc.terms.is_empty() {
            // No token was seen, so nothing was interned: the corpus is unchanged.
            return Err(Error::new(ErrorKind::NoWords));
        }
        // The arrays grew by doubling: up to half of them would be slack for the life of
        // the document (12 bytes per word at most).
        doc.terms.shrink_to_fit();
        doc.starts.shrink_to_fit();
        doc.ends.shrink_to_fit();
        doc.sentences = sentences_with_words(text, doc.starts.iter().map(|&s| s as usize));
        self.postings.resize_with(self.vocab.len(), Vec::new);
        let mut seen = vec![false; self.vocab.len()];
        for (pos, &t) in doc.terms.iter().enumerate() {
            self.postings[t as usize].push(Posting {
                doc: id,
                pos: pos as u32,
            });
            if !std::mem::replace(&mut seen[t as usize], true) {
                doc.types += 1;
            }
        }
        self.docs.push(doc);
        self.update_ranks();
        Ok(id)
    }

    /// Removes document `id`; the documents after it move down by one id, so ids stay
    /// `0..len`. Its terms stay in the vocabulary with fewer (maybe no) postings.
    pub fn remove_document(&mut self, id: DocId) -> Result<()> {
        self.document(id)?;
        self.docs.remove(id as usize);
        // One pass over every posting list (a few ms for a million words): drop the
        // document's postings and renumber what came after; the lists stay sorted.
        for postings in &mut self.postings {
            postings.retain_mut(|p| {
                if p.doc > id {
                    p.doc -= 1;
                    true
                } else {
                    p.doc != id
                }
            });
        }
        Ok(())
    }

    /// Renames document `id`; a blank title becomes "Document N" (N = id + 1).
    pub fn rename_document(&mut self, id: DocId, title: &str) -> Result<()> {
        self.document(id)?;
        self.docs[id as usize].title = title_or_default(title, id);
        Ok(())
    }

    /// The bytes the index holds beyond the texts themselves (token arrays, postings,
    /// vocabulary, offsets), counted from the capacity of its vectors: an estimate for the
    /// benchmark's "bytes per token" (hash-table overhead is approximated).
    pub fn index_bytes(&self) -> usize {
        let per_doc: usize = self
            .docs
            .iter()
            .map(|d| {
                4 * (d.terms.capacity() + d.starts.capacity() + d.ends.capacity())
                    + 4 * d.utf16.checkpoints.capacity()
            })
            .sum();
        let postings: usize = self
            .postings
            .iter()
            .map(|p| p.capacity() * std::mem::size_of::<Posting>() + 24)
            .sum();
        let vocab: usize = self.vocab.terms.iter().map(|t| 2 * (t.len() + 16)).sum();
        per_doc + postings + vocab + 8 * (self.ranks.capacity() + self.order.capacity())
    }

    /// Brings `order` and `ranks` up to date with terms interned since the last call: the
    /// new terms are sorted among themselves and merged into `order`.
    fn update_ranks(&mut self) {
        let known = self.order.len();
        if known == self.vocab.len() {
            return;
        }
        let vocab = &self.vocab;
        let new = sorted_indices(self.vocab.len() - known, &|a, b| {
            vocab
                .term(known as u32 + a)
                .cmp(vocab.term(known as u32 + b))
        });
        // Each new term finds its place by binary search in what is left of the old order,
        // and the old terms before it are copied as a block: O(n log V) string comparisons
        // rather than O(V) per document (which made indexing 500 documents quadratic).
        let mut merged = Vec::with_capacity(vocab.len());
        let mut rest: &[TermId] = &self.order;
        for id in new.into_iter().map(|i| known as u32 + i) {
            let term = vocab.term(id);
            let at = rest.partition_point(|&o| vocab.term(o) < term);
            merged.extend_from_slice(&rest[..at]);
            merged.push(id);
            rest = &rest[at..];
        }
        merged.extend_from_slice(rest);
        self.ranks.resize(merged.len(), 0);
        for (rank, &id) in merged.iter().enumerate() {
            self.ranks[id as usize] = rank as u32;
        }
        self.order = merged;
    }

    /// The documents, in id order.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// One document, or an error naming the unknown id.
    pub fn document(&self, id: DocId) -> Result<&Document> {
        self.docs
            .get(id as usize)
            .ok_or_else(|| self.unknown(i64::from(id)))
    }

    /// Checks a document id given as any integer (as from JavaScript).
    pub fn check_doc(&self, id: i64) -> Result<DocId> {
        u32::try_from(id)
            .ok()
            .filter(|&id| (id as usize) < self.docs.len())
            .ok_or_else(|| self.unknown(id))
    }

    fn unknown(&self, id: i64) -> Error {
        Error::new(ErrorKind::UnknownDocument {
            id,
            count: self.docs.len(),
        })
    }

    /// A document's full text.
    pub fn text(&self, id: DocId) -> Result<&str> {
        Ok(self.document(id)?.text())
    }

    /// The number of distinct terms in the corpus.
    pub fn types(&self) -> usize {
        self.postings.iter().filter(|p| !p.is_empty()).count()
    }

    /// The postings of a term, restricted to one document if `doc` is given.
    pub(crate) fn postings_in(&self, term: TermId, doc: Option<DocId>) -> &[Posting] {
        let all = &self.postings[term as usize];
        match doc {
            None => all,
            Some(d) => {
                let from = all.partition_point(|p| p.doc < d);
                let to = all.partition_point(|p| p.doc <= d);
                &all[from..to]
            }
        }
    }
}

/// A title trimmed, or "Document N" (N = id + 1) for a blank one.
fn title_or_default(title: &str, id: DocId) -> String {
    match title.trim() {
        "" => format!("Document {}", id + 1),
        title => title.to_string(),
    }
}

/// The indices `0..len` in the order `cmp` gives them.
///
/// Every sort of the crate goes through this one function, which is not generic, so that
/// the binary holds one copy of the sort algorithm rather than one per comparison (the wasm
/// has a size budget). Callers give total orders, so the unstable sort is deterministic.
pub(crate) fn sorted_indices(len: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_match_a_direct_count() {
        // The second text ends exactly on a checkpoint block (found by fuzzing).
        for text in ["é🦀日本 Putin’s ".repeat(60) + "end", "é".repeat(128)] {
            let doc_offsets = Utf16Offsets::new(&text);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let expected = text[..byte].encode_utf16().count();
                assert_eq!(doc_offsets.convert(&text, byte), expected, "byte {byte}");
            }
        }
    }

    #[test]
    fn ascii_offsets_are_identity() {
        let offsets = Utf16Offsets::new("plain ascii");
        assert!(offsets.checkpoints.is_empty());
        assert_eq!(offsets.convert("plain ascii", 5), 5);
    }

    #[test]
    fn add_document_rejects_empty_and_wordless_text_and_keeps_the_corpus() {
        let mut corpus = Corpus::new();
        assert_eq!(
            corpus.add_document("x", "  \n").unwrap_err().to_string(),
            "the text is empty: give some text to add"
        );
        assert!(corpus.add_document("x", "!!! ...").is_err());
        assert!(corpus.documents().is_empty());
        assert_eq!(corpus.add_document(" ", "a b").unwrap(), 0);
        assert_eq!(corpus.documents()[0].title(), "Document 1");
    }

    #[test]
    fn postings_are_sorted_and_restricted_by_document() {
        let mut corpus = Corpus::new();
        corpus.add_document("a", "x y x").unwrap();
        corpus.add_document("b", "y x").unwrap();
        let x = corpus.vocab.get("x").unwrap();
        assert_eq!(corpus.postings_in(x, None).len(), 3);
        assert_eq!(
            corpus.postings_in(x, Some(1)),
            &[Posting { doc: 1, pos: 1 }][..]
        );
        assert!(corpus.postings[x as usize].windows(2).all(|w| w[0] < w[1]));
    }

    /// The ranks a full sort gives, to check the incremental merge against.
    fn sorted_ranks(corpus: &Corpus) -> Vec<u32> {
        let mut ids: Vec<TermId> = (0..corpus.vocab.len() as u32).collect();
        ids.sort_by(|&a, &b| corpus.vocab.term(a).cmp(corpus.vocab.term(b)));
        let mut ranks = vec![0; ids.len()];
        for (rank, &id) in ids.iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        ranks
    }

    #[test]
    fn ranks_stay_alphabetical_as_documents_are_added() {
        let mut corpus = Corpus::new();
        for text in ["m b z", "a y m c", "zz b aa", "n", "é e f 日本"] {
            corpus.add_document("t", text).unwrap();
            assert_eq!(corpus.ranks, sorted_ranks(&corpus), "after {text:?}");
        }
    }

    #[test]
    fn remove_document_renumbers_the_later_documents() {
        let mut corpus = Corpus::new();
        corpus.add_document("a", "x y x").unwrap();
        corpus.add_document("b", "y z").unwrap();
        corpus.add_document("c", "x z z").unwrap();
        corpus.remove_document(1).unwrap();
        let titles: Vec<_> = corpus.documents().iter().map(|d| d.title()).collect();
        assert_eq!(titles, ["a", "c"]);
        let x = corpus.vocab.get("x").unwrap();
        let z = corpus.vocab.get("z").unwrap();
        let y = corpus.vocab.get("y").unwrap();
        assert_eq!(
            corpus.postings_in(x, None),
            &[
                Posting { doc: 0, pos: 0 },
                Posting { doc: 0, pos: 2 },
                Posting { doc: 1, pos: 0 }
            ][..]
        );
        assert_eq!(corpus.postings_in(z, Some(1)).len(), 2);
        assert_eq!(corpus.postings_in(y, None).len(), 1);
        assert_eq!(corpus.types(), 3);
        assert!(corpus.remove_document(2).is_err());
        corpus.remove_document(0).unwrap();
        corpus.remove_document(0).unwrap();
        assert!(corpus.documents().is_empty());
        assert_eq!(corpus.types(), 0);
        // The corpus takes documents again after being emptied.
        assert_eq!(corpus.add_document("d", "y").unwrap(), 0);
        assert_eq!(
            corpus.postings_in(y, None),
            &[Posting { doc: 0, pos: 0 }][..]
        );
    }

    #[test]
    fn rename_document_sets_the_title_and_defaults_a_blank_one() {
        let mut corpus = Corpus::with_articles();
        corpus.rename_document(1, "  New title ").unwrap();
        assert_eq!(corpus.documents()[1].title(), "New title");
        corpus.rename_document(0, " ").unwrap();
        assert_eq!(corpus.documents()[0].title(), "Document 1");
        assert!(corpus.rename_document(2, "x").is_err());
    }

    #[test]
    fn check_doc_rejects_negative_and_out_of_range_ids() {
        let corpus = Corpus::with_articles();
        assert_eq!(corpus.check_doc(1).unwrap(), 1);
        assert!(corpus.check_doc(2).is_err());
        assert!(corpus.check_doc(-1).is_err());
    }
}
