//! The language library in the browser: lang/'s own wasm (www/pkg-lang), which the page
//! loads on first use and hands over as an object `{detect(text), stems(language, lines)}`.
//! The engine calls it synchronously, as natively it calls the `lang` crate.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::language::Languages;

/// `{detect, stems}` from JavaScript (lang/'s exports, or a stand-in in the tests): `stems`
/// takes and gives words a line each.
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

    /// The words cross as one string, a word a line (a term never holds a line break), and
    /// come back so: one string each way, rather than an array of thousands.
    fn stems(&self, language: &str, words: &[&str]) -> Option<Vec<String>> {
        let lines = words.join("\n");
        let out = self
            .stems
            .call2(&JsValue::NULL, &language.into(), &lines.into());
        let out = out.ok()?.as_string()?;
        let stems: Vec<String> = out.split('\n').map(str::to_string).collect();
        (stems.len() == words.len()).then_some(stems)
    }
}
