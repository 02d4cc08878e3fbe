//! The user's entity corrections (annotations with a `correction`) as inputs to recognition
//! and clustering: texts to mark as entities wherever they occur, and clustering overrides.

use super::entities::EntityOverride;
use super::entity_kind::EntityKind;
use super::ner::RawMention;
use crate::corpus::annotation::{Annotation, Correction};
use std::ops::Range;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityCorrections {
    pub overrides: Vec<EntityOverride>,
    /// Texts that are entities of a kind wherever they occur as whole words.
    pub additions: Vec<(String, EntityKind)>,
}

impl EntityCorrections {
    pub fn from_annotations(annotations: &[Annotation]) -> EntityCorrections {
        let mut corrections = EntityCorrections::default();
        for a in annotations {
            let text = a.quote.exact.trim().to_string();
            if text.is_empty() {
                continue;
            }
            match &a.correction {
                Some(Correction::Entity { kind }) => {
                    corrections.additions.push((text.clone(), *kind));
                    corrections
                        .overrides
                        .push(EntityOverride::Retype { text, kind: *kind });
                }
                Some(Correction::NotEntity) => corrections
                    .overrides
                    .push(EntityOverride::NotEntity { text }),
                Some(Correction::Merge { into }) => {
                    corrections.overrides.push(EntityOverride::Merge {
                        from: text,
                        into: into.clone(),
                    })
                }
                Some(Correction::Split { from }) => {
                    corrections.overrides.push(EntityOverride::Split {
                        text,
                        from: from.clone(),
                    })
                }
                None => {}
            }
        }
        corrections
    }

    /// Adds the marked texts to one article's mentions, inside `ranges` (headline, dek, body
    /// sentences), replacing mentions they overlap. Keeps the list sorted and non-overlapping.
    pub fn add_marked(&self, text: &str, ranges: &[Range<usize>], mentions: &mut Vec<RawMention>) {
        for (needle, kind) in &self.additions {
            for range in ranges {
                let Some(hay) = text.get(range.clone()) else {
                    continue;
                };
                for (at, _) in hay.match_indices(needle.as_str()) {
                    let start = range.start + at;
                    let end = start + needle.len();
                    let word_edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                    if !word_edge(text[..start].chars().next_back())
                        || !word_edge(text[end..].chars().next())
                    {
                        continue;
                    }
                    mentions.retain(|m| m.span.end <= start || m.span.start >= end);
                    mentions.push(RawMention {
                        span: start..end,
                        kind: *kind,
                    });
                }
            }
        }
        mentions.sort_by_key(|m| m.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_texts_replace_overlapping_mentions_at_word_edges() {
        let corrections = EntityCorrections {
            overrides: vec![],
            additions: vec![("Sana".to_string(), EntityKind::Org)],
        };
        let text = "Sana said. Sanaa is a city. The Sana agency.";
        let mut mentions = vec![RawMention {
            span: 32..43,
            kind: EntityKind::Org,
        }];
        corrections.add_marked(text, std::slice::from_ref(&(0..text.len())), &mut mentions);
        let spans: Vec<_> = mentions.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(spans, vec!["Sana", "Sana"]);
    }
}
