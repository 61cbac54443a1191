//! The check before export: free text anywhere except the member roster's own contact fields,
//! and every resource link, should hold no personal details (contact details, birth dates, ages
//! next to names, street addresses, ID and case numbers), since survivor-engagement notes and
//! the rest of the plan are meant to hold aggregate information only.
//!
//! Heuristic, and said to be so: hand-written patterns (no regex engine, for the wasm's size),
//! tested against a corpus of true and false positives (`tests/fixtures/pii/`). Public hotline
//! numbers are flagged like any phone number; grant numbers (`2023-VT-BX-0056`), years, year
//! ranges, dollar amounts, percentages, times and `24/7` are not. The warning never blocks.

use super::fields::spec;
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

pub const EMAIL: &str = "an email address";
pub const EMAIL_SPELLED: &str = "an email address written out (\"at\", \"dot\")";
pub const EMAIL_LINK: &str = "an email link (mailto:)";
pub const PHONE: &str = "a phone number";
pub const SSN: &str = "a social security number";
pub const A_NUMBER: &str = "an A-number (immigration file number)";
pub const BIRTH_DATE: &str = "a birth date";
pub const DATE: &str = "a date (in survivor engagement, it may be a birth date)";
pub const AGE: &str = "an age next to a name";
pub const ADDRESS: &str = "a street address";
pub const CASE_NUMBER: &str = "a case number";

/// Personal details outside members' Email, Phone and Contact person fields: every answer,
/// function note and typed list field, and every resource link. One finding per kind per field.
pub fn scan(plan: &Plan) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut add = |place: &str, kinds: Vec<&'static str>| {
        for kind in kinds {
            found.push(Finding {
                place: place.to_owned(),
                kind,
            });
        }
    };
    add("Partnership name", in_text(&plan.name, false));
    for (id, answer) in &plan.answers {
        let (place, survivors) = match question(id) {
            Some(q) => (
                format!("{} › {}", q.section.title(), q.label),
                q.section == Section::Survivors,
            ),
            None if id.starts_with("mou.") => (format!("MOU draft › {}", &id[4..]), false),
            None => (id.clone(), false),
        };
        add(&place, in_text(&answer.text, survivors));
    }
    for &kind in FunctionKind::ALL {
        if let Some(f) = plan.function(kind) {
            add(
                &format!("Functions › {}", kind.label()),
                in_text(&f.note, false),
            );
        }
    }
    for list in ListKind::ALL {
        let spec = spec(list);
        for (i, id) in plan.item_ids(list).iter().enumerate() {
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
                        &format!("{} {} › {}", spec.heading, i + 1, field.label),
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
    let t: Vec<char> = text.chars().collect();
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
    for chain in chains(&t) {
        if let Some(kind) = chain.kind(&t, any_date) {
            add(kind);
        }
    }
    if a_number(&t) {
        add(A_NUMBER);
    }
    if age_by_name(&t) {
        add(AGE);
    }
    let words = words(&t);
    if street_address(&t, &words) {
        add(ADDRESS);
    }
    if case_number(&t, &words) {
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
        (
            ["[at]", "(at)", "{at}", "<at>", "[@]", "(@)"],
            " \u{e000}a ",
        ),
        (
            ["[dot]", "(dot)", "{dot}", "<dot>", "[.]", "(.)"],
            " \u{e000}d ",
        ),
    ] {
        for mark in marks {
            if s.contains(mark) {
                s = s.replace(mark, to);
            }
        }
    }
    let toks: Vec<Tok> = s
        .split_whitespace()
        .map(|w| match w {
            "\u{e000}a" | "@" => Tok::At(true),
            "at" => Tok::At(false),
            "\u{e000}d" | "." | "dot" => Tok::Dot,
            _ => {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || "._-+".contains(c)) {
                    Tok::Word(w)
                } else {
                    Tok::Other
                }
            }
        })
        .collect();
    let label = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '-');
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

/// Characters that may sit between the digit groups of one number (`(720) 555-0134`,
/// `03/04/2009`, `720 - 555 - 0134`), at most three in a row.
const SEPARATORS: &str = " -.()/\u{a0}\u{2013}\u{2014}";

/// Digit runs joined by short separators: one written number, as `[start, end)` of each run.
struct Chain {
    runs: Vec<(usize, usize)>,
}

fn chains(t: &[char]) -> Vec<Chain> {
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
            while k < t.len() && k - end < 3 && SEPARATORS.contains(t[k]) {
                k += 1;
            }
            if k > end && t.get(k).is_some_and(char::is_ascii_digit) {
                start = k;
            } else {
                i = end;
                break;
            }
        }
        out.push(Chain { runs });
    }
    out
}

fn number(t: &[char]) -> u32 {
    t.iter()
        .take(9)
        .filter_map(|c| c.to_digit(10))
        .fold(0, |n, d| n * 10 + d)
}

fn is_year(n: u32) -> bool {
    (1900..=2099).contains(&n)
}

impl Chain {
    fn kind(&self, t: &[char], any_date: bool) -> Option<&'static str> {
        let first = self.runs.first()?.0;
        let last = self.runs.last()?.1;
        let at = |i: Option<usize>| i.and_then(|i| t.get(i)).copied();
        let before = at(first.checked_sub(1));
        let after = at(Some(last));
        // Glued to a word, an amount or another number: an id, a version, `$1,250`, `10%`.
        let digit_at = |i: Option<usize>| at(i).is_some_and(|c| c.is_ascii_digit());
        if before.is_some_and(|c| c.is_alphanumeric() || "$€£#_".contains(c))
            || after.is_some_and(|c| c.is_alphanumeric() || "%_".contains(c))
            || (before.is_some_and(|c| c == ',' || c == '.') && digit_at(first.checked_sub(2)))
            || (after == Some(',') && digit_at(Some(last + 1)))
        {
            return None;
        }
        let runs: Vec<&[char]> = self.runs.iter().map(|&(s, e)| &t[s..e]).collect();
        let lens: Vec<usize> = runs.iter().map(|r| r.len()).collect();
        let n: Vec<u32> = runs.iter().map(|r| number(r)).collect();
        let seps: Vec<&[char]> = self.runs.windows(2).map(|w| &t[w[0].1..w[1].0]).collect();
        let total: usize = lens.iter().sum();
        let same_seps = |allowed: &str| {
            seps.iter()
                .all(|s| s.len() == 1 && allowed.contains(s[0]) && s == &seps[0])
        };
        let before_text = |span: usize| -> String {
            t[first.saturating_sub(span)..first]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase()
        };
        let near = |words: &[&str]| {
            let text = before_text(25);
            words.iter().any(|w| text.contains(w))
        };

        // Dates: d/m/y or m/d/y (2- or 4-digit year), and y-m-d.
        if lens.len() == 3 && same_seps("/-.") {
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
        if lens == [3, 2, 4] && same_seps("- ") {
            return Some(SSN);
        }
        let nine_ish = matches!(lens.as_slice(), [8] | [9] | [3, 3, 3] | [2, 3, 3]);
        if lens == [9] && near(&["ssn", "social security", "ss#", "ss #"]) {
            return Some(SSN);
        }
        if nine_ish && same_seps("- ") && near(&["a-number", "a number", "alien", "a#", "uscis"]) {
            return Some(A_NUMBER);
        }

        // Phone numbers.
        let hard = |s: &&[char]| {
            s.iter()
                .filter(|c| "-.\u{2013}\u{2014}".contains(**c))
                .count()
        };
        if seps.iter().any(|s| s.contains(&'/') || hard(s) > 1) {
            return None;
        }
        let plus =
            before == Some('+') || (before == Some(' ') && at(first.checked_sub(2)) == Some('+'));
        let leading_one = runs[0].first() == Some(&'1');
        let nanp = match lens.as_slice() {
            [3, 3, 4] | [10] | [3, 7] => true,
            [1, 3, 3, 4] | [11] => leading_one,
            // 7 digits (`555-0134`): the exchange starts 2-9; `250-1000` is a range.
            [3, 4] => {
                seps[0].len() == 1
                    && "-. ".contains(seps[0][0])
                    && ('2'..='9').contains(&runs[0][0])
                    && !(n[1] % 100 == 0 && n[1] > n[0])
            }
            _ => false,
        };
        let long = (10..=15).contains(&total)
            && seps.iter().all(|s| s.len() <= 2)
            && !lens.iter().zip(&n).any(|(&l, &v)| l == 4 && is_year(v));
        (nanp || long || (plus && (8..=15).contains(&total))).then_some(PHONE)
    }
}

/// "born", "DOB", "D.O.B." or a word starting "birth" within 40 characters before a date or
/// 20 after it.
fn birth_words_near(t: &[char], first: usize, last: usize) -> bool {
    let window: String = t[first.saturating_sub(40)..first]
        .iter()
        .chain(std::iter::once(&' '))
        .chain(&t[last..(last + 20).min(t.len())])
        .collect::<String>()
        .to_ascii_lowercase();
    window
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_end_matches('.'))
        .any(|w| w.starts_with("birth") || matches!(w, "born" | "dob" | "d.o.b"))
}

/// `A123456789`, `A-123-456-789`, `A# 12345678`: an A, then 8 or 9 digits (or 2-3, 3, 3 in
/// groups), standing alone.
fn a_number(t: &[char]) -> bool {
    (0..t.len()).any(|i| {
        if t[i] != 'A' || (i > 0 && t[i - 1].is_alphanumeric()) {
            return false;
        }
        let mut j = i + 1;
        if matches!(t.get(j), Some('-' | '#')) {
            j += 1;
            if t[j - 1] == '#' && matches!(t.get(j), Some(' ' | '-')) {
                j += 1;
            }
        }
        let mut groups = Vec::new();
        loop {
            let start = j;
            while t.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            groups.push(j - start);
            if groups.len() < 3
                && matches!(t.get(j), Some('-' | ' '))
                && t.get(j + 1).is_some_and(char::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let alone = !t.get(j).is_some_and(|c| c.is_alphanumeric());
        alone && matches!(groups.as_slice(), [8] | [9] | [3, 3, 3] | [2, 3, 3])
    })
}

/// A capital letter: ASCII, or any letter beyond ASCII (`Élodie`), without Unicode's case
/// tables, which would add kilobytes to the wasm for little.
fn upper(c: char) -> bool {
    c.is_ascii_uppercase() || (!c.is_ascii() && c.is_alphabetic())
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
fn name_before(t: &[char], end: usize) -> bool {
    let mut k = end;
    while k > 0 && (t[k - 1].is_alphabetic() || (k < end && "'-".contains(t[k - 1]))) {
        k -= 1;
    }
    let word: String = t[k..end].iter().collect();
    let mut chars = word.chars();
    word.chars().count() >= 2
        && chars.next().is_some_and(upper)
        && chars.any(|c| c.is_ascii_lowercase() || !c.is_ascii())
        && !(k > 0 && t[k - 1].is_ascii_digit())
        && !NOT_NAMES.contains(&word.to_ascii_lowercase().as_str())
}

/// `Maria, 16`, `Maria (16)`, `Maria age 16`, `Maria, aged 16`: a name and then an age.
fn age_by_name(t: &[char]) -> bool {
    let starts_with = |at: usize, s: &str| {
        let mut i = at;
        s.chars().all(|c| {
            let ok = t.get(i).is_some_and(|x| x.to_ascii_lowercase() == c);
            i += 1;
            ok
        })
    };
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
        if after.is_some_and(|c| c == '%' || (c.is_alphabetic() && !starts_with(end, "yo")))
            || (matches!(after, Some('.' | ',' | ':'))
                && t.get(end + 1).is_some_and(char::is_ascii_digit))
        {
            continue;
        }
        // `Maria, 16` then the end, punctuation or "years old".
        if start >= 2 && t[start - 1] == ' ' && t[start - 2] == ',' {
            let ends = after.is_none_or(|c| ",.;:)!?".contains(c))
                || [" year", " yrs", " yo", " y/o", " y.o", "-year", "yo", "y/o"]
                    .iter()
                    .any(|s| starts_with(end, s));
            if ends && name_before(t, start - 2) {
                return true;
            }
        }
        // `Maria (16)`
        if start >= 1 && t[start - 1] == '(' && after == Some(')') {
            let mut k = start - 1;
            if k > 0 && t[k - 1] == ' ' {
                k -= 1;
            }
            if name_before(t, k) {
                return true;
            }
        }
        // `Maria age 16`, `Maria, aged: 16`, `Maria (age 16)`
        let mut k = start;
        while k > 0 && matches!(t[k - 1], ' ' | ':') {
            k -= 1;
        }
        for word in ["age", "aged"] {
            let w = word.len();
            if k >= w && starts_with(k - w, word) && (k == w || !t[k - w - 1].is_alphanumeric()) {
                let mut m = k - w;
                while m > 0 && matches!(t[m - 1], ' ' | ',' | '(') {
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
fn words(t: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t[i].is_alphanumeric() {
            let start = i;
            while i < t.len() && t[i].is_alphanumeric() {
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
fn street_address(t: &[char], words: &[(usize, usize)]) -> bool {
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
    let text = |&(s, e): &(usize, usize)| t[s..e].iter().collect::<String>();
    // Between two words of an address: spaces, and at most a period after an abbreviation.
    let spaced = |a: &(usize, usize), b: &(usize, usize)| {
        let gap = &t[a.1..b.0];
        !gap.is_empty()
            && gap.iter().filter(|&&c| c == '.').count() <= 1
            && gap.iter().all(|&c| c == '.' || c.is_whitespace())
            && gap.iter().any(|c| c.is_whitespace())
    };
    let ordinal = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].contains(&w[digits.len()..].to_ascii_lowercase().as_str())
    };
    let capitalised =
        |w: &str| w.chars().next().is_some_and(upper) && w.chars().all(char::is_alphabetic);
    for (i, word) in words.iter().enumerate() {
        let w = text(word);
        let lower = w.to_ascii_lowercase();
        // Apt 4B, apartment 12, Apt. #3
        if matches!(lower.as_str(), "apt" | "apartment") {
            if let Some(next) = words.get(i + 1) {
                let gap = &t[word.1..next.0];
                if gap.len() <= 3
                    && gap.iter().all(|c| " .#".contains(*c))
                    && t[next.0].is_ascii_digit()
                {
                    return true;
                }
            }
        }
        let before = word.0.checked_sub(1).map(|i| t[i]);
        if w.len() > 6
            || !w.chars().all(|c| c.is_ascii_digit())
            || before.is_some_and(|c| "$#/.,-:".contains(c))
        {
            continue;
        }
        let mut middle = Vec::new();
        for k in 1..=4 {
            let (Some(prev), Some(next)) = (words.get(i + k - 1), words.get(i + k)) else {
                break;
            };
            if !spaced(prev, next) {
                break;
            }
            let n = text(next);
            let street = FULL.contains(&n.as_str())
                || (SHORT.contains(&n.to_ascii_lowercase().as_str())
                    && n.chars().next().is_some_and(upper));
            if street && !middle.is_empty() && !(middle == ["United"] && n == "Way") {
                return true;
            }
            if k == 4 || !(capitalised(&n) || ordinal(&n)) {
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
fn case_number(t: &[char], words: &[(usize, usize)]) -> bool {
    let lower_at = |s: usize, e: usize| t[s..e].iter().collect::<String>().to_ascii_lowercase();
    for &(s, e) in words {
        if !matches!(lower_at(s, e).as_str(), "case" | "docket") {
            continue;
        }
        let mut j = e;
        let mut marker = false;
        let skip = |j: &mut usize, marker: &mut bool| {
            while let Some(&c) = t.get(*j) {
                match c {
                    ' ' | ':' | '.' => {}
                    '#' => *marker = true,
                    _ => break,
                }
                *j += 1;
            }
        };
        skip(&mut j, &mut marker);
        // "no.", "number", "num", "nr"
        let mut w = j;
        while t.get(w).is_some_and(|c| c.is_alphabetic()) {
            w += 1;
        }
        if w > j
            && matches!(lower_at(j, w).as_str(), "no" | "number" | "num" | "nr")
            && t.get(w)
                .is_none_or(|c| " .:#".contains(*c) || c.is_ascii_digit())
        {
            marker = true;
            j = w;
            skip(&mut j, &mut marker);
        }
        if j == e {
            continue;
        }
        let mut end = j;
        while t.get(end).is_some_and(|&c| c.is_alphanumeric() || c == '-') {
            end += 1;
        }
        let token: String = t[j..end].iter().collect();
        let token = token.trim_end_matches('-');
        let digits = token.chars().filter(char::is_ascii_digit).count();
        let letters = token.chars().filter(|c| c.is_alphabetic()).count();
        let year_range = match token.split_once('-') {
            Some((a, b)) => {
                a.len() == 4
                    && is_year(number(&a.chars().collect::<Vec<_>>()))
                    && (b.len() == 2
                        || (b.len() == 4 && is_year(number(&b.chars().collect::<Vec<_>>()))))
                    && b.chars().all(|c| c.is_ascii_digit())
            }
            None => false,
        };
        let found = if marker {
            digits >= 2
        } else {
            (letters > 0 && digits >= 3)
                || (token.contains('-') && digits >= 4 && !year_range)
                || (letters == 0 && digits >= 5 && !year_range)
        };
        if found {
            return true;
        }
    }
    // Court codes: [2-4 digits] CODE [-] digits and hyphens, 6 digits or more in all.
    let mut i = 0;
    while i < t.len() {
        if !(t[i].is_ascii_alphanumeric()) || (i > 0 && t[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut end = i;
        while t
            .get(end)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == '-')
        {
            end += 1;
        }
        let token: String = t[i..end].iter().collect();
        i = end.max(i + 1);
        let token = token.trim_matches('-');
        let lead = token.len() - token.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let rest = &token[lead..];
        let code_len = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_uppercase())
                .len();
        let code = &rest[..code_len];
        let tail = rest[code_len..].trim_start_matches('-');
        let tail_digits = tail.chars().filter(char::is_ascii_digit).count();
        if matches!(lead, 0 | 2 | 4)
            && COURT_CODES.contains(&code)
            && tail.starts_with(|c: char| c.is_ascii_digit())
            && tail.chars().all(|c| c.is_ascii_digit() || c == '-')
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
    fn any_text_is_handled() {
        for text in [
            "", "A", "A-", "A#", "case", "case #", "Apt", "1", "(", "Maria, ", "age 1",
        ] {
            let _ = in_text(text, true);
            let _ = in_link(text);
        }
    }
}
