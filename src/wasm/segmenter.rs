//! The platform's word splitter for the core's dictionary hook
//! (`src/tokenize/dictionary.rs`): ICU's dictionaries through `Intl.Segmenter`, which every
//! current browser and Node ship. Called once per text with the text's runs of Chinese,
//! Japanese, Thai, Lao, Khmer and Myanmar (a line each); it answers their word boundaries,
//! converted from the UTF-16 indices JavaScript gives to the byte offsets the core keeps. It
//! hands them to `Intl.Segmenter` a few hundred bytes at a time, at line ends (see [`BATCH`]).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.Segmenter` (ECMA-402).
    #[wasm_bindgen(js_namespace = Intl, js_name = Segmenter)]
    type Segmenter;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Segmenter", catch)]
    fn new(locales: &JsValue, options: &Object) -> Result<Segmenter, JsValue>;

    /// The segments of `text`: an iterable of `{segment, index, input, isWordLike}`.
    #[wasm_bindgen(method, catch)]
    fn segment(this: &Segmenter, text: &str) -> Result<JsValue, JsValue>;
}

/// Installs the splitter on this thread, if the platform has `Intl.Segmenter`; without it
/// (an old browser) the runs stay one character a word, as natively.
pub(super) fn install() {
    let options = Object::new();
    let _ = Reflect::set(&options, &"granularity".into(), &"word".into());
    // No locale: ICU picks its dictionary by script, not by language.
    let Ok(segmenter) = Segmenter::new(&JsValue::UNDEFINED, &options) else {
        return;
    };
    crate::set_word_splitter(Some(Box::new(move |text: &str| {
        boundaries(&segmenter, text)
    })));
}

/// How much text one `segment` call gets, in bytes of UTF-8: at least `BATCH` (up to the
/// next newline, so that no run is cut), at most `MAX_BATCH` (a run without a break that
/// long is cut there). V8 copies the whole input string into every segment object it makes
/// (`segment.input`), so one call over a 1 MB text runs out of memory, while batches of a
/// few hundred bytes segment as fast as ICU can (Node 20: 1.2 s per MB of Chinese for
/// 32 to 256 characters a call, 2.5 s for 1,024, out of memory for 16,384).
const BATCH: usize = 600;
const MAX_BATCH: usize = 6000;

/// The byte offsets where `segmenter`'s segments of `text` start.
fn boundaries(segmenter: &Segmenter, text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let probe = (from + BATCH).min(text.len());
        let limit = (from + MAX_BATCH).min(text.len());
        let mut to = match bytes[probe..limit].iter().position(|&b| b == b'\n') {
            Some(i) => probe + i + 1,
            None => limit,
        };
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        batch(segmenter, &text[from..to], from, &mut out);
        from = to;
    }
    out
}

/// Appends the byte offsets (plus `offset`) where `segmenter`'s segments of `text` start.
fn batch(segmenter: &Segmenter, text: &str, offset: usize, out: &mut Vec<usize>) {
    let Ok(segments) = segmenter.segment(text) else {
        return;
    };
    // One call copies the segments into an array; the index of each is read from it.
    let segments = Array::from(&segments);
    let index: JsValue = "index".into();
    let mut chars = text.chars();
    let (mut utf16, mut byte) = (0usize, 0usize);
    for segment in segments.iter() {
        let Some(at) = Reflect::get(&segment, &index).ok().and_then(|i| i.as_f64()) else {
            continue;
        };
        // Walk to that UTF-16 index; the indices increase, so the walk is one pass.
        while utf16 < at as usize {
            let Some(c) = chars.next() else { break };
            utf16 += c.len_utf16();
            byte += c.len_utf8();
        }
        if utf16 == at as usize {
            out.push(offset + byte);
        }
    }
}
