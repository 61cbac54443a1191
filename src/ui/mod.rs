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

use crate::state::{flush_on_leave, PlanState};

/// Starts the app: opens the stored plan, then renders the shell into `<body>`.
pub fn mount() {
    let state = PlanState::start();
    flush_on_leave(state);
    state.follow_other_tabs();
    mount_to_body(move || {
        provide_context(state);
        view! { <shell::Shell/> }
    });
}
