//! The finder's index: every candidate's text, folded once at build time and laid end to end
//! in one arena so the prefilter scans memory in order. Immutable once built: share it behind
//! an `Arc` and search it from any thread.

use super::fold::FoldedText;
use super::masks::ByteMasks;
use super::presence::presence_of;
use super::results::Context;
use super::score::{ascii_bonuses, upper_bits, BONUS_CLASSES};
use super::target::{Kind, Target};
use crate::text::display_safe;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT_INDEX_ID: AtomicU64 = AtomicU64::new(1);

/// Bytes after the last field, so the bitsets read every field in whole 64-byte words.
pub(super) const ARENA_PADDING: usize = 64;

/// Every candidate of one corpus, ready to search. Build it with [`FinderIndex::build`] (from a
/// corpus) or an [`IndexBuilder`].
#[derive(Debug)]
pub struct FinderIndex {
    /// Tells one build from another, so results of an older index are never narrowed.
    pub(super) id: u64,
    /// Folded field texts, back to back, then [`ARENA_PADDING`] spaces so that any field can
    /// be read in whole 64-byte words.
    pub(super) arena: String,
    /// skim's in-place bonus of each arena byte (used for ASCII fields).
    pub(super) bonuses: Vec<u8>,
    /// ASCII fields: bitsets of their bonus classes (`BONUS_CLASSES`), three rows each, then
    /// one of their upper-case letters (`upper_bits`).
    pub(super) classes: Vec<u64>,
    pub(super) fields: Vec<FieldSlot>,
    pub(super) texts: Vec<FieldText>,
    /// Candidate `i` has fields `field_start[i]..field_start[i + 1]`.
    pub(super) field_start: Vec<u32>,
    pub(super) targets: Vec<Target>,
    /// Each candidate's byte presence summary (`presence.rs`), over all its fields.
    pub(super) presence: Vec<u64>,
    pub(super) contexts: Vec<Option<Box<Context>>>,
    /// The candidates of each kind: one run each, in [`Kind`] order.
    pub(super) kinds: [Range<u32>; 4],
}

/// Where a field's folded text lies in the arena (the part the search loop reads).
#[derive(Copy, Clone, Debug)]
pub(super) struct FieldSlot {
    pub start: u32,
    pub end: u32,
    /// Where its bonus-class bitsets start in `FinderIndex::classes` (ASCII fields).
    pub classes: u32,
    pub ascii: bool,
    /// A hidden field (an alias) counts for a term only when no shown field matches it.
    pub shown: bool,
}

/// What a result shows of a field.
#[derive(Clone, Debug)]
pub(super) struct FieldText {
    pub display: Box<str>,
    /// Folded character → display character, when folding did not keep one for one.
    pub origin: Option<Box<[u32]>>,
    pub display_chars: u32,
    /// Shown fields make up a result's text; a hidden one (an alias) is added when it matched.
    pub shown: bool,
}

/// One searchable text of a candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub shown: bool,
}

impl Field {
    /// A field that is always part of the result's text (a title, a sentence).
    pub fn shown(text: impl Into<String>) -> Field {
        Field {
            text: text.into(),
            shown: true,
        }
    }

    /// A field shown only when it matched (an entity's alias).
    pub fn hidden(text: impl Into<String>) -> Field {
        Field {
            text: text.into(),
            shown: false,
        }
    }
}

/// Collects candidates in any order; [`IndexBuilder::build`] groups them by kind and sorts
/// each kind by target.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    pending: [Vec<Pending>; 4],
}

#[derive(Debug)]
struct Pending {
    target: Target,
    fields: Vec<Field>,
    context: Option<Context>,
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Adds a candidate. Field texts are made display-safe here; empty fields are dropped, and
    /// a candidate with no field left is never found.
    pub fn add(&mut self, target: Target, fields: Vec<Field>, context: Option<Context>) {
        let fields = fields
            .into_iter()
            .filter(|f| !f.text.trim().is_empty())
            .map(|f| Field {
                text: display_safe(&f.text).into_owned(),
                shown: f.shown,
            })
            .collect();
        self.pending[target.kind().slot()].push(Pending {
            target,
            fields,
            context,
        });
    }

    pub fn build(self) -> FinderIndex {
        let count: usize = self.pending.iter().map(Vec::len).sum();
        let mut index = FinderIndex {
            id: NEXT_INDEX_ID.fetch_add(1, Ordering::Relaxed),
            arena: String::new(),
            bonuses: Vec::new(),
            classes: Vec::new(),
            fields: Vec::with_capacity(count),
            texts: Vec::with_capacity(count),
            field_start: Vec::with_capacity(count + 1),
            targets: Vec::with_capacity(count),
            presence: Vec::with_capacity(count),
            contexts: Vec::with_capacity(count),
            kinds: Default::default(),
        };
        index.field_start.push(0);
        for (slot, mut pending) in self.pending.into_iter().enumerate() {
            pending.sort_by(|a, b| a.target.cmp(&b.target));
            let begin = index.targets.len() as u32;
            for candidate in pending {
                let mut presence = 0;
                for field in candidate.fields {
                    presence |= index.push_field(field);
                }
                index.presence.push(presence);
                index.field_start.push(index.fields.len() as u32);
                index.targets.push(candidate.target);
                index.contexts.push(candidate.context.map(Box::new));
            }
            index.kinds[slot] = begin..index.targets.len() as u32;
        }
        index.arena.extend(std::iter::repeat_n(' ', ARENA_PADDING));
        index.arena.shrink_to_fit();
        index.bonuses.shrink_to_fit();
        index.classes.shrink_to_fit();
        index
    }
}

impl FinderIndex {
    /// Adds a field's text; returns its byte presence summary.
    fn push_field(&mut self, field: Field) -> u64 {
        let (folded, origin, display_chars) = FoldedText::new(&field.text).into_parts();
        let presence = presence_of(folded.as_bytes());
        let start = self.arena.len() as u32;
        self.arena.push_str(&folded);
        let bonus_start = self.bonuses.len();
        ascii_bonuses(folded.as_bytes(), &mut self.bonuses);
        let classes = self.classes.len() as u32;
        if folded.is_ascii() {
            let mut masks = ByteMasks::default();
            masks.build(&self.bonuses[bonus_start..], &BONUS_CLASSES);
            self.classes
                .extend((0..3).flat_map(|c| masks.row(c).to_vec()));
            upper_bits(folded.as_bytes(), &mut self.classes);
        }
        self.fields.push(FieldSlot {
            start,
            end: self.arena.len() as u32,
            classes,
            ascii: folded.is_ascii(),
            shown: field.shown,
        });
        self.texts.push(FieldText {
            display: field.text.into_boxed_str(),
            origin,
            display_chars,
            shown: field.shown,
        });
        presence
    }

    /// Number of candidates.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Number of candidates of one kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.kinds[kind.slot()].len()
    }

    /// The candidate ids of a kind, or of all kinds.
    pub(super) fn ids_of(&self, kind: Option<Kind>) -> Range<u32> {
        match kind {
            Some(kind) => self.kinds[kind.slot()].clone(),
            None => 0..self.targets.len() as u32,
        }
    }

    pub(super) fn field_ids(&self, id: u32) -> Range<usize> {
        self.field_start[id as usize] as usize..self.field_start[id as usize + 1] as usize
    }

    pub(super) fn bonuses(&self, field: usize) -> &[u8] {
        let slot = self.fields[field];
        &self.bonuses[slot.start as usize..slot.end as usize]
    }

    /// The bonus-class bitsets of an ASCII field: head, break, camel.
    #[inline]
    pub(super) fn classes(&self, field: usize) -> [&[u64]; 3] {
        let slot = self.fields[field];
        let words = (slot.end - slot.start).div_ceil(64) as usize;
        let at = slot.classes as usize;
        let row = |c: usize| &self.classes[at + c * words..at + (c + 1) * words];
        [row(0), row(1), row(2)]
    }

    /// The folded text of a field followed by the rest of the arena (at least
    /// [`ARENA_PADDING`] more bytes), for reading it in whole words.
    pub(super) fn folded_padded(&self, field: usize) -> &[u8] {
        &self.arena.as_bytes()[self.fields[field].start as usize..]
    }

    /// The upper-case letters of an ASCII field, as a bitset.
    pub(super) fn upper(&self, field: usize) -> &[u64] {
        let slot = self.fields[field];
        let words = (slot.end - slot.start).div_ceil(64) as usize;
        let at = slot.classes as usize + 3 * words;
        &self.classes[at..at + words]
    }

    pub(super) fn folded(&self, field: usize) -> &str {
        let slot = self.fields[field];
        &self.arena[slot.start as usize..slot.end as usize]
    }

    /// The candidate id of a target, if the index holds it.
    pub fn position(&self, target: &Target) -> Option<u32> {
        let range = self.kinds[target.kind().slot()].clone();
        let targets = &self.targets[range.start as usize..range.end as usize];
        let found = match target {
            // By id and by place alone: a span may have moved since the target was recorded.
            Target::Annotation { id, .. } => targets
                .iter()
                .position(|t| matches!(t, Target::Annotation { id: other, .. } if other == id)),
            Target::Sentence {
                article, sentence, ..
            } => targets
                .binary_search_by(|t| match t {
                    Target::Sentence {
                        article: a,
                        sentence: s,
                        ..
                    } => (a, s).cmp(&(article, sentence)),
                    _ => std::cmp::Ordering::Less,
                })
                .ok(),
            _ => targets.binary_search(target).ok(),
        };
        found.map(|i| range.start + i as u32)
    }

    /// The target of a candidate id.
    pub(super) fn target(&self, id: u32) -> &Target {
        &self.targets[id as usize]
    }
}
