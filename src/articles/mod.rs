//! The embedded corpus: two news articles compiled into the binary, so that
//! [`Corpus::with_articles`](crate::Corpus::with_articles) needs no network and no file.
//! The texts are copied byte for byte from the project's shared articles; their titles and
//! provenance are in `src/articles/README.md`.

/// A built-in article.
#[derive(Clone, Copy, Debug)]
pub struct Article {
    /// The title to show.
    pub title: &'static str,
    /// The text, exactly as published (UTF-8, no final newline).
    pub text: &'static str,
    /// Its language (ISO 639-1), declared rather than detected.
    pub language: &'static str,
}

/// The built-in articles, in the order they get document ids 0 and 1.
pub const ARTICLES: [Article; 2] = [
    Article {
        title: "Putin pledges trade and security systems with North Korea beyond Western control",
        text: include_str!("000_627f6e7e67771667.txt"),
        language: "en",
    },
    Article {
        title: "Putin flies into North Korea with promise to back it against the US",
        text: include_str!("003_c75df7d4f1d0ab1a.txt"),
        language: "en",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // "Lines" in the README are newline characters, as `wc -l` counts them.
    fn facts_from_the_readme_hold() {
        assert_eq!(ARTICLES[0].text.chars().count(), 4_681);
        assert_eq!(ARTICLES[1].text.chars().count(), 5_369);
        assert_eq!(ARTICLES[0].text.matches('\n').count(), 17);
        assert_eq!(ARTICLES[1].text.matches('\n').count(), 58);
        assert!(ARTICLES[0].text.starts_with("Pyongyang:"));
        assert!(ARTICLES[1].text.starts_with(ARTICLES[1].title));
        assert!(ARTICLES.iter().all(|a| !a.text.ends_with('\n')));
    }
}
