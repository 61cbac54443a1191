//! The MOU draft (`#/mou`): a memorandum of understanding assembled from the plan, editable
//! clause by clause, with signature blocks for each party, printable.

use leptos::prelude::*;

use crate::model::mou::{clauses, parties};
use crate::state::PlanState;

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
            view! {
                <section class="clause">
                    <h2><label for=field_id.clone()>{format!("Clause {}: {}", i + 1, title)}</label></h2>
                    <textarea id=field_id rows="5" maxlength="100000" class="screen-only"
                        prop:value=move || clause.with(|c| c.as_ref().map(|c| c.text().to_owned()).unwrap_or_default())
                        on:input=move |ev| state.set_answer(&answer_id, &event_target_value(&ev))></textarea>
                    // Text areas print clipped: paper gets the clause as plain text instead.
                    <p class="print-only clause-text">
                        {move || clause.with(|c| c.as_ref().map(|c| c.text().to_owned()).unwrap_or_default())}
                    </p>
                    <p class="hint screen-only">
                        {move || if custom() { "Your own wording." } else { "Built from your plan; edit to use your own wording." }}
                        " "
                        <button type="button" class="link-button" hidden=move || !custom()
                            on:click=move |_| state.set_answer(&reset_id, "")>
                            {format!("Use generated text for {title}")}
                        </button>
                    </p>
                </section>
            }
        })
        .collect_view();
    let signatures = move || {
        state.plan.with(|p| {
            let names = parties(p);
            if names.is_empty() {
                return view! { <p class="unanswered">"Add member organizations in Membership to get signature blocks."</p> }.into_any();
            }
            names
                .into_iter()
                .map(|name| {
                    view! {
                        <div class="signature">
                            <p><strong>{name.to_owned()}</strong></p>
                            <p>"Signature: ______________________________"</p>
                            <p>"Name and title: _________________________"</p>
                            <p>"Date: ____________"</p>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <div class="print-tools">
            <h1 tabindex="-1">"MOU draft"</h1>
            <p>
                "A memorandum of understanding sets out the partners' shared intentions and "
                "responsibilities (OVC Task Force e-Guide). This draft is built from your plan. "
                "Edit any clause, then print it for review by each organization's leadership and, "
                "where needed, its legal counsel."
            </p>
            <button type="button" on:click=move |_| { let _ = window().print(); }>"Print this MOU"</button>
        </div>
        <article class="document mou">
            <h2 class="doc-title">{move || format!("Memorandum of understanding: {}", state.plan.with(|p| p.display_name().to_owned()))}</h2>
            {edits}
            <section class="signatures">
                <h2>"Signatures"</h2>
                {signatures}
            </section>
        </article>
    }
}
