//! The plan toolbar (undo, redo, export, import) and what an import shows: the preview before
//! anything changes, and the outcome after.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::Section;
use crate::model::library::has_unexported_changes;
use crate::model::pii::{scan, Finding};
use crate::model::rules::progress;
use crate::model::ListKind;
use crate::state::{ImportOutcome, PlanState};

/// Reads the first file of a picker or a drop and shows its preview or why it was refused.
pub fn import_file(state: PlanState, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        let bytes = crate::io::read_bytes(&file).await;
        state.read_import(name, bytes);
    });
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let export_error = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<Result<(), String>>);
    let unexported = Memo::new(move |_| {
        let exported = state
            .library
            .with(|l| state.plan.with(|p| l.entry(&p.id).and_then(|e| e.exported)));
        state.plan.with(|p| has_unexported_changes(p, exported))
    });
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            import_file(state, file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    // Before anything leaves the device: flag personal details outside the roster's own fields.
    let pending = RwSignal::new(None::<(ExportKind, Vec<Finding>)>);
    let run = move |kind: ExportKind| match kind {
        ExportKind::File => export_error.set(state.export_plan().err()),
        ExportKind::Copy => leptos::task::spawn_local(async move {
            copied.set(Some(state.copy_plan().await));
        }),
        ExportKind::Encrypted(open_dialog) => open_dialog.run(()),
    };
    let start = move |kind: ExportKind| {
        let findings = state.plan.with_untracked(scan);
        if findings.is_empty() {
            run(kind);
        } else {
            pending.set(Some((kind, findings)));
        }
    };
    let encrypted =
        Callback::new(move |open_dialog: Callback<()>| start(ExportKind::Encrypted(open_dialog)));
    let check_view = move || {
        pending.get().map(|(kind, findings)| {
            let rows = findings
                .into_iter()
                .map(|f| view! { <li>{format!("{}: {}", f.place, f.kind)}</li> })
                .collect_view();
            view! {
                <section class="banner banner-warning pii-check" aria-labelledby="pii-heading">
                    <h2 id="pii-heading">"Check before you export"</h2>
                    <p>
                        "These places look like they hold personal details: contact details, "
                        "birth dates, ages, addresses, ID or case numbers. Plans travel by email: "
                        "keep survivors' and other private details out of them."
                    </p>
                    <p>
                        "This is a guess from patterns: it also flags public numbers such as "
                        "hotlines, and it can miss details. You can export anyway."
                    </p>
                    <ul>{rows}</ul>
                    <p class="actions">
                        <button type="button" on:click=move |_| { pending.set(None); run(kind); }>"Export anyway"</button>
                        <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </p>
                </section>
            }
        })
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Plan">
            <button type="button" class="secondary" disabled=move || !state.can_undo.get()
                on:click=move |_| state.undo() aria-keyshortcuts="Control+Z">"Undo"</button>
            <button type="button" class="secondary" disabled=move || !state.can_redo.get()
                on:click=move |_| state.redo() aria-keyshortcuts="Control+Shift+Z">"Redo"</button>
            <button type="button" on:click=move |_| start(ExportKind::File)>"Export plan"</button>
            <super::passphrase::ExportEncrypted confirm=encrypted/>
            <button type="button" class="secondary" on:click=move |_| start(ExportKind::Copy)>"Copy as text"</button>
            <span class="file-button">
                <input type="file" id="import-file" accept=".json,application/json,text/plain" on:change=on_pick/>
                <label for="import-file">"Import plan"</label>
            </span>
            <span class="export-state">
                {move || if unexported.get() { "Changes not exported yet" } else { "" }}
            </span>
        </div>
        {check_view}
        <div class="toolbar-messages" role="status">
            {move || export_error.get().map(|e| format!("The export failed: {e}"))}
            {move || match copied.get() {
                Some(Ok(())) => "Copied the plan as text. Paste it into an email, then clear the clipboard.".to_owned(),
                Some(Err(e)) => format!("Could not copy: {e}. Use Export plan instead."),
                None => String::new(),
            }}
        </div>
        // The plan stays on the clipboard (and in a clipboard history) until replaced.
        {move || matches!(copied.get(), Some(Ok(()))).then(|| view! {
            <p class="toolbar-messages"><super::safety::ClearClipboard/></p>
        })}
    }
}

#[derive(Clone, Copy)]
enum ExportKind {
    File,
    Copy,
    /// Opens the passphrase dialog (`ui::passphrase`) once the check has passed.
    Encrypted(Callback<()>),
}

/// The preview of a file about to be opened.
#[component]
pub fn ImportPreview() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Move focus to the preview when it appears, so keyboard users land on the choice.
    Effect::new(move |_| {
        if state.preview.with(Option::is_some) {
            request_animation_frame(move || {
                if let Some(h) = heading.get() {
                    let _ = h.focus();
                }
            });
        }
    });
    move || {
        state.preview.get().map(|preview| {
            let plan = &preview.decoded.plan;
            let sections = Section::ALL
                .iter()
                .map(|&s| {
                    let p = progress(plan, s);
                    view! { <tr><th scope="row">{s.title()}</th><td>{format!("{} of {}", p.answered, p.total)}</td></tr> }
                })
                .collect_view();
            let counts = [ListKind::Members, ListKind::Goals, ListKind::Actions, ListKind::Funding]
                .iter()
                .map(|&k| format!("{} {}", plan.item_count(k), crate::model::fields::spec(k).heading.to_ascii_lowercase()))
                .collect::<Vec<_>>()
                .join(", ");
            let open_name = state.plan.with_untracked(|p| p.display_name().to_owned());
            let changes: Vec<String> = preview
                .comparison
                .rows
                .iter()
                .filter(|(_, (a, b, c))| a + b + c > 0)
                .map(|(list, (added, removed, changed))| {
                    format!("{}: {added} only in the file, {removed} only in your plan, {changed} different", label_of(list))
                })
                .collect();
            let identical = changes.is_empty();
            view! {
                <section class="preview banner" aria-labelledby="preview-heading">
                    <h2 id="preview-heading" tabindex="-1" node_ref=heading>"Open this plan?"</h2>
                    <p>
                        {format!("\u{201c}{}\u{201d} from {}", plan.display_name(), preview.source)}
                        {preview.decoded.saved_at.clone().map(|at| format!(
                            ", exported {}",
                            crate::model::time::readable_stamp(&at, crate::io::utc_offset(crate::io::now()))
                        ))}
                        "."
                    </p>
                    <p>{format!("It holds {counts}.")}</p>
                    <table class="preview-table">
                        <caption>"Answered in the file, by section"</caption>
                        <tbody>{sections}</tbody>
                    </table>
                    <h3>{format!("Compared with your open plan \u{201c}{open_name}\u{201d}")}</h3>
                    {if identical {
                        view! { <p>"It is the same as your open plan."</p> }.into_any()
                    } else {
                        view! { <ul>{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul> }.into_any()
                    }}
                    <p class="actions">
                        <button type="button" on:click=move |_| state.import_as_new()>"Open as a new plan"</button>
                        <button type="button" class="secondary" on:click=move |_| state.import_replace()>"Replace this plan"</button>
                        <button type="button" class="secondary" on:click=move |_| state.cancel_import()>"Cancel"</button>
                    </p>
                    <p class="hint">"Replacing keeps your current plan until you choose \u{201c}Undo import\u{201d}."</p>
                </section>
            }
        })
    }
}

fn label_of(list: &str) -> String {
    if list == "answers" {
        return "Answers".into();
    }
    ListKind::ALL
        .iter()
        .find(|k| k.key() == list)
        .map_or(list.to_owned(), |&k| {
            crate::model::fields::spec(k).heading.to_owned()
        })
}

/// What the last import did. A refusal is an alert; the rest are status messages.
#[component]
pub fn ImportMessages() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let refusal = move || match state.import_outcome.get() {
        Some(ImportOutcome::Refused { source, error }) => Some(view! {
            <div class="banner banner-error">
                <p><strong>{format!("Could not open \u{201c}{source}\u{201d}.")}</strong></p>
                <p>{error.to_string()}</p>
                <p>"Nothing was changed."</p>
            </div>
        }),
        _ => None,
    };
    let done = move || {
        match state.import_outcome.get() {
        Some(ImportOutcome::OpenedAsNew { name }) => Some(view! {
            <p class="banner">{format!("Opened \u{201c}{name}\u{201d} as a new plan. Your other plans are under Your plans.")}</p>
        }.into_any()),
        Some(ImportOutcome::Replaced { name, .. }) => Some(view! {
            <p class="banner">
                {format!("Replaced this plan with \u{201c}{name}\u{201d}. ")}
                <button type="button" on:click=move |_| state.undo_import()>"Undo import"</button>
            </p>
        }.into_any()),
        Some(ImportOutcome::Undone) => Some(view! {
            <p class="banner">"Import undone: your plan is back as it was."</p>
        }.into_any()),
        _ => None,
    }
    };
    view! {
        <div class="import-alert" role="alert">{refusal}</div>
        <div class="import-status" role="status">{done}</div>
    }
}
