//! The finder popup: the query line, ranked results with their kind and matched characters
//! highlighted, and a preview of the selected target.

use crate::analysis::finder::{Hit, Kind, Target};
use crate::state::State;
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use crate::update::list_offset;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let Some(finder) = &state.finder else { return };
    let width = area.width.saturating_sub(4).clamp(20, 120).min(area.width);
    let height = area.height.saturating_sub(2).clamp(6, 30).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, rect);
    let count = finder.results.as_ref().map_or(0, |r| r.matched);
    let lag = if finder.results_seq < finder.seq {
        " …"
    } else {
        ""
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(format!(
            " Find · {count} matches{lag} · @ sources # entities ! annotations \" sentences "
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.height < 3 {
        return;
    }
    let inner_width = inner.width as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled("› ", theme.key()),
        Span::raw(truncate(&finder.query, inner_width.saturating_sub(3))),
        Span::styled("▏", theme.cursor_gutter()),
    ])];
    let preview_height = (inner.height as usize / 3).clamp(2, 8);
    let list_height = (inner.height as usize).saturating_sub(2 + preview_height);
    let hits: &[Hit] = finder.results.as_ref().map_or(&[], |r| r.hits.as_slice());
    let offset = list_offset(finder.cursor, list_height);
    for (row, hit) in hits.iter().enumerate().skip(offset).take(list_height) {
        let mut spans = vec![Span::styled(
            format!("{:<9}", kind_name(hit.kind)),
            theme.dim(),
        )];
        spans.extend(matched_spans(
            &hit.text,
            &hit.matched,
            inner_width.saturating_sub(10),
            theme,
        ));
        let mut line = Line::from(spans);
        if row == finder.cursor {
            line = line.style(theme.selected_row());
        }
        lines.push(line);
    }
    while lines.len() < 1 + list_height {
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("─".repeat(inner_width), theme.dim()));
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: (2 + list_height) as u16,
            ..inner
        },
    );
    let preview_area = Rect {
        y: inner.y + (2 + list_height) as u16,
        height: preview_height as u16,
        ..inner
    };
    if let Some(hit) = hits.get(finder.cursor) {
        frame.render_widget(
            Paragraph::new(preview(state, hit, theme)).wrap(Wrap { trim: true }),
            preview_area,
        );
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Source => "source",
        Kind::Entity => "entity",
        Kind::Annotation => "note",
        Kind::Sentence => "sentence",
    }
}

/// The text with its matched characters emphasised, cut to `width`.
fn matched_spans<'a>(text: &str, matched: &[usize], width: usize, theme: &Theme) -> Vec<Span<'a>> {
    let shown = truncate(text, width);
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in shown.chars().enumerate() {
        let m = matched.binary_search(&i).is_ok();
        if m != run_matched && !run.is_empty() {
            spans.push(styled(std::mem::take(&mut run), run_matched, theme));
        }
        run_matched = m;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(styled(run, run_matched, theme));
    }
    spans
}

fn styled<'a>(text: String, matched: bool, theme: &Theme) -> Span<'a> {
    if matched {
        Span::styled(text, theme.key())
    } else {
        Span::raw(text)
    }
}

/// Where the selected result is and what it says.
fn preview<'a>(state: &'a State, hit: &Hit, theme: &Theme) -> Vec<Line<'a>> {
    let source_name = |article: usize| {
        state
            .corpus
            .articles
            .get(article)
            .map_or(String::new(), |a| {
                format!(
                    "{} · {}",
                    article + 1,
                    a.meta.outlet.clone().unwrap_or_else(|| a.id.clone())
                )
            })
    };
    match &hit.target {
        Target::Source { article } => {
            let Some(a) = state.corpus.articles.get(*article) else {
                return vec![];
            };
            vec![
                Line::styled(a.display_title().to_string(), theme.headline()),
                Line::styled(
                    format!(
                        "{} · {} words · {}",
                        source_name(*article),
                        a.word_count,
                        a.path
                    ),
                    theme.dim(),
                ),
            ]
        }
        Target::Entity { entity } => {
            let Some(e) = state.entities.entities.get(entity.0 as usize) else {
                return vec![];
            };
            let sources: Vec<String> = e.articles.iter().map(|&a| (a + 1).to_string()).collect();
            vec![
                Line::styled(
                    format!("{} ({})", e.name, e.kind.as_str()),
                    theme.entity(e.kind),
                ),
                Line::styled(
                    format!("{} mentions in sources {}", e.mentions, sources.join(", ")),
                    theme.dim(),
                ),
            ]
        }
        target => {
            let mut lines = Vec::new();
            if let Some(article) = target.article() {
                lines.push(Line::styled(source_name(article), theme.dim()));
            }
            let context = hit
                .context
                .as_ref()
                .map_or(hit.text.clone(), |c| c.text.clone());
            lines.push(Line::raw(context));
            lines
        }
    }
}
