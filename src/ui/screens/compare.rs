//! The comparison view: two sources side by side, aligned sentence by sentence, with a gutter
//! mark per row, one-sided words highlighted and discrepancies flagged; entity colours stay.

use crate::analysis::align::Side;
use crate::document::wrap;
use crate::state::compare::CompareView;
use crate::state::State;
use crate::text::ByteSpan;
use crate::ui::highlight::{highlight_line, Layers};
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Columns of the gutter: cursor bar, row mark, discrepancy mark.
const GUTTER: u16 = 4;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, view: &CompareView, theme: &Theme) {
    if area.height < 3 || area.width < 20 {
        return;
    }
    let column = (area.width.saturating_sub(GUTTER + 3)) / 2;
    let (left, right) = (
        &state.corpus.articles[view.left],
        &state.corpus.articles[view.right],
    );
    let who = |a: &crate::corpus::Article| a.meta.outlet.clone().unwrap_or_else(|| a.id.clone());
    let title = |a: &crate::corpus::Article, n: usize, active: bool| {
        let style = if active {
            theme.headline().patch(theme.cursor_word())
        } else {
            theme.headline()
        };
        Span::styled(
            truncate(&format!("{} · {}", n + 1, who(a)), column as usize),
            style,
        )
    };
    let (shared, left_only, right_only, similarity) = view.summary();
    let near = if view.alignment.near_duplicate {
        format!(
            " · NEAR-DUPLICATE ({:.0}% identical)",
            view.alignment.shared_share * 100.0
        )
    } else {
        String::new()
    };
    let header = vec![
        Line::from(vec![
            Span::raw(" ".repeat(GUTTER as usize)),
            title(left, view.left, view.column == Side::Left),
            Span::raw(" ".repeat((column as usize + 3).saturating_sub(truncate(&who(left), column as usize).chars().count() + 4))),
            title(right, view.right, view.column == Side::Right),
        ]),
        Line::styled(
            truncate(
                &format!(
                    " shared {shared} · left only {left_only} · right only {right_only} · similarity {similarity}%{near} · showing {} (f)",
                    view.filter.name()
                ),
                area.width as usize,
            ),
            theme.dim(),
        ),
    ];
    frame.render_widget(Paragraph::new(header), Rect { height: 2, ..area });
    let body = Rect {
        y: area.y + 2,
        height: area.height - 2,
        ..area
    };
    let visible = view.visible();
    if visible.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(" no rows for this filter", theme.dim())),
            body,
        );
        return;
    }
    // Rows wrap to their own height; start so that the cursor row is on screen.
    let heights: Vec<usize> = visible
        .iter()
        .map(|&i| row_height(state, view, i, column as usize))
        .collect();
    let start = first_row(&heights, view.cursor, body.height as usize);
    let mut lines: Vec<Line> = Vec::new();
    for (pos, &index) in visible.iter().enumerate().skip(start) {
        if lines.len() >= body.height as usize {
            break;
        }
        let row = &view.rows[index];
        let left_lines = side_lines(state, view.left, row.left, column as usize);
        let right_lines = side_lines(state, view.right, row.right, column as usize);
        let left_flags: Vec<ByteSpan> = row.discrepancies.iter().map(|d| d.left_span).collect();
        let right_flags: Vec<ByteSpan> = row.discrepancies.iter().map(|d| d.right_span).collect();
        for k in 0..heights[pos] {
            let bar = if pos == view.cursor {
                Span::styled("▌", theme.cursor_gutter())
            } else {
                Span::raw(" ")
            };
            let mark = if k == 0 { row.kind.mark() } else { " " };
            let flag = if k == 0 && !row.discrepancies.is_empty() {
                "!"
            } else if k == 0 && row.secondary > 0 {
                "+"
            } else {
                " "
            };
            let mut spans = vec![
                bar,
                Span::styled(mark, theme.key()),
                Span::styled(flag, theme.flagged()),
                Span::raw(" "),
            ];
            spans.extend(cell(
                state,
                view.left,
                left_lines.get(k).copied(),
                &row.left_only_words,
                &left_flags,
                column as usize,
                theme,
            ));
            spans.push(Span::styled(" │ ", theme.dim()));
            spans.extend(cell(
                state,
                view.right,
                right_lines.get(k).copied(),
                &row.right_only_words,
                &right_flags,
                column as usize,
                theme,
            ));
            lines.push(Line::from(spans));
        }
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// The first row to draw so that row `cursor` fits in `height` lines.
fn first_row(heights: &[usize], cursor: usize, height: usize) -> usize {
    let mut start = cursor.min(heights.len().saturating_sub(1));
    let mut used = heights.get(start).copied().unwrap_or(1);
    // Show some rows above the cursor when they fit, a third of the screen at most.
    while start > 0 && used + heights[start - 1] <= height.div_ceil(3).max(1) {
        start -= 1;
        used += heights[start];
    }
    start
}

fn side_lines(
    state: &State,
    article: usize,
    sentence: Option<usize>,
    width: usize,
) -> Vec<ByteSpan> {
    let Some(sentence) = sentence else {
        return vec![];
    };
    let a = &state.corpus.articles[article];
    wrap(&a.source, a.sentences[sentence], width.max(1))
}

fn row_height(state: &State, view: &CompareView, index: usize, width: usize) -> usize {
    let row = &view.rows[index];
    side_lines(state, view.left, row.left, width)
        .len()
        .max(side_lines(state, view.right, row.right, width).len())
        .max(1)
}

fn cell<'a>(
    state: &'a State,
    article: usize,
    line: Option<ByteSpan>,
    changed: &[ByteSpan],
    flagged: &[ByteSpan],
    width: usize,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let Some(line) = line else {
        return vec![Span::raw(" ".repeat(width))];
    };
    let a = &state.corpus.articles[article];
    let layers = Layers {
        mentions: state.entities.mentions_in(article),
        selected_entity: state.selected_entity,
        changed,
        flagged,
        ..Layers::default()
    };
    let mut spans = highlight_line(&a.source, line, Default::default(), &layers, theme);
    let used = crate::document::display_width(&a.source[line.range()]);
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    spans
}
