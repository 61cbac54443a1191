//! The smallest page the start-up probe counts as a first screen, drawn by Leptos.
use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let presses = RwSignal::new(0);
        view! {
            <nav aria-label="Sections"><a href="#/">"Overview"</a></nav>
            <main>
                <h1>"Overview"</h1>
                <button on:click=move |_| presses.update(|n| *n += 1)>
                    "Pressed " {move || presses.get()} " times"
                </button>
            </main>
        }
    });
}
