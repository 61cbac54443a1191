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

fn intl_date(lang: Lang, year: i64, month: u32, day: u32) -> String {
    let iso = format!("{year:04}-{month:02}-{day:02}T00:00:00Z");
    let date = js_sys::Date::new(&JsValue::from_str(&iso));
    if date.get_time().is_nan() {
        return (lang::PLAIN.date)(lang, year, month, day);
    }
    let format = Intl::DateTimeFormat::new(
        &locales(lang),
        &options(&[
            ("year", "numeric"),
            ("month", "long"),
            ("day", "numeric"),
            ("timeZone", "UTC"),
        ]),
    );
    format
        .format()
        .call1(&format, &date)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| (lang::PLAIN.date)(lang, year, month, day))
}

fn intl_number(lang: Lang, value: f64, money: bool) -> Option<String> {
    let pairs: &[(&str, &str)] = if money {
        &[
            ("style", "currency"),
            ("currency", "USD"),
            ("currencyDisplay", "narrowSymbol"),
            ("maximumFractionDigits", "0"),
        ]
    } else {
        &[]
    };
    let object = options(pairs);
    if money {
        let _ = Reflect::set(
            &object,
            &JsValue::from_str("maximumFractionDigits"),
            &JsValue::from_f64(0.0),
        );
    }
    let format = Intl::NumberFormat::new(&locales(lang), &object);
    format
        .format()
        .call1(&format, &JsValue::from_f64(value))
        .ok()
        .and_then(|s| s.as_string())
}

/// The formats `Intl` gives each language, installed once at start (`crate::lang::Formats`).
pub fn install_formats() {
    lang::install_formats(Formats {
        date: intl_date,
        short_month: |lang, year, month| {
            let iso = format!("{year:04}-{month:02}-15T00:00:00Z");
            let date = js_sys::Date::new(&JsValue::from_str(&iso));
            let format = Intl::DateTimeFormat::new(
                &locales(lang),
                &options(&[("year", "numeric"), ("month", "short"), ("timeZone", "UTC")]),
            );
            format
                .format()
                .call1(&format, &date)
                .ok()
                .and_then(|s| s.as_string())
                .filter(|_| !date.get_time().is_nan())
                .unwrap_or_else(|| (lang::PLAIN.short_month)(lang, year, month))
        },
        date_time: |lang, y, m, d, hh, mm| format!("{}, {hh:02}:{mm:02}", intl_date(lang, y, m, d)),
        number: |lang, n| {
            intl_number(lang, n as f64, false).unwrap_or_else(|| (lang::PLAIN.number)(lang, n))
        },
        dollars: |lang, amount| {
            intl_number(lang, amount as f64, true)
                .unwrap_or_else(|| (lang::PLAIN.dollars)(lang, amount))
        },
    });
}
