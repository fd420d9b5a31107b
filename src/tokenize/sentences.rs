//! Sentence boundaries: the UAX #29 sentence rules (SB1 to SB998). The character classes
//! come from Rust's own Unicode properties (letters, case, spaces), the generated mark table
//! and a generated table of punctuation and digits, instead of unicode-segmentation's 30 KB
//! table (the wasm binary has a size budget). tests/sentences.rs checks every code point
//! in several contexts against that crate's full tables, and random texts too.

use std::str::CharIndices;

use super::{is_mark, word_chars};

/// Sentence_Break classes (UAX #29, table 4). Extend and Format are one class here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sb {
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Extend,
    Other,
}

fn class(c: char) -> Sb {
    match c {
        'a'..='z' => return Sb::Lower,
        'A'..='Z' => return Sb::Upper,
        ' ' => return Sb::Sp,
        '\r' => return Sb::Cr,
        '\n' => return Sb::Lf,
        _ => {}
    }
    if let Some(class) = punctuation_class(c) {
        return class;
    }
    match c {
        // Georgian Mkhedruli letters are lowercase in Unicode but OLetter in Sentence_Break,
        // and their Mtavruli capitals too: a full stop ends a Georgian sentence.
        '\u{10D0}'..='\u{10FA}'
        | '\u{10FD}'..='\u{10FF}'
        | '\u{1C90}'..='\u{1CBA}'
        | '\u{1CBD}'..='\u{1CBF}'
        | '\u{5F3}' => Sb::OLetter,
        // Halfwidth katakana sound marks are letters (Lm) but extend what they follow.
        '\u{FF9E}' | '\u{FF9F}' => Sb::Extend,
        // Marks and format characters (SB5 attaches them to what they follow).
        c if is_mark(c) && c != '\u{200B}' => Sb::Extend,
        c if c.is_whitespace() => Sb::Sp,
        c if c.is_lowercase() => Sb::Lower,
        // Upper is Uppercase and Titlecase (ǅ).
        '\u{1C5}'
        | '\u{1C8}'
        | '\u{1CB}'
        | '\u{1F2}'
        | '\u{1F88}'..='\u{1F8F}'
        | '\u{1F98}'..='\u{1F9F}'
        | '\u{1FA8}'..='\u{1FAF}'
        | '\u{1FBC}'
        | '\u{1FCC}'
        | '\u{1FFC}' => Sb::Upper,
        c if c.is_uppercase() => Sb::Upper,
        c if c.is_alphabetic() => Sb::OLetter,
        _ => Sb::Other,
    }
}

/// The classes read from the generated table: punctuation, digits, format characters.
fn punctuation_class(c: char) -> Option<Sb> {
    let table = &word_chars::SENTENCE_RANGES;
    let c = c as u32;
    let i = table.partition_point(|&(lo, _, _)| lo <= c);
    let &(_, hi, class) = table.get(i.checked_sub(1)?)?;
    if c > hi {
        return None;
    }
    // The order of SENTENCE_CLASSES in scripts/gen-word-chars.py.
    Some(match class {
        0 => Sb::ATerm,
        1 => Sb::STerm,
        2 => Sb::Close,
        3 => Sb::SContinue,
        4 => Sb::Numeric,
        5 => Sb::Extend,
        _ => Sb::Sep,
    })
}

/// The units the rules see: each character with the Extend and Format characters after it
/// (SB5), except after a paragraph separator.
#[derive(Clone)]
struct Units<'a> {
    chars: CharIndices<'a>,
    /// At the start of the text or just after CR, LF or Sep, where SB5 does not apply.
    fresh: bool,
}

impl Iterator for Units<'_> {
    type Item = (Sb, usize);

    fn next(&mut self) -> Option<(Sb, usize)> {
        loop {
            let (i, c) = self.chars.next()?;
            let class = match class(c) {
                Sb::Extend if !self.fresh => continue,
                Sb::Extend => Sb::Other,
                class => class,
            };
            self.fresh = matches!(class, Sb::Cr | Sb::Lf | Sb::Sep);
            return Some((class, i));
        }
    }
}

fn para_sep(class: Sb) -> bool {
    matches!(class, Sb::Cr | Sb::Lf | Sb::Sep)
}

/// The byte offsets where sentences end, the last one being `text.len()`; none for an
/// empty text.
pub fn sentence_ends(text: &str) -> SentenceEnds<'_> {
    let mut units = Units {
        chars: text.char_indices(),
        fresh: true,
    };
    let first = units.next();
    SentenceEnds {
        text_len: text.len(),
        units,
        current: first,
        prev: None,
        prev2: None,
        term: None,
        spaces: false,
        sb8: None,
    }
}

/// Iterator over sentence ends, made by [`sentence_ends`].
#[derive(Clone)]
pub struct SentenceEnds<'a> {
    text_len: usize,
    units: Units<'a>,
    /// The next unit, not yet consumed.
    current: Option<(Sb, usize)>,
    prev: Option<Sb>,
    prev2: Option<Sb>,
    /// The ATerm or STerm of a pattern `SATerm Close* Sp*` that ends at `prev`.
    term: Option<Sb>,
    /// Whether that pattern has reached its `Sp*` part.
    spaces: bool,
    /// SB8's look-ahead, kept for the rest of the run it was made for (else a long run of
    /// spaces after a full stop would be scanned once per space): the offset of the unit
    /// that decided it (`usize::MAX`: the end of the text) and whether it was Lower.
    sb8: Option<(usize, bool)>,
}

impl SentenceEnds<'_> {
    /// Whether there is a boundary before the unit `cur` (SB3 to SB998; SB5 is in `Units`).
    fn breaks_before(&mut self, cur: Sb, at: usize) -> bool {
        let Some(prev) = self.prev else {
            return false; // SB1
        };
        if prev == Sb::Cr && cur == Sb::Lf {
            return false; // SB3
        }
        if para_sep(prev) {
            return true; // SB4
        }
        if prev == Sb::ATerm && cur == Sb::Numeric {
            return false; // SB6
        }
        if matches!(self.prev2, Some(Sb::Upper | Sb::Lower))
            && prev == Sb::ATerm
            && cur == Sb::Upper
        {
            return false; // SB7
        }
        let Some(term) = self.term else {
            return false; // SB998
        };
        if term == Sb::ATerm {
            // SB8: ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower
            let lower = match self.sb8 {
                Some((until, lower)) if at <= until => lower,
                _ => {
                    let mut ahead = std::iter::once((cur, at)).chain(self.units.clone());
                    let decider = ahead.find(|&(c, _)| {
                        matches!(
                            c,
                            Sb::OLetter | Sb::Upper | Sb::Lower | Sb::ATerm | Sb::STerm
                        ) || para_sep(c)
                    });
                    let (until, lower) = match decider {
                        Some((class, offset)) => (offset, class == Sb::Lower),
                        None => (usize::MAX, false),
                    };
                    self.sb8 = Some((until, lower));
                    lower
                }
            };
            if lower {
                return false;
            }
        }
        if matches!(cur, Sb::SContinue | Sb::ATerm | Sb::STerm) {
            return false; // SB8a
        }
        if !self.spaces && (cur == Sb::Close || cur == Sb::Sp || para_sep(cur)) {
            return false; // SB9
        }
        if cur == Sb::Sp || para_sep(cur) {
            return false; // SB10
        }
        true // SB11
    }

    /// Outside a `SATerm Close* Sp*` pattern and after no paragraph separator, only a
    /// terminator or a separator can lead to a boundary (SB4, SB11; SB6 to SB8a need a
    /// terminator before): skips the ASCII characters up to the next `.`, `?`, `!`, CR, LF
    /// or non-ASCII character, keeping the last two classes for SB7.
    fn skip_quiet_ascii(&mut self) {
        let rest = self.units.chars.as_str().as_bytes();
        let quiet = rest
            .iter()
            .position(|&b| matches!(b, b'.' | b'?' | b'!' | b'\r' | b'\n') || !b.is_ascii())
            .unwrap_or(rest.len());
        if quiet == 0 {
            return;
        }
        self.prev2 = match quiet {
            1 => self.prev,
            _ => Some(class(char::from(rest[quiet - 2]))),
        };
        self.prev = Some(class(char::from(rest[quiet - 1])));
        self.units.chars.nth(quiet - 1);
        self.units.fresh = false;
    }

    fn advance(&mut self, cur: Sb) {
        match cur {
            Sb::ATerm | Sb::STerm => {
                self.term = Some(cur);
                self.spaces = false;
            }
            Sb::Close if self.term.is_some() && !self.spaces => {}
            Sb::Sp if self.term.is_some() => self.spaces = true,
            _ => self.term = None,
        }
        self.prev2 = self.prev;
        self.prev = Some(cur);
    }
}

impl Iterator for SentenceEnds<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while let Some((cur, at)) = self.current {
            let boundary = self.breaks_before(cur, at);
            self.advance(cur);
            if self.term.is_none() && !para_sep(cur) {
                self.skip_quiet_ascii();
            }
            self.current = self.units.next();
            if boundary {
                return Some(at);
            }
        }
        if self.prev.take().is_some() {
            return Some(self.text_len); // SB2
        }
        None
    }
}
