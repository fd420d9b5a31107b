//! The corpus's part of the corpus file (see [`crate::corpus_file`] for the layout): written
//! from the index's own arrays, and read back into them with every value checked, rebuilding
//! what is cheap to derive (counts, UTF-16 offsets, span blocks) without tokenising.

use std::cell::OnceCell;

use super::folds::Folds;
use super::postings::Postings;
use super::spans::Spans;
use super::term_array::TermArray;
use super::utf16::Utf16Offsets;
use super::vocab::Vocab;
use super::{sorted_indices, valid_language, Corpus, Document, TermId, MAX_BYTES, MAX_TERMS};
use crate::corpus_file::{invalid, Reader, Writer};
use crate::error::Result;
use crate::metadata::{Field, Metadata};
use crate::stopwords::StopWords;

impl Corpus {
    /// Writes the corpus; `extra(w, id)` writes what the engine keeps of document `id`
    /// (after its title and language).
    ///
    /// The vocabulary is written in the order of first use in the documents as they are,
    /// without the terms that no document has any more (left by removed documents): a
    /// corpus gives the same file however it came to be, and no dead terms.
    pub(crate) fn write_body(&self, w: &mut Writer, extra: &dyn Fn(&mut Writer, usize)) {
        // Settings.
        w.byte(u8::from(self.fold));
        let lists: Vec<(&str, &[String])> = self.stop_words.lists().collect();
        // By language (the crate's one sort: see `sorted_indices`).
        let order = sorted_indices(lists.len(), &|a, b| {
            lists[a as usize].0.cmp(lists[b as usize].0)
        });
        w.number(lists.len() as u64);
        for (language, words) in order.into_iter().map(|i| lists[i as usize]) {
            w.string(language);
            w.number(words.len() as u64);
            for word in words {
                w.string(word);
            }
        }
        // The vocabulary, renumbered by first use.
        const UNUSED: TermId = TermId::MAX;
        let mut new_id = vec![UNUSED; self.vocab.len()];
        let mut order: Vec<TermId> = Vec::with_capacity(self.vocab.len());
        for doc in &self.docs {
            for t in doc.terms.iter() {
                if new_id[t as usize] == UNUSED {
                    new_id[t as usize] = order.len() as TermId;
                    order.push(t);
                }
            }
        }
        let terms: Vec<&str> = order.iter().map(|&t| self.vocab.term(t)).collect();
        write_terms(w, &terms);
        // The terms as written, of the terms kept.
        let folds: Vec<(&str, TermId)> = self
            .folds
            .from(0)
            .filter(|&(_, id)| new_id[id as usize] != UNUSED)
            .map(|(written, id)| (written, new_id[id as usize]))
            .collect();
        let written: Vec<&str> = folds.iter().map(|&(s, _)| s).collect();
        write_terms(w, &written);
        for &(_, id) in &folds {
            w.number(u64::from(id));
        }
        // The documents.
        w.number(self.docs.len() as u64);
        let identity = order.iter().enumerate().all(|(i, &t)| i as TermId == t);
        for (id, doc) in self.docs.iter().enumerate() {
            w.string(&doc.title);
            w.optional(doc.language.as_deref());
            extra(w, id);
            let m = &doc.metadata;
            w.optional(m.author.as_deref());
            w.optional(m.date.as_deref());
            w.optional(m.source.as_deref());
            w.number(m.fields.len() as u64);
            for field in &m.fields {
                w.string(&field.name);
                w.string(&field.value);
            }
            w.string(&doc.text);
            w.number(doc.terms.len() as u64);
            match identity {
                true => w.bytes(doc.terms.as_bytes()),
                false => {
                    for t in doc.terms.iter() {
                        let [a, b, c, _] = new_id[t as usize].to_le_bytes();
                        w.bytes(&[a, b, c]);
                    }
                }
            }
            let codes = doc.spans.codes();
            w.number(codes.len() as u64);
            w.bytes(codes);
            w.number(doc.sentence_starts.len() as u64);
            let mut last = 0;
            for &s in &doc.sentence_starts {
                w.number(u64::from(s - last));
                last = s;
            }
        }
        // The postings: each term's size, then all the codes (building them took most of
        // opening a file).
        let renumbered;
        let postings = match identity && self.vocab.len() == order.len() {
            true => self.postings(),
            false => {
                let all = || {
                    let new_id = &new_id;
                    self.docs
                        .iter()
                        .flat_map(move |d| d.terms.iter().map(move |t| new_id[t as usize]))
                };
                renumbered = Postings::build_with(&self.docs, all, order.len());
                &renumbered
            }
        };
        let (offsets, codes) = postings.parts();
        for pair in offsets.windows(2) {
            w.number(u64::from(pair[1] - pair[0]));
        }
        w.number(codes.len() as u64);
        w.bytes(codes);
        // The terms in alphabetical order (sorting them took a tenth of opening a file).
        let alphabetical = sorted_indices(terms.len(), &|a, b| {
            terms[a as usize].cmp(terms[b as usize])
        });
        for id in alphabetical {
            w.number(u64::from(id));
        }
    }

    /// Reads what [`Corpus::write_body`] wrote; `extra` reads what the engine keeps of each
    /// document. Every value is checked; the derived counts are rebuilt.
    pub(crate) fn read_body(
        r: &mut Reader,
        extra: &mut dyn FnMut(&mut Reader) -> Result<()>,
    ) -> Result<Corpus> {
        let mut corpus = Corpus::new();
        corpus.fold = r.flag("the folding setting")?;
        let mut stop_words = StopWords::default();
        let lists = r.count(2, "the number of stop-word lists")?;
        let mut previous: Option<String> = None;
        for _ in 0..lists {
            let language = r.string("a stop-word list's language")?;
            let valid = valid_language(&language)
                .map_err(|_| invalid(format!("`{language}` is not a language code")))?;
            if valid != language || previous.as_ref().is_some_and(|p| *p >= language) {
                return Err(invalid("the stop-word lists are not in order"));
            }
            let n = r.count(1, "the number of stop words")?;
            let mut words = Vec::with_capacity(n);
            for _ in 0..n {
                words.push(r.string("a stop word")?);
            }
            if !words.windows(2).all(|w| w[0] < w[1]) {
                return Err(invalid("a stop-word list is not sorted"));
            }
            stop_words.insert(language.clone(), words);
            previous = Some(language);
        }
        corpus.stop_words = stop_words;
        corpus.vocab = read_terms(r, "the vocabulary")?;
        let terms = corpus.vocab.len();
        let written = read_terms(r, "the terms as written")?;
        let mut folded = Vec::with_capacity(written.len());
        for _ in 0..written.len() {
            folded.push(r.below(terms as u64, "a folded term's id")? as TermId);
        }
        if !corpus.fold && !folded.is_empty() {
            return Err(invalid("it has folded terms but does not fold"));
        }
        corpus.folds = Folds::from_parts(written, folded);
        let count = r.count(8, "the number of documents")?;
        let mut bytes = 0u64;
        for _ in 0..count {
            let title = r.string("a title")?;
            let language = r
                .optional("a document's language")?
                .map(|l| match valid_language(&l) {
                    Ok(valid) if valid == l => Ok(l),
                    _ => Err(invalid(format!("`{l}` is not a language code"))),
                })
                .transpose()?;
            extra(r)?;
            let author = r.optional("an author")?;
            let date = r.optional("a date")?;
            let source = r.optional("a source")?;
            let n = r.count(2, "the number of fields")?;
            let mut fields = Vec::with_capacity(n);
            for _ in 0..n {
                let name = r.string("a field's name")?;
                fields.push(Field::new(name, r.string("a field's value")?));
            }
            let metadata = Metadata {
                author,
                date,
                source,
                fields,
            };
            let metadata = match metadata.clone().validated() {
                Ok(valid) if valid == metadata => metadata,
                _ => return Err(invalid(format!("the metadata of “{title}” is not valid"))),
            };
            let text = r.string("a text")?;
            bytes += text.len() as u64;
            if bytes > MAX_BYTES as u64 {
                return Err(invalid("its texts are over the 4 GiB a corpus holds"));
            }
            let tokens = r.count(3, "the number of tokens")?;
            if tokens == 0 {
                return Err(invalid(format!("“{title}” has no tokens")));
            }
            let ids = TermArray::from_bytes(r.take(3 * tokens, "the term ids")?.to_vec());
            if ids.iter().any(|t| t as usize >= terms) {
                return Err(invalid(format!(
                    "“{title}” has a term id past the vocabulary"
                )));
            }
            let n = r.count(1, "the spans' length")?;
            let spans = Spans::from_codes(r.take(n, "the spans")?.to_vec(), &text)
                .filter(|spans| spans.len() == tokens)
                .ok_or_else(|| {
                    invalid(format!("the token spans of “{title}” do not fit its text"))
                })?;
            let n = r.count(1, "the number of sentences")?;
            let mut sentence_starts = Vec::with_capacity(n);
            let mut last = 0u64;
            for i in 0..n {
                let delta = r.number("a sentence's start")?;
                last = last.saturating_add(delta);
                if (i > 0 && delta == 0) || last >= tokens as u64 {
                    return Err(invalid(format!(
                        "the sentences of “{title}” do not fit its tokens"
                    )));
                }
                sentence_starts.push(last as u32);
            }
            let ascii = text.is_ascii();
            let mut doc = Document::unindexed(title, String::new(), language);
            doc.chars = match ascii {
                true => text.len(),
                false => text.bytes().filter(|&b| b & 0xC0 != 0x80).count(),
            };
            doc.utf16 = match ascii {
                true => Utf16Offsets::default(),
                false => Utf16Offsets::new(&text),
            };
            doc.text = text;
            doc.terms = ids;
            doc.spans = spans;
            doc.sentences = sentence_starts.len();
            doc.sentence_starts = sentence_starts;
            doc.metadata = metadata;
            corpus.tally(&mut doc);
            corpus.docs.push(doc);
        }
        // A vocabulary's last terms may be in no document.
        corpus.freq.resize(terms, 0);
        corpus.doc_freq.resize(terms, 0);
        corpus.stamp.resize(terms, 0);
        let mut sizes = Vec::with_capacity(terms);
        for _ in 0..terms {
            sizes.push(r.below(1 << 32, "a term's postings")? as u32);
        }
        let n = r.count(1, "the postings' length")?;
        let codes = r.take(n, "the postings")?.to_vec();
        let postings = Postings::from_parts(&sizes, codes, &corpus.docs, &corpus.freq)
            .ok_or_else(|| invalid("the postings do not fit the documents"))?;
        corpus.postings = OnceCell::from(postings);
        let mut ranks = vec![u32::MAX; terms];
        let mut previous: Option<&str> = None;
        for rank in 0..terms {
            let id = r.below(terms as u64, "a term in alphabetical order")? as usize;
            let term = corpus.vocab.term(id as TermId);
            if ranks[id] != u32::MAX || previous.is_some_and(|p| p >= term) {
                return Err(invalid("the terms' alphabetical order is not"));
            }
            ranks[id] = rank as u32;
            previous = Some(term);
        }
        corpus.ranks = OnceCell::from(ranks);
        Ok(corpus)
    }
}

/// Terms: their number, each one's length, then their UTF-8 one after another.
fn write_terms(w: &mut Writer, terms: &[&str]) {
    w.number(terms.len() as u64);
    for term in terms {
        w.number(term.len() as u64);
    }
    for term in terms {
        w.bytes(term.as_bytes());
    }
}

/// Reads [`write_terms`]'s terms into a vocabulary; each term must be new.
fn read_terms(r: &mut Reader, what: &str) -> Result<Vocab> {
    let n = r.count(2, what)?;
    if n > MAX_TERMS {
        return Err(invalid(format!(
            "{what} is over the most terms a corpus holds"
        )));
    }
    let mut ends = Vec::with_capacity(n);
    let mut end = 0u64;
    for _ in 0..n {
        let len = r.number(what)?;
        if len == 0 {
            return Err(invalid(format!("{what} has an empty term")));
        }
        end = end.saturating_add(len);
        if end > r.left() as u64 {
            return Err(invalid(format!("{what} is cut short")));
        }
        ends.push(end as u32);
    }
    let text = r.utf8(end as usize, what)?;
    Vocab::from_parts(text, ends).ok_or_else(|| {
        invalid(format!(
            "{what} has a term twice, or a term that is not whole characters"
        ))
    })
}
