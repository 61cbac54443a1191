//! Hash routes (`#/define`), so the app works from any static host and any sub-path.

use crate::content::Section;
use crate::lang::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Overview,
    Section(Section),
    Resources,
    /// The plans on this device, and importing from pasted text.
    Plans,
    /// Quick exit, locking and forgetting this device, and what they cannot hide.
    Safety,
    /// Plain meanings of the toolkit's terms (`#/glossary/mou` opens at one term).
    Glossary,
    /// The whole plan as a printable document.
    Print,
    /// The two-page summary for a board or funder (`#/print/summary`).
    PrintSummary,
    /// The memorandum of understanding draft.
    Mou,
    /// The review of a colleague's copy before it is merged.
    Merge,
    /// Self-assessment rounds asked of every member (the coordinator's page).
    Assessment,
    /// Answering a self-assessment invitation (a member's page; needs no plan).
    Answer,
    /// Meetings: agenda from the plan, minutes, calendar file (issue 17).
    Meetings,
    /// The yearly report for funders (issue 17).
    Report,
}

impl Route {
    /// Reads `location.hash`. Anything unknown lands on the overview rather than an error page.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '/']).next().unwrap_or("");
        match path {
            "resources" => Route::Resources,
            "plans" => Route::Plans,
            "safety" => Route::Safety,
            "glossary" => Route::Glossary,
            "print" if path_of(hash).starts_with("print/summary") => Route::PrintSummary,
            "print" => Route::Print,
            "mou" => Route::Mou,
            "merge" => Route::Merge,
            "assessment" => Route::Assessment,
            "answer" => Route::Answer,
            "meetings" => Route::Meetings,
            "report" => Route::Report,
            _ => Section::from_slug(path).map_or(Route::Overview, Route::Section),
        }
    }

    pub fn href(self) -> String {
        match self {
            Route::Overview => "#/".to_owned(),
            Route::Section(s) => format!("#/{}", s.slug()),
            Route::Resources => "#/resources".to_owned(),
            Route::Plans => "#/plans".to_owned(),
            Route::Safety => "#/safety".to_owned(),
            Route::Glossary => "#/glossary".to_owned(),
            Route::Print => "#/print".to_owned(),
            Route::PrintSummary => "#/print/summary".to_owned(),
            Route::Mou => "#/mou".to_owned(),
            Route::Merge => "#/merge".to_owned(),
            Route::Assessment => "#/assessment".to_owned(),
            Route::Answer => "#/answer".to_owned(),
            Route::Meetings => "#/meetings".to_owned(),
            Route::Report => "#/report".to_owned(),
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Route::Overview => tr("Overview"),
            Route::Section(s) => s.title(),
            Route::Resources => tr("Resources"),
            Route::Plans => tr("Your plans"),
            Route::Safety => tr("Safety and privacy"),
            Route::Glossary => tr("Glossary"),
            Route::Print => tr("Printable plan"),
            Route::PrintSummary => tr("Two-page summary"),
            Route::Mou => tr("MOU draft"),
            Route::Merge => tr("Merge a colleague\u{2019}s copy"),
            Route::Assessment => tr("Ask every member"),
            Route::Answer => tr("Answer a self-assessment"),
            Route::Meetings => tr("Meetings"),
            Route::Report => tr("Yearly report"),
        }
    }

    /// The section navigation: overview first, then the eight sections.
    pub fn sections() -> impl Iterator<Item = Route> {
        std::iter::once(Route::Overview).chain(Section::ALL.into_iter().map(Route::Section))
    }

    /// Pages built from the whole plan, listed after the sections.
    pub const DOCUMENTS: &[Route] = &[
        Route::Plans,
        Route::Resources,
        Route::Glossary,
        Route::Print,
        Route::PrintSummary,
        Route::Mou,
        Route::Safety,
        Route::Meetings,
        Route::Report,
    ];
}

fn path_of(hash: &str) -> &str {
    hash.trim_start_matches('#').trim_start_matches('/')
}

/// The list item a link points at: `#/management?item=a1` names `a1`. Only plain ids
/// (`[A-Za-z0-9_-]`) are taken, so the id can be used to find the item on the page.
pub fn item_in_hash(hash: &str) -> Option<&str> {
    let query = path_of(hash).split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("item="))
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 64
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// The link to one item of a section's list (`#/management?item=a1`).
pub fn item_href(section: Section, id: &str) -> String {
    format!("#/{}?item={id}", section.slug())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hashes() {
        assert_eq!(Route::from_hash(""), Route::Overview);
        assert_eq!(Route::from_hash("#/"), Route::Overview);
        assert_eq!(
            Route::from_hash("#/define"),
            Route::Section(Section::Define)
        );
        assert_eq!(Route::from_hash("#define"), Route::Section(Section::Define));
        assert_eq!(
            Route::from_hash("#/functions/"),
            Route::Section(Section::Functions)
        );
        assert_eq!(Route::from_hash("#/nowhere"), Route::Overview);
        assert_eq!(Route::from_hash("#/glossary/mou"), Route::Glossary);
        assert_eq!(Route::from_hash("#/print/summary"), Route::PrintSummary);
        assert_eq!(Route::from_hash("#/print/other"), Route::Print);
        assert_eq!(
            Route::from_hash("#/management?item=a1"),
            Route::Section(Section::Management)
        );
        assert_eq!(Route::from_hash("#/assessment"), Route::Assessment);
        assert_eq!(Route::from_hash(&Route::Answer.href()), Route::Answer);
    }

    #[test]
    fn links_name_one_item() {
        assert_eq!(item_in_hash("#/management?item=a-1_B"), Some("a-1_B"));
        assert_eq!(item_in_hash(&item_href(Section::Funding, "f1")), Some("f1"));
        assert_eq!(item_in_hash("#/management?x=1&item=a1"), Some("a1"));
        assert_eq!(item_in_hash("#/management"), None);
        assert_eq!(item_in_hash("#/management?item="), None);
        assert_eq!(item_in_hash("#/management?item=a'1"), None);
    }

    #[test]
    fn every_route_round_trips() {
        for r in Route::sections().chain(Route::DOCUMENTS.iter().copied()) {
            assert_eq!(Route::from_hash(&r.href()), r);
        }
        assert_eq!(Route::sections().count(), 9);
    }
}
