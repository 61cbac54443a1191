//! How much of the browser's storage the app uses, and the rules about it. Plain Rust.

/// Browsers give each origin about 5 million characters (UTF-16 code units, keys included) of
/// `localStorage`; Chromium refuses writes past 5,242,880.
pub const ORIGIN_BUDGET_UNITS: usize = 5 * 1024 * 1024;

/// At this share of the budget the user is warned, while there is still room to act.
pub const WARN_PERCENT: usize = 80;

/// A quota error while the app holds less than this is not "full": it is a browser that
/// refuses every write (old Safari private windows), so the app is memory-only.
pub const NOTHING_STORED_UNITS: usize = 64 * 1024;

/// Storage counts characters as UTF-16 code units, not bytes or chars.
pub fn utf16_units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The whole percentage of the budget in use (rounded down).
pub fn percent_used(units: usize) -> usize {
    units.saturating_mul(100) / ORIGIN_BUDGET_UNITS
}

pub fn should_warn(units: usize) -> bool {
    percent_used(units) >= WARN_PERCENT
}

/// A save based on revision `base` may go ahead only if no other tab has saved since:
/// the stored revision is not newer than the one this tab started from.
pub fn may_save(base: u64, stored: u64) -> bool {
    stored <= base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_utf16_units() {
        assert_eq!(utf16_units("abc"), 3);
        assert_eq!(utf16_units("é"), 1);
        assert_eq!(utf16_units("😀"), 2, "astral characters take two units");
    }

    #[test]
    fn warns_from_80_percent() {
        let at = |p: usize| ORIGIN_BUDGET_UNITS * p / 100;
        assert!(!should_warn(at(70)));
        assert!(!should_warn(at(80) - 1));
        assert!(should_warn(at(80)));
        assert!(should_warn(at(95)));
        assert_eq!(percent_used(at(50)), 50);
    }

    #[test]
    fn stale_tabs_may_not_save() {
        assert!(may_save(3, 3));
        assert!(may_save(3, 0), "nothing stored yet");
        assert!(!may_save(3, 4), "another tab saved revision 4");
    }
}
