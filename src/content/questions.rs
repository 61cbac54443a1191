//! Free-text questions, each answered in one labelled text area. The `id` is the key of the
//! answer in the saved plan: never change an id; a label can be reworded freely.

use super::Section;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub section: Section,
    /// The visible label, a question in the seed's or the sources' words.
    pub label: &'static str,
    /// Short guidance shown under the field, with its source where it has one.
    pub hint: &'static str,
}

pub const QUESTIONS: &[Question] = &[
    Question {
        id: "define.definition",
        section: Section::Define,
        label: "How do you define your partnership?",
        hint: "For example: a cooperative relationship between two or more organizations set up to \
               combat human trafficking together. (LCHT, Partnership 101)",
    },
    Question {
        id: "define.vision",
        section: Section::Define,
        label: "What is your vision?",
        hint: "The future you work towards: broad, shared, and short enough to fit on a T-shirt. \
               (Community Tool Box)",
    },
    Question {
        id: "define.mission",
        section: Section::Define,
        label: "What is your mission?",
        hint: "One sentence on what the partnership does and for whom. (Community Tool Box)",
    },
    Question {
        id: "define.need",
        section: Section::Define,
        label: "Why is a partnership needed?",
        hint: "For example: no one agency can reach the goal alone, the problem has many causes, or \
               agencies duplicate each other's work. (Community Tool Box)",
    },
    Question {
        id: "define.scope",
        section: Section::Define,
        label: "What forms of trafficking and what area will you cover?",
        hint: "Name the counties or region. Cover sex and labor trafficking alike: a task force \
               should not put one type ahead of another. (OVC Task Force e-Guide)",
    },
    Question {
        id: "define.relations",
        section: Section::Define,
        label: "How does the partnership relate to other local or regional bodies?",
        hint: "For example a state council, another task force, or a regional coalition. \
               (LCHT, Partnership Management)",
    },
    Question {
        id: "functions.other",
        section: Section::Functions,
        label: "Other",
        hint: "Anything else the partnership will do.",
    },
];

/// The questions of one section, in display order.
pub fn questions_for(section: Section) -> impl Iterator<Item = &'static Question> {
    QUESTIONS.iter().filter(move |q| q.section == section)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_prefixed_by_their_section() {
        let mut seen = HashSet::new();
        for q in QUESTIONS {
            assert!(seen.insert(q.id), "duplicate id {}", q.id);
            assert!(q.id.starts_with(&format!("{}.", q.section.slug())), "{}", q.id);
        }
    }

    #[test]
    fn define_opens_with_the_seed_question() {
        let first = questions_for(Section::Define).next().map(|q| q.label);
        assert_eq!(first, Some("How do you define your partnership?"));
    }
}
