//! RSS 2.0, RSS 1.0 and Atom feeds (feed-rs): each item with content (or, failing that, a
//! summary) is an article; the feed's title is its outlet.

use super::slug::{slug_of_url, slugify};
use super::{compose, field, Extracted, IngestError};
use crate::corpus::manifest::MetadataOverride;
use dom_query::Document;

/// One item of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    /// A stable name for the item: the last path segment of its link, else its title, slugified;
    /// else its position (`1`, `2`…).
    pub slug: String,
    /// The item's page.
    pub link: Option<String>,
    /// The item's text and metadata; `None` when the item carries no content or summary.
    pub extracted: Option<Extracted>,
    /// The item's content as given (HTML), which its text was made from.
    pub content: String,
}

/// Whether an XML text's root element is a feed's (`<rss>`, `<feed>`, `<rdf:RDF>`).
pub fn has_feed_root(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    // Skip the XML declaration, comments, processing instructions and the doctype.
    while let Some(tail) = rest.strip_prefix('<') {
        if tail.starts_with('?') || tail.starts_with('!') {
            let end = if tail.starts_with("!--") {
                tail.find("-->").map(|i| i + 3)
            } else {
                tail.find('>').map(|i| i + 1)
            };
            match end {
                Some(end) => rest = tail[end..].trim_start(),
                None => return false,
            }
        } else {
            let name: String = tail
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return matches!(name.as_str(), "rss" | "feed" | "rdf:RDF" | "RDF");
        }
    }
    false
}

/// The items of a feed, in feed order.
pub fn parse_feed(bytes: &[u8]) -> Result<Vec<FeedItem>, IngestError> {
    let feed =
        feed_rs::parser::parse(bytes).map_err(|e| IngestError::BadFeed(one_line_error(&e)))?;
    let outlet = feed.title.as_ref().and_then(|t| field(Some(&t.content)));
    let items = feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|l| !l.is_empty());
            let title = entry.title.as_ref().and_then(|t| field(Some(&t.content)));
            let slug = link
                .as_deref()
                .map(slug_of_url)
                .filter(|s| !s.is_empty())
                .or_else(|| title.as_deref().map(slugify).filter(|s| !s.is_empty()))
                .unwrap_or_else(|| (index + 1).to_string());
            let html = entry
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.map(|s| s.content));
            let content = html.clone().unwrap_or_default();
            let body = html
                .map(|h| Document::fragment(h).formatted_text().to_string())
                .filter(|b| !b.trim().is_empty());
            let byline = entry
                .authors
                .iter()
                .filter_map(|a| a.name.as_deref().and_then(|n| field(Some(n))))
                .collect::<Vec<_>>()
                .join(", ");
            let byline = Some(byline).filter(|b| !b.is_empty());
            let published = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
            let extracted = body.map(|body| Extracted {
                text: compose(title.as_deref(), None, byline.as_deref(), &body),
                meta: MetadataOverride {
                    title: title.clone(),
                    subtitle: None,
                    outlet: outlet.clone(),
                    byline,
                    published,
                    url: link.clone(),
                },
            });
            FeedItem {
                slug,
                link,
                extracted,
                content,
            }
        })
        .collect::<Vec<FeedItem>>();
    Ok(unique_slugs(items))
}

/// Repeated slugs get `-2`, `-3`… so each item has its own name.
fn unique_slugs(mut items: Vec<FeedItem>) -> Vec<FeedItem> {
    let mut seen = std::collections::HashSet::new();
    for item in &mut items {
        let base = item.slug.clone();
        let mut n = 1;
        while !seen.insert(item.slug.clone()) {
            n += 1;
            item.slug = format!("{base}-{n}");
        }
    }
    items
}

fn one_line_error(error: &dyn std::fmt::Display) -> String {
    super::one_line(&error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example/</link>
<item><title>Ships wait off the coast</title><link>https://news.example/2026/03/ships-wait.html</link>
<dc:creator>Ann Lee</dc:creator><pubDate>Mon, 02 Mar 2026 08:15:00 GMT</pubDate>
<content:encoded><![CDATA[<p>More than twenty ships waited.</p><p>The union said <b>no</b>.</p>]]></content:encoded></item>
<item><title>Only a link</title><link>https://news.example/only-a-link/</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles_with_the_feed_as_outlet() {
        let items = parse_feed(RSS.as_bytes()).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].slug, "ships-wait");
        let first = items[0].extracted.as_ref().unwrap();
        assert_eq!(
            first.text,
            "Ships wait off the coast\n\nBy Ann Lee\n\nMore than twenty ships waited.\n\nThe union said no.\n"
        );
        assert_eq!(first.meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(
            first.meta.published.as_deref(),
            Some("2026-03-02T08:15:00+00:00")
        );
        assert_eq!(items[1].slug, "only-a-link");
        assert!(items[1].extracted.is_none());
    }

    #[test]
    fn atom_entries_are_read_too() {
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>x</id><updated>2026-03-02T00:00:00Z</updated>
<entry><title>Port strike</title><id>e1</id><updated>2026-03-02T09:00:00Z</updated><link href="https://wire.example/a/port-strike"/><author><name>Bo Chen</name></author><content type="html">&lt;p&gt;Dockers struck.&lt;/p&gt;</content></entry></feed>"#;
        assert!(has_feed_root(atom));
        let items = parse_feed(atom.as_bytes()).unwrap();
        let item = items[0].extracted.as_ref().unwrap();
        assert!(item.text.ends_with("Dockers struck.\n"));
        assert_eq!(item.meta.byline.as_deref(), Some("Bo Chen"));
        assert_eq!(items[0].slug, "port-strike");
    }

    #[test]
    fn non_feeds_are_refused() {
        assert!(!has_feed_root("<?xml version=\"1.0\"?><!-- c --><note/>"));
        assert!(matches!(
            parse_feed(b"<note>hi</note>"),
            Err(IngestError::BadFeed(_))
        ));
    }
}
