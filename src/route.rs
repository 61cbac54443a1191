//! Hash routes (`#/define`), so the app works from any static host and any sub-path.

use crate::content::Section;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Overview,
    Section(Section),
}

impl Route {
    /// Reads `location.hash`. Anything unknown lands on the overview rather than an error page.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '/']).next().unwrap_or("");
        Section::from_slug(path).map_or(Route::Overview, Route::Section)
    }

    pub fn href(self) -> String {
        match self {
            Route::Overview => "#/".to_owned(),
            Route::Section(s) => format!("#/{}", s.slug()),
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Route::Overview => "Overview",
            Route::Section(s) => s.title(),
        }
    }

    /// The navigation order: overview first, then the eight sections.
    pub fn all() -> impl Iterator<Item = Route> {
        std::iter::once(Route::Overview).chain(Section::ALL.into_iter().map(Route::Section))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hashes() {
        assert_eq!(Route::from_hash(""), Route::Overview);
        assert_eq!(Route::from_hash("#/"), Route::Overview);
        assert_eq!(Route::from_hash("#/define"), Route::Section(Section::Define));
        assert_eq!(Route::from_hash("#define"), Route::Section(Section::Define));
        assert_eq!(Route::from_hash("#/functions/"), Route::Section(Section::Functions));
        assert_eq!(Route::from_hash("#/nowhere"), Route::Overview);
    }

    #[test]
    fn every_route_round_trips() {
        for r in Route::all() {
            assert_eq!(Route::from_hash(&r.href()), r);
        }
        assert_eq!(Route::all().count(), 9);
    }
}
