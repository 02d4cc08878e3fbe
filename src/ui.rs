//! Drawing: pure functions from `&State` to a frame. Layout comes from `layout`, every style
//! from `theme`, text styling from `highlight`.

pub mod highlight;
pub mod panes;
pub mod popups;
pub mod screens;
pub mod status_bar;
pub mod text_fit;
pub mod theme;

use crate::state::screen::Screen;
use crate::state::{Pane, State};
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;
use theme::Theme;

pub fn draw(frame: &mut Frame, state: &State, theme: &Theme) {
    let area = frame.area();
    let layout = state.layout();
    if layout.tiny {
        let message = format!(
            "Parallax needs at least {}×{} (now {}×{})",
            crate::layout::MIN_WIDTH,
            crate::layout::MIN_HEIGHT,
            area.width,
            area.height
        );
        let y = area.height / 2;
        let rect = Rect::new(
            0,
            y.saturating_sub(1),
            area.width,
            area.height.saturating_sub(y.saturating_sub(1)),
        );
        frame.render_widget(
            Paragraph::new(message)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            rect,
        );
        return;
    }
    let doc = state.document();
    let body = Rect::new(0, 0, area.width, area.height.saturating_sub(1));
    let full_window = match &state.screen {
        Screen::Read => false,
        Screen::Compare(view) => {
            screens::compare::draw(frame, body, state, view, theme);
            true
        }
        Screen::Map(view) => {
            screens::story_map::draw(frame, body, state, view, theme);
            true
        }
        Screen::Coverage(view) => {
            screens::coverage::draw(frame, body, state, view, theme);
            true
        }
    };
    if full_window {
        status_bar::draw(frame, layout.status, state, &doc, theme);
        if state.help {
            popups::help::draw(frame, body, state, theme);
        }
        return;
    }
    if let Some(tabs) = layout.tabs {
        let names = [
            (Pane::Sources, "Sources"),
            (Pane::Article, "Article"),
            (Pane::Entities, "Entities"),
        ];
        let third = (tabs.width / 3) as usize;
        let spans: Vec<Span> = names
            .iter()
            .map(|(pane, name)| {
                let style = if state.focus == *pane {
                    theme.selected_row()
                } else {
                    theme.dim()
                };
                Span::styled(format!("{name:^third$}"), style)
            })
            .collect();
        frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    }
    if let Some(rect) = layout.sources {
        panes::sources::draw(frame, rect, state, theme);
    }
    if let Some(rect) = layout.article {
        panes::article::draw(frame, rect, state, &doc, theme);
    }
    if let Some(rect) = layout.entities {
        panes::entities::draw(frame, rect, state, theme);
    }
    status_bar::draw(frame, layout.status, state, &doc, theme);
    if state.sources_popup.is_some() {
        popups::sources::draw(frame, body, state, theme);
    }
    if state.annotations.list_popup.is_some() {
        popups::annotation_list::draw(frame, body, state, theme);
    }
    if state.annotations.viewer.is_some() {
        popups::annotation_view::draw(frame, body, state, theme);
    }
    if state.annotations.editor.is_some() {
        popups::editor::draw(frame, body, state, theme);
    }
    if state.finder.is_some() {
        popups::finder::draw(frame, body, state, theme);
    }
    if state.help {
        popups::help::draw(frame, body, state, theme);
    }
}
