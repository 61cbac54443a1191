//! Self-assessment rounds (`model::assessment`): the coordinator's intents (create a round,
//! export its invitation, count response files, meeting mode) and the member's (open an
//! invitation, export a response). A member's answers live only in this tab's memory: they are
//! never stored, and never touch the plans on the device.

use leptos::prelude::*;

use super::PlanState;
use crate::io;
use crate::lang::tr;
use crate::model::assessment::{
    self, invitation_text, new_round, read, response_text, AssessmentFile, Invitation, Response,
    Round, Statement, OWN_CATEGORY,
};
use crate::model::keyed::Keyed;
use crate::model::{Edit, ImportError};

/// What happened to one response file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileResult {
    pub source: String,
    /// `Ok` when counted; otherwise why not.
    pub outcome: Result<(), String>,
}

/// The self-assessment state of this tab, shared through context.
#[derive(Clone, Copy)]
pub struct Survey {
    /// The invitation being answered here (never stored).
    pub invitation: RwSignal<Option<Invitation>>,
    /// Why the last invitation file could not be opened.
    pub invitation_error: RwSignal<Option<String>>,
    /// The name of the response file last exported.
    pub exported: RwSignal<Option<String>>,
    /// The round shown on the rounds page, and the outcome of the last batch of files for it.
    pub round: RwSignal<Option<String>>,
    pub results: RwSignal<Vec<FileResult>>,
}

impl Survey {
    pub fn new() -> Survey {
        Survey {
            invitation: RwSignal::new(None),
            invitation_error: RwSignal::new(None),
            exported: RwSignal::new(None),
            round: RwSignal::new(None),
            results: RwSignal::new(Vec::new()),
        }
    }

    /// Opens an invitation file to answer it.
    pub fn open_invitation(&self, source: &str, bytes: Result<Vec<u8>, ImportError>) {
        let read = bytes
            .map_err(|e| e.to_string())
            .and_then(|b| read(&b))
            .and_then(|f| match f {
                AssessmentFile::Invitation(i) => Ok(i),
                AssessmentFile::Response(_) => Err(tr("This is a member's response file, not an \
                     invitation: the coordinator adds it on the round's page.")
                .into()),
            });
        match read {
            Ok(i) => {
                self.invitation.set(Some(i));
                self.invitation_error.set(None);
                self.exported.set(None);
            }
            Err(e) => self.invitation_error.set(Some(format!("{source}: {e}"))),
        }
    }

    /// Downloads a response file with these answers, and returns its name.
    pub fn export_response(&self, answers: Keyed<u8>, comment: &str) -> Result<String, String> {
        let Some(i) = self.invitation.get_untracked() else {
            return Err(tr("Open an invitation file first.").into());
        };
        if answers.is_empty() {
            return Err(tr("Answer at least one statement first.").into());
        }
        let response = Response {
            round_id: i.round_id,
            response_id: io::new_id(),
            answers,
            comment: if i.comments {
                comment.trim().to_owned()
            } else {
                String::new()
            },
        };
        // A second random id names the file, so the name says nothing about the response id.
        let name = format!("self-assessment-response-{}.json", &io::new_id()[..8]);
        io::download(&name, &response_text(&response), "application/json")?;
        self.exported.set(Some(name.clone()));
        Ok(name)
    }
}

impl Default for Survey {
    fn default() -> Self {
        Survey::new()
    }
}

/// The round's settings as the coordinator fills them in.
#[derive(Clone, Debug, Default)]
pub struct RoundForm {
    pub name: String,
    pub closes: String,
    pub minimum: u32,
    pub invited: u32,
    pub comments: bool,
    /// Health self-check statement ids switched off.
    pub off: Vec<String>,
    /// The coordinator's own statements (blank ones are left out).
    pub own: Vec<String>,
}

fn random_slot() -> usize {
    (js_sys::Math::random() * 1_000_000.0) as usize
}

impl PlanState {
    fn round(&self, id: &str) -> Option<Round> {
        self.plan
            .with_untracked(|p| p.assessments.iter().find(|r| r.id == id).cloned())
    }

    fn set_round(&self, round: Round) -> Result<(), String> {
        self.apply(Edit::Round {
            id: round.id.clone(),
            round: Some(Box::new(round)),
        })
    }

    /// Creates a round; returns its id.
    pub fn create_round(&self, form: RoundForm) -> Result<String, String> {
        if form.name.trim().is_empty() {
            return Err(tr("Give the round a name.").into());
        }
        let id = io::new_id();
        let mut round = new_round(id.clone(), &form.name, io::now());
        round.closes = form.closes.trim().to_owned();
        round.minimum = form.minimum.max(assessment::MINIMUM_FLOOR);
        round.invited = form.invited;
        round.comments = form.comments;
        round.statements.retain(|s| !form.off.contains(&s.id));
        for (n, text) in form
            .own
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .take(assessment::MAX_OWN_STATEMENTS)
            .enumerate()
        {
            round.statements.push(Statement {
                id: format!("own.{}", n + 1),
                category: OWN_CATEGORY.into(),
                text: text.to_owned(),
            });
        }
        if round.statements.is_empty() {
            return Err(tr("Keep at least one statement on.").into());
        }
        assessment::check_rounds(std::slice::from_ref(&round)).map_err(|(_, p)| {
            crate::tr!(
                "The round cannot be made: a statement or the name {problem}.",
                problem = p
            )
        })?;
        self.set_round(round)?;
        Ok(id)
    }

    /// Downloads the round's invitation file.
    pub fn export_invitation(&self, round_id: &str) -> Result<String, String> {
        let round = self
            .round(round_id)
            .ok_or(tr("This round is no longer in the plan."))?;
        let partnership = self.plan.with_untracked(|p| p.name.clone());
        let mut slug: String = round
            .name
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .take(40)
            .collect();
        slug = slug.trim_matches('-').to_owned();
        let name = format!("self-assessment-invitation-{slug}.json");
        io::download(
            &name,
            &invitation_text(&round.invitation(&partnership)),
            "application/json",
        )?;
        Ok(name)
    }

    /// Counts response files into a round, each file on its own: one that is refused changes
    /// nothing, and the ones before it stay counted. One undo step for the batch.
    pub fn add_responses(
        &self,
        round_id: &str,
        files: Vec<(String, Result<Vec<u8>, ImportError>)>,
    ) -> Vec<FileResult> {
        let Some(mut round) = self.round(round_id) else {
            return Vec::new();
        };
        let now = io::now();
        let results: Vec<FileResult> = files
            .into_iter()
            .map(|(source, bytes)| {
                let outcome = bytes
                    .map_err(|e| e.to_string())
                    .and_then(|b| read(&b))
                    .and_then(|f| match f {
                        AssessmentFile::Response(r) => round
                            .add(&r, random_slot(), now)
                            .map_err(|why| why.message(&round.name)),
                        AssessmentFile::Invitation(_) => Err(tr("Not counted: this is an \
                             invitation file, not a member's response.")
                        .into()),
                    });
                FileResult { source, outcome }
            })
            .collect();
        if results.iter().any(|r| r.outcome.is_ok()) {
            if let Err(e) = self.set_round(round) {
                return vec![FileResult {
                    source: tr("these files").into(),
                    outcome: Err(e),
                }];
            }
        }
        results
    }

    /// Meeting mode: one person's answers, counted at once; no file, nothing else kept.
    pub fn add_meeting_answers(
        &self,
        round_id: &str,
        answers: Keyed<u8>,
        comment: &str,
    ) -> Result<(), String> {
        let mut round = self
            .round(round_id)
            .ok_or(tr("This round is no longer in the plan."))?;
        if answers.is_empty() {
            return Err(tr("Answer at least one statement first.").into());
        }
        let response = Response {
            round_id: round_id.to_owned(),
            response_id: io::new_id(),
            answers,
            comment: comment.trim().to_owned(),
        };
        round
            .add(&response, random_slot(), io::now())
            .map_err(|why| why.message(&round.name))?;
        self.set_round(round)
    }
}
