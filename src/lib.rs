//! Partnership Planner: plan and run an anti-human-trafficking partnership in the browser.
//!
//! The functional core (`content`, `model`, `route`) is plain Rust and builds natively for
//! `cargo test`. The shell (`storage`, `io`, `state`, `ui`) exists only in the wasm build: it is
//! the one part that touches the browser.

pub mod content;
pub mod lang;
pub mod model;
pub mod route;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod io;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
