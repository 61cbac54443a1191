//! Partnership management: goals checked against SMART, strategies under goals, action items
//! with overdue and upcoming ones highlighted, and the evaluation plan.

use leptos::prelude::*;

use super::list_editor::ListEditor;
use super::widgets::{QuestionField, SectionHeading, SectionResources};
use crate::content::{questions_for, Section};
use crate::model::rules::{counts, plural, urgency, Urgency, DUE_SOON_DAYS};
use crate::model::{ListKind, Plan};
use crate::state::PlanState;

/// The badge on an action item's heading.
fn action_badge(plan: &Plan, id: &str, today: i64) -> Option<(&'static str, &'static str)> {
    let item = plan.actions.iter().find(|a| a.id == id)?;
    if item.status == crate::model::kinds::ActionStatus::Blocked {
        return Some(("badge-blocked", "Blocked"));
    }
    match urgency(item, today) {
        Urgency::Overdue => Some(("badge-overdue", "Overdue")),
        Urgency::DueSoon => Some(("badge-soon", "Due soon")),
        Urgency::Done => Some(("badge-ok", "Done")),
        Urgency::Later | Urgency::NoDate => None,
    }
}

#[component]
pub fn Management() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let summary = Memo::new(move |_| state.plan.with(|p| counts(p, state.today())));
    view! {
        <SectionHeading section=Section::Management/>
        <p>
            "Move from vision to action: goals, the strategies that reach them, and action items "
            "that say who does what by when. Short-term goals that are met build trust and "
            "momentum (LCHT)."
        </p>
        <p class="summary" role="note">
            {move || {
                let c = summary.get();
                format!(
                    "{}: {} overdue, {} due in the next {} days.",
                    plural(c.open_actions, "open action item", "open action items"),
                    c.overdue,
                    c.due_soon,
                    DUE_SOON_DAYS
                )
            }}
        </p>
        <ListEditor kind=ListKind::Goals/>
        <ListEditor kind=ListKind::Strategies/>
        <ListEditor kind=ListKind::Actions badge=action_badge/>
        <super::spreadsheets::ActionsSpreadsheet/>
        <h2>"Evaluation plan"</h2>
        {questions_for(Section::Management)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <SectionResources section=Section::Management/>
    }
}
