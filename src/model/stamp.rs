//! Revision stamps and tombstones: what a merge needs to know about every entry of a plan.
//!
//! An *entry* is anything a user edits on its own: the plan's name (`name`), one answer
//! (`answers/<question>`), one checklist tick (`checks/<id>`), one score (`scores/<id>`), one
//! function choice (`functions/<kind>`), one list item (`<list>/<id>`, e.g. `members/m1`), and
//! the order of a list (`order/<list>`). The keys are the plan file's own field names, so a list
//! or a field added to `items::lists!` is covered without code here.
//!
//! Each entry's stamp is a *version vector*: for every device that edited the entry, how many
//! edits of it that device has made. It orders edits without trusting clocks: a stamp that is
//! at least the other in every device has seen the other's edits; two stamps neither of which
//! is at least the other were made apart, and only the content (or the common ancestor) can
//! tell whether they clash. The human time and the editor's label are kept for display only.

use serde::{Deserialize, Serialize};

use super::keyed::Keyed;
use super::time::Millis;

/// Most devices one stamp may name; a file with more is refused (no partnership has them, and
/// a hostile file must not make every comparison slow).
pub const MAX_DEVICES: usize = 64;
/// Most tombstones a plan may carry; each is a few dozen bytes, so a real plan stays far below.
pub const MAX_TOMBSTONES: usize = 50_000;
/// Most export and import ids remembered in `taken_in` (the oldest are dropped).
pub const MAX_TAKEN_IN: usize = 200;

/// Who is editing on this device. It belongs to the device, not to the plan: it is never
/// written to a file, and two plans that differ only in it are equal.
#[derive(Clone, Debug, Default)]
pub struct Editor {
    /// The device's random id (`io::new_id`), kept in the device settings.
    pub device: String,
    /// "Who am I on this device" ("fiscal agent, County DA's office"); may be empty.
    pub label: String,
}

impl PartialEq for Editor {
    fn eq(&self, _: &Editor) -> bool {
        true
    }
}
impl Eq for Editor {}

impl Editor {
    /// The device id used in stamps ("local" before the device has one, as in tests).
    pub fn device(&self) -> &str {
        if self.device.is_empty() {
            "local"
        } else {
            &self.device
        }
    }
}

/// A version vector: device id → edits of the entry made on that device.
pub type Vector = Keyed<u64>;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    /// Device id → number of edits of this entry made there.
    pub v: Vector,
    /// When the last edit was made (the editing device's clock; for people only).
    pub at: Millis,
    /// Who made the last edit, as they named themselves on their device (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// A removed list item, without its content: only that it was removed, when and by whom.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tombstone {
    /// The item's stamp at its removal, counting the removal.
    pub v: Vector,
    pub at: Millis,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// How two version vectors relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Same,
    /// The first has seen everything the second has, and more.
    After,
    Before,
    /// Made apart: neither has seen all of the other.
    Apart,
}

pub fn compare(a: &Vector, b: &Vector) -> Order {
    let (mut a_more, mut b_more) = (false, false);
    // Both are sorted by device: walk them together.
    let (mut i, mut j) = (a.iter().peekable(), b.iter().peekable());
    loop {
        match (i.peek(), j.peek()) {
            (None, None) => break,
            (Some((_, &x)), None) => {
                a_more |= x > 0;
                i.next();
            }
            (None, Some((_, &y))) => {
                b_more |= y > 0;
                j.next();
            }
            (Some((ka, &x)), Some((kb, &y))) => match ka.cmp(kb) {
                std::cmp::Ordering::Less => {
                    a_more |= x > 0;
                    i.next();
                }
                std::cmp::Ordering::Greater => {
                    b_more |= y > 0;
                    j.next();
                }
                std::cmp::Ordering::Equal => {
                    a_more |= x > y;
                    b_more |= y > x;
                    i.next();
                    j.next();
                }
            },
        }
    }
    match (a_more, b_more) {
        (false, false) => Order::Same,
        (true, false) => Order::After,
        (false, true) => Order::Before,
        (true, true) => Order::Apart,
    }
}

/// The smallest vector at least both: what a merged entry has seen.
pub fn join(a: &Vector, b: &Vector) -> Vector {
    let mut out = a.clone();
    for (k, &n) in b {
        if out.get(k).is_none_or(|&m| m < n) {
            out.insert(k.clone(), n);
        }
    }
    out
}

/// `v` with one more edit by `device`.
pub fn bump(v: &Vector, device: &str) -> Vector {
    let mut out = v.clone();
    let n = out.get(device).copied().unwrap_or(0);
    out.insert(device.to_owned(), n.saturating_add(1));
    out
}

/// A total order on vectors, the same whichever copy looks: for choices that must not depend
/// on which side is "mine" (two orders of a list both changed).
pub fn rank(v: &Vector) -> (u64, Vec<(&String, &u64)>) {
    (v.values().sum(), v.iter().collect())
}

/// The entry key of a list item, an answer, a tick, … (`members/m1`).
pub fn key(field: &str, id: &str) -> String {
    format!("{field}/{id}")
}

/// The entry key of a list's order (`order/members`).
pub fn order_key(list_field: &str) -> String {
    format!("order/{list_field}")
}

impl super::plan::Plan {
    /// Records an edit of entry `key` by this device's editor, at `now`.
    pub fn touch(&mut self, key: &str, now: Millis) {
        let device = self.editor.device().to_owned();
        let by = self.editor.label.clone();
        let old = self
            .stamps
            .get(key)
            .map(|s| s.v.clone())
            .or_else(|| self.tombstones.get(key).map(|t| t.v.clone()))
            .unwrap_or_default();
        self.tombstones.remove(key);
        self.stamps.insert(
            key.to_owned(),
            Stamp {
                v: bump(&old, &device),
                at: now,
                by,
            },
        );
    }

    /// Records the removal of list item `key`: its stamp becomes a tombstone.
    pub fn bury(&mut self, key: &str, now: Millis) {
        let device = self.editor.device().to_owned();
        let old = self.stamps.remove(key).map(|s| s.v).unwrap_or_default();
        self.tombstones.insert(
            key.to_owned(),
            Tombstone {
                v: bump(&old, &device),
                at: now,
                by: self.editor.label.clone(),
            },
        );
    }

    /// The stamp's vector of an entry (empty if it was never stamped, as in version 1 files).
    pub fn vector(&self, key: &str) -> Vector {
        self.stamps
            .get(key)
            .map(|s| s.v.clone())
            .unwrap_or_default()
    }
}

/// Most stamps a plan may carry (about one per entry; a real plan has a few thousand).
pub const MAX_STAMPS: usize = 200_000;

/// The limits a file's merge data must keep (`Plan::check`): a hostile file with 100,000
/// tombstones or devices is refused before any merge looks at it.
pub fn check(plan: &super::plan::Plan) -> Result<(), (String, String)> {
    let too_long = |s: &str| s.is_empty() || s.len() > 100;
    if plan.export_id.len() > 100 {
        return Err((
            "plan.export_id".into(),
            crate::lang::tr("is longer than 100 characters").into(),
        ));
    }
    if plan.taken_in.len() > MAX_TAKEN_IN {
        return Err((
            "plan.taken_in".into(),
            crate::tr!("lists more than {max} copies", max = MAX_TAKEN_IN),
        ));
    }
    if let Some(i) = plan.taken_in.iter().position(|s| too_long(s)) {
        return Err((
            format!("plan.taken_in[{i}]"),
            crate::lang::tr("must be 1 to 100 characters").into(),
        ));
    }
    if plan.tombstones.len() > MAX_TOMBSTONES {
        return Err((
            "plan.tombstones".into(),
            crate::tr!("holds more than {max} removed items", max = MAX_TOMBSTONES),
        ));
    }
    if plan.stamps.len() > MAX_STAMPS {
        return Err((
            "plan.stamps".into(),
            crate::tr!("holds more than {max} stamps", max = MAX_STAMPS),
        ));
    }
    let vectors = plan
        .stamps
        .iter()
        .map(|(k, s)| ("stamps", k, &s.v))
        .chain(plan.tombstones.iter().map(|(k, t)| ("tombstones", k, &t.v)));
    for (what, key, v) in vectors {
        if key.len() > 300 {
            return Err((
                format!("plan.{what}"),
                crate::lang::tr("has a key longer than 300 characters").into(),
            ));
        }
        if v.len() > MAX_DEVICES || v.keys().any(|d| too_long(d)) {
            return Err((
                format!("plan.{what}.{key}.v"),
                crate::tr!(
                    "must name 1 to {max} devices, each by a short id",
                    max = MAX_DEVICES
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(pairs: &[(&str, u64)]) -> Vector {
        pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
    }

    #[test]
    fn vectors_order_edits_without_clocks() {
        assert_eq!(compare(&v(&[]), &v(&[])), Order::Same);
        assert_eq!(compare(&v(&[("a", 2)]), &v(&[("a", 1)])), Order::After);
        assert_eq!(
            compare(&v(&[("a", 1)]), &v(&[("a", 1), ("b", 1)])),
            Order::Before
        );
        assert_eq!(
            compare(&v(&[("a", 2)]), &v(&[("a", 1), ("b", 1)])),
            Order::Apart
        );
        assert_eq!(compare(&v(&[("a", 0)]), &v(&[])), Order::Same);
        let j = join(&v(&[("a", 2)]), &v(&[("a", 1), ("b", 1)]));
        assert_eq!(j, v(&[("a", 2), ("b", 1)]));
        assert_eq!(bump(&j, "b"), v(&[("a", 2), ("b", 2)]));
    }
}
