//! Turns a piece of source text plus the spans over it (entity mentions, the selected entity,
//! annotations, the selection, the cursor word) into styled, display-safe spans. Shared by every
//! view that shows article text.

use super::theme::Theme;
use crate::state::annotations::Mark;
use crate::state::MentionRef;
use crate::text::{display_safe, ByteSpan};
use ratatui::style::Style;
use ratatui::text::Span;

/// Everything that can colour article text, for one article.
#[derive(Clone, Copy, Default)]
pub struct Layers<'a> {
    /// Sorted by start.
    pub mentions: &'a [MentionRef],
    pub selected_entity: Option<usize>,
    /// Sorted by start; the label colour of each mark comes from `mark_style`.
    pub marks: &'a [Mark],
    pub mark_styles: &'a [Style],
    pub selection: Option<ByteSpan>,
    pub cursor: Option<ByteSpan>,
    /// Words the other side of a comparison does not have.
    pub changed: &'a [ByteSpan],
    /// Figures and names flagged as possible discrepancies.
    pub flagged: &'a [ByteSpan],
    /// Search matches, sorted.
    pub matches: &'a [ByteSpan],
}

/// Styles `source[line]`.
pub fn highlight_line<'a>(
    source: &'a str,
    line: ByteSpan,
    base: Style,
    layers: &Layers,
    theme: &Theme,
) -> Vec<Span<'a>> {
    // Cut the line wherever any layer starts or ends.
    let mut cuts = vec![line.start, line.end];
    let first = layers
        .mentions
        .partition_point(|m| m.span.end <= line.start);
    let mentions: Vec<&MentionRef> = layers.mentions[first..]
        .iter()
        .take_while(|m| m.span.start < line.end)
        .collect();
    let marks: Vec<&Mark> = layers
        .marks
        .iter()
        .filter(|m| m.span.start < line.end && m.span.end > line.start)
        .collect();
    let extra = [layers.selection, layers.cursor];
    let in_line = |s: &&ByteSpan| s.start < line.end && s.end > line.start;
    for span in mentions
        .iter()
        .map(|m| m.span)
        .chain(marks.iter().map(|m| m.span))
        .chain(extra.into_iter().flatten())
        .chain(layers.changed.iter().filter(in_line).copied())
        .chain(layers.flagged.iter().filter(in_line).copied())
        .chain(layers.matches.iter().filter(in_line).copied())
    {
        cuts.push(span.start.clamp(line.start, line.end));
        cuts.push(span.end.clamp(line.start, line.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        if start >= end || !source.is_char_boundary(start) || !source.is_char_boundary(end) {
            continue;
        }
        let inside = |s: ByteSpan| s.start <= start && end <= s.end;
        let mut style = base;
        if let Some(m) = mentions.iter().find(|m| inside(m.span)) {
            style = style.patch(theme.entity(m.kind));
            if layers.selected_entity == Some(m.entity) {
                style = style.patch(theme.selected_mention());
            }
        }
        let covering: Vec<&&Mark> = marks.iter().filter(|m| inside(m.span)).collect();
        if let Some(first) = covering.first() {
            let label = layers
                .mark_styles
                .get(first.annotation)
                .copied()
                .unwrap_or_default();
            style = style.patch(label);
            if covering.len() > 1 {
                // Overlapping annotations: the second layer shows as an underline.
                style = style.patch(theme.overlap());
            }
        }
        if layers.changed.iter().any(|&s| inside(s)) {
            style = style.patch(theme.changed());
        }
        if layers.flagged.iter().any(|&s| inside(s)) {
            style = style.patch(theme.flagged());
        }
        if layers.matches.iter().any(|&s| inside(s)) {
            style = style.patch(theme.search_match());
        }
        if layers.selection.is_some_and(inside) {
            style = style.patch(theme.selection());
        }
        if layers.cursor.is_some_and(inside) {
            style = style.patch(theme.cursor_word());
        }
        out.push(Span::styled(display_safe(&source[start..end]), style));
    }
    out
}
