//! Asking every member (issue 21): the coordinator's rounds page (`#/assessment`), the member's
//! "Answer a self-assessment" page (`#/answer`), meeting mode, and the results as text and SVG.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::guidance::{HEALTH_STATEMENTS, SCORE_LABELS};
use crate::io;
use crate::lang::{number, tr};
use crate::model::assessment::{
    categories, category_said, half_points, previous, statement_said, summarize, Kind, Round,
    Statement,
};
use crate::model::keyed::Keyed;
use crate::model::rules::one_decimal;
use crate::model::time::readable_date;
use crate::model::{ImportError, Plan};
use crate::route::Route;
use crate::state::assessment::{FileResult, RoundForm, Survey};
use crate::state::PlanState;

fn go(route: Route) {
    let _ = window().location().replace(&route.href());
}

fn files_of(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files();
    let all = files.map_or_else(Vec::new, |f| {
        (0..f.length()).filter_map(|i| f.get(i)).collect()
    });
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    all
}

async fn read_all(files: Vec<web_sys::File>) -> Vec<(String, Result<Vec<u8>, ImportError>)> {
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let bytes = io::read_bytes(&f).await;
        out.push((f.name(), bytes));
    }
    out
}

/// Files chosen with "Import plan" or dropped on the page: self-assessment files go to their
/// pages, everything else to the plan import (`sharing::import_files`).
pub fn sort_files(
    state: PlanState,
    survey: Survey,
    files: Vec<web_sys::File>,
    plan_files: impl FnOnce(Vec<web_sys::File>) + 'static,
) {
    leptos::task::spawn_local(async move {
        let mut plans = Vec::new();
        let mut responses = Vec::new();
        for f in files {
            let bytes = io::read_bytes(&f).await;
            let kind = bytes
                .as_ref()
                .map_or(Kind::Other, |b| crate::model::assessment::sniff(b));
            match kind {
                Kind::Invitation => {
                    survey.open_invitation(&f.name(), bytes);
                    go(Route::Answer);
                }
                Kind::Response => responses.push((f.name(), bytes)),
                _ => plans.push(f),
            }
        }
        if !responses.is_empty() {
            add_to_round(state, survey, responses);
            go(Route::Assessment);
        }
        if !plans.is_empty() {
            plan_files(plans);
        }
    });
}

/// Counts response files into the round on screen, or else the newest round.
fn add_to_round(
    state: PlanState,
    survey: Survey,
    files: Vec<(String, Result<Vec<u8>, ImportError>)>,
) {
    let round = survey.round.get_untracked().or_else(|| {
        state
            .plan
            .with_untracked(|p| p.assessments.last().map(|r| r.id.clone()))
    });
    let results = match round {
        Some(id) => {
            survey.round.set(Some(id.clone()));
            state.add_responses(&id, files)
        }
        None => files
            .into_iter()
            .map(|(source, _)| FileResult {
                source,
                outcome: Err(tr(
                    "Not counted: this plan has no self-assessment round. Open the \
                     plan that sent the invitation, then add the file again.",
                )
                .into()),
            })
            .collect(),
    };
    survey.results.set(results);
}

// ---- the member's page ---------------------------------------------------------------------

#[component]
pub fn Answer() -> impl IntoView {
    let survey = expect_context::<Survey>();
    let on_pick = move |ev: leptos::ev::Event| {
        let files = files_of(&ev);
        leptos::task::spawn_local(async move {
            if let Some((name, bytes)) = read_all(files).await.into_iter().next() {
                survey.open_invitation(&name, bytes);
            }
        });
    };
    let error = RwSignal::new(None::<String>);
    let submit = Callback::new(move |(answers, comment): (Keyed<u8>, String)| {
        match survey.export_response(answers, &comment) {
            Ok(_) => error.set(None),
            Err(e) => error.set(Some(e)),
        }
        true
    });
    view! {
        <h1 tabindex="-1">{tr("Answer a self-assessment")}</h1>
        <p>
            {tr("Your partnership's coordinator sent you an invitation file. Open it here, score each \
                 statement, and export a response file to email back. Nothing is saved on this \
                 device, and any plans on it are not changed.")}
        </p>
        <p class="file-button">
            <input type="file" id="invitation-file" accept=".json,application/json" on:change=on_pick/>
            <label for="invitation-file">{tr("Open invitation file")}</label>
        </p>
        <p role="alert" class="field-error">{move || survey.invitation_error.get()}</p>
        {move || survey.invitation.get().map(|i| {
            let who = if i.partnership.trim().is_empty() {
                tr("Your partnership asks every member.").to_owned()
            } else {
                crate::tr!("{partnership} asks every member.", partnership = i.partnership)
            };
            let closes = (!i.closes.is_empty()).then(|| {
                format!(" {}", crate::tr!("It closes on {date}.", date = readable_date(&i.closes)))
            });
            let privacy = crate::trn!(
                i.minimum,
                "Your response file carries no name, no organization and nothing that identifies \
                 this device: only the round, a random number so that it is counted once, and your \
                 answers. Results are shown only as totals, and only once {n} member has answered. \
                 Whoever receives your email sees that you sent it.",
                "Your response file carries no name, no organization and nothing that identifies \
                 this device: only the round, a random number so that it is counted once, and your \
                 answers. Results are shown only as totals, and only once {n} members have answered. \
                 Whoever receives your email sees that you sent it."
            );
            view! {
                <section aria-labelledby="round-heading">
                    <h2 id="round-heading">{i.name.clone()}</h2>
                    <p>{who}{closes}</p>
                    <p>{privacy}</p>
                    <AnswerForm statements=i.statements.clone() comments=i.comments
                        button={tr("Export response file")} submit/>
                    <p role="alert" class="field-error">{move || error.get()}</p>
                    <p role="status">{move || survey.exported.get().map(|n| crate::tr!(
                        "Response file saved: {name}. Email it to your coordinator, or to the person \
                         collecting responses.", name = n))}</p>
                </section>
            }
        })}
    }
}

/// Statements grouped by category, scored 1 to 5, and a comment when asked for. `submit`
/// returns whether to clear the form (meeting mode clears it for the next person).
#[component]
fn AnswerForm(
    statements: Vec<Statement>,
    comments: bool,
    button: &'static str,
    submit: Callback<(Keyed<u8>, String), bool>,
) -> impl IntoView {
    let answers = RwSignal::new(Keyed::<u8>::new());
    let comment = RwSignal::new(String::new());
    let mut groups: Vec<(String, Vec<Statement>)> = Vec::new();
    for s in statements {
        match groups.iter_mut().find(|(c, _)| *c == s.category) {
            Some((_, list)) => list.push(s),
            None => groups.push((s.category.clone(), vec![s])),
        }
    }
    let groups = groups
        .into_iter()
        .map(|(category, list)| {
            let items = list
                .into_iter()
                .map(|s| {
                    let name = format!("answer-{}", s.id.replace('.', "-"));
                    let radios = SCORE_LABELS
                        .iter()
                        .enumerate()
                        .map(|(i, label)| {
                            let value = i as u8 + 1;
                            let id = format!("{name}-{value}");
                            let sid = s.id.clone();
                            let sid2 = s.id.clone();
                            view! {
                                <span class="inline-choice">
                                    <input type="radio" name=name.clone() id=id.clone()
                                        prop:checked=move || answers.with(|a| a.get(&sid) == Some(&value))
                                        on:change=move |_| answers.update(|a| { a.insert(sid2.clone(), value); })/>
                                    <label for=id>{tr(label)}</label>
                                </span>
                            }
                        })
                        .collect_view();
                    let text = statement_said(&s).to_owned();
                    view! { <fieldset class="score"><legend>{text}</legend>{radios}</fieldset> }
                })
                .collect_view();
            let category = category_said(&category).to_owned();
            view! { <h3>{category}</h3> {items} }
        })
        .collect_view();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let clear = submit.run((answers.get_untracked(), comment.get_untracked()));
        if clear {
            answers.set(Keyed::new());
            comment.set(String::new());
        }
    };
    view! {
        <form class="assess-form" on:submit=on_submit>
            {groups}
            {comments.then(|| view! {
                <p class="field">
                    <label for="assess-comment">{tr("Comment (optional, shown to the group shuffled with others)")}</label>
                    <textarea id="assess-comment" maxlength="1000" prop:value=move || comment.get()
                        on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                </p>
            })}
            <p><button type="submit">{button}</button></p>
        </form>
    }
}

// ---- the coordinator's page ----------------------------------------------------------------

#[component]
pub fn Rounds() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let survey = expect_context::<Survey>();
    let has_rounds = Memo::new(move |_| state.plan.with(|p| !p.assessments.is_empty()));
    // The round on screen: the one chosen, else the newest.
    let current = Memo::new(move |_| {
        let chosen = survey.round.get();
        state.plan.with(|p| {
            chosen
                .and_then(|id| p.assessments.iter().any(|r| r.id == id).then_some(id))
                .or_else(|| p.assessments.last().map(|r| r.id.clone()))
        })
    });
    let choices = move || {
        state.plan.with(|p| {
            p.assessments
                .iter()
                .rev()
                .map(|r| {
                    let id = r.id.clone();
                    let selected = current.get().as_deref() == Some(r.id.as_str());
                    view! { <option value=id selected=selected>{r.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <h1 tabindex="-1">{tr("Ask every member")}</h1>
        <p>
            {tr("The health self-check under Trust and sustainability is one person's view. Its value \
                 comes from asking every member and looking at where they disagree. Create a round, \
                 email its invitation file to your member contacts, and add the response files they \
                 send back. Only the totals are kept in the plan; no one's answers are ever shown on \
                 their own.")}
        </p>
        <section aria-labelledby="anonymity-heading" class="banner">
            <h2 id="anonymity-heading">{tr("Who sent what")}</h2>
            <p>
                {tr("Response files carry no name, but you see who emailed each one. Two ways round it: \
                     use meeting mode, where members answer one after another on one laptop and the \
                     screen clears between them; or ask a trusted person to collect the files and \
                     forward them to you in one batch.")}
            </p>
        </section>
        {move || has_rounds.get().then(|| view! {
            <p class="field">
                <label for="round-choice">{tr("Round")}</label>
                <select id="round-choice" on:change=move |ev| survey.round.set(Some(event_target_value(&ev)))>
                    {choices}
                </select>
            </p>
        })}
        {move || current.get().map(|id| view! { <RoundView id/> })}
        <NewRound/>
        <p>
            {tr("Go")}" "<a href=Route::Section(crate::content::Section::Trust).href()>{tr("Back to Trust and sustainability")}</a>
            " "{tr("to see the newest results beside the section's own self-check.")}
        </p>
    }
}

#[component]
fn NewRound() -> impl IntoView {
    let state = expect_context::<PlanState>();
    let survey = expect_context::<Survey>();
    let name = RwSignal::new(String::new());
    let closes = RwSignal::new(String::new());
    let minimum = RwSignal::new("5".to_owned());
    let invited = RwSignal::new(String::new());
    let comments = RwSignal::new(false);
    let off = RwSignal::new(Vec::<String>::new());
    let own = [(); 3].map(|_| RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = RoundForm {
            name: name.get_untracked(),
            closes: closes.get_untracked(),
            minimum: minimum.get_untracked().trim().parse().unwrap_or(5),
            invited: invited.get_untracked().trim().parse().unwrap_or(0),
            comments: comments.get_untracked(),
            off: off.get_untracked(),
            own: own.iter().map(|s| s.get_untracked()).collect(),
        };
        match state.create_round(form) {
            Ok(id) => {
                error.set(None);
                name.set(String::new());
                survey.results.set(Vec::new());
                survey.round.set(Some(id));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let statements = HEALTH_STATEMENTS
        .iter()
        .map(|s| {
            let id = format!("keep-{}", s.id.replace('.', "-"));
            let sid = s.id;
            view! {
                <p class="inline-choice">
                    <input type="checkbox" id=id.clone()
                        prop:checked=move || off.with(|o| !o.iter().any(|x| x == sid))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            off.update(|o| { o.retain(|x| x != sid); if !on { o.push(sid.to_owned()); } });
                        }/>
                    <label for=id>{format!("{}: {}", tr(s.category), tr(s.text))}</label>
                </p>
            }
        })
        .collect_view();
    let own_fields = own
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let s = *s;
            let id = format!("own-statement-{}", i + 1);
            view! {
                <p class="field">
                    <label for=id.clone()>{crate::tr!("Your own statement {number}", number = i + 1)}</label>
                    <input type="text" id=id maxlength="300" prop:value=move || s.get()
                        on:input=move |ev| s.set(event_target_value(&ev))/>
                </p>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="new-round-heading">
            <h2 id="new-round-heading">{tr("New round")}</h2>
            <form on:submit=on_submit class="assess-form">
                <p class="field">
                    <label for="round-name">{tr("Round name")}</label>
                    <input type="text" id="round-name" maxlength="200" prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                </p>
                <p class="field">
                    <label for="round-closes">{tr("Closes")}</label>
                    <input type="date" id="round-closes" prop:value=move || closes.get()
                        on:input=move |ev| closes.set(event_target_value(&ev))/>
                </p>
                <p class="field">
                    <label for="round-minimum">{tr("Show results from this many responses")}</label>
                    <input type="number" id="round-minimum" min="3" max="1000" aria-describedby="round-minimum-hint"
                        prop:value=move || minimum.get() on:input=move |ev| minimum.set(event_target_value(&ev))/>
                    <span class="hint" id="round-minimum-hint">{tr("At least 3, so no one's answers can be picked out. 5 is usual.")}</span>
                </p>
                <p class="field">
                    <label for="round-invited">{tr("Members invited")}</label>
                    <input type="number" id="round-invited" min="0" max="100000" prop:value=move || invited.get()
                        on:input=move |ev| invited.set(event_target_value(&ev))/>
                </p>
                <p class="inline-choice">
                    <input type="checkbox" id="round-comments" prop:checked=move || comments.get()
                        on:change=move |ev| comments.set(event_target_checked(&ev))/>
                    <label for="round-comments">{tr("Ask for comments (shown shuffled, only above the minimum)")}</label>
                </p>
                <fieldset>
                    <legend>{tr("Statements to ask")}</legend>
                    <p class="hint">
                        {tr("The health self-check's statements: our own wording, in the six categories \
                             of the Wilder Collaboration Factors Inventory (Wilder Research). Switch off \
                             any you do not need, and add up to three of your own.")}
                    </p>
                    {statements}
                    {own_fields}
                </fieldset>
                <p><button type="submit">{tr("Create round")}</button></p>
                <p role="alert" class="field-error">{move || error.get()}</p>
            </form>
        </section>
    }
}

#[component]
fn RoundView(id: String) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let survey = expect_context::<Survey>();
    let round_id = StoredValue::new(id);
    let round = Memo::new(move |_| {
        state
            .plan
            .with(|p| round_id.with_value(|id| p.assessments.iter().find(|r| r.id == *id).cloned()))
    });
    let exported = RwSignal::new(None::<Result<String, String>>);
    let meeting = RwSignal::new(false);
    // Kept outside the round's view, which is drawn afresh each time answers are added.
    let answered = RwSignal::new(0u32);
    let on_pick = move |ev: leptos::ev::Event| {
        let files = files_of(&ev);
        leptos::task::spawn_local(async move {
            let files = read_all(files).await;
            survey.round.set(Some(round_id.get_value()));
            add_to_round(state, survey, files);
        });
    };
    move || {
        round.get().map(|r| {
            let status = match r.invited {
                0 => crate::trn!(r.responses(), "{n} response", "{n} responses"),
                n => crate::trn!(
                    r.responses(),
                    "{n} response (of {invited} invited)",
                    "{n} responses (of {invited} invited)",
                    invited = number(n.into())
                ),
            };
            let closes = (!r.closes.is_empty()).then(|| {
                format!("{} ", crate::tr!("Closes {date}.", date = readable_date(&r.closes)))
            });
            let from = crate::trn!(r.minimum, "Results show from {n} response.", "Results show from {n} responses.");
            view! {
                <section aria-labelledby="round-view-heading" class="assess-round">
                    <h2 id="round-view-heading">{r.name.clone()}</h2>
                    <p>{closes}{from}</p>
                    <p class="assess-count" role="status">{status}</p>
                    <p class="actions">
                        <button type="button" on:click=move |_| exported.set(Some(state.export_invitation(&round_id.get_value())))>
                            {tr("Export invitation file")}
                        </button>
                        <span class="file-button">
                            <input type="file" id="response-files" multiple accept=".json,application/json" on:change=on_pick/>
                            <label for="response-files">{tr("Add response files")}</label>
                        </span>
                        <button type="button" class="secondary" on:click=move |_| { answered.set(0); meeting.update(|m| *m = !*m) }>
                            {move || if meeting.get() { tr("End meeting mode") } else { tr("Start meeting mode") }}
                        </button>
                    </p>
                    <p role="status">{move || exported.get().map(|e| match e {
                        Ok(n) => crate::tr!("Invitation file saved: {name}. Email it to every member contact.", name = n),
                        Err(e) => crate::tr!("The export failed: {reason}", reason = e),
                    })}</p>
                    <FileResults/>
                    {move || if meeting.get() {
                        view! { <Meeting round_id=round_id.get_value() answered/> }.into_any()
                    } else {
                        round.get().map(|r| results(&r, state)).into_any()
                    }}
                </section>
            }
        })
    }
}

#[component]
fn FileResults() -> impl IntoView {
    let survey = expect_context::<Survey>();
    move || {
        let results = survey.results.get();
        (!results.is_empty()).then(|| {
            let counted = results.iter().filter(|r| r.outcome.is_ok()).count();
            let rows = results
                .into_iter()
                .map(|r| {
                    let text = match r.outcome {
                        Ok(()) => crate::tr!("{file}: counted.", file = r.source),
                        Err(e) => format!("{}: {e}", r.source),
                    };
                    view! { <li>{text}</li> }
                })
                .collect_view();
            view! {
                <section aria-labelledby="files-heading" class="banner">
                    <h3 id="files-heading">{crate::tr!("Files added: {count} counted", count = number(counted as i64))}</h3>
                    <ul class="assess-files">{rows}</ul>
                </section>
            }
        })
    }
}

#[component]
fn Meeting(round_id: String, answered: RwSignal<u32>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let round = state
        .plan
        .with_untracked(|p| p.assessments.iter().find(|r| r.id == round_id).cloned());
    let error = RwSignal::new(None::<String>);
    let id = round_id.clone();
    let submit = Callback::new(move |(answers, comment): (Keyed<u8>, String)| {
        match state.add_meeting_answers(&id, answers, &comment) {
            Ok(()) => {
                error.set(None);
                answered.update(|n| *n += 1);
                // Back to the top for the next person, once the view is drawn again.
                request_animation_frame(|| {
                    let heading = document()
                        .get_element_by_id("meeting-heading")
                        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(h) = heading {
                        let _ = h.focus();
                    }
                });
                true
            }
            Err(e) => {
                error.set(Some(e));
                false
            }
        }
    });
    round.map(|r| {
        view! {
            <section aria-labelledby="meeting-heading" class="assess-meeting">
                <h3 id="meeting-heading" tabindex="-1">{tr("Meeting mode")}</h3>
                <p>
                    {tr("Pass the laptop from person to person. Each person scores the statements and \
                         presses Add my answers; the screen clears for the next. Only the totals are \
                         kept. Results stay hidden until you end meeting mode.")}
                </p>
                <p role="status">{move || match answered.get() {
                    0 => String::new(),
                    n => crate::trn!(
                        n,
                        "Answers added. {n} person has answered in this meeting. Pass the laptop on.",
                        "Answers added. {n} people have answered in this meeting. Pass the laptop on."
                    ),
                }}</p>
                <AnswerForm statements=r.statements.clone() comments=r.comments button={tr("Add my answers")} submit/>
                <p role="alert" class="field-error">{move || error.get()}</p>
            </section>
        }
    })
}

/// A small bar chart of how many chose each point, with the numbers in its text alternative.
fn chart(counts: [u32; 5]) -> impl IntoView {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let label = crate::tr!(
        "Answers: {counts}",
        counts = SCORE_LABELS
            .iter()
            .zip(counts)
            .map(|(l, c)| format!("{}: {}", tr(l), number(c.into())))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let h = 40 * c / max;
            let x = (i * 24 + 2).to_string();
            view! {
                <rect x=x.clone() y=(44 - h).to_string() width="18" height=h.to_string() class="assess-bar"/>
                <text x=(i * 24 + 11).to_string() y="56" text-anchor="middle" class="assess-axis">{(i + 1).to_string()}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="assess-chart" viewBox="0 0 120 60" width="120" height="60" role="img" aria-label=label>
            <line x1="0" y1="44" x2="120" y2="44" class="assess-axis-line"/>
            {bars}
        </svg>
    }
}

fn results(r: &Round, state: PlanState) -> AnyView {
    if !r.shows_results() {
        return view! {
            <p class="assess-hidden">{crate::tr!(
                "Results are hidden until {minimum} responses are in, so that no one's answers can be \
                 picked out. {count} so far.",
                minimum = number(r.minimum.into()),
                count = number(r.responses() as i64)
            )}</p>
        }
        .into_any();
    }
    let before = state
        .plan
        .with_untracked(|p| previous(&p.assessments, r).cloned());
    let before_categories = before.as_ref().map(categories).unwrap_or_default();
    let cats = categories(r)
        .into_iter()
        .map(|(cat, tenths, reading)| {
            let last = before_categories
                .iter()
                .find(|(c, ..)| *c == cat)
                .map(|(_, t, rd)| {
                    format!(
                        " {}",
                        crate::tr!(
                            "Last round: {average}, {reading}.",
                            average = one_decimal(*t, 10),
                            reading = rd.label()
                        )
                    )
                });
            let line = crate::tr!(
                "{category}: average {average} of 5, {reading}.",
                category = category_said(&cat),
                average = one_decimal(tenths, 10),
                reading = reading.label()
            );
            view! { <li>{line}{last}</li> }
        })
        .collect_view();
    let statements = r
        .statements
        .iter()
        .map(|s| {
            let sum = summarize(r.counts.get(&s.id).copied().unwrap_or_default());
            let last = before.as_ref().and_then(|b| {
                b.counts.get(&s.id).map(|c| {
                    let m = summarize(*c);
                    crate::tr!(
                        "Last round ({round}): median {median}.",
                        round = b.name,
                        median = half_points(m.median_x2)
                    )
                })
            });
            let counts = SCORE_LABELS
                .iter()
                .zip(sum.counts)
                .map(|(l, c)| format!("{}: {}", tr(l), number(c.into())))
                .collect::<Vec<_>>()
                .join("; ");
            let text = statement_said(s).to_owned();
            view! {
                <li class="assess-statement">
                    <p class="assess-text">{text}</p>
                    {chart(sum.counts)}
                    <p class="assess-counts">{counts}</p>
                    <p>{if sum.answered == 0 { tr("No answers.").to_owned() } else {
                        crate::trn!(
                            sum.answered,
                            "Median {median} ({n} person answered).",
                            "Median {median} ({n} answered).",
                            median = half_points(sum.median_x2)
                        ) }}
                        " " {last}</p>
                    {sum.discuss.then(|| view! {
                        <p class="assess-discuss"><strong>{tr("Discuss")}</strong>{tr(": members disagree here.")}</p>
                    })}
                </li>
            }
        })
        .collect_view();
    let notes = (!r.notes.is_empty()).then(|| {
        let items = r
            .notes
            .iter()
            .map(|n| view! { <li>{n.clone()}</li> })
            .collect_view();
        view! { <h3>{tr("Comments (shuffled)")}</h3> <ul>{items}</ul> }
    });
    view! {
        <h3>{tr("By category")}</h3>
        <ul>{cats}</ul>
        <h3>{tr("By statement")}</h3>
        <p class="hint">
            {tr("Discuss marks statements where members answered on both sides of neutral, or where \
                 answers spread by a point or more on average.")}
        </p>
        <ul class="assess-statements">{statements}</ul>
        {notes}
    }
    .into_any()
}

/// The members' view on the Trust and sustainability page: the newest round with results.
#[component]
pub fn MembersView() -> impl IntoView {
    let state = expect_context::<PlanState>();
    view! {
        <section aria-labelledby="members-view-heading">
            <h2 id="members-view-heading">{tr("Every member's view")}</h2>
            {move || state.plan.with(|p| summary(p))}
            <p>{tr("To hear from the whole partnership:")}" "<a href=Route::Assessment.href()>{tr("Ask every member")}</a>"."</p>
        </section>
    }
}

fn summary(p: &Plan) -> AnyView {
    match crate::model::assessment::latest_with_results(&p.assessments) {
        None => view! {
            <p>{tr("Ask every member to score these statements too: where they disagree is where to talk next.")}</p>
        }
        .into_any(),
        Some(r) => {
            let rows = category_lines(r);
            let discuss: Vec<String> = r
                .statements
                .iter()
                .filter(|s| summarize(r.counts.get(&s.id).copied().unwrap_or_default()).discuss)
                .map(|s| statement_said(s).to_owned())
                .collect();
            let discuss = (!discuss.is_empty()).then(|| view! {
                <p>{crate::tr!("Discuss: {statements}", statements = discuss.join(" "))}</p>
            });
            view! {
                <p>{crate::trn!(r.responses(), "{round} ({n} response):", "{round} ({n} responses):", round = r.name)}</p>
                <ul>{rows}</ul>
                {discuss}
            }
            .into_any()
        }
    }
}

/// A round's categories, one line each: the average and how it reads.
fn category_lines(r: &crate::model::assessment::Round) -> impl IntoView {
    categories(r)
        .into_iter()
        .map(|(cat, t, rd)| {
            view! { <li>{crate::tr!(
                "{category}: average {average} of 5, {reading}",
                category = category_said(&cat),
                average = one_decimal(t, 10),
                reading = rd.label()
            )}</li> }
        })
        .collect_view()
}

/// The printable plan's part: every round with results, aggregate only.
pub fn print_results(p: &Plan) -> impl IntoView {
    let rounds = p
        .assessments
        .iter()
        .filter(|r| r.shows_results())
        .map(|r| {
            let cats = category_lines(r);
            let rows = r
                .statements
                .iter()
                .map(|s| {
                    let sum = summarize(r.counts.get(&s.id).copied().unwrap_or_default());
                    let counts = sum
                        .counts
                        .iter()
                        .map(|c| number((*c).into()))
                        .collect::<Vec<_>>()
                        .join(" / ");
                    let line = if sum.discuss {
                        crate::tr!(
                            "{statement}: median {median}, answers 1\u{2013}5: {counts} \u{2014} Discuss",
                            statement = statement_said(s),
                            median = half_points(sum.median_x2),
                            counts = counts
                        )
                    } else {
                        crate::tr!(
                            "{statement}: median {median}, answers 1\u{2013}5: {counts}",
                            statement = statement_said(s),
                            median = half_points(sum.median_x2),
                            counts = counts
                        )
                    };
                    view! { <li>{line}</li> }
                })
                .collect_view();
            view! {
                <h4>{crate::trn!(r.responses(), "{round} ({n} response)", "{round} ({n} responses)", round = r.name)}</h4>
                <ul>{cats}</ul>
                <ul>{rows}</ul>
            }
        })
        .collect_view();
    (p.assessments.iter().any(Round::shows_results)).then(|| {
        view! {
            <h3>{tr("Every member's self-assessment")}</h3>
            {rounds}
        }
    })
}
