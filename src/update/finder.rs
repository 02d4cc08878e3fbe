//! The fuzzy finder (`Ctrl-p`) and the in-article search (`/`): typing, choosing, jumping.

use super::cursor;
use crate::analysis::finder::{Results, Target};
use crate::analysis::search::{find_matches, SearchMode};
use crate::effect::Effect;
use crate::keymap::{Key, KeyCode};
use crate::state::finder::{Finder, Follow};
use crate::state::{Pane, State};
use crate::text::ByteSpan;

/// `Ctrl-p`: opens the finder with the unfiltered listing.
pub fn open(state: &mut State) -> Vec<Effect> {
    state.finder = Some(Finder::default());
    if state.finder_index_stale {
        if let Some(analysis) = &state.analysis {
            state.finder_index = Some(std::sync::Arc::new(
                crate::analysis::finder::FinderIndex::build(
                    &state.corpus,
                    &analysis.entities.index,
                    &state.annotations.list,
                ),
            ));
        }
        state.finder_index_stale = false;
    }
    if state.finder_index.is_none() {
        // Typing goes on; the search runs when the analysis brings the index.
        state.notice("the finder is indexing: results follow when the analysis is done");
        return vec![];
    }
    vec![search_effect(state)]
}

/// The index arrived: an open finder searches for what was typed meanwhile.
pub fn index_ready(state: &mut State) -> Vec<Effect> {
    match state.finder {
        Some(_) => vec![search_effect(state)],
        None => vec![],
    }
}

fn search_effect(state: &State) -> Effect {
    let finder = state.finder.as_ref().expect("finder open");
    Effect::Search {
        seq: finder.seq,
        query: finder.query.clone(),
        recent: state.recent.targets.clone(),
    }
}

/// Results from the search thread; stale ones (an older query) are dropped.
pub fn results(state: &mut State, seq: u64, results: Results) -> Vec<Effect> {
    let Some(finder) = state.finder.as_mut() else {
        return vec![];
    };
    if seq < finder.results_seq || seq > finder.seq {
        return vec![];
    }
    finder.results_seq = seq;
    finder.cursor = finder.cursor.min(results.hits.len().saturating_sub(1));
    finder.results = Some(results);
    if finder.accept_pending && seq == finder.seq {
        return accept(state);
    }
    vec![]
}

/// `Enter`: jumps to the selected result of the latest query (waiting for it if need be).
fn accept(state: &mut State) -> Vec<Effect> {
    let Some(finder) = state.finder.as_mut() else {
        return vec![];
    };
    if finder.results_seq < finder.seq {
        finder.accept_pending = true;
        return vec![];
    }
    let hit = finder
        .results
        .as_ref()
        .and_then(|r| r.hits.get(finder.cursor))
        .map(|h| h.target.clone());
    state.finder = None;
    match hit {
        Some(target) => jump(state, target),
        None => vec![],
    }
}

/// Keys while the finder is open; `None` when it is not.
pub fn on_key(state: &mut State, key: Key) -> Option<Vec<Effect>> {
    let finder = state.finder.as_mut()?;
    let count = finder.results.as_ref().map_or(0, |r| r.hits.len());
    let last = count.saturating_sub(1);
    match (key.code, key.ctrl) {
        (KeyCode::Esc, _) | (KeyCode::Char('c'), true) => state.finder = None,
        (KeyCode::Down, _) | (KeyCode::Char('n' | 'j'), true) => {
            finder.cursor = (finder.cursor + 1).min(last)
        }
        (KeyCode::Up, _) | (KeyCode::Char('p' | 'k'), true) => {
            finder.cursor = finder.cursor.saturating_sub(1)
        }
        (KeyCode::PageDown, _) => finder.cursor = (finder.cursor + 10).min(last),
        (KeyCode::PageUp, _) => finder.cursor = finder.cursor.saturating_sub(10),
        (KeyCode::Enter, _) => return Some(accept(state)),
        (KeyCode::Backspace, _) if finder.query.pop().is_some() => return Some(changed(state)),
        (KeyCode::Char('u'), true) => {
            finder.query.clear();
            return Some(changed(state));
        }
        (KeyCode::Char(c), false) => {
            finder.query.push(c);
            return Some(changed(state));
        }
        _ => {}
    }
    Some(vec![])
}

/// The mouse wheel over the finder moves through results.
pub fn wheel(state: &mut State, down: bool) -> bool {
    let Some(finder) = state.finder.as_mut() else {
        return false;
    };
    let count = finder.results.as_ref().map_or(0, |r| r.hits.len());
    finder.cursor = if down {
        (finder.cursor + 1).min(count.saturating_sub(1))
    } else {
        finder.cursor.saturating_sub(1)
    };
    true
}

fn changed(state: &mut State) -> Vec<Effect> {
    let finder = state.finder.as_mut().expect("finder open");
    finder.seq += 1;
    finder.cursor = 0;
    if state.finder_index.is_none() {
        return vec![];
    }
    vec![search_effect(state)]
}

/// Goes where a result points, recording the jump and the visit.
pub fn jump(state: &mut State, target: Target) -> Vec<Effect> {
    state.recent.visit(target.clone());
    state.screen = crate::state::screen::Screen::Read;
    state.focus = Pane::Article;
    match target {
        Target::Source { article } => super::open_article(state, article),
        Target::Entity { entity } => {
            let entity = entity.0 as usize;
            state.selected_entity = Some(entity);
            state.follow = Follow::Entity;
            let here = state
                .entities
                .mentions_in(state.current)
                .iter()
                .any(|m| m.entity == entity);
            let mut effects = vec![];
            if !here {
                match state
                    .entities
                    .entities
                    .get(entity)
                    .and_then(|e| e.articles.first().copied())
                {
                    Some(article) => effects = super::open_article(state, article),
                    None => return effects,
                }
            } else {
                state.jumps.record(state.place());
            }
            super::entity_nav::jump_to_mention(state, entity, true);
            effects
        }
        Target::Annotation {
            article: Some(article),
            span: Some(span),
            ..
        }
        | Target::Sentence { article, span, .. } => go_to_span(state, article, span.bytes),
        Target::Annotation { id, .. } => {
            if let Some(index) = state.annotations.list.iter().position(|a| a.id == id) {
                state.annotations.viewer = Some(index);
            }
            state.notice("this annotation is orphaned: its text is no longer in the article");
            vec![]
        }
    }
}

/// Opens an article scrolled to a span, with the span marked as the selection.
fn go_to_span(state: &mut State, article: usize, span: ByteSpan) -> Vec<Effect> {
    let effects = if article != state.current {
        super::open_article(state, article)
    } else {
        state.jumps.record(state.place());
        vec![]
    };
    let doc = state.document();
    cursor::jump_to(state, &doc, span.start);
    let last = doc
        .word_at(span.end.saturating_sub(1))
        .map_or(span.start, |w| doc.words[w].span.start);
    state.views[state.current].anchor = Some(span.start);
    cursor::set_cursor(state, &doc, last);
    effects
}

/// The parts of an article search looks in: headline, dek, body paragraphs.
fn search_ranges(state: &State, article: usize) -> Vec<ByteSpan> {
    let a = &state.corpus.articles[article];
    a.headline
        .iter()
        .chain(&a.subtitle)
        .chain(&a.paragraphs)
        .copied()
        .collect()
}

/// `/`: opens the search prompt.
pub fn open_search(state: &mut State) {
    state.search.typing = true;
    state.search.query.clear();
    state.search.matches.clear();
    state.search.error = None;
    state.search.origin = Some(state.place());
}

/// Recomputes the open article's matches for the current query.
pub fn refresh_matches(state: &mut State) {
    if state.search.query.is_empty() {
        state.search.matches.clear();
        state.search.error = None;
        return;
    }
    let ranges = search_ranges(state, state.current);
    match find_matches(
        &state.corpus.articles[state.current].source,
        &ranges,
        &state.search.query,
        state.search.mode,
    ) {
        Ok(matches) => {
            state.search.matches = matches;
            state.search.error = None;
        }
        Err(e) => {
            state.search.matches.clear();
            state.search.error = Some(e.to_string());
        }
    }
    state.search.article = state.current;
}

/// Keys while the search prompt is open; `None` when it is not.
pub fn on_search_key(state: &mut State, key: Key) -> Option<Vec<Effect>> {
    if !state.search.typing {
        return None;
    }
    match (key.code, key.ctrl) {
        (KeyCode::Esc, _) | (KeyCode::Char('c'), true) => {
            state.search.typing = false;
            state.search.query.clear();
            state.search.matches.clear();
            if let Some(origin) = state.search.origin.take() {
                let doc = state.document();
                cursor::jump_to(state, &doc, origin.cursor);
            }
        }
        (KeyCode::Enter, _) => {
            state.search.typing = false;
            state.follow = Follow::Search;
            if let Some(origin) = state.search.origin.take() {
                if origin.article == state.current && origin.cursor != state.view().cursor {
                    state.jumps.record(origin);
                }
            }
        }
        (KeyCode::Char('r'), true) => {
            state.search.mode = match state.search.mode {
                SearchMode::Literal => SearchMode::Regex,
                SearchMode::Regex => SearchMode::Literal,
            };
            incremental(state);
        }
        (KeyCode::Char('g'), true) => state.search.corpus_wide = !state.search.corpus_wide,
        (KeyCode::Backspace, _) => {
            state.search.query.pop();
            incremental(state);
        }
        (KeyCode::Char(c), false) => {
            state.search.query.push(c);
            incremental(state);
        }
        _ => {}
    }
    Some(vec![])
}

/// As the query changes: highlight, and move to the first match from where the search began.
fn incremental(state: &mut State) {
    refresh_matches(state);
    let from = state.search.origin.map_or(0, |o| o.cursor);
    let target = state
        .search
        .matches
        .iter()
        .find(|m| m.start >= from)
        .or(state.search.matches.first())
        .copied();
    let doc = state.document();
    match target {
        Some(m) => cursor::jump_to(state, &doc, m.start),
        None => {
            if let Some(origin) = state.search.origin {
                cursor::jump_to(state, &doc, origin.cursor);
            }
        }
    }
}

/// `n` / `N` after a search: the next or previous match, on into other articles when the
/// corpus-wide toggle is on, else around this one.
pub fn next_match(state: &mut State, forward: bool) {
    if state.search.query.is_empty() {
        state.notice("no search: / to search the article");
        return;
    }
    if state.search.article != state.current {
        refresh_matches(state);
    }
    let doc = state.document();
    let at = state
        .cursor_word(&doc)
        .map_or(state.view().cursor, |w| w.start);
    let matches = &state.search.matches;
    let here = if forward {
        matches.iter().find(|m| m.start > at)
    } else {
        matches.iter().rev().find(|m| m.start < at)
    }
    .copied();
    if let Some(m) = here {
        state.jumps.record(state.place());
        cursor::jump_to(state, &doc, m.start);
        return;
    }
    if state.search.corpus_wide {
        let n = state.corpus.articles.len();
        for k in 1..n {
            let article = if forward {
                (state.current + k) % n
            } else {
                (state.current + n - k) % n
            };
            let ranges = search_ranges(state, article);
            let found = find_matches(
                &state.corpus.articles[article].source,
                &ranges,
                &state.search.query,
                state.search.mode,
            )
            .unwrap_or_default();
            let pick = if forward { found.first() } else { found.last() }.copied();
            if let Some(m) = pick {
                super::open_article(state, article);
                let doc = state.document();
                cursor::jump_to(state, &doc, m.start);
                state.notice(format!("search continued in source {}", article + 1));
                return;
            }
        }
        state.notice("no other match in the corpus");
        return;
    }
    // Around this article, as vim does.
    let wrapped = if forward {
        matches.first()
    } else {
        matches.last()
    }
    .copied();
    match wrapped {
        Some(m) => {
            state.jumps.record(state.place());
            cursor::jump_to(state, &doc, m.start);
            state.notice(if forward {
                "search wrapped to the top"
            } else {
                "search wrapped to the bottom"
            });
        }
        None => state.notice(format!("no match for “{}”", state.search.query)),
    }
}
