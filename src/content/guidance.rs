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
    "Environment",
    "Membership",
    "Process and structure",
    "Communication",
    "Purpose",
    "Resources",
];

pub const HEALTH_STATEMENTS: &[HealthStatement] = &[
    HealthStatement {
        id: "health.environment.history",
        category: "Environment",
        text: "Organizations here have worked together well before.",
    },
    HealthStatement {
        id: "health.environment.standing",
        category: "Environment",
        text: "The community sees this partnership as a credible voice on trafficking.",
    },
    HealthStatement {
        id: "health.membership.respect",
        category: "Membership",
        text: "Members respect and trust one another.",
    },
    HealthStatement {
        id: "health.membership.mix",
        category: "Membership",
        text: "The right mix of sectors and communities is at the table.",
    },
    HealthStatement {
        id: "health.process.roles",
        category: "Process and structure",
        text: "Everyone knows their role and how decisions are made.",
    },
    HealthStatement {
        id: "health.process.flexible",
        category: "Process and structure",
        text: "We adapt our ways of working when things change.",
    },
    HealthStatement {
        id: "health.communication.open",
        category: "Communication",
        text: "Members share information openly and often.",
    },
    HealthStatement {
        id: "health.communication.informal",
        category: "Communication",
        text: "People can pick up the phone to each other between meetings.",
    },
    HealthStatement {
        id: "health.purpose.goals",
        category: "Purpose",
        text: "Our goals are concrete and within reach.",
    },
    HealthStatement {
        id: "health.purpose.vision",
        category: "Purpose",
        text: "Members share one vision of what we are working towards.",
    },
    HealthStatement {
        id: "health.resources.enough",
        category: "Resources",
        text: "We have enough money, staff time and materials for our plans.",
    },
    HealthStatement {
        id: "health.resources.leadership",
        category: "Resources",
        text: "Our leaders are skilled at bringing people together.",
    },
];

pub const SCORE_LABELS: [&str; 5] = [
    "1 Strongly disagree",
    "2 Disagree",
    "3 Neutral",
    "4 Agree",
    "5 Strongly agree",
];

/// One item of the survivor-engagement checklist.
pub struct ChecklistItem {
    pub id: &'static str,
    pub group: &'static str,
    pub text: &'static str,
}

pub const SURVIVOR_GROUPS: &[(&str, &str)] = &[
    ("Survivor-informed assessment areas",
     "The six areas of the NHTTAC survivor-informed organizational self-assessment."),
    ("Trauma-informed principles",
     "SAMHSA's six principles of a trauma-informed approach, applied to meetings, materials and processes."),
];

pub const SURVIVOR_CHECKLIST: &[ChecklistItem] = &[
    ChecklistItem {
        id: "survivors.area.mission",
        group: "Survivor-informed assessment areas",
        text: "Mission, vision and culture reflect survivors' input",
    },
    ChecklistItem {
        id: "survivors.area.programs",
        group: "Survivor-informed assessment areas",
        text: "Survivors help design, deliver and evaluate programs",
    },
    ChecklistItem {
        id: "survivors.area.referrals",
        group: "Survivor-informed assessment areas",
        text: "Referral networks and partnerships are reviewed with survivors",
    },
    ChecklistItem {
        id: "survivors.area.outreach",
        group: "Survivor-informed assessment areas",
        text: "Outreach and awareness materials are shaped by survivors",
    },
    ChecklistItem {
        id: "survivors.area.fundraising",
        group: "Survivor-informed assessment areas",
        text: "Fundraising never uses survivors' stories or images without consent",
    },
    ChecklistItem {
        id: "survivors.area.staffing",
        group: "Survivor-informed assessment areas",
        text: "Hiring and staff development open paid roles to survivors",
    },
    ChecklistItem {
        id: "survivors.principle.safety",
        group: "Trauma-informed principles",
        text: "Safety: meetings and spaces feel physically and emotionally safe",
    },
    ChecklistItem {
        id: "survivors.principle.trust",
        group: "Trauma-informed principles",
        text: "Trustworthiness and transparency: decisions are explained openly",
    },
    ChecklistItem {
        id: "survivors.principle.peer",
        group: "Trauma-informed principles",
        text: "Peer support: survivors can connect with other survivors",
    },
    ChecklistItem {
        id: "survivors.principle.collaboration",
        group: "Trauma-informed principles",
        text: "Collaboration and mutuality: power is shared, not held by a few",
    },
    ChecklistItem {
        id: "survivors.principle.empowerment",
        group: "Trauma-informed principles",
        text: "Empowerment, voice and choice: people choose how they take part",
    },
    ChecklistItem {
        id: "survivors.principle.culture",
        group: "Trauma-informed principles",
        text: "Cultural, historical and gender issues are recognized and addressed",
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
        label: "Survivor-led organization",
        sectors: &[Sector::SurvivorLed],
        why: "Federal task-force funding expects people with lived experience in the partnership.",
    },
    CoverageNeed {
        label: "Labor trafficking partner",
        sectors: &[Sector::Labor],
        why: "Labor trafficking victims are often underserved next to sex trafficking victims.",
    },
    CoverageNeed {
        label: "Health care",
        sectors: &[Sector::HealthCare],
        why: "Health workers often meet victims first.",
    },
    CoverageNeed {
        label: "Victim services",
        sectors: &[
            Sector::VictimServices,
            Sector::DomesticViolence,
            Sector::SexualAssault,
            Sector::ChildAbuse,
        ],
        why: "Survivors need services before, during and after any case.",
    },
    CoverageNeed {
        label: "Law enforcement",
        sectors: &[Sector::LawEnforcement, Sector::FederalLawEnforcement],
        why: "Investigations need a committed law enforcement partner.",
    },
    CoverageNeed {
        label: "Prosecution",
        sectors: &[Sector::Prosecution],
        why: "Prosecutors shape how cases are charged and how victims are treated.",
    },
    CoverageNeed {
        label: "Legal services",
        sectors: &[Sector::LegalServices, Sector::Immigrant],
        why: "Civil and immigration legal help is among survivors' most urgent needs.",
    },
    CoverageNeed {
        label: "Child welfare",
        sectors: &[Sector::ChildWelfare, Sector::HumanServices],
        why: "Child welfare expertise is required on Colorado's state council.",
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
    BuiltInResource { section: None, title: "Colorado's 24/7 Human Trafficking Hotline",
        detail: "Call 866-455-5075 or text 720-999-9724. Run by the Laboratory to Combat Human \
                 Trafficking (LCHT); callers can stay anonymous.",
        url: "https://combathumantrafficking.org/about-lcht/our-work/", checked: CHECKED },
    BuiltInResource { section: None, title: "National Human Trafficking Hotline",
        detail: "Call 888-373-7888, or text 233733 (BeFree). In an emergency, call 911.",
        url: "https://www.ovcttac.gov/taskforceguide/eguide/1-understanding-human-trafficking/resources-1-understanding-human-trafficking/",
        checked: CHECKED },
    BuiltInResource { section: Some(Section::Define), title: "LCHT Partnership Toolkit: Partnership 101",
        detail: "The questions this app is built on, with Colorado resources.",
        url: "https://combathumantrafficking.org/toolkit/partnership-101/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Define), title: "OVC Human Trafficking Task Force e-Guide",
        detail: "Step-by-step guidance on forming and running a multidisciplinary task force.",
        url: "https://www.ovcttac.gov/taskforceguide/eguide/how-to-use-this-guide/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Membership), title: "Colorado Human Trafficking Council",
        detail: "The state council, housed in the Division of Criminal Justice, Office for Victims \
                 Programs; its members and annual reports.",
        url: "https://dcj.colorado.gov/ovp-the-council", checked: CHECKED },
    BuiltInResource { section: Some(Section::Leadership), title: "e-Guide: leadership and decision-making",
        detail: "Examples of leadership teams and decision rules in real task forces.",
        url: "https://ovcttac.gov/taskforceguide/eguide/3-operating-a-task-force/31-task-force-membership-and-management/leadership-decisionmaking",
        checked: CHECKED },
    BuiltInResource { section: Some(Section::Management), title: "LCHT Partnership Toolkit: Partnership Management",
        detail: "Tips for goals and steps to prepare an evaluation.",
        url: "https://combathumantrafficking.org/toolkit/partnership-management/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Management), title: "Community Tool Box: action plans",
        detail: "An action plan form and checklist: what, who, by when, resources, communication.",
        url: "https://ctb.ku.edu/en/table-of-contents/structure/strategic-planning/develop-action-plans/tools",
        checked: CHECKED },
    BuiltInResource { section: Some(Section::Funding), title: "OVC Enhanced Collaborative Model task force funding",
        detail: "The main federal program for anti-trafficking task forces. Amounts and rules change \
                 every year: read the current notice of funding.",
        url: "https://fundingtoolkit.sji.gov/funding/enhanced-collaborative-model-ecm-task-force-to-combat-human-trafficking/",
        checked: CHECKED },
    BuiltInResource { section: Some(Section::Trust), title: "LCHT Partnership Toolkit: Trust and Sustainability",
        detail: "Trust, conflict and what keeps a partnership going.",
        url: "https://combathumantrafficking.org/toolkit/trust-and-sustainability/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Trust), title: "Wilder Collaboration Factors Inventory",
        detail: "A free, research-tested self-assessment of what makes collaborations succeed.",
        url: "https://www.wilder.org/collaboration", checked: CHECKED },
    BuiltInResource { section: Some(Section::Survivors), title: "LCHT Partnership Toolkit: Survivor Engagement",
        detail: "How to make a partnership survivor-centered and trauma-informed.",
        url: "https://combathumantrafficking.org/toolkit/survivor-engagement/", checked: CHECKED },
    BuiltInResource { section: Some(Section::Survivors), title: "NHTTAC: survivor involvement",
        detail: "What survivor-informed practice means and how to assess it.",
        url: "https://nhttac.acf.hhs.gov/soar/eguide/respond/Survivor_Involvement", checked: CHECKED },
];
