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
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $key:literal : $label:expr,)+ }) => {
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
            /// The label in the current language (the English is the catalogue's key).
            pub fn label(self) -> &'static str {
                $crate::lang::tr(match self { $($name::$variant => $label,)+ })
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
        Prevention = "prevention": crate::en!("Prevention"),
        Protection = "protection": crate::en!("Protection"),
        Prosecution = "prosecution": crate::en!("Prosecution"),
        Partnership = "partnership": crate::en!("Partnership"),
    }
}

vocabulary! {
    /// Kinds of member organization: the seed's list (LCHT, Partnership 101) and the OVC Task
    /// Force e-Guide's enforcement and support partners.
    Sector {
        LawEnforcement = "law_enforcement": crate::en!("Law enforcement (police, sheriff, state patrol)"),
        FederalLawEnforcement = "federal_law_enforcement": crate::en!("Federal law enforcement (FBI, HSI)"),
        Prosecution = "prosecution": crate::en!("Prosecution (district attorney, attorney general, U.S. Attorney)"),
        VictimServices = "victim_services": crate::en!("Direct victim services"),
        DomesticViolence = "domestic_violence": crate::en!("Domestic violence services"),
        SexualAssault = "sexual_assault": crate::en!("Sexual assault services"),
        ChildAbuse = "child_abuse": crate::en!("Child abuse and neglect services"),
        ChildWelfare = "child_welfare": crate::en!("Child welfare"),
        HumanServices = "human_services": crate::en!("County human services or public health"),
        HealthCare = "health_care": crate::en!("Health care provider"),
        FirstResponders = "first_responders": crate::en!("First responders (fire, EMS)"),
        LegalServices = "legal_services": crate::en!("Legal services (civil, immigration)"),
        Immigrant = "immigrant": crate::en!("Immigrant resources and rights"),
        Labor = "labor": crate::en!("Labor department or wage enforcement"),
        Homelessness = "homelessness": crate::en!("Homelessness and youth services"),
        JuvenileJustice = "juvenile_justice": crate::en!("Juvenile justice and diversion"),
        CommunityAdvocates = "community_advocates": crate::en!("Community-based advocates"),
        SurvivorLed = "survivor_led": crate::en!("Survivor-led organization"),
        FaithBased = "faith_based": crate::en!("Faith-based organization"),
        Business = "business": crate::en!("Business or employer"),
        Education = "education": crate::en!("School, college or researchers"),
        Tribal = "tribal": crate::en!("Tribal government or organization"),
        Other = "other": crate::en!("Other"),
    }
}

vocabulary! {
    /// Where a member organization stands, from first idea to signed agreement.
    MemberStatus {
        Identified = "identified": crate::en!("Identified"),
        Invited = "invited": crate::en!("Invited"),
        Committed = "committed": crate::en!("Committed"),
        MouSigned = "mou_signed": crate::en!("MOU signed"),
    }
}

vocabulary! {
    /// Existing networks to link with (LCHT, Partnership 101).
    NetworkKind {
        Mdt = "mdt": crate::en!("Multidisciplinary Team (MDT)"),
        Sart = "sart": crate::en!("Sexual Assault Response Team (SART)"),
        Coalition = "coalition": crate::en!("Another coalition or task force"),
        Other = "other": crate::en!("Other network"),
    }
}

vocabulary! {
    /// The seed's key leadership roles.
    RoleKind {
        Coordinator = "coordinator": crate::en!("Coordinator"),
        Facilitator = "facilitator": crate::en!("Facilitator"),
        Chairperson = "chairperson": crate::en!("Chairperson"),
        FiscalAgent = "fiscal_agent": crate::en!("Fiscal Agent"),
        SubjectMatterExpert = "subject_matter_expert": crate::en!("Subject Matter Expert"),
        MemberAgencyLeadership = "member_agency_leadership": crate::en!("Member Agency Leadership"),
    }
}

vocabulary! {
    ActionStatus {
        NotStarted = "not_started": crate::en!("Not started"),
        InProgress = "in_progress": crate::en!("In progress"),
        Blocked = "blocked": crate::en!("Blocked"),
        InReview = "in_review": crate::en!("In review"),
        Done = "done": crate::en!("Done"),
    }
}

vocabulary! {
    /// What an action item counts as in the yearly report, when the user tags it.
    ActionTag {
        Training = "training": crate::en!("Training"),
        AwarenessEvent = "awareness_event": crate::en!("Awareness event"),
        Partnership = "partnership": crate::en!("New partnership or agreement"),
        Outreach = "outreach": crate::en!("Outreach"),
    }
}

vocabulary! {
    FundingKind {
        FederalGrant = "federal_grant": crate::en!("Federal grant"),
        State = "state": crate::en!("State funds"),
        Foundation = "foundation": crate::en!("Foundation"),
        Corporate = "corporate": crate::en!("Corporate or business"),
        MemberDues = "member_dues": crate::en!("Member dues"),
        InKind = "in_kind": crate::en!("In-kind (staff time, space)"),
        Other = "other": crate::en!("Other"),
    }
}

vocabulary! {
    FundingStatus {
        Planned = "planned": crate::en!("Planned"),
        Applied = "applied": crate::en!("Applied"),
        Committed = "committed": crate::en!("Committed"),
        Received = "received": crate::en!("Received"),
        Declined = "declined": crate::en!("Declined"),
    }
}

vocabulary! {
    /// The six things the seed says a partnership could do, with the seed's words as labels.
    FunctionKind {
        StrategicCoordination = "strategic_coordination":
            crate::en!("Provide strategic coordination for human trafficking work in your area"),
        OperationalCoordination = "operational_coordination":
            crate::en!("Provide operational coordination for human trafficking work in your area"),
        ShareInformation = "share_information": crate::en!("Share information and resources"),
        RaiseAwareness = "raise_awareness":
            crate::en!("Increase awareness of the extent of human trafficking in your area"),
        InvolveCommunity = "involve_community":
            crate::en!("Involve businesses and community members in anti-human trafficking work"),
        SurvivorEngagement = "survivor_engagement":
            crate::en!("Prioritize engagement of survivors directly in the anti-human trafficking movement"),
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
            RoleKind::Coordinator => crate::lang::tr(crate::en!("Runs the partnership day to day: meetings, minutes, \
                information sharing, trainings and grant management. (OVC Task Force e-Guide)")),
            RoleKind::Facilitator => crate::lang::tr(crate::en!("Keeps meetings fair and productive and helps resolve \
                conflict, which falls to leaders in most partnerships. (LCHT, Trust and Sustainability)")),
            RoleKind::Chairperson => crate::lang::tr(crate::en!("Sets direction with the members and speaks for the \
                partnership; choose someone the members will respect and follow. (OVC Task Force e-Guide)")),
            RoleKind::FiscalAgent => crate::lang::tr(crate::en!("A tax-exempt organization that receives and manages funds \
                for the partnership and answers for how they are spent. (Caring for Colorado)")),
            RoleKind::SubjectMatterExpert => crate::lang::tr(crate::en!("Brings expertise such as survivor experience, \
                law enforcement, legal aid or mental health to training and planning. (OVC Task Force e-Guide)")),
            RoleKind::MemberAgencyLeadership => crate::lang::tr(crate::en!("Agency leaders who can commit staff and \
                resources; frontline staff rarely can alone. (OVC Task Force e-Guide)")),
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
