//! Leadership structure: the seed's key roles assigned to members, subgroups, and how
//! decisions are made.

use leptos::prelude::*;

use super::list_editor::ListEditor;
use super::widgets::{Linked, QuestionField, SectionHeading, SectionResources};
use crate::content::{questions_for, Section};
use crate::lang::tr;
use crate::model::kinds::RoleKind;
use crate::model::ListKind;
use crate::state::PlanState;

#[component]
pub fn Leadership() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let roles = RoleKind::ALL
        .iter()
        .map(|&role| {
            let filled = move || {
                state
                    .plan
                    .with(|p| p.roles.iter().any(|r| r.role == Some(role)))
            };
            view! {
                <div class="role-guide">
                    <dt>
                        {tr(role.label())}
                        <span class="badge" class:badge-ok=filled>
                            {move || if filled() { tr("Assigned") } else { tr("Not assigned") }}
                        </span>
                    </dt>
                    <dd><Linked text=role.description()/></dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <SectionHeading section=Section::Leadership/>
        <p>
            {tr(
                "Different functions need different partners and ways of working. Put roles in \
                 writing so the partnership survives changes of staff.",
            )}
        </p>
        <h2>{tr("Key roles")}</h2>
        <dl class="role-guides">{roles}</dl>
        <ListEditor kind=ListKind::Roles/>
        <ListEditor kind=ListKind::Subgroups/>
        <h2>{tr("Decisions")}</h2>
        {questions_for(Section::Leadership)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <SectionResources section=Section::Leadership/>
    }
}
