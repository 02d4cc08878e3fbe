//! The annotation popup: a label picked with one key (or an entity correction), then the note
//! in a textarea.

use crate::state::annotations::{EditStep, EditTarget};
use crate::state::State;
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let Some(editor) = &state.annotations.editor else {
        return;
    };
    let width = area.width.saturating_sub(4).clamp(20, 76);
    let height = area.height.saturating_sub(2).clamp(6, 16);
    let rect = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width.min(area.width),
        height.min(area.height),
    );
    frame.render_widget(Clear, rect);
    let title = match editor.target {
        EditTarget::New { .. } => " Annotate ",
        EditTarget::Existing { .. } => " Edit annotation ",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.height < 3 {
        return;
    }
    let quote = quote_of_target(state).unwrap_or_default();
    let inner_width = inner.width as usize;
    let mut head = vec![Line::from(Span::styled(
        truncate(&format!("“{quote}”"), inner_width),
        theme.subtitle(),
    ))];
    match editor.step {
        EditStep::Label => {
            let mut spans = vec![Span::raw("Label: ")];
            for label in &state.annotations.labels {
                spans.push(Span::styled(format!("[{}]", label.key), theme.key()));
                spans.push(Span::styled(
                    format!(" {}  ", label.name),
                    theme.label(&label.colour),
                ));
            }
            head.push(Line::from(spans));
            head.push(Line::from(vec![
                Span::raw("Entity: "),
                Span::styled("[E]", theme.key()),
                Span::raw(" mark as entity  "),
                Span::styled("[X]", theme.key()),
                Span::raw(" not an entity  "),
                Span::styled("[M]", theme.key()),
                Span::raw(" merge into selected  "),
                Span::styled("[S]", theme.key()),
                Span::raw(" split"),
            ]));
            head.push(Line::styled("Esc cancels", theme.dim()));
            frame.render_widget(Paragraph::new(head), inner);
        }
        EditStep::EntityKind => {
            head.push(Line::from(vec![
                Span::raw("Entity type: "),
                Span::styled("[p]", theme.key()),
                Span::raw(" person  "),
                Span::styled("[o]", theme.key()),
                Span::raw(" organisation  "),
                Span::styled("[l]", theme.key()),
                Span::raw(" place  "),
                Span::styled("[g]", theme.key()),
                Span::raw(" group  "),
                Span::styled("[d]", theme.key()),
                Span::raw(" date"),
            ]));
            head.push(Line::styled("Esc goes back", theme.dim()));
            frame.render_widget(Paragraph::new(head), inner);
        }
        EditStep::Note => {
            let label = editor.label.as_deref().unwrap_or("claim");
            let colour = state
                .annotations
                .label(label)
                .map_or("yellow", |l| l.colour.as_str());
            head.push(Line::from(vec![
                Span::raw("Label: "),
                Span::styled(label.to_string(), theme.label(colour)),
                Span::styled("   Ctrl-s save · Esc cancel · Tab label", theme.dim()),
            ]));
            let head_height = head.len() as u16;
            frame.render_widget(
                Paragraph::new(head),
                Rect {
                    height: head_height,
                    ..inner
                },
            );
            let note_area = Rect {
                y: inner.y + head_height,
                height: inner.height.saturating_sub(head_height + 1),
                ..inner
            };
            frame.render_widget(&editor.note, note_area);
            if editor.confirm_discard {
                let last = Rect {
                    y: inner.y + inner.height - 1,
                    height: 1,
                    ..inner
                };
                frame.render_widget(
                    Paragraph::new(Line::styled(
                        "Discard this note? Esc again discards, Ctrl-s saves",
                        theme.notice(),
                    )),
                    last,
                );
            }
        }
    }
}

/// The quoted text of what the popup annotates, display-safe, on one line.
fn quote_of_target(state: &State) -> Option<String> {
    let editor = state.annotations.editor.as_ref()?;
    match &editor.target {
        EditTarget::New { article, span } => {
            let text = state.corpus.articles.get(*article)?.text(*span);
            Some(crate::text::display_safe(text).into_owned())
        }
        EditTarget::Existing { id } => {
            let a = state.annotations.list.iter().find(|a| &a.id == id)?;
            Some(crate::text::display_safe(&a.quote.exact).into_owned())
        }
    }
}
