//! CSV (RFC 4180): a header row, then one row per annotation; fields with a comma, quote or
//! line break are quoted, quotes doubled; rows end in CRLF. `start`/`end` are code points into
//! the current source text, empty when orphaned.

use super::{locate_all, source_name};
use crate::corpus::{AnchorStatus, Annotation, Corpus};

pub const HEADER: [&str; 14] = [
    "id",
    "article",
    "source",
    "status",
    "start",
    "end",
    "label",
    "quote",
    "note",
    "prefix",
    "suffix",
    "correction",
    "created",
    "modified",
];

pub fn export(corpus: &Corpus, annotations: &[Annotation]) -> String {
    let mut out = String::new();
    push_row(&mut out, HEADER.iter().map(|h| h.to_string()));
    for l in locate_all(corpus, annotations) {
        let a = &l.annotation;
        let (start, end) = l.span().map_or((String::new(), String::new()), |(s, e)| {
            (s.to_string(), e.to_string())
        });
        push_row(
            &mut out,
            [
                a.id.clone(),
                a.article.clone(),
                l.article
                    .map(|art| source_name(corpus, art))
                    .unwrap_or_default(),
                status_name(l.status).to_string(),
                start,
                end,
                a.label.clone(),
                a.quote.exact.clone(),
                a.note.clone(),
                a.quote.prefix.clone(),
                a.quote.suffix.clone(),
                a.correction
                    .as_ref()
                    .map(|c| serde_json::to_string(c).expect("corrections serialise"))
                    .unwrap_or_default(),
                a.created.clone(),
                a.modified.clone(),
            ]
            .into_iter(),
        );
    }
    out
}

pub fn status_name(status: AnchorStatus) -> &'static str {
    match status {
        AnchorStatus::Anchored => "anchored",
        AnchorStatus::Reanchored => "reanchored",
        AnchorStatus::Orphaned => "orphaned",
    }
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_and_breaks_are_quoted() {
        let mut out = String::new();
        push_row(
            &mut out,
            ["plain", "a,b", "say \"hi\"", "two\nlines", ""]
                .iter()
                .map(|s| s.to_string()),
        );
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }
}
