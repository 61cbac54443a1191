//! Everything about keeping the plan on this device. `fault` is plain Rust (tested natively);
//! `local` is the only code in the app that touches `localStorage`.

pub mod budget;
mod fault;
#[cfg(target_arch = "wasm32")]
mod local;
pub mod revision;

pub use fault::StorageFault;
#[cfg(target_arch = "wasm32")]
pub use local::*;
pub use revision::Revision;
