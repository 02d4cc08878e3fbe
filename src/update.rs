//! The only code that changes the reader's state: one message in, effects out, no I/O.

use crate::action::Action;
use crate::document::{char_width, Document};
use crate::effect::Effect;
use crate::keymap::{Key, KeyCode, KeyOutcome};
use crate::state::{Pane, SourcesPopup, State};
use crate::text::display::display_char;

/// Everything that can happen to the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Key(Key),
    Action(Action),
    Resize { width: u16, height: u16 },
    Click { x: u16, y: u16 },
    Wheel { x: u16, y: u16, down: bool },
}

/// Rows each source takes in the sources pane.
pub const SOURCE_ROW_HEIGHT: usize = 2;

/// First visible row of a list so that `cursor` is on screen.
pub fn list_offset(cursor: usize, visible: usize) -> usize {
    cursor.saturating_sub(visible.saturating_sub(1))
}

pub fn update(state: &mut State, message: Message) -> Vec<Effect> {
    match message {
        Message::Key(key) => on_key(state, key),
        Message::Action(action) => apply(state, action),
        Message::Resize { width, height } => {
            state.width = width;
            state.height = height;
            let doc = state.document();
            follow_cursor(state, &doc);
            vec![]
        }
        Message::Click { x, y } => on_click(state, x, y),
        Message::Wheel { x, y, down } => on_wheel(state, x, y, down),
    }
}

fn on_key(state: &mut State, key: Key) -> Vec<Effect> {
    state.notice_visible = false;
    let closes_help = matches!(key.code, KeyCode::Char('q' | '?') | KeyCode::Esc) && !key.ctrl;
    if state.help && closes_help {
        state.help = false;
        return vec![];
    }
    if state.sources_popup.is_some() {
        if let Some(effects) = on_popup_key(state, key) {
            return effects;
        }
    }
    match state.keymap.resolve(&state.pending, key) {
        KeyOutcome::Action(action) => {
            state.pending.clear();
            apply(state, action)
        }
        KeyOutcome::Pending => {
            state.pending.push(key);
            vec![]
        }
        KeyOutcome::Unbound => {
            state.pending.clear();
            vec![]
        }
    }
}

/// Keys the sources popup takes for itself; `None` lets the keymap have the key.
fn on_popup_key(state: &mut State, key: Key) -> Option<Vec<Effect>> {
    let popup = state.sources_popup.as_mut()?;
    let count = state
        .entities
        .entities
        .get(popup.entity)
        .map_or(0, |e| e.articles.len());
    match key.code {
        KeyCode::Char('j') | KeyCode::Down => {
            popup.cursor = (popup.cursor + 1).min(count.saturating_sub(1))
        }
        KeyCode::Char('k') | KeyCode::Up => popup.cursor = popup.cursor.saturating_sub(1),
        KeyCode::Enter => {
            let article = state.entities.entities[popup.entity]
                .articles
                .get(popup.cursor)
                .copied();
            let entity = popup.entity;
            state.sources_popup = None;
            if let Some(article) = article {
                let effects = open_article(state, article);
                state.selected_entity = Some(entity);
                jump_to_mention(state, entity, true);
                return Some(effects);
            }
        }
        KeyCode::Esc | KeyCode::Char('q') => state.sources_popup = None,
        _ => return None,
    }
    Some(vec![])
}

fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    let doc = state.document();
    let page = state.layout().article_text_height();
    match action {
        Action::LineDown => move_focused(state, &doc, 1),
        Action::LineUp => move_focused(state, &doc, -1),
        Action::HalfPageDown => move_focused(state, &doc, (page / 2).max(1) as isize),
        Action::HalfPageUp => move_focused(state, &doc, -((page / 2).max(1) as isize)),
        Action::Top => move_focused(state, &doc, isize::MIN / 2),
        Action::Bottom => move_focused(state, &doc, isize::MAX / 2),
        Action::FocusNext => state.focus = cycle_focus(state, 1),
        Action::FocusPrev => state.focus = cycle_focus(state, -1),
        Action::NextSource => {
            let next = (state.current + 1).min(state.corpus.articles.len().saturating_sub(1));
            return open_article(state, next);
        }
        Action::PrevSource => return open_article(state, state.current.saturating_sub(1)),
        Action::OpenSource(n) => {
            let index = n as usize - 1;
            if index < state.corpus.articles.len() {
                return open_article(state, index);
            }
            state.notice(format!("there is no source {n}"));
        }
        Action::Open => match state.focus {
            Pane::Sources => {
                let effects = open_article(state, state.source_cursor);
                state.focus = Pane::Article;
                return effects;
            }
            Pane::Entities => {
                if let Some(&(entity, _)) = state
                    .entities
                    .entities_in(state.current)
                    .get(state.entity_cursor)
                {
                    state.selected_entity = Some(entity);
                    jump_to_mention(state, entity, true);
                }
            }
            Pane::Article => select_entity_at_cursor(state, &doc),
        },
        Action::SelectEntityAtCursor => select_entity_at_cursor(state, &doc),
        Action::NextMention => next_mention(state, &doc, true),
        Action::PrevMention => next_mention(state, &doc, false),
        Action::EntitySources => {
            let entity = match state.focus {
                Pane::Entities => state
                    .entities
                    .entities_in(state.current)
                    .get(state.entity_cursor)
                    .map(|e| e.0),
                _ => state.selected_entity,
            };
            match entity {
                Some(entity) => state.sources_popup = Some(SourcesPopup { entity, cursor: 0 }),
                None => state.notice(
                    "select an entity first (* on a mention, or Enter in the entities pane)",
                ),
            }
        }
        Action::Cancel => {
            if state.help {
                state.help = false;
            } else if state.sources_popup.is_some() {
                state.sources_popup = None;
            } else {
                state.selected_entity = None;
            }
        }
        Action::ToggleEntities => {
            state.show_entities = !state.show_entities;
            if !state.show_entities && state.focus == Pane::Entities {
                state.focus = Pane::Article;
            }
        }
        Action::ToggleBoilerplate => {
            // Keep the cursor on the same text when lines appear or disappear.
            let anchor = doc.lines.get(state.view().cursor).map(|l| l.span.start);
            state.show_boilerplate = !state.show_boilerplate;
            let doc = state.document();
            if let Some(line) = anchor.and_then(|b| doc.line_of(b)) {
                state.views[state.current].cursor = line;
            }
            follow_cursor(state, &doc);
        }
        Action::ToggleHelp => state.help = !state.help,
        Action::ToggleRead => {
            if let Some(read) = state.read.get_mut(state.current) {
                *read = !*read;
            }
        }
        Action::Suspend => return vec![Effect::Suspend],
        Action::Quit => {
            state.quit = true;
            return vec![Effect::SaveViews, Effect::Quit];
        }
    }
    vec![]
}

fn cycle_focus(state: &State, step: isize) -> Pane {
    let panes: &[Pane] = if state.show_entities {
        &[Pane::Sources, Pane::Article, Pane::Entities]
    } else {
        &[Pane::Sources, Pane::Article]
    };
    let at = panes.iter().position(|p| *p == state.focus).unwrap_or(1) as isize;
    panes[(at + step).rem_euclid(panes.len() as isize) as usize]
}

fn move_focused(state: &mut State, doc: &Document, delta: isize) {
    match state.focus {
        Pane::Sources => {
            let n = state.corpus.articles.len();
            state.source_cursor = step(state.source_cursor, delta, n);
        }
        Pane::Entities => {
            let n = state.entities.entities_in(state.current).len();
            state.entity_cursor = step(state.entity_cursor, delta, n);
        }
        Pane::Article => {
            let page = state_page(state);
            let view = &mut state.views[state.current];
            // Half pages move the view with the cursor, as in vim; top and bottom do not.
            if delta.unsigned_abs() > 1 && delta.unsigned_abs() < usize::MAX / 4 {
                view.scroll = step(view.scroll, delta, doc.len().saturating_sub(page) + 1);
            }
            view.cursor = step(view.cursor, delta, doc.len());
            follow_cursor(state, doc);
        }
    }
}

fn state_page(state: &State) -> usize {
    state.layout().article_text_height()
}

fn step(at: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (at as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}

/// Scrolls so that the cursor line is visible.
fn follow_cursor(state: &mut State, doc: &Document) {
    let page = state_page(state);
    let Some(view) = state.views.get_mut(state.current) else {
        return;
    };
    view.cursor = view.cursor.min(doc.len().saturating_sub(1));
    if view.cursor < view.scroll {
        view.scroll = view.cursor;
    } else if view.cursor >= view.scroll + page {
        view.scroll = view.cursor + 1 - page;
    }
    view.scroll = view.scroll.min(doc.len().saturating_sub(page));
}

fn open_article(state: &mut State, index: usize) -> Vec<Effect> {
    if index >= state.corpus.articles.len() {
        return vec![];
    }
    state.current = index;
    state.source_cursor = index;
    state.entity_cursor = 0;
    state.read[index] = true;
    let doc = state.document();
    follow_cursor(state, &doc);
    vec![Effect::SaveViews]
}

/// Selects the entity of the mention on the cursor line (or the next mention after it).
fn select_entity_at_cursor(state: &mut State, doc: &Document) {
    let view = state.view();
    let from = doc.lines.get(view.cursor).map_or(0, |l| l.span.start);
    let line_end = doc.lines.get(view.cursor).map_or(0, |l| l.span.end);
    let mention = state
        .entities
        .mentions_in(state.current)
        .iter()
        .find(|m| m.span.end > from)
        .copied();
    match mention {
        Some(m) => {
            state.selected_entity = Some(m.entity);
            if m.span.start >= line_end {
                move_cursor_to_byte(state, doc, m.span.start);
            }
        }
        None => state.notice("no entity mention at or after the cursor"),
    }
}

/// Moves to the first (or last) mention of the entity in the open article.
fn jump_to_mention(state: &mut State, entity: usize, first: bool) {
    let doc = state.document();
    let mention = if first {
        state.entities.next_mention(state.current, entity, 0)
    } else {
        state
            .entities
            .prev_mention(state.current, entity, usize::MAX)
    };
    if let Some(m) = mention {
        move_cursor_to_byte(state, &doc, m.span.start);
    }
}

/// `n` / `N`: the next or previous mention of the selected entity, on to the next article
/// that mentions it when this one has no more.
fn next_mention(state: &mut State, doc: &Document, forward: bool) {
    let Some(entity) = state.selected_entity else {
        state.notice("no entity selected: * on a mention, or Enter in the entities pane");
        return;
    };
    let view = state.view();
    let line = doc.lines.get(view.cursor);
    // Only mentions on screen count: hidden boilerplate may mention the entity too.
    let visible =
        |m: &&crate::state::MentionRef| m.entity == entity && doc.line_of(m.span.start).is_some();
    let mentions = state.entities.mentions_in(state.current);
    let here = if forward {
        let after = line.map_or(0, |l| l.span.end.max(l.span.start + 1));
        mentions
            .iter()
            .filter(visible)
            .find(|m| m.span.start >= after)
            .copied()
    } else {
        let before = line.map_or(0, |l| l.span.start);
        mentions
            .iter()
            .filter(visible)
            .rev()
            .find(|m| m.span.start < before)
            .copied()
    };
    if let Some(m) = here {
        move_cursor_to_byte(state, doc, m.span.start);
        return;
    }
    let articles = &state.entities.entities[entity].articles;
    let n = state.corpus.articles.len();
    let target = (1..n)
        .map(|k| {
            if forward {
                (state.current + k) % n
            } else {
                (state.current + n - k) % n
            }
        })
        .find(|a| articles.contains(a));
    match target {
        Some(article) => {
            let name = state.entities.entities[entity].name.clone();
            open_article(state, article);
            jump_to_mention(state, entity, forward);
            state.notice(format!("{name}: continued in source {}", article + 1));
        }
        None => state.notice("no other mention"),
    }
}

fn move_cursor_to_byte(state: &mut State, doc: &Document, byte: usize) {
    if let Some(line) = doc.line_of(byte) {
        let page = state_page(state);
        let view = &mut state.views[state.current];
        view.cursor = line;
        if line < view.scroll || line >= view.scroll + page {
            view.scroll = line.saturating_sub(page / 3);
        }
        follow_cursor(state, doc);
    }
}

fn on_click(state: &mut State, x: u16, y: u16) -> Vec<Effect> {
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
            let index = list_offset(state.source_cursor, visible) + row / SOURCE_ROW_HEIGHT;
            if index < state.corpus.articles.len() {
                state.source_cursor = index;
                let effects = open_article(state, index);
                state.focus = Pane::Sources;
                return effects;
            }
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
            let line = state.view().scroll + row;
            if line < doc.len() {
                state.views[state.current].cursor = line;
                let column = x.saturating_sub(rect.x + 3) as usize;
                if let Some(byte) = byte_at_column(state, &doc, line, column) {
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
    }
    vec![]
}

/// The source byte shown at a display column of a visual line.
fn byte_at_column(state: &State, doc: &Document, line: usize, column: usize) -> Option<usize> {
    let span = doc.lines.get(line)?.span;
    let text = state.corpus.articles.get(state.current)?.text(span);
    let mut at = 0;
    for (i, c) in text.char_indices() {
        let w = char_width(display_char(c)).max(1);
        if column < at + w {
            return Some(span.start + i);
        }
        at += w;
    }
    None
}

fn on_wheel(state: &mut State, x: u16, y: u16, down: bool) -> Vec<Effect> {
    let Some((pane, _)) = state.layout().pane_at(x, y) else {
        return vec![];
    };
    let delta = if down { 3 } else { -3 };
    match pane {
        Pane::Article => {
            let doc = state.document();
            let page = state_page(state);
            let max_scroll = doc.len().saturating_sub(page);
            let view = &mut state.views[state.current];
            view.scroll = (view.scroll as isize + delta).clamp(0, max_scroll as isize) as usize;
            view.cursor = view
                .cursor
                .clamp(view.scroll, view.scroll + page.saturating_sub(1));
        }
        Pane::Sources => {
            let n = state.corpus.articles.len();
            state.source_cursor = step(state.source_cursor, delta.signum(), n);
        }
        Pane::Entities => {
            let n = state.entities.entities_in(state.current).len();
            state.entity_cursor = step(state.entity_cursor, delta.signum(), n);
        }
    }
    vec![]
}
