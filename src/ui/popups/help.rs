//! The help overlay, generated from the keymap so it can never drift from the keys. Rows flow
//! into as many columns as the window needs.

use crate::state::State;
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let mut rows = state.keymap.help_rows();
    rows.push((String::new(), ""));
    rows.push(("In c / m / C views:".to_string(), ""));
    rows.extend(crate::keymap::view_help_rows());
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
    let column_width = key_width + text_width + 4;
    let usable = area.height.saturating_sub(3).max(1) as usize;
    let columns = rows.len().div_ceil(usable).max(1);
    let per_column = rows.len().div_ceil(columns);
    let width = ((column_width * columns + 2) as u16).min(area.width);
    let height = ((per_column + 3) as u16).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let inner_width = width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = (0..per_column)
        .map(|r| {
            let mut spans = Vec::new();
            for c in 0..columns {
                if let Some((keys, doc)) = rows.get(c * per_column + r) {
                    spans.push(Span::styled(format!(" {keys:<key_width$}  "), theme.key()));
                    spans.push(Span::raw(format!("{doc:<text_width$} ")));
                }
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::styled(
        truncate(" ? or Esc closes this help", inner_width),
        theme.dim(),
    ));
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
