//! A subcorpus chosen by metadata: `newspaper = Mint`, `author = Woolf`, `date 2024-06`.
//!
//! A scope is written as one of:
//! - `name = value`: the documents whose field `name` (or `title`, `author`, `source`) is
//!   `value`. Names and values are compared without case, and trimmed.
//! - `date PREFIX` (or `date = PREFIX`): the documents dated within `PREFIX`, a year, a month
//!   or a day (`date 2024-06` holds 2024-06 and 2024-06-03, not a document dated only 2024).
//!
//! The engine resolves a scope to the documents it holds ([`Scope::matches`]); each analysis
//! then reads those documents only.
//!
//! ```
//! use text_explorer::scope::Scope;
//! let scope: Scope = "newspaper = Mint".parse()?;
//! assert_eq!(scope.to_string(), "newspaper = Mint");
//! assert_eq!("date 2024-06".parse::<Scope>()?.to_string(), "date 2024-06");
//! assert!("date June".parse::<Scope>().is_err());
//! # Ok::<(), text_explorer::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use crate::error::{excerpt, Error, Result};
use crate::index::DocId;
use crate::metadata::{date_within, same_name, valid_date, Metadata};

/// The most characters a scope may have.
pub const MAX_SCOPE: usize = 10_200;

/// A subcorpus by metadata (see the [module documentation](self)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The documents whose field `name` is `value` (compared without case).
    Field {
        /// The field's name (`newspaper`, `author`, `title`, `source`).
        name: String,
        /// Its value.
        value: String,
    },
    /// The documents dated within this (valid) date: a year, a month or a day.
    Date(String),
}

impl Scope {
    /// Whether the document titled `title` with metadata `meta` is in the scope.
    pub fn matches(&self, title: &str, meta: &Metadata) -> bool {
        match self {
            Scope::Date(prefix) => meta.date.as_deref().is_some_and(|d| date_within(d, prefix)),
            Scope::Field { name, value } => {
                let have = match name.to_lowercase().as_str() {
                    "title" => Some(title),
                    _ => meta.field(name),
                };
                have.is_some_and(|have| same_name(have.trim(), value))
            }
        }
    }
}

impl FromStr for Scope {
    type Err = Error;

    /// Reads a scope; the error says what is expected.
    fn from_str(s: &str) -> Result<Scope> {
        let s = s.trim();
        let invalid = |reason: String| Error::invalid_option("scope", reason);
        if s.is_empty() {
            return Err(invalid(
                "the scope is empty: write name = value (newspaper = Mint) or a date \
                 (date 2024-06)"
                    .into(),
            ));
        }
        if s.chars().count() > MAX_SCOPE {
            return Err(invalid(format!(
                "the scope is longer than {MAX_SCOPE} characters"
            )));
        }
        let (name, value) = match s.split_once('=') {
            Some((name, value)) => (name.trim(), value.trim()),
            None => match s.split_once(char::is_whitespace) {
                Some((name, value)) if name.eq_ignore_ascii_case("date") => ("date", value.trim()),
                _ => {
                    return Err(invalid(format!(
                        "“{}” is not a scope: write name = value (newspaper = Mint) or a \
                         date (date 2024-06)",
                        excerpt(s)
                    )))
                }
            },
        };
        if name.is_empty() {
            return Err(invalid(format!(
                "“{}” names no field: write name = value",
                excerpt(s)
            )));
        }
        if value.is_empty() {
            return Err(invalid(format!(
                "“{}” gives no value: write name = value",
                excerpt(s)
            )));
        }
        if name.eq_ignore_ascii_case("date") {
            return Ok(Scope::Date(valid_date(value)?));
        }
        Ok(Scope::Field {
            name: name.to_string(),
            value: value.to_string(),
        })
    }
}

impl fmt::Display for Scope {
    /// The scope as it is written (and read back by [`Scope::from_str`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Field { name, value } => write!(f, "{name} = {value}"),
            Scope::Date(prefix) => write!(f, "date {prefix}"),
        }
    }
}

impl<'de> Deserialize<'de> for Scope {
    /// A scope is a string, as [`Scope::from_str`] reads it.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl ts_rs::TS for Scope {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "string".into()
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }
}

/// The documents an analysis reads: every one, one (`doc`), or those of a scope (a mask by
/// id), as [`crate::Corpus::docs`] resolves them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Docs {
    /// Every document.
    All,
    /// One document.
    One(DocId),
    /// The documents marked `true`, by id.
    Set(Vec<bool>),
}

impl Docs {
    /// Whether document `d` is read.
    pub(crate) fn contains(&self, d: DocId) -> bool {
        match self {
            Docs::All => true,
            Docs::One(one) => *one == d,
            Docs::Set(mask) => mask.get(d as usize).copied().unwrap_or(false),
        }
    }

    /// The one document read, if only one is asked for (a fast path of the postings).
    pub(crate) fn one(&self) -> Option<DocId> {
        match self {
            Docs::One(one) => Some(*one),
            _ => None,
        }
    }

    /// The ids read, of `count` documents, in order.
    pub(crate) fn ids(&self, count: usize) -> Vec<DocId> {
        (0..count as DocId).filter(|&d| self.contains(d)).collect()
    }
}

impl crate::Corpus {
    /// The tokens of the documents of `docs`.
    pub(crate) fn tokens_in(&self, docs: &Docs) -> usize {
        (self.documents().iter().enumerate())
            .filter(|&(d, _)| docs.contains(d as DocId))
            .map(|(_, d)| d.token_count())
            .sum()
    }

    /// The documents of document `doc` (checked) and `scope` together: both absent, every
    /// document; `doc` alone, it; `scope` alone, its documents; both, `doc` if it is in the
    /// scope (else none).
    pub(crate) fn docs(&self, doc: Option<DocId>, scope: Option<&Scope>) -> Result<Docs> {
        if let Some(d) = doc {
            self.document(d)?;
        }
        let Some(scope) = scope else {
            return Ok(doc.map_or(Docs::All, Docs::One));
        };
        let mut mask = vec![false; self.documents().len()];
        for id in self.scope(scope) {
            if doc.map_or(true, |d| d == id) {
                mask[id as usize] = true;
            }
        }
        Ok(match doc {
            Some(d) if mask[d as usize] => Docs::One(d),
            _ => Docs::Set(mask),
        })
    }
}
