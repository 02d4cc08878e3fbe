//! The status bar: mode, position in the article, the selected entity, then a notice, the
//! continuations of a pending key sequence, or short key hints.

use crate::document::Document;
use crate::state::{Pane, State};
use crate::ui::text_fit::truncate;
use crate::ui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, doc: &Document, theme: &Theme) {
    let mode = if state.help {
        "HELP"
    } else if state.annotations.editor.is_some() {
        "ANNOTATE"
    } else if state.annotations.list_popup.is_some() {
        "ANNOTATIONS"
    } else if state.view().anchor.is_some() && state.focus == Pane::Article {
        "SELECT"
    } else if state.sources_popup.is_some() {
        "SOURCES"
    } else if !state.pending.is_empty() {
        "PENDING"
    } else {
        match state.focus {
            Pane::Sources => "SOURCES",
            Pane::Article => "READ",
            Pane::Entities => "ENTITIES",
        }
    };
    let view = state.view();
    let total = doc.len().max(1);
    let line = doc.line_at(view.cursor);
    let percent = ((line + 1) * 100 / total).min(100);
    let position = format!(" L{}/{} {}% ", line + 1, doc.len(), percent);
    let mut spans = vec![
        Span::styled(format!(" {mode} "), theme.mode()),
        Span::styled(position, theme.status()),
    ];
    if let Some(entity) = state
        .selected_entity
        .and_then(|e| state.entities.entities.get(e))
    {
        spans.push(Span::styled(
            format!(
                "◆ {} ({}) ",
                truncate(&entity.name, 28),
                entity.kind.as_str()
            ),
            theme.status(),
        ));
    }
    if let Some(a) = state
        .annotations
        .at(state.current, view.cursor)
        .and_then(|i| state.annotations.list.get(i))
    {
        let note = a.note.lines().next().unwrap_or("");
        spans.push(Span::styled(
            format!("✎ {}: {} ", a.label, truncate(note, 30)),
            theme.status(),
        ));
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let room = (area.width as usize).saturating_sub(used + 1);
    let tail = if !state.pending.is_empty() {
        let typed: String = state.pending.iter().map(|k| k.label()).collect();
        let next: Vec<String> = state
            .keymap
            .continuations(&state.pending)
            .iter()
            .map(|b| {
                format!(
                    "{} {}",
                    b.keys[state.pending.len()..]
                        .iter()
                        .map(|k| k.label())
                        .collect::<String>(),
                    b.action.describe().to_lowercase()
                )
            })
            .collect();
        Span::styled(
            truncate(&format!(" {typed}… {}", next.join("  ")), room),
            theme.notice(),
        )
    } else if state.notice_visible && !state.notices.is_empty() {
        let latest = state.notices.last().map(String::as_str).unwrap_or("");
        let more = if state.notices.len() > 1 && !state.notices.is_empty() {
            format!(" (+{} more)", state.notices.len() - 1)
        } else {
            String::new()
        };
        Span::styled(truncate(&format!(" {latest}{more}"), room), theme.notice())
    } else {
        let hints =
            " ?:help  Tab:pane  J/K:source  *:entity  n/N:next  e:entities  B:hidden  q:quit";
        Span::styled(truncate(hints, room), theme.status())
    };
    spans.push(tail);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status()),
        area,
    );
}
