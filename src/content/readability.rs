//! A check that the app's own words stay plain: the Flesch–Kincaid grade of all guidance
//! together. Heuristic (syllables are counted by vowel groups), but it catches drift.

/// Flesch–Kincaid grade level of a body of text.
pub fn grade(texts: &[&str]) -> f64 {
    let (mut words, mut sentences, mut syllables) = (0usize, 0usize, 0usize);
    for text in texts {
        // Source citations in brackets are names, not prose.
        let prose = strip_brackets(text);
        sentences += prose.matches(['.', '!', '?', ':', ';']).count().max(1);
        for word in prose.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-') {
            if word.chars().any(char::is_alphabetic) {
                words += 1;
                syllables += count_syllables(word);
            }
        }
    }
    let words = words.max(1) as f64;
    0.39 * words / sentences.max(1) as f64 + 11.8 * syllables as f64 / words - 15.59
}

fn strip_brackets(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn count_syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    let vowel = |c: &char| "aeiouy".contains(*c);
    let mut groups = 0;
    let mut prev = false;
    for c in &w {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    if w.ends_with(&['e']) && !w.ends_with(&['l', 'e']) && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::glossary::GLOSSARY;
    use crate::content::guidance::{HEALTH_STATEMENTS, SURVIVOR_CHECKLIST};
    use crate::content::kinds::RoleKind;
    use crate::content::{FunctionKind, QUESTIONS};

    #[test]
    fn syllables_and_grades_are_sensible() {
        assert_eq!(count_syllables("plan"), 1);
        assert_eq!(count_syllables("partnership"), 3);
        assert!(grade(&["The cat sat on the mat."]) < 2.0);
        assert!(grade(&["Interorganizational collaboration necessitates comprehensive institutionalization."]) > 15.0);
    }

    /// The issue asks for plain language, aiming at a grade 8 reading level.
    #[test]
    fn guidance_reads_at_about_grade_8() {
        let mut texts: Vec<&str> = Vec::new();
        texts.extend(QUESTIONS.iter().flat_map(|q| [q.label, q.hint]));
        texts.extend(HEALTH_STATEMENTS.iter().map(|s| s.text));
        texts.extend(SURVIVOR_CHECKLIST.iter().map(|c| c.text));
        texts.extend(GLOSSARY.iter().map(|t| t.meaning));
        texts.extend(FunctionKind::ALL.iter().map(|f| f.hint()));
        texts.extend(RoleKind::ALL.iter().map(|r| r.description()));
        let g = grade(&texts);
        assert!(g <= 9.0, "guidance reads at grade {g:.1}; aim for 8");
    }
}
