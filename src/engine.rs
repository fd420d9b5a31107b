//! The engine: a corpus and what the page needs to know of each document (where it came
//! from), answering the requests of [`crate::protocol`]. Plain Rust, tested natively; the
//! wasm boundary only moves requests and answers across.

use crate::corpus_file::{invalid, Reader, Writer};
use crate::error::{check_range, Error, Result};
use crate::index::{valid_language, Building, Corpus, DocId};
use crate::language::Library;
use crate::metadata::Metadata;
use crate::protocol::{
    AddFilesOptions, Added, AddedFiles, AlignedSentence, Bytes, Collocates, Comparison,
    Concordance, Decoded, Dispersion, DocDispersion, DocumentInfo, FileBytes, FileInfo, HitSpans,
    HitSpansOptions, Inputs, Keyness, KwicLine, Memory, NewDocument, OneOrMany, Opened, Phrase,
    Progress, Refused, Request, Segment, SharedRun, Source, Span, Stage, StopList, SummaryOptions,
    TextBlocksOptions, TokenInfo,
};
use crate::{
    CollocateOptions, CompareOptions, DispersionOptions, KeynessOptions, KwicOptions, Network,
    NgramOptions, Summary, TermFrequency, TermsOptions, TermsPage, Trends, TrendsOptions, WordTree,
    WordTreeOptions,
};

/// The first index below `len` for which `before` is false (`before` is true, then false).
fn partition(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Where a document came from, aligned with the corpus's ids.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Origin {
    /// The embedded article of this index.
    Article(usize),
    /// A text the user added, with its storage key and encoding.
    User {
        key: Option<u32>,
        encoding: Option<String>,
    },
}

/// What the engine keeps of a document beside the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Record {
    origin: Origin,
    /// Whether its language was detected (rather than given, set, or declared).
    language_detected: bool,
}

impl Record {
    fn article(i: usize) -> Record {
        Record {
            origin: Origin::Article(i),
            language_detected: false,
        }
    }
}

/// The corpus and its documents' origins: the one owner of titles and of the document list.
///
/// ```
/// use text_explorer::engine::Engine;
/// use text_explorer::protocol::{Request, Response};
/// use text_explorer::KwicOptions;
///
/// let mut engine = Engine::with_articles();
/// let options = KwicOptions { window: 2, ..KwicOptions::default() };
/// let request = Request::Kwic { query: "putin".into(), options };
/// let Response::Kwic(page) = engine.handle(request)? else { unreachable!() };
/// assert!(page.total > 10);
/// # Ok::<(), text_explorer::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Engine {
    pub(crate) corpus: Corpus,
    records: Vec<Record>,
}

impl Engine {
    /// An engine over the two embedded articles.
    pub fn with_articles() -> Engine {
        let corpus = Corpus::with_articles();
        let records = (0..corpus.documents().len()).map(Record::article).collect();
        Engine { corpus, records }
    }

    /// Uses `languages` to detect languages and stem words from now on (the boundary installs
    /// the language wasm once it is loaded).
    pub fn set_languages(&mut self, languages: Library) {
        self.corpus.set_languages(languages);
    }

    /// Whether a language library is installed.
    pub fn has_languages(&self) -> bool {
        self.corpus.has_languages()
    }

    /// The language of document `id` (see [`crate::Document::language`]).
    pub fn language(&self, id: DocId) -> Option<&str> {
        self.corpus.language(id)
    }

    /// An empty engine.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// The corpus (for reading).
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    pub(crate) fn documents(&mut self) -> Result<Vec<DocumentInfo>> {
        Ok(self
            .records
            .iter()
            .enumerate()
            .map(|(id, record)| {
                let (source, key, encoding) = match &record.origin {
                    Origin::Article(_) => (Source::Article, None, None),
                    Origin::User { key, encoding } => (Source::User, *key, encoding.clone()),
                };
                let detected = record.language_detected;
                DocumentInfo::new(&self.corpus, id as DocId, source, key, encoding, detected)
            })
            .collect())
    }

    pub(crate) fn summary(&mut self, options: SummaryOptions) -> Result<Summary> {
        self.corpus.summary_in(options.doc, options.scope.as_ref())
    }

    pub(crate) fn text(&mut self, id: DocId) -> Result<String> {
        self.corpus.text(id).map(str::to_string)
    }

    pub(crate) fn text_blocks(
        &mut self,
        id: DocId,
        options: TextBlocksOptions,
    ) -> Result<Vec<usize>> {
        check_range("size", options.size, 1024, 1 << 20)?;
        let doc = self.corpus.document(id)?;
        let text = doc.text();
        let bytes = text.as_bytes();
        let size = options.size;
        let mut cuts = vec![0];
        let mut at = 0;
        while text.len() - at > size {
            let target = at + size;
            let near = |reach: usize, found: &dyn Fn(u8) -> bool| {
                let to = (target + reach).min(text.len());
                bytes[target..to]
                    .iter()
                    .position(|&b| found(b))
                    .map(|i| target + i + 1)
            };
            let cut = near(size / 2, &|b| b == b'\n')
                .or_else(|| near(size / 4, &|b| b.is_ascii_whitespace()))
                .unwrap_or_else(|| {
                    (target..)
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(target)
                });
            if cut >= text.len() {
                break;
            }
            cuts.push(doc.utf16_offset(cut));
            at = cut;
        }
        cuts.push(doc.utf16_offset(text.len()));
        Ok(cuts)
    }

    pub(crate) fn text_slice(&mut self, id: DocId, start: usize, end: usize) -> Result<String> {
        let doc = self.corpus.document(id)?;
        let from = doc.byte_offset(start);
        let to = doc.byte_offset(end).max(from);
        Ok(doc.text()[from..to].to_string())
    }

    pub(crate) fn hit_spans(
        &mut self,
        query: String,
        id: DocId,
        options: HitSpansOptions,
    ) -> Result<HitSpans> {
        check_range("limit", options.limit, 1, 100_000)?;
        let corpus = &self.corpus;
        let doc = corpus.document(id)?;
        let scope = corpus.docs(Some(id), None)?;
        let parsed = corpus.parse_query(&query, options.case_sensitive)?;
        let hits = corpus.hits(&parsed, &scope)?;
        let start_of = |i: usize| doc.span(hits[i].pos as usize).0;
        let first = match options.index {
            Some(index) => index.min(hits.len()),
            None => {
                let from = doc.byte_offset(options.start);
                // Hits are in text order: the first that starts at or after `from`.
                partition(hits.len(), |i| start_of(i) < from)
            }
        };
        let end = match (options.index, options.end) {
            (None, Some(end)) => doc.byte_offset(end),
            _ => usize::MAX,
        };
        let mut spans = Vec::new();
        for (i, hit) in hits.iter().enumerate().skip(first).take(options.limit) {
            let from = start_of(i);
            if from >= end {
                break;
            }
            let to = doc.span(hit.pos as usize + hit.len.max(1) as usize - 1).1;
            spans.push(doc.utf16_offset(from));
            spans.push(doc.utf16_offset(to));
        }
        Ok(HitSpans {
            total: hits.len(),
            first,
            spans,
        })
    }

    pub(crate) fn terms(&mut self, options: TermsOptions) -> Result<Vec<TermFrequency<'_>>> {
        // Through terms_page, as termsPage: one copy of the list's code in the wasm.
        Ok(self.corpus.terms_page(&options)?.terms)
    }

    pub(crate) fn terms_page(&mut self, options: TermsOptions) -> Result<TermsPage<'_>> {
        self.corpus.terms_page(&options)
    }

    pub(crate) fn kwic(&mut self, query: String, options: KwicOptions) -> Result<Concordance<'_>> {
        let corpus = &self.corpus;
        let page = corpus.kwic(&query, &options)?;
        let docs = corpus.documents();
        Ok(Concordance {
            total: page.total,
            before_sample: page.before_sample,
            lines: page
                .lines
                .into_iter()
                .map(|line| KwicLine::new(&docs[line.doc as usize], line))
                .collect(),
        })
    }

    pub(crate) fn word_tree(
        &mut self,
        query: String,
        options: WordTreeOptions,
    ) -> Result<WordTree> {
        self.corpus.word_tree(&query, &options)
    }

    pub(crate) fn tokens(&mut self, id: DocId) -> Result<Vec<TokenInfo<'_>>> {
        let corpus = &self.corpus;
        let doc = corpus.document(id)?;
        Ok((0..doc.token_count())
            .map(|i| {
                let (start, end) = doc.span(i);
                TokenInfo {
                    start: doc.utf16_offset(start),
                    end: doc.utf16_offset(end),
                    term: corpus.vocab.term(doc.term_id(i)),
                }
            })
            .collect())
    }

    pub(crate) fn collocates(
        &mut self,
        query: String,
        options: CollocateOptions,
    ) -> Result<Collocates<'_>> {
        let found = self.corpus.collocates(&query, &options)?;
        Ok(Collocates {
            hits: found.hits,
            tokens: found.tokens,
            window_tokens: found.window_tokens,
            total: found.total,
            collocates: found.rows,
        })
    }

    pub(crate) fn network(
        &mut self,
        query: String,
        expanded: Vec<String>,
        options: CollocateOptions,
    ) -> Result<Network> {
        self.corpus.network(&query, &expanded, &options)
    }

    pub(crate) fn phrases(&mut self, options: NgramOptions) -> Result<Vec<Phrase>> {
        Ok(self
            .corpus
            .ngrams(&options)?
            .into_iter()
            .map(|g| Phrase {
                phrase: g.terms.join(" "),
                length: g.terms.len(),
                count: g.count,
                docs: g.docs,
                doc: g.first.0,
                token: g.first.1,
            })
            .collect())
    }

    pub(crate) fn keyness(&mut self, options: KeynessOptions) -> Result<Keyness<'_>> {
        let key = self.corpus.keyness(&options)?;
        Ok(Keyness {
            target_tokens: key.target_tokens,
            reference_tokens: key.reference_tokens,
            over: key.over,
            under: key.under,
            over_total: key.over_total,
            under_total: key.under_total,
        })
    }

    pub(crate) fn dispersion(
        &mut self,
        queries: OneOrMany<String>,
        options: DispersionOptions,
    ) -> Result<Vec<Dispersion>> {
        let corpus = &self.corpus;
        queries
            .0
            .into_iter()
            .map(|query| {
                let d = corpus.dispersion(&query, &options)?;
                let binned = options.bins.is_some();
                let docs = d
                    .docs
                    .into_iter()
                    .map(|dd| {
                        let doc = &corpus.documents()[dd.doc as usize];
                        let starts = match binned {
                            true => Vec::new(),
                            false => dd
                                .positions
                                .iter()
                                .map(|&p| doc.utf16_offset(doc.span(p as usize).0) as u32)
                                .collect(),
                        };
                        let segments = dd
                            .segment_tokens
                            .iter()
                            .zip(&dd.segment_hits)
                            .map(|(&tokens, &hits)| Segment {
                                tokens,
                                hits,
                                relative: match tokens {
                                    0 => 0.0,
                                    _ => hits as f64 * 10_000.0 / tokens as f64,
                                },
                            })
                            .collect();
                        DocDispersion {
                            doc: dd.doc,
                            tokens: dd.tokens,
                            positions: if binned { Vec::new() } else { dd.positions },
                            starts,
                            segments,
                            bins: dd.bins,
                        }
                    })
                    .collect();
                Ok(Dispersion {
                    query,
                    hits: d.hits,
                    dp: d.dp,
                    dp_norm: d.dp_norm,
                    parts: d.parts,
                    docs,
                })
            })
            .collect()
    }

    pub(crate) fn compare(
        &mut self,
        a: DocId,
        b: DocId,
        options: CompareOptions,
    ) -> Result<Comparison<'_>> {
        let corpus = &self.corpus;
        let cmp = corpus.compare(a, b, &options)?;
        let (da, db) = (corpus.document(a)?, corpus.document(b)?);
        let sentences = |doc, list: Vec<crate::Sentence>| -> Vec<AlignedSentence> {
            let doc: &crate::Document = doc;
            list.into_iter()
                .map(|s| AlignedSentence {
                    token: s.first_token,
                    tokens: s.tokens,
                    start: doc.utf16_offset(s.start),
                    end: doc.utf16_offset(s.end),
                    best: s.best,
                    similarity: s.similarity,
                })
                .collect()
        };
        Ok(Comparison {
            shared: cmp.shared,
            only_a: cmp.only_a,
            only_b: cmp.only_b,
            shared_types: cmp.shared_types,
            runs: cmp
                .runs
                .iter()
                .map(|r| SharedRun {
                    tokens: r.len,
                    a: Span::new(da, r.a, r.len),
                    b: Span::new(db, r.b, r.len),
                })
                .collect(),
            sentences_a: sentences(da, cmp.sentences_a),
            sentences_b: sentences(db, cmp.sentences_b),
        })
    }

    /// Adds all `items` at once (no progress, no cancelling): see [`AddJob`] for that.
    pub(crate) fn add_documents(&mut self, items: Vec<NewDocument>) -> Result<Added> {
        let mut job = AddJob::new(0, items);
        while job.step(self).is_some() {}
        Ok(job.finish(self))
    }

    /// Adds one text; returns its id.
    ///
    /// Its language is the one given, else the one detected from its text (if the engine has
    /// a language library and the text says).
    pub fn add(&mut self, item: NewDocument) -> Result<DocId> {
        let mut pending = self.begin(item)?;
        if let Err(error) = self.corpus.index_slice(&mut pending.building, usize::MAX) {
            self.corpus.abandon(pending.building);
            return Err(error);
        }
        self.finish(pending)
    }

    /// [`Engine::add`] of a text whose words were found ahead, on any thread
    /// ([`crate::index::Tokenized::new`]): the same document, the same index, and the same
    /// corpus file as [`Engine::add`] of its item, less the finding of words (native only;
    /// the command-line tool tokenises on all cores this way).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn add_tokenized(&mut self, tokenized: crate::index::Tokenized) -> Result<DocId> {
        let crate::index::Tokenized { item, mut words } = tokenized;
        let mut pending = self.begin(item)?;
        let indexed = match self
            .corpus
            .index_tokenized(&mut pending.building, &mut words)
        {
            // Another language than the words were found in: found again, in this one.
            Ok(false) => self
                .corpus
                .index_slice(&mut pending.building, usize::MAX)
                .map(|_| true),
            other => other,
        };
        if let Err(error) = indexed {
            self.corpus.abandon(pending.building);
            return Err(error);
        }
        self.finish(pending)
    }

    /// Starts adding a text to be indexed a slice at a time (see [`AddJob`]): its metadata
    /// checked (a text with invalid metadata is not added) and its language decided.
    fn begin(&mut self, item: NewDocument) -> Result<Pending> {
        let metadata = item.metadata.map(Metadata::validated).transpose()?;
        let title = item.title.as_deref().unwrap_or("");
        let (language, language_detected) = match item.language_detected {
            // Decided before: taken as it is, unknown included.
            Some(detected) => (
                item.language.as_deref().map(valid_language).transpose()?,
                detected,
            ),
            None => match item.language.as_deref() {
                Some(language) => (Some(valid_language(language)?), false),
                None => (self.corpus.detect(&item.text), true),
            },
        };
        let building = self
            .corpus
            .begin(title, item.text, language, None)
            .map_err(|(error, _)| error)?;
        Ok(Pending {
            building,
            record: Record {
                origin: Origin::User {
                    key: item.key,
                    encoding: item.encoding,
                },
                language_detected,
            },
            metadata,
        })
    }

    /// Ends a text begun with [`Engine::begin`], all its slices indexed.
    fn finish(&mut self, pending: Pending) -> Result<DocId> {
        let id = self
            .corpus
            .finish(pending.building)
            .map_err(|(error, _)| error)?;
        self.records.push(pending.record);
        if let Some(metadata) = pending.metadata {
            self.corpus.set_metadata(id, metadata)?;
        }
        Ok(id)
    }

    /// Whether answering `request` needs the language library: to detect the language of a
    /// text added without one, or to stem a `~word` query. (The boundary loads it first.)
    pub fn needs_languages(request: &Request) -> bool {
        let stems = |query: &str| query.contains('~');
        match request {
            Request::AddDocuments { items } => items
                .iter()
                .any(|i| i.language.is_none() && i.language_detected.is_none()),
            // A filter's word may be a `~word` too.
            Request::Kwic { query, options } => {
                stems(query) || options.filter.iter().any(|f| stems(&f.word))
            }
            Request::Collocates { query, .. }
            | Request::Network { query, .. }
            | Request::HitSpans { query, .. } => stems(query),
            Request::Dispersion { queries, .. } | Request::Trends { queries, .. } => {
                queries.0.iter().any(|q| stems(q))
            }
            Request::WordTree { query, options } => {
                stems(query) || options.filter.iter().any(|f| stems(&f.word))
            }
            _ => false,
        }
    }

    pub(crate) fn set_language(&mut self, id: DocId, language: String) -> Result<()> {
        let language = Some(language.trim()).filter(|l| !l.is_empty());
        self.corpus.set_language(id, language)?;
        self.records[id as usize].language_detected = false;
        Ok(())
    }

    pub(crate) fn remove_document(&mut self, id: DocId) -> Result<()> {
        self.corpus.remove_document(id)?;
        self.records.remove(id as usize);
        Ok(())
    }

    pub(crate) fn rename_document(&mut self, id: DocId, title: String) -> Result<()> {
        self.corpus.rename_document(id, title.trim())
    }

    pub(crate) fn set_metadata(&mut self, id: DocId, metadata: Metadata) -> Result<()> {
        self.corpus.set_metadata(id, metadata)
    }

    pub(crate) fn set_articles(&mut self, shown: bool) -> Result<()> {
        let ids: Vec<DocId> = (0..self.records.len() as DocId)
            .filter(|&id| matches!(self.records[id as usize].origin, Origin::Article(_)))
            .collect();
        if !shown {
            for &id in ids.iter().rev() {
                self.remove_document(id)?;
            }
        } else if ids.is_empty() {
            for (i, article) in crate::articles::ARTICLES.iter().enumerate() {
                let text = article.text.to_string();
                self.corpus
                    .add_in(article.title, text, Some(article.language))?;
                self.records.push(Record::article(i));
            }
            self.corpus.prepare();
        }
        Ok(())
    }

    pub(crate) fn set_stop_words(
        &mut self,
        language: String,
        words: Option<OneOrMany<String>>,
    ) -> Result<Vec<String>> {
        self.corpus.set_stop_words(&language, words.map(|w| w.0))?;
        Ok(self
            .corpus
            .stop_words(&valid_language(&language)?)
            .into_iter()
            .map(String::from)
            .collect())
    }

    pub(crate) fn set_folding(&mut self, fold: bool) -> Result<()> {
        self.corpus.set_folding(fold)?;
        self.corpus.prepare();
        Ok(())
    }

    /// Answered by the boundary, which has the storage.
    pub(crate) fn add_stored(&mut self) -> Result<Added> {
        Err(Error::invalid_request(
            "addStored runs in the browser's engine only".to_string(),
        ))
    }

    /// Answered by the boundary, which has the files; natively there is no decoder.
    pub(crate) fn add_files(
        &mut self,
        _inputs: Inputs,
        _files: Vec<FileInfo>,
        _options: AddFilesOptions,
    ) -> Result<AddedFiles> {
        Err(Error::invalid_request(
            "addFiles runs in the browser's engine only".to_string(),
        ))
    }

    /// Answered by the boundary, which has the inputs; natively there is no decoder.
    pub(crate) fn decode(&mut self, _inputs: Inputs, _max: Option<f64>) -> Result<Vec<Decoded>> {
        Err(Error::invalid_request(
            "decode runs in the browser's engine only".to_string(),
        ))
    }

    pub(crate) fn memory(&mut self) -> Result<Memory> {
        Ok(Memory {
            tokens: self
                .corpus
                .documents()
                .iter()
                .map(|d| d.token_count())
                .sum(),
            index_bytes: self.corpus.index_bytes(),
            wasm_bytes: None,
        })
    }

    pub(crate) fn trends(
        &mut self,
        queries: OneOrMany<String>,
        options: TrendsOptions,
    ) -> Result<Trends> {
        self.corpus.trends(&queries.0, &options)
    }

    /// A cancel that reaches the dispatch found no job running: nothing to do.
    pub(crate) fn cancel(&mut self, _job: u32) -> Result<()> {
        Ok(())
    }

    #[cfg(feature = "test-panic")]
    pub(crate) fn panic(&mut self) -> Result<()> {
        panic!("test-panic: a panic asked for by the test build")
    }
}

/// A text being added by an [`AddJob`]: the corpus's part, and the engine's.
#[derive(Debug)]
struct Pending {
    building: Building,
    record: Record,
    metadata: Option<Metadata>,
}

/// Bytes of text an [`AddJob`] step indexes at most (then to the end of a word): about 5 ms
/// in wasm, so that the boundary can post progress within a large text and read a cancel.
pub const SLICE_BYTES: usize = 256 * 1024;

/// An `addDocuments` job, a slice of a text a step (at most [`SLICE_BYTES`]), so that the
/// boundary can post progress (in characters, within a text too) and read a cancel between
/// steps. A text the engine refuses is recorded and the job goes on; cancelling removes what
/// the job added, the text being indexed included.
#[derive(Debug)]
pub struct AddJob {
    job: u32,
    items: std::vec::IntoIter<NewDocument>,
    next: usize,
    total: usize,
    chars: usize,
    total_chars: usize,
    added: Added,
    /// The text being indexed: its index in the items, its title, its UTF-16 length, and
    /// the characters done before it.
    current: Option<(usize, String, usize, Pending)>,
}

impl AddJob {
    /// A job `job` (the request's id) over `items`.
    pub fn new(job: u32, items: Vec<NewDocument>) -> AddJob {
        let total_chars = items.iter().map(|i| utf16_len(&i.text)).sum();
        AddJob {
            job,
            total: items.len(),
            items: items.into_iter(),
            next: 0,
            chars: 0,
            total_chars,
            added: Added::default(),
            current: None,
        }
    }

    /// Indexes the next slice (at most [`SLICE_BYTES`], to the end of a word) of the text
    /// being added, or starts the next text; `None` when all are done.
    pub fn step(&mut self, engine: &mut Engine) -> Option<Progress> {
        self.step_by(engine, SLICE_BYTES)
    }

    /// [`AddJob::step`] with slices of `max_bytes`.
    pub fn step_by(&mut self, engine: &mut Engine, max_bytes: usize) -> Option<Progress> {
        let (index, title, length, mut pending) = match self.current.take() {
            Some(current) => current,
            None => {
                let item = self.items.next()?;
                let index = self.next;
                self.next += 1;
                let length = utf16_len(&item.text);
                let title = item.title.clone().unwrap_or_default();
                match engine.begin(item) {
                    Ok(pending) => (index, title, length, pending),
                    Err(err) => {
                        self.refuse(index, title, err);
                        self.chars += length;
                        return Some(self.progress());
                    }
                }
            }
        };
        let from = pending.building.indexed();
        let indexed = engine.corpus.index_slice(&mut pending.building, max_bytes);
        self.chars += utf16_len(pending.building.text_between(from));
        match indexed {
            Ok(false) => self.current = Some((index, title, length, pending)),
            Ok(true) => match engine.finish(pending) {
                Ok(id) => self.added.added.push(id),
                Err(err) => self.refuse(index, title, err),
            },
            Err(err) => {
                let left = pending.building.len() - pending.building.indexed();
                engine.corpus.abandon(pending.building);
                // What was not indexed counts as done: the job's total is reached.
                self.chars += left.min(length);
                self.refuse(index, title, err);
            }
        }
        Some(self.progress())
    }

    fn refuse(&mut self, index: usize, title: String, err: Error) {
        self.added.errors.push(Refused {
            index,
            title,
            message: err.to_string(),
        });
    }

    fn progress(&self) -> Progress {
        Progress {
            job: self.job,
            done: self.next - usize::from(self.current.is_some()),
            total: self.total,
            chars: self.chars.min(self.total_chars),
            total_chars: self.total_chars,
            stage: Stage::Indexing,
        }
    }

    /// Ends the job: builds the postings once for the batch.
    pub fn finish(self, engine: &mut Engine) -> Added {
        debug_assert!(self.current.is_none());
        engine.corpus.prepare();
        self.added
    }

    /// Cancels the job: removes what it added (nothing of a cancelled batch is kept).
    pub fn cancel(mut self, engine: &mut Engine) -> Added {
        if let Some((_, _, _, pending)) = self.current.take() {
            engine.corpus.abandon(pending.building);
        }
        for &id in self.added.added.iter().rev() {
            // The ids were just added and nothing ran in between: they exist.
            let _ = engine.remove_document(id);
        }
        Added {
            added: Vec::new(),
            errors: self.added.errors,
            cancelled: true,
        }
    }
}

impl Engine {
    /// Writes the body of its corpus file (see [`crate::corpus_file`]): the corpus, and each
    /// document's origin after its title.
    pub(crate) fn write_body(&self, w: &mut Writer) {
        self.corpus.write_body(w, &|w, id| {
            let record = &self.records[id];
            match &record.origin {
                Origin::User { encoding, .. } => {
                    w.byte(0);
                    w.optional(encoding.as_deref());
                }
                Origin::Article(i) => {
                    w.byte(1);
                    w.number(*i as u64);
                }
            }
            w.byte(u8::from(record.language_detected));
        });
    }

    /// Reads what [`Engine::write_body`] wrote.
    pub(crate) fn read_body(r: &mut Reader) -> Result<Engine> {
        let mut records = Vec::new();
        let corpus = Corpus::read_body(r, &mut |r| {
            let origin = match r.byte("a document's origin")? {
                0 => Origin::User {
                    key: None,
                    encoding: r.optional("a document's encoding")?,
                },
                1 => {
                    let articles = crate::articles::ARTICLES.len() as u64;
                    Origin::Article(r.below(articles, "an article's number")? as usize)
                }
                b => return Err(invalid(format!("a document's origin is {b}, not 0 or 1"))),
            };
            let language_detected = r.flag("whether a language was detected")?;
            records.push(Record {
                origin,
                language_detected,
            });
            Ok(())
        })?;
        Ok(Engine { corpus, records })
    }

    /// The corpus file of this engine (see [`crate::corpus_file::write`]).
    pub(crate) fn save_corpus(&mut self) -> Result<Bytes> {
        Ok(Bytes(crate::corpus_file::write(self)))
    }

    /// Opens a corpus file in place of this corpus, keeping the language library; on any
    /// error this corpus is untouched.
    pub(crate) fn open_corpus(&mut self, bytes: FileBytes) -> Result<Opened> {
        let mut opened = crate::corpus_file::read(&bytes.0)?;
        opened.corpus.set_languages(self.corpus.languages().clone());
        *self = opened;
        Ok(self.opened())
    }

    /// Sets each document's storage key (see `setKeys`).
    pub(crate) fn set_keys(&mut self, keys: Vec<Option<u32>>) -> Result<()> {
        if keys.len() != self.records.len() {
            return Err(Error::invalid_option(
                "keys",
                format!(
                    "expected one key (or null) per document, {}, got {}",
                    self.records.len(),
                    keys.len()
                ),
            ));
        }
        for (record, new) in self.records.iter_mut().zip(keys) {
            if let Origin::User { key, .. } = &mut record.origin {
                *key = new;
            }
        }
        Ok(())
    }

    /// What [`Engine::open_corpus`] answers: the corpus's size and settings.
    pub(crate) fn opened(&self) -> Opened {
        Opened {
            documents: self.records.len(),
            tokens: self
                .corpus
                .documents()
                .iter()
                .map(|d| d.token_count())
                .sum(),
            fold: self.corpus.folding(),
            stop_words: self
                .corpus
                .stop_words
                .lists()
                .map(|(language, words)| StopList {
                    language: language.to_string(),
                    words: words.to_vec(),
                })
                .collect(),
        }
    }
}

/// A text's length in UTF-16 code units, as JavaScript counts it.
fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}
