//! How strong a passphrase is, in plain words, and suggested passphrases from the app's word
//! list (`content::PASSPHRASE_WORDS`). Used for protected files and for the lock.
//!
//! The estimate is deliberately simple and cautious. A passphrase is cut into runs of letters,
//! digits and symbols (white space, `-`, `_`, `.` and `,` separate and count for nothing), and
//! each run is scored in bits as an attacker who knows these rules would guess it:
//!
//! - a word from the app's word list: log2 of the list's length (about 10.4 bits);
//! - a word from the plan's own name or from the common-passwords list, or a run seen before: 1–2 bits;
//! - a keyboard or alphabet run (`qwerty`, `abcd`, `1234`) or one repeated character: 3 bits;
//! - any other letters: about one English word (16 bits; 8 for three letters or fewer);
//! - a year (1900–2099): 7 bits; a date (`03/04/2009`, `20090304`): 15 bits; other digits 3.3 each;
//! - a symbol: 4 bits; capitals: 1 bit for a first capital or all capitals, else 1 per capital.
//!
//! Refused outright: fewer than `MIN_CHARS` characters, a common password (with digits or
//! symbols around it, and with `@`→a, `0`→o, … undone), and anything containing the plan's name.
//! Bits become a level and a time to guess at `GUESSES_PER_SECOND` (one strong graphics card
//! against 600,000 PBKDF2 rounds, as the security review estimated).

use std::fmt;

/// Shorter passphrases are refused.
pub const MIN_CHARS: usize = 8;
/// Words in a suggested passphrase: about 62 bits from a list of 1,309 words.
pub const SUGGESTED_WORDS: usize = 6;
/// Guesses a second one attacker's graphics card makes at 600,000 rounds.
pub const GUESSES_PER_SECOND: f64 = 15_000.0;
/// Below this many bits a passphrase is weak, and refused.
pub const FAIR_BITS: f64 = 40.0;
/// From this many bits a passphrase is strong.
pub const STRONG_BITS: f64 = 50.0;

/// The first things anyone tries, as letters and digits only (see `core`).
const COMMON: &[&str] = &[
    "password",
    "passwort",
    "123456",
    "12345678",
    "123456789",
    "1234567890",
    "qwerty",
    "qwertyuiop",
    "letmein",
    "welcome",
    "iloveyou",
    "admin",
    "administrator",
    "monkey",
    "dragon",
    "trustno1",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "superman",
    "batman",
    "master",
    "shadow",
    "abc123",
    "111111",
    "000000",
    "changeme",
    "secret",
    "freedom",
    "whatever",
    "hello",
    "loveyou",
    "charlie",
    "jesus",
    "computer",
    "internet",
    "partnership",
    "partnershipplanner",
    "planner",
    "coalition",
    "taskforce",
    "trafficking",
    "antitrafficking",
    "humantrafficking",
    "survivor",
    "survivors",
    "safety",
    "shelter",
    "justice",
    "hotline",
    "mypassword",
    "opensesame",
    "correcthorsebatterystaple",
    "unlock",
    "passphrase",
];

/// The app's word list, one word a line.
pub fn words() -> impl Iterator<Item = &'static str> {
    crate::content::PASSPHRASE_WORDS.split_ascii_whitespace()
}

pub fn is_word(word: &str) -> bool {
    words().any(|w| w == word)
}

/// Bits a word chosen at random from the list carries.
fn word_bits() -> f64 {
    log2(words().count().max(2) as f64)
}

/// log2 for `x` ≥ 1, within 0.09 and never above the true value: the whole part from the
/// exponent, the rest by a straight line between powers of two. (The app ships no `log2` or
/// `pow` from a maths library: every byte of the download counts.)
fn log2(x: f64) -> f64 {
    let mut whole = 0.0;
    let mut rest = x.max(1.0);
    while rest >= 2.0 {
        rest /= 2.0;
        whole += 1.0;
    }
    whole + (rest - 1.0)
}

/// 2 to the power `bits` (≥ 0), the inverse of `log2` above.
fn exp2(bits: f64) -> f64 {
    let whole = bits.max(0.0).floor();
    let mut value = 1.0 + (bits.max(0.0) - whole);
    for _ in 0..(whole as u32).min(1_000) {
        value *= 2.0;
    }
    value
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Weak,
    Fair,
    Strong,
}

/// Why a passphrase cannot be used, whatever its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    TooShort,
    Common,
    PlanName,
}

/// What the meter says about a passphrase.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    Empty,
    Refused(Refusal),
    Rated { level: Level, bits: f64 },
}

impl Verdict {
    /// Strong enough to protect a file or the lock.
    pub fn usable(&self) -> bool {
        matches!(
            self,
            Verdict::Rated {
                level: Level::Fair | Level::Strong,
                ..
            }
        )
    }

    /// Why it cannot be used, as the error beside the field; `None` when it can.
    pub fn problem(&self) -> Option<String> {
        let advice = crate::lang::tr(
            "Use a few unrelated words, or choose \u{201c}Suggest a passphrase\u{201d}.",
        );
        match self {
            Verdict::Empty => Some(crate::lang::tr("Enter a passphrase.").into()),
            Verdict::Refused(Refusal::TooShort) => Some(crate::tr!(
                "This passphrase is too short: use at least {min} characters.",
                min = MIN_CHARS
            )),
            Verdict::Refused(Refusal::Common) => Some(crate::tr!(
                "This passphrase is among the first that anyone would try. {advice}",
                advice = advice
            )),
            Verdict::Refused(Refusal::PlanName) => Some(crate::tr!(
                "This passphrase contains the plan\u{2019}s name, which anyone would try first. {advice}",
                advice = advice
            )),
            Verdict::Rated {
                level: Level::Weak,
                bits,
            } => Some(crate::tr!(
                "This passphrase is too easy to guess: one computer could find it in about {time}. {advice}",
                time = time_to_guess(*bits),
                advice = advice
            )),
            Verdict::Rated { .. } => None,
        }
    }
}

impl fmt::Display for Verdict {
    /// The meter's plain words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Empty => f.write_str(crate::lang::tr("Strength: nothing typed yet.")),
            Verdict::Refused(_) => f.write_str(crate::lang::tr("Strength: cannot be used.")),
            Verdict::Rated {
                level: Level::Weak,
                bits,
            } => f.write_str(&crate::tr!(
                "Strength: weak. One computer could guess it in about {time}.",
                time = time_to_guess(*bits)
            )),
            Verdict::Rated {
                level: Level::Fair,
                bits,
            } => f.write_str(&crate::tr!(
                "Strength: fair. One computer would need about {time} to guess it; another word makes it strong.",
                time = time_to_guess(*bits)
            )),
            Verdict::Rated {
                level: Level::Strong,
                bits,
            } => f.write_str(&crate::tr!(
                "Strength: strong. One computer would need {time} to guess it.",
                time = time_to_guess(*bits)
            )),
        }
    }
}

/// How long `GUESSES_PER_SECOND` takes, on average, to find a passphrase of `bits`.
pub fn time_to_guess(bits: f64) -> String {
    let seconds = exp2(bits) / GUESSES_PER_SECOND / 2.0;
    let count = |n: f64| n.round().max(1.0) as u64;
    if seconds < 60.0 {
        crate::lang::tr("a minute").into()
    } else if seconds < 3_600.0 {
        crate::trn!(count(seconds / 60.0), "{n} minute", "{n} minutes")
    } else if seconds < 86_400.0 {
        crate::trn!(count(seconds / 3_600.0), "{n} hour", "{n} hours")
    } else if seconds < 60.0 * 86_400.0 {
        crate::trn!(count(seconds / 86_400.0), "{n} day", "{n} days")
    } else if seconds < 2.0 * 365.25 * 86_400.0 {
        crate::trn!(
            count(seconds / (30.44 * 86_400.0)),
            "{n} month",
            "{n} months"
        )
    } else if seconds < 1_000.0 * 365.25 * 86_400.0 {
        crate::trn!(
            count(seconds / (365.25 * 86_400.0)),
            "{n} year",
            "{n} years"
        )
    } else {
        crate::lang::tr("more than a thousand years").into()
    }
}

/// Rates `pass` for a plan named `plan_name`.
pub fn assess(pass: &str, plan_name: &str) -> Verdict {
    if pass.is_empty() {
        return Verdict::Empty;
    }
    if pass.chars().count() < MIN_CHARS {
        return Verdict::Refused(Refusal::TooShort);
    }
    let name = core(plan_name, false);
    if name.chars().count() >= 4
        && (core(pass, false).contains(&name) || core(pass, true).contains(&core(plan_name, true)))
    {
        return Verdict::Refused(Refusal::PlanName);
    }
    for leet in [false, true] {
        let c = core(pass, leet);
        let trimmed = c.trim_matches(|ch: char| ch.is_ascii_digit());
        if COMMON.contains(&c.as_str()) || COMMON.contains(&trimmed) {
            return Verdict::Refused(Refusal::Common);
        }
    }
    let bits = bits(pass, plan_name);
    let level = if bits < FAIR_BITS {
        Level::Weak
    } else if bits < STRONG_BITS {
        Level::Fair
    } else {
        Level::Strong
    };
    Verdict::Rated { level, bits }
}

/// Characters outside ASCII count as letters: the rule uses no Unicode tables (each would add
/// kilobytes to the download), and compares case only in ASCII.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || !c.is_ascii()
}

/// Letters and digits only, lower case; with `leet`, `@`→a, `0`→o, `3`→e and so on first.
fn core(text: &str, leet: bool) -> String {
    text.chars()
        .map(|c| match (leet, c) {
            (true, '@' | '4') => 'a',
            (true, '0') => 'o',
            (true, '1' | '!') => 'i',
            (true, '3') => 'e',
            (true, '$' | '5') => 's',
            (true, '7' | '+') => 't',
            _ => c,
        })
        .filter(|&c| is_letter(c) || c.is_ascii_digit())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn is_separator(c: char) -> bool {
    c.is_ascii_whitespace() || matches!(c, '-' | '_' | '.' | ',')
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Letters,
    Digits,
    Symbols,
}

fn kind(c: char) -> Kind {
    if is_letter(c) {
        Kind::Letters
    } else if c.is_ascii_digit() {
        Kind::Digits
    } else {
        Kind::Symbols
    }
}

/// The estimated strength in bits (see the module's description).
pub fn bits(pass: &str, plan_name: &str) -> f64 {
    let name_words: Vec<String> = plan_name
        .split(|c: char| !is_letter(c))
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_ascii_lowercase)
        .collect();
    let mut seen: Vec<String> = Vec::new();
    let mut total = 0.0;
    for token in pass.split_ascii_whitespace() {
        if is_date(token.trim_end_matches(|c: char| !c.is_ascii_alphanumeric())) {
            total += 15.0;
            continue;
        }
        // Runs of one kind; a separator ends a run.
        let mut pieces: Vec<(Kind, String)> = Vec::new();
        for piece in token.split(is_separator) {
            for c in piece.chars() {
                match pieces.last_mut() {
                    Some((k, run)) if *k == kind(c) && !run.is_empty() => run.push(c),
                    _ => pieces.push((kind(c), c.to_string())),
                }
            }
            pieces.push((Kind::Symbols, String::new()));
        }
        for (k, run) in pieces.into_iter().filter(|(_, r)| !r.is_empty()) {
            let lower = run.to_ascii_lowercase();
            let score = if seen.contains(&lower) {
                1.0
            } else {
                match k {
                    Kind::Letters => letters(&run, &lower, &name_words),
                    Kind::Digits => digits(&run),
                    Kind::Symbols => 4.0 * run.chars().count() as f64,
                }
            };
            seen.push(lower);
            total += score;
        }
    }
    total
}

fn letters(run: &str, lower: &str, name_words: &[String]) -> f64 {
    let n = run.chars().count();
    let caps = run.chars().filter(char::is_ascii_uppercase).count();
    let first_only = caps == 1 && run.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    let case = if caps == 0 {
        0.0
    } else if first_only || caps == n {
        1.0
    } else {
        caps as f64
    };
    let base = if name_words.iter().any(|w| w == lower) || COMMON.contains(&lower) {
        2.0
    } else if n >= 3 && (is_sequence(lower) || is_repeat(lower)) {
        3.0
    } else if is_word(lower) {
        word_bits()
    } else if n <= 3 {
        (4.7 * n as f64).min(8.0)
    } else {
        16.0
    };
    base + case
}

fn digits(run: &str) -> f64 {
    let n = run.len();
    if n >= 3 && (is_sequence(run) || is_repeat(run)) {
        3.0
    } else if n == 4 && (1900..=2099).contains(&run.parse::<u32>().unwrap_or(0)) {
        7.0
    } else if (n == 6 || n == 8) && is_date(run) {
        15.0
    } else {
        3.32 * n as f64
    }
}

/// A run along a keyboard row or the alphabet, either way (`qwer`, `4321`, `cba`).
fn is_sequence(run: &str) -> bool {
    const LINES: [&str; 5] = [
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "abcdefghijklmnopqrstuvwxyz",
        "01234567890",
    ];
    let reversed: String = run.chars().rev().collect();
    LINES
        .iter()
        .any(|line| line.contains(run) || line.contains(reversed.as_str()))
}

fn is_repeat(run: &str) -> bool {
    let mut chars = run.chars();
    chars.next().is_some_and(|first| chars.all(|c| c == first))
}

/// `03/04/2009`, `3-4-09`, `2009.03.04`, `20090304`, `030409`: day, month and year in some order.
fn is_date(token: &str) -> bool {
    let parts: Vec<&str> = token.split(['/', '-', '.']).collect();
    let numbers = |parts: &[&str]| {
        parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if parts.len() == 3 && numbers(&parts) {
        return true;
    }
    if (token.len() == 6 || token.len() == 8) && token.bytes().all(|b| b.is_ascii_digit()) {
        let n: Vec<u32> = token.bytes().map(|b| u32::from(b - b'0')).collect();
        let pair = |i: usize| n[i] * 10 + n[i + 1];
        let day_month = |a: u32, b: u32| (1..=31).contains(&a) && (1..=12).contains(&b);
        let year = |i: usize| {
            let y = pair(i) * 100 + pair(i + 2);
            (1900..=2099).contains(&y)
        };
        return match token.len() {
            6 => {
                day_month(pair(0), pair(2))
                    || day_month(pair(2), pair(0))
                    || day_month(pair(4), pair(2))
            }
            _ => {
                (year(0) && (day_month(pair(4), pair(6)) || day_month(pair(6), pair(4))))
                    || (year(4) && (day_month(pair(0), pair(2)) || day_month(pair(2), pair(0))))
            }
        };
    }
    false
}

/// A random `r` turned into a number below `n` without bias, or `None` to draw again.
pub fn uniform(r: u32, n: u32) -> Option<u32> {
    if n == 0 {
        return None;
    }
    let limit = (u32::MAX / n) * n;
    (r < limit).then_some(r % n)
}

/// `count` words from the list, chosen with `draw` (a source of random 32-bit numbers), joined
/// by spaces. `None` if `draw` fails.
pub fn suggestion(count: usize, mut draw: impl FnMut() -> Option<u32>) -> Option<String> {
    let list: Vec<&str> = words().collect();
    let n = u32::try_from(list.len()).ok()?;
    let mut chosen = Vec::with_capacity(count);
    while chosen.len() < count {
        // A rejection is rarer than one in three million: a draw that keeps failing is broken.
        let index = (0..64).find_map(|_| draw().and_then(|r| uniform(r, n)))?;
        chosen.push(list[index as usize]);
    }
    Some(chosen.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(pass: &str) -> Option<Level> {
        match assess(pass, "Front Range Coalition") {
            Verdict::Rated { level, .. } => Some(level),
            _ => None,
        }
    }

    #[test]
    fn the_word_list_is_long_short_plain_and_unique() {
        let list: Vec<&str> = words().collect();
        assert!(list.len() >= 1_296, "{} words", list.len());
        assert!(list
            .iter()
            .all(|w| (3..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase())));
        let mut sorted = list.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), list.len(), "no word twice");
        assert!(word_bits() > 10.2 && word_bits() <= 1309f64.log2());
        for x in [1.0, 1.5, 2.0, 3.0, 1309.0, 7776.0, 1e9] {
            assert!(
                log2(x) <= x.log2() + 1e-9 && log2(x) > x.log2() - 0.09,
                "{x}"
            );
            assert!((exp2(log2(x)) - x).abs() < 1e-6 * x, "{x}");
        }
    }

    #[test]
    fn short_common_and_the_plans_name_are_refused() {
        let plan = "Front Range Coalition";
        assert_eq!(assess("", plan), Verdict::Empty);
        assert_eq!(assess("seven77", plan), Verdict::Refused(Refusal::TooShort));
        for common in [
            "password",
            "Password1!",
            "P@ssw0rd",
            "qwertyuiop",
            "Coalition2026!",
            "12345678",
            "letmein!!",
        ] {
            assert_eq!(
                assess(common, plan),
                Verdict::Refused(Refusal::Common),
                "{common}"
            );
        }
        for named in [
            "frontrangecoalition",
            "Front Range Coalition 2026",
            "front-range-coalition!",
            "Fr0nt Range C0alition",
        ] {
            assert_eq!(
                assess(named, plan),
                Verdict::Refused(Refusal::PlanName),
                "{named}"
            );
        }
        // A short plan name is not a reason to refuse everything that contains it.
        assert!(assess("kelp tiger oboe vista wagon", "Kel").usable());
    }

    #[test]
    fn plain_words_weak_dates_and_keyboard_runs() {
        for weak in [
            "Summer2026!",
            "asdfghjkl;",
            "03/04/2009",
            "maria03042009",
            "abcdefgh1234",
            "aaaaaaaaaaaa",
            "Denver2026",
        ] {
            assert_eq!(level(weak), Some(Level::Weak), "{weak}: {}", bits(weak, ""));
        }
        // Words from the list count as words, not as letters.
        assert_eq!(level("kelp tiger oboe"), Some(Level::Weak));
        assert_eq!(level("kelp tiger oboe vista"), Some(Level::Fair));
        assert_eq!(level("kelp tiger oboe vista wagon"), Some(Level::Strong));
        // The plan's own words count for little.
        assert!(bits("range front kelp tiger", "Front Range") < bits("river stone kelp tiger", ""));
        // A repeated word counts once.
        assert!(bits("kelp kelp kelp kelp kelp", "") < 15.0);
        assert_eq!(level("correct horse battery stapler"), Some(Level::Strong));
        assert_eq!(level("river stone lamp"), Some(Level::Fair));
        // Years and dates are worth little; a capital first letter one bit.
        assert_eq!(bits("tiger 2026", ""), bits("tiger", "") + 7.0);
        assert_eq!(bits("Tiger", ""), bits("tiger", "") + 1.0);
        assert_eq!(bits("tiger 03/04/2009", ""), bits("tiger", "") + 15.0);
        assert_eq!(bits("tiger 20090304", ""), bits("tiger", "") + 15.0);
        assert_eq!(bits("tiger 1234", ""), bits("tiger", "") + 3.0);
        assert!(bits("tiger 8305", "") > bits("tiger 2026", ""));
        // Separators cut words and count for nothing.
        assert_eq!(
            bits("kelp-tiger_oboe.vista", ""),
            bits("kelp tiger oboe vista", "")
        );
    }

    #[test]
    fn the_meter_speaks_plainly() {
        let v = assess("kelp tiger oboe vista wagon", "");
        assert!(v.usable());
        assert_eq!(v.problem(), None);
        assert!(v.to_string().starts_with("Strength: strong."), "{v}");
        let weak = assess("Summer2026!", "");
        assert!(!weak.usable());
        assert!(
            weak.to_string()
                .starts_with("Strength: weak. One computer could guess it in about "),
            "{weak}"
        );
        assert!(weak
            .problem()
            .is_some_and(|p| p.contains("too easy to guess")));
        assert_eq!(
            assess("seven77", "").problem().as_deref(),
            Some("This passphrase is too short: use at least 8 characters.")
        );
        assert_eq!(time_to_guess(10.0), "a minute");
        assert_eq!(time_to_guess(30.0), "10 hours");
        assert_eq!(time_to_guess(40.0), "14 months");
        assert_eq!(time_to_guess(45.0), "37 years");
        assert_eq!(time_to_guess(62.0), "more than a thousand years");
    }

    #[test]
    fn draws_are_unbiased_and_suggestions_strong() {
        assert_eq!(uniform(0, 1309), Some(0));
        assert_eq!(uniform(1309, 1309), Some(0));
        let limit = (u32::MAX / 1309) * 1309;
        assert_eq!(uniform(limit - 1, 1309), Some((limit - 1) % 1309));
        assert_eq!(uniform(limit, 1309), None, "the uneven tail is drawn again");
        assert_eq!(uniform(u32::MAX, 1309), None);
        assert_eq!(uniform(5, 0), None);
        let mut state = 0x2545_f491u32;
        let mut draw = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            Some(state)
        };
        for _ in 0..50 {
            let s = suggestion(SUGGESTED_WORDS, &mut draw).unwrap();
            assert_eq!(s.split(' ').count(), SUGGESTED_WORDS);
            assert!(s.split(' ').all(is_word), "{s}");
            let v = assess(&s, "Front Range Coalition");
            // Six list words: about 62 bits, unless chance repeats a word.
            assert!(v.usable(), "{s}: {v:?}");
        }
        assert_eq!(suggestion(6, || None), None);
        assert_eq!(
            suggestion(6, || Some(u32::MAX)),
            None,
            "a stuck source gives up"
        );
    }
}
