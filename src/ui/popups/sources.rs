//! The "other sources" popup: every article that mentions the selected entity.

use crate::state::State;
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let Some(popup) = state.sources_popup else {
        return;
    };
    let Some(entity) = state.entities.entities.get(popup.entity) else {
        return;
    };
    let width = area.width.saturating_sub(4).min(80);
    let height = ((entity.articles.len() + 2) as u16)
        .min(area.height.saturating_sub(2))
        .max(3);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height.min(area.height),
    );
    let inner_width = width.saturating_sub(2) as usize;
    let lines: Vec<Line> = entity
        .articles
        .iter()
        .enumerate()
        .map(|(row, &article)| {
            let count = state
                .entities
                .mentions_in(article)
                .iter()
                .filter(|m| m.entity == popup.entity)
                .count();
            let title = state.corpus.articles[article].display_title();
            let text = format!("{:>2} {} ({count}×)", article + 1, title);
            let line = Line::raw(truncate(&text, inner_width));
            if row == popup.cursor {
                line.style(theme.selected_row())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .title(truncate(
                    &format!(" Sources mentioning {} ", entity.name),
                    inner_width,
                )),
        ),
        rect,
    );
}
