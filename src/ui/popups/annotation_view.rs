//! The annotation viewer: label, quote, note, when it was made and edited, and where it stands.

use crate::corpus::annotation::AnchorStatus;
use crate::state::State;
use crate::text::display_safe;
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let Some(index) = state.annotations.viewer else {
        return;
    };
    let Some(a) = state.annotations.list.get(index) else {
        return;
    };
    let width = area.width.saturating_sub(4).clamp(20, 76);
    let note_lines = a.note.lines().count().max(1) as u16;
    let height = (note_lines + 8).min(area.height.saturating_sub(2)).max(5);
    let rect = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width.min(area.width),
        height.min(area.height),
    );
    let colour = state
        .annotations
        .label(&a.label)
        .map_or("yellow", |l| l.colour.as_str());
    let status = match state.annotations.anchors.get(index).map(|x| x.status) {
        Some(AnchorStatus::Anchored) | None => "anchored",
        Some(AnchorStatus::Reanchored) => "re-anchored after the article changed",
        Some(AnchorStatus::Orphaned) => "orphaned: the quote is no longer in the article",
    };
    let inner_width = width.saturating_sub(2) as usize;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(display_safe(&a.label).into_owned(), theme.label(colour)),
            Span::styled(format!("  {status}"), theme.dim()),
        ]),
        Line::styled(
            truncate(&format!("“{}”", a.quote.exact), inner_width),
            theme.subtitle(),
        ),
        Line::raw(""),
    ];
    if let Some(correction) = &a.correction {
        lines.push(Line::raw(format!(
            "Entity correction: {}",
            serde_json::to_string(correction).unwrap_or_default()
        )));
    }
    for note_line in a.note.lines() {
        lines.push(Line::raw(display_safe(note_line).into_owned()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("created {} · edited {}", a.created, a.modified),
        theme.dim(),
    ));
    lines.push(Line::styled(
        "i edit · d delete · any other key closes",
        theme.dim(),
    ));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .title(" Annotation "),
        ),
        rect,
    );
}
