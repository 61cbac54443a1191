//! A list shown as a table: what each cell says, the order when sorted by a column, and which
//! items a filter keeps. Screens only draw what these rules give (`ui::list_editor`).
//!
//! Sorting compares what a column means, not its text: statuses in their vocabulary's order
//! (Identified before Invited before Committed), dates as dates, amounts as numbers, names
//! without regard to case. Items with nothing in the column come last either way, and items
//! that compare equal keep their list order.

use std::cmp::Ordering;

use super::fields::{display_value, spec, Column, Input};
use super::items::{Field, FieldValue, ListKind};
use super::plan::Plan;
use super::rules::{urgency, Urgency};
use super::time::parse_date;
use crate::lang::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

/// Which column a table is sorted by (an index into the list's `columns`), and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub direction: Direction,
}

/// The sort after the user chooses `column`'s sort button: ascending first, then descending,
/// then back to the list's own order (where items can be moved).
pub fn next_sort(current: Option<Sort>, column: usize) -> Option<Sort> {
    match current {
        Some(Sort {
            column: c,
            direction: Direction::Ascending,
        }) if c == column => Some(Sort {
            column,
            direction: Direction::Descending,
        }),
        Some(Sort {
            column: c,
            direction: Direction::Descending,
        }) if c == column => None,
        _ => Some(Sort {
            column,
            direction: Direction::Ascending,
        }),
    }
}

/// The column header's `aria-sort`: only the sorted column has one.
pub fn aria_sort(current: Option<Sort>, column: usize) -> Option<&'static str> {
    match current {
        Some(s) if s.column == column => Some(match s.direction {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }),
        _ => None,
    }
}

/// What a table shows of a list: its sort and its filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub sort: Option<Sort>,
    /// `(column, key)`: keep items whose value in that column is `key` (a vocabulary key or an
    /// id). The empty key keeps items with no value there.
    pub filters: Vec<(usize, String)>,
    /// Action items only: keep those past their due date and not done.
    pub overdue_only: bool,
}

impl View {
    /// The filter on `column`, if one is set.
    pub fn filter(&self, column: usize) -> Option<&str> {
        self.filters
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, k)| k.as_str())
    }

    /// Sets (or, with `None`, clears) the filter on `column`.
    pub fn set_filter(&mut self, column: usize, key: Option<String>) {
        self.filters.retain(|(c, _)| *c != column);
        if let Some(key) = key {
            self.filters.push((column, key));
        }
    }

    pub fn is_filtered(&self) -> bool {
        !self.filters.is_empty() || self.overdue_only
    }
}

/// The text of one cell: labels for choices, names for references, dates as people read them.
/// A column with a second field joins them ("Denver Police, Sam Lee").
pub fn cell(plan: &Plan, column: &Column, id: &str) -> String {
    let part = |field: Field| -> String {
        let Some(value) = plan.field(id, field) else {
            return String::new();
        };
        let input = input_of(field);
        match (input, &value) {
            (Input::Flag, FieldValue::Flag(b)) => if *b { tr("Yes") } else { tr("No") }.to_owned(),
            _ => display_value(plan, input, &value),
        }
    };
    let first = part(column.field);
    match column.also.map(part) {
        Some(second) if !second.is_empty() && !first.is_empty() => format!("{first}, {second}"),
        Some(second) if first.is_empty() => second,
        _ => first,
    }
}

fn input_of(field: Field) -> Input {
    super::fields::field_spec(field).map_or(Input::Text, |f| f.input)
}

/// A value as sorting sees it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Number(i64),
    Text(String),
}

fn sort_key(plan: &Plan, column: &Column, id: &str) -> Option<Key> {
    let value = plan.field(id, column.field)?;
    match (input_of(column.field), value) {
        (Input::Choice(vocab), FieldValue::Maybe(Some(k))) => vocab
            .options()
            .iter()
            .position(|(key, _)| *key == k)
            .map(|i| Key::Number(i as i64)),
        (Input::Date, FieldValue::Maybe(Some(d))) => parse_date(&d).map(Key::Number),
        (_, FieldValue::Money(n)) => Some(Key::Number(n.min(i64::MAX as u64) as i64)),
        (_, FieldValue::Flag(b)) => Some(Key::Number(i64::from(!b))),
        _ => {
            let text = cell(plan, column, id).to_lowercase();
            (!text.trim().is_empty()).then(|| Key::Text(text))
        }
    }
}

/// The key a filter compares: the stored choice or id ("" when unset).
fn filter_key(plan: &Plan, column: &Column, id: &str) -> String {
    match plan.field(id, column.field) {
        Some(FieldValue::Maybe(Some(k))) => k,
        _ => String::new(),
    }
}

/// A filter's choices for `column`, as `(key, label)`: every value of a vocabulary; of the
/// members, goals or strategies, only those the list's items name (a 300-member coalition's
/// action items have a dozen owners); and "(none)" for items with nothing there.
pub fn filter_options(plan: &Plan, column: &Column) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = match input_of(column.field) {
        Input::Choice(vocab) => vocab
            .options()
            .into_iter()
            .map(|(k, l)| (k.to_owned(), tr(l).to_owned()))
            .collect(),
        input @ (Input::MemberRef | Input::GoalRef | Input::StrategyRef | Input::SectionRef) => {
            let list = match input {
                Input::MemberRef => Some(ListKind::Members),
                Input::GoalRef => Some(ListKind::Goals),
                Input::StrategyRef => Some(ListKind::Strategies),
                _ => None,
            };
            let items = plan.list(column.field.list());
            let used: std::collections::BTreeSet<String> = (0..items.len())
                .filter_map(|i| match items.get(i, column.field) {
                    Some(FieldValue::Maybe(Some(k))) => Some(k),
                    _ => None,
                })
                .collect();
            match list {
                Some(list) => plan
                    .item_ids(list)
                    .into_iter()
                    .filter(|id| used.contains(id))
                    .map(|id| {
                        let label =
                            display_value(plan, input, &FieldValue::Maybe(Some(id.clone())));
                        (id, label)
                    })
                    .collect(),
                None => crate::content::Section::ALL
                    .iter()
                    .map(|s| (s.slug().to_owned(), tr(s.title()).to_owned()))
                    .collect(),
            }
        }
        _ => Vec::new(),
    };
    if input_of(column.field).is_optional_choice() {
        options.push((String::new(), tr("(none)").to_owned()));
    }
    options
}

/// The list's items (`(id, title)`) that `view` keeps, in the order it sorts them: for
/// `paging::shown`, which then applies the search and the page.
pub fn arrange(plan: &Plan, kind: ListKind, view: &View, today: i64) -> Vec<(String, String)> {
    let columns = spec(kind).columns;
    let mut rows: Vec<(String, String)> = plan
        .item_titles(kind)
        .into_iter()
        .filter(|(id, _)| {
            view.filters.iter().all(|(c, key)| {
                columns
                    .get(*c)
                    .is_none_or(|col| filter_key(plan, col, id) == *key)
            })
        })
        .filter(|(id, _)| !view.overdue_only || is_overdue(plan, kind, id, today))
        .collect();
    if let Some(sort) = view.sort {
        if let Some(column) = columns.get(sort.column) {
            let mut keyed: Vec<(Option<Key>, (String, String))> = rows
                .into_iter()
                .map(|row| (sort_key(plan, column, &row.0), row))
                .collect();
            // A stable sort: equal keys keep their list order.
            keyed.sort_by(|(a, _), (b, _)| match (a, b) {
                (Some(a), Some(b)) => match sort.direction {
                    Direction::Ascending => a.cmp(b),
                    Direction::Descending => b.cmp(a),
                },
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            });
            rows = keyed.into_iter().map(|(_, row)| row).collect();
        }
    }
    rows
}

/// An action item past its due date and not done.
pub fn is_overdue(plan: &Plan, kind: ListKind, id: &str, today: i64) -> bool {
    kind == ListKind::Actions
        && plan
            .actions
            .iter()
            .find(|a| a.id == id)
            .is_some_and(|a| urgency(a, today) == Urgency::Overdue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::items::{ActionField, MemberField};

    fn plan() -> Plan {
        let mut p = Plan::new("p".into(), 1);
        let maybe = |s: &str| FieldValue::Maybe(Some(s.into()));
        for (id, name, status, sector) in [
            ("a", "beta Shelter", "committed", "victim_services"),
            ("b", "Alpha Police", "identified", "law_enforcement"),
            ("c", "", "mou_signed", "victim_services"),
            ("d", "Gamma Health", "invited", ""),
        ] {
            p.add_item(ListKind::Members, id.into(), 1);
            let _ = p.set_field(
                id,
                Field::Members(MemberField::Name),
                FieldValue::Text(name.into()),
                1,
            );
            let _ = p.set_field(id, Field::Members(MemberField::Status), maybe(status), 1);
            if !sector.is_empty() {
                let _ = p.set_field(id, Field::Members(MemberField::Sector), maybe(sector), 1);
            }
        }
        for (id, due, status, owner) in [
            ("x", "2026-12-10", "not_started", "a"),
            ("y", "2026-11-01", "in_progress", "b"),
            ("z", "", "not_started", "a"),
            ("w", "2026-10-01", "done", "a"),
        ] {
            p.add_item(ListKind::Actions, id.into(), 1);
            if !due.is_empty() {
                let _ = p.set_field(id, Field::Actions(ActionField::Due), maybe(due), 1);
            }
            let _ = p.set_field(id, Field::Actions(ActionField::Status), maybe(status), 1);
            let _ = p.set_field(id, Field::Actions(ActionField::Owner), maybe(owner), 1);
        }
        p
    }

    fn ids(rows: Vec<(String, String)>) -> Vec<String> {
        rows.into_iter().map(|(id, _)| id).collect()
    }

    fn sorted(column: usize, direction: Direction) -> View {
        View {
            sort: Some(Sort { column, direction }),
            ..View::default()
        }
    }

    const TODAY: i64 = 20_787; // 2026-11-30

    #[test]
    fn sorting_compares_meaning_and_puts_empty_values_last() {
        let p = plan();
        assert_eq!(crate::model::time::parse_date("2026-11-30"), Some(TODAY));
        let by = |c, d| ids(arrange(&p, ListKind::Members, &sorted(c, d), TODAY));
        assert_eq!(
            ids(arrange(&p, ListKind::Members, &View::default(), TODAY)),
            ["a", "b", "c", "d"]
        );
        // Names ignore case; the unnamed one comes last both ways.
        assert_eq!(by(0, Direction::Ascending), ["b", "a", "d", "c"]);
        assert_eq!(by(0, Direction::Descending), ["d", "a", "b", "c"]);
        // Status in the pipeline's order, not alphabetical.
        assert_eq!(by(2, Direction::Ascending), ["b", "d", "a", "c"]);
        // Ties keep list order; no sector comes last.
        assert_eq!(by(1, Direction::Ascending), ["b", "a", "c", "d"]);
        // Dates as dates.
        let due = ids(arrange(
            &p,
            ListKind::Actions,
            &sorted(2, Direction::Ascending),
            TODAY,
        ));
        assert_eq!(due, ["w", "y", "x", "z"]);
        let due = ids(arrange(
            &p,
            ListKind::Actions,
            &sorted(2, Direction::Descending),
            TODAY,
        ));
        assert_eq!(due, ["x", "y", "w", "z"]);
    }

    #[test]
    fn the_sort_button_cycles_ascending_descending_and_list_order() {
        let asc = next_sort(None, 2);
        assert_eq!(
            asc,
            Some(Sort {
                column: 2,
                direction: Direction::Ascending
            })
        );
        assert_eq!(aria_sort(asc, 2), Some("ascending"));
        assert_eq!(aria_sort(asc, 1), None);
        let desc = next_sort(asc, 2);
        assert_eq!(aria_sort(desc, 2), Some("descending"));
        assert_eq!(next_sort(desc, 2), None);
        assert_eq!(
            next_sort(desc, 0),
            Some(Sort {
                column: 0,
                direction: Direction::Ascending
            })
        );
    }

    #[test]
    fn filters_keep_matching_items_and_can_be_combined() {
        let p = plan();
        let mut v = View::default();
        v.set_filter(1, Some("victim_services".into()));
        assert_eq!(ids(arrange(&p, ListKind::Members, &v, TODAY)), ["a", "c"]);
        v.set_filter(2, Some("mou_signed".into()));
        assert_eq!(ids(arrange(&p, ListKind::Members, &v, TODAY)), ["c"]);
        assert_eq!(v.filter(2), Some("mou_signed"));
        v.set_filter(1, None);
        v.set_filter(2, None);
        assert!(!v.is_filtered());
        // "(none)": members with no sector.
        v.set_filter(1, Some(String::new()));
        assert_eq!(ids(arrange(&p, ListKind::Members, &v, TODAY)), ["d"]);

        // Action items by owner, and overdue ones only (done items never are).
        let mut a = View::default();
        a.set_filter(1, Some("a".into()));
        assert_eq!(
            ids(arrange(&p, ListKind::Actions, &a, TODAY)),
            ["x", "z", "w"]
        );
        a.set_filter(1, None);
        a.overdue_only = true;
        assert_eq!(ids(arrange(&p, ListKind::Actions, &a, TODAY)), ["y"]);
    }

    #[test]
    fn cells_read_as_words() {
        let mut p = plan();
        let contact = &spec(ListKind::Members).columns[3];
        assert_eq!(cell(&p, contact, "a"), "");
        let _ = p.set_field(
            "a",
            Field::Members(MemberField::Contact),
            FieldValue::Text("Sam Lee".into()),
            2,
        );
        let _ = p.set_field(
            "a",
            Field::Members(MemberField::Email),
            FieldValue::Text("sam@example.org".into()),
            2,
        );
        assert_eq!(cell(&p, contact, "a"), "Sam Lee, sam@example.org");
        let status = &spec(ListKind::Members).columns[2];
        assert_eq!(cell(&p, status, "c"), "MOU signed");
        let due = &spec(ListKind::Actions).columns[2];
        assert_eq!(cell(&p, due, "x"), "10 December 2026");
        let owner = &spec(ListKind::Actions).columns[1];
        assert_eq!(cell(&p, owner, "x"), "beta Shelter");
        let _ = p.set_field(
            "x",
            Field::Actions(ActionField::OwnerPerson),
            FieldValue::Text("Ana".into()),
            2,
        );
        assert_eq!(cell(&p, owner, "x"), "beta Shelter, Ana");
        // Only the members who own an item, in the members' order, then "(none)".
        let keys = |p: &Plan| -> Vec<String> {
            filter_options(p, owner)
                .into_iter()
                .map(|(k, _)| k)
                .collect()
        };
        assert_eq!(keys(&p), ["a", "b", ""]);
        let options = filter_options(&p, owner);
        assert_eq!(
            options.first(),
            Some(&("a".to_owned(), "beta Shelter".to_owned()))
        );
        let _ = p.set_field(
            "y",
            Field::Actions(ActionField::Owner),
            FieldValue::Maybe(Some("d".into())),
            3,
        );
        assert_eq!(keys(&p), ["a", "d", ""]);
    }
}
