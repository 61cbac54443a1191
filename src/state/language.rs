//! The app's language (issue #18): which one it speaks, and switching on the user's word. The
//! choice is kept in the device's settings (never a cookie); a first visit follows the browser.

use leptos::prelude::*;

use super::PlanState;
use crate::io::lang as browser;
use crate::lang::{self, Lang};

/// The language the screens are drawn in, and why a switch failed (shown beside the switch).
#[derive(Clone, Copy)]
pub struct Language {
    pub current: RwSignal<Lang>,
    pub problem: RwSignal<Option<String>>,
}

impl Language {
    /// The language to start in: the one chosen on this device, else the browser's.
    pub fn at_start(state: PlanState) -> Lang {
        state
            .settings
            .with_untracked(|s| s.language)
            .unwrap_or_else(browser::browser_language)
    }

    /// Speaks `lang` (its catalogue already loaded) from the first render on.
    pub fn new(lang: Lang) -> Self {
        let lang = if lang::set(lang).is_ok() {
            lang
        } else {
            Lang::En
        };
        browser::mark_document(lang);
        Language {
            current: RwSignal::new(lang),
            problem: RwSignal::new(None),
        }
    }

    /// Switches to `lang` on the user's word: loads its words if needed, then redraws every
    /// screen in it and keeps the choice. On failure the app stays as it is and says why.
    /// `then` runs once the screens are drawn again.
    pub fn switch(self, state: PlanState, lang: Lang, then: impl FnOnce() + 'static) {
        if self.current.get_untracked() == lang {
            return;
        }
        leptos::task::spawn_local(async move {
            match browser::prepare(lang).await.and_then(|()| lang::set(lang)) {
                Ok(()) => {
                    browser::mark_document(lang);
                    self.problem.set(None);
                    state.set_settings(|s| s.language = Some(lang));
                    self.current.set(lang);
                    request_animation_frame(then);
                }
                Err(error) => self.problem.set(Some(browser::describe(&error))),
            }
        });
    }
}
