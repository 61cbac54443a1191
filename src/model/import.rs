//! Reading a plan file someone sent: bytes in, a plan or a plain reason out. Every refusal
//! happens before anything changes, and names what is wrong and where.

use serde_json::Value;

use super::envelope::{decode_value, Decoded};
use super::error::ImportError;
use super::json;
use super::keyed::Keyed;

/// Files larger than this are refused before they are read (5 MB; the whole browser storage
/// for the app is about 5 million characters).
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

/// Reads a file's bytes as a plan.
pub fn import_bytes(bytes: &[u8]) -> Result<Decoded, ImportError> {
    import_text(text_of(bytes)?)
}

/// A file's bytes as text, with the checks every file kind shares: its size, a byte order
/// mark, UTF-16 and bytes that are not UTF-8.
pub fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ImportError::NotUtf8 {
            offset: 0,
            utf16: true,
        });
    }
    // No JSON text holds a raw zero byte; UTF-16 without a byte order mark has one in every
    // other byte of plain text.
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ImportError::NotUtf8 {
            offset,
            utf16: offset < 2,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        offset: e.valid_up_to(),
        utf16: false,
    })
}

/// Reads pasted or stored text as a plan. Unlike a plain JSON parse, a key repeated within one
/// object is refused: which of two values was meant cannot be known.
pub fn import_text(text: &str) -> Result<Decoded, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    decode_value(json::parse(text).map_err(ImportError::from_json)?)
}

/// What opening a file would change, item by item, against the open plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Per list (and "answers"): (only in the file, only in the open plan, in both but different).
    pub rows: Keyed<(usize, usize, usize)>,
}

impl Comparison {
    pub fn is_identical(&self) -> bool {
        self.rows.values().all(|&(a, b, c)| a + b + c == 0)
    }
}

/// Compares two plans by item id, list by list.
pub fn compare(open: &super::Plan, incoming: &super::Plan) -> Comparison {
    use super::items::ListKind;
    let mut rows = Keyed::new();
    let diff = |a: Vec<(String, Value)>, b: Vec<(String, Value)>| {
        let a: Keyed<_> = a.into_iter().collect();
        let b: Keyed<_> = b.into_iter().collect();
        let added = b.keys().filter(|k| !a.contains_key(*k)).count();
        let removed = a.keys().filter(|k| !b.contains_key(*k)).count();
        let changed = a
            .iter()
            .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
            .count();
        (added, removed, changed)
    };
    let answers = |p: &super::Plan| {
        p.answers
            .iter()
            .filter(|(_, a)| !a.text.trim().is_empty())
            .map(|(k, a)| (k.clone(), Value::String(a.text.clone())))
            .collect::<Vec<_>>()
    };
    rows.insert("answers".to_owned(), diff(answers(open), answers(incoming)));
    for list in ListKind::ALL {
        let items = |p: &super::Plan| {
            p.item_ids(list)
                .into_iter()
                .map(|id| {
                    // Compare content, not edit times.
                    let mut v = p.item_value(list, &id);
                    if let Some(o) = v.as_object_mut() {
                        o.remove("modified");
                    }
                    (id, v)
                })
                .collect::<Vec<_>>()
        };
        rows.insert(list.key().to_owned(), diff(items(open), items(incoming)));
    }
    Comparison { rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{encode, encode_pretty, ListKind, Plan};

    fn sample() -> Plan {
        let mut p = Plan::new("plan".into(), 1);
        p.set_name("Coalition", 2);
        p.set_answer("define.vision", "Freedom", 3);
        p.add_item(ListKind::Members, "m1".into(), 4);
        p
    }

    #[test]
    fn reads_what_it_writes() {
        let p = sample();
        assert_eq!(
            import_bytes(encode_pretty(&p, 9).as_bytes()).map(|d| d.plan),
            Ok(p.clone())
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), encode(&p, 9).as_bytes()].concat();
        assert_eq!(import_bytes(&bom).map(|d| d.plan), Ok(p));
    }

    #[test]
    fn refuses_bad_bytes_with_reasons() {
        assert_eq!(
            import_bytes(&vec![b' '; MAX_IMPORT_BYTES as usize + 1]).map(|d| d.plan),
            Err(ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1
            })
        );
        assert_eq!(
            import_bytes(b"\xFF\xFE{\x00}\x00").map(|d| d.plan),
            Err(ImportError::NotUtf8 {
                offset: 0,
                utf16: true
            })
        );
        assert_eq!(
            import_bytes(b"{\x00\"\x00")
                .map(|d| d.plan)
                .map_err(|e| matches!(e, ImportError::NotUtf8 { utf16: true, .. })),
            Err(true)
        );
        assert_eq!(
            import_bytes(b"{\"name\": \"Caf\xe9\"}").map(|d| d.plan),
            Err(ImportError::NotUtf8 {
                offset: 13,
                utf16: false
            })
        );
    }

    #[test]
    fn refuses_duplicate_keys_anywhere() {
        let text = encode(&sample(), 9).replacen(
            "\"name\":\"Coalition\"",
            "\"name\":\"A\",\"name\":\"B\"",
            1,
        );
        assert_eq!(
            import_text(&text).map(|d| d.plan),
            Err(ImportError::DuplicateKey { key: "name".into() })
        );
    }

    #[test]
    fn comparison_counts_items() {
        let open = sample();
        let mut incoming = open.clone();
        assert!(compare(&open, &incoming).is_identical());
        incoming.add_item(ListKind::Members, "m2".into(), 5);
        incoming.set_answer("define.vision", "Justice", 6);
        let _ = incoming.remove_item(ListKind::Members, "m1", 7);
        let c = compare(&open, &incoming);
        assert_eq!(c.rows["members"], (1, 1, 0));
        assert_eq!(c.rows["answers"], (0, 0, 1));
        assert!(!c.is_identical());
    }
}
