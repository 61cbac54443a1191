//! Any text, read by `model::json_text` and by serde_json: both accept it or both refuse it
//! (except a key repeated in one object, which only ours refuses), they read the same value
//! (numbers with a fraction or exponent only approximately), and what ours writes reads back.

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
            if !text.contains(['.', 'e', 'E']) {
                assert_eq!(a, b, "different values for {text:?}");
            }
            assert_eq!(parse(&write(a)).as_ref().ok().map(write), Some(write(a)));
            assert_eq!(parse(&write_pretty(a)).as_ref().ok().map(write), Some(write(a)));
        }
        (Err(_), Err(_)) => {}
        _ => panic!("disagree on {text:?}: ours {ours:?}, serde_json {}", theirs.is_ok()),
    }
});
