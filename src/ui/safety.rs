//! Safety and privacy: quick exit and what it cannot hide, locking, forgetting this device.

use leptos::prelude::*;

use crate::state::PlanState;

#[component]
pub fn Safety() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let confirming = RwSignal::new(false);
    let forgotten = RwSignal::new(None::<Result<(), String>>);
    view! {
        <h1 tabindex="-1">"Safety and privacy"</h1>
        <p class="promise">"Your plan never leaves this device unless you export it."</p>
        <p>
            "Partnership Planner runs entirely in this browser. It sends nothing anywhere: no "
            "account, no server, no analytics. The plan is kept in this browser's storage on this "
            "device, and goes elsewhere only as a file you export."
        </p>

        <h2>"Quick exit"</h2>
        <p>
            "The Quick exit button at the top of every screen, or pressing Shift three times, "
            "hides the page at once and replaces it with a search engine's home page. Back does "
            "not return to the plan."
        </p>
        <div class="choice">
            <input type="checkbox" id="quick-exit-setting"
                prop:checked=move || state.settings.with(|s| s.quick_exit)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.set_settings(|s| s.quick_exit = on);
                }/>
            <label for="quick-exit-setting">"Show Quick exit and the Shift shortcut"</label>
        </div>
        <h3>"What quick exit does not hide"</h3>
        <ul>
            <li>"The browser's history still lists visits to this site. Delete it, or use a private window."</li>
            <li>"Exported plan files stay in your downloads folder until you delete them."</li>
            <li>"The plan stays stored in this browser. Lock or forget this device (below) if others use it."</li>
            <li>"It cannot protect against someone who can monitor the device itself."</li>
        </ul>

        <h2>"Lock this device"</h2>
        <p>
            "Locking hides the plan behind a lock screen, now and the next time the app is opened "
            "here, until someone chooses Unlock. It keeps a plan out of sight of people passing by; "
            "it does not encrypt what is stored. To protect a file you send, use Export encrypted."
        </p>
        <p><button type="button" on:click=move |_| state.lock()>"Lock this device"</button></p>

        <h2>"Forget this device"</h2>
        <p>
            "Removes every plan, backup and setting Partnership Planner kept in this browser. "
            "Export any plan you still need first: this cannot be undone."
        </p>
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <p><button type="button" class="danger" on:click=move |_| confirming.set(true)>"Forget this device"</button></p>
            }
        >
            <div class="banner banner-warning" role="group" aria-labelledby="forget-heading">
                <h3 id="forget-heading">"Remove everything Partnership Planner keeps here?"</h3>
                <p class="actions">
                    <button type="button" class="danger" on:click=move |_| {
                        forgotten.set(Some(state.forget_device()));
                        confirming.set(false);
                    }>"Forget everything"</button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </p>
            </div>
        </Show>
        <div role="status">
            {move || forgotten.get().map(|r| match r {
                Ok(()) => "Everything Partnership Planner kept in this browser is gone.".to_owned(),
                Err(e) => format!("Could not remove everything: {e}"),
            })}
        </div>
    }
}
