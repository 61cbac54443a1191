//! Merging a colleague's copy of the plan into this one, entry by entry (`model::stamp`).
//!
//! The rules, for every entry (an answer, a tick, a score, a function, a list item, the name):
//!
//! - the same content on both sides stays;
//! - if one side's stamp has seen the other's edits (`stamp::Order`), its content wins: a change
//!   made on one side only is applied, and a removal (a tombstone) beats the older content;
//! - two stamps that are the same but hold different content contradict each other: every field
//!   that differs is a conflict, never settled silently;
//! - edits made apart are compared field by field with the common ancestor (the copy both sides
//!   last had, when the device kept it): a field changed on one side only is applied; a field
//!   changed differently on both sides is a conflict; removed on one side and edited on the other
//!   is a conflict. Without an ancestor every differing field is a conflict;
//! - items added on either side are kept; a list's order is the order of the side that moved
//!   items (by the stamp `order/<list>`, then the ancestor, then a rule that does not depend on
//!   which side is "mine"), with the other side's new items after their neighbour.
//!
//! The plan is handled as its file's JSON, so lists and fields added to `items::lists!` merge
//! with no code here. Maps are sorted maps, so a hostile file's keys cannot slow the merge.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::fields;
use super::items::ListKind;
use super::plan::Plan;
use super::stamp::{self, compare, join, Order, Stamp, Tombstone, Vector};
use super::time::Millis;
use crate::content::{self, Section};

/// Plan fields that are not entries: the plan's identity, times and merge data.
const META: [&str; 8] = [
    "id",
    "plan_id",
    "export_id",
    "taken_in",
    "stamps",
    "tombstones",
    "created",
    "modified",
];

/// How a top-level plan field is merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// One entry (the name).
    Scalar,
    /// An object keyed by id: one entry per key (answers, checks, scores).
    Map,
    /// An array of objects with an `id`: one entry per item, and an order (lists, functions).
    List,
}

/// One copy, taken apart into entries.
struct View {
    entries: BTreeMap<String, Value>,
    /// `modified` of each entry that has one (put back on the merged plan; never compared).
    times: BTreeMap<String, Value>,
    orders: BTreeMap<String, Vec<String>>,
    kinds: BTreeMap<String, Kind>,
    /// The plan's identity, times and merge data (`META`), as written.
    meta: Map<String, Value>,
}

fn view(plan: &Plan) -> View {
    let mut v = View {
        entries: BTreeMap::new(),
        times: BTreeMap::new(),
        orders: BTreeMap::new(),
        kinds: BTreeMap::new(),
        meta: Map::new(),
    };
    let Ok(Value::Object(top)) = serde_json::to_value(plan) else {
        return v;
    };
    for (field, value) in top {
        if META.contains(&field.as_str()) {
            v.meta.insert(field, value);
            continue;
        }
        let is_list = |a: &Vec<Value>| {
            a.iter()
                .all(|x| matches!(x.get("id"), Some(Value::String(_))))
        };
        match value {
            Value::Array(items) if is_list(&items) => {
                let mut order = Vec::with_capacity(items.len());
                for item in items {
                    let id = item["id"].as_str().unwrap_or_default().to_owned();
                    v.put(stamp::key(&field, &id), item);
                    order.push(id);
                }
                v.orders.insert(field.clone(), order);
                v.kinds.insert(field, Kind::List);
            }
            // A map of entries (answers, checks, scores: every value an object)...
            Value::Object(map) if map.values().all(Value::is_object) => {
                for (k, x) in map {
                    v.put(stamp::key(&field, &k), x);
                }
                v.kinds.insert(field, Kind::Map);
            }
            // ...or one entry with fields of its own (the MOU's choices), merged field by field.
            Value::Object(map) => {
                v.put(field.clone(), Value::Object(map));
                v.kinds.insert(field, Kind::Scalar);
            }
            other => {
                v.entries.insert(field.clone(), other);
                v.kinds.insert(field, Kind::Scalar);
            }
        }
    }
    v
}

impl View {
    fn put(&mut self, key: String, mut value: Value) {
        if let Value::Object(o) = &mut value {
            if let Some(t) = o.remove("modified") {
                self.times.insert(key.clone(), t);
            }
        }
        self.entries.insert(key, value);
    }
}

/// A field's value before anything was typed in it: none, "", [], {}, false or 0.
fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        Some(Value::Bool(b)) => !b,
        Some(Value::Number(n)) => n.as_f64() == Some(0.0),
    }
}

/// The field of the plan an entry key belongs to (`members` of `members/m1`).
fn field_of(key: &str) -> &str {
    key.split_once('/').map_or(key, |(f, _)| f)
}

fn id_of(key: &str) -> &str {
    key.split_once('/').map_or("", |(_, id)| id)
}

/// Why a conflict needs a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// The same field was changed differently on both sides (or the stamps contradict).
    BothEdited,
    /// The sender removed it; this copy changed it.
    TheyRemoved,
    /// This copy removed it; the sender changed it.
    YouRemoved,
}

/// How a person settles a conflict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    Mine,
    Theirs,
    /// For list items: this copy's item stays, and the sender's is added beside it.
    Both,
    /// Text typed by hand (text fields only).
    Hand(String),
}

/// Where a change or conflict is, in the screens' words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub key: String,
    /// The toolkit section it belongs to (`None`: the plan's name, resources).
    pub section: Option<Section>,
    /// "Funding source “County grant”", or the question, in English (`what_said` is what the
    /// screen shows, in the language it speaks when it is drawn).
    pub what: String,
    /// The field's own label ("Deadline"), in English (`field_said`); empty for a whole entry
    /// or an answer.
    pub field: String,
    /// How `what` is said on screen: kept as English keys, so that a review drawn again after
    /// the language changes speaks the new language.
    said: Said,
    /// `field` as an English key, when it is one of the app's texts.
    field_key: Option<&'static str>,
}

/// The parts `Place::what` is made of, in English, translated where shown.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Said {
    /// Shown as written (an id or a field name this build does not know).
    AsIs,
    /// One of the app's texts (a question, a checklist line, a statement).
    Text(&'static str),
    /// A list item: its noun ("funding source") and its title (the plan's own text).
    Item { noun: &'static str, title: String },
    /// A function of the partnership, by its label.
    Function(&'static str),
}

impl Place {
    /// `what` in the language the app speaks now.
    pub fn what_said(&self) -> String {
        match &self.said {
            Said::AsIs => self.what.clone(),
            Said::Text(text) => crate::lang::tr(text).to_owned(),
            Said::Item { noun, title } => format!(
                "{} \u{201c}{title}\u{201d}",
                capitalized(crate::lang::tr(noun))
            ),
            Said::Function(label) => {
                crate::tr!(
                    "Function \u{201c}{name}\u{201d}",
                    name = crate::lang::tr(label)
                )
            }
        }
    }

    /// `field` in the language the app speaks now.
    pub fn field_said(&self) -> String {
        match self.field_key {
            Some(key) => crate::lang::tr(key).to_owned(),
            None => self.field.clone(),
        }
    }

    fn text(&mut self, text: &'static str) {
        self.what = text.to_owned();
        self.said = Said::Text(text);
    }

    fn field_text(&mut self, label: &'static str) {
        self.field = label.to_owned();
        self.field_key = Some(label);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Edited,
    Removed,
    Reordered,
}

/// A change the merge applies to this copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub place: Place,
    pub kind: ChangeKind,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub place: Place,
    pub kind: ConflictKind,
    /// The JSON property (`due`), or `None` for the whole entry.
    pub prop: Option<String>,
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
    pub mine_text: String,
    pub theirs_text: String,
    /// "Keep both" is possible (a list item).
    pub item: bool,
    /// Editing by hand is possible (a text value).
    pub text: bool,
    /// Who made the other side's last edit, if they said.
    pub by: String,
}

/// The outcome of a merge, before any conflict is settled.
#[derive(Clone, Debug)]
pub struct Merge {
    pub changes: Vec<Change>,
    pub conflicts: Vec<Conflict>,
    /// Whether the common ancestor was known (three-way) or only the stamps (two-way).
    pub three_way: bool,
    entries: BTreeMap<String, Value>,
    times: BTreeMap<String, Value>,
    orders: BTreeMap<String, Vec<String>>,
    kinds: BTreeMap<String, Kind>,
    stamps: BTreeMap<String, Stamp>,
    tombstones: BTreeMap<String, Tombstone>,
    /// Entries taken whole from one side (`true`: theirs), moved in once the merge is done.
    picks: Vec<(String, bool)>,
    editor: super::stamp::Editor,
    meta: Map<String, Value>,
    theirs_export: String,
    theirs_taken_in: Vec<String>,
    theirs_times: (Millis, Millis),
}

impl Merge {
    /// Nothing in the file is new here: no change, no conflict.
    pub fn nothing_new(&self) -> bool {
        self.changes.is_empty() && self.conflicts.is_empty()
    }
}

/// Merges `theirs` into `mine`; `ancestor` is the copy both last had, when known.
pub fn merge(mine: &Plan, theirs: &Plan, ancestor: Option<&Plan>) -> Merge {
    let (m, t) = (view(mine), view(theirs));
    let a = ancestor.map(view);
    let mut kinds = m.kinds.clone();
    for (k, v) in &t.kinds {
        kinds.entry(k.clone()).or_insert(*v);
    }
    let mut out = Merge {
        changes: Vec::new(),
        conflicts: Vec::new(),
        three_way: a.is_some(),
        entries: BTreeMap::new(),
        times: BTreeMap::new(),
        orders: BTreeMap::new(),
        kinds,
        stamps: BTreeMap::new(),
        tombstones: BTreeMap::new(),
        picks: Vec::new(),
        editor: mine.editor.clone(),
        meta: Map::new(),
        theirs_export: theirs.export_id.clone(),
        theirs_taken_in: theirs.taken_in.clone(),
        theirs_times: (theirs.created, theirs.modified),
    };
    // Every key either side knows: entries, stamps (a cleared score keeps its stamp) and
    // tombstones. Order keys are merged with the lists below.
    let mut keys: Vec<&str> = m
        .entries
        .keys()
        .chain(t.entries.keys())
        .chain(mine.stamps.keys())
        .chain(theirs.stamps.keys())
        .chain(mine.tombstones.keys())
        .chain(theirs.tombstones.keys())
        .map(String::as_str)
        .filter(|k| !k.starts_with("order/"))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    for key in keys {
        entry(&mut out, key, mine, theirs, &m, &t, a.as_ref());
    }
    // Move the entries taken whole into the merged plan (no copy of a 2 MB plan's values).
    let (mut me, mut te, mut mt, mut tt) = (m.entries, t.entries, m.times, t.times);
    for (key, theirs_side) in std::mem::take(&mut out.picks) {
        let (e, times) = if theirs_side {
            (&mut te, &mut tt)
        } else {
            (&mut me, &mut mt)
        };
        if let Some(time) = times.remove(&key) {
            out.times.insert(key.clone(), time);
        }
        if let Some(v) = e.remove(&key) {
            out.entries.insert(key, v);
        }
    }
    for (key, time) in tt.into_iter().chain(mt) {
        out.times.entry(key).or_insert(time);
    }
    out.meta = m.meta;
    let ao = a.as_ref().map(|a| &a.orders);
    for (field, kind) in out.kinds.clone() {
        if kind == Kind::List {
            order(&mut out, &field, mine, theirs, &m.orders, &t.orders, ao);
        }
    }
    // Changes to list items in the order of the merged list (keys are in id order).
    let position: BTreeMap<&str, usize> = out
        .orders
        .iter()
        .flat_map(|(field, ids)| {
            ids.iter()
                .enumerate()
                .map(move |(i, id)| (field.as_str(), id, i))
        })
        .map(|(_, id, i)| (id.as_str(), i))
        .collect();
    let mut changes = std::mem::take(&mut out.changes);
    changes.sort_by_cached_key(|c| {
        let key = c.place.key.as_str();
        (
            field_of(key).to_owned(),
            position.get(id_of(key)).copied().unwrap_or(usize::MAX),
        )
    });
    out.changes = changes;
    out
}

/// What a side says of an entry: its content (absent if removed, cleared or never there) and
/// the vector of its last edit (`None` if it never saw the entry at all).
fn side<'a>(plan: &Plan, v: &'a View, key: &str) -> (Option<&'a Value>, Option<Vector>) {
    let content = v.entries.get(key);
    let vector = plan
        .stamps
        .get(key)
        .map(|s| s.v.clone())
        .or_else(|| plan.tombstones.get(key).map(|t| t.v.clone()));
    let vector = vector.or_else(|| content.map(|_| Vector::new()));
    (content, vector)
}

#[allow(clippy::too_many_arguments)]
fn entry(
    out: &mut Merge,
    key: &str,
    mine: &Plan,
    theirs: &Plan,
    m: &View,
    t: &View,
    a: Option<&View>,
) {
    let (mv, mvec) = side(mine, m, key);
    let (tv, tvec) = side(theirs, t, key);
    let av: Option<Option<&Value>> = a.map(|a| a.entries.get(key));
    let in_ancestor = av.flatten().is_some();
    let take = |out: &mut Merge, from: &Plan, theirs_side: bool, value: Option<&Value>| {
        if value.is_some() {
            out.picks.push((key.to_owned(), theirs_side));
        }
        if let Some(s) = from.stamps.get(key) {
            out.stamps.insert(key.to_owned(), s.clone());
        }
        if let (None, Some(tomb)) = (value, from.tombstones.get(key)) {
            out.tombstones.insert(key.to_owned(), tomb.clone());
        }
    };
    if mv == tv {
        take(out, mine, false, mv);
        if mine.stamps.get(key) != theirs.stamps.get(key)
            || mine.tombstones.get(key) != theirs.tombstones.get(key)
        {
            join_stamps(out, key, mine, theirs);
        }
        return;
    }
    // A side that never saw the entry: the other side added it (unless the ancestor had it,
    // and it went without a tombstone, as in a version 1 copy: then it was removed).
    let (mvec, tvec) = match (mvec, tvec) {
        (None, _) if !in_ancestor => {
            take(out, theirs, true, tv);
            change(out, mine, key, mv, tv);
            return;
        }
        (_, None) if !in_ancestor => {
            take(out, mine, false, mv);
            return;
        }
        (m, t) => (m.unwrap_or_default(), t.unwrap_or_default()),
    };
    let base: Option<Option<&Value>> = match compare(&mvec, &tvec) {
        Order::After => {
            take(out, mine, false, mv);
            return;
        }
        Order::Before => {
            take(out, theirs, true, tv);
            change(out, mine, key, mv, tv);
            return;
        }
        // The same stamp on different content: the stamps contradict each other.
        Order::Same if !mvec.is_empty() => None,
        _ => av,
    };
    // Made apart: three-way with the ancestor's content, when known.
    match base {
        Some(b) if b == mv => {
            take(out, theirs, true, tv);
            change(out, mine, key, mv, tv);
            join_stamps(out, key, mine, theirs);
            return;
        }
        Some(b) if b == tv => {
            take(out, mine, false, mv);
            join_stamps(out, key, mine, theirs);
            return;
        }
        _ => {}
    }
    let is_item = out.kinds.get(field_of(key)) == Some(&Kind::List) && field_of(key) != "functions";
    let by = theirs
        .stamps
        .get(key)
        .map(|s| s.by.clone())
        .or_else(|| theirs.tombstones.get(key).map(|t| t.by.clone()))
        .unwrap_or_default();
    match (mv, tv) {
        (Some(Value::Object(mo)), Some(Value::Object(to))) => {
            // Field by field; the merged entry starts as mine.
            let bo = base.flatten().and_then(Value::as_object);
            // The ancestor is known but never had this entry (the MOU's choices, written only
            // once set, or an answer both gave): each of its fields started empty.
            let from_empty = matches!(base, Some(None));
            let mut merged = mo.clone();
            let mut props: Vec<&String> = mo.keys().chain(to.keys()).collect();
            props.sort();
            props.dedup();
            for p in props {
                let (x, y) = (mo.get(p), to.get(p));
                if x == y {
                    continue;
                }
                let b = bo.map(|o| o.get(p));
                let was = |v: Option<&Value>| match b {
                    Some(b) => b == v,
                    None => from_empty && is_empty(v),
                };
                if was(x) {
                    match y {
                        Some(y) => merged.insert(p.clone(), y.clone()),
                        None => merged.remove(p),
                    };
                    let place = place_of(mine, key, Some(p));
                    out.changes.push(Change {
                        place,
                        kind: ChangeKind::Edited,
                        before: show(x),
                        after: show(y),
                    });
                } else if was(y) {
                    // Only mine changed it.
                } else {
                    let text = matches!((x, y), (Some(Value::String(_)), Some(Value::String(_))))
                        && p != "id";
                    out.conflicts.push(Conflict {
                        place: place_of(mine, key, Some(p)),
                        kind: ConflictKind::BothEdited,
                        prop: Some(p.clone()),
                        mine: x.cloned(),
                        theirs: y.cloned(),
                        mine_text: show(x),
                        theirs_text: show(y),
                        item: is_item,
                        text,
                        by: by.clone(),
                    });
                }
            }
            out.entries.insert(key.to_owned(), Value::Object(merged));
            if let Some(time) = m.times.get(key).or_else(|| t.times.get(key)) {
                out.times.insert(key.to_owned(), time.clone());
            }
            join_stamps(out, key, mine, theirs);
        }
        _ => {
            // Removed on one side and changed on the other, or a whole value changed on both.
            let kind = match (mv, tv) {
                (Some(_), None) => ConflictKind::TheyRemoved,
                (None, Some(_)) => ConflictKind::YouRemoved,
                _ => ConflictKind::BothEdited,
            };
            take(out, mine, false, mv);
            if mv.is_none() {
                // Kept out until settled; the tombstone stays with the entry's stamps.
                if let Some(tomb) = mine.tombstones.get(key) {
                    out.tombstones.insert(key.to_owned(), tomb.clone());
                }
            }
            join_stamps(out, key, mine, theirs);
            let text = matches!((mv, tv), (Some(Value::String(_)), Some(Value::String(_))));
            out.conflicts.push(Conflict {
                place: place_of(mine, key, None).with_title(theirs_title(theirs, key)),
                kind,
                prop: None,
                mine: mv.cloned(),
                theirs: tv.cloned(),
                mine_text: show(mv),
                theirs_text: show(tv),
                item: is_item,
                text,
                by,
            });
        }
    }
}

/// The merged entry has seen both sides' edits.
fn join_stamps(out: &mut Merge, key: &str, mine: &Plan, theirs: &Plan) {
    let vec = |p: &Plan| {
        p.stamps
            .get(key)
            .map(|s| (s.v.clone(), s.at, s.by.clone()))
            .or_else(|| {
                p.tombstones
                    .get(key)
                    .map(|t| (t.v.clone(), t.at, t.by.clone()))
            })
    };
    let (x, y) = (vec(mine), vec(theirs));
    let joined = match (x, y) {
        (None, None) => return,
        (Some(a), None) | (None, Some(a)) => a,
        (Some(a), Some(b)) => {
            let latest = if (a.1, &a.2) >= (b.1, &b.2) { &a } else { &b };
            (join(&a.0, &b.0), latest.1, latest.2.clone())
        }
    };
    let alive = out.entries.contains_key(key) || out.picks.last().is_some_and(|(k, _)| k == key);
    if alive || out.kinds.get(field_of(key)) != Some(&Kind::List) {
        out.tombstones.remove(key);
        out.stamps.insert(
            key.to_owned(),
            Stamp {
                v: joined.0,
                at: joined.1,
                by: joined.2,
            },
        );
    } else {
        out.stamps.remove(key);
        out.tombstones.insert(
            key.to_owned(),
            Tombstone {
                v: joined.0,
                at: joined.1,
                by: joined.2,
            },
        );
    }
}

/// Records the change from `before` (mine) to `after` (theirs, taken).
fn change(out: &mut Merge, mine: &Plan, key: &str, before: Option<&Value>, after: Option<&Value>) {
    let kind = match (before, after) {
        (None, Some(_)) => ChangeKind::Added,
        (Some(_), None) => ChangeKind::Removed,
        _ => ChangeKind::Edited,
    };
    if kind == ChangeKind::Edited {
        if let (Some(Value::Object(b)), Some(Value::Object(a))) = (before, after) {
            let mut props: Vec<&String> = b.keys().chain(a.keys()).collect();
            props.sort();
            props.dedup();
            for p in props {
                if b.get(p) != a.get(p) {
                    let place = place_of(mine, key, Some(p));
                    out.changes.push(Change {
                        place,
                        kind,
                        before: show(b.get(p)),
                        after: show(a.get(p)),
                    });
                }
            }
            return;
        }
    }
    let mut place = place_of(mine, key, None);
    if kind == ChangeKind::Added {
        if let Some(title) = after.map(|v| title_of(key, v)) {
            place = place.with_title(title);
        }
    }
    out.changes.push(Change {
        place,
        kind,
        before: show(before),
        after: show(after),
    });
}

/// A list's order: the side that moved items wins, the other's new items go after their
/// neighbour.
#[allow(clippy::too_many_arguments)]
fn order(
    out: &mut Merge,
    field: &str,
    mine: &Plan,
    theirs: &Plan,
    m: &BTreeMap<String, Vec<String>>,
    t: &BTreeMap<String, Vec<String>>,
    a: Option<&BTreeMap<String, Vec<String>>>,
) {
    let empty = Vec::new();
    let mo = m.get(field).unwrap_or(&empty);
    let to = t.get(field).unwrap_or(&empty);
    let okey = stamp::order_key(field);
    let (mvec, tvec) = (mine.vector(&okey), theirs.vector(&okey));
    let common = |x: &Vec<String>, y: &Vec<String>| -> Vec<String> {
        let ys: std::collections::BTreeSet<&String> = y.iter().collect();
        x.iter().filter(|i| ys.contains(i)).cloned().collect()
    };
    let tie = || (stamp::rank(&mvec), mo) >= (stamp::rank(&tvec), to);
    let mine_wins = if common(mo, to) == common(to, mo) {
        // Nobody moved an item the other has: the rule only places new items.
        tie()
    } else {
        match compare(&mvec, &tvec) {
            Order::After => true,
            Order::Before => false,
            _ => {
                let ao = a.and_then(|a| a.get(field));
                let theirs_moved =
                    ao.map(|ao| common(&common(to, ao), mo) != common(&common(ao, to), mo));
                let mine_moved =
                    ao.map(|ao| common(&common(mo, ao), to) != common(&common(ao, mo), to));
                match (mine_moved, theirs_moved) {
                    (Some(false), Some(true)) => false,
                    (Some(true), Some(false)) => true,
                    // Both moved, or no ancestor: a rule that does not depend on the side.
                    _ => tie(),
                }
            }
        }
    };
    let (w, other) = if mine_wins { (mo, to) } else { (to, mo) };
    // Items whose fate a person decides keep their place, so that either choice is placed alike.
    let pending: std::collections::BTreeSet<&str> =
        out.conflicts.iter().map(|c| c.place.key.as_str()).collect();
    let alive = |id: &String| {
        let key = stamp::key(field, id);
        out.entries.contains_key(&key) || pending.contains(key.as_str())
    };
    let base: Vec<String> = w.iter().filter(|i| alive(i)).cloned().collect();
    let in_base: std::collections::BTreeSet<&String> = base.iter().collect();
    // The other side's new items, grouped after the nearest earlier item the base has.
    let mut after: BTreeMap<Option<&String>, Vec<String>> = BTreeMap::new();
    let mut anchor: Option<&String> = None;
    for id in other {
        if in_base.contains(id) {
            anchor = Some(id);
        } else if alive(id) {
            after.entry(anchor).or_default().push(id.clone());
        }
    }
    let mut merged = Vec::with_capacity(base.len() + other.len());
    merged.extend(after.remove(&None).unwrap_or_default());
    for id in &base {
        merged.push(id.clone());
        if let Some(group) = after.remove(&Some(id)) {
            merged.extend(group);
        }
    }
    let mine_alive: Vec<String> = mo.iter().filter(|i| alive(i)).cloned().collect();
    // An order neither side had (an item put back where an older order had it, say) is a new
    // edit: a copy holding either side's order must not look as new as it.
    let stale = {
        let joined = join(&mvec, &tvec);
        let stale = |v: &Vector, side: &Vec<String>| {
            let side: Vec<String> = side.iter().filter(|i| alive(i)).cloned().collect();
            common(&merged, &side) != common(&side, &merged) && compare(&joined, v) != Order::After
        };
        // An item removed on one side and kept for now: its place comes from the other side's
        // order, which the removing side's order stamp may claim to have seen.
        let put_back = out
            .conflicts
            .iter()
            .any(|c| c.kind != ConflictKind::BothEdited && field_of(&c.place.key) == field);
        put_back || stale(&mvec, mo) || stale(&tvec, to)
    };
    if common(&merged, &mine_alive) != common(&mine_alive, &merged) {
        let spec = fields::spec_by_key(field);
        let list = spec.map_or(field.to_owned(), |s| s.heading.to_owned());
        out.changes.push(Change {
            place: Place {
                key: okey.clone(),
                section: spec.and_then(|s| section_of_list(s.kind)),
                what: list,
                field: "Order".into(),
                said: spec.map_or(Said::AsIs, |s| Said::Text(s.heading)),
                field_key: Some(crate::en!("Order")),
            },
            kind: ChangeKind::Reordered,
            before: String::new(),
            after: String::new(),
        });
    }
    out.orders.insert(field.to_owned(), merged);
    let s = if compare(&mvec, &tvec) == Order::Before {
        theirs.stamps.get(&okey)
    } else {
        mine.stamps.get(&okey)
    };
    let mut joined = join(&mvec, &tvec);
    if stale {
        joined = stamp::bump(&joined, mine.editor.device());
    }
    if !joined.is_empty() {
        let (at, by) = s.map_or((0, String::new()), |s| (s.at, s.by.clone()));
        out.stamps.insert(okey, Stamp { v: joined, at, by });
    }
}

impl Place {
    fn with_title(mut self, title: String) -> Place {
        if !title.is_empty() && self.what.ends_with("\u{201c}\u{201d}") {
            let noun = self.what.trim_end_matches("\u{201c}\u{201d}");
            self.what = format!("{noun}\u{201c}{title}\u{201d}");
            if let Said::Item { title: said, .. } = &mut self.said {
                *said = title;
            }
        }
        self
    }
}

fn theirs_title(theirs: &Plan, key: &str) -> String {
    fields::spec_by_key(field_of(key))
        .map(|s| theirs.item_title(s.kind, id_of(key)))
        .unwrap_or_default()
}

/// An item's title from its JSON (for an item this copy does not have).
fn title_of(key: &str, value: &Value) -> String {
    let Some(spec) = fields::spec_by_key(field_of(key)) else {
        return String::new();
    };
    let mut p = Plan::new("t".into(), 0);
    if p.push_item_value(spec.kind, value.clone()).is_ok() {
        p.item_title(spec.kind, id_of(key))
    } else {
        String::new()
    }
}

pub fn section_of_list(list: ListKind) -> Option<Section> {
    match list {
        ListKind::Members | ListKind::Networks => Some(Section::Membership),
        ListKind::Roles | ListKind::Subgroups => Some(Section::Leadership),
        ListKind::Goals | ListKind::Strategies | ListKind::Actions => Some(Section::Management),
        ListKind::Funding => Some(Section::Funding),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// Where an entry (and one of its properties) is, in the screens' words.
fn place_of(plan: &Plan, key: &str, prop: Option<&str>) -> Place {
    let (field, id) = (field_of(key), id_of(key));
    let prop = prop.unwrap_or("");
    let mut place = Place {
        key: key.to_owned(),
        section: None,
        what: String::new(),
        field: String::new(),
        said: Said::AsIs,
        field_key: None,
    };
    match field {
        "name" => place.text(crate::en!("The plan's name")),
        "answers" => {
            let q = content::question(id);
            place.section = q.map(|q| q.section).or_else(|| section_prefix(id));
            match q {
                Some(q) => place.text(q.label),
                None => place.what = id.to_owned(),
            }
        }
        "checks" => {
            place.section = Some(Section::Survivors);
            match content::guidance::SURVIVOR_CHECKLIST
                .iter()
                .find(|c| c.id == id)
            {
                Some(c) => place.text(c.text),
                None => place.what = id.to_owned(),
            }
            place.field_text(crate::en!("Done"));
        }
        "scores" => {
            place.section = Some(Section::Trust);
            match content::guidance::HEALTH_STATEMENTS
                .iter()
                .find(|c| c.id == id)
            {
                Some(c) => place.text(c.text),
                None => place.what = id.to_owned(),
            }
            place.field_text(crate::en!("Score"));
        }
        "functions" => {
            place.section = Some(Section::Functions);
            match serde_json::from_value::<content::FunctionKind>(Value::String(id.into())) {
                Ok(k) => {
                    place.what = format!("Function \u{201c}{}\u{201d}", k.label());
                    place.said = Said::Function(k.label());
                }
                Err(_) => place.what = id.to_owned(),
            }
            match prop {
                "selected" => place.field_text(crate::en!("Chosen")),
                "note" => place.field_text(crate::en!("How the partnership will carry it out")),
                "pillars" => place.field_text(crate::en!("Which of the 4 Ps it serves")),
                _ => {}
            }
        }
        _ => match fields::spec_by_key(field) {
            Some(spec) => {
                place.section = section_of_list(spec.kind);
                let title = plan.item_title(spec.kind, id);
                let noun = capitalized(spec.noun);
                place.what = format!("{noun} \u{201c}{title}\u{201d}");
                place.said = Said::Item {
                    noun: spec.noun,
                    title,
                };
                match spec.fields.iter().find(|f| f.field.key() == prop) {
                    Some(f) => place.field_text(f.label),
                    None => place.field = prop.to_owned(),
                }
            }
            None => {
                place.what = field.to_owned();
                place.field = prop.to_owned();
            }
        },
    }
    place
}

fn section_prefix(id: &str) -> Option<Section> {
    Section::from_slug(id.split('.').next().unwrap_or_default())
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// What `show` writes for a value that is not text: kept in English in the merge (which the
/// review holds while the language may change) and translated where shown (`said`).
const NO_VALUE: &str = crate::en!("(none)");
const EMPTY: &str = crate::en!("(empty)");
const YES: &str = crate::en!("Yes");
const NO: &str = crate::en!("No");

/// A value `show` wrote, in the language the app speaks now: its words for a value that is
/// not text ("(none)", "Yes"), the plan's own text as it is.
pub fn said(shown: &str) -> String {
    match [NO_VALUE, EMPTY, YES, NO].into_iter().find(|w| *w == shown) {
        Some(word) => crate::lang::tr(word).to_owned(),
        None => shown.to_owned(),
    }
}

/// A value as text for the review screen (its words in English: see `said`).
pub fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => NO_VALUE.into(),
        Some(Value::String(s)) if s.is_empty() => EMPTY.into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => YES.into(),
        Some(Value::Bool(false)) => NO.into(),
        Some(Value::Array(a)) if a.is_empty() => NO_VALUE.into(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| show(Some(x)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Object(o)) => {
            // A whole item or answer: its text fields, in order.
            let texts: Vec<String> = ["text", "title", "name", "what"]
                .iter()
                .filter_map(|k| o.get(*k).and_then(Value::as_str))
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            if texts.is_empty() {
                o.iter()
                    .filter(|(k, _)| k.as_str() != "id")
                    .map(|(k, v)| format!("{k}: {}", show(Some(v))))
                    .collect::<Vec<_>>()
                    .join("; ")
            } else {
                texts.join("; ")
            }
        }
        Some(other) => other.to_string(),
    }
}

impl Merge {
    /// The merged plan, with conflict `i` settled by `choices[i]` (a missing choice keeps
    /// this copy's version). `new_id` names the sender's copy of an item kept beside this
    /// copy's ("Keep both"). A value typed by hand that does not fit is refused with the
    /// reason, and nothing is made.
    pub fn resolve(
        &self,
        choices: &[Resolution],
        now: Millis,
        mut new_id: impl FnMut() -> String,
    ) -> Result<Plan, String> {
        let mut entries = self.entries.clone();
        let mut orders = self.orders.clone();
        let mut stamps = self.stamps.clone();
        let mut tombstones = self.tombstones.clone();
        let editor = &self.editor;
        let mut settled = |key: &str, alive: bool| {
            let old = stamps
                .get(key)
                .map(|s| s.v.clone())
                .or_else(|| tombstones.get(key).map(|t| t.v.clone()))
                .unwrap_or_default();
            let v = stamp::bump(&old, editor.device());
            let by = editor.label.clone();
            if alive {
                tombstones.remove(key);
                stamps.insert(key.to_owned(), Stamp { v, at: now, by });
            } else {
                stamps.remove(key);
                tombstones.insert(key.to_owned(), Tombstone { v, at: now, by });
            }
        };
        for (i, c) in self.conflicts.iter().enumerate() {
            let choice = choices.get(i).cloned().unwrap_or(Resolution::Mine);
            let key = &c.place.key;
            let chosen: Option<Option<Value>> = match &choice {
                Resolution::Mine => Some(c.mine.clone()),
                Resolution::Theirs => Some(c.theirs.clone()),
                Resolution::Hand(text) if c.text => Some(Some(Value::String(text.clone()))),
                Resolution::Hand(_) => Some(c.mine.clone()),
                Resolution::Both => None,
            };
            match (chosen, &c.prop) {
                (Some(value), Some(prop)) => {
                    if let Some(Value::Object(o)) = entries.get_mut(key) {
                        match value {
                            Some(v) => o.insert(prop.clone(), v),
                            None => o.remove(prop),
                        };
                    }
                    settled(key, true);
                }
                (Some(value), None) => {
                    let alive = value.is_some();
                    match value {
                        Some(v) => entries.insert(key.clone(), v),
                        None => entries.remove(key),
                    };
                    // Its place in the list was kept for either choice (`order`).
                    let field = field_of(key).to_owned();
                    let list = self.kinds.get(&field) == Some(&Kind::List);
                    settled(key, alive || !list);
                }
                (None, _) => {
                    // Keep both: this copy's entry as it is, the sender's as a new item after it.
                    let field = field_of(key).to_owned();
                    let theirs_item = match (&c.prop, entries.get(key)) {
                        (Some(prop), Some(Value::Object(o))) => {
                            let mut o = o.clone();
                            match &c.theirs {
                                Some(v) => o.insert(prop.clone(), v.clone()),
                                None => o.remove(prop),
                            };
                            Some(Value::Object(o))
                        }
                        _ => c.theirs.clone(),
                    };
                    if let (Some(Value::Object(mut o)), true) = (theirs_item, c.item) {
                        let id = new_id();
                        o.insert("id".into(), Value::String(id.clone()));
                        let new_key = stamp::key(&field, &id);
                        entries.insert(new_key.clone(), Value::Object(o));
                        if let Some(order) = orders.get_mut(&field) {
                            let at = order.iter().position(|i| i == id_of(key));
                            let at = at.map_or(order.len(), |p| p + 1);
                            order.insert(at, id);
                        }
                        settled(&new_key, true);
                    }
                    if let (Some(mine), None) = (&c.mine, &c.prop) {
                        entries.insert(key.clone(), mine.clone());
                    }
                    if entries.contains_key(key) {
                        settled(key, true);
                    }
                }
            }
        }
        self.build(entries, orders, stamps, tombstones, now)
    }

    fn build(
        &self,
        entries: BTreeMap<String, Value>,
        orders: BTreeMap<String, Vec<String>>,
        stamps: BTreeMap<String, Stamp>,
        tombstones: BTreeMap<String, Tombstone>,
        now: Millis,
    ) -> Result<Plan, String> {
        let mut top = self.meta.clone();
        // Set below, from the merge; not read again.
        top.remove("stamps");
        top.remove("tombstones");
        let mut maps: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
        let with_time = |key: &str, mut v: Value| {
            if let Value::Object(o) = &mut v {
                let t = self.times.get(key).cloned().unwrap_or(Value::from(now));
                o.insert("modified".into(), t);
            }
            v
        };
        for (key, value) in &entries {
            let field = field_of(key);
            match self.kinds.get(field) {
                Some(Kind::Map) => {
                    maps.entry(field)
                        .or_default()
                        .insert(id_of(key).to_owned(), with_time(key, value.clone()));
                }
                Some(Kind::Scalar) => {
                    top.insert(field.to_owned(), with_time(key, value.clone()));
                }
                _ => {}
            }
        }
        for (field, kind) in &self.kinds {
            match kind {
                Kind::Map => {
                    top.insert(
                        field.clone(),
                        Value::Object(maps.remove(field.as_str()).unwrap_or_default()),
                    );
                }
                Kind::List => {
                    let items = orders
                        .get(field)
                        .map(|o| {
                            o.iter()
                                .filter_map(|id| {
                                    let key = stamp::key(field, id);
                                    entries.get(&key).map(|v| with_time(&key, v.clone()))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    top.insert(field.clone(), Value::Array(items));
                }
                Kind::Scalar => {}
            }
        }
        let mut plan: Plan = super::json::typed(Value::Object(top), "plan")
            .map_err(|(path, problem)| format!("{path} {problem}"))?;
        plan.editor = self.editor.clone();
        plan.stamps = stamps.into_iter().collect();
        // A tombstone is kept only while its item stays removed.
        plan.tombstones = tombstones
            .into_iter()
            .filter(|(k, _)| !entries.contains_key(k))
            .collect();
        plan.created = plan.created.min(self.theirs_times.0);
        plan.modified = plan.modified.max(self.theirs_times.1);
        if !self.nothing_new() {
            plan.modified = plan.modified.max(now);
        }
        for id in self.theirs_taken_in.iter().chain([&self.theirs_export]) {
            if !id.is_empty() && !plan.taken_in.contains(id) {
                plan.taken_in.push(id.clone());
            }
        }
        let extra = plan.taken_in.len().saturating_sub(stamp::MAX_TAKEN_IN);
        plan.taken_in.drain(..extra);
        plan.check()
            .map_err(|(path, problem)| format!("{path} {problem}"))?;
        Ok(plan)
    }
}

/// The same content, ignoring times and merge data: what the user sees.
pub fn same_content(a: &Plan, b: &Plan) -> bool {
    let (x, y) = (view(a), view(b));
    x.entries == y.entries && x.orders == y.orders
}

/// The words of `a` and of `b`, each marked `true` where it is not in the other (a word-level
/// longest common subsequence), for showing both versions with their changed words marked.
/// Long texts are compared by lines' worth of work at most: past it every word is marked.
pub fn word_diff(a: &str, b: &str) -> (Vec<(String, bool)>, Vec<(String, bool)>) {
    let x: Vec<&str> = a.split_inclusive(char::is_whitespace).collect();
    let y: Vec<&str> = b.split_inclusive(char::is_whitespace).collect();
    let all = |w: &[&str], m: bool| w.iter().map(|s| (s.to_string(), m)).collect::<Vec<_>>();
    if x.len().saturating_mul(y.len()) > 250_000 {
        return (all(&x, true), all(&y, true));
    }
    let key = |s: &str| s.trim_end().to_owned();
    // lcs[i][j]: the common words of x[i..] and y[j..].
    let mut lcs = vec![vec![0u32; y.len() + 1]; x.len() + 1];
    for i in (0..x.len()).rev() {
        for j in (0..y.len()).rev() {
            lcs[i][j] = if key(x[i]) == key(y[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut ox, mut oy) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        if i < x.len() && j < y.len() && key(x[i]) == key(y[j]) {
            ox.push((x[i].to_owned(), false));
            oy.push((y[j].to_owned(), false));
            i += 1;
            j += 1;
        } else if j >= y.len() || (i < x.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            ox.push((x[i].to_owned(), true));
            i += 1;
        } else {
            oy.push((y[j].to_owned(), true));
            j += 1;
        }
    }
    (ox, oy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_keep_english_keys_and_say_them_as_written_in_english() {
        let plan = Plan::new("t".into(), 0);
        let name = place_of(&plan, "name", None);
        assert_eq!(
            (name.what.as_str(), name.what_said()),
            ("The plan's name", "The plan's name".into())
        );
        let check = &content::guidance::SURVIVOR_CHECKLIST[0];
        let done = place_of(&plan, &format!("checks/{}", check.id), None);
        assert_eq!(done.what_said(), check.text);
        assert_eq!(
            (done.field.as_str(), done.field_said()),
            ("Done", "Done".into())
        );
        // An id this build does not know is shown as it is.
        let odd = place_of(&plan, "answers/made.up", None);
        assert_eq!(odd.what_said(), "made.up");
        // The words for values that are not text are the app's; the plan's own text is kept.
        assert_eq!(said(&show(None)), "(none)");
        assert_eq!(said(&show(Some(&Value::Bool(true)))), "Yes");
        assert_eq!(said("County grant"), "County grant");
    }

    #[test]
    fn changed_words_are_marked_on_each_side() {
        let (a, b) = word_diff("Sign the MOU by June", "Sign the new MOU by July");
        let marked = |v: &[(String, bool)]| {
            v.iter()
                .filter(|w| w.1)
                .map(|w| w.0.trim().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(marked(&a), ["June"]);
        assert_eq!(marked(&b), ["new", "July"]);
        let whole: String = a.iter().map(|w| w.0.as_str()).collect();
        assert_eq!(whole, "Sign the MOU by June");
    }
}
