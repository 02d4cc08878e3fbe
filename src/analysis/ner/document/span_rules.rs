//! Repairs to the tagger's spans inside one segment: possessives and dashes trimmed,
//! person names extended over particles ("Osama bin Laden", "Bashar el-Assad"), people
//! relabelled by the document's names, hyphenated pairs split ("Sharaa-Putin").

use super::name_book::{is_particle_name, lower_key, NameBook};
use super::{gazetteer_kind, Found, Segment};
use crate::analysis::entity_kind::EntityKind;
use crate::analysis::ner::gazetteer::{Gazetteer, GazetteerList};

/// Lower-case particles that belong inside a person's name ("Osama bin Laden").
const NAME_PARTICLES: [&str; 17] = [
    "bin", "ibn", "bint", "ben", "van", "der", "den", "de", "la", "du", "da", "di", "von", "ter",
    "al", "el", "abu",
];

pub(super) fn is_dash(word: &str) -> bool {
    matches!(
        word,
        "-" | "\u{2010}" | "\u{2011}" | "\u{2012}" | "\u{2013}" | "\u{2014}"
    )
}

fn is_possessive(word: &str) -> bool {
    matches!(
        word,
        "'s" | "\u{2019}s" | "'S" | "\u{2019}S" | "'" | "\u{2019}"
    )
}

/// "Assad’s" → "Assad"; a dash left at either end of a span is not part of the name.
pub(super) fn trim_possessives_and_dashes(segment: &mut Segment) {
    let words = &segment.words;
    for found in &mut segment.found {
        while found.end > found.start
            && (is_possessive(words[found.end - 1]) || is_dash(words[found.end - 1]))
        {
            found.end -= 1;
        }
        while found.start < found.end && is_dash(words[found.start]) {
            found.start += 1;
        }
    }
    segment.found.retain(|f| f.start < f.end);
}

/// Extends person names over lower-case particles: "Osama" + "bin" + "Laden".
pub(super) fn merge_name_particles(segment: &mut Segment) {
    segment.found.sort_by_key(|f| f.start);
    let words = &segment.words;
    let mut merged: Vec<Found> = Vec::new();
    let mut index = 0;
    while index < segment.found.len() {
        let mut current = segment.found[index];
        index += 1;
        while current.kind == EntityKind::Person {
            let mut next = current.end;
            while next < words.len() && NAME_PARTICLES.contains(&words[next]) {
                next += 1;
            }
            let joins = match words.get(next) {
                // "Bashar" + "el-Assad": a particle-prefixed name continues the name.
                Some(word) if next == current.end => is_particle_name(word),
                Some(word) => word.chars().next().is_some_and(char::is_uppercase),
                None => false,
            };
            if !joins {
                break;
            }
            match segment.found.get(index) {
                Some(following) if following.start == next => {
                    current.end = following.end;
                    index += 1;
                }
                Some(following) if following.start < next + 1 => break,
                _ => current.end = next + 1,
            }
        }
        merged.push(current);
    }
    segment.found = merged;
}

/// A known first name before a particle name is a person even when the tagger missed it:
/// "Bashar el-Assad fled", "Hafez al-Assad".
pub(super) fn add_particle_names(segment: &mut Segment) {
    let gazetteer = Gazetteer::shared();
    for start in 0..segment.words.len().saturating_sub(1) {
        let (first, last) = (segment.words[start], segment.words[start + 1]);
        let end = start + 2;
        if !first.chars().next().is_some_and(char::is_uppercase)
            || !is_particle_name(last)
            || !gazetteer.contains(&[first], GazetteerList::FirstName)
        {
            continue;
        }
        let overlapping = |f: &Found| f.start < end && start < f.end;
        if segment
            .found
            .iter()
            .filter(|f| overlapping(f))
            .all(|f| start <= f.start && f.end <= end)
        {
            segment.found.retain(|f| !overlapping(f));
            segment.found.push(Found {
                start,
                end,
                kind: EntityKind::Person,
            });
        }
    }
    segment.found.sort_by_key(|f| f.start);
}

/// A person named in full is a person in every later mention: a lone "al-Sharaa" or
/// "Assad" that the tagger called an organisation or place, and "Bashar al-Assad" (a known
/// first name before a particle name) tagged as an organisation.
pub(super) fn relabel_people(segment: &mut Segment, names: &NameBook) {
    let gazetteer = Gazetteer::shared();
    for found in &mut segment.found {
        let words = &segment.words[found.start..found.end];
        let surname = words.len() == 1 && names.surnames.contains(&lower_key(words));
        let full_name = words.len() >= 2
            && gazetteer.contains(&words[..1], GazetteerList::FirstName)
            && words.last().is_some_and(|w| is_particle_name(w));
        if (surname || full_name) && found.kind != EntityKind::Date {
            found.kind = EntityKind::Person;
        }
    }
}

/// Splits "Sharaa-Putin" and "Syrian-Russian" into their parts when each part is itself a
/// known name; "Guinea-Bissau" or "Jean-Pierre" stay whole.
pub(super) fn split_at_hyphens(segment: &mut Segment, names: &NameBook) {
    let words = &segment.words;
    let tokens = &segment.tokens;
    let mut result = Vec::with_capacity(segment.found.len());
    for found in &segment.found {
        let mut parts = Vec::new();
        let mut part_start = found.start;
        for index in found.start..found.end {
            if is_dash(words[index]) && tokens[index].glued {
                parts.push(part_start..index);
                part_start = index + 1;
            }
        }
        parts.push(part_start..found.end);
        if parts.len() == 1 {
            result.push(*found);
            continue;
        }
        let kinds: Option<Vec<EntityKind>> = parts
            .iter()
            .map(|p| {
                let part = &words[p.clone()];
                names
                    .kind(&lower_key(part))
                    .or_else(|| gazetteer_kind(part))
            })
            .collect();
        match kinds {
            Some(kinds) if parts.iter().all(|p| !p.is_empty()) => {
                for (part, kind) in parts.into_iter().zip(kinds) {
                    result.push(Found {
                        start: part.start,
                        end: part.end,
                        kind,
                    });
                }
            }
            _ => result.push(*found),
        }
    }
    segment.found = result;
}
