//! The printable plan (`#/print`): every answer, list and check as one clean document. The
//! print stylesheet hides the app around it, so Ctrl+P gives a tidy PDF.

use leptos::prelude::*;

use crate::content::guidance::{HEALTH_STATEMENTS, SURVIVOR_CHECKLIST};
use crate::content::{questions_for, FunctionKind, Section};
use crate::io;
use crate::model::fields::{display_value, spec, Input};
use crate::model::rules::{coverage, dollars, funding_totals};
use crate::model::time::iso_date;
use crate::model::{ListKind, Plan};
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

#[component]
pub fn Print() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="print-tools">
            <h1 tabindex="-1">"Printable plan"</h1>
            <p>
                "The whole plan as one document. Use your browser's Print command (Ctrl+P, or "
                "Cmd+P on a Mac) to print it or save it as a PDF."
            </p>
            <button type="button" on:click=print>"Print this plan"</button>
        </div>
        <article class="document">
            {move || state.plan.with(|p| document(p))}
        </article>
    }
}

fn answer_text(text: &str) -> AnyView {
    if text.trim().is_empty() {
        view! { <p class="unanswered">"Not answered yet."</p> }.into_any()
    } else {
        view! { <p class="answer">{text.trim().to_owned()}</p> }.into_any()
    }
}

fn document(p: &Plan) -> impl IntoView {
    let sections = Section::ALL.map(|section| {
        let questions = questions_for(section)
            .map(|q| {
                let raw = p.answer(q.id);
                let text = q
                    .options
                    .iter()
                    .find(|(k, _)| *k == raw)
                    .map_or(raw, |(_, l)| *l);
                view! {
                    <h3>{q.label}</h3>
                    {answer_text(text)}
                }
            })
            .collect_view();
        let lists = lists_of(section)
            .iter()
            .map(|&kind| list(p, kind))
            .collect_view();
        view! {
            <section class="doc-section">
                <h2>{section.title()}</h2>
                {(section == Section::Functions).then(|| functions(p))}
                {questions}
                {(section == Section::Membership).then(|| coverage_summary(p))}
                {(section == Section::Funding).then(|| {
                    let t = funding_totals(p);
                    view! {
                        <p>{format!("Committed or received: {}. Planned or applied for: {}.",
                            dollars(t.committed), dollars(t.pending))}</p>
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
            <p class="doc-kind">"Partnership plan"</p>
            <h2 class="doc-title">{p.display_name().to_owned()}</h2>
            <p>{format!("Printed {} from Partnership Planner.", iso_date(io::now()))}</p>
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
        return view! { <p class="unanswered">"No functions chosen yet."</p> }.into_any();
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
                        .map(|x| x.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            view! {
                <li>
                    <strong>{k.label()}</strong>
                    {(!note.is_empty()).then(|| view! { <br/> {note} })}
                    {(!ps.is_empty()).then(|| view! { <br/> {format!("Serves: {ps}")} })}
                </li>
            }
        })
        .collect_view();
    view! { <h3>"What the partnership will do"</h3> <ul>{items}</ul> }.into_any()
}

fn list(p: &Plan, kind: ListKind) -> impl IntoView {
    let spec = spec(kind);
    let ids = p.item_ids(kind);
    if ids.is_empty() {
        return view! { <h3>{spec.heading}</h3> <p class="unanswered">{spec.empty}</p> }.into_any();
    }
    let items = ids
        .iter()
        .map(|id| {
            let rows = spec
                .fields
                .iter()
                .filter_map(|f| {
                    let v = p
                        .field(id, f.field)
                        .map(|v| display_value(p, f.input, &v))
                        .unwrap_or_default();
                    // Unticked SMART boxes and empty fields are left out to keep pages short.
                    (!v.is_empty() && !(f.input == Input::Flag && v == "No"))
                        .then(|| view! { <dt>{f.label}</dt> <dd>{v}</dd> })
                })
                .collect_view();
            view! { <li><dl class="doc-item">{rows}</dl></li> }
        })
        .collect_view();
    view! { <h3>{spec.heading}</h3> <ol class="doc-list">{items}</ol> }.into_any()
}

fn coverage_summary(p: &Plan) -> impl IntoView {
    let missing: Vec<_> = coverage(p)
        .into_iter()
        .filter(|c| !c.1)
        .map(|c| c.0.label)
        .collect();
    let text = if missing.is_empty() {
        "Every recommended kind of partner is on the roster.".to_owned()
    } else {
        format!(
            "Recommended partners still missing: {}.",
            missing.join(", ")
        )
    };
    view! { <h3>"Coverage"</h3> <p>{text}</p> }
}

fn health(p: &Plan) -> impl IntoView {
    let rows = HEALTH_STATEMENTS
        .iter()
        .map(|s| {
            let score = p
                .score(s.id)
                .map_or("not scored".to_owned(), |v| format!("{v} of 5"));
            view! { <li>{format!("{}: {} — {}", s.category, s.text, score)}</li> }
        })
        .collect_view();
    view! { <h3>"Partnership health self-check"</h3> <ul>{rows}</ul> }
}

fn checklist(p: &Plan) -> impl IntoView {
    let rows = SURVIVOR_CHECKLIST
        .iter()
        .map(|c| {
            let mark = if p.is_checked(c.id) {
                "Done"
            } else {
                "Not yet"
            };
            view! { <li>{format!("{mark}: {}", c.text)}</li> }
        })
        .collect_view();
    view! { <h3>"Survivor engagement checklist"</h3> <ul>{rows}</ul> }
}
