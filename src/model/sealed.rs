//! Passphrase-protected plan files: the envelope's format, its validation and its authenticated
//! header. Plain Rust with no browser APIs; the cryptography itself is WebCrypto's and lives in
//! `io::crypto` (wasm only), so no crypto code ships in the wasm.
//!
//! ```json
//! {
//!   "format": "partnership-plan-encrypted",
//!   "version": 1,
//!   "kdf": "PBKDF2-SHA256",
//!   "iterations": 600000,
//!   "salt": "<base64 of 16 bytes>",
//!   "cipher": "AES-256-GCM",
//!   "iv": "<base64 of 12 bytes>",
//!   "ciphertext": "<base64 of the AES-GCM output: encrypted plan file, then the 16-byte tag>"
//! }
//! ```
//!
//! The key is PBKDF2-HMAC-SHA256(passphrase as UTF-8 bytes, salt, iterations) → 256 bits, used
//! for AES-256-GCM with the 12-byte IV, a 128-bit tag and `aad(header)` as additional
//! authenticated data. The plaintext is the ordinary exported plan file (`encode_pretty`).
//!
//! `parse` does every check on the file before any key is derived: a hostile file cannot ask
//! for ten billion rounds, a short salt, or an algorithm nobody reviewed.
//!
//! Known answers: nothing here computes PBKDF2 or AES-GCM (there is no crypto crate in the
//! build), so the known-answer test is `tests/fixtures/encrypted/plan-v1.protected.json`, made
//! by an independent implementation (Node's `crypto`, `tests/fixtures/encrypted/make.mjs`) and
//! opened by the app in `tests/e2e/encryption.test.mjs`; that test also decrypts a file the
//! app made with Node.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const FORMAT: &str = "partnership-plan-encrypted";
pub const VERSION: u64 = 1;
pub const KDF: &str = "PBKDF2-SHA256";
pub const CIPHER: &str = "AES-256-GCM";
/// Rounds written by this build (OWASP's figure for PBKDF2-HMAC-SHA256).
pub const ITERATIONS: u32 = 600_000;
/// Rounds accepted from a file: fewer is too weak to be ours; more would keep a phone busy for
/// many seconds on every attempt (a hostile file could ask for that).
pub const MIN_ITERATIONS: u32 = 100_000;
pub const MAX_ITERATIONS: u32 = 2_000_000;
/// The plaintext is padded with trailing spaces to a multiple of this many bytes, so a file's
/// length tells only roughly how large the plan is.
pub const PAD_TO: usize = 4096;
pub const SALT_LEN: usize = 16;
pub const IV_LEN: usize = 12;
/// The AES-GCM authentication tag at the end of the ciphertext.
pub const TAG_LEN: usize = 16;

/// The one message for a failed decryption. AES-GCM cannot tell a wrong passphrase from a
/// changed byte, so neither can we.
pub const WRONG_OR_DAMAGED: &str = crate::en!("Wrong passphrase or damaged file.");

/// The fields a file may have, in the order `write` puts them.
const FIELDS: [&str; 8] = [
    "format",
    "version",
    "kdf",
    "iterations",
    "salt",
    "cipher",
    "iv",
    "ciphertext",
];

/// Everything in the file but the ciphertext. `format`, `version`, `kdf` and `cipher` can only
/// be the constants above (anything else is refused), so they are not stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
    pub iv: [u8; IV_LEN],
}

/// A protected file that passed every check and may be decrypted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub header: Header,
    /// The AES-GCM output: encrypted bytes followed by the tag (at least `TAG_LEN` bytes).
    pub ciphertext: Vec<u8>,
}

/// Why a protected file is refused before any key derivation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealedError {
    /// Not a JSON object.
    Unreadable,
    /// A JSON object that does not say it is a protected plan.
    NotSealed,
    DuplicateField(String),
    UnknownField(String),
    Missing(&'static str),
    /// A field of the wrong JSON type; `want` completes "must be …".
    WrongType {
        field: &'static str,
        want: &'static str,
    },
    /// A version number this build does not read (as written in the file).
    Version(String),
    Kdf(String),
    Cipher(String),
    /// An iteration count outside `MIN_ITERATIONS..=MAX_ITERATIONS` (as written, or grouped
    /// by thousands when it is a whole number).
    Iterations(String),
    /// Not canonical padded base64 (standard alphabet).
    Base64(&'static str),
    /// `salt` or `iv` of the wrong length in bytes.
    Length {
        field: &'static str,
        found: usize,
        want: usize,
    },
    /// A ciphertext shorter than the tag.
    TooShort(usize),
}

impl fmt::Display for SealedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::lang::tr;
        let text = match self {
            SealedError::Unreadable => {
                tr("This protected file is damaged: it cannot be read as a protected plan.").into()
            }
            SealedError::NotSealed => tr("This is not a passphrase-protected plan file.").into(),
            SealedError::DuplicateField(name) => crate::tr!(
                "This protected file is damaged: the field \u{201c}{name}\u{201d} appears twice.",
                name = name
            ),
            SealedError::UnknownField(name) => crate::tr!(
                "This protected file has a field Partnership Planner does not know \
                 (\u{201c}{name}\u{201d}), so it cannot be opened safely.",
                name = name
            ),
            SealedError::Missing(name) => crate::tr!(
                "This protected file is damaged: the field \u{201c}{name}\u{201d} is missing.",
                name = name
            ),
            // `want` is marked with `en!` where it is made.
            SealedError::WrongType { field, want } => crate::tr!(
                "This protected file is damaged: \u{201c}{field}\u{201d} must be {want}.",
                field = field,
                want = tr(want)
            ),
            SealedError::Version(found) => crate::tr!(
                "This protected file uses protection format {found}, and Partnership Planner \
                 reads format {version}. Update, or ask the sender to export it again.",
                found = found,
                version = VERSION
            ),
            SealedError::Kdf(name) => crate::tr!(
                "This protected file uses a key derivation Partnership Planner does not \
                 support (\u{201c}{name}\u{201d}); it supports {kdf}.",
                name = name,
                kdf = KDF
            ),
            SealedError::Cipher(name) => crate::tr!(
                "This protected file uses a cipher Partnership Planner does not support \
                 (\u{201c}{name}\u{201d}); it supports {cipher}.",
                name = name,
                cipher = CIPHER
            ),
            SealedError::Iterations(found) => crate::tr!(
                "This protected file asks for {found} key-derivation rounds; Partnership \
                 Planner accepts {min} to {max}.",
                found = found,
                min = group(MIN_ITERATIONS as u64),
                max = group(MAX_ITERATIONS as u64)
            ),
            SealedError::Base64(field) => crate::tr!(
                "This protected file is damaged: \u{201c}{field}\u{201d} is not valid base64.",
                field = field
            ),
            SealedError::Length { field, found, want } => crate::tr!(
                "This protected file is damaged: \u{201c}{field}\u{201d} is {found} bytes long \
                 and must be {want}.",
                field = field,
                found = found,
                want = want
            ),
            SealedError::TooShort(found) => crate::tr!(
                "This protected file is damaged: its encrypted content is {found} bytes long, \
                 shorter than the {tag}-byte check every protected file ends with.",
                found = found,
                tag = TAG_LEN
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SealedError {}

/// `text` with spaces added at the end up to the next multiple of `PAD_TO` bytes (none when it
/// is one already). A plan file's reader ignores trailing white space.
pub fn pad(text: &str) -> String {
    let padding = (PAD_TO - text.len() % PAD_TO) % PAD_TO;
    let mut out = String::with_capacity(text.len() + padding);
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', padding));
    out
}

/// A protected export's name, the same for every plan, with the local date and time:
/// `partnership-plan-2026-12-01-1953.protected.json`.
pub fn file_name(now: super::time::Millis, offset: i64) -> String {
    crate::tr!(
        "partnership-plan-{stamp}.protected.json",
        stamp = super::time::file_stamp(now, offset)
    )
}

/// `1234567` → `1,234,567`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Text from the file shown in a message: at most 40 characters, control characters dropped.
fn quote(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if text.chars().filter(|c| !c.is_control()).nth(40).is_some() {
        out.push('…');
    }
    out
}

/// A JSON value as written, for a message.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\u{201c}{}\u{201d}", quote(s)),
        Value::Number(n) => match n.as_u64() {
            Some(n) => group(n),
            None => quote(&n.to_string()),
        },
        other => quote(&other.to_string()),
    }
}

/// Checks a protected file completely, before any key derivation.
pub fn parse(text: &str) -> Result<Sealed, SealedError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fields = match super::json::parse(text) {
        Ok(Value::Object(fields)) => fields,
        Ok(_) => return Err(SealedError::Unreadable),
        Err(super::json::JsonError::DuplicateKey(key)) => {
            return Err(SealedError::DuplicateField(quote(&key)))
        }
        Err(_) => return Err(SealedError::Unreadable),
    };
    match fields.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        _ => return Err(SealedError::NotSealed),
    }
    // The version before unknown fields: a newer format may well add fields.
    match fields.get("version") {
        None => return Err(SealedError::Missing("version")),
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
        Some(v @ Value::Number(_)) => return Err(SealedError::Version(shown(v))),
        Some(_) => {
            return Err(SealedError::WrongType {
                field: "version",
                want: crate::en!("a whole number"),
            })
        }
    }
    if let Some(name) = fields.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(SealedError::UnknownField(quote(name)));
    }
    let text_field = |field: &'static str| match fields.get(field) {
        None => Err(SealedError::Missing(field)),
        Some(Value::String(s)) => Ok(s.as_str()),
        Some(_) => Err(SealedError::WrongType {
            field,
            want: crate::en!("text"),
        }),
    };
    let kdf = text_field("kdf")?;
    if kdf != KDF {
        return Err(SealedError::Kdf(quote(kdf)));
    }
    let cipher = text_field("cipher")?;
    if cipher != CIPHER {
        return Err(SealedError::Cipher(quote(cipher)));
    }
    let iterations = match fields.get("iterations") {
        None => return Err(SealedError::Missing("iterations")),
        Some(v @ Value::Number(n)) => n
            .as_u64()
            .filter(|n| (MIN_ITERATIONS as u64..=MAX_ITERATIONS as u64).contains(n))
            .map(|n| n as u32)
            .ok_or_else(|| SealedError::Iterations(shown(v)))?,
        Some(_) => {
            return Err(SealedError::WrongType {
                field: "iterations",
                want: crate::en!("a whole number"),
            })
        }
    };
    let bytes = |field: &'static str| {
        text_field(field).and_then(|s| base64_decode(s).ok_or(SealedError::Base64(field)))
    };
    let salt = bytes("salt")?;
    let salt: [u8; SALT_LEN] = salt
        .as_slice()
        .try_into()
        .map_err(|_| SealedError::Length {
            field: "salt",
            found: salt.len(),
            want: SALT_LEN,
        })?;
    let iv = bytes("iv")?;
    let iv: [u8; IV_LEN] = iv.as_slice().try_into().map_err(|_| SealedError::Length {
        field: "iv",
        found: iv.len(),
        want: IV_LEN,
    })?;
    let ciphertext = bytes("ciphertext")?;
    if ciphertext.len() < TAG_LEN {
        return Err(SealedError::TooShort(ciphertext.len()));
    }
    Ok(Sealed {
        header: Header {
            iterations,
            salt,
            iv,
        },
        ciphertext,
    })
}

/// The additional authenticated data: every header field except `ciphertext`, as compact JSON
/// with the fields in this fixed order, no white space, UTF-8:
///
/// ```text
/// {"format":"partnership-plan-encrypted","version":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"<b64>","cipher":"AES-256-GCM","iv":"<b64>"}
/// ```
///
/// `iterations` is a plain decimal integer and `salt` and `iv` are canonical padded base64, so
/// no value needs escaping. It is built from the parsed values, not copied from the file, so it
/// does not depend on the file's key order or white space; because `parse` accepts only
/// canonical base64 and the exact constants, it is byte-for-byte what the sender computed. In
/// JavaScript it is `JSON.stringify({format, version, kdf, iterations, salt, cipher, iv})`.
/// Seal and open both use this function.
pub fn aad(header: &Header) -> Vec<u8> {
    format!(
        r#"{{"format":"{FORMAT}","version":{VERSION},"kdf":"{KDF}","iterations":{},"salt":"{}","cipher":"{CIPHER}","iv":"{}"}}"#,
        header.iterations,
        base64_encode(&header.salt),
        base64_encode(&header.iv)
    )
    .into_bytes()
}

/// A protected file as written: every field, in the documented order. `parse` checks a file
/// field by field before anything is read from it, for messages that say which one is wrong.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedFile {
    pub format: String,
    pub version: u64,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub cipher: String,
    pub iv: String,
    pub ciphertext: String,
}

/// The file: indented JSON, fields in the documented order.
pub fn write(header: &Header, ciphertext: &[u8]) -> String {
    let file = SealedFile {
        format: FORMAT.into(),
        version: VERSION,
        kdf: KDF.into(),
        iterations: header.iterations,
        salt: base64_encode(&header.salt),
        cipher: CIPHER.into(),
        iv: base64_encode(&header.iv),
        ciphertext: base64_encode(ciphertext),
    };
    // Plain strings and numbers always serialize.
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648 §4) with `=` padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes canonical standard base64 only: length a multiple of 4, the standard alphabet,
/// `=` only as the last one or two characters, unused bits zero, no white space. Exactly one
/// text decodes to each byte string, so `base64_encode(decode(s)) == s`.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let quads = text.len() / 4;
    for (q, quad) in text.chunks(4).enumerate() {
        let padding = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if padding > 2 || (padding > 0 && q + 1 != quads) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - padding] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * padding as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = 3 - padding;
        // Canonical: the bits beyond the last kept byte must be zero.
        if bytes[keep..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..keep]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn header() -> Header {
        Header {
            iterations: ITERATIONS,
            salt: *b"0123456789abcdef",
            iv: *b"twelve bytes",
        }
    }

    fn file() -> String {
        write(&header(), &[7u8; 40])
    }

    /// The file with one field's raw JSON value replaced.
    fn with(field: &str, raw: &str) -> String {
        let mut v: serde_json::Map<String, Value> = serde_json::from_str(&file()).unwrap();
        v.insert(field.into(), serde_json::from_str(raw).unwrap());
        Value::Object(v).to_string()
    }

    fn without(field: &str) -> String {
        let mut v: serde_json::Map<String, Value> = serde_json::from_str(&file()).unwrap();
        v.remove(field);
        Value::Object(v).to_string()
    }

    #[test]
    fn base64_rfc4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in vectors {
            assert_eq!(base64_encode(plain.as_bytes()), coded);
            assert_eq!(
                base64_decode(coded),
                Some(plain.as_bytes().to_vec()),
                "{coded}"
            );
        }
        assert_eq!(base64_encode(&[0xfb, 0xff, 0xbf]), "+/+/");
        assert_eq!(base64_decode("+/+/"), Some(vec![0xfb, 0xff, 0xbf]));
    }

    #[test]
    fn base64_refuses_everything_not_canonical() {
        for bad in [
            "Zg",        // padding missing
            "Zg=",       // length not a multiple of 4
            "Zh==",      // unused bits set ("f" is Zg==)
            "Zm9=",      // unused bits set ("fo" is Zm8=)
            "Z===",      // three padding characters
            "====",      // nothing but padding
            "=Zg=",      // padding first
            "Zg==Zg==",  // padding in the middle
            "Zm9v\n",    // white space
            " Zm9v",     // white space
            "Zm 9v",     // white space
            "Zm9-",      // URL-safe alphabet
            "Zm9_",      // URL-safe alphabet
            "Zm9é",      // not ASCII
            "Zm9v====",  // four padding characters
            "Zm8=\u{0}", // a zero byte
        ] {
            assert_eq!(base64_decode(bad), None, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn base64_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(base64_decode(&base64_encode(&bytes)), Some(bytes));
        }

        #[test]
        fn base64_decodes_only_what_it_would_write(text in "[A-Za-z0-9+/=]{0,12}") {
            if let Some(bytes) = base64_decode(&text) {
                prop_assert_eq!(base64_encode(&bytes), text);
            }
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,200}") {
            let _ = parse(&text);
        }
    }

    #[test]
    fn writes_and_parses_back() {
        let text = file();
        assert!(text.starts_with(
            "{\n  \"format\": \"partnership-plan-encrypted\",\n  \"version\": 1,\n  \
             \"kdf\": \"PBKDF2-SHA256\",\n  \"iterations\": 600000,\n  \"salt\": \""
        ));
        let order: Vec<usize> = FIELDS
            .iter()
            .map(|f| text.find(&format!("\"{f}\"")).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "fields in order");
        assert_eq!(
            parse(&text),
            Ok(Sealed {
                header: header(),
                ciphertext: vec![7; 40]
            })
        );
        // A byte order mark (some editors add one) is not a problem.
        assert!(parse(&format!("\u{feff}{text}")).is_ok());
        // The shortest possible ciphertext: an empty plaintext's tag.
        assert!(parse(&write(&header(), &[0; TAG_LEN])).is_ok());
    }

    #[test]
    fn aad_is_the_documented_canonical_header() {
        assert_eq!(
            String::from_utf8(aad(&header())).unwrap(),
            r#"{"format":"partnership-plan-encrypted","version":1,"kdf":"PBKDF2-SHA256","iterations":600000,"salt":"MDEyMzQ1Njc4OWFiY2RlZg==","cipher":"AES-256-GCM","iv":"dHdlbHZlIGJ5dGVz"}"#
        );
    }

    #[test]
    fn aad_ignores_key_order_and_white_space_but_not_values() {
        let v: serde_json::Map<String, Value> = serde_json::from_str(&file()).unwrap();
        let mut reversed: Vec<_> = v.iter().collect();
        reversed.reverse();
        let reordered = format!(
            "{{ {} }}",
            reversed
                .iter()
                .map(|(k, v)| format!("\n\t{k:?} :  {v}"))
                .collect::<Vec<_>>()
                .join(" ,")
        );
        let a = parse(&file()).unwrap();
        let b = parse(&reordered).unwrap();
        assert_eq!(a, b);
        assert_eq!(aad(&a.header), aad(&b.header));
        assert_eq!(aad(&a.header), aad(&a.header.clone()));
        let mut changed = header();
        changed.iterations += 1;
        assert_ne!(aad(&changed), aad(&header()));
        let mut changed = header();
        changed.salt[15] ^= 1;
        assert_ne!(aad(&changed), aad(&header()));
        let mut changed = header();
        changed.iv[0] ^= 0x80;
        assert_ne!(aad(&changed), aad(&header()));
    }

    #[test]
    fn refuses_every_bad_parameter_with_a_reason() {
        use SealedError::*;
        let cases: Vec<(String, SealedError)> = vec![
            ("".into(), Unreadable),
            ("[]".into(), Unreadable),
            ("{".into(), Unreadable),
            (file()[..file().len() - 3].to_owned(), Unreadable),
            ("{}".into(), NotSealed),
            (with("format", r#""partnership-plan""#), NotSealed),
            (with("format", "1"), NotSealed),
            (without("version"), Missing("version")),
            (with("version", "2"), Version("2".into())),
            (with("version", "0"), Version("0".into())),
            (with("version", "1.0"), Version("1.0".into())),
            (with("version", "-1"), Version("-1".into())),
            (
                with("version", r#""1""#),
                WrongType {
                    field: "version",
                    want: "a whole number",
                },
            ),
            (with("extra", "true"), UnknownField("extra".into())),
            (without("kdf"), Missing("kdf")),
            (with("kdf", r#""PBKDF2""#), Kdf("PBKDF2".into())),
            (
                with("kdf", r#""pbkdf2-sha256""#),
                Kdf("pbkdf2-sha256".into()),
            ),
            (with("kdf", r#""argon2id""#), Kdf("argon2id".into())),
            (
                with("kdf", "null"),
                WrongType {
                    field: "kdf",
                    want: "text",
                },
            ),
            (
                with("cipher", r#""AES-128-GCM""#),
                Cipher("AES-128-GCM".into()),
            ),
            (
                with("cipher", r#""AES-256-CBC""#),
                Cipher("AES-256-CBC".into()),
            ),
            (without("cipher"), Missing("cipher")),
            (without("iterations"), Missing("iterations")),
            (with("iterations", "1"), Iterations("1".into())),
            (with("iterations", "0"), Iterations("0".into())),
            (with("iterations", "99999"), Iterations("99,999".into())),
            (
                with("iterations", "2000001"),
                Iterations("2,000,001".into()),
            ),
            (
                with("iterations", "10000000"),
                Iterations("10,000,000".into()),
            ),
            (
                with("iterations", "9007199254740992"),
                Iterations("9,007,199,254,740,992".into()),
            ),
            (
                with("iterations", "18446744073709551615"),
                Iterations("18,446,744,073,709,551,615".into()),
            ),
            (with("iterations", "-600000"), Iterations("-600000".into())),
            (
                with("iterations", "600000.5"),
                Iterations("600000.5".into()),
            ),
            (
                with("iterations", "600000.0"),
                Iterations("600000.0".into()),
            ),
            (with("iterations", "6e5"), Iterations("600000.0".into())),
            (
                with("iterations", r#""600000""#),
                WrongType {
                    field: "iterations",
                    want: "a whole number",
                },
            ),
            (without("salt"), Missing("salt")),
            (
                with("salt", r#""MDEyMzQ1Njc4OWFiY2Rl""#),
                Length {
                    field: "salt",
                    found: 15,
                    want: 16,
                },
            ),
            (
                with("salt", r#""MDEyMzQ1Njc4OWFiY2RlZmc=""#),
                Length {
                    field: "salt",
                    found: 17,
                    want: 16,
                },
            ),
            (
                with("salt", r#""MDEyMzQ1Njc4OWFiY2RlZh==""#),
                Base64("salt"),
            ),
            (with("salt", r#""MDEyMzQ1Njc4OWFiY2RlZg""#), Base64("salt")),
            (
                with("salt", r#""MDEyMzQ1Njc4OWFiY2RlZg==\n""#),
                Base64("salt"),
            ),
            (
                with("salt", "[1,2]"),
                WrongType {
                    field: "salt",
                    want: "text",
                },
            ),
            (without("iv"), Missing("iv")),
            (
                with("iv", r#""MDEyMzQ1Njc4OWFiY2RlZg==""#),
                Length {
                    field: "iv",
                    found: 16,
                    want: 12,
                },
            ),
            (
                with("iv", r#""""#),
                Length {
                    field: "iv",
                    found: 0,
                    want: 12,
                },
            ),
            (with("iv", r#""dHdlbHZlIGJ5dGVz-""#), Base64("iv")),
            (without("ciphertext"), Missing("ciphertext")),
            (with("ciphertext", r#""""#), TooShort(0)),
            (
                with("ciphertext", &format!("{:?}", base64_encode(&[1; 15]))),
                TooShort(15),
            ),
            (with("ciphertext", r#""AAAA AAAA""#), Base64("ciphertext")),
        ];
        for (text, want) in cases {
            assert_eq!(parse(&text), Err(want), "{text}");
        }
    }

    /// The files made by Node (`tests/fixtures/encrypted/make.mjs`): the good one parses with
    /// the parameters it was made with, each bad one is refused for its own reason.
    #[test]
    fn node_made_fixtures_parse_or_are_refused_as_documented() {
        use SealedError::*;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encrypted");
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        let good = parse(&read("plan-v1.protected.json")).expect("the good fixture parses");
        assert_eq!(good.header.iterations, 600_000);
        assert_eq!(base64_encode(&good.header.salt), "jR86bAueR9Klw+Hwe22aJA==");
        assert_eq!(base64_encode(&good.header.iv), "XiyacdBLg/ahx+nS");
        let plan = std::fs::read(dir.join("../plan-v1.json")).unwrap();
        assert_eq!(good.ciphertext.len(), plan.len() + TAG_LEN);
        assert_eq!(
            write(&good.header, &good.ciphertext),
            read("plan-v1.protected.json"),
            "Node and the app lay the file out identically"
        );
        let bad = [
            ("iterations-1", Iterations("1".into())),
            ("iterations-99999", Iterations("99,999".into())),
            ("iterations-2000001", Iterations("2,000,001".into())),
            ("iterations-3000000", Iterations("3,000,000".into())),
            (
                "iterations-2pow53",
                Iterations("9,007,199,254,740,992".into()),
            ),
            ("iterations-fraction", Iterations("600000.5".into())),
            (
                "salt-15-bytes",
                Length {
                    field: "salt",
                    found: 15,
                    want: 16,
                },
            ),
            (
                "iv-16-bytes",
                Length {
                    field: "iv",
                    found: 16,
                    want: 12,
                },
            ),
            ("cipher-unknown", Cipher("ChaCha20-Poly1305".into())),
            ("kdf-unknown", Kdf("scrypt".into())),
            ("version-2", Version("2".into())),
            ("base64-noncanonical", Base64("salt")),
        ];
        for (name, want) in &bad {
            assert_eq!(
                parse(&read(&format!("{name}.protected.json"))),
                Err(want.clone()),
                "{name}"
            );
        }
        let files = std::fs::read_dir(&dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".protected.json"))
            })
            .count();
        assert_eq!(files, bad.len() + 1, "every fixture is checked here");
    }

    #[test]
    fn the_largest_accepted_round_count_parses() {
        assert!(parse(&with("iterations", "2000000")).is_ok());
        assert!(parse(&with("iterations", "100000")).is_ok());
    }

    #[test]
    fn padding_hides_the_exact_length_and_reads_back() {
        for len in [0, 1, 4095, 4096, 4097, 10_000] {
            let text = "x".repeat(len);
            let padded = pad(&text);
            assert_eq!(padded.len() % PAD_TO, 0, "{len}");
            assert!(padded.len() >= len && padded.len() < len + PAD_TO);
            assert_eq!(padded.trim_end(), text);
        }
        assert_eq!(pad(&"é".repeat(2048)).len(), 4096, "bytes, not characters");
        // A padded plan file opens like the plain one.
        let plan = crate::model::Plan::new("p1".into(), 1_795_628_523_000);
        let text = crate::model::encode_pretty(&plan, 1_795_628_523_000);
        let padded = pad(&text);
        assert_ne!(padded, text);
        assert_eq!(
            crate::model::import_text(&padded).map(|d| d.plan),
            crate::model::import_text(&text).map(|d| d.plan)
        );
    }

    #[test]
    fn protected_file_names_say_nothing_of_the_plan() {
        assert_eq!(
            file_name(1_795_628_523_000, 0),
            "partnership-plan-2026-11-25-1742.protected.json"
        );
    }

    #[test]
    fn refuses_a_field_given_twice() {
        let text = file().replacen(
            "\"iterations\": 600000,",
            "\"iterations\": 600000,\n  \"iterations\": 1,",
            1,
        );
        assert_eq!(
            parse(&text),
            Err(SealedError::DuplicateField("iterations".into()))
        );
    }

    #[test]
    fn messages_are_plain_and_bounded() {
        assert_eq!(
            SealedError::Iterations("1".into()).to_string(),
            "This protected file asks for 1 key-derivation rounds; Partnership Planner accepts \
             100,000 to 2,000,000."
        );
        let long = format!("\"{}\"", "x".repeat(10_000));
        let message = parse(&with("kdf", &long)).unwrap_err().to_string();
        assert!(message.len() < 250, "{message}");
        let message = parse(&with("kdf", r#""a\u0007b\nc""#))
            .unwrap_err()
            .to_string();
        assert!(!message.chars().any(char::is_control), "{message:?}");
        assert_eq!(WRONG_OR_DAMAGED, "Wrong passphrase or damaged file.");
        assert_eq!(group(600_000), "600,000");
        assert_eq!(group(999), "999");
        assert_eq!(group(1_000), "1,000");
    }
}
