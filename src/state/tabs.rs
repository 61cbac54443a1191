//! Every open tab of the app hears of Forget, Delete, Lock and Quick exit made in any of them.
//! A signal (`model::tabs::TabSignal`) goes out on a `BroadcastChannel`; where the browser has
//! none, it is written to `storage::SIGNAL_KEY` and removed at once, and the other tabs read it
//! from the `storage` event (`sync`). What each tab then does is in `sync` and `safety`.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::model::tabs::TabSignal;
use crate::storage::{PlanStore, SIGNAL_KEY};

/// The channel's name: every tab of the app on this origin joins it.
const CHANNEL: &str = "partnership-planner";

thread_local! {
    /// This tab's end of the channel, once `listen` has opened it.
    static CHANNEL_END: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// Opens the channel and hands every signal another tab sends to `on`. Without a
/// `BroadcastChannel` (the constructor throws), signals come by the `storage` event instead.
pub(super) fn listen(on: impl Fn(TabSignal) + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let handler =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(signal) = ev.data().as_string().and_then(|t| TabSignal::parse(&t)) {
                on(signal);
            }
        });
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the page.
    handler.forget();
    CHANNEL_END.with(|c| *c.borrow_mut() = Some(channel));
}

/// Tells every other open tab of the app (not this one).
pub(super) fn announce(signal: &TabSignal) {
    let text = signal.text();
    let sent = CHANNEL_END.with(|c| {
        c.borrow()
            .as_ref()
            .is_some_and(|ch| ch.post_message(&text.as_str().into()).is_ok())
    });
    if !sent {
        // Written and removed at once: the other tabs see the write, storage keeps nothing.
        if let Ok(store) = PlanStore::open() {
            let _ = store.write_raw(SIGNAL_KEY, &text);
            let _ = store.remove_raw(SIGNAL_KEY);
        }
    }
}
