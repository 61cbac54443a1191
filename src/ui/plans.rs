//! Your plans: every plan on this device with when it was last saved and exported; create,
//! open, rename, duplicate and delete (with undo); and import from pasted text.

use leptos::prelude::*;

use crate::io::local_date_time;
use crate::lang::tr;
use crate::model::library::PlanEntry;
use crate::state::{DeletedPlan, PlanState};
use crate::storage::budget::{percent_used, ORIGIN_BUDGET_UNITS};
use crate::storage::UNREADABLE_NAME;

#[component]
pub fn Plans() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let deleted = RwSignal::new(None::<DeletedPlan>);
    let pasted = RwSignal::new(String::new());
    // The open plan is listed even before its first save.
    let entries = Memo::new(move |_| {
        let mut list = state.library.get().plans;
        state.plan.with(|p| {
            if !list.iter().any(|e| e.id == p.id) {
                list.push(PlanEntry {
                    id: p.id.clone(),
                    name: p.display_name().to_owned(),
                    modified: p.modified,
                    saved: None,
                    exported: None,
                    plan_id: Some(p.plan_id.clone()),
                });
            }
        });
        list
    });
    view! {
        <h1 tabindex="-1">{tr("Your plans")}</h1>
        <p>
            {tr("Every plan kept in this browser. Plans stay on this device: to share one, open it \
                 and use Export plan, then email the file. Browsers can clear their storage, so \
                 export regularly.")}
        </p>
        <p><button type="button" on:click=move |_| state.new_plan()>{tr("New plan")}</button></p>
        <p>
            {tr("A coordinator sent you a self-assessment invitation? ")}
            <a href=crate::route::Route::Answer.href()>{tr("Answer a self-assessment")}</a>
            {tr(" (your plans here are not changed).")}
        </p>
        <div role="status" class="undo-bar-inline">
            {move || deleted.get().map(|d| {
                let name = d.entry.name.clone();
                view! {
                    <p class="banner">
                        {crate::tr!("Deleted \u{201c}{name}\u{201d}. ", name = name)}
                        <button type="button" on:click=move |_| {
                            if let Some(d) = deleted.get_untracked() { state.undo_delete(d); }
                            deleted.set(None);
                        }>{tr("Undo delete")}</button>
                    </p>
                }
            })}
        </div>
        <ul class="plan-list">
            // A row is drawn afresh when its plan is saved or renamed (a handful of rows).
            {move || entries.get().into_iter().map(|entry| view! { <PlanRow entry deleted/> }).collect_view()}
        </ul>
        <StoragePanel/>
        <WhoAmI/>
        <h2>{tr("Import from text")}</h2>
        <p>{tr("If a colleague pasted a plan into an email, copy all of it and paste it here.")}</p>
        <div class="field">
            <label for="paste-plan">{tr("Paste plan text")}</label>
            <textarea id="paste-plan" rows="6" prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
        </div>
        <p><button type="button" on:click=move |_| state.read_pasted(&pasted.get_untracked())>{tr("Read pasted plan")}</button></p>
    }
}

#[component]
fn PlanRow(mut entry: PlanEntry, deleted: RwSignal<Option<DeletedPlan>>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    // The list's own name for a plan that could not be read, in the app's language.
    for own in [UNREADABLE_NAME, crate::model::plan::UNTITLED] {
        if entry.name == own {
            entry.name = tr(own).to_owned();
        }
    }
    let id = entry.id.clone();
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| state.plan.with(|p| p.id == id))
    };
    let rename_id = format!("rename-{id}");
    let name = RwSignal::new(entry.name.clone());
    let (open_id, rename, dup, del) = (id.clone(), id.clone(), id.clone(), id.clone());
    let saved = entry
        .saved
        .map_or(tr("not yet").to_owned(), local_date_time);
    let exported = entry
        .exported
        .map_or(tr("never").to_owned(), local_date_time);
    let title = entry.name.clone();
    view! {
        <li class="plan-row">
            <h2 class="plan-title">
                {entry.name.clone()}
                {move || is_open.get().then(|| view! { <span class="badge badge-ok">{tr("Open now")}</span> })}
            </h2>
            <p class="hint">{crate::tr!("Last saved: {saved}. Last exported: {exported}.", saved = saved, exported = exported)}</p>
            <div class="rename">
                <label for=rename_id.clone()>{crate::tr!("New name for {name}", name = entry.name)}</label>
                <input type="text" id=rename_id maxlength="200" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
                <button type="button" class="secondary"
                    on:click=move |_| state.rename_plan(&rename, &name.get_untracked())>{tr("Rename")}</button>
            </div>
            <p class="actions">
                <button type="button" disabled=move || is_open.get()
                    aria-label={crate::tr!("Open {name}", name = title)} on:click=move |_| state.open_plan(&open_id)>{tr("Open")}</button>
                <button type="button" class="secondary" aria-label={crate::tr!("Duplicate {name}", name = entry.name)}
                    on:click=move |_| state.duplicate_plan(&dup)>{tr("Duplicate")}</button>
                <button type="button" class="danger" aria-label={crate::tr!("Delete {name}", name = entry.name)}
                    on:click=move |_| deleted.set(state.delete_plan(&del))>{tr("Delete")}</button>
            </p>
        </li>
    }
}

/// What this browser holds for the app, and how safe it is.
#[component]
fn StoragePanel() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let entry = Memo::new(move |_| {
        let id = state.plan.with(|p| p.id.clone());
        state.library.with(|l| l.entry(&id).cloned())
    });
    let used = move || match state.usage.get() {
        Some(units) => crate::tr!(
            "{used} KB of about {total} KB ({percent}%)",
            used = units.div_ceil(1024),
            total = ORIGIN_BUDGET_UNITS / 1024,
            percent = percent_used(units)
        ),
        None => tr("Unknown: storage is not available").to_owned(),
    };
    let persisted = move || match state.persisted.get() {
        None => tr("Not asked yet: the browser is asked after your first change.").to_owned(),
        Some(Ok(true)) => tr("Yes: the browser will not clear it to free space.").to_owned(),
        Some(Ok(false)) => {
            tr("No: the browser may clear it when space runs low. Export regularly.").to_owned()
        }
        Some(Err(e)) if e == "asking" => tr("Asking the browser…").to_owned(),
        Some(Err(e)) => crate::tr!("Unknown ({error}). Export regularly.", error = e),
    };
    let problem = move || {
        state
            .save
            .with(|s| s.problem())
            .unwrap_or_else(|| tr("None.").to_owned())
    };
    view! {
        <section class="storage-panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{tr("Storage")}</h2>
            <dl class="facts">
                <dt>{tr("Space used in this browser")}</dt>
                <dd>{used}</dd>
                <dt>{tr("Open plan last saved")}</dt>
                <dd>{move || entry.get().and_then(|e| e.saved).map_or(tr("Not yet").to_owned(), local_date_time)}</dd>
                <dt>{tr("Open plan last exported")}</dt>
                <dd>{move || entry.get().and_then(|e| e.exported).map_or(tr("Never").to_owned(), local_date_time)}</dd>
                <dt>{tr("Protected from automatic clearing")}</dt>
                <dd>{persisted}</dd>
                <dt>{tr("Problems")}</dt>
                <dd>{problem}</dd>
            </dl>
        </section>
    }
}

/// "Who am I on this device": optional, kept in the device settings, written into the stamps
/// of this device's edits so colleagues see it when they merge a copy.
#[component]
fn WhoAmI() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let saved = RwSignal::new(false);
    view! {
        <h2>{tr("This device")}</h2>
        <p>
            <label for="who-am-i">{tr("Who are you on this device? (optional)")}</label>
            <input type="text" id="who-am-i" aria-describedby="who-am-i-hint"
                prop:value=move || state.settings.with(|s| s.who.clone())
                on:change=move |ev| { state.set_who(&event_target_value(&ev)); saved.set(true); }/>
        </p>
        <p class="hint" id="who-am-i-hint">
            {tr("For example \u{201c}fiscal agent, County DA\u{2019}s office\u{201d}. Colleagues see \
                 it when they merge a copy you exported. Leave it empty to stay unnamed.")}
        </p>
        <p role="status">{move || saved.get().then(|| tr("Saved on this device."))}</p>
    }
}
