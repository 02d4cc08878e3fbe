//! One line of an article's source text and what the cleaner made of it.

use super::reason::RemovalReason;
use crate::text::ByteSpan;
use serde::{Deserialize, Serialize};

/// The role of a line in the article. Every line of the source has exactly one, so that the
/// lines (content plus terminator) tile the source text and nothing is dropped silently.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineKind {
    /// Empty or whitespace only.
    Blank,
    Headline,
    /// The dek under the headline.
    Subtitle,
    /// The author line ("1 min Antoine Khoury").
    Byline,
    /// Part of a body paragraph.
    Body,
    /// Boilerplate, hidden from the reading text with its reason.
    Removed(RemovalReason),
}

/// A line of the source: its content (without the line terminator) and where the next begins.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub content: ByteSpan,
    /// End of the line including its terminator ("\n", "\r\n" or "\r").
    pub end: usize,
    pub kind: LineKind,
}

impl Line {
    /// The whole line, terminator included.
    pub fn full(&self) -> ByteSpan {
        ByteSpan::new(self.content.start, self.end)
    }
}

/// Splits text into lines on "\n", "\r\n" and lone "\r", all marked [`LineKind::Blank`] until
/// classified.
pub fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(line(start, i, i + 1));
                i += 1;
                start = i;
            }
            b'\r' => {
                let end = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                lines.push(line(start, i, end));
                i = end;
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        lines.push(line(start, bytes.len(), bytes.len()));
    }
    lines
}

fn line(start: usize, content_end: usize, end: usize) -> Line {
    Line {
        content: ByteSpan::new(start, content_end),
        end,
        kind: LineKind::Blank,
    }
}

/// The line with white space and invisible format characters trimmed from both ends.
pub fn trim_line(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// The line with white space and invisible format characters trimmed from the start.
pub fn trim_line_start(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// Zero-width and format characters that scraped pages leave in otherwise empty lines.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_tile_text_with_every_line_ending() {
        let text = "a\r\nb\rc\n\nd";
        let lines = split_lines(text);
        let contents: Vec<&str> = lines.iter().map(|l| &text[l.content.range()]).collect();
        assert_eq!(contents, vec!["a", "b", "c", "", "d"]);
        assert_eq!(lines.last().unwrap().end, text.len());
        for pair in lines.windows(2) {
            assert_eq!(pair[0].end, pair[1].content.start);
        }
    }
}
