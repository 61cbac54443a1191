//! A draft memorandum of understanding assembled from the plan, clause by clause. Each clause's
//! text can be replaced by the user's own (stored as the answer `mou.<clause id>`); clearing it
//! brings the generated text back. Clause list after the OVC Task Force e-Guide's MOU page and
//! published task-force MOUs.

use super::kinds::{MemberStatus, RoleKind};
use super::plan::Plan;
use crate::content::question;

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

/// The organizations that sign: those committed or already signed; if none is yet, every
/// named member, so the draft is never empty while the roster is being built.
pub fn parties(plan: &Plan) -> Vec<&str> {
    let named = || plan.members.iter().filter(|m| !m.name.trim().is_empty());
    let committed: Vec<&str> = named()
        .filter(|m| matches!(m.status, MemberStatus::Committed | MemberStatus::MouSigned))
        .map(|m| m.name.trim())
        .collect();
    if committed.is_empty() {
        named().map(|m| m.name.trim()).collect()
    } else {
        committed
    }
}

fn or<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.trim().is_empty() {
        fallback
    } else {
        text.trim()
    }
}

pub fn clauses(plan: &Plan) -> Vec<Clause> {
    let name = plan.display_name();
    let parties = parties(plan);
    let party_list = if parties.is_empty() {
        "[add member organizations in Membership]".to_owned()
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
            let mut line = format!("{}: {}", role.label(), or(&who, "[to be named]"));
            if !r.description.trim().is_empty() {
                line.push_str(&format!(" — {}", r.description.trim()));
            }
            if !r.term.trim().is_empty() {
                line.push_str(&format!(" (term: {})", r.term.trim()));
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
        .map(|(_, label)| *label);

    let make = |id: &'static str, title: &'static str, generated: String| Clause {
        id,
        title,
        custom: Some(plan.answer(&format!("mou.{id}")).trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
        generated,
    };
    vec![
        make("parties", "Parties", format!(
            "This memorandum of understanding (MOU) is made between the following organizations, \
             members of {name}: {party_list}."
        )),
        make("purpose", "Purpose", format!(
            "The parties agree to work together to combat human trafficking. {} {}",
            or(plan.answer("define.mission"), "[mission from Define your partnership]"),
            plan.answer("define.scope").trim()
        ).trim().to_owned()),
        make("roles", "Roles and responsibilities", if roles.is_empty() {
            "Each party will take part in meetings and carry out the action items it owns, within \
             its normal capacity. [Assign roles in Leadership structure.]".to_owned()
        } else {
            format!("The parties agree to these roles:\n{}\nEach party will carry out the action \
                     items it owns, within its normal capacity.", roles.join("\n"))
        }),
        make("decisions", "Decision-making", format!(
            "Decisions are made as follows: {}. {}",
            decisions.unwrap_or("[choose how decisions are made in Leadership structure]"),
            plan.answer("leadership.quorum").trim()
        ).trim().to_owned()),
        make("meetings", "Meetings and communication", format!(
            "{} {}",
            or(plan.answer("trust.meetings"), "The parties will meet at least quarterly."),
            plan.answer("trust.communication").trim()
        ).trim().to_owned()),
        make("information", "Information sharing and confidentiality",
            "Taking part does not require sharing information about investigations, victims, \
             witnesses or other sensitive matters. The parties share such information only as \
             the law allows and on a need-to-know basis. No party will record information that \
             identifies a survivor in partnership documents."
                .to_owned()),
        make("fiscal", "Fiscal agent and costs", match fiscal_agent {
            Some(agent) => format!(
                "{agent} acts as fiscal agent: it receives and manages funds for the partnership \
                 and is responsible for using them as intended. Otherwise each party bears its \
                 own costs."
            ),
            None => "Each party bears its own costs unless the parties agree otherwise in \
                     writing. [Name a fiscal agent in Leadership structure if the partnership \
                     will receive funds.]"
                .to_owned(),
        }),
        make("term", "Term and withdrawal",
            "This MOU takes effect when signed by the parties and runs for [two years]. A party \
             may withdraw by giving [three months'] written notice to the others."
                .to_owned()),
        make("amendments", "Amendments",
            "This MOU may be changed only in writing, signed by all parties.".to_owned()),
        make("disputes", "Dispute resolution", or(
            plan.answer("trust.conflict_formal"),
            "The parties will first try to resolve disagreements informally between the people \
             involved, then with the help of the partnership's leadership.",
        ).to_owned()),
        make("non_binding", "Nature of this agreement",
            "This MOU states the parties' shared intentions. It is not a contract and does not \
             oblige any party to provide funds."
                .to_owned()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::items::ListKind;
    use crate::model::items::{Field, FieldValue, MemberField, RoleField};

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
    fn parties_prefer_committed_members() {
        let mut p = Plan::new("p".into(), 1);
        assert!(parties(&p).is_empty());
        member(&mut p, "a", "Alpha", "identified");
        assert_eq!(parties(&p), ["Alpha"]);
        member(&mut p, "b", "Beta", "committed");
        member(&mut p, "c", "Gamma", "mou_signed");
        assert_eq!(parties(&p), ["Beta", "Gamma"]);
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
