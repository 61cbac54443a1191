//! Membership: who is in the partnership, which kinds of partner are still missing, and which
//! existing networks to link with.

use leptos::prelude::*;

use super::list_editor::ListEditor;
use super::widgets::{QuestionField, SectionHeading, SectionResources};
use crate::content::{questions_for, Section};
use crate::lang::tr;
use crate::model::rules::coverage;
use crate::model::ListKind;
use crate::state::PlanState;

#[component]
pub fn Membership() -> impl IntoView {
    view! {
        <SectionHeading section=Section::Membership/>
        <p>
            {tr(
                "Commitment is the most important quality in a member, along with the authority to \
                 commit their organization (OVC Task Force e-Guide). Record organizations here; \
                 never record survivors.",
            )}
        </p>
        {questions_for(Section::Membership)
            .map(|question| view! { <QuestionField question/> })
            .collect_view()}
        <Coverage/>
        <ListEditor kind=ListKind::Members/>
        <super::spreadsheets::MembersSpreadsheet/>
        <ListEditor kind=ListKind::Networks/>
        <SectionResources section=Section::Membership/>
    }
}

/// Which recommended kinds of partner are on the roster, and why the missing ones matter.
#[component]
fn Coverage() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let rows = Memo::new(move |_| {
        state.plan.with(|p| {
            coverage(p)
                .into_iter()
                .map(|(need, present)| {
                    (
                        crate::lang::tr(need.label),
                        crate::lang::tr(need.why),
                        present,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let missing = move || rows.with(|r| r.iter().filter(|r| !r.2).count());
    let empty = Memo::new(move |_| state.plan.with(|p| p.members.is_empty()));
    view! {
        <section class="coverage" aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">{tr("Coverage")}</h2>
            {move || if empty.get() {
                // A new roster is not a problem to be alarmed about: say what the check will do.
                view! {
                    <p>
                        {tr(
                            "Once you add member organizations, this shows which recommended kinds \
                             of partner the partnership has, and why the others matter. A partner \
                             counts once its status is Committed or MOU signed.",
                        )}
                    </p>
                }.into_any()
            } else {
                view! {
                    <p>
                        {move || match missing() {
                            0 => tr("Every recommended kind of partner has committed.").to_owned(),
                            n => crate::trn!(
                                n,
                                "{n} recommended kind of partner has not committed yet.",
                                "{n} recommended kinds of partner have not committed yet."
                            ),
                        }}
                        " "
                        {tr("A partner counts once its status is Committed or MOU signed.")}
                    </p>
                    <ul class="coverage-list">
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|(label, why, present)| {
                                    view! {
                                        <li class=if present { "present" } else { "missing" }>
                                            <span class="mark" aria-hidden="true">{if present { "✓" } else { "!" }}</span>
                                            <strong>{tr(label)}</strong>
                                            {if present {
                                                tr(": committed").to_owned()
                                            } else {
                                                crate::tr!(": not yet. {why}", why = tr(why))
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
