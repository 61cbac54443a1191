//! The plan's types to and from JSON values (`serde_json::Value`), field by field, saying in
//! plain words where a value does not fit: "plan.members[3].due: it has the wrong kind of
//! value (it should be text)".
//!
//! Written out by `json_struct!` and `vocabulary!` instead of serde's derive: derived code is
//! compiled again for every type and for every way it is read, which in the browser build was a
//! tenth of the download; these few readers are shared by every field of every type.

use super::keyed::Keyed;

use serde_json::{Map, Value};

/// Where a value is in a file. Kept as a chain of borrowed steps and written out only when
/// something there is wrong, so reading a good plan builds no paths.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    /// `plan.members[3].due`; map keys are joined like fields (`plan.answers.define.vision`).
    pub fn render(&self) -> String {
        match self {
            Path::Root(name) => (*name).to_owned(),
            Path::Key(parent, key) => {
                let parent = parent.render();
                if parent.is_empty() {
                    (*key).to_owned()
                } else {
                    format!("{parent}.{key}")
                }
            }
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

/// A value that does not fit: where it is, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wrong {
    pub path: String,
    pub problem: String,
}

impl Wrong {
    fn at(at: Path, problem: String) -> Wrong {
        Wrong {
            path: at.render(),
            problem,
        }
    }
}

/// "it has the wrong kind of value (it should be text)".
pub fn wrong_kind(at: Path, want: &str) -> Wrong {
    Wrong::at(
        at,
        format!("it has the wrong kind of value (it should be {want})"),
    )
}

/// Text from a file, shortened for a message: a hostile file may hold megabytes.
pub fn clip(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// A vocabulary value that is not one of its keys.
pub fn not_a_choice(at: Path, value: &str) -> Wrong {
    Wrong::at(
        at,
        format!(
            "\u{201c}{}\u{201d} is not one of the allowed choices",
            clip(value)
        ),
    )
}

/// Reads a value of its type from JSON, or says why it cannot be one.
pub trait FromJson: Sized {
    fn from_json(v: &Value, at: Path) -> Result<Self, Wrong>;
}

/// Writes a value as JSON.
pub trait ToJson {
    fn to_json(&self) -> Value;
}

/// The fields of a JSON object, or why `v` is not one.
pub fn object<'v>(v: &'v Value, at: Path) -> Result<&'v Map<String, Value>, Wrong> {
    v.as_object()
        .ok_or_else(|| wrong_kind(at, "a group of fields"))
}

/// A field a struct does not have: a newer app's data, say, that would be lost without a word.
pub fn unknown_field(key: &str, at: Path) -> Wrong {
    Wrong::at(
        at,
        format!(
            "it has a field \u{201c}{}\u{201d} that plans do not have",
            clip(key)
        ),
    )
}

pub fn missing_field(name: &str, at: Path) -> Wrong {
    Wrong::at(at, format!("the field \u{201c}{name}\u{201d} is missing"))
}

impl FromJson for String {
    fn from_json(v: &Value, at: Path) -> Result<Self, Wrong> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| wrong_kind(at, "text"))
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl FromJson for bool {
    fn from_json(v: &Value, at: Path) -> Result<Self, Wrong> {
        v.as_bool().ok_or_else(|| wrong_kind(at, "true or false"))
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl FromJson for u64 {
    fn from_json(v: &Value, at: Path) -> Result<Self, Wrong> {
        v.as_u64().ok_or_else(|| wrong_kind(at, "a whole number"))
    }
}

impl ToJson for u64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

impl FromJson for u8 {
    fn from_json(v: &Value, at: Path) -> Result<Self, Wrong> {
        u64::from_json(v, at)?
            .try_into()
            .map_err(|_| wrong_kind(at, "a whole number"))
    }
}

impl ToJson for u8 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

/// `null` is none.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value, at: Path) -> Result<Self, Wrong> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v, at).map(Some),
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToJson::to_json)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value, at: Path) -> Result<Self, Wrong> {
        let items = v.as_array().ok_or_else(|| wrong_kind(at, "a list"))?;
        // A plain loop: `collect` into a `Result` is written out again, larger, for each type.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::from_json(item, at.index(i))?);
        }
        Ok(out)
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(ToJson::to_json).collect())
    }
}

/// An object keyed by id (answers by question, ticks by checklist item).
impl<T: FromJson> FromJson for Keyed<T> {
    fn from_json(v: &Value, at: Path) -> Result<Self, Wrong> {
        // A plain loop, as for `Vec<T>`; sorted once at the end.
        let fields = object(v, at)?;
        let mut out = Vec::with_capacity(fields.len());
        for (k, item) in fields {
            out.push((k.clone(), T::from_json(item, at.key(k))?));
        }
        Ok(Keyed::from_entries(out))
    }
}

impl<T: ToJson> ToJson for Keyed<T> {
    fn to_json(&self) -> Value {
        Value::Object(
            self.iter()
                .map(|(k, item)| (k.clone(), item.to_json()))
                .collect(),
        )
    }
}

/// Reads and writes a struct as a JSON object of its fields, in the order given (files keep it).
/// Fields marked `required` must be present; the others take their `Default` when missing. A
/// field the struct does not have is refused, unless the struct is marked `lenient` (indexes
/// the app can rebuild, where an older app meeting a newer one's field should just go on).
macro_rules! json_struct {
    ($name:ident { $($field:ident $(: $req:ident)?),* $(,)? }) => {
        json_struct!(@impl $name, false, { $($field $(: $req)?),* });
    };
    (lenient $name:ident { $($field:ident $(: $req:ident)?),* $(,)? }) => {
        json_struct!(@impl $name, true, { $($field $(: $req)?),* });
    };
    (@impl $name:ident, $lenient:expr, { $($field:ident $(: $req:ident)?),* }) => {
        impl $crate::model::json::FromJson for $name {
            fn from_json(
                v: &serde_json::Value,
                at: $crate::model::json::Path,
            ) -> Result<Self, $crate::model::json::Wrong> {
                use $crate::model::json as json;
                let fields = json::object(v, at)?;
                let mut out = <$name>::default();
                for (key, value) in fields {
                    let here = at.key(key);
                    match key.as_str() {
                        $(stringify!($field) => {
                            out.$field = json::FromJson::from_json(value, here)?;
                        })*
                        _ if $lenient => {}
                        _ => return Err(json::unknown_field(key, here)),
                    }
                }
                $($(
                    let _: &str = stringify!($req);
                    if !fields.contains_key(stringify!($field)) {
                        return Err(json::missing_field(stringify!($field), at));
                    }
                )?)*
                Ok(out)
            }
        }

        impl $crate::model::json::ToJson for $name {
            fn to_json(&self) -> serde_json::Value {
                let mut fields = serde_json::Map::new();
                $(fields.insert(
                    stringify!($field).to_owned(),
                    $crate::model::json::ToJson::to_json(&self.$field),
                );)*
                serde_json::Value::Object(fields)
            }
        }
    };
}

pub(crate) use json_struct;

/// Vocabularies (`kinds::vocabulary!`, `FunctionKind`) are written as their stable keys.
macro_rules! json_keyed {
    ($name:ty) => {
        impl $crate::model::json::FromJson for $name {
            fn from_json(
                v: &serde_json::Value,
                at: $crate::model::json::Path,
            ) -> Result<Self, $crate::model::json::Wrong> {
                let key = v
                    .as_str()
                    .ok_or_else(|| $crate::model::json::wrong_kind(at, "text"))?;
                <$name>::from_key(key).ok_or_else(|| $crate::model::json::not_a_choice(at, key))
            }
        }

        impl $crate::model::json::ToJson for $name {
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::String(self.key().to_owned())
            }
        }
    };
}

pub(crate) use json_keyed;

/// Reads a whole value from the root named `root` ("plan").
pub fn read<T: FromJson>(v: &Value, root: &str) -> Result<T, Wrong> {
    T::from_json(v, Path::Root(root))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_huge_object_in_reverse_order_at_once() {
        // 100,000 keys, each before the last: inserted one by one this took minutes.
        let fields: Map<String, Value> = (0..100_000u64)
            .rev()
            .map(|i| (format!("k{i:06}"), json!(i)))
            .collect();
        let map: Keyed<u64> = read(&Value::Object(fields), "plan").unwrap();
        assert_eq!(map.len(), 100_000);
        assert_eq!(map.keys().next().map(String::as_str), Some("k000000"));
        assert_eq!(map.get("k099999"), Some(&99_999));
    }

    #[derive(Clone, Debug, Default, PartialEq)]
    struct Inner {
        n: u64,
        tags: Vec<String>,
    }
    json_struct!(Inner { n: required, tags });

    #[derive(Clone, Debug, Default, PartialEq)]
    struct Outer {
        name: String,
        when: Option<u64>,
        items: Vec<Inner>,
        by_id: Keyed<Inner>,
    }
    json_struct!(Outer {
        name,
        when,
        items,
        by_id
    });

    #[derive(Clone, Debug, Default, PartialEq)]
    struct Index {
        open: Option<String>,
    }
    json_struct!(lenient Index { open });

    fn problem(v: Value) -> (String, String) {
        let w = read::<Outer>(&v, "plan").expect_err("refused");
        (w.path, w.problem)
    }

    #[test]
    fn reads_and_writes_in_field_order() {
        let v = json!({"name": "n", "when": null, "items": [{"n": 1, "tags": ["a"]}],
            "by_id": {"x.y": {"n": 2, "tags": []}}});
        let o: Outer = read(&v, "plan").expect("reads");
        assert_eq!(o.items[0].tags, ["a"]);
        assert_eq!(o.to_json(), v);
        let keys: Vec<_> = o
            .to_json()
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        assert_eq!(keys, ["name", "when", "items", "by_id"]);
        // Missing fields that are not required take their defaults.
        assert_eq!(read::<Outer>(&json!({}), "plan"), Ok(Outer::default()));
    }

    #[test]
    fn says_where_and_what_in_plain_words() {
        assert_eq!(
            problem(json!({"name": 5})),
            (
                "plan.name".into(),
                "it has the wrong kind of value (it should be text)".into()
            )
        );
        assert_eq!(
            problem(json!({"items": [{"n": 1}, {"n": 1, "tags": ["a", 2]}]})),
            (
                "plan.items[1].tags[1]".into(),
                "it has the wrong kind of value (it should be text)".into()
            )
        );
        assert_eq!(
            problem(json!({"by_id": {"define.vision": {"n": -1}}})),
            (
                "plan.by_id.define.vision.n".into(),
                "it has the wrong kind of value (it should be a whole number)".into()
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
            problem(json!({"items": {}})),
            (
                "plan.items".into(),
                "it has the wrong kind of value (it should be a list)".into()
            )
        );
        assert_eq!(
            problem(json!([])).1,
            "it has the wrong kind of value (it should be a group of fields)"
        );
        assert_eq!(
            read::<u8>(&json!(300), "score").map_err(|w| w.problem),
            Err("it has the wrong kind of value (it should be a whole number)".into())
        );
    }

    #[test]
    fn lenient_structs_skip_fields_they_do_not_know() {
        assert_eq!(
            read::<Index>(&json!({"open": "p", "later": 1}), "library"),
            Ok(Index {
                open: Some("p".into())
            })
        );
    }
}
