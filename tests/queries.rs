//! The richer query syntax end to end through `kwic`: regular expressions over terms, case
//! sensitivity and the proximity filter.

mod common;

use common::{corpus, keywords};
use text_explorer::{CollocateOptions, Corpus, DispersionOptions, KwicOptions};

macro_rules! q {
    ($name:ident, $text:expr, $query:expr, $case:expr, [$($kw:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let c = corpus(&[$text]);
            let expected: Vec<String> = vec![$($kw.to_string()),*];
            assert_eq!(keywords(&c, $query, $case), expected);
        }
    };
}

q!(
    regex_alternatives_inside_slashes,
    "sanction sanctions sanctioned sanctioning Sanctions",
    "/sanction(s|ed)?/",
    false,
    ["sanction", "sanctions", "sanctioned", "Sanctions"]
);
q!(
    regex_as_one_alternative,
    "Kim met Putin and Trump",
    "/p.tin/|trump",
    false,
    ["Putin", "Trump"]
);
q!(
    regex_in_a_phrase,
    "North Korea and South Korea and East Timor",
    "\"/(north|south)/ korea\"",
    false,
    ["North Korea", "South Korea"]
);
q!(
    regex_matches_terms_so_possessives_count,
    "Putin’s plane; putin",
    "/putin/",
    false,
    ["Putin’s", "putin"]
);
q!(
    regex_class_is_case_insensitive_by_default,
    "Kim kim KIM",
    "/[K]im/",
    false,
    ["Kim", "kim", "KIM"]
);
q!(
    case_sensitive_word,
    "Kim kim KIM Kim’s",
    "Kim",
    true,
    ["Kim", "Kim’s"]
);
q!(
    case_sensitive_wildcard,
    "Korea korean Korean",
    "Kor*",
    true,
    ["Korea", "Korean"]
);
q!(case_sensitive_regex, "US us Us", "/[A-Z]+/", true, ["US"]);
q!(
    case_sensitive_phrase,
    "North Korea north Korea",
    "\"North Korea\"",
    true,
    ["North Korea"]
);
// Tokens: kim0 a1 b2 c3 putin4 d5 e6 f7 g8 h9 kim10 | putin11 kim12
q!(
    near_within_distance_either_side,
    "Kim a b c Putin d e f g h Kim. Putin Kim",
    "kim NEAR/4 putin",
    false,
    ["Kim", "Kim", "Kim"]
);
q!(
    near_counts_words_between,
    "Kim a b c Putin",
    "kim NEAR/3 putin",
    false,
    []
);
q!(
    near_with_phrases_and_alternatives,
    "North Korea said Russia would help. Later, much later, the North Korea talks",
    "\"north korea\" NEAR/2 russia|china",
    false,
    ["North Korea"]
);
q!(
    near_excludes_the_hit_itself,
    "kim alone here",
    "kim NEAR/5 kim",
    false,
    []
);

#[test]
fn query_errors_name_the_problem() {
    let c = corpus(&["text"]);
    let err = |q: &str| c.kwic(q, &KwicOptions::default()).unwrap_err().to_string();
    assert!(
        err("/sanction(s|ed/").contains("a group is not closed"),
        "{}",
        err("/sanction(s|ed/")
    );
    assert!(err("/abc").contains("a regular expression is not closed"));
    assert!(err("kim NEAR/0 putin").contains("from 1 to 50"));
    assert!(err("kim NEAR/x putin").contains("NEAR/x"));
    assert!(err("NEAR/3 putin").contains("on each side of NEAR/3"));
}

#[test]
fn collocates_and_dispersion_take_the_same_queries() {
    let c = corpus(&["Sanctions hit. New sanctions hit hard. Sanctioned firms hit back."]);
    let found = c
        .collocates("/sanction(s|ed)?/", &CollocateOptions::default())
        .unwrap();
    assert_eq!(found.hits, 3);
    assert_eq!(found.rows[0].term, "hit");
    let cased = c
        .collocates(
            "Sanctions",
            &CollocateOptions {
                case_sensitive: true,
                min_count: 1,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(cased.hits, 1);
    let spread = c
        .dispersion("hit NEAR/1 hard", &DispersionOptions::default())
        .unwrap();
    assert_eq!(spread.docs[0].positions, [4]);
}

/// A corpus of one English text (declared: too short a text may not be detected).
fn english(text: &str) -> Corpus {
    let mut corpus = Corpus::new();
    corpus
        .add_in("doc 0", text.to_string(), Some("en"))
        .unwrap();
    corpus
}

#[test]
fn stem_finds_word_forms() {
    let c = english("Sanction, sanctions, sanctioned and sanctioning; sanctity");
    assert_eq!(
        keywords(&c, "~sanctions", false),
        ["Sanction", "sanctions", "sanctioned", "sanctioning"]
    );
}

#[test]
fn stem_in_a_phrase_and_alternative() {
    let c = english("new sanctions; new sanction; new sanctity; talks");
    assert_eq!(
        keywords(&c, "\"new ~sanction\"|~talking", false),
        ["new sanctions", "new sanction", "talks"]
    );
}

#[test]
fn stem_in_an_unknown_language_is_the_word_itself() {
    let mut c = english("new sanctions; new sanction; talks");
    c.set_language(0, None).unwrap();
    assert_eq!(keywords(&c, "~sanction", false), ["sanction"]);
    // Word forms have no case: a case-sensitive `~Sanction` finds `sanction` too.
    assert_eq!(keywords(&c, "~Sanction", true), ["sanction"]);
}

#[test]
fn stem_needs_a_word() {
    let c = corpus(&["text"]);
    let err = c
        .kwic("~ kim", &KwicOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("~ needs a word"), "{err}");
}

q!(
    regex_anchors_at_the_ends_are_accepted,
    "Putin met Kim; putinism",
    "/^putin$/",
    false,
    ["Putin"]
);

#[test]
fn an_unsupported_count_is_named_not_silently_empty() {
    let err = corpus(&["a aa aaa"])
        .kwic("/a{1000000}/", &KwicOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("a repetition count above 100 is not supported"),
        "{err}"
    );
}

#[test]
fn an_error_quotes_a_short_excerpt_of_a_long_query() {
    let c = corpus(&["kim met putin"]);
    // 5,000 characters and an unclosed quote: the message quotes 60 of them and "…".
    let query = format!("\"{}", "kim ".repeat(1250));
    let err = c
        .kwic(&query, &KwicOptions::default())
        .unwrap_err()
        .to_string();
    let quoted = format!("“{}…”", query.chars().take(60).collect::<String>());
    assert!(err.contains(&quoted), "{err}");
    assert!(
        err.chars().count() < 200,
        "{} characters",
        err.chars().count()
    );
    // A short one is quoted whole.
    let err = c
        .kwic("\"kim", &KwicOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("“\"kim”"), "{err}");
}
