//! The story map: one row per fact, a column per source (● carries it, ○ not), and on `Enter`
//! every source's wording of the fact stacked, with the words that differ marked.

use crate::analysis::align::{word_diff, DiffKind, Side};
use crate::analysis::story_map::Fact;
use crate::document::wrap;
use crate::state::screen::{FactOrder, MapView};
use crate::state::State;
use crate::text::ByteSpan;
use crate::ui::highlight::{highlight_line, Layers};
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use crate::update::list_offset;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// More sources than this show as a count instead of one mark each.
const MAX_DOT_COLUMNS: usize = 24;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, view: &MapView, theme: &Theme) {
    let Some(analysis) = &state.analysis else {
        return;
    };
    let facts = &analysis.story_map(view.story).facts;
    // The columns: the story's articles (every article when the corpus is one story).
    let all: Vec<usize>;
    let columns: &[usize] = match analysis.story(view.story) {
        Some(story) if analysis.has_stories() => &story.articles,
        _ => {
            all = (0..state.corpus.articles.len()).collect();
            &all
        }
    };
    let n = columns.len();
    let sort = match view.sort {
        FactOrder::Consensus => "most sources first",
        FactOrder::Exclusive => "single-source first",
    };
    let mut lines = Vec::new();
    if let Some(title) = analysis.story_title(view.story) {
        lines.push(Line::styled(
            truncate(&format!(" {title}"), area.width as usize),
            theme.key(),
        ));
    }
    lines.push(Line::styled(
        truncate(
            &format!(" Story map · {} facts across {n} sources · {sort} (o) · Enter: every wording · Esc: back", facts.len()),
            area.width as usize,
        ),
        theme.headline(),
    ));
    let top = lines.len();
    if let Some(member) = view.detail {
        if let Some(fact) = view.order.get(view.cursor).and_then(|&f| facts.get(f)) {
            lines.extend(detail_lines(
                state,
                fact,
                member,
                area.width as usize,
                theme,
            ));
        }
        frame.render_widget(
            Paragraph::new(
                lines
                    .into_iter()
                    .take(area.height as usize)
                    .collect::<Vec<_>>(),
            ),
            area,
        );
        return;
    }
    let dots = n <= MAX_DOT_COLUMNS;
    let marks_width = if dots { n * 2 } else { 7 };
    let numbers: String = if dots {
        columns
            .iter()
            .map(|a| format!("{:<2}", (a + 1) % 100))
            .collect()
    } else {
        "sources".to_string()
    };
    lines.push(Line::styled(
        format!("   {numbers:<marks_width$} fact"),
        theme.dim(),
    ));
    let visible = (area.height as usize).saturating_sub(top + 1);
    let offset = list_offset(view.cursor, visible);
    for (row, &f) in view.order.iter().enumerate().skip(offset).take(visible) {
        let fact = &facts[f];
        let sources = fact.sources();
        let marks = if dots {
            columns
                .iter()
                .map(|a| if sources.contains(a) { "● " } else { "○ " })
                .collect::<String>()
        } else {
            format!("{:>3}/{:<3}", sources.len(), n)
        };
        let rep = fact.representative;
        let article = &state.corpus.articles[rep.article];
        let text =
            crate::text::display_safe(article.text(article.sentences[rep.sentence])).into_owned();
        let room = (area.width as usize).saturating_sub(marks_width + 4);
        let bar = if row == view.cursor {
            Span::styled("▌ ", theme.cursor_gutter())
        } else {
            Span::raw("  ")
        };
        let only = if sources.len() == 1 {
            theme.key()
        } else {
            theme.dim()
        };
        let mut spans = vec![bar, Span::styled(format!("{marks:<marks_width$} "), only)];
        if let Some(adds) = fact.what_it_adds() {
            // The sentence is also in shared facts: say what only it adds, then the sentence.
            let adds = crate::text::display_safe(&adds).into_owned();
            let adds = format!("+ {} · ", truncate(&adds, (room / 2).saturating_sub(5)));
            let room = room.saturating_sub(unicode_width::UnicodeWidthStr::width(adds.as_str()));
            spans.push(Span::styled(adds, theme.key()));
            spans.push(Span::styled(truncate(&text, room), theme.dim()));
        } else {
            spans.push(Span::raw(truncate(&text, room)));
        }
        let mut line = Line::from(spans);
        if row == view.cursor {
            line = line.style(theme.selected_row());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Every member's sentence, under its source, with the words the representative lacks marked.
fn detail_lines<'a>(
    state: &'a State,
    fact: &Fact,
    selected: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let rep = fact.representative;
    let rep_article = &state.corpus.articles[rep.article];
    let rep_text = rep_article.text(rep_article.sentences[rep.sentence]);
    let sources = fact.sources().len();
    let carry = if sources == 1 {
        "1 source carries".to_string()
    } else {
        format!("{sources} sources carry")
    };
    let mut lines = vec![Line::styled(
        truncate(
            &format!(" {carry} this fact. j/k choose, Enter opens it in the reader."),
            width,
        ),
        theme.dim(),
    )];
    if let Some(adds) = fact.what_it_adds() {
        lines.push(Line::styled(
            truncate(
                &format!(
                    " Only here: {}. The rest of the sentence is in shared facts.",
                    crate::text::display_safe(&adds)
                ),
                width,
            ),
            theme.key(),
        ));
    }
    for (i, member) in fact.members.iter().enumerate() {
        let article = &state.corpus.articles[member.article];
        let span = article.sentences[member.sentence];
        let changed: Vec<ByteSpan> = word_diff(rep_text, article.text(span))
            .into_iter()
            .filter(|p| p.side == Side::Right && p.kind == DiffKind::OnlyHere)
            .map(|p| ByteSpan::new(p.span.start + span.start, p.span.end + span.start))
            .collect();
        let who = article
            .meta
            .outlet
            .clone()
            .unwrap_or_else(|| article.id.clone());
        let bar = if i == selected { "▌" } else { " " };
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(bar, theme.cursor_gutter()),
            Span::styled(format!(" {} · {who}", member.article + 1), theme.headline()),
        ]));
        let layers = Layers {
            mentions: state.entities.mentions_in(member.article),
            changed: &changed,
            ..Layers::default()
        };
        for piece in wrap(&article.source, span, width.saturating_sub(4).max(1)) {
            let mut spans = vec![Span::styled(bar, theme.cursor_gutter()), Span::raw("   ")];
            spans.extend(highlight_line(
                &article.source,
                piece,
                Default::default(),
                &layers,
                theme,
            ));
            lines.push(Line::from(spans));
        }
    }
    lines
}
