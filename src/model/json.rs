//! Reading JSON text the way plan files need it: serde_json's parser, with two rules a plain
//! parse does not have. A key repeated within one object is refused (which of two values was
//! meant cannot be known), and nesting deeper than 128 arrays or objects is refused (serde_json's
//! recursion limit: no plan is a tenth as deep, and a hostile file could otherwise exhaust the
//! stack). Then serde's own errors are put in words a coordinator can act on.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// The message a duplicate key is reported with, inside serde's error (`Keyed` uses it too).
pub(crate) const DUPLICATE_KEY: &str = "the same key appears twice";

/// Why a text is not JSON we read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON, or cut short: the line and column (both from 1) of the first problem.
    Syntax { line: usize, column: usize },
    /// Arrays and objects nested more than 128 deep.
    TooDeep,
    /// An object names the same key twice.
    DuplicateKey(String),
}

/// Parses a JSON text (without a byte order mark) into a value, refusing repeated keys.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = Strict
        .deserialize(&mut reader)
        .and_then(|v| reader.end().map(|()| v));
    value.map_err(|e| {
        let message = e.to_string();
        if message.starts_with("recursion limit exceeded") {
            JsonError::TooDeep
        } else if let Some(key) = message
            .strip_prefix(DUPLICATE_KEY)
            .and_then(|rest| rest.strip_prefix(": "))
        {
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            JsonError::DuplicateKey(key.strip_suffix(&suffix).unwrap_or(key).to_owned())
        } else {
            JsonError::Syntax {
                line: e.line().max(1),
                column: e.column().max(1),
            }
        }
    })
}

/// A `Value` built by serde_json's parser, except that an object with a repeated key is an error.
struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Strict)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Strict)?;
            if fields.contains_key(&key) {
                return Err(de::Error::custom(format_args!("{DUPLICATE_KEY}: {key}")));
            }
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

/// Text from a file, shortened for a message: a hostile file may hold megabytes.
pub fn clip(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// Reads `value` as a `T`. On failure: the path of the value that does not fit, from `root`
/// (`plan.members[3].due`), and what is wrong with it in plain words.
pub fn typed<T: de::DeserializeOwned>(value: Value, root: &str) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let mut path = root.to_owned();
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => path.push_str(&format!("[{index}]")),
                serde_path_to_error::Segment::Map { key } => {
                    path.push('.');
                    path.push_str(key);
                }
                _ => {}
            }
        }
        (path, plain_words(&e.inner().to_string()))
    })
}

/// serde's message ("invalid type: string \"soon\", expected u64") in a coordinator's words
/// ("expected a whole number, found text").
fn plain_words(message: &str) -> String {
    let quoted = |rest: &str| {
        let inner = rest.trim_start_matches('`');
        clip(inner.split('`').next().unwrap_or(inner))
    };
    if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        let (found, want) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        return crate::tr!(
            "expected {wanted}, found {found}",
            wanted = crate::lang::tr(wanted(want)),
            found = crate::lang::tr(found_as(found))
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return crate::tr!(
            "it has a field \u{201c}{field}\u{201d} that plans do not have",
            field = quoted(rest)
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return crate::tr!(
            "the field \u{201c}{field}\u{201d} is missing",
            field = quoted(rest)
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return crate::tr!(
            "\u{201c}{value}\u{201d} is not one of the allowed choices",
            value = quoted(rest)
        );
    }
    // A struct given as a list of its values in order (serde reads that too): only a
    // complete, ordered list is read, and anything else is described as the wrong kind.
    if message.starts_with("invalid length ") {
        return crate::lang::tr("expected a group of fields, found a list").into();
    }
    if message.starts_with(DUPLICATE_KEY) || message.starts_with("duplicate field") {
        return crate::lang::tr("the same field appears twice").into();
    }
    clip(message)
}

/// serde's "expected …" as a kind of value people know (English; translated where shown).
fn wanted(expected: &str) -> &'static str {
    match expected {
        "a string" => crate::en!("text"),
        "a boolean" => crate::en!("true or false"),
        "a sequence" => crate::en!("a list"),
        "a map" => crate::en!("a group of fields"),
        e if e.starts_with('u') || e.starts_with('i') => crate::en!("a whole number"),
        e if e.starts_with("struct ") => crate::en!("a group of fields"),
        e if e.starts_with("variant") || e.starts_with("one of") => {
            crate::en!("one of the allowed choices")
        }
        _ => crate::en!("another kind of value"),
    }
}

/// serde's account of what it found, as a kind of value (English; translated where shown).
fn found_as(found: &str) -> &'static str {
    match found.split([' ', '`']).next().unwrap_or("") {
        "string" => crate::en!("text"),
        "integer" => crate::en!("a number"),
        "floating" => crate::en!("a number with a fraction"),
        "boolean" => crate::en!("true or false"),
        "sequence" => crate::en!("a list"),
        "map" => crate::en!("a group of fields"),
        "null" | "unit" => crate::en!("nothing (null)"),
        _ => crate::en!("something else"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[test]
    fn refuses_repeated_keys_at_any_depth() {
        assert_eq!(
            parse(r#"{"a": 1, "b": {"c": 1, "c": 2}}"#),
            Err(JsonError::DuplicateKey("c".into()))
        );
        assert_eq!(
            parse(r#"{"a": [1, {"a": 2}]}"#),
            Ok(json!({"a": [1, {"a": 2}]}))
        );
    }

    #[test]
    fn refuses_deep_nesting_and_says_where_syntax_breaks() {
        assert_eq!(
            parse(&("[".repeat(200) + &"]".repeat(200))),
            Err(JsonError::TooDeep)
        );
        assert!(parse(&("[".repeat(100) + &"]".repeat(100))).is_ok());
        assert_eq!(
            parse("{\n  \"a\": x\n}"),
            Err(JsonError::Syntax { line: 2, column: 8 })
        );
        assert!(matches!(parse("{} {}"), Err(JsonError::Syntax { .. })));
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        n: u64,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        #[serde(default)]
        name: String,
        #[serde(default)]
        items: Vec<Item>,
    }

    fn problem(v: Value) -> (String, String) {
        typed::<Outer>(v, "plan").map(|_| ()).expect_err("refused")
    }

    #[test]
    fn says_where_and_what_in_plain_words() {
        assert_eq!(
            problem(json!({"name": 5})),
            ("plan.name".into(), "expected text, found a number".into())
        );
        assert_eq!(
            problem(json!({"items": [{"n": 1}, {"n": 1, "tags": ["a", true]}]})),
            (
                "plan.items[1].tags[1]".into(),
                "expected text, found true or false".into()
            )
        );
        assert_eq!(
            problem(json!({"items": [{"n": -1}]})),
            (
                "plan.items[0].n".into(),
                "expected a whole number, found a number".into()
            )
        );
        assert_eq!(
            problem(json!({"items": [{}]})),
            (
                "plan.items[0]".into(),
                "the field \u{201c}n\u{201d} is missing".into()
            )
        );
        assert_eq!(
            problem(json!({"colour": "blue"})),
            (
                "plan.colour".into(),
                "it has a field \u{201c}colour\u{201d} that plans do not have".into()
            )
        );
        assert_eq!(
            problem(json!({"items": {}})).1,
            "expected a list, found a group of fields"
        );
        assert_eq!(
            typed::<Item>(json!([]), "item").map(|_| ()),
            Err((
                "item".into(),
                "expected a group of fields, found a list".into()
            ))
        );
    }
}
