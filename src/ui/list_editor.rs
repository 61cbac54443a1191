//! One editor for every list in the plan (members, roles, goals, action items, …): add, edit,
//! reorder and remove items, with undo for removal. What a list's items hold comes from
//! `model::fields`; values go through `PlanState::set_field`, which refuses what does not fit.

use leptos::prelude::*;

use super::widgets::Linked;
use crate::content::Section;
use crate::lang::tr;
use crate::model::fields::{self, spec, Column, FieldSpec, Input, ListSpec};
use crate::model::items::ProgressNote;
use crate::model::kinds::Pillar;
use crate::model::paging::{self, Shown, PAGE};
use crate::model::table::{self, View};
use crate::model::time::{iso_date, readable_date};
use crate::model::{FieldValue, ListKind, Plan};
use crate::state::PlanState;

/// A badge shown beside an item's title: `(css class, text)`, the text in English (marked with
/// `en!`) and shown through `tr`. Its words say what its colour does, so it is never colour
/// alone.
pub type Badge = fn(&Plan, &str, i64) -> Option<(&'static str, &'static str)>;

/// Moves focus to the element with this id once the page has been drawn.
fn focus_later(dom_id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&dom_id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// A list as a table: one row per item, sortable by any column and filterable by its choices
/// (`model::table`), searched and paged (`model::paging`). A row's first cell opens the item's
/// form below it; closing the form puts focus back on that cell's button. Closed forms are not
/// drawn at all, so a long list costs a table row per item on screen.
#[component]
pub fn ListEditor(kind: ListKind, #[prop(optional)] badge: Option<Badge>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let spec = spec(kind);
    let order = state.changes.order(kind);
    let limit = RwSignal::new(PAGE);
    let query = RwSignal::new(String::new());
    let table_view = RwSignal::new(View::default());
    // Items whose form is open.
    let open = RwSignal::new(Vec::<String>::new());
    // Bumped when a form closes: the rows are sorted and filtered again with the values just
    // typed. Not while typing, so a row never jumps away from under the cursor.
    let settled = RwSignal::new(0u32);
    let shown = Memo::new({
        let order = order.clone();
        move |_| {
            order.track();
            settled.track();
            let (query, limit) = (query.get(), limit.get());
            table_view.with(|v| {
                state.kept.with(|keep| {
                    state.plan.with_untracked(|p| {
                        let rows = table::arrange(p, kind, v, state.today());
                        paging::shown(&rows, &query, limit, keep, crate::io::fold)
                    })
                })
            })
        }
    });
    let ids = Memo::new(move |_| shown.with(|s| s.ids.clone()));
    let len = Memo::new(move |_| {
        order.track();
        state.plan.with_untracked(|p| p.item_count(kind))
    });
    let heading_id = format!("list-{}", kind.key());
    let add = move |_| {
        let id = state.add_item(kind);
        open.update(|o| o.push(id.clone()));
        // Put the cursor in the new item's first field, so typing can start at once.
        focus_later(format!(
            "{}-{}-{}",
            kind.key(),
            id,
            spec.fields[0].field.key()
        ));
    };
    let find_id = format!("list-{}-find", kind.key());
    // A memo, so the search box is not drawn afresh (losing focus) as items come and go.
    let searchable = Memo::new(move |_| len.get() > PAGE);
    let find = move || {
        searchable.get().then(|| {
            view! {
                <p class="field list-find">
                    <label for=find_id.clone()>{crate::tr!("Find in {items}", items = tr(spec.plural))}</label>
                    <input type="search" id=find_id.clone() autocomplete="off"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                </p>
            }
        })
    };
    let filters = filter_bar(kind, table_view);
    // Said in a status region, so a search's or filter's result is announced without moving
    // focus.
    let count = move || {
        shown.with(|s| {
            let searching = !query.with(|q| q.trim().is_empty());
            let filtered = table_view.with(View::is_filtered);
            if searching && s.matching == 0 {
                crate::tr!(
                    "No {items} match \u{201c}{query}\u{201d}.",
                    items = tr(spec.plural),
                    query = query.get().trim()
                )
            } else if filtered && s.matching == 0 && len.get() > 0 {
                crate::tr!("No {items} match these filters.", items = tr(spec.plural))
            } else if searching || filtered || s.hidden() > 0 {
                // Of the whole list, not of those the filters keep.
                crate::tr!(
                    "Showing {shown} of {total} {items}.",
                    shown = crate::lang::number(s.ids.len() as i64),
                    total = crate::lang::number(len.get() as i64),
                    items = tr(spec.plural)
                )
            } else {
                String::new()
            }
        })
    };
    let more = move || {
        let hidden = shown.with(Shown::hidden);
        (hidden > 0).then(|| {
            view! {
                <button type="button" class="secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {crate::trn!(hidden.min(PAGE), "Show {n} more", "Show {n} more")}
                </button>
            }
        })
    };
    let sorted = Memo::new(move |_| table_view.with(|v| v.sort.is_some()));
    let headers = spec
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let aria = move || table_view.with(|v| table::aria_sort(v.sort, i));
            let arrow = move || match aria() {
                Some("ascending") => "\u{25b2}",
                Some(_) => "\u{25bc}",
                None => "\u{21c5}",
            };
            view! {
                <th scope="col" aria-sort=aria>
                    <button type="button" class="sort"
                        on:click=move |_| table_view.update(|v| v.sort = table::next_sort(v.sort, i))>
                        {tr(column.label)}
                        <span class="sort-mark" aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    let labelled_by = heading_id.clone();
    let table_label = heading_id.clone();
    let columns = spec.columns.len();
    view! {
        <section class="list" aria-labelledby=labelled_by>
            <h2 id=heading_id>{tr(spec.heading)}</h2>
            <p class="hint"><Linked text=spec.intro/></p>
            <div class="list-tools">
                {find}
                {filters}
            </div>
            {move || (len.get() == 0).then(|| view! { <p class="empty">{tr(spec.empty)}</p> })}
            <table class="items-table" aria-labelledby=table_label hidden=move || len.get() == 0>
                <thead><tr>{headers}</tr></thead>
                <tbody>
                    <For
                        each=move || ids.get()
                        key=|id| id.clone()
                        children=move |id| view! { <Row spec id len badge open settled sorted columns/> }
                    />
                </tbody>
            </table>
            <p class="list-more">
                <span role="status">{count}</span>
                {more}
            </p>
            <button type="button" class="add" on:click=add>{crate::tr!("Add {item}", item = tr(spec.noun))}</button>
        </section>
    }
}

/// The filters a list offers: one choice per filterable column, and "Overdue only" for action
/// items.
fn filter_bar(kind: ListKind, table_view: RwSignal<View>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let spec = spec(kind);
    let columns: Vec<(usize, &'static Column)> = spec
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.filter)
        .collect();
    if columns.is_empty() && kind != ListKind::Actions {
        return None;
    }
    let selects = columns
        .into_iter()
        .map(|(i, column)| {
            let dom_id = format!("list-{}-filter-{}", kind.key(), column.field.key());
            // Owners, goals and the like come from the plan; vocabularies are fixed.
            // Only the choices this column refers to: typing a member's name must not redo
            // the filters of every list on the page.
            let input = crate::model::fields::field_spec(column.field).map(|f| f.input);
            // A reference filter lists only what the items name, so it also follows the
            // list's own content (an owner chosen); the memo tells the select only when the
            // choices differ.
            let content = state.changes.content(kind);
            let options = Memo::new(move |_| {
                match input {
                    Some(Input::MemberRef) => state.member_choices.track(),
                    Some(Input::GoalRef) => state.goal_choices.track(),
                    Some(Input::StrategyRef) => state.strategy_choices.track(),
                    _ => {}
                }
                if matches!(input, Some(Input::MemberRef | Input::GoalRef | Input::StrategyRef)) {
                    content.track();
                }
                state.plan.with_untracked(|p| table::filter_options(p, column))
            });
            let node = NodeRef::<leptos::html::Select>::new();
            Effect::new(move |_| {
                options.track();
                let current = table_view.with(|v| v.filter(i).map(str::to_owned));
                if let Some(select) = node.get() {
                    select.set_value(current.as_deref().map_or("*", |k| if k.is_empty() { "-" } else { k }));
                }
            });
            view! {
                <p class="field list-filter">
                    <label for=dom_id.clone()>{crate::tr!("Filter by {column}", column = tr(column.label).to_lowercase())}</label>
                    <select id=dom_id node_ref=node on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let key = match v.as_str() {
                            "*" => None,
                            "-" => Some(String::new()),
                            _ => Some(v),
                        };
                        table_view.update(|view| view.set_filter(i, key));
                    }>
                        <option value="*">{tr("All")}</option>
                        {move || options.get().into_iter().map(|(key, label)| {
                            let key = if key.is_empty() { "-".to_owned() } else { key };
                            view! { <option value=key>{label}</option> }
                        }).collect_view()}
                    </select>
                </p>
            }
        })
        .collect_view();
    let overdue = (kind == ListKind::Actions).then(|| {
        let dom_id = format!("list-{}-overdue", kind.key());
        view! {
            <p class="choice list-filter">
                <input type="checkbox" id=dom_id.clone()
                    prop:checked=move || table_view.with(|v| v.overdue_only)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        table_view.update(|v| v.overdue_only = on);
                    }/>
                <label for=dom_id>{tr("Overdue only")}</label>
            </p>
        }
    });
    Some(view! {
        <div class="list-filters" role="group" aria-label={crate::tr!("Filter {items}", items = tr(spec.plural))}>
            {selects}
            {overdue}
        </div>
    })
}

/// One item: its row in the table and, while open, its form in a row of its own below.
#[component]
fn Row(
    spec: &'static ListSpec,
    id: String,
    len: Memo<usize>,
    badge: Option<Badge>,
    open: RwSignal<Vec<String>>,
    settled: RwSignal<u32>,
    sorted: Memo<bool>,
    columns: usize,
) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let kind = spec.kind;
    // This item's own trigger, not the plan: a keystroke in one item leaves the other
    // hundreds alone (`state::Changes`).
    let item = state.changes.item(kind, &id);
    let refers_to = |inputs: &[Input]| {
        spec.columns.iter().any(|c| {
            crate::model::fields::field_spec(c.field).is_some_and(|f| inputs.contains(&f.input))
        })
    };
    let (members, goals) = (
        refers_to(&[Input::MemberRef, Input::MemberSet]),
        refers_to(&[Input::GoalRef]),
    );
    // The title and cells follow the item (and the names of what it refers to).
    let cells = Memo::new({
        let (id, item) = (id.clone(), item.clone());
        move |_| {
            item.track();
            if members {
                state.member_choices.track();
            }
            if goals {
                state.goal_choices.track();
            }
            state.plan.with_untracked(|p| {
                let title = p.item_title(kind, &id);
                let cells: Vec<String> = spec.columns[1..]
                    .iter()
                    .map(|c| table::cell(p, c, &id))
                    .collect();
                (title, cells)
            })
        }
    });
    let title = Memo::new(move |_| cells.with(|c| c.0.clone()));
    let position = Memo::new({
        let (id, order) = (id.clone(), state.changes.order(kind));
        move |_| {
            order.track();
            state
                .plan
                .with_untracked(|p| p.item_index(kind, &id).unwrap_or(0))
        }
    });
    let shown_title = move || {
        let t = title.with(|t| t.trim().to_owned());
        let t = if t.is_empty() { tr(spec.untitled) } else { &t };
        // Long text titles (goals, action items) are cut for the heading.
        match t.char_indices().nth(80) {
            Some((i, _)) => format!("{}…", &t[..i]),
            None => t.to_owned(),
        }
    };
    let badge_memo = badge.map(|b| {
        let (id, item) = (id.clone(), item.clone());
        Memo::new(move |_| {
            item.track();
            state.plan.with_untracked(|p| b(p, &id, state.today()))
        })
    });
    let badge_view = move || {
        badge_memo.and_then(|m| m.get()).map(|(class, text)| {
            view! { <span class={format!("badge {class}")}>{tr(text)}</span> }
        })
    };
    let is_open = Memo::new({
        let id = id.clone();
        move |_| open.with(|o| o.contains(&id))
    });
    let base = format!("{}-{}", kind.key(), id);
    let button_id = format!("{base}-open");
    let form_id = format!("{base}-form");
    let controls = form_id.clone();
    let close = {
        let (id, button_id) = (id.clone(), button_id.clone());
        move || {
            open.update(|o| o.retain(|x| *x != id));
            settled.update(|n| *n += 1);
            focus_later(button_id.clone());
        }
    };
    let toggle = {
        let (id, close) = (id.clone(), close.clone());
        move |_| {
            if is_open.get_untracked() {
                close();
            } else {
                open.update(|o| o.push(id.clone()));
            }
        }
    };
    let other_cells = spec.columns[1..]
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let text = move || cells.with(|c| c.1.get(i).cloned().unwrap_or_default());
            view! { <td data-label=tr(column.label)>{text}</td> }
        })
        .collect_view();
    let form = move || {
        is_open.get().then(|| {
            let close = close.clone();
            let close_key = close.clone();
            let heading_id = format!("{base}-heading");
            let labelled_by = heading_id.clone();
            let (up, down, remove) = (id.clone(), id.clone(), id.clone());
            let fields = spec
                .fields
                .iter()
                .map(|f| view! { <Field kind id=id.clone() field=f item=item.clone()/> })
                .collect_view();
            view! {
                <tr class="editor-row">
                    <td colspan=columns>
                        <section class="item" id=form_id.clone() aria-labelledby=labelled_by
                            on:keydown=move |ev| if ev.key() == "Escape" { close_key() }>
                            <h3 id=heading_id>{shown_title} {badge_view}</h3>
                            {fields}
                            <p class="item-actions">
                                <button
                                    type="button"
                                    class="secondary"
                                    disabled=move || sorted.get() || position.get() == 0
                                    aria-label={move || crate::tr!("Move up: {title}", title = shown_title())}
                                    on:click=move |_| state.move_item(kind, &up, -1)
                                >
                                    {tr("Move up")}
                                </button>
                                <button
                                    type="button"
                                    class="secondary"
                                    disabled=move || sorted.get() || (position.get() + 1 >= len.get())
                                    aria-label={move || crate::tr!("Move down: {title}", title = shown_title())}
                                    on:click=move |_| state.move_item(kind, &down, 1)
                                >
                                    {tr("Move down")}
                                </button>
                                <button
                                    type="button"
                                    class="danger"
                                    aria-label={move || {
                                        crate::tr!("Remove {item}: {title}", item = tr(spec.noun), title = shown_title())
                                    }}
                                    on:click=move |_| state.remove_item(kind, &remove)
                                >
                                    {tr("Remove")}
                                </button>
                                <button type="button" class="close" on:click=move |_| close()>
                                    {tr("Close")}
                                </button>
                            </p>
                            {move || sorted.get().then(|| view! {
                                <p class="hint">{tr("Moving up and down works in the list's own order: choose a sorted column's button until it shows the list order.")}</p>
                            })}
                        </section>
                    </td>
                </tr>
            }
        })
    };
    view! {
        <tr class="item-row" class:open=move || is_open.get()>
            <th scope="row">
                <button type="button" class="row-open" id=button_id aria-expanded=move || is_open.get().to_string()
                    aria-controls=move || is_open.get().then(|| controls.clone())
                    on:click=toggle>
                    {shown_title}
                </button>
                {badge_view}
            </th>
            {other_cells}
        </tr>
        {form}
    }
}

/// One field of one item, drawn for its input kind.
#[component]
fn Field(kind: ListKind, id: String, field: &'static FieldSpec, item: ArcTrigger) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let dom_id = format!("{}-{}-{}", kind.key(), id, field.field.key());
    // Follows this item's trigger, not the plan, and changes only when this field does: typing
    // elsewhere re-renders nothing here.
    let value = Memo::new({
        let id = id.clone();
        move |_| {
            item.track();
            state
                .plan
                .with_untracked(|p| p.field(&id, field.field))
                .unwrap_or(FieldValue::Maybe(None))
        }
    });
    let error_set = RwSignal::new(None::<String>);
    let set = {
        let id = id.clone();
        move |v: FieldValue| error_set.set(state.set_field(&id, field.field, v).err())
    };
    let error = error_set;
    let text = move || value.with(FieldValue::text);
    // Advice on what was typed (an email address that is not one): shown beside the field,
    // while the value is kept as typed.
    let advice = Memo::new(move |_| value.with(|v| fields::advice(field.input, &v.text())));
    let error = Signal::derive(move || {
        error
            .get()
            .or_else(|| advice.get().map(|a| tr(a).to_owned()))
    });
    let error_setter = error_set;
    let maybe = |v: String| FieldValue::Maybe((!v.is_empty()).then_some(v));
    let hint_id = format!("{dom_id}-hint");
    let error_id = format!("{dom_id}-error");
    let described = move || {
        let mut ids = Vec::new();
        if !field.hint.is_empty() {
            ids.push(hint_id.clone());
        }
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let hint = (!field.hint.is_empty())
        .then(|| view! { <p class="hint" id={format!("{dom_id}-hint")}>{tr(field.hint)}</p> });
    let error_view = {
        let error_id = format!("{dom_id}-error");
        move || {
            error
                .get()
                .map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");

    let control = match field.input {
        Input::Text | Input::Email | Input::Tel | Input::Url => {
            let kind_attr = match field.input {
                Input::Email => "email",
                Input::Tel => "tel",
                Input::Url => "url",
                _ => "text",
            };
            let set = set.clone();
            view! {
                <input type=kind_attr id=dom_id.clone() autocomplete="off" maxlength="100000"
                    aria-describedby=described.clone() aria-invalid=invalid
                    prop:value=text on:input=move |ev| set(FieldValue::Text(event_target_value(&ev)))/>
            }
            .into_any()
        }
        Input::LongText => {
            let set = set.clone();
            view! {
                <textarea id=dom_id.clone() rows="3" maxlength="100000" aria-describedby=described.clone()
                    aria-invalid=invalid prop:value=text
                    on:input=move |ev| set(FieldValue::Text(event_target_value(&ev)))></textarea>
            }
            .into_any()
        }
        Input::Date => {
            let set = set.clone();
            view! {
                <input type="date" id=dom_id.clone() aria-describedby=described.clone()
                    aria-invalid=invalid prop:value=text
                    on:change=move |ev| set(maybe(event_target_value(&ev)))/>
            }
            .into_any()
        }
        Input::Money => {
            // Shown as typed while it is being typed; stored only when it is a whole number.
            let draft = RwSignal::new(None::<String>);
            let set = set.clone();
            view! {
                <input type="text" inputmode="numeric" id=dom_id.clone()
                    aria-describedby=described.clone() aria-invalid=invalid
                    prop:value=move || draft.get().unwrap_or_else(text)
                    on:input=move |ev| {
                        let raw = event_target_value(&ev);
                        match crate::model::rules::parse_dollars(&raw) {
                            Some(n) => { draft.set(None); set(FieldValue::Money(n)) }
                            None => {
                                draft.set(Some(raw));
                                error_setter.set(Some(tr("Enter a whole number of dollars, for example 25000.").into()));
                            }
                        }
                    }/>
            }
            .into_any()
        }
        Input::Choice(vocab) => {
            let options = vocab.options();
            select(
                dom_id.clone(),
                vocab.optional(),
                fixed(move || {
                    options
                        .iter()
                        .map(|(k, l)| (k.to_string(), tr(l).to_string()))
                        .collect()
                }),
                text,
                set.clone(),
                described.clone(),
                invalid,
            )
        }
        Input::MemberRef => select(
            dom_id.clone(),
            true,
            state.member_choices,
            text,
            set.clone(),
            described.clone(),
            invalid,
        ),
        Input::GoalRef => select(
            dom_id.clone(),
            true,
            state.goal_choices,
            text,
            set.clone(),
            described.clone(),
            invalid,
        ),
        Input::StrategyRef => select(
            dom_id.clone(),
            true,
            state.strategy_choices,
            text,
            set.clone(),
            described.clone(),
            invalid,
        ),
        Input::Notes => {
            return notes(dom_id, field.label, value, set.clone()).into_any();
        }
        Input::Dates => {
            return dates(dom_id, field.label, value, set.clone()).into_any();
        }
        Input::SectionRef => select(
            dom_id.clone(),
            true,
            fixed(|| {
                Section::ALL
                    .iter()
                    .map(|s| (s.slug().to_owned(), tr(s.title()).to_owned()))
                    .collect()
            }),
            text,
            set.clone(),
            described.clone(),
            invalid,
        ),
        Input::Flag => {
            let set = set.clone();
            return view! {
                <div class="choice">
                    <input type="checkbox" id=dom_id.clone()
                        prop:checked=move || value.get() == FieldValue::Flag(true)
                        on:change=move |ev| set(FieldValue::Flag(event_target_checked(&ev)))/>
                    <label for=dom_id>{tr(field.label)}</label>
                </div>
            }
            .into_any();
        }
        Input::Pillars => {
            return key_set(
                dom_id,
                field.label,
                fixed(|| {
                    Pillar::ALL
                        .iter()
                        .map(|p| (p.key().to_owned(), tr(p.label()).to_owned()))
                        .collect()
                }),
                value,
                set.clone(),
            )
            .into_any();
        }
        Input::MemberSet => {
            return key_set(
                dom_id,
                field.label,
                state.member_choices,
                value,
                set.clone(),
            )
            .into_any();
        }
    };
    view! {
        <div class="field">
            <label for=dom_id>{tr(field.label)}</label>
            {hint}
            {control}
            {error_view}
        </div>
    }
    .into_any()
}

/// A control's `(key, label)` choices. One type for every control (the plan's members and goals
/// are memos already), so `select` and `key_set` are compiled once, not once per kind of choice.
type Choices = Memo<Vec<(String, String)>>;

/// Choices that never change (a vocabulary, the sections, the 4 Ps).
fn fixed(options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static) -> Choices {
    Memo::new(move |_| options())
}

/// Beyond this many choices, a control draws them only when it is used.
const LAZY_CHOICES: usize = 30;

/// A `<select>` of `(key, label)` options; the empty choice stores `null`.
fn select(
    dom_id: String,
    optional: bool,
    options: Choices,
    current: impl Fn() -> String + Send + Sync + Copy + 'static,
    set: impl Fn(FieldValue) + Send + Sync + 'static,
    described: impl Fn() -> Option<String> + Send + Sync + 'static,
    invalid: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
) -> AnyView {
    // The choice is set on the element, not followed by every option: 25 "Owner" lists of 500
    // members would otherwise be 12,500 reactive attributes. Options drawn afresh (a member
    // renamed) are marked as they are made.
    let node = NodeRef::<leptos::html::Select>::new();
    // A long list of choices is drawn only once the control is used: until then it holds the
    // current choice alone. 25 lists of 500 options take half a second just to lay out.
    let used = RwSignal::new(false);
    Effect::new(move |_| {
        let value = current();
        if let Some(select) = node.get_untracked() {
            select.set_value(&value);
        }
    });
    view! {
        <select id=dom_id node_ref=node aria-describedby=described aria-invalid=invalid
            on:focus=move |_| used.set(true) on:pointerdown=move |_| used.set(true)
            on:change=move |ev| {
                let v = event_target_value(&ev);
                set(FieldValue::Maybe((!v.is_empty()).then_some(v)))
            }>
            {optional.then(|| view! { <option value="">{tr("— Not chosen —")}</option> })}
            {move || {
                let chosen = untrack(current);
                let options = options.get();
                let all = options.len() <= LAZY_CHOICES || used.get();
                options.into_iter().filter(|(key, _)| all || *key == chosen).map(|(key, label)| {
                    let selected = key == chosen;
                    view! { <option value=key selected=selected>{label}</option> }
                }).collect_view()
            }}
        </select>
    }
    .into_any()
}

/// A group of checkboxes whose ticked keys are stored as a list. Beyond `LAZY_CHOICES` (a
/// subgroup choosing among 500 members) the group folds into a disclosure, drawn when opened.
fn key_set(
    dom_id: String,
    legend: &'static str,
    options: Choices,
    value: Memo<FieldValue>,
    set: impl Fn(FieldValue) + Send + Sync + Clone + 'static,
) -> impl IntoView {
    let has = move |key: &str| value.with(|v| v.keys().iter().any(|x| x == key));
    let group = move || {
        let (dom_id, set) = (dom_id.clone(), set.clone());
        view! {
            <fieldset class="field key-set">
                <legend>{tr(legend)}</legend>
                {move || {
                    let opts = options.get();
                    if opts.is_empty() {
                        return view! { <p class="hint">{tr("Add member organizations first.")}</p> }.into_any();
                    }
                    opts.into_iter().map(|(key, label)| {
                        let box_id = format!("{dom_id}-{key}");
                        let set = set.clone();
                        let k = key.clone();
                        view! {
                            <span class="inline-choice">
                                <input type="checkbox" id=box_id.clone()
                                    prop:checked={ let key = key.clone(); move || has(&key) }
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let mut keys = value.with_untracked(|v| v.keys().to_vec());
                                        keys.retain(|x| *x != k);
                                        if on { keys.push(k.clone()); }
                                        set(FieldValue::Keys(keys));
                                    }/>
                                <label for=box_id>{label}</label>
                            </span>
                        }
                    }).collect_view().into_any()
                }}
            </fieldset>
        }
    };
    let many = Memo::new(move |_| options.with(Vec::len) > LAZY_CHOICES);
    let open = RwSignal::new(false);
    let chosen = move || value.with(|v| v.keys().len());
    move || {
        if !many.get() {
            return group().into_any();
        }
        let group = group.clone();
        view! {
            <details class="field key-set" prop:open=move || open.get()
                on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{move || crate::tr!(
                    "{legend}: {chosen} of {total} chosen",
                    legend = tr(legend),
                    chosen = crate::lang::number(chosen() as i64),
                    total = crate::lang::number(options.with(Vec::len) as i64)
                )}</summary>
                {move || open.get().then(group.clone())}
            </details>
        }
        .into_any()
    }
}

/// An action item's progress notes: each with its date, and a form to add one (dated today
/// unless another date is chosen).
fn notes(
    dom_id: String,
    legend: &'static str,
    value: Memo<FieldValue>,
    set: impl Fn(FieldValue) + Send + Sync + Clone + 'static,
) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let current = move || match value.get() {
        FieldValue::Notes(n) => n,
        _ => Vec::new(),
    };
    let today = move || iso_date(state.today().max(0) as u64 * 86_400_000);
    let date = RwSignal::new(today());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let (date_id, text_id, problem_id) = (
        format!("{dom_id}-date"),
        format!("{dom_id}-text"),
        format!("{dom_id}-problem"),
    );
    let list = {
        let set = set.clone();
        move || {
            let notes = current();
            (!notes.is_empty()).then(|| {
                let items = notes
                    .iter()
                    .enumerate()
                    .map(|(i, n)| {
                        let set = set.clone();
                        let when = readable_date(&n.date);
                        let label = crate::tr!("Remove the note of {date}", date = when);
                        view! {
                            <li>
                                <strong>{when}</strong>": "{n.text.clone()}" "
                                <button type="button" class="secondary small" aria-label=label
                                    on:click=move |_| {
                                        let mut all = current();
                                        if i < all.len() { all.remove(i); }
                                        set(FieldValue::Notes(all));
                                    }>{tr("Remove note")}</button>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="notes">{items}</ul> }
            })
        }
    };
    let add = move |_| {
        let t = text.get_untracked();
        if t.trim().is_empty() {
            problem.set(Some(crate::en!("Write the note first.")));
            return;
        }
        let d = date.get_untracked();
        if crate::model::time::parse_date(&d).is_none() {
            problem.set(Some(crate::en!("Choose the note's date.")));
            return;
        }
        problem.set(None);
        let mut all = current();
        all.push(ProgressNote { date: d, text: t });
        set(FieldValue::Notes(all));
        text.set(String::new());
    };
    let described = problem_id.clone();
    view! {
        <fieldset class="field notes-field">
            <legend>{tr(legend)}</legend>
            {list}
            <div class="note-new">
                <p class="field">
                    <label for=date_id.clone()>{tr("Date of the note")}</label>
                    <input type="date" id=date_id prop:value=move || date.get()
                        on:change=move |ev| date.set(event_target_value(&ev))/>
                </p>
                <p class="field">
                    <label for=text_id.clone()>{tr("New note")}</label>
                    <textarea id=text_id rows="2" maxlength="100000"
                        aria-describedby=move || problem.get().map(|_| described.clone())
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </p>
                {move || problem.get().map(|p| view! { <p class="field-error" id=problem_id.clone()>{tr(p)}</p> })}
                <button type="button" class="secondary" on:click=add>{tr("Add note")}</button>
            </div>
        </fieldset>
    }
}

/// Any number of dates (a grant's report due dates), each removable, and one to add.
fn dates(
    dom_id: String,
    legend: &'static str,
    value: Memo<FieldValue>,
    set: impl Fn(FieldValue) + Send + Sync + Clone + 'static,
) -> impl IntoView {
    let current = move || value.with(|v| v.keys().to_vec());
    let new_date = RwSignal::new(String::new());
    let new_id = format!("{dom_id}-new");
    let list = {
        let set = set.clone();
        move || {
            let all = current();
            (!all.is_empty()).then(|| {
                all.iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let set = set.clone();
                        let when = readable_date(d);
                        let label = crate::tr!("Remove {date}", date = when);
                        view! {
                            <li>
                                {when}" "
                                <button type="button" class="secondary small" aria-label=label
                                    on:click=move |_| {
                                        let mut all = current();
                                        if i < all.len() { all.remove(i); }
                                        set(FieldValue::Keys(all));
                                    }>{tr("Remove")}</button>
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let add = move |_| {
        let d = new_date.get_untracked();
        if crate::model::time::parse_date(&d).is_none() {
            return;
        }
        let mut all = current();
        if !all.contains(&d) {
            all.push(d);
            all.sort();
        }
        set(FieldValue::Keys(all));
        new_date.set(String::new());
    };
    view! {
        <fieldset class="field dates-field">
            <legend>{tr(legend)}</legend>
            <ul class="dates">{list}</ul>
            <p class="field">
                <label for=new_id.clone()>{tr("Add a date")}</label>
                <input type="date" id=new_id prop:value=move || new_date.get()
                    on:change=move |ev| new_date.set(event_target_value(&ev))/>
            </p>
            <button type="button" class="secondary" on:click=add>{tr("Add date")}</button>
        </fieldset>
    }
}
