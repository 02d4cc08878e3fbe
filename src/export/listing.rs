//! `parallax annotations list`: one row per annotation with where it stands now, as JSON
//! objects or as aligned text for people.

use super::csv::status_name;
use super::{locate_all, source_name};
use crate::corpus::annotation::Correction;
use crate::corpus::{Annotation, Corpus};
use crate::text::display_safe;
use serde::Serialize;
use std::fmt::Write;

/// The JSON form: `{"version": 1, "file": …, "annotations": [rows]}`.
#[derive(Clone, Debug, Serialize)]
pub struct Listing {
    pub version: u32,
    /// The annotations file.
    pub file: String,
    pub annotations: Vec<ListRow>,
}

/// One row of the list (`version` 1 of the JSON form; later versions only add fields).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListRow {
    pub id: String,
    pub article: String,
    /// The article's source name (as exports write it); `null` when not in the corpus.
    pub source: Option<String>,
    /// Code points into the current source text; `null` when orphaned.
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub quote: String,
    pub label: String,
    pub note: String,
    /// `anchored`, `reanchored` or `orphaned`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<Correction>,
    pub created: String,
    pub modified: String,
}

pub fn rows(corpus: &Corpus, annotations: &[Annotation]) -> Vec<ListRow> {
    locate_all(corpus, annotations)
        .into_iter()
        .map(|l| {
            let span = l.span();
            let a = l.annotation;
            ListRow {
                source: l.article.map(|article| source_name(corpus, article)),
                start: span.map(|s| s.0),
                end: span.map(|s| s.1),
                status: status_name(l.status),
                id: a.id,
                article: a.article,
                quote: a.quote.exact,
                label: a.label,
                note: a.note,
                correction: a.correction,
                created: a.created,
                modified: a.modified,
            }
        })
        .collect()
}

/// One line per annotation: `id  article  start–end  [label] “quote” — note`, orphans marked
/// `✗ orphaned`; a header line names the file.
pub fn text(rows: &[ListRow], file: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} in {}", count(rows.len()), display_safe(file));
    let id_width = rows.iter().map(|r| r.id.chars().count()).max().unwrap_or(0);
    let article_width = rows
        .iter()
        .map(|r| r.article.chars().count())
        .max()
        .unwrap_or(0);
    for r in rows {
        let place = match (r.start, r.end) {
            (Some(s), Some(e)) => format!("{s}–{e}"),
            _ => "✗ orphaned".to_string(),
        };
        let mark = if r.status == "reanchored" {
            " (moved)"
        } else {
            ""
        };
        let _ = write!(
            out,
            "{:id_width$}  {:article_width$}  {place:>11}{mark}  [{}] “{}”",
            display_safe(&r.id),
            display_safe(&r.article),
            display_safe(&r.label),
            shorten(&flat(&r.quote), 60),
        );
        if !r.note.is_empty() {
            let _ = write!(out, " — {}", shorten(&flat(&r.note), 80));
        }
        out.push('\n');
    }
    out
}

fn count(n: usize) -> String {
    format!("{n} annotation{}", if n == 1 { "" } else { "s" })
}

/// Display-safe on one line.
fn flat(text: &str) -> String {
    display_safe(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max - 1).chain(['…']).collect()
    }
}
