//! Running the partnership's meetings: the agenda drafted from the plan, the minutes' new action
//! items, and what was decided and done between one meeting and the one before it.

use super::items::{ActionItem, Meeting};
use super::kinds::ActionStatus;
use super::plan::{clean_text, Plan};
use super::rules::{urgency, Urgency};
use super::time::{day_number, parse_date, Millis};
use crate::lang::tr;

/// How far ahead a funding deadline is put on the agenda.
pub const FUNDING_AHEAD_DAYS: i64 = 60;

/// One line of an agenda: the item's id (for its buttons) and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaLine {
    pub id: String,
    pub text: String,
}

/// The agenda a meeting starts from, drafted from the plan as it is now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    pub overdue: Vec<AgendaLine>,
    pub due_soon: Vec<AgendaLine>,
    pub in_review: Vec<AgendaLine>,
    pub funding_deadlines: Vec<AgendaLine>,
    pub open_goals: Vec<AgendaLine>,
}

impl Agenda {
    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty()
            && self.due_soon.is_empty()
            && self.in_review.is_empty()
            && self.funding_deadlines.is_empty()
            && self.open_goals.is_empty()
    }
}

fn untitled(text: &str, fallback: &str) -> String {
    match text.trim() {
        "" => fallback.to_owned(),
        t => t.to_owned(),
    }
}

fn action_line(plan: &Plan, a: &ActionItem) -> AgendaLine {
    let mut text = untitled(&a.what, tr("Untitled action item"));
    if let Some(owner) = a.owner.as_deref().and_then(|o| plan.member_name(o)) {
        if !owner.trim().is_empty() {
            text.push_str(&format!(" ({})", owner.trim()));
        }
    }
    if let Some(due) = a.due.as_deref() {
        text = crate::tr!("{item}, due {due}", item = text, due = due);
    }
    AgendaLine {
        id: a.id.clone(),
        text,
    }
}

/// The day a meeting is about: its date, or `today` while it has none.
pub fn meeting_day(meeting: &Meeting, today: i64) -> i64 {
    meeting
        .date
        .as_deref()
        .and_then(parse_date)
        .unwrap_or(today)
}

/// The agenda for a meeting held on `day`: action items overdue by then or due within
/// `DUE_SOON_DAYS` of it, items in review, funding still sought whose deadline falls within
/// `FUNDING_AHEAD_DAYS` of it, and goals with work still open (or none yet).
pub fn agenda(plan: &Plan, day: i64) -> Agenda {
    let mut agenda = Agenda::default();
    for a in &plan.actions {
        if a.status == ActionStatus::InReview {
            agenda.in_review.push(action_line(plan, a));
            continue;
        }
        match urgency(a, day) {
            Urgency::Overdue => agenda.overdue.push(action_line(plan, a)),
            Urgency::DueSoon => agenda.due_soon.push(action_line(plan, a)),
            _ => {}
        }
    }
    for f in &plan.funding {
        let Some(deadline) = f.deadline.as_deref() else {
            continue;
        };
        let Some(d) = parse_date(deadline) else {
            continue;
        };
        if f.status.is_pending() && (day..=day + FUNDING_AHEAD_DAYS).contains(&d) {
            agenda.funding_deadlines.push(AgendaLine {
                id: f.id.clone(),
                text: crate::tr!(
                    "{name}, deadline {deadline}",
                    name = untitled(&f.name, tr("Unnamed funding source")),
                    deadline = deadline
                ),
            });
        }
    }
    for g in &plan.goals {
        let mut actions = plan
            .actions
            .iter()
            .filter(|a| a.goal.as_deref() == Some(&g.id));
        let open = actions
            .clone()
            .filter(|a| a.status != ActionStatus::Done)
            .count();
        let total = actions.by_ref().count();
        if total == 0 || open > 0 {
            let text = untitled(&g.title, tr("Untitled goal"));
            agenda.open_goals.push(AgendaLine {
                id: g.id.clone(),
                text: if total == 0 {
                    crate::tr!("{goal} (no action items yet)", goal = text)
                } else {
                    crate::trn!(
                        total,
                        "{goal} ({open} of {n} action item open)",
                        "{goal} ({open} of {n} action items open)",
                        goal = text,
                        open = crate::lang::number(open as i64)
                    )
                },
            });
        }
    }
    agenda
}

/// The dated meeting held most recently before `meeting` (by date; the same date counts as
/// earlier when the meeting comes first in the list).
pub fn previous<'a>(plan: &'a Plan, meeting: &Meeting) -> Option<&'a Meeting> {
    let day = parse_date(meeting.date.as_deref()?)?;
    let pos = plan.meetings.iter().position(|m| m.id == meeting.id);
    plan.meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.id != meeting.id)
        .filter_map(|(i, m)| Some((parse_date(m.date.as_deref()?)?, i, m)))
        .filter(|(d, i, _)| *d < day || (*d == day && pos.is_some_and(|p| *i < p)))
        .max_by_key(|(d, i, _)| (*d, *i))
        .map(|(_, _, m)| m)
}

/// What a meeting decided: its decision lines, and the action items its minutes created.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decided {
    pub decisions: Vec<String>,
    pub actions: Vec<AgendaLine>,
}

pub fn decided(plan: &Plan, meeting: &Meeting) -> Decided {
    Decided {
        decisions: meeting
            .decisions
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        actions: plan
            .actions
            .iter()
            .filter(|a| a.meeting.as_deref() == Some(&meeting.id))
            .map(|a| action_line(plan, a))
            .collect(),
    }
}

/// Action items marked done since the meeting before this one: done, and last changed after
/// that meeting's day and no later than this meeting's day (every done item up to this day
/// when there was no meeting before).
pub fn done_since_previous(plan: &Plan, meeting: &Meeting, today: i64) -> Vec<AgendaLine> {
    let day = meeting_day(meeting, today);
    let after = previous(plan, meeting)
        .and_then(|m| parse_date(m.date.as_deref()?))
        .unwrap_or(i64::MIN);
    plan.actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .filter(|a| {
            let changed = day_number(a.modified);
            changed > after && changed <= day
        })
        .map(|a| action_line(plan, a))
        .collect()
}

/// A new action item recorded in a meeting's minutes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MinutesAction {
    pub what: String,
    /// A member id.
    pub owner: Option<String>,
    /// `YYYY-MM-DD`.
    pub due: Option<String>,
    /// A goal id.
    pub goal: Option<String>,
}

/// The plan with `action` added to Partnership management's action items, linked to the
/// meeting `meeting_id`; or why it cannot be added (nothing changes then).
pub fn with_minutes_action(
    plan: &Plan,
    meeting_id: &str,
    id: String,
    action: MinutesAction,
    now: Millis,
) -> Result<Plan, String> {
    let what = clean_text(action.what.trim()).into_owned();
    if what.is_empty() {
        return Err(tr("Say what needs to be done.").into());
    }
    if !plan.meetings.iter().any(|m| m.id == meeting_id) {
        return Err(tr("This meeting is no longer in the plan.").into());
    }
    let due = action.due.filter(|d| !d.is_empty());
    if due.as_deref().is_some_and(|d| parse_date(d).is_none()) {
        return Err(tr("The due date is not a date (YYYY-MM-DD).").into());
    }
    let owner = action.owner.filter(|o| !o.is_empty());
    if owner
        .as_deref()
        .is_some_and(|o| !plan.members.iter().any(|m| m.id == o))
    {
        return Err(tr("The owner is no longer a member organization.").into());
    }
    let goal = action.goal.filter(|g| !g.is_empty());
    if goal
        .as_deref()
        .is_some_and(|g| !plan.goals.iter().any(|x| x.id == g))
    {
        return Err(tr("The goal is no longer in the plan.").into());
    }
    let mut next = plan.clone();
    next.actions.push(ActionItem {
        id,
        modified: now,
        what,
        goal,
        owner,
        due,
        meeting: Some(meeting_id.to_owned()),
        ..Default::default()
    });
    next.modified = now;
    Ok(next)
}

/// `HH:MM` (24-hour) as hours and minutes; `None` for anything else.
pub fn parse_time(text: &str) -> Option<(u32, u32)> {
    let (h, m) = text.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ListKind;
    use serde_json::json;

    fn day(d: &str) -> i64 {
        parse_date(d).unwrap_or(0)
    }

    fn plan() -> Plan {
        let mut p = Plan::new("p".into(), 1);
        let add = |p: &mut Plan, list, v| {
            let _ = p.push_item_value(list, v);
        };
        add(
            &mut p,
            ListKind::Members,
            json!({"id": "m1", "name": "Alpha"}),
        );
        add(
            &mut p,
            ListKind::Goals,
            json!({"id": "g1", "title": "Train staff"}),
        );
        add(
            &mut p,
            ListKind::Goals,
            json!({"id": "g2", "title": "Done goal"}),
        );
        add(
            &mut p,
            ListKind::Goals,
            json!({"id": "g3", "title": "Empty goal"}),
        );
        for (id, due, status, goal) in [
            ("late", "2026-11-20", "in_progress", "g1"),
            ("soon", "2026-12-10", "not_started", "g1"),
            ("later", "2027-03-01", "not_started", "g1"),
            ("review", "2026-11-01", "in_review", "g1"),
            ("finished", "2026-11-01", "done", "g2"),
        ] {
            add(
                &mut p,
                ListKind::Actions,
                json!({"id": id, "what": id, "due": due, "status": status, "goal": goal, "owner": "m1"}),
            );
        }
        add(
            &mut p,
            ListKind::Funding,
            json!({"id": "f1", "name": "VOCA", "deadline": "2027-01-15", "status": "planned"}),
        );
        add(
            &mut p,
            ListKind::Funding,
            json!({"id": "f2", "name": "Later", "deadline": "2027-06-15", "status": "planned"}),
        );
        add(
            &mut p,
            ListKind::Funding,
            json!({"id": "f3", "name": "Won", "deadline": "2027-01-10", "status": "committed"}),
        );
        p
    }

    fn ids(lines: &[AgendaLine]) -> Vec<&str> {
        lines.iter().map(|l| l.id.as_str()).collect()
    }

    #[test]
    fn the_agenda_is_drafted_from_the_plan() {
        let a = agenda(&plan(), day("2026-12-01"));
        assert_eq!(ids(&a.overdue), ["late"]);
        assert_eq!(ids(&a.due_soon), ["soon"]);
        assert_eq!(
            ids(&a.in_review),
            ["review"],
            "in review is not also overdue"
        );
        assert_eq!(ids(&a.funding_deadlines), ["f1"]);
        assert_eq!(ids(&a.open_goals), ["g1", "g3"]);
        assert_eq!(a.overdue[0].text, "late (Alpha), due 2026-11-20");
        assert_eq!(
            a.open_goals[0].text,
            "Train staff (4 of 4 action items open)"
        );
        assert!(agenda(&Plan::new("e".into(), 1), 0).is_empty());
    }

    #[test]
    fn minutes_add_action_items_to_management() {
        let mut p = plan();
        let _ = p.push_item_value(
            ListKind::Meetings,
            json!({"id": "mt", "date": "2026-12-01", "decisions": "Adopt the MOU\n\n Hire a coordinator "}),
        );
        let action = MinutesAction {
            what: " Draft the MOU ".into(),
            owner: Some("m1".into()),
            due: Some("2026-12-20".into()),
            goal: Some("g1".into()),
        };
        let next = with_minutes_action(&p, "mt", "new".into(), action.clone(), 9);
        let next = next.unwrap_or_else(|e| panic!("{e}"));
        let added = next.actions.last().cloned().unwrap_or_default();
        assert_eq!(
            (added.what.as_str(), added.meeting.as_deref(), added.status),
            ("Draft the MOU", Some("mt"), ActionStatus::NotStarted)
        );
        let d = decided(&next, &next.meetings[0]);
        assert_eq!(d.decisions, ["Adopt the MOU", "Hire a coordinator"]);
        assert_eq!(ids(&d.actions), ["new"]);
        for bad in [
            MinutesAction {
                what: " ".into(),
                ..action.clone()
            },
            MinutesAction {
                due: Some("soon".into()),
                ..action.clone()
            },
            MinutesAction {
                owner: Some("gone".into()),
                ..action.clone()
            },
            MinutesAction {
                goal: Some("gone".into()),
                ..action.clone()
            },
        ] {
            assert!(with_minutes_action(&p, "mt", "x".into(), bad, 9).is_err());
        }
        assert!(with_minutes_action(&p, "nope", "x".into(), action, 9).is_err());
    }

    #[test]
    fn each_meeting_knows_the_one_before_and_what_was_done_since() {
        let mut p = plan();
        for (id, date) in [
            ("b", "2026-11-15"),
            ("a", "2026-10-01"),
            ("c", "2026-12-01"),
        ] {
            let _ = p.push_item_value(ListKind::Meetings, json!({"id": id, "date": date}));
        }
        let _ = p.push_item_value(ListKind::Meetings, json!({"id": "undated"}));
        let m = |id: &str| {
            p.meetings
                .iter()
                .find(|m| m.id == id)
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!(previous(&p, &m("c")).map(|m| m.id.as_str()), Some("b"));
        assert_eq!(previous(&p, &m("b")).map(|m| m.id.as_str()), Some("a"));
        assert!(previous(&p, &m("a")).is_none());
        assert!(previous(&p, &m("undated")).is_none());
        // "finished" was last changed at time 0 (1970): done before any meeting.
        assert!(done_since_previous(&p, &m("c"), 0).is_empty());
        assert_eq!(ids(&done_since_previous(&p, &m("a"), 0)), ["finished"]);
        let i = p
            .actions
            .iter()
            .position(|a| a.id == "finished")
            .unwrap_or(0);
        p.actions[i].modified = (day("2026-11-20") as u64) * 86_400_000 + 5;
        assert_eq!(ids(&done_since_previous(&p, &m("c"), 0)), ["finished"]);
        assert!(done_since_previous(&p, &m("b"), 0).is_empty());
    }

    #[test]
    fn a_typed_time_never_makes_a_plan_unreadable() {
        let mut p = plan();
        let _ = p.push_item_value(
            ListKind::Meetings,
            json!({"id": "t", "date": "2026-12-01", "time": "9am"}),
        );
        assert_eq!(p.check(), Ok(()));
        let _ = p.push_item_value(ListKind::Meetings, json!({"id": "d", "date": "soon"}));
        assert!(
            p.check().is_err(),
            "dates come from a date control and are checked"
        );
    }

    #[test]
    fn times_are_24_hour() {
        assert_eq!(parse_time("14:30"), Some((14, 30)));
        assert_eq!(parse_time("9:05"), Some((9, 5)));
        for bad in ["24:00", "12:60", "noon", "", "1:5", "-1:00", "12:3a"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
