//! Meetings (`#/meetings`): the list of meetings, a meeting run from an agenda drafted from the
//! plan, its minutes (decisions and new action items that land in Partnership management), the
//! agenda and minutes as printable pages, and "Add deadlines to a calendar".

use leptos::prelude::*;

use super::list_editor::ListEditor;
use crate::io;
use crate::lang::tr;
use crate::model::calendar::{calendar, NEUTRAL_MEETING, NEUTRAL_TASK};
use crate::model::items::{ActionField, Meeting};
use crate::model::kinds::ActionStatus;
use crate::model::library::export_file_name;
use crate::model::meetings::{
    agenda, decided, done_since_previous, meeting_day, previous, with_minutes_action, AgendaLine,
    MinutesAction,
};
use crate::model::time::{parse_date, readable_date};
use crate::model::{Edit, Field, FieldValue, ListKind, Plan};
use crate::state::PlanState;

/// The meeting shown when none is chosen: the next one from today, else the last in the list.
fn default_meeting(plan: &Plan, today: i64) -> Option<String> {
    plan.meetings
        .iter()
        .filter_map(|m| Some((parse_date(m.date.as_deref()?)?, m)))
        .filter(|(d, _)| *d >= today)
        .min_by_key(|(d, _)| *d)
        .map(|(_, m)| m.id.clone())
        .or_else(|| plan.meetings.last().map(|m| m.id.clone()))
}

/// Sets `data-print` on the page's root so the print stylesheet shows only that part, prints,
/// and clears it again.
fn print_part(part: &str) {
    let root = document().document_element();
    if let Some(root) = &root {
        let _ = root.set_attribute("data-print", part);
    }
    let _ = window().print();
    if let Some(root) = &root {
        let _ = root.remove_attribute("data-print");
    }
}

#[component]
pub fn Meetings() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let chosen = RwSignal::new(None::<String>);
    // The chosen meeting's id only, so its views are not drawn afresh as it is edited.
    let meeting = Memo::new(move |_| {
        state.plan.with(|p| {
            chosen
                .get()
                .filter(|id| p.meetings.iter().any(|m| &m.id == id))
                .or_else(|| default_meeting(p, state.today()))
        })
    });
    let choices = Memo::new(move |_| {
        state.plan.with(|p| {
            p.meetings
                .iter()
                .map(|m| {
                    let t = p.item_title(ListKind::Meetings, &m.id);
                    (
                        m.id.clone(),
                        if t.is_empty() {
                            tr("Untitled meeting").to_owned()
                        } else {
                            t
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let choose = move |ev| chosen.set(Some(event_target_value(&ev)));
    let print_agenda = move |_| print_part("agenda");
    let print_minutes = move |_| print_part("minutes");
    view! {
        <div class="screen-only">
            <h1 tabindex="-1">{tr("Meetings")}</h1>
            <p>
                {tr("Plan each meeting, run it from an agenda drafted from the plan, and record \
                     its minutes: decisions, and new action items that land in Partnership management.")}
            </p>
            <ListEditor kind=ListKind::Meetings/>
        </div>
        <section class="run-meeting" aria-labelledby="run-meeting-heading">
            <h2 id="run-meeting-heading" class="screen-only">{tr("Run a meeting")}</h2>
            {move || if choices.with(Vec::is_empty) {
                view! { <p class="empty screen-only">{tr("Add a meeting above to draft its agenda.")}</p> }.into_any()
            } else {
                view! {
                    <p class="field screen-only">
                        <label for="meeting-choice">{tr("Meeting")}</label>
                        <select id="meeting-choice" on:change=choose>
                            {move || {
                                let current = meeting.get();
                                choices.get().into_iter().map(|(id, title)| {
                                    let selected = current.as_deref() == Some(&id);
                                    view! { <option value=id selected=selected>{title}</option> }
                                }).collect_view()
                            }}
                        </select>
                    </p>
                    <p class="actions screen-only">
                        <button type="button" class="secondary" on:click=print_agenda>{tr("Print agenda")}</button>
                        <button type="button" class="secondary" on:click=print_minutes>{tr("Print minutes")}</button>
                    </p>
                }.into_any()
            }}
            {move || meeting.get().map(|id| view! {
                <MeetingAgenda id=id.clone()/>
                <Minutes id/>
            })}
        </section>
        <div class="screen-only">
            <CalendarExport/>
        </div>
    }
}

/// A line of an agenda, with the buttons that move an action item along open → in review →
/// done.
fn action_line(state: PlanState, line: AgendaLine, status: Option<ActionStatus>) -> impl IntoView {
    let set = move |id: String, to: ActionStatus| {
        let _ = state.set_field(
            &id,
            Field::Actions(ActionField::Status),
            FieldValue::Maybe(Some(to.key().to_owned())),
        );
    };
    let buttons = status.map(|status| {
        let (id1, id2) = (line.id.clone(), line.id.clone());
        let text = line.text.clone();
        let review = (status != ActionStatus::InReview).then(|| {
            let label = crate::tr!("Send to review: {item}", item = text);
            view! {
                <button type="button" class="secondary small" aria-label=label
                    on:click=move |_| set(id1.clone(), ActionStatus::InReview)>{tr("Send to review")}</button>
            }
        });
        let label = crate::tr!("Mark done: {item}", item = text);
        view! {
            <span class="agenda-buttons screen-only">
                {review}
                <button type="button" class="secondary small" aria-label=label
                    on:click=move |_| set(id2.clone(), ActionStatus::Done)>{tr("Mark done")}</button>
            </span>
        }
    });
    view! { <li><span>{line.text}</span> " " {buttons}</li> }
}

/// `heading`: English marked with `en!`, shown in the current language.
fn agenda_list(
    state: PlanState,
    heading: &'static str,
    lines: Vec<AgendaLine>,
    status: Option<ActionStatus>,
) -> impl IntoView {
    (!lines.is_empty()).then(|| {
        view! {
            <h4>{tr(heading)}</h4>
            <ul class="agenda-list">
                {lines.into_iter().map(|l| action_line(state, l, status)).collect_view()}
            </ul>
        }
    })
}

/// "3 December 2026 at 14:30", the place and who came: what the agenda is for.
fn meeting_facts(p: &Plan, m: &Meeting) -> impl IntoView {
    let mut when = m
        .date
        .as_deref()
        .map_or_else(|| tr("No date yet").into(), readable_date);
    if !m.time.trim().is_empty() {
        when = crate::tr!("{date} at {time}", date = when, time = m.time.trim());
    }
    let attendees: Vec<String> = m
        .attendees
        .iter()
        .filter_map(|id| p.member_name(id))
        .map(|n| n.trim().to_owned())
        .collect();
    view! {
        <dl class="meeting-facts">
            <dt>{tr("When")}</dt><dd>{when}</dd>
            // Plain text, never a link: a meeting link is opened by the person, not the app.
            <dt>{tr("Place or link")}</dt><dd>{if m.place.trim().is_empty() { tr("Not set").to_owned() } else { m.place.trim().to_owned() }}</dd>
            <dt>{tr("Attendees")}</dt><dd>{if attendees.is_empty() { tr("None recorded").to_owned() } else { attendees.join(", ") }}</dd>
        </dl>
    }
}

/// The meeting's name for headings.
fn meeting_title(p: &Plan, id: &str) -> String {
    match p.item_title(ListKind::Meetings, id) {
        t if t.is_empty() => tr("Untitled meeting").to_owned(),
        t => t,
    }
}

#[component]
fn MeetingAgenda(id: String) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let (id2, id3) = (id.clone(), id.clone());
    let drafted = Memo::new(move |_| {
        state.plan.with(|p| {
            let m = p.meetings.iter().find(|m| m.id == id)?;
            let day = meeting_day(m, state.today());
            let before =
                previous(p, m).map(|b| (p.item_title(ListKind::Meetings, &b.id), decided(p, b)));
            Some((
                agenda(p, day),
                before,
                done_since_previous(p, m, state.today()),
            ))
        })
    });
    let title = move || {
        state
            .plan
            .with(|p| crate::tr!("Agenda: {meeting}", meeting = meeting_title(p, &id2)))
    };
    let facts = move || {
        state.plan.with(|p| {
            p.meetings
                .iter()
                .find(|m| m.id == id3)
                .map(|m| meeting_facts(p, m))
        })
    };
    view! {
        <article class="agenda-part doc-section" aria-labelledby="agenda-heading">
            <h3 id="agenda-heading">{title}</h3>
            {facts}
            {move || drafted.get().map(|(a, before, done)| {
                let empty = a.is_empty().then(|| view! { <p class="empty">{tr("Nothing is overdue, due soon, in review or open.")}</p> });
                let before = before.map(|(title, d)| {
                    let decisions = (!d.decisions.is_empty()).then(|| view! {
                        <ul>{d.decisions.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    });
                    let actions = (!d.actions.is_empty()).then(|| view! {
                        <p>{tr("Action items it created:")}</p>
                        <ul>{d.actions.into_iter().map(|l| view! { <li>{l.text}</li> }).collect_view()}</ul>
                    });
                    let nothing = (decisions.is_none() && actions.is_none()).then(|| view! { <p class="empty">{tr("No decisions recorded.")}</p> });
                    view! {
                        <h4>{crate::tr!("Decided at the previous meeting ({meeting})", meeting = title)}</h4>
                        {decisions}{actions}{nothing}
                    }
                });
                view! {
                    {empty}
                    {agenda_list(state, crate::en!("Overdue action items"), a.overdue, Some(ActionStatus::NotStarted))}
                    {agenda_list(state, crate::en!("Action items due soon"), a.due_soon, Some(ActionStatus::NotStarted))}
                    {agenda_list(state, crate::en!("Action items in review"), a.in_review, Some(ActionStatus::InReview))}
                    {agenda_list(state, crate::en!("Upcoming funding deadlines"), a.funding_deadlines, None)}
                    {agenda_list(state, crate::en!("Open goals"), a.open_goals, None)}
                    {before}
                    <h4>{tr("Done since the previous meeting")}</h4>
                    {if done.is_empty() {
                        view! { <p class="empty">{tr("No action items marked done since then.")}</p> }.into_any()
                    } else {
                        view! { <ul>{done.into_iter().map(|l| view! { <li>{l.text}</li> }).collect_view()}</ul> }.into_any()
                    }}
                }
            })}
        </article>
    }
}

#[component]
fn Minutes(id: String) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let id2 = id.clone();
    let record = Memo::new({
        let id = id.clone();
        move |_| {
            state.plan.with(|p| {
                p.meetings.iter().find(|m| m.id == id).map(|m| {
                    let attendees: Vec<String> = m
                        .attendees
                        .iter()
                        .filter_map(|a| p.member_name(a))
                        .map(|n| n.trim().to_owned())
                        .collect();
                    (attendees, decided(p, m))
                })
            })
        }
    });
    let title = move || {
        state
            .plan
            .with(|p| crate::tr!("Minutes: {meeting}", meeting = meeting_title(p, &id2)))
    };
    let what = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let goal = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Result<String, String>>);
    let add = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let action = MinutesAction {
                what: what.get_untracked(),
                owner: Some(owner.get_untracked()),
                due: Some(due.get_untracked()),
                goal: Some(goal.get_untracked()),
            };
            let next = state
                .plan
                .with_untracked(|p| with_minutes_action(p, &id, io::new_id(), action, io::now()));
            match next {
                Ok(plan) => {
                    let _ = state.apply(Edit::Replace(Box::new(plan)));
                    message.set(Some(Ok(crate::tr!(
                        "Added \u{201c}{item}\u{201d} to the action items in Partnership management.",
                        item = what.get_untracked().trim()
                    ))));
                    what.set(String::new());
                    due.set(String::new());
                }
                Err(e) => message.set(Some(Err(e))),
            }
        }
    };
    let options = |choices: Memo<Vec<(String, String)>>| {
        move || {
            choices
                .get()
                .into_iter()
                .map(|(id, name)| {
                    let name = if name.trim().is_empty() {
                        tr("Untitled").to_owned()
                    } else {
                        name
                    };
                    view! { <option value=id>{name}</option> }
                })
                .collect_view()
        }
    };
    view! {
        <article class="minutes-part doc-section" aria-labelledby="minutes-heading">
            <h3 id="minutes-heading">{title}</h3>
            {move || record.get().map(|(attendees, d)| view! {
                <h4>{tr("Present")}</h4>
                <p>{if attendees.is_empty() { tr("None recorded.").to_owned() } else { attendees.join(", ") }}</p>
                <h4>{tr("Decisions")}</h4>
                {if d.decisions.is_empty() {
                    view! { <p class="empty">{tr("None recorded yet. Write them in the meeting's Decisions field, one a line.")}</p> }.into_any()
                } else {
                    view! { <ul>{d.decisions.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
                }}
                <h4>{tr("New action items")}</h4>
                {if d.actions.is_empty() {
                    view! { <p class="empty">{tr("None yet.")}</p> }.into_any()
                } else {
                    view! { <ul class="minutes-actions">{d.actions.into_iter().map(|l| view! { <li>{l.text}</li> }).collect_view()}</ul> }.into_any()
                }}
            })}
            <form class="minutes-form screen-only" on:submit=add>
                <h4>{tr("Record a new action item")}</h4>
                <p class="field">
                    <label for="minutes-what">{tr("What needs to be done")}</label>
                    <textarea id="minutes-what" rows="2" prop:value=move || what.get()
                        on:input=move |ev| what.set(event_target_value(&ev))></textarea>
                </p>
                <p class="field">
                    <label for="minutes-owner">{tr("Owner")}</label>
                    <select id="minutes-owner" prop:value=move || owner.get() on:change=move |ev| owner.set(event_target_value(&ev))>
                        <option value="">{tr("No owner yet")}</option>
                        {options(state.member_choices)}
                    </select>
                </p>
                <p class="field">
                    <label for="minutes-due">{tr("Due date")}</label>
                    <input type="date" id="minutes-due" prop:value=move || due.get()
                        on:input=move |ev| due.set(event_target_value(&ev))/>
                </p>
                <p class="field">
                    <label for="minutes-goal">{tr("For goal")}</label>
                    <select id="minutes-goal" prop:value=move || goal.get() on:change=move |ev| goal.set(event_target_value(&ev))>
                        <option value="">{tr("No goal")}</option>
                        {options(state.goal_choices)}
                    </select>
                </p>
                <button type="submit">{tr("Add to action items")}</button>
                <p role="status" class="minutes-message">
                    {move || match message.get() {
                        Some(Ok(t)) => t,
                        Some(Err(e)) => crate::tr!("Not added: {reason}", reason = e),
                        None => String::new(),
                    }}
                </p>
            </form>
        </article>
    }
}

/// "Add deadlines to a calendar": meetings, due dates and funding deadlines as an `.ics` file.
#[component]
fn CalendarExport() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let neutral = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let export = move |_| {
        let now = io::now();
        let (text, name) = state.plan.with_untracked(|p| {
            let base = export_file_name(p, now, io::utc_offset(now));
            let base = base.trim_end_matches(".json");
            (
                calendar(p, neutral.get_untracked(), now),
                format!("{base}-{}.ics", tr("calendar")),
            )
        });
        let events = text.matches("BEGIN:VEVENT").count();
        message.set(match io::download(&name, &text, "text/calendar;charset=utf-8") {
            Ok(()) => crate::trn!(
                events,
                "Downloaded {name} with {n} event. Open it with your calendar; importing a newer one updates this event.",
                "Downloaded {name} with {n} events. Open it with your calendar; importing a newer one updates these events.",
                name = name
            ),
            Err(e) => crate::tr!("The download failed: {error}", error = e),
        });
    };
    view! {
        <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{tr("Calendar")}</h2>
            <p>
                {tr("Meetings with a date, action items' due dates and funding deadlines, as a \
                     calendar file for Google Calendar, Outlook or Apple Calendar. Meetings are \
                     timed events in your calendar's time zone; due dates are all-day events.")}
            </p>
            <div class="choice">
                <input type="checkbox" id="calendar-neutral" aria-describedby="calendar-neutral-hint"
                    prop:checked=move || neutral.get()
                    on:change=move |ev| neutral.set(event_target_checked(&ev))/>
                <label for="calendar-neutral">{tr("Use neutral titles")}</label>
            </div>
            <p class="hint" id="calendar-neutral-hint">
                {crate::tr!(
                    "For calendars that sync to shared or cloud accounts: every event is called \
                     \u{201c}{task}\u{201d} or \u{201c}{meeting}\u{201d}, with no place or notes.",
                    task = tr(NEUTRAL_TASK),
                    meeting = tr(NEUTRAL_MEETING)
                )}
            </p>
            <button type="button" on:click=export>{tr("Add deadlines to a calendar")}</button>
            <p role="status">{move || message.get()}</p>
        </section>
    }
}
