//! The toolkit's structure and words as data: sections, their questions, the partnership
//! functions. A question or label is corrected here, in one place, and every screen follows.
//!
//! Source of the questions: the Laboratory to Combat Human Trafficking (LCHT), *Partnership
//! Toolkit*, "Partnership 101" (https://combathumantrafficking.org/toolkit/partnership-101/).

mod questions;

pub mod glossary;
pub mod guidance;
pub mod kinds;
pub mod readability;

pub use kinds::FunctionKind;

use crate::lang::tr;

pub use questions::{question, questions_for, Question, QUESTIONS};

/// The eight toolkit sections, in the order a partnership works through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Define,
    Functions,
    Membership,
    Leadership,
    Management,
    Funding,
    Trust,
    Survivors,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Define,
        Section::Functions,
        Section::Membership,
        Section::Leadership,
        Section::Management,
        Section::Funding,
        Section::Trust,
        Section::Survivors,
    ];

    /// The section's name, used for its heading and its navigation link.
    pub fn title(self) -> &'static str {
        match self {
            Section::Define => tr("Define your partnership"),
            Section::Functions => tr("Functions"),
            Section::Membership => tr("Membership"),
            Section::Leadership => tr("Leadership structure"),
            Section::Management => tr("Partnership management"),
            Section::Funding => tr("Funding"),
            Section::Trust => tr("Trust and sustainability"),
            Section::Survivors => tr("Survivor engagement"),
        }
    }

    /// The stable path segment of the section's route (`#/define`). Never rename one: people
    /// bookmark them.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Define => "define",
            Section::Functions => "functions",
            Section::Membership => "membership",
            Section::Leadership => "leadership",
            Section::Management => "management",
            Section::Funding => "funding",
            Section::Trust => "trust",
            Section::Survivors => "survivors",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The seed's guiding question for the section, shown under its heading.
    pub fn lead_question(self) -> &'static str {
        match self {
            Section::Define => tr("How do you define your partnership?"),
            Section::Functions => tr("What would you like your partnership to do?"),
            Section::Membership => tr("How will you determine membership within your partnership?"),
            Section::Leadership => tr("How will you set up a leadership structure?"),
            Section::Management => tr("Has your partnership set up specific goals and strategies?"),
            Section::Funding => tr("How will you fund your partnership's work?"),
            Section::Trust => tr("How will you maintain trust and resolve conflict?"),
            Section::Survivors => tr("How will you make your partnership survivor-centered?"),
        }
    }
}

impl FunctionKind {
    /// A short plain-language note on what the function means in practice.
    pub fn hint(self) -> &'static str {
        match self {
            FunctionKind::StrategicCoordination => {
                tr("Set shared priorities and a common plan across agencies.")
            }
            FunctionKind::OperationalCoordination => {
                tr("Work cases and services together day to day, with agreed protocols.")
            }
            FunctionKind::ShareInformation => {
                tr("Pass on trends, trainings, referrals and funding news among members.")
            }
            FunctionKind::RaiseAwareness => {
                tr("Help the public and professionals recognise trafficking where you are.")
            }
            FunctionKind::InvolveCommunity => {
                tr("Bring employers, faith groups and neighbours into prevention and response.")
            }
            FunctionKind::SurvivorEngagement => {
                tr("Give survivors paid, real roles in shaping the partnership's work.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for s in Section::ALL {
            assert_eq!(Section::from_slug(s.slug()), Some(s));
        }
        let mut slugs: Vec<_> = Section::ALL.iter().map(|s| s.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), 8);
        assert_eq!(Section::from_slug("nope"), None);
    }

    #[test]
    fn function_names_in_files_are_stable() {
        let names: Vec<String> = FunctionKind::ALL
            .iter()
            .map(|f| serde_json::to_string(f).unwrap_or_default())
            .collect();
        assert_eq!(
            names,
            [
                "\"strategic_coordination\"",
                "\"operational_coordination\"",
                "\"share_information\"",
                "\"raise_awareness\"",
                "\"involve_community\"",
                "\"survivor_engagement\""
            ]
        );
    }
}

/// Words for suggested passphrases (`model::passphrase`), one a line: 1,309 words of three to
/// five letters from the EFF's large word list (CC BY 3.0 US, Electronic Frontier Foundation),
/// less words that may hurt or confuse; made by `words.mjs` beside this file.
pub const PASSPHRASE_WORDS: &str = include_str!("words.txt");
