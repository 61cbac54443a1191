//! The export check against its corpus (`tests/fixtures/pii/`): every line of `caught.txt` is
//! flagged with its kind, and no line of `ordinary.txt` is flagged at all.

use partnership_planner::model::pii::{self, in_link, in_text};

fn lines(name: &str) -> Vec<String> {
    let path = format!("{}/tests/fixtures/pii/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn kind(key: &str) -> &'static str {
    match key {
        "email" => pii::EMAIL,
        "email-spelled" => pii::EMAIL_SPELLED,
        "email-link" => pii::EMAIL_LINK,
        "phone" => pii::PHONE,
        "ssn" => pii::SSN,
        "a-number" => pii::A_NUMBER,
        "birth-date" => pii::BIRTH_DATE,
        "date" => pii::DATE,
        "age" => pii::AGE,
        "address" => pii::ADDRESS,
        "case" => pii::CASE_NUMBER,
        _ => panic!("unknown kind {key:?} in caught.txt"),
    }
}

#[test]
fn every_caught_sample_is_flagged_with_its_kind() {
    let samples = lines("caught.txt");
    assert!(samples.len() >= 50, "the corpus is there");
    let mut failures = Vec::new();
    for line in &samples {
        let Some((key, sample)) = line.split_once(": ") else {
            panic!("not `kind: text`: {line:?}");
        };
        let (link, key) = match key.strip_prefix("link.") {
            Some(key) => (true, key),
            None => (false, key),
        };
        let want = kind(key);
        let got = if link {
            in_link(sample)
        } else {
            in_text(sample, key == "date")
        };
        if !got.contains(&want) {
            failures.push(format!("{line:?}: got {got:?}"));
        }
        if key == "date" && !in_text(sample, false).is_empty() {
            failures.push(format!(
                "{line:?}: a plain date outside survivor engagement"
            ));
        }
    }
    assert!(failures.is_empty(), "missed:\n{}", failures.join("\n"));
}

#[test]
fn no_ordinary_sample_is_flagged() {
    let samples = lines("ordinary.txt");
    assert!(samples.len() >= 40, "the corpus is there");
    let failures: Vec<String> = samples
        .iter()
        .filter_map(|line| {
            let got = match line.strip_prefix("link: ") {
                Some(url) => in_link(url),
                None => in_text(line, false),
            };
            (!got.is_empty()).then(|| format!("{line:?}: {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "flagged:\n{}", failures.join("\n"));
}

/// Each kind has samples, so a kind cannot silently drop out of the corpus.
#[test]
fn the_corpus_covers_every_kind() {
    let samples = lines("caught.txt");
    for key in [
        "email",
        "email-spelled",
        "email-link",
        "phone",
        "ssn",
        "a-number",
        "birth-date",
        "date",
        "age",
        "address",
        "case",
    ] {
        assert!(
            samples
                .iter()
                .any(|l| l.starts_with(&format!("{key}: "))
                    || l.starts_with(&format!("link.{key}: "))),
            "{key}"
        );
    }
}
