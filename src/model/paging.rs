//! Long lists on screen. A regional coalition's plan can hold 2,000 action items; a page that
//! drew every one (each with a 500-member "Owner" list) would take seconds to open and scroll
//! for minutes. So a list shows its first items, more on request, and those matching a search.

/// How search compares text: both the query and each title are folded to one case and stripped
/// of accents ("policia" finds "Policía", "ANGEL" finds "Ángel"), in every script. The browser
/// does it (`io::fold`: `normalize("NFD")`, combining marks removed, `toLowerCase`), since the
/// Unicode tables are already there; native tests use the same steps through the
/// unicode-normalization crate.
pub type Fold = fn(&str) -> String;

/// Items a list shows at first, and how many more each "Show more" adds.
pub const PAGE: usize = 25;

/// What a list shows of itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The ids on screen, in list order.
    pub ids: Vec<String>,
    /// Items matching the search (all of them when there is none).
    pub matching: usize,
    /// Items in the list.
    pub total: usize,
}

impl Shown {
    /// Matching items not on screen yet.
    pub fn hidden(&self) -> usize {
        self.matching.saturating_sub(self.ids.len())
    }
}

/// The items of a list (`(id, title)` in list order) to show: those whose title contains `query`
/// in any case, the first `limit` of them; and, wherever they are, those in `keep`: items the user
/// added, moved or brought back in this session, so an item never vanishes under their hands.
pub fn shown(
    items: &[(String, String)],
    query: &str,
    limit: usize,
    keep: &[String],
    fold: Fold,
) -> Shown {
    let query = fold(query.trim());
    let mut shown = Shown {
        total: items.len(),
        ..Shown::default()
    };
    for (id, title) in items {
        let matches = query.is_empty() || fold(title).contains(&query);
        if matches {
            shown.matching += 1;
        }
        if (matches && shown.matching <= limit) || keep.contains(id) {
            shown.ids.push(id.clone());
        }
    }
    shown
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;

    /// What `io::fold` does in the browser: canonical decomposition, combining marks dropped,
    /// Unicode's full lower-casing.
    pub(crate) fn fold(text: &str) -> String {
        text.nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn search_ignores_case_and_accents_in_any_script() {
        let titles = [
            ("a", "Policía de Denver"),
            ("b", "Ángel de la Guarda"),
            ("c", "ΟΜΆΔΑ ΕΡΓΑΣΊΑΣ"),
            ("d", "Hội Phụ Nữ Việt Nam"),
            ("e", "Служба ПОДДЕРЖКИ"),
            ("f", "İstanbul Derneği"),
        ];
        let items: Vec<(String, String)> = titles
            .iter()
            .map(|(i, t)| (i.to_string(), t.to_string()))
            .collect();
        let find = |q: &str| shown(&items, q, 25, &[], fold).ids;
        assert_eq!(find("policia"), ["a"]);
        assert_eq!(find("ANGEL"), ["b"]);
        assert_eq!(find("ομαδα"), ["c"]);
        assert_eq!(find("phu nu viet"), ["d"]);
        assert_eq!(find("ПоДдЕрЖкИ"), ["e"]);
        assert_eq!(find("istanbul"), ["f"]);
        assert_eq!(
            find("  Policía  "),
            ["a"],
            "the query is trimmed and folded too"
        );
    }

    fn items(n: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| (format!("id{i}"), format!("Item {i}")))
            .collect()
    }

    #[test]
    fn shows_the_first_page_and_counts_the_rest() {
        let s = shown(&items(60), "", PAGE, &[], fold);
        assert_eq!(s.ids.len(), PAGE);
        assert_eq!(s.ids[0], "id0");
        assert_eq!((s.matching, s.total, s.hidden()), (60, 60, 60 - PAGE));
        let all = shown(&items(60), "", 100, &[], fold);
        assert_eq!((all.ids.len(), all.hidden()), (60, 0));
    }

    #[test]
    fn search_matches_titles_in_any_case() {
        let mut list = items(40);
        list[33].1 = "Book the TRAINER".into();
        let s = shown(&list, "  trainer ", PAGE, &[], fold);
        assert_eq!(s.ids, vec!["id33".to_owned()]);
        assert_eq!((s.matching, s.total), (1, 40));
        assert_eq!(
            shown(&list, "item 3", PAGE, &[], fold).matching,
            10,
            "Item 3, Item 30 … 39 but not 33"
        );
    }

    #[test]
    fn items_kept_in_view_stay_wherever_they_are() {
        let keep = vec!["id50".to_owned(), "gone".to_owned()];
        let s = shown(&items(60), "", PAGE, &keep, fold);
        assert_eq!(s.ids.len(), PAGE + 1);
        assert_eq!(s.ids.last().map(String::as_str), Some("id50"));
        // Kept items show even when the search does not match them.
        assert_eq!(
            shown(&items(60), "item 7", PAGE, &keep, fold).ids,
            vec!["id7", "id50"]
        );
    }
}
