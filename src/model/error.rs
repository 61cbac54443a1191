//! Why a stored value or a file could not be read as a plan, in words a coordinator can act on.

use std::fmt;

use super::envelope::SCHEMA_VERSION;

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
    pub fn from_json(e: serde_json::Error) -> ImportError {
        let text = e.to_string();
        if let Some(rest) = text.strip_prefix(super::import::DUPLICATE_KEY) {
            // "duplicate key \"name\" at line 1 column 9"
            let key = rest.split(" at line").next().unwrap_or(rest);
            ImportError::DuplicateKey {
                key: serde_json::from_str(key).unwrap_or_else(|_| key.to_owned()),
            }
        } else if text.contains("recursion limit") {
            ImportError::TooDeep
        } else {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            }
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
                "This file is too large to be a plan: {:.1} MB, and plans are at most {} MB.",
                *bytes as f64 / 1_048_576.0,
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
            ImportError::Invalid { path, problem } => {
                write!(
                    f,
                    "This plan file has a problem at {}: {}.",
                    clip(path),
                    plain(problem)
                )
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Text from a file, shortened before it is shown: a hostile file may hold megabytes.
fn clip(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// Serde's wording ("invalid type: string \"x\", expected u64") in plain words.
fn plain(problem: &str) -> String {
    let kind = |expected: &str| -> &'static str {
        match expected {
            e if e.contains("u64") || e.contains("u8") || e.contains("integer") => "a whole number",
            e if e.contains("bool") => "true or false",
            e if e.contains("sequence") => "a list",
            e if e.contains("struct") || e.contains("map") => "a group of fields",
            e if e.contains("string") => "text",
            _ => "a different kind of value",
        }
    };
    if let Some(rest) = problem
        .strip_prefix("invalid type: ")
        .or_else(|| problem.strip_prefix("invalid value: "))
    {
        if let Some((_, expected)) = rest.rsplit_once(", expected ") {
            return format!(
                "it has the wrong kind of value (it should be {})",
                kind(expected)
            );
        }
    }
    if let Some(rest) = problem.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or("");
        return format!(
            "\u{201c}{}\u{201d} is not one of the allowed choices",
            clip(value)
        );
    }
    if let Some(rest) = problem.strip_prefix("missing field `") {
        return format!(
            "the field \u{201c}{}\u{201d} is missing",
            rest.split('`').next().unwrap_or("")
        );
    }
    if let Some(rest) = problem.strip_prefix("unknown field `") {
        return format!(
            "it has a field \u{201c}{}\u{201d} that plans do not have",
            clip(rest.split('`').next().unwrap_or(""))
        );
    }
    if problem.starts_with("invalid length") {
        return "it has the wrong number of parts".into();
    }
    clip(problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_wording_becomes_plain() {
        let e = |p: &str| {
            ImportError::Invalid {
                path: "plan.funding[0].amount".into(),
                problem: p.into(),
            }
            .to_string()
        };
        assert_eq!(
            e("invalid type: string \"$25,000\", expected u64"),
            "This plan file has a problem at plan.funding[0].amount: it has the wrong kind of value (it should be a whole number)."
        );
        assert!(e("unknown variant `spaceship`, expected one of `a`, `b`")
            .contains("“spaceship” is not one of the allowed choices"));
        assert!(e("missing field `name`").contains("the field “name” is missing"));
        assert!(e(&"x".repeat(5000)).len() < 300, "long text is clipped");
    }
}
