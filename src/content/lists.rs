//! How each of the plan's lists is shown and edited: its heading, what one item is called, and
//! its fields with labels and input kinds. The field keys are the items' serde field names.

use crate::model::items::ListKind;
use crate::model::kinds::*;

/// The fixed vocabularies a field can choose from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocab {
    Sector,
    MemberStatus,
    NetworkKind,
    RoleKind,
    ActionStatus,
    FundingKind,
    FundingStatus,
}

impl Vocab {
    /// `(key, label)` pairs in display order.
    pub fn options(self) -> Vec<(&'static str, &'static str)> {
        fn pairs<T: Copy>(
            all: &[T],
            key: fn(T) -> &'static str,
            label: fn(T) -> &'static str,
        ) -> Vec<(&'static str, &'static str)> {
            all.iter().map(|&v| (key(v), label(v))).collect()
        }
        match self {
            Vocab::Sector => pairs(Sector::ALL, Sector::key, Sector::label),
            Vocab::MemberStatus => pairs(MemberStatus::ALL, MemberStatus::key, MemberStatus::label),
            Vocab::NetworkKind => pairs(NetworkKind::ALL, NetworkKind::key, NetworkKind::label),
            Vocab::RoleKind => pairs(RoleKind::ALL, RoleKind::key, RoleKind::label),
            Vocab::ActionStatus => pairs(ActionStatus::ALL, ActionStatus::key, ActionStatus::label),
            Vocab::FundingKind => pairs(FundingKind::ALL, FundingKind::key, FundingKind::label),
            Vocab::FundingStatus => {
                pairs(FundingStatus::ALL, FundingStatus::key, FundingStatus::label)
            }
        }
    }

    /// Whether the field may be left unset (`null`); statuses always have a value.
    pub fn optional(self) -> bool {
        !matches!(
            self,
            Vocab::MemberStatus | Vocab::ActionStatus | Vocab::FundingStatus
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Text,
    LongText,
    Email,
    Tel,
    Url,
    /// `YYYY-MM-DD`, or unset.
    Date,
    /// Whole dollars.
    Money,
    Choice(Vocab),
    /// Any of the 4 Ps.
    Pillars,
    /// One member organization, or none.
    MemberRef,
    /// Any number of member organizations.
    MemberSet,
    /// One goal, or none.
    GoalRef,
    /// One toolkit section, or none.
    SectionRef,
    Flag,
}

impl Input {
    /// Whether the user types the value. Choices, references and dates hold keys, ids or
    /// numbers the app wrote (a member's id may well contain ten digits in a row).
    pub fn is_typed_text(self) -> bool {
        matches!(
            self,
            Input::Text | Input::LongText | Input::Email | Input::Tel | Input::Url
        )
    }
}

#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub input: Input,
    pub hint: &'static str,
}

const fn f(key: &'static str, label: &'static str, input: Input) -> FieldSpec {
    FieldSpec {
        key,
        label,
        input,
        hint: "",
    }
}

const fn h(key: &'static str, label: &'static str, input: Input, hint: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        input,
        hint,
    }
}

pub struct ListSpec {
    pub kind: ListKind,
    /// The list's heading.
    pub heading: &'static str,
    /// What one item is called ("member organization"), for buttons and messages.
    pub noun: &'static str,
    /// More than one of them ("member organizations").
    pub plural: &'static str,
    /// Shown while the list is empty.
    pub empty: &'static str,
    /// Shown for an item whose title field is still empty.
    pub untitled: &'static str,
    pub intro: &'static str,
    pub fields: &'static [FieldSpec],
}

use Input::*;

static MEMBERS: ListSpec = ListSpec {
    kind: ListKind::Members,
    heading: "Member organizations",
    noun: "member organization",
    plural: "member organizations",
    empty: "No member organizations yet.",
    untitled: "Unnamed organization",
    intro: "Organizations, not people's private details: use work contacts only.",
    fields: &[
        f("name", "Organization name", Text),
        f("sector", "Sector", Choice(Vocab::Sector)),
        f("status", "Status", Choice(Vocab::MemberStatus)),
        f("contact", "Contact person", Text),
        h("email", "Email (optional)", Email, "A work address."),
        h("phone", "Phone (optional)", Tel, "A work number."),
        f("pillars", "Ps it serves", Pillars),
        f("brings", "What it brings", LongText),
        f("needs", "What it needs", LongText),
    ],
};

static NETWORKS: ListSpec = ListSpec {
    kind: ListKind::Networks,
    heading: "Existing networks to link with",
    noun: "network",
    plural: "networks",
    empty: "No networks yet.",
    untitled: "Unnamed network",
    intro: "Multidisciplinary Teams, Sexual Assault Response Teams and other bodies nearby.",
    fields: &[
        f("name", "Network name", Text),
        f("kind", "Kind of network", Choice(Vocab::NetworkKind)),
        f("note", "How you will link with it", LongText),
    ],
};

static ROLES: ListSpec = ListSpec {
    kind: ListKind::Roles,
    heading: "Roles",
    noun: "role",
    plural: "roles",
    empty: "No roles assigned yet.",
    untitled: "Unassigned role",
    intro: "Give each key role to a member organization and a person, with a term.",
    fields: &[
        f("role", "Role", Choice(Vocab::RoleKind)),
        f("member", "Member organization", MemberRef),
        f("person", "Person", Text),
        f("description", "What they will do", LongText),
        h(
            "term",
            "Term",
            Text,
            "For example: two years, renewable once.",
        ),
    ],
};

static SUBGROUPS: ListSpec = ListSpec {
    kind: ListKind::Subgroups,
    heading: "Subgroups",
    noun: "subgroup",
    plural: "subgroups",
    empty: "No subgroups yet.",
    untitled: "Unnamed subgroup",
    intro: "Committees or working groups that focus on a population or a task, such as \
            labor trafficking, youth, training or victim services.",
    fields: &[
        f("name", "Subgroup name", Text),
        f("focus", "Focus population or task", Text),
        f("lead", "Lead organization", MemberRef),
        f("members", "Members", MemberSet),
    ],
};

static GOALS: ListSpec = ListSpec {
    kind: ListKind::Goals,
    heading: "Goals",
    noun: "goal",
    plural: "goals",
    empty: "No goals yet.",
    untitled: "Untitled goal",
    intro: "Clear goals you can reach in the short to medium term build trust and momentum. (LCHT)",
    fields: &[
        h(
            "title",
            "Goal",
            LongText,
            "Who will do what, by when, measured how. Use one action verb.",
        ),
        h("specific", "Specific: it says who and what", Flag, ""),
        h(
            "measurable",
            "Measurable: you will know when it is met",
            Flag,
            "",
        ),
        h(
            "achievable",
            "Achievable with the partnership's resources",
            Flag,
            "",
        ),
        h("relevant", "Relevant to the mission", Flag, ""),
        h("time_bound", "Time-bound: it has a date", Flag, ""),
    ],
};

static STRATEGIES: ListSpec = ListSpec {
    kind: ListKind::Strategies,
    heading: "Strategies",
    noun: "strategy",
    plural: "strategies",
    empty: "No strategies yet.",
    untitled: "Untitled strategy",
    intro: "How you will reach each goal.",
    fields: &[
        f("goal", "For goal", GoalRef),
        f("text", "Strategy", LongText),
    ],
};

static ACTIONS: ListSpec = ListSpec {
    kind: ListKind::Actions,
    heading: "Action items",
    noun: "action item",
    plural: "action items",
    empty: "No action items yet.",
    untitled: "Untitled action item",
    intro:
        "Who will do what by when, with what resources, and who should know. (Community Tool Box)",
    fields: &[
        f("what", "What needs to be done", LongText),
        f("goal", "For goal", GoalRef),
        f("owner", "Owner", MemberRef),
        f("due", "Due date", Date),
        f("status", "Status", Choice(Vocab::ActionStatus)),
        f("resources", "Resources needed", LongText),
        f("barriers", "Possible barriers", LongText),
        f("inform", "Who to inform", Text),
    ],
};

static FUNDING: ListSpec = ListSpec {
    kind: ListKind::Funding,
    heading: "Funding sources",
    noun: "funding source",
    plural: "funding sources",
    empty: "No funding sources yet.",
    untitled: "Unnamed funding source",
    intro: "Grant programs and amounts change every year: check the current notice of funding.",
    fields: &[
        f("name", "Funder or program", Text),
        f("kind", "Type", Choice(Vocab::FundingKind)),
        h(
            "amount",
            "Amount (US dollars)",
            Money,
            "Whole dollars, for example 25000.",
        ),
        f("status", "Status", Choice(Vocab::FundingStatus)),
        f("deadline", "Deadline", Date),
        f("fiscal_agent", "Fiscal agent", MemberRef),
    ],
};

static RESOURCES: ListSpec = ListSpec {
    kind: ListKind::Resources,
    heading: "Your resources",
    noun: "resource",
    plural: "resources",
    empty: "No resources of your own yet.",
    untitled: "Untitled resource",
    intro: "Add your own links. Only web (http, https) and email (mailto) links open.",
    fields: &[
        f("title", "Title", Text),
        h(
            "url",
            "Link",
            Url,
            "For example https://example.org or mailto:someone@example.org",
        ),
        f("note", "Note", LongText),
        f("section", "Section", SectionRef),
    ],
};

pub fn spec(kind: ListKind) -> &'static ListSpec {
    match kind {
        ListKind::Members => &MEMBERS,
        ListKind::Networks => &NETWORKS,
        ListKind::Roles => &ROLES,
        ListKind::Subgroups => &SUBGROUPS,
        ListKind::Goals => &GOALS,
        ListKind::Strategies => &STRATEGIES,
        ListKind::Actions => &ACTIONS,
        ListKind::Funding => &FUNDING,
        ListKind::Resources => &RESOURCES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;

    /// Every field a screen edits must exist on the item, so `set_field` can reach it.
    #[test]
    fn every_field_key_is_a_field_of_its_item() {
        let mut plan = Plan::new("p".into(), 1);
        for kind in ListKind::ALL {
            let s = spec(kind);
            assert_eq!(s.kind, kind);
            plan.add_item(kind, "item".into(), 1);
            for field in s.fields {
                let v = plan.field(kind, "item", field.key);
                assert!(
                    !v.is_null()
                        || matches!(
                            field.input,
                            Choice(_) | MemberRef | GoalRef | SectionRef | Date
                        ),
                    "{kind:?}.{}",
                    field.key
                );
                let json = crate::model::json::ToJson::to_json(&plan);
                assert!(
                    json[kind.key()][0].get(field.key).is_some(),
                    "{kind:?}.{}",
                    field.key
                );
            }
        }
    }
}

/// A field's value as text for reading (the printable plan): labels instead of keys, member
/// and goal names instead of ids, "Yes"/"No" for flags, `$` amounts.
pub fn display_value(plan: &crate::model::Plan, input: Input, value: &serde_json::Value) -> String {
    use serde_json::Value;
    let name_of = |id: &str| -> String {
        match input {
            MemberSet | MemberRef => plan
                .member_name(id)
                .map(|n| {
                    if n.trim().is_empty() {
                        "Unnamed organization"
                    } else {
                        n.trim()
                    }
                })
                .unwrap_or("(removed)")
                .to_owned(),
            GoalRef => plan
                .goals
                .iter()
                .find(|g| g.id == id)
                .map_or("(removed)".to_owned(), |g| g.title.trim().to_owned()),
            SectionRef => crate::content::Section::from_slug(id)
                .map_or(id.to_owned(), |s| s.title().to_owned()),
            Choice(vocab) => vocab
                .options()
                .into_iter()
                .find(|(k, _)| *k == id)
                .map_or(id.to_owned(), |(_, l)| l.to_owned()),
            Pillars => Pillar::from_key(id).map_or(id.to_owned(), |p| p.label().to_owned()),
            _ => id.to_owned(),
        }
    };
    match (input, value) {
        (Flag, Value::Bool(b)) => if *b { "Yes" } else { "No" }.to_owned(),
        (Money, Value::Number(n)) => crate::model::rules::dollars(n.as_u64().unwrap_or(0)),
        (_, Value::String(s)) => match input {
            Choice(_) | MemberRef | GoalRef | SectionRef => name_of(s),
            _ => s.trim().to_owned(),
        },
        (_, Value::Array(keys)) => keys
            .iter()
            .filter_map(Value::as_str)
            .map(name_of)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

#[cfg(test)]
mod display_tests {
    use super::*;
    use crate::model::Plan;
    use serde_json::json;

    #[test]
    fn values_read_as_words() {
        let mut p = Plan::new("p".into(), 1);
        p.add_item(ListKind::Members, "m".into(), 1);
        let _ = p.set_field(ListKind::Members, "m", "name", json!("Alpha"), 1);
        assert_eq!(display_value(&p, MemberRef, &json!("m")), "Alpha");
        assert_eq!(
            display_value(&p, MemberSet, &json!(["m", "gone"])),
            "Alpha, (removed)"
        );
        assert_eq!(
            display_value(&p, Choice(Vocab::Sector), &json!("survivor_led")),
            "Survivor-led organization"
        );
        assert_eq!(
            display_value(&p, Pillars, &json!(["prevention", "partnership"])),
            "Prevention, Partnership"
        );
        assert_eq!(display_value(&p, Money, &json!(25000)), "$25,000");
        assert_eq!(display_value(&p, Flag, &json!(true)), "Yes");
        assert_eq!(display_value(&p, Date, &serde_json::Value::Null), "");
    }
}
