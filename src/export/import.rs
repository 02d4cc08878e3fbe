//! Merging imported annotations into a corpus's own, then re-anchoring: the counts that
//! `parallax annotations import` reports. Pure: the caller saves the result.

use super::w3c::ParsedAnnotation;
use crate::corpus::anchor::reanchor_all;
use crate::corpus::store::merge::compare_modified;
use crate::corpus::{AnchorStatus, Annotation, Corpus};
use std::cmp::Ordering;
use std::collections::HashSet;
use std::fmt;

/// What an import did. `orphaned` counts imported or updated annotations that could not be
/// anchored (they are kept all the same).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub orphaned: usize,
    pub skipped: usize,
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} imported, {} updated, {} orphaned, {} skipped ({} unchanged)",
            self.imported, self.updated, self.orphaned, self.skipped, self.unchanged
        )
    }
}

/// Merges `incoming` into `existing` by id (an item without an id matches an existing
/// annotation of the same article, span and quote): new ones are added, changed ones replace
/// the local copy unless the local one was modified later (then the item is skipped, with a
/// line in `skipped`). The result is re-anchored against the corpus.
pub fn merge_imported(
    corpus: &Corpus,
    existing: &[Annotation],
    incoming: Vec<ParsedAnnotation>,
    skipped: &mut Vec<String>,
) -> (Vec<Annotation>, ImportReport) {
    let mut merged = existing.to_vec();
    let mut report = ImportReport {
        skipped: skipped.len(),
        ..ImportReport::default()
    };
    let mut touched: HashSet<String> = HashSet::new();
    // Anchored first, so an item without an id can be matched by where it lands.
    let (mut incoming_annotations, made_up): (Vec<Annotation>, Vec<bool>) = incoming
        .into_iter()
        .map(|p| (p.annotation, p.made_up_id))
        .unzip();
    reanchor_all(corpus, &mut incoming_annotations);
    for (mut annotation, made_up_id) in incoming_annotations.into_iter().zip(made_up) {
        let same_target = |a: &Annotation| {
            a.article == annotation.article
                && a.quote.exact == annotation.quote.exact
                && (a.start, a.end) == (annotation.start, annotation.end)
        };
        let found = if made_up_id {
            merged.iter().position(same_target)
        } else {
            merged.iter().position(|a| a.id == annotation.id)
        };
        match found {
            None => {
                report.imported += 1;
                touched.insert(annotation.id.clone());
                merged.push(annotation);
            }
            Some(i) => {
                if made_up_id {
                    annotation.id = merged[i].id.clone();
                    annotation.created = merged[i].created.clone();
                }
                if same_content(&merged[i], &annotation) {
                    report.unchanged += 1;
                } else if compare_modified(&merged[i], &annotation) == Ordering::Greater {
                    report.skipped += 1;
                    skipped.push(format!(
                        "{}: the local copy was modified later; kept",
                        annotation.id
                    ));
                } else {
                    report.updated += 1;
                    touched.insert(annotation.id.clone());
                    merged[i] = annotation;
                }
            }
        }
    }
    let anchors = reanchor_all(corpus, &mut merged);
    report.orphaned = merged
        .iter()
        .zip(&anchors)
        .filter(|(a, anchor)| anchor.status == AnchorStatus::Orphaned && touched.contains(&a.id))
        .count();
    (merged, report)
}

/// Equal apart from timestamps and what re-anchoring rewrites on its own (an imported hash
/// that is empty or stale).
fn same_content(local: &Annotation, incoming: &Annotation) -> bool {
    let incoming = Annotation {
        source_hash: local.source_hash.clone(),
        created: local.created.clone(),
        modified: local.modified.clone(),
        ..incoming.clone()
    };
    *local == incoming
}
