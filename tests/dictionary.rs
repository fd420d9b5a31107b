//! The dictionary hook (src/tokenize/dictionary.rs) with a fake splitter in place of the
//! platform's `Intl.Segmenter`: which stretches reach it, how often it is called, how its
//! offsets come back into the text, and that texts and queries are split alike. The real
//! splitter is checked against Chromium in tests/e2e/dictionary.test.mjs.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::rc::Rc;

use proptest::prelude::*;
use text_explorer::tokenize::{is_dictionary_char, is_word_like};
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

/// The naive reference: find the runs character by character (a dictionary character, then
/// dictionary characters or marks), cut each into pairs of characters, and give the rest to
/// the plain UAX #29 path.
fn reference(text: &str) -> Vec<(usize, usize)> {
    let is_mark = |c: char| {
        // Extend and Format characters, as far as these tests' texts hold them.
        matches!(c, '\u{300}'..='\u{36F}' | '\u{E31}' | '\u{E34}'..='\u{E3A}' | '\u{E47}'..='\u{E4E}' | '\u{3099}' | '\u{309A}' | '\u{AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FE0F}')
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut stretch = 0; // where the current non-run stretch starts
    let plain = |from: usize, to: usize, out: &mut Vec<(usize, usize)>| {
        for t in segments(&text[from..to]) {
            out.push((from + t.start, from + t.end));
        }
    };
    while i < chars.len() {
        if !is_dictionary_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        plain(stretch, start, &mut out);
        let mut j = i + 1;
        while j < chars.len() && (is_dictionary_char(chars[j].1) || is_mark(chars[j].1)) {
            j += 1;
        }
        for k in (i..j).step_by(2) {
            let from = chars[k].0;
            let to = chars.get((k + 2).min(j)).map_or(text.len(), |c| c.0);
            if is_word_like(&text[from..to]) {
                out.push((from, to));
            }
        }
        stretch = chars.get(j).map_or(text.len(), |c| c.0);
        i = j;
    }
    plain(stretch, text.len(), &mut out);
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
fn digits_and_punctuation_are_not_in_runs() {
    let calls = install_pairs();
    assert_eq!(words("2024年3月"), ["2024", "年", "3", "月"]);
    assert_eq!(words("ไทย๑๒"), ["ไท", "ย", "๑๒"]);
    assert_eq!(*calls.borrow(), ["年\n月\n", "ไทย\n"]);
}

#[test]
fn offsets_the_splitter_gets_wrong_are_ignored() {
    // Out of range, inside a character, unsorted, repeated, at the newlines: none panics,
    // and every word is still a span of the text.
    set_word_splitter(Some(Box::new(|text: &str| {
        vec![usize::MAX, text.len() + 5, 1, 4, 3, 3, 0, text.len(), 7]
    })));
    let text = "中文 日本語";
    let got: Vec<_> = tokens(text).map(|t| (t.start, t.end, t.text)).collect();
    for &(start, end, word) in &got {
        assert_eq!(&text[start..end], word);
    }
    // 3 is the only good cut in the first run; 7 (the newline) is none; in the second run
    // (joined from 7) nothing.
    assert_eq!(
        got.iter().map(|w| w.2).collect::<Vec<_>>(),
        ["中", "文", "日本語"]
    );
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
