//! Overview: the landing page, with each section's progress, the next step, and the plan's
//! numbers as simple bars.

use leptos::prelude::*;

use super::sharing::import_file;
use crate::content::Section;
use crate::model::rules::{counts, dollars, next_section, progress};
use crate::route::Route;
use crate::state::{PlanState, SaveState};

/// One figure "At a glance", with a meter: `value` of `max`, green at `optimum`.
struct Stat {
    label: &'static str,
    text: String,
    value: u64,
    max: u64,
    /// Zero for things best kept at zero (overdue items); otherwise the maximum.
    lower_is_better: bool,
}

fn stat(s: Stat) -> impl IntoView {
    let max = s.max.max(1);
    let (high, optimum) = if s.lower_is_better {
        (0, 0)
    } else {
        (max, max)
    };
    view! {
        <div class="stat">
            <dt>{s.label}</dt>
            <dd>
                <span class="stat-value">{s.text}</span>
                <meter min="0" max=max value=s.value low="0" high=high optimum=optimum aria-label=s.label></meter>
            </dd>
        </div>
    }
}

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let rows = move || {
        state.plan.with(|plan| {
            Section::ALL
                .map(|section| {
                    let p = progress(plan, section);
                    view! {
                        <li class="progress-row">
                            <a href=Route::Section(section).href()>{section.title()}</a>
                            <progress max=p.total.max(1) value=p.answered
                                aria-label=format!("{} progress", section.title())></progress>
                            <span class="progress-text">{format!("{} of {} done", p.answered, p.total)}</span>
                        </li>
                    }
                })
                .into_iter()
                .collect_view()
        })
    };
    let stats = move || {
        let c = state.plan.with(|p| counts(p, state.today()));
        let money = c.funding.committed.saturating_add(c.funding.pending);
        let n = |x: usize| x as u64;
        [
            Stat {
                label: "Member organizations",
                text: c.members.to_string(),
                value: n(c.members),
                max: n(c.members.max(10)),
                lower_is_better: false,
            },
            Stat {
                label: "Open action items",
                text: c.open_actions.to_string(),
                value: n(c.open_actions),
                max: n(c.open_actions),
                lower_is_better: false,
            },
            Stat {
                label: "Overdue action items",
                text: c.overdue.to_string(),
                value: n(c.overdue),
                max: n(c.open_actions),
                lower_is_better: true,
            },
            Stat {
                label: "Funding committed",
                text: dollars(c.funding.committed),
                value: c.funding.committed,
                max: money,
                lower_is_better: false,
            },
        ]
        .into_iter()
        .map(stat)
        .collect_view()
    };
    // No plan stored here at all: a new device, or the browser cleared its storage.
    let welcome = Memo::new(move |_| {
        state.library.with(|l| l.plans.is_empty())
            && state.save.with(|s| *s == SaveState::Untouched)
            && state.notice.with(Option::is_none)
    });
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
        {move || welcome.get().then(|| view! {
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
        })}
        <p class="next-step">
            {move || match state.plan.with(next_section) {
                Some(s) => view! {
                    "Next step: " <a href=Route::Section(s).href()>{s.title()}</a> " — " {s.lead_question()}
                }.into_any(),
                None => view! { "Every section has an answer. Review the " <a href="#/print">"printable plan"</a> " with your partners." }.into_any(),
            }}
        </p>
        <h2>"At a glance"</h2>
        <dl class="stats">{stats}</dl>
        <h2>"Progress"</h2>
        <ol class="progress-list">{rows}</ol>
    }
}
