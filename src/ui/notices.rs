//! Banners for problems the user must act on: storage that does not save, and a stored plan
//! that could not be read. They use `role="alert"` so screen readers announce them at once.

use leptos::prelude::*;

use crate::io;
use crate::lang::tr;
use crate::model::time::iso_date;
use crate::state::{Notice, PlanState, SaveState, Unreadable};
use crate::storage::budget::{percent_used, should_warn};
use crate::storage::StorageFault;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let save_problem = Memo::new(move |_| state.save.with(|s| s.problem()));
    let conflict = move || {
        state
            .save
            .with(|s| *s == SaveState::Failed(StorageFault::Conflict))
    };
    let deleted = move || {
        state
            .save
            .with_untracked(|s| *s == SaveState::DeletedElsewhere)
    };
    let choices = move || {
        if conflict() {
            Some((tr("Load the other version"), tr("Keep mine as a copy")))
        } else if deleted() {
            Some((tr("Keep my copy as a new plan"), tr("Close this plan")))
        } else {
            None
        }
    };
    let bad_write = move || {
        state
            .save
            .with(|s| *s == SaveState::Failed(StorageFault::WriteMismatch))
            && state.backup_available.get()
    };
    let nearly_full = move || {
        state.usage.get().filter(|&u| should_warn(u)).map(|u| {
            crate::tr!(
                "This browser's storage for Partnership Planner is {percent}% full. Export your \
                 plans now, and delete plans you no longer need under Your plans, before it runs \
                 out.",
                percent = percent_used(u)
            )
        })
    };
    view! {
        <div class="notices">
            <div role="alert" class="alert-region">
                {move || {
                    save_problem.get().map(|text| view! {
                        <div class="banner banner-warning">
                            <p>{text}</p>
                            // Two choices: after a conflict with another tab, or after another
                            // tab deleted the plan.
                            {choices().map(|(first, second)| view! {
                                <p class="actions">
                                    <button type="button" on:click=move |_| {
                                        if deleted() { state.keep_as_new_plan() } else { state.resolve_take_theirs() }
                                    }>{first}</button>
                                    <button type="button" class="secondary" on:click=move |_| {
                                        if deleted() { state.close_deleted_plan() } else { state.resolve_keep_mine_as_copy() }
                                    }>{second}</button>
                                </p>
                            })}
                            {bad_write().then(|| view! {
                                <p class="actions">
                                    <button type="button" on:click=move |_| state.restore_previous_version()>
                                        {tr("Restore previous version")}
                                    </button>
                                </p>
                            })}
                        </div>
                    })
                }}
                {move || nearly_full().map(|text| view! { <p class="banner banner-warning">{text}</p> })}
            </div>
            <div role="status" class="sync-status">
                {move || state.synced.get().then(|| view! {
                    <p class="banner">{tr("Updated with changes saved in another tab.")}</p>
                })}
            </div>
            {move || state.notice.get().map(|n| view! { <NoticeView notice=n/> })}
        </div>
    }
}

/// The recovery notice: every stored plan that could not be read, each with what can be done.
#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let Notice::Unreadable(plans) = notice;
    let count = plans.len();
    let heading = crate::trn!(
        count,
        "Your saved plan could not be read",
        "{n} saved plans could not be read"
    );
    view! {
        <div class="banner banner-error" role="alert">
            <h2>{heading}</h2>
            {plans
                .into_iter()
                .enumerate()
                .map(|(i, plan)| {
                    let title = (count > 1).then(|| match &plan.name {
                        Some(name) => crate::tr!(
                            "Plan {number} of {count}: \u{201c}{name}\u{201d}",
                            number = crate::lang::number(i as i64 + 1),
                            count = crate::lang::number(count as i64),
                            name = name
                        ),
                        None => crate::tr!(
                            "Plan {number} of {count}",
                            number = crate::lang::number(i as i64 + 1),
                            count = crate::lang::number(count as i64)
                        ),
                    });
                    view! { <UnreadableView plan number=i + 1 title/> }
                })
                .collect_view()}
        </div>
    }
}

/// One plan that could not be read: the reason, where its text is kept, and the actions. With
/// several, each is a region named by its `title`, so its buttons can be told apart.
#[component]
fn UnreadableView(plan: Unreadable, number: usize, title: Option<String>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let Unreadable {
        plan_id,
        name,
        error,
        raw,
        kept_as,
    } = plan;
    // Restoring writes over the plan's key: only once its text is safe in quarantine.
    let restorable = kept_as.is_ok() && state.has_backup(&plan_id);
    let download_error = RwSignal::new(None::<String>);
    let download = move |_| {
        let name = crate::tr!("unreadable-plan-{date}.json", date = iso_date(io::now()));
        download_error.set(io::download(&name, &raw, "application/json").err());
    };
    let which = match &name {
        Some(name) => crate::tr!("The plan \u{201c}{name}\u{201d}", name = name),
        None => tr("A plan stored on this device").to_owned(),
    };
    let kept = match &kept_as {
        Ok(key) => crate::tr!(
            "{which} has been kept aside, unchanged: nothing was deleted, and the stored text is \
             kept on this device (as \u{201c}{key}\u{201d}). You can download it to send to \
             someone who can help, and carry on with a new plan here.",
            which = which,
            key = key
        ),
        Err(_) => crate::tr!(
            "{which} could not be set aside, so it stays exactly where it is and this app will \
             not save over it. Download it now to keep a copy.",
            which = which
        ),
    };
    let heading_id = format!("unreadable-plan-{number}");
    let labelled_by = heading_id.clone();
    let dismiss_id = plan_id.clone();
    let body = view! {
        <p>{error.to_string()}</p>
        <p>{kept}</p>
        <p class="actions">
            <button type="button" on:click=download>
                {tr("Download unreadable data")}
            </button>
            {restorable.then(|| view! {
                <button type="button" on:click=move |_| state.restore_unreadable(&plan_id)>
                    {tr("Restore previous version")}
                </button>
            })}
            {kept_as
                .is_ok()
                .then(|| {
                    view! {
                        <button type="button" on:click=move |_| state.dismiss_unreadable(&dismiss_id)>
                            {tr("Dismiss")}
                        </button>
                    }
                })}
        </p>
        {move || download_error.get().map(|e| view! { <p>{crate::tr!("The download failed: {error}", error = e)}</p> })}
    };
    match title {
        None => body.into_any(),
        Some(title) => view! {
            <section class="unreadable-plan" aria-labelledby=labelled_by>
                <h3 id=heading_id>{title}</h3>
                {body}
            </section>
        }
        .into_any(),
    }
}

/// After an item is removed from a list: what was removed, and a button to put it back. The
/// region stays in the page so screen readers announce each change in it.
#[component]
pub fn UndoBar() -> impl IntoView {
    let state = expect_context::<PlanState>();
    view! {
        <div class="undo-bar" role="status">
            {move || {
                state.removed.get().map(|r| {
                    let title = if r.title.trim().is_empty() { tr("the item").to_owned() } else { format!("\u{201c}{}\u{201d}", r.title.trim()) };
                    view! {
                        <p class="banner">
                            {crate::tr!("Removed {title}. ", title = title)}
                            <button type="button" on:click=move |_| state.undo_remove()>{tr("Undo remove")}</button>
                        </p>
                    }
                })
            }}
        </div>
    }
}

/// Shown instead of the app once another tab forgot this device: nothing of the plan is left
/// in this tab, and nothing is saved until the user starts anew.
#[component]
pub fn Forgotten() -> impl IntoView {
    let state = expect_context::<PlanState>();
    // Focus was in the app, now hidden: start reading here.
    request_animation_frame(|| {
        if let Some(h1) = document().get_element_by_id("forgotten-heading") {
            if let Ok(h1) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1) {
                let _ = h1.focus();
            }
        }
    });
    view! {
        <main class="lock-screen">
            <h1 id="forgotten-heading" tabindex="-1">{tr("This device was forgotten in another tab")}</h1>
            <p>
                {tr("Everything Partnership Planner kept in this browser was removed from another \
                     tab or window. Nothing from this tab was saved.")}
            </p>
            <button type="button" on:click=move |_| state.start_anew()>{tr("Start anew")}</button>
        </main>
    }
}
