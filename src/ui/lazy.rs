//! Pages loaded when first opened. In the release build (`--cfg pp_split`, set by .ci/trunk.sh)
//! each `lazy_page!` function is a split point: its code and whatever only it reaches go into a
//! separate wasm file, fetched the first time the page opens (docs/decisions/0009-split-wasm.md).
//! Without the cfg (`PLAIN_BUILD=1`, `cargo test`) the same functions are ordinary ones and the
//! app is one wasm, as before.
//!
//! A page whose file cannot be fetched (offline before the worker has it, a dropped connection)
//! shows a message and a "Try again" button; nothing panics, and the next attempt fetches anew.

use leptos::prelude::*;

use crate::lang::tr;

use super::assessment::{Answer, Rounds};
use super::passphrase::UnlockFile;
use super::print::{Print, Summary};
use super::sharing::ImportPreview;
use super::{
    functions::Functions, funding::Funding, glossary::Glossary, leadership::Leadership,
    management::Management, meetings::Meetings, membership::Membership, merge::Merge, mou::Mou,
    plans::Plans, report::Report, resources::Resources, safety::Safety, survivors::Survivors,
    trust::Trust,
};

/// The page's file could not be loaded (the browser's console has the reason).
#[derive(Clone, Copy, Debug)]
pub struct LoadError;

#[cfg(pp_split)]
impl From<leptos::wasm_split::SplitLoaderError> for LoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadError
    }
}

/// `lazy_page!(file, function, view)`: `function()` returns the page's view, loading `file` first
/// in the split build. Pages naming the same `file` share one wasm file.
macro_rules! lazy_page {
    ($file:ident, $name:ident, $view:expr) => {
        #[cfg(pp_split)]
        #[::leptos::wasm_split::wasm_split($file, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub(super) fn $name() -> Result<AnyView, LoadError> {
            Ok($view.into_any())
        }
        #[cfg(not(pp_split))]
        pub(super) async fn $name() -> Result<AnyView, LoadError> {
            Ok($view.into_any())
        }
    };
}

// The first screens (the overview, and Define, where a new plan starts) are in the main module;
// every other page is loaded when first opened. Pages that share most of their code share a
// file: the other seven sections one, the resources and the glossary another. (One file per
// section page made 99 files and 17 % more wasm in all than one module: code the sections
// share, compressed file by file.)
lazy_page!(print, print_page, view! { <Print/> });
lazy_page!(print, summary_page, view! { <Summary/> });
lazy_page!(mou, mou_page, view! { <Mou/> });
lazy_page!(merge, merge_page, view! { <Merge/> });
lazy_page!(assessment, rounds_page, view! { <Rounds/> });
lazy_page!(assessment, answer_page, view! { <Answer/> });
lazy_page!(meetings, meetings_page, view! { <Meetings/> });
lazy_page!(report, report_page, view! { <Report/> });
lazy_page!(sections, functions_page, view! { <Functions/> });
lazy_page!(sections, membership_page, view! { <Membership/> });
lazy_page!(sections, leadership_page, view! { <Leadership/> });
lazy_page!(sections, management_page, view! { <Management/> });
lazy_page!(sections, funding_page, view! { <Funding/> });
lazy_page!(sections, trust_page, view! { <Trust/> });
lazy_page!(sections, survivors_page, view! { <Survivors/> });
lazy_page!(reference, resources_page, view! { <Resources/> });
lazy_page!(reference, glossary_page, view! { <Glossary/> });
lazy_page!(plans, plans_page, view! { <Plans/> });
lazy_page!(safety, safety_page, view! { <Safety/> });
// Shown only once a file has been picked: its preview (with the merge it can start) and the
// passphrase to unlock a protected file.
lazy_page!(files, import_preview_part, view! { <ImportPreview/> });
lazy_page!(files, unlock_file_part, view! { <UnlockFile/> });

/// What the App does once a lazily loaded page is on screen: move focus as it would have done
/// had the page been there at once (its heading after a navigation, or the item a link names).
#[derive(Clone, Copy)]
pub(super) struct PendingFocus(pub StoredValue<Option<Focus>>);

#[derive(Clone, Debug)]
pub(super) enum Focus {
    Heading,
    Item(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Loading {
    Waiting,
    Failed,
    Ready,
}

/// Renders the page `load` gives, with a status line while it loads and a retry on failure.
pub(super) fn lazy_view<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, LoadError>> + 'static,
{
    lazy(load, Shown::Page)
}

/// Renders a part of the shell shown only sometimes (`lazy_page!` functions too): nothing while
/// it loads, a message with a retry on failure.
pub(super) fn lazy_part<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, LoadError>> + 'static,
{
    lazy(load, Shown::Part)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// A routed page: "Opening this page…" while it loads, focus moved as the shell would.
    Page,
    /// A part of the shell: nothing while it loads.
    Part,
}

fn lazy<F, Fut>(load: F, shown: Shown) -> AnyView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, LoadError>> + 'static,
{
    let status = RwSignal::new(Loading::Waiting);
    let page = StoredValue::new_local(None::<AnyView>);
    let pending = use_context::<PendingFocus>().filter(|_| shown == Shown::Page);
    // The page is built when its code has loaded, in this owner (its context: the plan's state),
    // and the loading is dropped if the page is left first.
    let owner = StoredValue::new(Owner::current());
    let start = move || {
        status.set(Loading::Waiting);
        let task = async move {
            match load().await {
                Ok(view) => {
                    if page.try_set_value(Some(view)).is_some() {
                        return; // the page was left before it loaded
                    }
                    let _ = status.try_set(Loading::Ready);
                    if let Some(PendingFocus(focus)) = pending {
                        if let Some(Some(focus)) = focus.try_update_value(Option::take) {
                            request_animation_frame(move || apply(focus));
                        }
                    }
                }
                Err(LoadError) => {
                    let _ = status.try_set(Loading::Failed);
                }
            }
        };
        match owner.get_value() {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(task)),
            None => leptos::task::spawn_local(task),
        }
    };
    start();
    (move || match status.get() {
        Loading::Ready => page
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Loading::Failed if shown == Shown::Part => view! {
            <p class="banner banner-error" role="alert">
                {tr("This part of the app could not be opened. Check the connection, then ")}
                <button type="button" on:click=move |_| start()>{tr("try again")}</button>
                {tr(".")}
            </p>
        }
        .into_any(),
        Loading::Waiting if shown == Shown::Part => ().into_any(),
        Loading::Failed => view! {
            <div class="banner banner-error" role="alert">
                <h1 tabindex="-1">{tr("This page could not be opened")}</h1>
                <p>
                    {tr("Part of the app this page needs did not load, perhaps because the connection dropped. Your plan is safe. Check the connection, then try again.")}
                </p>
                <p class="actions">
                    <button type="button" on:click=move |_| start()>{tr("Try again")}</button>
                </p>
            </div>
        }
        .into_any(),
        Loading::Waiting => {
            view! { <p class="page-loading" role="status">{tr("Opening this page…")}</p> }.into_any()
        }
    })
    .into_any()
}

fn apply(focus: Focus) {
    // A page that moved focus into itself (the glossary, at the term a link names) keeps it, as
    // it did when its heading was focused first.
    let main = document().query_selector("main").ok().flatten();
    let active = document().active_element();
    if let (Some(main), Some(active)) = (main, active) {
        if main.contains(Some(&active)) && !main.is_same_node(Some(&active)) {
            return;
        }
    }
    match focus {
        Focus::Item(id) => super::focus_item(&id),
        Focus::Heading => {
            let h1 = document()
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok());
            if let Some(h1) = h1 {
                let _ = h1.focus();
            }
        }
    }
}
