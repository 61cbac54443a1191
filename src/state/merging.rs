//! Merging a colleague's copy into the open plan (`model::merge`): the common ancestor from the
//! copies this device kept, the review on `#/merge`, Apply merge as one undoable step, and
//! Undo merge.

use leptos::prelude::*;

use super::{ImportOutcome, PlanState};
use crate::io;
use crate::model::merge::{merge, Merge, Resolution};
use crate::model::{decode, encode, Edit, Plan};

/// A colleague's copy under review.
#[derive(Clone, Debug)]
pub struct MergeReview {
    /// Where it came from (the file's name).
    pub source: String,
    /// Who sent it, as they named themselves ("the fiscal agent"), or "".
    pub sender: String,
    pub theirs: Plan,
    pub merge: Merge,
}

impl MergeReview {
    /// "the fiscal agent's copy", or "the sender's copy", in the language the app speaks now.
    pub fn whose(&self) -> String {
        if self.sender.is_empty() {
            crate::lang::tr("the sender\u{2019}s copy").to_owned()
        } else {
            crate::tr!("{sender}\u{2019}s copy", sender = self.sender)
        }
    }
}

/// The label of whoever made the copy's latest edit, as they named themselves.
pub fn sender_of(plan: &Plan) -> String {
    plan.stamps
        .values()
        .map(|s| (s.at, &s.by))
        .chain(plan.tombstones.values().map(|t| (t.at, &t.by)))
        .filter(|(_, by)| !by.is_empty())
        .max()
        .map(|(_, by)| by.clone())
        .unwrap_or_default()
}

impl PlanState {
    /// Whether the previewed file is a copy of the open plan (the same `plan_id`).
    pub fn preview_is_same_plan(&self) -> bool {
        let Some(id) = self
            .preview
            .with_untracked(|p| p.as_ref().map(|p| p.decoded.plan.plan_id.clone()))
        else {
            return false;
        };
        self.plan.with_untracked(|p| p.plan_id == id)
    }

    /// Another plan on this device that the previewed file is a copy of (not the open plan):
    /// its id and name.
    pub fn preview_copy_elsewhere(&self) -> Option<(String, String)> {
        let plan_id = self
            .preview
            .with_untracked(|p| p.as_ref().map(|p| p.decoded.plan.plan_id.clone()))?;
        let open = self.plan.with_untracked(|p| p.id.clone());
        self.library.with_untracked(|l| {
            l.copy_of(&plan_id, &open, |id| {
                self.with_store(|s| s.plan_id_of(id)).flatten()
            })
            .map(|e| (e.id.clone(), e.name.clone()))
        })
    }

    /// "Merge into this plan" for a file whose plan is on this device but not open: opens
    /// that plan, then merges as `import_merge` does. Returns whether there is something to
    /// review.
    pub fn import_merge_into(&self, id: &str) -> bool {
        self.open_plan(id);
        if self.plan.with_untracked(|p| p.id != id) || !self.preview_is_same_plan() {
            // It could not be opened (the reason is shown); the preview stays for another choice.
            return false;
        }
        self.import_merge()
    }

    /// The copy both sides last had: among the exports and imports the file has taken in, the
    /// newest this device kept for the open plan.
    fn ancestor_for(&self, theirs: &Plan) -> Option<Plan> {
        let id = self.plan.with_untracked(|p| p.id.clone());
        let kept = self.with_store(|s| s.ancestors(&id)).unwrap_or_default();
        kept.into_iter()
            .rev()
            .find(|(export, _)| theirs.export_id == *export || theirs.taken_in.contains(export))
            .and_then(|(_, text)| decode(&text).ok())
            .map(|d| d.plan)
    }

    /// "Merge into this plan": compares the previewed file with the open plan. A file with
    /// nothing new says so and changes nothing; otherwise the review opens (`#/merge`).
    /// Returns whether there is something to review.
    pub fn import_merge(&self) -> bool {
        let Some(preview) = self.preview.get_untracked() else {
            return false;
        };
        self.flush();
        let theirs = preview.decoded.plan;
        let ancestor = self.ancestor_for(&theirs);
        let editor = self.editor();
        self.plan.update_untracked(|p| p.editor = editor);
        let result = self
            .plan
            .with_untracked(|mine| merge(mine, &theirs, ancestor.as_ref()));
        self.preview.set(None);
        if result.nothing_new() {
            self.import_outcome.set(Some(ImportOutcome::NothingNew {
                source: preview.source,
            }));
            self.merge.set(None);
            self.next_in_queue();
            return false;
        }
        self.import_outcome.set(None);
        // Shared, not copied: the review holds two copies' worth of a large plan.
        self.merge.set(Some(std::sync::Arc::new(MergeReview {
            source: preview.source,
            sender: sender_of(&theirs),
            theirs,
            merge: result,
        })));
        true
    }

    /// "Apply merge": the merged plan, with each conflict settled as chosen, replaces the open
    /// plan in one undoable step; the plan as it was is kept for "Undo merge". A value typed by
    /// hand that does not fit is the error, and nothing changes.
    pub fn apply_merge(&self, choices: &[Resolution]) -> Result<(), String> {
        let Some(review) = self.merge.get_untracked() else {
            return Ok(());
        };
        let now = io::now();
        let mut merged = review.merge.resolve(choices, now, io::new_id)?;
        let previous = self.plan.get_untracked();
        merged.id = previous.id.clone();
        self.apply(Edit::Replace(Box::new(merged)))?;
        let applied = review.merge.changes.len() + review.merge.conflicts.len();
        self.import_outcome.set(Some(ImportOutcome::Merged {
            whose: review.whose(),
            applied,
            previous: Box::new(previous),
        }));
        self.merge.set(None);
        // The copy taken in becomes an ancestor once the screen has shown the outcome (autosave
        // writes the merged plan meanwhile).
        let state = *self;
        set_timeout(
            move || {
                state.keep_ancestor_of(&review.theirs);
                state.next_in_queue();
            },
            std::time::Duration::from_millis(50),
        );
        Ok(())
    }

    pub fn cancel_merge(&self) {
        self.merge.set(None);
        self.next_in_queue();
    }

    /// Brings the plan back exactly as it was before the merge.
    pub fn undo_merge(&self) {
        if let Some(ImportOutcome::Merged { previous, .. }) = self.import_outcome.get_untracked() {
            if self.apply(Edit::Replace(previous)).is_ok() {
                self.import_outcome.set(Some(ImportOutcome::Undone));
            }
        }
    }

    /// Keeps a copy that was taken in (`theirs`, as its file held it) as a future ancestor of
    /// the open plan.
    pub(super) fn keep_ancestor_of(&self, theirs: &Plan) {
        if theirs.export_id.is_empty() {
            return;
        }
        let id = self.plan.with_untracked(|p| p.id.clone());
        let text = encode(theirs, io::now());
        let _ = self.with_store(|s| s.keep_ancestor(&id, &theirs.export_id, &text));
    }

    /// The next of several files chosen or dropped together.
    pub fn next_in_queue(&self) {
        let next = self
            .queue
            .try_update(|q| (!q.is_empty()).then(|| q.remove(0)));
        if let Some(Some(file)) = next {
            let state = *self;
            let name = file.name();
            leptos::task::spawn_local(async move {
                let bytes = io::read_bytes(&file).await;
                state.read_import(name, bytes);
            });
        }
    }
}
