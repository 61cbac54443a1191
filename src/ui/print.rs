//! The print-outs. The printable plan (`#/print`): every answer, list and check as one
//! document, lists as tables, contact details only when the user asks for them. The two-page
//! summary (`#/print/summary`) for a board or funder: mission, members, roles, goals, this
//! quarter's action items, funding and the self-check, as tables and charts, with a running
//! header. The print stylesheet hides the app around them (Quick exit too) and numbers the
//! pages (docs/printing.md).

use leptos::prelude::*;

use super::charts;
use crate::content::guidance::{HEALTH_STATEMENTS, SURVIVOR_CHECKLIST};
use crate::content::{questions_for, FunctionKind, Section};
use crate::io;
use crate::lang::tr;
use crate::model::fields::{display_value, spec, Input};
use crate::model::items::{Field, FieldValue, MemberField};
use crate::model::kinds::{MemberStatus, RoleKind};
use crate::model::rules::{
    coverage, dollars, funding_totals, goal_progress, members_by_sector, pipeline, quarter,
    quarter_actions, self_check, Urgency,
};
use crate::model::time::{day_number, long_date};
use crate::model::{ListKind, Plan};
use crate::route::Route;
use crate::state::PlanState;

/// The lists shown under each section, in order.
fn lists_of(section: Section) -> &'static [ListKind] {
    match section {
        Section::Membership => &[ListKind::Members, ListKind::Networks],
        Section::Leadership => &[ListKind::Roles, ListKind::Subgroups],
        Section::Management => &[ListKind::Goals, ListKind::Strategies, ListKind::Actions],
        Section::Funding => &[ListKind::Funding],
        _ => &[],
    }
}

/// A translated sentence around a link, cut at its `{link}`: the text before and after it.
fn around_link(template: &'static str) -> (&'static str, &'static str) {
    template.split_once("{link}").unwrap_or((template, ""))
}

#[component]
pub fn Print() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let print = move |_| {
        let _ = window().print();
    };
    // Off at first, every visit: contact details print only when asked for.
    let contacts = RwSignal::new(false);
    let (before, after) = around_link(tr("For a board or funder, the {link} may serve better."));
    view! {
        <div class="print-tools">
            <h1 tabindex="-1">{tr("Printable plan")}</h1>
            <p>
                {tr("The whole plan as one document. Use your browser's Print command (Ctrl+P, or \
                     Cmd+P on a Mac) to print it or save it as a PDF.")}
                " "
                {before}
                <a href=Route::PrintSummary.href()>{tr("two-page summary")}</a>
                {after}
            </p>
            <p class="check">
                <input type="checkbox" id="print-contacts"
                    prop:checked=move || contacts.get()
                    on:change=move |ev| contacts.set(event_target_checked(&ev))/>
                <label for="print-contacts">{tr("Include contact details")}</label>
            </p>
            <p class="hint">{tr("Contact people, emails and phone numbers are left out unless this is ticked.")}</p>
            <button type="button" on:click=print>{tr("Print this plan")}</button>
        </div>
        <article class="document">
            {move || { let with_contacts = contacts.get(); state.plan.with(|p| document(p, with_contacts)) }}
        </article>
    }
}

fn answer_text(text: &str) -> AnyView {
    if text.trim().is_empty() {
        view! { <p class="unanswered">{tr("Not answered yet.")}</p> }.into_any()
    } else {
        view! { <p class="answer">{text.trim().to_owned()}</p> }.into_any()
    }
}

fn document(p: &Plan, contacts: bool) -> impl IntoView {
    let sections = Section::ALL.map(|section| {
        let questions = questions_for(section)
            .map(|q| {
                let raw = p.answer(q.id);
                let text = q
                    .options
                    .iter()
                    .find(|(k, _)| *k == raw)
                    .map_or(raw, |(_, l)| tr(*l));
                view! {
                    <h3>{tr(q.label)}</h3>
                    {answer_text(text)}
                }
            })
            .collect_view();
        let lists = lists_of(section)
            .iter()
            .map(|&kind| list(p, kind, contacts))
            .collect_view();
        view! {
            <section class="doc-section">
                <h2>{tr(section.title())}</h2>
                {(section == Section::Functions).then(|| functions(p))}
                {questions}
                {(section == Section::Membership).then(|| coverage_summary(p))}
                {(section == Section::Funding).then(|| {
                    let t = funding_totals(p);
                    view! {
                        <p>{crate::tr!("Committed or received: {committed}. Planned or applied for: {pending}.",
                            committed = dollars(t.committed), pending = dollars(t.pending))}</p>
                    }
                })}
                {lists}
                {(section == Section::Trust).then(|| health(p))}
                {(section == Section::Trust).then(|| super::assessment::print_results(p))}
                {(section == Section::Survivors).then(|| checklist(p))}
            </section>
        }
    });
    view! {
        <header class="doc-header">
            <p class="doc-kind">{tr("Partnership plan")}</p>
            <h2 class="doc-title">{p.display_name().to_owned()}</h2>
            <p>{crate::tr!("Printed {date} from Partnership Planner.", date = long_date(day_number(io::now())))}</p>
        </header>
        {sections.into_iter().collect_view()}
    }
}

fn functions(p: &Plan) -> impl IntoView {
    let chosen: Vec<_> = FunctionKind::ALL
        .iter()
        .filter(|&&k| p.has_function(k))
        .collect();
    if chosen.is_empty() {
        return view! { <p class="unanswered">{tr("No functions chosen yet.")}</p> }.into_any();
    }
    let items = chosen
        .into_iter()
        .map(|&k| {
            let f = p.function(k);
            let note = f.map(|f| f.note.trim().to_owned()).unwrap_or_default();
            let ps = f
                .map(|f| {
                    f.pillars
                        .iter()
                        .map(|x| tr(x.label()))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            view! {
                <li>
                    <strong>{tr(k.label())}</strong>
                    {(!note.is_empty()).then(|| view! { <br/> {note} })}
                    {(!ps.is_empty()).then(|| view! { <br/> {crate::tr!("Serves: {pillars}", pillars = ps)} })}
                </li>
            }
        })
        .collect_view();
    view! { <h3>{tr("What the partnership will do")}</h3> <ul>{items}</ul> }.into_any()
}

/// Whether a field holds contact details: a member's contact person, and any email or phone.
fn is_contact(field: Field, input: Input) -> bool {
    matches!(input, Input::Email | Input::Tel) || field == Field::Members(MemberField::Contact)
}

/// A field label (English) as a column heading in the current language: "Email (optional)" is
/// "Email".
fn heading(label: &'static str) -> &'static str {
    let label = tr(label);
    [" (optional)", " (opcional)"]
        .iter()
        .find_map(|s| label.strip_suffix(s))
        .unwrap_or(label)
}

/// A list as a table: a column for each short field that holds something; long text goes to
/// a "Details" column as labelled lines; ticked boxes (SMART) as one column of their names.
fn list(p: &Plan, kind: ListKind, contacts: bool) -> impl IntoView {
    let spec = spec(kind);
    let ids = p.item_ids(kind);
    if ids.is_empty() {
        return view! { <h3>{tr(spec.heading)}</h3> <p class="unanswered">{tr(spec.empty)}</p> }
            .into_any();
    }
    let shown: Vec<_> = spec
        .fields
        .iter()
        .filter(|f| contacts || !is_contact(f.field, f.input))
        .collect();
    let value = |id: &str, f: &crate::model::fields::FieldSpec| {
        p.field(id, f.field)
            .map(|v| display_value(p, f.input, &v))
            .unwrap_or_default()
    };
    let columns: Vec<_> = shown
        .iter()
        .filter(|f| !matches!(f.input, Input::LongText | Input::Flag))
        .filter(|f| ids.iter().any(|id| !value(id, f).is_empty()))
        .copied()
        .collect();
    let long: Vec<_> = shown
        .iter()
        .filter(|f| f.input == Input::LongText)
        .copied()
        .collect();
    let flags: Vec<_> = shown
        .iter()
        .filter(|f| f.input == Input::Flag)
        .copied()
        .collect();
    let has_details = ids
        .iter()
        .any(|id| long.iter().any(|f| !value(id, f).is_empty()));
    let head = columns
        .iter()
        .map(|f| view! { <th scope="col">{heading(f.label)}</th> })
        .collect_view();
    let rows = ids
        .iter()
        .map(|id| {
            let cells = columns
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let v = value(id, f);
                    if i == 0 {
                        view! { <th scope="row">{v}</th> }.into_any()
                    } else {
                        view! { <td>{v}</td> }.into_any()
                    }
                })
                .collect_view();
            let ticked = flags
                .iter()
                .filter(|f| matches!(p.field(id, f.field), Some(FieldValue::Flag(true))))
                .map(|f| tr(f.label))
                .collect::<Vec<_>>()
                .join(", ");
            let details = long
                .iter()
                .filter_map(|f| {
                    let v = value(id, f);
                    (!v.is_empty()).then(
                        || view! { <p><strong>{format!("{}: ", heading(f.label))}</strong>{v}</p> },
                    )
                })
                .collect_view();
            view! {
                <tr>
                    {cells}
                    {(!flags.is_empty()).then(|| view! { <td>{ticked}</td> })}
                    {has_details.then(|| view! { <td class="details">{details}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{tr(spec.heading)}</h3>
        <table class="doc-table">
            <thead><tr>
                {head}
                {(!flags.is_empty()).then(|| view! { <th scope="col">{tr("SMART")}</th> })}
                {has_details.then(|| view! { <th scope="col">{tr("Details")}</th> })}
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

fn coverage_summary(p: &Plan) -> impl IntoView {
    let missing: Vec<_> = coverage(p)
        .into_iter()
        .filter(|c| !c.1)
        .map(|c| tr(c.0.label))
        .collect();
    let text = if missing.is_empty() {
        tr("Every recommended kind of partner is on the roster.").to_owned()
    } else {
        crate::tr!(
            "Recommended partners still missing (a partner counts once committed): {missing}.",
            missing = missing.join(", ")
        )
    };
    view! { <h3>{tr("Coverage")}</h3> <p>{text}</p> }
}

fn health(p: &Plan) -> impl IntoView {
    let rows = HEALTH_STATEMENTS
        .iter()
        .map(|s| {
            let score = p.score(s.id).map_or_else(
                || tr("not scored").to_owned(),
                |v| crate::tr!("{score} of 5", score = v),
            );
            view! { <li>{format!("{}: {} — {}", tr(s.category), tr(s.text), score)}</li> }
        })
        .collect_view();
    view! { <h3>{tr("Partnership health self-check")}</h3> <ul>{rows}</ul> }
}

fn checklist(p: &Plan) -> impl IntoView {
    let rows = SURVIVOR_CHECKLIST
        .iter()
        .map(|c| {
            let line = if p.is_checked(c.id) {
                crate::tr!("Done: {item}", item = tr(c.text))
            } else {
                crate::tr!("Not yet: {item}", item = tr(c.text))
            };
            view! { <li>{line}</li> }
        })
        .collect_view();
    view! { <h3>{tr("Survivor engagement checklist")}</h3> <ul>{rows}</ul> }
}

/// Action items the summary lists at most; the rest are counted.
const SUMMARY_ACTIONS: usize = 14;

/// The two-page summary (`#/print/summary`), for a board or funder: two sheets, each one
/// printed page, under a running header; no contact details.
#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let print = move |_| {
        let _ = window().print();
    };
    let (before, after) = around_link(tr("The {link} has everything."));
    view! {
        <div class="print-tools">
            <h1 tabindex="-1">{tr("Two-page summary")}</h1>
            <p>
                {tr("The plan on two pages for a board or funder: mission, members, roles, goals, \
                     this quarter's action items, funding and the self-check. It holds no contact \
                     details.")}
                " "
                {before}
                <a href=Route::Print.href()>{tr("printable plan")}</a>
                {after}
            </p>
            <button type="button" on:click=print>{tr("Print this summary")}</button>
        </div>
        <article class="document summary">
            {move || state.plan.with(|p| summary(p, day_number(io::now())))}
        </article>
    }
}

fn summary(p: &Plan, today: i64) -> impl IntoView {
    let name = p.display_name().to_owned();
    let printed = long_date(today);
    let mission = p.answer("define.mission").trim().to_owned();
    let statuses = MemberStatus::ALL;
    let sector_rows = members_by_sector(p)
        .into_iter()
        .map(|r| {
            let label = tr(r.sector.map_or(crate::en!("No sector chosen"), |s| s.label()));
            let total: usize = r.by_status.iter().sum();
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    {r.by_status.iter().map(|n| view! { <td>{crate::lang::number(*n as i64)}</td> }).collect_view()}
                    <td>{crate::lang::number(total as i64)}</td>
                </tr>
            }
        })
        .collect_view();
    let roles = RoleKind::ALL
        .iter()
        .map(|&role| {
            let held: Vec<String> = p
                .roles
                .iter()
                .filter(|r| r.role == Some(role))
                .filter_map(|r| {
                    let org = r
                        .member
                        .as_deref()
                        .and_then(|id| p.member_name(id))
                        .unwrap_or("")
                        .trim();
                    let who = [r.person.trim(), org]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ");
                    (!who.is_empty()).then_some(who)
                })
                .collect();
            let held = if held.is_empty() {
                tr("Vacant").to_owned()
            } else {
                held.join("; ")
            };
            view! { <tr><th scope="row">{tr(role.label())}</th><td>{held}</td></tr> }
        })
        .collect_view();
    let goals = goal_progress(p);
    let goal_rows = goals
        .iter()
        .map(|g| {
            let title = if g.title.is_empty() {
                tr("Untitled goal").to_owned()
            } else {
                g.title.clone()
            };
            let done = crate::tr!(
                "{done} of {total}",
                done = crate::lang::number(g.done as i64),
                total = crate::lang::number(g.total as i64)
            );
            view! { <tr><th scope="row">{title}</th><td>{done}</td></tr> }
        })
        .collect_view();
    let (q_start, q_end) = quarter(today);
    let actions = quarter_actions(p, today);
    let more = actions.len().saturating_sub(SUMMARY_ACTIONS);
    let action_rows = actions
        .into_iter()
        .take(SUMMARY_ACTIONS)
        .map(|a| {
            let status = match a.urgency {
                Urgency::Overdue => crate::tr!("{status} (overdue)", status = tr(a.status.label())),
                _ => tr(a.status.label()).to_owned(),
            };
            view! {
                <tr class:row-overdue={a.urgency == Urgency::Overdue}>
                    <th scope="row">{if a.what.is_empty() { tr("Unnamed action item").to_owned() } else { a.what }}</th>
                    <td>{a.owner.unwrap_or_else(|| tr("No owner yet").into())}</td>
                    <td>{long_date(a.due)}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    let header = crate::tr!(
        "{name} · Summary · printed {date}",
        name = name,
        date = printed
    );
    view! {
        <p class="running-header" aria-hidden="true">{header}</p>
        <div class="sheet">
            <header class="doc-header">
                <p class="doc-kind">{tr("Partnership summary")}</p>
                <h2 class="doc-title">{name}</h2>
                <p>{crate::tr!("Printed {date} from Partnership Planner.", date = printed)}</p>
            </header>
            <section class="doc-section">
                <h3>{tr("Mission")}</h3>
                {if mission.is_empty() {
                    view! { <p class="unanswered">{tr("Not answered yet.")}</p> }.into_any()
                } else {
                    view! { <p class="answer">{mission}</p> }.into_any()
                }}
            </section>
            <section class="doc-section">
                <h3>{tr("Members by sector and status")}</h3>
                {if p.members.is_empty() {
                    view! { <p class="unanswered">{tr("No member organizations yet.")}</p> }.into_any()
                } else {
                    view! {
                        <table class="doc-table numbers">
                            <thead><tr>
                                <th scope="col">{tr("Sector")}</th>
                                {statuses.iter().map(|s| view! { <th scope="col">{tr(s.label())}</th> }).collect_view()}
                                <th scope="col">{crate::trc!("total", "All")}</th>
                            </tr></thead>
                            <tbody>{sector_rows}</tbody>
                        </table>
                        {charts::funnel(&pipeline(p))}
                    }.into_any()
                }}
            </section>
            <section class="doc-section">
                <h3>{tr("Key roles")}</h3>
                <table class="doc-table">
                    <thead><tr><th scope="col">{tr("Role")}</th><th scope="col">{tr("Held by")}</th></tr></thead>
                    <tbody>{roles}</tbody>
                </table>
            </section>
            <section class="doc-section">
                <h3>{tr("Goals and their action items done")}</h3>
                {if goals.is_empty() {
                    view! { <p class="unanswered">{tr("No goals yet.")}</p> }.into_any()
                } else {
                    view! {
                        <table class="doc-table">
                            <thead><tr><th scope="col">{tr("Goal")}</th><th scope="col">{tr("Action items done")}</th></tr></thead>
                            <tbody>{goal_rows}</tbody>
                        </table>
                    }.into_any()
                }}
            </section>
        </div>
        <div class="sheet">
            <section class="doc-section">
                <h3>{crate::tr!("This quarter's action items ({from} to {to})", from = long_date(q_start), to = long_date(q_end))}</h3>
                <p class="hint">{tr("Due this quarter, and any still open from before it.")}</p>
                <table class="doc-table">
                    <thead><tr><th scope="col">{tr("What")}</th><th scope="col">{tr("Owner")}</th><th scope="col">{tr("Due")}</th><th scope="col">{tr("Status")}</th></tr></thead>
                    <tbody>{action_rows}</tbody>
                </table>
                {(more > 0).then(|| view! { <p>{crate::tr!("And {more} more in the printable plan.", more = crate::lang::number(more as i64))}</p> })}
            </section>
            <section class="doc-section">
                <h3>{tr("Funding")}</h3>
                {charts::funding(funding_totals(p), "summary-funding")}
            </section>
            <section class="doc-section">
                <h3>{tr("Partnership health self-check")}</h3>
                {charts::self_check(&self_check(p))}
            </section>
        </div>
    }
}
