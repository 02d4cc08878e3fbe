//! The sources pane: one two-line row per article; when the corpus holds several stories, a
//! two-line header per story (▾ open, ▸ collapsed; its label and article count) with its
//! articles indented under it. A near-duplicate of another article is marked ≈.

use crate::analysis::CorpusAnalysis;
use crate::state::sources::{rows_and_cursor, SourceRow};
use crate::state::{Pane, State};
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use crate::update::{list_offset, SOURCE_ROW_HEIGHT};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

/// Columns articles are indented by under a story header.
const INDENT: usize = 1;

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
    let (rows, cursor) = rows_and_cursor(state);
    let offset = list_offset(cursor, visible);
    let analysis = state.analysis.as_deref().filter(|a| a.has_stories());
    let mut lines = Vec::new();
    for (row, source_row) in rows.enumerate().skip(offset).take(visible) {
        let selected = row == cursor && focused;
        match (source_row, analysis) {
            (SourceRow::Story(story), Some(analysis)) => {
                story_lines(&mut lines, state, analysis, story, selected, width, theme)
            }
            (SourceRow::Article(index), _) => {
                let indent = if analysis.is_some() { INDENT } else { 0 };
                article_lines(&mut lines, state, index, selected, indent, width, theme)
            }
            (SourceRow::Story(_), None) => {}
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn story_lines(
    lines: &mut Vec<Line<'static>>,
    state: &State,
    analysis: &CorpusAnalysis,
    story: usize,
    selected: bool,
    width: usize,
    theme: &Theme,
) {
    let Some(s) = analysis.story(story) else {
        return;
    };
    let fold = match state.sources.is_collapsed(analysis, story) {
        true => "▸",
        false => "▾",
    };
    let head = format!("{fold}{:>3} ", story + 1);
    let label = truncate(&s.label, width.saturating_sub(head.chars().count()));
    let style = match selected {
        true => theme.selected_row(),
        false => theme.key(),
    };
    lines.push(Line::from(vec![Span::raw(head), Span::raw(label)]).style(style));
    let unread = s
        .articles
        .iter()
        .filter(|&&a| !state.read.get(a).copied().unwrap_or(true))
        .count();
    let open = s.articles.contains(&state.current);
    let detail = format!(
        "{} {} · {unread} unread{}",
        s.articles.len(),
        if s.articles.len() == 1 {
            "article"
        } else {
            "articles"
        },
        if open { " · ▶ open" } else { "" }
    );
    lines.push(Line::from(Span::styled(
        format!("     {}", truncate(&detail, width.saturating_sub(5))),
        theme.dim(),
    )));
}

fn article_lines(
    lines: &mut Vec<Line<'static>>,
    state: &State,
    index: usize,
    selected: bool,
    indent: usize,
    width: usize,
    theme: &Theme,
) {
    let Some(article) = state.corpus.articles.get(index) else {
        return;
    };
    let unread = !state.read.get(index).copied().unwrap_or(false);
    let mark = if unread { "●" } else { " " };
    let open = if index == state.current { "▶" } else { " " };
    let number = format!("{:indent$}{open}{mark}{:>2} ", "", index + 1);
    let duplicate = state
        .analysis
        .as_ref()
        .and_then(|a| a.near_duplicates.get(index).copied().flatten());
    let dup_mark = if duplicate.is_some() { "≈ " } else { "" };
    let title = truncate(
        article.display_title(),
        width.saturating_sub(number.chars().count() + dup_mark.chars().count()),
    );
    let mut row_style = Style::new();
    if selected {
        row_style = theme.selected_row();
    } else if index == state.current {
        row_style = theme.headline();
    }
    lines.push(
        Line::from(vec![
            Span::raw(number),
            Span::styled(dup_mark, theme.key()),
            Span::raw(title),
        ])
        .style(row_style),
    );
    let who = article
        .meta
        .outlet
        .as_deref()
        .or(article.meta.byline.as_deref())
        .unwrap_or(&article.id);
    let annotations = state.annotations.count_in(index);
    let mut detail = format!(
        "{} · {}w · {}e · {}a",
        who,
        article.word_count,
        state.entities.entities_in(index).len(),
        annotations
    );
    if let Some(d) = duplicate {
        detail = format!("≈ {:.0}% of {} · {detail}", d.share * 100.0, d.of + 1);
    }
    let pad = 5 + indent;
    lines.push(Line::from(Span::styled(
        format!(
            "{:pad$}{}",
            "",
            truncate(&detail, width.saturating_sub(pad))
        ),
        theme.dim(),
    )));
}
