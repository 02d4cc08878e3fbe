//! Recognition over one whole article: tokenizes the headline, subtitle and body sentences,
//! runs the tagger with document context, then makes the result consistent across the
//! document. Title-case lines (headlines, captions) are tagged with low trust: only names
//! confirmed by the body or the gazetteer survive there. Body names are propagated to every
//! untagged mention. Dates come from rules and win any overlap.

use super::context::SentenceCase;
use super::dates::find_dates;
use super::gazetteer::{Gazetteer, GazetteerList};
use super::kind::{kind_of_label, kind_of_lists};
use super::token::{tokenize_range, Token};
use super::{NerInput, RawMention, Recognizer};
use crate::analysis::entity_kind::EntityKind;
use std::collections::HashMap;

/// A mention inside one segment, over token indices `start..end`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Found {
    start: usize,
    end: usize,
    kind: EntityKind,
}

/// One headline, subtitle or body sentence, tokenized.
struct Segment<'a> {
    tokens: Vec<Token>,
    words: Vec<&'a str>,
    case: SentenceCase,
    found: Vec<Found>,
}

impl Segment<'_> {
    fn low_trust(&self) -> bool {
        self.case == SentenceCase::Title
    }

    fn is_free(&self, start: usize, end: usize) -> bool {
        self.found.iter().all(|f| f.end <= start || end <= f.start)
    }
}

/// Longest name, in tokens, that is propagated through the document.
const MAX_NAME_TOKENS: usize = 8;

/// Lower-case particles that belong inside a person's name ("Osama bin Laden").
const NAME_PARTICLES: [&str; 17] = [
    "bin", "ibn", "bint", "ben", "van", "der", "den", "de", "la", "du", "da", "di", "von", "ter",
    "al", "el", "abu",
];

/// Recognises the mentions of one article with the given tagger.
pub fn recognize_with(recognizer: &Recognizer, input: &NerInput) -> Vec<RawMention> {
    let text = input.text;
    let ranges = input.sentences.iter().cloned().chain(input.subtitle.clone()).chain(input.headline.clone());
    let mut segments: Vec<Segment> = ranges
        .map(|range| {
            let tokens = tokenize_range(text, range);
            let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
            let case = SentenceCase::of(&words);
            Segment { tokens, words, case, found: Vec::new() }
        })
        .filter(|segment| !segment.tokens.is_empty())
        .collect();
    let sentences: Vec<&[&str]> = segments.iter().map(|s| s.words.as_slice()).collect();
    let tagged = recognizer.tag_document(&sentences);
    for (segment, spans) in segments.iter_mut().zip(tagged) {
        for span in spans {
            let words = &segment.words[span.start..span.end];
            if let Some(kind) = kind_of_label(span.label, words) {
                let kind = gazetteer_kind(words).unwrap_or(kind);
                segment.found.push(Found { start: span.start, end: span.end, kind });
            }
        }
        trim_possessives_and_dashes(segment);
        merge_name_particles(segment);
    }
    let mut names = NameBook::default();
    for segment in segments.iter().filter(|s| !s.low_trust()) {
        names.learn(segment, false);
    }
    for segment in &mut segments {
        split_at_hyphens(segment, &names);
    }
    for segment in segments.iter().filter(|s| !s.low_trust()) {
        names.learn(segment, true);
    }
    for segment in &mut segments {
        if segment.low_trust() {
            let words = &segment.words;
            segment.found.retain(|f| {
                let key = lower_key(&words[f.start..f.end]);
                names.kind(&key).is_some() || gazetteer_kind(&words[f.start..f.end]).is_some()
            });
        }
        propagate_names(segment, &names);
        fill_from_gazetteer(segment);
        apply_dates(segment);
    }
    to_mentions(&segments)
}

/// The kind the gazetteer gives this exact token sequence, if unambiguous.
fn gazetteer_kind(words: &[&str]) -> Option<EntityKind> {
    let found = Gazetteer::shared().find_all(words);
    let whole = found.iter().find(|m| m.start == 0 && m.end == words.len())?;
    kind_of_lists(whole.entry.lists)
}

fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "\u{2010}" | "\u{2011}" | "\u{2012}" | "\u{2013}" | "\u{2014}")
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s" | "'S" | "\u{2019}S" | "'" | "\u{2019}")
}

/// "Assad’s" → "Assad"; a dash left at either end of a span is not part of the name.
fn trim_possessives_and_dashes(segment: &mut Segment) {
    let words = &segment.words;
    for found in &mut segment.found {
        while found.end > found.start && (is_possessive(words[found.end - 1]) || is_dash(words[found.end - 1])) {
            found.end -= 1;
        }
        while found.start < found.end && is_dash(words[found.start]) {
            found.start += 1;
        }
    }
    segment.found.retain(|f| f.start < f.end);
}

/// Extends person names over lower-case particles: "Osama" + "bin" + "Laden".
fn merge_name_particles(segment: &mut Segment) {
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

/// Names confirmed by trusted text, keyed by their lower-case tokens.
#[derive(Default)]
struct NameBook {
    votes: HashMap<String, [u32; 5]>,
    /// Original spelling of each name, for case-exact matching in running text.
    spelling: HashMap<String, Vec<String>>,
}

fn lower_key(words: &[&str]) -> String {
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
        self.spelling.entry(key).or_insert_with(|| words.iter().map(|w| w.to_string()).collect());
    }

    /// Records a segment's names; a person's surname and particle-less name become aliases.
    fn learn(&mut self, segment: &Segment, after_split: bool) {
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
            if found.kind == EntityKind::Person && words.len() > 1 {
                if let Some(last) = words.last() {
                    self.add(&[last], EntityKind::Person, 1);
                    if let Some(bare) = strip_particle(last) {
                        self.add(&[bare], EntityKind::Person, 1);
                    }
                }
            }
            if found.kind == EntityKind::Person && words.len() == 1 {
                if let Some(bare) = strip_particle(words[0]) {
                    self.add(&[bare], EntityKind::Person, 1);
                }
            }
        }
    }

    fn kind(&self, key: &str) -> Option<EntityKind> {
        let votes = self.votes.get(key)?;
        let best = (0..5).max_by_key(|&k| (votes[k], std::cmp::Reverse(k)))?;
        (votes[best] > 0).then_some(EntityKind::ALL[best])
    }
}

/// "el-Assad", "al-Sharaa": a particle joined to a capitalised name.
fn is_particle_name(word: &str) -> bool {
    strip_particle(word).is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}

/// "al-Sharaa" → "Sharaa".
fn strip_particle(word: &str) -> Option<&str> {
    let (particle, rest) = word.split_once('-')?;
    let known = ["al", "el", "ad", "ed", "ar", "as", "ash", "at", "az", "ez", "an", "ul"];
    (known.iter().any(|p| p.eq_ignore_ascii_case(particle)) && !rest.is_empty()).then_some(rest)
}

/// Splits "Sharaa-Putin" and "Syrian-Russian" into their parts when each part is itself a
/// known name; "Guinea-Bissau" or "Jean-Pierre" stay whole.
fn split_at_hyphens(segment: &mut Segment, names: &NameBook) {
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
                names.kind(&lower_key(part)).or_else(|| gazetteer_kind(part))
            })
            .collect();
        match kinds {
            Some(kinds) if parts.iter().all(|p| !p.is_empty()) => {
                for (part, kind) in parts.into_iter().zip(kinds) {
                    result.push(Found { start: part.start, end: part.end, kind });
                }
            }
            _ => result.push(*found),
        }
    }
    segment.found = result;
}

/// Tags every untagged occurrence of a confirmed name: case-exact in running text,
/// case-insensitive in headlines and all-caps lines.
fn propagate_names(segment: &mut Segment, names: &NameBook) {
    let exact = segment.case == SentenceCase::Normal;
    let count = segment.words.len();
    let mut start = 0;
    while start < count {
        let mut matched = None;
        for end in (start + 1..=(start + MAX_NAME_TOKENS).min(count)).rev() {
            let words = &segment.words[start..end];
            if !words[0].chars().next().is_some_and(char::is_uppercase) || !segment.is_free(start, end) {
                continue;
            }
            let key = lower_key(words);
            let Some(kind) = names.kind(&key) else { continue };
            let spelled_alike = names.spelling.get(&key).is_some_and(|s| s.iter().zip(words).all(|(a, b)| a == b));
            if exact && !spelled_alike {
                continue;
            }
            matched = Some(Found { start, end, kind });
            break;
        }
        match matched {
            Some(found) => {
                segment.found.push(found);
                start = found.end;
            }
            None => start += 1,
        }
    }
}

/// Adds gazetteer places, organisations, outlets and groups the tagger missed.
fn fill_from_gazetteer(segment: &mut Segment) {
    let mut matches = Gazetteer::shared().find_all(&segment.words);
    matches.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
    for found in matches {
        let lists = found.entry.lists & !(GazetteerList::FirstName.bit() | GazetteerList::Particle.bit() | GazetteerList::PersonTitle.bit());
        let Some(kind) = kind_of_lists(lists) else { continue };
        let first = segment.words[found.start];
        if !first.chars().next().is_some_and(char::is_uppercase)
            || !found.case_agrees(&segment.words)
            || !segment.is_free(found.start, found.end)
        {
            continue;
        }
        segment.found.push(Found { start: found.start, end: found.end, kind });
    }
}

/// Dates by rule; they replace anything they overlap.
fn apply_dates(segment: &mut Segment) {
    for range in find_dates(&segment.words) {
        segment.found.retain(|f| f.end <= range.start || range.end <= f.start);
        segment.found.push(Found { start: range.start, end: range.end, kind: EntityKind::Date });
    }
}

/// Byte-range mentions, sorted and without overlaps (segments may overlap in the input).
fn to_mentions(segments: &[Segment]) -> Vec<RawMention> {
    let mut mentions: Vec<RawMention> = segments
        .iter()
        .flat_map(|segment| {
            segment.found.iter().filter(|f| f.start < f.end && f.end <= segment.tokens.len()).map(|f| RawMention {
                span: segment.tokens[f.start].span.start..segment.tokens[f.end - 1].span.end,
                kind: f.kind,
            })
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<RawMention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        if kept.last().is_none_or(|last| last.span.end <= mention.span.start) {
            kept.push(mention);
        }
    }
    kept
}

#[cfg(test)]
mod tests;
