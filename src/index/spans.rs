//! The byte spans of a document's tokens, coded in a byte or so a token.

use super::varint::{push_varint, read_varint};

/// The byte spans of a document's tokens, coded by their distance from the previous token:
/// one byte `gap << 5 | len` when the gap since the previous token's end is under 8 bytes
/// and the length under 32 (nearly every word); else a 0 byte and both as LEB128 numbers.
/// Every `SPAN_BLOCK`-th token is a starting point for decoding, so a span is found by
/// decoding fewer than `SPAN_BLOCK` codes.
#[derive(Clone, Debug, Default)]
pub(super) struct Spans {
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
    pub(super) fn push(&mut self, start: u32, end: u32) {
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

    /// The code of every span, in order (what the corpus file keeps).
    pub(super) fn codes(&self) -> &[u8] {
        &self.codes
    }

    /// The number of spans.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// The spans of `codes` (as [`Spans::codes`] gives them), checked against `text`:
    /// `None` unless every span is non-empty, inside the text, after the one before, and on
    /// character boundaries. The blocks are rebuilt in the same pass.
    pub(super) fn from_codes(codes: Vec<u8>, text: &str) -> Option<Spans> {
        let mut blocks = Vec::with_capacity(codes.len() / SPAN_BLOCK + 1);
        let (mut at, mut len, mut end) = (0usize, 0usize, 0u32);
        let number = |at: &mut usize| -> Option<u32> {
            let mut n = 0u32;
            for shift in [0, 7, 14, 21, 28] {
                let b = *codes.get(*at)?;
                *at += 1;
                n |= u32::from(b & 0x7F).checked_shl(shift)?;
                if b < 0x80 {
                    return (shift < 28 || b < 0x10).then_some(n);
                }
            }
            None
        };
        while at < codes.len() {
            if len % SPAN_BLOCK == 0 {
                blocks.push((end, at as u32));
            }
            let code = codes[at];
            at += 1;
            let (gap, size) = match code {
                0 => (number(&mut at)?, number(&mut at)?),
                code => (u32::from(code >> 5), u32::from(code & 31)),
            };
            let start = end.checked_add(gap)?;
            let stop = start.checked_add(size)?;
            if size == 0
                || stop as usize > text.len()
                || !text.is_char_boundary(start as usize)
                || !text.is_char_boundary(stop as usize)
            {
                return None;
            }
            end = stop;
            len += 1;
        }
        Some(Spans {
            codes,
            blocks,
            len,
            last_end: end,
        })
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.codes.shrink_to_fit();
        self.blocks.shrink_to_fit();
    }

    pub(super) fn bytes(&self) -> usize {
        self.codes.capacity() + 8 * self.blocks.capacity()
    }

    /// The spans from token `i` on.
    pub(super) fn from(&self, i: usize) -> SpanIter<'_> {
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

/// The spans from one token on, made by [`Spans::from`].
pub(super) struct SpanIter<'a> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
