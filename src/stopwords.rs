//! Stop-word lists by language, and which tokens of a corpus they leave out.
//!
//! The engine holds one list per language code. English has a built-in default, NLTK's 179
//! words ([`crate::terms::STOP_WORDS`]); every other list, and any change to the English
//! one, comes from the page (`setStopWords`), which loads the lists of the stopwords-iso
//! collection when a language first needs one. A list's words are normalised as terms are
//! ([`crate::normalize`]: lowercase, `’` written `'`, …), so they match what is counted.
//!
//! Each document's own language picks its list: a word that is a stop word in French is
//! left out of a French document and counted in an English one. A document whose language
//! is unknown uses the English list (today's behaviour, and the language of the embedded
//! articles); a language without a list leaves nothing out. In French, Italian and Catalan,
//! whose documents count elisions as words (`l’` + `été`), a listed elided word stops its
//! elided form too (`l` stops `l'`), and a listed contraction its elided word (`d'un`
//! stops `d'`). In a corpus that folds diacritics, the lists are folded as its terms are
//! (`déjà` stops `deja` and `déjà`).

use crate::error::Result;
use crate::index::{sorted_indices, valid_language, Corpus, DocId, TermId};
use crate::scope::Docs;
use crate::terms::STOP_WORDS;
use crate::tokenize::{elided_words, normalize_into, tokens_in};

/// The language whose list a document of unknown language uses.
pub const FALLBACK_LANGUAGE: &str = "en";

/// The stop-word lists the page has set, by language code; English falls back to
/// [`STOP_WORDS`] until it is set.
#[derive(Clone, Debug, Default)]
pub struct StopWords {
    /// (language, its words: normalised, sorted, without duplicates).
    lists: Vec<(String, Vec<String>)>,
}

impl StopWords {
    /// Sets the list of `language` to `words` (normalised here; blank entries dropped), or,
    /// with `None`, back to its default: NLTK's for English, none for another language.
    pub fn set(&mut self, language: &str, words: Option<Vec<String>>) -> Result<()> {
        let language = valid_language(language)?;
        // A handful of languages at most: a linear search is the smallest code.
        self.lists.retain(|(l, _)| *l != language);
        let Some(words) = words else {
            return Ok(());
        };
        let mut terms = Vec::with_capacity(words.len());
        let mut term = String::new();
        for word in &words {
            normalize_into(word.trim(), &mut term);
            if !term.is_empty() {
                terms.push(term.clone());
            }
        }
        // The crate's one sort (sorted_indices), then without duplicates.
        let order = sorted_indices(terms.len(), &|a, b| {
            terms[a as usize].cmp(&terms[b as usize])
        });
        let mut list: Vec<String> = Vec::with_capacity(terms.len());
        for i in order {
            let term = std::mem::take(&mut terms[i as usize]);
            if list.last() != Some(&term) {
                list.push(term);
            }
        }
        self.lists.push((language, list));
        Ok(())
    }

    /// The lists set, as (language, words: normalised, sorted, without duplicates), in the
    /// order they were set.
    pub fn lists(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.lists.iter().map(|(l, w)| (l.as_str(), w.as_slice()))
    }

    /// Sets a list as it was kept (the corpus file's: normalised and sorted already).
    pub(crate) fn insert(&mut self, language: String, words: Vec<String>) {
        self.lists.retain(|(l, _)| *l != language);
        self.lists.push((language, words));
    }

    /// The words of `language`'s list, sorted: the one set, else the default (NLTK's for
    /// English, empty for another language).
    pub fn words(&self, language: &str) -> Vec<&str> {
        match self.lists.iter().find(|(l, _)| l == language) {
            Some((_, list)) => list.iter().map(String::as_str).collect(),
            None if language == FALLBACK_LANGUAGE => STOP_WORDS.to_vec(),
            None => Vec::new(),
        }
    }
}

/// Which terms are stop words in which document: one set of term ids per list in use, and
/// each document's set.
#[derive(Debug)]
pub(crate) struct StopFilter {
    /// For each document, the index of its set in `sets`.
    per_doc: Vec<u32>,
    /// For each list in use, whether each term (by id) is in it.
    sets: Vec<Vec<bool>>,
}

impl StopFilter {
    /// Whether term `t` is a stop word in document `doc`.
    pub(crate) fn is_stop(&self, doc: DocId, t: TermId) -> bool {
        self.sets[self.per_doc[doc as usize] as usize][t as usize]
    }

    /// The set every document of the scope uses, when they all use one (the common case:
    /// then a term is a stop word or not whatever document it is in).
    pub(crate) fn uniform(&self, docs: &Docs) -> Option<&[bool]> {
        let mut in_scope = (0..self.per_doc.len())
            .filter(|&d| docs.contains(d as DocId))
            .map(|d| self.per_doc[d]);
        let first = in_scope.next()?;
        let all_same = in_scope.all(|s| s == first);
        all_same.then(|| self.sets[first as usize].as_slice())
    }
}

impl Corpus {
    /// Sets the stop words of `language` (see [`StopWords::set`]): the views that leave out
    /// stop words use it for the documents of that language.
    ///
    /// ```
    /// use text_explorer::{Corpus, TermsOptions};
    /// let mut corpus = Corpus::new();
    /// corpus.add_document("t", "The cat and the hat.").unwrap();
    /// corpus.set_stop_words("en", Some(vec!["Cat".into()])).unwrap();
    /// let top = corpus.terms(&TermsOptions { stopwords: false, ..Default::default() }).unwrap();
    /// assert_eq!(top.iter().map(|t| t.term).collect::<Vec<_>>(), ["the", "and", "hat"]);
    /// ```
    pub fn set_stop_words(&mut self, language: &str, words: Option<Vec<String>>) -> Result<()> {
        self.stop_words.set(language, words)
    }

    /// The stop words of `language` in use (sorted, normalised).
    pub fn stop_words(&self, language: &str) -> Vec<&str> {
        self.stop_words.words(language)
    }

    /// The language whose list applies to document `d`.
    fn stop_language(&self, d: DocId) -> &str {
        self.language(d).unwrap_or(FALLBACK_LANGUAGE)
    }

    /// Which terms are stop words in which document, for the lists set now.
    pub(crate) fn stop_filter(&self) -> StopFilter {
        let mut languages: Vec<&str> = Vec::new();
        let per_doc = (0..self.documents().len() as DocId)
            .map(|d| {
                let language = self.stop_language(d);
                match languages.iter().position(|&l| l == language) {
                    Some(i) => i as u32,
                    None => {
                        languages.push(language);
                        (languages.len() - 1) as u32
                    }
                }
            })
            .collect();
        let sets = languages
            .iter()
            .map(|language| {
                let mut set = vec![false; self.vocab.len()];
                // Folded as the terms are, when diacritics are: `déjà` stops `deja`.
                let mut stop = |term: &str| {
                    if let Some(id) = self.term_id(term) {
                        set[id as usize] = true;
                    }
                };
                let elided = elided_words(language);
                let mut term = String::new();
                for word in self.stop_words.words(language) {
                    stop(word);
                    let Some(elided) = elided else { continue };
                    // Where a document counts elisions as words of their own (`l’été` is `l’`
                    // + `été`), a listed elided word stops its elided form too (`l` stops
                    // `l'`), and a listed contraction its elided word (Catalan `d'un`: `d'`;
                    // `un` only if it is listed itself, so that removing it is obeyed).
                    if elided.contains(&word) {
                        term.clear();
                        term.push_str(word);
                        term.push('\'');
                        stop(&term);
                    } else if word.contains('\'') {
                        let mut parts = tokens_in(word, Some(language));
                        if let (Some(first), Some(_)) = (parts.next(), parts.next()) {
                            normalize_into(first.text, &mut term);
                            stop(&term);
                        }
                    }
                }
                set
            })
            .collect();
        StopFilter { per_doc, sets }
    }

    /// Each term's tokens and number of documents in the scope, not counting a token that
    /// is a stop word of `filter` (if given) in its document's language.
    pub(crate) fn counts_in(
        &self,
        scope: &Docs,
        filter: Option<&StopFilter>,
    ) -> (Vec<u32>, Vec<u32>) {
        let mut counts = vec![0u32; self.vocab.len()];
        let mut docs = vec![0u32; self.vocab.len()];
        let mut seen = vec![u32::MAX; self.vocab.len()];
        for d in scope.ids(self.documents().len()) {
            for t in self.documents()[d as usize].terms.iter() {
                if filter.is_some_and(|f| f.is_stop(d, t)) {
                    continue;
                }
                counts[t as usize] += 1;
                if seen[t as usize] != d {
                    seen[t as usize] = d;
                    docs[t as usize] += 1;
                }
            }
        }
        (counts, docs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_normalises_sorts_and_resets() {
        let mut lists = StopWords::default();
        assert_eq!(lists.words("en").len(), 179);
        assert!(lists.words("fr").is_empty());
        let words = ["Le", "l’", "  ", "le", "DÉJÀ"].map(String::from).to_vec();
        lists.set("FR", Some(words)).unwrap();
        assert_eq!(lists.words("fr"), ["déjà", "l'", "le"]);
        lists.set("en", Some(Vec::new())).unwrap();
        assert!(lists.words("en").is_empty());
        lists.set("en", None).unwrap();
        assert_eq!(lists.words("en").len(), 179);
        let err = lists.set("french", None).unwrap_err().to_string();
        assert!(err.contains("`french` is not a language code"), "{err}");
    }
}
