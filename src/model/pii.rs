//! The check before export: free text anywhere except the member roster's own contact fields
//! should hold no email address or phone number, since survivor-engagement notes and the rest
//! of the plan are meant to hold aggregate information only. Heuristic, and said to be so.

use super::fields::spec;
use super::items::ListKind;
use super::items::{Field, FieldValue, MemberField, ResourceField};
use super::plan::Plan;
use crate::content::{question, FunctionKind};

/// Something that looks like contact details, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Where, in the words of the screen ("Survivor engagement › How will survivor experts be paid?").
    pub place: String,
    pub kind: &'static str,
}

/// Email addresses and phone numbers outside members' Email, Phone and Contact person fields.
pub fn scan(plan: &Plan) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut check = |place: String, text: &str| {
        if let Some(kind) = looks_like_contact(text) {
            found.push(Finding { place, kind });
        }
    };
    check("Partnership name".into(), &plan.name);
    for (id, answer) in &plan.answers {
        let place = match question(id) {
            Some(q) => format!("{} › {}", q.section.title(), q.label),
            None if id.starts_with("mou.") => format!("MOU draft › {}", &id[4..]),
            None => id.clone(),
        };
        check(place, &answer.text);
    }
    for &kind in FunctionKind::ALL {
        if let Some(f) = plan.function(kind) {
            check(format!("Functions › {}", kind.label()), &f.note);
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
                // A resource's link may well be a mailto: address.
                if field.field == Field::Resources(ResourceField::Url) {
                    continue;
                }
                if let Some(FieldValue::Text(text)) = plan.field(id, field.field) {
                    check(
                        format!("{} {} › {}", spec.heading, i + 1, field.label),
                        &text,
                    );
                }
            }
        }
    }
    found
}

fn looks_like_contact(text: &str) -> Option<&'static str> {
    if has_email(text) {
        Some("an email address")
    } else if has_phone(text) {
        Some("a phone number")
    } else {
        None
    }
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

/// Ten or more digits close together, as in `(720) 555-0134` or `+1 720 555 0134`; dates,
/// years and dollar amounts do not have that many digits in one run of number punctuation.
fn has_phone(text: &str) -> bool {
    let mut digits = 0;
    let mut gap = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            gap = 0;
            if digits >= 10 {
                return true;
            }
        } else if " -.()+".contains(c) && gap < 2 && digits > 0 {
            gap += 1;
        } else {
            digits = 0;
            gap = 0;
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
        assert!(found.iter().any(|f| f.kind == "a phone number"
            && f.place == "Survivor engagement › How will survivor experts be paid?"));
        assert!(found.iter().any(
            |f| f.kind == "an email address" && f.place.starts_with("Trust and sustainability")
        ));
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
        ] {
            assert_eq!(looks_like_contact(text), None, "{text}");
        }
        for text in ["+1 720 555 0134", "720.555.0134", "7205550134"] {
            assert_eq!(looks_like_contact(text), Some("a phone number"), "{text}");
        }
        assert_eq!(looks_like_contact("email a@b"), None, "no host dot");
    }
}
