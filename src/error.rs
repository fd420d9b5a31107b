//! The one error type of the core.

use std::fmt;

/// What went wrong, in words a user can act on.
///
/// Messages are lowercase, name the offending value and have no trailing period:
///
/// ```
/// let corpus = text_explorer::Corpus::with_articles();
/// let err = corpus.text(7).unwrap_err();
/// assert_eq!(err.to_string(), "unknown document id 7: the corpus has documents 0 to 1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    UnknownDocument {
        id: i64,
        count: usize,
    },
    EmptyText,
    NoWords,
    TextTooLarge {
        bytes: usize,
    },
    TooManyTerms,
    EmptyQuery,
    InvalidQuery {
        query: String,
        reason: String,
    },
    NoMatchingTerm {
        word: String,
    },
    /// `None` for a number that is not whole (shown without it: no float formatting).
    WindowOutOfRange {
        window: Option<i64>,
    },
    LimitOutOfRange {
        limit: Option<i64>,
    },
    InvalidSort {
        sort: String,
    },
    InvalidOption {
        name: String,
        reason: String,
    },
    InvalidRequest {
        reason: String,
    },
    CorpusFile(crate::corpus_file::Problem),
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    pub(crate) fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn invalid_query(query: &str, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidQuery {
            query: query.to_string(),
            reason: reason.into(),
        })
    }

    /// Whether the error is about the query (as opposed to an option or a document id).
    pub fn is_query_error(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::EmptyQuery
                | ErrorKind::InvalidQuery { .. }
                | ErrorKind::NoMatchingTerm { .. }
        )
    }

    /// An error for a request that is not one of the engine's operations.
    pub fn invalid_request(reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidRequest {
            reason: reason.into(),
        })
    }

    /// An error for an option given from outside the core (the JavaScript boundary).
    pub fn invalid_option(name: &str, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidOption {
            name: name.to_string(),
            reason: reason.into(),
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownDocument { id, count: 0 } => {
                write!(f, "unknown document id {id}: the corpus has no documents")
            }
            ErrorKind::UnknownDocument { id, count: 1 } => {
                write!(
                    f,
                    "unknown document id {id}: the corpus has document 0 only"
                )
            }
            ErrorKind::UnknownDocument { id, count } => write!(
                f,
                "unknown document id {id}: the corpus has documents 0 to {}",
                count - 1
            ),
            ErrorKind::EmptyText => write!(f, "the text is empty: give some text to add"),
            ErrorKind::NoWords => write!(
                f,
                "the text has no words (letters or digits), so there is nothing to count"
            ),
            ErrorKind::TextTooLarge { bytes } => write!(
                f,
                "the text is too large ({bytes} bytes): the corpus holds at most 4 GiB of text"
            ),
            ErrorKind::TooManyTerms => write!(
                f,
                "the text has too many distinct words: a corpus holds at most 16,777,215"
            ),
            ErrorKind::EmptyQuery => write!(f, "the query is empty: type a word to search for"),
            ErrorKind::InvalidQuery { query, reason } => {
                write!(f, "invalid query “{}”: {reason}", excerpt(query))
            }
            ErrorKind::NoMatchingTerm { word } => write!(
                f,
                "the query “{}” has no letters or digits, so it can match no word",
                excerpt(word)
            ),
            ErrorKind::WindowOutOfRange {
                window: Some(window),
            } => write!(
                f,
                "window must be from 0 to 50 tokens on each side, not {window}"
            ),
            ErrorKind::WindowOutOfRange { window: None } => write!(
                f,
                "window must be a whole number of tokens from 0 to 50 on each side"
            ),
            ErrorKind::LimitOutOfRange { limit: Some(limit) } => write!(
                f,
                "limit must be from 0 to {} lines, not {limit}",
                crate::kwic::MAX_LIMIT
            ),
            ErrorKind::LimitOutOfRange { limit: None } => write!(
                f,
                "limit must be a whole number of lines from 0 to {}",
                crate::kwic::MAX_LIMIT
            ),
            ErrorKind::InvalidSort { sort } => write!(
                f,
                "invalid sort “{}”: use \"position\", or keys such as 1R, 2L or 1R,2R,3R \
                 (1 to 50 tokens left or right of the keyword, K for the keyword itself)",
                excerpt(sort)
            ),
            ErrorKind::InvalidOption { name, reason } => write!(f, "invalid {name}: {reason}"),
            ErrorKind::InvalidRequest { reason } => write!(f, "invalid request: {reason}"),
            ErrorKind::CorpusFile(problem) => write!(f, "{problem}"),
        }
    }
}

impl std::error::Error for Error {}

/// The most characters of a user's value an error quotes.
pub const EXCERPT: usize = 60;

/// `value`, or its first [`EXCERPT`] characters and "…" when it is longer: a 5,000-character
/// query gives a short message, not a 5,000-character status line.
pub(crate) fn excerpt(value: &str) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(EXCERPT) {
        Some((end, _)) => format!("{}…", &value[..end]).into(),
        None => value.into(),
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Checks that `value` is from `min` to `max`, naming the option otherwise.
pub(crate) fn check_range(name: &str, value: usize, min: usize, max: usize) -> Result<()> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::invalid_option(
            name,
            format!("expected a whole number from {min} to {max}, got {value}"),
        ))
    }
}
