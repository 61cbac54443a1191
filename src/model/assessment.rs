//! Asking every member: self-assessment rounds answered by invitation and response files, and
//! the aggregate the coordinator's device keeps (issue 21; `docs/self-assessment.md`).
//!
//! A *round* names the statements members score from 1 (strongly disagree) to 5 (strongly
//! agree): the health self-check's own (`content::guidance::HEALTH_STATEMENTS`, categories after
//! the Wilder Collaboration Factors Inventory, wording the project's own) that the coordinator
//! keeps on, and a few of their own. The coordinator exports an *invitation file*; each member
//! exports a *response file* that carries the round's id, a random response id and the answers,
//! and nothing else: no name, no organization, no device id. The plan keeps only the aggregate
//! (how many chose each point, per statement), never a response.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::keyed::Keyed;
use super::time::Millis;
use crate::content::guidance::{HEALTH_CATEGORIES, HEALTH_STATEMENTS};
use crate::lang::{number, tr};

pub const INVITATION_FORMAT: &str = "partnership-self-assessment-invitation";
pub const RESPONSE_FORMAT: &str = "partnership-self-assessment-response";
/// The version of both file kinds this build writes and reads.
pub const FILE_VERSION: u64 = 1;
/// Results show from this many responses unless the coordinator sets more.
pub const DEFAULT_MINIMUM: u32 = 5;
/// No round shows results below this many responses, whatever its file says.
pub const MINIMUM_FLOOR: u32 = 3;
/// Most statements of the coordinator's own per round.
pub const MAX_OWN_STATEMENTS: usize = 5;
/// The longest statement, round name or comment kept.
pub const MAX_TEXT: usize = 1_000;
/// Most responses one round counts (each is a 32-character id in the plan).
pub const MAX_RESPONSES: usize = 20_000;
/// The category of statements the coordinator adds (written to files in English, translated
/// where shown: `category_said`).
pub const OWN_CATEGORY: &str = crate::en!("Our own statements");

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: String,
    pub category: String,
    pub text: String,
}

/// What an invitation file carries: the round as members need it to answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    pub round_id: String,
    pub name: String,
    /// The partnership asking (shown to members).
    #[serde(default)]
    pub partnership: String,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub closes: String,
    pub minimum: u32,
    #[serde(default)]
    pub comments: bool,
    pub statements: Vec<Statement>,
}

/// One member's answers. Nothing here says who, or on which device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub round_id: String,
    /// Random, so that the same file sent twice is counted once.
    pub response_id: String,
    /// Statement id → 1 to 5. A statement left out was not answered.
    pub answers: Keyed<u8>,
    #[serde(default)]
    pub comment: String,
}

/// A round as the plan keeps it: the invitation, and the aggregate of the responses counted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub closes: String,
    pub minimum: u32,
    /// How many members were sent the invitation (0: not said).
    #[serde(default)]
    pub invited: u32,
    #[serde(default)]
    pub comments: bool,
    pub statements: Vec<Statement>,
    /// Statement id → how many chose 1, 2, 3, 4 and 5.
    #[serde(default)]
    pub counts: Keyed<[u32; 5]>,
    /// The response ids counted (random; they name no one), to count a file once.
    #[serde(default)]
    pub counted: Vec<String>,
    /// Comments, in shuffled order (added at a random place).
    #[serde(default)]
    pub notes: Vec<String>,
    pub modified: Millis,
}

/// A file that is one of the two kinds, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssessmentFile {
    Invitation(Invitation),
    Response(Response),
}

/// What the file says it is, from its `format`, without reading the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Invitation,
    Response,
    Plan,
    Other,
}

pub fn kind_of(value: &Value) -> Kind {
    match value.get("format").and_then(Value::as_str) {
        Some(INVITATION_FORMAT) => Kind::Invitation,
        Some(RESPONSE_FORMAT) => Kind::Response,
        Some(f) if f.starts_with("partnership-plan") => Kind::Plan,
        _ => Kind::Other,
    }
}

/// The file kind of a file's bytes, if it is a self-assessment file (cheap enough to ask of
/// every dropped file: it parses the JSON once).
pub fn sniff(bytes: &[u8]) -> Kind {
    super::import::text_of(bytes)
        .ok()
        .and_then(|t| super::json::parse(t).ok())
        .map_or(Kind::Other, |v| kind_of(&v))
}

/// Reads an invitation or a response file, strictly: the same byte, size and JSON rules as
/// plan files, every field checked. The error completes a sentence about the file.
/// Why a file that is not even JSON text was refused, in a self-assessment's words (the plan
/// import's messages speak of plan files).
fn unreadable(error: super::error::ImportError) -> String {
    use super::error::ImportError;
    match error {
        ImportError::NotJson { line, column } => crate::tr!(
            "This is not a self-assessment file, or it was cut short: it cannot be read past \
             line {line}, column {column}.",
            line = number(line as i64),
            column = number(column as i64)
        ),
        ImportError::NotUtf8 { .. } => tr("This is not a self-assessment file: it is not text. \
             It may have been re-saved by another program; ask for it again.")
        .into(),
        ImportError::TooDeep | ImportError::Empty => {
            tr("This is not a self-assessment file.").into()
        }
        other => other.to_string(),
    }
}

pub fn read(bytes: &[u8]) -> Result<AssessmentFile, String> {
    let text = super::import::text_of(bytes).map_err(unreadable)?;
    let value = super::json::parse(text)
        .map_err(|e| unreadable(super::error::ImportError::from_json(e)))?;
    let kind = kind_of(&value);
    let Value::Object(mut top) = value else {
        return Err(tr("This is not a self-assessment file.").into());
    };
    let version = top.get("version").and_then(Value::as_u64);
    match kind {
        Kind::Plan => {
            return Err(tr(
                "This is a plan file, not a self-assessment file: open it with \
                 \u{201c}Import plan\u{201d}.",
            )
            .into())
        }
        Kind::Other => return Err(tr("This is not a self-assessment file.").into()),
        _ if version.is_none() => {
            return Err(crate::tr!(
                "This self-assessment file has no version; this app reads version {ours}. \
                 Ask the sender to export it again, or update.",
                ours = FILE_VERSION
            ))
        }
        _ if version != Some(FILE_VERSION) => {
            return Err(crate::tr!(
                "This self-assessment file has version {theirs}; this app reads version \
                 {ours}. Ask the sender to export it again, or update.",
                theirs = version.unwrap_or_default(),
                ours = FILE_VERSION
            ))
        }
        _ => {}
    }
    let body = top.remove("body").unwrap_or(Value::Null);
    let bad = |(path, problem): (String, String)| {
        crate::tr!(
            "This self-assessment file has a problem at {path}: {problem}.",
            path = path.trim_start_matches('.'),
            problem = problem
        )
    };
    match kind {
        Kind::Invitation => {
            let i: Invitation = super::json::typed(body, "").map_err(bad)?;
            check_invitation(&i).map_err(bad)?;
            Ok(AssessmentFile::Invitation(i))
        }
        _ => {
            let r: Response = super::json::typed(body, "").map_err(bad)?;
            check_response(&r).map_err(bad)?;
            Ok(AssessmentFile::Response(r))
        }
    }
}

fn envelope(format: &str, body: Value) -> String {
    let v = serde_json::json!({ "format": format, "version": FILE_VERSION, "body": body });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

pub fn invitation_text(i: &Invitation) -> String {
    envelope(
        INVITATION_FORMAT,
        serde_json::to_value(i).unwrap_or_default(),
    )
}

pub fn response_text(r: &Response) -> String {
    envelope(RESPONSE_FORMAT, serde_json::to_value(r).unwrap_or_default())
}

type Problem = (String, String);

fn short_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
}

fn check_statements(statements: &[Statement]) -> Result<(), Problem> {
    if statements.is_empty() || statements.len() > HEALTH_STATEMENTS.len() + MAX_OWN_STATEMENTS {
        return Err((
            "statements".into(),
            tr("must list 1 to 17 statements").into(),
        ));
    }
    for (i, s) in statements.iter().enumerate() {
        if !short_id(&s.id) || statements[..i].iter().any(|t| t.id == s.id) {
            return Err((
                format!("statements[{i}].id"),
                tr("must be a short id, once").into(),
            ));
        }
        if s.text.trim().is_empty() || s.text.chars().count() > MAX_TEXT || s.category.len() > 100 {
            return Err((
                format!("statements[{i}].text"),
                tr("must be 1 to 1,000 characters").into(),
            ));
        }
    }
    Ok(())
}

fn check_common(id: &str, name: &str, minimum: u32) -> Result<(), Problem> {
    if !short_id(id) {
        return Err(("round_id".into(), tr("must be a short id").into()));
    }
    if name.trim().is_empty() || name.chars().count() > 200 {
        return Err(("name".into(), tr("must be 1 to 200 characters").into()));
    }
    if minimum < MINIMUM_FLOOR || minimum > 1_000 {
        return Err((
            "minimum".into(),
            crate::tr!("must be {least} to 1,000", least = MINIMUM_FLOOR),
        ));
    }
    Ok(())
}

fn check_invitation(i: &Invitation) -> Result<(), Problem> {
    check_common(&i.round_id, &i.name, i.minimum)?;
    if i.partnership.chars().count() > 200 || i.closes.len() > 10 {
        return Err(("partnership".into(), tr("is too long").into()));
    }
    check_statements(&i.statements)
}

fn check_response(r: &Response) -> Result<(), Problem> {
    if !short_id(&r.round_id) {
        return Err(("round_id".into(), tr("must be a short id").into()));
    }
    if !short_id(&r.response_id) {
        return Err(("response_id".into(), tr("must be a short id").into()));
    }
    if r.answers.len() > HEALTH_STATEMENTS.len() + MAX_OWN_STATEMENTS {
        return Err((
            "answers".into(),
            tr("has more answers than any round has statements").into(),
        ));
    }
    if let Some((k, _)) = r.answers.iter().find(|(_, v)| !(1..=5).contains(*v)) {
        return Err((
            format!("answers.{}", super::json::clip(k)),
            tr("must be 1 to 5").into(),
        ));
    }
    if r.comment.chars().count() > MAX_TEXT {
        return Err((
            "comment".into(),
            tr("is longer than 1,000 characters").into(),
        ));
    }
    Ok(())
}

/// The limits a plan's rounds keep (`Plan::check`).
pub fn check_rounds(rounds: &[Round]) -> Result<(), Problem> {
    for (i, r) in rounds.iter().enumerate() {
        let at = |p: Problem| (format!("plan.assessments[{i}].{}", p.0), p.1);
        check_common(&r.id, &r.name, r.minimum).map_err(at)?;
        check_statements(&r.statements).map_err(at)?;
        if r.counted.len() > MAX_RESPONSES || r.notes.len() > MAX_RESPONSES {
            return Err(at((
                "counted".into(),
                crate::tr!(
                    "lists more than {most} responses",
                    most = number(MAX_RESPONSES as i64)
                ),
            )));
        }
        if r.counts.len() > r.statements.len() {
            return Err(at((
                "counts".into(),
                tr("counts a statement the round does not have").into(),
            )));
        }
    }
    Ok(())
}

/// A new round with the health self-check's statements, all on.
pub fn new_round(id: String, name: &str, now: Millis) -> Round {
    Round {
        id,
        name: name.trim().to_owned(),
        minimum: DEFAULT_MINIMUM,
        statements: HEALTH_STATEMENTS
            .iter()
            .map(|s| Statement {
                id: s.id.to_owned(),
                category: s.category.to_owned(),
                text: s.text.to_owned(),
            })
            .collect(),
        modified: now,
        ..Round::default()
    }
}

/// Why a response was not counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// For another round (or its round id was changed).
    OtherRound,
    /// This response was counted already.
    Duplicate,
    /// It answers a statement this round does not ask.
    UnknownStatement(String),
    /// It answers nothing.
    Empty,
    Full,
}

impl Refusal {
    pub fn message(&self, round: &str) -> String {
        match self {
            Refusal::OtherRound => crate::tr!(
                "Not counted: this response is for another self-assessment round, not \u{201c}{round}\u{201d}.",
                round = round
            ),
            Refusal::Duplicate => {
                tr("Not counted again: this response was counted already.").into()
            }
            Refusal::UnknownStatement(s) => crate::tr!(
                "Not counted: it answers a statement \u{201c}{statement}\u{201d} that \u{201c}{round}\u{201d} does not ask.",
                statement = super::json::clip(s),
                round = round
            ),
            Refusal::Empty => tr("Not counted: it answers no statement.").into(),
            Refusal::Full => crate::tr!(
                "Not counted: a round counts at most {most} responses.",
                most = number(MAX_RESPONSES as i64)
            ),
        }
    }
}

impl Round {
    pub fn invitation(&self, partnership: &str) -> Invitation {
        Invitation {
            round_id: self.id.clone(),
            name: self.name.clone(),
            partnership: partnership.to_owned(),
            closes: self.closes.clone(),
            minimum: self.minimum.max(MINIMUM_FLOOR),
            comments: self.comments,
            statements: self.statements.clone(),
        }
    }

    pub fn responses(&self) -> usize {
        self.counted.len()
    }

    /// Results (and comments) show only from the round's minimum, never below the floor.
    pub fn shows_results(&self) -> bool {
        self.responses() >= self.minimum.max(MINIMUM_FLOOR) as usize
    }

    /// Whether `r` would be counted, and why not.
    pub fn refusal(&self, r: &Response) -> Option<Refusal> {
        if r.round_id != self.id {
            return Some(Refusal::OtherRound);
        }
        if self.counted.iter().any(|c| *c == r.response_id) {
            return Some(Refusal::Duplicate);
        }
        if let Some(k) = r
            .answers
            .keys()
            .find(|k| !self.statements.iter().any(|s| s.id == **k))
        {
            return Some(Refusal::UnknownStatement(k.clone()));
        }
        if r.answers.is_empty() {
            return Some(Refusal::Empty);
        }
        (self.counted.len() >= MAX_RESPONSES).then_some(Refusal::Full)
    }

    /// Counts one response into the aggregate; the response itself is not kept. `slot` (any
    /// random number) places its comment among the others, so their order says nothing.
    pub fn add(&mut self, r: &Response, slot: usize, now: Millis) -> Result<(), Refusal> {
        if let Some(why) = self.refusal(r) {
            return Err(why);
        }
        for (id, &v) in r.answers.iter() {
            let mut c = self.counts.get(id).copied().unwrap_or_default();
            c[usize::from(v - 1)] += 1;
            self.counts.insert(id.clone(), c);
        }
        self.counted.push(r.response_id.clone());
        let comment = r.comment.trim();
        if self.comments && !comment.is_empty() {
            let at = slot % (self.notes.len() + 1);
            self.notes.insert(at, comment.to_owned());
        }
        self.modified = now;
        Ok(())
    }
}

/// What the answers to one statement add up to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub counts: [u32; 5],
    pub answered: u32,
    /// Twice the median (so 7 is 3.5); 0 when nobody answered.
    pub median_x2: u32,
    /// Members disagree: answers on both sides of neutral (a 1 or 2 and a 4 or 5), or a
    /// standard deviation of 1 point or more.
    pub discuss: bool,
}

pub fn summarize(counts: [u32; 5]) -> Summary {
    let n: u32 = counts.iter().sum();
    let nth = |k: u32| {
        let mut seen = 0;
        for (i, c) in counts.iter().enumerate() {
            seen += c;
            if seen > k {
                return i as u32 + 1;
            }
        }
        0
    };
    let median_x2 = match n {
        0 => 0,
        n if n % 2 == 1 => 2 * nth(n / 2),
        n => nth(n / 2 - 1) + nth(n / 2),
    };
    let (n64, sum, squares) =
        counts
            .iter()
            .enumerate()
            .fold((0u64, 0u64, 0u64), |(n, s, q), (i, &c)| {
                let (c, v) = (u64::from(c), i as u64 + 1);
                (n + c, s + c * v, q + c * v * v)
            });
    let both_sides = counts[0] + counts[1] > 0 && counts[3] + counts[4] > 0;
    // variance ≥ 1  ⇔  n·Σx² − (Σx)² ≥ n²
    let spread = n64 > 0 && n64 * squares - sum * sum >= n64 * n64;
    Summary {
        counts,
        answered: n,
        median_x2,
        discuss: both_sides || spread,
    }
}

/// "3" or "3.5".
pub fn half_points(x2: u32) -> String {
    if x2 % 2 == 0 {
        (x2 / 2).to_string()
    } else {
        format!("{}.5", x2 / 2)
    }
}

/// The overall reading of a category, after the Wilder inventory's usual one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Average 4.0 to 5.0.
    Strength,
    /// 3.0 to 3.9.
    Borderline,
    /// Below 3.0.
    Concern,
}

impl Reading {
    /// "a strength", in the language the app speaks now.
    pub fn label(self) -> &'static str {
        match self {
            Reading::Strength => tr("a strength"),
            Reading::Borderline => tr("borderline"),
            Reading::Concern => tr("a concern"),
        }
    }
}

/// A statement's text as the screen shows it. A file and the plan keep the health
/// self-check's statements in English with their ids; one whose id and text are the app's own
/// is shown in the language the app speaks now, any other (the coordinator's own, or an older
/// wording) as written.
pub fn statement_said(s: &Statement) -> &str {
    HEALTH_STATEMENTS
        .iter()
        .find(|h| h.id == s.id && h.text == s.text)
        .map_or(s.text.as_str(), |h| tr(h.text))
}

/// A category's name as the screen shows it: the app's own in the language it speaks now, any
/// other as written.
pub fn category_said(category: &str) -> &str {
    HEALTH_CATEGORIES
        .iter()
        .copied()
        .chain([OWN_CATEGORY])
        .find(|c| *c == category)
        .map_or(category, |c| tr(c))
}

/// Per category, in the round's order: (category, average × 10 of every answer in it, reading).
pub fn categories(round: &Round) -> Vec<(String, u64, Reading)> {
    let mut out: Vec<(String, u64, u64)> = Vec::new();
    for s in &round.statements {
        let c = round.counts.get(&s.id).copied().unwrap_or_default();
        let (n, sum) = c.iter().enumerate().fold((0u64, 0u64), |(n, t), (i, &k)| {
            (n + u64::from(k), t + u64::from(k) * (i as u64 + 1))
        });
        match out.iter_mut().find(|(cat, ..)| *cat == s.category) {
            Some(row) => {
                row.1 += n;
                row.2 += sum;
            }
            None => out.push((s.category.clone(), n, sum)),
        }
    }
    out.into_iter()
        .filter(|(_, n, _)| *n > 0)
        .map(|(cat, n, sum)| {
            // Rounded to one decimal, as shown.
            let tenths = (sum * 20 + n) / (2 * n);
            let reading = match tenths {
                40.. => Reading::Strength,
                30..=39 => Reading::Borderline,
                _ => Reading::Concern,
            };
            (cat, tenths, reading)
        })
        .collect()
}

/// The round before `round` in the plan's list that shows results, for "round against round".
pub fn previous<'a>(rounds: &'a [Round], round: &Round) -> Option<&'a Round> {
    let at = rounds.iter().position(|r| r.id == round.id)?;
    rounds[..at].iter().rev().find(|r| r.shows_results())
}

/// The newest round with results: what the Trust and sustainability section reports.
pub fn latest_with_results(rounds: &[Round]) -> Option<&Round> {
    rounds.iter().rev().find(|r| r.shows_results())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round() -> Round {
        let mut r = new_round("r1".into(), "Spring 2027 check-in", 1);
        r.statements.truncate(4);
        r.comments = true;
        r
    }

    fn response(id: &str, values: &[u8]) -> Response {
        let r = round();
        Response {
            round_id: "r1".into(),
            response_id: id.into(),
            answers: r
                .statements
                .iter()
                .zip(values)
                .map(|(s, v)| (s.id.clone(), *v))
                .collect(),
            comment: String::new(),
        }
    }

    #[test]
    fn median_counts_and_discuss_by_hand() {
        let s = summarize([0, 0, 2, 3, 0]);
        assert_eq!((s.answered, s.median_x2, s.discuss), (5, 8, false));
        // 1, 2, 4, 5: both sides of neutral, median 3.
        let s = summarize([1, 1, 0, 1, 1]);
        assert_eq!((s.median_x2, s.discuss), (6, true));
        assert_eq!(half_points(summarize([0, 0, 1, 1, 0]).median_x2), "3.5");
        // 3s and 5s only: not both sides, but a standard deviation of 1.
        assert!(summarize([0, 0, 2, 0, 2]).discuss);
        assert!(!summarize([0, 0, 3, 0, 1]).discuss, "sd 0.87");
        assert_eq!(summarize([0; 5]).median_x2, 0);
    }

    #[test]
    fn counts_once_and_refuses_by_reason() {
        let mut r = round();
        assert_eq!(r.add(&response("a", &[4, 4, 2, 5]), 0, 2), Ok(()));
        assert_eq!(
            r.add(&response("a", &[4, 4, 2, 5]), 0, 3),
            Err(Refusal::Duplicate)
        );
        let mut other = response("b", &[1]);
        other.round_id = "r2".into();
        assert_eq!(r.add(&other, 0, 3), Err(Refusal::OtherRound));
        let mut extra = response("c", &[1]);
        extra.answers.insert("made.up".into(), 3);
        assert_eq!(
            r.add(&extra, 0, 3),
            Err(Refusal::UnknownStatement("made.up".into()))
        );
        assert_eq!(r.add(&response("d", &[]), 0, 3), Err(Refusal::Empty));
        // A missing statement is simply not answered.
        assert_eq!(r.add(&response("e", &[5]), 0, 4), Ok(()));
        assert_eq!(r.responses(), 2);
        assert_eq!(r.counts.get(&r.statements[0].id), Some(&[0, 0, 0, 1, 1]));
        assert_eq!(r.counts.get(&r.statements[3].id), Some(&[0, 0, 0, 0, 1]));
        assert!(Refusal::OtherRound
            .message("Spring")
            .contains("\u{201c}Spring\u{201d}"));
    }

    #[test]
    fn ten_thousand_responses_are_counted_once_each_in_bounded_time() {
        let mut r = round();
        let started = std::time::Instant::now();
        for i in 0..10_000 {
            let values = [(i % 5 + 1) as u8, 3, 3, 3];
            r.add(&response(&format!("r{i}"), &values), 0, 1).unwrap();
        }
        // The same ten thousand again: each refused as a duplicate, nothing changed.
        let before = r.clone();
        for i in 0..10_000 {
            assert_eq!(
                r.add(&response(&format!("r{i}"), &[1, 1, 1, 1]), 0, 2),
                Err(Refusal::Duplicate)
            );
        }
        assert_eq!(r, before);
        assert_eq!(r.responses(), 10_000);
        assert_eq!(
            r.counts.get(&r.statements[0].id),
            Some(&[2_000, 2_000, 2_000, 2_000, 2_000])
        );
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    }

    #[test]
    fn a_damaged_file_is_refused_in_a_self_assessments_words() {
        let refused = read(br#"{"format": "partnership-self-assessment-response", "ver"#);
        assert!(
            matches!(&refused, Err(why) if why.starts_with(
                "This is not a self-assessment file, or it was cut short"
            )),
            "{refused:?}"
        );
        assert!(matches!(read(&[0xff, 0xfe, 0x00]), Err(why) if why.contains("self-assessment")));
    }

    #[test]
    fn nothing_shows_below_the_minimum_and_never_below_three() {
        let mut r = round();
        for i in 0..4 {
            r.add(&response(&format!("x{i}"), &[3, 3, 3, 3]), i, 1)
                .unwrap();
        }
        assert!(!r.shows_results());
        r.add(&response("x5", &[3, 3, 3, 3]), 0, 1).unwrap();
        assert!(r.shows_results());
        let mut low = round();
        low.minimum = 1;
        low.add(&response("y", &[3]), 0, 1).unwrap();
        assert!(!low.shows_results(), "the floor is 3");
    }

    #[test]
    fn comments_are_kept_only_when_asked_and_shuffled_in() {
        let mut r = round();
        let mut a = response("a", &[3]);
        a.comment = "first".into();
        let mut b = response("b", &[3]);
        b.comment = "second".into();
        r.add(&a, 0, 1).unwrap();
        r.add(&b, 0, 1).unwrap();
        assert_eq!(r.notes, ["second", "first"]);
        let mut off = round();
        off.comments = false;
        off.add(&a, 0, 1).unwrap();
        assert!(off.notes.is_empty());
    }

    #[test]
    fn categories_read_like_the_wilder_inventory() {
        let mut r = round();
        // Environment (statements 0, 1) and Membership (2, 3).
        for (i, v) in [[5, 4, 2, 3], [4, 4, 3, 2], [4, 5, 2, 2]]
            .iter()
            .enumerate()
        {
            r.add(&response(&format!("r{i}"), v), 0, 1).unwrap();
        }
        let c = categories(&r);
        assert_eq!(c[0], ("Environment".into(), 43, Reading::Strength));
        assert_eq!(c[1], ("Membership".into(), 23, Reading::Concern));
    }

    #[test]
    fn files_round_trip_and_refuse_what_they_are_not() {
        let r = round();
        let i = r.invitation("Front Range");
        assert_eq!(
            read(invitation_text(&i).as_bytes()),
            Ok(AssessmentFile::Invitation(i))
        );
        let resp = response("abc", &[1, 2, 3, 4]);
        let text = response_text(&resp);
        assert!(!text.contains("device") && !text.contains("name"));
        assert_eq!(read(text.as_bytes()), Ok(AssessmentFile::Response(resp)));
        let out_of_range = text.replacen(": 4", ": 6", 1);
        assert!(read(out_of_range.as_bytes())
            .unwrap_err()
            .contains("must be 1 to 5"));
        assert!(read(&text.as_bytes()[..text.len() / 2])
            .unwrap_err()
            .contains("cut short"));
        let plan = crate::model::encode(&crate::model::Plan::new("p".into(), 1), 1);
        assert!(read(plan.as_bytes()).unwrap_err().contains("Import plan"));
        assert!(read(&vec![b' '; 50 * 1024 * 1024])
            .unwrap_err()
            .contains("too large"));
        let extra = text.replacen("\"comment\"", "\"device_id\": \"d\", \"comment\"", 1);
        assert!(read(extra.as_bytes()).is_err(), "no unknown fields");
        assert_eq!(sniff(text.as_bytes()), Kind::Response);
        assert_eq!(sniff(plan.as_bytes()), Kind::Plan);
    }

    #[test]
    fn files_carry_ids_and_english_whatever_the_language_and_are_said_where_shown() {
        // Answers are keyed by statement id; the invitation keeps the statements as the plan
        // does, in English, and a screen translates the app's own ones (`statement_said`).
        let mut r = round();
        r.statements.push(Statement {
            id: "own.1".into(),
            category: OWN_CATEGORY.into(),
            text: "Our own words".into(),
        });
        let text = invitation_text(&r.invitation("Front Range"));
        assert!(text.contains(HEALTH_STATEMENTS[0].text));
        assert!(text.contains("\"Our own statements\""));
        let resp = response_text(&response("abc", &[1, 2]));
        assert!(resp.contains(&format!("\"{}\": 1", HEALTH_STATEMENTS[0].id)));
        assert_eq!(statement_said(&r.statements[0]), HEALTH_STATEMENTS[0].text);
        assert_eq!(statement_said(&r.statements[4]), "Our own words");
        assert_eq!(category_said(OWN_CATEGORY), "Our own statements");
        assert_eq!(category_said("Our own list"), "Our own list");
        // A statement whose text is not the app's own (an older wording) is shown as written.
        let mut older = r.statements[0].clone();
        older.text = "Older wording".into();
        assert_eq!(statement_said(&older), "Older wording");
    }

    #[test]
    fn previous_round_is_the_last_with_results() {
        let mut a = round();
        for i in 0..5 {
            a.add(&response(&format!("a{i}"), &[2]), 0, 1).unwrap();
        }
        let mut b = round();
        b.id = "r2".into();
        let rounds = vec![a.clone(), b.clone()];
        assert_eq!(previous(&rounds, &b), Some(&a));
        assert_eq!(previous(&rounds, &a), None);
        assert_eq!(latest_with_results(&rounds), Some(&a));
    }

    #[test]
    fn results_merge_like_any_other_part_of_the_plan() {
        use crate::model::{Edit, Plan};
        let mut mine = Plan::new("p".into(), 1);
        mine.editor.device = "coordinator".into();
        let theirs_base = mine.clone();
        let mut r = round();
        for i in 0..5 {
            r.add(&response(&format!("a{i}"), &[4, 2]), i, 2).unwrap();
        }
        mine.apply(
            Edit::Round {
                id: r.id.clone(),
                round: Some(Box::new(r.clone())),
            },
            3,
        )
        .unwrap();
        let mut theirs = theirs_base;
        theirs.editor.device = "colleague".into();
        theirs.set_name("Front Range", 4);
        theirs.touch("name", 4);
        // The colleague takes in the coordinator's rounds.
        let m = crate::model::merge::merge(&theirs, &mine, None);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let merged = m.resolve(&[], 5, || "n".into()).unwrap();
        assert_eq!(merged.assessments.len(), 1);
        assert_eq!(merged.assessments[0].counts, r.counts);
        assert_eq!(merged.name, "Front Range");
        let back = crate::model::decode(&crate::model::encode(&merged, 6)).unwrap();
        assert_eq!(back.plan.assessments[0].counted.len(), 5);
    }
}
