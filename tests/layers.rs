//! The one dependency rule (README, "How the code is laid out"): `content` is data and uses
//! nothing of the app; `model` uses `content` and never the browser shell; `route` uses only
//! those two. Read from the source, so a new import that breaks the rule fails here.

use std::fs;
use std::path::Path;

/// Every `crate::…` or `super::…`-reaching path named in the `.rs` files under `dir`.
fn uses(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        panic!("cannot list {}", dir.display());
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            uses(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                let mut rest = line;
                while let Some(i) = rest.find("crate::") {
                    let module: String = rest[i + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    out.push((format!("{}:{}", path.display(), n + 1), module));
                    rest = &rest[i + 7..];
                }
            }
        }
    }
}

/// `crate::tr!`, `crate::trn!`, `crate::trc!` and `crate::en!` are the `lang` module's macros
/// (exported at the crate's root).
fn module_of(name: String) -> String {
    match name.as_str() {
        "tr" | "trn" | "trc" | "en" => "lang".to_owned(),
        _ => name,
    }
}

fn assert_uses_only(module: &str, allowed: &[&str]) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let dir = src.join(module);
    if dir.is_dir() {
        uses(&dir, &mut found);
    }
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            if let Some(i) = line.find("crate::") {
                let m: String = line[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                found.push((format!("{}:{}", file.display(), n + 1), m));
            }
        }
    }
    let wrong: Vec<_> = found
        .into_iter()
        .map(|(at, m)| (at, module_of(m)))
        .filter(|(_, m)| m != module && !allowed.contains(&m.as_str()))
        .collect();
    assert!(
        wrong.is_empty(),
        "{module} may use only {allowed:?}; found {wrong:?}"
    );
}

#[test]
fn content_uses_nothing_of_the_app() {
    assert_uses_only("content", &["lang"]);
}

#[test]
fn lang_uses_nothing_of_the_app() {
    assert_uses_only("lang", &[]);
}

#[test]
fn model_uses_only_content() {
    assert_uses_only("model", &["content", "lang"]);
}

#[test]
fn route_uses_only_content_and_model() {
    assert_uses_only("route", &["content", "model", "lang"]);
}
