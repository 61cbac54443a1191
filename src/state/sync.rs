//! Two tabs on one plan. A save in another tab arrives as a `storage` event: a tab with no
//! unsaved edits takes the newer plan at once; a tab with unsaved edits is never overwritten,
//! and neither is the other tab's save: the user chooses (see `resolve_*`).

use leptos::prelude::*;

use super::{PlanState, SaveState};
use crate::io;
use crate::model::Plan;
use crate::storage::{plan_key, revision_key, Loaded, StorageFault};

impl PlanState {
    /// Starts listening for saves made by other tabs.
    pub fn follow_other_tabs(&self) {
        let state = *self;
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            let open = state.plan.with_untracked(|p| p.id.clone());
            match ev.key() {
                // Another tab cleared all storage: keep this copy, and save it again.
                None => state.lost_in_other_tab(),
                Some(key) if key == revision_key(&open) => state.other_tab_saved(&open),
                Some(key) if key == plan_key(&open) && ev.new_value().is_none() => {
                    state.lost_in_other_tab()
                }
                _ => {}
            }
        });
    }

    fn other_tab_saved(&self, id: &str) {
        let stored = self.with_store(|s| s.revision(id)).unwrap_or(0);
        if stored <= self.revision.get_value() {
            return;
        }
        if self.autosave.is_dirty() {
            // Both tabs changed the plan: neither copy may silently win.
            self.save.set(SaveState::Failed(StorageFault::Conflict));
        } else {
            self.take_stored(id);
        }
    }

    /// Replaces this tab's copy with the stored plan (which another tab saved).
    fn take_stored(&self, id: &str) {
        let now = io::now();
        if let Some(Ok(Loaded::Plan(decoded))) = self.with_store(|s| s.load(id, now)) {
            let revision = self.with_store(|s| s.revision(id)).unwrap_or(0);
            self.switch_to(decoded.plan, SaveState::Restored);
            self.revision.set_value(revision);
            self.autosave.set_clean();
            self.synced.set(true);
        }
    }

    fn lost_in_other_tab(&self) {
        self.revision.set_value(0);
        self.autosave.mark_dirty();
        self.save.set(SaveState::Pending);
        self.flush();
    }

    /// Conflict choice: drop this tab's edits and take the other tab's saved plan.
    pub fn resolve_take_theirs(&self) {
        let id = self.plan.with_untracked(|p| p.id.clone());
        self.save.set(SaveState::Restored);
        self.take_stored(&id);
    }

    /// Conflict choice: keep this tab's version as a separate plan beside theirs.
    pub fn resolve_keep_mine_as_copy(&self) {
        let now = io::now();
        let mut mine: Plan = self.plan.get_untracked();
        mine.id = io::new_id();
        let name = format!("{} (my copy)", mine.display_name());
        mine.set_name(&name, now);
        self.switch_to(mine, SaveState::Untouched);
        self.save.set(SaveState::Pending);
        self.revision.set_value(0);
        self.autosave.mark_dirty();
        self.flush();
    }

    /// After a bad write: put the previous good version back.
    pub fn restore_previous_version(&self) {
        let id = self.plan.with_untracked(|p| p.id.clone());
        if let Some(Ok(Some(decoded))) = self.with_store(|s| s.restore_backup(&id)) {
            self.switch_to(decoded.plan, SaveState::Restored);
            self.autosave.set_clean();
            self.backup_available.set(false);
        }
    }
}
