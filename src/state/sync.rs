//! Other tabs of the app. Their saves, index changes and settings arrive as `storage` events;
//! Forget, Delete, Lock and Quick exit also as signals (`tabs`).
//!
//! - A save of the open plan: a tab with no unsaved edits takes the newer plan at once; a tab
//!   with unsaved edits is never overwritten, and neither is the other tab's save: the user
//!   chooses (see `resolve_*`). A save that wrote over one of ours (the same revision number,
//!   another token) is a conflict too, never silent.
//! - The open plan deleted elsewhere (or storage cleared): it is never written back; the user
//!   keeps it as a new plan or closes it.
//! - The index changed: the list shows what storage holds (`Library::merged`).

use leptos::prelude::*;

use super::{safety, tabs, PlanState, SaveState};
use crate::io;
use crate::model::tabs::{sweep_after_forget, TabSignal};
use crate::model::Plan;
use crate::storage::revision::is_newer;
use crate::storage::{
    plan_key, revision_key, Loaded, StorageFault, LIBRARY_KEY, SETTINGS_KEY, SIGNAL_KEY,
};

impl PlanState {
    /// Starts listening to the other tabs: their signals, saves, index and settings.
    pub fn follow_other_tabs(&self) {
        let state = *self;
        tabs::listen(move |signal| state.obey(signal));
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            let key = ev.key();
            if key.as_deref() == Some(SIGNAL_KEY) {
                if let Some(signal) = ev.new_value().and_then(|v| TabSignal::parse(&v)) {
                    state.obey(signal);
                }
                return;
            }
            // After Forget, nothing stored concerns this tab until the user starts anew.
            if state.forgotten.get_untracked() {
                return;
            }
            let open = state.plan.with_untracked(|p| p.id.clone());
            match key {
                // Another tab or page of this origin cleared all storage.
                None => {
                    state.plan_gone(&open);
                    state.library_changed();
                }
                Some(key) if key == LIBRARY_KEY => state.library_changed(),
                Some(key) if key == SETTINGS_KEY => state.lock_here(false),
                Some(key) if key == revision_key(&open) => state.other_tab_saved(&open),
                Some(key) if key == plan_key(&open) && ev.new_value().is_none() => {
                    state.plan_gone(&open)
                }
                _ => {}
            }
        });
    }

    /// Does what another tab asked of every tab.
    fn obey(&self, signal: TabSignal) {
        match signal {
            TabSignal::QuickExit => safety::leave(),
            TabSignal::Lock => self.lock_here(true),
            TabSignal::Forget { at } => self.forgotten_elsewhere(sweep_after_forget(at, io::now())),
            TabSignal::Deleted { id } => {
                self.plan_gone(&id);
                self.library_changed();
            }
        }
    }

    /// Shows the index as stored by any tab, merged with this tab's (nothing is written).
    fn library_changed(&self) {
        let mine = self.library.get_untracked();
        if let Some(merged) = self.with_store(|s| s.merged_library(&mine)) {
            if merged != mine {
                self.library.set(merged);
            }
        }
    }

    /// Another tab deleted plan `id` (or cleared storage). If it is the open plan, it is not
    /// written back: autosave stops, and the user is asked (`keep_as_new_plan`,
    /// `close_deleted_plan`).
    fn plan_gone(&self, id: &str) {
        if self.forgotten.get_untracked() || self.plan.with_untracked(|p| p.id != id) {
            return;
        }
        // A plan this tab never saw stored was not deleted.
        let was_stored = self.revision.with_value(|r| !r.is_none())
            || self.library.with_untracked(|l| l.entry(id).is_some());
        let still_stored = self
            .with_store(|s| s.has_plan(id).unwrap_or(false))
            .unwrap_or(false);
        if !was_stored || still_stored {
            return;
        }
        self.autosave.cancel();
        self.save.set(SaveState::DeletedElsewhere);
    }

    fn other_tab_saved(&self, id: &str) {
        let Some(stored) = self.with_store(|s| s.revision(id)) else {
            return;
        };
        let mine = self.revision.get_value();
        // Ours, or the plan's keys removed (`plan_gone` sees to that).
        if stored == mine || stored.is_none() {
            return;
        }
        // The user is already choosing; a later save does not choose for them.
        if self.save.with_untracked(|s| {
            matches!(
                s,
                SaveState::Failed(StorageFault::Conflict) | SaveState::DeletedElsewhere
            )
        }) {
            return;
        }
        if is_newer(&mine, &stored) && !self.autosave.is_dirty() {
            self.take_stored(id);
        } else {
            // Both tabs changed the plan, or another tab wrote over a save of ours (the same
            // number, another token): neither copy may silently win.
            self.save.set(SaveState::Failed(StorageFault::Conflict));
        }
    }

    /// Replaces this tab's copy with the stored plan (which another tab saved).
    fn take_stored(&self, id: &str) {
        let now = io::now();
        if let Some(Ok(Loaded::Plan(decoded))) = self.with_store(|s| s.load(id, now)) {
            let revision = self.with_store(|s| s.revision(id)).unwrap_or_default();
            self.switch_to(decoded.plan, SaveState::Restored);
            self.revision.set_value(revision);
            self.autosave.set_clean();
            self.synced.set(true);
        }
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
        let name = crate::tr!("{name} (my copy)", name = mine.display_name());
        mine.set_name(&name, now);
        self.save_as_new(mine);
    }

    /// After the open plan was deleted in another tab: keep this tab's copy, as a new plan.
    pub fn keep_as_new_plan(&self) {
        self.save_as_new(self.plan.get_untracked());
    }

    /// Opens `plan` under a new id and saves it at once.
    fn save_as_new(&self, mut plan: Plan) {
        plan.id = io::new_id();
        self.switch_to(plan, SaveState::Untouched);
        self.save.set(SaveState::Pending);
        self.autosave.mark_dirty();
        self.flush();
    }

    /// After the open plan was deleted in another tab: close it unsaved, and open another plan
    /// of this device (or a new one).
    pub fn close_deleted_plan(&self) {
        let gone = self.plan.with_untracked(|p| p.id.clone());
        self.autosave.set_clean();
        let next = self
            .library
            .with_untracked(|l| l.plans.iter().find(|e| e.id != gone).map(|e| e.id.clone()));
        if let Some(next) = next {
            self.open_plan(&next);
        }
        if self.plan.with_untracked(|p| p.id == gone) {
            self.switch_to(Plan::new(io::new_id(), io::now()), SaveState::Untouched);
        }
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
