//! An annotation: a span of an article's source text with a label and a note, anchored the way
//! the W3C Web Annotation model anchors text (a position selector and a quote selector), so it
//! survives edits to the article. Entity corrections are annotations too.

use crate::analysis::entity_kind::EntityKind;
use serde::{Deserialize, Serialize};

/// How many characters of context the quote selector keeps on each side.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

/// One annotation, as stored (field order is the on-disk key order).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique and stable: "ann-" plus a time-based, collision-checked suffix.
    pub id: String,
    /// The article's id in the corpus.
    pub article: String,
    /// Hash of the article's source text when the annotation was made or last re-anchored
    /// (see [`source_hash`]).
    pub source_hash: String,
    /// Position selector: code point offsets into the source text.
    pub start: usize,
    pub end: usize,
    /// Quote selector.
    pub quote: Quote,
    /// One of the labels (`assets/labels.txt`), or a user's own.
    pub label: String,
    /// Free text; may span lines.
    #[serde(default)]
    pub note: String,
    /// An entity correction, when this annotation is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<Correction>,
    /// RFC 3339 timestamps.
    pub created: String,
    pub modified: String,
}

/// The W3C TextQuoteSelector: the exact text and some context either side.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// A user's correction of the entity recogniser or clustering. It applies to every mention
/// with the same surface text, in every source, now and on every later load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Correction {
    /// The quoted text is an entity of this kind.
    Entity { kind: EntityKind },
    /// The quoted text is not an entity.
    NotEntity,
    /// The quoted text's entity is the same as the one named `into`.
    Merge { into: String },
    /// The quoted text's entity must not be clustered with the one named `from`.
    Split { from: String },
}

/// Where an annotation stands against the article's current text.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorStatus {
    /// The text is unchanged (or the position still holds the quote).
    Anchored,
    /// The text changed and the quote was found again elsewhere.
    Reanchored,
    /// The quote could not be found: kept, listed, never dropped.
    Orphaned,
}

/// The hash of a source text stored with annotations: FNV-1a 64 over its UTF-8 bytes, as
/// `fnv1a64:` plus 16 hex digits. Only used to notice change, not for security.
pub fn source_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x100000001b3);
    }
    format!("fnv1a64:{hash:016x}")
}

/// The quote selector for `chars[start..end]` of a text given as its chars.
pub fn quote_of(chars: &[char], start: usize, end: usize) -> Quote {
    let start = start.min(chars.len());
    let end = end.clamp(start, chars.len());
    Quote {
        exact: chars[start..end].iter().collect(),
        prefix: chars[start.saturating_sub(QUOTE_CONTEXT_CHARS)..start]
            .iter()
            .collect(),
        suffix: chars[end..(end + QUOTE_CONTEXT_CHARS).min(chars.len())]
            .iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_keep_up_to_32_chars_of_context() {
        let text: Vec<char> = "Kremlin spokesman Dmitry Peskov said discussions would include"
            .chars()
            .collect();
        let q = quote_of(&text, 18, 31);
        assert_eq!(q.exact, "Dmitry Peskov");
        assert_eq!(q.prefix, "Kremlin spokesman ");
        assert_eq!(q.suffix, " said discussions would include");
    }

    #[test]
    fn corrections_serialise_with_an_action_tag() {
        let json = serde_json::to_string(&Correction::Entity {
            kind: EntityKind::Org,
        })
        .unwrap();
        assert_eq!(json, r#"{"action":"entity","kind":"ORG"}"#);
    }
}
