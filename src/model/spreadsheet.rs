//! Spreadsheets in and out: members and action items written as CSV for Excel and other
//! spreadsheets, and a roster read from a CSV file, with its columns mapped to the roster's
//! fields, each row checked, and rows that look like members already in the plan flagged.
//!
//! Parsing and writing CSV is the `csv` crate's; this module decides what goes in and what comes
//! out.
//!
//! A file is written in the app's current language (column names and values as the screens show
//! them) and read in either: a roster exported in Spanish imports in English and the other way
//! round.

use super::fields::{display_value, spec, FieldSpec, Input};
use super::items::{FieldValue, Member, MemberField, Record};
use super::kinds::{MemberStatus, Pillar, Sector};
use super::paging::Fold;
use super::plan::{clean_text, Plan, MAX_TEXT_CHARS};
use super::time::Millis;
use super::ListKind;
use crate::lang::{self, tr, Lang};

/// The largest spreadsheet read: a roster of thousands of members is far smaller.
pub const MAX_CSV_BYTES: u64 = 2 * 1024 * 1024;
/// The most rows read from one file.
pub const MAX_CSV_ROWS: usize = 5_000;

/// A cell as a spreadsheet will show it and never run it: text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (OWASP's advice on CSV injection).
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// A cell as people read it, except dates, which stay `YYYY-MM-DD`: spreadsheets sort them and
/// read them as dates in any language.
fn cell_text(plan: &Plan, input: Input, value: &FieldValue) -> String {
    match (input, value) {
        (Input::Date, FieldValue::Maybe(Some(date))) => date.clone(),
        _ => display_value(plan, input, value),
    }
}

/// A column's name from the app's label, in the current language ("Email (optional)" is
/// "Email").
fn column_name(spec: &FieldSpec) -> &'static str {
    let label = tr(spec.label);
    [" (optional)", " (opcional)"]
        .iter()
        .find_map(|s| label.strip_suffix(s))
        .unwrap_or(label)
}

/// `f` run once in each language the app can speak now (English always, Spanish once its
/// catalogue is loaded), the current language restored after: the words a file written in
/// either language may use.
fn in_each_language<T>(f: impl Fn() -> T) -> Vec<T> {
    let now = lang::current();
    let out = Lang::ALL
        .into_iter()
        .filter(|&l| lang::ready(l))
        .map(|l| {
            let _ = lang::set(l);
            f()
        })
        .collect();
    let _ = lang::set(now);
    out
}

/// One list as CSV: a UTF-8 byte order mark (so Excel reads accents), a header row of the
/// app's labels in the current language, one row per item with values as the screens show them, CRLF line ends.
pub fn list_csv(plan: &Plan, list: ListKind) -> String {
    let spec = spec(list);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows = vec![spec
        .fields
        .iter()
        .map(column_name)
        .map(neutralise)
        .collect::<Vec<_>>()];
    for id in plan.item_ids(list) {
        rows.push(
            spec.fields
                .iter()
                .map(|f| {
                    let value = plan.field(&id, f.field).unwrap_or(FieldValue::Maybe(None));
                    neutralise(&cell_text(plan, f.input, &value))
                })
                .collect(),
        );
    }
    for row in rows {
        // Writing to memory cannot fail; a row that somehow did would only be missing.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// A spreadsheet as read: its header row and data rows, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub headers: Vec<String>,
    /// `(row number, cells)`, the header being row 1.
    pub rows: Vec<(u64, Vec<String>)>,
    /// `,`, `;` or a tab.
    pub delimiter: char,
}

/// Reads a CSV file: comma, semicolon or tab separated, quoted fields, with or without a byte
/// order mark. Refuses, with the reason, what is not a CSV file.
pub fn read_sheet(bytes: &[u8]) -> Result<Sheet, String> {
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(tr(
            "This file is not a spreadsheet saved as CSV: it holds binary data. In your \
             spreadsheet, choose Save as (or Download) and the format \u{201c}CSV UTF-8\u{201d}.",
        )
        .into());
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(tr(
            "This file is not saved as UTF-8 text, so accents would be lost. In your \
             spreadsheet, choose Save as and the format \u{201c}CSV UTF-8\u{201d}.",
        )
        .into());
    };
    let delimiter = guess_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let record = e.position().map_or(0, |p| p.record() + 1);
            crate::tr!(
                "Row {row} of the file could not be read as CSV: check its quotes.",
                row = record
            )
        })?;
        // The row as a spreadsheet numbers it, the header being row 1 (blank lines skipped).
        let line = record.position().map_or(0, |p| p.record() + 1);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if headers.is_none() {
            headers = Some(cells);
            continue;
        }
        if rows.len() == MAX_CSV_ROWS {
            return Err(crate::tr!(
                "This file has more than {max} rows. Split it into smaller files, or check that \
                 it is the roster.",
                max = MAX_CSV_ROWS
            ));
        }
        rows.push((line, cells));
    }
    let Some(headers) = headers else {
        return Err(tr("This file is empty.").into());
    };
    if rows.is_empty() {
        return Err(tr("This file has a header row but no rows of members under it.").into());
    }
    Ok(Sheet {
        headers,
        rows,
        delimiter,
    })
}

pub fn too_large(bytes: u64) -> String {
    crate::tr!(
        "This file is {size} MB; a roster file can be at most {max} MB. Check that it is the \
         roster, saved as CSV.",
        size = super::rules::one_decimal(bytes, 1_048_576),
        max = MAX_CSV_BYTES / 1_048_576
    )
}

/// The separator used most on the first line, outside quotes (comma when none is).
fn guess_delimiter(text: &str) -> char {
    let mut counts = [(',', 0), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == c) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == ','))
        .filter(|(_, n)| *n > 0)
        .map_or(',', |(d, _)| *d)
}

/// The roster fields a column can go to, in the roster's order.
pub const IMPORTABLE: [MemberField; 9] = [
    MemberField::Name,
    MemberField::Sector,
    MemberField::Status,
    MemberField::Contact,
    MemberField::Email,
    MemberField::Phone,
    MemberField::Pillars,
    MemberField::Brings,
    MemberField::Needs,
];

/// A roster field's label, as the roster shows it (in the current language).
pub fn field_label(field: MemberField) -> &'static str {
    spec(ListKind::Members)
        .fields
        .iter()
        .find(|f| f.field == super::Field::Members(field))
        .map_or("", column_name)
}

/// Other words spreadsheets use for the roster's columns, in English and in Spanish (compared
/// folded: lower case, no accents). The Spanish include the app's own column names, so a file
/// exported in Spanish is recognised even before the Spanish catalogue is loaded.
fn synonyms(field: MemberField) -> impl Iterator<Item = &'static str> {
    let spanish: &'static [&'static str] = match field {
        MemberField::Name => &[
            "nombre",
            "nombre de la organizacion",
            "organizacion",
            "entidad",
            "agencia",
            "integrante",
            "organizacion integrante",
        ],
        MemberField::Sector => &["sector", "tipo", "categoria"],
        MemberField::Status => &["estado", "estatus", "etapa"],
        MemberField::Contact => &[
            "contacto",
            "persona de contacto",
            "nombre de contacto",
            "representante",
        ],
        MemberField::Email => &[
            "correo",
            "correo electronico",
            "direccion de correo electronico",
            "email",
        ],
        MemberField::Phone => &["telefono", "tel", "numero de telefono", "celular"],
        MemberField::Pillars => &[
            "p",
            "4 p",
            "las 4 p",
            "p que atiende",
            "las p que atiende",
            "pilares",
        ],
        MemberField::Brings => &[
            "aporta",
            "que aporta",
            "lo que aporta",
            "ofrece",
            "que ofrece",
        ],
        MemberField::Needs => &["necesita", "que necesita", "lo que necesita", "necesidades"],
    };
    let english: &'static [&'static str] = match field {
        MemberField::Name => &[
            "name",
            "organization",
            "organisation",
            "org",
            "agency",
            "member",
            "member organization",
        ],
        MemberField::Sector => &["sector", "type", "kind", "category"],
        MemberField::Status => &["status", "stage"],
        MemberField::Contact => &["contact", "contact name", "person", "representative"],
        MemberField::Email => &["email", "e-mail", "email address", "mail"],
        MemberField::Phone => &["phone", "telephone", "tel", "phone number"],
        MemberField::Pillars => &["ps", "4 ps", "pillars"],
        MemberField::Brings => &["brings", "offers", "what they bring"],
        MemberField::Needs => &["needs", "what they need"],
    };
    english.iter().chain(spanish).copied()
}

/// Which field each column most likely holds, from its heading; each field at most once.
/// Column names are recognised in English and in Spanish, whatever the current language.
pub fn guess_mapping(headers: &[String], fold: Fold) -> Vec<Option<MemberField>> {
    // Each field's column name in each language the app can speak now.
    let names: Vec<(MemberField, String)> = in_each_language(|| {
        IMPORTABLE
            .into_iter()
            .map(|f| (f, fold(field_label(f))))
            .collect::<Vec<_>>()
    })
    .concat();
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let h = h.trim();
            let h = [" (optional)", " (opcional)"]
                .iter()
                .find_map(|s| h.strip_suffix(s))
                .unwrap_or(h);
            let h = fold(h.trim());
            let found = IMPORTABLE.into_iter().find(|&f| {
                !taken.contains(&f)
                    && (names.iter().any(|(g, name)| *g == f && *name == h)
                        || synonyms(f).any(|s| s == h))
            });
            taken.extend(found);
            found
        })
        .collect()
}

/// One row of the spreadsheet, as it would be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowCheck {
    /// The row's number in the file, the header row being 1 (blank lines not counted).
    pub line: u64,
    pub member: Member,
    /// What is wrong or was changed, in plain words.
    pub problems: Vec<String>,
    /// The member (or earlier row) it looks like a copy of.
    pub duplicate_of: Option<String>,
    /// Whether it can be added at all (it has a name and fits).
    pub addable: bool,
}

impl RowCheck {
    /// Whether the preview ticks it at first: addable, no problem, not a likely duplicate.
    pub fn suggested(&self) -> bool {
        self.addable && self.problems.is_empty() && self.duplicate_of.is_none()
    }
}

/// A vocabulary entry named by its key or its label in English or Spanish (`spanish`: the
/// Spanish labels, folded, known without the catalogue), ignoring case and accents; a label's
/// first words are enough ("Law enforcement").
fn choose<V: Copy + PartialEq>(
    all: &[V],
    key: fn(V) -> &'static str,
    label: fn(V) -> &'static str,
    spanish: &[(V, &str)],
    text: &str,
    fold: Fold,
) -> Option<V> {
    let t = fold(text.trim());
    let mut labels: Vec<(V, String)> = in_each_language(|| {
        all.iter()
            .map(|&v| (v, fold(tr(label(v)))))
            .collect::<Vec<_>>()
    })
    .concat();
    labels.extend(spanish.iter().map(|&(v, l)| (v, l.to_owned())));
    all.iter()
        .copied()
        .find(|&v| fold(key(v)) == t || labels.iter().any(|(w, l)| *w == v && *l == t))
        .or_else(|| {
            labels.iter().find_map(|(v, l)| {
                (t.len() >= 4 && l.starts_with(&t) && l[t.len()..].starts_with([' ', ',']))
                    .then_some(*v)
            })
        })
}

/// The statuses' Spanish labels, folded.
const STATUS_ES: &[(MemberStatus, &str)] = &[
    (MemberStatus::Identified, "identificada"),
    (MemberStatus::Invited, "invitada"),
    (MemberStatus::Committed, "confirmada"),
    (MemberStatus::MouSigned, "memorando firmado"),
];

/// The 4 Ps' Spanish labels, folded.
const PILLAR_ES: &[(Pillar, &str)] = &[
    (Pillar::Prevention, "prevencion"),
    (Pillar::Protection, "proteccion"),
    (Pillar::Prosecution, "procesamiento judicial"),
    (Pillar::Partnership, "alianzas"),
];

/// Checks every row against the mapping and the members already in the plan.
pub fn check_rows(
    plan: &Plan,
    sheet: &Sheet,
    mapping: &[Option<MemberField>],
    fold: Fold,
) -> Vec<RowCheck> {
    let key = |s: &str| fold(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut seen: Vec<(String, String, String)> = plan
        .members
        .iter()
        .map(|m| {
            (
                key(&m.name),
                key(&m.email),
                crate::tr!("{name} (already a member)", name = m.name.trim()),
            )
        })
        .collect();
    let mut out = Vec::new();
    for (line, cells) in &sheet.rows {
        let mut member = Member::default();
        let mut problems = Vec::new();
        let mut addable = true;
        if cells.len() > sheet.headers.len() {
            problems.push(crate::tr!(
                "Has {cells} cells where the header row has {headers}: the extra cells are left out.",
                cells = cells.len(),
                headers = sheet.headers.len()
            ));
        }
        for (i, cell) in cells.iter().enumerate() {
            let Some(Some(field)) = mapping.get(i) else {
                continue;
            };
            let label = field_label(*field);
            if cell.is_empty() {
                continue;
            }
            if cell.chars().count() > MAX_TEXT_CHARS {
                problems.push(crate::tr!(
                    "{label}: longer than {max} characters.",
                    label = label,
                    max = MAX_TEXT_CHARS
                ));
                addable = false;
                continue;
            }
            if cell.starts_with('=') {
                problems.push(crate::tr!(
                    "{label}: looks like a spreadsheet formula; it is kept as plain text.",
                    label = label
                ));
            }
            if looks_like_markup(cell) {
                problems.push(crate::tr!(
                    "{label}: holds HTML markup; it is kept as plain text.",
                    label = label
                ));
            }
            let text = clean_text(cell).into_owned();
            match field {
                MemberField::Name => member.name = text,
                MemberField::Contact => member.contact = text,
                MemberField::Phone => member.phone = text,
                MemberField::Brings => member.brings = text,
                MemberField::Needs => member.needs = text,
                MemberField::Email => {
                    if !looks_like_email(&text) {
                        problems.push(crate::tr!(
                            "{label}: \u{201c}{text}\u{201d} does not look like an email address.",
                            label = label,
                            text = text
                        ));
                    }
                    member.email = text;
                }
                MemberField::Sector => {
                    match choose(Sector::ALL, Sector::key, Sector::label, &[], &text, fold) {
                        Some(s) => member.sector = Some(s),
                        None => problems.push(crate::tr!(
                            "{label}: \u{201c}{text}\u{201d} is not one of the sectors; it is left empty.",
                            label = label,
                            text = text
                        )),
                    }
                }
                MemberField::Status => {
                    match choose(MemberStatus::ALL, MemberStatus::key, MemberStatus::label, STATUS_ES, &text, fold) {
                        Some(s) => member.status = s,
                        None => problems.push(crate::tr!(
                            "{label}: \u{201c}{text}\u{201d} is not one of the statuses; {status} is used.",
                            label = label,
                            text = text,
                            status = tr(MemberStatus::Identified.label())
                        )),
                    }
                }
                MemberField::Pillars => {
                    for part in text
                        .split([',', ';'])
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                    {
                        match choose(Pillar::ALL, Pillar::key, Pillar::label, PILLAR_ES, part, fold) {
                            Some(p) if !member.pillars.contains(&p) => member.pillars.push(p),
                            Some(_) => {}
                            None => problems.push(crate::tr!(
                                "{label}: \u{201c}{part}\u{201d} is not one of the 4 Ps; it is left out.",
                                label = label,
                                part = part
                            )),
                        }
                    }
                    member.pillars.sort();
                }
            }
        }
        if member.name.trim().is_empty() {
            problems.push(tr("No organization name: this row cannot be added.").into());
            addable = false;
        }
        let (name, email) = (key(&member.name), key(&member.email));
        let duplicate_of = (!name.is_empty())
            .then(|| {
                seen.iter()
                    .find(|(n, e, _)| *n == name || (!email.is_empty() && *e == email))
                    .map(|(_, _, who)| who.clone())
            })
            .flatten();
        seen.push((
            name,
            email,
            crate::tr!(
                "{name} (row {row} of this file)",
                name = member.name.trim(),
                row = line
            ),
        ));
        out.push(RowCheck {
            line: *line,
            member,
            problems,
            duplicate_of,
            addable,
        });
    }
    out
}

fn looks_like_email(text: &str) -> bool {
    let Some((user, host)) = text.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !text.contains(char::is_whitespace)
}

fn looks_like_markup(text: &str) -> bool {
    text.match_indices('<').any(|(i, _)| {
        text[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
    })
}

/// The plan with the chosen rows added to the roster under the ids given (one per member).
pub fn with_members(plan: &Plan, members: Vec<Member>, ids: Vec<String>, now: Millis) -> Plan {
    let mut next = plan.clone();
    for (member, id) in members.into_iter().zip(ids) {
        let mut m = Member::create(id, now);
        m = Member {
            id: m.id,
            modified: m.modified,
            ..member
        };
        next.members.push(m);
    }
    next.modified = now;
    next
}

/// The plan without the members `ids` (undoing an import that added them).
pub fn without_members(plan: &Plan, ids: &[String], now: Millis) -> Plan {
    let mut next = plan.clone();
    next.members.retain(|m| !ids.contains(&m.id));
    next.modified = now;
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use unicode_normalization::UnicodeNormalization;

    fn fold(s: &str) -> String {
        s.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect::<String>()
            .to_lowercase()
    }

    fn plan() -> Plan {
        let mut p = Plan::new("p".into(), 1);
        let _ = p.push_item_value(
            ListKind::Members,
            json!({"id": "m1", "name": "Policía de Denver", "email": "info@police.example", "sector": "law_enforcement"}),
        );
        let _ = p.push_item_value(
            ListKind::Members,
            json!({"id": "m2", "name": "=HYPERLINK(\"http://x\")", "contact": "+1 303", "status": "committed", "pillars": ["prevention", "partnership"]}),
        );
        let _ = p.push_item_value(
            ListKind::Actions,
            json!({"id": "a1", "what": "@SUM(A1)", "owner": "m1", "due": "2026-12-10", "status": "in_review"}),
        );
        p
    }

    #[test]
    fn exports_have_a_bom_labels_and_neutralised_formulas() {
        let p = plan();
        let members = list_csv(&p, ListKind::Members);
        assert!(members
            .starts_with("\u{feff}Organization name,Sector,Status,Contact person,Email,Phone,"));
        assert!(members.contains("\r\nPolicía de Denver,\"Law enforcement (police, sheriff, state patrol)\",Identified,,info@police.example,"));
        assert!(members.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\")\",,Committed,'+1 303,,,\"Prevention, Partnership\""));
        let actions = list_csv(&p, ListKind::Actions);
        assert!(actions.contains(
            "What needs to be done,For goal,Part of strategy,Owner organization,Owner (person),Due date,Status,"
        ));
        let row = actions.split("\r\n").nth(1).unwrap_or_default();
        assert!(row.starts_with("'@SUM(A1),"), "{row}");
        assert!(
            row.contains(",Policía de Denver,") && row.contains(",In review,"),
            "{row}"
        );
        for (cell, out) in [
            ("-2", "'-2"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), out);
        }
    }

    #[test]
    fn exported_members_read_back_with_their_columns() {
        let p = plan();
        let sheet = read_sheet(list_csv(&p, ListKind::Members).as_bytes()).unwrap_or_default();
        let mapping = guess_mapping(&sheet.headers, fold);
        assert_eq!(mapping[..IMPORTABLE.len()], IMPORTABLE.map(Some));
        let rows = check_rows(&Plan::new("q".into(), 1), &sheet, &mapping, fold);
        assert_eq!(rows[0].member.sector, Some(Sector::LawEnforcement));
        assert_eq!(
            rows[1].member.pillars,
            [Pillar::Prevention, Pillar::Partnership]
        );
        assert_eq!(rows[1].member.status, MemberStatus::Committed);
    }

    #[test]
    fn reads_semicolons_quotes_and_another_column_order() {
        let text = "\u{feff}E-mail;\"Organisation\";Sector;Notes\r\n\
                    a@b.org;\"Casa; Segura\";Direct victim services;x\r\n\
                    \r\n\
                    INFO@POLICE.EXAMPLE;Someone else;Pirates;y\r\n\
                    ;POLICIA DE DENVER;;\r\n\
                    bad-address;<b>Bold</b>;;;extra\r\n\
                    ;;law enforcement;\r\n\
                    x@y.org;=1+1;;\r\n";
        let sheet = read_sheet(text.as_bytes()).unwrap_or_default();
        assert_eq!(sheet.delimiter, ';');
        let mapping = guess_mapping(&sheet.headers, fold);
        assert_eq!(
            mapping,
            [
                Some(MemberField::Email),
                Some(MemberField::Name),
                Some(MemberField::Sector),
                None
            ]
        );
        let rows = check_rows(&plan(), &sheet, &mapping, fold);
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0].member.name, "Casa; Segura");
        assert_eq!(rows[0].member.sector, Some(Sector::VictimServices));
        assert!(rows[0].suggested());
        assert_eq!(rows[1].line, 3);
        assert_eq!(
            rows[1].duplicate_of.as_deref(),
            Some("Policía de Denver (already a member)"),
            "same email"
        );
        assert_eq!(rows[1].problems.len(), 1, "unknown sector");
        assert_eq!(
            rows[2].duplicate_of.as_deref(),
            Some("Policía de Denver (already a member)"),
            "same name, any case and accents"
        );
        assert!(rows[3].problems.iter().any(|p| p.contains("extra cells")));
        assert!(rows[3].problems.iter().any(|p| p.contains("HTML")));
        assert!(rows[3].problems.iter().any(|p| p.contains("email")));
        assert!(!rows[4].addable, "no name");
        assert!(rows[5].problems.iter().any(|p| p.contains("formula")));
        assert!(rows[5].addable && !rows[5].suggested());
    }

    #[test]
    fn a_roster_with_spanish_column_names_imports_in_english() {
        // As the app exports it in Spanish, with a semicolon and an "(opcional)" left on.
        let text = "\u{feff}Nombre de la organización;Sector;Estado;Persona de contacto;\
                    Correo electrónico (opcional);Teléfono (opcional);Las 4 P;Qué aporta;Qué necesita\r\n\
                    Casa Segura;victim_services;Confirmada;Ana;ana@casa.example;303 555 0100;\
                    \"Prevención, Alianzas\";Refugio;Fondos\r\n\
                    Centro Obrero;;Memorando firmado;;;;Protección;;\r\n";
        let sheet = read_sheet(text.as_bytes()).unwrap_or_default();
        let mapping = guess_mapping(&sheet.headers, fold);
        assert_eq!(mapping, IMPORTABLE.map(Some));
        let rows = check_rows(&Plan::new("q".into(), 1), &sheet, &mapping, fold);
        assert_eq!(rows.len(), 2);
        let casa = &rows[0].member;
        assert_eq!(
            (casa.name.as_str(), casa.sector, casa.status),
            (
                "Casa Segura",
                Some(Sector::VictimServices),
                MemberStatus::Committed
            )
        );
        assert_eq!(casa.pillars, [Pillar::Prevention, Pillar::Partnership]);
        assert_eq!(
            (
                casa.contact.as_str(),
                casa.email.as_str(),
                casa.brings.as_str(),
                casa.needs.as_str()
            ),
            ("Ana", "ana@casa.example", "Refugio", "Fondos")
        );
        assert!(rows[0].suggested(), "{:?}", rows[0].problems);
        assert_eq!(rows[1].member.status, MemberStatus::MouSigned);
        assert_eq!(rows[1].member.pillars, [Pillar::Protection]);
        // English column names keep working beside the Spanish ones.
        let mixed = read_sheet("Organization name,Correo,Status\nA,a@b.org,Invitada\n".as_bytes())
            .unwrap_or_default();
        let mapping = guess_mapping(&mixed.headers, fold);
        assert_eq!(
            mapping,
            [
                Some(MemberField::Name),
                Some(MemberField::Email),
                Some(MemberField::Status)
            ]
        );
        let rows = check_rows(&Plan::new("q".into(), 1), &mixed, &mapping, fold);
        assert_eq!(rows[0].member.status, MemberStatus::Invited);
    }

    #[test]
    fn duplicates_within_the_file_are_flagged_too() {
        let sheet =
            read_sheet(b"name,email\nAlpha,a@x.org\nBeta,A@X.ORG\n alpha ,\n").unwrap_or_default();
        let rows = check_rows(
            &Plan::new("q".into(), 1),
            &sheet,
            &guess_mapping(&sheet.headers, fold),
            fold,
        );
        assert_eq!(rows[0].duplicate_of, None);
        assert_eq!(
            rows[1].duplicate_of.as_deref(),
            Some("Alpha (row 2 of this file)")
        );
        assert_eq!(
            rows[2].duplicate_of.as_deref(),
            Some("Alpha (row 2 of this file)")
        );
    }

    #[test]
    fn refuses_what_is_not_a_roster() {
        assert!(read_sheet(b"\x89PNG\r\n\x1a\n\0\0\0").is_err_and(|e| e.contains("binary")));
        assert!(read_sheet(b"caf\xe9,x\n1,2\n").is_err_and(|e| e.contains("UTF-8")));
        assert!(read_sheet(b"").is_err_and(|e| e.contains("empty")));
        assert!(read_sheet(b"name\n").is_err_and(|e| e.contains("no rows")));
        let big = vec![b'a'; MAX_CSV_BYTES as usize + 1];
        assert!(read_sheet(&big).is_err_and(|e| e.contains("at most 2 MB")));
        let mut many = String::from("name\n");
        for i in 0..=MAX_CSV_ROWS {
            many.push_str(&format!("Org {i}\n"));
        }
        assert!(read_sheet(many.as_bytes()).is_err_and(|e| e.contains("more than 5000 rows")));
    }

    #[test]
    fn adding_and_undoing_an_import() {
        let p = plan();
        let added = with_members(
            &p,
            vec![Member {
                name: "New".into(),
                ..Default::default()
            }],
            vec!["n1".into()],
            7,
        );
        assert_eq!(added.members.len(), 3);
        assert_eq!(
            (added.members[2].id.as_str(), added.members[2].modified),
            ("n1", 7)
        );
        let back = without_members(&added, &["n1".into()], 8);
        assert_eq!(back.members, p.members);
    }
}
