//! Small pieces shared by screens.

use leptos::prelude::*;

use crate::content::{Question, Section};
use crate::state::PlanState;

/// The DOM id for a question's field (`q-define-definition`).
fn field_id(question_id: &str) -> String {
    format!("q-{}", question_id.replace('.', "-"))
}

/// One toolkit question answered in a labelled text area, with its guidance tied to it by
/// `aria-describedby`.
#[component]
pub fn QuestionField(question: &'static Question) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let id = field_id(question.id);
    let hint_id = format!("{id}-hint");
    // A memo per field: typing in one field does not re-render the others.
    let value = Memo::new(move |_| state.plan.with(|p| p.answer(question.id).to_owned()));
    view! {
        <div class="field">
            <label for=id.clone()>{question.label}</label>
            <p class="hint" id=hint_id.clone()>{question.hint}</p>
            <textarea
                id=id
                rows="4"
                aria-describedby=hint_id
                prop:value=move || value.get()
                on:input=move |ev| state.set_answer(question.id, &event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// A section's heading and the seed's guiding question under it.
#[component]
pub fn SectionHeading(section: Section) -> impl IntoView {
    view! {
        <h1 tabindex="-1">{section.title()}</h1>
        <p class="lead">{section.lead_question()}</p>
    }
}
