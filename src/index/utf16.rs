//! Byte offsets to UTF-16 offsets (JavaScript's string indices), without rescanning a text.

/// Byte → UTF-16 offset conversion without rescanning the whole text: the UTF-16 length of
/// the text before every `BLOCK`-th byte, and a short count from there.
#[derive(Clone, Debug, Default)]
pub(super) struct Utf16Offsets {
    /// Empty for an ASCII text, where the two offsets are equal.
    checkpoints: Vec<u32>,
}

const BLOCK: usize = 256;

impl Utf16Offsets {
    pub(super) fn new(text: &str) -> Utf16Offsets {
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

    /// The bytes it holds (its capacity).
    pub(super) fn bytes(&self) -> usize {
        4 * self.checkpoints.capacity()
    }

    pub(super) fn convert(&self, text: &str, byte: usize) -> usize {
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

impl Utf16Offsets {
    /// The byte offset of the character at UTF-16 offset `unit` (the inverse of
    /// [`Utf16Offsets::convert`]), clamped to the text: an offset inside a surrogate pair
    /// gives the character's start, one past the end the text's length.
    pub(super) fn byte(&self, text: &str, unit: usize) -> usize {
        if self.checkpoints.is_empty() {
            return unit.min(text.len());
        }
        // The last block starting at or before `unit` (checkpoints increase).
        let block = self
            .checkpoints
            .partition_point(|&c| c as usize <= unit)
            .saturating_sub(1);
        let mut units = self.checkpoints[block] as usize;
        let from = (block * BLOCK).min(text.len());
        // A block may start inside a character: skip its continuation bytes.
        let mut at = from;
        while at < text.len() && !text.is_char_boundary(at) {
            at += 1;
        }
        for (i, c) in text[at..].char_indices() {
            let next = units + c.len_utf16();
            if next > unit {
                return at + i;
            }
            units = next;
        }
        text.len()
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
    fn utf16_offsets_back_to_bytes() {
        for text in [
            "é🦀日本 Putin’s ".repeat(60) + "end",
            "é".repeat(128),
            "ascii".into(),
        ] {
            let offsets = Utf16Offsets::new(&text);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let unit = offsets.convert(&text, byte);
                assert_eq!(offsets.byte(&text, unit), byte, "unit {unit}");
            }
            assert_eq!(offsets.byte(&text, usize::MAX), text.len());
        }
        // Inside a surrogate pair: the character's start.
        let crab = Utf16Offsets::new("a🦀b");
        assert_eq!(crab.byte("a🦀b", 2), 1);
    }

    #[test]
    fn ascii_offsets_are_identity() {
        let offsets = Utf16Offsets::new("plain ascii");
        assert!(offsets.checkpoints.is_empty());
        assert_eq!(offsets.convert("plain ascii", 5), 5);
    }
}
