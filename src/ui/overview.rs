//! Overview: the landing page, with each section's progress, the next step, and the plan's
//! numbers as simple bars.

use leptos::prelude::*;

use super::sharing::import_file;
use crate::content::Section;
use crate::model::rules::{counts, dollars, next_section, progress};
use crate::route::Route;
use crate::state::{PlanState, SaveState};

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let rows = Section::ALL.map(|section| {
        let done = Memo::new(move |_| state.plan.with(|p| progress(p, section)));
        view! {
            <li class="progress-row">
                <a href=Route::Section(section).href()>{section.title()}</a>
                <progress
                    max=move || done.get().total.max(1)
                    value=move || done.get().answered
                    aria-label=format!("{} progress", section.title())
                ></progress>
                <span class="progress-text">
                    {move || { let p = done.get(); format!("{} of {} done", p.answered, p.total) }}
                </span>
            </li>
        }
    });
    let next = Memo::new(move |_| state.plan.with(next_section));
    let c = Memo::new(move |_| state.plan.with(|p| counts(p, state.today())));
    // A meter is green at its optimum: the maximum for good things, zero for overdue items.
    let bar = |label: &'static str,
               value: Signal<String>,
               fill: Signal<(f64, f64)>,
               lower_is_better: bool| {
        let (optimum, high) = if lower_is_better {
            (0.0, 0.0)
        } else {
            (f64::MAX, f64::MAX)
        };
        view! {
            <div class="stat">
                <dt>{label}</dt>
                <dd>
                    <span class="stat-value">{value}</span>
                    <meter min="0" max=move || fill.get().1.max(1.0) value=move || fill.get().0
                        low="0" high=move || high.min(fill.get().1.max(1.0)) optimum=move || optimum.min(fill.get().1.max(1.0))
                        aria-label=label></meter>
                </dd>
            </div>
        }
    };
    // Meters take floating point: dollar sums can exceed a 32-bit usize.
    let total_money = move || {
        let f = c.get().funding;
        f.committed.saturating_add(f.pending) as f64
    };
    let n = |x: usize| x as f64;
    // No plan stored here at all: a new device, or the browser cleared its storage.
    let welcome = move || {
        state.library.with(|l| l.plans.is_empty())
            && state.save.with(|s| *s == SaveState::Untouched)
            && state.notice.with(Option::is_none)
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            import_file(state, file);
        }
    };
    view! {
        <h1 tabindex="-1">"Overview"</h1>
        <p class="promise">"Your plan never leaves this device unless you export it."</p>
        <Show when=welcome>
            <section class="welcome banner" aria-labelledby="welcome-heading">
                <h2 id="welcome-heading">"Welcome"</h2>
                <p>
                    "There is no plan on this device yet. If you have worked on a plan before, on "
                    "another computer or before this browser's data was cleared, import your latest "
                    "exported file. Otherwise, start with "
                    <a href="#/define">"Define your partnership"</a> "."
                </p>
                <span class="file-button">
                    <input type="file" id="welcome-import" accept=".json,application/json,text/plain" on:change=on_pick/>
                    <label for="welcome-import">"Import your latest exported file"</label>
                </span>
            </section>
        </Show>
        <p class="next-step">
            {move || match next.get() {
                Some(s) => view! {
                    "Next step: " <a href=Route::Section(s).href()>{s.title()}</a> " — " {s.lead_question()}
                }.into_any(),
                None => view! { "Every section has an answer. Review the " <a href="#/print">"printable plan"</a> " with your partners." }.into_any(),
            }}
        </p>
        <h2>"At a glance"</h2>
        <dl class="stats">
            {bar("Member organizations", Signal::derive(move || c.get().members.to_string()),
                Signal::derive(move || (n(c.get().members), n(c.get().members.max(10)))), false)}
            {bar("Open action items", Signal::derive(move || c.get().open_actions.to_string()),
                Signal::derive(move || (n(c.get().open_actions), n(c.get().open_actions.max(1)))), false)}
            {bar("Overdue action items", Signal::derive(move || c.get().overdue.to_string()),
                Signal::derive(move || (n(c.get().overdue), n(c.get().open_actions.max(1)))), true)}
            {bar("Funding committed", Signal::derive(move || dollars(c.get().funding.committed)),
                Signal::derive(move || (c.get().funding.committed as f64, total_money().max(1.0))), false)}
        </dl>
        <h2>"Progress"</h2>
        <ol class="progress-list">{rows.into_iter().collect_view()}</ol>
    }
}
