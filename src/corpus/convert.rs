//! Article files that are not plain text — HTML pages, Markdown, RSS/Atom feeds — turned into
//! articles through `ingest`. The text is kept in, and reused from, the extracted cache, so an
//! article's offsets do not move unless its file changes.

use super::extracted_cache::ExtractedCache;
use super::ingest::feed::parse_feed;
use super::ingest::html::extract_html;
use super::ingest::markdown::render_markdown;
use super::ingest::{Extracted, SourceFormat};

/// One article made from a file (a feed file makes several).
#[derive(Clone, Debug)]
pub struct Converted {
    /// The id stem: the file stem, or `<feed stem>-<item slug>`.
    pub stem: String,
    /// The path shown for it: the file's, or `<feed path>#<item slug>`.
    pub path: String,
    pub extracted: Extracted,
}

/// Converts a decoded file. `name` is its file name (the cache key), `stem` and `shown` its id
/// stem and display path. Problems that leave the rest usable come back as warnings; an error
/// means the file yields no article.
pub fn convert(
    format: SourceFormat,
    text: &str,
    name: &str,
    stem: &str,
    shown: &str,
    cache: &ExtractedCache,
) -> Result<(Vec<Converted>, Vec<String>), String> {
    let cached = |key: &str,
                  source: &str,
                  make: &dyn Fn() -> Result<Extracted, String>|
     -> Result<Extracted, String> {
        if let Some(kept) = cache.get(key, source) {
            return Ok(kept);
        }
        let made = make()?;
        cache.put(key, source, &made);
        Ok(made)
    };
    let single = |extracted: Extracted| {
        Ok((
            vec![Converted {
                stem: stem.to_string(),
                path: shown.to_string(),
                extracted,
            }],
            Vec::new(),
        ))
    };
    match format {
        SourceFormat::Text => single(Extracted {
            text: text.to_string(),
            meta: Default::default(),
        }),
        SourceFormat::Html => single(cached(name, text, &|| {
            extract_html(text, None).map_err(|e| format!("skipped: {e}"))
        })?),
        SourceFormat::Markdown => single(cached(name, text, &|| Ok(render_markdown(text)))?),
        SourceFormat::Feed => {
            let items = parse_feed(text.as_bytes()).map_err(|e| format!("skipped: {e}"))?;
            let total = items.len();
            let mut articles = Vec::new();
            for item in items {
                let Some(extracted) = item.extracted else {
                    continue;
                };
                let key = format!("{name}.{}", item.slug);
                let extracted = cached(&key, &item.content, &|| Ok(extracted.clone()))?;
                articles.push(Converted {
                    stem: format!("{stem}-{}", item.slug),
                    path: format!("{shown}#{}", item.slug),
                    extracted,
                });
            }
            let mut warnings = Vec::new();
            if articles.len() < total {
                warnings.push(format!(
                    "{} of {total} feed items have no content and were skipped (`parallax fetch` \
                     downloads their pages)",
                    total - articles.len()
                ));
            }
            if articles.is_empty() {
                return Err("skipped: no feed item has content".to_string());
            }
            Ok((articles, warnings))
        }
    }
}
