//! Survivor engagement: how survivors shape the partnership, how they are paid, and a checklist
//! across survivor-informed areas and trauma-informed principles.

use leptos::prelude::*;

use super::widgets::{QuestionField, SectionHeading, SectionResources};
use crate::content::guidance::{SURVIVOR_CHECKLIST, SURVIVOR_GROUPS};
use crate::content::{questions_for, Section};
use crate::lang::tr;
use crate::state::PlanState;

#[component]
pub fn Survivors() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let groups = SURVIVOR_GROUPS
        .iter()
        .map(|&(group, about)| {
            let items = SURVIVOR_CHECKLIST
                .iter()
                .filter(|c| c.group == group)
                .map(|c| {
                    let id = c.id;
                    let box_id = id.replace('.', "-");
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=box_id.clone()
                                prop:checked=move || state.plan.with(|p| p.is_checked(id))
                                on:change=move |ev| state.set_check(id, event_target_checked(&ev))/>
                            <label for=box_id>{tr(c.text)}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="choices">
                    <legend>{tr(group)}</legend>
                    <p class="hint">{tr(about)}</p>
                    {items}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <SectionHeading section=Section::Survivors/>
        <p class="banner banner-warning" role="note">
            <strong>{tr("Do not enter information that could identify a survivor.")}</strong>
            " "
            {tr("This plan is shared by email. Write about survivor engagement in general terms only: \
                 no names, contact details, stories or case details.")}
        </p>
        <p>
            {tr("A survivor-informed partnership includes meaningful input from a diverse group of \
                 survivors at every stage (NHTTAC). Survivors can feel tokenized when they are the only \
                 one in the room, and established survivor leaders are often overloaded (LCHT).")}
        </p>
        {questions_for(Section::Survivors)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <h2>{tr("Checklist")}</h2>
        {groups}
        <SectionResources section=Section::Survivors/>
    }
}
