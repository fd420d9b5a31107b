//! LEB128 numbers (seven bits a byte), for the spans and the postings.

/// The bytes `n` takes as LEB128.
pub(super) fn varint_len(n: u32) -> u32 {
    match n {
        0..=0x7F => 1,
        0x80..=0x3FFF => 2,
        0x4000..=0x1F_FFFF => 3,
        0x20_0000..=0xFFF_FFFF => 4,
        _ => 5,
    }
}

/// Appends `n` as LEB128: seven bits a byte, low bits first, the high bit set on all but
/// the last byte.
pub(super) fn push_varint(out: &mut Vec<u8>, n: u32) {
    let at = out.len();
    out.resize(at + varint_len(n) as usize, 0);
    write_varint(&mut out[at..], n);
}

/// Writes `n` as LEB128 at the start of `out`; returns the bytes written.
pub(super) fn write_varint(out: &mut [u8], mut n: u32) -> usize {
    let mut at = 0;
    while n >= 0x80 {
        out[at] = n as u8 | 0x80;
        n >>= 7;
        at += 1;
    }
    out[at] = n as u8;
    at + 1
}

/// Reads a LEB128 number at `*at`, and moves `*at` past it.
pub(super) fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
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
