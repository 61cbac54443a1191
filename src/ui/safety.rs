//! Safety and privacy: quick exit and what it cannot hide, locking, forgetting this device.

use leptos::html;
use leptos::prelude::*;

use super::passphrase::{check, NewPassphrase};
use crate::lang::tr;
use crate::state::PlanState;

/// What the last "Forget this device" did, shared by the Safety page and the lock screen (whose
/// Forget leads to the Safety page, where the outcome is shown).
#[derive(Clone, Copy)]
pub struct Forgotten(pub RwSignal<Option<Result<(), String>>>);

/// "Clear clipboard": writes an empty text to the clipboard, and says what it cannot clear.
#[component]
pub fn ClearClipboard() -> impl IntoView {
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let clear = move |_| {
        leptos::task::spawn_local(async move {
            outcome.try_set(Some(crate::io::clear_clipboard().await));
        });
    };
    view! {
        <button type="button" class="secondary" on:click=clear>{tr("Clear clipboard")}</button>
        <span role="status">
            {move || outcome.get().map(|r| match r {
                Ok(()) => tr("The clipboard is empty. A clipboard history may still hold the plan.").to_owned(),
                Err(e) => crate::tr!("Could not clear the clipboard: {error}.", error = e),
            })}
        </span>
    }
}

#[component]
pub fn Safety() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let Forgotten(forgotten) = expect_context::<Forgotten>();
    let lock_pass = RwSignal::new(String::new());
    let lock_again = RwSignal::new(String::new());
    let lock_visible = RwSignal::new(false);
    let lock_error = RwSignal::new(None::<String>);
    let lock_again_error = RwSignal::new(None::<String>);
    let lock_failure = RwSignal::new(None::<String>);
    let lock_first = NodeRef::<html::Input>::new();
    let lock_second = NodeRef::<html::Input>::new();
    view! {
        <h1 tabindex="-1">{tr("Safety and privacy")}</h1>
        <p class="promise">{tr("Your plan never leaves this device unless you export it.")}</p>
        <p>
            {tr("Partnership Planner runs entirely in this browser. It sends nothing anywhere: no \
                 account, no server, no analytics. The plan is kept in this browser's storage on \
                 this device, and goes elsewhere only as a file you export.")}
        </p>

        <h2>{tr("Quick exit")}</h2>
        <p>
            {tr("The Quick exit button at the top of every screen, or pressing Shift three times, \
                 hides the page at once and replaces it with a search engine's home page. Back \
                 does not return to the plan.")}
        </p>
        <div class="choice">
            <input type="checkbox" id="quick-exit-setting"
                prop:checked=move || state.settings.with(|s| s.quick_exit)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.set_settings(|s| s.quick_exit = on);
                }/>
            <label for="quick-exit-setting">{tr("Show Quick exit and the Shift shortcut")}</label>
        </div>
        <h3>{tr("What quick exit does not hide")}</h3>
        <ul>
            <li>{tr("The browser's history still lists visits to this site. Delete it, or use a private window.")}</li>
            <li>{tr("Exported plan files stay in your downloads folder until you delete them.")}</li>
            <li>{tr("The plan stays stored in this browser. Lock or forget this device (below) if others use it.")}</li>
            <li>{tr("It cannot protect against someone who can monitor the device itself.")}</li>
        </ul>

        <h2>{tr("Lock this device")}</h2>
        <p>
            {tr("Locking closes the plan behind a lock screen, now and the next time the app is \
                 opened here, until someone unlocks it. It keeps a plan out of sight of people \
                 passing by. To protect a file you send, use Export encrypted.")}
        </p>
        <h3>{tr("What the lock does and does not do")}</h3>
        <ul>
            <li>{tr("It hides the plan on this screen. While locked, the app is closed: shortcuts, dropped files and saving do nothing.")}</li>
            <li>{tr("It does not encrypt what is stored. Anyone who has this device can read the stored plan with the browser's developer tools.")}</li>
            <li>
                {tr("A check of the lock passphrase is stored here, and someone who copies it can \
                     try guesses on another computer. Use a strong passphrase, and never the \
                     passphrase of a protected file.")}
            </li>
            <li>{tr("If the browser offers to save the lock passphrase, choose Never.")}</li>
            <li>{tr("A forgotten passphrase leaves only Forget this device, on the lock screen: keep exported copies elsewhere.")}</li>
        </ul>
        <NewPassphrase
            id="lock"
            label={tr("Passphrase to unlock (optional)")}
            again_label={tr("Passphrase to unlock, again")}
            hint={tr("Without one, anyone can choose Unlock. With one, type it twice; it must be hard to guess.")}
            autocomplete="off"
            pass=lock_pass again=lock_again visible=lock_visible pass_error=lock_error again_error=lock_again_error
            first=lock_first second=lock_second
        />
        <p>
            <button type="button" on:click=move |_| {
                let pass = lock_pass.get_untracked();
                let name = state.plan.with_untracked(|p| p.name.clone());
                let (pe, ae) = lock_again.with_untracked(|a| check(&pass, a, &name, true));
                let (bad_first, bad_second) = (pe.is_some(), ae.is_some());
                lock_error.set(pe);
                lock_again_error.set(ae);
                lock_failure.set(None);
                if bad_first || bad_second {
                    let field = if bad_first { lock_first } else { lock_second };
                    if let Some(el) = field.get_untracked() {
                        let _ = el.focus();
                    }
                    return;
                }
                lock_pass.set(String::new());
                lock_again.set(String::new());
                lock_visible.set(false);
                leptos::task::spawn_local(async move {
                    let result = state.lock(Some(pass)).await;
                    lock_failure.try_set(result.err());
                });
            }>{tr("Lock this device")}</button>
        </p>
        <p role="alert">{move || lock_failure.get()}</p>

        <h2>{tr("Where plain copies of a plan exist")}</h2>
        <ul>
            <li>{tr("Every plan here is stored unencrypted in this browser, and so is a protected file once you open it.")}</li>
            <li>
                {tr("Copy as text puts the whole plan on the clipboard, where other apps, and the \
                     device's clipboard history if it keeps one, can read it. Clear the clipboard \
                     after pasting; clear the clipboard history in the device's settings.")}
            </li>
            <li>{tr("Exported files stay where they were saved until you delete them.")}</li>
        </ul>
        <ClearClipboard/>

        <h2>{tr("On a home screen")}</h2>
        <p>
            {tr("After the first visit Partnership Planner works without a connection, and it can \
                 be added to a phone's home screen. On an iPhone or iPad, a copy added to the home \
                 screen keeps its own storage, apart from Safari's: it does not see the plans made \
                 in Safari, and Safari does not see its plans. To move a plan there, export it in \
                 Safari, then import it in the home-screen copy.")}
        </p>

        <h2>{tr("Forget this device")}</h2>
        <p>
            {tr("Removes every plan, backup and setting Partnership Planner kept in this browser. \
                 Export any plan you still need first: this cannot be undone.")}
        </p>
        <ForgetButton heading_id="forget-heading"
            on_confirm=Callback::new(move |()| forgotten.set(Some(state.forget_device())))/>
        <div role="status">
            {move || forgotten.get().map(|r| match r {
                Ok(()) => tr("Everything Partnership Planner kept in this browser is gone.").to_owned(),
                Err(e) => crate::tr!("Could not remove everything: {error}", error = e),
            })}
        </div>
    }
}

/// Shown instead of the app while this device is locked (the app itself is not mounted).
/// `on_forgotten` runs after "Forget this device" removed everything (which also unlocks).
#[component]
pub fn LockScreen(on_forgotten: Callback<()>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let Forgotten(forgotten) = expect_context::<Forgotten>();
    let has_passphrase = Memo::new(move |_| state.settings.with(|s| s.lock_check.is_some()));
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let forget_error = RwSignal::new(None::<String>);
    let heading = NodeRef::<html::H1>::new();
    request_animation_frame(move || {
        if let Some(h) = heading.try_get_untracked().flatten() {
            let _ = h.focus();
        }
    });
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        let typed = pass.get_untracked();
        leptos::task::spawn_local(async move {
            let result = state.unlock(&typed).await;
            busy.try_set(false);
            if result.is_ok() {
                pass.try_set(String::new());
            }
            error.try_set(result.err());
        });
    };
    let forget = move |()| match state.forget_device() {
        Ok(()) => {
            forgotten.set(Some(Ok(())));
            on_forgotten.run(());
        }
        Err(e) => forget_error.set(Some(crate::tr!(
            "Could not remove everything: {error}",
            error = e
        ))),
    };
    view! {
        <main class="lock-screen">
            <h1 tabindex="-1" node_ref=heading>{tr("Partnership Planner is locked")}</h1>
            <p>{tr("The plan on this device is hidden until it is unlocked.")}</p>
            <form on:submit=unlock autocomplete="off">
                {move || has_passphrase.get().then(|| view! {
                    <div class="field">
                        <label for="unlock-passphrase">{tr("Passphrase")}</label>
                        <input type="password" id="unlock-passphrase" autocomplete="off"
                            data-lpignore="true" data-bwignore="true"
                            spellcheck="false" autocapitalize="off"
                            aria-invalid={move || error.with(Option::is_some).then_some("true")}
                            aria-describedby="unlock-error"
                            prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev))/>
                    </div>
                })}
                <p id="unlock-error" role="alert">{move || error.get()}</p>
                <button type="submit" disabled=move || busy.get()>{tr("Unlock")}</button>
            </form>
            <h2>{tr("Forgot the passphrase?")}</h2>
            <p>
                {tr("Forget this device removes every plan, backup and setting Partnership Planner \
                     kept in this browser, and the lock with them. It cannot be undone: only plans \
                     exported elsewhere survive.")}
            </p>
            <ForgetButton heading_id="lock-forget-heading" on_confirm=Callback::new(forget)/>
            <p role="alert">{move || forget_error.get()}</p>
        </main>
    }
}

/// "Forget this device", and its confirmation, on the Safety page and the lock screen alike.
#[component]
fn ForgetButton(heading_id: &'static str, on_confirm: Callback<()>) -> impl IntoView {
    let confirming = RwSignal::new(false);
    move || {
        if !confirming.get() {
            view! {
                <p><button type="button" class="danger" on:click=move |_| confirming.set(true)>{tr("Forget this device")}</button></p>
            }
            .into_any()
        } else {
            view! {
                <div class="banner banner-warning" role="group" aria-labelledby=heading_id>
                    <h3 id=heading_id>{tr("Remove everything Partnership Planner keeps here?")}</h3>
                    <p class="actions">
                        <button type="button" class="danger" on:click=move |_| {
                            confirming.set(false);
                            on_confirm.run(());
                        }>{tr("Forget everything")}</button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{tr("Cancel")}</button>
                    </p>
                </div>
            }
            .into_any()
        }
    }
}
