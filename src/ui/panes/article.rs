//! The article pane: headline, dek, byline, then the body wrapped to the pane, with entity
//! mentions coloured and hidden boilerplate shown dimmed when toggled on.

use crate::document::{Document, LineRole};
use crate::state::{Pane, State};
use crate::ui::highlight::{highlight_line, Layers};
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
    let mark_styles: Vec<ratatui::style::Style> = state
        .annotations
        .list
        .iter()
        .map(|a| {
            let colour = state
                .annotations
                .label(&a.label)
                .map_or("yellow", |l| l.colour.as_str());
            theme.annotation(colour)
        })
        .collect();
    let focused_cursor = state.focus == Pane::Article;
    let layers = Layers {
        mentions: state.entities.mentions_in(state.current),
        selected_entity: state.selected_entity,
        marks: state.annotations.marks_in(state.current),
        mark_styles: &mark_styles,
        selection: state.selection(doc),
        cursor: state.cursor_word(doc).filter(|_| focused_cursor),
        matches: if state.search.article == state.current {
            &state.search.matches
        } else {
            &[]
        },
        ..Layers::default()
    };
    let cursor_line = doc.line_at(view.cursor);
    let annotated_lines: Vec<usize> = layers
        .marks
        .iter()
        .map(|m| doc.line_at(m.span.start))
        .collect();
    let mut lines = Vec::with_capacity(inner.height as usize);
    for (index, line) in doc
        .lines
        .iter()
        .enumerate()
        .skip(view.scroll)
        .take(inner.height as usize)
    {
        let gutter = if index == cursor_line {
            Span::styled("▌ ", theme.cursor_gutter())
        } else if annotated_lines.contains(&index) {
            Span::styled("• ", theme.dim())
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
                &layers,
                theme,
            )),
            LineRole::Subtitle => spans.extend(highlight_line(
                source,
                line.span,
                theme.subtitle(),
                &layers,
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
                &layers,
                theme,
            )),
            LineRole::HiddenLabel(reason) => spans.push(Span::styled(
                format!("[hidden: {reason}]"),
                theme.hidden_label(),
            )),
            LineRole::Hidden(reason) => spans.extend(highlight_line(
                source,
                line.span,
                theme.hidden(*reason),
                &layers,
                theme,
            )),
            LineRole::Blank => {}
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
