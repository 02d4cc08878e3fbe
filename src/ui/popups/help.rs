//! The help overlay, generated from the keymap so it can never drift from the keys.

use crate::state::State;
use crate::ui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let rows = state.keymap.help_rows();
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let text_width = rows
        .iter()
        .map(|(_, d)| d.chars().count())
        .max()
        .unwrap_or(0);
    let width = ((key_width + text_width + 6) as u16).min(area.width);
    let height = ((rows.len() + 3) as u16).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(keys, doc)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), theme.key()),
                Span::raw(*doc),
            ])
        })
        .collect();
    lines.push(Line::styled(" ? or Esc closes this help", theme.dim()));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .title(" Keys "),
        ),
        popup,
    );
}
