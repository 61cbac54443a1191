//! Safety and privacy: quick exit and what it cannot hide, locking, forgetting this device.

use leptos::prelude::*;

use crate::state::PlanState;

#[component]
pub fn Safety() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let confirming = RwSignal::new(false);
    let forgotten = RwSignal::new(None::<Result<(), String>>);
    let lock_pass = RwSignal::new(String::new());
    let lock_error = RwSignal::new(None::<String>);
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
        <div class="field">
            <label for="lock-passphrase">"Passphrase to unlock (optional)"</label>
            <p class="hint" id="lock-passphrase-hint">
                "Without one, anyone can choose Unlock. With one, a forgotten passphrase leaves only "
                "Forget this device: keep exported copies elsewhere."
            </p>
            <input type="password" id="lock-passphrase" autocomplete="new-password"
                aria-describedby="lock-passphrase-hint"
                prop:value=move || lock_pass.get() on:input=move |ev| lock_pass.set(event_target_value(&ev))/>
        </div>
        <p>
            <button type="button" on:click=move |_| {
                let pass = lock_pass.get_untracked();
                lock_pass.set(String::new());
                leptos::task::spawn_local(async move {
                    lock_error.set(state.lock(Some(pass)).await.err());
                });
            }>"Lock this device"</button>
        </p>
        <p role="alert">{move || lock_error.get()}</p>

        <h2>"Forget this device"</h2>
        <p>
            "Removes every plan, backup and setting Partnership Planner kept in this browser. "
            "Export any plan you still need first: this cannot be undone."
        </p>
        {move || if !confirming.get() {
            view! {
                <p><button type="button" class="danger" on:click=move |_| confirming.set(true)>"Forget this device"</button></p>
            }.into_any()
        } else { view! {
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
        }.into_any() }}
        <div role="status">
            {move || forgotten.get().map(|r| match r {
                Ok(()) => "Everything Partnership Planner kept in this browser is gone.".to_owned(),
                Err(e) => format!("Could not remove everything: {e}"),
            })}
        </div>
    }
}

/// Shown instead of the app while this device is locked.
#[component]
pub fn LockScreen() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let has_passphrase = Memo::new(move |_| state.settings.with(|s| s.lock_check.is_some()));
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        let typed = pass.get_untracked();
        leptos::task::spawn_local(async move {
            let result = state.unlock(&typed).await;
            busy.set(false);
            if result.is_ok() {
                pass.set(String::new());
            }
            error.set(result.err());
        });
    };
    view! {
        <main class="lock-screen">
            <h1>"Partnership Planner is locked"</h1>
            <p>"The plan on this device is hidden until it is unlocked."</p>
            <form on:submit=unlock>
                {move || has_passphrase.get().then(|| view! {
                    <div class="field">
                        <label for="unlock-passphrase">"Passphrase"</label>
                        <input type="password" id="unlock-passphrase" autocomplete="current-password"
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            aria-describedby="unlock-error"
                            prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
                    </div>
                })}
                <p id="unlock-error" role="alert">{move || error.get()}</p>
                <button type="submit" disabled=move || busy.get()>"Unlock"</button>
            </form>
        </main>
    }
}
