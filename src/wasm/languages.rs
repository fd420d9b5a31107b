//! The language library in the browser: lang/'s own wasm (www/pkg-lang), which the page
//! loads on first use and hands over as an object `{detect(text), stems(language, words)}`.
//! The engine calls it synchronously, as natively it calls the `lang` crate.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::language::Languages;

/// `{detect, stems}` from JavaScript (lang/'s exports, or a stand-in in the tests).
pub(crate) struct JsLanguages {
    detect: Function,
    stems: Function,
}

impl JsLanguages {
    /// Reads `detect` and `stems` from `module`; an error names the one missing.
    pub(crate) fn from(module: &JsValue) -> Result<JsLanguages, String> {
        let function = |name: &str| {
            Reflect::get(module, &name.into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .ok_or_else(|| format!("the language module has no function `{name}`"))
        };
        Ok(JsLanguages {
            detect: function("detect")?,
            stems: function("stems")?,
        })
    }
}

impl Languages for JsLanguages {
    fn detect(&self, text: &str) -> Option<String> {
        // A failure to detect is an unknown language: the text is added all the same.
        self.detect
            .call1(&JsValue::NULL, &text.into())
            .ok()?
            .as_string()
    }

    fn stems(&self, language: &str, words: &[&str]) -> Option<Vec<String>> {
        let list: Array = words.iter().map(|&w| JsValue::from_str(w)).collect();
        let out = self
            .stems
            .call2(&JsValue::NULL, &language.into(), &list)
            .ok()?;
        if !Array::is_array(&out) {
            return None;
        }
        Array::from(&out).iter().map(|s| s.as_string()).collect()
    }
}
