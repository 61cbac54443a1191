//! A plan's save counter, stored beside it, with the random token of the save that wrote it:
//! two tabs that both end on the same number still differ by token, so neither can take the
//! other's write for its own. Plain Rust.

/// What `…:revision:<id>` holds: `"<number>:<token>"`, or a bare number from older versions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revision {
    /// How many saves the plan has had (0: none stored).
    pub number: u64,
    /// Random, new with every save; empty for values written by older versions.
    pub token: String,
}

impl Revision {
    /// Reads a stored value; anything unreadable counts as nothing stored (number 0).
    pub fn parse(text: &str) -> Revision {
        let (number, token) = text.split_once(':').unwrap_or((text, ""));
        match number.parse() {
            Ok(number) => Revision {
                number,
                token: token.to_owned(),
            },
            Err(_) => Revision::default(),
        }
    }

    /// The stored form.
    pub fn text(&self) -> String {
        if self.token.is_empty() {
            self.number.to_string()
        } else {
            format!("{}:{}", self.number, self.token)
        }
    }

    /// The revision a save writes after this one, with its own fresh token.
    pub fn next(&self, token: String) -> Revision {
        Revision {
            number: self.number + 1,
            token,
        }
    }

    /// Nothing stored yet (or nothing readable).
    pub fn is_none(&self) -> bool {
        *self == Revision::default()
    }
}

/// A save based on `base` may go ahead only if the stored revision is still the very one this
/// tab started from (number and token), or nothing is stored. A number alone is not enough:
/// two tabs can each have written the same one.
pub fn may_save(base: &Revision, stored: &Revision) -> bool {
    stored == base || stored.is_none()
}

/// After another tab wrote `stored` for the plan this tab holds at `mine`: whether that tab
/// simply saved after us (a newer number), rather than over a save of ours (the same or an
/// older number with another token: our write may be lost, and the user must be told).
pub fn is_newer(mine: &Revision, stored: &Revision) -> bool {
    stored.number > mine.number
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(number: u64, token: &str) -> Revision {
        Revision {
            number,
            token: token.into(),
        }
    }

    #[test]
    fn reads_and_writes_both_forms() {
        assert_eq!(Revision::parse("7"), rev(7, ""));
        assert_eq!(Revision::parse("7:a1b2"), rev(7, "a1b2"));
        assert_eq!(Revision::parse("seven"), Revision::default());
        assert_eq!(Revision::parse(""), Revision::default());
        assert_eq!(Revision::parse(":x"), Revision::default());
        assert_eq!(rev(7, "a1b2").text(), "7:a1b2");
        assert_eq!(rev(7, "").text(), "7");
        assert_eq!(Revision::parse(&rev(9, "zz").text()), rev(9, "zz"));
        assert_eq!(rev(3, "a").next("b".into()), rev(4, "b"));
    }

    #[test]
    fn stale_tabs_may_not_save() {
        assert!(may_save(&rev(3, "a"), &rev(3, "a")));
        assert!(
            may_save(&rev(3, "a"), &Revision::default()),
            "nothing stored yet"
        );
        assert!(
            !may_save(&rev(3, "a"), &rev(4, "b")),
            "another tab saved after us"
        );
        assert!(
            !may_save(&rev(4, "a"), &rev(4, "b")),
            "the same number written by another tab"
        );
        assert!(
            !may_save(&rev(4, "a"), &rev(2, "c")),
            "an older save put back"
        );
        // A value from an older version is the base a tab read, like any other.
        assert!(may_save(&rev(5, ""), &rev(5, "")));
        assert!(!may_save(&Revision::default(), &rev(1, "a")));
    }

    #[test]
    fn tells_a_later_save_from_one_over_ours() {
        assert!(is_newer(&rev(3, "a"), &rev(4, "b")));
        assert!(!is_newer(&rev(4, "a"), &rev(4, "b")));
        assert!(!is_newer(&rev(4, "a"), &rev(2, "b")));
    }
}
