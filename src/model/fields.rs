//! How each of the plan's lists is shown and edited: its heading, what one item is called, and
//! its fields (typed, `items::Field`) with labels and input kinds.

use super::items::*;
use super::kinds::*;
use crate::lang::tr;

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
        Input::Email if !is_email(text) => Some(crate::lang::tr(
            "This does not look like an email address, for example name@example.org.",
        )),
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
        col(
            crate::en!("Organization"),
            Field::Members(MemberField::Name),
        ),
        filtered(crate::en!("Sector"), Field::Members(MemberField::Sector)),
        filtered(crate::en!("Status"), Field::Members(MemberField::Status)),
        Column {
            label: crate::en!("Contact"),
            field: Field::Members(MemberField::Contact),
            also: Some(Field::Members(MemberField::Email)),
            filter: false,
        },
    ],
    heading: crate::en!("Member organizations"),
    noun: crate::en!("member organization"),
    plural: crate::en!("member organizations"),
    empty: crate::en!("No member organizations yet."),
    untitled: crate::en!("Unnamed organization"),
    intro: crate::en!("Organizations, not people's private details: use work contacts only."),
    fields: &[
        f(
            Field::Members(MemberField::Name),
            crate::en!("Organization name"),
            Text,
        ),
        f(
            Field::Members(MemberField::Sector),
            crate::en!("Sector"),
            Choice(Vocab::Sector),
        ),
        f(
            Field::Members(MemberField::Status),
            crate::en!("Status"),
            Choice(Vocab::MemberStatus),
        ),
        f(
            Field::Members(MemberField::Contact),
            crate::en!("Contact person"),
            Text,
        ),
        h(
            Field::Members(MemberField::Email),
            crate::en!("Email (optional)"),
            Email,
            crate::en!("A work address."),
        ),
        h(
            Field::Members(MemberField::Phone),
            crate::en!("Phone (optional)"),
            Tel,
            crate::en!("A work number."),
        ),
        f(
            Field::Members(MemberField::Pillars),
            crate::en!("Ps it serves"),
            Pillars,
        ),
        f(
            Field::Members(MemberField::Brings),
            crate::en!("What it brings"),
            LongText,
        ),
        f(
            Field::Members(MemberField::Needs),
            crate::en!("What it needs"),
            LongText,
        ),
    ],
};

static NETWORKS: ListSpec = ListSpec {
    kind: ListKind::Networks,
    columns: &[
        col(crate::en!("Network"), Field::Networks(NetworkField::Name)),
        filtered(crate::en!("Kind"), Field::Networks(NetworkField::Kind)),
    ],
    heading: crate::en!("Existing networks to link with"),
    noun: crate::en!("network"),
    plural: crate::en!("networks"),
    empty: crate::en!("No networks yet."),
    untitled: crate::en!("Unnamed network"),
    intro: crate::en!(
        "Multidisciplinary Teams, Sexual Assault Response Teams and other bodies nearby."
    ),
    fields: &[
        f(
            Field::Networks(NetworkField::Name),
            crate::en!("Network name"),
            Text,
        ),
        f(
            Field::Networks(NetworkField::Kind),
            crate::en!("Kind of network"),
            Choice(Vocab::NetworkKind),
        ),
        f(
            Field::Networks(NetworkField::Note),
            crate::en!("How you will link with it"),
            LongText,
        ),
    ],
};

static ROLES: ListSpec = ListSpec {
    kind: ListKind::Roles,
    columns: &[
        filtered(crate::en!("Role"), Field::Roles(RoleField::Role)),
        filtered(
            crate::en!("Member organization"),
            Field::Roles(RoleField::Member),
        ),
        col(crate::en!("Person"), Field::Roles(RoleField::Person)),
        col(crate::en!("Term"), Field::Roles(RoleField::Term)),
    ],
    heading: crate::en!("Roles"),
    noun: crate::en!("role"),
    plural: crate::en!("roles"),
    empty: crate::en!("No roles assigned yet."),
    untitled: crate::en!("Unassigned role"),
    intro: crate::en!("Give each key role to a member organization and a person, with a term."),
    fields: &[
        f(
            Field::Roles(RoleField::Role),
            crate::en!("Role"),
            Choice(Vocab::RoleKind),
        ),
        f(
            Field::Roles(RoleField::Member),
            crate::en!("Member organization"),
            MemberRef,
        ),
        f(Field::Roles(RoleField::Person), crate::en!("Person"), Text),
        f(
            Field::Roles(RoleField::Description),
            crate::en!("What they will do"),
            LongText,
        ),
        h(
            Field::Roles(RoleField::Term),
            crate::en!("Term"),
            Text,
            crate::en!("For example: two years, renewable once."),
        ),
    ],
};

static SUBGROUPS: ListSpec = ListSpec {
    kind: ListKind::Subgroups,
    columns: &[
        col(
            crate::en!("Subgroup"),
            Field::Subgroups(SubgroupField::Name),
        ),
        col(crate::en!("Focus"), Field::Subgroups(SubgroupField::Focus)),
        filtered(crate::en!("Lead"), Field::Subgroups(SubgroupField::Lead)),
        col(
            crate::en!("Members"),
            Field::Subgroups(SubgroupField::Members),
        ),
    ],
    heading: crate::en!("Subgroups"),
    noun: crate::en!("subgroup"),
    plural: crate::en!("subgroups"),
    empty: crate::en!("No subgroups yet."),
    untitled: crate::en!("Unnamed subgroup"),
    intro: crate::en!(
        "Committees or working groups that focus on a population or a task, such as \
            labor trafficking, youth, training or victim services."
    ),
    fields: &[
        f(
            Field::Subgroups(SubgroupField::Name),
            crate::en!("Subgroup name"),
            Text,
        ),
        f(
            Field::Subgroups(SubgroupField::Focus),
            crate::en!("Focus population or task"),
            Text,
        ),
        f(
            Field::Subgroups(SubgroupField::Lead),
            crate::en!("Lead organization"),
            MemberRef,
        ),
        f(
            Field::Subgroups(SubgroupField::Members),
            crate::en!("Members"),
            MemberSet,
        ),
    ],
};

static GOALS: ListSpec = ListSpec {
    kind: ListKind::Goals,
    columns: &[
        col(crate::en!("Goal"), Field::Goals(GoalField::Title)),
        col(crate::en!("Specific"), Field::Goals(GoalField::Specific)),
        col(
            crate::en!("Measurable"),
            Field::Goals(GoalField::Measurable),
        ),
        col(crate::en!("Time-bound"), Field::Goals(GoalField::TimeBound)),
    ],
    heading: crate::en!("Goals"),
    noun: crate::en!("goal"),
    plural: crate::en!("goals"),
    empty: crate::en!("No goals yet."),
    untitled: crate::en!("Untitled goal"),
    intro: crate::en!(
        "Clear goals you can reach in the short to medium term build trust and momentum. (LCHT)"
    ),
    fields: &[
        h(
            Field::Goals(GoalField::Title),
            crate::en!("Goal"),
            LongText,
            crate::en!("Who will do what, by when, measured how. Use one action verb."),
        ),
        h(
            Field::Goals(GoalField::ShortName),
            crate::en!("Short name"),
            Text,
            crate::en!(
                "A few words, shown in choices and tables: for example \"Train hotel staff\"."
            ),
        ),
        h(
            Field::Goals(GoalField::Specific),
            crate::en!("Specific: it says who and what"),
            Flag,
            "",
        ),
        h(
            Field::Goals(GoalField::Measurable),
            crate::en!("Measurable: you will know when it is met"),
            Flag,
            "",
        ),
        h(
            Field::Goals(GoalField::Achievable),
            crate::en!("Achievable with the partnership's resources"),
            Flag,
            "",
        ),
        h(
            Field::Goals(GoalField::Relevant),
            crate::en!("Relevant to the mission"),
            Flag,
            "",
        ),
        h(
            Field::Goals(GoalField::TimeBound),
            crate::en!("Time-bound: it has a date"),
            Flag,
            "",
        ),
    ],
};

static STRATEGIES: ListSpec = ListSpec {
    kind: ListKind::Strategies,
    columns: &[
        col(
            crate::en!("Strategy"),
            Field::Strategies(StrategyField::Text),
        ),
        filtered(crate::en!("Goal"), Field::Strategies(StrategyField::Goal)),
    ],
    heading: crate::en!("Strategies"),
    noun: crate::en!("strategy"),
    plural: crate::en!("strategies"),
    empty: crate::en!("No strategies yet."),
    untitled: crate::en!("Untitled strategy"),
    intro: crate::en!("How you will reach each goal."),
    fields: &[
        f(
            Field::Strategies(StrategyField::Goal),
            crate::en!("For goal"),
            GoalRef,
        ),
        f(
            Field::Strategies(StrategyField::Text),
            crate::en!("Strategy"),
            LongText,
        ),
    ],
};

static ACTIONS: ListSpec = ListSpec {
    kind: ListKind::Actions,
    columns: &[
        col(crate::en!("What"), Field::Actions(ActionField::What)),
        Column {
            label: crate::en!("Owner"),
            field: Field::Actions(ActionField::Owner),
            also: Some(Field::Actions(ActionField::OwnerPerson)),
            filter: true,
        },
        col(crate::en!("Due"), Field::Actions(ActionField::Due)),
        filtered(crate::en!("Status"), Field::Actions(ActionField::Status)),
        filtered(crate::en!("Goal"), Field::Actions(ActionField::Goal)),
    ],
    heading: crate::en!("Action items"),
    noun: crate::en!("action item"),
    plural: crate::en!("action items"),
    empty: crate::en!("No action items yet."),
    untitled: crate::en!("Untitled action item"),
    intro: crate::en!(
        "Who will do what by when, with what resources, and who should know. (Community Tool Box)"
    ),
    fields: &[
        f(
            Field::Actions(ActionField::What),
            crate::en!("What needs to be done"),
            LongText,
        ),
        f(
            Field::Actions(ActionField::Goal),
            crate::en!("For goal"),
            GoalRef,
        ),
        f(
            Field::Actions(ActionField::Strategy),
            crate::en!("Part of strategy"),
            StrategyRef,
        ),
        f(
            Field::Actions(ActionField::Owner),
            crate::en!("Owner organization"),
            MemberRef,
        ),
        h(
            Field::Actions(ActionField::OwnerPerson),
            crate::en!("Owner (person)"),
            Text,
            crate::en!("A contact's name, within the organization or on their own."),
        ),
        f(
            Field::Actions(ActionField::Due),
            crate::en!("Due date"),
            Date,
        ),
        f(
            Field::Actions(ActionField::Status),
            crate::en!("Status"),
            Choice(Vocab::ActionStatus),
        ),
        f(
            Field::Actions(ActionField::Resources),
            crate::en!("Resources needed"),
            LongText,
        ),
        f(
            Field::Actions(ActionField::Barriers),
            crate::en!("Possible barriers"),
            LongText,
        ),
        f(
            Field::Actions(ActionField::Inform),
            crate::en!("Who to inform"),
            Text,
        ),
        h(
            Field::Actions(ActionField::Tag),
            crate::en!("Counts in the yearly report as"),
            Choice(Vocab::ActionTag),
            crate::en!("Trainings, awareness events and new partnerships are counted for funders."),
        ),
        f(
            Field::Actions(ActionField::Notes),
            crate::en!("Progress notes"),
            Notes,
        ),
    ],
};

static FUNDING: ListSpec = ListSpec {
    kind: ListKind::Funding,
    columns: &[
        col(
            crate::en!("Funder or program"),
            Field::Funding(FundingField::Name),
        ),
        filtered(crate::en!("Type"), Field::Funding(FundingField::Kind)),
        col(crate::en!("Amount"), Field::Funding(FundingField::Amount)),
        filtered(crate::en!("Status"), Field::Funding(FundingField::Status)),
        col(
            crate::en!("Deadline"),
            Field::Funding(FundingField::Deadline),
        ),
    ],
    heading: crate::en!("Funding sources"),
    noun: crate::en!("funding source"),
    plural: crate::en!("funding sources"),
    empty: crate::en!("No funding sources yet."),
    untitled: crate::en!("Unnamed funding source"),
    intro: crate::en!(
        "Grant programs and amounts change every year: check the current notice of funding."
    ),
    fields: &[
        f(
            Field::Funding(FundingField::Name),
            crate::en!("Funder or program"),
            Text,
        ),
        f(
            Field::Funding(FundingField::Kind),
            crate::en!("Type"),
            Choice(Vocab::FundingKind),
        ),
        h(
            Field::Funding(FundingField::Amount),
            crate::en!("Amount (US dollars)"),
            Money,
            crate::en!("Whole dollars, for example 25000."),
        ),
        f(
            Field::Funding(FundingField::Status),
            crate::en!("Status"),
            Choice(Vocab::FundingStatus),
        ),
        f(
            Field::Funding(FundingField::Deadline),
            crate::en!("Deadline"),
            Date,
        ),
        f(
            Field::Funding(FundingField::FiscalAgent),
            crate::en!("Fiscal agent"),
            MemberRef,
        ),
        f(
            Field::Funding(FundingField::GrantStart),
            crate::en!("Grant period starts"),
            Date,
        ),
        f(
            Field::Funding(FundingField::GrantEnd),
            crate::en!("Grant period ends"),
            Date,
        ),
        h(
            Field::Funding(FundingField::MatchRequired),
            crate::en!("Match requirement"),
            Text,
            crate::en!("What the partnership must put in, for example 25% cash or in-kind."),
        ),
        f(
            Field::Funding(FundingField::ReportsDue),
            crate::en!("Report due dates"),
            Dates,
        ),
        f(
            Field::Funding(FundingField::Restrictions),
            crate::en!("Restrictions"),
            LongText,
        ),
    ],
};

static RESOURCES: ListSpec = ListSpec {
    kind: ListKind::Resources,
    columns: &[
        col(crate::en!("Title"), Field::Resources(ResourceField::Title)),
        col(crate::en!("Link"), Field::Resources(ResourceField::Url)),
        filtered(
            crate::en!("Section"),
            Field::Resources(ResourceField::Section),
        ),
    ],
    heading: crate::en!("Your resources"),
    noun: crate::en!("resource"),
    plural: crate::en!("resources"),
    empty: crate::en!("No resources of your own yet."),
    untitled: crate::en!("Untitled resource"),
    intro: crate::en!("Add your own links. Only web (http, https) and email (mailto) links open."),
    fields: &[
        f(
            Field::Resources(ResourceField::Title),
            crate::en!("Title"),
            Text,
        ),
        h(
            Field::Resources(ResourceField::Url),
            crate::en!("Link"),
            Url,
            crate::en!("For example https://example.org or mailto:someone@example.org"),
        ),
        f(
            Field::Resources(ResourceField::Note),
            crate::en!("Note"),
            LongText,
        ),
        f(
            Field::Resources(ResourceField::Section),
            crate::en!("Section"),
            SectionRef,
        ),
    ],
};

static MEETINGS: ListSpec = ListSpec {
    kind: ListKind::Meetings,
    columns: &[
        col(crate::en!("Meeting"), Field::Meetings(MeetingField::Title)),
        col(crate::en!("Date"), Field::Meetings(MeetingField::Date)),
        col(
            crate::en!("Start time"),
            Field::Meetings(MeetingField::Time),
        ),
        col(
            crate::en!("Place or link"),
            Field::Meetings(MeetingField::Place),
        ),
    ],
    heading: crate::en!("Meetings"),
    noun: crate::en!("meeting"),
    plural: crate::en!("meetings"),
    empty: crate::en!("No meetings yet."),
    untitled: crate::en!("Untitled meeting"),
    intro: crate::en!("When and where the partnership meets, who came, and what was decided."),
    fields: &[
        h(
            Field::Meetings(MeetingField::Title),
            crate::en!("Meeting name"),
            Text,
            crate::en!("For example: Quarterly partners meeting."),
        ),
        f(
            Field::Meetings(MeetingField::Date),
            crate::en!("Date"),
            Date,
        ),
        h(
            Field::Meetings(MeetingField::Time),
            crate::en!("Start time"),
            Text,
            crate::en!("24-hour, for example 14:30. Leave empty for a meeting without a set time."),
        ),
        h(
            Field::Meetings(MeetingField::Place),
            crate::en!("Place or link"),
            Text,
            crate::en!("Kept as plain text: the app never opens it."),
        ),
        f(
            Field::Meetings(MeetingField::Attendees),
            crate::en!("Attendees"),
            MemberSet,
        ),
        h(
            Field::Meetings(MeetingField::Decisions),
            crate::en!("Decisions"),
            LongText,
            crate::en!("One decision a line."),
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
                        tr("Unnamed organization")
                    } else {
                        n.trim()
                    }
                })
                .unwrap_or(tr("(removed)"))
                .to_owned(),
            GoalRef => {
                plan.goals
                    .iter()
                    .find(|g| g.id == id)
                    .map_or(tr("(removed)").to_owned(), |g| {
                        let t = crate::model::items::Record::title(g);
                        if t.is_empty() {
                            tr("Untitled goal").to_owned()
                        } else {
                            t
                        }
                    })
            }
            StrategyRef => plan.strategies.iter().find(|s| s.id == id).map_or(
                tr("(removed)").to_owned(),
                |s| {
                    let t = s.text.trim();
                    if t.is_empty() {
                        tr("Untitled strategy").to_owned()
                    } else {
                        t.to_owned()
                    }
                },
            ),
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
        FieldValue::Flag(b) => if *b { tr("Yes") } else { tr("No") }.to_owned(),
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
