//! HTML pages: the main content by readability (dom_smoothie, a port of Mozilla's Readability),
//! and the page's own metadata: title, byline, outlet (`og:site_name`), publication date
//! (`article:published_time`, JSON-LD `datePublished`) and canonical URL.

use super::{compose, field, Extracted, IngestError};
use crate::corpus::manifest::MetadataOverride;
use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// Fewer words than this in the extracted text means the page has no article.
pub const MIN_WORDS: usize = 20;

/// Extracts the article of a page. `url` is where the page came from, if known: the canonical
/// URL when the page names none.
pub fn extract_html(html: &str, url: Option<&str>) -> Result<Extracted, IngestError> {
    let document = Document::from(html);
    let canonical = first_attr(&document, "link[rel~='canonical']", "href")
        .or_else(|| first_attr(&document, "meta[property='og:url']", "content"))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let description = first_attr(&document, "meta[property='og:description']", "content")
        .or_else(|| first_attr(&document, "meta[name='description']", "content"));
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::with_document(document, url, Some(config))
        .map_err(|_| IngestError::NoContent)?;
    let article = readability.parse().map_err(|_| IngestError::NoContent)?;
    let body = article.text_content.to_string();
    // Readability falls back to whatever text a page has; a handful of words is a menu, an
    // error page or a paywall, not an article.
    if body.split_whitespace().count() < MIN_WORDS {
        return Err(IngestError::NoContent);
    }
    let title = field(Some(&article.title));
    let byline = field(article.byline.as_deref()).map(|b| strip_by(&b));
    // The dek goes into the text only when the body does not already open with it.
    let dek = field(description.as_deref()).filter(|d| {
        let opening: String = super::one_line(&body).chars().take(400).collect();
        !opening.contains(d.trim_end_matches('.'))
    });
    let text = compose(title.as_deref(), dek.as_deref(), byline.as_deref(), &body);
    let meta = MetadataOverride {
        title,
        subtitle: dek,
        outlet: field(article.site_name.as_deref()),
        byline,
        published: field(article.published_time.as_deref()),
        url: canonical
            .or_else(|| field(article.url.as_deref()))
            .or_else(|| field(url)),
    };
    Ok(Extracted { text, meta })
}

/// The first non-empty attribute of the elements a selector matches.
fn first_attr(document: &Document, selector: &str, attribute: &str) -> Option<String> {
    document
        .select(selector)
        .iter()
        .filter_map(|node| node.attr(attribute))
        .map(|value| value.trim().to_string())
        .find(|value| !value.is_empty())
}

/// "By Ann Lee" → "Ann Lee": the byline field holds the name, the text says "By".
fn strip_by(byline: &str) -> String {
    let lower = byline.to_lowercase();
    if lower.starts_with("by ") {
        byline[3..].trim().to_string()
    } else {
        byline.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Ships wait off the coast | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2026-03-02T08:15:00+01:00">
<link rel="canonical" href="https://news.example/ships"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ships wait off the coast</h1>
<p>More than twenty container ships were waiting off the coast on Monday as a strike closed the terminals of the port, the harbour master said in a statement.</p>
<p>The union said the strike would last two days and that talks with the employers would resume on Wednesday under a mediator appointed by the government.</p>
<p>Shipping lines warned that a longer stoppage would disrupt supply chains across the region, with car parts and fresh food the first to run short.</p>
</article><footer>© Example News</footer></body></html>"#;

    #[test]
    fn extraction_keeps_the_story_and_reads_the_metadata() {
        let extracted = extract_html(PAGE, None).unwrap();
        assert!(extracted.text.starts_with("Ships wait off the coast\n\n"));
        assert!(extracted.text.contains("More than twenty container ships"));
        assert!(extracted.text.contains("\n\nThe union said"));
        assert!(!extracted.text.contains("Home"), "{}", extracted.text);
        assert!(!extracted.text.contains("©"));
        assert_eq!(extracted.meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(
            extracted.meta.published.as_deref(),
            Some("2026-03-02T08:15:00+01:00")
        );
        assert_eq!(
            extracted.meta.url.as_deref(),
            Some("https://news.example/ships")
        );
    }

    #[test]
    fn a_page_without_text_is_refused() {
        assert_eq!(
            extract_html(
                "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><p>Page not found.</p></body></html>",
                None
            ),
            Err(IngestError::NoContent)
        );
    }
}
