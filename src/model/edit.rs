//! Every change to a plan as a value. `Plan::apply` performs one and returns the edit that
//! undoes it, which is all undo and redo need (see `history`).

use super::items::{Field, FieldValue, ListKind, Removed};
use super::kinds::Pillar;
use super::mou::MouChoices;
use super::plan::Plan;
use super::time::Millis;
use crate::content::FunctionKind;

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Name(String),
    Answer {
        id: String,
        text: String,
    },
    Function {
        kind: FunctionKind,
        selected: bool,
    },
    FunctionNote {
        kind: FunctionKind,
        note: String,
    },
    FunctionPillar {
        kind: FunctionKind,
        pillar: Pillar,
        on: bool,
    },
    Check {
        id: String,
        done: bool,
    },
    Score {
        id: String,
        value: Option<u8>,
    },
    Field {
        id: String,
        field: Field,
        value: FieldValue,
    },
    Add {
        list: ListKind,
        id: String,
    },
    Remove {
        list: ListKind,
        id: String,
    },
    Restore(Removed),
    Move {
        list: ListKind,
        id: String,
        delta: isize,
    },
    /// The whole plan at once (opening a file in place of the open plan).
    Replace(Box<Plan>),
    /// The MOU page's choices, all at once (they are few).
    Mou(Box<MouChoices>),
    /// A self-assessment round set (added, or its aggregate changed) or, with `None`, taken out.
    Round {
        id: String,
        round: Option<Box<super::assessment::Round>>,
    },
}

/// The part of a plan an edit touched, so that the screens showing it, and only those, redraw:
/// a keystroke in one of 2,000 action items must not re-run the other 1,999.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Something outside the lists: the name, an answer, a function, a checklist or a score.
    Plan,
    /// A field of one list item.
    Item(ListKind, String),
    /// Which items a list holds, or their order: `id` was added, removed, put back or moved.
    List(ListKind, String),
    /// The whole plan was replaced.
    Everything,
}

/// The one text an edit changes, so that typing in it is one undo step (`Edit::target`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Name,
    Answer(String),
    FunctionNote(FunctionKind),
    Field(String, Field),
}

impl Edit {
    pub fn scope(&self) -> Scope {
        match self {
            Edit::Field { id, field, .. } => Scope::Item(field.list(), id.clone()),
            Edit::Add { list, id } | Edit::Remove { list, id } | Edit::Move { list, id, .. } => {
                Scope::List(*list, id.clone())
            }
            Edit::Restore(removed) => Scope::List(removed.list(), removed.id().to_owned()),
            Edit::Replace(_) => Scope::Everything,
            Edit::Name(_)
            | Edit::Answer { .. }
            | Edit::Function { .. }
            | Edit::FunctionNote { .. }
            | Edit::FunctionPillar { .. }
            | Edit::Check { .. }
            | Edit::Score { .. }
            | Edit::Mou(_)
            | Edit::Round { .. } => Scope::Plan,
        }
    }

    /// What the edit changes, for merging a burst of keystrokes in one field into one undo
    /// step. `None` for edits that are always their own step.
    pub fn target(&self) -> Option<Target> {
        match self {
            Edit::Name(_) => Some(Target::Name),
            Edit::Answer { id, .. } => Some(Target::Answer(id.clone())),
            Edit::FunctionNote { kind, .. } => Some(Target::FunctionNote(*kind)),
            Edit::Field { id, field, .. } => Some(Target::Field(id.clone(), *field)),
            _ => None,
        }
    }
}

/// Which entry (`model::stamp`) an edit changes, for its revision stamp.
enum Entry {
    Edited(String),
    /// A list item removed: its stamp becomes a tombstone.
    Removed(String),
    /// The whole plan, which brings its own stamps.
    Whole,
}

impl Edit {
    fn entry(&self) -> Entry {
        use super::stamp::{key, order_key};
        let function = |kind: &FunctionKind| {
            let name = serde_json::to_value(kind).unwrap_or_default();
            key("functions", name.as_str().unwrap_or_default())
        };
        match self {
            Edit::Name(_) => Entry::Edited("name".into()),
            Edit::Mou(_) => Entry::Edited("mou".into()),
            Edit::Answer { id, .. } => Entry::Edited(key("answers", id)),
            Edit::Function { kind, .. }
            | Edit::FunctionNote { kind, .. }
            | Edit::FunctionPillar { kind, .. } => Entry::Edited(function(kind)),
            Edit::Check { id, .. } => Entry::Edited(key("checks", id)),
            Edit::Score { id, .. } => Entry::Edited(key("scores", id)),
            Edit::Field { id, field, .. } => Entry::Edited(key(field.list().key(), id)),
            Edit::Add { list, id } => Entry::Edited(key(list.key(), id)),
            Edit::Restore(removed) => Entry::Edited(key(removed.list().key(), removed.id())),
            Edit::Remove { list, id } => Entry::Removed(key(list.key(), id)),
            Edit::Move { list, .. } => Entry::Edited(order_key(list.key())),
            Edit::Replace(_) => Entry::Whole,
            Edit::Round { id, round: Some(_) } => Entry::Edited(key("assessments", id)),
            Edit::Round { id, round: None } => Entry::Removed(key("assessments", id)),
        }
    }
}

impl Plan {
    /// Applies `edit`. Returns the edit that undoes it, `None` when nothing changed, or the
    /// reason a value was refused (nothing changes then either).
    pub fn apply(&mut self, edit: Edit, now: Millis) -> Result<Option<Edit>, String> {
        let entry = edit.entry();
        // Each arm returns the inverse and whether anything changed. (Edit times cannot tell:
        // two edits in the same millisecond leave `modified` as it was.)
        let (inverse, changed) = match edit {
            Edit::Name(name) => {
                let changed = self.name != super::plan::clean_text(&name);
                let old = Edit::Name(self.name.clone());
                self.set_name(&name, now);
                (old, changed)
            }
            Edit::Answer { id, text } => {
                let old = self.answer(&id).to_owned();
                let changed = old != super::plan::clean_text(&text);
                self.set_answer(&id, &text, now);
                (Edit::Answer { text: old, id }, changed)
            }
            Edit::Function { kind, selected } => {
                let was = self.has_function(kind);
                self.set_function(kind, selected, now);
                (
                    Edit::Function {
                        kind,
                        selected: was,
                    },
                    was != selected,
                )
            }
            Edit::FunctionNote { kind, note } => {
                let old = self
                    .function(kind)
                    .map(|f| f.note.clone())
                    .unwrap_or_default();
                let changed = old != note;
                self.set_function_note(kind, &note, now);
                (Edit::FunctionNote { kind, note: old }, changed)
            }
            Edit::FunctionPillar { kind, pillar, on } => {
                let was = self
                    .function(kind)
                    .is_some_and(|f| f.pillars.contains(&pillar));
                self.set_function_pillar(kind, pillar, on, now);
                (
                    Edit::FunctionPillar {
                        kind,
                        pillar,
                        on: was,
                    },
                    was != on,
                )
            }
            Edit::Check { id, done } => {
                let was = self.is_checked(&id);
                self.set_check(&id, done, now);
                (Edit::Check { done: was, id }, was != done)
            }
            Edit::Score { id, value } => {
                let was = self.score(&id);
                self.set_score(&id, value, now);
                let changed = self.score(&id) != was;
                (Edit::Score { value: was, id }, changed)
            }
            Edit::Field { id, field, value } => {
                let old = self
                    .field(&id, field)
                    .ok_or_else(|| crate::lang::tr("no such item").to_owned())?;
                self.set_field(&id, field, value, now)?;
                let changed = self.field(&id, field).as_ref() != Some(&old);
                (
                    Edit::Field {
                        id,
                        field,
                        value: old,
                    },
                    changed,
                )
            }
            Edit::Add { list, id } => {
                if self.item_ids(list).contains(&id) {
                    return Err(crate::lang::tr("an item with this id exists").to_owned());
                }
                self.add_item(list, id.clone(), now);
                (Edit::Remove { list, id }, true)
            }
            Edit::Remove { list, id } => match self.remove_item(list, &id, now) {
                Some(removed) => (Edit::Restore(removed), true),
                None => return Ok(None),
            },
            Edit::Restore(removed) => {
                let (list, id) = (removed.list(), removed.id().to_owned());
                let done = self.restore_item(removed, now);
                (Edit::Remove { list, id }, done)
            }
            Edit::Move { list, id, delta } => {
                let moved = self.move_item(list, &id, delta, now);
                (
                    Edit::Move {
                        list,
                        id,
                        delta: -delta,
                    },
                    moved,
                )
            }
            Edit::Mou(mut choices) => {
                let changed = *choices != self.mou;
                if changed {
                    choices.modified = now;
                    self.modified = now;
                }
                let old = std::mem::replace(&mut self.mou, *choices);
                (Edit::Mou(Box::new(old)), changed)
            }
            Edit::Round { id, round } => {
                let at = self.assessments.iter().position(|r| r.id == id);
                let old = at.map(|i| Box::new(self.assessments[i].clone()));
                let changed = old != round;
                match (at, round) {
                    (Some(i), Some(r)) => self.assessments[i] = *r,
                    (None, Some(r)) => self.assessments.push(*r),
                    (Some(i), None) => {
                        self.assessments.remove(i);
                    }
                    (None, None) => {}
                }
                if changed {
                    self.modified = now;
                }
                (Edit::Round { id, round: old }, changed)
            }
            Edit::Replace(plan) => {
                let old = std::mem::replace(self, *plan);
                // The device's editor stays: it is not part of any plan.
                self.editor = old.editor.clone();
                let changed = old != *self;
                (Edit::Replace(Box::new(old)), changed)
            }
        };
        if changed {
            match entry {
                Entry::Edited(key) => self.touch(&key, now),
                Entry::Removed(key) => self.bury(&key, now),
                Entry::Whole => {}
            }
        }
        Ok(changed.then_some(inverse))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::items::{ActionField, Field, FundingField, MemberField};
    use serde_json::{json, Value};

    /// Applying an edit and then its inverse gives back the plan (apart from edit times).
    fn round_trip(plan: &mut Plan, edit: Edit) {
        let before = plan.clone();
        let inverse = plan
            .apply(edit.clone(), 10)
            .expect("applies")
            .expect("changes");
        assert_ne!(*plan, before, "{edit:?} changed nothing");
        let again = plan
            .apply(inverse, 20)
            .expect("undoes")
            .expect("changes back");
        let mut back = plan.clone();
        let _ = plan.apply(again, 30);
        strip_times(&mut back);
        let mut expected = before;
        strip_times(&mut expected);
        assert_eq!(back, expected, "undo of {edit:?}");
    }

    fn strip_times(p: &mut Plan) {
        let mut v = serde_json::to_value(&*p).unwrap_or_default();
        // An emptied answer, an unticked box or an unselected function is kept as an entry
        // (so a merge sees the change) but means the same as none.
        fn walk(v: &mut Value) {
            match v {
                Value::Object(o) => {
                    o.remove("modified");
                    // Undo is a newer edit: its stamp differs, its content does not.
                    o.remove("stamps");
                    o.remove("tombstones");
                    o.retain(|_, x| {
                        !(x.get("text") == Some(&json!(""))
                            || x.get("done") == Some(&json!(false))
                            || (x.get("selected") == Some(&json!(false))
                                && x.get("note") == Some(&json!(""))
                                && x.get("pillars") == Some(&json!([]))))
                    });
                    o.values_mut().for_each(walk);
                }
                Value::Array(a) => {
                    a.retain(|x| {
                        !(x.get("selected") == Some(&json!(false))
                            && x.get("note") == Some(&json!(""))
                            && x.get("pillars") == Some(&json!([])))
                    });
                    a.iter_mut().for_each(walk)
                }
                _ => {}
            }
        }
        walk(&mut v);
        v["created"] = json!(0);
        *p = Plan::new("x".into(), 0);
        // Compare through JSON: the same shape with times removed.
        p.name = v.to_string();
    }

    #[test]
    fn every_edit_is_undone_by_its_inverse() {
        let mut p = Plan::new("p".into(), 1);
        p.add_item(ListKind::Members, "m".into(), 1);
        p.add_item(ListKind::Members, "n".into(), 1);
        p.set_function(FunctionKind::RaiseAwareness, true, 1);
        let edits = [
            Edit::Name("Coalition".into()),
            Edit::Answer {
                id: "define.vision".into(),
                text: "Freedom".into(),
            },
            Edit::Function {
                kind: FunctionKind::ShareInformation,
                selected: true,
            },
            Edit::FunctionNote {
                kind: FunctionKind::RaiseAwareness,
                note: "Posters".into(),
            },
            Edit::FunctionPillar {
                kind: FunctionKind::RaiseAwareness,
                pillar: Pillar::Prevention,
                on: true,
            },
            Edit::Check {
                id: "survivors.principle.safety".into(),
                done: true,
            },
            Edit::Score {
                id: "health.purpose.goals".into(),
                value: Some(4),
            },
            Edit::Field {
                id: "m".into(),
                field: Field::Members(MemberField::Name),
                value: FieldValue::Text("Alpha".into()),
            },
            Edit::Add {
                list: ListKind::Goals,
                id: "g".into(),
            },
            Edit::Move {
                list: ListKind::Members,
                id: "n".into(),
                delta: -1,
            },
            Edit::Remove {
                list: ListKind::Members,
                id: "m".into(),
            },
            Edit::Replace(Box::new(Plan::new("other".into(), 5))),
        ];
        for edit in edits {
            round_trip(&mut p, edit);
        }
    }

    #[test]
    fn no_op_and_refused_edits_have_no_inverse() {
        let mut p = Plan::new("p".into(), 1);
        assert_eq!(p.apply(Edit::Name(String::new()), 2), Ok(None));
        assert_eq!(
            p.apply(
                Edit::Remove {
                    list: ListKind::Goals,
                    id: "none".into()
                },
                2
            ),
            Ok(None)
        );
        p.add_item(ListKind::Funding, "f".into(), 1);
        let bad = Edit::Field {
            id: "f".into(),
            field: Field::Funding(FundingField::Amount),
            value: FieldValue::Text("-5".into()),
        };
        assert!(p.apply(bad, 2).is_err());
    }

    #[test]
    fn each_edit_names_what_it_touched() {
        let mut p = Plan::new("p".into(), 1);
        let add = Edit::Add {
            list: ListKind::Actions,
            id: "a".into(),
        };
        assert_eq!(add.scope(), Scope::List(ListKind::Actions, "a".into()));
        let remove = p.apply(add, 2).ok().flatten();
        assert_eq!(
            remove.map(|e| e.scope()),
            Some(Scope::List(ListKind::Actions, "a".into()))
        );
        let field = Edit::Field {
            id: "a".into(),
            field: Field::Actions(ActionField::What),
            value: FieldValue::Text("Book the trainer".into()),
        };
        assert_eq!(field.scope(), Scope::Item(ListKind::Actions, "a".into()));
        // Undoing a removal puts the item back: the list changed, and says which item.
        let restore = p
            .apply(
                Edit::Remove {
                    list: ListKind::Actions,
                    id: "a".into(),
                },
                3,
            )
            .ok()
            .flatten();
        assert_eq!(
            restore.map(|e| e.scope()),
            Some(Scope::List(ListKind::Actions, "a".into()))
        );
        assert_eq!(Edit::Name("n".into()).scope(), Scope::Plan);
        assert_eq!(
            Edit::Replace(Box::new(Plan::new("q".into(), 1))).scope(),
            Scope::Everything
        );
    }
}
