//! How each of the plan's lists is shown and edited: its heading, what one item is called, and
//! its fields (typed, `items::Field`) with labels and input kinds.

use super::items::*;
use super::kinds::*;

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
    ActionTag,
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
            Vocab::ActionTag => pairs(ActionTag::ALL, ActionTag::key, ActionTag::label),
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
    pub field: Field,
    pub label: &'static str,
    pub input: Input,
    pub hint: &'static str,
}

const fn f(field: Field, label: &'static str, input: Input) -> FieldSpec {
    FieldSpec {
        field,
        label,
        input,
        hint: "",
    }
}

const fn h(field: Field, label: &'static str, input: Input, hint: &'static str) -> FieldSpec {
    FieldSpec {
        field,
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
        f(Field::Members(MemberField::Name), "Organization name", Text),
        f(
            Field::Members(MemberField::Sector),
            "Sector",
            Choice(Vocab::Sector),
        ),
        f(
            Field::Members(MemberField::Status),
            "Status",
            Choice(Vocab::MemberStatus),
        ),
        f(Field::Members(MemberField::Contact), "Contact person", Text),
        h(
            Field::Members(MemberField::Email),
            "Email (optional)",
            Email,
            "A work address.",
        ),
        h(
            Field::Members(MemberField::Phone),
            "Phone (optional)",
            Tel,
            "A work number.",
        ),
        f(
            Field::Members(MemberField::Pillars),
            "Ps it serves",
            Pillars,
        ),
        f(
            Field::Members(MemberField::Brings),
            "What it brings",
            LongText,
        ),
        f(
            Field::Members(MemberField::Needs),
            "What it needs",
            LongText,
        ),
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
        f(Field::Networks(NetworkField::Name), "Network name", Text),
        f(
            Field::Networks(NetworkField::Kind),
            "Kind of network",
            Choice(Vocab::NetworkKind),
        ),
        f(
            Field::Networks(NetworkField::Note),
            "How you will link with it",
            LongText,
        ),
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
        f(
            Field::Roles(RoleField::Role),
            "Role",
            Choice(Vocab::RoleKind),
        ),
        f(
            Field::Roles(RoleField::Member),
            "Member organization",
            MemberRef,
        ),
        f(Field::Roles(RoleField::Person), "Person", Text),
        f(
            Field::Roles(RoleField::Description),
            "What they will do",
            LongText,
        ),
        h(
            Field::Roles(RoleField::Term),
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
        f(Field::Subgroups(SubgroupField::Name), "Subgroup name", Text),
        f(
            Field::Subgroups(SubgroupField::Focus),
            "Focus population or task",
            Text,
        ),
        f(
            Field::Subgroups(SubgroupField::Lead),
            "Lead organization",
            MemberRef,
        ),
        f(
            Field::Subgroups(SubgroupField::Members),
            "Members",
            MemberSet,
        ),
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
            Field::Goals(GoalField::Title),
            "Goal",
            LongText,
            "Who will do what, by when, measured how. Use one action verb.",
        ),
        h(
            Field::Goals(GoalField::Specific),
            "Specific: it says who and what",
            Flag,
            "",
        ),
        h(
            Field::Goals(GoalField::Measurable),
            "Measurable: you will know when it is met",
            Flag,
            "",
        ),
        h(
            Field::Goals(GoalField::Achievable),
            "Achievable with the partnership's resources",
            Flag,
            "",
        ),
        h(
            Field::Goals(GoalField::Relevant),
            "Relevant to the mission",
            Flag,
            "",
        ),
        h(
            Field::Goals(GoalField::TimeBound),
            "Time-bound: it has a date",
            Flag,
            "",
        ),
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
        f(Field::Strategies(StrategyField::Goal), "For goal", GoalRef),
        f(Field::Strategies(StrategyField::Text), "Strategy", LongText),
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
        f(
            Field::Actions(ActionField::What),
            "What needs to be done",
            LongText,
        ),
        f(Field::Actions(ActionField::Goal), "For goal", GoalRef),
        f(Field::Actions(ActionField::Owner), "Owner", MemberRef),
        f(Field::Actions(ActionField::Due), "Due date", Date),
        f(
            Field::Actions(ActionField::Status),
            "Status",
            Choice(Vocab::ActionStatus),
        ),
        f(
            Field::Actions(ActionField::Resources),
            "Resources needed",
            LongText,
        ),
        f(
            Field::Actions(ActionField::Barriers),
            "Possible barriers",
            LongText,
        ),
        f(Field::Actions(ActionField::Inform), "Who to inform", Text),
        h(
            Field::Actions(ActionField::Tag),
            "Counts in the yearly report as",
            Choice(Vocab::ActionTag),
            "Trainings, awareness events and new partnerships are counted for funders.",
        ),
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
        f(
            Field::Funding(FundingField::Name),
            "Funder or program",
            Text,
        ),
        f(
            Field::Funding(FundingField::Kind),
            "Type",
            Choice(Vocab::FundingKind),
        ),
        h(
            Field::Funding(FundingField::Amount),
            "Amount (US dollars)",
            Money,
            "Whole dollars, for example 25000.",
        ),
        f(
            Field::Funding(FundingField::Status),
            "Status",
            Choice(Vocab::FundingStatus),
        ),
        f(Field::Funding(FundingField::Deadline), "Deadline", Date),
        f(
            Field::Funding(FundingField::FiscalAgent),
            "Fiscal agent",
            MemberRef,
        ),
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
        f(Field::Resources(ResourceField::Title), "Title", Text),
        h(
            Field::Resources(ResourceField::Url),
            "Link",
            Url,
            "For example https://example.org or mailto:someone@example.org",
        ),
        f(Field::Resources(ResourceField::Note), "Note", LongText),
        f(
            Field::Resources(ResourceField::Section),
            "Section",
            SectionRef,
        ),
    ],
};

static MEETINGS: ListSpec = ListSpec {
    kind: ListKind::Meetings,
    heading: "Meetings",
    noun: "meeting",
    plural: "meetings",
    empty: "No meetings yet.",
    untitled: "Untitled meeting",
    intro: "When and where the partnership meets, who came, and what was decided.",
    fields: &[
        h(
            Field::Meetings(MeetingField::Title),
            "Meeting name",
            Text,
            "For example: Quarterly partners meeting.",
        ),
        f(Field::Meetings(MeetingField::Date), "Date", Date),
        h(
            Field::Meetings(MeetingField::Time),
            "Start time",
            Text,
            "24-hour, for example 14:30. Leave empty for a meeting without a set time.",
        ),
        h(
            Field::Meetings(MeetingField::Place),
            "Place or link",
            Text,
            "Kept as plain text: the app never opens it.",
        ),
        f(
            Field::Meetings(MeetingField::Attendees),
            "Attendees",
            MemberSet,
        ),
        h(
            Field::Meetings(MeetingField::Decisions),
            "Decisions",
            LongText,
            "One decision a line.",
        ),
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
        ListKind::Meetings => &MEETINGS,
    }
}

/// The spec of one field, for labels in messages.
pub fn field_spec(field: Field) -> Option<&'static FieldSpec> {
    spec(field.list()).fields.iter().find(|f| f.field == field)
}

/// The spec of a list by its name in files (`members`), for messages about a file.
pub fn spec_by_key(key: &str) -> Option<&'static ListSpec> {
    ListKind::ALL
        .into_iter()
        .map(spec)
        .find(|s| s.kind.key() == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;

    /// Every list's spec names its own list, and each of its fields once.
    #[test]
    fn every_spec_is_of_its_list_and_names_fields_once() {
        let mut plan = Plan::new("p".into(), 1);
        for kind in ListKind::ALL {
            let s = spec(kind);
            assert_eq!(s.kind, kind);
            plan.add_item(kind, "item".into(), 1);
            for (i, field) in s.fields.iter().enumerate() {
                assert_eq!(field.field.list(), kind, "{:?}", field.field);
                assert!(
                    plan.field("item", field.field).is_some(),
                    "{:?}",
                    field.field
                );
                assert!(!s.fields[..i].iter().any(|g| g.field == field.field));
            }
        }
    }
}

/// A field's value as text for reading (the printable plan): labels instead of keys, member
/// and goal names instead of ids, "Yes"/"No" for flags, `$` amounts.
pub fn display_value(plan: &crate::model::Plan, input: Input, value: &FieldValue) -> String {
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
    match value {
        FieldValue::Flag(b) => if *b { "Yes" } else { "No" }.to_owned(),
        FieldValue::Money(n) => crate::model::rules::dollars(*n),
        FieldValue::Text(s) => s.trim().to_owned(),
        FieldValue::Maybe(None) => String::new(),
        FieldValue::Maybe(Some(s)) => match input {
            Choice(_) | MemberRef | GoalRef | SectionRef => name_of(s),
            _ => s.trim().to_owned(),
        },
        FieldValue::Keys(keys) => keys
            .iter()
            .map(|k| name_of(k))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[cfg(test)]
mod display_tests {
    use super::*;
    use crate::model::Plan;

    #[test]
    fn values_read_as_words() {
        let mut p = Plan::new("p".into(), 1);
        p.add_item(ListKind::Members, "m".into(), 1);
        let name = Field::Members(MemberField::Name);
        let _ = p.set_field("m", name, FieldValue::Text("Alpha".into()), 1);
        let maybe = |s: &str| FieldValue::Maybe(Some(s.into()));
        let keys = |k: &[&str]| FieldValue::Keys(k.iter().map(|s| s.to_string()).collect());
        assert_eq!(display_value(&p, MemberRef, &maybe("m")), "Alpha");
        assert_eq!(
            display_value(&p, MemberSet, &keys(&["m", "gone"])),
            "Alpha, (removed)"
        );
        assert_eq!(
            display_value(&p, Choice(Vocab::Sector), &maybe("survivor_led")),
            "Survivor-led organization"
        );
        assert_eq!(
            display_value(&p, Pillars, &keys(&["prevention", "partnership"])),
            "Prevention, Partnership"
        );
        assert_eq!(
            display_value(&p, Money, &FieldValue::Money(25000)),
            "$25,000"
        );
        assert_eq!(display_value(&p, Flag, &FieldValue::Flag(true)), "Yes");
        assert_eq!(display_value(&p, Date, &FieldValue::Maybe(None)), "");
    }
}
