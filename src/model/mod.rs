//! The functional core: the plan, its rules, and its file format. Plain Rust, no browser APIs,
//! so every rule here is tested natively with `cargo test`.

pub mod envelope;
pub mod error;
pub mod items;
pub mod kinds;
pub mod link;
pub mod mou;
pub mod plan;
pub mod rules;
pub mod time;

pub use envelope::{decode, encode, encode_pretty, migrate, Decoded, SCHEMA_VERSION};
pub use error::ImportError;
pub use items::{ListKind, Removed};
pub use plan::{Answer, FunctionChoice, Plan};
pub use rules::Progress;
pub use time::Millis;
