//! The mouse: clicks select a source, an entity, or a word (and the entity mentioned there);
//! dragging in the article selects; the wheel scrolls the pane under the pointer.

use super::{cursor, list_offset, step, SOURCE_ROW_HEIGHT};
use crate::document::{char_width, Document};
use crate::effect::Effect;
use crate::state::{Pane, State};

pub fn click(state: &mut State, x: u16, y: u16) -> Vec<Effect> {
    state.notice_visible = false;
    let layout = state.layout();
    if let Some(tabs) = layout.tabs.filter(|r| r.contains((x, y).into())) {
        let third = (tabs.width / 3).max(1);
        state.focus = [Pane::Sources, Pane::Article, Pane::Entities][((x / third) as usize).min(2)];
        return vec![];
    }
    let Some((pane, rect)) = layout.pane_at(x, y) else {
        return vec![];
    };
    state.focus = pane;
    let row = y.saturating_sub(rect.y + 1) as usize;
    let visible_rows = rect.height.saturating_sub(2) as usize;
    match pane {
        Pane::Sources => {
            let visible = visible_rows / SOURCE_ROW_HEIGHT;
            let (_, at) = crate::state::sources::rows_and_cursor(state);
            return super::sources::click(
                state,
                list_offset(at, visible) + row / SOURCE_ROW_HEIGHT,
            );
        }
        Pane::Entities => {
            let index = list_offset(state.entity_cursor, visible_rows) + row;
            if let Some(&(entity, _)) = state.entities.entities_in(state.current).get(index) {
                state.entity_cursor = index;
                state.selected_entity = Some(entity);
            }
        }
        Pane::Article => {
            let doc = state.document();
            if let Some(byte) = byte_at(state, &doc, x, y) {
                state.views[state.current].anchor = None;
                cursor::set_cursor(state, &doc, byte);
                let hit = state
                    .entities
                    .mentions_in(state.current)
                    .iter()
                    .find(|m| m.span.start <= byte && byte < m.span.end)
                    .map(|m| m.entity);
                if hit.is_some() {
                    state.selected_entity = hit;
                }
            }
        }
    }
    vec![]
}

/// Dragging with the left button in the article extends a selection from where it started.
pub fn drag(state: &mut State, x: u16, y: u16) -> Vec<Effect> {
    if state.focus != Pane::Article {
        return vec![];
    }
    let doc = state.document();
    if let Some(byte) = byte_at(state, &doc, x, y) {
        let view = &mut state.views[state.current];
        if view.anchor.is_none() {
            view.anchor = Some(view.cursor);
        }
        cursor::set_cursor(state, &doc, byte);
    }
    vec![]
}

/// The source byte shown at a screen position of the article pane.
fn byte_at(state: &State, doc: &Document, x: u16, y: u16) -> Option<usize> {
    let rect = state.layout().article?;
    let row = y.checked_sub(rect.y + 1)? as usize;
    let line = state.view().scroll + row;
    let span = doc.lines.get(line)?.span;
    if span.is_empty() {
        return None;
    }
    let column = x.saturating_sub(rect.x + 3) as usize;
    let text = state.corpus.articles.get(state.current)?.text(span);
    let mut at = 0;
    for (i, c) in text.char_indices() {
        let w = char_width(c).max(1);
        if column < at + w {
            return Some(span.start + i);
        }
        at += w;
    }
    Some(span.end.saturating_sub(1).max(span.start))
}

pub fn wheel(state: &mut State, x: u16, y: u16, down: bool) -> Vec<Effect> {
    if super::finder::wheel(state, down) {
        return vec![];
    }
    let Some((pane, _)) = state.layout().pane_at(x, y) else {
        return vec![];
    };
    let delta: isize = if down { 3 } else { -3 };
    match pane {
        Pane::Article => {
            let doc = state.document();
            let page = cursor::page(state);
            let max_scroll = doc.len().saturating_sub(page);
            let view = &mut state.views[state.current];
            view.scroll = (view.scroll as isize + delta).clamp(0, max_scroll as isize) as usize;
            // Keep the cursor on screen: onto the first or last visible word.
            let (top, bottom) = (view.scroll, view.scroll + page.saturating_sub(1));
            let line = doc.line_at(view.cursor);
            let word = if line < top {
                doc.words.iter().find(|w| w.line >= top)
            } else if line > bottom {
                doc.words.iter().rev().find(|w| w.line <= bottom)
            } else {
                None
            };
            if let Some(w) = word {
                view.cursor = w.span.start;
            }
        }
        Pane::Sources => super::sources::move_cursor(state, delta.signum()),
        Pane::Entities => {
            let n = state.entities.entities_in(state.current).len();
            state.entity_cursor = step(state.entity_cursor, delta.signum(), n);
        }
    }
    vec![]
}
