//! The HTTP client of `parallax fetch` (ureq with rustls): a time limit per URL, a size cap,
//! a bounded number of redirects, a User-Agent that says who is asking, and errors as one line.

use super::{FetchError, FetchOptions, MAX_REDIRECTS};
use crate::corpus::ingest::feed::has_feed_root;
use std::time::Duration;
use ureq::ResponseExt;

/// Sent with every request.
pub const USER_AGENT: &str = concat!(
    "parallax/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; fetches pages its user asked for)"
);

/// What a response holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PageKind {
    Html,
    Feed,
}

/// A response body, decoded.
#[derive(Clone, Debug)]
pub struct Download {
    /// The URL after redirects.
    pub final_url: String,
    pub kind: PageKind,
    pub text: String,
}

pub struct HttpClient {
    agent: ureq::Agent,
    timeout: Duration,
    max_bytes: u64,
}

impl HttpClient {
    pub fn new(options: &FetchOptions) -> HttpClient {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .max_redirects(MAX_REDIRECTS)
            .user_agent(USER_AGENT)
            .http_status_as_error(true)
            .build();
        HttpClient {
            agent: ureq::Agent::new_with_config(config),
            timeout: options.timeout,
            max_bytes: options.max_bytes,
        }
    }

    /// Downloads a page or a feed; anything else is an error.
    pub fn get(&self, url: &str) -> Result<Download, FetchError> {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(FetchError::BadUrl);
        }
        let mut response = self
            .agent
            .get(url)
            .header(
                "Accept",
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
                 application/xml;q=0.9,*/*;q=0.1",
            )
            .call()
            .map_err(|e| self.error(e))?;
        let final_url = response.get_uri().to_string();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let declared = match mime.as_str() {
            "text/html" | "application/xhtml+xml" => Some(PageKind::Html),
            "application/rss+xml"
            | "application/atom+xml"
            | "application/rdf+xml"
            | "application/feed+xml" => Some(PageKind::Feed),
            "text/xml" | "application/xml" | "" => None,
            _ => return Err(FetchError::NotHtml(mime)),
        };
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
            .map_err(|e| self.error(e))?;
        let text = decode(bytes, &content_type);
        let kind = match declared {
            Some(kind) => kind,
            None if has_feed_root(&text) => PageKind::Feed,
            None if mime.is_empty() && looks_like_html(&text) => PageKind::Html,
            None => {
                return Err(FetchError::NotHtml(if mime.is_empty() {
                    "none".to_string()
                } else {
                    mime
                }))
            }
        };
        Ok(Download {
            final_url,
            kind,
            text,
        })
    }

    fn error(&self, error: ureq::Error) -> FetchError {
        use ureq::Error as E;
        match error {
            E::StatusCode(code) => FetchError::Status(status_text(code)),
            E::HostNotFound => FetchError::Dns,
            E::Timeout(_) => FetchError::Timeout(seconds(self.timeout)),
            E::TooManyRedirects => FetchError::TooManyRedirects,
            E::BodyExceedsLimit(_) => FetchError::TooLarge(self.max_bytes / (1024 * 1024)),
            E::Tls(message) => FetchError::Tls(message.to_string()),
            E::Rustls(e) => FetchError::Tls(e.to_string()),
            E::ConnectionFailed => FetchError::Connect("connection failed".to_string()),
            E::BadUri(uri) => FetchError::Http(format!("bad URL: {uri}")),
            E::Io(e) => match e.kind() {
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                    FetchError::Timeout(seconds(self.timeout))
                }
                std::io::ErrorKind::ConnectionRefused => {
                    FetchError::Connect("connection refused".to_string())
                }
                _ => FetchError::Connect(e.to_string()),
            },
            other => FetchError::Http(other.to_string().replace('\n', " ")),
        }
    }
}

fn status_text(code: u16) -> String {
    let reason = match code {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
    format!("{code} {reason}").trim_end().to_string()
}

fn seconds(duration: Duration) -> String {
    let s = duration.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s} s")
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html")
}

/// The body as text: UTF-8 (invalid bytes replaced), or Latin-1 when the server says so.
fn decode(bytes: Vec<u8>, content_type: &str) -> String {
    let latin1 = ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252"]
        .iter()
        .any(|c| content_type.contains(&format!("charset={c}")));
    if latin1 {
        return bytes.iter().map(|&b| char::from(b)).collect();
    }
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_pages_decode_by_their_charset() {
        assert_eq!(
            decode(b"caf\xe9".to_vec(), "text/html; charset=iso-8859-1"),
            "café"
        );
        assert_eq!(decode("café".as_bytes().to_vec(), "text/html"), "café");
    }

    #[test]
    fn only_web_urls_are_fetched() {
        let client = HttpClient::new(&FetchOptions::default());
        assert_eq!(
            client.get("file:///etc/passwd").unwrap_err(),
            FetchError::BadUrl
        );
    }
}
