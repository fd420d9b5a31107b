//! The engine's contract, declared once: every operation the page can ask of the engine, its
//! arguments and its answer.
//!
//! The `operations!` invocation below is the one declaration. From it come:
//! - [`Request`], the serde enum a message deserializes into (`{op: "kwic", args: {query,
//!   options}}`), which [`crate::engine::Engine::handle`] dispatches;
//! - [`Response`], the serde enum of the answers;
//! - [`OPERATIONS`], each operation's name and parameters, from which `tests/contract.rs`
//!   generates `www/operations.js` (the client's methods) and the TypeScript declarations
//!   `npm/types/engine.d.ts`, and fails when the committed files have drifted.
//!
//! Options are the core's own option structs (`KwicOptions`, …): their `Default` impls are
//! the defaults, and serde reads a JavaScript options object into them field by field, with
//! `camelCase` names; an unknown or mistyped option is an error that names it.
//!
//! Offsets in answers are UTF-16 code units, as JavaScript indexes strings: the core keeps
//! byte offsets, and the answer types here convert them (`text.slice(start, end)` is exact).

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, Result};
use crate::index::{Corpus, DocId, Document};
use crate::metadata::Metadata;
use crate::{
    Collocate, CollocateOptions, CompareOptions, DispersionOptions, KeynessOptions, Keyword,
    KwicOptions, Network, NgramOptions, Summary, TermCounts, TermFrequency, TermsOptions,
    TermsPage, Trends, TrendsOptions, WordTree, WordTreeOptions,
};

#[cfg(not(target_arch = "wasm32"))]
use ts_rs::TS;

/// One operation of the contract: its name as JavaScript calls it, and its parameters.
#[cfg(not(target_arch = "wasm32"))]
pub struct Operation {
    /// The method's name (`addDocuments`).
    pub name: &'static str,
    /// What it does (the declaration's doc comment).
    pub doc: &'static str,
    /// Its parameters, in call order.
    pub params: &'static [Param],
    /// The TypeScript type of its answer.
    pub returns: fn(&ts_rs::Config) -> String,
    /// Declares the answer's named types and all they refer to.
    pub visit: fn(&mut dyn FnMut(Declared)),
}

/// A parameter of an [`Operation`].
#[cfg(not(target_arch = "wasm32"))]
pub struct Param {
    /// Its name in the message's `args` (`maxBytes`).
    pub name: &'static str,
    /// Whether it may be left out (the options objects: every field has a default).
    pub optional: bool,
    /// Its TypeScript type.
    pub ts: fn(&ts_rs::Config) -> String,
    /// Declares its named types and all they refer to.
    pub visit: fn(&mut dyn FnMut(Declared)),
}

/// A named TypeScript type, as [`Operation::visit`] reports it.
#[cfg(not(target_arch = "wasm32"))]
pub struct Declared {
    /// The type's name.
    pub name: String,
    /// Its declaration (`type KwicOptions = { … }`).
    pub decl: String,
    /// Whether it is an options object (an argument that may be left out, every field of
    /// which has a default): each field may be left out.
    pub input: bool,
}

/// Visits `T` and every named type it refers to, depth first.
#[cfg(not(target_arch = "wasm32"))]
fn visit<T: TS + 'static + ?Sized>(input: bool, out: &mut dyn FnMut(Declared)) {
    struct Visitor<'a> {
        out: &'a mut dyn FnMut(Declared),
    }
    impl ts_rs::TypeVisitor for Visitor<'_> {
        fn visit<U: TS + 'static + ?Sized>(&mut self) {
            // Only the options object itself has a default for every field.
            visit::<U>(false, self.out);
        }
    }
    let cfg = ts_rs::Config::default();
    if T::output_path().is_some() {
        (out)(Declared {
            name: T::ident(&cfg),
            decl: T::decl(&cfg),
            input,
        });
    }
    let mut visitor = Visitor { out };
    T::visit_dependencies(&mut visitor);
    // `Vec<DocumentInfo>`'s own dependencies do not include `DocumentInfo`: its generics do.
    T::visit_generics(&mut visitor);
}

/// Declares the types of what the engine posts besides answers (progress while indexing), for
/// the generated TypeScript.
#[cfg(not(target_arch = "wasm32"))]
pub fn declare_events(out: &mut dyn FnMut(Declared)) {
    visit::<Progress>(false, out);
}

/// Declares the operations: `Variant => method { arg: Type [= default], … } -> Answer;`.
/// An argument marked `= default` may be left out (it takes `Default::default()`).
macro_rules! operations {
    ($(
        $(#[doc = $doc:literal])*
        $(#[cfg($cfg:meta)])?
        $variant:ident => $method:ident { $($arg:ident : $ty:ty $(= $default:ident)?),* $(,)? } -> $ret:ty;
    )*) => {
        /// A request: one variant per operation, read from `{op, args}` by [`Request::read`].
        #[derive(Debug)]
        pub enum Request {
            $(
                $(#[doc = $doc])*
                $(#[cfg($cfg)])?
                $variant { $(
                    #[allow(missing_docs)]
                    $arg: $ty
                ),* },
            )*
        }

        impl Request {
            /// Reads the request of operation `op` (as JavaScript names it, `addDocuments`)
            /// from its arguments, each by its own name: an argument that is absent (or
            /// `null`) takes its default where it has one, and is missing otherwise.
            pub fn read(op: &str, args: &mut impl Args) -> Result<Request> {
                $(
                    $(#[cfg($cfg)])?
                    if op == js_name(stringify!($method)) {
                        return Ok(Request::$variant { $(
                            $arg: operations!(@read args, stringify!($arg) $(, $default)?),
                        )* });
                    }
                )*
                let names: Vec<String> = PARAMS.iter().map(|(method, _)| js_name(method)).collect();
                Err(Error::invalid_request(format!(
                    "unknown operation `{op}`, expected one of {}",
                    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
                )))
            }
        }

        /// An answer: one variant per operation, written as the answer's own value.
        #[derive(Debug, Serialize)]
        #[serde(untagged)]
        pub enum Response<'a> {
            $(
                $(#[doc = $doc])*
                $(#[cfg($cfg)])?
                $variant($ret),
            )*
        }

        /// The operations, in declaration order (native only: for the generated files).
        #[cfg(not(target_arch = "wasm32"))]
        pub const OPERATIONS: &[Operation] = &[$(
            $(#[cfg($cfg)])?
            Operation {
                name: stringify!($method),
                doc: concat!($($doc, "\n"),*),
                params: &[$(Param {
                    name: stringify!($arg),
                    optional: operations!(@optional $($default)?),
                    ts: <$ty as TS>::name,
                    visit: |out| visit::<$ty>(operations!(@optional $($default)?), out),
                }),*],
                returns: {
                    type Answer<'a> = $ret;
                    <Answer<'static> as TS>::name
                },
                visit: |out| {
                    type Answer<'a> = $ret;
                    visit::<Answer<'static>>(false, out)
                },
            },
        )*];

        /// Each operation's method name and its parameters, each with the fields serde reads
        /// of it (for [`check_fields`]).
        const PARAMS: &[(&str, &[(&str, fn() -> &'static [&'static str])])] = &[$(
            $(#[cfg($cfg)])?
            (stringify!($method), &[$((stringify!($arg), fields_of::<$ty>)),*]),
        )*];

        impl crate::engine::Engine {
            /// Runs one request.
            pub fn handle(&mut self, request: Request) -> Result<Response<'_>> {
                match request {
                    $(
                        $(#[cfg($cfg)])?
                        Request::$variant { $($arg),* } => {
                            self.$method($($arg),*).map(Response::$variant)
                        }
                    )*
                }
            }
        }
    };
    (@read $args:ident, $name:expr, default) => {
        $args.arg(&js_name($name))?.unwrap_or_default()
    };
    (@read $args:ident, $name:expr) => {
        $args.arg(&js_name($name))?.ok_or_else(|| {
            Error::invalid_request(format!("missing field `{}`", js_name($name)))
        })?
    };
    (@optional default) => { true };
    (@optional) => { false };
}

operations! {
    /// The documents, in id order, with their titles and where they came from.
    Documents => documents {} -> Vec<DocumentInfo>;
    /// Summary figures of one document (`doc`) or of the whole corpus.
    Summary => summary { options: SummaryOptions = default } -> Summary;
    /// A document's full text, exactly as given.
    Text => text { id: DocId } -> String;
    /// The frequency list: by count (descending), then term.
    Terms => terms { options: TermsOptions = default } -> Vec<TermFrequency<'a>>;
    /// One page of the frequency list (`offset`, `limit`, `contains`), with the number of
    /// terms in the list, of those that contain `contains`, and the highest count: a view
    /// receives only the rows it shows.
    TermsPage => terms_page { options: TermsOptions = default } -> TermsPage<'a>;
    /// The concordance of a query: one page of lines, and the number of hits.
    Kwic => kwic { query: String, options: KwicOptions = default } -> Concordance<'a>;
    /// How a document was tokenised.
    Tokens => tokens { id: DocId } -> Vec<TokenInfo<'a>>;
    /// The collocates of a query, with their association measures.
    Collocates => collocates { query: String, options: CollocateOptions = default } -> Collocates<'a>;
    /// Repeated phrases (n-grams).
    Phrases => phrases { options: NgramOptions = default } -> Vec<Phrase>;
    /// Keywords of target documents against reference documents.
    Keyness => keyness { options: KeynessOptions = default } -> Keyness<'a>;
    /// Where one or more queries occur: positions, segments and Gries' DP.
    Dispersion => dispersion { queries: OneOrMany<String>, options: DispersionOptions = default }
        -> Vec<Dispersion>;
    /// Two documents compared: shared and own vocabulary, shared passages, sentence alignment.
    Compare => compare { a: DocId, b: DocId, options: CompareOptions = default } -> Comparison<'a>;
    /// Adds texts in order (a job: reports progress, can be cancelled; a text the engine
    /// refuses is reported in `errors` and the others go on).
    AddDocuments => add_documents { items: Vec<NewDocument> } -> Added;
    /// Removes a document: the documents after it move down by one id.
    RemoveDocument => remove_document { id: DocId } -> ();
    /// Renames a document; a blank title becomes "Document N".
    RenameDocument => rename_document { id: DocId, title: String } -> ();
    /// Sets a document's metadata (author, date, source and `name: value` fields), in place
    /// of what it had; values are trimmed, blank ones dropped. A date that is not ISO 8601
    /// (2024, 2024-06, 2024-06-03), or a field without a name or named twice, is refused
    /// and nothing changes.
    SetMetadata => set_metadata { id: DocId, metadata: Metadata } -> ();
    /// Sets a document's language, in place of the one given or detected: an ISO 639-1 code
    /// such as `fr`; empty, `null` or left out for unknown.
    SetLanguage => set_language { id: DocId, language: String = default } -> ();
    /// Hides the embedded articles (removes them), or brings them back at the end.
    SetArticles => set_articles { shown: bool } -> ();
    /// Sets the stop words of a language (`en`, `fr`: two or three letters), normalised as
    /// terms are (a word or a list); `words` absent or `null` restores the default (NLTK's list for English,
    /// none for another language). Views that leave out stop words apply each document's
    /// language's list; a document of unknown language uses English's. Answers the list now in
    /// use, normalised and sorted (so `null` reads a language's default).
    SetStopWords => set_stop_words { language: String, words: Option<OneOrMany<String>> = default } -> Vec<String>;
    /// Folds diacritics (`fold: true`: `Zürich` and `Zurich` are one term, `zurich`, in
    /// every count and query), or stops folding them (`false`, the default). The documents
    /// are indexed again in place: the same ids, titles, languages and origins.
    SetFolding => set_folding { fold: bool } -> ();
    /// Bytes to text (BOM, else UTF-8, else a detected legacy encoding), in the engine's
    /// thread; the inputs are Files or ArrayBuffers (transferred). Answered by the boundary.
    Decode => decode { inputs: Inputs, max_bytes: Option<f64> = default } -> Vec<Decoded>;
    /// Files added in the engine's thread, so that their text never crosses to the page: a
    /// job, as `addDocuments`, whose stages are reading and decoding each file (as `decode`),
    /// checking it (empty, binary, too large, over the room left), storing the batch in the
    /// page's storage (IndexedDB, with `options.store`) and indexing it a slice at a time.
    /// Progress names the stage; a cancel at any stage keeps nothing of the batch, in the
    /// engine or in storage. `files` gives each input's name and title. Answered by the
    /// boundary.
    AddFiles => add_files { inputs: Inputs, files: Vec<FileInfo>, options: AddFilesOptions = default } -> AddedFiles;
    /// The texts kept in the page's storage added again, in the engine's thread, so that
    /// they never cross to the page (on a reload): a job, as `addDocuments`, in the order
    /// they were stored. A text the engine refuses is reported in `errors` (its index in that
    /// order) and forgotten by the storage. Answered by the boundary.
    AddStored => add_stored {} -> Added;
    /// The tokens indexed and the memory the engine holds.
    Memory => memory {} -> Memory;
    /// Stops the running `addDocuments` job `job` (its request id): it then answers
    /// `cancelled: true` and has added nothing. Handled as soon as it arrives.
    Cancel => cancel { job: u32 } -> ();
    /// The relative frequency (hits per 10,000 tokens) of one to ten queries across the
    /// documents in corpus order, or across their dates by year or month, with the undated
    /// documents counted apart.
    Trends => trends { queries: OneOrMany<String>, options: TrendsOptions = default } -> Trends;
    /// The word tree of a query: the contexts on one side merged by shared words.
    WordTree => word_tree { query: String, options: WordTreeOptions = default } -> WordTree;
    /// The collocation network of a query: its top collocates by the measure `sort`, and those
    /// of the `expanded` terms (nodes of the graph), laid out deterministically in the unit
    /// square; the edges carry the Collocates view's numbers. The options are `collocates`'s,
    /// with `limit` the collocates per node (1 to 30, default 10).
    Network => network { query: String, expanded: Vec<String> = default, options: CollocateOptions = default } -> Network;
    /// The corpus file of this corpus (see the README's "The corpus file"): its texts
    /// exactly as given, titles, languages, metadata, settings (folding, stop-word lists)
    /// and built index, as bytes. The same corpus gives the same bytes, so their SHA-256
    /// names it.
    SaveCorpus => save_corpus {} -> Bytes;
    /// Opens a corpus file (its bytes: a Uint8Array, ArrayBuffer or Blob) in place of this
    /// corpus, without tokenising anything again. A truncated, damaged, foreign or
    /// newer-version file is refused with a message saying which, and the corpus open before
    /// is untouched. The opened documents have no storage keys until `setKeys`.
    OpenCorpus => open_corpus { bytes: FileBytes } -> Opened;
    /// Sets the storage key of each document, in id order (`null` for one not stored, or an
    /// article); the list must have one entry per document.
    SetKeys => set_keys { keys: Vec<Option<u32>> } -> ();
    /// Where to cut a document's text into blocks of about `size` UTF-16 units (after a line
    /// break where one is near, else after a space), for a view that shows a long text a block
    /// at a time: the UTF-16 offset of each block's start, then the text's length.
    TextBlocks => text_blocks { id: DocId, options: TextBlocksOptions = default } -> Vec<usize>;
    /// A document's text from UTF-16 offset `start` to `end` (clamped to the text; an offset
    /// inside a character moves to its start).
    TextSlice => text_slice { id: DocId, start: usize, end: usize } -> String;
    /// The hits of a query in document `doc`, as UTF-16 spans in text order: those that start
    /// in `start..end`, or from the `index`-th hit on; at most `limit`, with their number in
    /// all and the index of the first one given (for a Reader's "hit n of N").
    HitSpans => hit_spans { query: String, doc: DocId, options: HitSpansOptions = default } -> HitSpans;
    /// Test builds only: panics, to test that the page recovers.
    #[cfg(feature = "test-panic")]
    Panic => panic {} -> ();
}

/// Options of `summary`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct SummaryOptions {
    /// Summarise this document only; absent (or `null`) for the whole corpus.
    pub doc: Option<DocId>,
    /// Only the documents of this subcorpus (`newspaper = Mint`, `date 2024-06`: see
    /// [`crate::scope`]); with `doc`, that document if it is in it.
    pub scope: Option<crate::scope::Scope>,
}

/// One value or a list of them (`dispersion("whale")` or `dispersion(["whale", "sea"])`).
#[derive(Clone, Debug, PartialEq)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        use serde::de::{self, IntoDeserializer, SeqAccess, Visitor};
        struct Either<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Either<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("one value or an array of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(|one| OneOrMany(vec![one]))
            }
            fn visit_string<E: de::Error>(self, v: String) -> std::result::Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(|one| OneOrMany(vec![one]))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(|one| OneOrMany(vec![one]))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(|one| OneOrMany(vec![one]))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
                T::deserialize(v.into_deserializer()).map(|one| OneOrMany(vec![one]))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut many = Vec::new();
                while let Some(one) = seq.next_element()? {
                    many.push(one);
                }
                Ok(OneOrMany(many))
            }
        }
        deserializer.deserialize_any(Either(std::marker::PhantomData))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: TS + 'static> TS for OneOrMany<T> {
    type WithoutGenerics = OneOrMany<String>;
    type OptionInnerType = Self;
    fn name(cfg: &ts_rs::Config) -> String {
        format!("{0} | {0}[]", T::name(cfg))
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }
    fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor) {
        v.visit::<T>();
    }
}

/// A document id or a list of them (keyness' `target`), for `#[serde(with)]`.
pub(crate) mod doc_list {
    use super::*;
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Vec<DocId>, D::Error> {
        OneOrMany::deserialize(d).map(|ids| ids.0)
    }
}

/// [`doc_list`], or `null`/absent for none (keyness' `reference`: the rest of the corpus).
pub(crate) mod optional_doc_list {
    use super::*;
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Option<Vec<DocId>>, D::Error> {
        Option::<OneOrMany<DocId>>::deserialize(d).map(|ids| ids.map(|ids| ids.0))
    }
}

/// The inputs of `decode`: Files (Blobs) or ArrayBuffers. They cannot be read by serde; the
/// boundary takes them from the message itself, so here they are skipped.
#[derive(Clone, Debug, Default)]
pub struct Inputs;

impl<'de> Deserialize<'de> for Inputs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| Inputs)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl TS for Inputs {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "(Blob | ArrayBuffer)[]".into()
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }
}

/// Bytes in an answer: a Uint8Array in JavaScript (the boundary builds it), a list of
/// numbers in JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl TS for Bytes {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "Uint8Array".into()
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }
}

/// The bytes of a file to open: a Uint8Array, ArrayBuffer or Blob, which the boundary reads
/// from the message itself (serde skips them there); natively, a list of numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileBytes(pub Vec<u8>);

impl<'de> Deserialize<'de> for FileBytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        #[cfg(target_arch = "wasm32")]
        return serde::de::IgnoredAny::deserialize(deserializer).map(|_| FileBytes::default());
        #[cfg(not(target_arch = "wasm32"))]
        return Vec::<u8>::deserialize(deserializer).map(FileBytes);
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl TS for FileBytes {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "Uint8Array | ArrayBuffer | Blob".into()
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }
}

/// The answer of `openCorpus`: the corpus opened, and its settings, for the page to adopt.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Opened {
    /// Its documents.
    pub documents: usize,
    /// Its tokens.
    pub tokens: usize,
    /// Whether it folds diacritics.
    pub fold: bool,
    /// The stop-word lists set in it, by language (a language not listed has its default).
    pub stop_words: Vec<StopList>,
}

/// A stop-word list of a language (normalised and sorted).
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct StopList {
    /// Its language code.
    pub language: String,
    /// Its words.
    pub words: Vec<String>,
}

/// A text to add.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct NewDocument {
    /// Its title; blank for "Document N".
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub title: Option<String>,
    /// The text, exactly as it is to be shown.
    pub text: String,
    /// Its key in the page's storage (IndexedDB), if it is stored.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub key: Option<u32>,
    /// How it was decoded (shown in the Texts view), if it came from a file.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub encoding: Option<String>,
    /// Its language, an ISO 639-1 code (`en`, `fr`, `zh`; ISO 639-3 for a language without
    /// one); absent to have it detected from the text.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub language: Option<String>,
    /// For a text added again (from the page's storage, or after a restart) whose language
    /// was decided before: whether it was detected then (as `documents` said). Given, the
    /// `language` is taken as it is, `null` meaning unknown, and nothing is detected again.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub language_detected: Option<bool>,
    /// Its author, date, source and other fields (checked as `setMetadata` checks them: a
    /// text with invalid metadata is refused).
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub metadata: Option<Metadata>,
}

/// A document as `documents` lists it.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct DocumentInfo {
    /// Its id: its index in the list.
    pub id: DocId,
    /// Its title.
    pub title: String,
    /// Characters (Unicode scalar values).
    pub chars: usize,
    /// Words.
    pub tokens: usize,
    /// Distinct terms.
    pub types: usize,
    /// Sentences that contain a word.
    pub sentences: usize,
    /// `article` (embedded) or `user` (added).
    pub source: Source,
    /// A user text's storage key, if it is stored.
    pub key: Option<u32>,
    /// How a user text was decoded, if it came from a file.
    pub encoding: Option<String>,
    /// Its language: an ISO 639-1 code (ISO 639-3 for a language without one), or `null`
    /// when it is unknown (not given, and the text too short or too ambiguous to detect).
    pub language: Option<String>,
    /// Whether the engine detected the language from the text (`false`: it was given when
    /// the text was added, or set since, or the text is an article, declared English).
    pub language_detected: bool,
    /// Its author, date, source and other fields.
    pub metadata: Metadata,
}

/// Where a document came from.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub enum Source {
    /// One of the embedded articles.
    Article,
    /// A text the user (or the host page) added.
    User,
}

/// One page of a concordance.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Concordance<'a> {
    /// Hits in all pages.
    pub total: usize,
    /// This page's lines.
    pub lines: Vec<KwicLine<'a>>,
    /// With `options.sample`, the number of (filtered) hits the sample was drawn from;
    /// `null` without a sample.
    pub before_sample: Option<usize>,
}

/// A concordance line, with UTF-16 offsets.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct KwicLine<'a> {
    /// The document.
    pub doc: DocId,
    /// The keyword's first token index in its document.
    pub token: usize,
    /// The keyword's tokens (more than one for a phrase).
    pub tokens: usize,
    /// UTF-16 offset of the keyword in the document's text.
    pub start: usize,
    /// UTF-16 offset just past the keyword.
    pub end: usize,
    /// The context before the keyword, as written.
    pub left: &'a str,
    /// The keyword as written.
    pub keyword: &'a str,
    /// The context after the keyword, as written.
    pub right: &'a str,
}

/// A token of `tokens`, with UTF-16 offsets.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct TokenInfo<'a> {
    /// UTF-16 offset of the word.
    pub start: usize,
    /// UTF-16 offset just past it.
    pub end: usize,
    /// Its term (the counting form).
    pub term: &'a str,
}

/// The answer of `collocates`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Collocates<'a> {
    /// The query's hits.
    pub hits: usize,
    /// Tokens in the scope.
    pub tokens: usize,
    /// Window positions (the union of the windows less the hits).
    pub window_tokens: usize,
    /// The collocates listed, before `offset` and `limit`.
    pub total: usize,
    /// The collocates, sorted by the chosen measure (or `order`): `limit` from `offset`.
    pub collocates: Vec<Collocate<'a>>,
}

/// A repeated phrase.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Phrase {
    /// Its terms, separated by spaces.
    pub phrase: String,
    /// Its number of words.
    pub length: usize,
    /// How often it occurs.
    pub count: usize,
    /// In how many documents.
    pub docs: usize,
    /// The document of its first occurrence.
    pub doc: DocId,
    /// The token index of its first occurrence.
    pub token: u32,
}

/// The answer of `keyness`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Keyness<'a> {
    /// Tokens in the target.
    pub target_tokens: usize,
    /// Tokens in the reference.
    pub reference_tokens: usize,
    /// Terms relatively more frequent in the target, by G² (or `order`): `limit` from
    /// `offset`.
    pub over: Vec<Keyword<'a>>,
    /// The other terms, by G² (or `order`): `limit` from `offset`.
    pub under: Vec<Keyword<'a>>,
    /// The terms over-used in the target (below `maxP`), before `offset` and `limit`.
    pub over_total: usize,
    /// The terms under-used in the target (below `maxP`), before `offset` and `limit`.
    pub under_total: usize,
}

/// The dispersion of one query.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Dispersion {
    /// The query.
    pub query: String,
    /// Its hits in the scope.
    pub hits: usize,
    /// Gries' deviation of proportions; `null` when the query has no hit.
    pub dp: Option<f64>,
    /// DP normalised by `1 − min sᵢ`; `null` when the query has no hit.
    pub dp_norm: Option<f64>,
    /// The parts DP was computed over (documents, or segments of one).
    pub parts: usize,
    /// Per document.
    pub docs: Vec<DocDispersion>,
}

/// The dispersion of a query in one document.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct DocDispersion {
    /// The document.
    pub doc: DocId,
    /// Its tokens.
    pub tokens: usize,
    /// The hits' token indices.
    pub positions: Vec<u32>,
    /// The hits' UTF-16 offsets.
    pub starts: Vec<u32>,
    /// The hits in each of the `bins` equal parts of the document, when `bins` was given;
    /// `positions` and `starts` are then left empty (a barcode needs no more).
    pub bins: Vec<u32>,
    /// Equal parts of the document, in order.
    pub segments: Vec<Segment>,
}

/// A segment of a document, for dispersion.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Segment {
    /// Its tokens.
    pub tokens: usize,
    /// The hits in it.
    pub hits: usize,
    /// Hits per 10,000 tokens of the segment.
    pub relative: f64,
}

/// The answer of `compare`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Comparison<'a> {
    /// Terms in both, by combined count.
    pub shared: Vec<TermCounts<'a>>,
    /// Terms of `a` only.
    pub only_a: Vec<TermCounts<'a>>,
    /// Terms of `b` only.
    pub only_b: Vec<TermCounts<'a>>,
    /// How many terms both have.
    pub shared_types: usize,
    /// Passages both share word for word.
    pub runs: Vec<SharedRun>,
    /// The sentences of `a`, each with its best match in `b`.
    pub sentences_a: Vec<AlignedSentence>,
    /// The sentences of `b`, each with its best match in `a`.
    pub sentences_b: Vec<AlignedSentence>,
}

/// A passage two documents share.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct SharedRun {
    /// Its length in tokens.
    pub tokens: usize,
    /// Where it is in `a`.
    pub a: Span,
    /// Where it is in `b`.
    pub b: Span,
}

/// Where a run of tokens is in a document.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Span {
    /// The first token's index.
    pub token: usize,
    /// UTF-16 offset of its start.
    pub start: usize,
    /// UTF-16 offset of its end.
    pub end: usize,
}

/// A sentence and its most similar sentence in the other document.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct AlignedSentence {
    /// Its first token's index.
    pub token: usize,
    /// Its tokens.
    pub tokens: usize,
    /// UTF-16 offset of its start.
    pub start: usize,
    /// UTF-16 offset of its end.
    pub end: usize,
    /// The index of the most similar sentence of the other document; `null` when none
    /// shares a content word.
    pub best: Option<usize>,
    /// The cosine similarity to it, 0 to 1.
    pub similarity: f64,
}

/// The answer of `addDocuments`.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Added {
    /// The ids of the texts added, in order.
    pub added: Vec<DocId>,
    /// The texts refused, with the engine's reason.
    pub errors: Vec<Refused>,
    /// Whether the job was cancelled (then nothing was added).
    pub cancelled: bool,
}

/// A text `addDocuments` refused.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Refused {
    /// Its index in the items.
    pub index: usize,
    /// Its title, as given.
    pub title: String,
    /// Why.
    pub message: String,
}

/// Indexing progress, posted while `addDocuments` runs: `{progress: {...}}`.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Progress {
    /// The job: the `addDocuments` request's id.
    pub job: u32,
    /// Texts done.
    pub done: usize,
    /// Texts in the job.
    pub total: usize,
    /// Characters (UTF-16 code units) done.
    pub chars: usize,
    /// Characters in the job.
    pub total_chars: usize,
    /// What the job is doing.
    pub stage: Stage,
}

/// A decoded input (`decode`): what the boundary's decoder answers. Declared here for the
/// types; the decoder builds it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Decoded {
    /// The input's size.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub bytes: Option<f64>,
    /// True when the bytes are not text.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub binary: Option<bool>,
    /// The text.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub text: Option<String>,
    /// The encoding it was decoded from.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub encoding: Option<String>,
    /// How the encoding was found: `bom`, `utf8` or `detected`.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub how: Option<String>,
    /// Whether some bytes were not valid in that encoding.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub had_errors: Option<bool>,
    /// Why the input could not be read.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub error: Option<String>,
}

/// A file given to `addFiles`: its name (for messages) and the title of its text. Read by
/// the boundary from the message itself (as the inputs are): serde skips it, so that the
/// engine's wasm holds no reader for these types.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
#[cfg_attr(not(target_arch = "wasm32"), ts(rename_all = "camelCase"))]
pub struct FileInfo {
    /// The file's name.
    pub name: String,
    /// The title of its text; blank or absent for "Document N".
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub title: Option<String>,
    /// A text a format's reader made (the page's readers of DOCX, ODT, EPUB, RTF, PDF): its
    /// bytes are read as UTF-8, without the decoder and its look for a binary file, bounded
    /// by `maxChars` rather than `maxBytes`, and this label (`DOCX`) is kept as its encoding.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub encoding: Option<String>,
    /// Its metadata, as `addDocuments` takes it (a DOCX's author and date).
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub metadata: Option<Metadata>,
}

/// Options of `addFiles`, read by the boundary from the message itself (see [`FileInfo`]).
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
#[cfg_attr(not(target_arch = "wasm32"), ts(rename_all = "camelCase"))]
pub struct AddFilesOptions {
    /// The largest file read, in bytes (a larger one is refused, `tooLarge`); absent: any.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub max_bytes: Option<f64>,
    /// The characters (UTF-16 code units) the batch may add in all (a text that would pass
    /// it is refused, `overLimit`, and later smaller ones may still fit); absent: any.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional))]
    pub max_chars: Option<f64>,
    /// Store the texts in the page's storage before indexing them.
    pub store: bool,
    /// How each way of finding an encoding is said, for the encoding kept with each text:
    /// `utf-8 (valid UTF-8)`.
    pub how: HowSaid,
}

/// How each way of finding an encoding is said (the Texts view's words); absent, its name.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct HowSaid {
    /// From a byte-order mark.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub bom: Option<String>,
    /// Valid UTF-8.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable, rename = "utf-8"))]
    pub utf8: Option<String>,
    /// Detected.
    #[cfg_attr(not(target_arch = "wasm32"), ts(optional = nullable))]
    pub detected: Option<String>,
}

/// Skipped by serde: the boundary reads these from the message (see [`FileInfo`]).
macro_rules! read_by_the_boundary {
    ($($ty:ty),*) => {$(
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                serde::de::IgnoredAny::deserialize(d).map(|_| <$ty>::default())
            }
        }
    )*};
}
read_by_the_boundary!(FileInfo, AddFilesOptions);

impl HowSaid {
    /// How `how` is said.
    pub fn say<'a>(&'a self, how: &'a str) -> &'a str {
        let said = match how {
            "bom" => &self.bom,
            "utf-8" => &self.utf8,
            "detected" => &self.detected,
            _ => &None,
        };
        said.as_deref().unwrap_or(how)
    }
}

/// The answer of `addFiles`.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct AddedFiles {
    /// The ids of the texts added, in order.
    pub added: Vec<DocId>,
    /// What became of each file, in order.
    pub files: Vec<FileOutcome>,
    /// Whether the job was cancelled (then nothing was added, nor kept in storage).
    pub cancelled: bool,
    /// Why the texts could not be stored, if they could not (they are added all the same).
    pub storage_error: Option<String>,
}

/// What `addFiles` did with one file.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct FileOutcome {
    /// The file's name.
    pub name: String,
    /// The title of its text.
    pub title: String,
    /// `added`, or why not: `unreadable`, `empty`, `tooLarge`, `binary`, `overLimit`,
    /// `refused` (the engine's reason in `message`), `cancelled`.
    pub outcome: String,
    /// Its size in bytes.
    pub bytes: f64,
    /// Its text's length in characters (UTF-16 code units), once decoded.
    pub chars: f64,
    /// With `overLimit`: the characters that were left.
    pub room: f64,
    /// The encoding it was decoded from, and how that was found (`bom`, `utf-8`, `detected`).
    pub encoding: Option<String>,
    /// How the encoding was found.
    pub how: Option<String>,
    /// Whether some bytes were not valid in that encoding.
    pub had_errors: bool,
    /// Its document's id, once added.
    pub id: Option<DocId>,
    /// Its storage key, once stored.
    pub key: Option<u32>,
    /// Why it could not be read, or why the engine refused it.
    pub message: Option<String>,
}

/// The stage of an `addDocuments` or `addFiles` job, in its progress.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub enum Stage {
    /// Reading and decoding files (`done` of `total` read).
    Reading,
    /// Storing the texts in the page's storage.
    Saving,
    /// Indexing (`chars` of `totalChars` done, within a text too).
    #[default]
    Indexing,
}

/// Options of `textBlocks`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct TextBlocksOptions {
    /// The blocks' size in bytes of the text, about (1,024 to 1,048,576; default 16,384):
    /// a block ends at the first line break within half a size past it, else at the first
    /// space within a quarter, else there.
    pub size: usize,
}

impl Default for TextBlocksOptions {
    fn default() -> TextBlocksOptions {
        TextBlocksOptions { size: 16_384 }
    }
}

/// Options of `hitSpans`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct HitSpansOptions {
    /// Hits that start at or after this UTF-16 offset (default 0).
    pub start: usize,
    /// … and before this one; absent for the text's end.
    pub end: Option<usize>,
    /// From the hit of this index (0 is the first) on, in place of `start` and `end`.
    pub index: Option<usize>,
    /// At most this many, 1 to 100,000 (default 10,000).
    pub limit: usize,
    /// Match the query's case too (default `false`).
    pub case_sensitive: bool,
}

impl Default for HitSpansOptions {
    fn default() -> HitSpansOptions {
        HitSpansOptions {
            start: 0,
            end: None,
            index: None,
            limit: 10_000,
            case_sensitive: false,
        }
    }
}

/// The answer of `hitSpans`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct HitSpans {
    /// The query's hits in the document.
    pub total: usize,
    /// The index of the first hit given (the hits before it, in text order).
    pub first: usize,
    /// Each hit's UTF-16 start and end, flat: `[start, end, start, end, …]`.
    pub spans: Vec<usize>,
}

/// The answer of `memory`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(TS))]
pub struct Memory {
    /// Tokens indexed.
    pub tokens: usize,
    /// Bytes the index holds beyond the texts.
    pub index_bytes: usize,
    /// Bytes of the wasm linear memory (set by the boundary; `null` natively).
    pub wasm_bytes: Option<f64>,
}

/// `max_bytes` → `maxBytes`: a Rust name as JavaScript spells it.
pub fn js_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// The field names serde reads of a struct `T`; empty for any other type.
fn fields_of<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    use serde::de::value::Error as Stop;
    struct Probe(&'static [&'static str]);
    impl<'de> Deserializer<'de> for &mut Probe {
        type Error = Stop;
        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            _: V,
        ) -> std::result::Result<V::Value, Stop> {
            Err(serde::de::Error::custom("probe"))
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> std::result::Result<V::Value, Stop> {
            self.0 = fields;
            Err(serde::de::Error::custom("probe"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut probe = Probe(&[]);
    let _ = T::deserialize(&mut probe);
    probe.0
}

/// Checks that a request names only its operation's parameters, and its options objects
/// only the options they have: serde-wasm-bindgen reads just the fields it knows, so a
/// misspelt option would pass unseen. `keys(None)` lists the keys of the request's `args`,
/// `keys(Some(param))` those of one argument (empty when it is not an object). An unknown
/// operation passes here; reading the request names it.
pub fn check_fields(op: &str, keys: impl Fn(Option<&str>) -> Vec<String>) -> Result<()> {
    let Some((_, params)) = PARAMS.iter().find(|(method, _)| js_name(method) == op) else {
        return Ok(());
    };
    let names: Vec<String> = params.iter().map(|(name, _)| js_name(name)).collect();
    if let Some(key) = keys(None).into_iter().find(|key| !names.contains(key)) {
        return Err(Error::invalid_request(unknown_field(&key, &names)));
    }
    for ((_, fields), name) in params.iter().zip(&names) {
        let fields: Vec<String> = fields().iter().map(|f| f.to_string()).collect();
        if fields.is_empty() {
            continue;
        }
        if let Some(key) = keys(Some(name))
            .into_iter()
            .find(|key| !fields.contains(key))
        {
            return Err(Error::invalid_option(name, unknown_field(&key, &fields)));
        }
    }
    Ok(())
}

/// serde's message for an unknown field.
fn unknown_field(key: &str, expected: &[String]) -> String {
    let expected: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    match expected.as_slice() {
        [] => format!("unknown field `{key}`, there are no fields"),
        _ => format!(
            "unknown field `{key}`, expected one of {}",
            expected.join(", ")
        ),
    }
}

/// Where a request's arguments are read from: at the boundary, a JavaScript object, each
/// argument read by serde-wasm-bindgen into its own type (so that an error names it).
pub trait Args {
    /// The argument `name` (as JavaScript spells it) as a `T`; `None` when it is absent or
    /// `null`.
    fn arg<T: serde::de::DeserializeOwned>(&mut self, name: &str) -> Result<Option<T>>;
}

impl<'a> KwicLine<'a> {
    pub(crate) fn new(doc: &Document, line: crate::KwicLine<'a>) -> KwicLine<'a> {
        KwicLine {
            doc: line.doc,
            token: line.token,
            tokens: line.tokens,
            start: doc.utf16_offset(line.start),
            end: doc.utf16_offset(line.end),
            left: line.left,
            keyword: line.keyword,
            right: line.right,
        }
    }
}

impl Span {
    pub(crate) fn new(doc: &Document, token: usize, len: usize) -> Span {
        Span {
            token,
            start: doc.utf16_offset(doc.span(token).0),
            end: doc.utf16_offset(doc.span(token + len - 1).1),
        }
    }
}

impl DocumentInfo {
    pub(crate) fn new(
        corpus: &Corpus,
        id: DocId,
        source: Source,
        key: Option<u32>,
        encoding: Option<String>,
        language_detected: bool,
    ) -> DocumentInfo {
        let d = &corpus.documents()[id as usize];
        DocumentInfo {
            id,
            title: d.title().to_string(),
            chars: d.chars(),
            tokens: d.token_count(),
            types: d.types(),
            sentences: d.sentences(),
            source,
            key,
            encoding,
            language: d.language().map(str::to_string),
            language_detected,
            metadata: d.metadata().clone(),
        }
    }
}
