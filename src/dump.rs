//! `parallax dump`: the loaded corpus as versioned JSON (for tools) or readable text (for
//! people). Offsets are code points into each article's source text; fields are only ever
//! added, never renamed.

use crate::corpus::{Article, Corpus, RemovalReason};
use crate::text::{display_safe, ByteSpan, CharSpan};
use serde::Serialize;
use std::fmt::Write as _;

/// The version of the dump schema.
pub const DUMP_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Dump<'a> {
    pub version: u32,
    pub articles: Vec<ArticleDump<'a>>,
    /// One line per file that was skipped or loaded with a problem.
    pub warnings: Vec<String>,
}

#[derive(Serialize)]
pub struct ArticleDump<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub subtitle: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
    pub url: Option<&'a str>,
    /// Words in the cleaned body.
    pub words: usize,
    /// Length of the source text in code points.
    pub chars: usize,
    pub headline_span: Option<CharSpan>,
    pub subtitle_span: Option<CharSpan>,
    pub paragraphs: Vec<CharSpan>,
    pub sentences: Vec<SentenceDump>,
    pub removed: Vec<RemovedDump>,
}

#[derive(Serialize)]
pub struct SentenceDump {
    pub start: usize,
    pub end: usize,
    /// The sentence, display-safe: control characters shown as placeholders, line breaks as
    /// spaces (one character for one, so `end - start` is its length).
    pub text: String,
}

#[derive(Serialize)]
pub struct RemovedDump {
    pub start: usize,
    pub end: usize,
    pub reason: RemovalReason,
}

impl<'a> Dump<'a> {
    pub fn new(corpus: &'a Corpus) -> Dump<'a> {
        Dump {
            version: DUMP_VERSION,
            articles: corpus.articles.iter().map(ArticleDump::new).collect(),
            warnings: corpus.warnings.iter().map(|w| w.to_string()).collect(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the dump serialises") + "\n"
    }
}

impl<'a> ArticleDump<'a> {
    pub fn new(article: &'a Article) -> ArticleDump<'a> {
        let span = |s: ByteSpan| article.char_span(s);
        ArticleDump {
            id: &article.id,
            path: &article.path,
            title: article.meta.title.as_deref(),
            subtitle: article.meta.subtitle.as_deref(),
            outlet: article.meta.outlet.as_deref(),
            byline: article.meta.byline.as_deref(),
            published: article.meta.published.as_deref(),
            url: article.meta.url.as_deref(),
            words: article.word_count,
            chars: article.chars.len_chars(),
            headline_span: article.headline.map(span),
            subtitle_span: article.subtitle.map(span),
            paragraphs: article.paragraphs.iter().map(|&p| span(p)).collect(),
            sentences: article
                .sentences
                .iter()
                .map(|&s| {
                    let c = span(s);
                    SentenceDump {
                        start: c.start.0,
                        end: c.end.0,
                        text: display_safe(article.text(s)).into_owned(),
                    }
                })
                .collect(),
            removed: article
                .removed()
                .map(|(s, reason)| {
                    let c = span(s);
                    RemovedDump {
                        start: c.start.0,
                        end: c.end.0,
                        reason,
                    }
                })
                .collect(),
        }
    }
}

/// The readable text form: per article its metadata, hidden lines and body paragraphs.
pub fn to_text(corpus: &Corpus) -> String {
    let mut out = String::new();
    for warning in &corpus.warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    for article in &corpus.articles {
        let _ = writeln!(out, "━━ {}  ({})", article.id, article.path);
        let field = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
        let _ = writeln!(out, "Title:    {}", field(&article.meta.title));
        let _ = writeln!(out, "Subtitle: {}", field(&article.meta.subtitle));
        let _ = writeln!(out, "Byline:   {}", field(&article.meta.byline));
        let _ = writeln!(out, "Outlet:   {}", field(&article.meta.outlet));
        if let Some(published) = &article.meta.published {
            let _ = writeln!(out, "Published: {published}");
        }
        if let Some(url) = &article.meta.url {
            let _ = writeln!(out, "URL:      {url}");
        }
        let _ = writeln!(
            out,
            "Body:     {} paragraphs, {} sentences, {} words",
            article.paragraphs.len(),
            article.sentences.len(),
            article.word_count
        );
        let removed: Vec<_> = article.removed().collect();
        let _ = writeln!(out, "Hidden:   {} lines", removed.len());
        for (span, reason) in removed {
            let _ = writeln!(
                out,
                "  [{reason}] {}",
                clip(&display_safe(article.text(span)), 90)
            );
        }
        let _ = writeln!(out);
        for &paragraph in &article.paragraphs {
            let _ = writeln!(out, "{}\n", display_safe(article.text(paragraph)));
        }
    }
    out
}

fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut clipped: String = text.chars().take(max - 1).collect();
    clipped.push('…');
    clipped
}
