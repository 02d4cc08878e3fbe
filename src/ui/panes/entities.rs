//! The entities pane: the open article's entities by mentions, with how many sources share
//! each.

use crate::analysis::entity_kind::EntityKind;
use crate::state::{Pane, State};
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use crate::update::list_offset;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

/// One letter per kind, so kinds stay distinguishable without colour.
pub fn kind_letter(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "P",
        EntityKind::Org => "O",
        EntityKind::Place => "L",
        EntityKind::Group => "G",
        EntityKind::Date => "D",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = state.focus == Pane::Entities;
    let rows = state.entities.entities_in(state.current);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(format!(" Entities ({}) ", rows.len()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if rows.is_empty() {
        let why = match state.analysis {
            Some(_) => "no entities recognised",
            None => "analysing…",
        };
        frame.render_widget(Paragraph::new(Line::styled(why, theme.dim())), inner);
        return;
    }
    let width = inner.width as usize;
    let visible = inner.height as usize;
    let offset = list_offset(state.entity_cursor, visible);
    let mut lines = Vec::new();
    for (row, &(entity, here)) in rows.iter().enumerate().skip(offset).take(visible) {
        let e = &state.entities.entities[entity];
        let counts = format!(" {here}× {}src", e.articles.len());
        let selected = state.selected_entity == Some(entity);
        let marker = if selected { "◆" } else { " " };
        let name_width = width.saturating_sub(counts.chars().count() + 3);
        let name = truncate(&e.name, name_width);
        let pad = " ".repeat(name_width.saturating_sub(crate::document::display_width(&name)));
        let mut name_style = theme.entity(e.kind);
        if selected {
            name_style = name_style.patch(theme.selected_mention());
        }
        let mut line = Line::from(vec![
            Span::raw(marker),
            Span::styled(kind_letter(e.kind), theme.dim()),
            Span::raw(" "),
            Span::styled(name, name_style),
            Span::raw(pad),
            Span::styled(counts, theme.dim()),
        ]);
        if focused && row == state.entity_cursor {
            line = line.style(theme.selected_row());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
