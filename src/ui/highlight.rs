//! Turns a piece of source text plus the spans over it (entity mentions, the selected entity)
//! into styled, display-safe spans. Shared by every view that shows article text.

use super::theme::Theme;
use crate::state::MentionRef;
use crate::text::{display_safe, ByteSpan};
use ratatui::style::Style;
use ratatui::text::Span;

/// Styles `source[line]`, with `mentions` sorted by start (any may overlap the line or not).
pub fn highlight_line<'a>(
    source: &'a str,
    line: ByteSpan,
    base: Style,
    mentions: &[MentionRef],
    selected: Option<usize>,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let mut out = Vec::new();
    let mut at = line.start;
    let first = mentions.partition_point(|m| m.span.end <= line.start);
    for m in &mentions[first..] {
        if m.span.start >= line.end {
            break;
        }
        let start = m.span.start.max(at);
        let end = m.span.end.min(line.end);
        if start >= end {
            continue;
        }
        if at < start {
            out.push(Span::styled(display_safe(&source[at..start]), base));
        }
        let mut style = base.patch(theme.entity(m.kind));
        if selected == Some(m.entity) {
            style = style.patch(theme.selected_mention());
        }
        out.push(Span::styled(display_safe(&source[start..end]), style));
        at = end;
    }
    if at < line.end {
        out.push(Span::styled(display_safe(&source[at..line.end]), base));
    }
    out
}
