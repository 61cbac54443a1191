//! How much of the browser's storage the app uses, and the rules about it. Plain Rust.

use crate::model::Millis;

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

/// Copies kept per plan as merge ancestors (the last exports and imports).
pub const MAX_ANCESTORS: usize = 4;

/// Whether a merge ancestor of `snapshot` units may be kept beside `others` units in use: only
/// while storage stays below the warning level, so ancestors never crowd out the plans.
pub fn snapshot_fits(others: usize, snapshot: usize) -> bool {
    !should_warn(others.saturating_add(snapshot))
}

/// A save waits until typing has paused this long…
pub const SAVE_PAUSE_MS: Millis = 400;
/// …but no longer than this after the first unsaved edit, so steady typing is saved too. Each
/// save of a large plan takes the page some milliseconds, and a keystroke landing in them waits.
pub const SAVE_MAX_WAIT_MS: Millis = 3_000;

/// How long from `now` until the next save, for an edit made now while the plan has been unsaved
/// since `unsaved_since`.
pub fn save_delay(unsaved_since: Millis, now: Millis) -> Millis {
    let waited = now.saturating_sub(unsaved_since);
    SAVE_PAUSE_MS.min(SAVE_MAX_WAIT_MS.saturating_sub(waited))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_stay_below_the_warning() {
        assert!(snapshot_fits(0, 2_000_000));
        assert!(!snapshot_fits(2_500_000, 2_000_000));
        assert!(!snapshot_fits(usize::MAX, 1));
    }

    #[test]
    fn saves_after_a_pause_or_within_the_longest_wait() {
        // The first edit, and each while typing goes on: a pause from now.
        assert_eq!(save_delay(1_000, 1_000), SAVE_PAUSE_MS);
        assert_eq!(save_delay(1_000, 2_000), SAVE_PAUSE_MS);
        // Typing without a pause for nearly the longest wait: only what is left of it.
        assert_eq!(save_delay(1_000, 1_000 + SAVE_MAX_WAIT_MS - 100), 100);
        assert_eq!(save_delay(1_000, 1_000 + SAVE_MAX_WAIT_MS + 500), 0);
    }

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
}
