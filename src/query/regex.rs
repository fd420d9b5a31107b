//! Regular expressions over single terms, matched in linear time: the pattern is compiled to
//! a Thompson NFA and run as a Pike VM (one pass over the term, a set of live states; no
//! backtracking, so no pattern can take exponential time). A small engine of its own keeps
//! the wasm within its size budget, where the `regex` crate would not.
//!
//! Syntax (a pattern matches the *whole* term; there are no anchors to write):
//!
//! | syntax | matches |
//! |---|---|
//! | `a` | the character (any character but the special ones below) |
//! | `\.` `\*` `\\` … | the special character itself |
//! | `.` | any character |
//! | `[abc]` `[a-z0-9]` | one character of the class; `[^…]` one character not in it |
//! | `\d` `\w` `\s` | a digit 0–9, a word character (letter, digit, `_`, `'`), a space; `\D` `\W` `\S` the opposite |
//! | `(…)` | a group |
//! | `x\|y` | either |
//! | `x?` `x*` `x+` | at most once, any number of times, at least once |
//! | `x{3}` `x{2,}` `x{2,5}` | exactly 3 times, at least twice, 2 to 5 times (counts up to 100) |
//! | `^…$` | accepted at the ends of the pattern (or of a top-level alternative) and ignored: the term is matched whole anyway |
//!
//! Anything else is refused with a message naming it (`\b`, back-references, `(?…)`
//! groups, a count above 100), rather than read literally and found nowhere. The work of one
//! query is bounded too: past [`BUDGET`] steps of the matcher (over all the terms it tries) the
//! query stops with “too costly”, the same on every machine (steps, not time).

use std::cell::Cell;

use crate::error::{Error, Result};
use crate::tokenize::is_word_char;

/// The longest pattern accepted, in characters.
pub const MAX_PATTERN: usize = 500;

/// The largest count of a repetition `{n,m}`.
pub const MAX_COUNT: u32 = 100;

/// The most instructions a pattern compiles to (its counts expanded).
const MAX_INSTS: usize = 10_000;

/// The matcher's steps one compiled pattern may take (a state visited for one character of a
/// term), over every term of the query: about a tenth of a second natively.
pub const BUDGET: u64 = 20_000_000;

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regex {
    insts: Vec<Inst>,
    /// Steps spent so far (see [`BUDGET`]).
    spent: Cell<u64>,
    /// As written, for the error.
    pattern: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Inst {
    Char(char),
    Any,
    Class(Class),
    Split(usize, usize),
    Jmp(usize),
    Match,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Class {
    ranges: Vec<(char, char)>,
    /// `\d`, `\w`, `\s` inside the class: indices into `Named`.
    named: Vec<(Named, bool)>,
    negated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Named {
    Digit,
    Word,
    Space,
}

impl Named {
    fn matches(self, c: char) -> bool {
        match self {
            // The crate's own tables, already in the binary (the size budget).
            Named::Digit => c.is_ascii_digit(),
            Named::Word => is_word_char(c) || c == '_' || c == '\'',
            Named::Space => c.is_whitespace(),
        }
    }
}

impl Class {
    /// Whether `c` is in the class (for a case-insensitive pattern the parser has added the
    /// lowercase form of each range, so a negated class excludes both cases).
    fn contains(&self, c: char) -> bool {
        let found = self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
            || self
                .named
                .iter()
                .any(|&(n, negated)| n.matches(c) != negated);
        found != self.negated
    }
}

/// The syntax tree, compiled to instructions once parsed.
#[derive(Clone)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(Class),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, Repeat),
}

#[derive(Clone, Copy)]
enum Repeat {
    Optional,
    Star,
    Plus,
    /// `{min,max}`; `max` `None` for `{min,}`.
    Count(u32, Option<u32>),
}

struct Parser<'a> {
    pattern: &'a str,
    chars: Vec<char>,
    at: usize,
    fold: bool,
    /// How many groups are open.
    depth: usize,
}

impl Regex {
    /// Compiles `pattern`; `case_sensitive: false` matches terms whatever the case of the
    /// pattern's letters. Errors name the problem and where it is.
    ///
    /// ```
    /// use text_explorer::regex::Regex;
    /// let re = Regex::new("sanction(s|ed)?", false).unwrap();
    /// assert!(re.is_match("sanctioned") && re.is_match("sanction") && !re.is_match("sanctions2"));
    /// assert!(Regex::new("(ab", false).unwrap_err().to_string().contains("a group is not closed"));
    /// ```
    pub fn new(pattern: &str, case_sensitive: bool) -> Result<Regex> {
        if pattern.is_empty() {
            return Err(error(
                pattern,
                "the regular expression is empty: write it between the slashes",
            ));
        }
        if pattern.chars().count() > MAX_PATTERN {
            return Err(error(
                pattern,
                "the regular expression is too long (at most 500 characters)",
            ));
        }
        let mut parser = Parser {
            pattern,
            chars: pattern.chars().collect(),
            at: 0,
            fold: !case_sensitive,
            depth: 0,
        };
        let node = parser.alternation()?;
        if parser.at < parser.chars.len() {
            // Only an unmatched ')' stops the top level early.
            return Err(error(
                pattern,
                "a ) has no ( to close: remove it or escape it as \\)",
            ));
        }
        if size(&node) >= MAX_INSTS {
            return Err(error(
                pattern,
                "the pattern is too large once its counts {…} are expanded: use smaller counts",
            ));
        }
        let mut insts = Vec::new();
        compile(&node, &mut insts);
        insts.push(Inst::Match);
        Ok(Regex {
            insts,
            spent: Cell::new(0),
            pattern: pattern.to_string(),
        })
    }

    /// Whether matching has stopped for taking more than [`BUDGET`] steps (every later
    /// [`Regex::is_match`] then answers `false` at once): the query's answer is incomplete and
    /// must be refused.
    pub fn too_costly(&self) -> bool {
        self.spent.get() > BUDGET
    }

    /// Whether the whole of `text` matches (`false` once the budget is spent).
    pub fn is_match(&self, text: &str) -> bool {
        if self.too_costly() {
            return false;
        }
        let n = self.insts.len();
        let mut current = Vec::with_capacity(n);
        let mut next = Vec::with_capacity(n);
        let mut stack = Vec::with_capacity(n);
        // seen[pc] == step: pc is already in the list of this step.
        let mut seen = vec![usize::MAX; n];
        let mut step = 0;
        let mut spent = self.spent.get();
        spent += self.add(&mut current, &mut stack, &mut seen, step, 0);
        for c in text.chars() {
            step += 1;
            next.clear();
            spent += current.len() as u64;
            for &pc in &current {
                let advance = match &self.insts[pc] {
                    Inst::Char(x) => *x == c,
                    Inst::Any => true,
                    Inst::Class(class) => class.contains(c),
                    _ => false,
                };
                if advance {
                    spent += self.add(&mut next, &mut stack, &mut seen, step, pc + 1);
                }
            }
            std::mem::swap(&mut current, &mut next);
            if current.is_empty() || spent > BUDGET {
                break;
            }
        }
        self.spent.set(spent);
        !self.too_costly() && current.iter().any(|&pc| self.insts[pc] == Inst::Match)
    }

    /// Adds `pc` and every state reachable from it without reading a character; returns the
    /// states visited.
    fn add(
        &self,
        list: &mut Vec<usize>,
        stack: &mut Vec<usize>,
        seen: &mut [usize],
        step: usize,
        pc: usize,
    ) -> u64 {
        let mut visited = 0;
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if seen[pc] == step {
                continue;
            }
            seen[pc] = step;
            visited += 1;
            match self.insts[pc] {
                Inst::Jmp(to) => stack.push(to),
                Inst::Split(a, b) => {
                    // b first on the stack, so a is explored first (order does not change
                    // whether there is a match, only which thread is found first).
                    stack.push(b);
                    stack.push(a);
                }
                _ => list.push(pc),
            }
        }
        visited
    }
}

/// The error of a pattern that ran out of steps.
pub(crate) fn too_costly(regex: &Regex) -> Error {
    error(
        &regex.pattern,
        "this pattern is too costly over this corpus: simplify it (fewer .* and nested repetitions)",
    )
}

fn error(pattern: &str, reason: &str) -> Error {
    Error::invalid_query(&format!("/{pattern}/"), reason)
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn fail(&self, reason: &str) -> Error {
        error(self.pattern, reason)
    }

    fn alternation(&mut self) -> Result<Node> {
        let mut branches = vec![self.concat()?];
        while self.peek() == Some('|') {
            self.at += 1;
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn concat(&mut self) -> Result<Node> {
        let mut items = Vec::new();
        // `^` opening the pattern or a top-level alternative, `$` closing it: no-ops, as a
        // term is matched whole.
        if self.depth == 0 && self.peek() == Some('^') {
            self.at += 1;
        }
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            if c == '$'
                && self.depth == 0
                && matches!(self.chars.get(self.at + 1), None | Some('|'))
            {
                self.at += 1;
                break;
            }
            let mut atom = self.atom()?;
            while let Some(op) = self.peek() {
                let repeat = match op {
                    '?' => Repeat::Optional,
                    '*' => Repeat::Star,
                    '+' => Repeat::Plus,
                    '{' => self.count()?,
                    _ => break,
                };
                if op != '{' {
                    self.at += 1;
                }
                atom = Node::Repeat(Box::new(atom), repeat);
            }
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn atom(&mut self) -> Result<Node> {
        let c = self.chars[self.at];
        self.at += 1;
        Ok(match c {
            '(' if self.peek() == Some('?') => {
                return Err(self.fail(
                    "(?…) groups (flags, look-around, non-capturing) are not supported: write (…)",
                ))
            }
            '(' => {
                self.depth += 1;
                let inner = self.alternation()?;
                if self.peek() != Some(')') {
                    return Err(self.fail("a group is not closed: add the closing )"));
                }
                self.depth -= 1;
                self.at += 1;
                inner
            }
            '^' | '$' => {
                let place = if c == '^' { "start" } else { "end" };
                return Err(self.fail(&format!(
                    "{c} is supported only at the {place} of the pattern, where it changes nothing (terms are matched whole): escape it as \\{c} to match the character"
                )));
            }
            '.' => Node::Any,
            '[' => Node::Class(self.class()?),
            '?' | '*' | '+' | '{' => {
                return Err(self.fail(&format!(
                    "{c} has nothing to repeat: put it after a character or a group, or escape it as \\{c}"
                )))
            }
            '\\' => match self.escape()? {
                Escaped::Char(c) => self.literal(c),
                Escaped::Named(n, negated) => Node::Class(Class {
                    ranges: Vec::new(),
                    named: vec![(n, negated)],
                    negated: false,
                }),
            },
            c => self.literal(c),
        })
    }

    fn literal(&self, c: char) -> Node {
        match single_lower(c) {
            Some(l) if self.fold => Node::Char(l),
            _ => Node::Char(c),
        }
    }

    fn escape(&mut self) -> Result<Escaped> {
        let Some(c) = self.peek() else {
            return Err(self.fail("the pattern ends with a lone \\: escape it as \\\\"));
        };
        self.at += 1;
        Ok(match c {
            'd' => Escaped::Named(Named::Digit, false),
            'D' => Escaped::Named(Named::Digit, true),
            'w' => Escaped::Named(Named::Word, false),
            'W' => Escaped::Named(Named::Word, true),
            's' => Escaped::Named(Named::Space, false),
            'S' => Escaped::Named(Named::Space, true),
            'b' | 'B' => {
                return Err(self.fail(&format!(
                    "\\{c} (a word boundary) is not supported: terms are matched whole"
                )))
            }
            '1'..='9' => {
                return Err(self.fail(&format!(
                    "\\{c} (a back-reference) is not supported"
                )))
            }
            c if c.is_ascii_alphanumeric() => {
                return Err(self.fail(&format!(
                    "\\{c} is not a supported escape: only \\d \\w \\s \\D \\W \\S, and \\ before a punctuation character"
                )))
            }
            c => Escaped::Char(c),
        })
    }

    /// `{n}`, `{n,}` or `{n,m}` after an atom (`at` on the `{`).
    fn count(&mut self) -> Result<Repeat> {
        let start = self.at;
        let end = self.chars[start..]
            .iter()
            .position(|&c| c == '}')
            .map(|i| start + i);
        let body: String = match end {
            Some(end) => self.chars[start + 1..end].iter().collect(),
            None => String::new(),
        };
        let whole = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let (min, max) = match body.split_once(',') {
            Some((min, "")) if whole(min) => (min, None),
            Some((min, max)) if whole(min) && whole(max) => (min, Some(max)),
            None if whole(&body) => (body.as_str(), Some(body.as_str())),
            _ => {
                return Err(self.fail(
                    "a { must begin a count such as {3}, {2,} or {2,5}: escape it as \\{ to match the character",
                ))
            }
        };
        let written: String = self.chars[start..=end.unwrap_or(start)].iter().collect();
        // Digits beyond six are over the limit whatever they say.
        let number = |s: &str| s.parse::<u32>().ok().filter(|&n| n <= MAX_COUNT);
        let (Some(lo), Some(hi)) = (number(min), max.map(number).unwrap_or(Some(0))) else {
            return Err(self.fail(&format!(
                "{written}: a repetition count above {MAX_COUNT} is not supported"
            )));
        };
        if max.is_some() && hi < lo {
            return Err(self.fail(&format!(
                "the count {written} is backwards: write {{{hi},{lo}}}"
            )));
        }
        self.at = end.unwrap_or(start) + 1;
        Ok(Repeat::Count(lo, max.map(|_| hi)))
    }

    fn class(&mut self) -> Result<Class> {
        let mut class = Class {
            ranges: Vec::new(),
            named: Vec::new(),
            negated: false,
        };
        if self.peek() == Some('^') {
            class.negated = true;
            self.at += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.fail("a character class is not closed: add the closing ]"));
            };
            self.at += 1;
            // A ']' right after '[' or '[^' is a literal, as in POSIX.
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = match c {
                '\\' => match self.escape()? {
                    Escaped::Char(c) => c,
                    Escaped::Named(n, negated) => {
                        class.named.push((n, negated));
                        continue;
                    }
                },
                c => c,
            };
            let hi = if self.peek() == Some('-')
                && self.chars.get(self.at + 1).is_some_and(|&n| n != ']')
            {
                self.at += 1;
                let c = self.chars[self.at];
                self.at += 1;
                if c == '\\' {
                    match self.escape()? {
                        Escaped::Char(c) => c,
                        Escaped::Named(..) => {
                            return Err(self.fail("a range cannot end with \\d, \\w or \\s"))
                        }
                    }
                } else {
                    c
                }
            } else {
                lo
            };
            if hi < lo {
                return Err(self.fail(&format!(
                    "the range {lo}-{hi} is backwards: write {hi}-{lo}"
                )));
            }
            class.ranges.push((lo, hi));
            if self.fold {
                // Terms are lowercase: [A-Z] also means [a-z] (a range of letters whose
                // lowercase forms are single characters in the same order).
                if let (Some(l), Some(h)) = (single_lower(lo), single_lower(hi)) {
                    if (l, h) != (lo, hi) && l <= h {
                        class.ranges.push((l, h));
                    }
                }
            }
        }
        Ok(class)
    }
}

/// The lowercase form of `c` when it is one character.
fn single_lower(c: char) -> Option<char> {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

enum Escaped {
    Char(char),
    Named(Named, bool),
}

/// Appends the instructions of `node` (Thompson's construction).
fn compile(node: &Node, insts: &mut Vec<Inst>) {
    match node {
        Node::Empty => {}
        Node::Char(c) => insts.push(Inst::Char(*c)),
        Node::Any => insts.push(Inst::Any),
        Node::Class(class) => insts.push(Inst::Class(class.clone())),
        Node::Concat(items) => items.iter().for_each(|item| compile(item, insts)),
        Node::Alt(branches) => {
            // split L1, L2; L1: a; jmp end; L2: split … ; the last branch falls through.
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = insts.len();
                    insts.push(Inst::Split(split + 1, 0));
                    compile(branch, insts);
                    jumps.push(insts.len());
                    insts.push(Inst::Jmp(0));
                    insts[split] = Inst::Split(split + 1, insts.len());
                } else {
                    compile(branch, insts);
                }
            }
            let end = insts.len();
            for j in jumps {
                insts[j] = Inst::Jmp(end);
            }
        }
        Node::Repeat(inner, Repeat::Optional) => {
            let split = insts.len();
            insts.push(Inst::Split(split + 1, 0));
            compile(inner, insts);
            insts[split] = Inst::Split(split + 1, insts.len());
        }
        Node::Repeat(inner, Repeat::Star) => {
            let split = insts.len();
            insts.push(Inst::Split(split + 1, 0));
            compile(inner, insts);
            insts.push(Inst::Jmp(split));
            insts[split] = Inst::Split(split + 1, insts.len());
        }
        Node::Repeat(inner, Repeat::Plus) => {
            let start = insts.len();
            compile(inner, insts);
            insts.push(Inst::Split(start, insts.len() + 1));
        }
        Node::Repeat(inner, Repeat::Count(min, max)) => {
            // x{2,4} = x x x? x?; x{2,} = x x x*.
            for _ in 0..*min {
                compile(inner, insts);
            }
            match max {
                None => compile(&Node::Repeat(inner.clone(), Repeat::Star), insts),
                Some(max) => {
                    for _ in *min..*max {
                        compile(&Node::Repeat(inner.clone(), Repeat::Optional), insts);
                    }
                }
            }
        }
    }
}

/// How many instructions `node` compiles to (saturating, so a huge count stays a number).
fn size(node: &Node) -> usize {
    match node {
        Node::Empty => 0,
        Node::Char(_) | Node::Any | Node::Class(_) => 1,
        Node::Concat(items) => items.iter().fold(0, |n, item| n.saturating_add(size(item))),
        Node::Alt(branches) => branches
            .iter()
            .fold(0, |n, b| n.saturating_add(size(b)).saturating_add(2)),
        Node::Repeat(inner, Repeat::Count(min, max)) => {
            let copies = max.map_or(*min as usize + 1, |max| max as usize);
            size(inner).saturating_add(2).saturating_mul(copies.max(1))
        }
        Node::Repeat(inner, _) => size(inner).saturating_add(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! m {
        ($name:ident, $pattern:expr, yes: [$($yes:expr),*], no: [$($no:expr),*]) => {
            #[test]
            fn $name() {
                let re = Regex::new($pattern, false).unwrap();
                $(assert!(re.is_match($yes), "{} should match {:?}", $pattern, $yes);)*
                $(assert!(!re.is_match($no), "{} should not match {:?}", $pattern, $no);)*
            }
        };
    }

    m!(literal_is_whole_term, "kim", yes: ["kim"], no: ["kimchi", "akim", ""]);
    m!(optional_group, "sanction(s|ed)?", yes: ["sanction", "sanctions", "sanctioned"], no: ["sanctio", "sanctionss"]);
    m!(dot_and_star, "p.t.*", yes: ["putin", "pat", "pit"], no: ["pt", "apt"]);
    m!(plus, "ab+c", yes: ["abc", "abbbc"], no: ["ac"]);
    m!(class_range, "[a-c]+x", yes: ["abcx", "ax"], no: ["dx", "x"]);
    m!(negated_class, "[^aeiou]+", yes: ["xyz", "ß"], no: ["xay"]);
    m!(escapes, "\\d+\\.\\d", yes: ["3.1", "10.5"], no: ["3x1", "a.1"]);
    m!(word_class, "\\w+'t", yes: ["can't", "don't"], no: ["can t"]);
    m!(case_is_folded, "PUTIN|[A-Z]im", yes: ["putin", "kim"], no: ["Kim2"]);
    m!(empty_alternative, "korea(n|)", yes: ["korea", "korean"], no: ["koreans"]);
    m!(nested_empty_loops, "(a*)*b", yes: ["b", "aaab"], no: ["aaa"]);
    m!(unicode, "caf.", yes: ["café"], no: ["cafés"]);
    m!(bracket_literal, "[]a]+", yes: ["]a]"], no: ["b"]);
    m!(anchors_at_the_ends, "^putin$", yes: ["putin"], no: ["^putin$", "putins"]);
    m!(anchors_per_alternative, "^kim$|^putin", yes: ["kim", "putin"], no: ["kimputin"]);
    m!(exact_count, "a{3}", yes: ["aaa"], no: ["aa", "aaaa"]);
    m!(count_range, "(ab){1,2}c", yes: ["abc", "ababc"], no: ["c", "abababc"]);
    m!(count_at_least, "x{2,}", yes: ["xx", "xxxxx"], no: ["x"]);
    m!(count_zero, "ba{0}c", yes: ["bc"], no: ["bac"]);

    #[test]
    fn case_sensitive_keeps_case() {
        let re = Regex::new("Kim", true).unwrap();
        assert!(re.is_match("Kim") && !re.is_match("kim"));
        let class = Regex::new("[A-Z]\\w+", true).unwrap();
        assert!(class.is_match("Putin") && !class.is_match("putin"));
    }

    #[test]
    fn pathological_patterns_stay_linear() {
        // (a|a)*…: exponential for a backtracker, linear here.
        let re = Regex::new("(a|a|aa)*(a*)*b", false).unwrap();
        let text = "a".repeat(5000);
        assert!(!re.is_match(&text));
    }

    #[test]
    fn errors_name_the_problem() {
        let err = |p: &str| Regex::new(p, false).unwrap_err().to_string();
        assert_eq!(
            err("(ab"),
            "invalid query “/(ab/”: a group is not closed: add the closing )"
        );
        assert!(err("ab)").contains("a ) has no ("));
        assert!(err("*a").contains("* has nothing to repeat"));
        assert!(err("[a-").contains("not closed"));
        assert!(err("[z-a]").contains("the range z-a is backwards"));
        assert!(err("a\\").contains("lone \\"));
        assert!(err("").contains("empty"));
        assert!(err(&"a".repeat(501)).contains("too long"));
        assert_eq!(
            err("a{1000000}"),
            "invalid query “/a{1000000}/”: {1000000}: a repetition count above 100 is not supported"
        );
        assert!(err("a{99999999999999}").contains("above 100"));
        assert!(err("a{5,2}").contains("the count {5,2} is backwards: write {2,5}"));
        assert!(err("a{x}").contains("a { must begin a count"));
        assert!(err("a{2").contains("a { must begin a count"));
        assert!(err("{2}").contains("{ has nothing to repeat"));
        assert!(err("((a{100}){100}){100}").contains("too large once its counts"));
        assert!(err("a^b").contains("^ is supported only at the start"));
        assert!(err("(^a)").contains("^ is supported only at the start"));
        assert!(err("a$b").contains("$ is supported only at the end"));
        assert!(err("\\bkim").contains("\\b (a word boundary) is not supported"));
        assert!(err("(a)\\1").contains("back-reference"));
        assert!(err("\\p{L}").contains("\\p is not a supported escape"));
        assert!(err("(?i)kim").contains("(?…) groups"));
        // Escaped, the characters are matched.
        let re = Regex::new("\\^a\\{2\\}\\$", false).unwrap();
        assert!(re.is_match("^a{2}$"));
    }

    #[test]
    fn the_budget_stops_a_costly_pattern_and_then_answers_no() {
        let re = Regex::new(&".*".repeat(200), false).unwrap();
        let long = "a".repeat(100_000);
        assert!(!re.is_match(&long) && re.too_costly());
        assert!(!re.is_match("a"), "once spent, nothing more is matched");
        let cheap = Regex::new("a+", false).unwrap();
        assert!(cheap.is_match(&long) && !cheap.too_costly());
    }
}
