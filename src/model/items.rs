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

/// Generic list operations, used by `Plan` for every list.
pub(super) mod ops {
    use super::*;

    pub fn title<T: Record>(list: &[T], id: &str) -> String {
        list.iter()
            .find(|i| i.id() == id)
            .map(Record::title)
            .unwrap_or_default()
    }

    pub fn ids<T: Record>(list: &[T]) -> Vec<String> {
        list.iter().map(|i| i.id().to_owned()).collect()
    }

    pub fn get<T: Record>(list: &[T], id: &str, field: &str) -> Value {
        list.iter()
            .find(|i| i.id() == id)
            .map(ToJson::to_json)
            .and_then(|mut v| v.get_mut(field).map(Value::take))
            .unwrap_or(Value::Null)
    }

    /// Sets one field through the item's JSON shape. `Ok(false)` when nothing changed.
    pub fn set<T: Record>(
        list: &mut [T],
        id: &str,
        field: &str,
        value: Value,
        now: Millis,
    ) -> Result<bool, String> {
        if field == "id" || field == "modified" {
            return Err(format!("{field} cannot be edited"));
        }
        let Some(item) = list.iter_mut().find(|i| i.id() == id) else {
            return Err("no such item".into());
        };
        let mut v = item.to_json();
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
        let mut updated = T::from_json(&v, Path::Root("")).map_err(|w| w.problem)?;
        updated.set_modified(now);
        *item = updated;
        Ok(true)
    }

    pub fn remove<T: Record>(list: &mut Vec<T>, kind: ListKind, id: &str) -> Option<Removed> {
        let index = list.iter().position(|i| i.id() == id)?;
        let item = list.remove(index);
        Some(Removed {
            list: kind,
            index,
            title: item.title(),
            item: item.to_json(),
        })
    }

    pub fn restore<T: Record>(list: &mut Vec<T>, removed: Removed) -> bool {
        let Ok(item) = T::from_json(&removed.item, Path::Root("")) else {
            return false;
        };
        if list.iter().any(|i| i.id() == item.id()) {
            return false;
        }
        list.insert(removed.index.min(list.len()), item);
        true
    }

    /// Moves an item one place up (`-1`) or down (`1`). Returns whether it moved.
    pub fn shift<T: Record>(list: &mut [T], id: &str, delta: isize, now: Millis) -> bool {
        let Some(i) = list.iter().position(|x| x.id() == id) else {
            return false;
        };
        let j = i as isize + delta;
        if j < 0 || j as usize >= list.len() {
            return false;
        }
        list.swap(i, j as usize);
        list[j as usize].set_modified(now);
        true
    }

    /// The index of the first item whose id an earlier item already has (linear time: large
    /// plans are checked on every load and import).
    pub fn duplicate_id<T: Record>(list: &[T]) -> Option<usize> {
        let mut seen = std::collections::HashSet::with_capacity(list.len());
        list.iter().position(|x| !seen.insert(x.id()))
    }
}
