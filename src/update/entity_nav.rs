//! Entities from the reader's side: selecting one, walking its mentions across sources, and the
//! popup of sources that mention it.

use super::cursor;
use crate::document::Document;
use crate::effect::Effect;
use crate::keymap::{Key, KeyCode};
use crate::state::{MentionRef, SourcesPopup, State};

/// Selects the entity of the mention under the cursor, else of the next mention after it.
pub fn select_at_cursor(state: &mut State, doc: &Document) {
    let at = state
        .cursor_word(doc)
        .map_or(state.view().cursor, |w| w.start);
    let mention = state
        .entities
        .mentions_in(state.current)
        .iter()
        .find(|m| m.span.end > at && doc.line_of(m.span.start).is_some())
        .copied();
    match mention {
        Some(m) => {
            state.selected_entity = Some(m.entity);
            state.follow = crate::state::finder::Follow::Entity;
            if m.span.start > at {
                cursor::set_cursor(state, doc, m.span.start);
            }
        }
        None => state.notice("no entity mention at or after the cursor"),
    }
}

/// `Enter` in the entities pane: select the entity and go to its first mention here.
pub fn select_from_pane(state: &mut State) {
    if let Some(&(entity, _)) = state
        .entities
        .entities_in(state.current)
        .get(state.entity_cursor)
    {
        state.selected_entity = Some(entity);
        state.follow = crate::state::finder::Follow::Entity;
        jump_to_mention(state, entity, true);
    }
}

/// Moves to the first (or last) visible mention of the entity in the open article.
pub fn jump_to_mention(state: &mut State, entity: usize, first: bool) {
    let doc = state.document();
    let visible = |m: &&MentionRef| m.entity == entity && doc.line_of(m.span.start).is_some();
    let mentions = state.entities.mentions_in(state.current);
    let found = if first {
        mentions.iter().find(visible)
    } else {
        mentions.iter().rev().find(visible)
    };
    if let Some(m) = found.copied() {
        cursor::jump_to(state, &doc, m.span.start);
    }
}

/// `n` / `N`: the next or previous mention of the selected entity, on to the next article
/// that mentions it when this one has no more. Mentions in hidden lines are skipped.
pub fn next_mention(state: &mut State, doc: &Document, forward: bool) {
    let Some(entity) = state.selected_entity else {
        state.notice("no entity selected: * on a mention, or Enter in the entities pane");
        return;
    };
    let at = state
        .cursor_word(doc)
        .map_or(state.view().cursor, |w| w.start);
    let visible = |m: &&MentionRef| m.entity == entity && doc.line_of(m.span.start).is_some();
    let mentions = state.entities.mentions_in(state.current);
    let here = if forward {
        mentions
            .iter()
            .filter(visible)
            .find(|m| m.span.start > at)
            .copied()
    } else {
        mentions
            .iter()
            .filter(visible)
            .rev()
            .find(|m| m.span.start < at)
            .copied()
    };
    if let Some(m) = here {
        state.jumps.record(state.place());
        cursor::jump_to(state, doc, m.span.start);
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
            super::open_article(state, article);
            jump_to_mention(state, entity, forward);
            state.notice(format!("{name}: continued in source {}", article + 1));
        }
        None => state.notice("no other mention"),
    }
}

/// `s`: the sources that mention the selected entity (or the one under the entities cursor).
pub fn open_sources_popup(state: &mut State) {
    let entity = match state.focus {
        crate::state::Pane::Entities => state
            .entities
            .entities_in(state.current)
            .get(state.entity_cursor)
            .map(|e| e.0),
        _ => state.selected_entity,
    };
    match entity {
        Some(entity) => state.sources_popup = Some(SourcesPopup { entity, cursor: 0 }),
        None => {
            state.notice("select an entity first (* on a mention, or Enter in the entities pane)")
        }
    }
}

/// Keys the sources popup takes for itself; `None` lets the keymap have the key.
pub fn on_popup_key(state: &mut State, key: Key) -> Option<Vec<Effect>> {
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
            let entity = popup.entity;
            let article = state.entities.entities[entity]
                .articles
                .get(popup.cursor)
                .copied();
            state.sources_popup = None;
            if let Some(article) = article {
                let effects = super::open_article(state, article);
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
