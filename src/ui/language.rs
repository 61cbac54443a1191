//! The "English / Español" switch, on every screen (issue #18). Each language is named in itself
//! and marked with its `lang`, so a screen reader says "Español" in Spanish.

use leptos::prelude::*;

use crate::lang::{tr, Lang};
use crate::state::language::Language;
use crate::state::PlanState;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let language = expect_context::<Language>();
    let button = move |lang: Lang| {
        let pressed = move || (language.current.get() == lang).to_string();
        let choose = move |_| {
            language.switch(state, lang, move || {
                // Every screen is drawn again in the new language: focus goes back to the
                // switch the person just used.
                if let Some(el) = document().get_element_by_id(&format!("language-{}", lang.tag()))
                {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            })
        };
        view! {
            <button type="button" id={format!("language-{}", lang.tag())} lang=lang.tag()
                aria-pressed=pressed on:click=choose>
                {lang.own_name()}
            </button>
        }
    };
    view! {
        <div class="language-switch" role="group" aria-label={tr("Language")}>
            {button(Lang::En)}
            <span aria-hidden="true">"/"</span>
            {button(Lang::Es)}
        </div>
        <p class="language-problem" role="alert">{move || language.problem.get()}</p>
    }
}
