//! The versioned envelope around every plan that is stored or exported, and the migration
//! chain that reads any version ever shipped.
//!
//! ```json
//! {"format": "partnership-plan", "schema_version": 1, "app_version": "0.1.0",
//!  "saved_at": "2026-11-25T17:42:03Z", "plan": {...}}
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::ImportError;
use super::plan::Plan;
use super::time::{iso8601, Millis};

pub const FORMAT: &str = "partnership-plan";
/// The schema this build writes. Bump it, and add a step to `MIGRATIONS`, whenever the shape of
/// `Plan` changes; keep a fixture of every shipped version in `tests/fixtures/`.
pub const SCHEMA_VERSION: u64 = 2;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Step `i` turns a schema `i + 1` plan (as JSON) into a schema `i + 2` plan. Steps are pure and
/// forward-only.
type Migration = fn(Value) -> Result<Value, ImportError>;
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 adds what a merge needs (`model::stamp`): the `plan_id` every copy shares (a
/// version 1 plan's own `id`, which its copies kept), and empty stamps and tombstones, which
/// merge as "made apart": a version 1 copy's edits are never taken as older than anything.
fn v1_to_v2(mut plan: Value) -> Result<Value, ImportError> {
    if let Value::Object(p) = &mut plan {
        if let (false, Some(Value::String(id))) = (p.contains_key("plan_id"), p.get("id")) {
            let id = Value::String(id.clone());
            p.insert("plan_id".into(), id);
        }
    }
    Ok(plan)
}

/// The envelope around a plan in a file or in storage: what it is, which schema, which app wrote
/// it and when. `P` is `&Plan` when writing and `Plan` when reading.
#[derive(Serialize, Deserialize)]
pub struct Envelope<P> {
    pub format: String,
    pub schema_version: u64,
    #[serde(default)]
    pub app_version: String,
    #[serde(default)]
    pub saved_at: Option<String>,
    pub plan: P,
}

/// The envelope this build writes around `plan`, saved at `now`.
fn envelope(plan: &Plan, now: Millis) -> Envelope<&Plan> {
    Envelope {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION.into(),
        saved_at: Some(iso8601(now)),
        plan,
    }
}

/// Compact JSON, for `localStorage`, where every character counts against the quota. Written
/// straight from the plan, not through a `Value`: this runs on every autosave, and building the
/// whole plan as a tree first doubled its time (docs/decisions/0008-direct-save-encoding.md).
pub fn encode(plan: &Plan, now: Millis) -> String {
    serde_json::to_string(&envelope(plan, now)).unwrap_or_default()
}

/// Indented JSON, for files people email and may open in a text editor. Through a `Value`:
/// exports are rare, and `Value`'s serializer (which the merge needs anyway) saves compiling
/// every type's `Serialize` for a third output format.
pub fn encode_pretty(plan: &Plan, now: Millis) -> String {
    // Plain data always serializes; `Null` would be refused on reading, never taken as a plan.
    let value = serde_json::to_value(envelope(plan, now)).unwrap_or_default();
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A plan read back from text, with what its envelope said about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub plan: Plan,
    pub schema_version: u64,
    pub saved_at: Option<String>,
}

/// Reads stored or imported text: JSON → envelope → migrations → `Plan` → rules.
pub fn decode(text: &str) -> Result<Decoded, ImportError> {
    super::import::import_text(text)
}

/// Reads an already parsed envelope: migrations, then `Plan`, then the plan's rules.
pub fn decode_value(value: Value) -> Result<Decoded, ImportError> {
    let envelope = migrate_envelope(value)?;
    let schema_version = envelope.schema_version;
    let saved_at = envelope.saved_at.clone();
    let plan = envelope.plan;
    plan.check()
        .map_err(|(path, problem)| ImportError::Invalid { path, problem })?;
    Ok(Decoded {
        plan,
        schema_version,
        saved_at,
    })
}

/// Brings an envelope of any shipped schema version up to the current `Plan`.
fn migrate_envelope(value: Value) -> Result<Envelope<Plan>, ImportError> {
    let Value::Object(mut envelope) = value else {
        return Err(ImportError::NotAPlan(crate::en!(
            "it holds a single value or a list, not a saved plan"
        )));
    };
    match envelope.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) if f == "partnership-plan-encrypted" => {
            return Err(ImportError::Encrypted)
        }
        Some(Value::String(f)) if f == super::assessment::INVITATION_FORMAT => {
            return Err(ImportError::NotAPlan(crate::en!(
                "it is a self-assessment invitation. Drop it on the page, or open it with \
                 \u{201c}Answer a self-assessment\u{201d} on the Your plans page"
            )))
        }
        Some(Value::String(f)) if f == super::assessment::RESPONSE_FORMAT => {
            return Err(ImportError::NotAPlan(crate::en!(
                "it is a member's self-assessment response. Drop it on the page, or add it on \
                 the round's page under Trust and sustainability"
            )))
        }
        _ => {
            return Err(ImportError::NotAPlan(crate::en!(
                "it does not say it is a Partnership Planner plan"
            )))
        }
    }
    let version = match envelope.get("schema_version") {
        Some(Value::Number(n)) => n.as_u64().filter(|v| *v >= 1).ok_or(ImportError::Invalid {
            path: "schema_version".into(),
            problem: crate::lang::tr("must be a whole number from 1").into(),
        })?,
        None => {
            return Err(ImportError::NotAPlan(crate::en!(
                "it has no schema version"
            )))
        }
        Some(_) => {
            return Err(ImportError::Invalid {
                path: "schema_version".into(),
                problem: crate::lang::tr("must be a whole number from 1").into(),
            })
        }
    };
    if version > SCHEMA_VERSION {
        return Err(ImportError::NewerVersion { found: version });
    }
    let mut plan = envelope.remove("plan").ok_or(ImportError::Invalid {
        path: "plan".into(),
        problem: crate::lang::tr("is missing").into(),
    })?;
    for step in &MIGRATIONS[(version - 1) as usize..] {
        plan = step(plan)?;
    }
    envelope.insert("plan".into(), plan);
    let mut read: Envelope<Plan> =
        super::json::typed(Value::Object(envelope), "").map_err(|(path, problem)| {
            ImportError::Invalid {
                path: path.trim_start_matches('.').to_owned(),
                problem,
            }
        })?;
    // Read as the version it was written in; the plan itself is now of this version.
    read.schema_version = version;
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::FunctionKind;

    fn sample() -> Plan {
        let mut p = Plan::new("plan-1".into(), 1_700_000_000_000);
        p.set_name(
            "Front Range Anti-Trafficking Partnership",
            1_700_000_001_000,
        );
        p.set_answer(
            "define.definition",
            "Agencies working together",
            1_700_000_002_000,
        );
        p.set_function(FunctionKind::ShareInformation, true, 1_700_000_003_000);
        p
    }

    #[test]
    fn round_trips_compact_and_pretty() {
        let p = sample();
        for text in [encode(&p, 5), encode_pretty(&p, 5)] {
            let d = decode(&text).map_err(|e| e.to_string());
            assert_eq!(d.map(|d| d.plan), Ok(p.clone()));
        }
        // The two serializers write the same document.
        let compact: Value = serde_json::from_str(&encode(&p, 5)).unwrap();
        let pretty: Value = serde_json::from_str(&encode_pretty(&p, 5)).unwrap();
        assert_eq!(compact, pretty);
    }

    #[test]
    fn envelope_has_the_documented_fields() {
        let v: Value = serde_json::from_str(&encode(&sample(), 1_795_628_523_000)).unwrap();
        assert_eq!(v["format"], "partnership-plan");
        assert_eq!(v["schema_version"], 2);
        assert_eq!(v["app_version"], APP_VERSION);
        assert_eq!(v["saved_at"], "2026-11-25T17:42:03Z");
        assert_eq!(v["plan"]["id"], "plan-1");
    }

    #[test]
    fn strips_a_byte_order_mark() {
        let text = format!("\u{feff}{}", encode(&sample(), 5));
        assert!(decode(&text).is_ok());
    }

    #[test]
    fn refuses_what_is_not_a_plan() {
        let cases = [
            ("", ImportError::Empty),
            ("   \n", ImportError::Empty),
            (
                "null",
                ImportError::NotAPlan("it holds a single value or a list, not a saved plan"),
            ),
            (
                "[]",
                ImportError::NotAPlan("it holds a single value or a list, not a saved plan"),
            ),
            (
                "{}",
                ImportError::NotAPlan("it does not say it is a Partnership Planner plan"),
            ),
            (
                r#"{"format":"partnership-plan","plan":{}}"#,
                ImportError::NotAPlan("it has no schema version"),
            ),
            (
                r#"{"format":"partnership-plan","schema_version":3,"plan":{}}"#,
                ImportError::NewerVersion { found: 3 },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(decode(text).map(|d| d.plan), Err(want), "{text:?}");
        }
    }

    #[test]
    fn names_the_field_that_is_wrong() {
        let text = r#"{"format":"partnership-plan","schema_version":1,"plan":
            {"id":"x","name":"n","created":1,"modified":"soon"}}"#;
        match decode(text) {
            Err(ImportError::Invalid { path, .. }) => assert_eq!(path, "plan.modified"),
            other => panic!("expected a field error, got {other:?}"),
        }
        let text = r#"{"format":"partnership-plan","schema_version":1,"plan":
            {"id":"x","name":"n","created":1,"modified":1,
             "functions":[{"id":"share_information","selected":"yes","modified":1}]}}"#;
        match decode(text) {
            Err(ImportError::Invalid { path, .. }) => {
                assert_eq!(path, "plan.functions[0].selected")
            }
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn truncated_json_says_where() {
        let text = encode(&sample(), 5);
        match decode(&text[..text.len() / 2]) {
            Err(ImportError::NotJson { .. }) => {}
            other => panic!("expected NotJson, got {other:?}"),
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(decode(&text).is_err());
    }
}
