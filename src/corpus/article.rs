//! An article: its source text exactly as loaded, and what the cleaner made of it.

use super::clean::{classify_lines, CleanMode};
use super::line::{trim_line, Line, LineKind};
use super::manifest::MetadataOverride;
use super::metadata::Metadata;
use super::reason::RemovalReason;
use crate::analysis::ascii_word_bounds::word_indices;
use crate::analysis::sentences::split_sentences;
use crate::text::{display_safe, ByteSpan, CharMap, CharSpan};

/// One loaded article. The source text is never changed; every span indexes into it.
#[derive(Clone, Debug)]
pub struct Article {
    /// Unique within the corpus: the file stem, suffixed `-2`, `-3`… on clashes.
    pub id: String,
    /// The path as given on the command line (or `seeds/<file>` for the built-in corpus).
    pub path: String,
    /// The file decoded as UTF-8 with a leading BOM dropped, nothing else changed.
    pub source: String,
    pub chars: CharMap,
    /// Every line of the source with its role; together they tile the source.
    pub lines: Vec<Line>,
    pub meta: Metadata,
    pub headline: Option<ByteSpan>,
    pub subtitle: Option<ByteSpan>,
    /// Body paragraphs, in order.
    pub paragraphs: Vec<ByteSpan>,
    /// Body sentences, in order; each lies within one paragraph.
    pub sentences: Vec<ByteSpan>,
    /// Words in the body.
    pub word_count: usize,
}

impl Article {
    /// Cleans and structures a source text.
    pub fn new(id: String, path: String, source: String, mode: CleanMode) -> Article {
        let lines = classify_lines(&source, mode);
        let meta = Metadata::from_lines(&source, &lines);
        let span_of = |kind: LineKind| {
            lines
                .iter()
                .find(|l| l.kind == kind)
                .map(|l| trimmed_span(&source, l.content))
        };
        let headline = span_of(LineKind::Headline);
        let subtitle = span_of(LineKind::Subtitle);
        let paragraphs = paragraphs_of(&source, &lines);
        let sentences = paragraphs
            .iter()
            .flat_map(|&p| split_sentences(&source, p))
            .collect();
        let word_count = paragraphs
            .iter()
            .map(|p| word_indices(&source[p.range()]).count())
            .sum();
        let chars = CharMap::new(&source);
        Article {
            id,
            path,
            source,
            chars,
            lines,
            meta,
            headline,
            subtitle,
            paragraphs,
            sentences,
            word_count,
        }
    }

    /// Applies `parallax.toml` overrides on top of what the cleaner found.
    pub fn apply_override(&mut self, over: &MetadataOverride) {
        let meta = &mut self.meta;
        let fields = [
            (&mut meta.title, &over.title),
            (&mut meta.subtitle, &over.subtitle),
            (&mut meta.outlet, &over.outlet),
            (&mut meta.byline, &over.byline),
            (&mut meta.published, &over.published),
            (&mut meta.url, &over.url),
        ];
        for (field, value) in fields {
            if let Some(value) = value {
                *field = Some(display_safe(value).into_owned());
            }
        }
    }

    /// The text of a span.
    pub fn text(&self, span: ByteSpan) -> &str {
        &self.source[span.range()]
    }

    /// A span as code point offsets, for anything reported or stored.
    pub fn char_span(&self, span: ByteSpan) -> CharSpan {
        self.chars.to_char_span(&self.source, span)
    }

    /// The hidden lines and why each was hidden.
    pub fn removed(&self) -> impl Iterator<Item = (ByteSpan, RemovalReason)> + '_ {
        self.lines.iter().filter_map(|l| match l.kind {
            LineKind::Removed(reason) => Some((l.content, reason)),
            _ => None,
        })
    }

    /// A display title: the headline, else the id.
    pub fn display_title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.id)
    }
}

fn trimmed_span(text: &str, span: ByteSpan) -> ByteSpan {
    let line = &text[span.range()];
    let trimmed = trim_line(line);
    let lead = line.len() - super::line::trim_line_start(line).len();
    ByteSpan::new(span.start + lead, span.start + lead + trimmed.len())
}

/// Body lines grouped into paragraphs. Each line is a paragraph, except a line that runs on
/// from one not ending a sentence into one starting in lower case (hard-wrapped text).
fn paragraphs_of(text: &str, lines: &[Line]) -> Vec<ByteSpan> {
    let mut paragraphs: Vec<ByteSpan> = Vec::new();
    let mut previous_was_body = false;
    for line in lines {
        if line.kind != LineKind::Body {
            previous_was_body = false;
            continue;
        }
        let span = trimmed_span(text, line.content);
        if span.is_empty() {
            continue;
        }
        let runs_on = previous_was_body
            && paragraphs.last().is_some_and(|p| {
                !super::clean::ends_sentence(&text[p.range()])
                    && text[span.range()]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
            });
        match paragraphs.last_mut() {
            Some(last) if runs_on => last.end = span.end,
            _ => paragraphs.push(span),
        }
        previous_was_body = true;
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::new("t".into(), "t.txt".into(), text.into(), CleanMode::Clean)
    }

    #[test]
    fn hard_wrapped_lines_make_one_paragraph() {
        let a = article("Heading For The Story Here\n\nThe army entered the city\nat dawn on Monday, residents said.\nA second paragraph starts here and ends here.\n");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.sentences.len(), 2);
    }

    #[test]
    fn lines_tile_the_source() {
        let a = article("x\r\ny\rz");
        assert_eq!(a.lines.last().unwrap().end, a.source.len());
    }
}
