//! The yearly report (`#/report`): the figures funders ask for, for a chosen period, with the
//! coordinator's own narrative. Printable; it holds no survivor or client data.

use leptos::prelude::*;

use crate::lang::tr;
use crate::model::report::{report, Period, NARRATIVE};
use crate::model::rules::dollars;
use crate::model::time::{iso_date, parse_date, readable_date};
use crate::state::PlanState;

fn day_text(day: i64) -> String {
    iso_date(day.max(0) as u64 * 86_400_000)
}

/// A two-column table of `(label, count)`; the caption, heading and labels are English (marked
/// with `en!` or a vocabulary's), shown in the current language.
fn counts_table(
    caption: &'static str,
    head: &'static str,
    rows: Vec<(&'static str, usize)>,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">{crate::tr!("{table}: none.", table = tr(caption))}</p> }
            .into_any();
    }
    view! {
        <table class="report-table">
            <caption>{tr(caption)}</caption>
            <thead><tr><th scope="col">{tr(head)}</th><th scope="col">{tr("Count")}</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(label, n)| view! {
                    <tr><th scope="row">{tr(label)}</th><td>{crate::lang::number(n as i64)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn Report() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let year = Period::year_of(state.today());
    let from = RwSignal::new(day_text(year.from));
    let to = RwSignal::new(day_text(year.to));
    let period = Memo::new(move |_| {
        let (f, t) = (parse_date(&from.get()), parse_date(&to.get()));
        match (f, t) {
            (Some(f), Some(t)) if f <= t => Ok(Period { from: f, to: t }),
            (Some(_), Some(_)) => Err(tr("The period ends before it starts.")),
            _ => Err(tr("Choose both dates of the period.")),
        }
    });
    let figures = Memo::new(move |_| {
        let p = period.get().ok()?;
        Some(state.plan.with(|plan| report(plan, p, state.today())))
    });
    let print = move |_| {
        let _ = window().print();
    };
    let name = move || state.plan.with(|p| p.display_name().to_owned());
    let narrative = NARRATIVE.map(|(id, label)| {
        let dom = format!("report-{}", id.rsplit('.').next().unwrap_or(id));
        let dom2 = dom.clone();
        let text = move || state.plan.with(|p| p.answer(id).to_owned());
        view! {
            <div class="field">
                <label for=dom class="screen-only">{tr(label)}</label>
                <h3 class="print-only">{tr(label)}</h3>
                <textarea id=dom2 class="screen-only" rows="4" prop:value=text
                    on:input=move |ev| state.set_answer(id, &event_target_value(&ev))></textarea>
                <p class="print-only answer">{text}</p>
            </div>
        }
    });
    view! {
        <div class="print-tools">
            <h1 tabindex="-1">{tr("Yearly report")}</h1>
            <p>
                {tr("The figures funders ask for, counted from the plan for the period you choose, \
                     with your own words. Print it or save it as a PDF (Ctrl+P, or Cmd+P on a Mac).")}
            </p>
            <div class="report-period">
                <p class="field">
                    <label for="report-from">{tr("From")}</label>
                    <input type="date" id="report-from" prop:value=move || from.get()
                        on:input=move |ev| from.set(event_target_value(&ev))/>
                </p>
                <p class="field">
                    <label for="report-to">{tr("To")}</label>
                    <input type="date" id="report-to" prop:value=move || to.get()
                        on:input=move |ev| to.set(event_target_value(&ev))/>
                </p>
            </div>
            <p role="status">{move || period.get().err().unwrap_or_default()}</p>
            <button type="button" on:click=print>{tr("Print this report")}</button>
        </div>
        <article class="document report" aria-labelledby="report-title">
            <h2 id="report-title">{move || crate::tr!("{name}: report for {from} to {to}", name = name(), from = from.get(), to = to.get())}</h2>
            <p class="report-privacy" role="note">
                {tr("This report holds no survivor or client data: the plan keeps none. It counts \
                     organizations, meetings, goals, action items and funding only.")}
            </p>
            {move || figures.get().map(|r| {
                let meetings = if r.meetings.is_empty() {
                    view! { <p class="empty">{tr("No meetings held in this period.")}</p> }.into_any()
                } else {
                    view! {
                        <table class="report-table">
                            <caption>{tr("Meetings held")}</caption>
                            <thead><tr><th scope="col">{tr("Meeting")}</th><th scope="col">{tr("Date")}</th><th scope="col">{tr("Organizations present")}</th></tr></thead>
                            <tbody>
                                {r.meetings.iter().map(|m| view! {
                                    <tr><th scope="row">{m.title.clone()}</th><td>{readable_date(&m.date)}</td><td>{crate::lang::number(m.attendees as i64)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                };
                let goals = if r.goals.is_empty() {
                    view! { <p class="empty">{tr("No goals yet.")}</p> }.into_any()
                } else {
                    view! {
                        <table class="report-table">
                            <caption>{tr("Goals and their action items")}</caption>
                            <thead><tr><th scope="col">{tr("Goal")}</th><th scope="col">{crate::trc!("count", "Done")}</th><th scope="col">{crate::trc!("count", "Open")}</th><th scope="col">{crate::trc!("count", "Overdue")}</th></tr></thead>
                            <tbody>
                                {r.goals.iter().map(|g| view! {
                                    <tr><th scope="row">{g.title.clone()}</th><td>{crate::lang::number(g.done as i64)}</td><td>{crate::lang::number(g.open as i64)}</td><td>{crate::lang::number(g.overdue as i64)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                };
                let self_check = match r.self_check.clone() {
                    Some((scored, of, average)) => crate::tr!(
                        "{scored} of {of} statements scored; average {average} out of 5.",
                        scored = crate::lang::number(scored as i64),
                        of = crate::lang::number(of as i64),
                        average = average
                    ),
                    None => tr("The health self-check has not been scored.").to_owned(),
                };
                view! {
                    <section aria-labelledby="report-meetings">
                        <h3 id="report-meetings">{tr("Meetings and attendance")}</h3>
                        <p class="report-figure">{crate::trn!(
                            r.meetings.len(),
                            "{n} meeting held; {attendances} attendances by {organizations} member organizations.",
                            "{n} meetings held; {attendances} attendances by {organizations} member organizations.",
                            attendances = crate::lang::number(r.attendances as i64),
                            organizations = crate::lang::number(r.organizations_attending as i64)
                        )}</p>
                        {meetings}
                    </section>
                    <section aria-labelledby="report-members">
                        <h3 id="report-members">{tr("Members")}</h3>
                        <p class="report-figure">{crate::trn!(r.members, "{n} member organization.", "{n} member organizations.")}</p>
                        {counts_table(crate::en!("Members by sector"), crate::en!("Sector"), r.by_sector.clone())}
                        {counts_table(crate::en!("Members by status"), crate::en!("Status"), r.by_status.clone())}
                        {counts_table(crate::en!("Partnerships with existing networks, by type"), crate::en!("Type"), r.networks_by_kind.clone())}
                    </section>
                    <section aria-labelledby="report-goals">
                        <h3 id="report-goals">{tr("Goals and action items")}</h3>
                        {goals}
                        {counts_table(crate::en!("Tagged action items done in this period"), crate::en!("Tag"), r.tagged_done.clone())}
                        {counts_table(crate::en!("Tagged action items still open"), crate::en!("Tag"), r.tagged_open.clone())}
                    </section>
                    <section aria-labelledby="report-funding">
                        <h3 id="report-funding">{tr("Funding")}</h3>
                        <p class="report-figure">{crate::tr!(
                            "Committed or received: {committed}. Sought (planned or applied for): {pending}.",
                            committed = dollars(r.funding.committed),
                            pending = dollars(r.funding.pending)
                        )}</p>
                    </section>
                    <section aria-labelledby="report-health">
                        <h3 id="report-health">{tr("Health self-check")}</h3>
                        <p class="report-figure">{self_check}</p>
                    </section>
                }
            })}
            <section aria-labelledby="report-narrative">
                <h3 id="report-narrative">{tr("In the coordinator's words")}</h3>
                <p class="hint screen-only">{tr("Kept in the plan, so they travel with it when you export.")}</p>
                {narrative.into_iter().collect_view()}
            </section>
        </article>
    }
}
