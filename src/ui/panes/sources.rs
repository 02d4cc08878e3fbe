//! The sources pane: one two-line row per article.

use crate::state::{Pane, State};
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use crate::update::{list_offset, SOURCE_ROW_HEIGHT};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = state.focus == Pane::Sources;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(match state.progress {
            Some(p) if state.loading => format!(
                " Sources ({}, loading {}/{}) ",
                state.corpus.articles.len(),
                p.done,
                p.total
            ),
            _ => format!(" Sources ({}) ", state.corpus.articles.len()),
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let visible = (inner.height as usize / SOURCE_ROW_HEIGHT).max(1);
    let offset = list_offset(state.source_cursor, visible);
    let mut lines = Vec::new();
    for (index, article) in state
        .corpus
        .articles
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
    {
        let unread = !state.read.get(index).copied().unwrap_or(false);
        let mark = if unread { "●" } else { " " };
        let open = if index == state.current { "▶" } else { " " };
        let number = format!("{open}{mark}{:>2} ", index + 1);
        let title = truncate(
            article.display_title(),
            width.saturating_sub(number.chars().count()),
        );
        let mut row_style = ratatui::style::Style::new();
        if index == state.source_cursor && focused {
            row_style = theme.selected_row();
        } else if index == state.current {
            row_style = theme.headline();
        }
        lines.push(Line::from(vec![Span::raw(number), Span::raw(title)]).style(row_style));
        let who = article
            .meta
            .outlet
            .as_deref()
            .or(article.meta.byline.as_deref())
            .unwrap_or(&article.id);
        let annotations = state.annotations.count_in(index);
        let detail = format!(
            "{} · {}w · {}e · {}a",
            who,
            article.word_count,
            state.entities.entities_in(index).len(),
            annotations
        );
        lines.push(Line::from(Span::styled(
            format!("     {}", truncate(&detail, width.saturating_sub(5))),
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
