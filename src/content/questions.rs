//! The toolkit's questions, each answered in a labelled field. The `id` is the key of the
//! answer in the saved plan: never change an id; a label or hint can be reworded freely.
//! A question with `options` is answered by choosing one of them (the option key is stored).

use super::Section;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub section: Section,
    /// The visible label, a question in the seed's or the sources' words.
    pub label: &'static str,
    /// Short guidance shown under the field, with its source where it has one.
    pub hint: &'static str,
    /// `(key, label)` pairs for a one-of-several question; empty for free text.
    pub options: &'static [(&'static str, &'static str)],
    /// Optional questions do not count towards the section's progress.
    pub optional: bool,
}

const fn text(
    id: &'static str,
    section: Section,
    label: &'static str,
    hint: &'static str,
) -> Question {
    Question {
        id,
        section,
        label,
        hint,
        options: &[],
        optional: false,
    }
}

const fn choice(
    id: &'static str,
    section: Section,
    label: &'static str,
    hint: &'static str,
    options: &'static [(&'static str, &'static str)],
) -> Question {
    Question {
        id,
        section,
        label,
        hint,
        options,
        optional: false,
    }
}

use Section::*;

pub const QUESTIONS: &[Question] = &[
    // ---- Define your partnership ----
    text("define.definition", Define, crate::en!("How do you define your partnership?"),
        crate::en!("For example: a cooperative relationship between two or more organizations set up to \
         combat human trafficking together. (LCHT, Partnership 101)")),
    text("define.vision", Define, crate::en!("What is your vision?"),
        crate::en!("The future you work towards: broad, shared, and short enough to fit on a T-shirt. \
         (Community Tool Box)")),
    text("define.mission", Define, crate::en!("What is your mission?"),
        crate::en!("One sentence on what the partnership does and for whom. (Community Tool Box)")),
    text("define.need", Define, crate::en!("Why is a partnership needed?"),
        crate::en!("For example: no one agency can reach the goal alone, the problem has many causes, or \
         agencies duplicate each other's work. (Community Tool Box)")),
    text("define.scope", Define, crate::en!("What forms of trafficking and what area will you cover?"),
        crate::en!("Name the counties or region. Cover sex and labor trafficking alike: a task force should \
         not put one type ahead of another. (OVC Task Force e-Guide)")),
    text("define.relations", Define, crate::en!("How does the partnership relate to other local or regional bodies?"),
        crate::en!("For example a state council, another task force, or a regional coalition. A state task \
         force does not replace a local one. (LCHT; OVC Task Force e-Guide)")),
    choice("define.integration", Define, crate::en!("How closely will members work together?"),
        crate::en!("Levels of collaboration from Frey and colleagues (2006). Partners can move up a level as \
         trust grows."),
        &[
            ("networking", crate::en!("Networking: members know of each other and share little; each decides alone")),
            ("cooperation", crate::en!("Cooperation: members share information; roles are somewhat defined")),
            ("coordination", crate::en!("Coordination: members share information and resources, with defined roles and some joint decisions")),
            ("coalition", crate::en!("Coalition: members share ideas and resources, talk often, and all vote on decisions")),
            ("collaboration", crate::en!("Collaboration: members act as one system, with high trust and consensus on all decisions")),
        ]),
    choice("define.model", Define, crate::en!("Which leadership model fits?"),
        crate::en!("Models described in the OVC Task Force e-Guide."),
        &[
            ("co_led", crate::en!("Co-led: senior people from, for example, law enforcement, prosecution and a victim service agency lead together")),
            ("single_leader", crate::en!("Single leader: one agency leads, such as a police department, prosecutor or victim service provider")),
            ("bifurcated", crate::en!("Bifurcated: two teams, for example one for foreign-national and one for U.S.-citizen victims")),
            ("other", crate::en!("Another model")),
        ]),
    // ---- Functions ----
    Question { optional: true, ..text("functions.other", Functions, crate::en!("Other"),
        crate::en!("Anything else the partnership will do.")) },
    // ---- Membership ----
    text("membership.criteria", Membership, crate::en!("How will you determine membership within your partnership?"),
        crate::en!("For example: who may join, what members agree to (mission, attendance, a trauma-informed \
         approach), and who can vote. (LCHT, Partnership 101; San Francisco Mayor's Task Force)")),
    text("membership.missing", Membership, crate::en!("Who is not at the table yet, and how will you invite them?"),
        crate::en!("Honor the work already done in your community and bring in voices not invited before: \
         communities of color, immigrant and tribal communities, LGBTQ+ people, youth. (LCHT)")),
    text("membership.networks", Membership, crate::en!("Are there existing partnerships or networks in your area you should link with?"),
        crate::en!("For example Multidisciplinary Teams (MDTs) or Sexual Assault Response Teams (SARTs). \
         Consider a memorandum of understanding (MOU). (LCHT, Partnership 101)")),
    // ---- Leadership structure ----
    choice("leadership.decisions", Leadership, crate::en!("How are decisions made?"),
        crate::en!("Agree this before the first hard decision. Many partnerships seek consensus and vote only \
         when it fails. (OVC Task Force e-Guide)"),
        &[
            ("consensus", crate::en!("Consensus: everyone can accept the decision")),
            ("vote", crate::en!("Majority vote of members")),
            ("consensus_then_vote", crate::en!("Consensus first; a vote if consensus fails")),
            ("leaders", crate::en!("The leadership team decides after hearing members")),
        ]),
    text("leadership.quorum", Leadership, crate::en!("What is a quorum, and who has a vote?"),
        crate::en!("For example: one vote per member agency; a quorum of half the voting members.")),
    text("leadership.agenda", Leadership, crate::en!("Who sets the agenda and takes minutes?"),
        crate::en!("A question the OVC Task Force e-Guide asks every task force to settle.")),
    // ---- Partnership management ----
    text("management.assess", Management, crate::en!("What will you evaluate, and why?"),
        crate::en!("Start from your goals. (LCHT, Partnership Management)")),
    text("management.data", Management, crate::en!("What data and help already exist?"),
        crate::en!("For example agency records, hotline reports, or a local university. (LCHT)")),
    text("management.methods", Management, crate::en!("How will you collect information, and how often?"),
        crate::en!("Choose methods that are useful and that you can keep up. (LCHT)")),
    text("management.review", Management, crate::en!("When will you review and renew the action plan?"),
        crate::en!("Check progress at every meeting and renew the plan at least yearly. (Community Tool Box)")),
    // ---- Funding ----
    text("funding.approach", Funding, crate::en!("How will you fund your partnership's work?"),
        crate::en!("Many task forces start without outside funding, on members' time. (OVC Task Force e-Guide)")),
    text("funding.available", Funding, crate::en!("What funding sources are available to you?"),
        crate::en!("Federal, state, foundation, business, member dues and in-kind support. Grant programs \
         and amounts change every year: check the current notice of funding.")),
    // ---- Trust and sustainability ----
    text("trust.define", Trust, crate::en!("How do you define trust in this partnership?"),
        crate::en!("One definition: being willing to rely on a partner because you are confident they are \
         well-meaning, reliable, competent, honest and open. (LCHT, Trust and Sustainability)")),
    text("trust.build", Trust, crate::en!("How will you build trust?"),
        crate::en!("Be specific about goals, review and re-align them regularly, and give it time. Trust \
         grows both between people and between roles. (LCHT)")),
    text("trust.conflict_informal", Trust, crate::en!("How will you handle disagreements informally?"),
        crate::en!("For example: raise it early with the people involved, or ask the facilitator to help.")),
    text("trust.conflict_formal", Trust, crate::en!("What are the formal steps to resolve a conflict?"),
        crate::en!("Partnerships that offer both informal and formal ways to resolve conflict do well. (LCHT)")),
    text("trust.communication", Trust, crate::en!("What are your communication norms?"),
        crate::en!("For example: how quickly members reply, which channels are used, and what is never \
         shared by email (no survivor or case details).")),
    text("trust.meetings", Trust, crate::en!("How often will you meet, and how?"),
        crate::en!("For example: full partnership quarterly, committees monthly, online or in person.")),
    text("trust.continuity", Trust, crate::en!("What happens when a member's representative leaves?"),
        crate::en!("Written protocols and MOUs keep the work going when people change. Name a backup person \
         for each member. (OVC Task Force e-Guide)")),
    // ---- Survivor engagement ----
    text("survivors.stages", Survivors, crate::en!("How will survivors shape the partnership at each stage?"),
        crate::en!("Meaningful input from a diverse group of survivors in planning, delivery and evaluation. \
         (NHTTAC, Human Trafficking Leadership Academy)")),
    text("survivors.compensation", Survivors, crate::en!("How will survivor experts be paid?"),
        crate::en!("Offer payment or stipends for survivors' contributions, as you would any professional. \
         (NHTTAC)")),
    text("survivors.tokenism", Survivors, crate::en!("How will you avoid tokenism and overload?"),
        crate::en!("Invite more than one survivor, respect a no, and never ask anyone to share their story. \
         (LCHT, Survivor Engagement)")),
];

/// The questions of one section, in display order.
pub fn questions_for(section: Section) -> impl Iterator<Item = &'static Question> {
    QUESTIONS.iter().filter(move |q| q.section == section)
}

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
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
            assert!(
                q.id.starts_with(&format!("{}.", q.section.slug())),
                "{}",
                q.id
            );
        }
    }

    #[test]
    fn every_section_has_questions() {
        for s in Section::ALL {
            assert!(questions_for(s).count() > 0, "{s:?}");
        }
    }

    #[test]
    fn define_opens_with_the_seed_question() {
        let first = questions_for(Section::Define).next().map(|q| q.label);
        assert_eq!(first, Some("How do you define your partnership?"));
    }
}
