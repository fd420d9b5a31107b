//! A panic in the engine, under wasm-bindgen-test in Node, headless Chrome and headless
//! Firefox (scripts/test, built with the `test-panic` feature, which adds the `panic`
//! operation; a release build never has it). Its own test binary: the panic traps the wasm
//! instance, which no other test should share.
//!
//! What the wasm side of the recovery must do is checked here: the panic reaches the caller as
//! an exception (not a hang), and every page the instance serves gets `{crashed: message}`
//! with the Rust message and location, which is what makes the client restart the engine from
//! its texts. The restart itself is the client's (www/client.js), checked end to end in
//! tests/e2e/panic.test.mjs, in a Worker and on the page.
#![cfg(all(target_arch = "wasm32", feature = "test-panic"))]

use js_sys::{Array, Function, Promise, Reflect, JSON};
use text_explorer::{install_panic_hook, serve, JsEngine};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        let set_timeout: Function = get(&js_sys::global(), "setTimeout").into();
        set_timeout
            .call2(&JsValue::NULL, &resolve, &ms.into())
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_panic_throws_to_the_caller_and_tells_every_page_it_crashed() {
    // The engine's hook, which the module's start function installs (the test runner then
    // replaces it with its own).
    install_panic_hook();
    // A page served by this instance, as the worker serves the client.
    let channel = web_sys::MessageChannel::new().unwrap();
    let decoder = Function::new_with_args("bytes", "return { text: '' };");
    let _server = serve(channel.port2().into(), decoder, None, None).unwrap();
    let inbox = Array::new();
    let sink = inbox.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            sink.push(&event.data());
        });
    let page = channel.port1();
    page.set_onmessage(Some(listener.as_ref().unchecked_ref()));

    // An engine driven directly (as Node's API does), called through JavaScript so that the
    // trap comes back here as the exception a JavaScript caller sees.
    let engine = JsValue::from(JsEngine::new(Some(false)));
    let handle: Function = get(&engine, "handle").into();
    let request = JSON::parse(r#"{"op": "panic", "args": {}}"#).unwrap();
    let thrown = handle
        .call1(&engine, &request)
        .expect_err("the panic reaches the caller as an exception");
    let thrown: js_sys::Error = thrown.dyn_into().expect("an Error");
    assert_eq!(
        thrown.constructor().name(),
        "RuntimeError",
        "the trap of the abort that follows the panic hook"
    );

    // The page hears of it, with the Rust message and where it was raised.
    let mut crashed = None;
    for _ in 0..200 {
        crashed = inbox.iter().find_map(|m| get(&m, "crashed").as_string());
        if crashed.is_some() {
            break;
        }
        sleep(10).await;
    }
    let crashed = crashed.expect("a {crashed} message reached the page");
    assert!(
        crashed.contains("test-panic: a panic asked for by the test build"),
        "{crashed}"
    );
    assert!(crashed.contains("src/engine.rs:"), "{crashed}");
    assert_eq!(inbox.length(), 1, "nothing but the crash was posted");
    drop(listener);
}
