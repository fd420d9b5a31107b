//! The corpus file: one file that holds a corpus's texts exactly as given, their titles,
//! languages and metadata, the settings (diacritic folding, the stop-word lists) and the
//! built index (the vocabulary, each document's term ids, token spans and sentence starts),
//! so that opening it needs no re-tokenising. [`write()`] makes it, [`read()`] opens it; both
//! are plain Rust, so a native tool built from this crate writes and reads the same files.
//!
//! # Layout (version 1)
//!
//! A 24-byte header, then the body:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | the signature `89 54 58 43 0D 0A 1A 0A` (`\x89TXC\r\n\x1a\n`: not text, and a transfer that rewrites line ends breaks it visibly) |
//! | 4 | the format version, little-endian ([`VERSION`]) |
//! | 8 | the body's length in bytes, little-endian |
//! | 4 | the Adler-32 of the body (zlib's checksum, RFC 1950), little-endian |
//!
//! The body's numbers are LEB128 (seven bits a byte); a string is its length in bytes and
//! its UTF-8; an optional string is 0 for none, else its length + 1 and its UTF-8. In order:
//! 1. settings: folding (a byte, 0 or 1); the stop-word lists set, by language: their
//!    number, then each language code and its words (number, then each word);
//! 2. the vocabulary: the number of terms, each term's length, then all terms' UTF-8 one
//!    after another (a term's id is its place);
//! 3. with folding, the terms as written: their number, lengths and UTF-8 as the
//!    vocabulary's, then each one's folded term id;
//! 4. the documents: their number, then for each: title, language (optional), origin (0
//!    for a text the user gave, with its encoding as an optional string; 1 for an embedded
//!    article, with its index), whether its language was detected (a byte), author, date
//!    and source (optional), the `name: value` fields (number, then names and values), the
//!    text, the number of tokens, each token's term id in 3 bytes (little-endian), the
//!    spans' code (its length, then the bytes: the index's own code, a byte a token for
//!    nearly every word), and the sentences (number, then each first token's distance from
//!    the one before);
//! 5. the postings: each term's size in bytes, then the length and bytes of all the codes
//!    (the index's own: each term's corpus-wide positions, delta-coded in LEB128);
//! 6. the terms' alphabetical order: every term id, in that order.
//!
//! The postings and the order are stored because deriving them was most of the time of
//! opening a file (the postings 31 to 58 ms of 80 natively on the Brown Corpus, the sort 5
//! to 10 ms), and cost 1.9 bytes a token; checking them is one pass. The counts and the
//! UTF-16 offsets are rebuilt on opening in linear passes over the stored arrays (no text
//! is tokenised again). The writer is deterministic: the same corpus writes the same bytes,
//! so the SHA-256 of the file can name the corpus. The vocabulary is written in the order
//! of first use without the terms no document has any more, so a corpus writes the same
//! file however it came to be (documents added and removed). A text's key in a browser's
//! storage is not written (it means nothing in another browser).
//!
//! The checksum is Adler-32 (zlib's): checking the 12 MB of the Brown Corpus's file takes
//! 2 to 3 ms natively, where CRC-32 took 38 ms with the `crc` crate's one table (and
//! `crc32fast`, as fast as Adler-32 with its sixteen tables, made the wasm 16.8 KB gzipped
//! larger). Adler-32 is weak only on short inputs (a few hundred bytes), and every check
//! of the body stays (a damaged file that passes it is still refused, never trusted).
//!
//! Opening checks, in this order: the signature (else [`Problem::NotCorpusFile`]), the
//! version (a newer one is [`Problem::FutureVersion`]), the length
//! ([`Problem::Truncated`]), the checksum ([`Problem::Checksum`]), then every stored
//! value as it is read ([`Problem::Invalid`]): a file that passes its checksum but says
//! something impossible (a term id past the vocabulary, a span outside its text) is refused,
//! never trusted.

use std::fmt;

use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};

/// The signature that starts every corpus file.
pub const MAGIC: [u8; 8] = *b"\x89TXC\r\n\x1a\n";

/// The format version this crate writes, and the newest it reads.
pub const VERSION: u32 = 1;

/// The header's length: signature, version, body length, checksum.
pub const HEADER: usize = 24;

/// The usual file name extension of a corpus file (without the dot).
pub const EXTENSION: &str = "textexplorer";

/// Why a file could not be opened as a corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// It does not start with the corpus file's signature.
    NotCorpusFile,
    /// It ends before its header says it does.
    Truncated {
        /// The bytes it has.
        have: u64,
        /// The bytes its header says it has (at least the header's).
        want: u64,
    },
    /// Its body does not match its checksum.
    Checksum,
    /// It is of a format version newer than this crate reads.
    FutureVersion {
        /// Its version.
        version: u32,
    },
    /// It passes its checksum but holds something impossible (what, in words).
    Invalid(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotCorpusFile => write!(
                f,
                "this is not a Text Explorer corpus file (it does not start with the corpus file signature)"
            ),
            Problem::Truncated { have, want } => write!(
                f,
                "the corpus file is incomplete: it has {have} of its {want} bytes (download or copy it again)"
            ),
            Problem::Checksum => write!(
                f,
                "the corpus file is damaged: its contents do not match its checksum"
            ),
            Problem::FutureVersion { version } => write!(
                f,
                "the corpus file is of format version {version}, and this explorer reads versions up to {VERSION}: open it with a newer Text Explorer"
            ),
            Problem::Invalid(what) => write!(f, "the corpus file is damaged: {what}"),
        }
    }
}

impl Error {
    /// Why a corpus file could not be opened, if that is this error.
    pub fn corpus_file_problem(&self) -> Option<&Problem> {
        match self.kind() {
            ErrorKind::CorpusFile(problem) => Some(problem),
            _ => None,
        }
    }
}

fn problem(problem: Problem) -> Error {
    Error::new(ErrorKind::CorpusFile(problem))
}

/// An impossible value in a file that passed its checksum.
pub(crate) fn invalid(what: impl Into<String>) -> Error {
    problem(Problem::Invalid(what.into()))
}

/// The checksum of a body: Adler-32 (zlib's, RFC 1950) of `bytes`.
pub fn checksum(bytes: &[u8]) -> u32 {
    adler2::adler32_slice(bytes)
}

/// The corpus file of `engine`: its documents, settings and index.
///
/// ```
/// use text_explorer::{corpus_file, engine::Engine, Corpus};
/// let engine = Engine::with_articles();
/// let bytes = corpus_file::write(&engine);
/// let opened = corpus_file::read(&bytes)?;
/// assert_eq!(opened.corpus().text(1)?, engine.corpus().text(1)?);
/// assert_eq!(corpus_file::write(&opened), bytes);
/// # Ok::<(), text_explorer::Error>(())
/// ```
pub fn write(engine: &Engine) -> Vec<u8> {
    let mut body = Writer::default();
    engine.write_body(&mut body);
    let body = body.0;
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// Opens a corpus file: an engine with its documents, settings and index (no language
/// library: give it one with [`Engine::set_languages`]). Fails with a [`Problem`]
/// ([`Error::corpus_file_problem`]) and nothing else happens.
pub fn read(bytes: &[u8]) -> Result<Engine> {
    let body = check(bytes)?;
    read_body(body)
}

/// The body of a corpus file, once its signature, version, length and checksum are checked.
pub fn check(bytes: &[u8]) -> Result<&[u8]> {
    let prefix = bytes.len().min(MAGIC.len());
    if bytes[..prefix] != MAGIC[..prefix] {
        return Err(problem(Problem::NotCorpusFile));
    }
    if bytes.len() < HEADER {
        return Err(problem(Problem::Truncated {
            have: bytes.len() as u64,
            want: HEADER as u64,
        }));
    }
    let word =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let version = word(8);
    if version > VERSION {
        return Err(problem(Problem::FutureVersion { version }));
    }
    if version == 0 {
        return Err(invalid("its format version is 0, which no writer makes"));
    }
    let length = u64::from(word(12)) | u64::from(word(16)) << 32;
    let sum = word(20);
    let have = (bytes.len() - HEADER) as u64;
    if have < length {
        return Err(problem(Problem::Truncated {
            have: bytes.len() as u64,
            want: length.saturating_add(HEADER as u64),
        }));
    }
    if have > length {
        return Err(invalid(format!(
            "it has {} bytes after its end",
            have - length
        )));
    }
    let body = &bytes[HEADER..];
    if checksum(body) != sum {
        return Err(problem(Problem::Checksum));
    }
    Ok(body)
}

/// Reads a body as [`read()`] does, without the header's checks: for the fuzz target, which
/// reaches the body's checks this way (random bytes would almost never pass a checksum).
#[doc(hidden)]
pub fn read_body(body: &[u8]) -> Result<Engine> {
    let mut reader = Reader::new(body);
    let engine = Engine::read_body(&mut reader)?;
    if !reader.is_done() {
        return Err(invalid("it has bytes after its last document"));
    }
    Ok(engine)
}

/// Writes a body: LEB128 numbers, strings, bytes.
#[derive(Default)]
pub(crate) struct Writer(pub(crate) Vec<u8>);

impl Writer {
    pub(crate) fn number(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    pub(crate) fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    pub(crate) fn string(&mut self, s: &str) {
        self.number(s.len() as u64);
        self.bytes(s.as_bytes());
    }

    pub(crate) fn optional(&mut self, s: Option<&str>) {
        match s {
            None => self.number(0),
            Some(s) => {
                self.number(s.len() as u64 + 1);
                self.bytes(s.as_bytes());
            }
        }
    }
}

/// Reads a body, every read checked: past the end, an overlong number or bad UTF-8 is an
/// error that names what was being read.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub(crate) fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// The bytes left: no count read from the file may promise more items than this.
    pub(crate) fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    pub(crate) fn number(&mut self, what: &str) -> Result<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(invalid(format!("{what} is cut short")));
            };
            self.at += 1;
            n |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(invalid(format!("{what} is not a number")))
    }

    /// A number below `limit`.
    pub(crate) fn below(&mut self, limit: u64, what: &str) -> Result<u64> {
        let n = self.number(what)?;
        match n < limit {
            true => Ok(n),
            false => Err(invalid(format!("{what} is {n}, not below {limit}"))),
        }
    }

    /// A count of items that take at least `min_bytes` each: it cannot exceed the bytes left.
    pub(crate) fn count(&mut self, min_bytes: usize, what: &str) -> Result<usize> {
        let n = self.number(what)?;
        match n <= (self.left() / min_bytes.max(1)) as u64 {
            true => Ok(n as usize),
            false => Err(invalid(format!("{what} ({n}) is more than the file holds"))),
        }
    }

    pub(crate) fn byte(&mut self, what: &str) -> Result<u8> {
        Ok(self.take(1, what)?[0])
    }

    pub(crate) fn flag(&mut self, what: &str) -> Result<bool> {
        match self.byte(what)? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(invalid(format!("{what} is {b}, not 0 or 1"))),
        }
    }

    pub(crate) fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        match self.bytes.get(self.at..self.at.saturating_add(n)) {
            Some(slice) if n <= self.left() => {
                self.at += n;
                Ok(slice)
            }
            _ => Err(invalid(format!("{what} is cut short"))),
        }
    }

    pub(crate) fn utf8(&mut self, n: usize, what: &str) -> Result<String> {
        let bytes = self.take(n, what)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| invalid(format!("{what} is not UTF-8")))
    }

    pub(crate) fn string(&mut self, what: &str) -> Result<String> {
        let n = self.count(1, what)?;
        self.utf8(n, what)
    }

    pub(crate) fn optional(&mut self, what: &str) -> Result<Option<String>> {
        match self.number(what)? {
            0 => Ok(None),
            n => {
                let n = usize::try_from(n - 1).map_err(|_| invalid(what.to_string()))?;
                self.utf8(n, what).map(Some)
            }
        }
    }
}

#[cfg(test)]
mod tests;
