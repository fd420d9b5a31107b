//! The positional index, built in one pass over each text: interned term ids and compact
//! token spans per document; per-term postings and the alphabetical ranks of the terms,
//! derived from those when a query first needs them. Frequencies and concordances read it
//! and never rescan the text.
//!
//! What it costs per token beyond the text: the term id (3 bytes), the span (1 byte for a
//! word of under 32 bytes that follows the previous word within 8; else 1 + 2 or more), and
//! the posting, a delta-coded position (1 byte for the most frequent words, 2 or 3 for rarer
//! ones). `Corpus::index_bytes` counts it; `npm run bench` reports it.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::cmp::Ordering;
use std::hash::Hasher;

use crate::error::{Error, ErrorKind, Result};
use crate::tokenize::{normalize_into, sentences_with_words, tokens};

/// A term's id: its index in the corpus vocabulary.
pub type TermId = u32;

/// A document's id: its index in the corpus, in the order documents were added.
pub type DocId = u32;

/// The most distinct terms a corpus holds: term ids take 3 bytes in the token arrays. A
/// million-word corpus has some 50,000; only text that is not language comes near this.
pub const MAX_TERMS: usize = (1 << 24) - 1;

/// A term id from its 3 bytes (little-endian).
fn u24(b: &[u8]) -> TermId {
    u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16
}

/// The term ids of a document's tokens, 3 bytes each (little-endian).
#[derive(Clone, Debug, Default)]
pub(crate) struct TermArray {
    bytes: Vec<u8>,
}

impl TermArray {
    fn push(&mut self, id: TermId) {
        // Three pushes, not a 3-byte copy (a call to memcpy in wasm).
        let [a, b, c, _] = id.to_le_bytes();
        self.bytes.push(a);
        self.bytes.push(b);
        self.bytes.push(c);
    }

    pub(crate) fn len(&self) -> usize {
        self.bytes.len() / 3
    }

    /// The term of token `i`, if there is one.
    pub(crate) fn get(&self, i: usize) -> Option<TermId> {
        self.bytes.get(3 * i..3 * i + 3).map(u24)
    }

    /// The term of token `i`.
    ///
    /// # Panics
    /// If there is no token `i`.
    pub(crate) fn at(&self, i: usize) -> TermId {
        self.get(i).expect("a token index below the token count")
    }

    /// The terms of the tokens from `i` on.
    pub(crate) fn from(&self, i: usize) -> impl Iterator<Item = TermId> + Clone + '_ {
        self.bytes
            .get(3 * i..)
            .unwrap_or(&[])
            .chunks_exact(3)
            .map(u24)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = TermId> + Clone + '_ {
        self.from(0)
    }
}

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
    pub(crate) terms: TermArray,
    spans: Spans,
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
    ///
    /// # Panics
    /// If `i` is not below [`Document::token_count`].
    pub fn span(&self, i: usize) -> (usize, usize) {
        self.spans_from(i)
            .next()
            .expect("a token index below the token count")
    }

    /// The byte spans of the tokens from `i` on, in order.
    pub fn spans_from(&self, i: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.spans.from(i)
    }

    /// The term id of token `i`.
    ///
    /// # Panics
    /// If `i` is not below [`Document::token_count`].
    pub fn term_id(&self, i: usize) -> TermId {
        self.terms.at(i)
    }

    /// Converts a byte offset (on a character boundary) into a UTF-16 offset, the unit in
    /// which JavaScript indexes strings.
    pub fn utf16_offset(&self, byte: usize) -> usize {
        self.utf16.convert(&self.text, byte)
    }
}

/// The byte spans of a document's tokens, coded by their distance from the previous token:
/// one byte `gap << 5 | len` when the gap since the previous token's end is under 8 bytes
/// and the length under 32 (nearly every word); else a 0 byte and both as LEB128 numbers.
/// Every `SPAN_BLOCK`-th token is a starting point for decoding, so a span is found by
/// decoding fewer than `SPAN_BLOCK` codes.
#[derive(Clone, Debug, Default)]
struct Spans {
    codes: Vec<u8>,
    /// For tokens 0, SPAN_BLOCK, 2 × SPAN_BLOCK…: the end of the token before it (0 for the
    /// first) and the offset of its code in `codes`.
    blocks: Vec<(u32, u32)>,
    len: usize,
    /// The end of the last token pushed.
    last_end: u32,
}

const SPAN_BLOCK: usize = 64;

impl Spans {
    fn push(&mut self, start: u32, end: u32) {
        if self.len % SPAN_BLOCK == 0 {
            self.blocks.push((self.last_end, self.codes.len() as u32));
        }
        let (gap, len) = (start - self.last_end, end - start);
        if gap < 8 && len > 0 && len < 32 {
            self.codes.push((gap << 5 | len) as u8);
        } else {
            self.codes.push(0);
            push_varint(&mut self.codes, gap);
            push_varint(&mut self.codes, len);
        }
        self.last_end = end;
        self.len += 1;
    }

    fn shrink_to_fit(&mut self) {
        self.codes.shrink_to_fit();
        self.blocks.shrink_to_fit();
    }

    fn bytes(&self) -> usize {
        self.codes.capacity() + 8 * self.blocks.capacity()
    }

    /// The spans from token `i` on.
    fn from(&self, i: usize) -> SpanIter<'_> {
        let (end, at) = self
            .blocks
            .get(i / SPAN_BLOCK)
            .copied()
            .unwrap_or((self.last_end, self.codes.len() as u32));
        let mut iter = SpanIter {
            codes: &self.codes,
            at: at as usize,
            end,
        };
        for _ in 0..i % SPAN_BLOCK {
            iter.next();
        }
        iter
    }
}

struct SpanIter<'a> {
    codes: &'a [u8],
    at: usize,
    end: u32,
}

impl Iterator for SpanIter<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let code = *self.codes.get(self.at)?;
        self.at += 1;
        let (gap, len) = if code != 0 {
            (u32::from(code >> 5), u32::from(code & 31))
        } else {
            let gap = read_varint(self.codes, &mut self.at);
            (gap, read_varint(self.codes, &mut self.at))
        };
        let start = self.end + gap;
        self.end = start + len;
        Some((start as usize, self.end as usize))
    }
}

/// Appends `n` as LEB128: seven bits a byte, low bits first, the high bit set on all but
/// the last byte.
fn push_varint(out: &mut Vec<u8>, n: u32) {
    let at = out.len();
    out.resize(at + varint_len(n) as usize, 0);
    write_varint(&mut out[at..], n);
}

/// Writes `n` as LEB128 at the start of `out`; returns the bytes written.
fn write_varint(out: &mut [u8], mut n: u32) -> usize {
    let mut at = 0;
    while n >= 0x80 {
        out[at] = n as u8 | 0x80;
        n >>= 7;
        at += 1;
    }
    out[at] = n as u8;
    at + 1
}
fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut n = 0u32;
    let mut shift = 0;
    loop {
        let b = bytes[*at];
        *at += 1;
        n |= u32::from(b & 0x7F) << shift;
        if b < 0x80 {
            return n;
        }
        shift += 7;
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

/// The vocabulary: every distinct term, interned to a [`TermId`]. The terms are stored one
/// after another in one string, and found through an open-addressing hash table of ids
/// (linear probing), which costs about 10 bytes a term where a `HashMap<Box<str>, u32>`
/// with its boxed keys cost over 60.
#[derive(Clone, Debug, Default)]
pub(crate) struct Vocab {
    /// 0 for an empty slot, else 8 bits of the term's hash (which spare most string
    /// comparisons of a probe) above `id + 1` in 24 bits ([`MAX_TERMS`]).
    slots: Vec<u32>,
    text: String,
    /// Term `i` is `text[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<u32>,
}

impl Vocab {
    /// The term's hash: the slot to start from is its low bits, the tag its top 8.
    fn hash(term: &str) -> u32 {
        let mut hasher = FxHasher::default();
        hasher.write(term.as_bytes());
        (hasher.finish() >> 32) as u32
    }

    fn tag(hash: u32) -> u32 {
        hash & 0xFF00_0000
    }

    /// The slot of `term` (of hash `hash`): where it is, or the empty slot where it would go.
    fn find(&self, term: &str, hash: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0
                || (slot & 0xFF00_0000 == Vocab::tag(hash)
                    && self.term_bytes((slot & 0xFF_FFFF) - 1) == term.as_bytes())
            {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    fn intern(&mut self, term: &str) -> TermId {
        // At most three quarters full, so that probes stay short.
        if 4 * (self.ends.len() + 1) > 3 * self.slots.len() {
            self.grow();
        }
        let hash = Vocab::hash(term);
        let i = self.find(term, hash);
        if self.slots[i] != 0 {
            return (self.slots[i] & 0xFF_FFFF) - 1;
        }
        let id = self.ends.len() as TermId;
        if id as usize >= MAX_TERMS {
            // Not stored: the caller refuses the text.
            return id;
        }
        self.text.push_str(term);
        self.ends.push(self.text.len() as u32);
        self.slots[i] = Vocab::tag(hash) | (id + 1);
        id
    }

    /// Rebuilds the table, twice as large (or as large as it is, to drop removed terms).
    fn rehash(&mut self, size: usize) {
        self.slots = vec![0; size];
        let mask = size - 1;
        for id in 0..self.ends.len() as TermId {
            let hash = Vocab::hash(self.term(id));
            let mut i = hash as usize & mask;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = Vocab::tag(hash) | (id + 1);
        }
    }

    fn grow(&mut self) {
        self.rehash((2 * self.slots.len()).max(1024));
    }

    /// Forgets the terms from id `len` on (interned by a text that was then refused).
    fn truncate(&mut self, len: usize) {
        if len < self.ends.len() {
            let end = if len == 0 { 0 } else { self.ends[len - 1] };
            self.text.truncate(end as usize);
            self.ends.truncate(len);
            self.rehash(self.slots.len());
        }
    }

    pub(crate) fn get(&self, term: &str) -> Option<TermId> {
        if self.slots.is_empty() {
            return None;
        }
        match self.slots[self.find(term, Vocab::hash(term))] {
            0 => None,
            slot => Some((slot & 0xFF_FFFF) - 1),
        }
    }

    pub(crate) fn term(&self, id: TermId) -> &str {
        let (start, end) = self.bounds(id);
        &self.text[start..end]
    }

    /// A term's bytes: a slice without `str`'s check of character boundaries.
    fn term_bytes(&self, id: TermId) -> &[u8] {
        let (start, end) = self.bounds(id);
        &self.text.as_bytes()[start..end]
    }
    fn bounds(&self, id: TermId) -> (usize, usize) {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        (start as usize, self.ends[id] as usize)
    }

    /// The ids in the alphabetical order of their terms (by UTF-8 bytes, which is code
    /// point order). Compares the first eight bytes as a number first: most comparisons
    /// end there.
    fn alphabetical(&self) -> Vec<TermId> {
        let prefixes: Vec<u64> = (0..self.len() as TermId)
            .map(|id| {
                let bytes = self.term_bytes(id);
                let mut prefix = [0u8; 8];
                let n = bytes.len().min(8);
                prefix[..n].copy_from_slice(&bytes[..n]);
                u64::from_be_bytes(prefix)
            })
            .collect();
        sorted_indices(self.len(), &|a, b| {
            prefixes[a as usize]
                .cmp(&prefixes[b as usize])
                .then_with(|| self.term_bytes(a).cmp(self.term_bytes(b)))
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (TermId, &str)> {
        (0..self.ends.len() as TermId).map(|id| (id, self.term(id)))
    }

    fn bytes(&self) -> usize {
        4 * self.slots.capacity() + self.text.capacity() + 4 * self.ends.capacity()
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
        // Eight bytes at a time, the rest folded into one word with its length: no copies
        // (a copy of a few bytes is a call to memcpy in wasm).
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word: [u8; 8] = chunk.try_into().unwrap_or_default();
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
            self.add(word ^ (rest.len() as u64) << 59);
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
    fn build(docs: &[Document], terms: usize) -> Postings {
        let mut bases = Vec::with_capacity(docs.len() + 1);
        let mut total = 0u32;
        for doc in docs {
            bases.push(total);
            total += doc.terms.len() as u32;
        }
        bases.push(total);
        let all = || docs.iter().flat_map(|d| d.terms.iter());
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

    fn bytes(&self) -> usize {
        4 * (self.offsets.capacity() + self.bases.capacity()) + self.codes.capacity()
    }
}

fn varint_len(n: u32) -> u32 {
    match n {
        0..=0x7F => 1,
        0x80..=0x3FFF => 2,
        0x4000..=0x1F_FFFF => 3,
        0x20_0000..=0xFFF_FFFF => 4,
        _ => 5,
    }
}

/// The postings of one term, in document then position order, made by
/// [`Corpus::postings_in`].
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
    /// For each term, its number of tokens in the corpus.
    freq: Vec<u32>,
    /// For each term, the number of documents it occurs in.
    doc_freq: Vec<u32>,
    /// For each term, the last document (counted over every document ever added, from 1)
    /// that was seen to contain it: counts types and document frequencies in one pass.
    stamp: Vec<u32>,
    added: u32,
    /// Derived from the token arrays when first needed; reset when documents change.
    postings: OnceCell<Postings>,
    /// For each term, its rank in the alphabetical order of all terms (for sorting); reset
    /// when terms are added.
    ranks: OnceCell<Vec<u32>>,
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
        corpus.prepare();
        corpus
    }

    /// Adds a document and indexes it; returns its id.
    ///
    /// A blank title becomes "Document N". Fails if the text is empty or blank, has no
    /// words, or would take the corpus past the 4 GiB that 32-bit offsets address.
    pub fn add_document(&mut self, title: &str, text: &str) -> Result<DocId> {
        self.add_owned(title, text.to_string())
    }

    /// [`Corpus::add_document`] with a text the corpus can keep as it is (no copy).
    pub fn add_owned(&mut self, title: &str, text: String) -> Result<DocId> {
        if text.trim().is_empty() {
            return Err(Error::new(ErrorKind::EmptyText));
        }
        // Corpus-wide positions are 32-bit; a text has fewer words than bytes.
        let indexed: usize = self.docs.iter().map(|d| d.text.len()).sum();
        if text.len() > u32::MAX as usize - indexed {
            return Err(Error::new(ErrorKind::TextTooLarge { bytes: text.len() }));
        }
        let id = self.docs.len() as DocId;
        let title = title_or_default(title, id);
        let ascii = text.is_ascii();
        let mut doc = Document {
            title,
            terms: TermArray::default(),
            spans: Spans::default(),
            // Scalar values are the bytes that do not continue a UTF-8 sequence.
            chars: match ascii {
                true => text.len(),
                false => text.bytes().filter(|&b| b & 0xC0 != 0x80).count(),
            },
            types: 0,
            sentences: 0,
            utf16: match ascii {
                true => Utf16Offsets::default(),
                false => Utf16Offsets::new(&text),
            },
            text: String::new(),
        };
        let vocab_before = self.vocab.len();
        let mut term = String::new();
        for token in tokens(&text) {
            normalize_into(token.text, &mut term);
            let id = self.vocab.intern(&term);
            if id as usize >= MAX_TERMS {
                self.vocab.truncate(vocab_before);
                return Err(Error::new(ErrorKind::TooManyTerms));
            }
            doc.terms.push(id);
            doc.spans.push(token.start as u32, token.end as u32);
        }
        if doc.terms.len() == 0 {
            // No token was seen, so nothing was interned: the corpus is unchanged.
            return Err(Error::new(ErrorKind::NoWords));
        }
        // The arrays grew by doubling: up to half of them would be slack for the life of
        // the document.
        doc.terms.bytes.shrink_to_fit();
        doc.spans.shrink_to_fit();
        doc.sentences = sentences_with_words(&text, doc.spans.from(0).map(|(start, _)| start));
        doc.text = text;
        let terms = self.vocab.len();
        self.freq.resize(terms, 0);
        self.doc_freq.resize(terms, 0);
        self.stamp.resize(terms, 0);
        self.added += 1;
        for t in doc.terms.iter() {
            let t = t as usize;
            self.freq[t] += 1;
            if self.stamp[t] != self.added {
                self.stamp[t] = self.added;
                self.doc_freq[t] += 1;
                doc.types += 1;
            }
        }
        self.docs.push(doc);
        self.postings = OnceCell::new();
        if self.vocab.len() != vocab_before {
            self.ranks = OnceCell::new();
        }
        Ok(id)
    }

    /// Removes document `id`; the documents after it move down by one id, so ids stay
    /// `0..len`. Its terms stay in the vocabulary with fewer (maybe no) postings.
    pub fn remove_document(&mut self, id: DocId) -> Result<()> {
        self.document(id)?;
        let doc = self.docs.remove(id as usize);
        self.added += 1;
        for t in doc.terms.iter() {
            let t = t as usize;
            self.freq[t] -= 1;
            if self.stamp[t] != self.added {
                self.stamp[t] = self.added;
                self.doc_freq[t] -= 1;
            }
        }
        self.postings = OnceCell::new();
        Ok(())
    }

    /// Renames document `id`; a blank title becomes "Document N" (N = id + 1).
    pub fn rename_document(&mut self, id: DocId, title: &str) -> Result<()> {
        self.document(id)?;
        self.docs[id as usize].title = title_or_default(title, id);
        Ok(())
    }

    /// Builds now what the queries need and the index derives from the token arrays (the
    /// postings and the alphabetical order of the terms), rather than in the first query
    /// after documents were added or removed. Call it after adding a batch of documents.
    pub fn prepare(&self) {
        self.postings();
        self.ranks();
    }

    /// The bytes the index holds beyond the texts themselves (token arrays, spans,
    /// postings, vocabulary, counts, offsets), counted from the capacity of its vectors:
    /// the benchmark's "bytes per token". Builds the postings if they are not built.
    pub fn index_bytes(&self) -> usize {
        let per_doc: usize = self
            .docs
            .iter()
            .map(|d| {
                d.terms.bytes.capacity()
                    + d.spans.bytes()
                    + 4 * d.utf16.checkpoints.capacity()
                    + d.title.capacity()
                    + std::mem::size_of::<Document>()
            })
            .sum();
        per_doc
            + self.postings().bytes()
            + self.vocab.bytes()
            + 4 * (self.freq.capacity()
                + self.doc_freq.capacity()
                + self.stamp.capacity()
                + self.ranks().len())
    }

    pub(crate) fn postings(&self) -> &Postings {
        self.postings
            .get_or_init(|| Postings::build(&self.docs, self.vocab.len()))
    }

    /// For each term, its rank in the alphabetical order of all terms.
    pub(crate) fn ranks(&self) -> &[u32] {
        self.ranks.get_or_init(|| {
            let order = self.vocab.alphabetical();
            let mut ranks = vec![0; order.len()];
            for (rank, &id) in order.iter().enumerate() {
                ranks[id as usize] = rank as u32;
            }
            ranks
        })
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
        self.freq.iter().filter(|&&f| f > 0).count()
    }

    /// Each term's number of tokens (indexed by term id): in the corpus, as the index keeps
    /// them, or in one document, counted from its tokens.
    pub(crate) fn term_counts(&self, doc: Option<DocId>) -> Cow<'_, [u32]> {
        match doc {
            None => Cow::Borrowed(&self.freq),
            Some(d) => {
                let mut counts = vec![0u32; self.vocab.len()];
                for t in self.docs[d as usize].terms.iter() {
                    counts[t as usize] += 1;
                }
                Cow::Owned(counts)
            }
        }
    }

    /// The number of documents a term occurs in.
    pub(crate) fn doc_frequency(&self, term: TermId) -> usize {
        self.doc_freq[term as usize] as usize
    }

    /// The postings of a term, restricted to one document if `doc` is given.
    pub(crate) fn postings_in(&self, term: TermId, doc: Option<DocId>) -> PostingIter<'_> {
        let postings = self.postings();
        let t = term as usize;
        let codes = &postings.codes[postings.offsets[t] as usize..postings.offsets[t + 1] as usize];
        PostingIter {
            codes,
            at: 0,
            bases: &postings.bases,
            pos: 0,
            doc: 0,
            only: doc,
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

/// A corpus of `texts`, titled "doc 0", "doc 1"…, for the unit tests of every stage.
#[cfg(test)]
pub(crate) fn corpus(texts: &[&str]) -> Corpus {
    let mut corpus = Corpus::new();
    for (i, text) in texts.iter().enumerate() {
        corpus.add_document(&format!("doc {i}"), text).unwrap();
    }
    corpus
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(corpus: &Corpus, term: TermId, doc: Option<DocId>) -> Vec<Posting> {
        corpus.postings_in(term, doc).collect()
    }

    #[test]
    fn spans_decode_as_pushed_from_any_token() {
        // Short and long words, small and large gaps: both codes, across blocks.
        let mut spans = Spans::default();
        let mut pushed = Vec::new();
        let mut end = 0u32;
        for i in 0..300u32 {
            let start = end + [0, 1, 7, 8, 200, 70_000][i as usize % 6];
            end = start + [1, 31, 32, 5, 1000][i as usize % 5];
            spans.push(start, end);
            pushed.push((start as usize, end as usize));
        }
        for i in 0..pushed.len() {
            assert_eq!(spans.from(i).collect::<Vec<_>>(), pushed[i..], "from {i}");
        }
    }

    #[test]
    fn postings_survive_long_gaps_and_many_documents() {
        let mut corpus = Corpus::new();
        let filler = "w ".repeat(20_000);
        for i in 0..5 {
            corpus
                .add_document("t", &format!("rare {filler} rare {i}"))
                .unwrap();
        }
        let rare = corpus.vocab.get("rare").unwrap();
        let found = postings(&corpus, rare, None);
        let expected: Vec<Posting> = (0..5)
            .flat_map(|doc| [Posting { doc, pos: 0 }, Posting { doc, pos: 20_001 }])
            .collect();
        assert_eq!(found, expected);
        assert_eq!(postings(&corpus, rare, Some(3)), expected[6..8]);
        assert_eq!(corpus.term_counts(Some(4))[rare as usize], 2);
        assert_eq!(corpus.doc_frequency(rare), 5);
    }

    #[test]
    fn term_arrays_keep_24_bit_ids() {
        let mut terms = TermArray::default();
        let ids = [0, 1, 255, 256, 65_535, 65_536, MAX_TERMS as TermId - 1];
        for id in ids {
            terms.push(id);
        }
        assert_eq!(terms.len(), ids.len());
        assert_eq!(terms.iter().collect::<Vec<_>>(), ids);
        assert_eq!(terms.from(5).collect::<Vec<_>>(), ids[5..]);
        assert_eq!(terms.get(6), Some(MAX_TERMS as TermId - 1));
        assert_eq!(terms.get(7), None);
        assert_eq!(terms.from(9).count(), 0);
    }

    #[test]
    fn vocab_forgets_truncated_terms() {
        let mut vocab = Vocab::default();
        for w in ["a", "b", "c", "d"] {
            vocab.intern(w);
        }
        vocab.truncate(2);
        assert_eq!(
            (vocab.len(), vocab.get("b"), vocab.get("c")),
            (2, Some(1), None)
        );
        assert_eq!(vocab.intern("d"), 2);
        assert_eq!(vocab.term(2), "d");
    }

    #[test]
    fn vocab_interns_each_term_once_through_growth() {
        let mut vocab = Vocab::default();
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(vocab.intern(w), i as TermId);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(vocab.intern(w), i as TermId);
            assert_eq!(vocab.get(w), Some(i as TermId));
            assert_eq!(vocab.term(i as TermId), w);
        }
        assert_eq!(vocab.get("w5000"), None);
        assert_eq!(Vocab::default().get("x"), None);
    }

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
        assert_eq!(postings(&corpus, x, None).len(), 3);
        assert_eq!(postings(&corpus, x, Some(1)), [Posting { doc: 1, pos: 1 }]);
        assert!(postings(&corpus, x, None).windows(2).all(|w| w[0] < w[1]));
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
            assert_eq!(corpus.ranks(), sorted_ranks(&corpus), "after {text:?}");
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
            postings(&corpus, x, None),
            [
                Posting { doc: 0, pos: 0 },
                Posting { doc: 0, pos: 2 },
                Posting { doc: 1, pos: 0 }
            ]
        );
        assert_eq!(postings(&corpus, z, Some(1)).len(), 2);
        assert_eq!(postings(&corpus, y, None).len(), 1);
        assert_eq!(corpus.types(), 3);
        assert!(corpus.remove_document(2).is_err());
        corpus.remove_document(0).unwrap();
        corpus.remove_document(0).unwrap();
        assert!(corpus.documents().is_empty());
        assert_eq!(corpus.types(), 0);
        // The corpus takes documents again after being emptied.
        assert_eq!(corpus.add_document("d", "y").unwrap(), 0);
        assert_eq!(postings(&corpus, y, None), [Posting { doc: 0, pos: 0 }]);
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
