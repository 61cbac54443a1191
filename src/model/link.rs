//! Which user-entered URLs may become a link's `href`.
//!
//! Any text a user typed or an imported file carried may end up as a link (an organization's
//! website, a contact's e-mail). A `javascript:`, `data:` or `vbscript:` link would run code or
//! open attacker-made content when clicked, so only an allowlist of schemes passes:
//! `http:`, `https:` and `mailto:`. Everything else, relative and scheme-relative (`//host`) URLs
//! included, is refused and should be shown as plain text instead.
//!
//! Browsers are lenient in ways that have been used to sneak `javascript:` past filters. The
//! WHATWG URL parser strips leading and trailing C0 control characters and spaces, and removes
//! every tab, line feed and carriage return anywhere in the string before it parses, so
//! `"\u{0}  java\tscript:alert(1)"` is a `javascript:` URL to a browser. This function therefore:
//!
//! 1. trims control characters and whitespace (ASCII and Unicode) from both ends;
//! 2. refuses the URL if any control character is left anywhere in it (tab, newline, NUL, DEL,
//!    C1 controls): a link that the browser would read differently from how it looks is never
//!    needed, so there is no attempt to "clean" it;
//! 3. reads the scheme exactly as the URL standard defines it (an ASCII letter, then ASCII
//!    letters, digits, `+`, `-` or `.`, up to the first `:`) and compares it case-insensitively
//!    with the allowlist; a scheme with any other character in it is refused;
//! 4. requires `http:` and `https:` to be followed by `//` and a host, and `mailto:` by an
//!    address, so half-typed values such as `https:` or `https:/example.org` are not links;
//! 5. refuses what makes a link lie about where it goes: user info before an `http(s)` host
//!    (`https://bank.example@evil.example` goes to `evil.example`), and headers after a
//!    `mailto:` address (`?bcc=`, `?subject=`, `?body=`: anything after `?`).
//!
//! Plain Rust with no browser APIs: the rules are unit- and property-tested natively.

/// The schemes a link may use, lower case, without the colon.
pub const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Returns the URL, trimmed, if it is safe to use as a link's `href`; `None` otherwise.
///
/// Safe means its scheme is `http:`, `https:` or `mailto:` (any letter case), read the way a
/// browser reads it, with no user info and no mail headers. See the module documentation.
///
/// ```
/// use partnership_planner::model::link::safe_href;
/// assert_eq!(safe_href("  https://example.org/a?b#c "), Some("https://example.org/a?b#c".into()));
/// assert_eq!(safe_href("mailto:info@example.org"), Some("mailto:info@example.org".into()));
/// assert_eq!(safe_href("JaVaScRiPt:alert(1)"), None);
/// assert_eq!(safe_href("\u{0} java\tscript:alert(1)"), None);
/// assert_eq!(safe_href("//evil.example"), None);
/// assert_eq!(safe_href("https://bank.example@evil.example"), None);
/// assert_eq!(safe_href("mailto:info@example.org?bcc=someone@evil.example"), None);
/// ```
pub fn safe_href(url: &str) -> Option<String> {
    let url = url.trim_matches(|c: char| c.is_control() || c.is_whitespace());
    if url.chars().any(char::is_control) {
        return None;
    }
    let (scheme, rest) = url.split_once(':')?;
    if !is_scheme(scheme) {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    let ok = match scheme.as_str() {
        "http" | "https" => has_host(rest) && !authority(rest).contains('@'),
        "mailto" => !rest.is_empty() && !rest.contains('?'),
        _ => false,
    };
    debug_assert!(!ok || ALLOWED_SCHEMES.contains(&scheme.as_str()));
    ok.then(|| url.to_owned())
}

/// A URL scheme per the URL standard: an ASCII letter, then ASCII alphanumerics, `+`, `-`, `.`.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// After `http:` / `https:`: `//` and then at least one character of a host.
fn has_host(rest: &str) -> bool {
    rest.strip_prefix("//")
        .and_then(|authority| authority.chars().next())
        .is_some_and(|c| !matches!(c, '/' | '\\' | '?' | '#'))
}

/// After `http:` / `https:` and `//`: the authority, up to the first `/`, `\\`, `?` or `#`.
fn authority(rest: &str) -> &str {
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    rest.split(['/', '\\', '?', '#']).next().unwrap_or_default()
}

/// Whether a page served from `host` shares its origin's storage with other people's
/// projects: GitHub Pages and GitLab Pages user and organization sites (`name.github.io`,
/// `name.gitlab.io`) serve every project of that account from one origin.
///
/// ```
/// use partnership_planner::model::link::is_shared_host;
/// assert!(is_shared_host("coalition.github.io"));
/// assert!(!is_shared_host("planner.example.org"));
/// ```
pub fn is_shared_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    [".github.io", ".gitlab.io"].iter().any(|shared| {
        host.strip_suffix(shared)
            .is_some_and(|name| !name.is_empty())
            || host == shared[1..]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn refused(url: &str) {
        assert_eq!(safe_href(url), None, "{url:?} must be refused");
    }

    fn allowed(url: &str, expected: &str) {
        assert_eq!(
            safe_href(url).as_deref(),
            Some(expected),
            "{url:?} must be allowed"
        );
    }

    #[test]
    fn allows_http_https_and_mailto_in_any_case() {
        allowed("http://example.org", "http://example.org");
        allowed(
            "https://example.org/a/b?c=d&e=f#g",
            "https://example.org/a/b?c=d&e=f#g",
        );
        allowed("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG");
        allowed("HtTp://example.org:8080/", "HtTp://example.org:8080/");
        allowed("mailto:info@example.org", "mailto:info@example.org");
        allowed(
            "MAILTO:info@example.org,help@example.org",
            "MAILTO:info@example.org,help@example.org",
        );
        allowed(
            "https://example.org/a path with spaces",
            "https://example.org/a path with spaces",
        );
        allowed("https://xn--exmple-cua.org/", "https://xn--exmple-cua.org/");
        allowed("https://exämple.org/ünïcode", "https://exämple.org/ünïcode");
        // An @ after the host is part of the path or query, not user info.
        allowed("https://example.org/@user", "https://example.org/@user");
        allowed(
            "https://example.org/form?email=a@example.org",
            "https://example.org/form?email=a@example.org",
        );
        allowed("https://example.org#a@b", "https://example.org#a@b");
    }

    #[test]
    fn refuses_user_info_and_mail_headers() {
        for url in [
            "https://user@example.org",
            "https://user:secret@example.org/",
            "https://bank.example.org@evil.example/login",
            "HTTP://a@b@example.org",
            "https://@example.org",
            "https://example.org:443@evil.example",
            "mailto:info@example.org?subject=Hello",
            "MAILTO:info@example.org?bcc=someone@evil.example",
            "mailto:?to=info@example.org",
            "mailto:info@example.org?",
            "mailto:info@example.org?body=Hi&cc=a@example.org",
        ] {
            refused(url);
        }
    }

    #[test]
    fn shared_hosts() {
        for host in [
            "coalition.github.io",
            "A.GitHub.IO",
            "x.github.io.",
            "github.io",
            "team.gitlab.io",
        ] {
            assert!(is_shared_host(host), "{host}");
        }
        for host in [
            "planner.example.org",
            "github.com",
            "notgithub.io",
            "github.io.example.org",
            "127.0.0.1",
            "",
        ] {
            assert!(!is_shared_host(host), "{host}");
        }
    }

    #[test]
    fn returns_the_url_trimmed_and_otherwise_unchanged() {
        allowed("  https://example.org  ", "https://example.org");
        allowed("\t\n https://example.org\r\n", "https://example.org");
        allowed(
            "\u{0}\u{1}\u{1f}https://example.org\u{0}",
            "https://example.org",
        );
        allowed(
            "\u{a0}\u{3000}https://example.org\u{2028}",
            "https://example.org",
        );
        allowed("\u{7f}\u{85}mailto:a@example.org", "mailto:a@example.org");
    }

    /// Reference table C9 (reliability.md) and its obvious variants.
    #[test]
    fn refuses_script_and_data_schemes() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "JAVASCRIPT:alert(1)",
            "\tjavascript:alert(1)",
            "\u{0}javascript:alert(1)",
            "   javascript:alert(1)",
            "\u{1}\u{2}\u{1f} javascript:alert(1)",
            "\u{a0}javascript:alert(1)",
            "javascript://example.org/%0Aalert(1)",
            "javascript:https://example.org",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:image/svg+xml,<svg onload=alert(1)>",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
        ] {
            refused(url);
        }
    }

    /// The browser removes tabs and newlines anywhere before parsing, so these are all
    /// `javascript:` to it; control characters anywhere are refused outright.
    #[test]
    fn refuses_control_characters_and_whitespace_inside_the_scheme() {
        for url in [
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "j\ta\nv\ra\tscript:alert(1)",
            "javascript\t:alert(1)",
            "java\u{0}script:alert(1)",
            "java\u{7f}script:alert(1)",
            "java\u{85}script:alert(1)",
            "java script:alert(1)",
            "javascript :alert(1)",
            "java\u{a0}script:alert(1)",
            "java\u{200b}script:alert(1)",
            "\u{feff}javascript:alert(1)",
            // Even an allowed scheme is refused when the browser would read it differently.
            "ht\ttp://example.org",
            "https\n://example.org",
            "h ttps://example.org",
            "https://exa\nmple.org",
            "https://example.org/\tpath",
            "mailto:a@exa\u{0}mple.org",
        ] {
            refused(url);
        }
    }

    #[test]
    fn refuses_relative_and_scheme_relative_urls() {
        for url in [
            "//evil.example",
            "//evil.example/https://x",
            "\\\\evil.example",
            "/\\evil.example",
            "/path",
            "/path:with:colons",
            "./https://example.org",
            "relative/path",
            "example.org",
            "www.example.org/page",
            "info@example.org",
            "?q=1",
            "#fragment",
            ":https://example.org",
        ] {
            refused(url);
        }
    }

    #[test]
    fn refuses_every_other_scheme() {
        for url in [
            "file:///etc/passwd",
            "blob:https://example.org/0c7f1b1e",
            "about:blank",
            "ftp://example.org",
            "ws://example.org",
            "wss://example.org",
            "tel:+15555550100",
            "sms:+15555550100",
            "chrome://settings",
            "view-source:https://example.org",
            "intent://example.org#Intent;end",
            "httpx://example.org",
            "https+evil://example.org",
            "xhttps://example.org",
            "mailto2:a@example.org",
        ] {
            refused(url);
        }
    }

    #[test]
    fn refuses_encoded_and_lookalike_schemes() {
        for url in [
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "%6Aavascript:alert(1)",
            "javascript&colon;alert(1)",
            "ｊavascript:alert(1)",
            "ｈttps://example.org",
            "JAVASCRİPT:alert(1)",
            "https\u{ff1a}//example.org",
        ] {
            refused(url);
        }
    }

    #[test]
    fn refuses_empty_and_incomplete_urls() {
        for url in [
            "",
            " ",
            "\t\n\r",
            "\u{0}",
            "http:",
            "https:",
            "https:/",
            "https://",
            "https:///example.org",
            "https://?q",
            "https://#x",
            "https:/example.org",
            "https:example.org",
            "https:\\\\example.org",
            "mailto:",
            " mailto: ",
        ] {
            refused(url);
        }
    }

    /// How the WHATWG URL parser reads a scheme: strip leading/trailing C0 controls and spaces,
    /// remove every tab and newline, then take ASCII alpha (alnum | + - .)* up to a `:`.
    fn whatwg_scheme(input: &str) -> Option<String> {
        let c0_or_space = |c: char| c <= ' ';
        let cleaned: String = input
            .trim_matches(c0_or_space)
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let (scheme, _) = cleaned.split_once(':')?;
        is_scheme(scheme).then(|| scheme.to_ascii_lowercase())
    }

    /// Characters that make up dangerous and allowed URLs, plus the ones used to disguise them.
    fn hostile_url() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "javascript",
            "JavaScript",
            "java",
            "script",
            "data",
            "vbscript",
            "http",
            "https",
            "mailto",
            "h",
            "t",
            "p",
            "s",
            ":",
            "/",
            "//",
            "\\",
            "\t",
            "\n",
            "\r",
            " ",
            "\u{0}",
            "\u{1}",
            "\u{1f}",
            "\u{7f}",
            "\u{a0}",
            "\u{85}",
            "\u{200b}",
            "\u{feff}",
            "example.org",
            "alert(1)",
            "@",
            "?",
            "#",
            "%0A",
            "&#9;",
            "user",
            "?bcc=",
            "%40",
            ".",
            "+",
            "-",
        ]);
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Whatever the input, the returned link is one a browser reads as http(s) or mailto.
        #[test]
        fn a_returned_link_has_an_allowed_scheme_to_the_browser(url in hostile_url()) {
            if let Some(href) = safe_href(&url) {
                let scheme = whatwg_scheme(&href);
                prop_assert!(
                    scheme.as_deref().is_some_and(|s| ALLOWED_SCHEMES.contains(&s)),
                    "{url:?} -> {href:?}, browser scheme {scheme:?}"
                );
                prop_assert!(!href.chars().any(char::is_control));
                prop_assert_eq!(href.trim(), href.as_str());
                prop_assert!(url.contains(href.as_str()));
            }
        }

        /// A returned web link has no user info in the authority the browser reads, and a
        /// returned mail link carries no headers.
        #[test]
        fn no_user_info_and_no_mail_headers_pass(url in hostile_url()) {
            if let Some(href) = safe_href(&url) {
                match whatwg_scheme(&href).as_deref() {
                    Some("mailto") => prop_assert!(!href.contains('?'), "{url:?} -> {href:?}"),
                    _ => {
                        // The browser skips any run of slashes and backslashes after the scheme.
                        let (_, rest) = href.split_once(':').unwrap_or_default();
                        let rest = rest.trim_start_matches(['/', '\\']);
                        let host = rest.split(['/', '\\', '?', '#']).next().unwrap_or_default();
                        prop_assert!(!host.contains('@'), "{url:?} -> {href:?}");
                    }
                }
            }
        }

        /// Nothing the browser would treat as a script or data URL ever passes.
        #[test]
        fn dangerous_schemes_never_pass(url in hostile_url()) {
            if let Some(scheme) = whatwg_scheme(&url) {
                if !ALLOWED_SCHEMES.contains(&scheme.as_str()) {
                    prop_assert_eq!(safe_href(&url), None, "browser scheme {}", scheme);
                }
            }
        }

        /// Arbitrary text never panics, and the result is always idempotent.
        #[test]
        fn any_text_is_handled_and_idempotent(url in any::<String>()) {
            if let Some(href) = safe_href(&url) {
                prop_assert_eq!(safe_href(&href), Some(href.clone()));
            }
        }

        /// Tabs, newlines and carriage returns spliced anywhere into `javascript:` never help.
        #[test]
        fn spliced_javascript_is_refused(
            cuts in prop::collection::vec((0usize..11, prop::sample::select(vec!["\t", "\n", "\r"])), 0..4),
            lead in "[\\x00-\\x20]{0,3}",
        ) {
            let mut url = String::from("javascript:alert(1)");
            let mut cuts = cuts;
            cuts.sort_by_key(|cut| std::cmp::Reverse(cut.0));
            for (at, ws) in cuts {
                url.insert_str(at, ws);
            }
            let url = format!("{lead}{url}");
            let scheme = whatwg_scheme(&url);
            prop_assert_eq!(scheme.as_deref(), Some("javascript"));
            prop_assert_eq!(safe_href(&url), None);
        }
    }
}
