//! A stand-in for wasm-streams 0.5, used in its place through the `[patch]` in the app's
//! Cargo.toml.
//!
//! Leptos always links server_fn, and server_fn's browser client turns request and response
//! bodies into Rust streams with wasm-streams. This app calls no server function, so that code
//! never runs; but the real crate's stream classes and futures stayed in the wasm through the
//! function table (about 2.5 KB gzipped). Only the two conversions server_fn names are kept
//! here, with the same signatures. If anything ever did call them, they throw a JavaScript error
//! that says so, rather than sending an empty body or reading nothing.
use futures_util::stream::Stream;
use wasm_bindgen::JsValue;

const UNUSED: &str = "wasm-streams is not part of this app (server functions are not used)";

/// A JavaScript `ReadableStream`, as server_fn uses it.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        wasm_bindgen::throw_str(UNUSED)
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    pub fn into_stream(self) -> futures_util::stream::Empty<Result<JsValue, JsValue>> {
        wasm_bindgen::throw_str(UNUSED)
    }
}
