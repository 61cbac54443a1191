//! Spreadsheets in and out: "Export members (CSV)", "Export action items (CSV)", and "Import
//! members from a spreadsheet" with a preview that maps columns to fields, flags likely
//! duplicates and rows with problems, adds only the rows the user ticks, and can be undone.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::io;
use crate::lang::tr;
use crate::model::items::MemberField;
use crate::model::library::export_file_name;
use crate::model::spreadsheet::{
    check_rows, field_label, guess_mapping, list_csv, read_sheet, too_large, with_members,
    without_members, RowCheck, Sheet, IMPORTABLE, MAX_CSV_BYTES,
};
use crate::model::{Edit, ListKind};
use crate::state::PlanState;

/// Downloads one list as CSV, its file name ending in `what` (English, marked with `en!`, in the
/// current language); says what happened in `message`.
fn export(state: PlanState, list: ListKind, what: &'static str, message: RwSignal<String>) {
    let now = io::now();
    let (text, name) = state.plan.with_untracked(|p| {
        let base = export_file_name(p, now, io::utc_offset(now));
        (
            list_csv(p, list),
            format!("{}-{}.csv", base.trim_end_matches(".json"), tr(what)),
        )
    });
    message.set(match io::download(&name, &text, "text/csv;charset=utf-8") {
        Ok(()) => crate::tr!("Downloaded {name}.", name = name),
        Err(e) => crate::tr!("The download failed: {error}", error = e),
    });
}

/// "Export action items (CSV)", for Partnership management.
#[component]
pub fn ActionsSpreadsheet() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let message = RwSignal::new(String::new());
    let export_actions = move |_| {
        export(
            state,
            ListKind::Actions,
            crate::en!("action-items"),
            message,
        )
    };
    view! {
        <p class="actions spreadsheet-tools">
            <button type="button" class="secondary" on:click=export_actions>
                {tr("Export action items (CSV)")}
            </button>
            <span role="status">{move || message.get()}</span>
        </p>
    }
}

/// What the import shows: the file read, how its columns map, which rows are ticked.
#[derive(Clone)]
struct Pending {
    name: String,
    sheet: Sheet,
}

/// "Export members (CSV)" and "Import members from a spreadsheet", for the roster.
#[component]
pub fn MembersSpreadsheet() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let message = RwSignal::new(String::new());
    let refusal = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Pending>);
    let mapping = RwSignal::new(Vec::<Option<MemberField>>::new());
    let picked = RwSignal::new(Vec::<bool>::new());
    let added = RwSignal::new(None::<Vec<String>>);
    let rows = Memo::new(move |_| {
        pending
            .with(|p| {
                p.as_ref().map(|p| {
                    state
                        .plan
                        .with_untracked(|plan| check_rows(plan, &p.sheet, &mapping.get(), io::fold))
                })
            })
            .unwrap_or_default()
    });
    // Whenever the rows are checked afresh (a file, a column mapped), tick the suggested ones.
    Effect::new(move |_| {
        picked.set(rows.with(|r| r.iter().map(RowCheck::suggested).collect()));
    });
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The same file can be picked again after a cancel.
        input.set_value("");
        added.set(None);
        pending.set(None);
        let name = file.name();
        if file.size() > MAX_CSV_BYTES as f64 {
            refusal.set(Some(format!("{name}: {}", too_large(file.size() as u64))));
            return;
        }
        leptos::task::spawn_local(async move {
            // Column names are recognised in either language (the Spanish ones are built into
            // `model::spreadsheet`): nothing is fetched for an import.
            let read = match io::read_bytes(&file).await {
                Ok(bytes) => read_sheet(&bytes),
                Err(_) => Err(tr("The file could not be read.").to_owned()),
            };
            match read {
                Ok(sheet) => {
                    refusal.set(None);
                    mapping.set(guess_mapping(&sheet.headers, io::fold));
                    pending.set(Some(Pending { name, sheet }));
                }
                Err(e) => refusal.set(Some(crate::tr!(
                    "{file}: {reason} Nothing was added.",
                    file = name,
                    reason = e
                ))),
            }
        });
    };
    let confirm = move |_| {
        let chosen: Vec<_> = rows.with(|r| {
            picked.with(|p| {
                r.iter()
                    .zip(p)
                    .filter(|(row, on)| **on && row.addable)
                    .map(|(row, _)| row.member.clone())
                    .collect()
            })
        });
        if chosen.is_empty() {
            return;
        }
        let ids: Vec<String> = chosen.iter().map(|_| io::new_id()).collect();
        let next = state
            .plan
            .with_untracked(|p| with_members(p, chosen, ids.clone(), io::now()));
        if state.apply(Edit::Replace(Box::new(next))).is_ok() {
            pending.set(None);
            added.set(Some(ids));
        }
    };
    let undo = move |_| {
        if let Some(ids) = added.get_untracked() {
            let next = state
                .plan
                .with_untracked(|p| without_members(p, &ids, io::now()));
            let _ = state.apply(Edit::Replace(Box::new(next)));
            added.set(None);
            message.set(crate::trn!(
                ids.len(),
                "Took the imported member organization out again.",
                "Took the {n} imported member organizations out again."
            ));
        }
    };
    let export_members = move |_| export(state, ListKind::Members, crate::en!("members"), message);
    let preview = move || {
        pending.get().map(|p| {
            let columns = p
                .sheet
                .headers
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let id = format!("sheet-column-{i}");
                    let current = move || mapping.with(|m| m.get(i).copied().flatten());
                    let change = move |ev| {
                        let key = event_target_value(&ev);
                        let field = IMPORTABLE.into_iter().find(|f| format!("{f:?}") == key);
                        mapping.update(|m| {
                            if let Some(slot) = m.get_mut(i) {
                                *slot = field;
                            }
                        });
                    };
                    view! {
                        <p class="field">
                            <label for=id.clone()>{crate::tr!("Column \u{201c}{heading}\u{201d}", heading = if h.is_empty() { tr("(no heading)") } else { h.as_str() })}</label>
                            <select id=id on:change=change>
                                <option value="" selected=move || current().is_none()>{tr("Not imported")}</option>
                                {IMPORTABLE.into_iter().map(|f| {
                                    let key = format!("{f:?}");
                                    view! {
                                        <option value=key selected=move || current() == Some(f)>{field_label(f)}</option>
                                    }
                                }).collect_view()}
                            </select>
                        </p>
                    }
                })
                .collect_view();
            let summary = move || {
                rows.with(|r| {
                    let ready = r.iter().filter(|x| x.suggested()).count();
                    let dupes = r.iter().filter(|x| x.duplicate_of.is_some()).count();
                    let problems = r.iter().filter(|x| !x.problems.is_empty()).count();
                    crate::trn!(
                        r.len(),
                        "{n} row: {ready} ready to add, {dupes} look like duplicates, {problems} with problems. Only ticked rows are added.",
                        "{n} rows: {ready} ready to add, {dupes} look like duplicates, {problems} with problems. Only ticked rows are added.",
                        ready = crate::lang::number(ready as i64),
                        dupes = crate::lang::number(dupes as i64),
                        problems = crate::lang::number(problems as i64)
                    )
                })
            };
            let no_name = move || {
                mapping
                    .with(|m| !m.contains(&Some(MemberField::Name)))
                    .then(|| view! { <p class="field-error">{tr("Choose the column that holds the organization name.")}</p> })
            };
            let count = move || picked.with(|p| rows.with(|r| r.iter().zip(p).filter(|(x, on)| **on && x.addable).count()));
            view! {
                <section class="sheet-preview" aria-labelledby="sheet-preview-heading">
                    <h3 id="sheet-preview-heading">{crate::tr!("Preview of {file}", file = p.name)}</h3>
                    <fieldset>
                        <legend>{tr("Which field each column goes to")}</legend>
                        {columns}
                    </fieldset>
                    {no_name}
                    <p role="status">{summary}</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label={tr("Rows in the file")}>
                    <table class="sheet-rows">
                        <caption>{tr("Rows in the file")}</caption>
                        <thead><tr>
                            <th scope="col">{tr("Add")}</th><th scope="col">{tr("Row")}</th>
                            <th scope="col">{tr("Organization name")}</th><th scope="col">{tr("Email")}</th>
                            <th scope="col">{tr("Notes")}</th>
                        </tr></thead>
                        <tbody>
                            {move || rows.get().into_iter().enumerate().map(|(i, r)| {
                                let label = crate::tr!("Add row {row}: {name}", row = r.line, name = if r.member.name.is_empty() { tr("no name") } else { r.member.name.as_str() });
                                let mut notes: Vec<String> = r.duplicate_of.iter().map(|d| crate::tr!("Looks like a duplicate of {other}.", other = d)).collect();
                                notes.extend(r.problems.iter().cloned());
                                let class = if r.duplicate_of.is_some() { "row-duplicate" } else if !r.problems.is_empty() { "row-problem" } else { "" };
                                view! {
                                    <tr class=class>
                                        <td><input type="checkbox" aria-label=label disabled=!r.addable
                                            prop:checked=move || picked.with(|p| p.get(i).copied().unwrap_or(false))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                picked.update(|p| if let Some(x) = p.get_mut(i) { *x = on; });
                                            }/></td>
                                        <td>{r.line}</td>
                                        <td>{r.member.name.clone()}</td>
                                        <td>{r.member.email.clone()}</td>
                                        <td>{notes.join(" ")}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                    <p class="actions">
                        <button type="button" on:click=confirm disabled=move || count() == 0>
                            {move || crate::trn!(count(), "Add {n} member organization", "Add {n} member organizations")}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| pending.set(None)>{tr("Cancel")}</button>
                    </p>
                </section>
            }
        })
    };
    view! {
        <section class="spreadsheets" aria-labelledby="spreadsheets-heading">
            <h2 id="spreadsheets-heading">{tr("Spreadsheets")}</h2>
            <p class="hint">
                {tr("Bring in the roster you already keep, or take the roster out to a spreadsheet. \
                     Files are CSV (comma or semicolon separated, UTF-8), as Excel saves with \
                     \u{201c}CSV UTF-8\u{201d}. Nothing is added until you confirm.")}
            </p>
            <p class="actions">
                <button type="button" class="secondary" on:click=export_members>
                    {tr("Export members (CSV)")}
                </button>
                <span class="file-button">
                    <input type="file" id="members-sheet-file" accept=".csv,text/csv,text/plain" on:change=on_pick/>
                    <label for="members-sheet-file">{tr("Import members from a spreadsheet")}</label>
                </span>
            </p>
            <p role="status">{move || message.get()}</p>
            <p role="alert" class="import-alert">{move || refusal.get()}</p>
            {preview}
            {move || added.get().map(|ids| view! {
                <p class="undo-import" role="status">
                    {crate::trn!(
                        ids.len(),
                        "Added {n} member organization to the roster.",
                        "Added {n} member organizations to the roster."
                    )}
                    " "
                    <button type="button" class="secondary" on:click=undo>{tr("Undo import")}</button>
                </p>
            })}
        </section>
    }
}
