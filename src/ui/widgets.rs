//! Small pieces shared by screens.

use leptos::prelude::*;

use crate::content::guidance::RESOURCES;
use crate::content::{Question, Section};
use crate::model::link::safe_href;
use crate::state::PlanState;

/// The DOM id for a question's field (`q-define-definition`).
fn field_id(question_id: &str) -> String {
    format!("q-{}", question_id.replace('.', "-"))
}

/// One toolkit question: a labelled text area, or a group of radio buttons when the question
/// has options. Its guidance is tied to it by `aria-describedby`.
#[component]
pub fn QuestionField(question: &'static Question) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let id = field_id(question.id);
    let hint_id = format!("{id}-hint");
    // A memo per field: typing in one field does not re-render the others.
    let value = Memo::new(move |_| state.plan.with(|p| p.answer(question.id).to_owned()));
    if !question.options.is_empty() {
        let radios = question
            .options
            .iter()
            .map(|&(key, label)| {
                let radio_id = format!("{id}-{key}");
                view! {
                    <div class="choice">
                        <input
                            type="radio"
                            name=id.clone()
                            id=radio_id.clone()
                            value=key
                            prop:checked=move || value.with(|v| v == key)
                            on:change=move |_| state.set_answer(question.id, key)
                        />
                        <label for=radio_id>{crate::lang::tr(label)}</label>
                    </div>
                }
            })
            .collect_view();
        let described = hint_id.clone();
        return view! {
            <fieldset class="field choices" aria-describedby=described>
                <legend>{crate::lang::tr(question.label)}</legend>
                <p class="hint" id=hint_id><Linked text=crate::lang::tr(question.hint)/></p>
                {radios}
                <button
                    type="button"
                    class="link-button"
                    hidden=move || value.with(String::is_empty)
                    on:click=move |_| state.set_answer(question.id, "")
                >
                    {format!("Clear answer: {}", question.label)}
                </button>
            </fieldset>
        }
        .into_any();
    }
    view! {
        <div class="field">
            <label for=id.clone()>{crate::lang::tr(question.label)}</label>
            <p class="hint" id=hint_id.clone()><Linked text=crate::lang::tr(question.hint)/></p>
            <textarea
                id=id
                rows="4"
                maxlength="100000"
                aria-describedby=hint_id
                prop:value=move || value.get()
                on:input=move |ev| state.set_answer(question.id, &event_target_value(&ev))
            ></textarea>
        </div>
    }
    .into_any()
}

/// A section's heading and the seed's guiding question under it.
#[component]
pub fn SectionHeading(section: Section) -> impl IntoView {
    view! {
        <h1 tabindex="-1">{section.title()}</h1>
        <p class="lead">{section.lead_question()}</p>
    }
}

/// A link only for `http:`, `https:` and `mailto:` URLs (`model::link`); anything else is shown
/// as plain text. Where it goes is shown beside its title, and a link the plan brought (`added`:
/// typed in or imported, not one of the app's checked resources) says so.
#[component]
pub fn SafeLink(
    url: String,
    #[prop(optional, into)] text: Option<String>,
    #[prop(optional)] added: bool,
) -> impl IntoView {
    let label = text
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| url.clone());
    // Where it goes and whose it is, as one text after the link or the plain text.
    let mark = if added {
        " · added to this plan, not checked"
    } else {
        ""
    };
    match safe_href(&url) {
        Some(href) => {
            let host = crate::io::link_host(&href)
                .map(|host| format!(" ({host})"))
                .unwrap_or_default();
            let after = format!("{host}{mark}");
            view! { <a href=href rel="noopener noreferrer" target="_blank">{label}</a>{after} }
                .into_any()
        }
        None => view! { <span class="unsafe-link">{label}</span>{mark} }.into_any(),
    }
}

/// The built-in resources for a section, and the user's own resources filed under it.
#[component]
pub fn SectionResources(section: Section) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let built_in = RESOURCES
        .iter()
        .filter(|r| r.section == Some(section))
        .map(|resource| view! { <ResourceItem resource/> })
        .collect_view();
    let own = move || {
        state.plan.with(|p| {
            p.resources
                .iter()
                .filter(|r| r.section.as_deref() == Some(section.slug()))
                .map(|r| {
                    let note = (!r.note.trim().is_empty()).then(|| format!(" — {}", r.note.trim()));
                    view! { <li><SafeLink url=r.url.clone() text=r.title.clone() added=true/>{note}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <aside class="resources" aria-label=format!("Resources for {}", section.title())>
            <h2>"Resources"</h2>
            <ul>{built_in} {own}</ul>
            <p><a href="#/resources">"All resources, and adding your own"</a></p>
        </aside>
    }
}

/// Guidance text with glossary terms linked to their entries.
#[component]
pub fn Linked(text: &'static str) -> impl IntoView {
    crate::content::glossary::link_terms(text)
        .into_iter()
        .map(|(part, term)| match term {
            Some(id) => {
                view! { <a href=format!("#/glossary/{id}") class="term">{part}</a> }.into_any()
            }
            None => part.into_any(),
        })
        .collect_view()
}

/// One built-in resource: its link, what it is, and when its source was last checked.
#[component]
pub fn ResourceItem(resource: &'static crate::content::guidance::BuiltInResource) -> impl IntoView {
    view! {
        <li>
            <SafeLink url=resource.url.to_owned() text=crate::lang::tr(resource.title)/>
            " — " {crate::lang::tr(resource.detail)}
            <span class="checked">" (source last checked " {resource.checked} ")"</span>
        </li>
    }
}
