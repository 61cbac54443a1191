//! Passphrase-protected files: "Export encrypted" (a dialog asking for the passphrase twice)
//! and, when an imported file turns out to be protected, the region asking for its passphrase.
//! The cryptography is `io::crypto` (WebCrypto); the format and its checks `model::sealed`.
//!
//! Mount each once (their element ids are fixed): `ExportEncrypted` in the toolbar,
//! `UnlockFile` with the import messages and preview.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::lang::tr;
use crate::model::{passphrase, sealed};
use crate::state::{PlanState, SealedFile};

/// What is wrong with the two passphrase fields, if anything (first field, second field).
/// With `optional`, two empty fields are fine (the lock without a passphrase).
pub(super) fn check(
    pass: &str,
    again: &str,
    plan_name: &str,
    optional: bool,
) -> (Option<String>, Option<String>) {
    if optional && pass.is_empty() && again.is_empty() {
        return (None, None);
    }
    if let Some(problem) = passphrase::assess(pass, plan_name).problem() {
        (Some(problem), None)
    } else if again.is_empty() {
        (None, Some(tr("Enter the passphrase a second time.").into()))
    } else if again != pass {
        (None, Some(tr("The two passphrases do not match.").into()))
    } else {
        (None, None)
    }
}

/// `aria-describedby` for a field with a hint and a possible error.
fn described(hint: &str, error_id: &str, error: bool) -> Option<String> {
    match error {
        true if hint.is_empty() => Some(error_id.to_owned()),
        true => Some(format!("{hint} {error_id}")),
        false if hint.is_empty() => None,
        false => Some(hint.to_owned()),
    }
}

fn focus(input: NodeRef<html::Input>) {
    if let Some(el) = input.try_get_untracked().flatten() {
        let _ = el.focus();
    }
}

/// The "Export encrypted" button and its dialog.
///
/// `confirm`, when given, is called on click with a callback that opens the dialog, so the
/// toolbar can run its contact-details check first and call it on "Export anyway" (or at once
/// when there is nothing to flag). Without it the button opens the dialog directly.
#[component]
pub fn ExportEncrypted(#[prop(optional)] confirm: Option<Callback<Callback<()>>>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let dialog = NodeRef::<html::Dialog>::new();
    let opener = NodeRef::<html::Button>::new();
    let first = NodeRef::<html::Input>::new();
    let second = NodeRef::<html::Input>::new();
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let visible = RwSignal::new(false);
    // Option<String> like the other messages (one signal type compiled, not two).
    let pass_error = RwSignal::new(None::<String>);
    let again_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    // Every opening and closing starts a new run; an export finishing after its dialog was
    // closed (Escape, Cancel) is dropped rather than downloaded.
    let run = StoredValue::new(0u32);

    let reset = move || {
        pass.set(String::new());
        again.set(String::new());
        visible.set(false);
        pass_error.set(None);
        again_error.set(None);
        failure.set(None);
        busy.set(false);
    };
    let show = Callback::new(move |()| {
        reset();
        done.set(None);
        run.update_value(|r| *r = r.wrapping_add(1));
        if let Some(d) = dialog.get_untracked() {
            if d.show_modal().is_ok() {
                focus(first);
            }
        }
    });
    let open = move |_| match confirm {
        Some(confirm) => confirm.run(show),
        None => show.run(()),
    };
    // Escape, "Cancel" and a finished export all end here.
    let on_close = move |_| {
        run.update_value(|r| *r = r.wrapping_add(1));
        reset();
        if let Some(b) = opener.get_untracked() {
            let _ = b.focus();
        }
    };
    let cancel = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let passphrase = pass.get_untracked();
        let name = state.plan.with_untracked(|p| p.name.clone());
        let (pe, ae) = again.with_untracked(|a| check(&passphrase, a, &name, false));
        let (bad_first, bad_second) = (pe.is_some(), ae.is_some());
        pass_error.set(pe);
        again_error.set(ae);
        failure.set(None);
        if bad_first {
            focus(first);
            return;
        }
        if bad_second {
            focus(second);
            return;
        }
        busy.set(true);
        let mine = run.get_value();
        leptos::task::spawn_local(async move {
            let wanted = || run.try_get_value() == Some(mine);
            match state.export_protected(&passphrase, wanted).await {
                Ok(None) => {}
                Ok(Some(name)) => {
                    done.try_set(Some(crate::tr!(
                        "Exported \u{201c}{name}\u{201d}, protected with a passphrase. Send \
                         the passphrase separately.",
                        name = name
                    )));
                    if let Some(d) = dialog.try_get_untracked().flatten() {
                        d.close();
                    }
                }
                Err(e) => {
                    busy.try_set(false);
                    failure.try_set(Some(crate::tr!("The export failed: {error}", error = e)));
                }
            }
        });
    };

    // APG dialog pattern: Tab and Shift+Tab wrap around inside the dialog instead of leaving it.
    let trap_tab = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let Some(d) = dialog.get_untracked() else {
            return;
        };
        let Ok(list) = d.query_selector_all("button:not([disabled]), input:not([disabled])") else {
            return;
        };
        let focusable: Vec<web_sys::HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
            .filter(|e| e.offset_parent().is_some())
            .collect();
        let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
            return;
        };
        let active = document().active_element();
        let at = |e: &web_sys::HtmlElement| {
            active
                .as_ref()
                .is_some_and(|a| a == AsRef::<web_sys::Element>::as_ref(e))
        };
        if ev.shift_key() && at(first) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && at(last) {
            ev.prevent_default();
            let _ = first.focus();
        }
    };
    view! {
        <button type="button" class="secondary" node_ref=opener aria-haspopup="dialog" on:click=open>
            {tr("Export encrypted")}
        </button>
        <span class="export-state" role="status">{move || done.get()}</span>
        <dialog node_ref=dialog class="passphrase-dialog" aria-labelledby="seal-heading" aria-describedby="seal-note" on:close=on_close on:keydown=trap_tab>
            <form on:submit=submit>
                <h2 id="seal-heading">{tr("Export encrypted")}</h2>
                <p id="seal-note">
                    {tr("The file will open only with this passphrase. Share the passphrase by \
                         phone or in person, never in the same email as the file. A forgotten \
                         passphrase cannot be recovered.")}
                </p>
                <NewPassphrase
                    id="seal"
                    label={tr("Passphrase")}
                    again_label={tr("Passphrase again")}
                    hint={tr("At least 8 characters, hard to guess: a few unrelated words are easy to say and hard to guess.")}
                    autocomplete="new-password"
                    pass again visible pass_error again_error first second
                />
                <div role="alert">
                    {move || failure.get().map(|f| view! { <p class="field-error">{f}</p> })}
                </div>
                <p class="actions">
                    <button type="submit" disabled=move || busy.get()>
                        {move || if busy.get() { tr("Protecting\u{2026}") } else { tr("Export") }}
                    </button>
                    <button type="button" class="secondary" on:click=cancel>{tr("Cancel")}</button>
                </p>
            </form>
        </dialog>
    }
}

/// A new passphrase typed twice, with "Suggest a passphrase", a strength meter
/// (`model::passphrase`, against the open plan's name) and "Show passphrases". Every element id
/// starts with `id`: `{id}-pass`, `{id}-again`, `{id}-pass-error`, `{id}-strength`, ….
#[component]
pub(super) fn NewPassphrase(
    id: &'static str,
    label: &'static str,
    again_label: &'static str,
    hint: &'static str,
    /// "new-password" where a password manager may keep it, "off" where nothing should.
    autocomplete: &'static str,
    pass: RwSignal<String>,
    again: RwSignal<String>,
    visible: RwSignal<bool>,
    pass_error: RwSignal<Option<String>>,
    again_error: RwSignal<Option<String>>,
    first: NodeRef<html::Input>,
    second: NodeRef<html::Input>,
) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let suggested = RwSignal::new(None::<String>);
    let ignore = (autocomplete == "off").then_some("true");
    let meter = move || {
        pass.with(|p| {
            (!p.is_empty()).then(|| {
                state
                    .plan
                    .with(|plan| passphrase::assess(p, &plan.name).to_string())
            })
        })
    };
    let suggest =
        move |_| match crate::io::crypto::suggest_passphrase() {
            Ok(words) => {
                pass.set(words.clone());
                again.set(words);
                visible.set(true);
                pass_error.set(None);
                again_error.set(None);
                suggested.set(Some(
                tr("A passphrase of six random words is now in both fields, shown. Write it down \
                    or learn it before you go on: it cannot be recovered.")
                .into(),
            ));
                focus(first);
            }
            Err(e) => suggested.set(Some(crate::tr!(
                "Could not suggest a passphrase: {error}.",
                error = e
            ))),
        };
    let field_type = move || if visible.get() { "text" } else { "password" };
    view! {
        <div class="field">
            <label for={format!("{id}-pass")}>{label}</label>
            <p class="hint" id={format!("{id}-pass-hint")}>{hint}</p>
            <input
                id={format!("{id}-pass")}
                node_ref=first
                type=field_type
                autocomplete=autocomplete
                data-lpignore=ignore
                data-bwignore=ignore
                spellcheck="false"
                autocapitalize="off"
                aria-describedby=move || {
                    let error = pass_error.with(Option::is_some);
                    described(&format!("{id}-pass-hint {id}-strength"), &format!("{id}-pass-error"), error)
                }
                aria-invalid={move || pass_error.with(Option::is_some).then_some("true")}
                prop:value=move || pass.get()
                on:input=move |ev| {
                    pass.set(event_target_value(&ev));
                    suggested.set(None);
                }
            />
            <p class="hint strength" id={format!("{id}-strength")}>{meter}</p>
            {move || pass_error.get().map(|e| view! {
                <p class="field-error" id={format!("{id}-pass-error")} role="alert">{e}</p>
            })}
            <p>
                <button type="button" class="secondary" on:click=suggest>{tr("Suggest a passphrase")}</button>
            </p>
            <p role="status">{move || suggested.get()}</p>
        </div>
        <div class="field">
            <label for={format!("{id}-again")}>{again_label}</label>
            <input
                id={format!("{id}-again")}
                node_ref=second
                type=field_type
                autocomplete=autocomplete
                data-lpignore=ignore
                data-bwignore=ignore
                spellcheck="false"
                autocapitalize="off"
                aria-describedby={move || described("", &format!("{id}-again-error"), again_error.with(Option::is_some))}
                aria-invalid={move || again_error.with(Option::is_some).then_some("true")}
                prop:value=move || again.get()
                on:input=move |ev| again.set(event_target_value(&ev))
            />
            {move || again_error.get().map(|e| view! {
                <p class="field-error" id={format!("{id}-again-error")} role="alert">{e}</p>
            })}
        </div>
        <div class="choice">
            <input
                type="checkbox"
                id={format!("{id}-show")}
                prop:checked=move || visible.get()
                on:change=move |ev| visible.set(event_target_checked(&ev))
            />
            <label for={format!("{id}-show")}>{tr("Show passphrases")}</label>
        </div>
    }
}

/// Asks for the passphrase of a protected file being imported (while `state.sealed` holds
/// one). The file's parameters are checked at once, so a file that cannot be opened says so
/// before anyone types a passphrase.
#[component]
pub fn UnlockFile() -> impl IntoView {
    let state = expect_context::<PlanState>();
    move || state.sealed.get().map(|file| unlock(state, file))
}

fn unlock(state: PlanState, file: SealedFile) -> impl IntoView {
    let refusal = sealed::parse(&file.text).err().map(|e| e.to_string());
    let input = NodeRef::<html::Input>::new();
    let heading = NodeRef::<html::H2>::new();
    let pass = RwSignal::new(String::new());
    let visible = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Keyboard and screen-reader users land on the passphrase (or on the refusal).
    request_animation_frame(move || {
        if let Some(i) = input.try_get_untracked().flatten() {
            let _ = i.focus();
        } else if let Some(h) = heading.try_get_untracked().flatten() {
            let _ = h.focus();
        }
    });
    let cancel = move |_| {
        state.cancel_sealed();
        // Back to where imports start.
        if let Some(el) = document().get_element_by_id("import-file") {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    };
    let SealedFile { source, .. } = file;
    let intro = crate::tr!(
        "\u{201c}{source}\u{201d} is protected with a passphrase.",
        source = source
    );
    if let Some(refusal) = refusal {
        return view! {
            <section class="banner banner-error" aria-labelledby="unlock-heading">
                <h2 id="unlock-heading" tabindex="-1" node_ref=heading>{tr("This plan is protected")}</h2>
                <p>{intro}</p>
                <div role="alert">
                    <p><strong>{refusal}</strong></p>
                    <p>{tr("Nothing was changed.")}</p>
                </div>
                <p class="actions">
                    <button type="button" class="secondary" on:click=cancel>{tr("Cancel")}</button>
                </p>
            </section>
        }
        .into_any();
    }
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let passphrase = pass.get_untracked();
        if passphrase.is_empty() {
            message.set(Some(tr("Enter the passphrase for this file.").into()));
            focus(input);
            return;
        }
        message.set(None);
        busy.set(true);
        let field = input.get_untracked();
        leptos::task::spawn_local(async move {
            let result = state.unlock_sealed(&passphrase).await;
            if busy.is_disposed() {
                return;
            }
            match result {
                Ok(()) => {}
                Err(e) => {
                    busy.try_set(false);
                    message.try_set(Some(e.to_string()));
                    if let Some(f) = field {
                        let _ = f.focus();
                        f.select();
                    }
                }
            }
        });
    };
    view! {
        <section class="banner preview" aria-labelledby="unlock-heading">
            <h2 id="unlock-heading" tabindex="-1" node_ref=heading>{tr("This plan is protected")}</h2>
            <p>{intro}</p>
            <p>{tr("Enter its passphrase to see what it holds. Nothing changes until you choose how to open it.")}</p>
            <p>
                {tr("Once opened, the plan is kept on this device unencrypted, like every plan here: \
                     lock this device, or forget it, if others use it.")}
            </p>
            <form on:submit=submit>
                <div class="field">
                    <label for="unlock-pass">{tr("Passphrase for this file")}</label>
                    <input
                        id="unlock-pass"
                        node_ref=input
                        type=move || if visible.get() { "text" } else { "password" }
                        autocomplete="current-password"
                        spellcheck="false"
                        autocapitalize="off"
                        aria-describedby="unlock-message"
                        aria-invalid={move || message.with(Option::is_some).then_some("true")}
                        prop:value=move || pass.get()
                        on:input=move |ev| pass.set(event_target_value(&ev))
                    />
                </div>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="unlock-show"
                        prop:checked=move || visible.get()
                        on:change=move |ev| visible.set(event_target_checked(&ev))
                    />
                    <label for="unlock-show">{tr("Show passphrase")}</label>
                </div>
                <div role="alert" id="unlock-message">
                    {move || message.get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <p class="actions">
                    <button type="submit" disabled=move || busy.get()>
                        {move || if busy.get() { tr("Unlocking\u{2026}") } else { tr("Unlock") }}
                    </button>
                    <button type="button" class="secondary" on:click=cancel>{tr("Cancel")}</button>
                </p>
            </form>
        </section>
    }
    .into_any()
}
