//! A document's metadata: author, date, source and any number of `name: value` fields (a
//! group, a genre, a newspaper), beside the title the corpus keeps.
//!
//! Metadata is stored as given, trimmed; [`Metadata::validated`] is the one check every way
//! in goes through (the engine's `addDocuments` and `setMetadata`). It maps onto a plain
//! list of `(name, value)` pairs ([`Metadata::pairs`], [`Metadata::from_pairs`]), with the
//! names `author`, `date` and `source` for the three named fields.
//!
//! ```
//! use text_explorer::metadata::{Field, Metadata};
//! let meta = Metadata {
//!     date: Some("2024-06".into()),
//!     fields: vec![Field::new("newspaper", "Mint")],
//!     ..Metadata::default()
//! }
//! .validated()?;
//! assert_eq!(meta.field("Newspaper"), Some("Mint"));
//! assert!(Metadata { date: Some("June 2024".into()), ..Metadata::default() }.validated().is_err());
//! # Ok::<(), text_explorer::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{excerpt, Error, Result};

/// The most characters a field's name may have.
pub const MAX_NAME: usize = 100;
/// The most characters a value may have.
pub const MAX_VALUE: usize = 10_000;
/// The most `name: value` fields a document may have.
pub const MAX_FIELDS: usize = 200;

/// The names of the named fields, which a `name: value` field may not take (nor `title`,
/// the document's title).
pub const RESERVED: [&str; 4] = ["title", "author", "date", "source"];

/// A document's metadata (its title is the document's own).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Metadata {
    /// Who wrote it; `null` when unknown.
    pub author: Option<String>,
    /// When: an ISO 8601 date, whole or partial (`2024`, `2024-06`, `2024-06-03`); `null`
    /// when unknown.
    pub date: Option<String>,
    /// Where it comes from: a URL or a citation; `null` when unknown.
    pub source: Option<String>,
    /// Any other fields, in order, each name once (compared without case).
    pub fields: Vec<Field>,
}

/// A `name: value` field of a document (`newspaper: Mint`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(ts_rs::TS))]
pub struct Field {
    /// Its name (`newspaper`), 1 to 100 characters.
    pub name: String,
    /// Its value (`Mint`), up to 10,000 characters.
    pub value: String,
}

impl Field {
    /// A field `name: value`.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Field {
        Field {
            name: name.into(),
            value: value.into(),
        }
    }
}

impl Metadata {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        self.author.is_none()
            && self.date.is_none()
            && self.source.is_none()
            && self.fields.is_empty()
    }

    /// The metadata as the corpus keeps it: every value trimmed, a blank author, date or
    /// source left out (`None`), and a field with a blank value dropped. Refused, with a
    /// message that names the value: a date that is not ISO 8601 ([`valid_date`]), a blank
    /// or reserved field name ([`RESERVED`]), a name given twice, a name over [`MAX_NAME`]
    /// or a value over [`MAX_VALUE`] characters, more than [`MAX_FIELDS`] fields.
    pub fn validated(self) -> Result<Metadata> {
        let named = |name: &str, value: Option<String>| -> Result<Option<String>> {
            let value = value
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty());
            if let Some(v) = &value {
                check_length(name, v)?;
            }
            Ok(value)
        };
        let date = named("date", self.date)?
            .map(|d| valid_date(&d))
            .transpose()?;
        let mut fields: Vec<Field> = Vec::with_capacity(self.fields.len());
        for field in self.fields {
            let name = field.name.trim();
            if name.is_empty() {
                return Err(invalid("a field has no name: give each field a name"));
            }
            if name.chars().count() > MAX_NAME {
                return Err(invalid(format!(
                    "the field name “{}” is longer than {MAX_NAME} characters",
                    excerpt(name)
                )));
            }
            if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                return Err(invalid(format!(
                    "“{name}” is not a field name of its own: the title, author, date and \
                     source each have their own box"
                )));
            }
            if fields.iter().any(|f| same_name(&f.name, name)) {
                return Err(invalid(format!(
                    "the field “{}” is given twice: give each name once",
                    excerpt(name)
                )));
            }
            let value = field.value.trim();
            check_length(name, value)?;
            if !value.is_empty() {
                fields.push(Field::new(name, value));
            }
        }
        if fields.len() > MAX_FIELDS {
            return Err(invalid(format!(
                "{} fields: a document has at most {MAX_FIELDS}",
                fields.len()
            )));
        }
        Ok(Metadata {
            author: named("author", self.author)?,
            date,
            source: named("source", self.source)?,
            fields,
        })
    }

    /// The value of `name` (compared without case): a field, or the author, date or source.
    pub fn field(&self, name: &str) -> Option<&str> {
        match name.trim().to_lowercase().as_str() {
            "author" => self.author.as_deref(),
            "date" => self.date.as_deref(),
            "source" => self.source.as_deref(),
            _ => self
                .fields
                .iter()
                .find(|f| same_name(&f.name, name.trim()))
                .map(|f| f.value.as_str()),
        }
    }

    /// The metadata as `(name, value)` pairs: `author`, `date` and `source` when known, then
    /// the fields in order. [`Metadata::from_pairs`] reads them back.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let named = [
            ("author", &self.author),
            ("date", &self.date),
            ("source", &self.source),
        ];
        named
            .into_iter()
            .filter_map(|(name, value)| Some((name.to_string(), value.clone()?)))
            .chain(
                self.fields
                    .iter()
                    .map(|f| (f.name.clone(), f.value.clone())),
            )
            .collect()
    }

    /// Metadata from `(name, value)` pairs as [`Metadata::pairs`] writes them (`author`,
    /// `date` and `source`, in any case, go to their own fields), validated.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Result<Metadata> {
        let mut meta = Metadata::default();
        for (name, value) in pairs {
            match name.trim().to_lowercase().as_str() {
                "author" => meta.author = Some(value),
                "date" => meta.date = Some(value),
                "source" => meta.source = Some(value),
                _ => meta.fields.push(Field { name, value }),
            }
        }
        meta.validated()
    }
}

/// Whether two field names are the same name (without case).
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

fn invalid(reason: impl Into<String>) -> Error {
    Error::invalid_option("metadata", reason)
}

fn check_length(name: &str, value: &str) -> Result<()> {
    match value.chars().count() > MAX_VALUE {
        true => Err(invalid(format!(
            "the value of “{}” is longer than {MAX_VALUE} characters",
            excerpt(name)
        ))),
        false => Ok(()),
    }
}

/// A date as the corpus keeps it: an ISO 8601 calendar date, whole or partial — a year
/// (`2024`), a month (`2024-06`) or a day (`2024-06-03`) — trimmed. A date and time
/// (`2024-06-03T10:00:00Z`, as HTML's `article:published_time` gives it) keeps its date.
/// Anything else is refused with a message that says what is expected: a month from 01 to
/// 12, a day that month has (29 February only in a leap year).
///
/// ```
/// use text_explorer::metadata::valid_date;
/// assert_eq!(valid_date(" 2024-06 ").unwrap(), "2024-06");
/// assert_eq!(valid_date("2024-06-03T10:00:00Z").unwrap(), "2024-06-03");
/// assert!(valid_date("2023-02-29").is_err());
/// ```
pub fn valid_date(date: &str) -> Result<String> {
    let date = date.trim();
    let expected = || {
        Error::invalid_option(
            "date",
            format!(
                "“{}” is not an ISO 8601 date: write a year, a month or a day as 2024, \
                 2024-06 or 2024-06-03",
                excerpt(date)
            ),
        )
    };
    // A time after the day (`T…` or ` …`) is left out: the corpus keeps dates.
    let day_part = match date.find(['T', 't', ' ']) {
        Some(10) => &date[..10],
        Some(_) => return Err(expected()),
        None => date,
    };
    let parts: Vec<&str> = day_part.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    if !ok {
        return Err(expected());
    }
    let number = |s: &str| s.parse::<u32>().unwrap_or(0);
    if let Some(m) = parts.get(1).map(|m| number(m)) {
        if !(1..=12).contains(&m) {
            return Err(Error::invalid_option(
                "date",
                format!("“{date}”: the month must be from 01 to 12, not {m:02}"),
            ));
        }
        if let Some(d) = parts.get(2).map(|d| number(d)) {
            let year = number(parts[0]);
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if !(1..=days).contains(&d) {
                return Err(Error::invalid_option(
                    "date",
                    format!("“{date}”: that month has days 01 to {days}, not {d:02}"),
                ));
            }
        }
    }
    Ok(day_part.to_string())
}

/// Whether `date` (valid) falls within `prefix` (valid): the same year, month and day as far
/// as the prefix goes (`2024-06` holds `2024-06` and `2024-06-03`, not `2024`).
pub(crate) fn date_within(date: &str, prefix: &str) -> bool {
    date.starts_with(prefix) && matches!(date.as_bytes().get(prefix.len()), None | Some(b'-'))
}
