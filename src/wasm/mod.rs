//! The JavaScript boundary: every `#[wasm_bindgen]` item (compiled for wasm32 only). It
//! moves requests and answers across and holds no logic of its own:
//! - requests (`{op, args}`, declared in [`crate::protocol`]) are read from JavaScript
//!   values by serde-wasm-bindgen, and answers written back by it;
//! - [`serve`] is the engine's message loop on a Worker's scope or a `MessagePort` (web-sys),
//!   in [`serve.rs`](serve);
//! - the panic hook (console_error_panic_hook) is installed when the module starts: a panic is
//!   a bug, and it reaches the console with its Rust message and location, and the page with a
//!   `{crashed}` message, so that the page can restart the engine from its texts;
//! - the word splitter for Chinese, Japanese, Thai, Lao, Khmer and Myanmar
//!   (`Intl.Segmenter`, in [`segmenter.rs`](segmenter)) is installed then too, so the Worker,
//!   the page-thread engine and Node all split those scripts with the platform's dictionaries.

mod languages;
mod segmenter;
mod serve;
mod tape;

pub use serve::{serve, Server};

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::Engine;
use crate::error::Error;
use crate::language::Library;
use crate::protocol::{check_fields, Args, FileBytes, Request, Response};

#[wasm_bindgen(start)]
fn start() {
    install_panic_hook();
}

/// The engine's panic hook, installed when the module starts: console_error_panic_hook (the
/// Rust message and location on the console), then `{crashed: message}` to every page this
/// instance serves. Public for tests/web_panic.rs, whose test runner installs its own hook
/// after the start function has run.
#[doc(hidden)]
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        serve::report_crash(&info.to_string());
    }));
    segmenter::install();
}

/// An engine driven directly, outside a worker (Node, the tests, the benchmark): the same
/// requests as the worker's message loop answers, one call each.
///
/// ```js
/// const engine = new Engine();                       // the two embedded articles
/// engine.handle({op: 'kwic', args: {query: 'putin', options: {window: 3}}});
/// ```
#[wasm_bindgen(js_name = Engine)]
pub struct JsEngine {
    inner: Engine,
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// An engine over the embedded articles, or an empty one with `articles = false`.
    #[wasm_bindgen(constructor)]
    pub fn new(articles: Option<bool>) -> JsEngine {
        JsEngine {
            inner: match articles {
                Some(false) => Engine::new(),
                _ => Engine::with_articles(),
            },
        }
    }

    /// Detects languages and stems `~word` queries with `module`: lang/'s wasm as the page
    /// loads it (`www/pkg-lang/text_explorer_lang.js`, initialised), or any object with
    /// `detect(text)` and `stems(language, lines)` (words and stems a line each). Without it, a text added without a
    /// language has none (unknown), and `~word` matches the word itself.
    #[wasm_bindgen(js_name = useLanguages)]
    pub fn use_languages(&mut self, module: JsValue) -> Result<(), JsError> {
        let languages = languages::JsLanguages::from(&module).map_err(|e| JsError::new(&e))?;
        self.inner
            .set_languages(Library::new(std::rc::Rc::new(languages)));
        Ok(())
    }

    /// Answers one request `{op, args}` (see `npm/types/engine.d.ts`); throws an `Error` that
    /// says what is wrong.
    pub fn handle(&mut self, request: JsValue) -> Result<JsValue, JsError> {
        let parsed = with_bytes(parse(request.clone())?, &request)?;
        Ok(answer(&mut self.inner, parsed)?)
    }
}

/// Reads a request `{op, args}` (`args` may be left out for an operation without any),
/// naming the argument, and the option, at fault.
pub(crate) fn parse(request: JsValue) -> Result<Request, Error> {
    let op = get(&request, "op").as_string().unwrap_or_default();
    let args = get(&request, "args");
    check_fields(&op, |param| {
        let object = match param {
            None => args.clone(),
            Some(param) => get(&args, param),
        };
        keys(&object)
    })?;
    Request::read(&op, &mut JsArgs(args))
}

/// The bytes of `openCorpus`'s argument `bytes` in `request`: a Uint8Array or an
/// ArrayBuffer (the worker reads a Blob first).
pub(crate) fn file_bytes(request: &JsValue) -> Result<Vec<u8>, Error> {
    let bytes = get(&get(request, "args"), "bytes");
    if let Some(array) = bytes.dyn_ref::<Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = bytes.dyn_ref::<ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    Err(Error::invalid_option(
        "bytes",
        "expected a Uint8Array, an ArrayBuffer or a Blob",
    ))
}

/// `request` with the bytes serde cannot read taken from the message `raw` itself.
pub(crate) fn with_bytes(request: Request, raw: &JsValue) -> Result<Request, Error> {
    match request {
        Request::OpenCorpus { .. } => Ok(Request::OpenCorpus {
            bytes: FileBytes(file_bytes(raw)?),
        }),
        request => Ok(request),
    }
}

fn get(object: &JsValue, key: &str) -> JsValue {
    if object.is_object() {
        Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// The keys of a plain object; none for anything else.
fn keys(value: &JsValue) -> Vec<String> {
    match value.is_object() && !Array::is_array(value) {
        true => Object::keys(value.unchecked_ref::<Object>())
            .iter()
            .filter_map(|key| key.as_string())
            .collect(),
        false => Vec::new(),
    }
}

/// A request's `args` object, each argument read on its own by serde-wasm-bindgen.
struct JsArgs(JsValue);

impl Args for JsArgs {
    fn arg<T: serde::de::DeserializeOwned>(&mut self, name: &str) -> Result<Option<T>, Error> {
        let value = get(&self.0, name);
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        serde_wasm_bindgen::from_value::<T>(value.clone())
            .map(Some)
            .map_err(|err| {
                let path = name.to_string() + &culprit::<T>(&value);
                Error::invalid_option(&path, js_message(err))
            })
    }
}

/// serde-wasm-bindgen's errors are JavaScript Errors, shown as "Error: …".
fn js_message(err: serde_wasm_bindgen::Error) -> String {
    let text = err.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_string()
}

/// Where in `value` reading a `T` fails: `[2].text` (an array's element, then an object's
/// field, one level each), or nothing when it cannot tell. Each guess reads a `T` made of
/// one piece of `value` alone (`{window: "wide"}`, `[{text: 5}]`): a piece that still fails,
/// and not merely for the fields left out, is the one at fault. It runs only on an error, and
/// it reuses `T`'s own deserializer, so the binary carries no second one.
fn culprit<T: serde::de::DeserializeOwned>(value: &JsValue) -> String {
    let fails = |candidate: JsValue| match serde_wasm_bindgen::from_value::<T>(candidate) {
        Ok(_) => false,
        Err(err) => !js_message(err).starts_with("missing field"),
    };
    let mut path = String::new();
    let mut inner = value.clone();
    let mut in_array = false;
    if Array::is_array(value) {
        let list = Array::from(value);
        let Some(i) = (0..list.length()).find(|&i| fails(Array::of1(&list.get(i)).into())) else {
            return path;
        };
        path = format!("[{i}]");
        inner = list.get(i);
        in_array = true;
    }
    for key in keys(&inner) {
        let piece = Object::new();
        let _ = Reflect::set(&piece, &key.as_str().into(), &get(&inner, &key));
        let candidate: JsValue = match in_array {
            true => Array::of1(&piece).into(),
            false => piece.into(),
        };
        if fails(candidate) {
            return format!("{path}.{key}");
        }
    }
    path
}

/// Runs a request and writes its answer as a plain JavaScript value.
pub(crate) fn answer(engine: &mut Engine, request: Request) -> Result<JsValue, Error> {
    let mut response = engine.handle(request)?;
    if let Response::SaveCorpus(bytes) = &response {
        return Ok(Uint8Array::from(bytes.0.as_slice()).into());
    }
    if let Response::Memory(memory) = &mut response {
        let buffer = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
        let bytes = buffer
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length();
        memory.wasm_bytes = Some(f64::from(bytes));
    }
    to_js(&response)
}

/// A value as JavaScript sees JSON: maps as objects, `None` as `null` (written on a tape and
/// built in JavaScript: see [`tape`]).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    tape::to_js(value).map_err(|err| Error::invalid_request(err.to_string()))
}
