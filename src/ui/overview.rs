//! Overview: the landing page, with each section's progress and where to go next.

use leptos::prelude::*;

use crate::content::Section;
use crate::route::Route;
use crate::state::PlanState;

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let rows = Section::ALL.map(|section| {
        let progress = Memo::new(move |_| state.plan.with(|p| p.progress(section)));
        let link = Route::Section(section);
        let status = move || {
            let p = progress.get();
            if p.total == 0 {
                "Coming soon".to_owned()
            } else {
                format!("{} of {} answered", p.answered, p.total)
            }
        };
        view! {
            <li class="progress-row">
                <a href=link.href()>{section.title()}</a>
                <progress
                    max=move || progress.get().total.max(1)
                    value=move || progress.get().answered
                    aria-label=format!("{} progress", section.title())
                ></progress>
                <span class="progress-text">{status}</span>
            </li>
        }
    });
    view! {
        <h1 tabindex="-1">"Overview"</h1>
        <p class="promise">"Your plan never leaves this device unless you export it."</p>
        <p>
            "Work through the sections in order with your partners. Everything you type is "
            "kept in this browser as you go."
        </p>
        <h2>"Progress"</h2>
        <ol class="progress-list">{rows.into_iter().collect_view()}</ol>
    }
}
