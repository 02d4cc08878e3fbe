//! Front matter at the top of a Markdown file: YAML between `---` lines or TOML between `+++`
//! lines. Only the metadata fields are read (title, subtitle, author, outlet, date, url, under
//! their common names); other keys (tags, layout…) are ignored. YAML is read as flat
//! `key: value` pairs (plain, single- or double-quoted scalars, a list's first item), which is
//! what front matter metadata is.

use crate::corpus::manifest::MetadataOverride;

/// Splits the front matter off: its fields and the rest of the text. Without front matter, the
/// whole text and empty fields.
pub fn split_front_matter(text: &str) -> (MetadataOverride, &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (fence, parse) in [
        ("---", parse_yaml as fn(&str) -> Vec<(String, String)>),
        ("+++", parse_toml),
    ] {
        let Some(rest) = text.strip_prefix(fence) else {
            continue;
        };
        let Some(rest) = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix('\n'))
        else {
            continue;
        };
        let Some((block, body)) = until_fence(rest, fence) else {
            continue;
        };
        return (fields(parse(block)), body);
    }
    (MetadataOverride::default(), text)
}

/// The block up to a line holding only the fence, and the text after that line.
fn until_fence<'a>(text: &'a str, fence: &str) -> Option<(&'a str, &'a str)> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((&text[..at], &text[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

fn fields(pairs: Vec<(String, String)>) -> MetadataOverride {
    let mut meta = MetadataOverride::default();
    for (key, value) in pairs {
        let value = super::one_line(&value);
        if value.is_empty() {
            continue;
        }
        let slot = match key.to_ascii_lowercase().replace('-', "_").as_str() {
            "title" | "headline" => &mut meta.title,
            "subtitle" | "description" | "dek" | "summary" | "standfirst" => &mut meta.subtitle,
            "author" | "authors" | "byline" => &mut meta.byline,
            "outlet" | "site" | "site_name" | "publication" | "publisher" | "source" => {
                &mut meta.outlet
            }
            "date" | "published" | "published_at" | "pubdate" | "date_published" => {
                &mut meta.published
            }
            "url" | "link" | "canonical" | "canonical_url" | "permalink" => &mut meta.url,
            _ => continue,
        };
        slot.get_or_insert(value);
    }
    meta
}

fn parse_toml(block: &str) -> Vec<(String, String)> {
    let Ok(table) = block.parse::<toml::Table>() else {
        return Vec::new();
    };
    table
        .into_iter()
        .filter_map(|(key, value)| {
            let value = match value {
                toml::Value::String(s) => s,
                toml::Value::Datetime(d) => d.to_string(),
                toml::Value::Array(items) => match items.into_iter().next()? {
                    toml::Value::String(s) => s,
                    _ => return None,
                },
                _ => return None,
            };
            Some((key, value))
        })
        .collect()
}

fn parse_yaml(block: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut lines = block.lines().peekable();
    while let Some(line) = lines.next() {
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = unquote(key.trim());
        let value = value.trim();
        let value = if value.is_empty() {
            // A block list: the first `- item` below the key.
            match lines.peek().map(|l| l.trim_start()) {
                Some(item) if item.starts_with("- ") => unquote(item[2..].trim()),
                _ => continue,
            }
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            unquote(inner.split(',').next().unwrap_or("").trim())
        } else {
            unquote(value)
        };
        pairs.push((key, value));
    }
    pairs
}

/// A YAML scalar: double-quoted with backslash escapes, single-quoted with `''`, or plain with
/// an optional ` # comment`.
fn unquote(value: &str) -> String {
    if let Some(inner) = value.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => break,
                },
                c => out.push(c),
            }
        }
        out
    } else if let Some(inner) = value.strip_prefix('\'') {
        let end = inner.find("'").map_or(inner.len(), |_| {
            // The closing quote is a `'` not doubled.
            let bytes = inner.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return i;
                }
                i += 1;
            }
            inner.len()
        });
        inner[..end].replace("''", "'")
    } else {
        match value.find(" #") {
            Some(at) => value[..at].trim_end().to_string(),
            None => value.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_fills_the_metadata() {
        let text = "---\ntitle: \"Ships \\\"wait\\\"\"\nauthor: 'Ann O''Neil'\nsite: Example News # the outlet\ndate: 2026-03-02\ntags: [a, b]\nurl: https://news.example/a\n---\n# Heading\n";
        let (meta, body) = split_front_matter(text);
        assert_eq!(meta.title.as_deref(), Some("Ships \"wait\""));
        assert_eq!(meta.byline.as_deref(), Some("Ann O'Neil"));
        assert_eq!(meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(meta.published.as_deref(), Some("2026-03-02"));
        assert_eq!(meta.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(body, "# Heading\n");
    }

    #[test]
    fn yaml_lists_give_their_first_item() {
        let (meta, _) = split_front_matter("---\nauthors:\n  - Ann Lee\n  - Bo Chen\n---\nx");
        assert_eq!(meta.byline.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn toml_front_matter_fills_the_metadata() {
        let text = "+++\ntitle = \"T\"\nbyline = \"Bo\"\npublished = 2026-03-02\n+++\nBody\n";
        let (meta, body) = split_front_matter(text);
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.byline.as_deref(), Some("Bo"));
        assert_eq!(meta.published.as_deref(), Some("2026-03-02"));
        assert_eq!(body, "Body\n");
    }

    #[test]
    fn text_without_a_closed_fence_has_no_front_matter() {
        let (meta, body) = split_front_matter("---\ntitle: x\nno end");
        assert_eq!(meta, MetadataOverride::default());
        assert_eq!(body, "---\ntitle: x\nno end");
    }
}
