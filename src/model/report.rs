//! The yearly report: the figures a funder asks for, for a chosen period, computed from the plan.
//! It holds no survivor or client data: the plan has none to give (organizations, goals, work
//! items, money and meetings only).

use super::kinds::{ActionStatus, ActionTag, MemberStatus, NetworkKind, Sector};
use super::plan::Plan;
use super::rules::{funding_totals, urgency, FundingTotals, Urgency};
use super::time::{day_number, parse_date};
use crate::content::guidance::HEALTH_STATEMENTS;

/// The coordinator's own words, kept in the plan as answers under these ids (labels shown
/// through `tr`).
pub const NARRATIVE: [(&str, &str); 4] = [
    (
        "management.report.highlights",
        crate::en!("Highlights of the year"),
    ),
    (
        "management.report.challenges",
        crate::en!("Challenges and how the partnership met them"),
    ),
    (
        "management.report.lessons",
        crate::en!("What the partnership learned"),
    ),
    (
        "management.report.next_year",
        crate::en!("Plans for next year"),
    ),
];

/// A period, in day numbers, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: i64,
    pub to: i64,
}

impl Period {
    pub fn contains(self, day: i64) -> bool {
        (self.from..=self.to).contains(&day)
    }

    /// The calendar year holding `today`.
    pub fn year_of(today: i64) -> Period {
        let year = &super::time::iso_date(today.max(0) as u64 * 86_400_000)[..4];
        Period {
            from: parse_date(&format!("{year}-01-01")).unwrap_or(today),
            to: parse_date(&format!("{year}-12-31")).unwrap_or(today),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRow {
    pub title: String,
    pub date: String,
    pub attendees: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoalRow {
    pub title: String,
    pub done: usize,
    pub open: usize,
    pub overdue: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Meetings dated within the period and not after today, in date order.
    pub meetings: Vec<MeetingRow>,
    /// Attendances summed over those meetings.
    pub attendances: usize,
    /// Member organizations that came to at least one of them.
    pub organizations_attending: usize,
    pub members: usize,
    /// `(label, count)`, only those with members, in the vocabulary's order; "Not set" last.
    /// Labels are English (`en!`): shown through `tr`.
    pub by_sector: Vec<(&'static str, usize)>,
    pub by_status: Vec<(&'static str, usize)>,
    /// Existing networks linked with, by kind ("partnerships by type").
    pub networks_by_kind: Vec<(&'static str, usize)>,
    /// Goals with their action items; items with no goal last, as "No goal".
    pub goals: Vec<GoalRow>,
    pub funding: FundingTotals,
    /// Tagged action items done within the period (by due date, or last change without one).
    pub tagged_done: Vec<(&'static str, usize)>,
    /// Tagged action items not yet done.
    pub tagged_open: Vec<(&'static str, usize)>,
    /// Self-check: statements scored, of all, and the average in tenths ("3.8").
    pub self_check: Option<(usize, usize, String)>,
}

fn counted<T: Copy + PartialEq>(
    all: &[T],
    label: fn(T) -> &'static str,
    items: impl Iterator<Item = T> + Clone,
) -> Vec<(&'static str, usize)> {
    all.iter()
        .map(|&v| (label(v), items.clone().filter(|i| *i == v).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

pub fn report(plan: &Plan, period: Period, today: i64) -> Report {
    let mut held: Vec<(i64, MeetingRow, &Vec<String>)> = plan
        .meetings
        .iter()
        .filter_map(|m| {
            let date = m.date.as_deref()?;
            let day = parse_date(date)?;
            (period.contains(day) && day <= today).then(|| {
                (
                    day,
                    MeetingRow {
                        title: super::items::Record::title(m),
                        date: date.to_owned(),
                        attendees: m.attendees.len(),
                    },
                    &m.attendees,
                )
            })
        })
        .collect();
    held.sort_by_key(|(d, ..)| *d);
    let mut attending: Vec<&String> = held.iter().flat_map(|(_, _, a)| a.iter()).collect();
    attending.sort();
    attending.dedup();

    let mut by_sector = counted(
        Sector::ALL,
        Sector::label,
        plan.members.iter().filter_map(|m| m.sector),
    );
    let unset = plan.members.iter().filter(|m| m.sector.is_none()).count();
    if unset > 0 {
        by_sector.push((crate::en!("Not set"), unset));
    }

    let mut goals: Vec<GoalRow> = plan
        .goals
        .iter()
        .map(|g| GoalRow {
            title: super::items::Record::title(g),
            ..Default::default()
        })
        .collect();
    let mut no_goal = GoalRow {
        title: crate::lang::tr("No goal").into(),
        ..Default::default()
    };
    for a in &plan.actions {
        let row = match a
            .goal
            .as_deref()
            .and_then(|id| plan.goals.iter().position(|g| g.id == id))
        {
            Some(i) => &mut goals[i],
            None => &mut no_goal,
        };
        match urgency(a, today) {
            Urgency::Done => row.done += 1,
            Urgency::Overdue => {
                row.open += 1;
                row.overdue += 1;
            }
            _ => row.open += 1,
        }
    }
    if no_goal.done + no_goal.open > 0 {
        goals.push(no_goal);
    }

    let in_period = |a: &&super::items::ActionItem| {
        let day = a
            .due
            .as_deref()
            .and_then(parse_date)
            .unwrap_or_else(|| day_number(a.modified));
        period.contains(day)
    };
    let tagged_done = counted(
        ActionTag::ALL,
        ActionTag::label,
        plan.actions
            .iter()
            .filter(|a| a.status == ActionStatus::Done)
            .filter(in_period)
            .filter_map(|a| a.tag),
    );
    let tagged_open = counted(
        ActionTag::ALL,
        ActionTag::label,
        plan.actions
            .iter()
            .filter(|a| a.status != ActionStatus::Done)
            .filter_map(|a| a.tag),
    );

    let scores: Vec<u64> = HEALTH_STATEMENTS
        .iter()
        .filter_map(|s| plan.score(s.id))
        .map(u64::from)
        .collect();
    let self_check = (!scores.is_empty()).then(|| {
        (
            scores.len(),
            HEALTH_STATEMENTS.len(),
            super::rules::one_decimal(scores.iter().sum(), scores.len() as u64),
        )
    });

    Report {
        attendances: held.iter().map(|(_, m, _)| m.attendees).sum(),
        organizations_attending: attending.len(),
        meetings: held.into_iter().map(|(_, m, _)| m).collect(),
        members: plan.members.len(),
        by_sector,
        by_status: counted(
            MemberStatus::ALL,
            MemberStatus::label,
            plan.members.iter().map(|m| m.status),
        ),
        networks_by_kind: counted(
            NetworkKind::ALL,
            NetworkKind::label,
            plan.networks.iter().filter_map(|n| n.kind),
        ),
        goals,
        funding: funding_totals(plan),
        tagged_done,
        tagged_open,
        self_check,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ListKind;
    use serde_json::json;

    fn day(d: &str) -> i64 {
        parse_date(d).unwrap_or(0)
    }

    /// A small plan whose figures are counted by hand below.
    fn plan() -> Plan {
        let mut p = Plan::new("p".into(), 1);
        let add = |p: &mut Plan, list, v| {
            let _ = p.push_item_value(list, v);
        };
        add(
            &mut p,
            ListKind::Members,
            json!({"id": "m1", "name": "A", "sector": "law_enforcement", "status": "mou_signed"}),
        );
        add(
            &mut p,
            ListKind::Members,
            json!({"id": "m2", "name": "B", "sector": "law_enforcement", "status": "committed"}),
        );
        add(
            &mut p,
            ListKind::Members,
            json!({"id": "m3", "name": "C", "sector": "victim_services"}),
        );
        add(&mut p, ListKind::Members, json!({"id": "m4", "name": "D"}));
        add(
            &mut p,
            ListKind::Networks,
            json!({"id": "n1", "name": "MDT", "kind": "mdt"}),
        );
        add(
            &mut p,
            ListKind::Networks,
            json!({"id": "n2", "name": "Other", "kind": "coalition"}),
        );
        add(
            &mut p,
            ListKind::Networks,
            json!({"id": "n3", "name": "Other 2", "kind": "coalition"}),
        );
        add(
            &mut p,
            ListKind::Goals,
            json!({"id": "g1", "title": "Train"}),
        );
        add(
            &mut p,
            ListKind::Goals,
            json!({"id": "g2", "title": "Aware"}),
        );
        for (id, goal, due, status, tag) in [
            (
                "a1",
                Some("g1"),
                Some("2026-03-01"),
                "done",
                Some("training"),
            ),
            (
                "a2",
                Some("g1"),
                Some("2026-11-01"),
                "in_progress",
                Some("training"),
            ),
            ("a3", Some("g1"), Some("2027-02-01"), "not_started", None),
            (
                "a4",
                Some("g2"),
                Some("2026-05-01"),
                "done",
                Some("awareness_event"),
            ),
            (
                "a5",
                Some("g2"),
                Some("2025-05-01"),
                "done",
                Some("awareness_event"),
            ),
            ("a6", None, None, "in_review", None),
        ] {
            add(
                &mut p,
                ListKind::Actions,
                json!({"id": id, "goal": goal, "due": due, "status": status, "tag": tag}),
            );
        }
        add(
            &mut p,
            ListKind::Funding,
            json!({"id": "f1", "amount": 50000, "status": "committed"}),
        );
        add(
            &mut p,
            ListKind::Funding,
            json!({"id": "f2", "amount": 10000, "status": "received"}),
        );
        add(
            &mut p,
            ListKind::Funding,
            json!({"id": "f3", "amount": 25000, "status": "applied"}),
        );
        add(
            &mut p,
            ListKind::Funding,
            json!({"id": "f4", "amount": 99, "status": "declined"}),
        );
        for (id, date, who) in [
            ("mt1", "2026-02-10", vec!["m1", "m2", "m3"]),
            ("mt2", "2026-06-10", vec!["m1", "m2"]),
            ("mt3", "2025-12-10", vec!["m4"]),
            ("mt4", "2026-12-20", vec!["m4"]),
        ] {
            add(
                &mut p,
                ListKind::Meetings,
                json!({"id": id, "date": date, "attendees": who}),
            );
        }
        p.set_score("health.environment.history", Some(4), 2);
        p.set_score("health.membership.respect", Some(3), 2);
        p
    }

    #[test]
    fn figures_match_a_hand_count() {
        let year = Period::year_of(day("2026-12-01"));
        assert_eq!(
            year,
            Period {
                from: day("2026-01-01"),
                to: day("2026-12-31")
            }
        );
        let r = report(&plan(), year, day("2026-12-01"));
        // mt1 and mt2: mt3 is last year, mt4 has not happened yet.
        assert_eq!(
            r.meetings
                .iter()
                .map(|m| m.date.as_str())
                .collect::<Vec<_>>(),
            ["2026-02-10", "2026-06-10"]
        );
        assert_eq!((r.attendances, r.organizations_attending), (5, 3));
        assert_eq!(r.members, 4);
        assert_eq!(
            r.by_sector,
            [
                ("Law enforcement (police, sheriff, state patrol)", 2),
                ("Direct victim services", 1),
                ("Not set", 1)
            ]
        );
        assert_eq!(
            r.by_status,
            [("Identified", 2), ("Committed", 1), ("MOU signed", 1)]
        );
        assert_eq!(
            r.networks_by_kind,
            [
                ("Multidisciplinary Team (MDT)", 1),
                ("Another coalition or task force", 2)
            ]
        );
        let goals: Vec<_> = r
            .goals
            .iter()
            .map(|g| (g.title.as_str(), g.done, g.open, g.overdue))
            .collect();
        assert_eq!(
            goals,
            [("Train", 1, 2, 1), ("Aware", 2, 0, 0), ("No goal", 0, 1, 0)]
        );
        assert_eq!(
            r.funding,
            FundingTotals {
                committed: 60_000,
                pending: 25_000
            }
        );
        // a1 (training, March) and a4 (awareness, May) this year; a5 was last year.
        assert_eq!(r.tagged_done, [("Training", 1), ("Awareness event", 1)]);
        assert_eq!(r.tagged_open, [("Training", 1)]);
        assert_eq!(
            r.self_check,
            Some((2, HEALTH_STATEMENTS.len(), "3.5".into()))
        );
    }

    #[test]
    fn an_empty_plan_reports_nothing() {
        let r = report(&Plan::new("e".into(), 1), Period::year_of(0), 0);
        assert!(r.meetings.is_empty() && r.by_sector.is_empty() && r.goals.is_empty());
        assert_eq!(r.self_check, None);
    }
}
