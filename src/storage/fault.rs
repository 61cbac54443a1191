//! What went wrong with storage, in terms the interface can explain to a person.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageFault {
    /// `localStorage` is blocked, disabled or missing: the app works in memory only.
    Unavailable,
    /// The origin's storage is full.
    Quota,
    /// The write was accepted but reading it back gave something else.
    WriteMismatch,
    /// Another tab saved this plan since this tab loaded it (its revision is newer).
    Conflict,
    /// Anything else the browser threw, by name.
    Other(String),
}

impl StorageFault {
    /// Sorts a thrown error by its `name` and legacy numeric `code`. Browsers name a full store
    /// differently: `QuotaExceededError` (code 22) in Chromium and Safari,
    /// `NS_ERROR_DOM_QUOTA_REACHED` (code 1014) in old Firefox, `QUOTA_EXCEEDED_ERR` in old WebKit.
    pub fn from_error(name: &str, code: u16) -> StorageFault {
        match (name, code) {
            ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" | "QUOTA_EXCEEDED_ERR", _)
            | (_, 22 | 1014) => StorageFault::Quota,
            ("SecurityError", _) => StorageFault::Unavailable,
            ("", _) => StorageFault::Other(crate::en!("unknown error").into()),
            (name, _) => StorageFault::Other(name.into()),
        }
    }

    /// A sentence for the status line: what happened and what to do.
    pub fn explain(&self) -> String {
        use crate::lang::tr;
        match self {
            StorageFault::Unavailable => tr("Not saved on this device \u{2014} export before \
                 closing. This browser does not allow saving here (a private window, or storage \
                 turned off), so your work lives only in this tab.")
            .into(),
            StorageFault::Quota => tr("This device's storage is full \u{2014} export your plan \
                 now. Your last saved version is kept; saving resumes when there is room (delete \
                 plans you no longer need under Your plans).")
            .into(),
            StorageFault::Conflict => tr("This plan was changed in another tab or window. Choose \
                 which version to keep.")
            .into(),
            StorageFault::WriteMismatch => tr("Saving could not be confirmed: the browser kept \
                 something other than your plan. Export your plan now.")
            .into(),
            StorageFault::Other(name) => crate::tr!(
                "Not saved ({name}). Export your plan before closing.",
                name = if name == "unknown error" {
                    tr("unknown error")
                } else {
                    name.as_str()
                }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browsers_quota_error_is_a_quota_fault() {
        assert_eq!(
            StorageFault::from_error("QuotaExceededError", 22),
            StorageFault::Quota
        );
        assert_eq!(
            StorageFault::from_error("NS_ERROR_DOM_QUOTA_REACHED", 1014),
            StorageFault::Quota
        );
        assert_eq!(
            StorageFault::from_error("QUOTA_EXCEEDED_ERR", 22),
            StorageFault::Quota
        );
        assert_eq!(StorageFault::from_error("", 22), StorageFault::Quota);
    }

    #[test]
    fn other_errors_keep_their_name() {
        assert_eq!(
            StorageFault::from_error("SecurityError", 18),
            StorageFault::Unavailable
        );
        assert_eq!(
            StorageFault::from_error("Error", 0),
            StorageFault::Other("Error".into())
        );
        assert_eq!(
            StorageFault::from_error("", 0),
            StorageFault::Other("unknown error".into())
        );
    }
}
