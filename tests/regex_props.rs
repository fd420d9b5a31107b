//! Property: the crate's linear-time regular expressions (src/query/regex.rs) agree with the
//! `regex` crate (a test-only reference) on random patterns and words, matched whole.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use text_explorer::regex::Regex;

fn pattern() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(vec![
        "a", "b", "c", "A", "B", ".", "[ab]", "[^a]", "[a-c]", "[A-C]", "[^B]", "\\d", "\\w",
        "\\D", "1", "\\.",
    ])
    .prop_map(String::from);
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(|v| v.concat()),
            prop::collection::vec(inner.clone(), 2..4).prop_map(|v| format!("({})", v.join("|"))),
            (
                inner,
                prop::sample::select(vec!["?", "*", "+", "{2}", "{0,2}", "{1,}", "{0}"])
            )
                .prop_map(|(p, op)| format!("({p}){op}")),
        ]
    })
}

fn word() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!['a', 'b', 'c', 'A', 'B', '1', '.', 'é']),
        0..8,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn case_sensitive_matches_agree_with_the_regex_crate(p in pattern(), w in word()) {
        let ours = Regex::new(&p, true).unwrap();
        let reference = regex::Regex::new(&format!("^(?:{p})$")).unwrap();
        prop_assert_eq!(ours.is_match(&w), reference.is_match(&w), "/{}/ on {:?}", p, w);
    }

    #[test]
    fn anchors_at_the_ends_change_nothing(p in pattern(), w in word()) {
        let anchored = Regex::new(&format!("^{p}$"), true).unwrap();
        prop_assert_eq!(anchored.is_match(&w), Regex::new(&p, true).unwrap().is_match(&w));
    }

    #[test]
    fn case_insensitive_matches_agree_on_lowercase_terms(p in pattern(), w in word()) {
        let w = w.to_lowercase();
        let ours = Regex::new(&p, false).unwrap();
        let reference = regex::Regex::new(&format!("(?i)^(?:{p})$")).unwrap();
        prop_assert_eq!(ours.is_match(&w), reference.is_match(&w), "/{}/ on {:?}", p, w);
    }
}
