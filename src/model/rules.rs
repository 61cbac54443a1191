//! The plan's rules: progress per section, sector coverage, overdue action items, funding
//! totals and the overview's counts. Each is a plain function of the plan (and of today), so
//! it is tested natively.

use serde_json::Value;

use super::items::{ActionItem, ListKind};
use super::kinds::{ActionStatus, Sector};
use super::plan::{Plan, MAX_TEXT_CHARS};
use super::time::parse_date;
use crate::content::{guidance, questions_for, FunctionKind, Section};

/// How much of a section has been answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_complete(self) -> bool {
        self.answered >= self.total
    }
}

/// Answered / total for a section: each of its questions, plus the lists and checks that make
/// the section's work real (a roster with at least one member, at least one goal, …).
pub fn progress(plan: &Plan, section: Section) -> Progress {
    let mut answered = 0;
    let mut total = 0;
    for q in questions_for(section).filter(|q| !q.optional) {
        total += 1;
        answered += usize::from(!plan.answer(q.id).trim().is_empty());
    }
    for done in milestones(plan, section) {
        total += 1;
        answered += usize::from(done);
    }
    Progress { answered, total }
}

fn milestones(plan: &Plan, section: Section) -> Vec<bool> {
    let has = |list| plan.item_count(list) > 0;
    match section {
        Section::Define => vec![!plan.name.trim().is_empty()],
        Section::Functions => vec![FunctionKind::ALL.iter().any(|&k| plan.has_function(k))],
        Section::Membership => vec![has(ListKind::Members)],
        Section::Leadership => vec![plan.roles.iter().any(|r| r.role.is_some())],
        Section::Management => vec![has(ListKind::Goals), has(ListKind::Actions)],
        Section::Funding => vec![has(ListKind::Funding)],
        Section::Trust => vec![guidance::HEALTH_STATEMENTS
            .iter()
            .all(|s| plan.score(s.id).is_some())],
        Section::Survivors => vec![guidance::SURVIVOR_CHECKLIST
            .iter()
            .any(|c| plan.is_checked(c.id))],
    }
}

/// The first section not yet complete, in toolkit order.
pub fn next_section(plan: &Plan) -> Option<Section> {
    Section::ALL
        .into_iter()
        .find(|&s| !progress(plan, s).is_complete())
}

/// Whether each recommended kind of partner is on the roster.
pub fn coverage(plan: &Plan) -> Vec<(&'static guidance::CoverageNeed, bool)> {
    guidance::COVERAGE
        .iter()
        .map(|need| {
            let present = plan
                .members
                .iter()
                .any(|m| m.sector.is_some_and(|s: Sector| need.sectors.contains(&s)));
            (need, present)
        })
        .collect()
}

/// How pressing an action item is, given today's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    Done,
    Overdue,
    /// Due within `DUE_SOON_DAYS`.
    DueSoon,
    Later,
    NoDate,
}

pub const DUE_SOON_DAYS: i64 = 14;

pub fn urgency(item: &ActionItem, today: i64) -> Urgency {
    if item.status == ActionStatus::Done {
        return Urgency::Done;
    }
    match item.due.as_deref().and_then(parse_date) {
        None => Urgency::NoDate,
        Some(due) if due < today => Urgency::Overdue,
        Some(due) if due - today <= DUE_SOON_DAYS => Urgency::DueSoon,
        Some(_) => Urgency::Later,
    }
}

/// Dollars committed or received, and dollars still planned or applied for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FundingTotals {
    pub committed: u64,
    pub pending: u64,
}

pub fn funding_totals(plan: &Plan) -> FundingTotals {
    plan.funding
        .iter()
        .fold(FundingTotals::default(), |mut t, f| {
            if f.status.is_committed() {
                t.committed = t.committed.saturating_add(f.amount);
            } else if f.status.is_pending() {
                t.pending = t.pending.saturating_add(f.amount);
            }
            t
        })
}

/// The overview's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub members: usize,
    pub open_actions: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub funding: FundingTotals,
}

pub fn counts(plan: &Plan, today: i64) -> Counts {
    let mut c = Counts {
        members: plan.members.len(),
        open_actions: 0,
        overdue: 0,
        due_soon: 0,
        funding: funding_totals(plan),
    };
    for a in &plan.actions {
        match urgency(a, today) {
            Urgency::Done => continue,
            Urgency::Overdue => c.overdue += 1,
            Urgency::DueSoon => c.due_soon += 1,
            _ => {}
        }
        c.open_actions += 1;
    }
    c
}

/// `n / d` with one decimal, rounded half up ("3.5"): averages and sizes in words, in whole
/// numbers so no floating-point formatting is compiled in.
pub fn one_decimal(n: u64, d: u64) -> String {
    let tenths = (n.saturating_mul(20) / d.max(1)).div_ceil(2);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// `$1,250,000`.
pub fn dollars(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::from("$");
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Reads an amount as typed: `25,000`, `$25000` and ` 25000 ` all mean 25000 dollars; an empty
/// field means 0. Anything else (decimals, negatives, words) is refused.
pub fn parse_dollars(raw: &str) -> Option<u64> {
    let digits: String = raw
        .trim()
        .trim_start_matches('$')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if digits.is_empty() {
        return Some(0);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| *n <= MAX_AMOUNT)
}

/// Largest amount a funding source may hold (a trillion dollars): beyond it is a typing slip.
pub const MAX_AMOUNT: u64 = 1_000_000_000_000;

/// Range checks on list items that their types cannot express.
pub(super) fn check_items(plan: &Plan) -> Result<(), (String, String)> {
    let bad_date = |d: &Option<String>| d.as_deref().is_some_and(|d| parse_date(d).is_none());
    for (i, a) in plan.actions.iter().enumerate() {
        if bad_date(&a.due) {
            return Err((
                format!("plan.actions[{i}].due"),
                "is not a date (YYYY-MM-DD)".into(),
            ));
        }
    }
    for (i, m) in plan.meetings.iter().enumerate() {
        if bad_date(&m.date) {
            return Err((
                format!("plan.meetings[{i}].date"),
                "is not a date (YYYY-MM-DD)".into(),
            ));
        }
        // The start time is typed text: one the calendar cannot read ("9am") makes an all-day
        // event there, and is never a reason to refuse the plan.
    }
    for (i, f) in plan.funding.iter().enumerate() {
        if bad_date(&f.deadline) {
            return Err((
                format!("plan.funding[{i}].deadline"),
                "is not a date (YYYY-MM-DD)".into(),
            ));
        }
        if f.amount > MAX_AMOUNT {
            return Err((
                format!("plan.funding[{i}].amount"),
                format!("is more than {}", dollars(MAX_AMOUNT)),
            ));
        }
    }
    for list in ListKind::ALL {
        let ids = plan.item_ids(list);
        if ids.len() > MAX_ITEMS {
            return Err((
                format!("plan.{}", list.key()),
                format!("has more than {MAX_ITEMS} items"),
            ));
        }
        for (i, id) in ids.iter().enumerate() {
            if id.trim().is_empty() || id.len() > 100 {
                return Err((
                    format!("plan.{}[{i}].id", list.key()),
                    "must be 1 to 100 characters".into(),
                ));
            }
        }
    }
    for (i, r) in plan.resources.iter().enumerate() {
        if r.section
            .as_deref()
            .is_some_and(|s| Section::from_slug(s).is_none())
        {
            return Err((
                format!("plan.resources[{i}].section"),
                "is not a section of the toolkit".into(),
            ));
        }
    }
    for (map, keys) in [
        ("checks", plan.checks.keys().collect::<Vec<_>>()),
        ("scores", plan.scores.keys().collect()),
    ] {
        if let Some(key) = keys.into_iter().find(|k| !is_item_key(k)) {
            return Err((
                format!("plan.{map}"),
                format!(
                    "has an entry named \u{201c}{}\u{201d}, which is not a checklist item",
                    super::json::clip(key)
                ),
            ));
        }
    }
    too_long_text(plan)
}

/// Most items a list may hold: far beyond any real partnership, short of a denial of service.
pub const MAX_ITEMS: usize = 20_000;

/// Checklist and score keys look like `survivors.principle.safety`: short, lowercase, dotted.
fn is_item_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key.contains('.')
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
}

/// Every string in every list item must fit `MAX_TEXT_CHARS`.
fn too_long_text(plan: &Plan) -> Result<(), (String, String)> {
    fn walk(v: &Value, path: &mut String) -> Option<String> {
        match v {
            Value::String(s) if s.chars().count() > MAX_TEXT_CHARS || has_control(s) => {
                Some(path.clone())
            }
            Value::Array(a) => a.iter().enumerate().find_map(|(i, x)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let r = walk(x, path);
                path.truncate(len);
                r
            }),
            Value::Object(o) => o.iter().find_map(|(k, x)| {
                let len = path.len();
                path.push('.');
                path.push_str(k);
                let r = walk(x, path);
                path.truncate(len);
                r
            }),
            _ => None,
        }
    }
    // Raw control characters (NUL, escape, …) have no place in a plan; tabs and line breaks do.
    fn has_control(s: &str) -> bool {
        s.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    }
    let answers: serde_json::Map<String, Value> = plan
        .answers
        .iter()
        .map(|(k, a)| (k.clone(), Value::String(a.text.clone())))
        .collect();
    let lists = Value::Object(
        [
            ("name", Value::String(plan.name.clone())),
            ("answers", Value::Object(answers)),
        ]
        .into_iter()
        .chain(ListKind::ALL.into_iter().map(|list| {
            let items = plan.list(list);
            (
                list.key(),
                Value::Array((0..items.len()).map(|i| items.value(i)).collect()),
            )
        }))
        .chain([(
            "functions",
            serde_json::to_value(&plan.functions).unwrap_or_default(),
        )])
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
    );
    match walk(&lists, &mut String::from("plan")) {
        Some(path) => Err((
            path,
            format!("is longer than {MAX_TEXT_CHARS} characters or holds control characters"),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kinds::{FundingStatus, MemberStatus};
    use serde_json::json;

    #[test]
    fn one_decimal_rounds_half_up() {
        assert_eq!(one_decimal(7, 2), "3.5");
        assert_eq!(one_decimal(10, 3), "3.3");
        assert_eq!(one_decimal(11, 3), "3.7");
        assert_eq!(one_decimal(5, 1), "5.0");
        assert_eq!(one_decimal(6_291_456, 1_048_576), "6.0");
        assert_eq!(one_decimal(50 * 1_048_576 + 52_429, 1_048_576), "50.1");
        assert_eq!(one_decimal(1, 0), "1.0", "no panic on zero");
    }

    fn plan() -> Plan {
        Plan::new("p".into(), 1)
    }

    fn add(p: &mut Plan, list: ListKind, id: &str, mut fields: Value) {
        fields["id"] = json!(id);
        assert_eq!(p.push_item_value(list, fields), Ok(()));
    }

    #[test]
    fn progress_counts_questions_and_milestones() {
        let mut p = plan();
        let empty = progress(&p, Section::Define);
        assert_eq!(empty.answered, 0);
        assert_eq!(empty.total, 9, "8 questions and the name");
        p.set_answer("define.vision", "  ", 2);
        assert_eq!(
            progress(&p, Section::Define).answered,
            0,
            "blank is not an answer"
        );
        p.set_answer("define.vision", "Freedom", 3);
        p.set_name("Coalition", 3);
        assert_eq!(progress(&p, Section::Define).answered, 2);

        assert_eq!(
            progress(&p, Section::Functions),
            Progress {
                answered: 0,
                total: 1
            }
        );
        p.set_answer("functions.other", "Training", 4);
        assert_eq!(
            progress(&p, Section::Functions).answered,
            0,
            "Other is optional"
        );
        p.set_function(FunctionKind::ShareInformation, true, 4);
        assert!(progress(&p, Section::Functions).is_complete());

        assert_eq!(next_section(&p), Some(Section::Define));
        assert_eq!(progress(&p, Section::Management).total, 6);
        add(
            &mut p,
            ListKind::Goals,
            "g",
            json!({"title": "Train 200 officers"}),
        );
        assert_eq!(progress(&p, Section::Management).answered, 1);
    }

    #[test]
    fn trust_needs_every_statement_scored() {
        let mut p = plan();
        for (i, s) in guidance::HEALTH_STATEMENTS.iter().enumerate() {
            assert_eq!(milestones(&p, Section::Trust), vec![false], "{i}");
            p.set_score(s.id, Some(3), 2);
        }
        assert_eq!(milestones(&p, Section::Trust), vec![true]);
    }

    #[test]
    fn coverage_finds_missing_sectors() {
        let mut p = plan();
        assert!(coverage(&p).iter().all(|(_, present)| !present));
        add(
            &mut p,
            ListKind::Members,
            "m1",
            json!({"name": "Safe House", "sector": "domestic_violence"}),
        );
        add(
            &mut p,
            ListKind::Members,
            "m2",
            json!({"name": "Survivor Voices", "sector": "survivor_led"}),
        );
        let found: Vec<_> = coverage(&p)
            .into_iter()
            .filter(|c| c.1)
            .map(|c| c.0.label)
            .collect();
        assert_eq!(found, ["Survivor-led organization", "Victim services"]);
    }

    #[test]
    fn urgency_follows_due_dates_and_status() {
        let today = parse_date("2026-11-25").unwrap_or(0);
        let item = |due: Option<&str>, status| ActionItem {
            due: due.map(str::to_owned),
            status,
            ..Default::default()
        };
        use ActionStatus::*;
        assert_eq!(
            urgency(&item(Some("2026-11-24"), InProgress), today),
            Urgency::Overdue
        );
        assert_eq!(
            urgency(&item(Some("2026-11-25"), NotStarted), today),
            Urgency::DueSoon
        );
        assert_eq!(
            urgency(&item(Some("2026-12-09"), NotStarted), today),
            Urgency::DueSoon
        );
        assert_eq!(
            urgency(&item(Some("2026-12-10"), NotStarted), today),
            Urgency::Later
        );
        assert_eq!(
            urgency(&item(Some("2020-01-01"), Done), today),
            Urgency::Done
        );
        assert_eq!(urgency(&item(None, Blocked), today), Urgency::NoDate);
    }

    #[test]
    fn counts_and_totals() {
        let mut p = plan();
        add(
            &mut p,
            ListKind::Members,
            "m",
            json!({"name": "A", "status": "committed"}),
        );
        assert_eq!(p.members[0].status, MemberStatus::Committed);
        add(
            &mut p,
            ListKind::Actions,
            "a1",
            json!({"what": "x", "due": "2026-01-01"}),
        );
        add(
            &mut p,
            ListKind::Actions,
            "a2",
            json!({"what": "y", "due": "2026-01-01", "status": "done"}),
        );
        add(&mut p, ListKind::Actions, "a3", json!({"what": "z"}));
        add(
            &mut p,
            ListKind::Funding,
            "f1",
            json!({"amount": 25000, "status": "committed"}),
        );
        add(
            &mut p,
            ListKind::Funding,
            "f2",
            json!({"amount": 5000, "status": "received"}),
        );
        add(
            &mut p,
            ListKind::Funding,
            "f3",
            json!({"amount": 100000, "status": "applied"}),
        );
        add(
            &mut p,
            ListKind::Funding,
            "f4",
            json!({"amount": 7, "status": "declined"}),
        );
        assert_eq!(p.funding[3].status, FundingStatus::Declined);
        let today = parse_date("2026-11-25").unwrap_or(0);
        let c = counts(&p, today);
        assert_eq!(
            (c.members, c.open_actions, c.overdue, c.due_soon),
            (1, 2, 1, 0)
        );
        assert_eq!(
            c.funding,
            FundingTotals {
                committed: 30_000,
                pending: 100_000
            }
        );
        assert_eq!(dollars(1_250_000), "$1,250,000");
        assert_eq!(dollars(0), "$0");
        assert_eq!(dollars(999), "$999");
        assert_eq!(parse_dollars("$25,000"), Some(25_000));
        assert_eq!(parse_dollars(" 7 "), Some(7));
        assert_eq!(parse_dollars(""), Some(0));
        for bad in ["-5", "1.5", "ten", "1e6", "99999999999999999999"] {
            assert_eq!(parse_dollars(bad), None, "{bad}");
        }
    }

    #[test]
    fn item_checks_refuse_bad_dates_and_amounts() {
        let mut p = plan();
        add(
            &mut p,
            ListKind::Funding,
            "f",
            json!({"amount": MAX_AMOUNT + 1}),
        );
        assert_eq!(
            p.check().map_err(|e| e.0),
            Err("plan.funding[0].amount".into())
        );
        let mut p = plan();
        add(&mut p, ListKind::Actions, "a", json!({"due": "2026-02-30"}));
        assert_eq!(
            p.check().map_err(|e| e.0),
            Err("plan.actions[0].due".into())
        );
        let mut p = plan();
        add(
            &mut p,
            ListKind::Members,
            "m",
            json!({"brings": "x".repeat(MAX_TEXT_CHARS + 1)}),
        );
        assert_eq!(
            p.check().map_err(|e| e.0),
            Err("plan.members[0].brings".into())
        );
    }

    #[test]
    fn set_field_refuses_wrong_shapes() {
        let mut p = plan();
        p.add_item(ListKind::Members, "m".into(), 1);
        use crate::model::items::{Field, FieldValue, FundingField, MemberField};
        let sector = Field::Members(MemberField::Sector);
        assert!(p
            .set_field("m", sector, FieldValue::Maybe(Some("spaceship".into())), 2)
            .is_err());
        assert!(p.set_field("m", sector, FieldValue::Flag(true), 2).is_err());
        assert!(p
            .set_field("nope", sector, FieldValue::Maybe(None), 2)
            .is_err());
        assert!(
            p.set_field(
                "m",
                Field::Funding(FundingField::Amount),
                FieldValue::Money(1),
                2
            )
            .is_err(),
            "wrong list"
        );
        assert_eq!(p.members[0].modified, 1, "refused edits change nothing");
    }

    #[test]
    fn remove_restore_and_move_items() {
        let mut p = plan();
        for id in ["a", "b", "c"] {
            add(
                &mut p,
                ListKind::Members,
                id,
                json!({"name": id.to_uppercase()}),
            );
        }
        let removed = p.remove_item(ListKind::Members, "b", 5);
        assert_eq!(p.item_ids(ListKind::Members), ["a", "c"]);
        let removed = removed.expect("removed");
        assert_eq!(removed.title, "B");
        assert!(p.restore_item(removed.clone(), 6));
        assert_eq!(p.item_ids(ListKind::Members), ["a", "b", "c"]);
        assert!(!p.restore_item(removed, 7), "cannot restore twice");
        assert!(p.move_item(ListKind::Members, "c", -1, 8));
        assert_eq!(p.item_ids(ListKind::Members), ["a", "c", "b"]);
        assert!(!p.move_item(ListKind::Members, "a", -1, 9), "already first");
    }
}
