//! Anchoring annotations to an article's current text, and making new ones. When the text
//! changed since an annotation was made, the annotation is found again: at its old position if
//! the quote is still there; else the exact quote, best context then nearest the old position;
//! else a fuzzy match of the quote and its context within a bounded edit distance; else it is
//! orphaned (kept, never dropped). Pure functions: no disk, no terminal.

pub mod fuzzy;

use super::annotation::{new_annotation_id, quote_of, source_hash, AnchorStatus, Annotation};
use super::{Article, Corpus};
use crate::text::{now_rfc3339, CharMap, CharSpan};
use std::collections::{HashMap, HashSet};

/// Where an annotation stands in the current text.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub status: AnchorStatus,
    /// Code points into the current source text; `None` when orphaned.
    pub span: Option<CharSpan>,
}

impl Anchor {
    pub fn orphaned() -> Anchor {
        Anchor {
            status: AnchorStatus::Orphaned,
            span: None,
        }
    }
}

/// A source text prepared once for anchoring many annotations (chars and hash computed once).
pub struct AnchorText<'a> {
    source: &'a str,
    chars: Vec<char>,
    map: CharMap,
    hash: String,
}

impl<'a> AnchorText<'a> {
    pub fn new(source: &'a str) -> AnchorText<'a> {
        AnchorText {
            source,
            chars: source.chars().collect(),
            map: CharMap::new(source),
            hash: source_hash(source),
        }
    }

    pub fn hash(&self) -> &str {
        &self.hash
    }

    pub fn chars(&self) -> &[char] {
        &self.chars
    }
}

/// Anchors one annotation in `source` (see the module doc for the order of attempts).
pub fn anchor(annotation: &Annotation, source: &str) -> Anchor {
    anchor_in(annotation, &AnchorText::new(source))
}

/// [`anchor`] against a prepared text.
pub fn anchor_in(annotation: &Annotation, text: &AnchorText) -> Anchor {
    let exact: Vec<char> = annotation.quote.exact.chars().collect();
    let (start, end) = (annotation.start, annotation.end);
    if start <= end
        && end <= text.chars.len()
        && end - start == exact.len()
        && text.chars[start..end] == exact[..]
    {
        return found(AnchorStatus::Anchored, start, end);
    }
    if exact.is_empty() {
        return Anchor::orphaned();
    }
    let prefix: Vec<char> = annotation.quote.prefix.chars().collect();
    let suffix: Vec<char> = annotation.quote.suffix.chars().collect();
    if let Some(at) = best_exact(text, &annotation.quote.exact, &prefix, &suffix, start) {
        return found(AnchorStatus::Reanchored, at, at + exact.len());
    }
    match best_fuzzy(&text.chars, &exact, &prefix, &suffix, start) {
        Some((start, end)) => found(AnchorStatus::Reanchored, start, end),
        None => Anchor::orphaned(),
    }
}

fn found(status: AnchorStatus, start: usize, end: usize) -> Anchor {
    Anchor {
        status,
        span: Some(CharSpan::new(start, end)),
    }
}

/// The occurrence of the exact quote whose context agrees best, nearest `old_start` on ties.
fn best_exact(
    text: &AnchorText,
    exact: &str,
    prefix: &[char],
    suffix: &[char],
    old_start: usize,
) -> Option<usize> {
    let quote_chars = exact.chars().count();
    let mut best: Option<(usize, usize, usize)> = None; // (context agreement, distance, start)
    let mut from = 0;
    while let Some(found) = text.source[from..].find(exact) {
        let byte = from + found;
        let start = text.map.to_char(text.source, byte).0;
        let before = &text.chars[..start];
        let after = &text.chars[start + quote_chars..];
        let agreement = common_suffix(prefix, before) + common_prefix(suffix, after);
        let distance = start.abs_diff(old_start);
        let better = match best {
            None => true,
            Some((a, d, _)) => agreement > a || (agreement == a && distance < d),
        };
        if better {
            best = Some((agreement, distance, start));
        }
        // Step one char on, so overlapping occurrences are seen too.
        from = byte + text.source[byte..].chars().next().map_or(1, char::len_utf8);
    }
    best.map(|(_, _, start)| start)
}

fn common_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// At most this many fuzzy candidates are scored (the closest to the quote first).
const MAX_FUZZY_CANDIDATES: usize = 32;

/// The fuzzy match with the fewest edits over quote and context together, nearest `old_start`
/// on ties. Each candidate's end is where quote and suffix together agree best, and its start
/// likewise with the prefix, so an edit at the quote's edge does not cut it short. Bounds: the
/// quote within a third of its length in edits (quotes under 3 chars are never matched
/// fuzzily), and quote plus context within a quarter of their combined length.
fn best_fuzzy(
    text: &[char],
    exact: &[char],
    prefix: &[char],
    suffix: &[char],
    old_start: usize,
) -> Option<(usize, usize)> {
    let budget = exact.len() / 3;
    if budget == 0 {
        return None;
    }
    let total_budget = (exact.len() + prefix.len() + suffix.len()) / 4;
    let mut runs = fuzzy::match_runs(exact, text, budget);
    let old_end = old_start + exact.len();
    runs.sort_by_key(|run| {
        let best = run.iter().map(|&(_, d)| d).min().unwrap_or(usize::MAX);
        (best, run[0].0.abs_diff(old_end))
    });
    runs.truncate(MAX_FUZZY_CANDIDATES);
    let reversed_prefix: Vec<char> = prefix.iter().rev().copied().collect();
    let suffix_edits = |end: usize| {
        let to = (end + suffix.len() * 2).min(text.len());
        fuzzy::anchored_distance(suffix, &text[end..to]).0
    };
    let prefix_edits = |start: usize| {
        let from = start.saturating_sub(prefix.len() * 2);
        let before: Vec<char> = text[from..start].iter().rev().copied().collect();
        fuzzy::anchored_distance(&reversed_prefix, &before).0
    };
    runs.iter()
        .filter_map(|run| {
            let (end, after) = run
                .iter()
                .map(|&(end, quote)| (end, quote, suffix_edits(end)))
                .min_by_key(|&(_, quote, after)| (quote + after, quote))
                .map(|(end, _, after)| (end, after))?;
            let row = fuzzy::distances_ending_at(exact, text, end, budget);
            let (start, quote, before) = row
                .iter()
                .enumerate()
                .filter(|&(_, &quote)| quote <= budget)
                .map(|(len, &quote)| (end - len, quote, prefix_edits(end - len)))
                .min_by_key(|&(_, quote, before)| (quote + before, quote))?;
            let total = quote + before + after;
            (total <= total_budget).then_some((total, start.abs_diff(old_start), start, end))
        })
        .min_by_key(|&(total, distance, _, _)| (total, distance))
        .map(|(_, _, start, end)| (start, end))
}

/// Anchors every annotation against the corpus; one whose article is not loaded is orphaned.
pub fn anchor_all(corpus: &Corpus, annotations: &[Annotation]) -> Vec<Anchor> {
    let texts = prepared_texts(corpus, annotations);
    annotations
        .iter()
        .map(|a| match texts.get(a.article.as_str()) {
            Some(text) => anchor_in(a, text),
            None => Anchor::orphaned(),
        })
        .collect()
}

/// Anchors every annotation and moves the found ones to where they now are (position, quote
/// and source hash; `modified` is untouched, as this is not a user's edit). Orphans, and
/// annotations already anchored in an unchanged text, are left exactly as they were.
pub fn reanchor_all(corpus: &Corpus, annotations: &mut [Annotation]) -> Vec<Anchor> {
    let texts = prepared_texts(corpus, annotations);
    annotations
        .iter_mut()
        .map(|a| match texts.get(a.article.as_str()) {
            Some(text) => {
                let anchor = anchor_in(a, text);
                apply_anchor(a, &anchor, text);
                anchor
            }
            None => Anchor::orphaned(),
        })
        .collect()
}

/// Moves an annotation to a found anchor in `text` (see [`reanchor_all`]).
pub fn apply_anchor(annotation: &mut Annotation, anchor: &Anchor, text: &AnchorText) {
    let Some(span) = anchor.span else {
        return;
    };
    let unchanged = annotation.source_hash == text.hash
        && annotation.start == span.start.0
        && annotation.end == span.end.0;
    if unchanged {
        return;
    }
    annotation.start = span.start.0;
    annotation.end = span.end.0;
    annotation.quote = quote_of(&text.chars, span.start.0, span.end.0);
    annotation.source_hash = text.hash.clone();
}

fn prepared_texts<'a>(
    corpus: &'a Corpus,
    annotations: &[Annotation],
) -> HashMap<&'a str, AnchorText<'a>> {
    let wanted: HashSet<&str> = annotations.iter().map(|a| a.article.as_str()).collect();
    corpus
        .articles
        .iter()
        .filter(|article| wanted.contains(article.id.as_str()))
        .map(|article| (article.id.as_str(), AnchorText::new(&article.source)))
        .collect()
}

/// A new annotation of chars `[start, end)` of an article (clamped to the text), with its
/// quote, the text's hash, an id not in `existing_ids`, and both timestamps set to now.
pub fn new_annotation(
    article: &Article,
    span: CharSpan,
    label: &str,
    note: &str,
    existing_ids: &HashSet<String>,
) -> Annotation {
    let chars: Vec<char> = article.source.chars().collect();
    let start = span.start.0.min(chars.len());
    let end = span.end.0.clamp(start, chars.len());
    let now = now_rfc3339();
    Annotation {
        id: new_annotation_id(existing_ids),
        article: article.id.clone(),
        source_hash: source_hash(&article.source),
        start,
        end,
        quote: quote_of(&chars, start, end),
        label: label.to_string(),
        note: note.to_string(),
        correction: None,
        created: now.clone(),
        modified: now,
    }
}

#[cfg(test)]
mod tests;
