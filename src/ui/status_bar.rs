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
    if state.search.typing {
        let mode = match state.search.mode {
            crate::analysis::search::SearchMode::Literal => "",
            crate::analysis::search::SearchMode::Regex => " regex",
        };
        let scope = if state.search.corpus_wide {
            " all sources"
        } else {
            ""
        };
        let info = match &state.search.error {
            Some(e) => format!("  {e}"),
            None => format!("  {} matches{mode}{scope} · Enter keep · Esc back · Ctrl-r regex · Ctrl-g all sources", state.search.matches.len()),
        };
        let line = Line::from(vec![
            Span::styled(" SEARCH ", theme.mode()),
            Span::styled(format!(" /{}", state.search.query), theme.status()),
            Span::styled("▏", theme.cursor_gutter()),
            Span::styled(
                truncate(
                    &info,
                    (area.width as usize).saturating_sub(state.search.query.chars().count() + 12),
                ),
                theme.status(),
            ),
        ]);
        frame.render_widget(Paragraph::new(line).style(theme.status()), area);
        return;
    }
    if let Some(line) = view_status(state, area.width as usize, theme) {
        frame.render_widget(Paragraph::new(line).style(theme.status()), area);
        return;
    }
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
    if let Some(p) = state.progress {
        spans.push(Span::styled(gauge(p), theme.notice()));
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
        Span::styled(truncate(&hints(state), room), theme.status())
    };
    spans.push(tail);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status()),
        area,
    );
}

/// The status line of the full-window views: the mode, and what the row under the cursor is.
fn view_status<'a>(state: &'a State, width: usize, theme: &Theme) -> Option<Line<'a>> {
    use crate::state::screen::Screen;
    let (mode, detail) = match &state.screen {
        Screen::Read => return None,
        Screen::Compare(view) => {
            let detail = match view.current() {
                Some(row) => {
                    let mut text = format!(
                        "row {}/{}: {}",
                        view.cursor + 1,
                        view.visible().len(),
                        row.kind.describe()
                    );
                    if row.secondary > 0 {
                        text.push_str(&format!(", {} more link(s)", row.secondary));
                    }
                    for d in &row.discrepancies {
                        text.push_str(&format!(" · ! {}", d.explanation));
                    }
                    text
                }
                None => "no rows".to_string(),
            };
            ("COMPARE", detail + "  · J/K source · s swap · ]d [d differences · f filter · Enter read · ? help")
        }
        Screen::Map(view) => (
            "MAP",
            format!(
                "fact {}/{} · o sort · Enter wordings · Esc back",
                view.cursor + 1,
                view.order.len()
            ),
        ),
        Screen::Coverage(view) => (
            "COVERAGE",
            format!(
                "row {} · Enter select the entity · Esc back",
                view.cursor + 1
            ),
        ),
    };
    let notice = if state.notice_visible {
        state.notices.last().cloned()
    } else {
        None
    };
    let tail = notice.unwrap_or(detail);
    Some(Line::from(vec![
        Span::styled(format!(" {mode} "), theme.mode()),
        Span::styled(
            truncate(&format!(" {tail}"), width.saturating_sub(mode.len() + 2)),
            theme.status(),
        ),
    ]))
}

/// "analysing 1234/10000 ▕███░░░░░▏ 12% ETA 8s"; "linking…" (entities, sentences, stories)
/// when there is nothing to count.
fn gauge(p: crate::state::Progress) -> String {
    use crate::state::Phase;
    const WIDTH: usize = 10;
    let what = match p.phase {
        Phase::Loading => "loading",
        Phase::Recognising => "analysing",
        Phase::Linking => return String::from(" linking… "),
    };
    let filled = (p.done * WIDTH)
        .checked_div(p.total)
        .unwrap_or(0)
        .min(WIDTH);
    let percent = (p.done * 100).checked_div(p.total).unwrap_or(0);
    let eta = match p.done {
        0 => String::from("…"),
        done => {
            let remaining =
                p.elapsed_ms as f64 / done as f64 * (p.total - done.min(p.total)) as f64;
            format!("{:.0}s", (remaining / 1000.0).ceil())
        }
    };
    format!(
        " {what} {}/{} ▕{}{}▏ {percent}% ETA {eta} ",
        p.done,
        p.total,
        "█".repeat(filled),
        "░".repeat(WIDTH - filled)
    )
}

/// Short key hints, read from the keymap in effect (so a rebinding shows).
fn hints(state: &State) -> String {
    use crate::action::Action;
    let key = |action: Action| {
        state
            .keymap
            .bindings
            .iter()
            .find(|b| b.action == action)
            .map(|b| b.keys.iter().map(|k| k.label()).collect::<String>())
    };
    let items = [
        (Action::ToggleHelp, "help"),
        (Action::Finder, "find"),
        (Action::FocusNext, "pane"),
        (Action::NextSource, "next source"),
        (Action::SelectEntityAtCursor, "entity"),
        (Action::Annotate, "annotate"),
        (Action::Compare, "compare"),
        (Action::Quit, "quit"),
    ];
    let mut out = String::new();
    for (action, name) in items {
        if let Some(k) = key(action) {
            out.push_str(&format!(" {k}:{name} "));
        }
    }
    out
}
