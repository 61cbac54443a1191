//! Overview: this month's dashboard (what is overdue or due soon and who owns it, vacant
//! key roles, funding deadlines, weak self-check categories, missing partners), the plan's
//! numbers, its charts, and each section's progress. The rules are `model::rules`.

use leptos::prelude::*;

use super::charts;
use super::sharing::import_file;
use crate::content::Section;
use crate::lang::tr;
use crate::model::rules::{
    actions_done, counts, dollars, funding_totals, missing_partners, needs_attention, next_section,
    pillar_grid, pipeline, progress, self_check, timeline, upcoming_deadlines, vacant_roles,
    weakest_categories, Urgency, DEADLINE_DAYS, DUE_SOON_DAYS,
};
use crate::model::time::long_date;
use crate::route::{item_href, Route};
use crate::state::{PlanState, SaveState};

/// Items needing attention listed on the overview at most; the rest are counted.
const ATTENTION_SHOWN: usize = 10;

/// One figure "At a glance" as text; only "Action items done" has a meter, as its maximum (all
/// action items) means something.
fn stat(label: &'static str, text: String) -> impl IntoView {
    view! {
        <div class="stat">
            <dt>{label}</dt>
            <dd><span class="stat-value">{text}</span></dd>
        </div>
    }
}

/// A link to one item of a section's list; the item is kept on screen there, however long the
/// list, and the page opens at it.
fn item_link(section: Section, id: String, text: String) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let href = item_href(section, &id);
    view! {
        <a href=href on:click=move |_| {
            if state.kept.with_untracked(|k| !k.contains(&id)) {
                state.kept.update(|k| k.push(id.clone()));
            }
        }>{text}</a>
    }
}

/// This month: what needs doing, and what is missing.
fn this_month(state: PlanState) -> impl IntoView {
    let attention = move || {
        let mut lines = state.plan.with(|p| needs_attention(p, state.today()));
        if lines.is_empty() {
            return view! {
                <p>{crate::tr!("Nothing is overdue or due in the next {days} days.", days = DUE_SOON_DAYS)}</p>
            }
            .into_any();
        }
        // The most pressing first; a long backlog is counted, not drawn.
        let more = lines.len().saturating_sub(ATTENTION_SHOWN);
        lines.truncate(ATTENTION_SHOWN);
        let owners = state.plan.with(|p| {
            lines
                .iter()
                .map(|l| {
                    p.actions
                        .iter()
                        .find(|a| a.id == l.id)
                        .and_then(|a| a.owner.clone())
                })
                .collect::<Vec<_>>()
        });
        let items = lines
            .into_iter()
            .zip(owners)
            .map(|(l, owner_id)| {
                let (class, badge) = match l.urgency {
                    Urgency::Overdue => ("badge badge-overdue", tr("Overdue")),
                    _ => ("badge badge-soon", tr("Due soon")),
                };
                let what = if l.what.is_empty() { tr("Unnamed action item").to_owned() } else { l.what.clone() };
                let owner = match (l.owner.clone(), owner_id) {
                    (Some(name), Some(id)) => view! {
                        {tr("Owner:")} " " {item_link(Section::Membership, id, name)}
                    }.into_any(),
                    _ => view! { {tr("No owner yet")} }.into_any(),
                };
                view! {
                    <li class="attention-item">
                        {item_link(Section::Management, l.id.clone(), what)}
                        " " <span class=class>{badge}</span>
                        <br/>
                        <span class="attention-meta">{owner} {crate::tr!(" · due {date}", date = long_date(l.due))}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="attention">{items}</ul>
            {(more > 0).then(|| view! {
                <p>
                    {crate::tr!("And {count} more in", count = more)}
                    " "
                    <a href=Route::Section(Section::Management).href()>{tr(Section::Management.title())}</a>
                    "."
                </p>
            })}
        }
        .into_any()
    };
    let roles = move || {
        let vacant = state.plan.with(vacant_roles);
        if vacant.is_empty() {
            return view! { <p>{tr("Every key role has someone in it.")}</p> }.into_any();
        }
        let items = vacant
            .into_iter()
            .map(|r| view! { <li>{tr(r.label())}</li> })
            .collect_view();
        view! {
            <ul class="plain-list">{items}</ul>
            <p>
                {tr("Assign them in")} " "
                <a href=Route::Section(Section::Leadership).href()>{tr(Section::Leadership.title())}</a> "."
            </p>
        }
        .into_any()
    };
    let deadlines = move || {
        let mut list = state.plan.with(|p| upcoming_deadlines(p, state.today()));
        list.truncate(ATTENTION_SHOWN);
        if list.is_empty() {
            return view! {
                <p>{crate::tr!("No funding deadline in the next {days} days.", days = DEADLINE_DAYS)}</p>
            }
            .into_any();
        }
        let items = list
            .into_iter()
            .map(|d| {
                let name = if d.name.is_empty() {
                    tr("Unnamed funding source").to_owned()
                } else {
                    d.name
                };
                view! {
                    <li>
                        {item_link(Section::Funding, d.id, name)}
                        {crate::tr!(
                            ": {date}, {amount} ({status})",
                            date = long_date(d.due),
                            amount = dollars(d.amount),
                            status = tr(d.status.label())
                        )}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain-list">{items}</ul> }.into_any()
    };
    let weakest = move || {
        let (weak, any) = state.plan.with(|p| {
            (
                weakest_categories(p),
                self_check(p).iter().any(|c| c.scored > 0),
            )
        });
        if !any {
            return view! {
                <p>
                    {tr("The self-check has no scores yet.")} " "
                    <a href=Route::Section(Section::Trust).href()>{tr("Score it in Trust and sustainability")}</a>
                </p>
            }
            .into_any();
        }
        if weak.is_empty() {
            return view! { <p>{tr("No category averages below 3.5 of 5.")}</p> }.into_any();
        }
        let items = weak
            .into_iter()
            .map(|c| {
                let line = crate::tr!(
                    "{category}: {average} of 5",
                    category = tr(c.category),
                    average = c.average().unwrap_or_default()
                );
                view! { <li>{line}</li> }
            })
            .collect_view();
        view! { <ul class="plain-list">{items}</ul> }.into_any()
    };
    let missing = move || {
        let list = state.plan.with(missing_partners);
        if list.is_empty() {
            return view! { <p>{tr("Every recommended kind of partner has a committed member.")}</p> }
                .into_any();
        }
        let items = list
            .into_iter()
            .map(|n| view! { <li>{tr(n.label)}</li> })
            .collect_view();
        view! {
            <p class="hint">{tr("A partner counts once it has committed.")}</p>
            <ul class="plain-list">{items}</ul>
        }
        .into_any()
    };
    view! {
        <section class="this-month" aria-labelledby="this-month-heading">
            <h2 id="this-month-heading">{tr("This month")}</h2>
            <div class="dashboard">
                <Panel id="attention" heading={tr("Overdue and due soon")}>{attention}</Panel>
                <Panel id="roles" heading={tr("Key roles not filled")}>{roles}</Panel>
                <Panel id="deadlines" heading={tr("Funding deadlines")}>{deadlines}</Panel>
                <Panel id="weakest" heading={tr("Weakest self-check categories")}>{weakest}</Panel>
                <Panel id="missing" heading={tr("Sectors still missing")}>{missing}</Panel>
            </div>
        </section>
    }
}

/// The plan's charts, each with its numbers.
fn chart_views(state: PlanState) -> impl IntoView {
    view! {
        <div class="charts">
            {move || state.plan.with(|p| charts::funnel(&pipeline(p)))}
            {move || state.plan.with(|p| charts::timeline(&timeline(p, state.today()), "overview-timeline"))}
            {move || state.plan.with(|p| charts::coverage_grid(&pillar_grid(p)))}
            {move || state.plan.with(|p| charts::self_check(&self_check(p)))}
            {move || state.plan.with(|p| charts::funding(funding_totals(p), "overview-funding"))}
        </div>
    }
}

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let rows = move || {
        state.plan.with(|plan| {
            Section::ALL
                .map(|section| {
                    let p = progress(plan, section);
                    view! {
                        <li class="progress-row">
                            <a href=Route::Section(section).href()>{tr(section.title())}</a>
                            <progress max=p.total.max(1) value=p.answered
                                aria-label={crate::tr!("{section} progress", section = tr(section.title()))}></progress>
                            <span class="progress-text">
                                {crate::tr!("{done} of {total} done", done = p.answered, total = p.total)}
                            </span>
                        </li>
                    }
                })
                .into_iter()
                .collect_view()
        })
    };
    let stats = move || {
        let c = state.plan.with(|p| counts(p, state.today()));
        let (done, all) = state.plan.with(actions_done);
        view! {
            {stat(tr("Member organizations"), c.members.to_string())}
            {stat(tr("Open action items"), c.open_actions.to_string())}
            {stat(tr("Overdue action items"), c.overdue.to_string())}
            {stat(tr("Funding committed"), dollars(c.funding.committed))}
            <div class="stat">
                <dt>{tr("Action items done")}</dt>
                <dd>
                    <span class="stat-value">
                        {crate::tr!(
                            "{done} of {total}",
                            done = done,
                            total = all
                        )}
                    </span>
                    {(all > 0).then(|| view! {
                        <meter min="0" max=all value=done aria-label={tr("Action items done")}></meter>
                    })}
                </dd>
            </div>
        }
    };
    // No plan stored here at all: a new device, or the browser cleared its storage.
    let welcome = Memo::new(move |_| {
        state.library.with(|l| l.plans.is_empty())
            && state.save.with(|s| *s == SaveState::Untouched)
            && state.notice.with(Option::is_none)
    });
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            import_file(state, file);
        }
    };
    view! {
        <h1 tabindex="-1">{tr("Overview")}</h1>
        <p class="promise">{tr("Your plan never leaves this device unless you export it.")}</p>
        {move || welcome.get().then(|| view! {
            <section class="welcome banner" aria-labelledby="welcome-heading">
                <h2 id="welcome-heading">{tr("Welcome")}</h2>
                <p>
                    {tr(
                        "There is no plan on this device yet. If you have worked on a plan before, \
                         on another computer or before this browser's data was cleared, import \
                         your latest exported file.",
                    )}
                    " " {tr("Otherwise, start with")} " "
                    <a href="#/define">{tr(Section::Define.title())}</a> "."
                </p>
                <span class="file-button">
                    <input type="file" id="welcome-import" accept=".json,application/json,text/plain" on:change=on_pick/>
                    <label for="welcome-import">{tr("Import your latest exported file")}</label>
                </span>
            </section>
        })}
        <p class="next-step">
            {move || match state.plan.with(next_section) {
                Some(s) => view! {
                    {tr("Next step:")} " " <a href=Route::Section(s).href()>{tr(s.title())}</a>
                    " — " {tr(s.lead_question())}
                }.into_any(),
                None => view! {
                    {tr("Every section has an answer.")} " " {tr("Review the")} " "
                    <a href="#/print">{tr("printable plan")}</a> " " {tr("with your partners.")}
                }
                .into_any(),
            }}
        </p>
        {this_month(state)}
        <h2>{tr("At a glance")}</h2>
        <dl class="stats">{stats}</dl>
        <h2>{tr("Charts")}</h2>
        {chart_views(state)}
        <h2>{tr("Progress")}</h2>
        <ol class="progress-list">{rows}</ol>
    }
}

/// One panel of the dashboard: a section named by its heading (`<id>-heading`).
#[component]
fn Panel(id: &'static str, heading: &'static str, children: Children) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h3 id=heading_id>{heading}</h3>
            {children()}
        </section>
    }
}
