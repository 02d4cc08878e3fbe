//! File-safe names from titles and URLs.

/// Lower-case letters and digits, other runs as one `-`, at most 60 characters, trimmed of
/// dashes: "Rotterdam’s port: what now?" → `rotterdam-s-port-what-now`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_dashes() {
        assert_eq!(slugify("Rotterdam’s port: what now?"), "rotterdam-s-port-what-now");
        assert_eq!(slugify("--Ünïcode  OK--"), "ünïcode-ok");
        assert_eq!(slugify("!!!"), "");
        assert!(slugify(&"word ".repeat(40)).chars().count() <= 60);
    }
}
