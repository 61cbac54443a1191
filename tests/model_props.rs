//! Property tests on the functional core: whatever a user types, the plan survives being stored
//! or exported and read back, and no input makes `decode` panic.

use partnership_planner::content::{FunctionKind, QUESTIONS};
use partnership_planner::model::{decode, encode, encode_pretty, Plan};
use proptest::prelude::*;

/// Any plan a user could make through the interface.
fn any_plan() -> impl Strategy<Value = Plan> {
    let answers = proptest::collection::vec((0..QUESTIONS.len(), ".{0,80}", 0u64..1 << 45), 0..10);
    let functions = proptest::collection::vec((0..6usize, any::<bool>(), 0u64..1 << 45), 0..8);
    (
        "[a-z0-9]{1,32}",
        ".{0,60}",
        0u64..1 << 45,
        answers,
        functions,
    )
        .prop_map(|(id, name, now, answers, functions)| {
            let mut plan = Plan::new(id, now);
            plan.set_name(&name, now);
            for (q, text, at) in answers {
                plan.set_answer(QUESTIONS[q].id, &text, at);
            }
            for (f, on, at) in functions {
                plan.set_function(FunctionKind::ALL[f], on, at);
            }
            plan
        })
}

proptest! {
    #[test]
    fn stored_and_exported_plans_read_back_identical(plan in any_plan(), at in 0u64..1 << 45) {
        for text in [encode(&plan, at), encode_pretty(&plan, at)] {
            let back = decode(&text).map(|d| d.plan);
            prop_assert_eq!(back, Ok(plan.clone()));
        }
    }

    #[test]
    fn decode_never_panics_on_arbitrary_text(text in ".{0,200}") {
        let _ = decode(&text);
    }

    #[test]
    fn decode_never_panics_on_damaged_plans(plan in any_plan(), cut in 0usize..2000, byte in any::<u8>()) {
        let text = encode(&plan, 1);
        let mut bytes = text.into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        let _ = decode(&String::from_utf8_lossy(&bytes));
        let _ = decode(&String::from_utf8_lossy(&bytes[..at]));
    }
}
