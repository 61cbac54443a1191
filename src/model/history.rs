//! Undo and redo: stacks of inverse edits. A burst of typing in one field is one step.

use super::edit::{Edit, Scope};
use super::plan::Plan;
use super::time::Millis;

/// Keystrokes in the same field closer together than this are merged into one undo step.
const BURST_MS: Millis = 1_500;
/// Steps kept (the oldest are dropped beyond it).
pub const LIMIT: usize = 100;

#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Edit>,
}

struct Step {
    inverse: Edit,
    target: Option<super::edit::Target>,
    at: Millis,
}

impl History {
    /// Records that an edit to `target` was made at `now`, undone by `inverse`.
    pub fn record(&mut self, inverse: Edit, target: Option<super::edit::Target>, now: Millis) {
        self.redo.clear();
        if let Some(top) = self.undo.last_mut() {
            if target.is_some() && top.target == target && now.saturating_sub(top.at) < BURST_MS {
                // Same field, same burst: keep the oldest inverse, which undoes the whole burst.
                top.at = now;
                return;
            }
        }
        self.undo.push(Step {
            inverse,
            target,
            at: now,
        });
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
    }

    /// The item the last step removed, when the last step was a removal.
    pub fn last_removed(&self) -> Option<crate::model::Removed> {
        match self.undo.last().map(|s| &s.inverse) {
            Some(Edit::Restore(removed)) => Some(removed.clone()),
            _ => None,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last step, and says what it changed; `None` when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan, now: Millis) -> Option<Scope> {
        while let Some(step) = self.undo.pop() {
            let scope = step.inverse.scope();
            // A step that no longer applies (its item is gone) is skipped, not fatal.
            if let Ok(Some(redo)) = plan.apply(step.inverse, now) {
                self.redo.push(redo);
                return Some(scope);
            }
        }
        None
    }

    pub fn redo(&mut self, plan: &mut Plan, now: Millis) -> Option<Scope> {
        while let Some(edit) = self.redo.pop() {
            let scope = edit.scope();
            if let Ok(Some(inverse)) = plan.apply(edit, now) {
                self.undo.push(Step {
                    inverse,
                    target: None,
                    at: now,
                });
                return Some(scope);
            }
        }
        None
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_into(plan: &mut Plan, h: &mut History, text: &str, at: Millis) {
        let edit = Edit::Answer {
            id: "define.vision".into(),
            text: text.into(),
        };
        let target = edit.target();
        if let Ok(Some(inverse)) = plan.apply(edit, at) {
            h.record(inverse, target, at);
        }
    }

    #[test]
    fn a_burst_of_typing_is_one_step() {
        let mut p = Plan::new("p".into(), 0);
        let mut h = History::default();
        for (i, text) in ["F", "Fr", "Fre", "Free"].iter().enumerate() {
            type_into(&mut p, &mut h, text, 1_000 + i as Millis * 200);
        }
        type_into(&mut p, &mut h, "Freedom", 10_000);
        assert!(h.undo(&mut p, 11_000).is_some());
        assert_eq!(p.answer("define.vision"), "Free");
        assert_eq!(h.undo(&mut p, 12_000), Some(Scope::Plan));
        assert_eq!(p.answer("define.vision"), "");
        assert_eq!(h.undo(&mut p, 13_000), None);
        assert!(h.redo(&mut p, 14_000).is_some());
        assert!(h.redo(&mut p, 15_000).is_some());
        assert_eq!(p.answer("define.vision"), "Freedom");
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_edit_clears_redo_and_the_limit_holds() {
        let mut p = Plan::new("p".into(), 0);
        let mut h = History::default();
        for i in 0..(LIMIT + 20) {
            let edit = Edit::Check {
                id: format!("survivors.c{i}"),
                done: true,
            };
            if let Ok(Some(inv)) = p.apply(edit, i as Millis) {
                h.record(inv, None, i as Millis);
            }
        }
        let mut undone = 0;
        while h.undo(&mut p, 1_000_000).is_some() {
            undone += 1;
        }
        assert_eq!(undone, LIMIT, "at least 50 steps, at most the limit");
        assert!(h.redo(&mut p, 2_000_000).is_some());
        type_into(&mut p, &mut h, "x", 3_000_000);
        assert!(!h.can_redo());
    }
}
