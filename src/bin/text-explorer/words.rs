//! The word splitter of Chinese, Japanese, Thai, Lao, Khmer and Myanmar: where the page asks
//! the browser's `Intl.Segmenter` (ICU4C's dictionaries, src/wasm/segmenter.rs), the tool
//! asks ICU4X's dictionary segmenter (the same dictionaries, in Rust), installed on every
//! thread that tokenises: the indexing threads and the one that answers queries.

use std::cell::Cell;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::WordSegmenter;

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the splitter on this thread, once.
pub fn install() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    text_explorer::set_word_splitter(Some(Box::new(move |text: &str| {
        segmenter.segment_str(text).collect()
    })));
}
