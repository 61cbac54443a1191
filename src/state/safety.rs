//! Device hygiene: quick exit, locking the app on this device, and forgetting everything.

use leptos::prelude::*;

use super::{tabs, PlanState, SaveState};
use crate::io;
use crate::model::library::Library;
use crate::model::tabs::TabSignal;
use crate::model::Plan;
use crate::storage::{PlanStore, Settings};

/// What a lock passphrase seals, to be recognised when it is opened again.
const LOCK_TEXT: &str = "partnership-planner-lock";

/// Where "Quick exit" goes: a neutral page that says nothing about the app.
pub const EXIT_URL: &str = "https://www.google.com/";

impl PlanState {
    pub fn set_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(change);
        let settings = self.settings.get_untracked();
        if let Some(Err(fault)) = self.with_store(|s| s.save_settings(&settings)) {
            self.save.set(SaveState::Failed(fault));
        }
    }

    /// Saves what is pending, then locks: the app shows only its lock screen until unlocked,
    /// here and at the next visit. With a passphrase, unlocking asks for it (the UI checks its
    /// strength first: `model::passphrase`). A file waiting for its passphrase or in preview
    /// (perhaps a protected file's plain text) is dropped.
    pub async fn lock(&self, passphrase: Option<String>) -> Result<(), String> {
        self.flush();
        self.sealed.set(None);
        self.preview.set(None);
        let check = match passphrase.filter(|p| !p.is_empty()) {
            Some(p) => Some(crate::io::crypto::seal(LOCK_TEXT, &p).await?),
            None => None,
        };
        self.set_settings(|s| {
            s.locked = true;
            s.lock_check = check;
        });
        // Every other tab locks too, with the lock just stored.
        tabs::announce(&TabSignal::Lock);
        Ok(())
    }

    /// Another tab locked this device (`signalled`), or changed the stored settings: if they
    /// say locked, or it was signalled, save what is pending and lock here with the lock it
    /// stored (or, if that cannot be read, lock all the same).
    pub(super) fn lock_here(&self, signalled: bool) {
        // A forgotten tab holds nothing to hide.
        if self.settings.with_untracked(|s| s.locked) || self.forgotten.get_untracked() {
            return;
        }
        let stored = self.with_store(PlanStore::settings).filter(|s| s.locked);
        if stored.is_none() && !signalled {
            return;
        }
        self.flush();
        self.settings.update(|s| match stored {
            Some(stored) => *s = stored,
            None => s.locked = true,
        });
    }

    /// Unlocks if the passphrase (when one was set) is right.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), String> {
        if let Some(check) = self.settings.with_untracked(|s| s.lock_check.clone()) {
            match crate::io::crypto::open(&check, passphrase).await {
                Ok(text) if text == LOCK_TEXT => {}
                _ => return Err(crate::lang::tr("Wrong passphrase.").into()),
            }
        }
        self.set_settings(|s| {
            s.locked = false;
            s.lock_check = None;
        });
        Ok(())
    }

    /// Removes every key the app wrote in this browser and starts over with an empty plan.
    /// Every other open tab drops its plan unsaved and writes nothing more until its user
    /// starts anew there (`forgotten_elsewhere`).
    pub fn forget_device(&self) -> Result<(), String> {
        self.autosave.cancel();
        self.autosave.set_clean();
        tabs::announce(&TabSignal::Forget { at: io::now() });
        let result = self.with_store(|s| s.forget_all());
        if let Some(Err(fault)) = result {
            return Err(fault.explain());
        }
        self.drop_everything();
        self.usage.set(self.with_store(PlanStore::used_units));
        Ok(())
    }

    /// Another tab forgot this device. This tab drops its plan and everything else unsaved,
    /// lets go of storage (so no save, flush on leaving or stray edit can write), and shows
    /// only "This device was forgotten in another tab" until the user starts anew. With
    /// `sweep`, it removes once more whatever the app stored, in case it wrote in the moment
    /// before it heard.
    pub(super) fn forgotten_elsewhere(&self, sweep: bool) {
        if self.forgotten.get_untracked() {
            return;
        }
        self.autosave.cancel();
        self.autosave.set_clean();
        if sweep {
            let _ = self.with_store(|s| s.forget_all());
        }
        self.store.set_value(None);
        self.forgotten.set(true);
        self.drop_everything();
    }

    /// After "This device was forgotten in another tab": the app starts again as on a new
    /// visit (a reload), with whatever is stored by then, and saves from the first edit.
    pub fn start_anew(&self) {
        let _ = window().location().reload();
    }

    /// Drops every plan, setting and message this tab holds, for an empty plan.
    fn drop_everything(&self) {
        self.library.set(Library::default());
        self.settings.set(Settings::default());
        self.notice.set(None);
        self.preview.set(None);
        self.sealed.set(None);
        self.import_outcome.set(None);
        self.synced.set(false);
        self.backup_available.set(false);
        self.switch_to(Plan::new(io::new_id(), io::now()), SaveState::Untouched);
    }
}

/// Hides the page at once and replaces it (and its history entry) with a neutral site. Every
/// other open tab of the app leaves too.
pub fn quick_exit() {
    tabs::announce(&TabSignal::QuickExit);
    leave();
}

/// Leaves as Quick exit does, without telling the other tabs (one of them told this one).
pub(super) fn leave() {
    if let Some(body) = document().body() {
        body.set_hidden(true);
    }
    document().set_title("Google");
    let _ = window().location().replace(EXIT_URL);
}
