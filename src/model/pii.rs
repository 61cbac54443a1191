//! The check before export: free text anywhere except the member roster's own contact fields,
//! and every resource link, should hold no personal details (contact details, birth dates, ages
//! next to names, street addresses, ID and case numbers), since survivor-engagement notes and
//! the rest of the plan are meant to hold aggregate information only.
//!
//! Heuristic, and said to be so: hand-written patterns (no regex engine, for the wasm's size),
//! tested against a corpus of true and false positives (`tests/fixtures/pii/`). Public hotline
//! numbers are flagged like any phone number; grant numbers (`2023-VT-BX-0056`), years, year
//! ranges, dollar amounts, percentages, times and `24/7` are not. The warning never blocks.

use super::fields::{spec, Input};
use super::items::ListKind;
use super::items::{Field, FieldValue, MemberField, ResourceField};
use super::plan::Plan;
use crate::content::{question, FunctionKind, Section};

/// Something that looks like personal details, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Where, in the words of the screen ("Survivor engagement › How will survivor experts be paid?").
    pub place: String,
    /// What it looks like, one of the constants below ("a phone number").
    pub kind: &'static str,
}

pub const EMAIL: &str = crate::en!("an email address");
pub const EMAIL_SPELLED: &str = crate::en!("an email address written out");
pub const EMAIL_LINK: &str = crate::en!("an email link (mailto:)");
pub const PHONE: &str = crate::en!("a phone number");
pub const SSN: &str = crate::en!("a social security number");
pub const A_NUMBER: &str = crate::en!("an A-number (immigration file number)");
pub const BIRTH_DATE: &str = crate::en!("a birth date");
pub const DATE: &str = crate::en!("a date (may be a birth date)");
pub const AGE: &str = crate::en!("an age next to a name");
pub const ADDRESS: &str = crate::en!("a street address");
pub const CASE_NUMBER: &str = crate::en!("a case number");

/// Personal details outside members' Email, Phone and Contact person fields: every answer,
/// function note and typed list field, and every resource link. One finding per kind per field.
pub fn scan(plan: &Plan) -> Vec<Finding> {
    use crate::lang::tr;
    let mut found = Vec::new();
    let mut add = |place: &str, kinds: Vec<&'static str>| {
        for kind in kinds {
            found.push(Finding {
                place: place.to_owned(),
                kind,
            });
        }
    };
    add(tr("Partnership name"), in_text(&plan.name, false));
    for (id, answer) in &plan.answers {
        let (place, survivors) = match question(id) {
            Some(q) => (
                format!("{} › {}", q.section.title(), tr(q.label)),
                q.section == Section::Survivors,
            ),
            None if id.starts_with("mou.") => {
                (format!("{} › {}", tr("MOU draft"), &id[4..]), false)
            }
            None => (id.clone(), false),
        };
        add(&place, in_text(&answer.text, survivors));
    }
    for &kind in FunctionKind::ALL {
        if let Some(f) = plan.function(kind) {
            add(
                &format!("{} › {}", tr("Functions"), kind.label()),
                in_text(&f.note, false),
            );
        }
    }
    for list in ListKind::ALL {
        let spec = spec(list);
        for (i, id) in plan.item_ids(list).iter().enumerate() {
            // Progress notes are typed text too, one check per note.
            for field in spec.fields.iter().filter(|f| f.input == Input::Notes) {
                if let Some(FieldValue::Notes(notes)) = plan.field(id, field.field) {
                    for note in notes {
                        add(
                            &format!("{} {} › {}", tr(spec.heading), i + 1, tr(field.label)),
                            in_text(&note.text, false),
                        );
                    }
                }
            }
            for field in spec.fields.iter().filter(|f| f.input.is_typed_text()) {
                // The roster is where work contacts belong.
                if matches!(
                    field.field,
                    Field::Members(MemberField::Email | MemberField::Phone | MemberField::Contact)
                ) {
                    continue;
                }
                if let Some(FieldValue::Text(text)) = plan.field(id, field.field) {
                    let kinds = if field.field == Field::Resources(ResourceField::Url) {
                        in_link(&text)
                    } else {
                        in_text(&text, false)
                    };
                    add(
                        &format!("{} {} › {}", tr(spec.heading), i + 1, tr(field.label)),
                        kinds,
                    );
                }
            }
        }
    }
    found
}

/// The kinds of personal details `text` seems to hold, each once, in a fixed order. With
/// `any_date` (survivor-engagement answers) every numeric date counts, not only one next to
/// "born", "DOB" or "birth".
pub fn in_text(text: &str, any_date: bool) -> Vec<&'static str> {
    // Scanned as bytes: every pattern is ASCII, and any byte beyond ASCII counts as a letter
    // (no Unicode tables in the wasm). Dashes and no-break spaces are read as ASCII first.
    let plain: String;
    let mut t = text.as_bytes();
    if !text.is_ascii() {
        plain = text
            .chars()
            .map(|c| match c {
                '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
                '\u{a0}' | '\u{202f}' => ' ',
                c => c,
            })
            .collect();
        t = plain.as_bytes();
    }
    let mut kinds = Vec::new();
    let mut add = |kind| {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    };
    if has_email(text) {
        add(EMAIL);
    }
    if spelled_email(text) {
        add(EMAIL_SPELLED);
    }
    for chain in chains(t) {
        if let Some(kind) = chain_kind(t, &chain, any_date) {
            add(kind);
        }
    }
    if a_number(t) {
        add(A_NUMBER);
    }
    if age_by_name(t) {
        add(AGE);
    }
    let words = words(t);
    if street_address(t, &words) {
        add(ADDRESS);
    }
    if case_number(t, &words) {
        add(CASE_NUMBER);
    }
    kinds
}

/// The kinds in a resource's link: a `mailto:` link is someone's address; the rest of the link
/// is read as text (with `%40` read as `@`).
pub fn in_link(url: &str) -> Vec<&'static str> {
    let url = url.trim();
    let text = url.replace("%40", "@");
    let mut kinds = in_text(&text, false);
    if url
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"))
    {
        kinds.retain(|&k| k != EMAIL);
        kinds.insert(0, EMAIL_LINK);
    }
    kinds
}

/// `name@host.tld`: a word, an @, and a host with a dot.
fn has_email(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || "<>()[],;:\"'".contains(c))
        .any(|word| {
            let Some((user, host)) = word.split_once('@') else {
                return false;
            };
            let host = host.trim_end_matches('.');
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        })
}

/// A letter or digit; any byte beyond ASCII counts as a letter.
fn alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn alpha(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// A capital letter: ASCII, or any letter beyond ASCII (`Élodie`).
fn upper(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0x80
}

/// Whether `needle` occurs in `hay`, ignoring ASCII case (`needle` in lower case).
fn has(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// `t[at..]` starts with `s`, ignoring ASCII case.
fn starts(t: &[u8], at: usize, s: &[u8]) -> bool {
    t.get(at..at + s.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(s))
}

/// Top-level domains an address written out is likely to end in.
const TLDS: [&str; 20] = [
    "com", "org", "net", "edu", "gov", "us", "io", "info", "co", "me", "biz", "mil", "uk", "ca",
    "mx", "de", "fr", "es", "au", "in",
];

/// `name at gmail dot com`, `name [at] domain [dot] org`, `name (at) domain.org`,
/// `name @ domain . org`. A plain "at" counts only with a written "dot" (so "visit us at
/// coalition.org" is not an address) and not before "the", "our" and the like.
fn spelled_email(text: &str) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum Tok<'a> {
        At(bool),
        Dot,
        Word(&'a str),
        Other,
    }
    let mut s = text.to_ascii_lowercase();
    for (marks, to) in [
        (["[at]", "(at)", "{at}", "<at>", "[@]", "(@)"], " \u{1}a "),
        (
            ["[dot]", "(dot)", "{dot}", "<dot>", "[.]", "(.)"],
            " \u{1}d ",
        ),
    ] {
        for mark in marks {
            if s.contains(mark) {
                s = s.replace(mark, to);
            }
        }
    }
    let toks: Vec<Tok> = s
        .split_ascii_whitespace()
        .map(|w| match w {
            "\u{1}a" | "@" => Tok::At(true),
            "at" => Tok::At(false),
            "\u{1}d" | "." | "dot" => Tok::Dot,
            _ => {
                let w = w.trim_matches(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric());
                if !w.is_empty() && w.bytes().all(|b| alnum(b) || b"._-+".contains(&b)) {
                    Tok::Word(w)
                } else {
                    Tok::Other
                }
            }
        })
        .collect();
    let label = |w: &str| !w.is_empty() && w.bytes().all(|b| alnum(b) || b == b'-');
    (0..toks.len()).any(|i| {
        let (Tok::Word(_), Some(&Tok::At(strong))) = (toks[i], toks.get(i + 1)) else {
            return false;
        };
        let mut labels: Vec<&str> = Vec::new();
        let mut j = i + 2;
        while let Some(&Tok::Word(w)) = toks.get(j) {
            if w.contains('.') && !strong {
                break;
            }
            labels.extend(w.split('.'));
            j += 1;
            if toks.get(j) != Some(&Tok::Dot) {
                break;
            }
            j += 1;
        }
        let stop = [
            "the", "a", "an", "this", "that", "our", "your", "their", "its", "his", "her",
        ];
        labels.len() >= 2
            && labels.iter().all(|l| label(l))
            && labels.last().is_some_and(|l| TLDS.contains(l))
            && (strong || !stop.contains(&labels[0]))
    })
}

/// Bytes that may sit between the digit groups of one number (`(720) 555-0134`, `03/04/2009`,
/// `720 - 555 - 0134`), at most three in a row.
const SEPARATORS: &[u8] = b" -.()/";

/// Digit runs joined by short separators: one written number, as `[start, end)` of each run.
fn chains(t: &[u8]) -> Vec<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !t[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut runs = Vec::new();
        let mut start = i;
        loop {
            let mut end = start;
            while end < t.len() && t[end].is_ascii_digit() {
                end += 1;
            }
            runs.push((start, end));
            let mut k = end;
            while k < t.len() && k - end < 3 && SEPARATORS.contains(&t[k]) {
                k += 1;
            }
            if k > end && t.get(k).is_some_and(u8::is_ascii_digit) {
                start = k;
            } else {
                i = end;
                break;
            }
        }
        out.push(runs);
    }
    out
}

fn number(t: &[u8]) -> u32 {
    t.iter()
        .take(9)
        .filter(|b| b.is_ascii_digit())
        .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

fn is_year(n: u32) -> bool {
    (1900..=2099).contains(&n)
}

/// What one written number is: a date (next to "born", or anywhere with `any_date`), a social
/// security number, an A-number after its name, a phone number; or nothing.
fn chain_kind(t: &[u8], chain: &[(usize, usize)], any_date: bool) -> Option<&'static str> {
    let first = chain.first()?.0;
    let last = chain.last()?.1;
    let at = |i: Option<usize>| i.and_then(|i| t.get(i)).copied();
    let before = at(first.checked_sub(1));
    let after = at(Some(last));
    // Glued to a word, an amount or another number: an id, a version, `$1,250`, `10%`.
    let digit_at = |i: Option<usize>| at(i).is_some_and(|c| c.is_ascii_digit());
    if before.is_some_and(|c| alnum(c) || b"$#_".contains(&c))
        || after.is_some_and(|c| alnum(c) || b"%_".contains(&c))
        || (before.is_some_and(|c| c == b',' || c == b'.') && digit_at(first.checked_sub(2)))
        || (after == Some(b',') && digit_at(Some(last + 1)))
    {
        return None;
    }
    let runs: Vec<&[u8]> = chain.iter().map(|&(s, e)| &t[s..e]).collect();
    let lens: Vec<usize> = runs.iter().map(|r| r.len()).collect();
    let n: Vec<u32> = runs.iter().map(|r| number(r)).collect();
    let seps: Vec<&[u8]> = chain.windows(2).map(|w| &t[w[0].1..w[1].0]).collect();
    let total: usize = lens.iter().sum();
    let same_seps = |allowed: &[u8]| {
        seps.iter()
            .all(|s| s.len() == 1 && allowed.contains(&s[0]) && s == &seps[0])
    };
    let near = |words: &[&str]| {
        let before = &t[first.saturating_sub(25)..first];
        words.iter().any(|w| has(before, w.as_bytes()))
    };

    // Dates: d/m/y or m/d/y (2- or 4-digit year), and y-m-d.
    if lens.len() == 3 && same_seps(b"/-.") {
        let dmy = lens[0] <= 2
            && lens[1] <= 2
            && (lens[2] == 2 || (lens[2] == 4 && is_year(n[2])))
            && (1..=31).contains(&n[0])
            && (1..=31).contains(&n[1])
            && n[0].min(n[1]) <= 12;
        let ymd = lens[0] == 4
            && is_year(n[0])
            && lens[1] <= 2
            && lens[2] <= 2
            && (1..=12).contains(&n[1])
            && (1..=31).contains(&n[2]);
        if dmy || ymd {
            return if birth_words_near(t, first, last) {
                Some(BIRTH_DATE)
            } else if any_date {
                Some(DATE)
            } else {
                None
            };
        }
    }
    if lens == [3, 2, 4] && same_seps(b"- ") {
        return Some(SSN);
    }
    if lens == [9] && near(&["ssn", "social security", "ss#", "ss #"]) {
        return Some(SSN);
    }
    let nine_ish = matches!(lens.as_slice(), [8] | [9] | [3, 3, 3] | [2, 3, 3]);
    if nine_ish && same_seps(b"- ") && near(&["a-number", "a number", "alien", "a#", "uscis"]) {
        return Some(A_NUMBER);
    }

    // Phone numbers.
    let hard = |s: &&[u8]| s.iter().filter(|c| b"-.".contains(c)).count();
    if seps.iter().any(|s| s.contains(&b'/') || hard(s) > 1) {
        return None;
    }
    let plus =
        before == Some(b'+') || (before == Some(b' ') && at(first.checked_sub(2)) == Some(b'+'));
    let nanp = match lens.as_slice() {
        [3, 3, 4] | [10] | [3, 7] => true,
        [1, 3, 3, 4] | [11] => runs[0][0] == b'1',
        // 7 digits (`555-0134`): the exchange starts 2-9; `250-1000` is a range.
        [3, 4] => {
            seps[0].len() == 1
                && b"-. ".contains(&seps[0][0])
                && (b'2'..=b'9').contains(&runs[0][0])
                && !(n[1] % 100 == 0 && n[1] > n[0])
        }
        _ => false,
    };
    let long = (10..=15).contains(&total)
        && seps.iter().all(|s| s.len() <= 2)
        && !lens.iter().zip(&n).any(|(&l, &v)| l == 4 && is_year(v));
    (nanp || long || (plus && (8..=15).contains(&total))).then_some(PHONE)
}

/// "born", "DOB", "D.O.B." or a word starting "birth" within 40 bytes before a date or 20
/// after it.
fn birth_words_near(t: &[u8], first: usize, last: usize) -> bool {
    let before = &t[first.saturating_sub(40)..first];
    let after = &t[last..(last + 20).min(t.len())];
    [before, after].iter().any(|part| {
        part.split(|&b| !(alnum(b) || b == b'.')).any(|w| {
            let w = w.strip_suffix(b".").unwrap_or(w);
            starts(w, 0, b"birth")
                || [&b"born"[..], b"dob", b"d.o.b"]
                    .iter()
                    .any(|k| w.eq_ignore_ascii_case(k))
        })
    })
}

/// `A123456789`, `A-123-456-789`, `A# 12345678`: an A, then 8 or 9 digits (or 2-3, 3, 3 in
/// groups), standing alone.
fn a_number(t: &[u8]) -> bool {
    (0..t.len()).any(|i| {
        if t[i] != b'A' || (i > 0 && alnum(t[i - 1])) {
            return false;
        }
        let mut j = i + 1;
        if matches!(t.get(j), Some(b'-' | b'#')) {
            j += 1;
            if t[j - 1] == b'#' && matches!(t.get(j), Some(b' ' | b'-')) {
                j += 1;
            }
        }
        let mut groups = Vec::new();
        loop {
            let start = j;
            while t.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            groups.push(j - start);
            if groups.len() < 3
                && matches!(t.get(j), Some(b'-' | b' '))
                && t.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let alone = !t.get(j).is_some_and(|&c| alnum(c));
        alone && matches!(groups.as_slice(), [8] | [9] | [3, 3, 3] | [2, 3, 3])
    })
}

/// Capitalised words that come before a number without being anyone's name.
const NOT_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "goal",
    "goals",
    "phase",
    "step",
    "steps",
    "section",
    "option",
    "table",
    "figure",
    "year",
    "years",
    "tier",
    "level",
    "stage",
    "chapter",
    "part",
    "item",
    "priority",
    "appendix",
    "page",
    "room",
    "grade",
    "title",
    "article",
    "region",
    "district",
    "zone",
    "cohort",
    "group",
    "team",
    "week",
    "weeks",
    "day",
    "days",
    "month",
    "months",
    "quarter",
    "round",
    "version",
    "objective",
    "strategy",
    "action",
    "task",
    "question",
    "total",
    "number",
    "class",
    "unit",
    "suite",
    "apt",
    "floor",
    "box",
    "route",
    "county",
    "ward",
    "session",
    "meeting",
    "module",
    "lesson",
    "training",
    "workshop",
    "age",
    "ages",
    "members",
    "partners",
    "survivors",
    "youth",
    "adults",
    "minors",
    "children",
    "staff",
    "volunteers",
    "agencies",
    "shelters",
    "officers",
    "participants",
    "clients",
    "referrals",
    "cases",
    "victims",
    "organizations",
    "trainings",
    "counties",
    "cities",
    "schools",
    "under",
    "over",
];

/// The word that ends at `end` (exclusive) looks like a first or last name: capitalised, with
/// lower case after the first letter, and not a month, a weekday or a word such as "Goal".
fn name_before(t: &[u8], end: usize) -> bool {
    let mut k = end;
    while k > 0 && (alpha(t[k - 1]) || (k < end && b"'-".contains(&t[k - 1]))) {
        k -= 1;
    }
    let word = &t[k..end];
    word.len() >= 2
        && upper(word[0])
        && word[1..]
            .iter()
            .any(|&b| b.is_ascii_lowercase() || b >= 0x80)
        && !(k > 0 && t[k - 1].is_ascii_digit())
        && !NOT_NAMES
            .iter()
            .any(|n| n.as_bytes().eq_ignore_ascii_case(word))
}

/// `Maria, 16`, `Maria (16)`, `Maria age 16`, `Maria, aged 16`: a name and then an age.
fn age_by_name(t: &[u8]) -> bool {
    let mut p = 0;
    while p < t.len() {
        if !t[p].is_ascii_digit() || (p > 0 && t[p - 1].is_ascii_digit()) {
            p += 1;
            continue;
        }
        let mut q = p;
        while q < t.len() && t[q].is_ascii_digit() {
            q += 1;
        }
        let (start, end) = (p, q);
        p = q;
        if end - start > 2 || number(&t[start..end]) == 0 {
            continue;
        }
        let after = t.get(end).copied();
        if after.is_some_and(|c| c == b'%' || (alpha(c) && !starts(t, end, b"yo")))
            || (matches!(after, Some(b'.' | b',' | b':'))
                && t.get(end + 1).is_some_and(u8::is_ascii_digit))
        {
            continue;
        }
        // `Maria, 16` then the end, punctuation or "years old".
        if start >= 2 && t[start - 1] == b' ' && t[start - 2] == b',' {
            let ends = after.is_none_or(|c| b",.;:)!?".contains(&c))
                || [" year", " yrs", " yo", " y/o", " y.o", "-year", "yo", "y/o"]
                    .iter()
                    .any(|s| starts(t, end, s.as_bytes()));
            if ends && name_before(t, start - 2) {
                return true;
            }
        }
        // `Maria (16)`
        if start >= 1 && t[start - 1] == b'(' && after == Some(b')') {
            let mut k = start - 1;
            if k > 0 && t[k - 1] == b' ' {
                k -= 1;
            }
            if name_before(t, k) {
                return true;
            }
        }
        // `Maria age 16`, `Maria, aged: 16`, `Maria (age 16)`
        let mut k = start;
        while k > 0 && matches!(t[k - 1], b' ' | b':') {
            k -= 1;
        }
        for word in [&b"age"[..], b"aged"] {
            let w = word.len();
            if k >= w && starts(t, k - w, word) && (k == w || !alnum(t[k - w - 1])) {
                let mut m = k - w;
                while m > 0 && matches!(t[m - 1], b' ' | b',' | b'(') {
                    m -= 1;
                }
                if m < k - w && name_before(t, m) {
                    return true;
                }
            }
        }
    }
    false
}

/// Maximal runs of letters and digits, as `[start, end)`.
fn words(t: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if alnum(t[i]) {
            let start = i;
            while i < t.len() && alnum(t[i]) {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// `123 Main St`, `4410 N. Federal Blvd`, `77 West 5th Avenue`, `Apt 4B`: a number, one to
/// three capitalised words (or ordinals), then a street word; or an apartment number.
fn street_address(t: &[u8], words: &[(usize, usize)]) -> bool {
    const FULL: [&str; 10] = [
        "Street",
        "Avenue",
        "Road",
        "Boulevard",
        "Drive",
        "Lane",
        "Way",
        "Parkway",
        "Highway",
        "Terrace",
    ];
    const SHORT: [&str; 13] = [
        "st", "ave", "av", "rd", "blvd", "dr", "ln", "ct", "pl", "pkwy", "hwy", "ter", "cir",
    ];
    // Between two words of an address: spaces, and at most a period after an abbreviation.
    let spaced = |a: &(usize, usize), b: &(usize, usize)| {
        let gap = &t[a.1..b.0];
        gap.iter().filter(|&&c| c == b'.').count() <= 1
            && gap.iter().all(|&c| c == b'.' || c.is_ascii_whitespace())
            && gap.iter().any(u8::is_ascii_whitespace)
    };
    let ordinal = |w: &[u8]| {
        let digits = w.iter().take_while(|b| b.is_ascii_digit()).count();
        digits > 0
            && [&b"st"[..], b"nd", b"rd", b"th"]
                .iter()
                .any(|s| w[digits..].eq_ignore_ascii_case(s))
    };
    let capitalised = |w: &[u8]| upper(w[0]) && w.iter().all(|&b| alpha(b));
    for (i, &(s, e)) in words.iter().enumerate() {
        let w = &t[s..e];
        // Apt 4B, apartment 12, Apt. #3
        if w.eq_ignore_ascii_case(b"apt") || w.eq_ignore_ascii_case(b"apartment") {
            if let Some(next) = words.get(i + 1) {
                let gap = &t[e..next.0];
                if gap.len() <= 3
                    && gap.iter().all(|c| b" .#".contains(c))
                    && t[next.0].is_ascii_digit()
                {
                    return true;
                }
            }
        }
        if w.len() > 6
            || !w.iter().all(u8::is_ascii_digit)
            || (s > 0 && b"$#/.,-:".contains(&t[s - 1]))
        {
            continue;
        }
        let mut middle: Vec<&[u8]> = Vec::new();
        for k in 1..=4 {
            let (Some(prev), Some(&(ns, ne))) = (words.get(i + k - 1), words.get(i + k)) else {
                break;
            };
            if !spaced(prev, &(ns, ne)) {
                break;
            }
            let n = &t[ns..ne];
            let street = FULL.iter().any(|f| f.as_bytes() == n)
                || (SHORT.iter().any(|f| f.as_bytes().eq_ignore_ascii_case(n)) && upper(n[0]));
            if street && !middle.is_empty() && !(middle == [b"United"] && n == b"Way") {
                return true;
            }
            if k == 4 || !(capitalised(n) || ordinal(n)) {
                break;
            }
            middle.push(n);
        }
    }
    false
}

/// Court case codes in case numbers (`24CR1234`, `CR-2024-000123`): criminal, civil, juvenile,
/// domestic relations, misdemeanour.
const COURT_CODES: [&str; 8] = ["CR", "CV", "CF", "CM", "DR", "JD", "JV", "MJ"];

/// `Case #2024-1234`, `case no. 24CR1234`, `Docket 2024-5678`, and court numbers such as
/// `CR-2024-000123` or `24CR1234` anywhere.
fn case_number(t: &[u8], words: &[(usize, usize)]) -> bool {
    let token_end = |mut end: usize| {
        while t.get(end).is_some_and(|&c| alnum(c) || c == b'-') {
            end += 1;
        }
        end
    };
    for &(s, e) in words {
        let w = &t[s..e];
        if !(w.eq_ignore_ascii_case(b"case") || w.eq_ignore_ascii_case(b"docket")) {
            continue;
        }
        let mut j = e;
        let mut marker = false;
        let skip = |j: &mut usize, marker: &mut bool| {
            while let Some(&c) = t.get(*j) {
                match c {
                    b' ' | b':' | b'.' => {}
                    b'#' => *marker = true,
                    _ => break,
                }
                *j += 1;
            }
        };
        skip(&mut j, &mut marker);
        // "no.", "number", "num", "nr"
        let mut w = j;
        while t.get(w).is_some_and(u8::is_ascii_alphabetic) {
            w += 1;
        }
        if [&b"no"[..], b"number", b"num", b"nr"]
            .iter()
            .any(|m| t[j..w].eq_ignore_ascii_case(m))
            && t.get(w)
                .is_none_or(|c| b" .:#".contains(c) || c.is_ascii_digit())
        {
            marker = true;
            j = w;
            skip(&mut j, &mut marker);
        }
        if j == e {
            continue;
        }
        let mut token = &t[j..token_end(j)];
        while let [rest @ .., b'-'] = token {
            token = rest;
        }
        let digits = token.iter().filter(|b| b.is_ascii_digit()).count();
        let letters = token.iter().filter(|&&b| alpha(b)).count();
        let year_range = match token.iter().position(|&b| b == b'-') {
            Some(d) => {
                let (a, b) = (&token[..d], &token[d + 1..]);
                a.len() == 4
                    && is_year(number(a))
                    && (b.len() == 2 || (b.len() == 4 && is_year(number(b))))
                    && b.iter().all(u8::is_ascii_digit)
            }
            None => false,
        };
        let found = if marker {
            digits >= 2
        } else {
            (letters > 0 && digits >= 3)
                || (token.contains(&b'-') && digits >= 4 && !year_range)
                || (letters == 0 && digits >= 5 && !year_range)
        };
        if found {
            return true;
        }
    }
    // Court codes: [2 or 4 digits] CODE [-] digits and hyphens, 6 digits or more in all.
    let mut i = 0;
    while i < t.len() {
        if !t[i].is_ascii_alphanumeric() || (i > 0 && alnum(t[i - 1])) {
            i += 1;
            continue;
        }
        let end = token_end(i);
        let mut token = &t[i..end];
        i = end.max(i + 1);
        while let [rest @ .., b'-'] = token {
            token = rest;
        }
        let lead = token.iter().take_while(|b| b.is_ascii_digit()).count();
        let rest = &token[lead..];
        let code_len = rest.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let code = &rest[..code_len];
        let tail = &rest[code_len..];
        let tail = tail.strip_prefix(b"-").unwrap_or(tail);
        let tail_digits = tail.iter().filter(|b| b.is_ascii_digit()).count();
        if matches!(lead, 0 | 2 | 4)
            && COURT_CODES.iter().any(|c| c.as_bytes() == code)
            && tail.first().is_some_and(u8::is_ascii_digit)
            && tail.iter().all(|&b| b.is_ascii_digit() || b == b'-')
            && tail_digits >= 4
            && lead + tail_digits >= 6
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_contacts_and_names_the_field() {
        let mut p = Plan::new("p".into(), 1);
        p.set_answer("survivors.compensation", "Call Maria at (720) 555-0134", 2);
        p.set_answer(
            "survivors.stages",
            "Quarterly advisory meetings; aggregate notes only.",
            2,
        );
        p.set_answer("trust.communication", "Write to maria.r@example.org", 2);
        let found = scan(&p);
        assert_eq!(found.len(), 2);
        assert!(found.iter().any(|f| f.kind == PHONE
            && f.place == "Survivor engagement › How will survivor experts be paid?"));
        assert!(found
            .iter()
            .any(|f| f.kind == EMAIL && f.place.starts_with("Trust and sustainability")));
    }

    #[test]
    fn roster_contacts_are_allowed_elsewhere_flagged() {
        let mut p = Plan::new("p".into(), 1);
        p.add_item(ListKind::Members, "m".into(), 1);
        let text = |s: &str| FieldValue::Text(s.into());
        let member = |f| Field::Members(f);
        let _ = p.set_field(
            "m",
            member(MemberField::Email),
            text("dana@shelter.example.org"),
            1,
        );
        let _ = p.set_field("m", member(MemberField::Phone), text("720-555-0134"), 1);
        assert!(scan(&p).is_empty());
        let _ = p.set_field(
            "m",
            member(MemberField::Brings),
            text("Hotline 1-866-455-5075"),
            1,
        );
        assert_eq!(
            scan(&p).first().map(|f| f.place.as_str()),
            Some("Member organizations 1 › What it brings")
        );
    }

    #[test]
    fn resource_links_are_checked_and_every_kind_of_a_field_is_named() {
        let mut p = Plan::new("p".into(), 1);
        p.add_item(ListKind::Resources, "r".into(), 1);
        let url = Field::Resources(ResourceField::Url);
        let link = FieldValue::Text("mailto:maria.r@gmail.com".into());
        assert!(p.set_field("r", url, link, 1).is_ok());
        let note = Field::Resources(ResourceField::Note);
        let text = FieldValue::Text("Maria, 16, lives at 123 Main St".into());
        assert!(p.set_field("r", note, text, 1).is_ok());
        let found: Vec<(String, &str)> = scan(&p).into_iter().map(|f| (f.place, f.kind)).collect();
        assert_eq!(
            found,
            [
                ("Your resources 1 › Link".to_owned(), EMAIL_LINK),
                ("Your resources 1 › Note".to_owned(), AGE),
                ("Your resources 1 › Note".to_owned(), ADDRESS),
            ]
        );
    }

    #[test]
    fn numeric_dates_count_in_survivor_engagement_only() {
        let mut p = Plan::new("p".into(), 1);
        p.set_answer("survivors.stages", "First interview 03/04/2026", 2);
        p.set_answer("define.mission", "Launch 03/04/2026", 2);
        let found = scan(&p);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, DATE);
        assert_eq!(
            in_text("Launch 03/04/2026, DOB unknown", false),
            [BIRTH_DATE]
        );
    }

    #[test]
    fn ids_held_by_references_are_not_phones() {
        // Ids are random hex: about one in twelve has ten decimal digits in a row.
        let mut p = Plan::new("p".into(), 1);
        let member = "1234567890123456789012345678abcd";
        p.add_item(ListKind::Members, member.into(), 1);
        p.add_item(ListKind::Roles, "r".into(), 1);
        p.add_item(ListKind::Actions, "a".into(), 1);
        let id = FieldValue::Maybe(Some(member.into()));
        let role_member = Field::Roles(crate::model::items::RoleField::Member);
        assert!(p.set_field("r", role_member, id.clone(), 1).is_ok());
        let owner = Field::Actions(crate::model::items::ActionField::Owner);
        assert!(p.set_field("a", owner, id, 1).is_ok());
        assert_eq!(scan(&p), vec![]);
    }

    #[test]
    fn ordinary_numbers_are_not_phones() {
        for text in [
            "Budget $1,250,000 for 2026-2027",
            "Due 2026-11-25",
            "Train 200 officers by June 2027",
            "v1.2.3",
            "2026-2027 (12 months)",
        ] {
            assert_eq!(in_text(text, false), Vec::<&str>::new(), "{text}");
        }
        for text in ["+1 720 555 0134", "720.555.0134", "7205550134"] {
            assert_eq!(in_text(text, false), [PHONE], "{text}");
        }
        assert_eq!(
            in_text("email a@b", false),
            Vec::<&str>::new(),
            "no host dot"
        );
    }

    #[test]
    fn text_beyond_ascii() {
        assert_eq!(
            in_text("llame al 720\u{2013}555\u{2013}0134", false),
            [PHONE]
        );
        assert_eq!(in_text("555\u{a0}0134", false), [PHONE]);
        assert_eq!(in_text("José, 16, y Élodie (15)", false), [AGE]);
        assert_eq!(in_text("Élodie (15)", false), [AGE]);
        assert_eq!(
            in_text("Politique d'accueil, 2026–2027 – 12 mois", false),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn any_text_is_handled() {
        for text in [
            "", "A", "A-", "A#", "case", "case #", "Apt", "1", "(", "Maria, ", "age 1",
        ] {
            let _ = in_text(text, true);
            let _ = in_link(text);
        }
    }
}
