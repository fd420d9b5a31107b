//! The embedded articles, end to end through the core.

mod common;

use text_explorer::{Corpus, KwicOptions, TermsOptions};

#[test]
fn putin_is_found_with_possessives_and_counted_like_the_naive_scan() {
    let corpus = Corpus::with_articles();
    let page = corpus
        .kwic(
            "Putin",
            &KwicOptions {
                limit: 1000,
                ..Default::default()
            },
        )
        .unwrap();
    let texts: Vec<String> = corpus
        .documents()
        .iter()
        .map(|d| d.text().to_string())
        .collect();
    let naive = common::hits(&texts, &[vec![common::Word::Term("putin".into())]]);
    assert_eq!(page.total, naive.len());
    assert!(page.lines.iter().any(|l| l.keyword == "Putin’s"));
    assert!(page.lines.iter().all(|l| l.keyword.starts_with("Putin")));
    let putin = corpus
        .terms(&TermsOptions::default())
        .unwrap()
        .into_iter()
        .find(|t| t.term == "putin")
        .unwrap();
    assert_eq!(putin.count, page.total);
    assert_eq!(putin.docs, 2);
}

#[test]
fn documents_have_the_expected_figures() {
    let corpus = Corpus::with_articles();
    let docs = corpus.documents();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].chars(), 4_681);
    assert_eq!(docs[1].chars(), 5_369);
    for doc in docs {
        assert_eq!(doc.token_count(), common::terms(doc.text()).len());
        assert!(doc.sentences() > 10);
    }
    let all = corpus.summary(None).unwrap();
    assert_eq!(all.tokens, docs[0].token_count() + docs[1].token_count());
    assert!(all.types < docs[0].types() + docs[1].types());
}

#[test]
fn phrases_and_sorting_on_the_articles() {
    let corpus = Corpus::with_articles();
    let nk = corpus
        .kwic(
            "\"north korea\"",
            &KwicOptions {
                limit: 1000,
                ..Default::default()
            },
        )
        .unwrap();
    assert!(nk.total > 10);
    assert!(nk
        .lines
        .iter()
        .all(|l| common::terms(l.keyword) == ["north", "korea"]));
    assert!(nk.lines.iter().any(|l| l.keyword == "North Korea’s"));
    let sorted = corpus
        .kwic(
            "putin",
            &KwicOptions {
                sort: "1R".parse().unwrap(),
                window: 1,
                limit: 1000,
                ..Default::default()
            },
        )
        .unwrap();
    let right: Vec<String> = sorted
        .lines
        .iter()
        .map(|l| common::terms(l.right).first().cloned().unwrap_or_default())
        .collect();
    assert!(right.windows(2).all(|w| w[0] <= w[1]), "{right:?}");
}

#[test]
fn abbreviations_are_words_and_their_letters_are_not_top_terms() {
    let corpus = Corpus::with_articles();
    for (id, doc) in corpus.documents().iter().enumerate() {
        let top = corpus
            .terms(&TermsOptions {
                doc: Some(id as u32),
                limit: Some(100),
                ..Default::default()
            })
            .unwrap();
        let terms: Vec<&str> = top.iter().map(|t| t.term).collect();
        assert!(
            !terms.contains(&"u") && !terms.contains(&"s"),
            "{}: {terms:?}",
            doc.title()
        );
        // Every "U.S." of the text, counted by plain string search, is the one term u.s.
        let text = doc.text();
        let written = text
            .match_indices("U.S.")
            .filter(|&(i, _)| !text[..i].ends_with(char::is_alphanumeric))
            .filter(|&(i, s)| !text[i + s.len()..].starts_with(char::is_alphanumeric))
            .count();
        assert!(written >= 7, "{}: {written}", doc.title());
        let us = top.iter().find(|t| t.term == "u.s").map(|t| t.count);
        assert_eq!(us, Some(written), "{}", doc.title());
    }
}
