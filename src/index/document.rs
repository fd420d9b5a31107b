//! A document: its text, title and tokenisation (term ids, spans, counts).

use super::spans::Spans;
use super::term_array::TermArray;
use super::utf16::Utf16Offsets;
use super::TermId;

/// A text in the corpus with its tokenisation.
#[derive(Clone, Debug)]
pub struct Document {
    pub(super) title: String,
    pub(super) text: String,
    /// The term of each token, in text order.
    pub(crate) terms: TermArray,
    pub(super) spans: Spans,
    pub(super) chars: usize,
    pub(super) types: usize,
    pub(super) sentences: usize,
    /// The token index of the first word of each sentence that holds a word, increasing
    /// (UAX #29 sentences): phrases do not run across them.
    pub(crate) sentence_starts: Vec<u32>,
    pub(super) utf16: Utf16Offsets,
    /// Its language (ISO 639-1 where one exists, else 639-3), `None` when unknown.
    pub(super) language: Option<String>,
    /// Its author, date, source and other fields (validated).
    pub(super) metadata: crate::metadata::Metadata,
}

impl Document {
    /// A document not indexed: its title, text and language only (what indexing starts from).
    pub(super) fn unindexed(title: String, text: String, language: Option<String>) -> Document {
        Document {
            title,
            text,
            language,
            terms: TermArray::default(),
            spans: Spans::default(),
            chars: 0,
            types: 0,
            sentences: 0,
            sentence_starts: Vec::new(),
            utf16: Utf16Offsets::default(),
            metadata: crate::metadata::Metadata::default(),
        }
    }

    /// The title given when the document was added.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Its author, date, source and `name: value` fields (see [`crate::metadata`]).
    pub fn metadata(&self) -> &crate::metadata::Metadata {
        &self.metadata
    }

    /// The full text, exactly as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its language: an ISO 639-1 code (`"en"`, `"fr"`, `"zh"`), or ISO 639-3 for a language
    /// without one; `None` when it is unknown (not given and not detected).
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The number of Unicode scalar values (what most people call characters) in the text.
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// The number of words (tokens).
    pub fn token_count(&self) -> usize {
        self.terms.len()
    }

    /// The number of distinct terms.
    pub fn types(&self) -> usize {
        self.types
    }

    /// The number of sentences that contain a word.
    pub fn sentences(&self) -> usize {
        self.sentences
    }

    /// The byte span of token `i`.
    ///
    /// # Panics
    /// If `i` is not below [`Document::token_count`].
    pub fn span(&self, i: usize) -> (usize, usize) {
        self.spans_from(i)
            .next()
            .expect("a token index below the token count")
    }

    /// The byte spans of the tokens from `i` on, in order.
    pub fn spans_from(&self, i: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.spans.from(i)
    }

    /// The term id of token `i`.
    ///
    /// # Panics
    /// If `i` is not below [`Document::token_count`].
    pub fn term_id(&self, i: usize) -> TermId {
        self.terms.at(i)
    }

    /// Converts a byte offset (on a character boundary) into a UTF-16 offset, the unit in
    /// which JavaScript indexes strings.
    pub fn utf16_offset(&self, byte: usize) -> usize {
        self.utf16.convert(&self.text, byte)
    }

    /// The byte offset of UTF-16 offset `unit` (a JavaScript string index): the start of the
    /// character there, or the text's length past its end.
    pub fn byte_offset(&self, unit: usize) -> usize {
        self.utf16.byte(&self.text, unit)
    }
}
