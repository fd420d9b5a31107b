//! The term ids of a document's tokens, 3 bytes a token.

use super::TermId;

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
    pub(super) fn push(&mut self, id: TermId) {
        // Three pushes, not a 3-byte copy (a call to memcpy in wasm).
        let [a, b, c, _] = id.to_le_bytes();
        self.bytes.push(a);
        self.bytes.push(b);
        self.bytes.push(c);
    }

    /// The array of these bytes (3 a token; a length not a multiple of 3 drops the rest).
    pub(super) fn from_bytes(mut bytes: Vec<u8>) -> TermArray {
        bytes.truncate(bytes.len() / 3 * 3);
        TermArray { bytes }
    }

    /// Its bytes, 3 a token.
    pub(super) fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
    }

    /// The bytes it holds (its capacity).
    pub(super) fn bytes(&self) -> usize {
        self.bytes.capacity()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::MAX_TERMS;

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
}
