//! The article pane: headline, dek, byline, then the body wrapped to the pane, with entity
//! mentions coloured and hidden boilerplate shown dimmed when toggled on.

use crate::document::{Document, LineRole};
use crate::state::{Pane, State};
use crate::ui::highlight::highlight_line;
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, doc: &Document, theme: &Theme) {
    let focused = state.focus == Pane::Article;
    let Some(article) = state.corpus.articles.get(state.current) else {
        return;
    };
    let title = format!(
        " {}/{} · {} ",
        state.current + 1,
        state.corpus.articles.len(),
        article.id
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(truncate(&title, area.width.saturating_sub(2) as usize));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let view = state.view();
    let mentions = state.entities.mentions_in(state.current);
    let mut lines = Vec::with_capacity(inner.height as usize);
    for (index, line) in doc
        .lines
        .iter()
        .enumerate()
        .skip(view.scroll)
        .take(inner.height as usize)
    {
        let gutter = if index == view.cursor {
            Span::styled("▌ ", theme.cursor_gutter())
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![gutter];
        let source = &article.source;
        match &line.role {
            LineRole::Headline => spans.extend(highlight_line(
                source,
                line.span,
                theme.headline(),
                mentions,
                state.selected_entity,
                theme,
            )),
            LineRole::Subtitle => spans.extend(highlight_line(
                source,
                line.span,
                theme.subtitle(),
                mentions,
                state.selected_entity,
                theme,
            )),
            LineRole::Meta(text) => spans.push(Span::styled(
                truncate(text, inner.width.saturating_sub(3) as usize),
                theme.meta(),
            )),
            LineRole::Body => spans.extend(highlight_line(
                source,
                line.span,
                Default::default(),
                mentions,
                state.selected_entity,
                theme,
            )),
            LineRole::HiddenLabel(reason) => spans.push(Span::styled(
                format!("[hidden: {reason}]"),
                theme.hidden_label(),
            )),
            LineRole::Hidden(reason) => spans.push(Span::styled(
                crate::text::display_safe(article.text(line.span)),
                theme.hidden(*reason),
            )),
            LineRole::Blank => {}
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
