//! Merging this instance's annotations with what another instance wrote to the same file since
//! we last read it. Three-way by id against the version both started from: a side that did
//! not change an annotation yields to the side that did; when both changed it, the later
//! `modified` wins (ours on a tie). A deletion stands unless the other side edited the
//! annotation afterwards (an edit is work; it is never lost). Pure: no disk.

use crate::corpus::annotation::Annotation;
use crate::text::timestamp::parse_rfc3339;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// `base`: the file as this instance last read or wrote it. `ours`: this instance's list.
/// `theirs`: the file now. `deleted`: annotations this instance deleted this session, as they
/// were when deleted. Returns the merged list, in no particular order.
pub fn merge(
    base: &[Annotation],
    ours: &[Annotation],
    theirs: &[Annotation],
    deleted: &HashMap<String, Annotation>,
) -> Vec<Annotation> {
    let base: HashMap<&str, &Annotation> = base.iter().map(|a| (a.id.as_str(), a)).collect();
    let ours_by_id = latest_by_id(ours);
    let theirs_by_id = latest_by_id(theirs);
    let mut merged = Vec::with_capacity(ours_by_id.len().max(theirs_by_id.len()));
    let mut seen: HashSet<&str> = HashSet::new();
    for a in ours.iter().chain(theirs) {
        let id = a.id.as_str();
        if !seen.insert(id) {
            continue;
        }
        let chosen = match (ours_by_id.get(id), theirs_by_id.get(id)) {
            (Some(o), Some(t)) => Some(both(base.get(id).copied(), o, t)),
            // Theirs lacks it: new here, or deleted there (which stands unless we edited it).
            (Some(o), None) => match base.get(id) {
                Some(b) if *b == *o => None,
                _ => Some(*o),
            },
            // Ours lacks it: new there, or deleted here (which stands unless they edited it).
            (None, Some(t)) => match deleted.get(id) {
                Some(d) if d == *t => None,
                Some(_) => Some(*t),
                None if base.get(id).is_some_and(|b| *b == *t) => None,
                None => Some(*t),
            },
            (None, None) => None,
        };
        merged.extend(chosen.cloned());
    }
    merged
}

fn both<'a>(
    base: Option<&Annotation>,
    ours: &'a Annotation,
    theirs: &'a Annotation,
) -> &'a Annotation {
    let theirs_unchanged = ours == theirs || base == Some(theirs);
    let ours_unchanged = base == Some(ours);
    if !theirs_unchanged && (ours_unchanged || compare_modified(theirs, ours) == Ordering::Greater)
    {
        theirs
    } else {
        ours
    }
}

/// One annotation per id: the later modified if a list repeats an id.
fn latest_by_id(list: &[Annotation]) -> HashMap<&str, &Annotation> {
    let mut by_id: HashMap<&str, &Annotation> = HashMap::with_capacity(list.len());
    for a in list {
        by_id
            .entry(a.id.as_str())
            .and_modify(|kept| {
                if compare_modified(a, kept) != Ordering::Less {
                    *kept = a;
                }
            })
            .or_insert(a);
    }
    by_id
}

/// Orders by `modified` as instants (any zone offset); text order if either does not parse.
pub fn compare_modified(a: &Annotation, b: &Annotation) -> Ordering {
    match (parse_rfc3339(&a.modified), parse_rfc3339(&b.modified)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => a.modified.cmp(&b.modified),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::annotation::Quote;

    fn ann(id: &str, note: &str, modified: &str) -> Annotation {
        Annotation {
            id: id.into(),
            article: "a".into(),
            source_hash: "h".into(),
            start: 0,
            end: 1,
            quote: Quote::default(),
            label: "claim".into(),
            note: note.into(),
            correction: None,
            created: "2026-01-01T00:00:00.000Z".into(),
            modified: modified.into(),
        }
    }

    const T0: &str = "2026-01-01T00:00:00.000Z";
    const T1: &str = "2026-01-01T00:00:01.000Z";
    const T2: &str = "2026-01-01T00:00:02.000Z";

    fn notes(mut list: Vec<Annotation>) -> Vec<(String, String)> {
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list.into_iter().map(|a| (a.id, a.note)).collect()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn additions_on_both_sides_are_kept() {
        let base = vec![ann("x", "", T0)];
        let ours = vec![ann("x", "", T0), ann("a", "mine", T1)];
        let theirs = vec![ann("x", "", T0), ann("b", "theirs", T1)];
        let merged = merge(&base, &ours, &theirs, &HashMap::new());
        assert_eq!(
            notes(merged),
            pairs(&[("a", "mine"), ("b", "theirs"), ("x", "")])
        );
    }

    #[test]
    fn an_edit_on_one_side_wins_over_no_change_whatever_the_clock() {
        let base = vec![ann("x", "old", T2)];
        let theirs = vec![ann("x", "edited there", T1)];
        let merged = merge(&base, &base, &theirs, &HashMap::new());
        assert_eq!(notes(merged), pairs(&[("x", "edited there")]));
    }

    #[test]
    fn when_both_edit_the_later_modified_wins() {
        let base = vec![ann("x", "old", T0)];
        let ours = vec![ann("x", "mine", T1)];
        let theirs = vec![ann("x", "theirs", "2026-01-01T01:00:00.500+01:00")];
        assert_eq!(
            notes(merge(&base, &ours, &theirs, &HashMap::new())),
            pairs(&[("x", "mine")])
        );
        let theirs = vec![ann("x", "theirs", T2)];
        assert_eq!(
            notes(merge(&base, &ours, &theirs, &HashMap::new())),
            pairs(&[("x", "theirs")])
        );
    }

    #[test]
    fn deletions_are_not_resurrected() {
        let (x, y) = (vec![ann("x", "", T0)], vec![ann("y", "", T0)]);
        // We deleted x; they still have it unchanged. They deleted y; we still have it.
        let deleted = HashMap::from([("x".to_string(), x[0].clone())]);
        let base = [x.clone(), y.clone()].concat();
        let merged = merge(&base, &y, &x, &deleted);
        assert!(merged.is_empty(), "{merged:?}");
        // We deleted x in an earlier save (no longer in base); they still have the old one.
        let merged = merge(&[], &[], &x, &deleted);
        assert!(merged.is_empty());
    }

    #[test]
    fn an_edit_after_a_deletion_is_kept() {
        let x = vec![ann("x", "", T0)];
        let deleted = HashMap::from([("x".to_string(), x[0].clone())]);
        let edited = ann("x", "edited there", T1);
        let merged = merge(&x, &[], &[edited], &deleted);
        assert_eq!(notes(merged), pairs(&[("x", "edited there")]));
        let mine = ann("x", "edited here", T1);
        let merged = merge(&x, &[mine], &[], &HashMap::new());
        assert_eq!(notes(merged), pairs(&[("x", "edited here")]));
    }
}
