//! The interface: one file per screen, plus the shell that frames them. Screens read state from
//! context and call `PlanState` intents; they never touch storage or the model's internals.

mod define;
mod functions;
mod funding;
mod glossary;
mod leadership;
mod list_editor;
mod management;
mod membership;
mod mou;
mod notices;
mod overview;
mod passphrase;
mod plans;
mod print;
mod resources;
mod safety;
mod sharing;
mod shell;
mod survivors;
mod trust;
mod widgets;

use leptos::prelude::*;

use crate::model::link::is_shared_host;
use crate::state::{flush_on_leave, PlanState};

/// Starts the app: opens the stored plan, then renders the shell into `<body>`. Framed by
/// another page, it renders only a link to open it on its own, before any state exists, so
/// storage is never read or written there (a page that frames the app could trick clicks).
pub fn mount() {
    let state = (!framed()).then(|| {
        let state = PlanState::start();
        flush_on_leave(state);
        state.follow_other_tabs();
        state
    });
    mount_to_body(move || match state {
        Some(state) => {
            provide_context(state);
            view! { <shell::Shell/> }.into_any()
        }
        None => view! { <OpenOnItsOwn/> }.into_any(),
    });
}

/// Whether another page frames this one: `window.top !== window.self`, or `top` cannot be read.
fn framed() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    !matches!(window.top(), Ok(Some(top)) if top == window)
}

/// All a framed copy shows: a link that opens the app's own address as the whole page.
#[component]
fn OpenOnItsOwn() -> impl IntoView {
    let location = window().location();
    let href = match (location.origin(), location.pathname()) {
        (Ok(origin), Ok(path)) => format!("{origin}{path}"),
        _ => "./".to_owned(),
    };
    view! {
        <main class="framed">
            <p>
                "Partnership Planner does not run inside another page. "
                <a href=href target="_top">"Open Partnership Planner on its own"</a>
            </p>
        </main>
    }
}

/// Once per device, on a shared host (`*.github.io`): other projects there can read the plans.
#[component]
fn SharedOriginNotice() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let host = window().location().hostname().unwrap_or_default();
    let shared = is_shared_host(&host);
    let shown = move || shared && !state.settings.with(|s| s.shared_origin_dismissed);
    let dismiss = move |_| state.set_settings(|s| s.shared_origin_dismissed = true);
    move || {
        shown().then(|| {
            view! {
                <section class="banner banner-warning" aria-labelledby="shared-origin-heading">
                    <h2 id="shared-origin-heading">"This address is shared with other projects"</h2>
                    <p>
                        {format!("This copy of Partnership Planner runs on {host}. ")}
                        "Other projects published under that address can read, change or delete "
                        "the plans kept in this browser. Export your plan, and ask whoever set up "
                        "this copy to host it on a domain of its own."
                    </p>
                    <p class="actions">
                        <button type="button" on:click=dismiss>"Dismiss"</button>
                    </p>
                </section>
            }
        })
    }
}
