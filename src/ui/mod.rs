//! The interface: one file per screen, plus the shell that frames them. Screens read state from
//! context and call `PlanState` intents; they never touch storage or the model's internals.

mod assessment;
mod charts;
mod define;
mod functions;
mod funding;
mod glossary;
mod language;
mod lazy;
mod leadership;
mod list_editor;
mod management;
mod meetings;
mod membership;
mod merge;
mod mou;
mod notices;
mod overview;
mod passphrase;
mod plans;
mod print;
mod report;
mod resources;
mod safety;
mod sharing;
mod shell;
mod spreadsheets;
mod survivors;
mod trust;
mod update;
mod widgets;

use leptos::prelude::*;

use crate::lang::{tr, Lang};
use crate::model::link::is_shared_host;
use crate::state::language::Language;
use crate::state::{flush_on_leave, NewVersion, PlanState};

/// Starts the app: opens the stored plan, then renders the shell into `<body>`. Framed by
/// another page, it renders only a link to open it on its own, before any state exists, so
/// storage is never read or written there (a page that frames the app could trick clicks).
pub fn mount() {
    if framed() {
        remove_first_screen();
        // The browser's language, as nothing stored may be read here.
        let lang = crate::io::lang::browser_language();
        // Leptos' executor starts with a mount, which never happens here.
        wasm_bindgen_futures::spawn_local(async move {
            if crate::io::lang::prepare(lang).await.is_ok() && crate::lang::set(lang).is_ok() {
                crate::io::lang::mark_document(lang);
            }
            open_on_its_own();
        });
        return;
    }
    crate::io::lang::install_formats();
    let state = PlanState::start();
    flush_on_leave(state);
    state.follow_other_tabs();
    let update = NewVersion::start();
    let lang = Language::at_start(state);
    if crate::lang::ready(lang) {
        start(state, update, lang, None);
    } else {
        // Spanish: its words are fetched first (from the offline worker after the first
        // visit), so the first screen is drawn in one language. (Leptos' executor starts with
        // the first mount, so this waits on wasm-bindgen's.)
        wasm_bindgen_futures::spawn_local(async move {
            match crate::io::lang::prepare(lang).await {
                Ok(()) => start(state, update, lang, None),
                Err(e) => start(state, update, Lang::En, Some(crate::io::lang::describe(&e))),
            }
        });
    }
}

fn start(state: PlanState, update: NewVersion, lang: Lang, problem: Option<String>) {
    let language = Language::new(lang);
    language.problem.set(problem);
    mount_to_body(move || {
        provide_context(state);
        provide_context(update);
        provide_context(language);
        provide_context(crate::state::assessment::Survey::new());
        view! { <shell::Shell/> }
    });
    // In the same task as the app's first render, so the browser never paints between them.
    remove_first_screen();
}

/// Removes the first screen index.html draws before the wasm has loaded (`#boot`: the app's
/// name, Quick exit, "Opening your plan…"), now that the app has drawn its own.
fn remove_first_screen() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}

/// Whether another page frames this one: `window.top !== window.self`, or `top` cannot be read.
fn framed() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    !matches!(window.top(), Ok(Some(top)) if top == window)
}

/// All a framed copy shows: a link that opens the app's own address as the whole page. Plain
/// DOM, so nothing of the app (state, storage, listeners) exists in the frame.
fn open_on_its_own() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let location = window.location();
    let href = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    let element = |tag: &str| document.create_element(tag).ok();
    let (main, p, a) = (element("main")?, element("p")?, element("a")?);
    a.set_attribute("href", &href).ok()?;
    a.set_attribute("target", "_top").ok()?;
    a.set_text_content(Some(tr("Open Partnership Planner on its own")));
    p.append_with_str_1(tr("Partnership Planner does not run inside another page. "))
        .ok()?;
    p.append_with_node_1(&a).ok()?;
    main.append_with_node_1(&p).ok()?;
    document.body()?.append_with_node_1(&main).ok()
}

/// Once per device, on a shared host (`*.github.io`): other projects there can read the plans.
#[component]
fn SharedOriginNotice() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let host = window().location().hostname().unwrap_or_default();
    is_shared_host(&host).then(|| {
        let dismissed = move || state.settings.with(|s| s.shared_origin_dismissed);
        let dismiss = move |_| state.set_settings(|s| s.shared_origin_dismissed = true);
        view! {
            <section class="banner banner-warning" aria-labelledby="shared-origin-heading" hidden=dismissed>
                <h2 id="shared-origin-heading">{tr("This address is shared with other projects")}</h2>
                <p>
                    {crate::tr!(
                        "This copy of Partnership Planner runs on {host}. Other projects \
                         published under that address can read, change or delete the plans kept \
                         in this browser. Export your plan, and ask whoever set up this copy to \
                         host it on a domain of its own.",
                        host = host
                    )}
                </p>
                <p class="actions">
                    <button type="button" on:click=dismiss>{tr("Dismiss")}</button>
                </p>
            </section>
        }
    })
}

/// Brings a list item on screen and puts focus in it: the first focusable element whose id
/// starts with the item's id in any list (`actions-a1-what`, …), or else the first element
/// naming it, scrolled into view.
pub(crate) fn focus_item(id: &str) {
    use wasm_bindgen::JsCast;
    let lists = crate::model::ListKind::ALL.map(|l| format!("[id^='{}-{id}-']", l.key()));
    let any = lists.join(",");
    let focusable = lists
        .iter()
        .flat_map(|l| ["input", "select", "textarea", "button", "a"].map(|t| format!("{t}{l}")))
        .collect::<Vec<_>>()
        .join(",");
    let Some(doc) = window().document() else {
        return;
    };
    let found = |sel: &str| {
        doc.query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    if let Some(el) = found(&any) {
        el.scroll_into_view();
    }
    if let Some(el) = found(&focusable) {
        let _ = el.focus();
    }
}
