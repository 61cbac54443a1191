//! Several plans on one device: create, open, rename, duplicate and delete (with undo).

use leptos::prelude::*;

use super::{Notice, PlanState, SaveState};
use crate::io;
use crate::model::library::PlanEntry;
use crate::model::{encode, Plan, Scope};
use crate::storage::{backup_key, plan_key, revision_key, Loaded, StorageFault};

/// A deleted plan, kept in memory so "Undo delete" can put it back exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedPlan {
    pub index: usize,
    pub entry: PlanEntry,
    pub raw: Option<String>,
}

impl PlanState {
    /// Starts a new, empty plan (saved at the first edit).
    pub fn new_plan(&self) {
        self.flush();
        self.switch_to(Plan::new(io::new_id(), io::now()), SaveState::Untouched);
    }

    /// Opens another plan of this device.
    pub fn open_plan(&self, id: &str) {
        if self.plan.with_untracked(|p| p.id == id) {
            return;
        }
        self.flush();
        let now = io::now();
        let Some(loaded) = self.with_store(|s| s.load(id, now)) else {
            return;
        };
        match loaded {
            Ok(Loaded::Plan(decoded)) => {
                let revision = self.with_store(|s| s.revision(id)).unwrap_or(0);
                self.switch_to(decoded.plan, SaveState::Restored);
                self.revision.set_value(revision);
                self.remember_open();
            }
            Ok(Loaded::Unreadable {
                raw,
                error,
                quarantine,
            }) => {
                self.notice.set(Some(Notice::Unreadable {
                    error,
                    raw,
                    kept_as: quarantine,
                    plan_id: id.to_owned(),
                }));
            }
            Ok(Loaded::Empty) => {}
            Err(fault) => self.save.set(SaveState::Failed(fault)),
        }
    }

    /// Replaces the open plan wholesale: a different document, so undo starts afresh.
    pub(super) fn switch_to(&self, plan: Plan, save: SaveState) {
        // A plan new to storage starts at revision 0; callers opening a stored plan set theirs.
        self.revision.set_value(0);
        self.plan.set(plan);
        self.redraw(&Scope::Everything);
        self.history.update_value(|h| h.clear());
        self.removed.set(None);
        self.can_undo.set(false);
        self.can_redo.set(false);
        // Without storage every plan lives in memory; say so still.
        if !self
            .save
            .with_untracked(|s| matches!(s, SaveState::MemoryOnly(_)))
        {
            self.save.set(save);
        }
    }

    /// Notes in the index which plan is open, so the next visit opens it.
    fn remember_open(&self) {
        let id = self.plan.with_untracked(|p| p.id.clone());
        self.library.update(|l| l.open = Some(id));
        let library = self.library.get_untracked();
        if let Some(Err(fault)) = self.with_store(|s| s.save_library(&library)) {
            self.save.set(SaveState::Failed(fault));
        }
    }

    /// Renames any plan: the open one through an undoable edit, another one in storage.
    pub fn rename_plan(&self, id: &str, name: &str) {
        if self.plan.with_untracked(|p| p.id == id) {
            self.set_name(name);
            return;
        }
        let now = io::now();
        let result = self.with_store(|s| -> Result<(), StorageFault> {
            let Loaded::Plan(mut decoded) = s.load(id, now)? else {
                return Ok(());
            };
            decoded.plan.set_name(name, now);
            s.save(id, &encode(&decoded.plan, now), s.revision(id))?;
            let mut library = self.library.get_untracked();
            library.saved(&decoded.plan, now);
            s.save_library(&library)?;
            self.library.set(library);
            Ok(())
        });
        if let Some(Err(fault)) = result {
            self.save.set(SaveState::Failed(fault));
        }
    }

    /// Copies a plan under a new id and the name "Copy of …", and opens the copy.
    pub fn duplicate_plan(&self, id: &str) {
        self.flush();
        let now = io::now();
        let source = if self.plan.with_untracked(|p| p.id == id) {
            Some(self.plan.get_untracked())
        } else {
            match self.with_store(|s| s.load(id, now)) {
                Some(Ok(Loaded::Plan(decoded))) => Some(decoded.plan),
                _ => None,
            }
        };
        let Some(mut copy) = source else {
            return;
        };
        copy.id = io::new_id();
        let name = format!("Copy of {}", copy.display_name());
        copy.set_name(&name, now);
        self.switch_to(copy, SaveState::Untouched);
        self.autosave.mark_dirty();
        self.flush();
    }

    /// Deletes a plan from this device; "Undo delete" puts it back.
    pub fn delete_plan(&self, id: &str) -> Option<DeletedPlan> {
        self.flush();
        let mut library = self.library.get_untracked();
        let (index, entry) = library.remove(id)?;
        let raw = self.with_store(|s| {
            let raw = s.read_raw(&plan_key(id)).ok().flatten();
            for key in [plan_key(id), backup_key(id), revision_key(id)] {
                let _ = s.remove_raw(&key);
            }
            let _ = s.save_library(&library);
            raw
        });
        self.library.set(library);
        if self.plan.with_untracked(|p| p.id == id) {
            // Never leave the user on a plan that no longer exists.
            match self
                .library
                .with_untracked(|l| l.plans.first().map(|e| e.id.clone()))
            {
                Some(next) => self.open_plan(&next),
                None => self.switch_to(Plan::new(io::new_id(), io::now()), SaveState::Untouched),
            }
        }
        Some(DeletedPlan {
            index,
            entry,
            raw: raw.flatten(),
        })
    }

    pub fn undo_delete(&self, deleted: DeletedPlan) {
        let id = deleted.entry.id.clone();
        let result = self.with_store(|s| -> Result<(), StorageFault> {
            if let Some(raw) = &deleted.raw {
                s.write_raw(&plan_key(&id), raw)?;
            }
            let mut library = self.library.get_untracked();
            library.restore(deleted.index, deleted.entry.clone());
            s.save_library(&library)?;
            self.library.set(library);
            Ok(())
        });
        match result {
            Some(Err(fault)) => self.save.set(SaveState::Failed(fault)),
            _ if deleted.raw.is_some() => self.open_plan(&id),
            _ => {}
        }
    }
}

impl PlanState {
    /// Whether a stored plan has a readable previous version to go back to.
    pub fn has_backup(&self, id: &str) -> bool {
        self.with_store(|s| s.has_backup(id)).unwrap_or(false)
    }

    /// For a plan that could not be read: put its previous version back and open it.
    pub fn restore_unreadable(&self, id: &str) {
        if let Some(Ok(Some(decoded))) = self.with_store(|s| s.restore_backup(id)) {
            let revision = self.with_store(|s| s.revision(id)).unwrap_or(0);
            self.switch_to(decoded.plan, SaveState::Restored);
            self.revision.set_value(revision);
            self.notice.set(None);
            self.remember_open();
        }
    }
}
