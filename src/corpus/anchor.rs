//! Anchoring annotations to an article's current text (minimal version; the full re-anchoring
//! lands with the annotation store).

use super::annotation::{quote_of, source_hash, AnchorStatus, Annotation};
use super::Article;
use crate::text::CharSpan;
use std::collections::HashSet;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub status: AnchorStatus,
    pub span: Option<CharSpan>,
}

pub fn anchor(annotation: &Annotation, source: &str) -> Anchor {
    let chars: Vec<char> = source.chars().collect();
    let (start, end) = (annotation.start, annotation.end);
    if end <= chars.len()
        && chars[start.min(end)..end].iter().collect::<String>() == annotation.quote.exact
    {
        let status = if source_hash(source) == annotation.source_hash {
            AnchorStatus::Anchored
        } else {
            AnchorStatus::Reanchored
        };
        return Anchor {
            status,
            span: Some(CharSpan::new(start, end)),
        };
    }
    Anchor {
        status: AnchorStatus::Orphaned,
        span: None,
    }
}

pub fn new_annotation(
    article: &Article,
    span: CharSpan,
    label: &str,
    note: &str,
    existing: &HashSet<String>,
) -> Annotation {
    let chars: Vec<char> = article.source.chars().collect();
    let now = crate::text::timestamp::now_rfc3339();
    let mut n = existing.len() + 1;
    let mut id = format!("ann-{n}");
    while existing.contains(&id) {
        n += 1;
        id = format!("ann-{n}");
    }
    Annotation {
        id,
        article: article.id.clone(),
        source_hash: source_hash(&article.source),
        start: span.start.0,
        end: span.end.0,
        quote: quote_of(&chars, span.start.0, span.end.0),
        label: label.to_string(),
        note: note.to_string(),
        correction: None,
        created: now.clone(),
        modified: now,
    }
}
