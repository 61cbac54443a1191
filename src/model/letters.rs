//! Letters by their code charts: case folding and word characters for the Latin, Greek and
//! Cyrillic alphabets. The standard library's answers cover every script through tables that
//! were 15 KB of the download, for a search box and a few word boundaries; other scripts' letters
//! here match only as typed and count as word characters by their code point.

/// Text in one case, for finding it "in any case" (`paging::shown`).
pub fn fold_case(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        // A-Z; À-Þ except ×; Greek Α-Ω; Cyrillic А-Я
        0x41..=0x5A | 0xC0..=0xDE | 0x391..=0x3AB | 0x410..=0x42F if n != 0xD7 && n != 0x3A2 => {
            n + 32
        }
        // Cyrillic Ѐ-Џ
        0x400..=0x40F => n + 80,
        // Latin Extended-A pairs capital, small: Ā ā … Ķ ķ, Ŋ ŋ … Ŷ ŷ
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 => n | 1,
        // İ: a plain i, so "istanbul" finds "İstanbul"
        0x130 => 0x69,
        // … and the runs where the capital is odd: Ĺ ĺ … Ň ň, Ź ź … Ž ž
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x178 => 0xFF,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// A letter or digit, for word boundaries (glossary terms, e-mail domains): ASCII letters and
/// digits, and every character from Latin-1's letters on except the two signs among them (× ÷)
/// and general punctuation and symbols (U+2000 to U+2BFF: dashes, quotes, arrows, …).
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c as u32, 0xC0..=0x1FFF | 0x2C00..=0xD7FF | 0xF900..=0xFDFF | 0xFE70..=0xFEFF | 0x10000..)
            && c != '\u{D7}'
            && c != '\u{F7}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_case_of_latin_greek_and_cyrillic() {
        assert_eq!(
            fold_case("ÀÉÎÕÜ Ç Ñ ÆØ ŁĘŻŚĆ ŠČŘŽ ĞİŞ ΑΩ ДЖЯЁ ×"),
            "àéîõü ç ñ æø łężść ščřž ğiş αω джяё ×"
        );
        // Where the standard library's table applies, it agrees with it.
        for c in ('\u{0}'..='\u{4FF}').filter(|&c| fold_char(c) != c && c != 'İ') {
            assert_eq!(
                c.to_lowercase().collect::<String>(),
                fold_char(c).to_string(),
                "{c}"
            );
        }
    }

    #[test]
    fn word_characters_are_letters_and_digits() {
        for c in "aZ09éßДωçŁ中".chars() {
            assert!(is_word_char(c), "{c}");
        }
        for c in " -.,;:!?'\"()\u{2014}\u{201c}\u{2019}×÷\u{a0}".chars() {
            assert!(!is_word_char(c), "{c:?}");
        }
    }
}
