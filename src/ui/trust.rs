//! Trust and sustainability: trust, conflict, communication, continuity, and a short health
//! self-check scored 1 to 5.

use leptos::prelude::*;

use super::widgets::{QuestionField, SectionHeading, SectionResources};
use crate::content::guidance::{HEALTH_CATEGORIES, HEALTH_STATEMENTS, SCORE_LABELS};
use crate::content::{questions_for, Section};
use crate::lang::tr;
use crate::model::rules::one_decimal;
use crate::state::PlanState;

#[component]
pub fn Trust() -> impl IntoView {
    view! {
        <SectionHeading section=Section::Trust/>
        <p>
            {tr("In young partnerships conflict often comes from personalities or unclear roles; in \
                 mature ones it is welcome and helps the group grow (LCHT). Agree how you will handle \
                 it before you need to.")}
        </p>
        {questions_for(Section::Trust)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <HealthCheck/>
        <super::assessment::MembersView/>
        <SectionResources section=Section::Trust/>
    }
}

#[component]
fn HealthCheck() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let categories = HEALTH_CATEGORIES
        .iter()
        .map(|&category| {
            let average = move || {
                state.plan.with(|p| {
                    let scores: Vec<u8> = HEALTH_STATEMENTS
                        .iter()
                        .filter(|s| s.category == category)
                        .filter_map(|s| p.score(s.id))
                        .collect();
                    if scores.is_empty() {
                        tr("not scored yet").to_owned()
                    } else {
                        let sum = scores.iter().map(|&s| u64::from(s)).sum();
                        crate::tr!(
                            "average {average} of 5",
                            average = one_decimal(sum, scores.len() as u64)
                        )
                    }
                })
            };
            let statements = HEALTH_STATEMENTS
                .iter()
                .filter(|s| s.category == category)
                .map(|s| {
                    let id = s.id;
                    let name = id.replace('.', "-");
                    let radios = SCORE_LABELS
                        .iter()
                        .enumerate()
                        .map(|(i, label)| {
                            let value = i as u8 + 1;
                            let radio_id = format!("{name}-{value}");
                            let checked = move || state.plan.with(|p| p.score(id) == Some(value));
                            view! {
                                <span class="inline-choice">
                                    <input type="radio" name=name.clone() id=radio_id.clone()
                                        prop:checked=checked
                                        on:change=move |_| state.set_score(id, Some(value))/>
                                    <label for=radio_id>{tr(*label)}</label>
                                </span>
                            }
                        })
                        .collect_view();
                    view! {
                        <fieldset class="score">
                            <legend>{tr(s.text)}</legend>
                            {radios}
                        </fieldset>
                    }
                })
                .collect_view();
            view! {
                <section class="health-category">
                    <h3>{tr(category)} <span class="category-average">" — " {average}</span></h3>
                    {statements}
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="health-heading">
            <h2 id="health-heading">{tr("Partnership health self-check")}</h2>
            <p class="hint">
                {tr("Score each statement from 1 (strongly disagree) to 5 (strongly agree). The six \
                     categories follow the Wilder Collaboration Factors Inventory; the statements are \
                     our own. Low scores show where to talk next.")}
            </p>
            {categories}
        </section>
    }
}
