//! The fixed vocabularies of the plan: the 4 Ps, sectors, statuses, roles and types. Their
//! serialized names are part of the file format: never rename one; labels can change freely.

/// What every vocabulary can do: its stable key (in files and form values) both ways.
pub trait Vocabulary: Copy + 'static {
    fn key(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self>;
}

/// Declares a vocabulary: an enum with its stable file names (serde's names for its variants,
/// also used as form values) and its labels, plus `ALL`.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $key:literal : $label:literal,)+ }) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $(#[serde(rename = $key)] $variant,)+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// The stable name used in files and form values.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }
            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
        impl Vocabulary for $name {
            fn key(self) -> &'static str {
                $name::key(self)
            }
            fn from_key(key: &str) -> Option<$name> {
                $name::from_key(key)
            }
        }
    };
}

vocabulary! {
    /// The "4 Ps" Colorado's partnerships use (LCHT; Colorado Human Trafficking Council).
    Pillar {
        Prevention = "prevention": "Prevention",
        Protection = "protection": "Protection",
        Prosecution = "prosecution": "Prosecution",
        Partnership = "partnership": "Partnership",
    }
}

vocabulary! {
    /// Kinds of member organization: the seed's list (LCHT, Partnership 101) and the OVC Task
    /// Force e-Guide's enforcement and support partners.
    Sector {
        LawEnforcement = "law_enforcement": "Law enforcement (police, sheriff, state patrol)",
        FederalLawEnforcement = "federal_law_enforcement": "Federal law enforcement (FBI, HSI)",
        Prosecution = "prosecution": "Prosecution (district attorney, attorney general, U.S. Attorney)",
        VictimServices = "victim_services": "Direct victim services",
        DomesticViolence = "domestic_violence": "Domestic violence services",
        SexualAssault = "sexual_assault": "Sexual assault services",
        ChildAbuse = "child_abuse": "Child abuse and neglect services",
        ChildWelfare = "child_welfare": "Child welfare",
        HumanServices = "human_services": "County human services or public health",
        HealthCare = "health_care": "Health care provider",
        FirstResponders = "first_responders": "First responders (fire, EMS)",
        LegalServices = "legal_services": "Legal services (civil, immigration)",
        Immigrant = "immigrant": "Immigrant resources and rights",
        Labor = "labor": "Labor department or wage enforcement",
        Homelessness = "homelessness": "Homelessness and youth services",
        JuvenileJustice = "juvenile_justice": "Juvenile justice and diversion",
        CommunityAdvocates = "community_advocates": "Community-based advocates",
        SurvivorLed = "survivor_led": "Survivor-led organization",
        FaithBased = "faith_based": "Faith-based organization",
        Business = "business": "Business or employer",
        Education = "education": "School, college or researchers",
        Tribal = "tribal": "Tribal government or organization",
        Other = "other": "Other",
    }
}

vocabulary! {
    /// Where a member organization stands, from first idea to signed agreement.
    MemberStatus {
        Identified = "identified": "Identified",
        Invited = "invited": "Invited",
        Committed = "committed": "Committed",
        MouSigned = "mou_signed": "MOU signed",
    }
}

vocabulary! {
    /// Existing networks to link with (LCHT, Partnership 101).
    NetworkKind {
        Mdt = "mdt": "Multidisciplinary Team (MDT)",
        Sart = "sart": "Sexual Assault Response Team (SART)",
        Coalition = "coalition": "Another coalition or task force",
        Other = "other": "Other network",
    }
}

vocabulary! {
    /// The seed's key leadership roles.
    RoleKind {
        Coordinator = "coordinator": "Coordinator",
        Facilitator = "facilitator": "Facilitator",
        Chairperson = "chairperson": "Chairperson",
        FiscalAgent = "fiscal_agent": "Fiscal Agent",
        SubjectMatterExpert = "subject_matter_expert": "Subject Matter Expert",
        MemberAgencyLeadership = "member_agency_leadership": "Member Agency Leadership",
    }
}

vocabulary! {
    ActionStatus {
        NotStarted = "not_started": "Not started",
        InProgress = "in_progress": "In progress",
        Blocked = "blocked": "Blocked",
        InReview = "in_review": "In review",
        Done = "done": "Done",
    }
}

vocabulary! {
    /// What an action item counts as in the yearly report, when the user tags it.
    ActionTag {
        Training = "training": "Training",
        AwarenessEvent = "awareness_event": "Awareness event",
        Partnership = "partnership": "New partnership or agreement",
        Outreach = "outreach": "Outreach",
    }
}

vocabulary! {
    FundingKind {
        FederalGrant = "federal_grant": "Federal grant",
        State = "state": "State funds",
        Foundation = "foundation": "Foundation",
        Corporate = "corporate": "Corporate or business",
        MemberDues = "member_dues": "Member dues",
        InKind = "in_kind": "In-kind (staff time, space)",
        Other = "other": "Other",
    }
}

vocabulary! {
    FundingStatus {
        Planned = "planned": "Planned",
        Applied = "applied": "Applied",
        Committed = "committed": "Committed",
        Received = "received": "Received",
        Declined = "declined": "Declined",
    }
}

vocabulary! {
    /// The six things the seed says a partnership could do, with the seed's words as labels.
    FunctionKind {
        StrategicCoordination = "strategic_coordination":
            "Provide strategic coordination for human trafficking work in your area",
        OperationalCoordination = "operational_coordination":
            "Provide operational coordination for human trafficking work in your area",
        ShareInformation = "share_information": "Share information and resources",
        RaiseAwareness = "raise_awareness":
            "Increase awareness of the extent of human trafficking in your area",
        InvolveCommunity = "involve_community":
            "Involve businesses and community members in anti-human trafficking work",
        SurvivorEngagement = "survivor_engagement":
            "Prioritize engagement of survivors directly in the anti-human trafficking movement",
    }
}

impl Default for MemberStatus {
    fn default() -> Self {
        MemberStatus::Identified
    }
}

impl Default for ActionStatus {
    fn default() -> Self {
        ActionStatus::NotStarted
    }
}

impl Default for FundingStatus {
    fn default() -> Self {
        FundingStatus::Planned
    }
}

impl RoleKind {
    /// What the role does, from the sources named.
    pub fn description(self) -> &'static str {
        match self {
            RoleKind::Coordinator => "Runs the partnership day to day: meetings, minutes, \
                information sharing, trainings and grant management. (OVC Task Force e-Guide)",
            RoleKind::Facilitator => "Keeps meetings fair and productive and helps resolve \
                conflict, which falls to leaders in most partnerships. (LCHT, Trust and Sustainability)",
            RoleKind::Chairperson => "Sets direction with the members and speaks for the \
                partnership; choose someone the members will respect and follow. (OVC Task Force e-Guide)",
            RoleKind::FiscalAgent => "A tax-exempt organization that receives and manages funds \
                for the partnership and answers for how they are spent. (Caring for Colorado)",
            RoleKind::SubjectMatterExpert => "Brings expertise such as survivor experience, \
                law enforcement, legal aid or mental health to training and planning. (OVC Task Force e-Guide)",
            RoleKind::MemberAgencyLeadership => "Agency leaders who can commit staff and \
                resources; frontline staff rarely can alone. (OVC Task Force e-Guide)",
        }
    }
}

impl FundingStatus {
    /// Money the partnership can count on.
    pub fn is_committed(self) -> bool {
        matches!(self, FundingStatus::Committed | FundingStatus::Received)
    }
    /// Money still being sought.
    pub fn is_pending(self) -> bool {
        matches!(self, FundingStatus::Planned | FundingStatus::Applied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_what_files_hold() {
        for s in Sector::ALL {
            assert_eq!(Sector::from_key(s.key()), Some(*s));
            assert_eq!(
                serde_json::to_value(s).ok(),
                Some(serde_json::json!(s.key()))
            );
            assert_eq!(
                serde_json::from_value::<Sector>(serde_json::json!(s.key())).ok(),
                Some(*s)
            );
        }
        assert!(serde_json::from_value::<Sector>(serde_json::json!("pirates")).is_err());
        for r in RoleKind::ALL {
            assert_eq!(RoleKind::from_key(r.key()), Some(*r));
            assert!(!r.description().is_empty());
        }
        assert_eq!(Pillar::from_key("nope"), None);
    }
}
