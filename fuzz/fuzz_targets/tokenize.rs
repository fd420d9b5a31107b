//! Tokenising and indexing arbitrary text: spans, the word rule, elisions (`tokens_in`),
//! `normalize`, sentence counting and `Corpus::add_document` agree with each other and never
//! panic.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use text_explorer::tokenize::{count_sentences, is_word_char, is_word_like};
use text_explorer::{normalize, tokens, tokens_in, Corpus, KwicOptions, TermsOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;

    // Tokens: spans inside the text, on char boundaries, covering exactly `token.text`,
    // non-empty, strictly increasing and non-overlapping, each one word-like.
    let toks: Vec<_> = tokens(text).collect();
    let mut prev_end = 0;
    for t in &toks {
        assert!(t.start < t.end, "empty token {t:?}");
        assert!(t.end <= text.len(), "token past the end {t:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert_eq!(&text[t.start..t.end], t.text);
        assert!(
            t.start >= prev_end,
            "overlapping or out-of-order token {t:?}"
        );
        prev_end = t.end;
        assert!(is_word_like(t.text), "token is not word-like {t:?}");
    }
    // Tokens only ever take word chars from the text (not every word char is in a token:
    // like ICU, a ZWJ joining an emoji (`a‍🦀`) or a mark after a Hangul syllable makes a
    // segment that is not a word; and `__` is a word with no letter).
    let word_chars = |s: &str| s.chars().filter(|&c| is_word_char(c)).count();
    let in_text = word_chars(text);
    let in_tokens: usize = toks.iter().map(|t| word_chars(t.text)).sum();
    assert!(in_tokens <= in_text);

    // The iterator is restartable and deterministic.
    assert_eq!(tokens(text).count(), toks.len());

    // Elisions: in a language with them, each word of `tokens` is given whole or cut in two
    // adjacent word-like pieces, the first ending in an apostrophe (and its marks).
    for language in ["fr", "it", "ca"] {
        let mut pieces = tokens_in(text, Some(language));
        for t in &toks {
            let first = pieces.next().expect("tokens_in lost a word");
            assert_eq!(first.start, t.start, "{language}: {first:?} for {t:?}");
            if first.end != t.end {
                let second = pieces.next().expect("tokens_in lost the end of a word");
                assert_eq!((first.end, second.end), (second.start, t.end), "{language}: {t:?}");
                assert_eq!(&text[first.start..first.end], first.text);
                assert_eq!(&text[second.start..second.end], second.text);
                assert!(first.text.contains(['\'', '\u{2019}']), "{language}: {first:?}");
                assert!(is_word_like(second.text), "{language}: {second:?}");
            }
        }
        assert!(pieces.next().is_none(), "{language}: tokens_in made up a word");
    }
    assert_eq!(tokens_in(text, None).collect::<Vec<_>>(), toks);

    // Sentences: no panic; some sentence counts iff there is a word. (Not asserted:
    // `<= tokens`, as a word could straddle a sentence break.)
    let sentences = count_sentences(text);
    assert_eq!(sentences > 0, !toks.is_empty());
    assert!(sentences <= text.chars().count());

    // normalize: never panics, never empty for a non-empty word, no curly apostrophes,
    // and a term normalises to itself unless it still ends in a possessive 's
    // ("Putin's's" → "putin's" → "putin"), which normalize removes once per call.
    let mut terms = HashSet::new();
    for t in &toks {
        check_normalize(t.text);
        terms.insert(normalize(t.text));
    }
    check_normalize(text);

    // add_document: an error exactly when the text is blank or has no words; otherwise the
    // document agrees with `tokens`.
    let mut corpus = Corpus::new();
    match corpus.add_document("fuzz", text) {
        Err(_) => {
            assert!(
                text.trim().is_empty() || toks.is_empty(),
                "rejected a text with words"
            );
            assert!(corpus.documents().is_empty());
        }
        Ok(id) => {
            assert!(!toks.is_empty());
            let doc = corpus.document(id).unwrap();
            assert_eq!(doc.text(), text);
            assert_eq!(doc.token_count(), toks.len());
            assert_eq!(doc.chars(), text.chars().count());
            assert_eq!(doc.sentences(), sentences);
            assert_eq!(doc.types(), terms.len());
            assert_eq!(corpus.types(), terms.len());
            for (i, t) in toks.iter().enumerate() {
                assert_eq!(doc.span(i), (t.start, t.end));
            }
            // UTF-16 offsets agree with a direct count, at every token edge and the end.
            // (A running count: the edges are in increasing order.)
            let (mut at, mut units) = (0, 0);
            for byte in toks
                .iter()
                .flat_map(|t| [t.start, t.end])
                .chain([text.len()])
            {
                units += text[at..byte].encode_utf16().count();
                at = byte;
                assert_eq!(doc.utf16_offset(byte), units, "utf16 offset of byte {byte}");
            }
            // The frequency list counts every token once.
            let rows = corpus.terms(&TermsOptions::default()).unwrap();
            assert_eq!(rows.len(), terms.len());
            assert_eq!(rows.iter().map(|r| r.count).sum::<usize>(), toks.len());
            let summary = corpus.summary(None).unwrap();
            assert_eq!(summary.tokens, toks.len());
            assert_eq!(summary.types, terms.len());
            assert_eq!(summary.sentences, sentences);
            let _ = corpus.terms(&TermsOptions {
                stopwords: false,
                ..Default::default()
            });
            // Searching a term of the first token finds at least that token. A token's
            // term has no whitespace, quote, `|` or `*` of its own only if the word
            // doesn't (U+202F NARROW NO-BREAK SPACE is inside words by UAX #29 but splits
            // a query): only check the plain case.
            let first = normalize(toks[0].text);
            if first
                .chars()
                .all(|c| !c.is_whitespace() && !matches!(c, '"' | '|' | '*'))
                && tokens(&first).count() == 1
                && tokens(&first).next().map(|t| t.text.len()) == Some(first.len())
                && normalize(&first) == first
            {
                let page = corpus
                    .kwic(&first, &KwicOptions::default())
                    .unwrap_or_else(|e| panic!("query {first:?} failed: {e}"));
                assert!(
                    page.lines.iter().any(|l| l.token == 0),
                    "query {first:?} does not find the token it comes from"
                );
            }
        }
    }
});

fn check_normalize(word: &str) {
    let n = normalize(word);
    assert_eq!(n.is_empty(), word.is_empty());
    assert!(!n.contains(['\u{2019}', '\u{02BC}']), "{word:?} → {n:?}");
    let again = normalize(&n);
    if n.len() > 2 && n.ends_with("'s") {
        assert_eq!(again, n[..n.len() - 2], "{word:?} → {n:?}");
    } else {
        assert_eq!(again, n, "normalize is not idempotent on {word:?}");
    }
}
