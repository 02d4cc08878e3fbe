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

/// The last meaningful path segment of a URL, slugified, its extension dropped:
/// `https://x.example/2026/03/port-strike.html?ref=rss` → `port-strike`.
pub fn slug_of_url(url: &str) -> String {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split("://")
        .last()
        .unwrap_or("");
    let segment = path
        .split('/')
        .skip(1)
        .filter(|s| !s.is_empty())
        .last()
        .unwrap_or("");
    let stem = segment
        .rsplit_once('.')
        .filter(|(_, ext)| ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .map_or(segment, |(stem, _)| stem);
    slugify(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_dashes() {
        assert_eq!(
            slugify("Rotterdam’s port: what now?"),
            "rotterdam-s-port-what-now"
        );
        assert_eq!(slugify("--Ünïcode  OK--"), "ünïcode-ok");
        assert_eq!(slugify("!!!"), "");
        assert!(slugify(&"word ".repeat(40)).chars().count() <= 60);
    }

    #[test]
    fn url_slugs_come_from_the_last_path_segment() {
        assert_eq!(
            slug_of_url("https://x.example/2026/03/port-strike.html?ref=rss"),
            "port-strike"
        );
        assert_eq!(slug_of_url("https://x.example/a/b-c/"), "b-c");
        assert_eq!(slug_of_url("https://x.example/"), "");
    }
}
