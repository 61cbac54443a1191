//! A new version of the app, deployed since this page opened (docs/offline.md). The service
//! worker (`io::worker`) installs it in the background; the app says so and changes nothing
//! until the user chooses "Reload to update", which saves the plan first.

use leptos::prelude::*;

use super::PlanState;
use crate::io::worker;

/// Shared through context.
#[derive(Clone, Copy)]
pub struct NewVersion {
    /// A new version is installed and waits for the user's word.
    pub ready: RwSignal<bool>,
    /// Why "Reload to update" did not reload: the plan could not be saved.
    pub blocked: RwSignal<Option<&'static str>>,
}

impl NewVersion {
    /// Registers the worker; `ready` turns on when a new version waits.
    pub fn start() -> Self {
        let ready = RwSignal::new(false);
        worker::register(move || ready.set(true));
        Self {
            ready,
            blocked: RwSignal::new(None),
        }
    }

    /// "Reload to update": saves what is pending, then lets the new version take over and
    /// reloads. If the plan could not be saved, it does not reload (that would lose the edits)
    /// and says why.
    pub fn reload(&self, state: PlanState) {
        state.flush();
        // Edits still unsaved after the flush: storage is full, blocked or not ours to write.
        if state.autosave.is_dirty() {
            // The English key: the notice translates it where it is shown.
            self.blocked.set(Some(crate::en!(
                "Your latest changes could not be saved on this device, so the page was not \
                 reloaded. Export the plan first, then reload."
            )));
            return;
        }
        self.blocked.set(None);
        worker::update_and_reload();
    }
}
