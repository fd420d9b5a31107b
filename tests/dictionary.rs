//! The dictionary hook (src/tokenize/dictionary.rs) with a fake splitter in place of the
//! platform's `Intl.Segmenter`: which stretches reach it, how often it is called, how its
//! offsets come back into the text, and that texts and queries are split alike. The real
//! splitter is checked against Chromium in tests/e2e/dictionary.test.mjs.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::rc::Rc;

use proptest::prelude::*;
use text_explorer::tokenize::{is_dictionary_char, is_word_char, is_word_like};
use text_explorer::{segments, set_word_splitter, tokens, Corpus, KwicOptions};

/// The fake: every line is cut into pieces of two characters, counted from its start.
fn pairs(text: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        cuts.extend(line.char_indices().step_by(2).map(|(i, _)| line_start + i));
        line_start += line.len();
    }
    cuts
}

/// Installs `pairs` for this thread and records the strings it is given.
fn install_pairs() -> Rc<RefCell<Vec<String>>> {
    let calls = Rc::new(RefCell::new(Vec::new()));
    let seen = Rc::clone(&calls);
    set_word_splitter(Some(Box::new(move |text: &str| {
        seen.borrow_mut().push(text.to_string());
        pairs(text)
    })));
    calls
}

fn words(text: &str) -> Vec<&str> {
    tokens(text).map(|t| t.text).collect()
}

/// The naive reference: find the runs over an array of characters (Han and Kana with the
/// marks after them; Thai, Lao, Khmer and Myanmar with the letters, digits, marks and
/// connectors around them and the punctuation between two of those, but no further back than
/// the run before or an ASCII stop or colon), cut each into pairs of characters, and give the rest
/// to the plain UAX #29 path.
fn reference(text: &str) -> Vec<(usize, usize)> {
    // Extend and Format characters, and the punctuation inside words, as far as ATOMS hold them.
    let is_mark = |c: char| {
        matches!(
            c,
            '\u{300}'
                ..='\u{36F}'
                    | '\u{3099}'
                    | '\u{309A}'
                    | '\u{AD}'
                    | '\u{200C}'
                    | '\u{200D}'
                    | '\u{2060}'
                    | '\u{FE0F}'
        )
    };
    let is_mid = |c: char| matches!(c, '\'' | '.' | ':' | '’');
    let is_sa = |c: char| {
        is_dictionary_char(c)
            && matches!(c, '\u{E00}'..='\u{EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
    };
    let is_cjk = |c: char| is_dictionary_char(c) && !is_sa(c);
    let is_joiner = |c: char| {
        (is_word_char(c) || is_mark(c) || c == '_' || is_sa(c))
            && !is_cjk(c)
            && !('\u{AC00}'..='\u{D7A3}').contains(&c)
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let c = |i: usize| chars[i].1;
    // Runs as ranges of character indices.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if is_cjk(c(i)) {
            let mut j = i + 1;
            while j < n && (is_cjk(c(j)) || is_mark(c(j))) {
                j += 1;
            }
            runs.push((i, j));
            i = j;
        } else if is_sa(c(i)) {
            let floor = runs.last().map_or(0, |r| r.1);
            let mut s = i;
            loop {
                if s > floor && is_joiner(c(s - 1)) {
                    s -= 1;
                } else if s > floor + 1
                    && !c(s - 1).is_ascii()
                    && is_mid(c(s - 1))
                    && is_joiner(c(s - 2))
                {
                    s -= 2;
                } else {
                    break;
                }
            }
            let mut e = i + 1;
            loop {
                if e < n && is_joiner(c(e)) {
                    e += 1;
                } else if e + 1 < n && is_mid(c(e)) && is_joiner(c(e + 1)) {
                    e += 2;
                } else {
                    break;
                }
            }
            runs.push((s, e));
            i = e;
        } else {
            i += 1;
        }
    }
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut out = Vec::new();
    let mut stretch = 0; // where the text after the last run starts, in bytes
    for (s, e) in runs {
        for t in segments(&text[stretch..byte(s)]) {
            out.push((stretch + t.start, stretch + t.end));
        }
        for k in (s..e).step_by(2) {
            let (from, to) = (byte(k), byte((k + 2).min(e)));
            if is_word_like(&text[from..to]) {
                out.push((from, to));
            }
        }
        stretch = byte(e);
    }
    for t in segments(&text[stretch..]) {
        out.push((stretch + t.start, stretch + t.end));
    }
    out
}

#[test]
fn without_a_splitter_each_ideograph_is_a_word() {
    set_word_splitter(None);
    assert_eq!(words("中华人民 ok"), ["中", "华", "人", "民", "ok"]);
}

#[test]
fn runs_are_cut_where_the_splitter_says() {
    let calls = install_pairs();
    assert_eq!(
        words("中华人民共和国成立了。Thai: ภาษาไทย! カタカナ"),
        [
            "中华", "人民", "共和", "国成", "立了", "Thai", "ภา", "ษา", "ไท", "ย", "カタ", "カナ"
        ]
    );
    // One call for the text, each run on a line of its own.
    assert_eq!(
        *calls.borrow(),
        ["中华人民共和国成立了\nภาษาไทย\nカタカナ\n"]
    );
}

#[test]
fn the_splitter_is_called_once_per_text_and_not_for_other_scripts() {
    let calls = install_pairs();
    let mut text = String::new();
    for _ in 0..1000 {
        text.push_str("中文，“日本”。 ");
    }
    assert_eq!(tokens(&text).count(), 2000);
    assert_eq!(calls.borrow().len(), 1);
    // ASCII, Latin, Cyrillic, Hangul and emoji: no run, no call.
    for text in [
        "plain ascii",
        "café naïve",
        "Москва",
        "한국어 텍스트",
        "🦀 ✓ – “x”",
    ] {
        assert!(!words(text).is_empty());
    }
    assert_eq!(calls.borrow().len(), 1);
}

#[test]
fn marks_stay_with_the_run_and_a_run_may_follow_ascii_in_a_chunk() {
    install_pairs();
    // Thai vowel and tone marks (Mn) are in the run; a combining voiced sound mark too.
    assert_eq!(words("ก่อน"), ["ก่", "อน"]);
    assert_eq!(words("abcか\u{3099}き"), ["abc", "か\u{3099}", "き"]);
    assert_eq!(words("x=日本;y"), ["x", "日本", "y"]);
}

#[test]
fn digits_stay_out_of_chinese_runs_and_join_thai_ones() {
    let calls = install_pairs();
    // ICU breaks between Han and anything else.
    assert_eq!(words("2024年3月"), ["2024", "年", "3", "月"]);
    // It treats Thai, Lao, Khmer and Myanmar as letters: what UAX #29 joins to a letter
    // (digits, Latin, `_`, a colon or stop between two of them) is in the run, for the
    // platform to split as its rules say.
    assert_eq!(
        words("ไทย๑๒ (abcไทย:ไทย) ไทย"),
        ["ไท", "ย๑", "๒", "ab", "cไ", "ทย", ":ไ", "ทย", "ไท", "ย"]
    );
    assert_eq!(*calls.borrow(), ["年\n月\n", "ไทย๑๒\nabcไทย:ไทย\nไทย\n"]);
}

#[test]
fn offsets_the_splitter_gets_wrong_are_ignored() {
    // Inside a character, repeated, going back, at the newlines, past the end: none panics,
    // and every word is still a span of the text.
    let text = "中文 日本語";
    // Joined: 中 0..3, 文 3..6, newline 6, 日 7..10, 本 10..13, 語 13..16, newline 16.
    set_word_splitter(Some(Box::new(|_: &str| {
        vec![0, 1, 3, 3, 2, 6, 7, 8, 13, 10, 99, 10]
    })));
    let got: Vec<_> = tokens(text).map(|t| (t.start, t.end, t.text)).collect();
    for &(start, end, word) in &got {
        assert_eq!(&text[start..end], word);
    }
    // 3 cuts the first run; 13 the second (10 comes after it, and everything after 99).
    assert_eq!(
        got.iter().map(|w| w.2).collect::<Vec<_>>(),
        ["中", "文", "日本", "語"]
    );
    set_word_splitter(Some(Box::new(|_: &str| vec![usize::MAX, 3])));
    assert_eq!(words("中文，日本語"), ["中文", "日本語"]);
    // A splitter that finds nothing: each run is one word.
    set_word_splitter(Some(Box::new(|_: &str| Vec::new())));
    assert_eq!(words("中文，日本語"), ["中文", "日本語"]);
}

#[test]
fn a_two_character_query_finds_the_word_and_a_longer_one_is_a_phrase() {
    install_pairs();
    let mut corpus = Corpus::new();
    corpus.add_document("zh", "我们人民，人民共和国。").unwrap();
    // The text's words: 我们 人民 人民 共和 国.
    let page = corpus.kwic("人民", &KwicOptions::default()).unwrap();
    let hits: Vec<_> = page.lines.iter().map(|l| l.keyword).collect();
    assert_eq!(hits, ["人民", "人民"]);
    // Split into 人民 + 共和: a phrase of the two, found once.
    let page = corpus.kwic("人民共和", &KwicOptions::default()).unwrap();
    let hits: Vec<_> = page.lines.iter().map(|l| (l.keyword, l.tokens)).collect();
    assert_eq!(hits, [("人民共和", 2)]);
    // Without the splitter the same text has one word a character.
    set_word_splitter(None);
    let mut plain = Corpus::new();
    plain.add_document("zh", "我们人民，人民共和国。").unwrap();
    assert_eq!(plain.document(0).unwrap().token_count(), 9);
}

/// Pieces of text that meet at every edge that matters: runs of each script, with marks,
/// next to ASCII, Latin, digits, punctuation and spaces.
const ATOMS: &[&str] = &[
    "中华",
    "人民",
    "国",
    "々",
    "日本語",
    "ひらがな",
    "カタカナ",
    "ー",
    "ｶﾀｶﾅ",
    "か\u{3099}",
    "ภาษาไทย",
    "ก่อน",
    "ๆ",
    "ພາສາລາວ",
    "ភាសាខ្មែរ",
    "မြန်မာ",
    "１２",
    "๑๒",
    "2024",
    "abc",
    "Putin’s",
    "café",
    "e\u{301}",
    "\u{301}",
    "\u{AD}",
    "\u{200B}",
    "한국어",
    "🦀",
    "👍🏽",
    "，",
    "。",
    "「",
    "」",
    "、",
    ".",
    ",",
    "'",
    ":",
    "_",
    "-",
    " ",
    "  ",
    "\n",
    "x",
    "Ω",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ATOMS), 0..40).prop_map(|atoms| atoms.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn words_equal_the_naive_reference(text in text()) {
        let calls = install_pairs();
        let got: Vec<(usize, usize)> = tokens(&text).map(|t| (t.start, t.end)).collect();
        prop_assert_eq!(&got, &reference(&text), "text {:?}", text);
        prop_assert!(calls.borrow().len() <= 1);
        for t in tokens(&text) {
            prop_assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}

/// A wildcard right after words written without spaces extends them: `中*` is the words that
/// start with 中, `中国*` those that start with 中国 (the wildcard's stand-in letter is not
/// Chinese, so the text's rules alone would make it a word of its own, and an error).
#[test]
fn a_wildcard_after_chinese_words_is_a_prefix_of_them() {
    install_pairs();
    let mut corpus = Corpus::new();
    // The text's words (pairs): 中国 人民 中心 在中 国.
    corpus.add_document("zh", "中国人民中心在中国。").unwrap();
    let keywords = |query: &str| -> Vec<String> {
        let page = corpus
            .kwic(query, &KwicOptions::default())
            .unwrap_or_else(|e| panic!("{query}: {e}"));
        page.lines.iter().map(|l| l.keyword.to_string()).collect()
    };
    assert_eq!(keywords("中*"), ["中国", "中心"]);
    assert_eq!(keywords("中国*"), ["中国"]);
    assert_eq!(keywords("人*"), ["人民"]);
    // Split into two words by the splitter (中国 + 人民): the prefix is both, which no
    // single word starts with.
    assert!(keywords("中国人*").is_empty());
    // Latin is untouched: `north-kor*` is the phrase north + kor*.
    let mut latin = Corpus::new();
    latin
        .add_document("en", "North-Korea and north korean.")
        .unwrap();
    let page = latin.kwic("north-kor*", &KwicOptions::default()).unwrap();
    assert_eq!(page.total, 2);
    set_word_splitter(None);
}
