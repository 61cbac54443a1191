//! The functional core: the plan, its rules, and its file format. Plain Rust, no browser APIs,
//! so every rule here is tested natively with `cargo test`.

pub mod assessment;
pub mod calendar;
pub mod charts;
pub mod edit;
pub mod envelope;
pub mod error;
pub mod fields;
pub mod history;
pub mod ids;
pub mod import;
pub mod items;
pub mod json;
pub mod keyed;
pub mod library;
pub mod link;
pub mod meetings;
pub mod merge;
pub mod mou;
pub mod paging;
pub mod passphrase;
pub mod pii;
pub mod plan;
pub mod report;
pub mod rules;
pub mod sealed;
pub mod spreadsheet;
pub mod stamp;
pub mod table;
pub mod tabs;
pub mod time;

/// The fixed vocabularies are data (`content`); the plan's types use them.
pub use crate::content::kinds;

pub use edit::{Edit, Scope};
pub use envelope::{decode, encode, encode_pretty, Decoded, SCHEMA_VERSION};
pub use error::ImportError;
pub use import::{compare, import_bytes, import_text, Comparison, MAX_IMPORT_BYTES};
pub use items::{Field, FieldValue, ListKind, Removed};
pub use plan::{Answer, FunctionChoice, Plan};
pub use rules::Progress;
pub use time::Millis;
