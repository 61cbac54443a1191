//! The frame around every screen: skip link, header with the plan's name and save status, the
//! section navigation, and the routed page in `<main>`.

use leptos::html;
use leptos::prelude::*;

use super::language::LanguageSwitch;
use super::lazy::{self, lazy_part, lazy_view, Focus, PendingFocus};
use super::notices::{Forgotten as ForgottenElsewhere, Notices, UndoBar};
use super::safety::{Forgotten, LockScreen};
use super::sharing::{ImportMessages, Toolbar};
use super::{define::Define, overview::Overview};
use crate::content::Section;
use crate::lang::tr;
use crate::route::Route;
use crate::state::{quick_exit, PlanState};

fn current_route() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

#[component]
pub fn Shell() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let route = RwSignal::new(current_route());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| route.set(current_route()));
    // In-app links replace the history entry instead of adding one, so Back leaves the app
    // rather than stepping through the plan (which matters after a quick exit).
    let _ = window_event_listener(leptos::ev::click, move |ev| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
        {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("a[href^='#/']").ok().flatten());
        if let Some(href) = link.and_then(|a| a.get_attribute("href")) {
            ev.prevent_default();
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
            }
            route.set(Route::from_hash(&href));
        }
    });
    // Pressing Shift three times within two seconds is the quick exit, where it is turned on.
    let shift_presses = StoredValue::new(Vec::<f64>::new());
    let _ = window_event_listener(leptos::ev::keyup, move |ev| {
        if ev.key() != "Shift" || !state.settings.with_untracked(|s| s.quick_exit) {
            shift_presses.set_value(Vec::new());
            return;
        }
        let now = js_sys::Date::now();
        shift_presses.update_value(|p| {
            p.retain(|t| now - t < 2_000.0);
            p.push(now);
        });
        if shift_presses.with_value(|p| p.len() >= 3) {
            quick_exit();
        }
    });

    // A file dropped on the page never replaces it (the browser would open the file), locked or
    // not; the mounted app reads it as an import (`App`).
    let _ = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, |ev| ev.prevent_default());

    let forgotten = RwSignal::new(None::<Result<(), String>>);
    provide_context(Forgotten(forgotten));
    // Set when the lock screen shows, so that the app, mounted again on unlocking, moves focus
    // to its page heading.
    let was_locked = StoredValue::new(false);
    let on_forgotten = Callback::new(move |()| {
        if let Ok(history) = window().history() {
            let href = Route::Safety.href();
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
        route.set(Route::Safety);
    });
    let locked = Memo::new(move |_| state.settings.with(|s| s.locked));
    let forgotten_elsewhere = state.forgotten;
    let quick_exit_shown = Memo::new(move |_| state.settings.with(|s| s.quick_exit));
    let language = expect_context::<crate::state::language::Language>();
    // A new language draws every screen again (the plan and its state stay as they are).
    move || {
        language.current.track();
        view! {
        {move || quick_exit_shown.get().then(|| view! {
            <button type="button" class="quick-exit" on:click=|_| quick_exit()>
                {tr("Quick exit")}
            </button>
        })}
        // While locked the app is not mounted at all: none of its views, listeners or
        // shortcuts exist until it is unlocked.
        {move || if forgotten_elsewhere.get() {
            // Forgotten in another tab: this tab's plan is dropped unsaved and the app is not
            // mounted again until the user starts anew.
            view! { <LanguageSwitch/> <ForgottenElsewhere/> }.into_any()
        } else if locked.get() {
            was_locked.set_value(true);
            view! { <LanguageSwitch/> <LockScreen on_forgotten/> }.into_any()
        } else {
            view! { <App route focus_heading=was_locked.get_value()/> }.into_any()
        }}
        }
    }
}

/// The app itself: header, toolbar, navigation and the routed page. Mounted only while this
/// device is unlocked; its keyboard shortcuts and file drops are removed with it.
#[component]
fn App(route: RwSignal<Route>, focus_heading: bool) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let survey = expect_context::<crate::state::assessment::Survey>();
    // After a navigation (not the first render), move focus to the new page's heading so
    // keyboard and screen-reader users start reading at the top of what changed.
    let main_ref = NodeRef::<html::Main>::new();
    // A page still loading (ui::lazy) moves focus itself once it is there.
    let pending = PendingFocus(StoredValue::new(None));
    provide_context(pending);
    let loading = move || {
        main_ref
            .get_untracked()
            .and_then(|m| m.query_selector(".page-loading").ok().flatten())
            .is_some()
    };
    Effect::new(move |previous: Option<Route>| {
        let now = route.get();
        pending.0.set_value(None);
        // A link to one item (`#/management?item=a1`) opens its page at the item.
        let hash = window().location().hash().unwrap_or_default();
        if let Some(id) = crate::route::item_in_hash(&hash) {
            let id = id.to_owned();
            if loading() {
                pending.0.set_value(Some(Focus::Item(id)));
            } else {
                request_animation_frame(move || super::focus_item(&id));
            }
            return now;
        }
        if previous.is_some_and(|p| p != now) && loading() {
            pending.0.set_value(Some(Focus::Heading));
        } else if previous.is_some_and(|p| p != now) {
            if let Some(h1) = main_ref
                .get()
                .and_then(|m| m.query_selector("h1").ok().flatten())
            {
                if let Ok(h1) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1) {
                    let _ = h1.focus();
                }
            }
        }
        now
    });

    // Ctrl+Z / Ctrl+Shift+Z (Cmd on a Mac; Ctrl+Y too) undo and redo across the whole plan,
    // in place of each text field's own undo, so there is one history.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key())
            || ev.alt_key()
            || state.settings.with_untracked(|s| s.locked)
        {
            return;
        }
        match ev.key().to_ascii_lowercase().as_str() {
            "z" if ev.shift_key() => state.redo(),
            "z" => state.undo(),
            "y" => state.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    // A plan file dropped anywhere on the page is read like one picked with "Import plan".
    let drops = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if state.settings.with_untracked(|s| s.locked) {
            return;
        }
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            super::sharing::import_files(state, survey, &files);
        }
    });
    // Window listeners outlive a component unless removed: these go when the app unmounts.
    on_cleanup(move || {
        keys.remove();
        drops.remove();
    });

    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        // A plain `href="#main"` would be read as a route; focus the content directly instead.
        ev.prevent_default();
        if let Some(main) = main_ref.get() {
            let _ = main.focus();
        }
    };

    let page = move || match route.get() {
        Route::Overview => view! { <Overview/> }.into_any(),
        Route::Section(Section::Define) => view! { <Define/> }.into_any(),
        Route::Section(Section::Functions) => lazy_view(lazy::functions_page),
        Route::Section(Section::Membership) => lazy_view(lazy::membership_page),
        Route::Section(Section::Leadership) => lazy_view(lazy::leadership_page),
        Route::Section(Section::Management) => lazy_view(lazy::management_page),
        Route::Section(Section::Funding) => lazy_view(lazy::funding_page),
        Route::Section(Section::Trust) => lazy_view(lazy::trust_page),
        Route::Section(Section::Survivors) => lazy_view(lazy::survivors_page),
        Route::Resources => lazy_view(lazy::resources_page),
        Route::Plans => lazy_view(lazy::plans_page),
        Route::Safety => lazy_view(lazy::safety_page),
        Route::Glossary => lazy_view(lazy::glossary_page),
        Route::Print => lazy_view(lazy::print_page),
        Route::PrintSummary => lazy_view(lazy::summary_page),
        Route::Mou => lazy_view(lazy::mou_page),
        Route::Merge => lazy_view(lazy::merge_page),
        Route::Assessment => lazy_view(lazy::rounds_page),
        Route::Answer => lazy_view(lazy::answer_page),
        Route::Meetings => lazy_view(lazy::meetings_page),
        Route::Report => lazy_view(lazy::report_page),
    };
    let nav_link = move |r: Route| {
        let current = move || (route.get() == r).then_some("page");
        view! {
            <li>
                <a href=r.href() aria-current=current>
                    {r.title()}
                </a>
            </li>
        }
    };

    // A picked file's passphrase prompt and preview load their code when first needed.
    let sealed_shown = Memo::new(move |_| state.sealed.with(Option::is_some));
    let preview_shown = Memo::new(move |_| state.preview.with(Option::is_some));
    let main_ref_focus = main_ref;
    if focus_heading {
        request_animation_frame(move || {
            if let Some(h1) = main_ref_focus
                .get_untracked()
                .and_then(|m| m.query_selector("h1").ok().flatten())
            {
                if let Ok(h1) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1) {
                    let _ = h1.focus();
                }
            }
        });
    }
    view! {
        <div class="app">
        <a class="skip-link" href="#/" on:click=skip_to_main>{tr("Skip to content")}</a>
        <header class="topbar">
            <div class="topbar-inner">
                <p class="brand">{tr("Partnership Planner")}</p>
                <LanguageSwitch/>
                <p class="plan-name">
                    <span class="visually-hidden">{tr("Plan: ")}</span>
                    {move || state.plan.with(|p| p.display_name().to_owned())}
                </p>
                <p class="save-status" role="status" aria-label={tr("Save status")}>{move || state.save.with(|s| s.label())}</p>
            </div>
            <div class="topbar-inner">
                <Toolbar/>
            </div>
        </header>
        <Notices/>
        <super::update::UpdateNotice/>
        <super::SharedOriginNotice/>
        <div class="notices">
            <ImportMessages/>
            {move || sealed_shown.get().then(|| lazy_part(lazy::unlock_file_part))}
            {move || preview_shown.get().then(|| lazy_part(lazy::import_preview_part))}
        </div>
        <UndoBar/>
        <div class="layout">
            <div class="navs">
                <nav aria-label={tr("Sections")} class="sections">
                    <ol>{Route::sections().map(nav_link).collect_view()}</ol>
                </nav>
                <nav aria-label={tr("Plan documents")} class="sections documents">
                    <ul>{Route::DOCUMENTS.iter().copied().map(nav_link).collect_view()}</ul>
                </nav>
            </div>
            <main id="main" tabindex="-1" node_ref=main_ref>
                {page}
            </main>
        </div>
        <footer class="footer">
            <p>
                {tr("Your plan never leaves this device unless you export it. Questions from the \
                     Laboratory to Combat Human Trafficking's Partnership Toolkit.")}
            </p>
        </footer>
        </div>
    }
}
