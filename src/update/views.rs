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
    let candidates = compare_candidates(state, &analysis, state.current);
    if candidates.len() < 2 {
        state.notice(match analysis.has_stories() {
            true => "this story has no other source to compare with",
            false => "comparing needs at least two sources",
        });
        return;
    }
    let picked = state.sources.header.is_none()
        && state.source_cursor != state.current
        && candidates.contains(&state.source_cursor);
    let right = match picked {
        true => state.source_cursor,
        false => next_candidate(&candidates, state.current, state.current, true),
    };
    state.screen = Screen::Compare(Box::new(CompareView::build(
        &state.corpus,
        &analysis,
        state.current,
        right,
    )));
}

/// The right-hand candidates of a comparison whose left article is `left`: the articles of
/// its story (all articles when the corpus is one story), ascending.
pub fn compare_candidates(
    state: &State,
    analysis: &crate::analysis::CorpusAnalysis,
    left: usize,
) -> Vec<usize> {
    match analysis.story_of(left).and_then(|s| analysis.story(s)) {
        Some(story) if analysis.has_stories() => story.articles.clone(),
        _ => (0..state.corpus.articles.len()).collect(),
    }
}

/// The candidate after (or before) `from`, cyclically, skipping `left`.
fn next_candidate(candidates: &[usize], from: usize, left: usize, forward: bool) -> usize {
    let n = candidates.len();
    let at = candidates.partition_point(|&a| a < from);
    let mut i = match (forward, candidates.get(at) == Some(&from)) {
        (true, true) => (at + 1) % n,
        (true, false) => at % n,
        (false, _) => (at + n - 1) % n,
    };
    if candidates[i] == left {
        i = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
    }
    candidates[i]
}

/// The story of the open article (0 before any analysis, or with one story).
fn current_story(state: &State) -> usize {
    state
        .analysis
        .as_ref()
        .and_then(|a| a.story_of(state.current))
        .unwrap_or(0)
}

/// `m`: the story map of the open article's story.
pub fn open_map(state: &mut State) {
    let Some(analysis) = state.analysis.clone() else {
        state.notice("the story map is not ready yet: the corpus is still being analysed");
        return;
    };
    let story = current_story(state);
    let mut view = MapView {
        story,
        ..MapView::default()
    };
    view.order = fact_order(analysis.story_map(story), view.sort);
    state.screen = Screen::Map(view);
}

/// `C`: the entity coverage grid of the open article's story.
pub fn open_coverage(state: &mut State) {
    if state.analysis.is_none() {
        state.notice("coverage is not ready yet: the corpus is still being analysed");
        return;
    }
    let story = current_story(state);
    state.screen = Screen::Coverage(CoverageView { story, cursor: 0 });
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
    let candidates = match (&state.screen, &state.analysis) {
        (Screen::Compare(view), Some(analysis)) => compare_candidates(state, analysis, view.left),
        _ => Vec::new(),
    };
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
                _ if candidates.len() < 2 => return vec![],
                _ => {
                    let forward = action == ViewAction::NextSource;
                    right = next_candidate(&candidates, right, left, forward);
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
        let fact = &analysis.story_map(view.story).facts[view.order[view.cursor]];
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
            view.order = fact_order(analysis.story_map(view.story), view.sort);
            view.cursor = 0;
        }
        ViewAction::Open if !view.order.is_empty() => view.detail = Some(0),
        _ => {}
    }
    vec![]
}

fn coverage_action(state: &mut State, action: ViewAction) -> Vec<Effect> {
    let Screen::Coverage(view) = &mut state.screen else {
        return vec![];
    };
    let story = view.story;
    let rows = state
        .analysis
        .as_ref()
        .map_or(0, |a| a.coverage(story).rows.len());
    match action {
        ViewAction::Open => {
            let Some(entity) = state
                .analysis
                .as_ref()
                .and_then(|a| a.coverage(story).rows.get(view.cursor))
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
