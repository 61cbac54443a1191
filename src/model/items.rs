//! The plan's lists: member organizations, networks, roles, subgroups, goals, strategies,
//! action items, funding sources and resources. Each item has a stable `id` and a `modified`
//! time, so copies can be merged item by item.
//!
//! Screens edit an item one typed field at a time: a [`Field`] names the list and the field (an
//! enum per list, never a string), and a [`FieldValue`] carries the value. A value of the wrong
//! kind for a field is refused, never coerced.

use serde::{Deserialize, Serialize};

use super::kinds::*;
use super::time::Millis;

/// A field's value, in the few shapes a form gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    /// Typed text.
    Text(String),
    /// A choice that may be unset: a date, a vocabulary key, the id of a member or goal.
    Maybe(Option<String>),
    Flag(bool),
    /// Whole dollars.
    Money(u64),
    /// Several keys or ids (the 4 Ps, a subgroup's members), or dates (reports due).
    Keys(Vec<String>),
    /// An action item's progress notes.
    Notes(Vec<ProgressNote>),
}

impl FieldValue {
    /// The value as text, for a text box (empty when it has none).
    pub fn text(&self) -> String {
        match self {
            FieldValue::Text(t) | FieldValue::Maybe(Some(t)) => t.clone(),
            FieldValue::Money(n) => n.to_string(),
            _ => String::new(),
        }
    }

    pub fn keys(&self) -> &[String] {
        match self {
            FieldValue::Keys(keys) => keys,
            _ => &[],
        }
    }
}

/// A dated progress note on an action item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProgressNote {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub text: String,
}

/// A place one field's value lives in an item, read and written as a `FieldValue`.
pub trait Slot {
    fn get(&self) -> FieldValue;
    /// Stores `v`, or says why it does not fit this field and leaves the value as it was.
    fn put(&mut self, v: FieldValue) -> Result<(), String>;
}

fn wrong() -> String {
    crate::lang::tr("this value does not fit this field").to_owned()
}

impl Slot for String {
    fn get(&self) -> FieldValue {
        FieldValue::Text(self.clone())
    }
    fn put(&mut self, v: FieldValue) -> Result<(), String> {
        match v {
            FieldValue::Text(t) => {
                *self = super::plan::clean_text(&t).into_owned();
                Ok(())
            }
            _ => Err(wrong()),
        }
    }
}

impl Slot for Option<String> {
    fn get(&self) -> FieldValue {
        FieldValue::Maybe(self.clone())
    }
    fn put(&mut self, v: FieldValue) -> Result<(), String> {
        match v {
            FieldValue::Maybe(m) => {
                *self = m.filter(|s| !s.is_empty());
                Ok(())
            }
            _ => Err(wrong()),
        }
    }
}

impl Slot for bool {
    fn get(&self) -> FieldValue {
        FieldValue::Flag(*self)
    }
    fn put(&mut self, v: FieldValue) -> Result<(), String> {
        match v {
            FieldValue::Flag(b) => {
                *self = b;
                Ok(())
            }
            _ => Err(wrong()),
        }
    }
}

impl Slot for u64 {
    fn get(&self) -> FieldValue {
        FieldValue::Money(*self)
    }
    fn put(&mut self, v: FieldValue) -> Result<(), String> {
        match v {
            FieldValue::Money(n) if n <= super::rules::MAX_AMOUNT => {
                *self = n;
                Ok(())
            }
            _ => Err(wrong()),
        }
    }
}

impl Slot for Vec<String> {
    fn get(&self) -> FieldValue {
        FieldValue::Keys(self.clone())
    }
    fn put(&mut self, v: FieldValue) -> Result<(), String> {
        match v {
            FieldValue::Keys(keys) => {
                *self = keys;
                Ok(())
            }
            _ => Err(wrong()),
        }
    }
}

fn choice<V: Vocabulary>(key: &str) -> Result<V, String> {
    V::from_key(key).ok_or_else(|| crate::lang::tr("this is not one of the choices").to_owned())
}

impl Slot for Vec<ProgressNote> {
    fn get(&self) -> FieldValue {
        FieldValue::Notes(self.clone())
    }
    fn put(&mut self, v: FieldValue) -> Result<(), String> {
        match v {
            FieldValue::Notes(notes) => {
                if notes
                    .iter()
                    .any(|n| super::time::parse_date(&n.date).is_none())
                {
                    return Err(crate::lang::tr("a note's date is not a date").to_owned());
                }
                *self = notes
                    .into_iter()
                    .map(|n| ProgressNote {
                        date: n.date,
                        text: super::plan::clean_text(&n.text).into_owned(),
                    })
                    .collect();
                Ok(())
            }
            _ => Err(wrong()),
        }
    }
}

/// A choice that may be unset (a sector, a kind of network).
impl<V: Vocabulary> Slot for Option<V> {
    fn get(&self) -> FieldValue {
        FieldValue::Maybe(self.map(|v| v.key().to_owned()))
    }
    fn put(&mut self, v: FieldValue) -> Result<(), String> {
        match v {
            FieldValue::Maybe(None) => *self = None,
            FieldValue::Maybe(Some(key)) => *self = Some(choice(&key)?),
            _ => return Err(wrong()),
        }
        Ok(())
    }
}

/// A choice that always has a value (a status).
impl<V: Vocabulary> Slot for V {
    fn get(&self) -> FieldValue {
        FieldValue::Maybe(Some(self.key().to_owned()))
    }
    fn put(&mut self, v: FieldValue) -> Result<(), String> {
        match v {
            FieldValue::Maybe(Some(key)) => *self = choice(&key)?,
            _ => return Err(wrong()),
        }
        Ok(())
    }
}

/// Several choices (the 4 Ps), kept in their vocabulary's order.
impl<V: Vocabulary + Ord> Slot for Vec<V> {
    fn get(&self) -> FieldValue {
        FieldValue::Keys(self.iter().map(|v| v.key().to_owned()).collect())
    }
    fn put(&mut self, v: FieldValue) -> Result<(), String> {
        let FieldValue::Keys(keys) = v else {
            return Err(wrong());
        };
        let mut chosen = keys
            .iter()
            .map(|k| choice(k))
            .collect::<Result<Vec<V>, _>>()?;
        chosen.sort();
        chosen.dedup();
        *self = chosen;
        Ok(())
    }
}

/// What every list item can do.
pub trait Record: Clone + Serialize + for<'de> Deserialize<'de> {
    /// The item's own fields.
    type Field: Copy;
    fn create(id: String, now: Millis) -> Self;
    fn id(&self) -> &str;
    fn modified(&self) -> Millis;
    fn set_modified(&mut self, now: Millis);
    /// The text that names the item in headings and messages (may be empty).
    fn title(&self) -> String;
    fn slot(&self, field: Self::Field) -> &dyn Slot;
    fn slot_mut(&mut self, field: Self::Field) -> &mut dyn Slot;
    /// `field` as one of this item's fields, if it is one.
    fn own(field: Field) -> Option<Self::Field>;
    fn wrap(self) -> Item;
    fn unwrap(item: Item) -> Option<Self>;
}

/// Fields added after version-1 files were first written (issue 15) are left out of a file
/// while empty, so a plan that does not use them is written exactly as before.
///
/// Declares the plan's lists, each field once: for each list, its item type (a struct with an
/// `id`, a `modified` time and the fields given, written to files by serde), its `ListKind`,
/// the `Plan` field holding it, and its field enum (one variant per field, in the same line).
macro_rules! lists {
    ($(
        $(#[$doc:meta])*
        $item:ident / $list:ident / $in_plan:ident / $fields:ident {
            $($(#[$fdoc:meta])* $variant:ident $field:ident: $ty:ty,)+
        }
    )+) => {
        /// The lists a plan holds. Used by screens to name a list without knowing its item type.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ListKind {
            $($list,)+
        }

        /// A field of an item of any list.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Field {
            $($list($fields),)+
        }

        /// An item of any list (one taken out, kept for undo).
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum Item {
            $($list($item),)+
        }

        $(
            $(#[$doc])*
            #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
            #[serde(default, deny_unknown_fields)]
            pub struct $item {
                pub id: String,
                pub modified: Millis,
                $($(#[$fdoc])* pub $field: $ty,)+
            }

            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
            pub enum $fields {
                $($variant,)+
            }

            impl $fields {
                pub const ALL: &'static [$fields] = &[$($fields::$variant,)+];
            }

            impl Record for $item {
                type Field = $fields;
                fn create(id: String, now: Millis) -> Self {
                    $item { id, modified: now, ..Default::default() }
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
                    title::$item(self)
                }
                fn slot(&self, field: $fields) -> &dyn Slot {
                    match field { $($fields::$variant => &self.$field,)+ }
                }
                fn slot_mut(&mut self, field: $fields) -> &mut dyn Slot {
                    match field { $($fields::$variant => &mut self.$field,)+ }
                }
                fn own(field: Field) -> Option<$fields> {
                    match field { Field::$list(f) => Some(f), #[allow(unreachable_patterns)] _ => None }
                }
                fn wrap(self) -> Item {
                    Item::$list(self)
                }
                fn unwrap(item: Item) -> Option<Self> {
                    match item { Item::$list(i) => Some(i), #[allow(unreachable_patterns)] _ => None }
                }
            }
        )+

        impl Field {
            pub fn list(self) -> ListKind {
                match self { $(Field::$list(_) => ListKind::$list,)+ }
            }

            /// The field's name in files, also used in element ids (`members-<id>-name`).
            pub fn key(self) -> &'static str {
                match self { $($(Field::$list($fields::$variant) => stringify!($field),)+)+ }
            }
        }

        impl Item {
            pub fn list(&self) -> ListKind {
                match self { $(Item::$list(_) => ListKind::$list,)+ }
            }
            pub fn id(&self) -> &str {
                match self { $(Item::$list(i) => &i.id,)+ }
            }
        }

        impl ListKind {
            pub const ALL: [ListKind; 10] = [$(ListKind::$list,)+];

            /// The list's field name in the plan file (`plan.members`).
            pub fn key(self) -> &'static str {
                match self { $(ListKind::$list => stringify!($in_plan),)+ }
            }
        }

        impl super::plan::Plan {
            /// Any of the plan's lists, for the operations they share (`items::ops`).
            pub fn list(&self, list: ListKind) -> &dyn AnyList {
                match list { $(ListKind::$list => &self.$in_plan,)+ }
            }

            pub(super) fn list_mut(&mut self, list: ListKind) -> &mut dyn AnyList {
                match list { $(ListKind::$list => &mut self.$in_plan,)+ }
            }
        }
    };
}

/// How each kind of item is named in headings and messages.
#[allow(non_snake_case)]
mod title {
    use super::*;

    pub fn Member(m: &Member) -> String {
        m.name.trim().to_owned()
    }
    pub fn Network(n: &Network) -> String {
        n.name.trim().to_owned()
    }
    /// "Fiscal Agent: Sam Okafor": the role first, as that is what the list is about.
    pub fn RoleAssignment(r: &RoleAssignment) -> String {
        match (r.role, r.person.trim()) {
            (Some(role), "") => role.label().to_owned(),
            (Some(role), person) => format!("{}: {person}", role.label()),
            (None, person) => person.to_owned(),
        }
    }
    pub fn Subgroup(s: &Subgroup) -> String {
        s.name.trim().to_owned()
    }
    /// The short name when there is one: it is what choices and tables show.
    pub fn Goal(g: &Goal) -> String {
        match g.short_name.trim() {
            "" => g.title.trim().to_owned(),
            short => short.to_owned(),
        }
    }
    pub fn Strategy(s: &Strategy) -> String {
        s.text.trim().to_owned()
    }
    pub fn ActionItem(a: &ActionItem) -> String {
        a.what.trim().to_owned()
    }
    pub fn FundingSource(f: &FundingSource) -> String {
        f.name.trim().to_owned()
    }
    pub fn Resource(r: &Resource) -> String {
        r.title.trim().to_owned()
    }
    /// "Quarterly meeting, 3 December 2026", or the date alone.
    pub fn Meeting(m: &Meeting) -> String {
        let date = m.date.as_deref().map(crate::model::time::readable_date);
        match (m.title.trim(), date) {
            ("", Some(d)) => crate::tr!("Meeting of {date}", date = d),
            (t, Some(d)) => format!("{t}, {d}"),
            (t, None) => t.to_owned(),
        }
    }
}

lists! {
    /// A member organization.
    Member / Members / members / MemberField {
        Name name: String,
        Sector sector: Option<Sector>,
        Contact contact: String,
        Email email: String,
        Phone phone: String,
        Status status: MemberStatus,
        Pillars pillars: Vec<Pillar>,
        Brings brings: String,
        Needs needs: String,
    }
    /// An existing network to link with.
    Network / Networks / networks / NetworkField {
        Name name: String,
        Kind kind: Option<NetworkKind>,
        Note note: String,
    }
    /// A key role, given to a member organization and a person.
    RoleAssignment / Roles / roles / RoleField {
        Role role: Option<RoleKind>,
        /// The member organization holding the role (a `Member` id).
        Member member: Option<String>,
        Person person: String,
        Description description: String,
        Term term: String,
    }
    Subgroup / Subgroups / subgroups / SubgroupField {
        Name name: String,
        Focus focus: String,
        /// The lead organization (a `Member` id).
        Lead lead: Option<String>,
        /// Member ids.
        Members members: Vec<String>,
    }
    Goal / Goals / goals / GoalField {
        Title title: String,
        /// A few words naming the goal in choices and tables ("Train hotel staff").
        #[serde(skip_serializing_if = "String::is_empty")]
        ShortName short_name: String,
        Specific specific: bool,
        Measurable measurable: bool,
        Achievable achievable: bool,
        Relevant relevant: bool,
        TimeBound time_bound: bool,
    }
    Strategy / Strategies / strategies / StrategyField {
        /// The goal it serves (a `Goal` id).
        Goal goal: Option<String>,
        Text text: String,
    }
    ActionItem / Actions / actions / ActionField {
        What what: String,
        Goal goal: Option<String>,
        /// The strategy it carries out (a `Strategy` id).
        #[serde(skip_serializing_if = "Option::is_none")]
        Strategy strategy: Option<String>,
        /// The member organization responsible (a `Member` id).
        Owner owner: Option<String>,
        /// The person responsible, within the owner organization or on their own.
        #[serde(skip_serializing_if = "String::is_empty")]
        OwnerPerson owner_person: String,
        /// `YYYY-MM-DD`.
        Due due: Option<String>,
        Status status: ActionStatus,
        Resources resources: String,
        Barriers barriers: String,
        Inform inform: String,
        /// What the yearly report counts it as (issue 17); left out of files while unset.
        #[serde(skip_serializing_if = "Option::is_none")]
        Tag tag: Option<ActionTag>,
        /// The meeting whose minutes created it (a `Meeting` id); left out while unset.
        #[serde(skip_serializing_if = "Option::is_none")]
        Meeting meeting: Option<String>,
        /// Dated progress notes, oldest first.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        Notes notes: Vec<ProgressNote>,
    }
    FundingSource / Funding / funding / FundingField {
        Name name: String,
        Kind kind: Option<FundingKind>,
        /// Whole dollars.
        Amount amount: u64,
        Status status: FundingStatus,
        Deadline deadline: Option<String>,
        /// A `Member` id.
        FiscalAgent fiscal_agent: Option<String>,
        /// The grant period, `YYYY-MM-DD` each.
        #[serde(skip_serializing_if = "Option::is_none")]
        GrantStart grant_start: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        GrantEnd grant_end: Option<String>,
        /// What the funder asks the partnership to put in ("25% cash or in-kind").
        #[serde(skip_serializing_if = "String::is_empty")]
        MatchRequired match_required: String,
        /// When reports to the funder are due, `YYYY-MM-DD` each.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        ReportsDue reports_due: Vec<String>,
        /// What the money may not be spent on.
        #[serde(skip_serializing_if = "String::is_empty")]
        Restrictions restrictions: String,
    }
    Resource / Resources / resources / ResourceField {
        Title title: String,
        /// Only `http:`, `https:` and `mailto:` links are ever rendered as links.
        Url url: String,
        Note note: String,
        /// The section it belongs to (a section slug), if any.
        Section section: Option<String>,
    }
    /// A meeting of the partnership: when and where, who came, and its minutes (issue 17).
    Meeting / Meetings / meetings / MeetingField {
        Title title: String,
        /// `YYYY-MM-DD`.
        Date date: Option<String>,
        /// `HH:MM`, 24-hour, local time; empty for a meeting without a set time.
        Time time: String,
        /// A place or a link, kept as plain text and never opened by the app.
        Place place: String,
        /// Member ids.
        Attendees attendees: Vec<String>,
        /// The decisions taken, one a line.
        Decisions decisions: String,
    }
}

/// An item taken out of a list, kept so that "Undo" can put it back where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    pub index: usize,
    pub title: String,
    pub item: Item,
}

impl Removed {
    pub fn list(&self) -> ListKind {
        self.item.list()
    }

    /// The removed item's id.
    pub fn id(&self) -> &str {
        self.item.id()
    }
}

/// What every list can do whatever its items are, so that the operations on lists (`ops`) are
/// written once for the nine item types; `Plan::list` hands out any list as `&dyn AnyList`.
pub trait AnyList {
    fn len(&self) -> usize;
    fn id(&self, i: usize) -> &str;
    fn title(&self, i: usize) -> String;
    /// Field `f` of item `i`; `None` if `f` is not a field of this list.
    fn get(&self, i: usize, f: Field) -> Option<FieldValue>;
    /// Sets field `f` of item `i`, stamped `now`. `Ok(false)` when nothing changed.
    fn set(&mut self, i: usize, f: Field, v: FieldValue, now: Millis) -> Result<bool, String>;
    /// Item `i` as it would be written in a file.
    fn value(&self, i: usize) -> serde_json::Value;
    fn take(&mut self, i: usize) -> Item;
    /// Puts `item` at `i`. False if it is not an item of this list.
    fn put(&mut self, i: usize, item: Item) -> bool;
    fn push_new(&mut self, id: String, now: Millis);
    /// Appends an item written as in a file, or says why it does not fit.
    fn push_value(&mut self, v: serde_json::Value) -> Result<(), String>;
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
    fn get(&self, i: usize, f: Field) -> Option<FieldValue> {
        T::own(f).map(|f| self[i].slot(f).get())
    }
    fn set(&mut self, i: usize, f: Field, v: FieldValue, now: Millis) -> Result<bool, String> {
        let f =
            T::own(f).ok_or_else(|| crate::lang::tr("no such field in this list").to_owned())?;
        // `put` stores only a value that fits, so a refusal leaves the item as it was.
        let before = self[i].slot(f).get();
        self[i].slot_mut(f).put(v)?;
        if self[i].slot(f).get() == before {
            return Ok(false);
        }
        self[i].set_modified(now);
        Ok(true)
    }
    fn value(&self, i: usize) -> serde_json::Value {
        serde_json::to_value(&self[i]).unwrap_or_default()
    }
    fn take(&mut self, i: usize) -> Item {
        Vec::remove(self, i).wrap()
    }
    fn put(&mut self, i: usize, item: Item) -> bool {
        T::unwrap(item)
            .map(|item| Vec::insert(self, i, item))
            .is_some()
    }
    fn push_new(&mut self, id: String, now: Millis) {
        self.push(T::create(id, now));
    }
    fn push_value(&mut self, v: serde_json::Value) -> Result<(), String> {
        let item = super::json::typed(v, "item")
            .map_err(|(path, problem)| format!("{path}: {problem}"))?;
        self.push(item);
        Ok(())
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

    pub fn remove(list: &mut dyn AnyList, id: &str) -> Option<Removed> {
        let index = index(list, id)?;
        let title = list.title(index);
        Some(Removed {
            index,
            title,
            item: list.take(index),
        })
    }

    pub fn restore(list: &mut dyn AnyList, removed: Removed) -> bool {
        if index(list, removed.id()).is_some() {
            return false;
        }
        list.put(removed.index.min(list.len()), removed.item)
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
    /// hash; sorting takes n log n steps whatever they are.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_key_is_the_items_own_name_in_files() {
        let mut plan = super::super::Plan::new("p".into(), 1);
        for list in ListKind::ALL {
            plan.add_item(list, "i".into(), 1);
            let written = plan.list(list).value(0);
            for f in fields_of(list) {
                assert_eq!(f.list(), list);
                assert!(
                    written.get(f.key()).is_some()
                        || LEFT_OUT_WHILE_EMPTY.contains(&f.key())
                        || ISSUE_17_LEFT_OUT.contains(&f.key()),
                    "{list:?}: {}",
                    f.key()
                );
                assert!(plan.list(list).get(0, f).is_some(), "{f:?}");
            }
        }
    }

    /// Fields issue 17 added to action items, written only when set.
    const ISSUE_17_LEFT_OUT: &[&str] = &["tag", "meeting"];
    /// The fields issue 15 added, written only when they hold something.
    const LEFT_OUT_WHILE_EMPTY: &[&str] = &[
        "short_name",
        "strategy",
        "owner_person",
        "notes",
        "grant_start",
        "grant_end",
        "match_required",
        "reports_due",
        "restrictions",
    ];

    #[test]
    fn new_fields_round_trip_and_are_left_out_while_empty() {
        let mut a = ActionItem::create("a".into(), 1);
        let empty = serde_json::to_value(&a).unwrap_or_default();
        assert!(empty.get("notes").is_none() && empty.get("strategy").is_none());
        a.notes.push(ProgressNote {
            date: "2026-12-01".into(),
            text: "Venue booked".into(),
        });
        a.owner_person = "Sam Lee".into();
        let written = serde_json::to_value(&a).unwrap_or_default();
        assert_eq!(written["notes"][0]["date"], "2026-12-01");
        let back: ActionItem = serde_json::from_value(written).unwrap_or_default();
        assert_eq!(back, a);
        let notes = Field::Actions(ActionField::Notes);
        let mut list = vec![a];
        let bad = FieldValue::Notes(vec![ProgressNote {
            date: "someday".into(),
            text: "x".into(),
        }]);
        assert!(list.set(0, notes, bad, 2).is_err());
        assert_eq!(list[0].notes.len(), 1, "a refused value changes nothing");
    }

    fn fields_of(list: ListKind) -> Vec<Field> {
        match list {
            ListKind::Members => MemberField::ALL
                .iter()
                .map(|&f| Field::Members(f))
                .collect(),
            ListKind::Networks => NetworkField::ALL
                .iter()
                .map(|&f| Field::Networks(f))
                .collect(),
            ListKind::Roles => RoleField::ALL.iter().map(|&f| Field::Roles(f)).collect(),
            ListKind::Subgroups => SubgroupField::ALL
                .iter()
                .map(|&f| Field::Subgroups(f))
                .collect(),
            ListKind::Goals => GoalField::ALL.iter().map(|&f| Field::Goals(f)).collect(),
            ListKind::Strategies => StrategyField::ALL
                .iter()
                .map(|&f| Field::Strategies(f))
                .collect(),
            ListKind::Actions => ActionField::ALL
                .iter()
                .map(|&f| Field::Actions(f))
                .collect(),
            ListKind::Funding => FundingField::ALL
                .iter()
                .map(|&f| Field::Funding(f))
                .collect(),
            ListKind::Resources => ResourceField::ALL
                .iter()
                .map(|&f| Field::Resources(f))
                .collect(),
            ListKind::Meetings => MeetingField::ALL
                .iter()
                .map(|&f| Field::Meetings(f))
                .collect(),
        }
    }

    #[test]
    fn values_of_the_wrong_shape_or_choice_are_refused() {
        let mut m = vec![Member::create("m".into(), 1)];
        let status = Field::Members(MemberField::Status);
        assert!(m
            .set(0, status, FieldValue::Maybe(Some("pirates".into())), 2)
            .is_err());
        assert!(m.set(0, status, FieldValue::Maybe(None), 2).is_err());
        assert!(m
            .set(0, status, FieldValue::Text("committed".into()), 2)
            .is_err());
        assert_eq!(
            m.set(0, status, FieldValue::Maybe(Some("committed".into())), 3),
            Ok(true)
        );
        assert_eq!(m[0].status, MemberStatus::Committed);
        assert_eq!(m[0].modified, 3);
        assert_eq!(
            m.set(0, status, FieldValue::Maybe(Some("committed".into())), 4),
            Ok(false)
        );
        assert_eq!(m[0].modified, 3, "an unchanged value is not an edit");
        let pillars = Field::Members(MemberField::Pillars);
        let keys = |k: &[&str]| FieldValue::Keys(k.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            m.set(0, pillars, keys(&["partnership", "prevention"]), 5),
            Ok(true)
        );
        assert_eq!(m[0].pillars, [Pillar::Prevention, Pillar::Partnership]);
        assert!(m
            .set(
                0,
                Field::Goals(GoalField::Title),
                FieldValue::Text("x".into()),
                6
            )
            .is_err());
        let mut f = vec![FundingSource::create("f".into(), 1)];
        let amount = Field::Funding(FundingField::Amount);
        assert!(f
            .set(
                0,
                amount,
                FieldValue::Money(super::super::rules::MAX_AMOUNT + 1),
                2
            )
            .is_err());
    }
}
