//! The annotations list: every annotation of the corpus, grouped by source or label, with the
//! quote and the first line of the note; typing filters it.

use crate::corpus::annotation::AnchorStatus;
use crate::state::State;
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use crate::update::{annotation_rows, list_offset};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let Some(popup) = &state.annotations.list_popup else {
        return;
    };
    let rect = Rect::new(
        area.x + 2.min(area.width / 8),
        area.y + 1.min(area.height / 8),
        area.width.saturating_sub(4).max(area.width.min(20)),
        area.height.saturating_sub(2).max(area.height.min(5)),
    )
    .intersection(area);
    let inner_width = rect.width.saturating_sub(2) as usize;
    let rows = annotation_rows(state);
    let grouping = if popup.by_label { "label" } else { "source" };
    let title = format!(
        " Annotations ({}) · by {grouping} (Tab) · {} ",
        rows.len(),
        state.annotations.location
    );
    let mut lines = vec![Line::from(vec![
        Span::styled("Filter: ", theme.dim()),
        Span::raw(popup.filter.clone()),
        Span::styled("▏", theme.cursor_gutter()),
    ])];
    let visible = rect.height.saturating_sub(3) as usize;
    let offset = list_offset(popup.cursor, visible);
    let mut last_group = String::new();
    for (row, &index) in rows.iter().enumerate().skip(offset).take(visible) {
        let a = &state.annotations.list[index];
        let group = if popup.by_label {
            a.label.clone()
        } else {
            a.article.clone()
        };
        let colour = state
            .annotations
            .label(&a.label)
            .map_or("yellow", |l| l.colour.as_str());
        let orphan = state
            .annotations
            .anchors
            .get(index)
            .is_some_and(|x| x.status == AnchorStatus::Orphaned);
        let note = a.note.lines().next().unwrap_or("");
        let prefix = if group != last_group {
            truncate(&group, 22)
        } else {
            String::new()
        };
        last_group = group;
        let mut spans = vec![
            Span::styled(format!("{prefix:<22} "), theme.dim()),
            Span::styled(
                format!("{:<12} ", truncate(&a.label, 12)),
                theme.label(colour),
            ),
        ];
        if orphan {
            spans.push(Span::styled("⚠ orphaned ", theme.notice()));
        }
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let text = format!("“{}”  {}", a.quote.exact, note);
        spans.push(Span::raw(truncate(&text, inner_width.saturating_sub(used))));
        let mut line = Line::from(spans);
        if row == popup.cursor {
            line = line.style(theme.selected_row());
        }
        lines.push(line);
    }
    if rows.is_empty() {
        lines.push(Line::styled("no annotations match", theme.dim()));
    }
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .title(truncate(&title, inner_width)),
        ),
        rect,
    );
}
