//! The Snowball English stemmer ("Porter2", Martin Porter's revision of his 1980 algorithm,
//! as published at snowballstem.org/algorithms/english/stemmer.html), for `~word` queries:
//! `~sanction` finds sanction, sanctions, sanctioned and sanctioning, the terms whose stem is
//! the stem of the query word. Written out here, a few hundred lines, rather than taken from a
//! crate that carries every language's tables (the wasm has a size budget).
//!
//! Terms outside ASCII letters and `'` are returned unchanged: the algorithm is for English.

/// The stem of an English word (lowercase, as terms are).
///
/// ```
/// use text_explorer::stem::stem;
/// assert_eq!(stem("sanctioned"), "sanction");
/// assert_eq!(stem("consolingly"), "consol");
/// assert_eq!(stem("generously"), "generous");
/// ```
pub fn stem(word: &str) -> String {
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        return word.to_string();
    }
    let word = word.strip_prefix('\'').unwrap_or(word);
    if let Some(special) = exception1(word) {
        return special.to_string();
    }
    // Work on bytes; `Y` marks a consonant y (initial, or after a vowel).
    let mut w: Vec<u8> = word.bytes().collect();
    for i in 0..w.len() {
        if w[i] == b'y' && (i == 0 || is_vowel(w[i - 1])) {
            w[i] = b'Y';
        }
    }
    let r1 = region1(&w);
    let r2 = region_after(&w, r1);
    let mut s = Stemmer { w, r1, r2 };
    s.step0();
    s.step1a();
    let word_now = String::from_utf8_lossy(&s.w).into_owned();
    if EXCEPTION2.contains(&word_now.as_str()) {
        return word_now;
    }
    s.step1b();
    s.step1c();
    s.step2();
    s.step3();
    s.step4();
    s.step5();
    s.w.iter()
        .map(|&b| if b == b'Y' { 'y' } else { b as char })
        .collect()
}

/// Words left as they are after step 1a.
const EXCEPTION2: &[&str] = &[
    "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
];

fn exception1(word: &str) -> Option<&'static str> {
    Some(match word {
        "skis" => "ski",
        "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" => "sky",
        "news" => "news",
        "howe" => "howe",
        "atlas" => "atlas",
        "cosmos" => "cosmos",
        "bias" => "bias",
        "andes" => "andes",
        _ => return None,
    })
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// R1: after the first non-vowel that follows a vowel; after `gener`, `commun` or `arsen`
/// for words that start so.
fn region1(w: &[u8]) -> usize {
    for prefix in [&b"gener"[..], b"commun", b"arsen"] {
        if w.starts_with(prefix) {
            return prefix.len();
        }
    }
    region_after(w, 0)
}

/// The region after the first non-vowel following a vowel, searched from `from`.
fn region_after(w: &[u8], from: usize) -> usize {
    (from + 1..w.len())
        .find(|&i| !is_vowel(w[i]) && is_vowel(w[i - 1]))
        .map_or(w.len(), |i| i + 1)
}

struct Stemmer {
    w: Vec<u8>,
    r1: usize,
    r2: usize,
}

impl Stemmer {
    fn ends(&self, suffix: &str) -> bool {
        self.w.ends_with(suffix.as_bytes())
    }

    /// The longest of `suffixes` the word ends with.
    fn longest<'a>(&self, suffixes: &[&'a str]) -> Option<&'a str> {
        suffixes
            .iter()
            .filter(|s| self.ends(s))
            .max_by_key(|s| s.len())
            .copied()
    }

    /// The rule with the longest suffix that the word ends with.
    fn longest_rule<'a>(&self, rules: &[(&'a str, &'a str)]) -> Option<(&'a str, &'a str)> {
        rules
            .iter()
            .filter(|(s, _)| self.ends(s))
            .max_by_key(|(s, _)| s.len())
            .copied()
    }

    fn start_of(&self, suffix: &str) -> usize {
        self.w.len() - suffix.len()
    }

    fn replace(&mut self, suffix: &str, by: &str) {
        let at = self.start_of(suffix);
        self.w.truncate(at);
        self.w.extend_from_slice(by.as_bytes());
    }

    fn has_vowel(&self, to: usize) -> bool {
        self.w[..to].iter().any(|&b| is_vowel(b))
    }

    /// A short syllable ends at `end` (exclusive): a vowel followed by a non-vowel other than
    /// w, x or Y and preceded by a non-vowel; or, at the start, a vowel then a non-vowel.
    fn short_syllable_at(&self, end: usize) -> bool {
        let w = &self.w;
        if end == 2 {
            return is_vowel(w[0]) && !is_vowel(w[1]);
        }
        end >= 3
            && !is_vowel(w[end - 3])
            && is_vowel(w[end - 2])
            && !is_vowel(w[end - 1])
            && !matches!(w[end - 1], b'w' | b'x' | b'Y')
    }

    fn is_short(&self) -> bool {
        self.r1 >= self.w.len() && self.short_syllable_at(self.w.len())
    }

    fn step0(&mut self) {
        if let Some(s) = self.longest(&["'s'", "'s", "'"]) {
            self.replace(s, "");
        }
    }

    fn step1a(&mut self) {
        match self.longest(&["sses", "ied", "ies", "us", "ss", "s"]) {
            Some("sses") => self.replace("sses", "ss"),
            Some(s @ ("ied" | "ies")) => {
                let by = if self.start_of(s) > 1 { "i" } else { "ie" };
                self.replace(s, by);
            }
            Some("s") => {
                // Delete if a vowel comes before the letter just before the s.
                let at = self.start_of("s");
                if at >= 2 && self.has_vowel(at - 1) {
                    self.replace("s", "");
                }
            }
            _ => {}
        }
    }

    fn step1b(&mut self) {
        match self.longest(&["eed", "eedly", "ed", "edly", "ing", "ingly"]) {
            Some(s @ ("eed" | "eedly")) if self.start_of(s) >= self.r1 => self.replace(s, "ee"),
            // Outside R1, "eed" is left as it is, and no shorter suffix is tried.
            Some("eed" | "eedly") => {}
            Some(s) => {
                let at = self.start_of(s);
                if !self.has_vowel(at) {
                    return;
                }
                self.w.truncate(at);
                if self.ends("at") || self.ends("bl") || self.ends("iz") {
                    self.w.push(b'e');
                } else if ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]
                    .iter()
                    .any(|d| self.ends(d))
                {
                    self.w.pop();
                } else if self.is_short() {
                    self.w.push(b'e');
                }
            }
            None => {}
        }
    }

    fn step1c(&mut self) {
        let n = self.w.len();
        if n > 2 && matches!(self.w[n - 1], b'y' | b'Y') && !is_vowel(self.w[n - 2]) {
            self.w[n - 1] = b'i';
        }
    }

    fn step2(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("tional", "tion"),
            ("enci", "ence"),
            ("anci", "ance"),
            ("abli", "able"),
            ("entli", "ent"),
            ("izer", "ize"),
            ("ization", "ize"),
            ("ational", "ate"),
            ("ation", "ate"),
            ("ator", "ate"),
            ("alism", "al"),
            ("aliti", "al"),
            ("alli", "al"),
            ("fulness", "ful"),
            ("ousli", "ous"),
            ("ousness", "ous"),
            ("iveness", "ive"),
            ("iviti", "ive"),
            ("biliti", "ble"),
            ("bli", "ble"),
            ("ogi", "og"),
            ("fulli", "ful"),
            ("lessli", "less"),
            ("li", ""),
        ];
        let Some((suffix, by)) = self.longest_rule(RULES) else {
            return;
        };
        let at = self.start_of(suffix);
        if at < self.r1 {
            return;
        }
        match suffix {
            "ogi" if !(at >= 1 && self.w[at - 1] == b'l') => {}
            "li" if !(at >= 1 && b"cdeghkmnrt".contains(&self.w[at - 1])) => {}
            _ => self.replace(suffix, by),
        }
    }

    fn step3(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("tional", "tion"),
            ("ational", "ate"),
            ("alize", "al"),
            ("icate", "ic"),
            ("iciti", "ic"),
            ("ical", "ic"),
            ("ful", ""),
            ("ness", ""),
            ("ative", ""),
        ];
        let Some((suffix, by)) = self.longest_rule(RULES) else {
            return;
        };
        let at = self.start_of(suffix);
        if at < self.r1 || (suffix == "ative" && at < self.r2) {
            return;
        }
        self.replace(suffix, by);
    }

    fn step4(&mut self) {
        const SUFFIXES: &[&str] = &[
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
            "ate", "iti", "ous", "ive", "ize", "ion",
        ];
        let Some(suffix) = self.longest(SUFFIXES) else {
            return;
        };
        let at = self.start_of(suffix);
        if at < self.r2 {
            return;
        }
        if suffix == "ion" && !(at >= 1 && matches!(self.w[at - 1], b's' | b't')) {
            return;
        }
        self.replace(suffix, "");
    }

    fn step5(&mut self) {
        let n = self.w.len();
        if self.ends("e") {
            let at = n - 1;
            if at >= self.r2 || (at >= self.r1 && !self.short_syllable_at(at)) {
                self.w.pop();
            }
        } else if self.ends("l") && n > self.r2 && n >= 2 && self.w[n - 2] == b'l' {
            self.w.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pairs from the sample vocabulary and output published with the algorithm
    /// (snowballstem.org, English stemmer: voc.txt → output.txt).
    #[test]
    fn published_examples() {
        let pairs = [
            ("consign", "consign"),
            ("consigned", "consign"),
            ("consigning", "consign"),
            ("consignment", "consign"),
            ("consist", "consist"),
            ("consisted", "consist"),
            ("consistency", "consist"),
            ("consistent", "consist"),
            ("consistently", "consist"),
            ("consisting", "consist"),
            ("consists", "consist"),
            ("consolation", "consol"),
            ("consolations", "consol"),
            ("consolatory", "consolatori"),
            ("console", "consol"),
            ("consoled", "consol"),
            ("consoles", "consol"),
            ("consolidate", "consolid"),
            ("consolidated", "consolid"),
            ("consolidating", "consolid"),
            ("consoling", "consol"),
            ("consolingly", "consol"),
            ("consols", "consol"),
            ("consonant", "conson"),
            ("consort", "consort"),
            ("consorted", "consort"),
            ("consorting", "consort"),
            ("conspicuous", "conspicu"),
            ("conspicuously", "conspicu"),
            ("conspiracy", "conspiraci"),
            ("conspirator", "conspir"),
            ("conspirators", "conspir"),
            ("conspire", "conspir"),
            ("conspired", "conspir"),
            ("conspiring", "conspir"),
            ("constable", "constabl"),
            ("constables", "constabl"),
            ("constance", "constanc"),
            ("constancy", "constanc"),
            ("constant", "constant"),
            ("knack", "knack"),
            ("knackeries", "knackeri"),
            ("knacks", "knack"),
            ("knag", "knag"),
            ("knave", "knave"),
            ("knaves", "knave"),
            ("knavish", "knavish"),
            ("kneaded", "knead"),
            ("kneading", "knead"),
            ("knee", "knee"),
            ("kneel", "kneel"),
            ("kneeled", "kneel"),
            ("kneeling", "kneel"),
            ("kneels", "kneel"),
            ("knees", "knee"),
            ("knell", "knell"),
            ("knelt", "knelt"),
            ("knew", "knew"),
            ("knick", "knick"),
            ("knif", "knif"),
            ("knife", "knife"),
            ("knight", "knight"),
            ("knightly", "knight"),
            ("knights", "knight"),
            ("knit", "knit"),
            ("knits", "knit"),
            ("knitted", "knit"),
            ("knitting", "knit"),
            ("knives", "knive"),
            ("knob", "knob"),
            ("knobs", "knob"),
            ("knock", "knock"),
            ("knocked", "knock"),
            ("knocker", "knocker"),
            ("knockers", "knocker"),
            ("knocking", "knock"),
            ("knocks", "knock"),
            ("knopp", "knopp"),
            ("knot", "knot"),
            ("knots", "knot"),
        ];
        for (word, expected) in pairs {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn rules_and_exceptions() {
        let pairs = [
            ("sanctions", "sanction"),
            ("sanctioning", "sanction"),
            ("cries", "cri"),
            ("ties", "tie"),
            ("gas", "gas"),
            ("gaps", "gap"),
            ("kiwis", "kiwi"),
            ("skies", "sky"),
            ("dying", "die"),
            ("inning", "inning"),
            ("hopping", "hop"),
            ("hoping", "hope"),
            ("cry", "cri"),
            ("say", "say"),
            ("by", "by"),
            ("generously", "generous"),
            ("communism", "communism"),
            ("agreed", "agre"),
            ("feed", "feed"),
            ("putin's", "putin"),
            ("café", "café"),
            ("11,000", "11,000"),
        ];
        for (word, expected) in pairs {
            assert_eq!(stem(word), expected, "{word}");
        }
    }
}
