//! Each document's language: detected from its text when it is not given, and the word forms
//! (stems) of a language's terms for `~word` queries.
//!
//! The libraries that do this (whatlang for detection, rust-stemmers for Snowball's
//! stemmers) are too large for the first-render download, so they live in a crate of their
//! own, `lang/`, compiled to a wasm of its own that the page loads on first use. The core
//! reaches them through [`Languages`]: natively that is the `lang` crate itself; in the
//! browser it is the loaded wasm (see `src/wasm/`).

use std::fmt;
use std::rc::Rc;

/// What the core asks of a language library.
pub trait Languages {
    /// The language of `text` (ISO 639-1 where one exists, else ISO 639-3), or `None` when the
    /// text is too short or too ambiguous to tell.
    fn detect(&self, text: &str) -> Option<String>;

    /// The stems of `words` (lowercase terms) in `language`, one per word, or `None` when the
    /// language has no stemmer.
    fn stems(&self, language: &str, words: &[&str]) -> Option<Vec<String>>;
}

/// The language library an engine uses, if it has one (a shared handle: cheap to clone).
#[derive(Clone)]
pub struct Library(Option<Rc<dyn Languages>>);

impl Library {
    /// A handle on `languages`.
    pub fn new(languages: Rc<dyn Languages>) -> Library {
        Library(Some(languages))
    }

    /// No library: nothing is detected, and no language has a stemmer.
    pub fn none() -> Library {
        Library(None)
    }

    /// The library natively: the `lang` crate. In wasm: none, until the boundary installs the
    /// loaded one.
    pub fn native() -> Library {
        #[cfg(not(target_arch = "wasm32"))]
        return Library::new(Rc::new(Native));
        #[cfg(target_arch = "wasm32")]
        return Library::none();
    }

    /// Whether there is a library.
    pub fn is_loaded(&self) -> bool {
        self.0.is_some()
    }

    /// [`Languages::detect`]; `None` without a library.
    pub fn detect(&self, text: &str) -> Option<String> {
        self.0.as_ref()?.detect(text)
    }

    /// [`Languages::stems`]; `None` without a library.
    pub fn stems(&self, language: &str, words: &[&str]) -> Option<Vec<String>> {
        self.0.as_ref()?.stems(language, words)
    }
}

impl Default for Library {
    /// [`Library::native`].
    fn default() -> Library {
        Library::native()
    }
}

impl fmt::Debug for Library {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            Some(_) => "Library(loaded)",
            None => "Library(none)",
        })
    }
}

/// The `lang` crate, linked directly (native builds only).
#[cfg(not(target_arch = "wasm32"))]
struct Native;

#[cfg(not(target_arch = "wasm32"))]
impl Languages for Native {
    fn detect(&self, text: &str) -> Option<String> {
        text_explorer_lang::detect(text).map(str::to_string)
    }

    fn stems(&self, language: &str, words: &[&str]) -> Option<Vec<String>> {
        text_explorer_lang::stems(language, words)
    }
}
