//! The service worker (`sw.js`, docs/offline.md): registers it, reports when a new version of
//! the app has been installed and is waiting, and, on the user's word only, lets it take over
//! and reloads. Where the browser has no service workers (an insecure origin, an old browser)
//! the app works as before, online only.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The worker, beside index.html: its scope is the app's folder.
const SCRIPT: &str = "./sw.js";

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // `navigator.serviceWorker` exists only in secure contexts of browsers that have it.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the worker, and calls `on_new_version` when a newer version than the one running
/// has been installed and waits for the user (now, or whenever the browser finds one).
pub fn register(on_new_version: impl Fn() + Clone + 'static) {
    let Some(container) = container() else {
        return;
    };
    let promise = container.register(SCRIPT);
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        // An installed worker is a new version only where an older one runs this page; on the
        // first visit the first worker installs and takes over silently.
        let controlled = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && controlled() {
            on_new_version();
        }
        let found = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = found.installing() else {
                return;
            };
            let (watched, controlled, on_new_version) =
                (worker.clone(), controlled.clone(), on_new_version.clone());
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if watched.state() == ServiceWorkerState::Installed && controlled() {
                    on_new_version();
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Lets the waiting version take over and reloads this page once it has: the user chose
/// "Reload to update" (and the plan was saved). With no version waiting (another tab updated
/// already), it reloads at once.
pub fn update_and_reload() {
    let Some(container) = container() else {
        reload();
        return;
    };
    spawn_local(async move {
        let waiting = match JsFuture::from(container.get_registration()).await {
            Ok(r) => r
                .dyn_into::<ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.waiting()),
            Err(_) => None,
        };
        let Some(worker) = waiting else {
            reload();
            return;
        };
        // Reload once, when the new version controls the page (or has stopped waiting).
        let done = Rc::new(Cell::new(false));
        let once = {
            let done = done.clone();
            move || {
                if !done.replace(true) {
                    reload();
                }
            }
        };
        let on_change = Closure::<dyn FnMut()>::new(once.clone());
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let watched: ServiceWorker = worker.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if matches!(
                watched.state(),
                ServiceWorkerState::Activated | ServiceWorkerState::Redundant
            ) {
                once();
            }
        });
        worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
        if worker
            .post_message(&JsValue::from_str("skip-waiting"))
            .is_err()
        {
            reload();
        }
    });
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
