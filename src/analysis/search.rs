//! In-article search (the reader's `/`): every match of a query in an article's headline, dek
//! and body, as exact byte spans of the source text. Smart case, diacritics ignored, literal by
//! default (with the finder's leniency about hyphens and apostrophes), or a regular expression.
//! Pure: text in, spans out; an invalid regex is an error value, never a panic.

mod folded;
mod pattern;

use crate::corpus::Article;
use crate::text::ByteSpan;
use folded::FoldedRange;
use regex::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// How a query is read.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum SearchMode {
    /// The text as typed (see the module doc for what is lenient).
    #[default]
    Literal,
    /// A regular expression (`regex` crate syntax), matched against the folded text.
    Regex,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("invalid regular expression: {0}")]
    InvalidRegex(String),
}

/// Compiled regexes are capped so that no query can take the reader's memory or time.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
const REGEX_DFA_SIZE_LIMIT: usize = 1 << 22;

/// A text's searchable ranges, folded once and searched again on every keystroke.
#[derive(Debug)]
pub struct SearchText {
    /// For literal search: "š" keeps its implied "h".
    literal: Vec<FoldedRange>,
    /// For regexes, folded on first use: "š" is plainly "s".
    regex: OnceLock<Vec<FoldedRange>>,
    source: String,
    ranges: Vec<ByteSpan>,
}

impl SearchText {
    /// Prepares `ranges` of `text`. Ranges out of bounds or off character boundaries are
    /// ignored; overlapping ones are merged.
    pub fn new(text: &str, ranges: &[ByteSpan]) -> SearchText {
        let mut ranges: Vec<ByteSpan> = ranges
            .iter()
            .copied()
            .filter(|r| {
                r.start < r.end
                    && r.end <= text.len()
                    && text.is_char_boundary(r.start)
                    && text.is_char_boundary(r.end)
            })
            .collect();
        ranges.sort();
        let mut merged: Vec<ByteSpan> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        SearchText {
            literal: merged
                .iter()
                .map(|&r| FoldedRange::new(text, r, true))
                .collect(),
            regex: OnceLock::new(),
            source: text.to_string(),
            ranges: merged,
        }
    }

    /// The headline, the dek and the body paragraphs of an article.
    pub fn article(article: &Article) -> SearchText {
        let mut ranges: Vec<ByteSpan> = article.headline.into_iter().collect();
        ranges.extend(article.subtitle);
        ranges.extend(&article.paragraphs);
        SearchText::new(&article.source, &ranges)
    }

    /// Every match, in order, as byte spans of the original text (never empty, never
    /// overlapping, always on character boundaries). An empty query matches nothing.
    pub fn find(&self, query: &str, mode: SearchMode) -> Result<Vec<ByteSpan>, SearchError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let regex = compile(query, mode)?;
        let ranges = match mode {
            SearchMode::Literal => &self.literal,
            SearchMode::Regex => self.regex.get_or_init(|| {
                self.ranges
                    .iter()
                    .map(|&r| FoldedRange::new(&self.source, r, false))
                    .collect()
            }),
        };
        let mut spans: Vec<ByteSpan> = Vec::new();
        for range in ranges {
            for m in regex.find_iter(&range.text) {
                let Some(span) = range.original(m.start(), m.end()) else {
                    continue;
                };
                // Two matches inside one expanded character ("ß" is "ss") are one match.
                match spans.last_mut() {
                    Some(last) if span.start < last.end => last.end = last.end.max(span.end),
                    _ => spans.push(span),
                }
            }
        }
        Ok(spans)
    }
}

/// Every match of `query` in `ranges` of `text`: [`SearchText::new`] then [`SearchText::find`].
pub fn find_matches(
    text: &str,
    ranges: &[ByteSpan],
    query: &str,
    mode: SearchMode,
) -> Result<Vec<ByteSpan>, SearchError> {
    SearchText::new(text, ranges).find(query, mode)
}

fn compile(query: &str, mode: SearchMode) -> Result<Regex, SearchError> {
    let (source, regex) = match mode {
        SearchMode::Literal => (pattern::literal_pattern(query), false),
        SearchMode::Regex => (pattern::regex_pattern(query), true),
    };
    RegexBuilder::new(&source)
        .case_insensitive(!pattern::is_case_sensitive(query, regex))
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
        .build()
        .map_err(|e| SearchError::InvalidRegex(e.to_string()))
}

#[cfg(test)]
mod tests;
