//! Autosave: edits are written once typing pauses (`SAVE_PAUSE_MS`), at least every
//! `SAVE_MAX_WAIT_MS` while it goes on, and at once when the page is hidden or closed
//! (`visibilitychange`, `pagehide`), the last moments a browser guarantees.

use std::time::Duration;

use leptos::prelude::*;

use super::PlanState;
use crate::io;
use crate::model::{encode, Millis};
use crate::storage::budget::{save_delay, NOTHING_STORED_UNITS};
use crate::storage::StorageFault;

/// While storage is full, saving is retried this often.
const RETRY_MS: Millis = 5_000;

/// Whether the plan on screen is safe on this device.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing edited yet in this session, and nothing stored to restore.
    Untouched,
    /// Opened from this device's storage, unchanged since.
    Restored,
    /// Edited; a save is scheduled.
    Pending,
    Saved(Millis),
    /// The last save failed; the edits are in memory only.
    Failed(StorageFault),
    /// No usable storage at all: the session lives in memory.
    MemoryOnly(StorageFault),
    /// The stored plan could not be read nor set aside, so it must not be written over.
    Protecting,
    /// Another tab deleted this plan (or storage was cleared): it is not written back unless
    /// the user keeps it as a new plan.
    DeletedElsewhere,
}

impl SaveState {
    /// The short line in the header's status region.
    pub fn label(&self) -> String {
        match self {
            SaveState::Untouched => crate::lang::tr("No changes yet").into(),
            SaveState::Restored => crate::lang::tr("Saved on this device").into(),
            SaveState::Pending => crate::lang::tr("Saving…").into(),
            SaveState::Saved(at) => crate::tr!("Saved at {time}", time = io::local_time(*at)),
            SaveState::Failed(_)
            | SaveState::MemoryOnly(_)
            | SaveState::Protecting
            | SaveState::DeletedElsewhere => crate::lang::tr("Not saved on this device").into(),
        }
    }

    /// A problem the user must act on, for the alert banner.
    pub fn problem(&self) -> Option<String> {
        match self {
            SaveState::Failed(f) | SaveState::MemoryOnly(f) => Some(f.explain()),
            SaveState::Protecting => Some(
                crate::lang::tr(
                    "Changes are not being saved, so that the unreadable plan stored on this \
                     device is not written over. Download it, then export your work before \
                     closing.",
                )
                .into(),
            ),
            SaveState::DeletedElsewhere => Some(
                crate::lang::tr(
                    "This plan was deleted in another tab or window, so this copy is not saved. \
                     Keep it as a new plan, or close it.",
                )
                .into(),
            ),
            _ => None,
        }
    }

    fn may_write(&self) -> bool {
        !matches!(
            self,
            SaveState::MemoryOnly(_)
                | SaveState::Protecting
                | SaveState::DeletedElsewhere
                | SaveState::Failed(StorageFault::Conflict)
        )
    }
}

#[derive(Clone, Copy)]
pub(super) struct Autosave {
    dirty: StoredValue<bool>,
    /// When the oldest edit not yet saved was made.
    unsaved_since: StoredValue<Option<Millis>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Autosave {
    pub(super) fn new() -> Autosave {
        Autosave {
            dirty: StoredValue::new(false),
            unsaved_since: StoredValue::new(None),
            timer: StoredValue::new(None),
        }
    }

    /// Marks the plan changed and puts the next save a pause from now, or sooner when edits
    /// have waited long (`budget::save_delay`).
    pub(super) fn schedule(&self, state: PlanState) {
        let now = io::now();
        self.dirty.set_value(true);
        let since = self.unsaved_since.get_value().unwrap_or(now);
        self.unsaved_since.set_value(Some(since));
        if !state.save.with_untracked(SaveState::may_write) {
            return;
        }
        // While storage is full, the retry timer keeps its own pace.
        let full = state
            .save
            .with_untracked(|s| *s == SaveState::Failed(StorageFault::Quota));
        if full && self.timer.with_value(Option::is_some) {
            return;
        }
        // A failure stays on screen until a save succeeds, rather than flickering away with
        // every keystroke.
        if !state
            .save
            .with_untracked(|s| matches!(s, SaveState::Failed(_) | SaveState::Pending))
        {
            state.save.set(SaveState::Pending);
        }
        self.start_timer(state, save_delay(since, now));
    }

    /// (Re)starts the save timer: an earlier one is replaced.
    fn start_timer(&self, state: PlanState, delay_ms: Millis) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let timer = self.timer;
        let autosave = *self;
        let handle = set_timeout_with_handle(
            move || {
                timer.set_value(None);
                // A hidden tab does not autosave: it may be a stale copy behind a newer tab.
                // Leaving the page (visibilitychange, pagehide) still flushes.
                if document().hidden() {
                    return;
                }
                state.flush();
                // Full storage: try again from time to time, in case space was freed.
                if autosave.dirty.get_value()
                    && state
                        .save
                        .with_untracked(|s| *s == SaveState::Failed(StorageFault::Quota))
                {
                    autosave.start_timer(state, RETRY_MS);
                }
            },
            Duration::from_millis(delay_ms),
        );
        self.timer.set_value(handle.ok());
    }

    /// Stops a scheduled save (the edits stay unsaved).
    pub(super) fn cancel(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Marks the open plan as needing a save without scheduling one (the caller flushes).
    pub(super) fn mark_dirty(&self) {
        self.dirty.set_value(true);
    }

    pub(super) fn flush(&self, state: PlanState) {
        self.cancel();
        if !self.dirty.get_value() || !state.save.with_untracked(SaveState::may_write) {
            return;
        }
        let Some(result) = state.with_store(|store| {
            let now = io::now();
            let (id, text) = state
                .plan
                .with_untracked(|plan| (plan.id.clone(), encode(plan, now)));
            let base = state.revision.get_value();
            let revision = store.save(&id, &text, &base, io::new_id())?;
            state.revision.set_value(revision);
            // The list of plans is an index: it follows the plan it describes, merged with
            // what other tabs stored.
            let mut library = state.library.get_untracked();
            state.plan.with_untracked(|plan| library.saved(plan, now));
            library.open = Some(id);
            state.library.set(store.save_library(&library)?);
            Ok::<_, StorageFault>(now)
        }) else {
            return;
        };
        match result {
            Ok(at) => {
                self.dirty.set_value(false);
                self.unsaved_since.set_value(None);
                state.save.set(SaveState::Saved(at));
                state.after_save();
            }
            Err(StorageFault::Quota) => {
                // Old private windows refuse every write with a quota error: "full" while
                // holding nothing means this browser does not save at all.
                let used = state.with_store(|s| s.used_units()).unwrap_or(0);
                state.usage.set(Some(used));
                state.save.set(if used < NOTHING_STORED_UNITS {
                    SaveState::MemoryOnly(StorageFault::Unavailable)
                } else {
                    SaveState::Failed(StorageFault::Quota)
                });
            }
            Err(StorageFault::WriteMismatch) => {
                let id = state.plan.with_untracked(|p| p.id.clone());
                state
                    .backup_available
                    .set(state.with_store(|s| s.has_backup(&id)).unwrap_or(false));
                state
                    .save
                    .set(SaveState::Failed(StorageFault::WriteMismatch));
            }
            // Still dirty: the next edit or page hide tries again.
            Err(fault) => state.save.set(SaveState::Failed(fault)),
        }
    }

    pub(super) fn is_dirty(&self) -> bool {
        self.dirty.get_value()
    }

    pub(super) fn set_clean(&self) {
        self.dirty.set_value(false);
        self.unsaved_since.set_value(None);
    }
}

/// Flushes pending edits whenever the page may be about to go away.
pub fn flush_on_leave(state: PlanState) {
    let on_hide = move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            state.flush();
        }
    };
    // visibilitychange bubbles from the document to the window. The listeners live as long as
    // the page, so their handles are not kept.
    let _ = window_event_listener(leptos::ev::visibilitychange, on_hide);
    let _ = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
}
