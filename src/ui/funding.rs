//! Funding: where the money comes from, what is committed against what is still sought.

use leptos::prelude::*;

use super::list_editor::ListEditor;
use super::widgets::{QuestionField, SectionHeading, SectionResources};
use crate::content::{questions_for, Section};
use crate::model::rules::{dollars, funding_totals};
use crate::model::ListKind;
use crate::state::PlanState;

#[component]
pub fn Funding() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let totals = Memo::new(move |_| state.plan.with(funding_totals));
    view! {
        <SectionHeading section=Section::Funding/>
        <p class="notice">
            "Grant programs, amounts and rules change every year. Check the current notice of "
            "funding before you plan on a figure."
        </p>
        <dl class="totals">
            <div>
                <dt>"Committed or received"</dt>
                <dd>{move || dollars(totals.get().committed)}</dd>
            </div>
            <div>
                <dt>"Planned or applied for"</dt>
                <dd>{move || dollars(totals.get().pending)}</dd>
            </div>
        </dl>
        {questions_for(Section::Funding)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <ListEditor kind=ListKind::Funding/>
        <SectionResources section=Section::Funding/>
    }
}
