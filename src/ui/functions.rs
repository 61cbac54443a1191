//! Functions: what the partnership will do, from the seed's six functions plus "Other", each
//! with how it will be done and which of the 4 Ps it serves.

use leptos::prelude::*;

use super::widgets::{Linked, QuestionField, SectionHeading, SectionResources};
use crate::content::{questions_for, FunctionKind, Section};
use crate::lang::tr;
use crate::model::kinds::Pillar;
use crate::state::PlanState;

#[component]
pub fn Functions() -> impl IntoView {
    view! {
        <SectionHeading section=Section::Functions/>
        <p>
            {tr("Tick what the partnership will do. For each, note how, and which of the 4 Ps \
                 (prevention, protection, prosecution, partnership) it serves. Partnerships that \
                 bring several Ps together, each with an equal voice, work best (LCHT).")}
        </p>
        <fieldset class="choices">
            <legend>{tr("Your partnership could:")}</legend>
            {FunctionKind::ALL.iter().map(|&kind| view! { <FunctionBox kind/> }).collect_view()}
        </fieldset>
        {questions_for(Section::Functions)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <SectionResources section=Section::Functions/>
    }
}

#[component]
fn FunctionBox(kind: FunctionKind) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let checked = Memo::new(move |_| state.plan.with(|p| p.has_function(kind)));
    let note = Memo::new(move |_| {
        state
            .plan
            .with(|p| p.function(kind).map(|f| f.note.clone()).unwrap_or_default())
    });
    let id = format!("fn-{kind:?}");
    let hint_id = format!("{id}-hint");
    let pillars = Pillar::ALL
        .iter()
        .map(|&pillar| {
            let box_id = format!("{id}-{}", pillar.key());
            let on = Memo::new(move |_| {
                state.plan.with(|p| p.function(kind).is_some_and(|f| f.pillars.contains(&pillar)))
            });
            view! {
                <span class="inline-choice">
                    <input type="checkbox" id=box_id.clone() prop:checked=move || on.get()
                        on:change=move |ev| state.set_function_pillar(kind, pillar, event_target_checked(&ev))/>
                    <label for=box_id>{pillar.label()}</label>
                </span>
            }
        })
        .collect_view();
    let note_id = format!("{id}-note");
    view! {
        <div class="choice function">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=hint_id.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| state.set_function(kind, event_target_checked(&ev))
            />
            <label for=id>{kind.label()}</label>
            <p class="hint" id=hint_id><Linked text=kind.hint()/></p>
            <div class="function-detail" hidden=move || !checked.get()>
                <label for=note_id.clone()>{crate::tr!("How will you do this? ({function})", function = short(kind))}</label>
                <textarea id=note_id rows="2" maxlength="100000" prop:value=move || note.get()
                    on:input=move |ev| state.set_function_note(kind, &event_target_value(&ev))></textarea>
                <fieldset class="key-set">
                    <legend>{crate::tr!("Ps it serves ({function})", function = short(kind))}</legend>
                    {pillars}
                </fieldset>
            </div>
        </div>
    }
}

/// A few words naming the function, to keep each note's label unique.
fn short(kind: FunctionKind) -> &'static str {
    match kind {
        FunctionKind::StrategicCoordination => tr("strategic coordination"),
        FunctionKind::OperationalCoordination => tr("operational coordination"),
        FunctionKind::ShareInformation => tr("sharing information"),
        FunctionKind::RaiseAwareness => tr("awareness"),
        FunctionKind::InvolveCommunity => tr("community involvement"),
        FunctionKind::SurvivorEngagement => tr("survivor engagement"),
    }
}
