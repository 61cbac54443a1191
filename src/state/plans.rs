//! Several plans on one device: create, open, rename, duplicate and delete (with undo).

use leptos::prelude::*;

use super::{tabs, Notice, PlanState, SaveState};
use crate::io;
use crate::model::library::{Library, PlanEntry};
use crate::model::tabs::TabSignal;
use crate::model::{encode, ImportError, Millis, Plan, Scope};
use crate::storage::{
    backup_key, plan_key, revision_key, Damaged, Found, Loaded, PlanStore, Revision, StorageFault,
    UNREADABLE_NAME,
};

/// A stored plan that could not be read, as the recovery notice tells of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The plan it was stored as, whose previous version may be restorable.
    pub plan_id: String,
    /// Its name, when the list of plans knew it.
    pub name: Option<String>,
    pub error: ImportError,
    /// Its exact stored text, for "Download unreadable data".
    pub raw: String,
    /// The quarantine key holding a verified copy, or why no copy could be made.
    pub kept_as: Result<String, StorageFault>,
}

impl Unreadable {
    fn new(library: &Library, damaged: Damaged) -> Unreadable {
        let name = library
            .entry(&damaged.id)
            .map(|e| e.name.clone())
            .filter(|n| n != UNREADABLE_NAME);
        Unreadable {
            plan_id: damaged.id,
            name,
            error: damaged.error,
            raw: damaged.raw,
            kept_as: damaged.quarantine,
        }
    }
}

/// What the app opens with.
pub(super) struct Start {
    pub library: Library,
    pub plan: Plan,
    pub save: SaveState,
    pub notice: Option<Notice>,
}

impl Start {
    /// No usable storage: a new plan, in memory.
    pub fn memory_only(plan: Plan, fault: StorageFault) -> Start {
        Start {
            library: Library::default(),
            plan,
            save: SaveState::MemoryOnly(fault),
            notice: None,
        }
    }

    /// The device's last open plan (or a new one), and a notice for every stored plan that
    /// could not be read, whatever the index says: the one that was to open first. Writes
    /// nothing, except quarantine copies of what cannot be read.
    pub fn from_storage(
        store: &PlanStore,
        now: Millis,
        fresh: impl Fn() -> Plan,
    ) -> Result<Start, StorageFault> {
        let Found { library, damaged } = store.library(now)?;
        let mut unreadable: Vec<Unreadable> = damaged
            .into_iter()
            .map(|d| Unreadable::new(&library, d))
            .collect();
        let is_damaged = |id: &str, u: &[Unreadable]| u.iter().any(|u| u.plan_id == id);
        let open = library.open.clone().or_else(|| {
            library
                .plans
                .iter()
                .find(|e| !is_damaged(&e.id, &unreadable))
                .map(|e| e.id.clone())
        });
        // Without a verified copy elsewhere, an unreadable plan that was to open stays where it
        // is and this session must not write over it.
        let protect = |u: &Unreadable| match u.kept_as {
            Ok(_) => SaveState::Untouched,
            Err(_) => SaveState::Protecting,
        };
        let (plan, save) = match open {
            None => (fresh(), SaveState::Untouched),
            Some(id) => match unreadable.iter().position(|u| u.plan_id == id) {
                // Found unreadable already: it comes first in the notice.
                Some(i) => {
                    let u = unreadable.remove(i);
                    let save = protect(&u);
                    unreadable.insert(0, u);
                    (fresh(), save)
                }
                None => match store.load(&id, now) {
                    Ok(Loaded::Empty) => (fresh(), SaveState::Untouched),
                    Ok(Loaded::Plan(decoded)) => (decoded.plan, SaveState::Restored),
                    Ok(Loaded::Unreadable(damaged)) => {
                        let u = Unreadable::new(&library, damaged);
                        let save = protect(&u);
                        unreadable.insert(0, u);
                        (fresh(), save)
                    }
                    Err(fault) => (fresh(), SaveState::MemoryOnly(fault)),
                },
            },
        };
        Ok(Start {
            library,
            plan,
            save,
            notice: (!unreadable.is_empty()).then_some(Notice::Unreadable(unreadable)),
        })
    }
}

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
                let revision = self.with_store(|s| s.revision(id)).unwrap_or_default();
                self.switch_to(decoded.plan, SaveState::Restored);
                self.revision.set_value(revision);
                self.remember_open();
            }
            Ok(Loaded::Unreadable(damaged)) => {
                let unreadable = self.library.with_untracked(|l| Unreadable::new(l, damaged));
                self.announce_unreadable(unreadable);
            }
            Ok(Loaded::Empty) => {}
            Err(fault) => self.save.set(SaveState::Failed(fault)),
        }
    }

    /// Replaces the open plan wholesale: a different document, so undo starts afresh.
    pub(super) fn switch_to(&self, plan: Plan, save: SaveState) {
        // A plan new to storage starts with no revision; callers opening a stored plan set theirs.
        self.revision.set_value(Revision::default());
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
        self.write_library(self.library.get_untracked());
    }

    /// Writes the index merged with what other tabs stored, and shows the result.
    pub(super) fn write_library(&self, library: Library) {
        match self.with_store(|s| s.save_library(&library)) {
            Some(Ok(merged)) => self.library.set(merged),
            Some(Err(fault)) => self.save.set(SaveState::Failed(fault)),
            None => {}
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
            s.save(
                id,
                &encode(&decoded.plan, now),
                &s.revision(id),
                io::new_id(),
            )?;
            let mut library = self.library.get_untracked();
            library.saved(&decoded.plan, now);
            self.library.set(s.save_library(&library)?);
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
        let name = crate::tr!("Copy of {name}", name = copy.display_name());
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
            let ancestors = crate::storage::ancestors_key(id);
            for key in [plan_key(id), backup_key(id), revision_key(id), ancestors] {
                let _ = s.remove_raw(&key);
            }
            if let Ok(merged) = s.save_library(&library) {
                library = merged;
            }
            raw
        });
        self.library.set(library);
        // Other tabs showing it must not write it back.
        tabs::announce(&TabSignal::Deleted { id: id.to_owned() });
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
            self.library.set(s.save_library(&library)?);
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

    /// For a plan that could not be read: put its previous version back and open it. Only
    /// once its stored text is safe in quarantine, as that writes over the plan's key.
    pub fn restore_unreadable(&self, id: &str) {
        let quarantined = self.notice.with_untracked(|n| match n {
            Some(Notice::Unreadable(plans)) => {
                plans.iter().any(|u| u.plan_id == id && u.kept_as.is_ok())
            }
            None => false,
        });
        if !quarantined {
            return;
        }
        if let Some(Ok(Some(decoded))) = self.with_store(|s| s.restore_backup(id)) {
            let revision = self.with_store(|s| s.revision(id)).unwrap_or_default();
            self.switch_to(decoded.plan, SaveState::Restored);
            self.revision.set_value(revision);
            self.dismiss_unreadable(id);
            // Its entry in the list takes the plan's name again.
            self.plan.with_untracked(|p| {
                self.library.update(|l| {
                    if let Some(e) = l.plans.iter_mut().find(|e| e.id == p.id) {
                        e.name = p.display_name().to_owned();
                        e.modified = p.modified;
                    }
                })
            });
            self.remember_open();
        }
    }

    /// Adds a plan that could not be read to the notice (once: a second report replaces the
    /// first).
    fn announce_unreadable(&self, unreadable: Unreadable) {
        self.notice.update(|n| match n {
            Some(Notice::Unreadable(plans)) => {
                plans.retain(|u| u.plan_id != unreadable.plan_id);
                plans.push(unreadable);
            }
            None => *n = Some(Notice::Unreadable(vec![unreadable])),
        });
    }

    /// Takes one plan off the notice; the notice goes when none is left.
    pub fn dismiss_unreadable(&self, id: &str) {
        self.notice.update(|n| {
            if let Some(Notice::Unreadable(plans)) = n {
                plans.retain(|u| u.plan_id != id);
                if plans.is_empty() {
                    *n = None;
                }
            }
        });
    }
}
