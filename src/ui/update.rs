//! "A new version of Partnership Planner is ready": shown when the service worker has installed
//! a newer deployment (`state::NewVersion`). Nothing changes until the user chooses Reload to update.

use leptos::prelude::*;

use crate::lang::tr;
use crate::state::{NewVersion, PlanState};

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let update = expect_context::<NewVersion>();
    view! {
        <div class="notices" role="status">
            {move || update.ready.get().then(|| view! {
                <section class="banner update-notice" aria-labelledby="update-title">
                    <h2 id="update-title">{tr("A new version of Partnership Planner is ready")}</h2>
                    <p>
                        {tr("Nothing changes until you reload. Your plan is saved on this device \
                             first, and stays as it is.")}
                    </p>
                    <p>
                        <button type="button" on:click=move |_| update.reload(state)>
                            {tr("Reload to update")}
                        </button>
                    </p>
                    <p role="alert">{move || update.blocked.get().map(tr)}</p>
                </section>
            })}
        </div>
    }
}
