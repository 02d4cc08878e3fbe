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
use name_book::{lower_key, NameBook, MAX_NAME_TOKENS};
use span_rules::{
    add_particle_names, is_dash, merge_name_particles, relabel_people, split_at_hyphens,
    trim_possessives_and_dashes,
};

mod name_book;
mod span_rules;

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
    /// Headline or subtitle, as opposed to a body sentence.
    heading: bool,
    found: Vec<Found>,
}

impl Segment<'_> {
    /// Title-case headings, and title-case body lines without closing punctuation (captions,
    /// credits, menus), where a capital letter says little.
    fn low_trust(&self) -> bool {
        let closed = self
            .words
            .last()
            .is_some_and(|w| matches!(*w, "." | "?" | "!"));
        self.case == SentenceCase::Title && (self.heading || !closed)
    }

    fn is_free(&self, start: usize, end: usize) -> bool {
        self.found.iter().all(|f| f.end <= start || end <= f.start)
    }
}

/// Recognises the mentions of one article with the given tagger.
pub fn recognize_with(recognizer: &Recognizer, input: &NerInput) -> Vec<RawMention> {
    let text = input.text;
    let body = input.sentences.iter().map(|range| (range.clone(), false));
    let headings = [&input.subtitle, &input.headline]
        .into_iter()
        .flatten()
        .map(|r| (r.clone(), true));
    let mut segments: Vec<Segment> = body
        .chain(headings)
        .map(|(range, heading)| {
            let tokens = tokenize_range(text, range);
            let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
            let case = SentenceCase::of(&words);
            Segment {
                tokens,
                words,
                case,
                heading,
                found: Vec::new(),
            }
        })
        .filter(|segment| !segment.tokens.is_empty())
        .collect();
    let sentences: Vec<&[&str]> = segments.iter().map(|s| s.words.as_slice()).collect();
    let tagged = recognizer.tag_document(&sentences);
    for (segment, spans) in segments.iter_mut().zip(tagged) {
        for span in spans {
            let words = &segment.words[span.start..span.end];
            if let Some(kind) = kind_of_label(span.label, words, span.start == 0) {
                let kind = gazetteer_kind(words).unwrap_or(kind);
                segment.found.push(Found {
                    start: span.start,
                    end: span.end,
                    kind,
                });
            }
        }
        trim_possessives_and_dashes(segment);
        merge_name_particles(segment);
        add_particle_names(segment);
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
        relabel_people(segment, &names);
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
    let whole = found
        .iter()
        .find(|m| m.start == 0 && m.end == words.len())?;
    kind_of_lists(whole.entry.lists)
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
            if !words[0].chars().next().is_some_and(char::is_uppercase)
                || !segment.is_free(start, end)
            {
                continue;
            }
            let key = lower_key(words);
            let Some(kind) = names.kind(&key) else {
                continue;
            };
            let spelled_alike = names
                .spelling
                .get(&key)
                .is_some_and(|s| s.iter().zip(words).all(|(a, b)| a == b));
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

/// Adds gazetteer places, organisations, outlets and groups the tagger missed, and lets a
/// longer gazetteer name replace the tagger's pieces of it ("Mena Today" over "Mena").
fn fill_from_gazetteer(segment: &mut Segment) {
    let mut matches = Gazetteer::shared().find_all(&segment.words);
    matches.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
    let features_only = GazetteerList::FirstName.bit()
        | GazetteerList::Particle.bit()
        | GazetteerList::PersonTitle.bit();
    for found in matches {
        let Some(kind) = kind_of_lists(found.entry.lists & !features_only) else {
            continue;
        };
        let first = segment.words[found.start];
        if !first.chars().next().is_some_and(char::is_uppercase)
            || !found.case_agrees(&segment.words)
        {
            continue;
        }
        let (start, end) = (found.start, found.end);
        let overlapping = |f: &Found| f.start < end && start < f.end;
        let inside = |f: &Found| start <= f.start && f.end <= end && f.end - f.start < end - start;
        if segment
            .found
            .iter()
            .filter(|f| overlapping(f))
            .all(|f| inside(f) && f.kind != EntityKind::Date)
        {
            segment.found.retain(|f| !overlapping(f));
            segment.found.push(Found { start, end, kind });
        }
    }
}

/// Dates by rule; they replace anything they overlap.
fn apply_dates(segment: &mut Segment) {
    for range in find_dates(&segment.words) {
        segment
            .found
            .retain(|f| f.end <= range.start || range.end <= f.start);
        segment.found.push(Found {
            start: range.start,
            end: range.end,
            kind: EntityKind::Date,
        });
    }
}

/// Byte-range mentions, sorted and without overlaps (segments may overlap in the input).
fn to_mentions(segments: &[Segment]) -> Vec<RawMention> {
    let mut mentions: Vec<RawMention> = segments
        .iter()
        .flat_map(|segment| {
            segment
                .found
                .iter()
                .filter(|f| f.start < f.end && f.end <= segment.tokens.len())
                .map(|f| RawMention {
                    span: segment.tokens[f.start].span.start..segment.tokens[f.end - 1].span.end,
                    kind: f.kind,
                })
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<RawMention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        if kept
            .last()
            .is_none_or(|last| last.span.end <= mention.span.start)
        {
            kept.push(mention);
        }
    }
    kept
}

#[cfg(test)]
mod tests;
