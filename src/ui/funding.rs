//! Funding: where the money comes from, what is committed against what is still sought.

use leptos::prelude::*;

use super::list_editor::ListEditor;
use super::widgets::{QuestionField, SectionHeading, SectionResources};
use crate::content::{questions_for, Section};
use crate::lang::tr;
use crate::model::rules::{dollars, funding_alert, funding_totals};
use crate::model::{ListKind, Plan};
use crate::state::PlanState;

/// The badge on a funding source: a deadline passed or near, a report due, a grant ending (its
/// words in English: the list shows them through `tr`).
fn funding_badge(plan: &Plan, id: &str, today: i64) -> Option<(&'static str, &'static str)> {
    let source = plan.funding.iter().find(|f| f.id == id)?;
    funding_alert(source, today).map(|alert| {
        let class = if alert.is_passed() {
            "badge-overdue"
        } else {
            "badge-soon"
        };
        (class, alert.label())
    })
}

#[component]
pub fn Funding() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let totals = Memo::new(move |_| state.plan.with(funding_totals));
    view! {
        <SectionHeading section=Section::Funding/>
        <p class="notice">
            {tr(
                "Grant programs, amounts and rules change every year. Check the current notice of \
                 funding before you plan on a figure.",
            )}
        </p>
        <dl class="totals">
            <div>
                <dt>{tr("Committed or received")}</dt>
                <dd>{move || dollars(totals.get().committed)}</dd>
            </div>
            <div>
                <dt>{tr("Planned or applied for")}</dt>
                <dd>{move || dollars(totals.get().pending)}</dd>
            </div>
        </dl>
        {questions_for(Section::Funding)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <ListEditor kind=ListKind::Funding badge=funding_badge/>
        <SectionResources section=Section::Funding/>
    }
}
