//! Answers to JavaScript values, fast: the answer is serialised in Rust into a tape (one byte
//! of kind per value, the numbers in one `f64` list, every string in one text), and a short
//! JavaScript function (`decode` below) builds the objects from it in one loop. Building them
//! from Rust instead, as serde-wasm-bindgen does, crosses the boundary for every object and
//! every property, which was most of the time of a long list (`npm run bench`: terms,
//! collocates, keyness, `tokens`). The values are those serde-wasm-bindgen's JSON-compatible
//! serializer gives: maps and structs as objects, sequences and tuples as arrays, `None` and
//! `()` as `null`, every number a JavaScript number, a unit variant its name.

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function decode(kinds, nums, text, keys) {
  const names = keys.split('\n');
  let k = 0;
  let n = 0;
  let s = 0;
  const value = () => {
    switch (kinds[k++]) {
      case 0: return null;
      case 1: return true;
      case 2: return false;
      case 3: return nums[n++];
      case 4: { const end = s + nums[n++]; const v = text.slice(s, end); s = end; return v; }
      case 5: { const len = nums[n++]; const a = new Array(len); for (let i = 0; i < len; i++) a[i] = value(); return a; }
      case 6: { const len = nums[n++]; const o = {}; for (let i = 0; i < len; i++) { const key = names[nums[n++]]; o[key] = value(); } return o; }
      default: { const len = nums[n++]; const o = {}; for (let i = 0; i < len; i++) { const key = String(value()); Object.defineProperty(o, key, { value: value(), enumerable: true, writable: true, configurable: true }); } return o; }
    }
  };
  return value();
}
"#)]
extern "C" {
    fn decode(kinds: &[u8], nums: &[f64], text: &str, keys: &str) -> JsValue;
}

const NULL: u8 = 0;
const TRUE: u8 = 1;
const FALSE: u8 = 2;
const NUMBER: u8 = 3;
const STRING: u8 = 4;
const ARRAY: u8 = 5;
/// An object whose keys are field names (each a number: its index in `keys`).
const STRUCT: u8 = 6;
/// An object whose keys are values (a map's), each written before its value.
const MAP: u8 = 7;

/// The tape of one answer.
#[derive(Default)]
pub(crate) struct Tape {
    kinds: Vec<u8>,
    nums: Vec<f64>,
    text: String,
    keys: Vec<&'static str>,
}

/// Serialises `value` and decodes it into a JavaScript value.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let mut tape = Tape::default();
    value.serialize(&mut tape)?;
    Ok(decode(
        &tape.kinds,
        &tape.nums,
        &tape.text,
        &tape.keys.join("\n"),
    ))
}

impl Tape {
    fn number(&mut self, v: f64) {
        self.kinds.push(NUMBER);
        self.nums.push(v);
    }

    fn string(&mut self, v: &str) {
        self.kinds.push(STRING);
        // JavaScript slices the text in UTF-16 code units.
        let units = match v.is_ascii() {
            true => v.len(),
            false => v.encode_utf16().count(),
        };
        self.nums.push(units as f64);
        self.text.push_str(v);
    }

    /// Starts a list (an array, a struct, a map) of `kind`: its length is set by [`Tape::end`].
    fn start(&mut self, kind: u8) -> Compound<'_> {
        self.kinds.push(kind);
        self.nums.push(0.0);
        Compound {
            at: self.nums.len() - 1,
            len: 0,
            tape: self,
        }
    }

    fn key(&mut self, key: &'static str) {
        // A few dozen field names: the last ones used are the likeliest.
        let at = match self.keys.iter().rposition(|k| *k == key) {
            Some(at) => at,
            None => {
                self.keys.push(key);
                self.keys.len() - 1
            }
        };
        self.nums.push(at as f64);
    }
}

/// A list being written: where its length goes and how long it is so far.
pub(crate) struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    len: usize,
}

impl Compound<'_> {
    fn end(self) {
        self.tape.nums[self.at] = self.len as f64;
    }
}

/// What can go wrong: only a custom error of a `Serialize` impl (none of the answers has one).
#[derive(Debug)]
pub(crate) struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

type Done = Result<(), Error>;

/// Every number is a JavaScript number (an `f64`; integers past 2^53 lose their last digits,
/// as with serde-wasm-bindgen's JSON-compatible serializer).
macro_rules! numbers {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Done {
            self.number(v as f64);
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Variant<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Variant<'a>;

    fn serialize_bool(self, v: bool) -> Done {
        self.kinds.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    numbers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_f32: f32,
        serialize_f64: f64
    );
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        let mut list = self.start(ARRAY);
        for &b in v {
            list.tape.number(f64::from(b));
            list.len += 1;
        }
        list.end();
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.kinds.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.kinds.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        let mut object = self.start(STRUCT);
        object.tape.key(variant);
        value.serialize(&mut *object.tape)?;
        object.len = 1;
        object.end();
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.start(ARRAY))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.start(ARRAY))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.start(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<'a>, Error> {
        Variant::start(self, variant, ARRAY)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.start(MAP))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.start(STRUCT))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<'a>, Error> {
        Variant::start(self, variant, STRUCT)
    }
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut *self.tape)?;
        self.len += 1;
        Ok(())
    }
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.tape.key(key);
        self.element(value)
    }
}

/// The lists of elements alone: sequences, tuples and tuple structs, each written as an array.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                self.element(value)
            }
            fn end(self) -> Done {
                Compound::end(self);
                Ok(())
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut *self.tape)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        Compound::end(self);
        Ok(())
    }
}

/// A tuple or struct variant: `{variant: [...]}` or `{variant: {...}}`.
pub(crate) struct Variant<'a> {
    outer: usize,
    inner: Compound<'a>,
}

impl<'a> Variant<'a> {
    fn start(tape: &'a mut Tape, variant: &'static str, kind: u8) -> Result<Variant<'a>, Error> {
        tape.kinds.push(STRUCT);
        tape.nums.push(1.0);
        let outer = tape.nums.len() - 1;
        tape.key(variant);
        Ok(Variant {
            outer,
            inner: tape.start(kind),
        })
    }
}

impl ser::SerializeTupleVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.inner.element(value)
    }
    fn end(self) -> Done {
        debug_assert!(self.outer < self.inner.at);
        self.inner.end();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.inner.field(key, value)
    }
    fn end(self) -> Done {
        debug_assert!(self.outer < self.inner.at);
        self.inner.end();
        Ok(())
    }
}
