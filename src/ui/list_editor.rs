//! One editor for every list in the plan (members, roles, goals, action items, …): add, edit,
//! reorder and remove items, with undo for removal. What a list's items hold comes from
//! `model::fields`; values go through `PlanState::set_field`, which refuses what does not fit.

use leptos::prelude::*;

use super::widgets::Linked;
use crate::content::Section;
use crate::model::fields::{spec, FieldSpec, Input, ListSpec};
use crate::model::kinds::Pillar;
use crate::model::paging::{self, Shown, PAGE};
use crate::model::{FieldValue, ListKind, Plan};
use crate::state::PlanState;

/// A badge shown beside an item's heading: `(css class, text)`.
pub type Badge = fn(&Plan, &str, i64) -> Option<(&'static str, &'static str)>;

#[component]
pub fn ListEditor(kind: ListKind, #[prop(optional)] badge: Option<Badge>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let spec = spec(kind);
    let order = state.changes.order(kind);
    // Long lists show a page at a time, and can be searched (`model::paging`).
    let limit = RwSignal::new(PAGE);
    let query = RwSignal::new(String::new());
    let shown = Memo::new({
        let order = order.clone();
        move |_| {
            order.track();
            let (query, limit) = (query.get(), limit.get());
            state.kept.with(|keep| {
                state.plan.with_untracked(|p| {
                    paging::shown(&p.item_titles(kind), &query, limit, keep, crate::io::fold)
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
        // Put the cursor in the new item's first field, so typing can start at once.
        let first = format!("{}-{}-{}", kind.key(), id, spec.fields[0].field.key());
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&first) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    };
    let find_id = format!("list-{}-find", kind.key());
    // A memo, so the search box is not drawn afresh (losing focus) as items come and go.
    let searchable = Memo::new(move |_| len.get() > PAGE);
    let find = move || {
        searchable.get().then(|| {
            view! {
                <p class="field list-find">
                    <label for=find_id.clone()>{format!("Find in {}", spec.plural)}</label>
                    <input type="search" id=find_id.clone() autocomplete="off"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                </p>
            }
        })
    };
    // Said in a status region, so a search's result is announced without moving focus.
    let count = move || {
        shown.with(|s| {
            let searching = !query.with(|q| q.trim().is_empty());
            if searching && s.matching == 0 {
                format!(
                    "No {} match \u{201c}{}\u{201d}.",
                    spec.plural,
                    query.get().trim()
                )
            } else if searching || s.hidden() > 0 {
                format!("Showing {} of {} {}.", s.ids.len(), s.total, spec.plural)
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
                    {format!("Show {} more", hidden.min(PAGE))}
                </button>
            }
        })
    };
    let labelled_by = heading_id.clone();
    view! {
        <section class="list" aria-labelledby=labelled_by>
            <h2 id=heading_id>{spec.heading}</h2>
            <p class="hint"><Linked text=spec.intro/></p>
            {find}
            {move || (len.get() == 0).then(|| view! { <p class="empty">{spec.empty}</p> })}
            <ol class="items">
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <Item spec id len badge/> }
                />
            </ol>
            <p class="list-more">
                <span role="status">{count}</span>
                {more}
            </p>
            <button type="button" class="add" on:click=add>{format!("Add {}", spec.noun)}</button>
        </section>
    }
}

#[component]
fn Item(
    spec: &'static ListSpec,
    id: String,
    len: Memo<usize>,
    badge: Option<Badge>,
) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let kind = spec.kind;
    // This item's own trigger, not the plan: a keystroke in one item leaves the other
    // hundreds alone (`state::Changes`).
    let item = state.changes.item(kind, &id);
    // The heading and badge follow the item: they change only when it does.
    let title = Memo::new({
        let (id, item) = (id.clone(), item.clone());
        move |_| {
            item.track();
            state.plan.with_untracked(|p| p.item_title(kind, &id))
        }
    });
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
        let t = if t.is_empty() { spec.untitled } else { &t };
        // Long text titles (goals, action items) are cut for the heading.
        match t.char_indices().nth(80) {
            Some((i, _)) => format!("{}…", &t[..i]),
            None => t.to_owned(),
        }
    };
    let badge_view = badge.map(|b| {
        let badge = Memo::new({
            let (id, item) = (id.clone(), item.clone());
            move |_| {
                item.track();
                state.plan.with_untracked(|p| b(p, &id, state.today()))
            }
        });
        move || {
            badge.get().map(|(class, text)| {
                view! { <span class=format!("badge {class}")>{text}</span> }
            })
        }
    });
    let heading_id = format!("{}-{}-heading", kind.key(), id);
    let (up, down, remove) = (id.clone(), id.clone(), id.clone());
    let labelled_by = heading_id.clone();
    view! {
        <li class="item">
            <section aria-labelledby=labelled_by>
                <h3 id=heading_id>{shown_title} {badge_view}</h3>
                {spec.fields.iter().map(|f| view! { <Field kind id=id.clone() field=f item=item.clone()/> }).collect_view()}
                <p class="item-actions">
                    <button
                        type="button"
                        class="secondary"
                        disabled=move || position.get() == 0
                        aria-label=move || format!("Move up: {}", shown_title())
                        on:click=move |_| state.move_item(kind, &up, -1)
                    >
                        "Move up"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        disabled=move || { position.get() + 1 >= len.get() }
                        aria-label=move || format!("Move down: {}", shown_title())
                        on:click=move |_| state.move_item(kind, &down, 1)
                    >
                        "Move down"
                    </button>
                    <button
                        type="button"
                        class="danger"
                        aria-label=move || format!("Remove {}: {}", spec.noun, shown_title())
                        on:click=move |_| state.remove_item(kind, &remove)
                    >
                        "Remove"
                    </button>
                </p>
            </section>
        </li>
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
    let error = RwSignal::new(None::<String>);
    let set = {
        let id = id.clone();
        move |v: FieldValue| error.set(state.set_field(&id, field.field, v).err())
    };
    let text = move || value.with(FieldValue::text);
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
        .then(|| view! { <p class="hint" id=format!("{dom_id}-hint")>{field.hint}</p> });
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
                                error.set(Some("Enter a whole number of dollars, for example 25000.".into()));
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
                        .map(|(k, l)| (k.to_string(), l.to_string()))
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
        Input::SectionRef => select(
            dom_id.clone(),
            true,
            fixed(|| {
                Section::ALL
                    .iter()
                    .map(|s| (s.slug().to_owned(), s.title().to_owned()))
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
                    <label for=dom_id>{field.label}</label>
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
                        .map(|p| (p.key().to_owned(), p.label().to_owned()))
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
            <label for=dom_id>{field.label}</label>
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
            {optional.then(|| view! { <option value="">"— Not chosen —"</option> })}
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
                <legend>{legend}</legend>
                {move || {
                    let opts = options.get();
                    if opts.is_empty() {
                        return view! { <p class="hint">"Add member organizations first."</p> }.into_any();
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
                <summary>{move || format!("{legend}: {} of {} chosen", chosen(), options.with(Vec::len))}</summary>
                {move || open.get().then(group.clone())}
            </details>
        }
        .into_any()
    }
}
