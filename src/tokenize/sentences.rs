//! Sentence boundaries: the UAX #29 sentence rules (SB1 to SB998), with the character
//! classes read from Rust's own Unicode properties and short lists of punctuation instead
//! of a 30 KB table (the wasm binary has a size budget). The classes agree with the
//! Unicode tables for letters, digits, spaces and the punctuation listed here; the property
//! tests check the boundaries against the `unicode-segmentation` crate's full tables.

use std::str::CharIndices;

use super::is_word_char;

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
        '\r' => Sb::Cr,
        '\n' => Sb::Lf,
        '\u{85}' | '\u{2028}' | '\u{2029}' => Sb::Sep,
        '.' | '\u{2024}' | '\u{FE52}' | '\u{FF0E}' => Sb::ATerm,
        '!'
        | '?'
        | '\u{589}'
        | '\u{61D}'..='\u{61F}'
        | '\u{6D4}'
        | '\u{700}'..='\u{702}'
        | '\u{7F9}'
        | '\u{964}'
        | '\u{965}'
        | '\u{104A}'
        | '\u{104B}'
        | '\u{1362}'
        | '\u{1367}'
        | '\u{1368}'
        | '\u{166E}'
        | '\u{1735}'
        | '\u{1736}'
        | '\u{17D4}'
        | '\u{17D5}'
        | '\u{1803}'
        | '\u{1809}'
        | '\u{1944}'
        | '\u{1945}'
        | '\u{203C}'
        | '\u{203D}'
        | '\u{2047}'..='\u{2049}'
        | '\u{2E2E}'
        | '\u{2E3C}'
        | '\u{3002}'
        | '\u{A4FF}'
        | '\u{A60E}'
        | '\u{A60F}'
        | '\u{A6F3}'
        | '\u{A6F7}'
        | '\u{FE12}'
        | '\u{FE15}'
        | '\u{FE16}'
        | '\u{FE56}'
        | '\u{FE57}'
        | '\u{FF01}'
        | '\u{FF1F}'
        | '\u{FF61}' => Sb::STerm,
        ',' | '-' | ':' | ';' | '\u{55D}' | '\u{60C}' | '\u{60D}' | '\u{7F8}' | '\u{1802}'
        | '\u{1808}' | '\u{2013}' | '\u{2014}' | '\u{3001}' | '\u{FE10}' | '\u{FE11}'
        | '\u{FE13}' | '\u{FE31}' | '\u{FE32}' | '\u{FE50}' | '\u{FE51}' | '\u{FE55}'
        | '\u{FE58}' | '\u{FE63}' | '\u{FF0C}' | '\u{FF0D}' | '\u{FF1A}' | '\u{FF1B}'
        | '\u{FF64}' => Sb::SContinue,
        '"'
        | '\''
        | '('
        | ')'
        | '['
        | ']'
        | '{'
        | '}'
        | '\u{AB}'
        | '\u{BB}'
        | '\u{2018}'..='\u{201F}'
        | '\u{2039}'
        | '\u{203A}'
        | '\u{2045}'
        | '\u{2046}'
        | '\u{207D}'
        | '\u{207E}'
        | '\u{208D}'
        | '\u{208E}'
        | '\u{2308}'..='\u{230B}'
        | '\u{2329}'
        | '\u{232A}'
        | '\u{275B}'..='\u{2760}'
        | '\u{2768}'..='\u{2775}'
        | '\u{27E6}'..='\u{27EF}'
        | '\u{2E02}'..='\u{2E05}'
        | '\u{2E09}'
        | '\u{2E0A}'
        | '\u{2E0C}'
        | '\u{2E0D}'
        | '\u{2E1C}'
        | '\u{2E1D}'
        | '\u{2E20}'..='\u{2E29}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301B}'
        | '\u{301D}'..='\u{301F}'
        | '\u{FF08}'
        | '\u{FF09}'
        | '\u{FF3B}'
        | '\u{FF3D}'
        | '\u{FF5B}'
        | '\u{FF5D}'
        | '\u{FF5F}'..='\u{FF63}' => Sb::Close,
        // Combining diacritics and the common format characters (SB5 attaches them).
        '\u{300}'..='\u{36F}'
        | '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' => Sb::Extend,
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
        c if is_word_char(c) => Sb::Numeric,
        _ => Sb::Other,
    }
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
}

impl SentenceEnds<'_> {
    /// Whether there is a boundary before the unit `cur` (SB3 to SB998; SB5 is in `Units`).
    fn breaks_before(&self, cur: Sb) -> bool {
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
            let ahead = std::iter::once(cur).chain(self.units.clone().map(|(class, _)| class));
            let decider = ahead.into_iter().find(|&c| {
                matches!(
                    c,
                    Sb::OLetter | Sb::Upper | Sb::Lower | Sb::ATerm | Sb::STerm
                ) || para_sep(c)
            });
            if decider == Some(Sb::Lower) {
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
            let boundary = self.breaks_before(cur);
            self.advance(cur);
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
