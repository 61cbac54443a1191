//! The partnership plan: what a coalition decides, section by section.
//!
//! Every list item carries a stable `id` and a `modified` time, so that two copies of a plan
//! that were emailed around can later be merged item by item.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::time::Millis;
use crate::content::{questions_for, FunctionKind, Section, QUESTIONS};

/// The longest answer or name kept; longer text in a file is refused, not cut.
pub const MAX_TEXT_CHARS: usize = 100_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    pub answers: BTreeMap<String, Answer>,
    /// The seed's six functions; a function absent from the list is not chosen.
    #[serde(default)]
    pub functions: Vec<FunctionChoice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// How much of a section has been answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Plan {
    pub fn new(id: String, now: Millis) -> Plan {
        Plan {
            id,
            name: String::new(),
            created: now,
            modified: now,
            answers: BTreeMap::new(),
            functions: Vec::new(),
        }
    }

    /// The name to show where the plan has not been named yet.
    pub fn display_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() {
            "Untitled partnership"
        } else {
            name
        }
    }

    pub fn set_name(&mut self, name: &str, now: Millis) {
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

    pub fn set_function(&mut self, kind: FunctionKind, selected: bool, now: Millis) {
        if self.has_function(kind) == selected {
            return;
        }
        match self.functions.iter_mut().find(|f| f.id == kind) {
            Some(f) => {
                f.selected = selected;
                f.modified = now;
            }
            None => self.functions.push(FunctionChoice {
                id: kind,
                selected,
                modified: now,
            }),
        }
        // Keep the seed's order, so files diff cleanly whatever order boxes were ticked in.
        self.functions.sort_by_key(|f| f.id);
        self.modified = now;
    }

    /// Answered / total for a section. Sections whose screens are not built yet count 0 of 0.
    pub fn progress(&self, section: Section) -> Progress {
        let mut answered = 0;
        let mut total = 0;
        if section == Section::Functions {
            total += 1;
            answered += usize::from(FunctionKind::ALL.iter().any(|&k| self.has_function(k)));
        }
        for q in questions_for(section) {
            // "Other" is optional: it counts when used, never against the user.
            if q.id == "functions.other" {
                continue;
            }
            total += 1;
            answered += usize::from(!self.answer(q.id).trim().is_empty());
        }
        Progress { answered, total }
    }

    /// Rules a decoded plan must meet beyond its shape. Returns the first problem as
    /// `(field path, what is wrong)`.
    pub fn check(&self) -> Result<(), (String, String)> {
        if self.name.chars().count() > 200 {
            return Err(("plan.name".into(), "is longer than 200 characters".into()));
        }
        if self.id.trim().is_empty() || self.id.len() > 100 {
            return Err(("plan.id".into(), "must be 1 to 100 characters".into()));
        }
        for (key, answer) in &self.answers {
            if !QUESTIONS.iter().any(|q| q.id == key) && !is_plausible_question_id(key) {
                return Err((
                    format!("plan.answers.{key}"),
                    "is not a question of this toolkit".into(),
                ));
            }
            if answer.text.chars().count() > MAX_TEXT_CHARS {
                return Err((
                    format!("plan.answers.{key}.text"),
                    format!("is longer than {MAX_TEXT_CHARS} characters"),
                ));
            }
        }
        for (i, f) in self.functions.iter().enumerate() {
            if self.functions[..i].iter().any(|g| g.id == f.id) {
                return Err((
                    format!("plan.functions[{i}].id"),
                    "appears twice (every item needs its own id)".into(),
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
    Section::from_slug(section).is_some()
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
        assert_eq!(p.functions.len(), 2, "unticking keeps the item, with its time");
    }

    #[test]
    fn progress_counts_answered_questions() {
        let mut p = plan();
        let empty = p.progress(Section::Define);
        assert_eq!(empty.answered, 0);
        assert!(empty.total >= 6);
        p.set_answer("define.vision", "  ", 2);
        assert_eq!(p.progress(Section::Define).answered, 0, "blank is not an answer");
        p.set_answer("define.vision", "Freedom", 3);
        assert_eq!(p.progress(Section::Define).answered, 1);
        assert_eq!(
            p.progress(Section::Functions),
            Progress {
                answered: 0,
                total: 1
            }
        );
        p.set_function(FunctionKind::ShareInformation, true, 4);
        assert_eq!(p.progress(Section::Functions).answered, 1);
        assert_eq!(p.progress(Section::Funding).total, 0);
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
        assert_eq!(p.check().map_err(|e| e.0), Err("plan.functions[1].id".into()));

        let mut p = plan();
        p.set_answer("define.future_question", "kept", 2);
        assert!(p.check().is_ok(), "answers to newer questions survive");
        p.set_answer("<script>", "x", 3);
        assert!(p.check().is_err());
    }
}
