//! The positional index, built in one pass over each text: interned term ids and compact
//! token spans per document; per-term postings and the alphabetical ranks of the terms,
//! derived from those when a query first needs them. Frequencies and concordances read it
//! and never rescan the text.
//!
//! What it costs per token beyond the text: the term id (3 bytes), the span (1 byte for a
//! word of under 32 bytes that follows the previous word within 8; else 1 + 2 or more), and
//! the posting, a delta-coded position (1 byte for the most frequent words, 2 or 3 for rarer
//! ones). `Corpus::index_bytes` counts it; `npm run bench` reports it.
//!
//! This file holds the [`Corpus`]; each structure it is made of has its own file: the
//! [`Document`] (`document.rs`), its term ids (`term_array.rs`), its token spans
//! (`spans.rs`) and its UTF-16 offsets (`utf16.rs`); the vocabulary (`vocab.rs`), the terms
//! as written behind the folded ones when diacritics are folded (`folds.rs`), the postings
//! (`postings.rs`) and the LEB128 numbers that spans and postings are coded in
//! (`varint.rs`).

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::cmp::Ordering;

use crate::error::{Error, ErrorKind, Result};
use crate::language::Library;
use crate::metadata::Metadata;
use crate::scope::{Docs, Scope};
use crate::tokenize::{fold, normalize_ascii_into, sentence_first_words, tokens_in};

mod document;
mod file;
mod folds;
mod postings;
mod spans;
mod term_array;
#[cfg(not(target_arch = "wasm32"))]
mod tokenized;
mod utf16;
mod varint;
mod vocab;

pub use document::Document;
pub use postings::Posting;
#[cfg(not(target_arch = "wasm32"))]
pub use tokenized::Tokenized;

use folds::Folds;
use postings::{PostingIter, Postings};
use spans::Spans;
use term_array::TermArray;
use utf16::Utf16Offsets;
use vocab::Vocab;

/// A term's id: its index in the corpus vocabulary.
pub type TermId = u32;

/// A document's id: its index in the corpus, in the order documents were added.
pub type DocId = u32;

/// The most distinct terms a corpus holds: term ids take 3 bytes in the token arrays. A
/// million-word corpus has some 50,000; only text that is not language comes near this.
pub const MAX_TERMS: usize = (1 << 24) - 1;

/// The most bytes of text a corpus holds: corpus-wide positions are 32-bit, and a text has
/// fewer words than bytes. (A mebibyte in the unit tests, so that they can reach it.)
const MAX_BYTES: usize = match cfg!(test) {
    true => 1 << 20,
    false => u32::MAX as usize,
};

/// A collection of documents and its positional index.
///
/// ```
/// use text_explorer::Corpus;
/// let mut corpus = Corpus::new();
/// let id = corpus.add_document("Greeting", "Hello, world! Hello again.").unwrap();
/// assert_eq!(corpus.document(id).unwrap().token_count(), 4);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    docs: Vec<Document>,
    pub(crate) vocab: Vocab,
    /// For each term, its number of tokens in the corpus.
    freq: Vec<u32>,
    /// For each term, the number of documents it occurs in.
    doc_freq: Vec<u32>,
    /// For each term, the last document (counted over every document ever added, from 1)
    /// that was seen to contain it: counts types and document frequencies in one pass.
    stamp: Vec<u32>,
    added: u32,
    /// Derived from the token arrays when first needed; reset when documents change.
    postings: OnceCell<Postings>,
    /// For each term, its rank in the alphabetical order of all terms (for sorting); reset
    /// when terms are added.
    ranks: OnceCell<Vec<u32>>,
    /// The stop-word lists by language (see [`crate::stopwords`]).
    pub(crate) stop_words: crate::stopwords::StopWords,
    /// Detects languages and stems terms.
    languages: Library,
    /// Per language, the stem of each term of the vocabulary (its first terms: extended as
    /// the vocabulary grows), or `None` for a language without a stemmer; emptied when the
    /// library changes.
    /// (A list, not a map: a corpus has a few languages, and the wasm no map code for it.)
    stems: RefCell<Vec<(String, Option<Stems>)>>,
    /// Whether diacritics are folded (see [`Corpus::set_folding`]).
    fold: bool,
    /// With diacritics folded, the non-ASCII terms as written and the folded term of each.
    folds: Folds,
}

/// The stems of a language's terms, by term id, and with diacritics folded, the stems
/// (folded) of the terms as written ([`Folds`]), by entry.
#[derive(Debug, Default)]
struct Stems {
    terms: Vec<String>,
    written: Vec<String>,
}

impl Clone for Stems {
    /// Not kept in a clone (the cache is rebuilt on the next `~word`).
    fn clone(&self) -> Stems {
        Stems::default()
    }
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// The corpus of the embedded articles (see [`crate::articles`]).
    pub fn with_articles() -> Corpus {
        let mut corpus = Corpus::new();
        for article in crate::articles::ARTICLES {
            // The embedded texts have words; a failure here is a build defect caught by tests.
            let text = article.text.to_string();
            let added = corpus.add_in(article.title, text, Some(article.language));
            debug_assert!(added.is_ok());
        }
        corpus.prepare();
        corpus
    }

    /// Adds a document and indexes it; returns its id.
    ///
    /// A blank title becomes "Document N". Fails if the text is empty or blank, has no
    /// words, or would take the corpus past the 4 GiB that 32-bit offsets address.
    pub fn add_document(&mut self, title: &str, text: &str) -> Result<DocId> {
        self.add_owned(title, text.to_string())
    }

    /// [`Corpus::add_document`] with a text the corpus can keep as it is (no copy). Its
    /// language is detected (see [`Corpus::add_in`]).
    pub fn add_owned(&mut self, title: &str, text: String) -> Result<DocId> {
        self.add_in(title, text, None)
    }

    /// [`Corpus::add_owned`] for a text in `language` (a code as [`valid_language`] accepts
    /// it); with `None`, the language is detected from the text by the corpus's language
    /// library, and stays unknown without one or when the text does not tell.
    pub fn add_in(&mut self, title: &str, text: String, language: Option<&str>) -> Result<DocId> {
        let language = match language {
            Some(language) => Some(valid_language(language)?),
            None => self.languages.detect(&text),
        };
        self.add_decided(title, text, language)
    }

    /// The language the corpus's library detects in `text` (`None`: unknown, or no library).
    pub fn detect(&self, text: &str) -> Option<String> {
        self.languages.detect(text)
    }

    /// [`Corpus::add_in`] with the language decided already (`None`: unknown, not detected).
    pub(crate) fn add_decided(
        &mut self,
        title: &str,
        text: String,
        language: Option<String>,
    ) -> Result<DocId> {
        self.add_replacing(title, text, language, None)
            .map_err(|(error, _)| error)
    }

    /// [`Corpus::add_decided`] of a text that is to replace document `replacing` (which is
    /// then removed): its bytes do not count against the limit. A refused text is given back
    /// with the error.
    fn add_replacing(
        &mut self,
        title: &str,
        text: String,
        language: Option<String>,
        replacing: Option<DocId>,
    ) -> std::result::Result<DocId, (Error, String)> {
        let mut building = self.begin(title, text, language, replacing)?;
        if let Err(error) = self.index_slice(&mut building, usize::MAX) {
            return Err((error, self.abandon(building)));
        }
        self.finish(building)
    }

    /// Starts adding a document that is indexed a slice at a time ([`Corpus::index_slice`],
    /// then [`Corpus::finish`], or [`Corpus::abandon`]), so that the caller can report
    /// progress and stop between slices. Nothing may change the corpus until it is finished
    /// or abandoned. Fails, giving the text back, if the text is blank or too large.
    pub fn begin(
        &mut self,
        title: &str,
        text: String,
        language: Option<String>,
        replacing: Option<DocId>,
    ) -> std::result::Result<Building, (Error, String)> {
        if text.trim().is_empty() {
            return Err((Error::new(ErrorKind::EmptyText), text));
        }
        let indexed: usize = self.docs.iter().map(|d| d.text.len()).sum::<usize>()
            - replacing.map_or(0, |id| self.docs[id as usize].text.len());
        if text.len() > MAX_BYTES - indexed {
            let bytes = text.len();
            return Err((Error::new(ErrorKind::TextTooLarge { bytes }), text));
        }
        let id = self.docs.len() as DocId;
        let title = title_or_default(title, id);
        let ascii = text.is_ascii();
        let doc = Document {
            title,
            terms: TermArray::default(),
            spans: Spans::default(),
            // Scalar values are the bytes that do not continue a UTF-8 sequence.
            chars: match ascii {
                true => text.len(),
                false => text.bytes().filter(|&b| b & 0xC0 != 0x80).count(),
            },
            types: 0,
            sentences: 0,
            sentence_starts: Vec::new(),
            utf16: match ascii {
                true => Utf16Offsets::default(),
                false => Utf16Offsets::new(&text),
            },
            text: String::new(),
            language,
            metadata: crate::metadata::Metadata::default(),
        };
        Ok(Building {
            doc,
            text,
            at: 0,
            vocab_before: self.vocab.len(),
            folds_before: self.folds.len(),
            sentences: None,
        })
    }

    /// Indexes about `max_bytes` more of the text being built (up to the next ASCII white
    /// space after that, so that no word is cut: words never hold white space; the rest of the
    /// text when it has none); returns whether the whole text is indexed. Fails only when the
    /// vocabulary is full (the caller then abandons the document).
    ///
    /// (The one function that indexes words, so that what it calls for each word is inlined
    /// into its loop: a second caller of those made indexing 10% slower. Never inlined into
    /// its callers, so that the wasm holds that loop once.)
    #[inline(never)]
    pub fn index_slice(&mut self, building: &mut Building, max_bytes: usize) -> Result<bool> {
        let Building { doc, text, at, .. } = building;
        let from = *at;
        let to = slice_end(text, from, max_bytes);
        let mut term = String::new();
        // French, Italian and Catalan elisions are two words in those languages (l’été).
        let language = doc.language.clone();
        for token in tokens_in(&text[from..to], language.as_deref()) {
            let ascii = normalize_ascii_into(token.text, &mut term);
            let folds = (self.fold && !ascii).then_some(&mut self.folds);
            let id = intern(&mut self.vocab, folds, &term);
            if id as usize >= MAX_TERMS {
                return Err(Error::new(ErrorKind::TooManyTerms));
            }
            doc.terms.push(id);
            doc.spans
                .push((from + token.start) as u32, (from + token.end) as u32);
        }
        *at = to;
        Ok(to == text.len())
    }

    /// Ends a document whose text is all indexed: adds it and returns its id. Fails, giving
    /// the text back and leaving the corpus as it was, if the text has no words.
    pub fn finish(&mut self, building: Building) -> std::result::Result<DocId, (Error, String)> {
        debug_assert_eq!(building.at, building.text.len());
        let Building {
            mut doc,
            text,
            sentences,
            ..
        } = building;
        if doc.terms.len() == 0 {
            // No token was seen, so nothing was interned: the corpus is unchanged.
            return Err((Error::new(ErrorKind::NoWords), text));
        }
        // The arrays grew by doubling: up to half of them would be slack for the life of
        // the document.
        doc.terms.shrink_to_fit();
        doc.spans.shrink_to_fit();
        doc.sentence_starts = match sentences {
            Some(starts) => starts,
            None => sentence_first_words(&text, doc.spans.from(0).map(|(start, _)| start)),
        };
        doc.sentences = doc.sentence_starts.len();
        doc.text = text;
        let id = self.docs.len() as DocId;
        let grew = self.vocab.len() != building.vocab_before;
        self.tally(&mut doc);
        self.docs.push(doc);
        self.postings = OnceCell::new();
        if grew {
            self.ranks = OnceCell::new();
        }
        Ok(id)
    }

    /// Drops a document being built: the terms it brought are forgotten, and the corpus is as
    /// it was before [`Corpus::begin`]. Gives the text back.
    pub fn abandon(&mut self, building: Building) -> String {
        self.vocab.truncate(building.vocab_before);
        self.folds.truncate(building.folds_before);
        building.text
    }

    /// Counts a new document's tokens into the corpus's frequencies, and its types.
    fn tally(&mut self, doc: &mut Document) {
        let terms = self.vocab.len();
        self.freq.resize(terms, 0);
        self.doc_freq.resize(terms, 0);
        self.stamp.resize(terms, 0);
        self.added += 1;
        doc.types = 0;
        for t in doc.terms.iter() {
            let t = t as usize;
            self.freq[t] += 1;
            if self.stamp[t] != self.added {
                self.stamp[t] = self.added;
                self.doc_freq[t] += 1;
                doc.types += 1;
            }
        }
    }

    /// Whether diacritics are folded (see [`Corpus::set_folding`]).
    pub fn folding(&self) -> bool {
        self.fold
    }

    /// Folds diacritics (`fold`: `Zürich` and `Zurich` are one term, `zurich`), or stops
    /// folding them, for counting and queries alike; off by default. The rule is
    /// [`crate::tokenize::fold`]'s.
    ///
    /// The documents are indexed again, in place: they keep their order, ids, titles and
    /// languages. Fails, changing nothing, only if the terms would overflow the vocabulary.
    ///
    /// ```
    /// use text_explorer::{Corpus, TermsOptions};
    /// let mut corpus = Corpus::new();
    /// corpus.add_document("t", "Zürich or Zurich").unwrap();
    /// corpus.set_folding(true).unwrap();
    /// let terms = corpus.terms(&TermsOptions::default()).unwrap();
    /// assert_eq!((terms[0].term, terms[0].count), ("zurich", 2));
    /// ```
    pub fn set_folding(&mut self, fold: bool) -> Result<()> {
        if fold == self.fold {
            return Ok(());
        }
        let docs = std::mem::take(&mut self.docs);
        let Err((error, docs)) = self.reindex(fold, docs) else {
            return Ok(());
        };
        // Back as it was, which indexed these texts before.
        let restored = self.reindex(!fold, docs);
        debug_assert!(restored.is_ok());
        Err(error)
    }

    /// Indexes `docs` anew into the emptied index, folding or not; on a refusal, the index is
    /// left empty and every document given back, in order.
    fn reindex(
        &mut self,
        fold: bool,
        docs: Vec<Document>,
    ) -> std::result::Result<(), (Error, Vec<Document>)> {
        self.fold = fold;
        self.vocab = Vocab::default();
        self.folds = Folds::default();
        self.freq.clear();
        self.doc_freq.clear();
        self.stamp.clear();
        self.postings = OnceCell::new();
        self.ranks = OnceCell::new();
        self.stems.get_mut().clear();
        let mut docs = docs.into_iter();
        while let Some(doc) = docs.next() {
            let Document {
                title,
                text,
                language,
                metadata,
                ..
            } = doc;
            match self.add_replacing(&title, text, language.clone(), None) {
                Ok(id) => self.docs[id as usize].metadata = metadata,
                Err((error, text)) => {
                    // Every document, as it came: those indexed, this one, the rest.
                    let mut back = std::mem::take(&mut self.docs);
                    let mut doc = Document::unindexed(title, text, language);
                    doc.metadata = metadata;
                    back.push(doc);
                    back.extend(docs);
                    return Err((error, back));
                }
            }
        }
        Ok(())
    }

    /// A query's or a list's term as the corpus counts it: folded when diacritics are.
    pub(crate) fn counted<'a>(&self, term: &'a str) -> Cow<'a, str> {
        match self.fold {
            true => fold(term),
            false => Cow::Borrowed(term),
        }
    }

    /// The id of a term (see [`Corpus::counted`]), if the corpus has it.
    pub(crate) fn term_id(&self, term: &str) -> Option<TermId> {
        self.vocab.get(&self.counted(term))
    }

    /// Removes document `id`; the documents after it move down by one id, so ids stay
    /// `0..len`. Its terms stay in the vocabulary with fewer (maybe no) postings.
    pub fn remove_document(&mut self, id: DocId) -> Result<()> {
        self.document(id)?;
        let doc = self.docs.remove(id as usize);
        self.added += 1;
        for t in doc.terms.iter() {
            let t = t as usize;
            self.freq[t] -= 1;
            if self.stamp[t] != self.added {
                self.stamp[t] = self.added;
                self.doc_freq[t] -= 1;
            }
        }
        self.postings = OnceCell::new();
        Ok(())
    }

    /// Renames document `id`; a blank title becomes "Document N" (N = id + 1).
    pub fn rename_document(&mut self, id: DocId, title: &str) -> Result<()> {
        self.document(id)?;
        self.docs[id as usize].title = title_or_default(title, id);
        Ok(())
    }

    /// Sets the metadata of document `id` (validated: see [`Metadata::validated`]).
    pub fn set_metadata(&mut self, id: DocId, metadata: Metadata) -> Result<()> {
        self.document(id)?;
        self.docs[id as usize].metadata = metadata.validated()?;
        Ok(())
    }

    /// The documents in `scope`, in id order.
    ///
    /// ```
    /// use text_explorer::{metadata::{Field, Metadata}, Corpus};
    /// let mut corpus = Corpus::new();
    /// for (text, paper) in [("one", "Mint"), ("two", "Times"), ("three", "mint")] {
    ///     let id = corpus.add_document("", text)?;
    ///     let fields = vec![Field::new("newspaper", paper)];
    ///     corpus.set_metadata(id, Metadata { fields, ..Metadata::default() })?;
    /// }
    /// assert_eq!(corpus.scope(&"newspaper = Mint".parse()?), [0, 2]);
    /// # Ok::<(), text_explorer::Error>(())
    /// ```
    pub fn scope(&self, scope: &Scope) -> Vec<DocId> {
        (0..self.docs.len() as DocId)
            .filter(|&id| {
                let doc = &self.docs[id as usize];
                scope.matches(&doc.title, &doc.metadata)
            })
            .collect()
    }

    /// The language of document `id` (see [`Document::language`]); `None` for an unknown
    /// language or an unknown id.
    pub fn language(&self, id: DocId) -> Option<&str> {
        self.docs.get(id as usize).and_then(Document::language)
    }

    /// Sets the language of document `id`: a code as [`valid_language`] accepts it, or `None`
    /// for unknown.
    ///
    /// A document whose words the change splits otherwise (French, Italian and Catalan split
    /// elisions, see [`crate::tokens_in`]) is tokenised again, keeping its place and title.
    pub fn set_language(&mut self, id: DocId, language: Option<&str>) -> Result<()> {
        self.document(id)?;
        let language = language.map(valid_language).transpose()?;
        let old = self.docs[id as usize].language.as_deref();
        let elided = |l: Option<&str>| l.and_then(crate::tokenize::elided_words);
        if elided(old) == elided(language.as_deref()) {
            self.docs[id as usize].language = language;
            return Ok(());
        }
        // Add it again in the new language (if that fails, nothing has changed), take the old
        // one out, and put the new one in its place. Its old copy does not count against
        // the size limit.
        let doc = &self.docs[id as usize];
        let (title, text) = (doc.title.clone(), doc.text.clone());
        self.add_replacing(&title, text, language, Some(id))
            .map_err(|(error, _)| error)?;
        let metadata = std::mem::take(&mut self.docs[id as usize].metadata);
        self.remove_document(id)?;
        let mut doc = self.docs.pop().expect("the document just added");
        doc.metadata = metadata;
        self.docs.insert(id as usize, doc);
        Ok(())
    }

    /// Uses `languages` to detect the languages of documents added from now on and to stem
    /// terms (the stems found with the previous library are forgotten).
    pub fn set_languages(&mut self, languages: Library) {
        self.languages = languages;
        self.stems.get_mut().clear();
    }

    /// The language library (shared).
    pub(crate) fn languages(&self) -> &Library {
        &self.languages
    }

    /// Whether the corpus has a language library.
    pub fn has_languages(&self) -> bool {
        self.languages.is_loaded()
    }

    /// The terms whose stem in `language` is the stem of `word` (a term) in it, sorted; `None`
    /// when the language has no stemmer (or the corpus no library). The vocabulary is stemmed
    /// once per language, and only its new terms after that.
    ///
    /// With diacritics folded, the terms as written are stemmed, and the stems folded: the
    /// stemmers' rules read accents (French `abordée` is `abord`, `abordee` would be
    /// `aborde`), so stemming the folded terms loses forms (measured on the Snowball
    /// vocabularies: a fifth of the French pairs of forms, a third of the Hungarian ones),
    /// and stemming first loses none. `word` stands for every way the corpus writes it
    /// (`~abordee` is `~abordée` too, in a corpus that has `abordée`).
    pub(crate) fn same_stem(&self, language: &str, word: &str) -> Option<Vec<TermId>> {
        let mut stems = self.stems.borrow_mut();
        let at = match stems.iter().position(|(l, _)| l == language) {
            Some(at) => at,
            None => {
                stems.push((language.to_string(), Some(Stems::default())));
                stems.len() - 1
            }
        };
        let entry = &mut stems[at].1;
        let known = entry.as_mut()?;
        let (terms, written) = (self.vocab.len(), self.folds.len());
        let extended = self.stem_more(language, &mut known.terms, terms, |id| {
            self.vocab.term(id as TermId)
        }) && self.stem_more(language, &mut known.written, written, |i| {
            self.folds.written(i)
        });
        if !extended {
            *entry = None;
            return None;
        }
        let known = entry.as_ref()?;
        let mut targets: Vec<String> = self.stems_of(language, &[word])?;
        if let Some(id) = self.term_id(word) {
            let forms = self.folds.from(0).zip(&known.written);
            targets.extend(forms.filter(|((_, f), _)| *f == id).map(|(_, s)| s.clone()));
        }
        let mut marked = vec![false; terms];
        for (id, stem) in known.terms.iter().enumerate() {
            marked[id] = targets.contains(stem);
        }
        for ((_, id), stem) in self.folds.from(0).zip(&known.written) {
            marked[id as usize] |= targets.contains(stem);
        }
        Some(
            (0..terms as TermId)
                .filter(|&id| marked[id as usize])
                .collect(),
        )
    }

    /// Extends `stems` to `len` entries, the stems of `term(i)` for the new `i`; false when
    /// the language has no stemmer.
    fn stem_more<'a>(
        &'a self,
        language: &str,
        stems: &mut Vec<String>,
        len: usize,
        term: impl Fn(usize) -> &'a str,
    ) -> bool {
        if stems.len() >= len {
            return true;
        }
        let new: Vec<&str> = (stems.len()..len).map(term).collect();
        match self.stems_of(language, &new) {
            Some(more) if more.len() == new.len() => {
                stems.extend(more);
                true
            }
            _ => false,
        }
    }

    /// The stems of `words` in `language`, folded when diacritics are.
    fn stems_of(&self, language: &str, words: &[&str]) -> Option<Vec<String>> {
        let stems = self.languages.stems(language, words)?;
        Some(match self.fold {
            true => stems.iter().map(|s| fold(s).into_owned()).collect(),
            false => stems,
        })
    }

    /// Builds now what the queries need and the index derives from the token arrays (the
    /// postings and the alphabetical order of the terms), rather than in the first query
    /// after documents were added or removed. Call it after adding a batch of documents.
    pub fn prepare(&self) {
        self.postings();
        self.ranks();
    }

    /// The bytes the index holds beyond the texts themselves (token arrays, spans,
    /// postings, vocabulary, counts, offsets), counted from the capacity of its vectors:
    /// the benchmark's "bytes per token". Builds the postings if they are not built.
    pub fn index_bytes(&self) -> usize {
        let per_doc: usize = self
            .docs
            .iter()
            .map(|d| {
                d.terms.bytes()
                    + d.spans.bytes()
                    + d.utf16.bytes()
                    + 4 * d.sentence_starts.capacity()
                    + d.title.capacity()
                    + std::mem::size_of::<Document>()
            })
            .sum();
        per_doc
            + self.postings().bytes()
            + self.vocab.bytes()
            + self.folds.bytes()
            + 4 * (self.freq.capacity()
                + self.doc_freq.capacity()
                + self.stamp.capacity()
                + self.ranks().len())
    }

    pub(crate) fn postings(&self) -> &Postings {
        self.postings
            .get_or_init(|| Postings::build(&self.docs, self.vocab.len()))
    }

    /// For each term, its rank in the alphabetical order of all terms.
    pub(crate) fn ranks(&self) -> &[u32] {
        self.ranks.get_or_init(|| {
            let order = self.vocab.alphabetical();
            let mut ranks = vec![0; order.len()];
            for (rank, &id) in order.iter().enumerate() {
                ranks[id as usize] = rank as u32;
            }
            ranks
        })
    }

    /// The documents, in id order.
    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// One document, or an error naming the unknown id.
    pub fn document(&self, id: DocId) -> Result<&Document> {
        self.docs
            .get(id as usize)
            .ok_or_else(|| self.unknown(i64::from(id)))
    }

    /// Checks a document id given as any integer (as from JavaScript).
    pub fn check_doc(&self, id: i64) -> Result<DocId> {
        u32::try_from(id)
            .ok()
            .filter(|&id| (id as usize) < self.docs.len())
            .ok_or_else(|| self.unknown(id))
    }

    fn unknown(&self, id: i64) -> Error {
        Error::new(ErrorKind::UnknownDocument {
            id,
            count: self.docs.len(),
        })
    }

    /// A document's full text.
    pub fn text(&self, id: DocId) -> Result<&str> {
        Ok(self.document(id)?.text())
    }

    /// The number of distinct terms in the corpus.
    pub fn types(&self) -> usize {
        self.freq.iter().filter(|&&f| f > 0).count()
    }

    /// Each term's number of tokens (indexed by term id): in the corpus, as the index keeps
    /// them, or in some documents, counted from their tokens.
    pub(crate) fn term_counts(&self, docs: &Docs) -> Cow<'_, [u32]> {
        match docs {
            Docs::All => Cow::Borrowed(&self.freq),
            _ => {
                let mut counts = vec![0u32; self.vocab.len()];
                for d in docs.ids(self.docs.len()) {
                    for t in self.docs[d as usize].terms.iter() {
                        counts[t as usize] += 1;
                    }
                }
                Cow::Owned(counts)
            }
        }
    }

    /// The number of documents a term occurs in.
    pub(crate) fn doc_frequency(&self, term: TermId) -> usize {
        self.doc_freq[term as usize] as usize
    }

    /// The postings of a term, restricted to one document if `doc` is given.
    pub(crate) fn postings_in(&self, term: TermId, doc: Option<DocId>) -> PostingIter<'_> {
        self.postings().of(term, doc)
    }
}

/// The id of `term` in `vocab`, interned if new; with `folds` (diacritics folded, and a word
/// that is not ASCII), of its folded form, through the cache of terms as written.
fn intern(vocab: &mut Vocab, folds: Option<&mut Folds>, term: &str) -> TermId {
    match folds {
        Some(folds) => folds.intern(term, vocab),
        None => vocab.intern_hot(term),
    }
}

/// A document being added a slice at a time: see [`Corpus::begin`].
#[derive(Debug)]
pub struct Building {
    doc: Document,
    text: String,
    /// Bytes of the text indexed so far.
    at: usize,
    /// The vocabulary's and the folds' sizes before, to forget its terms if it is abandoned.
    vocab_before: usize,
    folds_before: usize,
    /// The sentence starts, when they were found ahead (natively: `Tokenized`).
    sentences: Option<Vec<u32>>,
}

impl Building {
    /// The text's length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the text is empty (never: [`Corpus::begin`] refuses a blank text).
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Bytes of the text indexed so far.
    pub fn indexed(&self) -> usize {
        self.at
    }

    /// The text indexed by the last slice ends here: `text[from..self.indexed()]`.
    pub fn text_between(&self, from: usize) -> &str {
        &self.text[from..self.at]
    }
}

/// Where a slice of about `max` bytes from `from` ends: at the first ASCII white space at or
/// after `from + max`, or at the end of the text.
fn slice_end(text: &str, from: usize, max: usize) -> usize {
    let bytes = text.as_bytes();
    let start = from.saturating_add(max);
    if start >= bytes.len() {
        return bytes.len();
    }
    // An ASCII byte is never inside a UTF-8 sequence: a cut before one is a char boundary.
    bytes[start..]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(bytes.len(), |i| start + i)
}

/// A title trimmed, or "Document N" (N = id + 1) for a blank one.
fn title_or_default(title: &str, id: DocId) -> String {
    match title.trim() {
        "" => format!("Document {}", id + 1),
        title => title.to_string(),
    }
}

/// The indices `0..len` in the order `cmp` gives them.
///
/// Every sort of the crate goes through this one function, which is not generic, so that
/// the binary holds one copy of the sort algorithm rather than one per comparison (the wasm
/// has a size budget). Callers give total orders, so the unstable sort is deterministic.
/// A language code as the corpus keeps it: two or three ASCII letters (ISO 639-1, or 639-3
/// for a language without a 639-1 code), lowercased and trimmed; anything else is refused.
pub fn valid_language(code: &str) -> Result<String> {
    let code = code.trim().to_ascii_lowercase();
    match (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase()) {
        true => Ok(code),
        false => Err(Error::invalid_option(
            "language",
            format!("`{code}` is not a language code: give two or three letters, as `en` or `fr`"),
        )),
    }
}

pub(crate) fn sorted_indices(len: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b));
    order
}

/// A corpus of `texts`, titled "doc 0", "doc 1"…, for the unit tests of every stage.
#[cfg(test)]
pub(crate) fn corpus(texts: &[&str]) -> Corpus {
    let mut corpus = Corpus::new();
    for (i, text) in texts.iter().enumerate() {
        corpus.add_document(&format!("doc {i}"), text).unwrap();
    }
    corpus
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(corpus: &Corpus, term: TermId, doc: Option<DocId>) -> Vec<Posting> {
        corpus.postings_in(term, doc).collect()
    }

    #[test]
    fn postings_survive_long_gaps_and_many_documents() {
        let mut corpus = Corpus::new();
        let filler = "w ".repeat(20_000);
        for i in 0..5 {
            corpus
                .add_document("t", &format!("rare {filler} rare {i}"))
                .unwrap();
        }
        let rare = corpus.vocab.get("rare").unwrap();
        let found = postings(&corpus, rare, None);
        let expected: Vec<Posting> = (0..5)
            .flat_map(|doc| [Posting { doc, pos: 0 }, Posting { doc, pos: 20_001 }])
            .collect();
        assert_eq!(found, expected);
        assert_eq!(postings(&corpus, rare, Some(3)), expected[6..8]);
        assert_eq!(corpus.term_counts(&Docs::One(4))[rare as usize], 2);
        assert_eq!(corpus.doc_frequency(rare), 5);
    }

    #[test]
    fn add_document_rejects_empty_and_wordless_text_and_keeps_the_corpus() {
        let mut corpus = Corpus::new();
        assert_eq!(
            corpus.add_document("x", "  \n").unwrap_err().to_string(),
            "the text is empty: give some text to add"
        );
        assert!(corpus.add_document("x", "!!! ...").is_err());
        assert!(corpus.documents().is_empty());
        assert_eq!(corpus.add_document(" ", "a b").unwrap(), 0);
        assert_eq!(corpus.documents()[0].title(), "Document 1");
    }

    #[test]
    fn postings_are_sorted_and_restricted_by_document() {
        let mut corpus = Corpus::new();
        corpus.add_document("a", "x y x").unwrap();
        corpus.add_document("b", "y x").unwrap();
        let x = corpus.vocab.get("x").unwrap();
        assert_eq!(postings(&corpus, x, None).len(), 3);
        assert_eq!(postings(&corpus, x, Some(1)), [Posting { doc: 1, pos: 1 }]);
        assert!(postings(&corpus, x, None).windows(2).all(|w| w[0] < w[1]));
    }

    /// The ranks a full sort gives, to check the incremental merge against.
    fn sorted_ranks(corpus: &Corpus) -> Vec<u32> {
        let mut ids: Vec<TermId> = (0..corpus.vocab.len() as u32).collect();
        ids.sort_by(|&a, &b| corpus.vocab.term(a).cmp(corpus.vocab.term(b)));
        let mut ranks = vec![0; ids.len()];
        for (rank, &id) in ids.iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        ranks
    }

    #[test]
    fn ranks_stay_alphabetical_as_documents_are_added() {
        let mut corpus = Corpus::new();
        for text in ["m b z", "a y m c", "zz b aa", "n", "é e f 日本"] {
            corpus.add_document("t", text).unwrap();
            assert_eq!(corpus.ranks(), sorted_ranks(&corpus), "after {text:?}");
        }
    }

    #[test]
    fn remove_document_renumbers_the_later_documents() {
        let mut corpus = Corpus::new();
        corpus.add_document("a", "x y x").unwrap();
        corpus.add_document("b", "y z").unwrap();
        corpus.add_document("c", "x z z").unwrap();
        corpus.remove_document(1).unwrap();
        let titles: Vec<_> = corpus.documents().iter().map(|d| d.title()).collect();
        assert_eq!(titles, ["a", "c"]);
        let x = corpus.vocab.get("x").unwrap();
        let z = corpus.vocab.get("z").unwrap();
        let y = corpus.vocab.get("y").unwrap();
        assert_eq!(
            postings(&corpus, x, None),
            [
                Posting { doc: 0, pos: 0 },
                Posting { doc: 0, pos: 2 },
                Posting { doc: 1, pos: 0 }
            ]
        );
        assert_eq!(postings(&corpus, z, Some(1)).len(), 2);
        assert_eq!(postings(&corpus, y, None).len(), 1);
        assert_eq!(corpus.types(), 3);
        assert!(corpus.remove_document(2).is_err());
        corpus.remove_document(0).unwrap();
        corpus.remove_document(0).unwrap();
        assert!(corpus.documents().is_empty());
        assert_eq!(corpus.types(), 0);
        // The corpus takes documents again after being emptied.
        assert_eq!(corpus.add_document("d", "y").unwrap(), 0);
        assert_eq!(postings(&corpus, y, None), [Posting { doc: 0, pos: 0 }]);
    }

    #[test]
    fn set_language_counts_the_document_once_against_the_size_limit() {
        let mut corpus = Corpus::new();
        let text = "mot ".repeat(MAX_BYTES / 4 * 3 / 4);
        corpus.add_document("big", &text).unwrap();
        assert!(corpus.add_document("again", &text).is_err());
        // Tokenised again (French splits elisions): its old copy is not counted.
        corpus.set_language(0, Some("fr")).unwrap();
        assert_eq!(corpus.language(0), Some("fr"));
        assert_eq!(corpus.documents().len(), 1);
    }

    #[test]
    fn rename_document_sets_the_title_and_defaults_a_blank_one() {
        let mut corpus = Corpus::with_articles();
        corpus.rename_document(1, "  New title ").unwrap();
        assert_eq!(corpus.documents()[1].title(), "New title");
        corpus.rename_document(0, " ").unwrap();
        assert_eq!(corpus.documents()[0].title(), "Document 1");
        assert!(corpus.rename_document(2, "x").is_err());
    }

    #[test]
    fn check_doc_rejects_negative_and_out_of_range_ids() {
        let corpus = Corpus::with_articles();
        assert_eq!(corpus.check_doc(1).unwrap(), 1);
        assert!(corpus.check_doc(2).is_err());
        assert!(corpus.check_doc(-1).is_err());
    }
}
