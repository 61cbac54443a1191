//! What one open tab of the app tells the others (`state::tabs` carries it on a
//! `BroadcastChannel`, or through a storage key where there is none). Short plain text, so any
//! version of the app can read it and ignore what it does not know.

use super::time::Millis;

/// A signal from another tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabSignal {
    /// Everything was forgotten at `at`: drop the plan unsaved and never write again.
    Forget { at: Millis },
    /// This plan was deleted: do not write it back.
    Deleted { id: String },
    /// The device was locked: lock too.
    Lock,
    /// Quick exit: leave too.
    QuickExit,
}

/// A tab that hears of a Forget this long after it was made also removes what is stored again,
/// in case it wrote in the moment before it heard. Later than that (a tab the browser had frozen)
/// it removes nothing: what is stored by then was made after the Forget, on purpose.
pub const FORGET_SWEEP_MS: Millis = 3_000;

impl TabSignal {
    pub fn text(&self) -> String {
        match self {
            TabSignal::Forget { at } => format!("forget:{at}"),
            TabSignal::Deleted { id } => format!("deleted:{id}"),
            TabSignal::Lock => "lock".into(),
            TabSignal::QuickExit => "exit".into(),
        }
    }

    /// Reads a signal; `None` for anything else (a newer version's signal, or noise).
    pub fn parse(text: &str) -> Option<TabSignal> {
        match text.split_once(':') {
            None => match text {
                "lock" => Some(TabSignal::Lock),
                "exit" => Some(TabSignal::QuickExit),
                _ => None,
            },
            Some(("forget", at)) => at.parse().ok().map(|at| TabSignal::Forget { at }),
            // Ids of stored plans are 1 to 100 characters (`Plan::check`).
            Some(("deleted", id)) if !id.is_empty() && id.len() <= 100 => {
                Some(TabSignal::Deleted { id: id.to_owned() })
            }
            Some(_) => None,
        }
    }
}

/// Whether a Forget made at `at` is recent enough at `now` to sweep storage once more.
pub fn sweep_after_forget(at: Millis, now: Millis) -> bool {
    now.abs_diff(at) <= FORGET_SWEEP_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_round_trip() {
        for s in [
            TabSignal::Forget {
                at: 1_795_628_523_000,
            },
            TabSignal::Deleted {
                id: "0a1b2c".into(),
            },
            TabSignal::Deleted {
                id: "an id: with a colon".into(),
            },
            TabSignal::Lock,
            TabSignal::QuickExit,
        ] {
            assert_eq!(TabSignal::parse(&s.text()), Some(s));
        }
    }

    #[test]
    fn anything_else_is_ignored() {
        for text in [
            "",
            "forget",
            "forget:soon",
            "deleted:",
            &format!("deleted:{}", "x".repeat(101)),
            "unlock",
            "LOCK",
            "exit:now",
        ] {
            assert_eq!(TabSignal::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn only_a_fresh_forget_sweeps() {
        assert!(sweep_after_forget(10_000, 10_000));
        assert!(sweep_after_forget(10_000, 12_900));
        assert!(!sweep_after_forget(10_000, 10_000 + FORGET_SWEEP_MS + 1));
        assert!(!sweep_after_forget(10_000, 60 * 60 * 1000));
    }
}
