//! Functions: what the partnership will do, from the seed's six functions plus "Other".

use leptos::prelude::*;

use super::widgets::{QuestionField, SectionHeading};
use crate::content::{questions_for, FunctionKind, Section};
use crate::state::PlanState;

#[component]
pub fn Functions() -> impl IntoView {
    view! {
        <SectionHeading section=Section::Functions/>
        <fieldset class="choices">
            <legend>"Your partnership could:"</legend>
            {FunctionKind::ALL.into_iter().map(|kind| view! { <FunctionBox kind/> }).collect_view()}
        </fieldset>
        {questions_for(Section::Functions)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
    }
}

#[component]
fn FunctionBox(kind: FunctionKind) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let checked = Memo::new(move |_| state.plan.with(|p| p.has_function(kind)));
    let id = format!("fn-{kind:?}");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="choice">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=hint_id.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| state.set_function(kind, event_target_checked(&ev))
            />
            <label for=id>{kind.label()}</label>
            <p class="hint" id=hint_id>{kind.hint()}</p>
        </div>
    }
}
