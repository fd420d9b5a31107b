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
use crate::protocol::{FileBytes, NewDocument, Request};

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
}

/// The engine serving one port; `close()` stops it and frees its corpus.
#[wasm_bindgen]
pub struct Server {
    inner: Rc<Loop>,
}

/// Serves an engine over the embedded articles on `port` (a dedicated Worker's global scope
/// or a `MessagePort`), decoding files with `decoder` and loading the language library with
/// `languages` when a request first needs it (without it, languages are not detected and
/// `~word` matches the word itself).
#[wasm_bindgen]
pub fn serve(
    port: JsValue,
    decoder: Function,
    languages: Option<Function>,
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
    let mut work = AddJob::new(job, items);
    let mut slice = Date::now();
    loop {
        if this.cancelled.borrow_mut().remove(&job) {
            return to_js(&work.cancel(&mut this.engine.borrow_mut()));
        }
        let Some(progress) = work.step(&mut this.engine.borrow_mut()) else {
            break;
        };
        // Progress is news, not the job: a report that cannot be written is left out.
        if let Ok(progress) = to_js(&progress) {
            let message = Object::new();
            let _ = Reflect::set(&message, &"progress".into(), &progress);
            this.port.post(&message);
        }
        if Date::now() - slice > SLICE_MS {
            pause().await;
            slice = Date::now();
        }
    }
    let added = work.finish(&mut this.engine.borrow_mut());
    to_js(&added)
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
        let decoded = match decode_one(this, &input, max).await {
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

async fn decode_one(this: &Rc<Loop>, input: &JsValue, max: f64) -> Result<JsValue, JsValue> {
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
    if bytes == 0.0 || bytes > max {
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
