//! `parallax fetch`: pages and feeds downloaded over HTTP(S) into a corpus folder. The only
//! network code. Each page is extracted as `corpus::ingest` extracts saved pages, and saved as
//! `<DIR>/<slug>.txt` with its metadata in `<DIR>/parallax.toml`; a feed's items are saved
//! from their content, or, when an item has none, from its page.

pub mod client;
pub mod save;

use crate::corpus::ingest::feed::parse_feed;
use crate::corpus::ingest::html::extract_html;
use crate::corpus::ingest::{Extracted, IngestError};
use client::{Download, HttpClient, PageKind};
use save::{CorpusFolder, Saved};
use std::path::PathBuf;
use std::time::Duration;

/// Default time limit for one URL, redirects and body included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default largest response body.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;

#[derive(Clone, Debug)]
pub struct FetchOptions {
    pub timeout: Duration,
    pub max_bytes: u64,
    /// Overwrite an article fetched before from the same URL.
    pub force: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: DEFAULT_TIMEOUT,
            max_bytes: DEFAULT_MAX_BYTES,
            force: false,
        }
    }
}

/// Why one URL could not be saved. Each message is one line.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("not an http:// or https:// URL")]
    BadUrl,
    #[error("cannot resolve the host name (DNS)")]
    Dns,
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("TLS: {0}")]
    Tls(String),
    #[error("timed out after {0}")]
    Timeout(String),
    #[error("HTTP {0}")]
    Status(String),
    #[error("too many redirects (more than {MAX_REDIRECTS})")]
    TooManyRedirects,
    #[error("response larger than {0} MiB")]
    TooLarge(u64),
    #[error("not an HTML page or a feed (content type {0})")]
    NotHtml(String),
    #[error("{0}")]
    Ingest(#[from] IngestError),
    #[error("{0}")]
    Http(String),
    #[error("{0}")]
    Save(String),
}

/// What happened to one article of a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleOutcome {
    Saved(Saved),
    /// The same URL was fetched before into this file; kept without `--force`.
    Kept(PathBuf),
    /// A feed item whose page could not be fetched.
    Failed {
        url: String,
        error: FetchError,
    },
}

/// The result of one URL given on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlReport {
    pub url: String,
    pub result: Result<Vec<ArticleOutcome>, FetchError>,
}

impl UrlReport {
    /// Whether anything asked for failed (the URL itself, or one of its feed items).
    pub fn failed(&self) -> bool {
        match &self.result {
            Err(_) => true,
            Ok(outcomes) => outcomes
                .iter()
                .any(|o| matches!(o, ArticleOutcome::Failed { .. })),
        }
    }
}

/// Fetches every URL into `folder`, in order; one failure does not stop the rest.
pub fn fetch_all(
    urls: &[String],
    folder: &mut CorpusFolder,
    options: &FetchOptions,
) -> Vec<UrlReport> {
    let client = HttpClient::new(options);
    urls.iter()
        .map(|url| UrlReport {
            url: url.clone(),
            result: fetch_one(&client, url, folder, options.force),
        })
        .collect()
}

fn fetch_one(
    client: &HttpClient,
    url: &str,
    folder: &mut CorpusFolder,
    force: bool,
) -> Result<Vec<ArticleOutcome>, FetchError> {
    let download = client.get(url)?;
    match download.kind {
        PageKind::Html => {
            let extracted = extract_page(&download)?;
            Ok(vec![save_one(folder, url, &extracted, None, force)?])
        }
        PageKind::Feed => {
            let items = parse_feed(download.text.as_bytes())?;
            let mut outcomes = Vec::new();
            for item in items {
                let page = match (item.extracted, &item.link) {
                    (Some(extracted), _) => Ok(extracted),
                    (None, Some(link)) => client.get(link).and_then(|d| match d.kind {
                        PageKind::Html => extract_page(&d),
                        PageKind::Feed => Err(FetchError::NotHtml("a feed".to_string())),
                    }),
                    (None, None) => continue,
                };
                let item_url = item.link.clone().unwrap_or_else(|| url.to_string());
                let outcome = page.and_then(|extracted| {
                    save_one(folder, &item_url, &extracted, Some(&item.slug), force)
                });
                outcomes.push(outcome.unwrap_or_else(|error| ArticleOutcome::Failed {
                    url: item_url,
                    error,
                }));
            }
            Ok(outcomes)
        }
    }
}

fn extract_page(download: &Download) -> Result<Extracted, FetchError> {
    Ok(extract_html(&download.text, Some(&download.final_url))?)
}

fn save_one(
    folder: &mut CorpusFolder,
    url: &str,
    extracted: &Extracted,
    slug: Option<&str>,
    force: bool,
) -> Result<ArticleOutcome, FetchError> {
    folder
        .save(url, extracted, slug, force)
        .map_err(FetchError::Save)
}
