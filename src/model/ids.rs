//! Plan ids become storage keys (`partnership-planner:plan:<id>`) and parts of page ids, so an
//! id taken from a file is kept only when it is a short plain token; otherwise the plan gets a
//! fresh one. Ids this app makes (32 hex digits) always pass.

/// The longest id kept from a file.
pub const MAX_PLAIN_ID: usize = 64;

/// Whether `id` is a short plain token: 1 to 64 of `A–Z a–z 0–9 _ -`.
pub fn is_plain_id(id: &str) -> bool {
    (1..=MAX_PLAIN_ID).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_short_plain_tokens_only() {
        for id in [
            "a",
            "plan-1",
            "Plan_2",
            "0123456789abcdef0123456789abcdef",
            &"x".repeat(64),
        ] {
            assert!(is_plain_id(id), "{id}");
        }
        for id in [
            "",
            &"x".repeat(65),
            "a b",
            "a:b",
            "../plan",
            "plan/1",
            "ünïcode",
            "a\u{0}b",
            "<script>",
            "partnership-planner:library",
            "id\n",
            "١٢٣",
        ] {
            assert!(!is_plain_id(id), "{id:?}");
        }
    }
}
