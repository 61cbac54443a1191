//! The open plan as reactive state, and the intents screens call to change it. Screens never
//! touch storage: an intent edits the plan, and `autosave` keeps the device copy up to date.

mod autosave;

pub use autosave::{flush_on_leave, SaveState};

use leptos::prelude::*;

use serde_json::Value;

use crate::content::FunctionKind;
use crate::io;
use crate::model::kinds::Pillar;
use crate::model::time::day_number;
use crate::model::{ImportError, ListKind, Plan, Removed};
use crate::storage::{Loaded, PlanStore, StorageFault};

/// Something the user must be told about the stored plan, shown until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The stored plan could not be read. `raw` is its exact text; `kept_as` is the quarantine key
    /// holding a verified copy, or why no copy could be made.
    Unreadable {
        error: ImportError,
        raw: String,
        kept_as: Result<String, StorageFault>,
    },
}

/// Shared through context; `Copy`, so closures capture it freely.
#[derive(Clone, Copy)]
pub struct PlanState {
    pub plan: RwSignal<Plan>,
    pub save: RwSignal<SaveState>,
    pub notice: RwSignal<Option<Notice>>,
    /// The last item removed from a list, until it is restored or another is removed.
    pub removed: RwSignal<Option<Removed>>,
    store: StoredValue<Option<PlanStore>, LocalStorage>,
    autosave: autosave::Autosave,
}

impl PlanState {
    /// Opens the device's plan. Never writes: a new tab or an empty device leaves storage as it
    /// found it until the user edits something.
    pub fn start() -> PlanState {
        let now = io::now();
        let fresh = || Plan::new(io::new_id(), now);
        let (store, plan, save, notice) = match PlanStore::open() {
            Err(fault) => (None, fresh(), SaveState::MemoryOnly(fault), None),
            Ok(store) => match store.load(now) {
                Ok(Loaded::Empty) => (Some(store), fresh(), SaveState::Untouched, None),
                Ok(Loaded::Plan(decoded)) => (Some(store), decoded.plan, SaveState::Restored, None),
                Ok(Loaded::Unreadable {
                    raw,
                    error,
                    quarantine,
                }) => {
                    // Without a verified copy elsewhere, the unreadable text stays where it is and
                    // this session must not write over it.
                    let save = match &quarantine {
                        Ok(_) => SaveState::Untouched,
                        Err(_) => SaveState::Protecting,
                    };
                    let notice = Notice::Unreadable {
                        error,
                        raw,
                        kept_as: quarantine,
                    };
                    (Some(store), fresh(), save, Some(notice))
                }
                Err(fault) => (None, fresh(), SaveState::MemoryOnly(fault), None),
            },
        };
        PlanState {
            plan: RwSignal::new(plan),
            save: RwSignal::new(save),
            notice: RwSignal::new(notice),
            removed: RwSignal::new(None),
            store: StoredValue::new_local(store),
            autosave: autosave::Autosave::new(),
        }
    }

    /// Applies one edit with the current time and schedules a save.
    fn edit(&self, change: impl FnOnce(&mut Plan, crate::model::Millis)) {
        let now = io::now();
        let before = self.plan.with_untracked(|p| p.modified);
        self.plan.update(|p| change(p, now));
        if self.plan.with_untracked(|p| p.modified) != before {
            self.autosave.schedule(*self);
        }
    }

    pub fn set_name(&self, name: &str) {
        self.edit(|p, now| p.set_name(name, now));
    }

    pub fn set_answer(&self, question_id: &str, text: &str) {
        self.edit(|p, now| p.set_answer(question_id, text, now));
    }

    pub fn set_function(&self, kind: FunctionKind, selected: bool) {
        self.edit(|p, now| p.set_function(kind, selected, now));
    }

    pub fn set_function_note(&self, kind: FunctionKind, note: &str) {
        self.edit(|p, now| p.set_function_note(kind, note, now));
    }

    pub fn set_function_pillar(&self, kind: FunctionKind, pillar: Pillar, on: bool) {
        self.edit(|p, now| p.set_function_pillar(kind, pillar, on, now));
    }

    pub fn set_check(&self, id: &str, done: bool) {
        self.edit(|p, now| p.set_check(id, done, now));
    }

    pub fn set_score(&self, id: &str, value: Option<u8>) {
        self.edit(|p, now| p.set_score(id, value, now));
    }

    /// Sets one field of a list item; the reason is returned when the value does not fit.
    pub fn set_field(
        &self,
        list: ListKind,
        id: &str,
        field: &str,
        value: Value,
    ) -> Result<(), String> {
        let mut result = Ok(());
        self.edit(|p, now| result = p.set_field(list, id, field, value, now));
        result
    }

    /// Adds an empty item and returns its id.
    pub fn add_item(&self, list: ListKind) -> String {
        let id = io::new_id();
        let new_id = id.clone();
        self.edit(move |p, now| p.add_item(list, new_id, now));
        id
    }

    pub fn remove_item(&self, list: ListKind, id: &str) {
        let mut removed = None;
        self.edit(|p, now| removed = p.remove_item(list, id, now));
        if removed.is_some() {
            self.removed.set(removed);
        }
    }

    /// Puts the last removed item back.
    pub fn undo_remove(&self) {
        if let Some(removed) = self.removed.get_untracked() {
            self.edit(|p, now| {
                p.restore_item(removed, now);
            });
            self.removed.set(None);
        }
    }

    pub fn move_item(&self, list: ListKind, id: &str, delta: isize) {
        self.edit(|p, now| {
            p.move_item(list, id, delta, now);
        });
    }

    /// Today as a day number, for due dates.
    pub fn today(&self) -> i64 {
        day_number(io::now())
    }

    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// Writes the plan now if it has unsaved changes (called by the autosave timer and when the
    /// page is hidden or closed).
    pub fn flush(&self) {
        self.autosave.flush(*self);
    }
}
