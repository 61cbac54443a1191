//! The plan's lists: member organizations, networks, roles, subgroups, goals, strategies,
//! action items, funding sources and resources. Each item has a stable `id` and a `modified`
//! time, so copies can be merged item by item.
//!
//! Screens edit any item through one generic path (`Plan::set_field`), which goes through the
//! item's own JSON shape (`model::json`): a value of the wrong type for a field is refused, never coerced.

use serde_json::Value;

use super::json::{json_struct, FromJson, Path, ToJson};

use super::kinds::*;
use super::time::Millis;

/// The lists a plan holds. Used by screens to name a list without knowing its item type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListKind {
    Members,
    Networks,
    Roles,
    Subgroups,
    Goals,
    Strategies,
    Actions,
    Funding,
    Resources,
}

impl ListKind {
    pub const ALL: [ListKind; 9] = [
        ListKind::Members,
        ListKind::Networks,
        ListKind::Roles,
        ListKind::Subgroups,
        ListKind::Goals,
        ListKind::Strategies,
        ListKind::Actions,
        ListKind::Funding,
        ListKind::Resources,
    ];

    /// The list's field name in the plan file (`plan.members`).
    pub fn key(self) -> &'static str {
        match self {
            ListKind::Members => "members",
            ListKind::Networks => "networks",
            ListKind::Roles => "roles",
            ListKind::Subgroups => "subgroups",
            ListKind::Goals => "goals",
            ListKind::Strategies => "strategies",
            ListKind::Actions => "actions",
            ListKind::Funding => "funding",
            ListKind::Resources => "resources",
        }
    }
}

/// What every list item can do.
pub trait Record: Clone + ToJson + FromJson {
    fn create(id: String, now: Millis) -> Self;
    fn id(&self) -> &str;
    fn modified(&self) -> Millis;
    fn set_modified(&mut self, now: Millis);
    /// The text that names the item in headings and messages (may be empty).
    fn title(&self) -> String;
}

macro_rules! record {
    ($name:ident, $title:ident) => {
        record!($name, |item: &$name| item.$title.trim().to_owned());
    };
    ($name:ident, $title:expr) => {
        impl Record for $name {
            fn create(id: String, now: Millis) -> Self {
                $name {
                    id,
                    modified: now,
                    ..Default::default()
                }
            }
            fn id(&self) -> &str {
                &self.id
            }
            fn modified(&self) -> Millis {
                self.modified
            }
            fn set_modified(&mut self, now: Millis) {
                self.modified = now;
            }
            fn title(&self) -> String {
                ($title)(self)
            }
        }
    };
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub modified: Millis,
    pub name: String,
    pub sector: Option<Sector>,
    pub contact: String,
    pub email: String,
    pub phone: String,
    pub status: MemberStatus,
    pub pillars: Vec<Pillar>,
    pub brings: String,
    pub needs: String,
}
json_struct!(Member {
    id,
    modified,
    name,
    sector,
    contact,
    email,
    phone,
    status,
    pillars,
    brings,
    needs
});
record!(Member, name);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Network {
    pub id: String,
    pub modified: Millis,
    pub name: String,
    pub kind: Option<NetworkKind>,
    pub note: String,
}
json_struct!(Network {
    id,
    modified,
    name,
    kind,
    note
});
record!(Network, name);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleAssignment {
    pub id: String,
    pub modified: Millis,
    pub role: Option<RoleKind>,
    /// The member organization holding the role (a `Member` id).
    pub member: Option<String>,
    pub person: String,
    pub description: String,
    pub term: String,
}
json_struct!(RoleAssignment {
    id,
    modified,
    role,
    member,
    person,
    description,
    term
});
// "Fiscal Agent: Sam Okafor": the role first, as that is what the list is about.
record!(RoleAssignment, |r: &RoleAssignment| {
    match (r.role, r.person.trim()) {
        (Some(role), "") => role.label().to_owned(),
        (Some(role), person) => format!("{}: {person}", role.label()),
        (None, person) => person.to_owned(),
    }
});

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subgroup {
    pub id: String,
    pub modified: Millis,
    pub name: String,
    pub focus: String,
    pub lead: Option<String>,
    pub members: Vec<String>,
}
json_struct!(Subgroup {
    id,
    modified,
    name,
    focus,
    lead,
    members
});
record!(Subgroup, name);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Goal {
    pub id: String,
    pub modified: Millis,
    pub title: String,
    pub specific: bool,
    pub measurable: bool,
    pub achievable: bool,
    pub relevant: bool,
    pub time_bound: bool,
}
json_struct!(Goal {
    id,
    modified,
    title,
    specific,
    measurable,
    achievable,
    relevant,
    time_bound
});
record!(Goal, title);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Strategy {
    pub id: String,
    pub modified: Millis,
    /// The goal it serves (a `Goal` id).
    pub goal: Option<String>,
    pub text: String,
}
json_struct!(Strategy {
    id,
    modified,
    goal,
    text
});
record!(Strategy, text);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionItem {
    pub id: String,
    pub modified: Millis,
    pub what: String,
    pub goal: Option<String>,
    /// The member organization responsible (a `Member` id).
    pub owner: Option<String>,
    /// `YYYY-MM-DD`.
    pub due: Option<String>,
    pub status: ActionStatus,
    pub resources: String,
    pub barriers: String,
    pub inform: String,
}
json_struct!(ActionItem {
    id,
    modified,
    what,
    goal,
    owner,
    due,
    status,
    resources,
    barriers,
    inform
});
record!(ActionItem, what);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FundingSource {
    pub id: String,
    pub modified: Millis,
    pub name: String,
    pub kind: Option<FundingKind>,
    /// Whole dollars.
    pub amount: u64,
    pub status: FundingStatus,
    pub deadline: Option<String>,
    pub fiscal_agent: Option<String>,
}
json_struct!(FundingSource {
    id,
    modified,
    name,
    kind,
    amount,
    status,
    deadline,
    fiscal_agent
});
record!(FundingSource, name);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resource {
    pub id: String,
    pub modified: Millis,
    pub title: String,
    /// Only `http:`, `https:` and `mailto:` links are ever rendered as links.
    pub url: String,
    pub note: String,
    /// The section it belongs to (a section slug), if any.
    pub section: Option<String>,
}
json_struct!(Resource {
    id,
    modified,
    title,
    url,
    note,
    section
});
record!(Resource, title);

impl Default for MemberStatus {
    fn default() -> Self {
        MemberStatus::Identified
    }
}
impl Default for ActionStatus {
    fn default() -> Self {
        ActionStatus::NotStarted
    }
}
impl Default for FundingStatus {
    fn default() -> Self {
        FundingStatus::Planned
    }
}

/// An item taken out of a list, kept so that "Undo" can put it back where it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub list: ListKind,
    pub index: usize,
    pub title: String,
    pub(super) item: Value,
}

impl Removed {
    /// The removed item's id.
    pub fn id(&self) -> &str {
        self.item.get("id").and_then(Value::as_str).unwrap_or("")
    }
}

/// What every list can do whatever its items are, so that the operations on lists (`ops`) are
/// compiled once rather than once for each of the nine item types: each method here is a line or
/// two, and `Plan::list` hands out any list as `&dyn AnyList`.
pub trait AnyList {
    fn len(&self) -> usize;
    fn id(&self, i: usize) -> &str;
    fn title(&self, i: usize) -> String;
    fn json(&self, i: usize) -> Value;
    /// Replaces item `i` with `v` read as this list's item, stamped `now`; or says why `v` does
    /// not fit.
    fn replace(&mut self, i: usize, v: &Value, now: Millis) -> Result<(), String>;
    /// Puts `v`, read as this list's item, at `i`. False if it does not fit.
    fn insert(&mut self, i: usize, v: &Value) -> bool;
    fn remove(&mut self, i: usize);
    fn push_new(&mut self, id: String, now: Millis);
    fn swap(&mut self, a: usize, b: usize, now: Millis);
}

impl<T: Record> AnyList for Vec<T> {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn id(&self, i: usize) -> &str {
        self[i].id()
    }
    fn title(&self, i: usize) -> String {
        self[i].title()
    }
    fn json(&self, i: usize) -> Value {
        self[i].to_json()
    }
    fn replace(&mut self, i: usize, v: &Value, now: Millis) -> Result<(), String> {
        let mut item = T::from_json(v, Path::Root("")).map_err(|w| w.problem)?;
        item.set_modified(now);
        self[i] = item;
        Ok(())
    }
    fn insert(&mut self, i: usize, v: &Value) -> bool {
        T::from_json(v, Path::Root(""))
            .map(|item| Vec::insert(self, i, item))
            .is_ok()
    }
    fn remove(&mut self, i: usize) {
        Vec::remove(self, i);
    }
    fn push_new(&mut self, id: String, now: Millis) {
        self.push(T::create(id, now));
    }
    /// Moves item `a` to `b`; the moved item is stamped `now`.
    fn swap(&mut self, a: usize, b: usize, now: Millis) {
        <[T]>::swap(self, a, b);
        self[b].set_modified(now);
    }
}

/// Operations on any list, written once against `AnyList`.
pub(super) mod ops {
    use super::*;

    pub fn index(list: &dyn AnyList, id: &str) -> Option<usize> {
        (0..list.len()).position(|i| list.id(i) == id)
    }

    pub fn ids(list: &dyn AnyList) -> Vec<String> {
        (0..list.len()).map(|i| list.id(i).to_owned()).collect()
    }

    pub fn get(list: &dyn AnyList, id: &str, field: &str) -> Value {
        index(list, id)
            .map(|i| list.json(i))
            .and_then(|mut v| v.get_mut(field).map(Value::take))
            .unwrap_or(Value::Null)
    }

    /// Sets one field through the item's JSON shape. `Ok(false)` when nothing changed.
    pub fn set(
        list: &mut dyn AnyList,
        id: &str,
        field: &str,
        value: Value,
        now: Millis,
    ) -> Result<bool, String> {
        if field == "id" || field == "modified" {
            return Err(format!("{field} cannot be edited"));
        }
        let Some(i) = index(list, id) else {
            return Err("no such item".into());
        };
        let mut v = list.json(i);
        let Some(slot) = v.get_mut(field) else {
            return Err(format!("no field {field}"));
        };
        let value = match value {
            Value::String(text) => {
                Value::String(crate::model::plan::clean_text(&text).into_owned())
            }
            other => other,
        };
        if *slot == value {
            return Ok(false);
        }
        *slot = value;
        list.replace(i, &v, now)?;
        Ok(true)
    }

    pub fn remove(list: &mut dyn AnyList, kind: ListKind, id: &str) -> Option<Removed> {
        let index = index(list, id)?;
        let removed = Removed {
            list: kind,
            index,
            title: list.title(index),
            item: list.json(index),
        };
        list.remove(index);
        Some(removed)
    }

    pub fn restore(list: &mut dyn AnyList, removed: Removed) -> bool {
        if index(list, removed.id()).is_some() {
            return false;
        }
        list.insert(removed.index.min(list.len()), &removed.item)
    }

    /// Moves an item one place up (`-1`) or down (`1`). Returns whether it moved.
    pub fn shift(list: &mut dyn AnyList, id: &str, delta: isize, now: Millis) -> bool {
        let Some(i) = index(list, id) else {
            return false;
        };
        let j = i as isize + delta;
        if j < 0 || j as usize >= list.len() {
            return false;
        }
        list.swap(i, j as usize, now);
        true
    }

    /// The index of the first item whose id an earlier item already has. By sorting, not
    /// hashing: the ids come from files, and a file could pick ids that collide in any fixed
    /// hash; sorting takes n log n steps whatever they are. (With `state::changes` this was the
    /// app's one use of the standard library's keyed hash: 2.8 KB of the download.)
    pub fn duplicate_id(list: &dyn AnyList) -> Option<usize> {
        let mut by_id: Vec<(&str, usize)> = (0..list.len()).map(|i| (list.id(i), i)).collect();
        by_id.sort_unstable();
        // Within a run of equal ids the indices are ascending; the second is a repeat.
        by_id
            .windows(2)
            .filter(|w| w[0].0 == w[1].0)
            .map(|w| w[1].1)
            .min()
    }
}
