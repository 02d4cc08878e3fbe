//! Acronyms: the initials of a long name, a definition found in the text right after it
//! ("Syrian Democratic Forces (SDF)", "Syrian Arab News Agency Sana"), and what looks like one.

/// The acronyms a long name can have, upper case: the initials of its capitalised words
/// ("Russian Ministry of Defense" → "RMD"), and of all its words ("RMOD"). Empty for one word.
pub(crate) fn initials(name: &str) -> Vec<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let first_upper = |w: &&str| {
        w.chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
    };
    let capitalised: String = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(first_upper)
        .collect();
    let all: String = words.iter().filter_map(first_upper).collect();
    let mut out = Vec::new();
    for candidate in [capitalised, all] {
        if candidate.chars().count() >= 2 && !out.contains(&candidate) {
            out.push(candidate);
        }
    }
    out
}

/// The letters of a would-be acronym, upper case: "U.S." → "US", "Sana" → "SANA". `None` unless
/// it is one word of 2–8 letters that starts with a capital.
pub(crate) fn acronym_letters(text: &str) -> Option<String> {
    let text = text.trim();
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if !text.chars().all(|c| c.is_alphabetic() || c == '.') {
        return None;
    }
    let letters: String = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    (2..=8)
        .contains(&letters.chars().count())
        .then_some(letters)
}

/// Whether a surface form is written as an acronym: capitals only, dots allowed ("SDF", "U.S.").
pub(crate) fn is_written_as_acronym(text: &str) -> bool {
    acronym_letters(text).is_some() && !text.chars().any(char::is_lowercase)
}

/// Whether `acronym` is a way of abbreviating `long` (letters compared case-insensitively).
pub(crate) fn abbreviates(acronym: &str, long: &str) -> bool {
    acronym_letters(acronym).is_some_and(|letters| initials(long).contains(&letters))
}

/// An acronym in parentheses right after a long name: in "Forces (SDF) said", given the text
/// after "Forces", returns "SDF" when it abbreviates `long`.
pub(crate) fn parenthesised_after<'t>(after: &'t str, long: &str) -> Option<&'t str> {
    let rest = after.trim_start().strip_prefix('(')?;
    let close = rest.char_indices().take(12).find(|&(_, c)| c == ')')?.0;
    let inner = rest[..close].trim();
    abbreviates(inner, long).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_lower_case_words_or_keep_them() {
        assert_eq!(initials("Syrian Democratic Forces"), ["SDF"]);
        assert_eq!(initials("Russian Ministry of Defense"), ["RMD", "RMOD"]);
        assert_eq!(initials("Kremlin"), Vec::<String>::new());
    }

    #[test]
    fn finds_the_parenthesised_acronym() {
        let long = "Syrian Democratic Forces";
        assert_eq!(parenthesised_after(" (SDF), which", long), Some("SDF"));
        assert_eq!(parenthesised_after("\u{a0}(S.D.F.)", long), Some("S.D.F."));
        assert_eq!(parenthesised_after(" (SAA)", long), None);
        assert_eq!(parenthesised_after(" (in the east)", long), None);
        assert_eq!(parenthesised_after(", SDF", long), None);
    }

    #[test]
    fn a_capitalised_word_can_abbreviate() {
        assert!(abbreviates("Sana", "Syrian Arab News Agency"));
        assert!(abbreviates("U.S.", "United States"));
        assert!(!abbreviates("sana", "Syrian Arab News Agency"));
        assert!(is_written_as_acronym("U.S."));
        assert!(!is_written_as_acronym("Sana"));
    }
}
