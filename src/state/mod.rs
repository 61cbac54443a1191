//! The open plan as reactive state, and the intents screens call to change it. Screens never
//! touch storage: an intent becomes an `Edit`, applied to the plan and recorded for undo, and
//! `autosave` keeps the device copy up to date.

pub mod assessment;
mod autosave;
mod changes;
pub mod language;
mod merging;
mod plans;
mod safety;
mod sharing;
mod sync;
mod tabs;
mod update;

pub use autosave::{flush_on_leave, SaveState};
pub use changes::Changes;
pub use merging::MergeReview;
pub use plans::{DeletedPlan, Unreadable};
pub use safety::{quick_exit, EXIT_URL};
pub use sharing::{ImportOutcome, Preview, SealedFile};
pub use update::NewVersion;

use leptos::prelude::*;

use crate::content::FunctionKind;
use crate::io;
use crate::model::history::History;
use crate::model::kinds::Pillar;
use crate::model::library::Library;
use crate::model::time::day_number;
use crate::model::{Edit, Field, FieldValue, ListKind, Plan, Removed, Scope};
use crate::storage::{PlanStore, Revision};

/// Something the user must be told about stored plans, shown until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Stored plans that could not be read, one entry each (`plans::Unreadable`).
    Unreadable(Vec<Unreadable>),
}

/// Shared through context; `Copy`, so closures capture it freely.
#[derive(Clone, Copy)]
pub struct PlanState {
    pub plan: RwSignal<Plan>,
    pub save: RwSignal<SaveState>,
    pub notice: RwSignal<Option<Notice>>,
    /// The last item removed from a list, until it is restored or another is removed.
    pub removed: RwSignal<Option<Removed>>,
    /// The plans on this device.
    pub library: RwSignal<Library>,
    /// Whether undo and redo have anything to do (for the buttons).
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The file being looked at before it is opened, and the outcome of the last import.
    pub preview: RwSignal<Option<Preview>>,
    pub import_outcome: RwSignal<Option<ImportOutcome>>,
    /// A passphrase-protected file waiting for its passphrase.
    pub sealed: RwSignal<Option<SealedFile>>,
    /// A colleague's copy being merged, shown on `#/merge` until applied or cancelled.
    pub merge: RwSignal<Option<std::sync::Arc<MergeReview>>>,
    /// Files chosen or dropped together, waiting for the one before them to be dealt with.
    pub queue: RwSignal<Vec<web_sys::File>, LocalStorage>,
    /// Characters this origin has in storage, as of the last measure.
    pub usage: RwSignal<Option<usize>>,
    /// What `navigator.storage.persist()` answered, once asked.
    pub persisted: RwSignal<Option<Result<bool, String>>>,
    /// Whether "Restore previous version" can be offered after a bad write.
    pub backup_available: RwSignal<bool>,
    /// Set when the open plan was just updated from another tab.
    pub synced: RwSignal<bool>,
    /// Device settings (quick exit, lock).
    pub settings: RwSignal<crate::storage::Settings>,
    /// Set when another tab forgot this device: this tab dropped its plan unsaved and writes
    /// nothing until the user starts anew (`start_anew`).
    pub forgotten: RwSignal<bool>,
    /// Per-item and per-list change triggers, for views of long lists.
    pub changes: Changes,
    /// Items added, moved or put back in this session: list editors keep them in view even
    /// beyond the page they show (`model::paging`).
    pub kept: RwSignal<Vec<String>>,
    /// Every member organization as `(id, name)`, and every goal as `(id, title)`, for the
    /// choices that refer to them. One memo each, however many choices are on screen.
    pub member_choices: Memo<Vec<(String, String)>>,
    pub goal_choices: Memo<Vec<(String, String)>>,
    pub strategy_choices: Memo<Vec<(String, String)>>,
    /// The stored revision (number and token) this tab's copy of the plan is based on.
    revision: StoredValue<Revision>,
    usage_measured: StoredValue<crate::model::Millis>,
    history: StoredValue<History>,
    store: StoredValue<Option<PlanStore>, LocalStorage>,
    autosave: autosave::Autosave,
}

impl PlanState {
    /// Opens the device's last open plan. Never writes: a new tab or an empty device leaves
    /// storage as it found it until the user edits something.
    pub fn start() -> PlanState {
        let now = io::now();
        let fresh = || Plan::new(io::new_id(), now);
        let (
            store,
            plans::Start {
                library,
                plan,
                save,
                notice,
            },
        ) = match PlanStore::open() {
            Err(fault) => (None, plans::Start::memory_only(fresh(), fault)),
            Ok(store) => match plans::Start::from_storage(&store, now, fresh) {
                Err(fault) => (None, plans::Start::memory_only(fresh(), fault)),
                Ok(start) => (Some(store), start),
            },
        };
        let revision = store
            .as_ref()
            .map(|s| s.revision(&plan.id))
            .unwrap_or_default();
        let mut settings = store.as_ref().map(PlanStore::settings).unwrap_or_default();
        if settings.device_id.is_empty() {
            // Kept in memory until the first save writes the settings (opening writes nothing).
            settings.device_id = io::new_id();
        }
        let usage = store.as_ref().map(PlanStore::used_units);
        let plan = RwSignal::new(plan);
        let changes = Changes::new();
        PlanState {
            plan,
            member_choices: choices(plan, changes, ListKind::Members),
            goal_choices: choices(plan, changes, ListKind::Goals),
            strategy_choices: choices(plan, changes, ListKind::Strategies),
            changes,
            kept: RwSignal::new(Vec::new()),
            save: RwSignal::new(save),
            notice: RwSignal::new(notice),
            removed: RwSignal::new(None),
            library: RwSignal::new(library),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            preview: RwSignal::new(None),
            import_outcome: RwSignal::new(None),
            sealed: RwSignal::new(None),
            merge: RwSignal::new(None),
            queue: RwSignal::new_local(Vec::new()),
            usage: RwSignal::new(usage),
            persisted: RwSignal::new(None),
            backup_available: RwSignal::new(false),
            synced: RwSignal::new(false),
            settings: RwSignal::new(settings),
            forgotten: RwSignal::new(false),
            revision: StoredValue::new(revision),
            usage_measured: StoredValue::new(0),
            history: StoredValue::new(History::default()),
            store: StoredValue::new_local(store),
            autosave: autosave::Autosave::new(),
        }
    }

    /// Applies one edit with the current time, records it for undo and schedules a save.
    /// Returns why a value was refused, if it was.
    pub fn apply(&self, edit: Edit) -> Result<(), String> {
        let now = io::now();
        let target = edit.target();
        let scope = edit.scope();
        let mut result = Ok(None);
        let editor = self.editor();
        self.plan.update(|p| {
            p.editor = editor;
            result = p.apply(edit, now)
        });
        let inverse = result?;
        if let Some(inverse) = inverse {
            self.history
                .update_value(|h| h.record(inverse, target, now));
            self.changed(&scope);
        }
        Ok(())
    }

    /// After any change to the open plan: redraw what changed, update the undo buttons, and
    /// schedule a save.
    fn changed(&self, scope: &Scope) {
        self.redraw(scope);
        self.after_change();
    }

    /// Tells the views that show `scope` that it changed; items added, moved or put back stay
    /// in view (`kept`).
    fn redraw(&self, scope: &Scope) {
        match scope {
            Scope::List(_, id) => {
                if self.kept.with_untracked(|k| !k.contains(id)) {
                    self.kept.update(|k| k.push(id.clone()));
                }
            }
            Scope::Everything => self.kept.set(Vec::new()),
            Scope::Plan | Scope::Item(..) => {}
        }
        self.changes.notify(scope);
    }

    fn after_change(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.autosave.schedule(*self);
    }

    /// Who edits here, for the revision stamps (`model::stamp`).
    pub fn editor(&self) -> crate::model::stamp::Editor {
        self.settings
            .with_untracked(|s| crate::model::stamp::Editor {
                device: s.device_id.clone(),
                label: s.who.trim().to_owned(),
            })
    }

    /// Saves "who am I on this device" (optional; shown in colleagues' merge screens).
    pub fn set_who(&self, who: &str) {
        self.settings.update(|s| s.who = who.trim().to_owned());
        let settings = self.settings.get_untracked();
        let _ = self.with_store(|s| s.save_settings(&settings));
    }

    pub fn undo(&self) {
        let now = io::now();
        let mut done = None;
        let editor = self.editor();
        self.history.update_value(|h| {
            self.plan.update(|p| {
                p.editor = editor;
                done = h.undo(p, now)
            })
        });
        if let Some(scope) = done {
            self.removed.set(None);
            self.changed(&scope);
        }
    }

    pub fn redo(&self) {
        let now = io::now();
        let mut done = None;
        let editor = self.editor();
        self.history.update_value(|h| {
            self.plan.update(|p| {
                p.editor = editor;
                done = h.redo(p, now)
            })
        });
        if let Some(scope) = done {
            self.changed(&scope);
        }
    }

    pub fn set_name(&self, name: &str) {
        let _ = self.apply(Edit::Name(name.to_owned()));
    }

    pub fn set_answer(&self, id: &str, text: &str) {
        let _ = self.apply(Edit::Answer {
            id: id.to_owned(),
            text: text.to_owned(),
        });
    }

    pub fn set_function(&self, kind: FunctionKind, selected: bool) {
        let _ = self.apply(Edit::Function { kind, selected });
    }

    pub fn set_function_note(&self, kind: FunctionKind, note: &str) {
        let _ = self.apply(Edit::FunctionNote {
            kind,
            note: note.to_owned(),
        });
    }

    pub fn set_function_pillar(&self, kind: FunctionKind, pillar: Pillar, on: bool) {
        let _ = self.apply(Edit::FunctionPillar { kind, pillar, on });
    }

    pub fn set_check(&self, id: &str, done: bool) {
        let _ = self.apply(Edit::Check {
            id: id.to_owned(),
            done,
        });
    }

    /// The MOU page's choices (parties, effective date, term, notice).
    pub fn set_mou(&self, choices: crate::model::mou::MouChoices) {
        let _ = self.apply(Edit::Mou(Box::new(choices)));
    }

    pub fn set_score(&self, id: &str, value: Option<u8>) {
        let _ = self.apply(Edit::Score {
            id: id.to_owned(),
            value,
        });
    }

    /// Sets one field of a list item; the reason is returned when the value does not fit.
    pub fn set_field(&self, id: &str, field: Field, value: FieldValue) -> Result<(), String> {
        self.apply(Edit::Field {
            id: id.to_owned(),
            field,
            value,
        })
    }

    /// Adds an empty item and returns its id.
    pub fn add_item(&self, list: ListKind) -> String {
        let id = io::new_id();
        let _ = self.apply(Edit::Add {
            list,
            id: id.clone(),
        });
        id
    }

    pub fn remove_item(&self, list: ListKind, id: &str) {
        let edit = Edit::Remove {
            list,
            id: id.to_owned(),
        };
        if self.apply(edit).is_ok() {
            // The undo bar offers this removal back until something else is removed.
            self.removed
                .set(self.history.with_value(|h| h.last_removed()));
        }
    }

    /// Puts the last removed item back.
    pub fn undo_remove(&self) {
        if let Some(removed) = self.removed.get_untracked() {
            let _ = self.apply(Edit::Restore(removed));
            self.removed.set(None);
        }
    }

    pub fn move_item(&self, list: ListKind, id: &str, delta: isize) {
        let _ = self.apply(Edit::Move {
            list,
            id: id.to_owned(),
            delta,
        });
    }

    /// Today as a day number, for due dates.
    pub fn today(&self) -> i64 {
        day_number(io::now())
    }

    /// Writes the plan now if it has unsaved changes (called by the autosave timer and when the
    /// page is hidden or closed).
    pub fn flush(&self) {
        self.autosave.flush(*self);
    }

    /// After each good save: measure storage now and then, and ask once for persistent storage.
    fn after_save(&self) {
        self.backup_available.set(false);
        // The device id is written with the first save, so that it stays the same next time.
        let settings = self.settings.get_untracked();
        if self.with_store(|s| s.settings().device_id != settings.device_id) == Some(true) {
            let _ = self.with_store(|s| s.save_settings(&settings));
        }
        let now = io::now();
        // Measuring reads every key: at most every few seconds.
        if now.saturating_sub(self.usage_measured.get_value()) > 5_000 {
            self.usage_measured.set_value(now);
            self.usage.set(self.with_store(PlanStore::used_units));
        }
        if self.persisted.get_untracked().is_none() {
            self.persisted.set(Some(Err("asking".into())));
            let persisted = self.persisted;
            leptos::task::spawn_local(async move {
                persisted.set(Some(io::persist_storage().await));
            });
        }
    }

    fn with_store<R>(&self, f: impl FnOnce(&PlanStore) -> R) -> Option<R> {
        self.store.with_value(|s| s.as_ref().map(f))
    }
}

/// `(id, name)` of every item of `list`, following only that list; an item without a name is
/// called what its list calls it (`ListSpec::untitled`, "Unnamed organization").
fn choices(plan: RwSignal<Plan>, changes: Changes, list: ListKind) -> Memo<Vec<(String, String)>> {
    let content = changes.content(list);
    let unnamed = crate::model::fields::spec(list).untitled;
    Memo::new(move |_| {
        content.track();
        plan.with_untracked(|p| {
            p.item_titles(list)
                .into_iter()
                .map(|(id, title)| {
                    let title = if title.is_empty() {
                        unnamed.to_owned()
                    } else {
                        title
                    };
                    (id, title)
                })
                .collect()
        })
    })
}
