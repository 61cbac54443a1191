//! Device hygiene: quick exit, locking the app on this device, and forgetting everything.

use leptos::prelude::*;

use super::{PlanState, SaveState};
use crate::io;
use crate::model::library::Library;
use crate::model::Plan;
use crate::storage::Settings;

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
        Ok(())
    }

    /// Unlocks if the passphrase (when one was set) is right.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), String> {
        if let Some(check) = self.settings.with_untracked(|s| s.lock_check.clone()) {
            match crate::io::crypto::open(&check, passphrase).await {
                Ok(text) if text == LOCK_TEXT => {}
                _ => return Err("Wrong passphrase.".into()),
            }
        }
        self.set_settings(|s| {
            s.locked = false;
            s.lock_check = None;
        });
        Ok(())
    }

    /// Removes every key the app wrote in this browser and starts over with an empty plan.
    pub fn forget_device(&self) -> Result<(), String> {
        self.autosave.set_clean();
        let result = self.with_store(|s| s.forget_all());
        if let Some(Err(fault)) = result {
            return Err(fault.explain());
        }
        self.library.set(Library::default());
        self.settings.set(Settings::default());
        self.notice.set(None);
        self.preview.set(None);
        self.import_outcome.set(None);
        self.switch_to(Plan::new(io::new_id(), io::now()), SaveState::Untouched);
        self.usage
            .set(self.with_store(crate::storage::PlanStore::used_units));
        Ok(())
    }
}

/// Hides the page at once and replaces it (and its history entry) with a neutral site.
pub fn quick_exit() {
    if let Some(body) = document().body() {
        body.set_hidden(true);
    }
    document().set_title("Google");
    let _ = window().location().replace(EXIT_URL);
}
