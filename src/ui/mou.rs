//! The MOU draft (`#/mou`): a memorandum of understanding assembled from the plan. The user
//! picks the parties (every member is listed; committed ones are ticked at first), sets the
//! effective date, term and notice, edits any clause, and sees the placeholders still to fill
//! before printing. Schedule A lists what each party brings; signature blocks follow.

use leptos::prelude::*;

use crate::lang::tr;
use crate::model::mou::{
    clauses, parties, party_choices, placeholders, schedule, segments, SCHEDULE_TITLE,
};
use crate::state::PlanState;

/// Text with its placeholders marked (`<mark>`), for paper and the preview.
fn marked(text: &str) -> impl IntoView {
    segments(text)
        .into_iter()
        .map(|(placeholder, part)| {
            if placeholder {
                view! { <mark class="placeholder">{part.to_owned()}</mark> }.into_any()
            } else {
                part.to_owned().into_any()
            }
        })
        .collect_view()
}

/// "1 placeholder still to fill", "3 placeholders still to fill".
pub fn placeholder_count(n: usize) -> String {
    match n {
        0 => tr("No placeholders left to fill.").to_owned(),
        n => crate::trn!(
            n,
            "{n} placeholder still to fill",
            "{n} placeholders still to fill"
        ),
    }
}

/// The parties, effective date, term and notice.
fn choices(state: PlanState) -> impl IntoView {
    let boxes = move || {
        let list = state.plan.with(party_choices);
        if list.is_empty() {
            return view! { <p class="unanswered">{tr("Add member organizations in Membership to choose the parties.")}</p> }.into_any();
        }
        list.into_iter()
            .map(|c| {
                let id = format!("mou-party-{}", c.id);
                let (member, committed) = (c.id.clone(), c.committed);
                view! {
                    <p class="check">
                        <input type="checkbox" id=id.clone() prop:checked=c.chosen
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let next = state.plan.with_untracked(|p| p.mou.with_party(&member, committed, on));
                                state.set_mou(next);
                            }/>
                        <label for=id>{format!("{} ({})", c.name, tr(c.status.label()))}</label>
                    </p>
                }
            })
            .collect_view()
            .into_any()
    };
    let text_field =
        move |id: &'static str,
              label: &'static str,
              hint: &'static str,
              get: fn(&crate::model::mou::MouChoices) -> String,
              set: fn(&mut crate::model::mou::MouChoices, String)| {
            let hint_id = format!("{id}-hint");
            view! {
                <p class="field">
                    <label for=id>{tr(label)}</label>
                    <span class="hint" id=hint_id.clone()>{tr(hint)}</span>
                    <input type="text" id=id maxlength="200" aria-describedby=hint_id
                        prop:value=move || state.plan.with(|p| get(&p.mou))
                        on:input=move |ev| {
                            let mut next = state.plan.with_untracked(|p| p.mou.clone());
                            set(&mut next, event_target_value(&ev));
                            state.set_mou(next);
                        }/>
                </p>
            }
        };
    view! {
        <fieldset class="parties">
            <legend>{tr("Parties")}</legend>
            <p class="hint">
                {tr("Every member organization is listed. Committed members and those that signed \
                     are ticked at first; tick or untick any of them.")}
            </p>
            {boxes}
        </fieldset>
        <p class="field">
            <label for="mou-choice-effective">{tr("Effective date")}</label>
            <input type="date" id="mou-choice-effective"
                prop:value=move || state.plan.with(|p| p.mou.effective.clone().unwrap_or_default())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let mut next = state.plan.with_untracked(|p| p.mou.clone());
                    next.effective = crate::model::time::parse_date(&value).map(|_| value);
                    state.set_mou(next);
                }/>
        </p>
        {text_field("mou-choice-term", crate::en!("Term"), crate::en!("Words that finish \u{201c}runs for \u{2026}\u{201d}, for example \u{201c}two years\u{201d}."),
            |c| c.term.clone(), |c, v| c.term = v)}
        {text_field("mou-choice-notice", crate::en!("Notice to withdraw"), crate::en!("Words that finish \u{201c}a party may withdraw by giving \u{2026}\u{201d}, for example \u{201c}three months' written notice\u{201d}."),
            |c| c.notice.clone(), |c, v| c.notice = v)}
    }
}

#[component]
pub fn Mou() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let clause_ids = clauses(&state.plan.get_untracked())
        .into_iter()
        .map(|c| (c.id, c.title))
        .collect::<Vec<_>>();
    let edits = clause_ids
        .into_iter()
        .enumerate()
        .map(|(i, (id, title))| {
            let clause = Memo::new(move |_| {
                state.plan.with(|p| clauses(p).into_iter().find(|c| c.id == id))
            });
            let field_id = format!("mou-{id}");
            let answer_id = format!("mou.{id}");
            let reset_id = answer_id.clone();
            let custom = move || clause.with(|c| c.as_ref().is_some_and(|c| c.custom.is_some()));
            let text = move || clause.with(|c| c.as_ref().map(|c| c.text().to_owned()).unwrap_or_default());
            view! {
                <section class="clause">
                    <h2><label for=field_id.clone()>{crate::tr!("Clause {n}: {title}", n = crate::lang::number(i as i64 + 1), title = tr(title))}</label></h2>
                    <textarea id=field_id rows="5" maxlength="100000" class="screen-only"
                        prop:value=text
                        on:input=move |ev| state.set_answer(&answer_id, &event_target_value(&ev))></textarea>
                    // Text areas print clipped: paper gets the clause as plain text instead, with
                    // its placeholders marked.
                    <p class="print-only clause-text">{move || marked(&text())}</p>
                    <p class="hint screen-only">
                        {move || if custom() { tr("Your own wording.") } else { tr("Built from your plan; edit to use your own wording.") }}
                        " "
                        <button type="button" class="link-button" hidden=move || !custom()
                            on:click=move |_| state.set_answer(&reset_id, "")>
                            {crate::tr!("Use generated text for {title}", title = tr(title))}
                        </button>
                    </p>
                </section>
            }
        })
        .collect_view();
    let schedule_view = move || {
        let rows = state.plan.with(schedule);
        if rows.is_empty() {
            return view! { <p class="unanswered">{tr("No parties chosen yet.")}</p> }.into_any();
        }
        rows.into_iter()
            .map(
                |(name, text)| view! { <h3>{name}</h3> <p class="clause-text">{marked(&text)}</p> },
            )
            .collect_view()
            .into_any()
    };
    let signatures = move || {
        state.plan.with(|p| {
            let names = parties(p);
            if names.is_empty() {
                return view! { <p class="unanswered">{tr("Choose the parties above to get signature blocks.")}</p> }.into_any();
            }
            names
                .into_iter()
                .map(|name| {
                    view! {
                        <div class="signature">
                            <p><strong>{name}</strong></p>
                            <p>{tr("Signature: ______________________________")}</p>
                            <p>{tr("Name and title: _________________________")}</p>
                            <p>{tr("Date: ____________")}</p>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    let left = Memo::new(move |_| state.plan.with(placeholders));
    let left_list = move || {
        left.with(|list| {
            list.iter()
                .map(|p| view! { <li>{format!("{}: ", tr(p.clause))} <mark class="placeholder">{p.text.clone()}</mark></li> })
                .collect_view()
        })
    };
    view! {
        <div class="print-tools">
            <h1 tabindex="-1">{tr("MOU draft")}</h1>
            <p>
                {tr("A memorandum of understanding sets out the partners' shared intentions and \
                     responsibilities (OVC Task Force e-Guide). This draft is built from your plan. \
                     Choose the parties, edit any clause, then print it for review by each \
                     organization's leadership and, where needed, its legal counsel.")}
            </p>
            {choices(state)}
            <section class="placeholders banner" aria-labelledby="placeholders-heading">
                <h2 id="placeholders-heading">{tr("Before you print")}</h2>
                <p role="status">{move || left.with(|l| placeholder_count(l.len()))}</p>
                <p class="hint">{tr("Placeholders are the words in square brackets, marked in the printed draft.")}</p>
                <ul>{left_list}</ul>
            </section>
            <button type="button" on:click=move |_| { let _ = window().print(); }>{tr("Print this MOU")}</button>
        </div>
        <article class="document mou">
            <h2 class="doc-title">{move || crate::tr!("Memorandum of understanding: {name}", name = state.plan.with(|p| p.display_name().to_owned()))}</h2>
            {edits}
            <section class="schedule">
                <h2>{tr(SCHEDULE_TITLE)}</h2>
                {schedule_view}
            </section>
            <section class="signatures">
                <h2>{tr("Signatures")}</h2>
                {signatures}
            </section>
        </article>
    }
}
