//! Names confirmed by trusted text (body sentences), with the votes for their kind and
//! the aliases a full person name implies (its surname, its particle-less surname).

use super::is_dash;
use super::Segment;
use crate::analysis::entity_kind::EntityKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Longest name, in tokens, that is propagated through the document.
pub(super) const MAX_NAME_TOKENS: usize = 8;

/// Names confirmed by trusted text, keyed by their lower-case tokens.
#[derive(Default)]
pub(super) struct NameBook {
    pub(super) votes: HashMap<String, [u32; 5]>,
    /// Last names (and particle-less last names) of people named in full: "assad\u{1}".
    pub(super) surnames: HashSet<String>,
    /// Original spelling of each name, for case-exact matching in running text.
    pub(super) spelling: HashMap<String, Vec<String>>,
}

pub(super) fn lower_key(words: &[&str]) -> String {
    let mut key = String::new();
    for word in words {
        key.push_str(&word.to_lowercase());
        key.push('\u{1}');
    }
    key
}

fn kind_index(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

impl NameBook {
    fn add(&mut self, words: &[&str], kind: EntityKind, weight: u32) {
        if words.is_empty() || words.len() > MAX_NAME_TOKENS || kind == EntityKind::Date {
            return;
        }
        let key = lower_key(words);
        self.votes.entry(key.clone()).or_default()[kind_index(kind)] += weight;
        self.spelling
            .entry(key)
            .or_insert_with(|| words.iter().map(|w| w.to_string()).collect());
    }

    /// Records a segment's names; a person's surname and particle-less name become aliases.
    pub(super) fn learn(&mut self, segment: &Segment, after_split: bool) {
        for found in &segment.found {
            let words = &segment.words[found.start..found.end];
            if words.iter().any(|w| is_dash(w)) {
                // Hyphenated spans never become propagation keys; their parts may.
                continue;
            }
            if after_split && self.kind(&lower_key(words)).is_some() {
                continue;
            }
            self.add(words, found.kind, 2);
            let Some(&last) = words.last() else { continue };
            if found.kind == EntityKind::Person && words.len() > 1 {
                self.add(&[last], EntityKind::Person, 1);
                self.surnames.insert(lower_key(&[last]));
                if let Some(bare) = strip_particle(last) {
                    self.add(&[bare], EntityKind::Person, 1);
                    self.surnames.insert(lower_key(&[bare]));
                }
            }
            if found.kind == EntityKind::Person && words.len() == 1 {
                if let Some(bare) = strip_particle(last) {
                    self.add(&[bare], EntityKind::Person, 1);
                }
            }
        }
    }

    pub(super) fn kind(&self, key: &str) -> Option<EntityKind> {
        if self.surnames.contains(key) {
            return Some(EntityKind::Person);
        }
        let votes = self.votes.get(key)?;
        let best = (0..5).max_by_key(|&k| (votes[k], std::cmp::Reverse(k)))?;
        (votes[best] > 0).then_some(EntityKind::ALL[best])
    }
}

/// "el-Assad", "al-Sharaa": a particle joined to a capitalised name.
pub(super) fn is_particle_name(word: &str) -> bool {
    strip_particle(word).is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}

/// "al-Sharaa" → "Sharaa".
pub(super) fn strip_particle(word: &str) -> Option<&str> {
    let (particle, rest) = word.split_once('-')?;
    let known = [
        "al", "el", "ad", "ed", "ar", "as", "ash", "at", "az", "ez", "an", "ul",
    ];
    (known.iter().any(|p| p.eq_ignore_ascii_case(particle)) && !rest.is_empty()).then_some(rest)
}
