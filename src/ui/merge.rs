//! `#/merge`: the review of a colleague's copy before it is merged. A summary first, then each
//! conflict as a card with both versions side by side (changed words marked), then the changes
//! grouped by toolkit section. Nothing changes until "Apply merge".

use leptos::prelude::*;

use crate::content::Section;
use crate::model::merge::{word_diff, ChangeKind, Conflict, ConflictKind, Resolution};
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
    move || match state.merge.get() {
        Some(review) => view! { <Review review/> }.into_any(),
        None => view! {
            <h1 tabindex="-1">"Merge a colleague\u{2019}s copy"</h1>
            <p>
                "No copy is waiting to be merged. When a colleague emails you their copy of this "
                "plan, choose Import plan, then \u{201c}Merge into this plan\u{201d}."
            </p>
        }
        .into_any(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[component]
fn Review(review: std::sync::Arc<MergeReview>) -> impl IntoView {
    let state = expect_context::<PlanState>();
    let n_changes = review.merge.changes.len();
    let n_conflicts = review.merge.conflicts.len();
    let whose = review.whose();
    let sender = if review.sender.is_empty() {
        "The sender".to_owned()
    } else {
        review.sender.clone()
    };
    let summary = format!(
        "{} from {whose} will be applied; {}.",
        plural(n_changes, "change", "changes"),
        match n_conflicts {
            0 => "none need you".to_owned(),
            n => format!("{n} need{} you", if n == 1 { "s" } else { "" }),
        }
    );
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
        .map(|(i, c)| conflict_card(i, c, &sender, choices[i], hand[i]))
        .collect_view();
    // Changes, grouped by section in the toolkit's order.
    let mut groups: Vec<(Option<Section>, Vec<String>)> = Vec::new();
    for c in &review.merge.changes {
        let line = match c.kind {
            ChangeKind::Added => format!("Added: {}", c.place.what),
            ChangeKind::Removed => format!("Removed: {}", c.place.what),
            ChangeKind::Reordered => format!("{}: new order", c.place.what),
            ChangeKind::Edited if c.place.field.is_empty() => {
                format!(
                    "{}: \u{201c}{}\u{201d} (was \u{201c}{}\u{201d})",
                    c.place.what, c.after, c.before
                )
            }
            ChangeKind::Edited => format!(
                "{}, {}: \u{201c}{}\u{201d} (was \u{201c}{}\u{201d})",
                c.place.what, c.place.field, c.after, c.before
            ),
        };
        match groups.iter_mut().find(|g| g.0 == c.place.section) {
            Some(g) => g.1.push(line),
            None => groups.push((c.place.section, vec![line])),
        }
    }
    groups.sort_by_key(|g| g.0.map_or(usize::MAX, |s| s as usize));
    let changes = groups
        .into_iter()
        .map(|(section, lines)| {
            let title = section.map_or("The plan", |s| s.title());
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
            Err(e) => error.set(Some(format!(
                "The merge could not be applied: {e}. Nothing was changed."
            ))),
        }
    };
    let how = if review.merge.three_way {
        "Compared with the copy you both last had: only what changed since is listed."
    } else {
        "This device has no copy you both had, so edits that cannot be put in order are shown as conflicts."
    };
    view! {
        <h1 tabindex="-1">"Merge a colleague\u{2019}s copy"</h1>
        <p class="merge-summary"><strong>{summary}</strong></p>
        <p>{format!("From \u{201c}{}\u{201d}. ", review.source)}{how}" Nothing changes until you choose Apply merge."</p>
        {(n_conflicts > 0).then(|| view! {
            <h2>{format!("Needs you ({n_conflicts})")}</h2>
            <div class="merge-conflicts">{cards}</div>
        })}
        {(n_changes > 0).then(|| view! {
            <h2>{format!("Changes to apply ({n_changes})")}</h2>
            {changes}
        })}
        <div role="alert">{move || error.get().map(|e| view! { <p class="banner banner-error">{e}</p> })}</div>
        <p class="actions">
            <button type="button" on:click=apply>"Apply merge"</button>
            <button type="button" class="secondary" on:click=move |_| state.cancel_merge()>"Cancel"</button>
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
                view! { <ins><span class="visually-hidden">"[differs] "</span>{w}</ins> }.into_any()
            } else {
                view! { <del><span class="visually-hidden">"[differs] "</span>{w}</del> }.into_any()
            }
        })
        .collect_view()
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
    let section = c.place.section.map_or("The plan", |s| s.title());
    let field = if c.place.field.is_empty() {
        String::new()
    } else {
        format!(" \u{2014} {}", c.place.field)
    };
    let (title, mine_label, theirs_label, options): (String, String, String, Vec<(Choice, &str)>) =
        match c.kind {
            ConflictKind::TheyRemoved => (
                format!(
                    "{sender} removed {} \u{2014} you changed it",
                    quoted(&c.place.what)
                ),
                "Yours (changed)".into(),
                format!("{sender}\u{2019}s (removed)"),
                vec![(Choice::Theirs, "Remove"), (Choice::Mine, "Keep")],
            ),
            ConflictKind::YouRemoved => (
                format!(
                    "You removed {} \u{2014} {sender} changed it",
                    quoted(&c.place.what)
                ),
                "Yours (removed)".into(),
                format!("{sender}\u{2019}s (changed)"),
                vec![(Choice::Mine, "Remove"), (Choice::Theirs, "Keep")],
            ),
            ConflictKind::BothEdited => {
                let mut options = vec![(Choice::Mine, "Keep mine"), (Choice::Theirs, "Use theirs")];
                if c.item {
                    options.push((Choice::Both, "Keep both"));
                }
                if c.text {
                    options.push((Choice::Hand, "Edit by hand"));
                }
                (
                    format!("{}{field}", c.place.what),
                    "Yours".into(),
                    format!("{sender}\u{2019}s"),
                    options,
                )
            }
        };
    let (mine_words, theirs_words) = word_diff(&c.mine_text, &c.theirs_text);
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
    let hand_label = format!("Your text for {}", c.place.field.to_lowercase());
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
