//! Small browser adapters for data leaving or entering the app: the clock, fresh ids, and file
//! downloads. Each returns a `Result` or a safe fallback; none can panic on browser state.

pub mod crypto;
mod download;
mod file;
pub mod lang;
pub mod worker;

pub use download::download;
pub use file::read_bytes;

use crate::model::Millis;

/// Now, from the browser's clock.
/// Text as search compares it (`model::paging::Fold`): the browser's canonical decomposition,
/// with combining marks (accents) removed, in lower case.
pub fn fold(text: &str) -> String {
    thread_local! {
        static MARKS: js_sys::RegExp = js_sys::RegExp::new("\\p{M}", "gu");
    }
    let decomposed = js_sys::JsString::from(text).normalize("NFD");
    MARKS.with(|marks| {
        decomposed
            .replace_by_pattern(marks, "")
            .to_lower_case()
            .into()
    })
}

pub fn now() -> Millis {
    let ms = js_sys::Date::now();
    if ms.is_finite() && ms > 0.0 {
        ms as Millis
    } else {
        0
    }
}

/// A fresh random id (128 bits, hex) from `crypto.getRandomValues`, falling back to
/// `Math.random` where WebCrypto is missing: ids only need to be unique, not secret.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The user's local time of day for status messages (`17:42`).
pub fn local_time(ms: Millis) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// Where a link goes, as the browser reads it (`URL`): its host in ASCII, punycode for an
/// internationalised name (`xn--exmple-cua.org`); for a `mailto:` link, the address, its
/// domain in ASCII too.
pub fn link_host(href: &str) -> Option<String> {
    let ascii_host = |url: &str| web_sys::Url::new(url).ok().map(|u| u.hostname());
    let url = web_sys::Url::new(href).ok()?;
    let shown = if url.protocol() == "mailto:" {
        let path: String = js_sys::decode_uri_component(&url.pathname()).ok()?.into();
        let (user, domain) = path.rsplit_once('@')?;
        format!("{user}@{}", ascii_host(&format!("http://{domain}/"))?)
    } else {
        url.hostname()
    };
    (!shown.is_empty()).then_some(shown)
}

/// Copies text to the clipboard (`navigator.clipboard.writeText`).
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| crate::lang::tr("the browser refused").into())
        })
}

/// Empties the clipboard (writes an empty text), after "Copy as text". Clipboard managers and
/// the system's clipboard history may still keep what was copied.
pub async fn clear_clipboard() -> Result<(), String> {
    copy_text("").await
}

/// The user's local date and time as people read it (`25 November 2026, 17:42`), for "last
/// saved" and "last exported".
pub fn local_date_time(ms: Millis) -> String {
    crate::model::time::readable(ms, utc_offset(ms))
}

/// Minutes the user's time zone is ahead of UTC at `ms` (`-420` in Denver in winter).
pub fn utc_offset(ms: Millis) -> i64 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let offset = -date.get_timezone_offset();
    if offset.is_finite() {
        offset as i64
    } else {
        0
    }
}

/// Asks the browser to keep this site's storage from automatic eviction
/// (`navigator.storage.persist()`). `Ok(granted)`, or why it could not be asked.
pub async fn persist_storage() -> Result<bool, String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|m| !m.is_undefined() && !m.is_null())
        .ok_or(crate::lang::tr(
            "this browser cannot keep storage persistent",
        ))?;
    let manager: web_sys::StorageManager = wasm_bindgen::JsCast::unchecked_into(manager);
    let promise = manager
        .persist()
        .map_err(|_| crate::lang::tr("the browser refused to answer").to_owned())?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| crate::lang::tr("the browser refused to answer").into())
        })?;
    Ok(answer.as_bool().unwrap_or(false))
}
