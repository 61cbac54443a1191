//! Checklists, self-check statements, coverage needs and resources. Wording is the project's
//! own; each list names the source its categories come from.

use super::kinds::Sector;
use super::Section;

/// A statement of the partnership health self-check, scored 1 (strongly disagree) to 5
/// (strongly agree). Categories follow the Wilder Collaboration Factors Inventory's six
/// (https://www.wilder.org/collaboration); the statements are original, not Wilder's items.
pub struct HealthStatement {
    pub id: &'static str,
    pub category: &'static str,
    pub text: &'static str,
}

pub const HEALTH_CATEGORIES: &[&str] = &[
    crate::en!("Environment"),
    crate::en!("Membership"),
    crate::en!("Process and structure"),
    crate::en!("Communication"),
    crate::en!("Purpose"),
    crate::en!("Resources"),
];

pub const HEALTH_STATEMENTS: &[HealthStatement] = &[
    HealthStatement {
        id: "health.environment.history",
        category: "Environment",
        text: crate::en!("Organizations here have worked together well before."),
    },
    HealthStatement {
        id: "health.environment.standing",
        category: "Environment",
        text: crate::en!("The community sees this partnership as a credible voice on trafficking."),
    },
    HealthStatement {
        id: "health.membership.respect",
        category: "Membership",
        text: crate::en!("Members respect and trust one another."),
    },
    HealthStatement {
        id: "health.membership.mix",
        category: "Membership",
        text: crate::en!("The right mix of sectors and communities is at the table."),
    },
    HealthStatement {
        id: "health.process.roles",
        category: "Process and structure",
        text: crate::en!("Everyone knows their role and how decisions are made."),
    },
    HealthStatement {
        id: "health.process.flexible",
        category: "Process and structure",
        text: crate::en!("We adapt our ways of working when things change."),
    },
    HealthStatement {
        id: "health.communication.open",
        category: "Communication",
        text: crate::en!("Members share information openly and often."),
    },
    HealthStatement {
        id: "health.communication.informal",
        category: "Communication",
        text: crate::en!("People can pick up the phone to each other between meetings."),
    },
    HealthStatement {
        id: "health.purpose.goals",
        category: "Purpose",
        text: crate::en!("Our goals are concrete and within reach."),
    },
    HealthStatement {
        id: "health.purpose.vision",
        category: "Purpose",
        text: crate::en!("Members share one vision of what we are working towards."),
    },
    HealthStatement {
        id: "health.resources.enough",
        category: "Resources",
        text: crate::en!("We have enough money, staff time and materials for our plans."),
    },
    HealthStatement {
        id: "health.resources.leadership",
        category: "Resources",
        text: crate::en!("Our leaders are skilled at bringing people together."),
    },
];

pub const SCORE_LABELS: [&str; 5] = [
    crate::en!("1 Strongly disagree"),
    crate::en!("2 Disagree"),
    crate::en!("3 Neutral"),
    crate::en!("4 Agree"),
    crate::en!("5 Strongly agree"),
];

/// One item of the survivor-engagement checklist.
pub struct ChecklistItem {
    pub id: &'static str,
    pub group: &'static str,
    pub text: &'static str,
}

pub const SURVIVOR_GROUPS: &[(&str, &str)] = &[
    (crate::en!("Survivor-informed assessment areas"),
     crate::en!("The six areas of the NHTTAC survivor-informed organizational self-assessment.")),
    (crate::en!("Trauma-informed principles"),
     crate::en!("SAMHSA's six principles of a trauma-informed approach, applied to meetings, materials and processes.")),
];

pub const SURVIVOR_CHECKLIST: &[ChecklistItem] = &[
    ChecklistItem {
        id: "survivors.area.mission",
        group: "Survivor-informed assessment areas",
        text: crate::en!("Mission, vision and culture reflect survivors' input"),
    },
    ChecklistItem {
        id: "survivors.area.programs",
        group: "Survivor-informed assessment areas",
        text: crate::en!("Survivors help design, deliver and evaluate programs"),
    },
    ChecklistItem {
        id: "survivors.area.referrals",
        group: "Survivor-informed assessment areas",
        text: crate::en!("Referral networks and partnerships are reviewed with survivors"),
    },
    ChecklistItem {
        id: "survivors.area.outreach",
        group: "Survivor-informed assessment areas",
        text: crate::en!("Outreach and awareness materials are shaped by survivors"),
    },
    ChecklistItem {
        id: "survivors.area.fundraising",
        group: "Survivor-informed assessment areas",
        text: crate::en!("Fundraising never uses survivors' stories or images without consent"),
    },
    ChecklistItem {
        id: "survivors.area.staffing",
        group: "Survivor-informed assessment areas",
        text: crate::en!("Hiring and staff development open paid roles to survivors"),
    },
    ChecklistItem {
        id: "survivors.principle.safety",
        group: "Trauma-informed principles",
        text: crate::en!("Safety: meetings and spaces feel physically and emotionally safe"),
    },
    ChecklistItem {
        id: "survivors.principle.trust",
        group: "Trauma-informed principles",
        text: crate::en!("Trustworthiness and transparency: decisions are explained openly"),
    },
    ChecklistItem {
        id: "survivors.principle.peer",
        group: "Trauma-informed principles",
        text: crate::en!("Peer support: survivors can connect with other survivors"),
    },
    ChecklistItem {
        id: "survivors.principle.collaboration",
        group: "Trauma-informed principles",
        text: crate::en!("Collaboration and mutuality: power is shared, not held by a few"),
    },
    ChecklistItem {
        id: "survivors.principle.empowerment",
        group: "Trauma-informed principles",
        text: crate::en!("Empowerment, voice and choice: people choose how they take part"),
    },
    ChecklistItem {
        id: "survivors.principle.culture",
        group: "Trauma-informed principles",
        text: crate::en!("Cultural, historical and gender issues are recognized and addressed"),
    },
];

/// A kind of partner a balanced partnership usually has.
pub struct CoverageNeed {
    pub label: &'static str,
    pub sectors: &'static [Sector],
    /// Why it matters, shown when the sector is missing.
    pub why: &'static str,
}

pub const COVERAGE: &[CoverageNeed] = &[
    CoverageNeed {
        label: crate::en!("Survivor-led organization"),
        sectors: &[Sector::SurvivorLed],
        why: crate::en!(
            "Federal task-force funding expects people with lived experience in the partnership."
        ),
    },
    CoverageNeed {
        label: crate::en!("Labor trafficking partner"),
        sectors: &[Sector::Labor],
        why: crate::en!(
            "Labor trafficking victims are often underserved next to sex trafficking victims."
        ),
    },
    CoverageNeed {
        label: crate::en!("Health care"),
        sectors: &[Sector::HealthCare],
        why: crate::en!("Health workers often meet victims first."),
    },
    CoverageNeed {
        label: crate::en!("Victim services"),
        sectors: &[
            Sector::VictimServices,
            Sector::DomesticViolence,
            Sector::SexualAssault,
            Sector::ChildAbuse,
        ],
        why: crate::en!("Survivors need services before, during and after any case."),
    },
    CoverageNeed {
        label: crate::en!("Law enforcement"),
        sectors: &[Sector::LawEnforcement, Sector::FederalLawEnforcement],
        why: crate::en!("Investigations need a committed law enforcement partner."),
    },
    CoverageNeed {
        label: crate::en!("Prosecution"),
        sectors: &[Sector::Prosecution],
        why: crate::en!("Prosecutors shape how cases are charged and how victims are treated."),
    },
    CoverageNeed {
        label: crate::en!("Legal services"),
        sectors: &[Sector::LegalServices, Sector::Immigrant],
        why: crate::en!("Civil and immigration legal help is among survivors' most urgent needs."),
    },
    CoverageNeed {
        label: crate::en!("Child welfare"),
        sectors: &[Sector::ChildWelfare, Sector::HumanServices],
        why: crate::en!("Child welfare expertise is required on Colorado's state council."),
    },
];

/// A resource the app lists, with where the facts come from and when they were last checked.
pub struct BuiltInResource {
    pub section: Option<Section>,
    pub title: &'static str,
    pub detail: &'static str,
    pub url: &'static str,
    /// When the facts were taken from the source (the project's research notes).
    pub checked: &'static str,
}

const CHECKED: &str = "2026-11-25";

pub const RESOURCES: &[BuiltInResource] = &[
    BuiltInResource { section: None, title: crate::en!("Colorado's 24/7 Human Trafficking Hotline"),
        detail: crate::en!("Call 866-455-5075 or text 720-999-9724. Run by the Laboratory to Combat Human \
                 Trafficking (LCHT); callers can stay anonymous."),
        url: "https://combathumantrafficking.org/about-lcht/our-work/", checked: CHECKED },
    BuiltInResource { section: None, title: crate::en!("National Human Trafficking Hotline"),
        detail: crate::en!("Call 888-373-7888, or text 233733 (BeFree). In an emergency, call 911."),
        url: "https://www.ovcttac.gov/taskforceguide/eguide/1-understanding-human-trafficking/resources-1-understanding-human-trafficking/",
        checked: CHECKED },
    BuiltInResource { section: Some(Section::Define), title: crate::en!("LCHT Partnership Toolkit: Partnership 101"),
        detail: crate::en!("The questions this app is built on, with Colorado resources."),
        url: "https://combathumantrafficking.org/toolkit/partnership-101/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Define), title: crate::en!("OVC Human Trafficking Task Force e-Guide"),
        detail: crate::en!("Step-by-step guidance on forming and running a multidisciplinary task force."),
        url: "https://www.ovcttac.gov/taskforceguide/eguide/how-to-use-this-guide/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Membership), title: crate::en!("Colorado Human Trafficking Council"),
        detail: crate::en!("The state council, housed in the Division of Criminal Justice, Office for Victims \
                 Programs; its members and annual reports."),
        url: "https://dcj.colorado.gov/ovp-the-council", checked: CHECKED },
    BuiltInResource { section: Some(Section::Leadership), title: crate::en!("e-Guide: leadership and decision-making"),
        detail: crate::en!("Examples of leadership teams and decision rules in real task forces."),
        url: "https://ovcttac.gov/taskforceguide/eguide/3-operating-a-task-force/31-task-force-membership-and-management/leadership-decisionmaking",
        checked: CHECKED },
    BuiltInResource { section: Some(Section::Management), title: crate::en!("LCHT Partnership Toolkit: Partnership Management"),
        detail: crate::en!("Tips for goals and steps to prepare an evaluation."),
        url: "https://combathumantrafficking.org/toolkit/partnership-management/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Management), title: crate::en!("Community Tool Box: action plans"),
        detail: crate::en!("An action plan form and checklist: what, who, by when, resources, communication."),
        url: "https://ctb.ku.edu/en/table-of-contents/structure/strategic-planning/develop-action-plans/tools",
        checked: CHECKED },
    BuiltInResource { section: Some(Section::Funding), title: crate::en!("OVC Enhanced Collaborative Model task force funding"),
        detail: crate::en!("The main federal program for anti-trafficking task forces. Amounts and rules change \
                 every year: read the current notice of funding."),
        url: "https://fundingtoolkit.sji.gov/funding/enhanced-collaborative-model-ecm-task-force-to-combat-human-trafficking/",
        checked: CHECKED },
    BuiltInResource { section: Some(Section::Trust), title: crate::en!("LCHT Partnership Toolkit: Trust and Sustainability"),
        detail: crate::en!("Trust, conflict and what keeps a partnership going."),
        url: "https://combathumantrafficking.org/toolkit/trust-and-sustainability/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Trust), title: crate::en!("Wilder Collaboration Factors Inventory"),
        detail: crate::en!("A free, research-tested self-assessment of what makes collaborations succeed."),
        url: "https://www.wilder.org/collaboration", checked: CHECKED },
    BuiltInResource { section: Some(Section::Survivors), title: crate::en!("LCHT Partnership Toolkit: Survivor Engagement"),
        detail: crate::en!("How to make a partnership survivor-centered and trauma-informed."),
        url: "https://combathumantrafficking.org/toolkit/survivor-engagement/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Survivors), title: crate::en!("NHTTAC: survivor involvement"),
        detail: crate::en!("What survivor-informed practice means and how to assess it."),
        url: "https://nhttac.acf.hhs.gov/soar/eguide/respond/Survivor_Involvement", checked: CHECKED },
];
