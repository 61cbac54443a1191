//! Autosave: edits are written at most every `DELAY_MS` while typing, and at once when the page
//! is hidden or closed (`visibilitychange`, `pagehide`), the last moments a browser guarantees.

use std::time::Duration;

use leptos::prelude::*;

use super::PlanState;
use crate::io;
use crate::model::{encode, Millis};
use crate::storage::StorageFault;

const DELAY_MS: u64 = 400;

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
}

impl SaveState {
    /// The short line in the header's status region.
    pub fn label(&self) -> String {
        match self {
            SaveState::Untouched => "No changes yet".into(),
            SaveState::Restored => "Saved on this device".into(),
            SaveState::Pending => "Saving…".into(),
            SaveState::Saved(at) => format!("Saved at {}", io::local_time(*at)),
            SaveState::Failed(_) | SaveState::MemoryOnly(_) | SaveState::Protecting => {
                "Not saved on this device".into()
            }
        }
    }

    /// A problem the user must act on, for the alert banner.
    pub fn problem(&self) -> Option<String> {
        match self {
            SaveState::Failed(f) | SaveState::MemoryOnly(f) => Some(f.explain()),
            SaveState::Protecting => Some(
                "Changes are not being saved, so that the unreadable plan stored on this device \
                 is not written over. Download it, then export your work before closing."
                    .into(),
            ),
            _ => None,
        }
    }

    fn may_write(&self) -> bool {
        !matches!(self, SaveState::MemoryOnly(_) | SaveState::Protecting)
    }
}

#[derive(Clone, Copy)]
pub(super) struct Autosave {
    dirty: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Autosave {
    pub(super) fn new() -> Autosave {
        Autosave {
            dirty: StoredValue::new(false),
            timer: StoredValue::new(None),
        }
    }

    /// Marks the plan changed and makes sure a save is coming. While one is already scheduled,
    /// further keystrokes ride along with it instead of pushing it back, so steady typing is
    /// still saved every `DELAY_MS`.
    pub(super) fn schedule(&self, state: PlanState) {
        self.dirty.set_value(true);
        if !state.save.with_untracked(SaveState::may_write) {
            return;
        }
        state.save.set(SaveState::Pending);
        if self.timer.with_value(Option::is_some) {
            return;
        }
        let timer = self.timer;
        let handle = set_timeout_with_handle(
            move || {
                timer.set_value(None);
                state.flush();
            },
            Duration::from_millis(DELAY_MS),
        );
        self.timer.set_value(handle.ok());
    }

    /// Marks the open plan as needing a save without scheduling one (the caller flushes).
    pub(super) fn mark_dirty(&self) {
        self.dirty.set_value(true);
    }

    pub(super) fn flush(&self, state: PlanState) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if !self.dirty.get_value() || !state.save.with_untracked(SaveState::may_write) {
            return;
        }
        let Some(result) = state.with_store(|store| {
            let now = io::now();
            let (id, text) = state
                .plan
                .with_untracked(|plan| (plan.id.clone(), encode(plan, now)));
            store.save(&id, &text)?;
            // The list of plans is an index: it follows the plan it describes.
            let mut library = state.library.get_untracked();
            state.plan.with_untracked(|plan| library.saved(plan, now));
            library.open = Some(id);
            store.save_library(&library)?;
            state.library.set(library);
            Ok::<_, StorageFault>(now)
        }) else {
            return;
        };
        match result {
            Ok(at) => {
                self.dirty.set_value(false);
                state.save.set(SaveState::Saved(at));
            }
            // Still dirty: the next edit or page hide tries again.
            Err(fault) => state.save.set(SaveState::Failed(fault)),
        }
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
