//! The article as visual lines for a given width: header, body paragraphs wrapped by display
//! width, and (when shown) hidden boilerplate labelled with its reason. Pure layout over the
//! article; no terminal types, so `update` can use it to scroll and search.

use crate::corpus::line::LineKind;
use crate::corpus::{Article, RemovalReason};
use crate::text::display::display_char;
use crate::text::ByteSpan;
use unicode_width::UnicodeWidthChar;

/// What a visual line shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineRole {
    Headline,
    Subtitle,
    /// Byline, outlet, word count: derived text.
    Meta(String),
    Body,
    /// The label above a hidden line: why it was hidden.
    HiddenLabel(RemovalReason),
    /// A hidden line, shown because boilerplate is toggled on.
    Hidden(RemovalReason),
    Blank,
}

/// One visual line: its role and the contiguous piece of source text it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocLine {
    pub role: LineRole,
    pub span: ByteSpan,
}

/// A word the cursor can rest on, and the visual line showing it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: ByteSpan,
    pub line: usize,
}

/// Visual lines of one article at one width, and the words on them in reading order.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub lines: Vec<DocLine>,
    pub words: Vec<Word>,
}

impl Document {
    pub fn build(article: &Article, width: usize, show_hidden: bool) -> Document {
        let width = width.max(1);
        let mut lines = Vec::new();
        let push_wrapped = |lines: &mut Vec<DocLine>, role: LineRole, span: ByteSpan| {
            for piece in wrap(&article.source, span, width) {
                lines.push(DocLine {
                    role: role.clone(),
                    span: piece,
                });
            }
        };
        let blank = DocLine {
            role: LineRole::Blank,
            span: ByteSpan::default(),
        };
        if let Some(headline) = article.headline {
            push_wrapped(&mut lines, LineRole::Headline, headline);
        }
        if let Some(subtitle) = article.subtitle {
            push_wrapped(&mut lines, LineRole::Subtitle, subtitle);
        }
        let meta: Vec<&str> = [
            article.meta.byline.as_deref(),
            article.meta.outlet.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut meta = meta.join(" · ");
        if !meta.is_empty() {
            meta.push_str(" · ");
        }
        meta.push_str(&format!("{} words", article.word_count));
        lines.push(DocLine {
            role: LineRole::Meta(meta),
            span: ByteSpan::default(),
        });
        let mut paragraphs = article.paragraphs.iter().peekable();
        for line in &article.lines {
            match line.kind {
                LineKind::Body => {
                    while let Some(&&p) = paragraphs.peek() {
                        if p.start > line.content.end {
                            break;
                        }
                        paragraphs.next();
                        lines.push(blank.clone());
                        push_wrapped(&mut lines, LineRole::Body, p);
                    }
                }
                LineKind::Removed(reason) if show_hidden => {
                    lines.push(blank.clone());
                    lines.push(DocLine {
                        role: LineRole::HiddenLabel(reason),
                        span: ByteSpan::default(),
                    });
                    push_wrapped(&mut lines, LineRole::Hidden(reason), line.content);
                }
                _ => {}
            }
        }
        let words = words_of(&article.source, &lines);
        Document { lines, words }
    }

    /// The word containing `byte`, else the last word before it, else the first word.
    pub fn word_at(&self, byte: usize) -> Option<usize> {
        if self.words.is_empty() {
            return None;
        }
        let after = self.words.partition_point(|w| w.span.start <= byte);
        Some(after.saturating_sub(1))
    }

    /// The visual line of the word at `byte` (0 when the document has no words).
    pub fn line_at(&self, byte: usize) -> usize {
        self.word_at(byte).map_or(0, |i| self.words[i].line)
    }

    /// The first word at or after `byte`, else the last word.
    pub fn word_from(&self, byte: usize) -> Option<usize> {
        if self.words.is_empty() {
            return None;
        }
        Some(
            self.words
                .partition_point(|w| w.span.start < byte)
                .min(self.words.len() - 1),
        )
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The visual line showing a source byte offset, if any.
    pub fn line_of(&self, byte: usize) -> Option<usize> {
        self.lines
            .iter()
            .position(|l| !l.span.is_empty() && l.span.start <= byte && byte < l.span.end)
    }
}

/// Words (Unicode word boundaries, runs with a letter or digit) of every text line.
fn words_of(source: &str, lines: &[DocLine]) -> Vec<Word> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut words = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if line.span.is_empty() {
            continue;
        }
        for (offset, piece) in source[line.span.range()].split_word_bound_indices() {
            if piece.chars().any(char::is_alphanumeric) {
                let start = line.span.start + offset;
                words.push(Word {
                    span: ByteSpan::new(start, start + piece.len()),
                    line: index,
                });
            }
        }
    }
    words
}

/// Display width of a char as Parallax shows it (control characters as placeholders).
pub fn char_width(c: char) -> usize {
    display_char(c).width().unwrap_or(0)
}

/// Wraps `text[span]` to `width` columns: breaks at white space, never inside a word unless the
/// word alone is wider than the line. Returned spans exclude the white space at breaks.
pub fn wrap(text: &str, span: ByteSpan, width: usize) -> Vec<ByteSpan> {
    let slice = &text[span.range()];
    let at = |start: usize, end: usize| ByteSpan::new(span.start + start, span.start + end);
    let mut out = Vec::new();
    // The line being filled: its start, end and width.
    let mut line: Option<(usize, usize, usize)> = None;
    for (word_start, word) in words(slice) {
        let word_end = word_start + word.len();
        let word_width = display_width(word);
        if let Some((start, end, used)) = line {
            let gap = display_width(&slice[end..word_start]);
            if used + gap + word_width <= width {
                line = Some((start, word_end, used + gap + word_width));
                continue;
            }
            out.push(at(start, end));
        }
        if word_width <= width {
            line = Some((word_start, word_end, word_width));
            continue;
        }
        // A word wider than the line: full-width chunks, the rest starts the next line.
        let (mut chunk_start, mut used) = (word_start, 0);
        for (i, c) in word.char_indices() {
            let w = char_width(c);
            if used + w > width && used > 0 {
                out.push(at(chunk_start, word_start + i));
                chunk_start = word_start + i;
                used = 0;
            }
            used += w;
        }
        line = Some((chunk_start, word_end, used));
    }
    if let Some((start, end, _)) = line {
        out.push(at(start, end));
    }
    out
}

/// Maximal runs of non-white-space characters, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Display width of a string as Parallax shows it.
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, ByteSpan::new(0, text.len()), width)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn wraps_at_spaces_by_display_width() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
        assert_eq!(
            lines("日本語の文 テキスト", 6),
            vec!["日本語", "の文", "テキス", "ト"]
        );
    }

    #[test]
    fn only_words_wider_than_the_line_are_split() {
        assert_eq!(
            lines("a supercalifragilistic b", 8),
            vec!["a", "supercal", "ifragili", "stic b"]
        );
    }

    proptest! {
        #[test]
        fn wrapped_lines_fit_and_keep_every_word(text in "[a-zé日 \\t]{0,200}", width in 1usize..40) {
            let spans = wrap(&text, ByteSpan::new(0, text.len()), width);
            let mut rebuilt = String::new();
            for s in &spans {
                let piece = &text[s.range()];
                prop_assert!(display_width(piece) <= width.max(2), "{piece:?} wider than {width}");
                rebuilt.push_str(piece);
            }
            let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            prop_assert_eq!(squash(&rebuilt), squash(&text));
        }
    }
}
