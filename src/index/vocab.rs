//! The vocabulary: every distinct term of the corpus, interned to a term id.

use std::hash::Hasher;

use super::{sorted_indices, TermId, MAX_TERMS};

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
        self.find_as::<false>(term, hash)
    }

    /// [`Vocab::find`], a copy for each `HOT` (see [`Vocab::intern_hot`]).
    fn find_as<const HOT: bool>(&self, term: &str, hash: u32) -> usize {
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

    /// The id of `term`, interned if new.
    pub(super) fn intern(&mut self, term: &str) -> TermId {
        self.intern_as::<false>(term)
    }

    /// [`Vocab::intern`] for the indexing loop: a copy of its own (by the const parameter),
    /// which the compiler inlines into that loop, its one caller. Shared with the folding
    /// cache, it was not inlined, and indexing the Brown Corpus took 1.7% more instructions.
    pub(super) fn intern_hot(&mut self, term: &str) -> TermId {
        self.intern_as::<true>(term)
    }

    fn intern_as<const HOT: bool>(&mut self, term: &str) -> TermId {
        // At most three quarters full, so that probes stay short.
        if 4 * (self.ends.len() + 1) > 3 * self.slots.len() {
            self.grow();
        }
        let hash = Vocab::hash(term);
        let i = self.find_as::<HOT>(term, hash);
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
    pub(super) fn truncate(&mut self, len: usize) {
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
    pub(super) fn alphabetical(&self) -> Vec<TermId> {
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

    /// A vocabulary of the terms `text[ends[i - 1]..ends[i]]` (the corpus file's): `None`
    /// when an end is not a character boundary, past the text, or a term comes twice.
    pub(super) fn from_parts(text: String, ends: Vec<u32>) -> Option<Vocab> {
        let mut start = 0;
        for &end in &ends {
            let end = end as usize;
            if end <= start || !text.is_char_boundary(end) {
                return None;
            }
            start = end;
        }
        if start != text.len() || ends.len() >= MAX_TERMS {
            return None;
        }
        if ends.is_empty() {
            // As a new vocabulary: no table until the first term.
            return Some(Vocab::default());
        }
        let mut vocab = Vocab {
            slots: vec![0; (ends.len() * 4 / 3 + 1).next_power_of_two().max(1024)],
            text,
            ends,
        };
        let mask = vocab.slots.len() - 1;
        for id in 0..vocab.ends.len() as TermId {
            let term = vocab.term(id);
            let hash = Vocab::hash(term);
            let i = vocab.find(term, hash);
            if vocab.slots[i] != 0 {
                return None;
            }
            debug_assert!(i <= mask);
            vocab.slots[i] = Vocab::tag(hash) | (id + 1);
        }
        Some(vocab)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (TermId, &str)> {
        (0..self.ends.len() as TermId).map(|id| (id, self.term(id)))
    }

    pub(super) fn bytes(&self) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
