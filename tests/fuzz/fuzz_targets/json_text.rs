//! Any text, read by `model::json_text` and by serde_json: both accept it or both refuse it
//! (except a key repeated in one object, which only ours refuses), they read the same value
//! (numbers that are not whole or beyond 64 bits only approximately), and what ours writes reads
//! back.

#![no_main]

use libfuzzer_sys::fuzz_target;
use partnership_planner::model::json_text::{parse, write, write_pretty, JsonError};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = parse(text);
    let theirs: Result<Value, _> = serde_json::from_str(text);
    match (&ours, &theirs) {
        (Err(JsonError::DuplicateKey(_)), _) => {}
        // serde_json counts nesting a little differently at the limit.
        (Err(JsonError::TooDeep), _) => {}
        (Ok(_), Err(e)) if e.to_string().contains("recursion limit") => {}
        (Ok(a), Ok(b)) => {
            assert!(same(a, b), "different values for {text:?}: {a:?} {b:?}");
            for written in [write(a), write_pretty(a)] {
                let back = parse(&written);
                assert!(back.as_ref().is_ok_and(|b| same(a, b)), "{written:?} reads back as {back:?}");
            }
        }
        (Err(_), Err(_)) => {}
        _ => panic!("disagree on {text:?}: ours {ours:?}, serde_json {}", theirs.is_ok()),
    }
});

/// Equal, with numbers outside the 64-bit integers equal to a relative 1e-12.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            if x.is_f64() || y.is_f64() {
                let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
                x == y || ((x - y) / x.abs().max(y.abs())).abs() < 1e-12
            } else {
                x == y
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        _ => a == b,
    }
}
