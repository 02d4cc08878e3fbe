//! The full-window views: the comparison of two sources, the story map and the coverage grid.
//! Opening them, and their keys (from `keymap::view_bindings`).

use super::cursor;
use crate::analysis::align::Side;
use crate::effect::Effect;
use crate::keymap::{resolve_view, Key, ViewAction, ViewKey};
use crate::state::compare::CompareView;
use crate::state::screen::{CoverageView, FactOrder, MapView, Screen};
use crate::state::{Pane, State};

/// `c`: compares the open source with the next one (or the one the sources cursor is on).
pub fn open_compare(state: &mut State) {
    let Some(analysis) = state.analysis.clone() else {
        state.notice("the comparison is not ready yet: the corpus is still being analysed");
        return;
    };
    let n = state.corpus.articles.len();
    if n < 2 {
        state.notice("comparing needs at least two sources");
        return;
    }
    let right = if state.source_cursor != state.current {
        state.source_cursor
    } else {
        (state.current + 1) % n
    };
    state.screen = Screen::Compare(Box::new(CompareView::build(
        &state.corpus,
        &analysis,
        state.current,
        right,
    )));
}

/// `m`: the story map.
pub fn open_map(state: &mut State) {
    let Some(analysis) = state.analysis.clone() else {
        state.notice("the story map is not ready yet: the corpus is still being analysed");
        return;
    };
    let mut view = MapView::default();
    view.order = fact_order(&analysis.story_map, view.sort);
    state.screen = Screen::Map(view);
}

/// `C`: the entity coverage grid.
pub fn open_coverage(state: &mut State) {
    if state.analysis.is_none() {
        state.notice("coverage is not ready yet: the corpus is still being analysed");
        return;
    }
    state.screen = Screen::Coverage(CoverageView::default());
}

pub fn fact_order(map: &crate::analysis::story_map::StoryMap, sort: FactOrder) -> Vec<usize> {
    let mut order: Vec<usize> = (0..map.facts.len()).collect();
    let sources = |f: usize| map.facts[f].sources().len();
    match sort {
        FactOrder::Consensus => order.sort_by_key(|&f| (std::cmp::Reverse(sources(f)), f)),
        FactOrder::Exclusive => order.sort_by_key(|&f| (sources(f), f)),
    }
    order
}

/// Keys while a full-window view is open; `None` in the reading view.
pub fn on_key(state: &mut State, key: Key) -> Option<Vec<Effect>> {
    if matches!(state.screen, Screen::Read) {
        return None;
    }
    let action = match resolve_view(&state.pending, key) {
        ViewKey::Action(action) => {
            state.pending.clear();
            action
        }
        ViewKey::Pending => {
            state.pending.push(key);
            return Some(vec![]);
        }
        ViewKey::Unbound => {
            state.pending.clear();
            return Some(vec![]);
        }
    };
    if action == ViewAction::Help {
        state.help = !state.help;
        return Some(vec![]);
    }
    if action == ViewAction::Close {
        if let Screen::Map(view) = &mut state.screen {
            if view.detail.is_some() {
                view.detail = None;
                return Some(vec![]);
            }
        }
        state.screen = Screen::Read;
        return Some(vec![]);
    }
    let effects = match &state.screen {
        Screen::Compare(_) => compare_action(state, action),
        Screen::Map(_) => map_action(state, action),
        Screen::Coverage(_) => coverage_action(state, action),
        Screen::Read => vec![],
    };
    Some(effects)
}

fn moved(at: usize, len: usize, action: ViewAction) -> usize {
    let last = len.saturating_sub(1);
    match action {
        ViewAction::Down => (at + 1).min(last),
        ViewAction::Up => at.saturating_sub(1),
        ViewAction::PageDown => (at + 10).min(last),
        ViewAction::PageUp => at.saturating_sub(10),
        ViewAction::Top => 0,
        ViewAction::Bottom => last,
        _ => at,
    }
}

fn compare_action(state: &mut State, action: ViewAction) -> Vec<Effect> {
    let n = state.corpus.articles.len();
    let Screen::Compare(view) = &mut state.screen else {
        return vec![];
    };
    let visible = view.visible();
    match action {
        ViewAction::Down
        | ViewAction::Up
        | ViewAction::PageDown
        | ViewAction::PageUp
        | ViewAction::Top
        | ViewAction::Bottom => {
            view.cursor = moved(view.cursor, visible.len(), action);
        }
        ViewAction::NextSource | ViewAction::PrevSource | ViewAction::Swap => {
            let (mut left, mut right) = (view.left, view.right);
            match action {
                ViewAction::Swap => std::mem::swap(&mut left, &mut right),
                _ => {
                    let step = if action == ViewAction::NextSource {
                        1
                    } else {
                        n - 1
                    };
                    right = (right + step) % n;
                    if right == left {
                        right = (right + step) % n;
                    }
                }
            }
            let Some(analysis) = state.analysis.clone() else {
                return vec![];
            };
            let filter = view.filter;
            let mut fresh = CompareView::build(&state.corpus, &analysis, left, right);
            fresh.filter = filter;
            state.screen = Screen::Compare(Box::new(fresh));
        }
        ViewAction::NextDifference | ViewAction::PrevDifference => {
            let forward = action == ViewAction::NextDifference;
            let is_diff = |i: &usize| view.rows[visible[*i]].is_difference();
            let target = if forward {
                (view.cursor + 1..visible.len()).find(is_diff)
            } else {
                (0..view.cursor).rev().find(is_diff)
            };
            match target {
                Some(row) => view.cursor = row,
                None => state.notice(if forward {
                    "no more differences below"
                } else {
                    "no more differences above"
                }),
            }
        }
        ViewAction::Filter => {
            view.filter = view.filter.next();
            view.cursor = 0;
            view.scroll = 0;
        }
        ViewAction::SwitchColumn => {
            view.column = match view.column {
                Side::Left => Side::Right,
                Side::Right => Side::Left,
            }
        }
        ViewAction::Open | ViewAction::Annotate => {
            let Some(row) = view.current() else {
                return vec![];
            };
            // The active column's sentence, else the other side's.
            let (article, sentence) = match (view.column, row.left, row.right) {
                (Side::Right, _, Some(r)) | (Side::Left, None, Some(r)) => (view.right, r),
                (_, Some(l), _) => (view.left, l),
                _ => return vec![],
            };
            let span = state.corpus.articles[article].sentences[sentence];
            state.screen = Screen::Read;
            super::open_article(state, article);
            state.focus = Pane::Article;
            let doc = state.document();
            cursor::jump_to(state, &doc, span.start);
            if action == ViewAction::Annotate {
                let last = doc
                    .word_at(span.end.saturating_sub(1))
                    .map_or(span.start, |w| doc.words[w].span.start);
                state.views[state.current].anchor = Some(span.start);
                cursor::set_cursor(state, &doc, last);
                super::annotate::open_new(state, &doc);
            }
        }
        _ => {}
    }
    vec![]
}

fn map_action(state: &mut State, action: ViewAction) -> Vec<Effect> {
    let Some(analysis) = state.analysis.clone() else {
        return vec![];
    };
    let Screen::Map(view) = &mut state.screen else {
        return vec![];
    };
    if let Some(member) = view.detail {
        let fact = &analysis.story_map.facts[view.order[view.cursor]];
        match action {
            ViewAction::Down | ViewAction::Up | ViewAction::Top | ViewAction::Bottom => {
                view.detail = Some(moved(member, fact.members.len(), action));
            }
            ViewAction::Open | ViewAction::Annotate => {
                let m = fact.members[member];
                let span = state.corpus.articles[m.article].sentences[m.sentence];
                state.screen = Screen::Read;
                super::open_article(state, m.article);
                state.focus = Pane::Article;
                let doc = state.document();
                cursor::jump_to(state, &doc, span.start);
            }
            _ => {}
        }
        return vec![];
    }
    match action {
        ViewAction::Down
        | ViewAction::Up
        | ViewAction::PageDown
        | ViewAction::PageUp
        | ViewAction::Top
        | ViewAction::Bottom => {
            view.cursor = moved(view.cursor, view.order.len(), action);
        }
        ViewAction::Sort => {
            view.sort = match view.sort {
                FactOrder::Consensus => FactOrder::Exclusive,
                FactOrder::Exclusive => FactOrder::Consensus,
            };
            view.order = fact_order(&analysis.story_map, view.sort);
            view.cursor = 0;
        }
        ViewAction::Open if !view.order.is_empty() => view.detail = Some(0),
        _ => {}
    }
    vec![]
}

fn coverage_action(state: &mut State, action: ViewAction) -> Vec<Effect> {
    let rows = state.analysis.as_ref().map_or(0, |a| a.coverage.rows.len());
    let Screen::Coverage(view) = &mut state.screen else {
        return vec![];
    };
    match action {
        ViewAction::Open => {
            let Some(entity) = state
                .analysis
                .as_ref()
                .and_then(|a| a.coverage.rows.get(view.cursor))
                .map(|r| r.entity.0 as usize)
            else {
                return vec![];
            };
            state.screen = Screen::Read;
            state.selected_entity = Some(entity);
            let first = state
                .entities
                .entities
                .get(entity)
                .and_then(|e| e.articles.first().copied());
            if let Some(article) = first {
                if !state
                    .entities
                    .mentions_in(state.current)
                    .iter()
                    .any(|m| m.entity == entity)
                {
                    super::open_article(state, article);
                }
                state.focus = Pane::Article;
                super::entity_nav::jump_to_mention(state, entity, true);
            }
        }
        _ => view.cursor = moved(view.cursor, rows, action),
    }
    vec![]
}
