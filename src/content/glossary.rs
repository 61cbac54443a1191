//! Plain-language meanings of the terms the toolkit uses. Screens link a term to its entry
//! where it first appears in a hint (`ui::widgets::Linked`).

pub struct Term {
    /// The anchor of the entry (`#/glossary/mou`).
    pub id: &'static str,
    pub term: &'static str,
    /// Words in running text that mean this term (matched whole, case as written).
    pub matches: &'static [&'static str],
    /// The same in Spanish text (the catalogue's words for the term), used while the app speaks
    /// Spanish.
    pub matches_es: &'static [&'static str],
    pub meaning: &'static str,
}

pub const GLOSSARY: &[Term] = &[
    Term {
        id: "four-ps",
        term: crate::en!("4 Ps"),
        matches: &["4 Ps"],
        matches_es: &["4 P"],
        meaning: crate::en!("Prevention, protection, prosecution and partnership: the four kinds of \
                  anti-trafficking work. Colorado's partnerships use them to see which kinds of \
                  work each member and function serves."),
    },
    Term {
        id: "fiscal-agent",
        term: crate::en!("Fiscal agent"),
        matches: &["fiscal agent", "Fiscal Agent"],
        matches_es: &["agente fiscal", "Agente fiscal", "agentes fiscales", "Administración de fondos", "administración de fondos"],
        meaning:
            crate::en!("An organization, usually a tax-exempt nonprofit, that receives and manages money \
                  for a partnership that cannot hold funds itself, and answers for how it is spent."),
    },
    Term {
        id: "mdt",
        term: crate::en!("MDT (Multidisciplinary Team)"),
        matches: &["MDT", "MDTs", "Multidisciplinary Teams"],
        matches_es: &["MDT", "MDTs", "equipo multidisciplinario", "Equipo multidisciplinario", "equipos multidisciplinarios", "Equipos multidisciplinarios"],
        meaning: crate::en!("A standing team of professionals from different agencies, such as police, \
                  prosecutors, child welfare and victim advocates, who work cases together."),
    },
    Term {
        id: "mou",
        term: crate::en!("MOU (memorandum of understanding)"),
        matches: &["MOU", "MOUs", "memorandum of understanding"],
        matches_es: &["MOU", "MOUs", "memorando de entendimiento", "Memorando de entendimiento", "memorandos de entendimiento", "memorando", "Memorando", "memorandos"],
        meaning:
            crate::en!("A written agreement in which partner organizations set out what they intend to do \
                  together and who is responsible for what. Usually not a binding contract."),
    },
    Term {
        id: "sart",
        term: crate::en!("SART (Sexual Assault Response Team)"),
        matches: &["SART", "SARTs", "Sexual Assault Response Teams"],
        matches_es: &["SART", "SARTs", "equipo de respuesta a la agresión sexual", "Equipo de respuesta a la agresión sexual", "equipos de respuesta a la agresión sexual", "Equipos de respuesta a la agresión sexual"],
        meaning: crate::en!("A local team of agencies that respond together to sexual assault: advocates, \
                  medical examiners, police and prosecutors."),
    },
    Term {
        id: "survivor-informed",
        term: crate::en!("Survivor-informed"),
        matches: &["survivor-informed", "Survivor-informed"],
        matches_es: &["informado por sobrevivientes", "informada por sobrevivientes", "informados por sobrevivientes", "informadas por sobrevivientes", "Informado por sobrevivientes", "Informada por sobrevivientes"],
        meaning:
            crate::en!("Shaped by meaningful, paid input from a diverse group of survivors at every stage: \
                  planning, delivery and evaluation."),
    },
    Term {
        id: "trauma-informed",
        term: crate::en!("Trauma-informed"),
        matches: &["trauma-informed", "Trauma-informed"],
        matches_es: &["informado sobre el trauma", "informada sobre el trauma", "informados sobre el trauma", "informadas sobre el trauma", "Informado sobre el trauma", "Informada sobre el trauma"],
        meaning: crate::en!("Working in a way that recognizes the effects of trauma and avoids causing more: \
                  safety, trust, peer support, shared power, choice, and attention to culture."),
    },
    Term {
        id: "lcht",
        term: crate::en!("LCHT (Laboratory to Combat Human Trafficking)"),
        matches: &["LCHT"],
        matches_es: &["LCHT"],
        meaning: crate::en!("A Denver nonprofit that researches human trafficking in Colorado and wrote the Partnership Toolkit this planner follows."),
    },
    Term {
        id: "ovc",
        term: crate::en!("OVC (Office for Victims of Crime)"),
        matches: &["OVC"],
        matches_es: &["OVC"],
        meaning: crate::en!("The office of the U.S. Department of Justice that funds and guides services for victims of crime, including the Human Trafficking Task Force e-Guide and task force grants."),
    },
    Term {
        id: "nhttac",
        term: crate::en!("NHTTAC (National Human Trafficking Training and Technical Assistance Center)"),
        matches: &["NHTTAC"],
        matches_es: &["NHTTAC"],
        meaning: crate::en!("A federal center (U.S. Department of Health and Human Services) that offers free training and technical assistance on human trafficking, including on survivor-informed practice."),
    },
    Term {
        id: "samhsa",
        term: crate::en!("SAMHSA (Substance Abuse and Mental Health Services Administration)"),
        matches: &["SAMHSA"],
        matches_es: &["SAMHSA"],
        meaning: crate::en!("The federal agency behind the widely used principles of a trauma-informed approach."),
    },
    Term {
        id: "ecm",
        term: crate::en!("ECM (Enhanced Collaborative Model)"),
        matches: &["ECM", "Enhanced Collaborative Model"],
        matches_es: &["ECM", "Modelo de Colaboración Mejorada"],
        meaning: crate::en!("OVC's grant program for anti-trafficking task forces that pair law enforcement with victim services. It usually asks the partners to match part of the award."),
    },
    Term {
        id: "voca",
        term: crate::en!("VOCA (Victims of Crime Act)"),
        matches: &["VOCA"],
        matches_es: &["VOCA"],
        meaning: crate::en!("The federal law whose Crime Victims Fund pays for victim services; states pass VOCA money on to local programs as subgrants, often with a match requirement."),
    },
    Term {
        id: "lgbtq",
        term: crate::en!("LGBTQ"),
        matches: &["LGBTQ", "LGBTQ+"],
        matches_es: &["LGBTQ", "LGBTQ+"],
        meaning: crate::en!("Lesbian, gay, bisexual, transgender and queer or questioning people."),
    },
    Term {
        id: "fbi",
        term: crate::en!("FBI (Federal Bureau of Investigation)"),
        matches: &["FBI"],
        matches_es: &["FBI"],
        meaning: crate::en!("The federal law enforcement agency that investigates trafficking across state lines and leads some task forces."),
    },
    Term {
        id: "hsi",
        term: crate::en!("HSI (Homeland Security Investigations)"),
        matches: &["HSI"],
        matches_es: &["HSI"],
        meaning: crate::en!("The investigative arm of the U.S. Department of Homeland Security; it investigates trafficking, including labor trafficking and cases across borders."),
    },
    Term {
        id: "ems",
        term: crate::en!("EMS (emergency medical services)"),
        matches: &["EMS"],
        matches_es: &["EMS", "servicios médicos de emergencia"],
        meaning: crate::en!("Ambulance crews and paramedics: first responders who may meet people being trafficked."),
    },
];

pub fn term(id: &str) -> Option<&'static Term> {
    GLOSSARY.iter().find(|t| t.id == id)
}

/// Splits `text` into plain runs and glossary terms: `(text, Some(term id))` for a term.
/// Only whole words match, and each term is linked once (its first appearance).
pub fn link_terms(text: &str) -> Vec<(&str, Option<&'static str>)> {
    link_terms_in(text, crate::lang::current() == crate::lang::Lang::Es)
}

/// `link_terms` with the English (`matches`) or the Spanish words (`matches_es`).
fn link_terms_in(text: &str, spanish: bool) -> Vec<(&str, Option<&'static str>)> {
    let mut parts = Vec::new();
    let mut linked: Vec<&str> = Vec::new();
    let mut rest = text;
    'scan: while !rest.is_empty() {
        let mut best: Option<(usize, usize, &'static str)> = None;
        for t in GLOSSARY.iter().filter(|t| !linked.contains(&t.id)) {
            let words = if spanish { t.matches_es } else { t.matches };
            for m in words {
                let mut from = 0;
                while let Some(i) = rest[from..].find(m).map(|i| i + from) {
                    let end = i + m.len();
                    let before = rest[..i].chars().next_back();
                    let after = rest[end..].chars().next();
                    let boundary =
                        |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
                    if boundary(before) && boundary(after) {
                        if best.is_none_or(|(b, bl, _)| i < b || (i == b && m.len() > bl)) {
                            best = Some((i, m.len(), t.id));
                        }
                        break;
                    }
                    from = end;
                }
            }
        }
        match best {
            Some((i, len, id)) => {
                if i > 0 {
                    parts.push((&rest[..i], None));
                }
                parts.push((&rest[i..i + len], Some(id)));
                linked.push(id);
                rest = &rest[i + len..];
            }
            None => {
                parts.push((rest, None));
                break 'scan;
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_whole_terms_once() {
        let parts = link_terms("Sign an MOU with the MDT; the MOU names a fiscal agent.");
        let linked: Vec<_> = parts
            .iter()
            .filter_map(|(t, id)| id.map(|id| (*t, id)))
            .collect();
        assert_eq!(
            linked,
            [
                ("MOU", "mou"),
                ("MDT", "mdt"),
                ("fiscal agent", "fiscal-agent")
            ]
        );
        assert_eq!(
            parts.iter().map(|p| p.0).collect::<String>(),
            "Sign an MOU with the MDT; the MOU names a fiscal agent."
        );
        assert!(
            link_terms("MOUNTAIN SARTORIAL")
                .iter()
                .all(|p| p.1.is_none()),
            "not inside words"
        );
        assert_eq!(link_terms("").len(), 0);
    }

    #[test]
    fn links_spanish_terms_in_spanish_text() {
        let text = "Firmen un memorando de entendimiento (MOU) con el equipo multidisciplinario.";
        let linked: Vec<_> = link_terms_in(text, true)
            .into_iter()
            .filter_map(|(t, id)| id.map(|id| (t, id)))
            .collect();
        assert_eq!(
            linked,
            [
                ("memorando de entendimiento", "mou"),
                ("equipo multidisciplinario", "mdt")
            ]
        );
        assert!(link_terms_in("a fiscal agent", true)
            .iter()
            .all(|p| p.1.is_none()));
    }

    /// Each term's Spanish name (from the catalogue) is one the Spanish linker finds, so a term
    /// named in Spanish guidance links to its entry as it does in English.
    #[test]
    fn every_term_has_spanish_words_that_its_spanish_name_uses() {
        let catalogue: std::collections::HashMap<String, String> =
            serde_json::from_str(include_str!("../../lang/es/content.json")).unwrap_or_default();
        for t in GLOSSARY {
            let spanish = catalogue
                .get(t.term)
                .unwrap_or_else(|| panic!("no Spanish for {}", t.term));
            assert!(
                t.matches_es.iter().any(|m| spanish.contains(m)),
                "{spanish} has none of {:?}",
                t.matches_es
            );
        }
    }

    /// The words in the string literals of a Rust source file that are written in capitals
    /// (two letters or more): the acronyms its text uses.
    fn acronyms_in(source: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut literal = String::new();
        let (mut in_string, mut escaped) = (false, false);
        for line in source.lines() {
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                if in_string {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        in_string = false;
                        for word in literal.split(|c: char| !c.is_alphanumeric()) {
                            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                            if letters >= 2
                                && word
                                    .chars()
                                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                                && !found.iter().any(|f| f == word)
                            {
                                found.push(word.to_owned());
                            }
                        }
                        literal.clear();
                    } else {
                        literal.push(c);
                    }
                } else if c == '/' && chars.peek() == Some(&'/') {
                    break; // a comment, to the end of the line
                } else if c == '"' {
                    in_string = true;
                }
            }
            if in_string {
                literal.push(' ');
            }
        }
        found
    }

    #[test]
    fn every_acronym_the_guidance_uses_is_explained() {
        // Capitals that are not acronyms: keys of checklists and the like.
        const NOT_ACRONYMS: &[&str] = &["US"];
        let sources = [
            include_str!("guidance.rs"),
            include_str!("questions.rs"),
            include_str!("kinds.rs"),
        ];
        let mut missing = Vec::new();
        let mut seen = Vec::new();
        for source in sources {
            for word in acronyms_in(source) {
                seen.push(word.clone());
                let explained = GLOSSARY.iter().any(|t| t.matches.contains(&word.as_str()));
                if !explained && !NOT_ACRONYMS.contains(&word.as_str()) {
                    missing.push(word);
                }
            }
        }
        assert!(missing.is_empty(), "no glossary entry for {missing:?}");
        for known in ["LCHT", "OVC", "NHTTAC", "SAMHSA", "MOU"] {
            assert!(
                seen.iter().any(|w| w == known),
                "{known} was not found: the scan is broken"
            );
        }
        for named in ["ECM", "VOCA"] {
            assert!(
                GLOSSARY.iter().any(|t| t.matches.contains(&named)),
                "{named}"
            );
        }
    }

    #[test]
    fn ids_are_unique() {
        for (i, t) in GLOSSARY.iter().enumerate() {
            assert!(GLOSSARY[..i].iter().all(|u| u.id != t.id));
            assert_eq!(term(t.id).map(|u| u.term), Some(t.term));
        }
    }
}
