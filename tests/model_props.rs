//! Property tests on the functional core: whatever a user types, the plan survives being stored
//! or exported and read back, and no input makes `decode` panic.

use partnership_planner::content::{FunctionKind, QUESTIONS};
use partnership_planner::model::{decode, encode, encode_pretty, Plan};
use proptest::prelude::*;

/// Any plan a user could make through the interface.
fn any_plan() -> impl Strategy<Value = Plan> {
    let answers = proptest::collection::vec((0..QUESTIONS.len(), ".{0,80}", 0u64..1 << 45), 0..10);
    let functions = proptest::collection::vec((0..6usize, any::<bool>(), 0u64..1 << 45), 0..8);
    (
        "[a-z0-9]{1,32}",
        ".{0,60}",
        0u64..1 << 45,
        answers,
        functions,
    )
        .prop_map(|(id, name, now, answers, functions)| {
            let mut plan = Plan::new(id, now);
            plan.set_name(&name, now);
            for (q, text, at) in answers {
                plan.set_answer(QUESTIONS[q].id, &text, at);
            }
            for (f, on, at) in functions {
                plan.set_function(FunctionKind::ALL[f], on, at);
            }
            plan
        })
}

proptest! {
    #[test]
    fn stored_and_exported_plans_read_back_identical(plan in any_plan(), at in 0u64..1 << 45) {
        for text in [encode(&plan, at), encode_pretty(&plan, at)] {
            let back = decode(&text).map(|d| d.plan);
            prop_assert_eq!(back, Ok(plan.clone()));
        }
    }

    #[test]
    fn decode_never_panics_on_arbitrary_text(text in ".{0,200}") {
        let _ = decode(&text);
    }

    #[test]
    fn decode_never_panics_on_damaged_plans(plan in any_plan(), cut in 0usize..2000, byte in any::<u8>()) {
        let text = encode(&plan, 1);
        let mut bytes = text.into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        let _ = decode(&String::from_utf8_lossy(&bytes));
        let _ = decode(&String::from_utf8_lossy(&bytes[..at]));
    }
}

// ---- Full plans: every list filled, built only through the public `Plan` API ------------------

mod full {
    use partnership_planner::content::guidance::{HEALTH_STATEMENTS, SURVIVOR_CHECKLIST};
    use partnership_planner::content::kinds::Vocabulary;
    use partnership_planner::content::{FunctionKind, QUESTIONS};
    use partnership_planner::model::fields::spec;
    use partnership_planner::model::items::{
        ActionField, Field, FieldValue, FundingField, GoalField, MeetingField, MemberField,
        NetworkField, ProgressNote, ResourceField, RoleField, StrategyField, SubgroupField,
    };
    use partnership_planner::model::kinds::{
        ActionStatus, ActionTag, FundingKind, FundingStatus, MemberStatus, NetworkKind, Pillar,
        RoleKind,
    };
    use partnership_planner::model::{
        encode, encode_pretty, import_bytes, import_text, ListKind, Plan,
    };
    use proptest::collection::vec;
    use proptest::option;
    use proptest::prelude::*;
    use proptest::sample::{select, subsequence, Index};

    /// Largest funding amount a plan may hold (`rules::MAX_AMOUNT`).
    const MAX_AMOUNT: u64 = 1_000_000_000_000;

    /// `YYYY-MM-DD` of a day number (days since 1970-01-01), after Howard Hinnant's
    /// `civil_from_days`, so every generated date is a real one, leap days included.
    fn date(days: i64) -> String {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// A due date or deadline: a real date between 1970 and 2169, or none.
    fn any_date() -> impl Strategy<Value = Option<String>> {
        option::of((0i64..73_000).prop_map(date))
    }

    /// The fields of one item, each with its value, as a screen sets them.
    type Fields = Vec<(Field, FieldValue)>;

    fn text(s: String) -> FieldValue {
        FieldValue::Text(s)
    }

    fn maybe(s: Option<String>) -> FieldValue {
        FieldValue::Maybe(s)
    }

    /// A vocabulary choice as a form gives it (its key).
    fn choice<V: Vocabulary>(v: Option<V>) -> FieldValue {
        FieldValue::Maybe(v.map(|v| v.key().to_owned()))
    }

    fn pillars() -> impl Strategy<Value = FieldValue> {
        subsequence(Pillar::ALL, 0..=Pillar::ALL.len())
            .prop_shuffle()
            .prop_map(|ps| FieldValue::Keys(ps.iter().map(|p| p.key().to_owned()).collect()))
    }

    /// Short free text: any characters (markup, emoji, controls) but no line breaks.
    const TEXT: &str = ".{0,40}";
    const LONG: &str = "(.|\n){0,120}";

    fn member() -> impl Strategy<Value = Fields> {
        use MemberField::*;
        (
            TEXT,
            option::of(select(partnership_planner::content::kinds::Sector::ALL)),
            select(MemberStatus::ALL),
            pillars(),
            TEXT,
            "([a-z]{1,8}@example\\.org)?",
            "[0-9 ()+-]{0,15}",
            LONG,
            LONG,
        )
            .prop_map(
                |(name, sector, status, pillars, contact, email, phone, brings, needs)| {
                    let m = Field::Members;
                    vec![
                        (m(Name), text(name)),
                        (m(Sector), choice(sector)),
                        (m(Status), choice(Some(status))),
                        (m(Pillars), pillars),
                        (m(Contact), text(contact)),
                        (m(Email), text(email)),
                        (m(Phone), text(phone)),
                        (m(Brings), text(brings)),
                        (m(Needs), text(needs)),
                    ]
                },
            )
    }

    fn network() -> impl Strategy<Value = Fields> {
        use NetworkField::*;
        (TEXT, option::of(select(NetworkKind::ALL)), LONG).prop_map(|(name, kind, note)| {
            let n = Field::Networks;
            vec![
                (n(Name), text(name)),
                (n(Kind), choice(kind)),
                (n(Note), text(note)),
            ]
        })
    }

    /// References are made valid by construction: `m0..m{n}` and `g0..g{n}` exist.
    fn id_ref(prefix: &'static str, n: usize) -> impl Strategy<Value = Option<String>> {
        option::of(any::<Index>()).prop_map(move |i| i.map(|i| format!("{prefix}{}", i.index(n))))
    }

    fn role(members: usize) -> impl Strategy<Value = Fields> {
        use RoleField::*;
        (
            option::of(select(RoleKind::ALL)),
            id_ref("m", members),
            TEXT,
            LONG,
            TEXT,
        )
            .prop_map(|(role, member, person, description, term)| {
                let r = Field::Roles;
                vec![
                    (r(Role), choice(role)),
                    (r(Member), maybe(member)),
                    (r(Person), text(person)),
                    (r(Description), text(description)),
                    (r(Term), text(term)),
                ]
            })
    }

    fn subgroup(members: usize) -> impl Strategy<Value = Fields> {
        use SubgroupField::*;
        let ids: Vec<String> = (0..members).map(|i| format!("m{i}")).collect();
        (
            TEXT,
            TEXT,
            id_ref("m", members),
            subsequence(ids, 0..=members),
        )
            .prop_map(|(name, focus, lead, members)| {
                let s = Field::Subgroups;
                vec![
                    (s(Name), text(name)),
                    (s(Focus), text(focus)),
                    (s(Lead), maybe(lead)),
                    (s(Members), FieldValue::Keys(members)),
                ]
            })
    }

    fn goal() -> impl Strategy<Value = Fields> {
        use GoalField::*;
        (LONG, TEXT, any::<[bool; 5]>()).prop_map(|(title, short, f)| {
            let g = Field::Goals;
            vec![
                (g(Title), text(title)),
                (g(ShortName), text(short)),
                (g(Specific), FieldValue::Flag(f[0])),
                (g(Measurable), FieldValue::Flag(f[1])),
                (g(Achievable), FieldValue::Flag(f[2])),
                (g(Relevant), FieldValue::Flag(f[3])),
                (g(TimeBound), FieldValue::Flag(f[4])),
            ]
        })
    }

    fn strategy(goals: usize) -> impl Strategy<Value = Fields> {
        use StrategyField::*;
        (id_ref("g", goals), LONG).prop_map(|(goal, t)| {
            let s = Field::Strategies;
            vec![(s(Goal), maybe(goal)), (s(Text), text(t))]
        })
    }

    fn action(members: usize, goals: usize) -> impl Strategy<Value = Fields> {
        use ActionField::*;
        (
            (
                LONG,
                id_ref("g", goals),
                id_ref("m", members),
                any_date(),
                select(ActionStatus::ALL),
                LONG,
                LONG,
                TEXT,
            ),
            // At least one strategy is always made (`st0`).
            id_ref("st", 1),
            TEXT,
            vec((any_date(), LONG), 0..3),
            option::of(select(ActionTag::ALL)),
        )
            .prop_map(
                |(
                    (what, goal, owner, due, status, resources, barriers, inform),
                    strategy,
                    person,
                    notes,
                    tag,
                )| {
                    let a = Field::Actions;
                    let notes = notes
                        .into_iter()
                        .map(|(date, text)| ProgressNote {
                            date: date.unwrap_or_else(|| "2026-12-01".into()),
                            text,
                        })
                        .collect();
                    vec![
                        (a(What), text(what)),
                        (a(Goal), maybe(goal)),
                        (a(Strategy), maybe(strategy)),
                        (a(Owner), maybe(owner)),
                        (a(OwnerPerson), text(person)),
                        (a(Due), maybe(due)),
                        (a(Status), choice(Some(status))),
                        (a(Resources), text(resources)),
                        (a(Barriers), text(barriers)),
                        (a(Inform), text(inform)),
                        (a(Tag), choice(tag)),
                        (a(Notes), FieldValue::Notes(notes)),
                    ]
                },
            )
    }

    fn meeting(members: usize) -> impl Strategy<Value = Fields> {
        use MeetingField::*;
        let ids: Vec<String> = (0..members).map(|i| format!("m{i}")).collect();
        (
            TEXT,
            any_date(),
            prop_oneof![
                Just(String::new()),
                (0u32..24, 0u32..60).prop_map(|(h, m)| format!("{h:02}:{m:02}"))
            ],
            TEXT,
            subsequence(ids, 0..=members),
            LONG,
        )
            .prop_map(|(title, date, time, place, attendees, decisions)| {
                let m = Field::Meetings;
                vec![
                    (m(Title), text(title)),
                    (m(Date), maybe(date)),
                    (m(Time), text(time)),
                    (m(Place), text(place)),
                    (m(Attendees), FieldValue::Keys(attendees)),
                    (m(Decisions), text(decisions)),
                ]
            })
    }

    fn funding(members: usize) -> impl Strategy<Value = Fields> {
        use FundingField::*;
        (
            TEXT,
            option::of(select(FundingKind::ALL)),
            prop_oneof![0u64..=100_000, 0u64..=MAX_AMOUNT, Just(MAX_AMOUNT)],
            select(FundingStatus::ALL),
            any_date(),
            id_ref("m", members),
            (any_date(), any_date(), TEXT, vec(any_date(), 0..3), LONG),
        )
            .prop_map(
                |(name, kind, amount, status, deadline, fiscal_agent, grant)| {
                    let f = Field::Funding;
                    let (start, end, match_required, reports, restrictions) = grant;
                    vec![
                        (f(GrantStart), maybe(start)),
                        (f(GrantEnd), maybe(end)),
                        (f(MatchRequired), text(match_required)),
                        (
                            f(ReportsDue),
                            FieldValue::Keys(reports.into_iter().flatten().collect()),
                        ),
                        (f(Restrictions), text(restrictions)),
                        (f(Name), text(name)),
                        (f(Kind), choice(kind)),
                        (f(Amount), FieldValue::Money(amount)),
                        (f(Status), choice(Some(status))),
                        (f(Deadline), maybe(deadline)),
                        (f(FiscalAgent), maybe(fiscal_agent)),
                    ]
                },
            )
    }

    fn resource() -> impl Strategy<Value = Fields> {
        use ResourceField::*;
        let slugs: Vec<String> = partnership_planner::content::Section::ALL
            .iter()
            .map(|s| s.slug().to_owned())
            .collect();
        (
            TEXT,
            prop_oneof![
                "https://example\\.org/[a-z0-9/]{0,20}",
                "mailto:[a-z]{1,8}@example\\.org",
                TEXT
            ],
            LONG,
            option::of(select(slugs)),
        )
            .prop_map(|(title, url, note, section)| {
                let r = Field::Resources;
                vec![
                    (r(Title), text(title)),
                    (r(Url), text(url)),
                    (r(Note), text(note)),
                    (r(Section), maybe(section)),
                ]
            })
    }

    /// The plan-level parts: id, name, answers, functions, checks and scores.
    type Header = (
        String,
        String,
        u64,
        Vec<(usize, String)>,
        Vec<(FunctionKind, bool, String, Vec<Pillar>)>,
        Vec<(&'static str, bool)>,
        Vec<(&'static str, u8)>,
    );

    fn header() -> impl Strategy<Value = Header> {
        let checks: Vec<&'static str> = SURVIVOR_CHECKLIST.iter().map(|c| c.id).collect();
        let scores: Vec<&'static str> = HEALTH_STATEMENTS.iter().map(|s| s.id).collect();
        (
            "[a-z0-9-]{1,40}",
            ".{0,80}",
            0u64..1 << 42,
            vec((0..QUESTIONS.len(), LONG), 1..12),
            subsequence(FunctionKind::ALL.to_vec(), 1..=FunctionKind::ALL.len()).prop_flat_map(
                |kinds| {
                    let n = kinds.len();
                    (
                        Just(kinds),
                        vec((any::<bool>(), LONG, subsequence(Pillar::ALL, 0..=4)), n),
                    )
                        .prop_map(|(kinds, rest)| {
                            kinds
                                .into_iter()
                                .zip(rest)
                                .map(|(k, (on, note, pillars))| (k, on, note, pillars))
                                .collect::<Vec<_>>()
                        })
                },
            ),
            subsequence(checks.clone(), 1..=checks.len())
                .prop_flat_map(|ids| {
                    let n = ids.len();
                    (Just(ids), vec(any::<bool>(), n))
                })
                .prop_map(|(ids, done)| ids.into_iter().zip(done).collect()),
            subsequence(scores.clone(), 1..=scores.len())
                .prop_flat_map(|ids| {
                    let n = ids.len();
                    (Just(ids), vec(1u8..=5, n))
                })
                .prop_map(|(ids, v)| ids.into_iter().zip(v).collect()),
        )
    }

    /// Adds an item and sets each of its fields through `set_field`, as a screen would. Every
    /// field a screen edits (`fields::spec`) must be among them, so the generator keeps up with
    /// new fields.
    fn add(plan: &mut Plan, list: ListKind, id: &str, fields: &Fields, at: &mut u64) {
        *at += 1;
        plan.add_item(list, id.to_owned(), *at);
        for f in spec(list).fields {
            assert!(
                fields.iter().any(|(g, _)| *g == f.field),
                "the generator does not set {:?}",
                f.field
            );
        }
        for (field, value) in fields {
            assert_eq!(field.list(), list, "{field:?} is not a field of {list:?}");
            *at += 1;
            if let Err(e) = plan.set_field(id, *field, value.clone(), *at) {
                panic!("set_field({id}, {field:?}, {value:?}) refused: {e}");
            }
        }
    }

    /// A plan with items in every list, every reference pointing at an item that exists.
    pub fn full_plan() -> impl Strategy<Value = Plan> {
        (1usize..5, 1usize..4)
            .prop_flat_map(|(members, goals)| {
                (
                    header(),
                    vec(member(), members),
                    vec(network(), 1..3),
                    vec(role(members), 1..4),
                    vec(subgroup(members), 1..3),
                    vec(goal(), goals),
                    vec(strategy(goals), 1..4),
                    vec(action(members, goals), 1..5),
                    vec(funding(members), 1..4),
                    vec(resource(), 1..3),
                    vec(meeting(members), 1..3),
                )
            })
            .prop_map(
                |(
                    header,
                    members,
                    networks,
                    roles,
                    subgroups,
                    goals,
                    strategies,
                    actions,
                    funding,
                    resources,
                    meetings,
                )| {
                    let (id, name, created, answers, functions, checks, scores) = header;
                    let mut at = created;
                    let mut plan = Plan::new(id, created);
                    at += 1;
                    plan.set_name(&name, at);
                    for (q, text) in answers {
                        at += 1;
                        plan.set_answer(QUESTIONS[q].id, &text, at);
                    }
                    for (kind, on, note, pillars) in functions {
                        at += 1;
                        plan.set_function(kind, on, at);
                        plan.set_function_note(kind, &note, at);
                        for p in pillars {
                            plan.set_function_pillar(kind, p, true, at);
                        }
                    }
                    let lists = [
                        (ListKind::Members, "m", members),
                        (ListKind::Networks, "n", networks),
                        (ListKind::Roles, "r", roles),
                        (ListKind::Subgroups, "s", subgroups),
                        (ListKind::Goals, "g", goals),
                        (ListKind::Strategies, "st", strategies),
                        (ListKind::Actions, "a", actions),
                        (ListKind::Funding, "f", funding),
                        (ListKind::Resources, "res", resources),
                        (ListKind::Meetings, "mt", meetings),
                    ];
                    for (list, prefix, items) in &lists {
                        for (i, fields) in items.iter().enumerate() {
                            add(&mut plan, *list, &format!("{prefix}{i}"), fields, &mut at);
                        }
                    }
                    for (id, done) in checks {
                        at += 1;
                        plan.set_check(id, done, at);
                    }
                    for (id, value) in scores {
                        at += 1;
                        plan.set_score(id, Some(value), at);
                    }
                    plan
                },
            )
    }

    /// One way a file gets damaged in transit or by hand.
    #[derive(Clone, Debug)]
    pub enum Damage {
        /// One byte replaced.
        Flip(Index, u8),
        /// Cut short.
        Truncate(Index),
        /// Random bytes put in.
        Insert(Index, Vec<u8>),
        /// A run of bytes taken out.
        Delete(Index, usize),
        /// A piece of JSON syntax put in, to reach past the parser into the plan's rules.
        Splice(Index, &'static str),
    }

    const SPLICES: &[&str] = &[
        "\"",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "null",
        "-1",
        "0",
        "1e999",
        "18446744073709551616",
        "\\u0000",
        "\\ud800",
        "\u{feff}",
        "\"x\":1,",
        "\"id\":\"m0\",",
        "true",
        "\"\"",
        " ",
        "\"2026-02-30\"",
        "\"pirates\"",
        "{\"a\":[{\"a\":[]}]}",
    ];

    /// Mostly printable ASCII, so that most damage still leaves UTF-8 text and reaches the
    /// JSON parser and the plan's rules; sometimes any byte at all.
    fn a_byte() -> impl Strategy<Value = u8> {
        prop_oneof![4 => 0x20u8..0x7f, 1 => any::<u8>()]
    }

    pub fn damage() -> impl Strategy<Value = Damage> {
        prop_oneof![
            3 => (any::<Index>(), a_byte()).prop_map(|(i, b)| Damage::Flip(i, b)),
            1 => any::<Index>().prop_map(Damage::Truncate),
            1 => (any::<Index>(), vec(a_byte(), 1..8)).prop_map(|(i, b)| Damage::Insert(i, b)),
            2 => (any::<Index>(), 1usize..40).prop_map(|(i, n)| Damage::Delete(i, n)),
            3 => (any::<Index>(), select(SPLICES)).prop_map(|(i, s)| Damage::Splice(i, s)),
        ]
    }

    pub fn apply(bytes: &mut Vec<u8>, damage: &[Damage]) {
        for d in damage {
            let len = bytes.len().max(1);
            match d {
                Damage::Flip(i, b) => {
                    if !bytes.is_empty() {
                        let at = i.index(len);
                        bytes[at] = *b;
                    }
                }
                Damage::Truncate(i) => bytes.truncate(i.index(len)),
                Damage::Insert(i, b) => {
                    let at = i.index(len + 1).min(bytes.len());
                    bytes.splice(at..at, b.iter().copied());
                }
                Damage::Delete(i, n) => {
                    let at = i.index(len).min(bytes.len());
                    let end = (at + n).min(bytes.len());
                    bytes.drain(at..end);
                }
                Damage::Splice(i, s) => {
                    let at = i.index(len + 1).min(bytes.len());
                    bytes.splice(at..at, s.bytes());
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// A plan built through the interface, in every list, reads back exactly, whether
        /// exported as a file (pretty) or stored (compact) and pasted.
        #[test]
        fn full_plans_import_back_identical(plan in full_plan(), at in 0u64..1 << 42) {
            prop_assert_eq!(plan.check(), Ok(()));
            for list in ListKind::ALL {
                prop_assert!(plan.item_count(list) > 0, "{:?} is empty", list);
            }
            let from_file = import_bytes(encode_pretty(&plan, at).as_bytes()).map(|d| d.plan);
            prop_assert_eq!(from_file, Ok(plan.clone()));
            let from_text = import_text(&encode(&plan, at)).map(|d| d.plan);
            prop_assert_eq!(from_text, Ok(plan));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Damaged files never panic the importer. What is refused says so in words; what is
        /// still accepted is a plan that keeps its own rules and reads back identical.
        #[test]
        fn importing_damaged_plans_never_panics(
            plan in full_plan(),
            pretty in any::<bool>(),
            damage in vec(damage(), 1..3),
        ) {
            let text = if pretty { encode_pretty(&plan, 7) } else { encode(&plan, 7) };
            let mut bytes = text.into_bytes();
            apply(&mut bytes, &damage);
            match import_bytes(&bytes) {
                Ok(decoded) => {
                    let p = decoded.plan;
                    prop_assert_eq!(p.check(), Ok(()));
                    let again = import_bytes(encode(&p, 8).as_bytes()).map(|d| d.plan);
                    prop_assert_eq!(again, Ok(p));
                }
                Err(e) => {
                    let message = e.to_string();
                    prop_assert!(message.starts_with("This"), "{}", message);
                }
            }
        }
    }
}
