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
    /// One strategy, or none.
    StrategyRef,
    /// Dated progress notes.
    Notes,
    /// Any number of dates (`YYYY-MM-DD`).
    Dates,
    /// One toolkit section, or none.
    SectionRef,
    Flag,
}

impl Input {
    /// A choice that may be left unset (so a filter offers "(none)").
    pub fn is_optional_choice(self) -> bool {
        match self {
            Input::Choice(vocab) => vocab.optional(),
            Input::MemberRef | Input::GoalRef | Input::StrategyRef | Input::SectionRef => true,
            _ => false,
        }
    }

    /// Whether the user types the value. Choices, references and dates hold keys, ids or
    /// numbers the app wrote (a member's id may well contain ten digits in a row).
    pub fn is_typed_text(self) -> bool {
        matches!(
            self,
            Input::Text | Input::LongText | Input::Email | Input::Tel | Input::Url
        )
    }
}

/// What is wrong with a value as typed, said beside the field. The value is stored all the same:
/// nothing the user typed is lost while they fix it.
pub fn advice(input: Input, text: &str) -> Option<&'static str> {
    match input {
        Input::Email if !is_email(text) => {
            Some("This does not look like an email address, for example name@example.org.")
        }
        _ => None,
    }
}

/// An email address as people write them: `name@domain.tld`, no spaces, one `@`, a domain of
/// dot-separated labels ending in at least two letters. Empty counts (the field is optional).
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return true;
    }
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c == ';')
        && !domain.contains('@')
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
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

/// A column of a list's table: what it shows, and whether the list can be filtered by it.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub label: &'static str,
    pub field: Field,
    /// A second field shown after the first ("Denver Police, Sam Lee").
    pub also: Option<Field>,
    /// Offered as a filter (choices and owners).
    pub filter: bool,
}

const fn col(label: &'static str, field: Field) -> Column {
    Column {
        label,
        field,
        also: None,
        filter: false,
    }
}

const fn filtered(label: &'static str, field: Field) -> Column {
    Column {
        label,
        field,
        also: None,
        filter: true,
    }
}

pub struct ListSpec {
    pub kind: ListKind,
    /// The table's columns; the first names the item and opens its form.
    pub columns: &'static [Column],
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
    columns: &[
        col("Organization", Field::Members(MemberField::Name)),
        filtered("Sector", Field::Members(MemberField::Sector)),
        filtered("Status", Field::Members(MemberField::Status)),
        Column {
            label: "Contact",
            field: Field::Members(MemberField::Contact),
            also: Some(Field::Members(MemberField::Email)),
            filter: false,
        },
    ],
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
    columns: &[
        col("Network", Field::Networks(NetworkField::Name)),
        filtered("Kind", Field::Networks(NetworkField::Kind)),
    ],
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
    columns: &[
        filtered("Role", Field::Roles(RoleField::Role)),
        filtered("Member organization", Field::Roles(RoleField::Member)),
        col("Person", Field::Roles(RoleField::Person)),
        col("Term", Field::Roles(RoleField::Term)),
    ],
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
    columns: &[
        col("Subgroup", Field::Subgroups(SubgroupField::Name)),
        col("Focus", Field::Subgroups(SubgroupField::Focus)),
        filtered("Lead", Field::Subgroups(SubgroupField::Lead)),
        col("Members", Field::Subgroups(SubgroupField::Members)),
    ],
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
    columns: &[
        col("Goal", Field::Goals(GoalField::Title)),
        col("Specific", Field::Goals(GoalField::Specific)),
        col("Measurable", Field::Goals(GoalField::Measurable)),
        col("Time-bound", Field::Goals(GoalField::TimeBound)),
    ],
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
            Field::Goals(GoalField::ShortName),
            "Short name",
            Text,
            "A few words, shown in choices and tables: for example \"Train hotel staff\".",
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
    columns: &[
        col("Strategy", Field::Strategies(StrategyField::Text)),
        filtered("Goal", Field::Strategies(StrategyField::Goal)),
    ],
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
    columns: &[
        col("What", Field::Actions(ActionField::What)),
        Column {
            label: "Owner",
            field: Field::Actions(ActionField::Owner),
            also: Some(Field::Actions(ActionField::OwnerPerson)),
            filter: true,
        },
        col("Due", Field::Actions(ActionField::Due)),
        filtered("Status", Field::Actions(ActionField::Status)),
        filtered("Goal", Field::Actions(ActionField::Goal)),
    ],
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
        f(
            Field::Actions(ActionField::Strategy),
            "Part of strategy",
            StrategyRef,
        ),
        f(
            Field::Actions(ActionField::Owner),
            "Owner organization",
            MemberRef,
        ),
        h(
            Field::Actions(ActionField::OwnerPerson),
            "Owner (person)",
            Text,
            "A contact's name, within the organization or on their own.",
        ),
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
        f(Field::Actions(ActionField::Notes), "Progress notes", Notes),
    ],
};

static FUNDING: ListSpec = ListSpec {
    kind: ListKind::Funding,
    columns: &[
        col("Funder or program", Field::Funding(FundingField::Name)),
        filtered("Type", Field::Funding(FundingField::Kind)),
        col("Amount", Field::Funding(FundingField::Amount)),
        filtered("Status", Field::Funding(FundingField::Status)),
        col("Deadline", Field::Funding(FundingField::Deadline)),
    ],
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
        f(
            Field::Funding(FundingField::GrantStart),
            "Grant period starts",
            Date,
        ),
        f(
            Field::Funding(FundingField::GrantEnd),
            "Grant period ends",
            Date,
        ),
        h(
            Field::Funding(FundingField::MatchRequired),
            "Match requirement",
            Text,
            "What the partnership must put in, for example 25% cash or in-kind.",
        ),
        f(
            Field::Funding(FundingField::ReportsDue),
            "Report due dates",
            Dates,
        ),
        f(
            Field::Funding(FundingField::Restrictions),
            "Restrictions",
            LongText,
        ),
    ],
};

static RESOURCES: ListSpec = ListSpec {
    kind: ListKind::Resources,
    columns: &[
        col("Title", Field::Resources(ResourceField::Title)),
        col("Link", Field::Resources(ResourceField::Url)),
        filtered("Section", Field::Resources(ResourceField::Section)),
    ],
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
    columns: &[
        col("Meeting", Field::Meetings(MeetingField::Title)),
        col("Date", Field::Meetings(MeetingField::Date)),
        col("Start time", Field::Meetings(MeetingField::Time)),
        col("Place or link", Field::Meetings(MeetingField::Place)),
    ],
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
                .map_or("(removed)".to_owned(), |g| {
                    let t = crate::model::items::Record::title(g);
                    if t.is_empty() {
                        "Untitled goal".to_owned()
                    } else {
                        t
                    }
                }),
            StrategyRef => {
                plan.strategies
                    .iter()
                    .find(|s| s.id == id)
                    .map_or("(removed)".to_owned(), |s| {
                        let t = s.text.trim();
                        if t.is_empty() {
                            "Untitled strategy".to_owned()
                        } else {
                            t.to_owned()
                        }
                    })
            }
            Dates => crate::model::time::readable_date(id),
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
            Choice(_) | MemberRef | GoalRef | StrategyRef | SectionRef => name_of(s),
            Date => crate::model::time::readable_date(s),
            _ => s.trim().to_owned(),
        },
        FieldValue::Notes(notes) => notes
            .iter()
            .map(|n| {
                format!(
                    "{}: {}",
                    crate::model::time::readable_date(&n.date),
                    n.text.trim()
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
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

    #[test]
    fn email_addresses_are_checked_as_such() {
        for good in [
            "",
            "sam@example.org",
            " ana.lee+x@mail.co.uk ",
            "jose@correo.méxico.mx",
        ] {
            assert!(is_email(good), "{good}");
            assert_eq!(advice(Email, good), None);
        }
        for bad in [
            "not-an-email",
            "sam@",
            "@example.org",
            "sam@example",
            "a@b.c",
            "sam @example.org",
            "a@@b.org",
            "a@b..org",
            "a@b.org, c@d.org",
        ] {
            assert!(!is_email(bad), "{bad}");
            assert!(advice(Email, bad).is_some());
        }
        assert_eq!(advice(Text, "not-an-email"), None);
    }
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
