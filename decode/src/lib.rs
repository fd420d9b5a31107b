//! Bytes to text, as Firefox does it: a byte-order mark wins; otherwise valid UTF-8 is
//! UTF-8; otherwise `chardetng` (Firefox's detector) guesses the legacy encoding
//! (Windows-1252, ISO-8859-2, Shift_JIS, …) and `encoding_rs` (Firefox's decoder) decodes it.
//!
//! Kept apart from the engine so that its size budget is not spent on encoding tables: the
//! page loads this module only when a file is opened.
//!
//! ```
//! let d = text_explorer_decode::decode(b"caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu");
//! assert_eq!(d.text, "café crème brûlée, déjà vu");
//! assert_eq!(d.encoding, "windows-1252");
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, UTF_8};

/// A decoded text and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without its byte-order mark.
    pub text: String,
    /// The encoding's WHATWG name, lowercase (`"utf-8"`, `"utf-16le"`, `"windows-1252"`, …).
    pub encoding: String,
    /// How the encoding was chosen: `"bom"`, `"utf-8"` (the bytes are valid UTF-8) or
    /// `"detected"` (chardetng's guess).
    pub how: &'static str,
    /// Whether some bytes were invalid in that encoding (replaced by U+FFFD).
    pub had_errors: bool,
}

/// Decodes `bytes` (any length, may be empty); never fails: invalid sequences become U+FFFD
/// and `had_errors` says so.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, how) = match Encoding::for_bom(bytes) {
        Some((encoding, _)) => (encoding, "bom"),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, "utf-8"),
        None => {
            let mut detector = EncodingDetector::new();
            detector.feed(bytes, true);
            // No top-level domain hint; allow UTF-8 (already ruled out above anyway).
            (detector.guess(None, true), "detected")
        }
    };
    // `decode` strips a BOM of the encoding it was given (and sniffs one again, which agrees).
    let (text, used, had_errors) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used.name().to_ascii_lowercase(),
        how,
        had_errors,
    }
}

/// Whether `bytes` look like a binary file rather than text: a NUL byte in the first 8 KiB
/// outside a UTF-16 text (what `git` and `file` go by), or a known binary signature.
pub fn looks_binary(bytes: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 8] = [
        b"%PDF-",
        b"PK\x03\x04",
        b"\x89PNG",
        b"\xff\xd8\xff",
        b"GIF8",
        b"\x1f\x8b",
        b"\x7fELF",
        b"\0asm",
    ];
    if SIGNATURES.iter().any(|s| bytes.starts_with(s)) {
        return true;
    }
    if Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8) {
        return false; // UTF-16 has NUL bytes in every ASCII character
    }
    bytes.iter().take(8192).any(|&b| b == 0)
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use js_sys::{Object, Reflect};
    use wasm_bindgen::prelude::*;

    /// `{text, encoding, how, hadErrors}`, or `{binary: true}` for a file that is not text.
    #[wasm_bindgen]
    pub fn decode(bytes: &[u8]) -> JsValue {
        let out: JsValue = Object::new().into();
        let set = |key: &str, value: JsValue| {
            // Setting a property of a fresh plain object cannot fail.
            let _ = Reflect::set(&out, &JsValue::from_str(key), &value);
        };
        if super::looks_binary(bytes) {
            set("binary", JsValue::TRUE);
        } else {
            let d = super::decode(bytes);
            set("text", d.text.into());
            set("encoding", d.encoding.into());
            set("how", d.how.into());
            set("hadErrors", d.had_errors.into());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $bytes:expr, $text:expr, $encoding:expr, $how:expr) => {
            #[test]
            fn $name() {
                let d = decode($bytes);
                assert_eq!(
                    (d.text.as_str(), d.encoding.as_str(), d.how),
                    ($text, $encoding, $how)
                );
            }
        };
    }

    t!(
        utf8_plain,
        "naïve café 日本".as_bytes(),
        "naïve café 日本",
        "utf-8",
        "utf-8"
    );
    t!(utf8_bom, b"\xef\xbb\xbfhello", "hello", "utf-8", "bom");
    t!(utf16le_bom, b"\xff\xfeh\0\xe9\0", "hé", "utf-16le", "bom");
    t!(utf16be_bom, b"\xfe\xff\0h\0\xe9", "hé", "utf-16be", "bom");
    t!(
        windows_1252,
        b"The caf\xe9 served cr\xe8me br\xfbl\xe9e \x93quoted\x94 and na\xefve d\xe9j\xe0 vu.",
        "The café served crème brûlée “quoted” and naïve déjà vu.",
        "windows-1252",
        "detected"
    );
    t!(
        iso_8859_2,
        // Polish in ISO-8859-2: ą=0xB1 ś=0xB6 ł=0xB3 ż=0xBF ó=0xF3 ę=0xEA ć=0xE6
        b"Za\xbf\xf3\xb3\xe6 g\xea\xb6l\xb1 ja\xbc\xf1. W Szczebrzeszynie chrz\xb1szcz brzmi w trzcinie, i Szczebrzeszyn z tego s\xb3ynie. Ko\xb3o m\xb3yna.",
        "Zażółć gęślą jaźń. W Szczebrzeszynie chrząszcz brzmi w trzcinie, i Szczebrzeszyn z tego słynie. Koło młyna.",
        "iso-8859-2",
        "detected"
    );
    t!(empty, b"", "", "utf-8", "utf-8");

    #[test]
    fn binary_signatures_and_nul_bytes_are_binary_but_utf16_is_not() {
        assert!(looks_binary(b"%PDF-1.7\n"));
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n"));
        assert!(looks_binary(b"PK\x03\x04zip"));
        assert!(looks_binary(b"text\0with nul"));
        assert!(!looks_binary(b"\xff\xfeh\0i\0"));
        assert!(!looks_binary("plain text é".as_bytes()));
    }
}
