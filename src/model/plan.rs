//! The partnership plan: what a coalition decides, section by section.
//!
//! Every list item carries a stable `id` and a `modified` time, so that two copies of a plan
//! that were emailed around can later be merged item by item.

use serde::{Deserialize, Serialize};

use super::items::{ops, *};
use super::keyed::Keyed;
use super::kinds::Pillar;
use super::mou::MouChoices;
use super::stamp::{Editor, Stamp, Tombstone};
use super::time::Millis;
use crate::content::{FunctionKind, Section, QUESTIONS};

/// The longest answer or name kept; longer text in a file is refused, not cut.
pub const MAX_TEXT_CHARS: usize = 100_000;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Stable id of the plan, kept across exports and imports.
    pub id: String,
    /// The partnership's name, shown in the header.
    pub name: String,
    pub created: Millis,
    pub modified: Millis,
    /// Free-text answers keyed by question id (see `content::QUESTIONS`).
    #[serde(default)]
    pub answers: Keyed<Answer>,
    /// The seed's six functions; a function absent from the list is not chosen.
    #[serde(default)]
    pub functions: Vec<FunctionChoice>,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub networks: Vec<Network>,
    #[serde(default)]
    pub roles: Vec<RoleAssignment>,
    #[serde(default)]
    pub subgroups: Vec<Subgroup>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub strategies: Vec<Strategy>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    #[serde(default)]
    pub funding: Vec<FundingSource>,
    #[serde(default)]
    pub resources: Vec<Resource>,
    /// Ticked checklist items (survivor engagement), keyed by checklist item id.
    #[serde(default)]
    pub checks: Keyed<Check>,
    /// Partnership health self-check scores (1 to 5), keyed by statement id.
    #[serde(default)]
    pub scores: Keyed<Score>,
    /// Meetings and their minutes (issue 17); left out of files while there are none, so
    /// version-1 files read and write as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    /// The MOU page's choices: parties, effective date, term. Left out of files until set.
    #[serde(default, skip_serializing_if = "MouChoices::is_unset")]
    pub mou: MouChoices,
    /// Shared by every copy of this plan, wherever it was emailed (schema 2): a file with the
    /// same `plan_id` can be merged into this plan (`model::merge`).
    #[serde(default)]
    pub plan_id: String,
    /// The id of the export this file is (empty in stored copies that were never exported).
    #[serde(default)]
    pub export_id: String,
    /// The ids of the exports and imports this copy has already taken in, oldest first: the
    /// device finds the common ancestor of two copies among them.
    #[serde(default)]
    pub taken_in: Vec<String>,
    /// A revision stamp for every entry a user edits (`model::stamp`), keyed by entry.
    #[serde(default)]
    pub stamps: Keyed<Stamp>,
    /// Removed list items, without content, keyed by entry (`members/m1`).
    #[serde(default)]
    pub tombstones: Keyed<Tombstone>,
    /// Self-assessment rounds asked of every member, with their aggregate results only
    /// (`model::assessment`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<super::assessment::Round>,
    /// Who edits on this device; never written, never compared.
    #[serde(skip)]
    pub editor: Editor,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub done: bool,
    pub modified: Millis,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// 1 (strongly disagree) to 5 (strongly agree).
    pub value: u8,
    pub modified: Millis,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub text: String,
    pub modified: Millis,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionChoice {
    /// The function itself doubles as the item's stable id: there is one of each.
    pub id: FunctionKind,
    pub selected: bool,
    pub modified: Millis,
    /// How the partnership will carry the function out.
    #[serde(default)]
    pub note: String,
    /// Which of the 4 Ps it serves.
    #[serde(default)]
    pub pillars: Vec<Pillar>,
}

/// Text as the plan keeps it: raw control characters (NUL, escape, …), which no keyboard types
/// but a paste can carry, are dropped; tabs and line breaks stay. Import refuses them.
pub fn clean_text(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if text.chars().any(bad) {
        text.chars().filter(|&c| !bad(c)).collect::<String>().into()
    } else {
        text.into()
    }
}

/// The name of a plan nobody has named yet.
pub const UNTITLED: &str = crate::en!("Untitled partnership");

impl Plan {
    pub fn new(id: String, now: Millis) -> Plan {
        Plan {
            plan_id: id.clone(),
            id,
            name: String::new(),
            created: now,
            modified: now,
            answers: Keyed::new(),
            functions: Vec::new(),
            members: Vec::new(),
            networks: Vec::new(),
            roles: Vec::new(),
            subgroups: Vec::new(),
            goals: Vec::new(),
            strategies: Vec::new(),
            actions: Vec::new(),
            funding: Vec::new(),
            resources: Vec::new(),
            checks: Keyed::new(),
            scores: Keyed::new(),
            meetings: Vec::new(),
            mou: MouChoices::default(),
            export_id: String::new(),
            taken_in: Vec::new(),
            stamps: Keyed::new(),
            tombstones: Keyed::new(),
            assessments: Vec::new(),
            editor: Editor::default(),
        }
    }

    /// The name to show where the plan has not been named yet (in the app's language).
    pub fn display_name(&self) -> &str {
        let name = self.stored_name();
        if name == UNTITLED {
            crate::lang::tr(UNTITLED)
        } else {
            name
        }
    }

    /// The name kept in the device's list of plans: the plan's own, or [`UNTITLED`] (English,
    /// translated where the list is shown), so the list does not depend on the language.
    pub fn stored_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() {
            UNTITLED
        } else {
            name
        }
    }

    pub fn set_name(&mut self, name: &str, now: Millis) {
        let name = &*clean_text(name);
        if self.name != name {
            self.name = name.to_owned();
            self.modified = now;
        }
    }

    pub fn answer(&self, question_id: &str) -> &str {
        self.answers
            .get(question_id)
            .map(|a| a.text.as_str())
            .unwrap_or("")
    }

    /// Records an answer. Clearing an answer keeps the entry (with empty text and a new time), so
    /// a later merge sees the clearing as the newer edit.
    pub fn set_answer(&mut self, question_id: &str, text: &str, now: Millis) {
        let text = &*clean_text(text);
        if self.answer(question_id) == text {
            return;
        }
        self.answers.insert(
            question_id.to_owned(),
            Answer {
                text: text.to_owned(),
                modified: now,
            },
        );
        self.modified = now;
    }

    pub fn has_function(&self, kind: FunctionKind) -> bool {
        self.functions.iter().any(|f| f.id == kind && f.selected)
    }

    pub fn function(&self, kind: FunctionKind) -> Option<&FunctionChoice> {
        self.functions.iter().find(|f| f.id == kind)
    }

    /// The function's entry, created (unticked) on first use.
    fn function_mut(&mut self, kind: FunctionKind, now: Millis) -> &mut FunctionChoice {
        if self.function(kind).is_none() {
            self.functions.push(FunctionChoice {
                id: kind,
                selected: false,
                modified: now,
                note: String::new(),
                pillars: Vec::new(),
            });
            // Keep the seed's order, so files diff cleanly whatever order boxes were ticked in.
            self.functions.sort_by_key(|f| f.id);
        }
        let i = self
            .functions
            .iter()
            .position(|f| f.id == kind)
            .unwrap_or(0);
        &mut self.functions[i]
    }

    pub fn set_function(&mut self, kind: FunctionKind, selected: bool, now: Millis) {
        if self.has_function(kind) == selected {
            return;
        }
        let f = self.function_mut(kind, now);
        f.selected = selected;
        f.modified = now;
        self.modified = now;
    }

    pub fn set_function_note(&mut self, kind: FunctionKind, note: &str, now: Millis) {
        let note = &*clean_text(note);
        if self.function(kind).map_or("", |f| f.note.as_str()) == note {
            return;
        }
        let f = self.function_mut(kind, now);
        f.note = note.to_owned();
        f.modified = now;
        self.modified = now;
    }

    pub fn set_function_pillar(
        &mut self,
        kind: FunctionKind,
        pillar: Pillar,
        on: bool,
        now: Millis,
    ) {
        if self
            .function(kind)
            .is_some_and(|f| f.pillars.contains(&pillar))
            == on
        {
            return;
        }
        let f = self.function_mut(kind, now);
        if on {
            f.pillars.push(pillar);
            f.pillars.sort();
        } else {
            f.pillars.retain(|p| *p != pillar);
        }
        f.modified = now;
        self.modified = now;
    }

    pub fn is_checked(&self, id: &str) -> bool {
        self.checks.get(id).is_some_and(|c| c.done)
    }

    pub fn set_check(&mut self, id: &str, done: bool, now: Millis) {
        if self.is_checked(id) != done {
            self.checks.insert(
                id.to_owned(),
                Check {
                    done,
                    modified: now,
                },
            );
            self.modified = now;
        }
    }

    pub fn score(&self, id: &str) -> Option<u8> {
        self.scores
            .get(id)
            .map(|s| s.value)
            .filter(|v| (1..=5).contains(v))
    }

    /// Records a 1–5 score; `None` clears it. Values outside 1–5 are ignored.
    pub fn set_score(&mut self, id: &str, value: Option<u8>, now: Millis) {
        if self.score(id) == value || value.is_some_and(|v| !(1..=5).contains(&v)) {
            return;
        }
        match value {
            Some(value) => {
                self.scores.insert(
                    id.to_owned(),
                    Score {
                        value,
                        modified: now,
                    },
                );
            }
            None => {
                self.scores.remove(id);
            }
        }
        self.modified = now;
    }

    // ---- lists, generically -------------------------------------------------------------------

    pub fn item_ids(&self, list: ListKind) -> Vec<String> {
        ops::ids(self.list(list))
    }

    /// One item as it would be written in a file (`Null` if there is no such item).
    pub fn item_value(&self, list: ListKind, id: &str) -> serde_json::Value {
        let items = self.list(list);
        ops::index(items, id).map_or(serde_json::Value::Null, |i| items.value(i))
    }

    /// The text naming an item in headings (empty while the item is blank).
    pub fn item_title(&self, list: ListKind, id: &str) -> String {
        let items = self.list(list);
        ops::index(items, id)
            .map(|i| items.title(i))
            .unwrap_or_default()
    }

    /// Each item's id and title, in list order (for `paging::shown`).
    pub fn item_titles(&self, list: ListKind) -> Vec<(String, String)> {
        let items = self.list(list);
        (0..items.len())
            .map(|i| (items.id(i).to_owned(), items.title(i)))
            .collect()
    }

    /// Where the item is in its list.
    pub fn item_index(&self, list: ListKind, id: &str) -> Option<usize> {
        ops::index(self.list(list), id)
    }

    pub fn item_count(&self, list: ListKind) -> usize {
        self.list(list).len()
    }

    /// One field of one item (`None` for a missing item).
    pub fn field(&self, id: &str, field: Field) -> Option<FieldValue> {
        let items = self.list(field.list());
        ops::index(items, id).and_then(|i| items.get(i, field))
    }

    /// Sets one field of one item. A value that does not fit the field is refused with the
    /// reason, and nothing changes.
    pub fn set_field(
        &mut self,
        id: &str,
        field: Field,
        value: FieldValue,
        now: Millis,
    ) -> Result<(), String> {
        let items = self.list_mut(field.list());
        let i = ops::index(items, id).ok_or_else(|| crate::lang::tr("no such item").to_owned())?;
        if items.set(i, field, value, now)? {
            self.modified = now;
        }
        Ok(())
    }

    /// Appends an item written as in a file (`{"id": "m1", "name": "Alpha"}`), or says why it
    /// does not fit; the plan's rules are not checked (for tests and generated plans).
    pub fn push_item_value(
        &mut self,
        list: ListKind,
        item: serde_json::Value,
    ) -> Result<(), String> {
        self.list_mut(list).push_value(item)
    }

    /// Appends a new, empty item with the given id.
    pub fn add_item(&mut self, list: ListKind, id: String, now: Millis) {
        self.list_mut(list).push_new(id, now);
        self.modified = now;
    }

    pub fn remove_item(&mut self, list: ListKind, id: &str, now: Millis) -> Option<Removed> {
        let removed = ops::remove(self.list_mut(list), id);
        if removed.is_some() {
            self.modified = now;
        }
        removed
    }

    /// Puts a removed item back where it was (undo). False if it cannot be (already back).
    pub fn restore_item(&mut self, removed: Removed, now: Millis) -> bool {
        let done = ops::restore(self.list_mut(removed.list()), removed);
        if done {
            self.modified = now;
        }
        done
    }

    pub fn move_item(&mut self, list: ListKind, id: &str, delta: isize, now: Millis) -> bool {
        let moved = ops::shift(self.list_mut(list), id, delta, now);
        if moved {
            self.modified = now;
        }
        moved
    }

    /// The name of a member organization by id, for references from other lists.
    pub fn member_name(&self, id: &str) -> Option<&str> {
        self.members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.as_str())
    }

    /// Rules a decoded plan must meet beyond its shape. Returns the first problem as
    /// `(field path, what is wrong)`.
    pub fn check(&self) -> Result<(), (String, String)> {
        if self.name.chars().count() > 200 {
            return Err((
                "plan.name".into(),
                crate::lang::tr("is longer than 200 characters").to_owned(),
            ));
        }
        if self.id.trim().is_empty() || self.id.len() > 100 {
            return Err((
                "plan.id".into(),
                crate::lang::tr("must be 1 to 100 characters").to_owned(),
            ));
        }
        if self.plan_id.trim().is_empty() || self.plan_id.len() > 100 {
            return Err((
                "plan.plan_id".into(),
                crate::lang::tr("must be 1 to 100 characters").to_owned(),
            ));
        }
        super::stamp::check(self)?;
        super::assessment::check_rounds(&self.assessments)?;
        if let Some(i) = (1..self.assessments.len()).find(|&i| {
            self.assessments[..i]
                .iter()
                .any(|r| r.id == self.assessments[i].id)
        }) {
            return Err((
                format!("plan.assessments[{i}].id"),
                crate::lang::tr("appears twice (every round needs its own id)").to_owned(),
            ));
        }
        for (key, answer) in &self.answers {
            if !QUESTIONS.iter().any(|q| q.id == key) && !is_plausible_question_id(key) {
                return Err((
                    format!("plan.answers.{key}"),
                    crate::lang::tr("is not a question of this toolkit").to_owned(),
                ));
            }
            if answer.text.chars().count() > MAX_TEXT_CHARS {
                return Err((
                    format!("plan.answers.{key}.text"),
                    crate::tr!("is longer than {max} characters", max = MAX_TEXT_CHARS),
                ));
            }
        }
        for list in ListKind::ALL {
            if let Some(i) = ops::duplicate_id(self.list(list)) {
                return Err((
                    format!("plan.{}[{i}].id", list.key()),
                    crate::lang::tr("appears twice (every item needs its own id)").to_owned(),
                ));
            }
        }
        super::rules::check_items(self)?;
        for (key, score) in &self.scores {
            if !(1..=5).contains(&score.value) {
                return Err((
                    format!("plan.scores.{key}.value"),
                    crate::lang::tr("must be from 1 to 5").to_owned(),
                ));
            }
        }
        for (i, f) in self.functions.iter().enumerate() {
            if self.functions[..i].iter().any(|g| g.id == f.id) {
                return Err((
                    format!("plan.functions[{i}].id"),
                    crate::lang::tr("appears twice (every item needs its own id)").to_owned(),
                ));
            }
        }
        Ok(())
    }
}

/// Answers to questions added by a later app version within the same schema are kept, so a
/// newer colleague's words survive a round trip through an older app; their ids must still look
/// like ids (`section.word`), never arbitrary text.
fn is_plausible_question_id(key: &str) -> bool {
    let Some((section, rest)) = key.split_once('.') else {
        return false;
    };
    (Section::from_slug(section).is_some() || section == "mou")
        && !rest.is_empty()
        && key.len() <= 64
        && rest
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan::new("p1".into(), 1_000)
    }

    #[test]
    fn answers_are_set_cleared_and_timed() {
        let mut p = plan();
        p.set_answer("define.definition", "A task force", 2_000);
        assert_eq!(p.answer("define.definition"), "A task force");
        assert_eq!(p.modified, 2_000);
        p.set_answer("define.definition", "A task force", 3_000);
        assert_eq!(p.modified, 2_000, "an unchanged answer is not an edit");
        p.set_answer("define.definition", "", 4_000);
        assert_eq!(p.answer("define.definition"), "");
        assert_eq!(p.answers["define.definition"].modified, 4_000);
    }

    #[test]
    fn functions_toggle_and_stay_in_seed_order() {
        let mut p = plan();
        p.set_function(FunctionKind::SurvivorEngagement, true, 2);
        p.set_function(FunctionKind::StrategicCoordination, true, 3);
        assert!(p.has_function(FunctionKind::SurvivorEngagement));
        let order: Vec<_> = p.functions.iter().map(|f| f.id).collect();
        assert_eq!(
            order,
            [
                FunctionKind::StrategicCoordination,
                FunctionKind::SurvivorEngagement
            ]
        );
        p.set_function(FunctionKind::SurvivorEngagement, false, 4);
        assert!(!p.has_function(FunctionKind::SurvivorEngagement));
        assert_eq!(
            p.functions.len(),
            2,
            "unticking keeps the item, with its time"
        );
    }

    #[test]
    fn display_name_falls_back() {
        let mut p = plan();
        assert_eq!(p.display_name(), "Untitled partnership");
        p.set_name("  Front Range Coalition ", 2);
        assert_eq!(p.display_name(), "Front Range Coalition");
    }

    #[test]
    fn check_refuses_duplicates_and_unknown_keys() {
        let mut p = plan();
        p.set_function(FunctionKind::ShareInformation, true, 2);
        p.functions.push(p.functions[0].clone());
        assert_eq!(
            p.check().map_err(|e| e.0),
            Err("plan.functions[1].id".into())
        );

        let mut p = plan();
        p.set_answer("define.future_question", "kept", 2);
        assert!(p.check().is_ok(), "answers to newer questions survive");
        p.set_answer("<script>", "x", 3);
        assert!(p.check().is_err());
    }
}
