//! What a query means as a regular expression over folded text. Literal queries are escaped,
//! with the finder's leniency: "-" and "'" are optional between letters and in the query, a
//! space or a hyphen in the query matches a run of spaces, hyphens or apostrophes ("al sharaa"
//! and "al-sharaa" find "al-Sharaa" and "al Sharaa"), and
//! "sh", "ch", "zh" match "š", "č", "ž" as well as "s", "c", "z" do. Regex queries are the
//! user's own, with letters folded as the text is.

use crate::analysis::finder::fold::{fold_char, IMPLIED_H};

/// Where a query may skip a hyphen or an apostrophe (folding made "’" and "—" into these).
const OPTIONAL_PUNCTUATION: &str = r"[\-']?";
/// What a space in a literal query matches.
const SEPARATOR_RUN: &str = r"[\s\-']+";
/// What a hyphen in a literal query matches.
const OPTIONAL_RUN: &str = r"[\s\-']*";
/// The letters whose caron or cedilla form transliterates with an "h".
const IMPLIED_H_LETTERS: &[char] = &['s', 'c', 'z', 'S', 'C', 'Z'];

/// Smart case: a query with an upper-case letter matches case. In a regex, escaped letters
/// (`\S`, `\W`) and property names (`\p{Lu}`) are syntax, not letters.
pub(super) fn is_case_sensitive(query: &str, regex: bool) -> bool {
    if !regex {
        return query.chars().any(char::is_uppercase);
    }
    let mut chars = query.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some('p' | 'P') = chars.next() {
                    if chars.clone().next() == Some('{') {
                        chars.by_ref().find(|&c| c == '}');
                    } else {
                        chars.next();
                    }
                }
            }
            _ if c.is_uppercase() => return true,
            _ => {}
        }
    }
    false
}

/// The regex for a literal query over folded text (with implied-h markers kept).
pub(super) fn literal_pattern(query: &str) -> String {
    let mut folded: Vec<char> = Vec::new();
    for c in query.chars() {
        fold_char(c, &mut |f| folded.push(f));
    }
    let mut out = String::new();
    let mut i = 0;
    let mut previous_word = false;
    while i < folded.len() {
        let c = folded[i];
        if c.is_whitespace() || c == '-' || c == '\'' {
            let (mut space, mut hyphen) = (false, false);
            while i < folded.len()
                && matches!(folded[i], c if c.is_whitespace() || c == '-' || c == '\'')
            {
                space |= folded[i].is_whitespace();
                hyphen |= folded[i] == '-';
                i += 1;
            }
            out.push_str(match (space, hyphen) {
                (true, _) => SEPARATOR_RUN,
                (false, true) => OPTIONAL_RUN,
                // Apostrophes only: any number of them, or none, but no space.
                (false, false) => r"[\-']*",
            });
            previous_word = false;
            continue;
        }
        let word = c.is_alphanumeric() || c == IMPLIED_H;
        if word && previous_word {
            out.push_str(OPTIONAL_PUNCTUATION);
        }
        i += 1;
        if IMPLIED_H_LETTERS.contains(&c) {
            push_escaped(&mut out, c);
            match folded.get(i) {
                Some(&h @ ('h' | 'H')) => {
                    out.push_str(&format!("(?:{h}|\\x{{e000}})"));
                    i += 1;
                }
                Some(&IMPLIED_H) => {
                    out.push_str(r"(?:h|\x{e000})");
                    i += 1;
                }
                _ => out.push_str(r"\x{e000}?"),
            }
        } else if c == IMPLIED_H {
            out.push_str(r"(?:h|\x{e000})");
        } else {
            push_escaped(&mut out, c);
        }
        previous_word = word;
    }
    out
}

/// The user's regex with its literal letters folded as the text is (the text for regexes is
/// folded without implied-h markers).
pub(super) fn regex_pattern(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    for c in query.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let mut piece = String::new();
        fold_char(c, &mut |f| {
            if f != IMPLIED_H {
                piece.push(f);
            }
        });
        out.push_str(&regex::escape(&piece));
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    out.push_str(&regex::escape(c.encode_utf8(&mut buf)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_ignores_regex_syntax() {
        assert!(!is_case_sensitive(r"\S+\p{Lu}\W", true));
        assert!(is_case_sensitive(r"\S+Putin", true));
        assert!(is_case_sensitive("Putin", false));
        assert!(!is_case_sensitive("putin", false));
        assert!(is_case_sensitive("Šaraa", false));
    }

    #[test]
    fn literal_queries_escape_and_relax() {
        assert_eq!(literal_pattern("a.b"), r"a\.b");
        assert_eq!(literal_pattern("al sh"), r"a[\-']?l[\s\-']+s(?:h|\x{e000})");
        assert_eq!(literal_pattern("o’b"), r"o[\-']*b");
        assert_eq!(literal_pattern("o-b"), r"o[\s\-']*b");
        assert_eq!(literal_pattern("šar"), r"s(?:h|\x{e000})[\-']?a[\-']?r");
    }
}
