//! Banners for problems the user must act on: storage that does not save, and a stored plan
//! that could not be read. They use `role="alert"` so screen readers announce them at once.

use leptos::prelude::*;

use crate::io;
use crate::model::time::iso_date;
use crate::state::{Notice, PlanState};

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let save_problem = Memo::new(move |_| state.save.with(|s| s.problem()));
    view! {
        <div class="notices">
            {move || {
                save_problem
                    .get()
                    .map(|text| view! { <p class="banner banner-warning" role="alert">{text}</p> })
            }}
            {move || state.notice.get().map(|n| view! { <NoticeView notice=n/> })}
        </div>
    }
}

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let Notice::Unreadable {
        error,
        raw,
        kept_as,
    } = notice;
    let download_error = RwSignal::new(None::<String>);
    let download = move |_| {
        let name = format!("unreadable-plan-{}.json", iso_date(io::now()));
        download_error.set(io::download(&name, &raw, "application/json").err());
    };
    let kept = match &kept_as {
        Ok(key) => format!(
            "Nothing was deleted: the stored text is kept unchanged on this device (as \u{201c}{key}\u{201d}). \
             You can download it to send to someone who can help, and carry on with a new plan here."
        ),
        Err(_) => "It could not be set aside, so it stays exactly where it is and this app will \
                   not save over it. Download it now to keep a copy."
            .to_owned(),
    };
    view! {
        <div class="banner banner-error" role="alert">
            <h2>"Your saved plan could not be read"</h2>
            <p>{error.to_string()}</p>
            <p>{kept}</p>
            <p class="actions">
                <button type="button" on:click=download>
                    "Download unreadable data"
                </button>
                {kept_as
                    .is_ok()
                    .then(|| {
                        view! {
                            <button type="button" on:click=move |_| state.dismiss_notice()>
                                "Dismiss"
                            </button>
                        }
                    })}
            </p>
            {move || download_error.get().map(|e| view! { <p>"The download failed: " {e}</p> })}
        </div>
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
                    let title = if r.title.trim().is_empty() { "the item".to_owned() } else { format!("\u{201c}{}\u{201d}", r.title.trim()) };
                    view! {
                        <p class="banner">
                            {format!("Removed {title}. ")}
                            <button type="button" on:click=move |_| state.undo_remove()>"Undo remove"</button>
                        </p>
                    }
                })
            }}
        </div>
    }
}
