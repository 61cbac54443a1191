//! Entry point of the wasm build. Natively there is nothing to run: `cargo test` covers the core.

fn main() {
    #[cfg(target_arch = "wasm32")]
    partnership_planner::ui::mount();
}
