//! The browser's side of the app's two languages (`crate::lang`): the preferred languages of a
//! first visit, the Spanish catalogue's files (the app's own, served beside it and kept by the
//! offline worker), `Intl` for dates, numbers and money, and `<html lang>`.

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::lang::{self, CatalogueError, Formats, Lang};

/// The browser's preferred languages, most preferred first (`navigator.languages`).
pub fn browser_language() -> Lang {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::En;
    };
    let tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .collect();
    Lang::from_browser(tags.iter().map(String::as_str))
}

/// `<html lang>` follows the app's language, so screen readers pronounce it right.
pub fn mark_document(lang: Lang) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", lang.tag());
    }
}

/// Why the Spanish words could not be fetched, in both languages: the app cannot say it in
/// Spanish from its catalogue, and the person asked for Spanish.
pub fn describe(error: &CatalogueError) -> String {
    match error {
        CatalogueError::NotLoaded => "The Spanish words of the app could not be loaded. Check the \
             connection and try again. / No se pudo cargar el español de la aplicación. Revise la \
             conexión e inténtelo de nuevo."
            .to_owned(),
        CatalogueError::Damaged(area, _) => format!(
            "The Spanish words of the app could not be read (lang/es/{area}.json). Reload the \
             page to try again. / No se pudo leer el español de la aplicación \
             (lang/es/{area}.json). Vuelva a cargar la página para intentarlo de nuevo."
        ),
    }
}

async fn fetch_text(url: &str) -> Result<String, CatalogueError> {
    let window = web_sys::window().ok_or(CatalogueError::NotLoaded)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| CatalogueError::NotLoaded)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| CatalogueError::NotLoaded)?;
    if !response.ok() {
        return Err(CatalogueError::NotLoaded);
    }
    let text = response.text().map_err(|_| CatalogueError::NotLoaded)?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(CatalogueError::NotLoaded)
}

/// Makes `lang` speakable: for Spanish, fetches its catalogue's files (relative to the page,
/// so the app works from any folder) and loads them. English needs nothing.
pub async fn prepare(lang: Lang) -> Result<(), CatalogueError> {
    if lang::ready(lang) {
        return Ok(());
    }
    let mut files = Vec::new();
    for area in lang::AREAS {
        files.push((*area, fetch_text(&format!("lang/es/{area}.json")).await?));
    }
    lang::load_spanish(files.iter().map(|(a, t)| (*a, t.as_str())))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

fn locales(lang: Lang) -> Array {
    // English keeps the day-month-year order the app has always written ("2 December 2026").
    let tag = match lang {
        Lang::En => "en-GB",
        Lang::Es => lang.locale(),
    };
    Array::of1(&JsValue::from_str(tag))
}

/// The formats the app asks `Intl` for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Date,
    ShortMonth,
    Number,
    Dollars,
}

/// `value` as `Intl` writes it in `lang`. Each formatter is made once per language and kept
/// (a list of a thousand dates asks for the same one a thousand times).
fn formatted(kind: Kind, lang: Lang, value: &JsValue) -> Option<String> {
    thread_local! {
        static MADE: std::cell::RefCell<Vec<(Kind, Lang, js_sys::Function)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let cached = MADE.with(|m| {
        m.borrow()
            .iter()
            .find(|(k, l, _)| *k == kind && *l == lang)
            .map(|(.., f)| f.clone())
    });
    let format = match cached {
        Some(f) => f,
        None => {
            let date = |extra: &[(&str, &str)]| {
                let mut pairs = vec![("year", "numeric"), ("timeZone", "UTC")];
                pairs.extend_from_slice(extra);
                Intl::DateTimeFormat::new(&locales(lang), &options(&pairs)).format()
            };
            let f = match kind {
                Kind::Date => date(&[("month", "long"), ("day", "numeric")]),
                Kind::ShortMonth => date(&[("month", "short")]),
                Kind::Number => Intl::NumberFormat::new(&locales(lang), &options(&[])).format(),
                Kind::Dollars => Intl::NumberFormat::new(
                    &locales(lang),
                    &options(&[
                        ("style", "currency"),
                        ("currency", "USD"),
                        ("currencyDisplay", "narrowSymbol"),
                        ("maximumFractionDigits", "0"),
                    ]),
                )
                .format(),
            };
            MADE.with(|m| m.borrow_mut().push((kind, lang, f.clone())));
            f
        }
    };
    format.call1(&JsValue::NULL, value).ok()?.as_string()
}

/// A UTC midnight `Date` for a calendar day, or none for a day JavaScript cannot hold.
fn utc_day(year: i64, month: u32, day: u32) -> Option<js_sys::Date> {
    let iso = format!("{year:04}-{month:02}-{day:02}T00:00:00Z");
    let date = js_sys::Date::new(&JsValue::from_str(&iso));
    (!date.get_time().is_nan()).then_some(date)
}

fn intl_date(lang: Lang, year: i64, month: u32, day: u32) -> String {
    utc_day(year, month, day)
        .and_then(|d| formatted(Kind::Date, lang, &d))
        .unwrap_or_else(|| (lang::PLAIN.date)(lang, year, month, day))
}

/// The formats `Intl` gives each language, installed once at start (`crate::lang::Formats`).
pub fn install_formats() {
    lang::install_formats(Formats {
        date: intl_date,
        short_month: |lang, year, month| {
            utc_day(year, month, 15)
                .and_then(|d| formatted(Kind::ShortMonth, lang, &d))
                .unwrap_or_else(|| (lang::PLAIN.short_month)(lang, year, month))
        },
        date_time: |lang, y, m, d, hh, mm| format!("{}, {hh:02}:{mm:02}", intl_date(lang, y, m, d)),
        number: |lang, n| {
            formatted(Kind::Number, lang, &JsValue::from_f64(n as f64))
                .unwrap_or_else(|| (lang::PLAIN.number)(lang, n))
        },
        dollars: |lang, amount| {
            formatted(Kind::Dollars, lang, &JsValue::from_f64(amount as f64))
                .unwrap_or_else(|| (lang::PLAIN.dollars)(lang, amount))
        },
    });
}
