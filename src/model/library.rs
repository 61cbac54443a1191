//! The plans kept on this device: which one is open, and when each was last saved and
//! exported. Stored as a small index beside the plans, so the list shows without reading them.

use serde::{Deserialize, Serialize};

use super::plan::Plan;
use super::time::{file_stamp, Millis};

/// Lenient: missing fields take their defaults and unknown ones are passed over, so an index
/// written by another version of the app still reads (it can always be rebuilt from the plans).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Library {
    /// The id of the plan that opens at start.
    pub open: Option<String>,
    pub plans: Vec<PlanEntry>,
}

/// One plan in the index. `id`, `name` and `modified` are required; the rest default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub id: String,
    pub name: String,
    /// The plan's own last-modified time, as of its last save.
    pub modified: Millis,
    #[serde(default)]
    pub saved: Option<Millis>,
    #[serde(default)]
    pub exported: Option<Millis>,
    /// The `plan_id` all copies of the plan share (known from the plan's last save), so an
    /// imported copy finds the plan it can merge into without reading every plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
}

impl Library {
    pub fn entry(&self, id: &str) -> Option<&PlanEntry> {
        self.plans.iter().find(|e| e.id == id)
    }

    /// The plan on this device, other than `except`, that is a copy of `plan_id`: known from
    /// the index, or (for entries written before the index kept it) by asking `plan_id_of`.
    pub fn copy_of(
        &self,
        plan_id: &str,
        except: &str,
        plan_id_of: impl Fn(&str) -> Option<String>,
    ) -> Option<&PlanEntry> {
        let others = || self.plans.iter().filter(move |e| e.id != except);
        others()
            .find(|e| e.plan_id.as_deref() == Some(plan_id))
            .or_else(|| {
                others()
                    .filter(|e| e.plan_id.is_none())
                    .find(|e| plan_id_of(&e.id).as_deref() == Some(plan_id))
            })
    }

    /// Records a save of `plan` at `at`, adding the plan to the list if it is new.
    pub fn saved(&mut self, plan: &Plan, at: Millis) {
        match self.plans.iter_mut().find(|e| e.id == plan.id) {
            Some(e) => {
                e.name = plan.stored_name().to_owned();
                e.modified = plan.modified;
                e.saved = Some(at);
                e.plan_id = Some(plan.plan_id.clone());
            }
            None => self.plans.push(PlanEntry {
                id: plan.id.clone(),
                name: plan.stored_name().to_owned(),
                modified: plan.modified,
                saved: Some(at),
                exported: None,
                plan_id: Some(plan.plan_id.clone()),
            }),
        }
    }

    pub fn exported(&mut self, id: &str, at: Millis) {
        if let Some(e) = self.plans.iter_mut().find(|e| e.id == id) {
            e.exported = Some(at);
        }
    }

    /// Takes a plan off the list; returns where it was, for undo.
    pub fn remove(&mut self, id: &str) -> Option<(usize, PlanEntry)> {
        let i = self.plans.iter().position(|e| e.id == id)?;
        if self.open.as_deref() == Some(id) {
            self.open = None;
        }
        Some((i, self.plans.remove(i)))
    }

    pub fn restore(&mut self, index: usize, entry: PlanEntry) {
        if self.entry(&entry.id).is_none() {
            self.plans.insert(index.min(self.plans.len()), entry);
        }
    }

    /// This tab's index merged with the one stored (by any tab), for writing or showing: no tab
    /// overwrites another's entries with a stale copy. Which plans exist is what storage holds
    /// (`stored_ids`, from the plan keys): an entry for a plan deleted elsewhere goes, a plan
    /// another tab created stays. For a plan both know, the entry saved last gives the name and
    /// the latest save and export times are kept. The stored order comes first; `open` is this
    /// tab's choice when it still exists.
    pub fn merged(&self, stored: Option<&Library>, stored_ids: &[String]) -> Library {
        let exists = |id: &str| stored_ids.iter().any(|s| s == id);
        let mut plans: Vec<PlanEntry> = Vec::new();
        let theirs = stored.map_or(&[][..], |l| &l.plans[..]);
        for entry in theirs.iter().chain(&self.plans) {
            if !exists(&entry.id) {
                continue;
            }
            match plans.iter_mut().find(|e| e.id == entry.id) {
                None => plans.push(entry.clone()),
                Some(kept) => *kept = newer_entry(kept, entry),
            }
        }
        let open = self
            .open
            .clone()
            .or_else(|| stored.and_then(|l| l.open.clone()))
            .filter(|id| exists(id));
        Library { open, plans }
    }
}

/// One plan's entry from two copies of the index: the name of the one saved last, the latest
/// times of both.
fn newer_entry(a: &PlanEntry, b: &PlanEntry) -> PlanEntry {
    let key = |e: &PlanEntry| (e.saved, e.modified);
    let mut newer = if key(b) > key(a) {
        b.clone()
    } else {
        a.clone()
    };
    newer.saved = a.saved.max(b.saved);
    newer.exported = a.exported.max(b.exported);
    if newer.plan_id.is_none() {
        newer.plan_id = a.plan_id.clone().or_else(|| b.plan_id.clone());
    }
    newer
}

/// Whether the plan has changes made since it was last exported (a never-exported plan with
/// any edit counts as unexported).
pub fn has_unexported_changes(plan: &Plan, exported: Option<Millis>) -> bool {
    match exported {
        Some(at) => plan.modified > at,
        None => plan.modified > plan.created,
    }
}

/// `front-range-coalition-2026-11-25-1742.json`: the plan's name made safe for any file system,
/// and the local date and time (`offset` minutes east of UTC), so two exports of one day differ.
pub fn export_file_name(plan: &Plan, now: Millis, offset: i64) -> String {
    let mut slug = String::new();
    for c in plan.name.trim().chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() {
        crate::lang::tr("partnership-plan")
    } else {
        slug
    };
    format!("{slug}-{}.json", file_stamp(now, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        let mut p = Plan::new("p".into(), 0);
        let day = 1_795_628_523_000;
        assert_eq!(
            export_file_name(&p, day, 0),
            "partnership-plan-2026-11-25-1742.json"
        );
        p.set_name("  Front Range / Pueblo: Anti-Trafficking “Coalition” ", 1);
        assert_eq!(
            export_file_name(&p, day, 0),
            "front-range-pueblo-anti-trafficking-coalition-2026-11-25-1742.json"
        );
        p.set_name("../../etc/passwd", 2);
        assert_eq!(
            export_file_name(&p, day, 0),
            "etc-passwd-2026-11-25-1742.json"
        );
        p.set_name("Équipe ✓", 3);
        assert_eq!(export_file_name(&p, day, 0), "quipe-2026-11-25-1742.json");
        p.set_name(&"a".repeat(300), 4);
        assert!(export_file_name(&p, day, 0).len() <= 60 + 21);
        assert_eq!(
            export_file_name(&Plan::new("p".into(), 0), day, -7 * 60),
            "partnership-plan-2026-11-25-1042.json",
            "in local time"
        );
    }

    #[test]
    fn an_index_from_another_version_still_reads() {
        // A newer app's field (at each level) is passed over; missing optional fields default.
        let text = r#"{"open":"a","pinned":["a"],"plans":[
            {"id":"a","name":"Alpha","modified":5,"saved":6,"exported":null,"colour":"red"},
            {"id":"b","name":"Beta","modified":7}
        ]}"#;
        let lib: Library = serde_json::from_str(text).expect("an index with unknown fields reads");
        assert_eq!(lib.open.as_deref(), Some("a"));
        assert_eq!(lib.plans.len(), 2);
        assert_eq!(lib.plans[0].saved, Some(6));
        assert_eq!(lib.plans[0].exported, None);
        assert_eq!(lib.plans[1].saved, None);
        assert_eq!(
            serde_json::from_str::<Library>("{}").expect("an empty index reads"),
            Library::default()
        );
    }

    #[test]
    fn an_entry_needs_id_name_and_modified() {
        for text in [
            r#"{"plans":[{"name":"A","modified":1}]}"#,
            r#"{"plans":[{"id":"a","modified":1}]}"#,
            r#"{"plans":[{"id":"a","name":"A"}]}"#,
            r#"{"plans":[{"id":"a","name":"A","modified":"yesterday"}]}"#,
            r#"{"plans":{}}"#,
            "not json",
        ] {
            assert!(serde_json::from_str::<Library>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn a_copy_is_found_by_its_plan_id() {
        let mut lib = Library::default();
        let mut a = Plan::new("a".into(), 1);
        a.plan_id = "shared".into();
        lib.saved(&a, 2);
        let mut b = Plan::new("b".into(), 1);
        b.plan_id = "shared".into();
        lib.saved(&b, 3);
        lib.plans.push(entry("c", "Old entry", 4, None));
        let none = |_: &str| None;
        assert_eq!(
            lib.copy_of("shared", "a", none).map(|e| e.id.as_str()),
            Some("b")
        );
        assert_eq!(
            lib.copy_of("shared", "b", none).map(|e| e.id.as_str()),
            Some("a")
        );
        // An entry from an older index is asked about.
        let c_is = |id: &str| (id == "c").then(|| "other".to_owned());
        assert_eq!(
            lib.copy_of("other", "a", c_is).map(|e| e.id.as_str()),
            Some("c")
        );
        assert_eq!(lib.copy_of("other", "c", c_is), None);
        assert_eq!(lib.copy_of("nowhere", "a", none), None);
    }

    #[test]
    fn an_index_round_trips() {
        let mut lib = Library::default();
        let mut p = Plan::new("a".into(), 1);
        p.set_name("Alpha", 5);
        lib.saved(&p, 6);
        lib.exported("a", 7);
        lib.open = Some("a".into());
        let text = serde_json::to_string(&lib).expect("an index serializes");
        assert_eq!(serde_json::from_str::<Library>(&text).ok(), Some(lib));
    }

    fn entry(id: &str, name: &str, saved: Millis, exported: Option<Millis>) -> PlanEntry {
        PlanEntry {
            id: id.into(),
            name: name.into(),
            modified: saved,
            saved: Some(saved),
            exported,
            plan_id: None,
        }
    }

    fn ids(lib: &Library) -> Vec<&str> {
        lib.plans.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn a_stale_index_never_hides_another_tabs_plan() {
        // Tab A saved "a"; tab B, which started before, knows only "b".
        let stored = Library {
            open: Some("a".into()),
            plans: vec![entry("a", "Alpha", 10, None)],
        };
        let mine = Library {
            open: Some("b".into()),
            plans: vec![entry("b", "Beta", 20, None)],
        };
        let merged = mine.merged(Some(&stored), &["a".into(), "b".into()]);
        assert_eq!(ids(&merged), ["a", "b"]);
        assert_eq!(merged.open.as_deref(), Some("b"), "this tab's open plan");
        // And the other way round: the same plans.
        let back = stored.merged(Some(&merged), &["a".into(), "b".into()]);
        assert_eq!(ids(&back), ["a", "b"]);
    }

    #[test]
    fn a_plan_deleted_elsewhere_is_not_written_back() {
        let stored = Library {
            open: None,
            plans: vec![entry("b", "Beta", 20, None)],
        };
        let mine = Library {
            open: Some("a".into()),
            plans: vec![entry("a", "Alpha", 10, None), entry("b", "Beta", 20, None)],
        };
        let merged = mine.merged(Some(&stored), &["b".into()]);
        assert_eq!(ids(&merged), ["b"]);
        assert_eq!(
            merged.open, None,
            "the deleted plan does not open next time"
        );
        // Nothing stored at all (after Forget): an empty list.
        assert_eq!(mine.merged(None, &[]), Library::default());
    }

    #[test]
    fn the_latest_of_each_entry_wins() {
        let stored = Library {
            open: Some("a".into()),
            plans: vec![entry("a", "Alpha renamed", 30, None)],
        };
        let mine = Library {
            open: None,
            plans: vec![entry("a", "Alpha", 10, Some(15))],
        };
        let merged = mine.merged(Some(&stored), &["a".into()]);
        assert_eq!(merged.plans.len(), 1);
        assert_eq!(merged.plans[0].name, "Alpha renamed");
        assert_eq!(merged.plans[0].saved, Some(30));
        assert_eq!(
            merged.plans[0].exported,
            Some(15),
            "an export is never forgotten"
        );
        assert_eq!(
            merged.open.as_deref(),
            Some("a"),
            "the stored choice when this tab has none"
        );
        // A plan stored under its key that neither index lists is left to start-up's rebuild.
        assert_eq!(ids(&mine.merged(None, &["a".into(), "z".into()])), ["a"]);
    }

    #[test]
    fn tracks_saves_exports_and_removals() {
        let mut lib = Library::default();
        let mut p = Plan::new("a".into(), 1);
        assert!(
            !has_unexported_changes(&p, None),
            "an untouched plan has nothing to export"
        );
        p.set_name("Alpha", 5);
        lib.saved(&p, 6);
        assert!(has_unexported_changes(
            &p,
            lib.entry("a").and_then(|e| e.exported)
        ));
        lib.exported("a", 7);
        assert!(!has_unexported_changes(
            &p,
            lib.entry("a").and_then(|e| e.exported)
        ));
        p.set_name("Alpha 2", 8);
        assert!(has_unexported_changes(&p, Some(7)));
        lib.open = Some("a".into());
        let (i, e) = lib.remove("a").expect("removed");
        assert_eq!(lib.open, None);
        lib.restore(i, e);
        assert_eq!(lib.plans.len(), 1);
        assert_eq!(lib.plans[0].name, "Alpha");
    }
}
