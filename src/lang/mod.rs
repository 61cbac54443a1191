//! The app's words in English and Spanish (issue #18). Plain Rust, no browser API: the lowest
//! room of the house, used by `content`, `model` and the shell alike.
//!
//! The English text in the source is the key. `tr("Quick exit")` returns it as written while the
//! app speaks English, and its Spanish entry from the catalogue (`lang/es/*.json`, one object per
//! area, English → Spanish) once Spanish is chosen and the catalogue loaded. `tr!` fills named
//! placeholders (`tr!("Merged {count} changes", count = n)`), `trn!` chooses between a singular
//! and a plural sentence by a count (`trn!(n, "{n} member", "{n} members")`); in English and
//! Spanish alike the singular is for exactly one.
//!
//! Completeness is a test, not a fallback: `tests/catalogue.rs` reads every `tr`, `tr!` and
//! `trn!` in `src/` and fails if one has no Spanish entry, an entry is left over, or the Spanish
//! names other placeholders than the English. It also fails on bare text in a `view!`. See
//! docs/spanish.md.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::{Display, Write as _};
use std::sync::OnceLock;

/// A language the app speaks. The route names, the files and the plan's own text never depend
/// on it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "es")]
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag for `<html lang>` and for `Intl` (Spanish as written in the United States).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The tag `Intl` formats with.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::Es => "es-US",
        }
    }

    /// The language's own name, as the switch shows it ("English", "Español").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The first visit's language from the browser's preferred languages
    /// (`navigator.languages`): Spanish when the first one the app knows is Spanish (`es`,
    /// `es-US`, `es-419`…), English otherwise.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in preferred {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            match primary.as_str() {
                "es" => return Lang::Es,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }
}

/// The areas of the Spanish catalogue, one file each under `lang/es/` (served as
/// `lang/es/<area>.json`). A new area is added here and as a file; the catalogue test checks
/// that the two lists agree.
pub const AREAS: &[&str] = &["app", "content", "documents", "sections", "together"];

thread_local! {
    // Per thread: the page has one, and each native test its own, so tests cannot race.
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}
static SPANISH: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();

/// The language the app speaks now.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Whether `lang` can be spoken now (English always; Spanish once its catalogue is loaded).
pub fn ready(lang: Lang) -> bool {
    lang == Lang::En || SPANISH.get().is_some()
}

/// Speaks `lang` from now on. Refused (nothing changes) for Spanish before its catalogue is
/// loaded, so no screen is ever drawn half in one language.
pub fn set(lang: Lang) -> Result<(), CatalogueError> {
    if !ready(lang) {
        return Err(CatalogueError::NotLoaded);
    }
    CURRENT.with(|c| c.set(lang));
    Ok(())
}

/// Why the Spanish catalogue could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogueError {
    NotLoaded,
    /// One area's file is not an object of strings (its name, and serde's reason).
    Damaged(String, String),
}

/// Loads the Spanish catalogue from the areas' files, given as `(area, text)`. The first
/// complete load wins; a later call is a no-op. Kept for the life of the page: the strings are
/// leaked once so that `tr` can hand out `&'static str` like the English it replaces.
pub fn load_spanish<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), CatalogueError> {
    if SPANISH.get().is_some() {
        return Ok(());
    }
    let mut map = HashMap::new();
    for (area, text) in files {
        let entries: HashMap<String, String> = serde_json::from_str(text)
            .map_err(|e| CatalogueError::Damaged(area.to_owned(), e.to_string()))?;
        for (en, es) in entries {
            map.insert(&*en.leak(), &*es.leak());
        }
    }
    let _ = SPANISH.set(map);
    Ok(())
}

/// The app's words for `english` in the current language.
pub fn tr(english: &'static str) -> &'static str {
    if current() == Lang::Es {
        if let Some(es) = SPANISH.get().and_then(|m| m.get(english)) {
            return es;
        }
    }
    english
}

/// `trc!("verb", "Open")`: one English word with two meanings gets a context, so each can have its
/// own Spanish ("Open" the button, "Abrir"; "Open" the status, "Abierta"). The catalogue's key is
/// `"verb::Open"`; English shows "Open".
pub fn tr_in(key: &'static str, english: &'static str) -> &'static str {
    if current() == Lang::Es {
        if let Some(es) = SPANISH.get().and_then(|m| m.get(key)) {
            return es;
        }
    }
    english
}

/// `template` with each `{name}` replaced by its value; a placeholder without a value stays as
/// written (the catalogue test keeps the two languages' placeholders the same).
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_end = after.find('}').filter(|&end| {
            after[..end]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
        match name_end.and_then(|end| {
            values
                .iter()
                .find(|(name, _)| *name == &after[..end])
                .map(|(_, v)| (end, *v))
        }) {
            Some((end, value)) => {
                let _ = write!(out, "{value}");
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The sentence for a count: `one` for exactly one, `other` otherwise (English and Spanish
/// agree), translated, with `{n}` the count as the language writes numbers.
pub fn plural(n: u64, one: &'static str, other: &'static str) -> &'static str {
    tr(if n == 1 { one } else { other })
}

/// Formats the language writes dates, numbers and money in. The browser build installs ones
/// that ask `Intl` (`io::lang`); natively (tests) the plain forms below are used.
#[derive(Clone, Copy)]
pub struct Formats {
    /// A calendar date (year, month 1–12, day): "2 December 2026", "2 de diciembre de 2026".
    pub date: fn(Lang, i64, u32, u32) -> String,
    /// A month as a chart's column label: "Dec 2026", "dic 2026".
    pub short_month: fn(Lang, i64, u32) -> String,
    /// A date with a time of day (hour, minute).
    pub date_time: fn(Lang, i64, u32, u32, u32, u32) -> String,
    /// A whole number: "1,250".
    pub number: fn(Lang, i64) -> String,
    /// Whole US dollars: "$1,250,000".
    pub dollars: fn(Lang, u64) -> String,
}

static FORMATS: OnceLock<Formats> = OnceLock::new();

/// Installs the browser's formats (once, at start).
pub fn install_formats(formats: Formats) {
    let _ = FORMATS.set(formats);
}

fn formats() -> Formats {
    FORMATS.get().copied().unwrap_or(PLAIN)
}

/// "2 December 2026" in the current language.
pub fn date(year: i64, month: u32, day: u32) -> String {
    (formats().date)(current(), year, month, day)
}

/// "Dec 2026" in the current language.
pub fn short_month(year: i64, month: u32) -> String {
    (formats().short_month)(current(), year, month)
}

/// "2 December 2026, 19:53" in the current language.
pub fn date_time(year: i64, month: u32, day: u32, hour: u32, minute: u32) -> String {
    (formats().date_time)(current(), year, month, day, hour, minute)
}

/// "1,250" in the current language.
pub fn number(n: i64) -> String {
    (formats().number)(current(), n)
}

/// "$1,250,000" in the current language.
pub fn dollars(amount: u64) -> String {
    (formats().dollars)(current(), amount)
}

/// The forms used where there is no `Intl` (native tests): English's, and Spanish's long dates.
pub const PLAIN: Formats = Formats {
    date: plain_date,
    short_month: |lang, y, m| {
        let m = (m as usize).clamp(1, 12) - 1;
        let name = match lang {
            Lang::En => MONTHS_EN[m],
            Lang::Es => MONTHS_ES[m],
        };
        format!("{} {y}", name.get(0..3).unwrap_or(name))
    },
    date_time: |lang, y, m, d, hh, mm| format!("{}, {hh:02}:{mm:02}", plain_date(lang, y, m, d)),
    number: |_, n| grouped(n.unsigned_abs(), if n < 0 { "-" } else { "" }),
    dollars: |_, amount| grouped(amount, "$"),
};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

fn plain_date(lang: Lang, year: i64, month: u32, day: u32) -> String {
    let m = (month as usize).clamp(1, 12) - 1;
    match lang {
        Lang::En => format!("{day} {} {year}", MONTHS_EN[m]),
        Lang::Es => format!("{day} de {} de {year}", MONTHS_ES[m]),
    }
}

fn grouped(n: u64, prefix: &str) -> String {
    let digits = n.to_string();
    let mut out = String::from(prefix);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `en!("Prevention")`: marks English text that is shown through `tr` elsewhere (in a `const`
/// table, say, where `tr` cannot run), so the catalogue test knows it. It is the text itself.
#[macro_export]
macro_rules! en {
    ($english:literal) => {
        $english
    };
}

/// `trc!("verb", "Open")`: `english` in the sense `context` names (`lang::tr_in`).
#[macro_export]
macro_rules! trc {
    ($context:literal, $english:literal) => {
        $crate::lang::tr_in(concat!($context, "::", $english), $english)
    };
}

/// `tr!("Merged {count} changes from {name}", count = n, name = who)`: the template translated,
/// then each `{name}` filled with its value's `Display`.
#[macro_export]
macro_rules! tr {
    ($english:literal) => {
        $crate::lang::tr($english)
    };
    ($english:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::lang::fill(
            $crate::lang::tr($english),
            &[$((stringify!($name), &($value) as &dyn ::core::fmt::Display)),+],
        )
    };
}

/// `trn!(n, "{n} member", "{n} members")`: the singular sentence for exactly one, the plural
/// otherwise, translated, with `{n}` the count (written as the language writes numbers) and any
/// other named values filled in.
#[macro_export]
macro_rules! trn {
    ($n:expr, $one:literal, $other:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        let n = $n as u64;
        $crate::lang::fill(
            $crate::lang::plural(n, $one, $other),
            &[("n", &$crate::lang::number(n as i64) as &dyn ::core::fmt::Display)
                $(, (stringify!($name), &($value) as &dyn ::core::fmt::Display))*],
        )
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_chooses_spanish_only_for_spanish() {
        assert_eq!(Lang::from_browser(["es-US", "en"]), Lang::Es);
        assert_eq!(Lang::from_browser(["es"]), Lang::Es);
        assert_eq!(Lang::from_browser(["es_419"]), Lang::Es);
        assert_eq!(Lang::from_browser(["en-US", "es"]), Lang::En);
        assert_eq!(Lang::from_browser(["fr-FR", "es-MX"]), Lang::Es);
        assert_eq!(Lang::from_browser(["fr-FR"]), Lang::En);
        assert_eq!(Lang::from_browser([]), Lang::En);
    }

    #[test]
    fn fill_replaces_named_placeholders_only() {
        assert_eq!(
            fill("{n} of {total} {x}", &[("n", &"3"), ("total", &9)]),
            "3 of 9 {x}"
        );
        assert_eq!(fill("a { b } {", &[("b", &"no")]), "a { b } {");
        assert_eq!(fill("{a}{a}", &[("a", &"é")]), "éé");
    }

    #[test]
    fn plain_forms() {
        assert_eq!(plain_date(Lang::En, 2026, 12, 2), "2 December 2026");
        assert_eq!(plain_date(Lang::Es, 2026, 12, 2), "2 de diciembre de 2026");
        assert_eq!((PLAIN.dollars)(Lang::En, 1_250_000), "$1,250,000");
        assert_eq!((PLAIN.number)(Lang::Es, -1234), "-1,234");
    }

    #[test]
    fn english_is_the_key_and_spanish_replaces_it_once_loaded() {
        assert_eq!(set(Lang::Es), Err(CatalogueError::NotLoaded));
        assert_eq!(tr("Quick exit"), "Quick exit");
        assert!(matches!(
            load_spanish([("app", "[1]")]),
            Err(CatalogueError::Damaged(..))
        ));
        load_spanish([(
            "app",
            r#"{"Quick exit": "Salida rápida", "verb::Open": "Abrir", "{n} member": "{n} integrante", "{n} members": "{n} integrantes"}"#,
        )])
        .unwrap();
        set(Lang::Es).unwrap();
        assert_eq!(tr("Quick exit"), "Salida rápida");
        assert_eq!(crate::trc!("verb", "Open"), "Abrir");
        assert_eq!(tr("Open"), "Open");
        assert_eq!(crate::trn!(1, "{n} member", "{n} members"), "1 integrante");
        assert_eq!(
            crate::trn!(1500, "{n} member", "{n} members"),
            "1,500 integrantes"
        );
        set(Lang::En).unwrap();
        assert_eq!(crate::trn!(2, "{n} member", "{n} members"), "2 members");
        assert_eq!(
            crate::tr!("Merged {count} changes", count = 3),
            "Merged 3 changes"
        );
        assert_eq!(crate::trc!("verb", "Open"), "Open");
    }
}
