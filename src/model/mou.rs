//! A draft memorandum of understanding assembled from the plan, clause by clause. Each clause's
//! text can be replaced by the user's own (stored as the answer `mou.<clause id>`); clearing it
//! brings the generated text back. Clause list after the OVC Task Force e-Guide's MOU page and
//! published task-force MOUs.

use serde::{Deserialize, Serialize};

use super::kinds::{MemberStatus, RoleKind};
use super::plan::Plan;
use super::rules::counts_for_coverage;
use super::time::{long_date, parse_date, Millis};
use crate::content::question;
use crate::lang::tr;

/// The choices made on the MOU page, kept in the plan (`plan.mou`; absent from files until
/// something is chosen, so older files read unchanged).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MouChoices {
    /// Members ticked as parties although not (yet) committed: member ids.
    pub include: Vec<String>,
    /// Committed or signed members unticked: member ids.
    pub exclude: Vec<String>,
    /// The effective date, `YYYY-MM-DD`.
    pub effective: Option<String>,
    /// How long the MOU runs, as words that finish "runs for …" ("two years").
    pub term: String,
    /// The notice a party gives to withdraw, as words that finish "by giving …" ("three
    /// months' written notice").
    pub notice: String,
    pub modified: Millis,
}

impl MouChoices {
    /// Nothing chosen yet: the plan file leaves the field out.
    pub fn is_unset(&self) -> bool {
        *self == MouChoices::default()
    }

    /// A copy with member `id` ticked or unticked as a party (committed members are ticked
    /// unless unticked; others are unticked unless ticked).
    pub fn with_party(&self, id: &str, committed: bool, on: bool) -> MouChoices {
        let mut c = self.clone();
        c.include.retain(|x| x != id);
        c.exclude.retain(|x| x != id);
        match (committed, on) {
            (true, false) => c.exclude.push(id.to_owned()),
            (false, true) => c.include.push(id.to_owned()),
            _ => {}
        }
        c
    }
}

/// A member organization as a possible party: every named member is listed, ticked or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyChoice {
    pub id: String,
    pub name: String,
    pub status: MemberStatus,
    /// Committed or signed: ticked unless unticked.
    pub committed: bool,
    pub chosen: bool,
    /// "What it brings", for the schedule of commitments.
    pub brings: String,
}

/// Every named member, with whether it is a party: committed and signed members are ticked
/// at first, the others are listed unticked, so no one is left out silently.
pub fn party_choices(plan: &Plan) -> Vec<PartyChoice> {
    plan.members
        .iter()
        .filter(|m| !m.name.trim().is_empty())
        .map(|m| {
            let committed = counts_for_coverage(m.status);
            let chosen = if committed {
                !plan.mou.exclude.contains(&m.id)
            } else {
                plan.mou.include.contains(&m.id)
            };
            PartyChoice {
                id: m.id.clone(),
                name: m.name.trim().to_owned(),
                status: m.status,
                committed,
                chosen,
                brings: m.brings.trim().to_owned(),
            }
        })
        .collect()
}

/// A placeholder still in a clause: `[two years]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub clause: &'static str,
    pub text: String,
}

/// Text cut into plain runs and placeholders (`(true, "[two years]")`), so placeholders can be
/// marked wherever the text is shown.
pub fn segments(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(len) = rest[open..].find(']') else {
            break;
        };
        if open > 0 {
            out.push((false, &rest[..open]));
        }
        out.push((true, &rest[open..=open + len]));
        rest = &rest[open + len + 1..];
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    out
}

/// Every placeholder left in the clauses and the schedule, in reading order.
pub fn placeholders(plan: &Plan) -> Vec<Placeholder> {
    let from = |clause: &'static str, text: &str| {
        segments(text)
            .into_iter()
            .filter(|s| s.0)
            .map(|s| Placeholder {
                clause,
                text: s.1.to_owned(),
            })
            .collect::<Vec<_>>()
    };
    let mut out: Vec<Placeholder> = clauses(plan)
        .iter()
        .flat_map(|c| from(c.title, c.text()))
        .collect();
    for (_, text) in schedule(plan) {
        out.extend(from(SCHEDULE_TITLE, &text));
    }
    out
}

/// Marked with `en!`: shown through `tr` where it is displayed.
pub const SCHEDULE_TITLE: &str = crate::en!("Schedule A: What each party brings");

/// Each party's commitments, from "What it brings" on the roster.
pub fn schedule(plan: &Plan) -> Vec<(String, String)> {
    party_choices(plan)
        .into_iter()
        .filter(|p| p.chosen)
        .map(|p| {
            let text = if p.brings.is_empty() {
                tr("[what this party brings: fill in \u{201c}What it brings\u{201d} in Membership]")
                    .to_owned()
            } else {
                p.brings
            };
            (p.name, text)
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub id: &'static str,
    pub title: &'static str,
    /// The text built from the plan.
    pub generated: String,
    /// The user's own text, when they have written one.
    pub custom: Option<String>,
}

impl Clause {
    pub fn text(&self) -> &str {
        self.custom.as_deref().unwrap_or(&self.generated)
    }
    /// The answer key that holds this clause's custom text.
    pub fn answer_id(&self) -> String {
        format!("mou.{}", self.id)
    }
}

/// The organizations that sign: the members ticked on the MOU page.
pub fn parties(plan: &Plan) -> Vec<String> {
    party_choices(plan)
        .into_iter()
        .filter(|p| p.chosen)
        .map(|p| p.name)
        .collect()
}

fn or<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.trim().is_empty() {
        fallback
    } else {
        text.trim()
    }
}

/// `text` as a paragraph of its own after `intro`, or `fallback` when it is empty: what people
/// typed is quoted after a sentence that introduces it, never pasted mid-sentence.
fn introduced(intro: &str, text: &str, fallback: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        fallback.to_owned()
    } else {
        format!("{intro}\n{text}")
    }
}

pub fn clauses(plan: &Plan) -> Vec<Clause> {
    let name = plan.display_name();
    let parties = parties(plan);
    let party_list = if parties.is_empty() {
        tr("[choose the parties on this page]").to_owned()
    } else {
        parties.join("; ")
    };
    let roles: Vec<String> = plan
        .roles
        .iter()
        .filter_map(|r| {
            let role = r.role?;
            let org = r
                .member
                .as_deref()
                .and_then(|id| plan.member_name(id))
                .unwrap_or("");
            let who = [r.person.trim(), org.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let mut line = format!("{}: {}", tr(role.label()), or(&who, tr("[to be named]")));
            if !r.description.trim().is_empty() {
                line.push_str(&format!(" — {}", r.description.trim()));
            }
            if !r.term.trim().is_empty() {
                let term = crate::tr!("term: {term}", term = r.term.trim());
                line.push_str(&format!(" ({term})"));
            }
            Some(line)
        })
        .collect();
    let fiscal_agent = plan
        .roles
        .iter()
        .find(|r| r.role == Some(RoleKind::FiscalAgent))
        .and_then(|r| r.member.as_deref())
        .and_then(|id| plan.member_name(id))
        .filter(|n| !n.trim().is_empty());
    let decisions = question("leadership.decisions")
        .and_then(|q| q.options.iter().find(|(k, _)| *k == plan.answer(q.id)))
        .map(|(_, label)| tr(*label));
    let choices = &plan.mou;
    let effective = choices
        .effective
        .as_deref()
        .and_then(parse_date)
        .map_or_else(|| tr("[effective date]").to_owned(), long_date);
    let term = or(&choices.term, tr("[two years]"));
    let notice = or(&choices.notice, tr("[three months' written notice]"));

    let make = |id: &'static str, title: &'static str, generated: String| Clause {
        id,
        title,
        custom: Some(plan.answer(&format!("mou.{id}")).trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
        generated,
    };
    vec![
        make("parties", crate::en!("Parties"), crate::tr!(
            "This memorandum of understanding (MOU) is made between the following organizations, \
             members of {name}: {party_list}.",
            name = name,
            party_list = party_list
        )),
        make("purpose", crate::en!("Purpose"), {
            let mut text = introduced(
                tr("The parties agree to work together to combat human trafficking. The \
                    partnership's mission, in its members' words:"),
                plan.answer("define.mission"),
                tr("The parties agree to work together to combat human trafficking. [State the \
                    mission in Define your partnership.]"),
            );
            let scope = plan.answer("define.scope").trim();
            if !scope.is_empty() {
                text.push_str(&format!("\n{}\n{scope}", tr("The partnership's scope:")));
            }
            text
        }),
        make("roles", crate::en!("Roles and responsibilities"), if roles.is_empty() {
            tr("Each party will take part in meetings and carry out the action items it owns, \
                within its normal capacity. [Assign roles in Leadership structure.]")
                .to_owned()
        } else {
            crate::tr!(
                "The parties agree to these roles:\n{roles}\nEach party will carry out the action \
                 items it owns, within its normal capacity.",
                roles = roles.join("\n")
            )
        }),
        make("decisions", crate::en!("Decision-making"), {
            let mut text = match decisions {
                Some(how) => crate::tr!("The parties make decisions by this method:\n{how}.", how = how),
                None => tr("The parties make decisions by [the method chosen in Leadership \
                            structure].")
                    .to_owned(),
            };
            let quorum = plan.answer("leadership.quorum").trim();
            if !quorum.is_empty() {
                text.push_str(&format!(
                    "\n{}\n{quorum}",
                    tr("On quorum and votes, the parties agree:")
                ));
            }
            text
        }),
        make("meetings", crate::en!("Meetings and communication"), {
            let mut text = introduced(
                tr("The parties will meet as follows:"),
                plan.answer("trust.meetings"),
                tr("The parties will meet at least quarterly."),
            );
            let how = plan.answer("trust.communication").trim();
            if !how.is_empty() {
                text.push_str(&format!(
                    "\n{}\n{how}",
                    tr("The parties will keep in touch as follows:")
                ));
            }
            text
        }),
        make("information", crate::en!("Information sharing and confidentiality"),
            tr("Taking part does not require sharing information about investigations, victims, \
                witnesses or other sensitive matters. The parties share such information only as \
                the law allows and on a need-to-know basis. No party will record information that \
                identifies a survivor in partnership documents.")
                .to_owned()),
        make("fiscal", crate::en!("Fiscal agent and costs"), match fiscal_agent {
            Some(agent) => crate::tr!(
                "{agent} acts as fiscal agent: it receives and manages funds for the partnership \
                 and is responsible for using them as intended. Otherwise each party bears its \
                 own costs.",
                agent = agent
            ),
            None => tr("Each party bears its own costs unless the parties agree otherwise in \
                        writing. [Name a fiscal agent in Leadership structure if the partnership \
                        will receive funds.]")
                .to_owned(),
        }),
        make("term", crate::en!("Term and withdrawal"), crate::tr!(
            "This MOU takes effect when signed by the parties or on {effective}, whichever is \
             later, and runs for {term}. A party may withdraw by giving {notice} to the others.",
            effective = effective,
            term = term,
            notice = notice
        )),
        make("amendments", crate::en!("Amendments"),
            tr("This MOU may be changed only in writing, signed by all parties.").to_owned()),
        make("disputes", crate::en!("Dispute resolution"), introduced(
            tr("The parties will resolve disagreements as follows:"),
            plan.answer("trust.conflict_formal"),
            tr("The parties will first try to resolve disagreements informally between the people \
                involved, then with the help of the partnership's leadership."),
        )),
        make("non_binding", crate::en!("Nature of this agreement"),
            tr("This MOU states the parties' shared intentions. It is not a contract and does not \
                oblige any party to provide funds.")
                .to_owned()),
        make("counterparts", crate::en!("Counterparts"),
            tr("This MOU may be signed in counterparts: each party may sign its own copy, and the \
                signed copies together form one agreement. A scanned or electronic copy of a \
                signature counts as an original.")
                .to_owned()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::items::ListKind;
    use crate::model::items::{Field, FieldValue, MemberField, RoleField};
    use crate::model::Edit;

    fn member(p: &mut Plan, id: &str, name: &str, status: &str) {
        p.add_item(ListKind::Members, id.into(), 1);
        let _ = p.set_field(
            id,
            Field::Members(MemberField::Name),
            FieldValue::Text(name.into()),
            1,
        );
        let _ = p.set_field(
            id,
            Field::Members(MemberField::Status),
            FieldValue::Maybe(Some(status.into())),
            1,
        );
    }

    #[test]
    fn parties_are_chosen_committed_ones_ticked_at_first() {
        let mut p = Plan::new("p".into(), 1);
        assert!(parties(&p).is_empty());
        member(&mut p, "a", "Alpha", "identified");
        assert!(
            parties(&p).is_empty(),
            "only identified: listed, not ticked"
        );
        assert_eq!(party_choices(&p).len(), 1, "but listed");
        member(&mut p, "b", "Beta", "committed");
        member(&mut p, "c", "Gamma", "mou_signed");
        assert_eq!(parties(&p), ["Beta", "Gamma"]);
        let edit = |p: &mut Plan, id: &str, on: bool| {
            let committed = party_choices(p).iter().any(|c| c.id == id && c.committed);
            let next = p.mou.with_party(id, committed, on);
            assert!(matches!(p.apply(Edit::Mou(Box::new(next)), 5), Ok(Some(_))));
        };
        edit(&mut p, "a", true);
        edit(&mut p, "b", false);
        assert_eq!(parties(&p), ["Alpha", "Gamma"]);
        assert_eq!(
            (p.mou.include.clone(), p.mou.exclude.clone()),
            (vec!["a".to_owned()], vec!["b".to_owned()])
        );
        edit(&mut p, "b", true);
        assert!(
            p.mou.exclude.is_empty(),
            "back to the default leaves nothing behind"
        );
        let text = clauses(&p)[0].text().to_owned();
        assert!(
            text.contains("members of Untitled partnership: Alpha; Beta; Gamma."),
            "{text}"
        );
    }

    #[test]
    fn placeholders_are_found_and_marked() {
        assert_eq!(
            segments("runs for [two years]. Notice: [three months]"),
            [
                (false, "runs for "),
                (true, "[two years]"),
                (false, ". Notice: "),
                (true, "[three months]")
            ]
        );
        assert_eq!(segments("no [end"), [(false, "no [end")]);
        let mut p = Plan::new("p".into(), 1);
        member(&mut p, "b", "Beta", "committed");
        let found: Vec<_> = placeholders(&p).into_iter().map(|x| x.text).collect();
        for expected in [
            "[effective date]",
            "[two years]",
            "[three months' written notice]",
        ] {
            assert!(
                found.iter().any(|f| f == expected),
                "{expected} in {found:?}"
            );
        }
        assert!(found
            .iter()
            .any(|f| f.starts_with("[what this party brings")));
        let before = found.len();
        let mut choices = p.mou.clone();
        choices.effective = Some("2027-01-01".into());
        choices.term = "two years".into();
        choices.notice = "90 days' written notice".into();
        let _ = p.apply(Edit::Mou(Box::new(choices)), 3);
        assert_eq!(placeholders(&p).len(), before - 3);
        let term = clauses(&p)
            .into_iter()
            .find(|c| c.id == "term")
            .map(|c| c.generated);
        assert_eq!(
            term.as_deref(),
            Some("This MOU takes effect when signed by the parties or on 1 January 2027, whichever is later, and runs for two years. A party may withdraw by giving 90 days' written notice to the others.")
        );
    }

    #[test]
    fn typed_answers_are_introduced_not_pasted_mid_sentence() {
        let mut p = Plan::new("p".into(), 1);
        p.set_answer("trust.meetings", "Monthly, online", 1);
        p.set_answer("trust.communication", "Signal for logistics", 1);
        let meetings = clauses(&p)
            .into_iter()
            .find(|c| c.id == "meetings")
            .map(|c| c.generated);
        assert_eq!(
            meetings.as_deref(),
            Some("The parties will meet as follows:\nMonthly, online\nThe parties will keep in touch as follows:\nSignal for logistics")
        );
        let c = clauses(&p);
        assert_eq!(c.last().map(|c| c.title), Some("Counterparts"));
        assert!(MouChoices::default().is_unset());
        let json = crate::model::encode(&p, 1);
        assert!(!json.contains("\"mou\":{"), "unset choices are not written");
    }

    #[test]
    fn clauses_use_the_plan_and_custom_text() {
        let mut p = Plan::new("p".into(), 1);
        p.set_name("Front Range Coalition", 1);
        p.set_answer("define.mission", "End trafficking on the Front Range.", 1);
        member(&mut p, "a", "Alpha Shelter", "committed");
        p.add_item(ListKind::Roles, "r".into(), 1);
        let maybe = |s: &str| FieldValue::Maybe(Some(s.into()));
        let _ = p.set_field("r", Field::Roles(RoleField::Role), maybe("fiscal_agent"), 1);
        let _ = p.set_field("r", Field::Roles(RoleField::Member), maybe("a"), 1);
        let cs = clauses(&p);
        let get = |id: &str| {
            cs.iter()
                .find(|c| c.id == id)
                .map(|c| c.text().to_owned())
                .unwrap_or_default()
        };
        assert!(get("parties").contains("Front Range Coalition: Alpha Shelter"));
        assert!(get("purpose").contains("End trafficking on the Front Range."));
        assert!(get("roles").contains("Fiscal Agent: Alpha Shelter"));
        assert!(get("fiscal").starts_with("Alpha Shelter acts as fiscal agent"));

        p.set_answer("mou.term", "Runs for one year.", 2);
        let term = clauses(&p).into_iter().find(|c| c.id == "term");
        assert_eq!(
            term.map(|c| c.text().to_owned()),
            Some("Runs for one year.".into())
        );
        p.set_answer("mou.term", "", 3);
        let term = clauses(&p).into_iter().find(|c| c.id == "term");
        assert!(
            term.is_some_and(|c| c.custom.is_none()),
            "clearing restores the generated text"
        );
    }
}
