//! The JavaScript boundary: every `#[wasm_bindgen]` item (compiled for wasm32 only). It
//! moves requests and answers across and holds no logic of its own:
//! - requests (`{op, args}`, declared in [`crate::protocol`]) are read from JavaScript
//!   values by serde-wasm-bindgen, and answers written back by it;
//! - [`serve`] is the engine's message loop on a Worker's scope or a `MessagePort` (web-sys),
//!   in [`serve.rs`](serve);
//! - the panic hook (console_error_panic_hook) is installed when the module starts: a panic is
//!   a bug, and it reaches the console with its Rust message and location, and the page with a
//!   `{crashed}` message, so that the page can restart the engine from its texts.

mod serve;

pub use serve::{serve, Server};

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::Engine;
use crate::error::Error;
use crate::protocol::{check_fields, read_request, Request, Response};

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        serve::report_crash(&info.to_string());
    }));
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

    /// Answers one request `{op, args}` (see `npm/types/engine.d.ts`); throws an `Error` that
    /// says what is wrong.
    pub fn handle(&mut self, request: JsValue) -> Result<JsValue, JsError> {
        let request = parse(request)?;
        Ok(answer(&mut self.inner, request)?)
    }
}

/// Reads a request `{op, args}` (`args` may be left out for an operation without any),
/// naming the field at fault.
pub(crate) fn parse(request: JsValue) -> Result<Request, Error> {
    let get = |object: &JsValue, key: &str| Reflect::get(object, &key.into()).ok();
    let op = get(&request, "op")
        .and_then(|op| op.as_string())
        .unwrap_or_default();
    let args = get(&request, "args").unwrap_or(JsValue::UNDEFINED);
    check_fields(&op, |param| {
        let object = match param {
            None => args.clone(),
            Some(param) => get(&args, param).unwrap_or(JsValue::UNDEFINED),
        };
        match object.is_object() && !Array::is_array(&object) {
            true => Object::keys(object.unchecked_ref::<Object>())
                .iter()
                .filter_map(|key| key.as_string())
                .collect(),
            false => Vec::new(),
        }
    })?;
    let request = match args.is_undefined() {
        true => {
            let filled = Object::new();
            let _ = Reflect::set(&filled, &"op".into(), &op.into());
            let _ = Reflect::set(&filled, &"args".into(), &Object::new());
            filled.into()
        }
        false => request,
    };
    read_request(serde_wasm_bindgen::Deserializer::from(request))
}

/// Runs a request and writes its answer as a plain JavaScript value.
pub(crate) fn answer(engine: &mut Engine, request: Request) -> Result<JsValue, Error> {
    let mut response = engine.handle(request)?;
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

/// A value as JavaScript sees JSON: maps as objects, `None` as `null`.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|err| Error::invalid_request(err.to_string()))
}
