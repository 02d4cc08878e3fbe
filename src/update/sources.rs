//! The sources pane's story groups: moving the cursor over the rows (collapsed stories hide
//! their articles, so moving skips them), collapsing and expanding, and revealing the open
//! article's story when the reader jumps to it.

use super::step;
use crate::effect::Effect;
use crate::state::sources::{rows_and_cursor, SourceRow};
use crate::state::{Pane, State};

fn set_cursor(state: &mut State, row: SourceRow) {
    match row {
        SourceRow::Story(story) => state.sources.header = Some(story),
        SourceRow::Article(article) => {
            state.sources.header = None;
            state.source_cursor = article;
        }
    }
}

/// Moves the cursor `delta` rows.
pub fn move_cursor(state: &mut State, delta: isize) {
    let (rows, at) = rows_and_cursor(state);
    let rows: Vec<SourceRow> = rows.collect();
    if let Some(&row) = rows.get(step(at, delta, rows.len())) {
        set_cursor(state, row);
    }
}

/// The story under the cursor: its header's, or its article's.
fn story_at_cursor(state: &State) -> Option<usize> {
    let analysis = state.analysis.as_deref().filter(|a| a.has_stories())?;
    match state
        .sources
        .cursor_row(state.source_cursor, Some(analysis))
    {
        SourceRow::Story(story) => Some(story),
        SourceRow::Article(article) => analysis.story_of(article),
    }
}

/// `za`, `Space`: collapses or expands the story under the cursor; collapsing moves the
/// cursor onto its header. Without stories it says why only in the sources pane, so that a
/// Space pressed out of habit while reading stays quiet.
pub fn toggle(state: &mut State) {
    let quiet = state.focus != Pane::Sources;
    let Some(analysis) = state.analysis.clone() else {
        if !quiet {
            state.notice("stories are not ready yet: the corpus is still being analysed");
        }
        return;
    };
    let Some(story) = story_at_cursor(state) else {
        if !quiet {
            state.notice("the corpus is one story: there is nothing to collapse");
        }
        return;
    };
    let collapse = !state.sources.is_collapsed(&analysis, story);
    state.sources.set_collapsed(&analysis, story, collapse);
    if collapse {
        state.sources.header = Some(story);
    }
}

/// `zM`: collapses every story; the cursor goes to its story's header.
pub fn collapse_all(state: &mut State) {
    let Some(analysis) = state.analysis.clone().filter(|a| a.has_stories()) else {
        state.notice("the corpus is one story: there is nothing to collapse");
        return;
    };
    let story = story_at_cursor(state);
    for s in 0..analysis.stories.stories.len() {
        state.sources.set_collapsed(&analysis, s, true);
    }
    state.sources.header = story;
}

/// `zR`: expands every story.
pub fn expand_all(state: &mut State) {
    state.sources.collapsed.clear();
}

/// The open article's story is expanded and the cursor is on the article.
pub fn reveal(state: &mut State, article: usize) {
    state.sources.header = None;
    let Some(analysis) = state.analysis.clone() else {
        return;
    };
    if let Some(story) = analysis.story_of(article) {
        state.sources.set_collapsed(&analysis, story, false);
    }
}

/// A click on row `index` of the pane (counted from the first row shown): a header collapses
/// or expands its story, an article opens.
pub fn click(state: &mut State, index: usize) -> Vec<Effect> {
    let row = rows_and_cursor(state).0.nth(index);
    match row {
        Some(SourceRow::Story(story)) => {
            state.sources.header = Some(story);
            toggle(state);
            vec![]
        }
        Some(SourceRow::Article(article)) => {
            let effects = super::open_article(state, article);
            state.focus = Pane::Sources;
            effects
        }
        None => vec![],
    }
}
