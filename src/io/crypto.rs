//! Passphrase protection through the browser's WebCrypto (`crypto.subtle`), so no cryptographic
//! code ships in the wasm. The file format and every check on it are in `model::sealed`.
//!
//! The passphrase is Unicode-normalized to NFC (the browser's `String.prototype.normalize`)
//! before its UTF-8 bytes go to PBKDF2, never trimmed: an "é" typed as one character or as "e"
//! and an accent gives the same key. Files made before this normalization are opened too:
//! `open` tries the NFC form first, then the text exactly as typed.
//!
//! Keys are derived non-extractable, so their bytes never enter wasm memory. Every browser
//! failure is returned as a `Result`; nothing here panics on browser data.

use std::fmt;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::model::passphrase;
use crate::model::sealed::{self, Header, SealedError, IV_LEN, SALT_LEN, WRONG_OR_DAMAGED};

/// Why a protected file did not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The file's parameters were refused before any key derivation.
    Refused(SealedError),
    /// Authentication failed: a wrong passphrase or a changed byte (indistinguishable).
    WrongOrDamaged,
    /// The browser could not do the work (no WebCrypto outside https, or another failure).
    Browser(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Refused(e) => e.fmt(f),
            OpenError::WrongOrDamaged => f.write_str(crate::lang::tr(WRONG_OR_DAMAGED)),
            OpenError::Browser(why) => f.write_str(&crate::tr!(
                "This browser could not open the protected file: {why}.",
                why = why
            )),
        }
    }
}

impl std::error::Error for OpenError {}

/// `text` in Unicode Normalization Form C.
pub fn nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}

/// A suggested passphrase: `model::passphrase::SUGGESTED_WORDS` words from the app's list,
/// each chosen with `crypto.getRandomValues`.
pub fn suggest_passphrase() -> Result<String, String> {
    let mut failed = None;
    let suggestion = passphrase::suggestion(passphrase::SUGGESTED_WORDS, || {
        let mut four = [0u8; 4];
        match random(&mut four) {
            Ok(()) => Some(u32::from_le_bytes(four)),
            Err(e) => {
                failed = Some(e);
                None
            }
        }
    });
    suggestion.ok_or_else(|| failed.unwrap_or_else(|| crate::lang::tr("no random numbers").into()))
}

/// Protects `plaintext` with `passphrase` (in NFC): a fresh random salt and IV,
/// `sealed::ITERATIONS` rounds. Returns the file's text.
pub async fn seal(plaintext: &str, passphrase: &str) -> Result<String, String> {
    let mut salt = [0u8; SALT_LEN];
    let mut iv = [0u8; IV_LEN];
    random(&mut salt)?;
    random(&mut iv)?;
    seal_with(plaintext, passphrase, salt, iv, sealed::ITERATIONS).await
}

/// `seal` with a given salt, IV and round count (for deterministic checks). Never reuse a salt
/// and IV pair for two different plaintexts with one passphrase.
pub(crate) async fn seal_with(
    plaintext: &str,
    passphrase: &str,
    salt: [u8; SALT_LEN],
    iv: [u8; IV_LEN],
    iterations: u32,
) -> Result<String, String> {
    if passphrase.is_empty() {
        return Err(crate::lang::tr("the passphrase is empty").into());
    }
    if !(sealed::MIN_ITERATIONS..=sealed::MAX_ITERATIONS).contains(&iterations) {
        return Err(crate::tr!(
            "{iterations} rounds is outside the accepted range",
            iterations = iterations
        ));
    }
    let header = Header {
        iterations,
        salt,
        iv,
    };
    let subtle = subtle()?;
    let key = derive_key(&subtle, &nfc(passphrase), &header, "encrypt")
        .await
        .map_err(explain)?;
    let params = gcm_params(&header);
    let promise = subtle
        .encrypt_with_object_and_js_u8_array(&params, &key, &bytes(plaintext.as_bytes()))
        .map_err(explain)?;
    let ciphertext = JsFuture::from(promise).await.map_err(explain)?;
    let ciphertext = Uint8Array::new(&ciphertext).to_vec();
    if ciphertext.len() != plaintext.len() + sealed::TAG_LEN {
        return Err(crate::lang::tr("the browser returned an unexpected ciphertext").into());
    }
    Ok(sealed::write(&header, &ciphertext))
}

/// Opens a protected file's text. Every parameter is checked (`sealed::parse`) before any key
/// is derived; a wrong passphrase and any changed byte give the same `WrongOrDamaged`. The
/// passphrase is tried in NFC, then (if that differs) exactly as typed, for files made before
/// passphrases were normalized.
pub async fn open(text: &str, passphrase: &str) -> Result<String, OpenError> {
    let file = sealed::parse(text).map_err(OpenError::Refused)?;
    let normalized = nfc(passphrase);
    match open_with(&file, &normalized).await {
        Err(OpenError::WrongOrDamaged) if normalized != passphrase => {
            open_with(&file, passphrase).await
        }
        result => result,
    }
}

async fn open_with(file: &sealed::Sealed, passphrase: &str) -> Result<String, OpenError> {
    let subtle = subtle().map_err(OpenError::Browser)?;
    let key = derive_key(&subtle, passphrase, &file.header, "decrypt")
        .await
        .map_err(|e| OpenError::Browser(explain(e)))?;
    let params = gcm_params(&file.header);
    let promise = subtle
        .decrypt_with_object_and_js_u8_array(&params, &key, &bytes(&file.ciphertext))
        .map_err(|e| OpenError::Browser(explain(e)))?;
    let plaintext = match JsFuture::from(promise).await {
        Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
        // A failed tag check is an `OperationError` (WebCrypto §27.4.3, decrypt step 7).
        Err(e) if error_name(&e).as_deref() == Some("OperationError") => {
            return Err(OpenError::WrongOrDamaged)
        }
        Err(e) => return Err(OpenError::Browser(explain(e))),
    };
    // Authentic but not text would take the passphrase and a broken sender: still "damaged".
    String::from_utf8(plaintext).map_err(|_| OpenError::WrongOrDamaged)
}

/// `crypto.subtle`, which browsers provide only in secure contexts (https, localhost).
fn subtle() -> Result<SubtleCrypto, String> {
    let crypto = web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(explain)?;
    let subtle = crypto.subtle();
    if subtle.is_undefined() || subtle.is_null() {
        return Err(crate::lang::tr("encryption needs the page to be served over https").into());
    }
    Ok(subtle)
}

/// Fills `buf` from `crypto.getRandomValues`. No fallback: a salt or IV must be unpredictable.
fn random(buf: &mut [u8]) -> Result<(), String> {
    let crypto = web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(explain)?;
    let js = Uint8Array::new_with_length(buf.len() as u32);
    crypto
        .get_random_values_with_js_u8_array(&js)
        .map_err(explain)?;
    js.copy_to(buf);
    // A generator that returned all zeros is not one.
    if buf.iter().all(|&b| b == 0) {
        return Err(crate::lang::tr("the browser's random number generator failed").into());
    }
    Ok(())
}

/// PBKDF2-HMAC-SHA256(passphrase, salt, iterations) → a non-extractable AES-256-GCM key for
/// `usage` ("encrypt" or "decrypt").
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    header: &Header,
    usage: &str,
) -> Result<CryptoKey, JsValue> {
    let base = subtle.import_key_with_str(
        "raw",
        &bytes(passphrase.as_bytes()),
        "PBKDF2",
        false,
        &Array::of1(&JsValue::from_str("deriveKey")),
    )?;
    let base: CryptoKey = JsFuture::from(base).await?.dyn_into()?;
    let params =
        Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", header.iterations, &bytes(&header.salt));
    let aes = AesDerivedKeyParams::new("AES-GCM", 256);
    let key = subtle.derive_key_with_object_and_object(
        &params,
        &base,
        &aes,
        false,
        &Array::of1(&JsValue::from_str(usage)),
    )?;
    JsFuture::from(key).await?.dyn_into()
}

/// AES-GCM with the header's IV, a 128-bit tag and the header as additional data.
fn gcm_params(header: &Header) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &bytes(&header.iv));
    params.set_additional_data(&bytes(&sealed::aad(header)));
    params.set_tag_length(128);
    params
}

/// A copy of `data` in JavaScript memory (not a view of wasm memory, which may move).
fn bytes(data: &[u8]) -> Uint8Array {
    Uint8Array::from(data)
}

fn error_name(e: &JsValue) -> Option<String> {
    js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
}

fn explain(e: JsValue) -> String {
    if let Some(s) = e.as_string() {
        return s;
    }
    let message = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string());
    match (error_name(&e), message) {
        (Some(name), Some(message)) if !message.is_empty() => format!("{name}: {message}"),
        (Some(name), _) => name,
        (None, Some(message)) => message,
        (None, None) => crate::lang::tr("an unknown error").into(),
    }
}
