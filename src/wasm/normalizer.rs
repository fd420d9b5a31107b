//! The platform's Unicode normaliser for diacritic folding (`src/tokenize/fold.rs`):
//! `String.prototype.normalize`, which every browser and Node have. The
//! `unicode-normalization` crate, which folds natively, would add 62 KB of gzipped tables to
//! the engine's wasm; this costs a few hundred bytes of glue. Folding calls it once per new
//! non-ASCII term, not per token.

use js_sys::JsString;

use crate::tokenize::{set_normalizer, Form};

/// Installs the normaliser on this thread.
pub(super) fn install() {
    set_normalizer(Some(Box::new(|text: &str, form: Form| {
        let form = match form {
            Form::Nfd => "NFD",
            Form::Nfc => "NFC",
        };
        // `normalize` throws only for an unknown form; on a failure the text stays as it is.
        match JsString::from(text).normalize(form).as_string() {
            Some(normalized) => normalized,
            None => text.to_string(),
        }
    })));
}
