//! "Add deadlines to a calendar": the plan's meetings and due dates as an iCalendar file
//! (RFC 5545) that Google Calendar, Outlook and Apple Calendar import.
//!
//! - Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character).
//! - Text is escaped (`\\`, `;`, `,`, line breaks).
//! - Each event's `UID` is made from the plan's id and the item's id, so importing a second
//!   export updates the events of the first rather than adding copies; `SEQUENCE` and
//!   `LAST-MODIFIED` come from the item's last change, so a changed item wins.
//! - Meetings are timed events in floating local time (the calendar's own time zone), one hour
//!   long; a meeting without a start time, due dates and funding deadlines are all-day events.

use super::kinds::ActionStatus;
use super::meetings::parse_time;
use super::plan::Plan;
use super::time::{iso8601, parse_date, Millis};
use crate::lang::tr;

/// What the events are called when the calendar syncs to a shared or cloud account (English,
/// written in the current language by `calendar`).
pub const NEUTRAL_TASK: &str = crate::en!("Partnership task");
pub const NEUTRAL_MEETING: &str = crate::en!("Partnership meeting");

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets (RFC 5545 3.1) and ends it with CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            // The space that starts a continuation line counts towards its 75 octets.
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// `20261201`.
fn date_value(day: &str) -> String {
    day.replace('-', "")
}

/// `20261201T143000`, local (floating) time.
fn local_value(day: &str, (h, m): (u32, u32)) -> String {
    format!("{}T{h:02}{m:02}00", date_value(day))
}

/// The `YYYY-MM-DD` of the day after `day`.
fn next_day(day: &str) -> String {
    let n = parse_date(day).unwrap_or(0) + 1;
    super::time::iso_date(n.max(0) as u64 * 86_400_000)
}

/// `20261125T174203Z`.
fn utc_value(ms: Millis) -> String {
    iso8601(ms).replace(['-', ':'], "")
}

/// A version number for `SEQUENCE` that grows with each change: minutes since 2024-01-01.
fn sequence(modified: Millis) -> u64 {
    modified.saturating_sub(1_704_067_200_000) / 60_000
}

struct Event<'a> {
    uid: String,
    modified: Millis,
    title: &'a str,
    /// `(day, start time)`; no time makes an all-day event.
    when: (&'a str, Option<(u32, u32)>),
    place: &'a str,
    description: String,
}

/// The calendar file. `neutral` replaces titles with "Partnership task" / "Partnership meeting"
/// and leaves out places and descriptions. `now` stamps `DTSTAMP`. The titles and descriptions
/// people read are in the current language; the structure and the `UID`s never depend on it.
pub fn calendar(plan: &Plan, neutral: bool, now: Millis) -> String {
    let mut events = Vec::new();
    let uid = |kind: &str, id: &str| format!("{kind}-{id}@{}.partnership-planner", plan.id);
    for m in &plan.meetings {
        let Some(day) = m.date.as_deref().filter(|d| parse_date(d).is_some()) else {
            continue;
        };
        let title = match m.title.trim() {
            "" => tr(NEUTRAL_MEETING),
            t => t,
        };
        events.push(Event {
            uid: uid("meeting", &m.id),
            modified: m.modified,
            title: if neutral { tr(NEUTRAL_MEETING) } else { title },
            when: (day, parse_time(&m.time)),
            place: &m.place,
            description: String::new(),
        });
    }
    for a in &plan.actions {
        let Some(day) = a.due.as_deref().filter(|d| parse_date(d).is_some()) else {
            continue;
        };
        if a.status == ActionStatus::Done {
            continue;
        }
        let owner = a
            .owner
            .as_deref()
            .and_then(|o| plan.member_name(o))
            .map(str::trim)
            .filter(|o| !o.is_empty());
        events.push(Event {
            uid: uid("action", &a.id),
            modified: a.modified,
            title: if neutral {
                tr(NEUTRAL_TASK)
            } else {
                match a.what.trim() {
                    "" => tr("Action item due"),
                    t => t,
                }
            },
            when: (day, None),
            place: "",
            description: owner.map_or(String::new(), |o| crate::tr!("Owner: {owner}", owner = o)),
        });
    }
    for f in &plan.funding {
        let Some(day) = f.deadline.as_deref().filter(|d| parse_date(d).is_some()) else {
            continue;
        };
        if !f.status.is_pending() {
            continue;
        }
        events.push(Event {
            uid: uid("funding", &f.id),
            modified: f.modified,
            title: if neutral {
                tr(NEUTRAL_TASK)
            } else {
                match f.name.trim() {
                    "" => tr("Funding deadline"),
                    t => t,
                }
            },
            when: (day, None),
            place: "",
            description: if neutral {
                String::new()
            } else {
                tr("Funding deadline").to_owned()
            },
        });
    }

    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Partnership Planner//Partnership Planner//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    if !neutral {
        fold(
            &format!("X-WR-CALNAME:{}", escape(plan.display_name())),
            &mut out,
        );
    }
    let stamp = utc_value(now);
    for e in events {
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}", escape(&e.uid)), &mut out);
        fold(&format!("DTSTAMP:{stamp}"), &mut out);
        fold(
            &format!("LAST-MODIFIED:{}", utc_value(e.modified)),
            &mut out,
        );
        fold(&format!("SEQUENCE:{}", sequence(e.modified)), &mut out);
        match e.when {
            (day, Some(start)) => {
                let (h, m) = start;
                fold(&format!("DTSTART:{}", local_value(day, start)), &mut out);
                // One hour long; a meeting at 23:30 ends after midnight.
                let end = if h == 23 {
                    local_value(&next_day(day), (0, m))
                } else {
                    local_value(day, (h + 1, m))
                };
                fold(&format!("DTEND:{end}"), &mut out);
            }
            (day, None) => {
                fold(&format!("DTSTART;VALUE=DATE:{}", date_value(day)), &mut out);
                fold(
                    &format!("DTEND;VALUE=DATE:{}", date_value(&next_day(day))),
                    &mut out,
                );
                fold("TRANSP:TRANSPARENT", &mut out);
            }
        }
        fold(&format!("SUMMARY:{}", escape(e.title)), &mut out);
        if !neutral {
            if !e.place.trim().is_empty() {
                fold(&format!("LOCATION:{}", escape(e.place.trim())), &mut out);
            }
            if !e.description.is_empty() {
                fold(&format!("DESCRIPTION:{}", escape(&e.description)), &mut out);
            }
        }
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ListKind;
    use serde_json::json;

    fn plan() -> Plan {
        let mut p = Plan::new("plan1".into(), 1);
        p.name = "Front Range, Coalition".into();
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
            ListKind::Meetings,
            json!({"id": "mt1", "title": "Quarterly; partners", "date": "2026-12-03",
                   "time": "14:30", "place": "Room 4, City Hall\nSecond floor", "modified": 1_795_628_523_999u64}),
        );
        add(
            &mut p,
            ListKind::Meetings,
            json!({"id": "mt2", "date": "2026-12-31", "time": "23:15"}),
        );
        add(
            &mut p,
            ListKind::Meetings,
            json!({"id": "mt3", "date": "2027-01-05"}),
        );
        add(
            &mut p,
            ListKind::Meetings,
            json!({"id": "undated", "title": "Someday"}),
        );
        add(
            &mut p,
            ListKind::Actions,
            json!({"id": "a1", "what": "Train hotel staff in Denver, Aurora and Lakewood about the signs of labor trafficking", "due": "2026-12-10", "owner": "m1"}),
        );
        add(
            &mut p,
            ListKind::Actions,
            json!({"id": "a2", "what": "Done", "due": "2026-12-10", "status": "done"}),
        );
        add(
            &mut p,
            ListKind::Funding,
            json!({"id": "f1", "name": "VOCA", "deadline": "2027-01-15"}),
        );
        p
    }

    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn writes_rfc5545_lines() {
        let text = calendar(&plan(), false, 1_795_628_523_999);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        let flat = unfold(&text);
        assert!(flat.contains("X-WR-CALNAME:Front Range\\, Coalition\r\n"));
        assert!(flat.contains("UID:meeting-mt1@plan1.partnership-planner\r\n"));
        assert!(flat.contains("DTSTAMP:20261125T174203Z\r\n"));
        assert!(flat.contains("DTSTART:20261203T143000\r\nDTEND:20261203T153000\r\n"));
        assert!(flat.contains("SUMMARY:Quarterly\\; partners\r\n"));
        assert!(flat.contains("LOCATION:Room 4\\, City Hall\\nSecond floor\r\n"));
        assert!(flat.contains("DTSTART:20261231T231500\r\nDTEND:20270101T001500\r\n"));
        assert!(flat.contains("DTSTART;VALUE=DATE:20270105\r\nDTEND;VALUE=DATE:20270106\r\n"));
        assert!(flat.contains("UID:action-a1@plan1.partnership-planner\r\n"));
        assert!(flat.contains("DTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261211\r\n"));
        assert!(flat.contains("DESCRIPTION:Owner: Alpha\r\n"));
        assert!(flat.contains("UID:funding-f1@plan1.partnership-planner\r\n"));
        assert!(!flat.contains("action-a2"), "done items are not deadlines");
        assert!(!flat.contains("Someday"), "undated meetings are left out");
        assert_eq!(flat.matches("BEGIN:VEVENT").count(), 5);
        assert!(text.contains("\r\n "), "the long title is folded");
    }

    #[test]
    fn uids_are_stable_and_neutral_titles_hide_the_words() {
        let a = calendar(&plan(), false, 1);
        let b = calendar(&plan(), false, 2_000_000);
        let uids = |t: &str| -> Vec<String> {
            unfold(t)
                .split("\r\n")
                .filter(|l| l.starts_with("UID:"))
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(uids(&a), uids(&b));
        let n = unfold(&calendar(&plan(), true, 1));
        assert_eq!(uids(&n), uids(&a));
        for hidden in [
            "Quarterly",
            "Train hotel",
            "City Hall",
            "Alpha",
            "VOCA",
            "Front Range",
        ] {
            assert!(!n.contains(hidden), "{hidden}");
        }
        assert!(n.contains("SUMMARY:Partnership task\r\n"));
        assert!(n.contains("SUMMARY:Partnership meeting\r\n"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(100)), &mut out);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75);
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(100))
        );
        assert_eq!(escape("a\\b;c,d\r\ne"), "a\\\\b\\;c\\,d\\ne");
    }
}
