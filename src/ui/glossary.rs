//! Glossary: the toolkit's terms in plain words. `#/glossary/<term>` opens at that term.

use leptos::prelude::*;

use crate::content::glossary::GLOSSARY;
use crate::lang::tr;

#[component]
pub fn Glossary() -> impl IntoView {
    // Focus the term the link pointed at, so reading starts there.
    let wanted = window().location().hash().unwrap_or_default();
    if let Some(id) = wanted.strip_prefix("#/glossary/").map(str::to_owned) {
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&format!("term-{id}")) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    }
    let entries = GLOSSARY
        .iter()
        .map(|t| {
            let anchor = format!("term-{}", t.id);
            view! {
                <dt id=anchor tabindex="-1">{tr(t.term)}</dt>
                <dd>{tr(t.meaning)}</dd>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">{tr("Glossary")}</h1>
        <p>{tr("Terms used in the toolkit, in plain words. Terms are linked here where they appear in guidance.")}</p>
        <dl class="glossary">{entries}</dl>
    }
}
