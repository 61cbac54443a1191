//! Define your partnership: its name, definition, vision, mission, need, scope, relations,
//! level of integration and leadership model.

use leptos::prelude::*;

use super::widgets::{QuestionField, SectionHeading, SectionResources};
use crate::content::{questions_for, Section};
use crate::lang::tr;
use crate::state::PlanState;

#[component]
pub fn Define() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let name = Memo::new(move |_| state.plan.with(|p| p.name.clone()));
    view! {
        <SectionHeading section=Section::Define/>
        <p>
            {tr("Partnerships bring together different experiences, amplify messages and pool \
                 resources. Start by agreeing what yours is and why it exists.")}
        </p>
        <div class="field">
            <label for="plan-name">{tr("Partnership name")}</label>
            <input
                id="plan-name"
                type="text"
                autocomplete="off"
                maxlength="200"
                prop:value=move || name.get()
                on:input=move |ev| state.set_name(&event_target_value(&ev))
            />
        </div>
        {questions_for(Section::Define)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <SectionResources section=Section::Define/>
    }
}
