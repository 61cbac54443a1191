//! Any bytes at all, as a file someone sent: `import_bytes` must never panic. What it refuses
//! it explains in words ("This ..."); what it accepts is a plan that keeps its own rules and
//! reads back identical after being exported again (compact and pretty), as serde_json's
//! `strongly_typed` fuzz target checks for its own types.

#![no_main]

use libfuzzer_sys::fuzz_target;
use partnership_planner::model::{encode, encode_pretty, import_bytes, import_text};

fuzz_target!(|data: &[u8]| {
    let plan = match import_bytes(data) {
        Ok(decoded) => decoded.plan,
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.starts_with("This"),
                "refusal not worded for people: {message:?}"
            );
            return;
        }
    };
    assert_eq!(
        plan.check(),
        Ok(()),
        "an accepted plan breaks its own rules"
    );
    let compact = encode(&plan, 1_800_000_000_000);
    let again = import_bytes(compact.as_bytes()).map(|d| d.plan);
    assert_eq!(
        again.as_ref(),
        Ok(&plan),
        "compact export does not read back the same"
    );
    let again = import_text(&encode_pretty(&plan, 1_800_000_000_000)).map(|d| d.plan);
    assert_eq!(
        again.as_ref(),
        Ok(&plan),
        "pretty export does not read back the same"
    );
});
