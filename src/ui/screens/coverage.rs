//! Entity coverage: entities (rows) × sources (columns), cells shaded by mention count, so a
//! glance shows who is talked about where; entities only one source mentions stand out.

use crate::state::screen::CoverageView;
use crate::state::State;
use crate::ui::panes::entities::kind_letter;
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use crate::update::list_offset;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// A mention count as a shade.
fn shade(count: usize) -> &'static str {
    match count {
        0 => " ·",
        1 => " ░",
        2..=3 => " ▒",
        4..=6 => " ▓",
        _ => " █",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, view: &CoverageView, theme: &Theme) {
    let Some(analysis) = &state.analysis else {
        return;
    };
    let coverage = analysis.coverage(view.story);
    let n = coverage.articles.len();
    let name_width = 26usize.min(area.width as usize / 3);
    let cells = (area.width as usize).saturating_sub(name_width + 12) / 2;
    let shown = n.min(cells);
    let mut lines = Vec::new();
    if let Some(title) = analysis.story_title(view.story) {
        lines.push(Line::styled(
            truncate(&format!(" {title}"), area.width as usize),
            theme.key(),
        ));
    }
    let top = lines.len() + 2;
    lines.extend([
        Line::styled(
            truncate(
                &format!(" Coverage · {} entities × {n} sources · ░▒▓█ more mentions · ★ one source only · Enter: select it", coverage.rows.len()),
                area.width as usize,
            ),
            theme.headline(),
        ),
        Line::styled(
            format!(
                "{:width$}{}{}",
                "",
                coverage
                    .articles
                    .iter()
                    .take(shown)
                    .map(|a| format!("{:>2}", (a + 1) % 100))
                    .collect::<String>(),
                if shown < n { "  …" } else { "" },
                width = name_width + 4
            ),
            theme.dim(),
        ),
    ]);
    let visible = (area.height as usize).saturating_sub(top);
    let offset = list_offset(view.cursor, visible);
    for (row_index, row) in coverage.rows.iter().enumerate().skip(offset).take(visible) {
        let entity = analysis.entities.index.entity(row.entity);
        let single = row.sources() == 1;
        let mut spans = vec![
            Span::styled(if single { "★" } else { " " }, theme.key()),
            Span::styled(kind_letter(entity.kind), theme.dim()),
            Span::raw(" "),
            Span::styled(
                format!("{:<name_width$}", truncate(&entity.name, name_width)),
                theme.entity(entity.kind),
            ),
            Span::raw(" "),
        ];
        for &count in row.counts.iter().take(shown) {
            spans.push(Span::styled(shade(count), theme.entity(entity.kind)));
        }
        spans.push(Span::styled(format!("  {:>4}", row.total()), theme.dim()));
        let mut line = Line::from(spans);
        if row_index == view.cursor {
            line = line.style(theme.selected_row());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
}
