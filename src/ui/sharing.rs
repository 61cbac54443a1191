//! The plan toolbar (undo, redo, export, import) and what an import shows: the preview before
//! anything changes, and the outcome after.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::Section;
use crate::lang::tr;
use crate::model::library::has_unexported_changes;
use crate::model::pii::{scan, Finding};
use crate::model::rules::progress;
use crate::model::ListKind;
use crate::state::assessment::Survey;
use crate::state::{ImportOutcome, PlanState};

/// Reads the first file of a picker or a drop and shows its preview or why it was refused.
pub fn import_file(state: PlanState, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        let bytes = crate::io::read_bytes(&file).await;
        state.read_import(name, bytes);
    });
}

/// Several files chosen or dropped at once are read one after another: the first now, the
/// others each after the one before is merged, opened or put aside (`PlanState::queue`).
/// Self-assessment invitations and responses among them go to their own pages
/// (`assessment::sort_files`).
pub fn import_files(state: PlanState, survey: Survey, files: &web_sys::FileList) {
    let all: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    super::assessment::sort_files(state, survey, all, move |plans| {
        let mut all = plans.into_iter();
        if let Some(first) = all.next() {
            state.queue.set(all.collect());
            import_file(state, first);
        }
    });
}

/// Opens the merge review (in place of the history entry, like every in-app link).
pub fn show_merge() {
    let href = crate::route::Route::Merge.href();
    let _ = window().location().replace(&href);
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let survey = expect_context::<Survey>();
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
        if let Some(files) = input.files() {
            import_files(state, survey, &files);
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
                .map(|f| view! { <li>{crate::tr!("{place}: {kind}", place = f.place, kind = tr(f.kind))}</li> })
                .collect_view();
            view! {
                <section class="banner banner-warning pii-check" aria-labelledby="pii-heading">
                    <h2 id="pii-heading">{tr("Check before you export")}</h2>
                    <p>
                        {tr("These places look like they hold personal details: contact details, \
                             birth dates, ages, addresses, ID or case numbers. Plans travel by \
                             email: keep survivors' and other private details out of them.")}
                    </p>
                    <p>
                        {tr("This is a guess from patterns: it also flags public numbers such as \
                             hotlines, and it can miss details. You can export anyway.")}
                    </p>
                    <ul>{rows}</ul>
                    <p class="actions">
                        <button type="button" on:click=move |_| { pending.set(None); run(kind); }>{tr("Export anyway")}</button>
                        <button type="button" class="secondary" on:click=move |_| pending.set(None)>{tr("Cancel")}</button>
                    </p>
                </section>
            }
        })
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label={tr("Plan")}>
            <button type="button" class="secondary" disabled=move || !state.can_undo.get()
                on:click=move |_| state.undo() aria-keyshortcuts="Control+Z">{tr("Undo")}</button>
            <button type="button" class="secondary" disabled=move || !state.can_redo.get()
                on:click=move |_| state.redo() aria-keyshortcuts="Control+Shift+Z">{tr("Redo")}</button>
            <button type="button" on:click=move |_| start(ExportKind::File)>{tr("Export plan")}</button>
            <super::passphrase::ExportEncrypted confirm=encrypted/>
            <button type="button" class="secondary" on:click=move |_| start(ExportKind::Copy)>{tr("Copy as text")}</button>
            <span class="file-button">
                <input type="file" id="import-file" multiple accept=".json,application/json,text/plain" on:change=on_pick/>
                <label for="import-file">{tr("Import plan")}</label>
            </span>
            <span class="export-state">
                {move || if unexported.get() { tr("Changes not exported yet") } else { "" }}
            </span>
        </div>
        {check_view}
        <div class="toolbar-messages" role="status">
            {move || export_error.get().map(|e| crate::tr!("The export failed: {error}", error = e))}
            {move || match copied.get() {
                Some(Ok(())) => tr("Copied the plan as text. Paste it into an email, then clear the clipboard.").to_owned(),
                Some(Err(e)) => crate::tr!("Could not copy: {error}. Use Export plan instead.", error = e),
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
                    view! { <tr><th scope="row">{s.title()}</th><td>{crate::tr!("{answered} of {total}", answered = crate::lang::number(p.answered as i64), total = crate::lang::number(p.total as i64))}</td></tr> }
                })
                .collect_view();
            let counts = crate::tr!(
                "{members}, {goals}, {actions}, {funding}",
                members = crate::trn!(plan.item_count(ListKind::Members), "{n} member organization", "{n} member organizations"),
                goals = crate::trn!(plan.item_count(ListKind::Goals), "{n} goal", "{n} goals"),
                actions = crate::trn!(plan.item_count(ListKind::Actions), "{n} action item", "{n} action items"),
                funding = crate::trn!(plan.item_count(ListKind::Funding), "{n} funding source", "{n} funding sources")
            );
            let open_name = state.plan.with_untracked(|p| p.display_name().to_owned());
            let changes: Vec<String> = preview
                .comparison
                .rows
                .iter()
                .filter(|(_, (a, b, c))| a + b + c > 0)
                .map(|(list, (added, removed, changed))| {
                    crate::tr!(
                        "{list}: {added} only in the file, {removed} only in your plan, {changed} different",
                        list = label_of(list),
                        added = crate::lang::number(*added as i64),
                        removed = crate::lang::number(*removed as i64),
                        changed = crate::lang::number(*changed as i64)
                    )
                })
                .collect();
            let identical = changes.is_empty();
            let same_plan = state.preview_is_same_plan();
            // A copy of another plan on this device merges into that one (opened first).
            let elsewhere = (!same_plan).then(|| state.preview_copy_elsewhere()).flatten();
            let target = elsewhere.as_ref().map(|(id, _)| id.clone());
            let mergeable = same_plan || elsewhere.is_some();
            let merge = move |_| {
                let review = match &target {
                    Some(id) => state.import_merge_into(id),
                    None => state.import_merge(),
                };
                if review {
                    show_merge();
                }
            };
            view! {
                <section class="preview banner" aria-labelledby="preview-heading">
                    <h2 id="preview-heading" tabindex="-1" node_ref=heading>{tr("Open this plan?")}</h2>
                    <p>
                        {match preview.decoded.saved_at.clone() {
                            Some(at) => crate::tr!(
                                "\u{201c}{name}\u{201d} from {source}, exported {date}.",
                                name = plan.display_name(),
                                source = preview.source,
                                date = crate::model::time::readable_stamp(&at, crate::io::utc_offset(crate::io::now()))
                            ),
                            None => crate::tr!(
                                "\u{201c}{name}\u{201d} from {source}.",
                                name = plan.display_name(),
                                source = preview.source
                            ),
                        }}
                    </p>
                    <p>{crate::tr!("It holds {counts}.", counts = counts)}</p>
                    <table class="preview-table">
                        <caption>{tr("Answered in the file, by section")}</caption>
                        <tbody>{sections}</tbody>
                    </table>
                    <h3>{crate::tr!("Compared with your open plan \u{201c}{name}\u{201d}", name = open_name)}</h3>
                    {if identical {
                        view! { <p>{tr("It is the same as your open plan.")}</p> }.into_any()
                    } else {
                        view! { <ul>{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul> }.into_any()
                    }}
                    {(!same_plan).then(|| view! {
                        <p class="other-plan">
                            {match &elsewhere {
                                Some((_, name)) => crate::tr!("This file is a copy of \u{201c}{name}\u{201d}, another plan on this device, not of \u{201c}{open_name}\u{201d}. Merging opens \u{201c}{name}\u{201d} and merges the file into it.", name = name, open_name = open_name),
                                None => crate::tr!("This file is a copy of another plan, not of \u{201c}{open_name}\u{201d}, so it cannot be merged into it. Open it as a new plan to keep both.", open_name = open_name),
                            }}
                        </p>
                    })}
                    <p class="actions">
                        {mergeable.then(|| view! {
                            <button type="button" on:click=merge>{tr("Merge into this plan")}</button>
                        })}
                        <button type="button" class=if mergeable { "secondary" } else { "" } on:click=move |_| state.import_as_new()>{tr("Open as a new plan")}</button>
                        <button type="button" class="secondary" on:click=move |_| state.import_replace()>{tr("Replace this plan")}</button>
                        <button type="button" class="secondary" on:click=move |_| state.cancel_import()>{tr("Cancel")}</button>
                    </p>
                    <p class="hint">{tr("Replacing keeps your current plan until you choose \u{201c}Undo import\u{201d}.")}</p>
                </section>
            }
        })
    }
}

fn label_of(list: &str) -> String {
    if list == "answers" {
        return tr("Answers").into();
    }
    ListKind::ALL
        .iter()
        .find(|k| k.key() == list)
        .map_or(list.to_owned(), |&k| {
            tr(crate::model::fields::spec(k).heading).to_owned()
        })
}

/// What the last import did. A refusal is an alert; the rest are status messages.
#[component]
pub fn ImportMessages() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let refusal = move || match state.import_outcome.get() {
        Some(ImportOutcome::Refused { source, error }) => Some(view! {
            <div class="banner banner-error">
                <p><strong>{crate::tr!("Could not open \u{201c}{source}\u{201d}.", source = source)}</strong></p>
                <p>{error.to_string()}</p>
                <p>{tr("Nothing was changed.")}</p>
            </div>
        }),
        _ => None,
    };
    let done = move || {
        match state.import_outcome.get() {
        Some(ImportOutcome::OpenedAsNew { name }) => Some(view! {
            <p class="banner">{crate::tr!("Opened \u{201c}{name}\u{201d} as a new plan. Your other plans are under Your plans.", name = name)}</p>
        }.into_any()),
        Some(ImportOutcome::Replaced { name, .. }) => Some(view! {
            <p class="banner">
                {crate::tr!("Replaced this plan with \u{201c}{name}\u{201d}. ", name = name)}
                <button type="button" on:click=move |_| state.undo_import()>{tr("Undo import")}</button>
            </p>
        }.into_any()),
        Some(ImportOutcome::Undone) => Some(view! {
            <p class="banner">{tr("Import undone: your plan is back as it was.")}</p>
        }.into_any()),
        Some(ImportOutcome::NothingNew { source }) => Some(view! {
            <p class="banner">{crate::tr!("You already have everything in this file (\u{201c}{source}\u{201d}). Nothing was changed.", source = source)}</p>
        }.into_any()),
        Some(ImportOutcome::Merged { whose, applied, .. }) => Some(view! {
            <p class="banner">
                {crate::trn!(applied, "Merged {whose}: {n} change applied. This copy is now up to date. ", "Merged {whose}: {n} changes applied. This copy is now up to date. ", whose = whose)}
                <button type="button" on:click=move |_| state.undo_merge()>{tr("Undo merge")}</button>
            </p>
        }.into_any()),
        _ => None,
    }
    };
    view! {
        <div class="import-alert" role="alert">{refusal}</div>
        <div class="import-status" role="status">{done}</div>
    }
}
