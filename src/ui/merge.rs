//! `#/merge`: the review of a colleague's copy before it is merged. A summary first, then each
//! conflict as a card with both versions side by side (changed words marked), then the changes
//! grouped by toolkit section. Nothing changes until "Apply merge".

use leptos::prelude::*;

use crate::content::Section;
use crate::lang::{number, tr};
use crate::model::merge::{
    said, word_diff, Change, ChangeKind, Conflict, ConflictKind, Resolution,
};
use crate::state::{MergeReview, PlanState};

/// How one conflict is being settled on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Mine,
    Theirs,
    Both,
    Hand,
}

#[component]
pub fn Merge() -> impl IntoView {
    let state = expect_context::<PlanState>();
    move || {
        match state.merge.get() {
        Some(review) => view! { <Review review/> }.into_any(),
        None => view! {
            <h1 tabindex="-1">{tr("Merge a colleague\u{2019}s copy")}</h1>
            <p>
                {tr("No copy is waiting to be merged. When a colleague emails you their copy of this \
                     plan, choose Import plan, then \u{201c}Merge into this plan\u{201d}.")}
            </p>
        }
        .into_any(),
    }
    }
}

/// The review's first line: how many changes, from whom, and how many need a person.
fn summary(n_changes: usize, n_conflicts: usize, whose: &str) -> String {
    match n_conflicts {
        0 => crate::trn!(
            n_changes,
            "{n} change from {whose} will be applied; none need you.",
            "{n} changes from {whose} will be applied; none need you.",
            whose = whose
        ),
        1 => crate::trn!(
            n_changes,
            "{n} change from {whose} will be applied; 1 needs you.",
            "{n} changes from {whose} will be applied; 1 needs you.",
            whose = whose
        ),
        c => crate::trn!(
            n_changes,
            "{n} change from {whose} will be applied; {conflicts} need you.",
            "{n} changes from {whose} will be applied; {conflicts} need you.",
            whose = whose,
            conflicts = number(c as i64)
        ),
    }
}

/// One change, as a line of the list.
fn change_line(c: &Change) -> String {
    let what = c.place.what_said();
    match c.kind {
        ChangeKind::Added => crate::tr!("Added: {what}", what = what),
        ChangeKind::Removed => crate::tr!("Removed: {what}", what = what),
        ChangeKind::Reordered => crate::tr!("{what}: new order", what = what),
        ChangeKind::Edited if c.place.field.is_empty() => crate::tr!(
            "{what}: \u{201c}{after}\u{201d} (was \u{201c}{before}\u{201d})",
            what = what,
            after = said(&c.after),
            before = said(&c.before)
        ),
        ChangeKind::Edited => crate::tr!(
            "{what}, {field}: \u{201c}{after}\u{201d} (was \u{201c}{before}\u{201d})",
            what = what,
            field = c.place.field_said(),
            after = said(&c.after),
            before = said(&c.before)
        ),
    }
}

/// A section's name, or "The plan" for what belongs to none.
fn section_title(section: Option<Section>) -> &'static str {
    section.map_or(tr("The plan"), |s| tr(s.title()))
}

#[component]
fn Review(review: std::sync::Arc<MergeReview>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let n_changes = review.merge.changes.len();
    let n_conflicts = review.merge.conflicts.len();
    let summary = summary(n_changes, n_conflicts, &review.whose());
    let choices: Vec<RwSignal<Choice>> = (0..n_conflicts)
        .map(|_| RwSignal::new(Choice::Mine))
        .collect();
    let hand: Vec<RwSignal<String>> = review
        .merge
        .conflicts
        .iter()
        .map(|c| RwSignal::new(c.mine_text_raw()))
        .collect();
    let error = RwSignal::new(None::<String>);
    let cards = review
        .merge
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| conflict_card(i, c, &review.sender, choices[i], hand[i]))
        .collect_view();
    // Changes, grouped by section in the toolkit's order.
    let mut groups: Vec<(Option<Section>, Vec<String>)> = Vec::new();
    for c in &review.merge.changes {
        let line = change_line(c);
        match groups.iter_mut().find(|g| g.0 == c.place.section) {
            Some(g) => g.1.push(line),
            None => groups.push((c.place.section, vec![line])),
        }
    }
    groups.sort_by_key(|g| g.0.map_or(usize::MAX, |s| s as usize));
    let changes = groups
        .into_iter()
        .map(|(section, lines)| {
            let title = section_title(section);
            view! {
                <h3>{title}</h3>
                <ul class="merge-changes">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            }
        })
        .collect_view();
    let conflicts = review.merge.conflicts.clone();
    let apply = move |_| {
        let resolutions: Vec<Resolution> = conflicts
            .iter()
            .enumerate()
            .map(|(i, _)| match choices[i].get_untracked() {
                Choice::Mine => Resolution::Mine,
                Choice::Theirs => Resolution::Theirs,
                Choice::Both => Resolution::Both,
                Choice::Hand => Resolution::Hand(hand[i].get_untracked()),
            })
            .collect();
        match state.apply_merge(&resolutions) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(crate::tr!(
                "The merge could not be applied: {reason}. Nothing was changed.",
                reason = e
            ))),
        }
    };
    let how = if review.merge.three_way {
        tr("Compared with the copy you both last had: only what changed since is listed.")
    } else {
        tr("This device has no copy you both had, so edits that cannot be put in order are shown as conflicts.")
    };
    view! {
        <h1 tabindex="-1">{tr("Merge a colleague\u{2019}s copy")}</h1>
        <p class="merge-summary"><strong>{summary}</strong></p>
        <p>
            {crate::tr!("From \u{201c}{source}\u{201d}.", source = review.source)}" "{how}" "
            {tr("Nothing changes until you choose Apply merge.")}
        </p>
        {(n_conflicts > 0).then(|| view! {
            <h2>{crate::tr!("Needs you ({count})", count = number(n_conflicts as i64))}</h2>
            <div class="merge-conflicts">{cards}</div>
        })}
        {(n_changes > 0).then(|| view! {
            <h2>{crate::tr!("Changes to apply ({count})", count = number(n_changes as i64))}</h2>
            {changes}
        })}
        <div role="alert">{move || error.get().map(|e| view! { <p class="banner banner-error">{e}</p> })}</div>
        <p class="actions">
            <button type="button" on:click=apply>{tr("Apply merge")}</button>
            <button type="button" class="secondary" on:click=move |_| state.cancel_merge()>{tr("Cancel")}</button>
        </p>
    }
}

trait RawText {
    fn mine_text_raw(&self) -> String;
}

impl RawText for Conflict {
    /// This copy's text, for editing by hand (empty for a value that is not text).
    fn mine_text_raw(&self) -> String {
        self.mine
            .as_ref()
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned()
    }
}

/// Both versions, with the words that differ marked by `<del>`/`<ins>` and a spoken cue.
fn marked(words: Vec<(String, bool)>, inserted: bool) -> impl IntoView {
    words
        .into_iter()
        .map(|(w, changed)| {
            if !changed {
                return view! { <span>{w}</span> }.into_any();
            }
            if inserted {
                view! { <ins><span class="visually-hidden">{tr("[differs]")}" "</span>{w}</ins> }
                    .into_any()
            } else {
                view! { <del><span class="visually-hidden">{tr("[differs]")}" "</span>{w}</del> }
                    .into_any()
            }
        })
        .collect_view()
}

/// A conflict card's heading and the two sides' labels, in whole sentences: `sender` is how
/// the sender named themselves, or empty.
fn card_words(c: &Conflict, sender: &str) -> (String, &'static str, String) {
    let what = quoted(&c.place.what_said());
    let named = !sender.is_empty();
    match c.kind {
        ConflictKind::TheyRemoved => (
            if named {
                crate::tr!(
                    "{sender} removed {what} \u{2014} you changed it",
                    sender = sender,
                    what = what
                )
            } else {
                crate::tr!(
                    "The sender removed {what} \u{2014} you changed it",
                    what = what
                )
            },
            tr("Yours (changed)"),
            if named {
                crate::tr!("{sender}\u{2019}s (removed)", sender = sender)
            } else {
                tr("The sender\u{2019}s (removed)").to_owned()
            },
        ),
        ConflictKind::YouRemoved => (
            if named {
                crate::tr!(
                    "You removed {what} \u{2014} {sender} changed it",
                    sender = sender,
                    what = what
                )
            } else {
                crate::tr!(
                    "You removed {what} \u{2014} the sender changed it",
                    what = what
                )
            },
            tr("Yours (removed)"),
            if named {
                crate::tr!("{sender}\u{2019}s (changed)", sender = sender)
            } else {
                tr("The sender\u{2019}s (changed)").to_owned()
            },
        ),
        ConflictKind::BothEdited => {
            let field = if c.place.field.is_empty() {
                String::new()
            } else {
                format!(" \u{2014} {}", c.place.field_said())
            };
            (
                format!("{what}{field}"),
                tr("Yours"),
                if named {
                    crate::tr!("{sender}\u{2019}s", sender = sender)
                } else {
                    tr("The sender\u{2019}s").to_owned()
                },
            )
        }
    }
}

fn conflict_card(
    i: usize,
    c: &Conflict,
    sender: &str,
    choice: RwSignal<Choice>,
    hand: RwSignal<String>,
) -> impl IntoView {
    let name = format!("conflict-{i}");
    let heading_id = format!("conflict-{i}-heading");
    let section = section_title(c.place.section);
    let (title, mine_label, theirs_label) = card_words(c, sender);
    let options: Vec<(Choice, &'static str)> = match c.kind {
        ConflictKind::TheyRemoved => {
            vec![(Choice::Theirs, tr("Remove")), (Choice::Mine, tr("Keep"))]
        }
        ConflictKind::YouRemoved => {
            vec![(Choice::Mine, tr("Remove")), (Choice::Theirs, tr("Keep"))]
        }
        ConflictKind::BothEdited => {
            let mut options = vec![
                (Choice::Mine, tr("Keep mine")),
                (Choice::Theirs, tr("Use theirs")),
            ];
            if c.item {
                options.push((Choice::Both, tr("Keep both")));
            }
            if c.text {
                options.push((Choice::Hand, tr("Edit by hand")));
            }
            options
        }
    };
    let (mine_words, theirs_words) = word_diff(&said(&c.mine_text), &said(&c.theirs_text));
    let radios = options
        .into_iter()
        .map(|(value, label)| {
            let id = format!("{name}-{value:?}").to_lowercase();
            view! {
                <span class="choice">
                    <input type="radio" id=id.clone() name=name.clone()
                        prop:checked=move || choice.get() == value
                        on:change=move |_| choice.set(value)/>
                    <label for=id>{label}</label>
                </span>
            }
        })
        .collect_view();
    let hand_id = format!("{name}-text");
    let hand_label = crate::tr!(
        "Your text for {field}",
        field = c.place.field_said().to_lowercase()
    );
    view! {
        <fieldset class="conflict-card">
            <legend id=heading_id>
                <span class="conflict-section">{section}": "</span>{title}
            </legend>
            <div class="sides">
                <div class="side">
                    <h3>{mine_label}</h3>
                    <p class="side-text">{marked(mine_words, false)}</p>
                </div>
                <div class="side">
                    <h3>{theirs_label}</h3>
                    <p class="side-text">{marked(theirs_words, true)}</p>
                </div>
            </div>
            <div class="choices">{radios}</div>
            {move || (choice.get() == Choice::Hand).then(|| view! {
                <p>
                    <label for=hand_id.clone()>{hand_label.clone()}</label>
                    <textarea id=hand_id.clone() prop:value=move || hand.get()
                        on:input=move |ev| hand.set(event_target_value(&ev))></textarea>
                </p>
            })}
        </fieldset>
    }
}

fn quoted(what: &str) -> String {
    // "Action item “Faith partners MOU”" → the title in quotes is already there.
    what.to_owned()
}
