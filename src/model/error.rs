//! Why a stored value or a file could not be read as a plan, in words a coordinator can act on.

use std::fmt;

use super::envelope::SCHEMA_VERSION;
use super::json::{clip, JsonError};
use crate::lang::tr;

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
            ImportError::Empty => f.write_str(tr("This is not a plan file: it is empty.")),
            ImportError::Unreadable => f.write_str(tr(
                "This file could not be read. It may have been moved or deleted; choose it again.",
            )),
            ImportError::TooLarge { bytes } => f.write_str(&crate::tr!(
                "This file is too large to be a plan: {size} MB, and plans are at most {max} MB.",
                size = super::rules::one_decimal(*bytes, 1_048_576),
                max = super::import::MAX_IMPORT_BYTES / 1_048_576
            )),
            ImportError::NotUtf8 { utf16: true, .. } => f.write_str(tr(
                "This is not a plan file: it is saved as UTF-16 text, and plans are UTF-8. \
                 Export the plan again from Partnership Planner rather than re-saving it.",
            )),
            ImportError::NotUtf8 { offset, .. } => f.write_str(&crate::tr!(
                "This is not a plan file: it is not UTF-8 text (the first unreadable byte is \
                 at position {offset}). It may have been re-saved by another program; export \
                 it again from Partnership Planner.",
                offset = offset
            )),
            ImportError::DuplicateKey { key } => f.write_str(&crate::tr!(
                "This plan file is damaged: the field \"{key}\" appears twice in one place, so \
                 it cannot be known which is meant.",
                key = key
            )),
            ImportError::NotJson { line, column } => f.write_str(&crate::tr!(
                "This is not a plan file, or it was cut short: it cannot be read past line \
                 {line}, column {column}.",
                line = line,
                column = column
            )),
            ImportError::TooDeep => f.write_str(tr(
                "This is not a plan file: it is nested far deeper than any plan.",
            )),
            // `why` is marked with `en!` where it is made (`model::envelope`).
            ImportError::NotAPlan(why) => f.write_str(&crate::tr!(
                "This is not a plan file: {why}.",
                why = tr(why)
            )),
            ImportError::Encrypted => f.write_str(tr(
                "This plan is protected with a passphrase. Open it with \"Import plan\" to enter \
                 the passphrase.",
            )),
            ImportError::NewerVersion { found } => f.write_str(&crate::tr!(
                "This plan was made with a newer version of Partnership Planner (format \
                 {found}; this one reads up to {version}). Ask the sender to export \
                 again, or update.",
                found = found,
                version = SCHEMA_VERSION
            )),
            // The problem is the app's own words (`model::json`, `Plan::check`), with any text
            // from the file in it already shortened; the path may hold any key from the file.
            ImportError::Invalid { path, problem } => f.write_str(&crate::tr!(
                "This plan file has a problem at {place}: {problem}.",
                place = place(path),
                problem = problem
            )),
        }
    }
}

impl std::error::Error for ImportError {}

/// Where in a plan file a path (`plan.actions[3].due`) points, in the words of the screens:
/// "Action item 4, field “Due date”".
pub fn place(path: &str) -> String {
    let Some(rest) = path.strip_prefix("plan.") else {
        return clip(path);
    };
    if let Some(id) = rest.strip_prefix("answers.") {
        let id = id.strip_suffix(".text").unwrap_or(id);
        return match crate::content::question(id) {
            Some(q) => crate::tr!(
                "the answer to \u{201c}{question}\u{201d}",
                question = tr(q.label)
            ),
            None => crate::tr!("the answer {id}", id = clip(id)),
        };
    }
    let (head, field) = rest.split_once('.').unwrap_or((rest, ""));
    let (list, index) = match head.split_once('[') {
        Some((list, i)) => (list, i.trim_end_matches(']').parse::<usize>().ok()),
        None => (head, None),
    };
    match (super::fields::spec_by_key(list), index) {
        (Some(spec), Some(i)) => {
            let item = capitalized(tr(spec.noun));
            let number = i + 1;
            let key = field.split(['.', '[']).next().unwrap_or("");
            if key.is_empty() {
                return crate::tr!("{item} {number}", item = item, number = number);
            }
            let label = spec
                .fields
                .iter()
                .find(|f| f.field.key() == key)
                .map_or_else(|| clip(key), |f| tr(f.label).to_owned());
            crate::tr!(
                "{item} {number}, field \u{201c}{label}\u{201d}",
                item = item,
                number = number,
                label = label
            )
        }
        (Some(spec), None) => crate::tr!("the list of {items}", items = tr(spec.plural)),
        _ => match rest {
            "name" => tr("the partnership's name").into(),
            "id" => tr("the plan's id").into(),
            "created" => tr("the time the plan was created").into(),
            "modified" => tr("the time the plan was last changed").into(),
            other => clip(&format!("plan.{other}")),
        },
    }
}

/// "member organization" → "Member organization" (the app's own nouns; only an ASCII first
/// letter is capitalized, as the wasm carries no Unicode case tables).
fn capitalized(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_the_place_in_the_screens_words() {
        let e = ImportError::Invalid {
            path: "plan.actions[3].due".into(),
            problem: "expected text, found a number".into(),
        };
        assert_eq!(
            e.to_string(),
            "This plan file has a problem at Action item 4, field \u{201c}Due date\u{201d}: \
             expected text, found a number."
        );
        assert_eq!(
            place("plan.members[0].ssn"),
            "Member organization 1, field \u{201c}ssn\u{201d}"
        );
        assert_eq!(place("plan.members"), "the list of member organizations");
        assert_eq!(place("plan.name"), "the partnership's name");
        assert!(place("plan.answers.define.vision.text").starts_with("the answer to \u{201c}"));
    }

    #[test]
    fn a_problem_names_the_place_shortened() {
        let e = ImportError::Invalid {
            path: format!("plan.answers.{}", "x".repeat(5000)),
            problem: "is not a question of this toolkit".into(),
        }
        .to_string();
        assert!(e.starts_with("This plan file has a problem at the answer xxx"));
        assert!(e.ends_with("…: is not a question of this toolkit."));
        assert!(e.len() < 200, "long text is clipped");
    }
}
