//! Why a stored value or a file could not be read as a plan, in words a coordinator can act on.

use std::fmt;

use super::envelope::SCHEMA_VERSION;
use super::json::clip;
use super::json_text::JsonError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but white space.
    Empty,
    /// The browser could not read the file at all.
    Unreadable,
    /// A file over `MAX_IMPORT_BYTES`, refused before it is read.
    TooLarge { bytes: u64 },
    /// Not UTF-8 text (`offset` of the first bad byte); `utf16` when it looks like UTF-16.
    NotUtf8 { offset: usize, utf16: bool },
    /// An object names the same key twice.
    DuplicateKey { key: String },
    /// Not JSON at all, or cut short (the line and column of the first problem).
    NotJson { line: usize, column: usize },
    /// JSON nested deeper than any plan is.
    TooDeep,
    /// JSON, but not one of our plans; the reason completes "This is not a plan file: …".
    NotAPlan(&'static str),
    /// A passphrase-protected file, which this path cannot open.
    Encrypted,
    /// Made by a newer app whose schema this build does not know.
    NewerVersion { found: u64 },
    /// A plan with a field that is missing, of the wrong type or out of range.
    Invalid { path: String, problem: String },
}

impl ImportError {
    pub fn from_json(e: JsonError) -> ImportError {
        match e {
            JsonError::DuplicateKey(key) => ImportError::DuplicateKey { key },
            JsonError::TooDeep => ImportError::TooDeep,
            JsonError::Syntax { line, column } => ImportError::NotJson { line, column },
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("This is not a plan file: it is empty."),
            ImportError::Unreadable => f.write_str(
                "This file could not be read. It may have been moved or deleted; choose it again.",
            ),
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is too large to be a plan: {} MB, and plans are at most {} MB.",
                super::rules::one_decimal(*bytes, 1_048_576),
                super::import::MAX_IMPORT_BYTES / 1_048_576
            ),
            ImportError::NotUtf8 { utf16: true, .. } => f.write_str(
                "This is not a plan file: it is saved as UTF-16 text, and plans are UTF-8. \
                 Export the plan again from Partnership Planner rather than re-saving it.",
            ),
            ImportError::NotUtf8 { offset, .. } => write!(
                f,
                "This is not a plan file: it is not UTF-8 text (the first unreadable byte is \
                 at position {offset}). It may have been re-saved by another program; export \
                 it again from Partnership Planner."
            ),
            ImportError::DuplicateKey { key } => write!(
                f,
                "This plan file is damaged: the field \"{key}\" appears twice in one place, so \
                 it cannot be known which is meant."
            ),
            ImportError::NotJson { line, column } => write!(
                f,
                "This is not a plan file, or it was cut short: it cannot be read past line \
                 {line}, column {column}."
            ),
            ImportError::TooDeep => {
                f.write_str("This is not a plan file: it is nested far deeper than any plan.")
            }
            ImportError::NotAPlan(why) => write!(f, "This is not a plan file: {why}."),
            ImportError::Encrypted => f.write_str(
                "This plan is protected with a passphrase. Open it with \"Import plan\" to enter \
                 the passphrase.",
            ),
            ImportError::NewerVersion { found } => write!(
                f,
                "This plan was made with a newer version of Partnership Planner (format \
                 {found}; this one reads up to {SCHEMA_VERSION}). Ask the sender to export \
                 again, or update."
            ),
            // The problem is the app's own words (`model::json`, `Plan::check`), with any text
            // from the file in it already shortened; the path may hold any key from the file.
            ImportError::Invalid { path, problem } => {
                write!(
                    f,
                    "This plan file has a problem at {}: {problem}.",
                    clip(path)
                )
            }
        }
    }
}

impl std::error::Error for ImportError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_the_place_shortened() {
        let e = ImportError::Invalid {
            path: format!("plan.answers.{}", "x".repeat(5000)),
            problem: "is not a question of this toolkit".into(),
        }
        .to_string();
        assert!(e.starts_with("This plan file has a problem at plan.answers.xxx"));
        assert!(e.ends_with("…: is not a question of this toolkit."));
        assert!(e.len() < 200, "long text is clipped");
    }
}
