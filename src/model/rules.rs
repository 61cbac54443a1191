//! The plan's rules: progress per section, sector coverage, overdue action items, funding
//! totals and the overview's counts. Each is a plain function of the plan (and of today), so
//! it is tested natively.

use serde_json::Value;

use super::items::{ActionItem, ListKind};
use super::kinds::{ActionStatus, FundingStatus, MemberStatus, Pillar, RoleKind, Sector};
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

/// A member counts towards coverage from "Committed" on: a partner only identified or invited
/// has not joined yet.
pub fn counts_for_coverage(status: MemberStatus) -> bool {
    matches!(status, MemberStatus::Committed | MemberStatus::MouSigned)
}

/// Whether each recommended kind of partner is on the roster (committed or signed).
pub fn coverage(plan: &Plan) -> Vec<(&'static guidance::CoverageNeed, bool)> {
    guidance::COVERAGE
        .iter()
        .map(|need| {
            let present = plan.members.iter().any(|m| {
                counts_for_coverage(m.status)
                    && m.sector.is_some_and(|s: Sector| need.sectors.contains(&s))
            });
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

/// A funding date that needs attention: a deadline passed or near, a report due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundingAlert {
    /// The application deadline passed and the source is still only planned.
    DeadlinePassed,
    /// The application deadline is within `DUE_SOON_DAYS` and the source is still planned.
    DeadlineSoon,
    /// A report to the funder is due within `DUE_SOON_DAYS`.
    ReportSoon,
    /// The grant period ends within `DUE_SOON_DAYS`.
    GrantEnding,
}

impl FundingAlert {
    /// The badge's words (its colour only repeats them), in English: the key `lang::tr` shows.
    pub fn label(self) -> &'static str {
        match self {
            FundingAlert::DeadlinePassed => crate::en!("Deadline passed"),
            FundingAlert::DeadlineSoon => crate::en!("Deadline soon"),
            FundingAlert::ReportSoon => crate::en!("Report due soon"),
            FundingAlert::GrantEnding => crate::en!("Grant ends soon"),
        }
    }

    pub fn is_passed(self) -> bool {
        self == FundingAlert::DeadlinePassed
    }
}

/// What about a funding source's dates needs attention today, most pressing first.
pub fn funding_alert(f: &super::items::FundingSource, today: i64) -> Option<FundingAlert> {
    let days = |d: &Option<String>| d.as_deref().and_then(parse_date).map(|d| d - today);
    let soon = |n: i64| (0..=DUE_SOON_DAYS).contains(&n);
    let planned = f.status == super::kinds::FundingStatus::Planned;
    let live = f.status.is_committed();
    match days(&f.deadline) {
        Some(n) if planned && n < 0 => return Some(FundingAlert::DeadlinePassed),
        Some(n) if planned && soon(n) => return Some(FundingAlert::DeadlineSoon),
        _ => {}
    }
    if live
        && f.reports_due
            .iter()
            .filter_map(|d| parse_date(d))
            .any(|d| soon(d - today))
    {
        return Some(FundingAlert::ReportSoon);
    }
    match days(&f.grant_end) {
        Some(n) if live && soon(n) => Some(FundingAlert::GrantEnding),
        _ => None,
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

/// `$1,250,000`, as the app's language writes money (`lang::dollars`).
pub fn dollars(amount: u64) -> String {
    crate::lang::dollars(amount)
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
                crate::lang::tr("is not a date (YYYY-MM-DD)").to_owned(),
            ));
        }
    }
    for (i, m) in plan.meetings.iter().enumerate() {
        if bad_date(&m.date) {
            return Err((
                format!("plan.meetings[{i}].date"),
                crate::lang::tr("is not a date (YYYY-MM-DD)").to_owned(),
            ));
        }
        // The start time is typed text: one the calendar cannot read ("9am") makes an all-day
        // event there, and is never a reason to refuse the plan.
    }
    for (i, a) in plan.actions.iter().enumerate() {
        if let Some(n) = a.notes.iter().position(|n| parse_date(&n.date).is_none()) {
            return Err((
                format!("plan.actions[{i}].notes[{n}].date"),
                crate::lang::tr("is not a date (YYYY-MM-DD)").to_owned(),
            ));
        }
    }
    for (i, f) in plan.funding.iter().enumerate() {
        for (name, date) in [
            ("deadline", &f.deadline),
            ("grant_start", &f.grant_start),
            ("grant_end", &f.grant_end),
        ] {
            if bad_date(date) {
                return Err((
                    format!("plan.funding[{i}].{name}"),
                    crate::lang::tr("is not a date (YYYY-MM-DD)").to_owned(),
                ));
            }
        }
        if let Some(n) = f.reports_due.iter().position(|d| parse_date(d).is_none()) {
            return Err((
                format!("plan.funding[{i}].reports_due[{n}]"),
                crate::lang::tr("is not a date (YYYY-MM-DD)").to_owned(),
            ));
        }
        if f.amount > MAX_AMOUNT {
            return Err((
                format!("plan.funding[{i}].amount"),
                crate::tr!("is more than {amount}", amount = dollars(MAX_AMOUNT)),
            ));
        }
    }
    if bad_date(&plan.mou.effective) {
        return Err((
            "plan.mou.effective".into(),
            crate::lang::tr("is not a date (YYYY-MM-DD)").to_owned(),
        ));
    }
    for (name, text) in [("term", &plan.mou.term), ("notice", &plan.mou.notice)] {
        if text.chars().count() > MAX_MOU_WORDS || text.chars().any(char::is_control) {
            return Err((
                format!("plan.mou.{name}"),
                crate::tr!(
                    "is longer than {max} characters or holds control characters",
                    max = MAX_MOU_WORDS
                ),
            ));
        }
    }
    for (name, ids) in [
        ("include", &plan.mou.include),
        ("exclude", &plan.mou.exclude),
    ] {
        if ids.len() > MAX_ITEMS || ids.iter().any(|id| id.len() > 100) {
            return Err((
                format!("plan.mou.{name}"),
                crate::lang::tr("is not a list of member ids").to_owned(),
            ));
        }
    }
    for list in ListKind::ALL {
        let ids = plan.item_ids(list);
        if ids.len() > MAX_ITEMS {
            return Err((
                format!("plan.{}", list.key()),
                crate::tr!("has more than {max} items", max = MAX_ITEMS),
            ));
        }
        for (i, id) in ids.iter().enumerate() {
            if id.trim().is_empty() || id.len() > 100 {
                return Err((
                    format!("plan.{}[{i}].id", list.key()),
                    crate::lang::tr("must be 1 to 100 characters").to_owned(),
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
                crate::lang::tr("is not a section of the toolkit").to_owned(),
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
                crate::tr!(
                    "has an entry named \u{201c}{key}\u{201d}, which is not a checklist item",
                    key = super::json::clip(key)
                ),
            ));
        }
    }
    too_long_text(plan)
}

/// The MOU's term and notice are a few words that finish a sentence.
pub const MAX_MOU_WORDS: usize = 200;

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
            crate::tr!(
                "is longer than {max} characters or holds control characters",
                max = MAX_TEXT_CHARS
            ),
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
            json!({"name": "Survivor Voices", "sector": "survivor_led", "status": "mou_signed"}),
        );
        add(
            &mut p,
            ListKind::Members,
            "m3",
            json!({"name": "County Police", "sector": "law_enforcement", "status": "invited"}),
        );
        let found: Vec<_> = coverage(&p)
            .into_iter()
            .filter(|c| c.1)
            .map(|c| c.0.label)
            .collect();
        assert_eq!(
            found,
            ["Survivor-led organization"],
            "identified and invited partners do not count yet"
        );
        let _ = p.set_field(
            "m1",
            crate::model::Field::Members(crate::model::items::MemberField::Status),
            crate::model::FieldValue::Maybe(Some("committed".into())),
            3,
        );
        let found: Vec<_> = coverage(&p)
            .into_iter()
            .filter(|c| c.1)
            .map(|c| c.0.label)
            .collect();
        assert_eq!(found, ["Survivor-led organization", "Victim services"]);
    }

    #[test]
    fn funding_dates_are_flagged_when_passed_or_near() {
        use super::super::items::FundingSource;
        use super::super::kinds::FundingStatus;
        let today = parse_date("2026-12-01").unwrap_or(0);
        let source = |status, deadline: &str, reports: &[&str], end: &str| FundingSource {
            status,
            deadline: (!deadline.is_empty()).then(|| deadline.to_owned()),
            reports_due: reports.iter().map(|s| s.to_string()).collect(),
            grant_end: (!end.is_empty()).then(|| end.to_owned()),
            ..Default::default()
        };
        use FundingStatus::*;
        let alert = |f: &FundingSource| funding_alert(f, today);
        assert_eq!(
            alert(&source(Planned, "2026-09-30", &[], "")),
            Some(FundingAlert::DeadlinePassed)
        );
        assert_eq!(
            alert(&source(Planned, "2026-12-10", &[], "")),
            Some(FundingAlert::DeadlineSoon)
        );
        assert_eq!(alert(&source(Planned, "2027-03-01", &[], "")), None);
        // Once applied for, a passed application deadline is no longer a worry.
        assert_eq!(alert(&source(Applied, "2026-09-30", &[], "")), None);
        assert_eq!(
            alert(&source(Received, "", &["2026-06-30", "2026-12-15"], "")),
            Some(FundingAlert::ReportSoon)
        );
        assert_eq!(
            alert(&source(Committed, "", &["2027-06-30"], "2026-12-05")),
            Some(FundingAlert::GrantEnding)
        );
        assert_eq!(
            alert(&source(Declined, "2026-09-30", &["2026-12-02"], "")),
            None
        );
        assert_eq!(FundingAlert::DeadlinePassed.label(), "Deadline passed");
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

// ---- This month's dashboard, and the summary's tables (issue #15) ------------------------------

/// An open action item that needs attention: overdue or due soon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionLine {
    pub id: String,
    pub what: String,
    /// The owning member organization's name, if one is chosen and named.
    pub owner: Option<String>,
    /// Days since 1970-01-01.
    pub due: i64,
    pub urgency: Urgency,
    pub status: ActionStatus,
}

fn action_line(plan: &Plan, a: &ActionItem, today: i64) -> Option<ActionLine> {
    let due = a.due.as_deref().and_then(parse_date)?;
    Some(ActionLine {
        id: a.id.clone(),
        what: a.what.trim().to_owned(),
        owner: a
            .owner
            .as_deref()
            .and_then(|id| plan.member_name(id))
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        due,
        urgency: urgency(a, today),
        status: a.status,
    })
}

/// Overdue and due-soon action items, the most overdue first.
pub fn needs_attention(plan: &Plan, today: i64) -> Vec<ActionLine> {
    let mut lines: Vec<ActionLine> = plan
        .actions
        .iter()
        .filter_map(|a| action_line(plan, a, today))
        .filter(|l| matches!(l.urgency, Urgency::Overdue | Urgency::DueSoon))
        .collect();
    lines.sort_by_key(|l| l.due);
    lines
}

/// The first and last day (inclusive, days since 1970-01-01) of the calendar quarter holding
/// `today`.
pub fn quarter(today: i64) -> (i64, i64) {
    let (y, m) = year_month(today);
    let first = (m - 1) / 3 * 3 + 1;
    let start = day_of(y, first);
    let end = if first == 10 {
        day_of(y + 1, 1)
    } else {
        day_of(y, first + 3)
    };
    (start, end - 1)
}

/// Action items due this quarter, and open ones overdue from before it, by due date.
pub fn quarter_actions(plan: &Plan, today: i64) -> Vec<ActionLine> {
    let (start, end) = quarter(today);
    let mut lines: Vec<ActionLine> = plan
        .actions
        .iter()
        .filter_map(|a| action_line(plan, a, today))
        .filter(|l| (start..=end).contains(&l.due) || l.urgency == Urgency::Overdue)
        .collect();
    lines.sort_by_key(|l| l.due);
    lines
}

/// `(year, month)` of a day number.
pub fn year_month(day: i64) -> (i64, u32) {
    let iso = super::time::iso_date(day.max(0) as u64 * 86_400_000);
    let y = iso.get(0..4).and_then(|s| s.parse().ok()).unwrap_or(1970);
    let m = iso.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
    (y, m)
}

/// The day number of the first of a month.
fn day_of(y: i64, m: u32) -> i64 {
    parse_date(&format!("{y:04}-{m:02}-01")).unwrap_or(0)
}

/// "Dec 2026": a month as a chart's column label.
pub fn short_month(y: i64, m: u32) -> String {
    crate::lang::short_month(y, m)
}

/// Key roles with no one in them: no assignment of the role names a member or a person.
pub fn vacant_roles(plan: &Plan) -> Vec<RoleKind> {
    RoleKind::ALL
        .iter()
        .copied()
        .filter(|&role| {
            !plan.roles.iter().any(|r| {
                r.role == Some(role)
                    && (r
                        .member
                        .as_deref()
                        .is_some_and(|id| plan.member_name(id).is_some())
                        || !r.person.trim().is_empty())
            })
        })
        .collect()
}

/// One step of the membership pipeline: members at it now, and members who have reached it
/// (at it or any later step).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stage {
    pub status: MemberStatus,
    pub at: usize,
    pub reached: usize,
}

/// Identified → Invited → Committed → MOU signed.
pub fn pipeline(plan: &Plan) -> Vec<Stage> {
    let at = |s: MemberStatus| plan.members.iter().filter(|m| m.status == s).count();
    let statuses = MemberStatus::ALL;
    statuses
        .iter()
        .enumerate()
        .map(|(i, &status)| Stage {
            status,
            at: at(status),
            reached: statuses[i..].iter().map(|&s| at(s)).sum(),
        })
        .collect()
}

/// A funding deadline coming up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub id: String,
    pub name: String,
    pub due: i64,
    pub amount: u64,
    pub status: FundingStatus,
}

/// How far ahead the dashboard looks for funding deadlines.
pub const DEADLINE_DAYS: i64 = 60;

/// Deadlines from today to `DEADLINE_DAYS` ahead of sources still in play (not received or
/// declined), soonest first.
pub fn upcoming_deadlines(plan: &Plan, today: i64) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = plan
        .funding
        .iter()
        .filter(|f| !matches!(f.status, FundingStatus::Received | FundingStatus::Declined))
        .filter_map(|f| {
            let due = f.deadline.as_deref().and_then(parse_date)?;
            (today..=today + DEADLINE_DAYS)
                .contains(&due)
                .then(|| Deadline {
                    id: f.id.clone(),
                    name: f.name.trim().to_owned(),
                    due,
                    amount: f.amount,
                    status: f.status,
                })
        })
        .collect();
    out.sort_by_key(|d| d.due);
    out
}

/// One self-check category: the sum of its scores and how many statements are scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CategoryScore {
    pub category: &'static str,
    pub sum: u64,
    pub scored: usize,
    pub statements: usize,
}

impl CategoryScore {
    /// The average in tenths (35 for 3.5), once anything is scored.
    pub fn tenths(self) -> Option<u64> {
        (self.scored > 0).then(|| (self.sum * 20 / self.scored as u64).div_ceil(2))
    }

    /// "3.5".
    pub fn average(self) -> Option<String> {
        (self.scored > 0).then(|| one_decimal(self.sum, self.scored as u64))
    }
}

/// The self-check by category, in the toolkit's order.
pub fn self_check(plan: &Plan) -> Vec<CategoryScore> {
    guidance::HEALTH_CATEGORIES
        .iter()
        .map(|&category| {
            let statements = guidance::HEALTH_STATEMENTS
                .iter()
                .filter(|s| s.category == category);
            let scores: Vec<u64> = statements
                .clone()
                .filter_map(|s| plan.score(s.id).map(u64::from))
                .collect();
            CategoryScore {
                category,
                sum: scores.iter().sum(),
                scored: scores.len(),
                statements: statements.count(),
            }
        })
        .collect()
}

/// Averages below this (in tenths) are worth a conversation.
pub const WEAK_BELOW_TENTHS: u64 = 35;

/// The weakest scored categories: those averaging below 3.5 of 5, lowest first, at most three.
pub fn weakest_categories(plan: &Plan) -> Vec<CategoryScore> {
    let mut weak: Vec<CategoryScore> = self_check(plan)
        .into_iter()
        .filter(|c| c.tenths().is_some_and(|t| t < WEAK_BELOW_TENTHS))
        .collect();
    weak.sort_by_key(|c| c.tenths());
    weak.truncate(3);
    weak
}

/// Recommended kinds of partner not yet on the roster from "Committed" on.
pub fn missing_partners(plan: &Plan) -> Vec<&'static guidance::CoverageNeed> {
    coverage(plan)
        .into_iter()
        .filter(|c| !c.1)
        .map(|c| c.0)
        .collect()
}

/// Action items done, of all.
pub fn actions_done(plan: &Plan) -> (usize, usize) {
    let done = plan
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .count();
    (done, plan.actions.len())
}

/// A goal and its action items: done of all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalProgress {
    pub id: String,
    pub title: String,
    pub done: usize,
    pub total: usize,
}

pub fn goal_progress(plan: &Plan) -> Vec<GoalProgress> {
    plan.goals
        .iter()
        .map(|g| {
            let mine = plan
                .actions
                .iter()
                .filter(|a| a.goal.as_deref() == Some(g.id.as_str()));
            GoalProgress {
                id: g.id.clone(),
                title: g.title.trim().to_owned(),
                done: mine
                    .clone()
                    .filter(|a| a.status == ActionStatus::Done)
                    .count(),
                total: mine.count(),
            }
        })
        .collect()
}

/// Members of one sector (`None`: no sector chosen) counted by status, in pipeline order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectorRow {
    pub sector: Option<Sector>,
    pub by_status: [usize; 4],
}

/// Members by sector and status: each sector with at least one member, in the vocabulary's
/// order, then members with no sector.
pub fn members_by_sector(plan: &Plan) -> Vec<SectorRow> {
    let row = |sector: Option<Sector>| {
        let mut by_status = [0; 4];
        for m in plan.members.iter().filter(|m| m.sector == sector) {
            if let Some(i) = MemberStatus::ALL.iter().position(|&s| s == m.status) {
                by_status[i] += 1;
            }
        }
        SectorRow { sector, by_status }
    };
    Sector::ALL
        .iter()
        .map(|&s| row(Some(s)))
        .chain([row(None)])
        .filter(|r| r.by_status.iter().sum::<usize>() > 0)
        .collect()
}

/// Sectors × the 4 Ps: how many committed (or signed) members of each sector serve each P.
/// Every sector with a member at any status is a row, so a sector still only identified shows
/// as a row of zeros.
pub fn pillar_grid(plan: &Plan) -> Vec<(Sector, [usize; 4])> {
    Sector::ALL
        .iter()
        .filter(|&&s| plan.members.iter().any(|m| m.sector == Some(s)))
        .map(|&s| {
            let mut cells = [0; 4];
            for m in plan
                .members
                .iter()
                .filter(|m| m.sector == Some(s) && counts_for_coverage(m.status))
            {
                for (i, p) in Pillar::ALL.iter().enumerate() {
                    cells[i] += usize::from(m.pillars.contains(p));
                }
            }
            (s, cells)
        })
        .collect()
}

/// One column of the action-item timeline: a month (or everything before or after the months
/// shown), with its items done, open and overdue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Month {
    pub label: String,
    pub done: usize,
    pub open: usize,
    pub overdue: usize,
}

/// Months the timeline shows at most.
pub const TIMELINE_MONTHS: i64 = 12;

/// Action items with a due date, by month: from three months before this one (or the first
/// due date, if later) for up to twelve months; items due before or after are gathered in an
/// "Earlier" or "Later" column.
pub fn timeline(plan: &Plan, today: i64) -> Vec<Month> {
    let month_index = |day: i64| {
        let (y, m) = year_month(day);
        y * 12 + i64::from(m) - 1
    };
    let dated: Vec<(i64, Urgency)> = plan
        .actions
        .iter()
        .filter_map(|a| {
            let due = a.due.as_deref().and_then(parse_date)?;
            Some((month_index(due), urgency(a, today)))
        })
        .collect();
    let (Some(first), Some(last)) = (
        dated.iter().map(|d| d.0).min(),
        dated.iter().map(|d| d.0).max(),
    ) else {
        return Vec::new();
    };
    let start = first.max(month_index(today) - 3).min(last);
    let end = last.min(start + TIMELINE_MONTHS - 1);
    let mut months: Vec<Month> = Vec::new();
    let blank = |label: String| Month {
        label,
        done: 0,
        open: 0,
        overdue: 0,
    };
    let earlier = first < start;
    if earlier {
        months.push(blank(crate::lang::tr("Earlier").to_owned()));
    }
    for i in start..=end {
        months.push(blank(short_month(
            i.div_euclid(12),
            (i.rem_euclid(12) + 1) as u32,
        )));
    }
    if last > end {
        months.push(blank(crate::lang::tr("Later").to_owned()));
    }
    let offset = usize::from(earlier);
    for (month, u) in dated {
        let col = if month < start {
            0
        } else if month > end {
            months.len() - 1
        } else {
            (month - start) as usize + offset
        };
        let m = &mut months[col];
        match u {
            Urgency::Done => m.done += 1,
            Urgency::Overdue => m.overdue += 1,
            _ => m.open += 1,
        }
    }
    months
}

#[cfg(test)]
mod dashboard_tests {
    use super::*;
    use serde_json::json;

    fn add(p: &mut Plan, list: ListKind, id: &str, mut fields: Value) {
        fields["id"] = json!(id);
        assert_eq!(p.push_item_value(list, fields), Ok(()));
    }

    fn day(s: &str) -> i64 {
        parse_date(s).unwrap_or(0)
    }

    fn coalition() -> Plan {
        let mut p = Plan::new("p".into(), 1);
        for (id, name, sector, status, ps) in [
            (
                "m1",
                "Safe House",
                json!("domestic_violence"),
                "committed",
                json!(["protection"]),
            ),
            (
                "m2",
                "Police",
                json!("law_enforcement"),
                "mou_signed",
                json!(["prosecution", "protection"]),
            ),
            (
                "m3",
                "Labor Office",
                json!("labor"),
                "identified",
                json!(["prevention"]),
            ),
            ("m4", "Clinic", json!("health_care"), "invited", json!([])),
            ("m5", "Nobody", Value::Null, "identified", json!([])),
        ] {
            add(
                &mut p,
                ListKind::Members,
                id,
                json!({"name": name, "sector": sector, "status": status, "pillars": ps}),
            );
        }
        add(
            &mut p,
            ListKind::Goals,
            "g1",
            json!({"title": "Train officers"}),
        );
        for (id, what, due, status, owner) in [
            ("a1", "Late report", "2026-11-20", "in_progress", "m2"),
            ("a2", "Later report", "2026-11-28", "not_started", "m1"),
            ("a3", "Soon", "2026-12-05", "blocked", "gone"),
            ("a4", "Done long ago", "2026-01-05", "done", "m1"),
            ("a5", "Next year", "2027-06-01", "not_started", "m1"),
        ] {
            add(
                &mut p,
                ListKind::Actions,
                id,
                json!({"what": what, "due": due, "status": status, "owner": owner, "goal": "g1"}),
            );
        }
        p
    }

    #[test]
    fn attention_lists_overdue_then_due_soon_with_owners() {
        let p = coalition();
        let lines = needs_attention(&p, day("2026-12-01"));
        let got: Vec<_> = lines
            .iter()
            .map(|l| (l.what.as_str(), l.owner.as_deref(), l.urgency))
            .collect();
        assert_eq!(
            got,
            [
                ("Late report", Some("Police"), Urgency::Overdue),
                ("Later report", Some("Safe House"), Urgency::Overdue),
                ("Soon", None, Urgency::DueSoon),
            ]
        );
        assert_eq!(actions_done(&p), (1, 5));
        assert_eq!(
            goal_progress(&p),
            [GoalProgress {
                id: "g1".into(),
                title: "Train officers".into(),
                done: 1,
                total: 5
            }]
        );
    }

    #[test]
    fn quarters_and_dates_read_as_people_say_them() {
        assert_eq!(
            quarter(day("2026-12-01")),
            (day("2026-10-01"), day("2026-12-31"))
        );
        assert_eq!(
            quarter(day("2027-02-28")),
            (day("2027-01-01"), day("2027-03-31"))
        );
        assert_eq!(short_month(2027, 6), "Jun 2027");
        let q: Vec<_> = quarter_actions(&coalition(), day("2026-12-01"))
            .into_iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(
            q,
            ["a1", "a2", "a3"],
            "done in January and next June are not this quarter"
        );
    }

    #[test]
    fn vacant_roles_need_a_member_or_a_person() {
        let mut p = coalition();
        assert_eq!(vacant_roles(&p).len(), RoleKind::ALL.len());
        add(
            &mut p,
            ListKind::Roles,
            "r1",
            json!({"role": "coordinator", "person": "Sam"}),
        );
        add(
            &mut p,
            ListKind::Roles,
            "r2",
            json!({"role": "facilitator"}),
        );
        add(
            &mut p,
            ListKind::Roles,
            "r3",
            json!({"role": "fiscal_agent", "member": "m1"}),
        );
        let vacant = vacant_roles(&p);
        assert!(!vacant.contains(&RoleKind::Coordinator));
        assert!(
            vacant.contains(&RoleKind::Facilitator),
            "a role with no one is vacant"
        );
        assert!(!vacant.contains(&RoleKind::FiscalAgent));
        assert_eq!(vacant.len(), RoleKind::ALL.len() - 2);
    }

    #[test]
    fn pipeline_counts_each_step_and_who_reached_it() {
        let got: Vec<_> = pipeline(&coalition())
            .into_iter()
            .map(|s| (s.status.label(), s.at, s.reached))
            .collect();
        assert_eq!(
            got,
            [
                ("Identified", 2, 5),
                ("Invited", 1, 3),
                ("Committed", 1, 2),
                ("MOU signed", 1, 1)
            ]
        );
    }

    #[test]
    fn deadlines_within_sixty_days_of_sources_in_play() {
        let mut p = coalition();
        for (id, deadline, status) in [
            ("f1", "2026-12-15", "applied"),
            ("f2", "2026-11-30", "planned"),
            ("f3", "2026-12-10", "declined"),
            ("f4", "2027-03-01", "planned"),
            ("f5", "2026-12-03", "committed"),
        ] {
            add(
                &mut p,
                ListKind::Funding,
                id,
                json!({"name": id, "deadline": deadline, "status": status, "amount": 10}),
            );
        }
        let ids: Vec<_> = upcoming_deadlines(&p, day("2026-12-01"))
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(ids, ["f5", "f1"]);
    }

    #[test]
    fn weakest_categories_are_the_low_averages() {
        let mut p = coalition();
        assert!(weakest_categories(&p).is_empty(), "nothing scored");
        for s in guidance::HEALTH_STATEMENTS {
            let v = match s.category {
                "Resources" => 2,
                "Communication" => 3,
                _ => 5,
            };
            p.set_score(s.id, Some(v), 2);
        }
        let weak: Vec<_> = weakest_categories(&p)
            .into_iter()
            .map(|c| (c.category, c.average()))
            .collect();
        assert_eq!(
            weak,
            [
                ("Resources", Some("2.0".into())),
                ("Communication", Some("3.0".into()))
            ]
        );
        let all = self_check(&p);
        assert_eq!(all.len(), guidance::HEALTH_CATEGORIES.len());
        assert!(all.iter().all(|c| c.scored == c.statements));
    }

    #[test]
    fn sectors_count_from_committed_on() {
        let p = coalition();
        let missing: Vec<_> = missing_partners(&p).iter().map(|n| n.label).collect();
        assert!(
            missing.contains(&"Labor trafficking partner"),
            "only identified"
        );
        let grid = pillar_grid(&p);
        let labor = grid.iter().find(|r| r.0 == Sector::Labor);
        assert_eq!(labor.map(|r| r.1), Some([0, 0, 0, 0]), "a row, all zero");
        let police = grid.iter().find(|r| r.0 == Sector::LawEnforcement);
        assert_eq!(police.map(|r| r.1), Some([0, 1, 1, 0]));
        let rows = members_by_sector(&p);
        assert_eq!(rows.len(), 5);
        assert_eq!(
            rows.last().map(|r| (r.sector, r.by_status)),
            Some((None, [1, 0, 0, 0]))
        );
    }

    #[test]
    fn timeline_buckets_by_month_with_earlier_and_later() {
        let p = coalition();
        let months = timeline(&p, day("2026-12-01"));
        let labels: Vec<_> = months.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"Earlier"));
        assert_eq!(labels.get(1), Some(&"Sep 2026"));
        assert_eq!(labels.last(), Some(&"Jun 2027"));
        let nov = months.iter().find(|m| m.label == "Nov 2026");
        assert_eq!(nov.map(|m| (m.done, m.open, m.overdue)), Some((0, 0, 2)));
        let dec = months.iter().find(|m| m.label == "Dec 2026");
        assert_eq!(dec.map(|m| (m.done, m.open, m.overdue)), Some((0, 1, 0)));
        assert_eq!(months[0].done, 1, "January's done item is earlier");
        let total: usize = months.iter().map(|m| m.done + m.open + m.overdue).sum();
        assert_eq!(total, 5);
        assert!(timeline(&Plan::new("e".into(), 1), 0).is_empty());
    }
}
