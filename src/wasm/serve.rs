//! The engine's message loop, on a dedicated Worker's scope or on a `MessagePort` (web-sys).
//! `www/client.js` is its counterpart; the messages are:
//!
//! ```text
//! page → engine  {id, request: {op, args}}     an operation of crate::protocol
//! engine → page  {id, ok: true, value} | {id, ok: false, error, superseded?}
//!                {progress: {job, done, total, chars, totalChars}}   while addDocuments runs
//!                {crashed: message}            a panic: the engine is gone, restart it
//! ```
//!
//! Requests run one at a time, in order. Two rules live here and nowhere else:
//! - **the latest query wins**: a `kwic`, `collocates`, `dispersion`, `trends`, `wordTree` or
//!   `network` request still queued
//!   when a newer one of the same operation and the same options is queued behind it (the
//!   same caller, typing) is answered `superseded` without being computed;
//! - **cancel is handled on arrival**: `cancel` marks the job, and `addDocuments` reads the
//!   mark between texts, yielding to the event loop at least every 20 ms so that it arrives.
//!
//! Before each request the loop yields once to the event loop, so that every message that has
//! arrived is in the queue when it picks the next one.

use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use js_sys::{Array, ArrayBuffer, Date, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

use super::languages::JsLanguages;
use super::{answer, parse, to_js, with_bytes};
use crate::engine::{AddJob, Engine};
use crate::error::Error;
use crate::language::Library;
use crate::metadata::Metadata;
use crate::protocol::{
    AddFilesOptions, Added, AddedFiles, DocumentInfo, FileBytes, FileInfo, FileOutcome, HowSaid,
    NewDocument, Progress, Request, Response, Stage,
};

/// How long `addDocuments` works before it yields to the event loop, in milliseconds.
const SLICE_MS: f64 = 20.0;

/// Where messages come from and answers go.
#[derive(Clone)]
enum Port {
    /// The dedicated Worker the engine runs in.
    Worker(DedicatedWorkerGlobalScope),
    /// One end of a `MessageChannel`: the engine runs on the page (a widget loaded from
    /// another origin, where a Worker cannot be started).
    Channel(MessagePort),
}

impl Port {
    fn post(&self, message: &JsValue) {
        // Posting fails only for values that cannot be cloned; answers are plain data.
        let _ = match self {
            Port::Worker(scope) => scope.post_message(message),
            Port::Channel(port) => port.post_message(message),
        };
    }

    fn listen(&self, handler: Option<&Function>) {
        match self {
            Port::Worker(scope) => scope.set_onmessage(handler),
            Port::Channel(port) => port.set_onmessage(handler),
        }
    }
}

/// A port being served: the loop and its message handler. They live here, not in the
/// [`Server`] handed to JavaScript, because wasm-bindgen frees an exported object when
/// JavaScript's collector finds it unreachable (the worker keeps no reference to it): the
/// handler would be dropped while the port still delivers messages.
struct Served {
    inner: Rc<Loop>,
    _handler: Closure<dyn FnMut(MessageEvent)>,
}

thread_local! {
    /// Every port this wasm instance serves, until `close()`; all are told when it panics.
    static SERVED: RefCell<Vec<Served>> = const { RefCell::new(Vec::new()) };
}

/// Tells every page this instance serves that it panicked (from the panic hook).
pub(super) fn report_crash(message: &str) {
    let crashed = Object::new();
    let _ = Reflect::set(&crashed, &"crashed".into(), &message.into());
    SERVED.with(|served| {
        if let Ok(served) = served.try_borrow() {
            for s in served.iter() {
                s.inner.port.post(&crashed);
            }
        }
    });
}

/// A request waiting in the queue.
struct Incoming {
    id: u32,
    request: JsValue,
    /// Same key, same caller: the operation and its options (for the latest-wins rule).
    key: Option<String>,
}

struct Loop {
    engine: RefCell<Engine>,
    queue: RefCell<VecDeque<Incoming>>,
    running: Cell<bool>,
    closed: Cell<bool>,
    cancelled: RefCell<HashSet<u32>>,
    /// The `addDocuments` job running now, if one is.
    running_job: Cell<Option<u32>>,
    port: Port,
    /// `(bytes: Uint8Array) => {text, encoding, how, hadErrors} | {binary: true}`, or a
    /// Promise of it: the file decoder (a wasm of its own, loaded by the page on first use).
    decoder: Function,
    /// `() => {detect, stems}`, or a Promise of it: the language library (lang/'s wasm, loaded
    /// by the page on first use); called before the first request that needs it.
    languages: Option<Function>,
    /// The page's storage, for `addFiles` and `addStored`: `{list(), addMany(records),
    /// removeMany(keys), setLanguages(entries)}`, each answering a Promise of `{ok, value | message}` (see
    /// www/storage.js); absent, `addFiles` stores nothing.
    storage: Option<Object>,
}

/// The engine serving one port; `close()` stops it and frees its corpus.
#[wasm_bindgen]
pub struct Server {
    inner: Rc<Loop>,
}

/// Serves an engine over the embedded articles on `port` (a dedicated Worker's global scope
/// or a `MessagePort`), decoding files with `decoder` and loading the language library with
/// `languages` when a request first needs it (without it, languages are not detected and
/// `~word` matches the word itself), and storing the texts of `addFiles` with `storage`.
#[wasm_bindgen]
pub fn serve(
    port: JsValue,
    decoder: Function,
    languages: Option<Function>,
    storage: Option<Object>,
) -> Result<Server, JsError> {
    let port = if let Some(port) = port.dyn_ref::<MessagePort>() {
        Port::Channel(port.clone())
    } else if let Some(scope) = port.dyn_ref::<DedicatedWorkerGlobalScope>() {
        Port::Worker(scope.clone())
    } else {
        return Err(JsError::new(
            "serve needs a MessagePort or a dedicated Worker's scope",
        ));
    };
    let inner = Rc::new(Loop {
        engine: RefCell::new(Engine::with_articles()),
        queue: RefCell::default(),
        running: Cell::new(false),
        closed: Cell::new(false),
        cancelled: RefCell::default(),
        running_job: Cell::new(None),
        port: port.clone(),
        decoder,
        languages,
        storage,
    });
    let this = inner.clone();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        receive(&this, event.data());
    });
    port.listen(Some(handler.as_ref().unchecked_ref()));
    SERVED.with(|served| {
        served.borrow_mut().push(Served {
            inner: inner.clone(),
            _handler: handler,
        })
    });
    Ok(Server { inner })
}

#[wasm_bindgen]
impl Server {
    /// Handles a message that arrived before the engine was up (the worker keeps them).
    pub fn receive(&self, data: JsValue) {
        receive(&self.inner, data);
    }

    /// Stops serving: no more answers, and the corpus is freed with this object.
    pub fn close(self) {
        self.inner.closed.set(true);
        self.inner.port.listen(None);
        if let Port::Channel(port) = &self.inner.port {
            port.close();
        }
        SERVED.with(|served| {
            served
                .borrow_mut()
                .retain(|s| !Rc::ptr_eq(&s.inner, &self.inner))
        });
        self.inner.queue.borrow_mut().clear();
        *self.inner.engine.borrow_mut() = Engine::new();
    }
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn receive(this: &Rc<Loop>, data: JsValue) {
    if this.closed.get() {
        return;
    }
    let id = get(&data, "id").as_f64().unwrap_or(0.0) as u32;
    let request = get(&data, "request");
    let op = get(&request, "op").as_string().unwrap_or_default();
    if op == "cancel" {
        let outcome = match parse(request) {
            Ok(Request::Cancel { job }) => {
                // Only a job that is running or waiting can be cancelled (a late cancel of a
                // finished one is not kept).
                let known = this.running_job.get() == Some(job)
                    || this.queue.borrow().iter().any(|m| m.id == job);
                if known {
                    this.cancelled.borrow_mut().insert(job);
                }
                Ok(JsValue::NULL)
            }
            Ok(_) => Err(Error::invalid_request("cancel")),
            Err(err) => Err(err),
        };
        reply(&this.port, id, outcome);
        return;
    }
    let key = matches!(
        op.as_str(),
        "kwic" | "collocates" | "dispersion" | "trends" | "wordTree" | "network"
    )
    .then(|| {
        let options = get(&get(&request, "args"), "options");
        let options = js_sys::JSON::stringify(&options)
            .ok()
            .and_then(|s| s.as_string());
        format!("{op} {}", options.unwrap_or_default())
    });
    this.queue
        .borrow_mut()
        .push_back(Incoming { id, request, key });
    if !this.running.get() {
        this.running.set(true);
        spawn_local(pump(this.clone()));
    }
}

async fn pump(this: Rc<Loop>) {
    loop {
        // Receive what has arrived before choosing: a newer query may supersede this one.
        pause().await;
        let next = this.queue.borrow_mut().pop_front();
        let Some(message) = next else { break };
        let superseded = message.key.is_some()
            && this
                .queue
                .borrow()
                .iter()
                .any(|later| later.key == message.key);
        if superseded {
            let answer = Object::new();
            let _ = Reflect::set(&answer, &"id".into(), &message.id.into());
            let _ = Reflect::set(&answer, &"ok".into(), &false.into());
            let _ = Reflect::set(
                &answer,
                &"error".into(),
                &"superseded by a newer query".into(),
            );
            let _ = Reflect::set(&answer, &"superseded".into(), &true.into());
            this.port.post(&answer);
            continue;
        }
        let outcome = run(&this, &message).await;
        if this.closed.get() {
            break;
        }
        reply(&this.port, message.id, outcome);
    }
    this.running.set(false);
}

fn reply(port: &Port, id: u32, outcome: Result<JsValue, Error>) {
    let answer = Object::new();
    let _ = Reflect::set(&answer, &"id".into(), &id.into());
    let _ = Reflect::set(&answer, &"ok".into(), &outcome.is_ok().into());
    let _ = match outcome {
        Ok(value) => Reflect::set(&answer, &"value".into(), &value),
        Err(err) => Reflect::set(&answer, &"error".into(), &err.to_string().into()),
    };
    port.post(&answer);
}

async fn run(this: &Rc<Loop>, message: &Incoming) -> Result<JsValue, Error> {
    let request = parse(message.request.clone())?;
    if Engine::needs_languages(&request) && !this.engine.borrow().has_languages() {
        load_languages(this).await;
    }
    match request {
        Request::AddDocuments { items } => {
            this.running_job.set(Some(message.id));
            let added = add_documents(this, message.id, items).await;
            this.running_job.set(None);
            this.cancelled.borrow_mut().remove(&message.id);
            added
        }
        Request::OpenCorpus { .. } => {
            let raw = get(&get(&message.request, "args"), "bytes");
            let request = match raw.dyn_ref::<Blob>() {
                Some(blob) => {
                    let buffer = JsFuture::from(blob.array_buffer())
                        .await
                        .map_err(|e| Error::invalid_option("bytes", message_of(&e)))?;
                    let bytes = Uint8Array::new(&buffer).to_vec();
                    Request::OpenCorpus {
                        bytes: FileBytes(bytes),
                    }
                }
                None => with_bytes(request, &message.request)?,
            };
            answer(&mut this.engine.borrow_mut(), request)
        }
        Request::AddFiles { .. } => {
            let args = get(&message.request, "args");
            let inputs = get(&args, "inputs");
            let (files, options) = read_files(&args);
            this.running_job.set(Some(message.id));
            let added = add_files(this, message.id, inputs, files, options).await;
            this.running_job.set(None);
            this.cancelled.borrow_mut().remove(&message.id);
            added
        }
        Request::AddStored {} => {
            this.running_job.set(Some(message.id));
            let added = add_stored(this, message.id).await;
            this.running_job.set(None);
            this.cancelled.borrow_mut().remove(&message.id);
            added
        }
        Request::Decode { max_bytes, .. } => {
            let inputs = get(&get(&message.request, "args"), "inputs");
            decode(this, inputs, max_bytes.unwrap_or(f64::INFINITY)).await
        }
        request => answer(&mut this.engine.borrow_mut(), request),
    }
}

/// Loads the language library and gives it to the engine. If it cannot be loaded (the
/// network is down), the request goes on without it, the console says why, and the next
/// request that needs it tries again.
async fn load_languages(this: &Rc<Loop>) {
    let Some(load) = &this.languages else {
        return;
    };
    let loaded = async {
        let module = load.call0(&JsValue::NULL)?;
        let module = JsFuture::from(Promise::resolve(&module)).await?;
        JsLanguages::from(&module).map_err(|e| JsValue::from_str(&e))
    };
    match loaded.await {
        Ok(languages) => this
            .engine
            .borrow_mut()
            .set_languages(Library::new(Rc::new(languages))),
        Err(thrown) => web_sys::console::warn_1(
            &format!(
                "the language library could not be loaded ({}): languages are not detected and ~word finds the word itself",
                message_of(&thrown)
            )
            .into(),
        ),
    }
}

/// `addDocuments` as a job: progress after each text, a pause every [`SLICE_MS`] for a
/// cancel to arrive; cancelled, it removes what it added.
async fn add_documents(
    this: &Rc<Loop>,
    job: u32,
    items: Vec<NewDocument>,
) -> Result<JsValue, Error> {
    let work = AddJob::new(job, items);
    match run_add(this, work, &|| this.cancelled.borrow_mut().remove(&job)).await {
        Ok(added) | Err(added) => to_js(&added),
    }
}

/// Runs an [`AddJob`] to its end: progress after each step, and a pause every [`SLICE_MS`]
/// for a cancel to arrive. When `cancelled` says so (it is asked before each step), the job
/// removes what it added, and `Err` holds what the cancel returned.
async fn run_add(
    this: &Rc<Loop>,
    mut work: AddJob,
    cancelled: &dyn Fn() -> bool,
) -> Result<Added, Added> {
    let mut slice = Date::now();
    loop {
        if cancelled() {
            return Err(work.cancel(&mut this.engine.borrow_mut()));
        }
        let Some(progress) = work.step(&mut this.engine.borrow_mut()) else {
            break;
        };
        post_progress(&this.port, &progress);
        if Date::now() - slice > SLICE_MS {
            pause().await;
            slice = Date::now();
        }
    }
    Ok(work.finish(&mut this.engine.borrow_mut()))
}

/// `addFiles`' files and options, read from its arguments (serde skips them: see
/// [`FileInfo`]); what is not as declared is taken as absent.
fn read_files(args: &JsValue) -> (Vec<FileInfo>, AddFilesOptions) {
    let files = get(args, "files");
    let files = match Array::is_array(&files) {
        true => Array::from(&files)
            .iter()
            .map(|file| {
                let metadata = get(&file, "metadata");
                FileInfo {
                    name: get(&file, "name").as_string().unwrap_or_default(),
                    title: get(&file, "title").as_string(),
                    encoding: get(&file, "encoding").as_string(),
                    // Not as declared: taken as absent, as the other fields are.
                    metadata: match metadata.is_object() {
                        true => serde_wasm_bindgen::from_value(metadata).ok(),
                        false => None,
                    },
                }
            })
            .collect(),
        false => Vec::new(),
    };
    let options = get(args, "options");
    let how = get(&options, "how");
    let options = AddFilesOptions {
        max_bytes: get(&options, "maxBytes").as_f64(),
        max_chars: get(&options, "maxChars").as_f64(),
        store: get(&options, "store").is_truthy(),
        how: HowSaid {
            bom: get(&how, "bom").as_string(),
            utf8: get(&how, "utf-8").as_string(),
            detected: get(&how, "detected").as_string(),
        },
    };
    (files, options)
}

/// Posts a job's progress (news, not the job: a report that cannot be written is left out).
fn post_progress(port: &Port, progress: &Progress) {
    if let Ok(progress) = to_js(progress) {
        let message = Object::new();
        let _ = Reflect::set(&message, &"progress".into(), &progress);
        port.post(&message);
    }
}

/// Calls the storage's `method` with `arg` and waits for its `{ok, value | message}`:
/// `Ok(value)`, or `Err(message)`. Without a storage, `Err` with no message.
async fn storage_call(this: &Loop, method: &str, arg: &JsValue) -> Result<JsValue, Option<String>> {
    let Some(storage) = &this.storage else {
        return Err(None);
    };
    let called = async {
        let function: Function = Reflect::get(storage, &method.into())?.dyn_into()?;
        let answer = function.call1(storage, arg)?;
        JsFuture::from(Promise::resolve(&answer)).await
    };
    match called.await {
        Ok(answer) if get(&answer, "ok").is_truthy() => Ok(get(&answer, "value")),
        Ok(answer) => Err(Some(
            get(&answer, "message")
                .as_string()
                .unwrap_or_else(|| "the texts could not be stored".into()),
        )),
        Err(thrown) => Err(Some(message_of(&thrown))),
    }
}

/// Forgets the stored texts of `keys` (a cancelled or refused part of a batch).
async fn unstore(this: &Loop, keys: &[u32]) {
    if keys.is_empty() {
        return;
    }
    let array: Array = keys.iter().map(|&k| JsValue::from(k)).collect();
    let _ = storage_call(this, "removeMany", &array.into()).await;
}

/// `addFiles`: read, decode, check, store, index (see the operation's declaration).
async fn add_files(
    this: &Rc<Loop>,
    job: u32,
    inputs: JsValue,
    files: Vec<FileInfo>,
    options: AddFilesOptions,
) -> Result<JsValue, Error> {
    if !Array::is_array(&inputs) || Array::from(&inputs).length() as usize != files.len() {
        return Err(Error::invalid_option(
            "inputs",
            "expected an array of Files or ArrayBuffers, one for each of `files`",
        ));
    }
    let cancelled = || this.cancelled.borrow().contains(&job);
    let mut answer = AddedFiles::default();
    let stop = |mut answer: AddedFiles| {
        answer.cancelled = true;
        answer.added.clear();
        for file in &mut answer.files {
            file.id = None;
            file.key = None;
        }
        to_js(&answer)
    };
    let max = options.max_bytes.unwrap_or(f64::INFINITY);
    let mut room = options.max_chars.unwrap_or(f64::INFINITY);
    let total = files.len();
    // The texts that pass the checks: their outcome's index, the text as JavaScript has it
    // (to store) and as the engine will (to index).
    let mut texts: Vec<(usize, JsValue, String)> = Vec::new();
    // Each file's label and metadata (a text a format's reader made), by outcome.
    let mut made: Vec<(Option<String>, Option<Metadata>)> = Vec::with_capacity(files.len());
    let mut progress = Progress {
        job,
        done: 0,
        total,
        chars: 0,
        total_chars: 0,
        stage: Stage::Reading,
    };
    for (i, (input, file)) in Array::from(&inputs).iter().zip(files).enumerate() {
        if cancelled() {
            return stop(answer);
        }
        progress.done = i;
        post_progress(&this.port, &progress);
        let mut outcome = FileOutcome {
            title: file.title.unwrap_or_default(),
            name: file.name,
            ..FileOutcome::default()
        };
        let made_here = file.encoding.is_some();
        let decoded = decode_one(this, &input, max, made_here).await;
        made.push((file.encoding, file.metadata));
        let refuse = |outcome: &mut FileOutcome, why: &str| outcome.outcome = why.into();
        match decoded {
            Err(thrown) => {
                refuse(&mut outcome, "unreadable");
                outcome.message = Some(message_of(&thrown));
            }
            Ok(decoded) => {
                outcome.bytes = get(&decoded, "bytes").as_f64().unwrap_or(0.0);
                let text = get(&decoded, "text");
                if outcome.bytes == 0.0 {
                    refuse(&mut outcome, "empty");
                } else if outcome.bytes > max && !made_here {
                    refuse(&mut outcome, "tooLarge");
                } else if get(&decoded, "binary").is_truthy() {
                    refuse(&mut outcome, "binary");
                } else if let Some(string) = text.as_string() {
                    outcome.encoding = get(&decoded, "encoding").as_string();
                    outcome.how = get(&decoded, "how").as_string();
                    outcome.had_errors = get(&decoded, "hadErrors").is_truthy();
                    outcome.chars = f64::from(text.unchecked_ref::<js_sys::JsString>().length());
                    if string.trim().is_empty() {
                        refuse(&mut outcome, "empty");
                    } else if outcome.chars > room {
                        refuse(&mut outcome, "overLimit");
                        outcome.room = room;
                    } else {
                        room -= outcome.chars;
                        outcome.outcome = "added".into();
                        texts.push((answer.files.len(), text, string));
                    }
                } else {
                    refuse(&mut outcome, "unreadable");
                }
            }
        }
        answer.files.push(outcome);
    }
    if cancelled() {
        return stop(answer);
    }
    let encoding_of = |outcome: &FileOutcome, label: &Option<String>| {
        if let Some(label) = label {
            return label.clone();
        }
        let encoding = outcome.encoding.clone().unwrap_or_default();
        let how = outcome.how.clone().unwrap_or_default();
        format!("{encoding} ({})", options.how.say(&how))
    };
    // Stored before they are indexed, so that a crash while indexing loses nothing.
    let mut keys: Vec<u32> = Vec::new();
    if options.store && !texts.is_empty() {
        progress.stage = Stage::Saving;
        progress.done = 0;
        progress.total = texts.len();
        post_progress(&this.port, &progress);
        let records: Array = texts
            .iter()
            .map(|(i, text, _)| {
                let outcome = &answer.files[*i];
                let record = Object::new();
                let _ = Reflect::set(&record, &"title".into(), &outcome.title.as_str().into());
                let _ = Reflect::set(&record, &"text".into(), text);
                let _ = Reflect::set(
                    &record,
                    &"encoding".into(),
                    &encoding_of(outcome, &made[*i].0).into(),
                );
                if let Some(metadata) = made[*i].1.as_ref().and_then(|m| to_js(m).ok()) {
                    let _ = Reflect::set(&record, &"metadata".into(), &metadata);
                }
                JsValue::from(record)
            })
            .collect();
        match storage_call(this, "addMany", &records.into()).await {
            Ok(stored) => {
                keys = Array::from(&stored)
                    .iter()
                    .map(|k| k.as_f64().unwrap_or(0.0) as u32)
                    .collect();
                for ((i, _, _), &key) in texts.iter().zip(&keys) {
                    answer.files[*i].key = Some(key);
                }
            }
            Err(message) => answer.storage_error = message,
        }
        if cancelled() {
            unstore(this, &keys).await;
            return stop(answer);
        }
    }
    // The JavaScript strings are no longer needed: only the engine's copy is indexed.
    let (slots, items): (Vec<usize>, Vec<NewDocument>) = texts
        .into_iter()
        .map(|(i, _, text)| {
            let outcome = &answer.files[i];
            let item = NewDocument {
                title: Some(outcome.title.clone()),
                text,
                key: outcome.key,
                encoding: Some(encoding_of(outcome, &made[i].0)),
                language: None,
                language_detected: None,
                metadata: made[i].1.take(),
            };
            (i, item)
        })
        .unzip();
    if items.iter().any(|i| i.language.is_none()) && !this.engine.borrow().has_languages() {
        load_languages(this).await;
    }
    let Ok(added) = run_add(this, AddJob::new(job, items), &cancelled).await else {
        unstore(this, &keys).await;
        return stop(answer);
    };
    let mut refused_keys = Vec::new();
    for error in &added.errors {
        let outcome = &mut answer.files[slots[error.index]];
        outcome.outcome = "refused".into();
        outcome.message = Some(error.message.clone());
        refused_keys.extend(outcome.key.take());
    }
    unstore(this, &refused_keys).await;
    let kept = (0..slots.len()).filter(|k| !added.errors.iter().any(|e| e.index == *k));
    for (k, &id) in kept.zip(&added.added) {
        answer.files[slots[k]].id = Some(id);
    }
    answer.added = added.added;
    // The language the engine decided, kept with each stored text, so that a reload restores
    // it without detecting it again.
    let documents = answer_documents(this);
    let entries: Array = answer
        .files
        .iter()
        .filter_map(|f| Some((f.key?, documents.get(f.id? as usize)?)))
        .map(|(key, doc)| language_entry(key, doc))
        .collect();
    if entries.length() > 0 {
        let _ = storage_call(this, "setLanguages", &entries.into()).await;
    }
    to_js(&answer)
}

/// `addStored`: the stored texts, read from the storage here and indexed as `addDocuments`
/// indexes (see the operation's declaration).
async fn add_stored(this: &Rc<Loop>, job: u32) -> Result<JsValue, Error> {
    let records = match storage_call(this, "list", &JsValue::UNDEFINED).await {
        Ok(records) if Array::is_array(&records) => Array::from(&records),
        Ok(_) | Err(None) => Array::new(),
        Err(Some(message)) => return Err(Error::invalid_request(message)),
    };
    let keys: Vec<Option<u32>> = records
        .iter()
        .map(|record| get(&record, "key").as_f64().map(|k| k as u32))
        .collect();
    // Read as an `addDocuments` request's items are (the records' other fields are ignored).
    let request = Object::new();
    let args = Object::new();
    let _ = Reflect::set(&args, &"items".into(), &records);
    let _ = Reflect::set(&request, &"op".into(), &"addDocuments".into());
    let _ = Reflect::set(&request, &"args".into(), &args);
    let Request::AddDocuments { items } = parse(request.into())? else {
        return Err(Error::invalid_request("addStored"));
    };
    let keys: Vec<(Option<u32>, bool)> = keys
        .into_iter()
        .zip(&items)
        .map(|(key, item)| (key, item.language_detected.is_none()))
        .collect();
    // Records are read; the JavaScript copies can go before indexing.
    drop(records);
    let detect = items
        .iter()
        .any(|i| i.language.is_none() && i.language_detected.is_none());
    if detect && !this.engine.borrow().has_languages() {
        load_languages(this).await;
    }
    let mut work = AddJob::new(job, items);
    let mut slice = Date::now();
    loop {
        if this.cancelled.borrow().contains(&job) {
            return to_js(&work.cancel(&mut this.engine.borrow_mut()));
        }
        let Some(progress) = work.step(&mut this.engine.borrow_mut()) else {
            break;
        };
        post_progress(&this.port, &progress);
        if Date::now() - slice > SLICE_MS {
            pause().await;
            slice = Date::now();
        }
    }
    let added = work.finish(&mut this.engine.borrow_mut());
    let refused: Vec<u32> = added
        .errors
        .iter()
        .filter_map(|e| keys.get(e.index)?.0)
        .collect();
    unstore(this, &refused).await;
    // The languages detected now, kept, so that the next reload does not detect them again.
    let documents = answer_documents(this);
    let kept = (0..keys.len()).filter(|k| !added.errors.iter().any(|e| e.index == *k));
    let entries: Array = kept
        .zip(&added.added)
        .filter_map(|(k, &id)| {
            let (key, detect) = keys[k];
            let doc = documents.get(id as usize)?;
            (detect).then_some((key?, doc))
        })
        .map(|(key, doc)| language_entry(key, doc))
        .collect();
    if entries.length() > 0 {
        let _ = storage_call(this, "setLanguages", &entries.into()).await;
    }
    to_js(&added)
}

/// `{key, language, languageDetected}` for the storage's `setLanguages`.
fn language_entry(key: u32, doc: &DocumentInfo) -> JsValue {
    let entry = Object::new();
    let _ = Reflect::set(&entry, &"key".into(), &key.into());
    let language = doc.language.as_deref().map_or(JsValue::NULL, JsValue::from);
    let _ = Reflect::set(&entry, &"language".into(), &language);
    let _ = Reflect::set(
        &entry,
        &"languageDetected".into(),
        &doc.language_detected.into(),
    );
    entry.into()
}

/// The documents as `documents` lists them.
fn answer_documents(this: &Loop) -> Vec<DocumentInfo> {
    match this.engine.borrow_mut().handle(Request::Documents {}) {
        Ok(Response::Documents(documents)) => documents,
        _ => Vec::new(),
    }
}

/// A task later: the event loop delivers the messages that arrived meanwhile (a cancel, a
/// newer query) before the engine goes on. A message to itself over a fresh `MessageChannel`
/// is queued behind them, and unlike `setTimeout` it is never clamped to 4 ms.
async fn pause() {
    let Ok(channel) = MessageChannel::new() else {
        return;
    };
    let (inbound, outbound) = (channel.port1(), channel.port2());
    let promise = Promise::new(&mut |resolve, _| inbound.set_onmessage(Some(&resolve)));
    if outbound.post_message(&JsValue::NULL).is_ok() {
        let _ = JsFuture::from(promise).await;
    }
    inbound.close();
    outbound.close();
}

/// Files (Blobs) or ArrayBuffers to text, here rather than on the page (reading many files
/// from disk has synchronous parts in Chromium). Per input: `{bytes, binary: true}` or
/// `{bytes, text, encoding, how, hadErrors}`; only `{bytes}` when empty or over `max`;
/// `{error}` when it cannot be read.
async fn decode(this: &Rc<Loop>, inputs: JsValue, max: f64) -> Result<JsValue, Error> {
    if !Array::is_array(&inputs) {
        return Err(Error::invalid_option(
            "inputs",
            "expected an array of Files or ArrayBuffers",
        ));
    }
    let out = Array::new();
    for input in Array::from(&inputs).iter() {
        let decoded = match decode_one(this, &input, max, false).await {
            Ok(decoded) => decoded,
            Err(thrown) => {
                let failed = Object::new();
                let _ = Reflect::set(&failed, &"error".into(), &message_of(&thrown).into());
                failed.into()
            }
        };
        out.push(&decoded);
    }
    Ok(out.into())
}

/// One input of [`decode`] (or of `addFiles`) to text, with its size in bytes.
/// A text a format's reader made (`made`) is UTF-8 by construction: it is read as UTF-8 here,
/// without the decoder's look for a binary file (a PDF's text may hold a NUL, or start with
/// `GIF8`, and is still the text).
async fn decode_one(
    this: &Rc<Loop>,
    input: &JsValue,
    max: f64,
    made: bool,
) -> Result<JsValue, JsValue> {
    let buffer: ArrayBuffer = if let Some(blob) = input.dyn_ref::<Blob>() {
        JsFuture::from(blob.array_buffer()).await?.unchecked_into()
    } else if let Some(buffer) = input.dyn_ref::<ArrayBuffer>() {
        buffer.clone()
    } else {
        return Err(JsValue::from_str("not a File or an ArrayBuffer"));
    };
    let bytes = f64::from(buffer.byte_length());
    let out = Object::new();
    Reflect::set(&out, &"bytes".into(), &bytes.into())?;
    // A text a format's reader made is bounded by its characters (`maxChars`), not its bytes.
    if bytes == 0.0 || (bytes > max && !made) {
        return Ok(out.into());
    }
    if made {
        let bytes = Uint8Array::new(&buffer).to_vec();
        let text = String::from_utf8_lossy(&bytes);
        let had_errors = matches!(text, std::borrow::Cow::Owned(_));
        Reflect::set(&out, &"text".into(), &JsValue::from_str(&text))?;
        Reflect::set(&out, &"encoding".into(), &"utf-8".into())?;
        Reflect::set(&out, &"how".into(), &"utf-8".into())?;
        Reflect::set(&out, &"hadErrors".into(), &had_errors.into())?;
        return Ok(out.into());
    }
    let decoded = this
        .decoder
        .call1(&JsValue::NULL, &Uint8Array::new(&buffer))?;
    let decoded = JsFuture::from(Promise::resolve(&decoded)).await?;
    Ok(Object::assign(&out, &decoded.unchecked_into()).into())
}

/// The message of something JavaScript threw.
fn message_of(thrown: &JsValue) -> String {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => thrown
            .as_string()
            .unwrap_or_else(|| "it could not be read".into()),
    }
}
