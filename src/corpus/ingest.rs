//! Turning HTML pages, Markdown and RSS/Atom feeds into plain reading text plus the metadata the
//! file declares. Pure functions of the file's text: no disk, no network. Loading (`load`) and
//! `parallax fetch` decide where the text comes from and where the result is kept.

pub mod feed;
pub mod front_matter;
pub mod html;
pub mod markdown;
pub mod slug;

use super::manifest::MetadataOverride;
use std::path::Path;

/// An article's reading text and the metadata its file declared. Offsets of the article refer
/// to `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    pub meta: MetadataOverride,
}

/// What kind of file an article comes from, which decides how it is read.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    Text,
    Html,
    Markdown,
    Feed,
}

impl SourceFormat {
    /// By extension; `.xml` counts as a feed only when its root element is `<rss>`, `<feed>` or
    /// `<rdf:RDF>`, else it is text. Unknown extensions are text.
    pub fn of(path: &Path, text: &str) -> SourceFormat {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match extension.as_str() {
            "html" | "htm" | "xhtml" => SourceFormat::Html,
            "md" | "markdown" => SourceFormat::Markdown,
            "rss" | "atom" => SourceFormat::Feed,
            "xml" if feed::has_feed_root(text) => SourceFormat::Feed,
            _ => SourceFormat::Text,
        }
    }
}

/// Why a file could not be turned into an article.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum IngestError {
    #[error("no readable article text found in the page")]
    NoContent,
    #[error("not a feed: {0}")]
    BadFeed(String),
}

/// Lays out extracted parts as an article text the cleaner reads well: the headline, the dek,
/// the byline, then the paragraphs, each separated by a blank line.
pub fn compose(title: Option<&str>, dek: Option<&str>, byline: Option<&str>, body: &str) -> String {
    let mut text = String::new();
    for line in [title, dek].into_iter().flatten() {
        let line = one_line(line);
        if !line.is_empty() {
            text.push_str(&line);
            text.push_str("\n\n");
        }
    }
    if let Some(byline) = byline.map(one_line).filter(|b| !b.is_empty()) {
        if !byline.to_lowercase().starts_with("by ") {
            text.push_str("By ");
        }
        text.push_str(&byline);
        text.push_str("\n\n");
    }
    let paragraphs: Vec<String> = body
        .split("\n\n")
        .map(one_line)
        .filter(|p| !p.is_empty())
        .collect();
    text.push_str(&paragraphs.join("\n\n"));
    text.push('\n');
    text
}

/// Whitespace runs (line breaks, tabs, non-breaking spaces from HTML) collapsed to one space.
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A metadata value trimmed to one line, or `None` when empty.
fn field(value: Option<&str>) -> Option<String> {
    value.map(one_line).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composed_text_has_headline_byline_and_paragraphs_apart() {
        let text = compose(
            Some("A  Title"),
            None,
            Some("Ann Lee"),
            "One\nline.\n\n\n Two. ",
        );
        assert_eq!(text, "A Title\n\nBy Ann Lee\n\nOne line.\n\nTwo.\n");
    }

    #[test]
    fn xml_is_a_feed_only_with_a_feed_root() {
        let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>";
        assert_eq!(
            SourceFormat::of(Path::new("a.xml"), rss),
            SourceFormat::Feed
        );
        assert_eq!(
            SourceFormat::of(Path::new("a.xml"), "<note>hi</note>"),
            SourceFormat::Text
        );
        assert_eq!(SourceFormat::of(Path::new("a.HTM"), ""), SourceFormat::Html);
    }
}
