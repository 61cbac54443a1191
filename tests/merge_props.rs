//! Merging emailed copies (`model::merge`): the issue's story, each rule, and properties over
//! random edit sequences on two and three copies.

use std::time::{Duration, Instant};

use partnership_planner::model::items::{ActionField, FundingField, MeetingField, MemberField};
use partnership_planner::model::merge::{
    merge, same_content, ChangeKind, ConflictKind, Resolution,
};
use partnership_planner::model::stamp::Editor;
use partnership_planner::model::{decode, encode, Edit, Field, FieldValue, ListKind, Plan};
use proptest::prelude::*;

fn as_device(plan: &Plan, device: &str, label: &str) -> Plan {
    let mut p = plan.clone();
    p.editor = Editor {
        device: device.into(),
        label: label.into(),
    };
    p
}

fn edit(p: &mut Plan, e: Edit) {
    p.apply(e, 1_000).expect("edit applies");
}

fn add(p: &mut Plan, list: ListKind, id: &str, field: Field, text: &str) {
    edit(
        p,
        Edit::Add {
            list,
            id: id.into(),
        },
    );
    set(p, id, field, FieldValue::Text(text.into()));
}

fn set(p: &mut Plan, id: &str, field: Field, value: FieldValue) {
    edit(
        p,
        Edit::Field {
            id: id.into(),
            field,
            value,
        },
    );
}

fn ids(p: &Plan, list: ListKind) -> Vec<String> {
    p.item_ids(list)
}

const DUE: Field = Field::Actions(ActionField::Due);
const WHAT: Field = Field::Actions(ActionField::What);
const FUND: Field = Field::Funding(FundingField::Name);
const MEMBER: Field = Field::Members(MemberField::Name);

fn story_base() -> Plan {
    let mut c = as_device(&Plan::new("front-range".into(), 1), "coord", "coordinator");
    edit(&mut c, Edit::Name("Front Range Partnership".into()));
    add(&mut c, ListKind::Actions, "a1", WHAT, "Sign the MOU");
    set(
        &mut c,
        "a1",
        DUE,
        FieldValue::Maybe(Some("2027-01-15".into())),
    );
    add(&mut c, ListKind::Actions, "a2", WHAT, "Faith partners MOU");
    add(
        &mut c,
        ListKind::Members,
        "m1",
        MEMBER,
        "County DA's office",
    );
    c
}

#[test]
fn the_issues_story_ends_with_everyones_work_and_one_conflict() {
    let exported = story_base();
    // Fiscal agent: two funding sources, and the deadline.
    let mut fiscal = as_device(&exported, "fisc", "fiscal agent");
    add(&mut fiscal, ListKind::Funding, "f1", FUND, "County grant");
    add(
        &mut fiscal,
        ListKind::Funding,
        "f2",
        FUND,
        "Foundation gift",
    );
    set(
        &mut fiscal,
        "a1",
        DUE,
        FieldValue::Maybe(Some("2027-02-01".into())),
    );
    // Survivor-advisory lead: an answer, and an action item removed.
    let mut lead = as_device(&exported, "lead", "survivor-advisory lead");
    edit(
        &mut lead,
        Edit::Answer {
            id: "survivors.roles".into(),
            text: "Paid advisory board".into(),
        },
    );
    edit(
        &mut lead,
        Edit::Remove {
            list: ListKind::Actions,
            id: "a2".into(),
        },
    );
    // Coordinator: members, and the same deadline.
    let mut coord = exported.clone();
    add(&mut coord, ListKind::Members, "m2", MEMBER, "Shelter");
    set(
        &mut coord,
        "a1",
        DUE,
        FieldValue::Maybe(Some("2027-01-31".into())),
    );

    let m = merge(&coord, &fiscal, Some(&exported));
    assert_eq!(m.conflicts.len(), 1, "{:#?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::BothEdited);
    assert_eq!(c.place.field, "Due date");
    assert_eq!(
        (c.mine_text.as_str(), c.theirs_text.as_str()),
        ("2027-01-31", "2027-02-01")
    );
    assert_eq!(c.by, "fiscal agent");
    assert!(
        m.changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Added)
            .count()
            == 2
    );
    let coord = m
        .resolve(&[Resolution::Theirs], 2_000, || "x".into())
        .unwrap();
    assert_eq!(ids(&coord, ListKind::Funding), ["f1", "f2"]);
    assert_eq!(ids(&coord, ListKind::Members), ["m1", "m2"]);

    let m = merge(&coord, &lead, Some(&exported));
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    let coord = m.resolve(&[], 3_000, || "x".into()).unwrap();
    assert_eq!(ids(&coord, ListKind::Actions), ["a1"]);
    assert_eq!(coord.answer("survivors.roles"), "Paid advisory board");
    assert_eq!(
        coord.field("a1", DUE),
        Some(FieldValue::Maybe(Some("2027-02-01".into())))
    );
    assert!(coord.tombstones.get("actions/a2").is_some());

    // The fiscal agent takes the merged copy in: nothing to review, and then up to date.
    let m = merge(&fiscal, &coord, Some(&fiscal));
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    let fiscal = m.resolve(&[], 4_000, || "x".into()).unwrap();
    assert!(same_content(&fiscal, &coord));
    // ... and again: already has everything.
    assert!(merge(&fiscal, &coord, None).nothing_new());
    // The merged file survives a round trip through the file format.
    let back = decode(&encode(&coord, 5)).unwrap().plan;
    assert_eq!(back, coord);
}

#[test]
fn removed_on_one_side_and_edited_on_the_other_is_a_conflict() {
    let base = story_base();
    let mut mine = as_device(&base, "a", "");
    set(
        &mut mine,
        "a2",
        WHAT,
        FieldValue::Text("Faith partners MOU, signed".into()),
    );
    let mut theirs = as_device(&base, "b", "lead");
    edit(
        &mut theirs,
        Edit::Remove {
            list: ListKind::Actions,
            id: "a2".into(),
        },
    );
    for ancestor in [Some(&base), None] {
        let m = merge(&mine, &theirs, ancestor);
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].kind, ConflictKind::TheyRemoved);
        assert!(m.conflicts[0].place.what.contains("Faith partners MOU"));
        let kept = m.resolve(&[Resolution::Mine], 9, || "n".into()).unwrap();
        assert!(ids(&kept, ListKind::Actions).contains(&"a2".to_owned()));
        let gone = m.resolve(&[Resolution::Theirs], 9, || "n".into()).unwrap();
        assert!(!ids(&gone, ListKind::Actions).contains(&"a2".to_owned()));
        assert!(gone.tombstones.get("actions/a2").is_some());
        let m = merge(&theirs, &mine, ancestor);
        assert_eq!(m.conflicts[0].kind, ConflictKind::YouRemoved);
    }
}

#[test]
fn an_older_copy_does_not_undo_a_removal_or_an_edit() {
    let base = story_base();
    let mut mine = as_device(&base, "a", "");
    edit(
        &mut mine,
        Edit::Remove {
            list: ListKind::Actions,
            id: "a2".into(),
        },
    );
    set(
        &mut mine,
        "a1",
        WHAT,
        FieldValue::Text("Sign the MOU now".into()),
    );
    // Two-way, by stamps alone: the old copy brings nothing back.
    let m = merge(&mine, &base, None);
    assert!(m.nothing_new(), "{:#?} {:#?}", m.changes, m.conflicts);
    // The other way, the newer copy's removal and edit are applied.
    let m = merge(&base, &mine, None);
    assert!(m.conflicts.is_empty());
    let kinds: Vec<_> = m.changes.iter().map(|c| c.kind).collect();
    assert!(kinds.contains(&ChangeKind::Removed) && kinds.contains(&ChangeKind::Edited));
}

#[test]
fn without_an_ancestor_edits_made_apart_are_conflicts() {
    let base = story_base();
    let mut mine = as_device(&base, "a", "");
    set(&mut mine, "a1", WHAT, FieldValue::Text("Mine".into()));
    let mut theirs = as_device(&base, "b", "");
    set(
        &mut theirs,
        "a1",
        DUE,
        FieldValue::Maybe(Some("2030-01-01".into())),
    );
    // With the ancestor, two different fields merge cleanly.
    let m = merge(&mine, &theirs, Some(&base));
    assert!(m.conflicts.is_empty());
    let p = m.resolve(&[], 5, || "n".into()).unwrap();
    assert_eq!(p.field("a1", WHAT), Some(FieldValue::Text("Mine".into())));
    assert_eq!(
        p.field("a1", DUE),
        Some(FieldValue::Maybe(Some("2030-01-01".into())))
    );
    // Without it, neither side can be ordered: both fields are conflicts.
    let m = merge(&mine, &theirs, None);
    assert_eq!(m.conflicts.len(), 2);
}

#[test]
fn contradictory_stamps_are_a_conflict() {
    let base = story_base();
    let mut theirs = base.clone();
    // Same stamp, different content: a hand-edited or damaged file.
    theirs.actions[0].what = "Something else".into();
    let m = merge(&base, &theirs, None);
    assert_eq!(m.conflicts.len(), 1);
    let m = merge(&base, &theirs, Some(&base));
    assert_eq!(
        m.conflicts.len(),
        1,
        "the ancestor does not settle contradictory stamps"
    );
}

#[test]
fn keep_both_keeps_the_senders_item_beside_mine() {
    let base = story_base();
    let mut mine = as_device(&base, "a", "");
    set(&mut mine, "a1", WHAT, FieldValue::Text("Mine".into()));
    let mut theirs = as_device(&base, "b", "");
    set(&mut theirs, "a1", WHAT, FieldValue::Text("Theirs".into()));
    let m = merge(&mine, &theirs, Some(&base));
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.conflicts[0].item && m.conflicts[0].text);
    let p = m.resolve(&[Resolution::Both], 5, || "a1b".into()).unwrap();
    assert_eq!(ids(&p, ListKind::Actions), ["a1", "a1b", "a2"]);
    assert_eq!(
        p.field("a1b", WHAT),
        Some(FieldValue::Text("Theirs".into()))
    );
    let p = m
        .resolve(&[Resolution::Hand("Both of ours".into())], 5, || "n".into())
        .unwrap();
    assert_eq!(
        p.field("a1", WHAT),
        Some(FieldValue::Text("Both of ours".into()))
    );
    let bad = Resolution::Hand("x".repeat(200_000));
    assert!(
        m.resolve(&[bad], 5, || "n".into()).is_err(),
        "too long for a field"
    );
}

#[test]
fn a_move_on_one_side_is_kept_and_new_items_go_after_their_neighbour() {
    let mut base = story_base();
    add(&mut base, ListKind::Actions, "a3", WHAT, "Third");
    let mut mine = as_device(&base, "a", "");
    edit(
        &mut mine,
        Edit::Move {
            list: ListKind::Actions,
            id: "a3".into(),
            delta: -1,
        },
    );
    let mut theirs = as_device(&base, "b", "");
    add(&mut theirs, ListKind::Actions, "t1", WHAT, "New");
    edit(
        &mut theirs,
        Edit::Move {
            list: ListKind::Actions,
            id: "t1".into(),
            delta: -1,
        },
    );
    edit(
        &mut theirs,
        Edit::Move {
            list: ListKind::Actions,
            id: "t1".into(),
            delta: -1,
        },
    );
    assert_eq!(ids(&theirs, ListKind::Actions), ["a1", "t1", "a2", "a3"]);
    for ancestor in [Some(&base), None] {
        let x = merge(&mine, &theirs, ancestor)
            .resolve(&[], 5, || "n".into())
            .unwrap();
        let y = merge(&theirs, &mine, ancestor)
            .resolve(&[], 5, || "n".into())
            .unwrap();
        assert_eq!(
            ids(&x, ListKind::Actions),
            ids(&y, ListKind::Actions),
            "symmetric"
        );
        let order = ids(&x, ListKind::Actions);
        assert_eq!(order.len(), 4);
        assert!(order.contains(&"t1".to_owned()));
    }
    // With the ancestor, the side that moved wins: a3 before a2, and t1 after a1.
    let x = merge(&mine, &theirs, Some(&base))
        .resolve(&[], 5, || "n".into())
        .unwrap();
    let order = ids(&x, ListKind::Actions);
    let at = |id: &str| order.iter().position(|i| i == id).unwrap();
    assert!(at("a3") < at("a2"), "{order:?}");
}

#[test]
fn version_1_copies_merge_by_content() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan-v1.json"),
    )
    .unwrap();
    let old = decode(&text).unwrap().plan;
    assert_eq!(old.plan_id, old.id);
    assert!(merge(&old, &old, None).nothing_new());
    let mut newer = as_device(&old, "a", "");
    edit(&mut newer, Edit::Name("Renamed".into()));
    let m = merge(&old, &newer, None);
    assert!(
        m.conflicts.is_empty(),
        "a stamped edit is newer than no stamp"
    );
    assert_eq!(m.changes.len(), 1);
}

#[test]
fn undo_of_an_edit_is_a_newer_edit() {
    let base = story_base();
    let mut mine = as_device(&base, "a", "");
    let mut h = partnership_planner::model::history::History::default();
    let inv = mine
        .apply(Edit::Name("Changed".into()), 5)
        .unwrap()
        .unwrap();
    h.record(inv, None, 5);
    let stamped = mine.vector("name");
    h.undo(&mut mine, 6);
    assert_eq!(mine.name, base.name);
    let after = mine.vector("name");
    assert!(after.get("a") > stamped.get("a"), "undo bumps the stamp");
}

#[test]
fn hostile_files_are_refused_or_merged_in_bounded_time() {
    let base = story_base();
    // 100,000 tombstones: refused on reading.
    let mut v: serde_json::Value = serde_json::from_str(&encode(&base, 1)).unwrap();
    let tombs: serde_json::Map<String, serde_json::Value> = (0..100_000)
        .map(|i| {
            (
                format!("actions/x{i}"),
                serde_json::json!({"v": {"d": 1}, "at": 1}),
            )
        })
        .collect();
    v["plan"]["tombstones"] = serde_json::Value::Object(tombs);
    assert!(decode(&v.to_string()).is_err());
    // 100,000 items: merged in bounded time.
    let mut big = as_device(&base, "h", "");
    for i in 0..100_000 {
        big.push_item_value(
            ListKind::Actions,
            serde_json::json!({"id": format!("h{i}"), "what": "x"}),
        )
        .unwrap();
    }
    let start = Instant::now();
    let m = merge(&base, &big, Some(&base));
    assert_eq!(m.changes.len(), 100_000);
    // More items than a plan may hold: refused, and nothing is made.
    assert!(m.resolve(&[], 5, || "n".into()).is_err());
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
}

// ---- Properties over random edit sequences --------------------------------------------------

#[derive(Clone, Debug)]
enum Op {
    Answer(usize, usize),
    Add(u8),
    Rename(usize, usize),
    Remove(usize),
    Move(usize, bool),
    Check(usize, bool),
    Score(usize, Option<u8>),
}

const QS: [&str; 3] = ["define.definition", "define.vision", "survivors.roles"];
const WORDS: [&str; 4] = ["alpha", "beta", "gamma", ""];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..3usize, 0..4usize).prop_map(|(q, w)| Op::Answer(q, w)),
        any::<u8>().prop_map(Op::Add),
        (0..8usize, 0..4usize).prop_map(|(i, w)| Op::Rename(i, w)),
        (0..8usize).prop_map(Op::Remove),
        (0..8usize, any::<bool>()).prop_map(|(i, up)| Op::Move(i, up)),
        (0..2usize, any::<bool>()).prop_map(|(i, b)| Op::Check(i, b)),
        (0..2usize, proptest::option::of(1u8..=5)).prop_map(|(i, s)| Op::Score(i, s)),
    ]
}

fn run(plan: &Plan, device: &str, ops: &[Op]) -> Plan {
    let mut p = as_device(plan, device, device);
    for (n, o) in ops.iter().enumerate() {
        let members = p.item_ids(ListKind::Members);
        let pick = |i: usize| members.get(i % members.len().max(1)).cloned();
        let e = match o {
            Op::Answer(q, w) => Edit::Answer {
                id: QS[*q].into(),
                text: WORDS[*w].into(),
            },
            Op::Add(x) => Edit::Add {
                list: ListKind::Members,
                id: format!("{device}{n}-{x}"),
            },
            Op::Rename(i, w) => match pick(*i) {
                Some(id) => Edit::Field {
                    id,
                    field: MEMBER,
                    value: FieldValue::Text(WORDS[*w].into()),
                },
                None => continue,
            },
            Op::Remove(i) => match pick(*i) {
                Some(id) => Edit::Remove {
                    list: ListKind::Members,
                    id,
                },
                None => continue,
            },
            Op::Move(i, up) => match pick(*i) {
                Some(id) => Edit::Move {
                    list: ListKind::Members,
                    id,
                    delta: if *up { -1 } else { 1 },
                },
                None => continue,
            },
            Op::Check(i, b) => Edit::Check {
                id: ["survivors.area.mission", "survivors.area.programs"][*i].into(),
                done: *b,
            },
            Op::Score(i, s) => Edit::Score {
                id: ["health.environment.history", "health.membership.respect"][*i].into(),
                value: *s,
            },
        };
        let _ = p.apply(e, 100 + n as u64);
    }
    p
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    proptest::collection::vec(op(), 0..12)
}

/// Nothing either side knew is lost: every item is in the merged plan or buried there, every
/// tombstone is kept unless its item is alive, every answer is there.
fn nothing_lost(merged: &Plan, sides: &[&Plan]) -> Result<(), TestCaseError> {
    for side in sides {
        for id in side.item_ids(ListKind::Members) {
            let key = format!("members/{id}");
            prop_assert!(
                merged.item_index(ListKind::Members, &id).is_some()
                    || merged.tombstones.get(&key).is_some(),
                "lost {}",
                key
            );
        }
        for key in side.tombstones.keys() {
            let id = key.trim_start_matches("members/");
            prop_assert!(
                merged.tombstones.get(key).is_some()
                    || merged.item_index(ListKind::Members, id).is_some(),
                "lost tombstone {}",
                key
            );
        }
        for key in side.answers.keys() {
            prop_assert!(merged.answers.get(key).is_some(), "lost answer {}", key);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn merging_with_itself_or_an_ancestor_changes_nothing(a in ops(), b in ops()) {
        let base = run(&story_base(), "base", &a);
        let mine = run(&base, "mine", &b);
        prop_assert!(merge(&mine, &mine, None).nothing_new());
        prop_assert!(merge(&mine, &mine, Some(&base)).nothing_new());
        let m = merge(&mine, &base, Some(&base));
        prop_assert!(m.nothing_new(), "{:#?} {:#?}", m.changes, m.conflicts);
        let m = merge(&mine, &base, None);
        prop_assert!(m.nothing_new(), "{:#?} {:#?}", m.changes, m.conflicts);
    }

    #[test]
    fn merge_is_symmetric_and_loses_nothing(a in ops(), b in ops(), c in ops(), three in any::<bool>()) {
        let base = run(&story_base(), "base", &a);
        let mine = run(&base, "mine", &b);
        let theirs = run(&base, "theirs", &c);
        let ancestor = three.then_some(&base);
        let ab = merge(&mine, &theirs, ancestor);
        let ba = merge(&theirs, &mine, ancestor);
        prop_assert_eq!(ab.conflicts.len(), ba.conflicts.len());
        // Settle every conflict for "theirs" in one and for "mine" in the other.
        let x = ab.resolve(&vec![Resolution::Theirs; ab.conflicts.len()], 9, || "n".into()).unwrap();
        let y = ba.resolve(&vec![Resolution::Mine; ba.conflicts.len()], 9, || "n".into()).unwrap();
        prop_assert!(same_content(&x, &y), "\n{:?}\n{:?}", x, y);
        nothing_lost(&x, &[&mine, &theirs])?;
        // Merging again brings nothing new.
        prop_assert!(merge(&x, &theirs, None).conflicts.is_empty());
    }

    #[test]
    fn three_copies_merge_without_loss(a in ops(), b in ops(), c in ops(), d in ops()) {
        let base = run(&story_base(), "base", &a);
        let one = run(&base, "one", &b);
        let two = run(&base, "two", &c);
        let three = run(&base, "three", &d);
        let m = merge(&one, &two, Some(&base));
        let x = m.resolve(&vec![Resolution::Mine; m.conflicts.len()], 9, || "n1".into()).unwrap();
        let m = merge(&x, &three, Some(&base));
        let y = m.resolve(&vec![Resolution::Theirs; m.conflicts.len()], 9, || "n2".into()).unwrap();
        nothing_lost(&y, &[&one, &two, &three])?;
        // The others take the result in: no conflict, the same content.
        for other in [&one, &two, &three] {
            let m = merge(other, &y, None);
            prop_assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
            let z = m.resolve(&[], 10, || "n3".into()).unwrap();
            prop_assert!(same_content(&z, &y));
        }
    }
}

/// The MOU's choices are one entry with fields of their own: a term chosen on one side and a
/// notice on the other both arrive; the same field chosen differently is one conflict.
#[test]
fn mou_choices_merge_field_by_field() {
    use partnership_planner::model::mou::MouChoices;
    let base = story_base();
    let mou = |p: &Plan, f: &dyn Fn(&mut MouChoices)| {
        let mut c = p.mou.clone();
        f(&mut c);
        Edit::Mou(Box::new(c))
    };
    let mut mine = base.clone();
    let e = mou(&mine, &|c| c.term = "two years".into());
    edit(&mut mine, e);
    let mut theirs = as_device(&base, "fisc", "fiscal agent");
    let e = mou(&theirs, &|c| {
        c.notice = "three months' written notice".into()
    });
    edit(&mut theirs, e);
    let m = merge(&mine, &theirs, Some(&base));
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    let merged = m.resolve(&[], 2_000, || "x".into()).expect("merges");
    assert_eq!(merged.mou.term, "two years");
    assert_eq!(merged.mou.notice, "three months' written notice");

    let e = mou(&theirs, &|c| c.term = "one year".into());
    edit(&mut theirs, e);
    let m = merge(&mine, &theirs, Some(&base));
    assert_eq!(m.conflicts.len(), 1, "{:#?}", m.conflicts);
}

/// Meetings (issue #17) are a list like any other: a meeting added on one copy and another's
/// minutes written on the other both arrive, whichever way round the merge goes.
#[test]
fn meetings_merge_like_any_other_list() {
    let title = Field::Meetings(MeetingField::Title);
    let decisions = Field::Meetings(MeetingField::Decisions);
    let mut base = as_device(&Plan::new("p".into(), 1), "coord", "coordinator");
    add(
        &mut base,
        ListKind::Meetings,
        "mt1",
        title,
        "Spring meeting",
    );
    let mut mine = base.clone();
    add(
        &mut mine,
        ListKind::Meetings,
        "mt2",
        title,
        "Summer meeting",
    );
    let mut theirs = as_device(&base, "fiscal", "fiscal agent");
    set(
        &mut theirs,
        "mt1",
        decisions,
        FieldValue::Text("Adopt the MOU".into()),
    );
    for (a, b) in [(&mine, &theirs), (&theirs, &mine)] {
        let result = merge(a, b, Some(&base));
        assert!(result.conflicts.is_empty());
        let merged = result.resolve(&[], 2_000, || "x".into()).expect("merges");
        assert_eq!(ids(&merged, ListKind::Meetings), ["mt1", "mt2"]);
        assert_eq!(
            merged.field("mt1", decisions),
            Some(FieldValue::Text("Adopt the MOU".into()))
        );
    }
}
