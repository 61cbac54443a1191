//! Any text, read as JSON by `model::json::parse` (serde_json's parser refusing repeated keys)
//! and by plain serde_json: both accept it or both refuse it (except a key repeated in one
//! object, which only ours refuses, and serde_json's own nesting limit). Whatever the derived
//! reader takes as a `Plan` is written again and read back identical, compact and pretty.

#![no_main]

use libfuzzer_sys::fuzz_target;
use partnership_planner::model::json::{parse, JsonError};
use partnership_planner::model::Plan;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = parse(text);
    let theirs: Result<Value, _> = serde_json::from_str(text);
    match (&ours, &theirs) {
        (Err(JsonError::DuplicateKey(_)), _) | (Err(JsonError::TooDeep), Err(_)) => {}
        (Ok(a), Ok(b)) => assert_eq!(a, b, "different values for {text:?}"),
        (Err(_), Err(_)) => {}
        _ => panic!("disagree on {text:?}: ours {ours:?}, serde_json {}", theirs.is_ok()),
    }
    // The derived reader, on the value itself and on anything inside it that may be a plan.
    let Ok(value) = ours else {
        return;
    };
    let candidates = std::iter::once(&value).chain(value.get("plan"));
    for candidate in candidates {
        let Ok(plan) = serde_json::from_value::<Plan>(candidate.clone()) else {
            continue;
        };
        for written in [
            serde_json::to_string(&plan).unwrap_or_default(),
            serde_json::to_string_pretty(&plan).unwrap_or_default(),
        ] {
            let back = parse(&written).map(serde_json::from_value::<Plan>);
            assert!(
                matches!(&back, Ok(Ok(b)) if *b == plan),
                "{written:?} reads back as {back:?}"
            );
        }
    }
});
