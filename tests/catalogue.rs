//! The Spanish catalogue is complete (issue #18): every English text the source hands to `tr`,
//! `tr!`, `trn!`, `trc!` (key `context::English`) or marks with `en!` has a Spanish entry in `lang/es/<area>.json`, no entry is
//! left over from text that changed, both languages name the same placeholders, and no `view!`
//! shows bare text (text and the visible attributes go through `tr`). Read from the source with
//! proc-macro2's tokenizer, so text inside `view!` counts like any other.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn literal_text(tree: &TokenTree) -> Option<String> {
    match tree {
        TokenTree::Literal(lit) => syn::parse_str::<syn::LitStr>(&lit.to_string())
            .ok()
            .map(|s| s.value()),
        // A literal that came out of a macro's own expansion is wrapped in a `None` group.
        TokenTree::Group(g) if g.delimiter() == Delimiter::None => g
            .stream()
            .into_iter()
            .next()
            .as_ref()
            .and_then(literal_text),
        _ => None,
    }
}

/// The comma-separated arguments of a call's group.
fn arguments(group: &proc_macro2::Group) -> Vec<Vec<TokenTree>> {
    let mut args = vec![Vec::new()];
    for t in group.stream() {
        match &t {
            TokenTree::Punct(p) if p.as_char() == ',' => args.push(Vec::new()),
            _ => args.last_mut().map_or((), |a| a.push(t)),
        }
    }
    args
}

#[derive(Default)]
struct Found {
    /// English key → where it was first seen.
    keys: BTreeMap<String, String>,
    /// Problems (bare text in a view, a call without a literal).
    problems: Vec<String>,
}

/// Attributes people see or hear: their values must be translated.
const VISIBLE_ATTRIBUTES: &[&str] = &[
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "aria-placeholder",
    "title",
    "placeholder",
    "alt",
    "label",
];

fn scan(stream: TokenStream, at: &str, in_view: bool, found: &mut Found) {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    for (i, t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        let after = tokens.get(i + 2);
        match t {
            TokenTree::Ident(id) => {
                let name = id.to_string();
                let bang = matches!(next, Some(TokenTree::Punct(p)) if p.as_char() == '!');
                let group = match (bang, next, after) {
                    (false, Some(TokenTree::Group(g)), _) => Some(g),
                    (true, _, Some(TokenTree::Group(g))) => Some(g),
                    _ => None,
                };
                let Some(group) = group else { continue };
                let args = arguments(group);
                let first = args.first().and_then(|a| a.first());
                match (name.as_str(), bang) {
                    ("tr", _) | ("en", true) => match first.and_then(literal_text) {
                        Some(k) => {
                            found.keys.entry(k).or_insert_with(|| at.to_owned());
                        }
                        None if bang => found
                            .problems
                            .push(format!("{at}: {name}! needs a string literal")),
                        // `tr(text)` of a text marked with `en!` where it is defined.
                        None => {}
                    },
                    ("trc", true) => {
                        let context = first.and_then(literal_text);
                        let english = args.get(1).and_then(|a| a.first()).and_then(literal_text);
                        match (context, english) {
                            (Some(c), Some(e)) => {
                                found
                                    .keys
                                    .entry(format!("{c}::{e}"))
                                    .or_insert_with(|| at.to_owned());
                            }
                            _ => found
                                .problems
                                .push(format!("{at}: trc! needs two string literals")),
                        }
                    }
                    ("trn", true) => {
                        for arg in [args.get(1), args.get(2)] {
                            match arg.and_then(|a| a.first()).and_then(literal_text) {
                                Some(k) => {
                                    found.keys.entry(k).or_insert_with(|| at.to_owned());
                                }
                                None => found
                                    .problems
                                    .push(format!("{at}: trn! needs two string literals")),
                            }
                        }
                    }
                    _ => {}
                }
            }
            TokenTree::Literal(_) if in_view => {
                let Some(text) = literal_text(t) else {
                    continue;
                };
                if !text.chars().any(char::is_alphabetic) {
                    continue;
                }
                // `name="value"`: an attribute; only the visible ones need translating.
                let is_attr =
                    i > 0 && matches!(&tokens[i - 1], TokenTree::Punct(p) if p.as_char() == '=');
                if is_attr {
                    let mut name = Vec::new();
                    let mut j = i - 1;
                    while j > 0 {
                        j -= 1;
                        match &tokens[j] {
                            TokenTree::Ident(id) => name.push(id.to_string()),
                            TokenTree::Punct(p) if p.as_char() == '-' || p.as_char() == ':' => {
                                name.push(p.as_char().to_string())
                            }
                            _ => break,
                        }
                        if j == 0 {
                            break;
                        }
                    }
                    name.reverse();
                    let name = name.concat();
                    let name = name.rsplit(':').next().unwrap_or(&name).to_owned();
                    if VISIBLE_ATTRIBUTES.contains(&name.as_str()) {
                        found
                            .problems
                            .push(format!("{at}: attribute {name}={text:?} is not translated"));
                    }
                } else {
                    found
                        .problems
                        .push(format!("{at}: bare text in view!: {text:?}"));
                }
            }
            TokenTree::Group(g) => {
                // Inside `view! { … }` the braces are Rust again; a `view!` inside them is found
                // by its own name.
                let is_view = i >= 2
                    && matches!(&tokens[i - 2], TokenTree::Ident(id) if id == "view")
                    && matches!(&tokens[i - 1], TokenTree::Punct(p) if p.as_char() == '!');
                // Only the top level of a `view!` is markup: any group inside it (an attribute's
                // `tr("…")`, a `{…}` block) is Rust.
                let inner = is_view;
                scan(g.stream(), at, inner, found);
            }
            _ => {}
        }
    }
}

fn source_keys() -> Found {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut found = Found::default();
    for file in files {
        // The catalogue's own module defines the macros and tests them with examples.
        if file.starts_with(root().join("src/lang")) {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap_or_default();
        let stream = TokenStream::from_str(&text)
            .unwrap_or_else(|e| panic!("cannot read {}: {e:?}", file.display()));
        let at = file
            .strip_prefix(root())
            .unwrap_or(&file)
            .display()
            .to_string();
        scan(stream, &at, false, &mut found);
    }
    found
}

fn areas() -> Vec<String> {
    let text = fs::read_to_string(root().join("src/lang/mod.rs")).unwrap_or_default();
    let line = text
        .lines()
        .find(|l| l.starts_with("pub const AREAS"))
        .expect("src/lang/mod.rs names the catalogue's AREAS");
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Every entry of every area file: English → (Spanish, area).
fn catalogue() -> BTreeMap<String, (String, String)> {
    let dir = root().join("lang/es");
    let mut on_disk: Vec<String> = fs::read_dir(&dir)
        .expect("lang/es/ exists")
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .map(str::to_owned)
        })
        .collect();
    on_disk.sort();
    let mut listed = areas();
    listed.sort();
    assert_eq!(on_disk, listed, "lang/es/*.json and lang::AREAS must agree");
    let mut all = BTreeMap::new();
    let mut duplicates = Vec::new();
    for area in listed {
        let text = fs::read_to_string(dir.join(format!("{area}.json"))).unwrap_or_default();
        let entries: BTreeMap<String, String> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("lang/es/{area}.json is not an object of strings: {e}"));
        for (en, es) in entries {
            if let Some((_, other)) = all.insert(en.clone(), (es, area.clone())) {
                duplicates.push(format!("{en:?} in {other} and {area}"));
            }
        }
    }
    assert!(
        duplicates.is_empty(),
        "keep each text in one area: {duplicates:#?}"
    );
    all
}

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(end) = rest.find('}') {
            let name = &rest[..end];
            if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                out.insert(name.to_owned());
            }
        }
    }
    out
}

#[test]
fn every_text_the_app_shows_has_its_spanish() {
    let found = source_keys();
    let catalogue = catalogue();
    let missing: Vec<_> = found
        .keys
        .iter()
        .filter(|(k, _)| !catalogue.contains_key(*k))
        .map(|(k, at)| format!("{at}: {k:?}"))
        .collect();
    assert!(
        missing.is_empty(),
        "{} texts have no Spanish in lang/es/: {missing:#?}",
        missing.len()
    );
}

#[test]
fn no_spanish_entry_is_left_over() {
    let found = source_keys();
    let stale: Vec<_> = catalogue()
        .into_iter()
        .filter(|(k, _)| !found.keys.contains_key(k))
        .map(|(k, (_, area))| format!("{area}: {k:?}"))
        .collect();
    assert!(
        stale.is_empty(),
        "entries no source text uses (the English changed?): {stale:#?}"
    );
}

#[test]
fn both_languages_name_the_same_placeholders_and_spanish_is_never_empty() {
    let wrong: Vec<_> = catalogue()
        .into_iter()
        .filter(|(en, (es, _))| es.trim().is_empty() || placeholders(en) != placeholders(es))
        .map(|(en, (es, area))| format!("{area}: {en:?} → {es:?}"))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn views_show_no_bare_text() {
    let found = source_keys();
    assert!(
        found.problems.is_empty(),
        "{} places show text that is not translated: {:#?}",
        found.problems.len(),
        found.problems
    );
}
