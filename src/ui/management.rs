//! Partnership management: goals checked against SMART, strategies under goals, action items
//! with overdue and upcoming ones highlighted, and the evaluation plan.

use leptos::prelude::*;

use super::list_editor::ListEditor;
use super::widgets::{QuestionField, SectionHeading, SectionResources};
use crate::content::{questions_for, Section};
use crate::lang::tr;
use crate::model::rules::{counts, urgency, Urgency, DUE_SOON_DAYS};
use crate::model::{ListKind, Plan};
use crate::state::PlanState;

/// The badge on an action item's heading (its words in English: the list shows them through
/// `tr`).
fn action_badge(plan: &Plan, id: &str, today: i64) -> Option<(&'static str, &'static str)> {
    let item = plan.actions.iter().find(|a| a.id == id)?;
    if item.status == crate::model::kinds::ActionStatus::Blocked {
        return Some(("badge-blocked", crate::en!("Blocked")));
    }
    match urgency(item, today) {
        Urgency::Overdue => Some(("badge-overdue", crate::en!("Overdue"))),
        Urgency::DueSoon => Some(("badge-soon", crate::en!("Due soon"))),
        Urgency::Done => Some(("badge-ok", crate::en!("Done"))),
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
            {tr(
                "Move from vision to action: goals, the strategies that reach them, and action items \
                 that say who does what by when. Short-term goals that are met build trust and \
                 momentum (LCHT).",
            )}
        </p>
        <p class="summary" role="note">
            {move || {
                let c = summary.get();
                crate::trn!(
                    c.open_actions,
                    "{n} open action item: {overdue} overdue, {soon} due in the next {days} days.",
                    "{n} open action items: {overdue} overdue, {soon} due in the next {days} days.",
                    overdue = crate::lang::number(c.overdue as i64),
                    soon = crate::lang::number(c.due_soon as i64),
                    days = DUE_SOON_DAYS
                )
            }}
        </p>
        <ListEditor kind=ListKind::Goals/>
        <ListEditor kind=ListKind::Strategies/>
        <ListEditor kind=ListKind::Actions badge=action_badge/>
        <super::spreadsheets::ActionsSpreadsheet/>
        <h2>{tr("Evaluation plan")}</h2>
        {questions_for(Section::Management)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <SectionResources section=Section::Management/>
    }
}
