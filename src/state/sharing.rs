//! Sharing a plan: export to a file or the clipboard, and import a file someone sent, through
//! a preview, as a new plan or in place of the open one (with "Undo import").

use leptos::prelude::*;

use super::{PlanState, SaveState};
use crate::io::{self, crypto};
use crate::model::ids::is_plain_id;
use crate::model::library::export_file_name;
use crate::model::sealed;
use crate::model::{
    compare, encode, encode_pretty, import_bytes, import_text, Comparison, Decoded, Edit,
    ImportError,
};

/// A readable file, shown before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// Where it came from ("front-range-2026-11-25.json", or "pasted text").
    pub source: String,
    pub decoded: Decoded,
    /// Against the open plan.
    pub comparison: Comparison,
}

/// A passphrase-protected file waiting for its passphrase.
#[derive(Clone, Debug, PartialEq)]
pub struct SealedFile {
    pub source: String,
    /// The file's text (the encrypted envelope).
    pub text: String,
}

/// What the last import did, for the message after it.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    Refused {
        source: String,
        error: ImportError,
    },
    OpenedAsNew {
        name: String,
    },
    /// The open plan was replaced; `previous` is what "Undo import" restores.
    Replaced {
        name: String,
        previous: Box<crate::model::Plan>,
    },
    Undone,
    /// "Merge into this plan" found nothing new in the file; nothing changed.
    NothingNew {
        source: String,
    },
    /// A colleague's copy was merged; `previous` is what "Undo merge" restores.
    Merged {
        whose: String,
        applied: usize,
        previous: Box<crate::model::Plan>,
    },
}

impl PlanState {
    /// The plan as the pretty-printed file people email, with a new export id; the copy is
    /// kept as the ancestor of a later merge with it.
    pub fn export_text(&self) -> String {
        self.new_export();
        self.plan.with_untracked(|p| encode_pretty(p, io::now()))
    }

    /// Gives the open plan a new export id, and keeps it, as exported, for merging later.
    fn new_export(&self) {
        let export = io::new_id();
        self.plan.update_untracked(|p| p.export_id = export.clone());
        let (id, text) = self
            .plan
            .with_untracked(|p| (p.id.clone(), encode(p, io::now())));
        let _ = self.with_store(|s| s.keep_ancestor(&id, &export, &text));
        self.autosave.mark_dirty();
        self.flush();
    }

    /// Downloads the plan as `<name>-<date>.json` and remembers when.
    pub fn export_plan(&self) -> Result<(), String> {
        self.flush();
        self.new_export();
        let now = io::now();
        let (name, text) = self.plan.with_untracked(|p| {
            (
                export_file_name(p, now, io::utc_offset(now)),
                encode_pretty(p, now),
            )
        });
        io::download(&name, &text, "application/json")?;
        self.mark_exported(now);
        Ok(())
    }

    /// Seals the plan with `passphrase` (`io::crypto`), padded to a multiple of 4 KiB, and
    /// downloads it as `partnership-plan-<date>.protected.json` (nothing of the plan in the
    /// name), unless `wanted()` says by then that the user cancelled. Returns the file's name,
    /// or `None` when cancelled.
    pub async fn export_protected(
        &self,
        passphrase: &str,
        wanted: impl Fn() -> bool,
    ) -> Result<Option<String>, String> {
        self.flush();
        let now = io::now();
        let text = self.export_text();
        let name = sealed::file_name(now, io::utc_offset(now));
        let file = crypto::seal(&sealed::pad(&text), passphrase).await;
        if !wanted() {
            return Ok(None);
        }
        io::download(&name, &file?, "application/json")?;
        self.mark_exported(now);
        Ok(Some(name))
    }

    /// Puts the same JSON on the clipboard, for pasting into an email.
    pub async fn copy_plan(&self) -> Result<(), String> {
        let text = self.export_text();
        io::copy_text(&text).await?;
        self.mark_exported(io::now());
        Ok(())
    }

    pub(crate) fn mark_exported(&self, at: crate::model::Millis) {
        let id = self.plan.with_untracked(|p| p.id.clone());
        // An export counts even for a plan not saved yet: make sure it is in the list.
        if self.library.with_untracked(|l| l.entry(&id).is_none()) {
            self.autosave.mark_dirty();
            self.flush();
        }
        self.library.update(|l| l.exported(&id, at));
        self.write_library(self.library.get_untracked());
    }

    /// Reads a file's bytes: a preview if it is a plan, a refusal (and nothing else) if not.
    pub fn read_import(&self, source: String, bytes: Result<Vec<u8>, ImportError>) {
        let result = bytes.and_then(|b| {
            let result = import_bytes(&b);
            if result == Err(ImportError::Encrypted) {
                // Ask for the passphrase (see ui::passphrase); nothing is refused yet.
                let text = String::from_utf8_lossy(&b).into_owned();
                self.sealed.set(Some(SealedFile {
                    source: source.clone(),
                    text,
                }));
            }
            result
        });
        if result != Err(ImportError::Encrypted) {
            self.sealed.set(None);
            self.show_import(source, result);
        }
    }

    /// Decrypts the protected file waiting for its passphrase (`io::crypto`) and reads it like
    /// any other file. Nothing happens if the file was cancelled or replaced meanwhile; a wrong
    /// passphrase or a damaged file is the error, in the user's words.
    pub async fn unlock_sealed(&self, passphrase: &str) -> Result<(), String> {
        let Some(file) = self.sealed.get_untracked() else {
            return Ok(());
        };
        let result = crypto::open(&file.text, passphrase).await;
        if self
            .sealed
            .try_with_untracked(|s| s.as_ref() != Some(&file))
            != Some(false)
        {
            return Ok(());
        }
        let plaintext = result.map_err(|e| e.to_string())?;
        self.sealed.set(None);
        self.show_import(file.source, import_text(&plaintext));
        Ok(())
    }

    pub fn cancel_sealed(&self) {
        self.sealed.set(None);
    }

    pub fn read_pasted(&self, text: &str) {
        self.read_import(
            crate::lang::tr("pasted text").into(),
            Ok(text.as_bytes().to_vec()),
        );
    }

    fn show_import(&self, source: String, result: Result<Decoded, ImportError>) {
        match result {
            Ok(decoded) => {
                let comparison = self
                    .plan
                    .with_untracked(|open| compare(open, &decoded.plan));
                self.import_outcome.set(None);
                self.preview.set(Some(Preview {
                    source,
                    decoded,
                    comparison,
                }));
            }
            Err(error) => {
                self.preview.set(None);
                self.import_outcome
                    .set(Some(ImportOutcome::Refused { source, error }));
                self.next_in_queue();
            }
        }
    }

    pub fn cancel_import(&self) {
        self.preview.set(None);
        self.next_in_queue();
    }

    /// The file's export is now taken in by the open plan: its id is noted, and the file kept
    /// as the ancestor of a later merge.
    fn take_in(&self, file: &crate::model::Plan) {
        if file.export_id.is_empty() {
            return;
        }
        self.plan.update_untracked(|p| {
            if !p.taken_in.contains(&file.export_id) {
                p.taken_in.push(file.export_id.clone());
            }
        });
        self.keep_ancestor_of(file);
    }

    /// Opens the previewed plan beside the others. A plan already on this device (same id) is
    /// opened as a copy with a new id, so nothing is overwritten; so is one whose id is not a
    /// short plain token (`model::ids`).
    pub fn import_as_new(&self) {
        let Some(preview) = self.preview.get_untracked() else {
            return;
        };
        self.flush();
        let file = preview.decoded.plan.clone();
        let mut plan = preview.decoded.plan;
        let id = plan.id.clone();
        // A file's id is kept only if it is a short plain token that nothing here uses: not
        // the index, not the open plan, and not storage, which may hold a plan the index does
        // not list (or cannot be read: then take no chance).
        let taken = !is_plain_id(&id)
            || self.library.with_untracked(|l| l.entry(&id).is_some())
            || self.plan.with_untracked(|p| p.id == id)
            || self
                .with_store(|s| s.has_plan(&id).unwrap_or(true) || !s.revision(&id).is_none())
                .unwrap_or(false);
        if taken {
            plan.id = io::new_id();
        }
        let name = plan.display_name().to_owned();
        self.switch_to(plan, SaveState::Untouched);
        self.take_in(&file);
        self.autosave.mark_dirty();
        self.flush();
        self.preview.set(None);
        self.import_outcome
            .set(Some(ImportOutcome::OpenedAsNew { name }));
        self.next_in_queue();
    }

    /// Replaces the open plan's content with the previewed plan (keeping the open plan's place
    /// on this device). The old content is kept for "Undo import".
    pub fn import_replace(&self) {
        let Some(preview) = self.preview.get_untracked() else {
            return;
        };
        let previous = self.plan.get_untracked();
        let file = preview.decoded.plan.clone();
        let mut incoming = preview.decoded.plan;
        incoming.id = previous.id.clone();
        let name = incoming.display_name().to_owned();
        if self.apply(Edit::Replace(Box::new(incoming))).is_ok() {
            self.take_in(&file);
            self.import_outcome.set(Some(ImportOutcome::Replaced {
                name,
                previous: Box::new(previous),
            }));
        }
        self.preview.set(None);
        self.next_in_queue();
    }

    pub fn undo_import(&self) {
        if let Some(ImportOutcome::Replaced { previous, .. }) = self.import_outcome.get_untracked()
        {
            if self.apply(Edit::Replace(previous)).is_ok() {
                self.import_outcome.set(Some(ImportOutcome::Undone));
            }
        }
    }
}
