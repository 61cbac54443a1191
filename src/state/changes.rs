//! What changed in the open plan, as a trigger per list item and per list, so that a keystroke
//! in one of 2,000 action items re-runs what shows that item and nothing else.
//!
//! `PlanState::plan` still notifies every reader of the whole plan (the overview, coverage, the
//! header). List editors read the plan untracked and follow these triggers instead; every change
//! to the plan goes through `PlanState`, which calls `notify` with the edit's `Scope`.

use leptos::prelude::*;

use crate::model::keyed::Keyed;
use crate::model::{ListKind, Scope};

const LISTS: usize = ListKind::ALL.len();

struct Triggers {
    /// One per item, by list and id, made when something first follows the item (a page of
    /// items at a time, so a sorted vector does: no hashing of ids that come from files).
    items: [Keyed<ArcTrigger>; LISTS],
    /// Which items a list holds, and in what order.
    order: [ArcTrigger; LISTS],
    /// Anything in a list: its order or any item's fields.
    content: [ArcTrigger; LISTS],
}

#[derive(Clone, Copy)]
pub struct Changes(StoredValue<Triggers>);

impl Changes {
    pub fn new() -> Changes {
        Changes(StoredValue::new(Triggers {
            items: std::array::from_fn(|_| Keyed::new()),
            order: std::array::from_fn(|_| ArcTrigger::new()),
            content: std::array::from_fn(|_| ArcTrigger::new()),
        }))
    }

    /// Fires when a field of this item changes, or the whole plan does.
    pub fn item(&self, list: ListKind, id: &str) -> ArcTrigger {
        if let Some(t) = self
            .0
            .with_value(|t| t.items[list as usize].get(id).cloned())
        {
            return t;
        }
        let trigger = ArcTrigger::new();
        self.0.update_value(|t| {
            t.items[list as usize].insert(id.to_owned(), trigger.clone());
        });
        trigger
    }

    /// Fires when items are added to the list, removed or moved.
    pub fn order(&self, list: ListKind) -> ArcTrigger {
        self.0.with_value(|t| t.order[list as usize].clone())
    }

    /// Fires on any change to the list: for what is drawn from all its items (member names in
    /// every "Owner" choice).
    pub fn content(&self, list: ListKind) -> ArcTrigger {
        self.0.with_value(|t| t.content[list as usize].clone())
    }

    /// Tells whoever follows the part of the plan that `scope` names.
    pub fn notify(&self, scope: &Scope) {
        // Collected first: a trigger's subscribers may ask for triggers of their own.
        let fire: Vec<ArcTrigger> = self.0.with_value(|t| match scope {
            Scope::Plan => Vec::new(),
            Scope::Item(list, id) => {
                let l = *list as usize;
                t.items[l]
                    .get(id)
                    .cloned()
                    .into_iter()
                    .chain([t.content[l].clone()])
                    .collect()
            }
            Scope::List(list, _) => {
                let l = *list as usize;
                vec![t.order[l].clone(), t.content[l].clone()]
            }
            Scope::Everything => t
                .items
                .iter()
                .flat_map(Keyed::values)
                .chain(&t.order)
                .chain(&t.content)
                .cloned()
                .collect(),
        });
        for trigger in fire {
            trigger.notify();
        }
    }
}
