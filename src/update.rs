//! The only code that changes the reader's state: one message in, effects out, no I/O.

mod annotate;
mod cursor;
mod entity_nav;
mod finder;
mod loading;
mod mouse;
mod sources;
mod views;

use crate::action::Action;
use crate::effect::Effect;
use crate::keymap::{Key, KeyCode, KeyOutcome};
use crate::state::{Pane, State};

pub use annotate::{list_rows as annotation_rows, Saved};

/// Everything that can happen to the reader.
#[derive(Clone, Debug)]
pub enum Message {
    Key(Key),
    Action(Action),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    Resize {
        width: u16,
        height: u16,
    },
    Click {
        x: u16,
        y: u16,
    },
    Drag {
        x: u16,
        y: u16,
    },
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    /// The outcome of an `Effect::SaveAnnotations`.
    Saved(Saved),
    /// More articles from the loader, in load order (the last batch ends the loading).
    Loaded(crate::corpus::LoadBatch),
    /// How far the background loading or analysis has come.
    Progress(crate::state::Progress),
    /// Finder results for query number `seq`.
    Found {
        seq: u64,
        results: crate::analysis::finder::Results,
    },
    /// The corpus analysed (at start, or again after an entity correction), with its entity
    /// table built on the worker too (at 10,000 articles it takes longer than a frame). The
    /// finder's index follows in `FinderIndexed`: the reader is usable before it is done.
    Linked(
        std::sync::Arc<crate::analysis::CorpusAnalysis>,
        Box<crate::state::EntityTable>,
    ),
    /// The finder's index, built on a worker after `Linked`.
    FinderIndexed(std::sync::Arc<crate::analysis::finder::FinderIndex>),
}

/// Rows each source takes in the sources pane.
pub const SOURCE_ROW_HEIGHT: usize = 2;

/// First visible row of a list so that `cursor` is on screen.
pub fn list_offset(cursor: usize, visible: usize) -> usize {
    cursor.saturating_sub(visible.saturating_sub(1))
}

pub fn update(state: &mut State, message: Message) -> Vec<Effect> {
    if matches!(
        message,
        Message::Key(_) | Message::Click { .. } | Message::Wheel { .. }
    ) {
        // The user has moved on: the article open last time is no longer opened on arrival.
        state.restore_current = None;
    }
    match message {
        Message::Key(key) => on_key(state, key),
        Message::Action(action) => apply(state, action),
        Message::Paste(text) => annotate::paste(state, &text),
        Message::Resize { width, height } => {
            state.width = width;
            state.height = height;
            let doc = state.document();
            cursor::follow(state, &doc);
            vec![]
        }
        Message::Click { x, y } => mouse::click(state, x, y),
        Message::Drag { x, y } => mouse::drag(state, x, y),
        Message::Wheel { x, y, down } => mouse::wheel(state, x, y, down),
        Message::Saved(saved) => annotate::saved(state, saved),
        Message::Found { seq, results } => finder::results(state, seq, results),
        Message::Loaded(batch) => loading::arrived(state, batch),
        Message::Progress(progress) => {
            state.progress = Some(progress);
            vec![]
        }
        Message::Linked(analysis, table) => {
            state.progress = None;
            state.entities = *table;
            state.analysis = Some(analysis);
            state.entity_cursor = 0;
            // A story index may mean another story now; the cursor returns to its article.
            state.sources.header = None;
            // Views built on the old analysis would point at stale rows.
            state.screen = crate::state::screen::Screen::Read;
            vec![]
        }
        Message::FinderIndexed(index) => {
            state.finder_index = Some(index);
            finder::index_ready(state)
        }
    }
}

fn on_key(state: &mut State, key: Key) -> Vec<Effect> {
    state.notice_visible = false;
    // Popups that take keys for themselves come first; the note editor takes every key.
    if let Some(effects) = annotate::on_key(state, key) {
        return effects;
    }
    if let Some(effects) = finder::on_key(state, key) {
        return effects;
    }
    if let Some(effects) = finder::on_search_key(state, key) {
        return effects;
    }
    if state.help && !matches!(state.screen, crate::state::screen::Screen::Read) {
        state.help = false;
        return vec![];
    }
    if let Some(effects) = views::on_key(state, key) {
        return effects;
    }
    let closes_help = matches!(key.code, KeyCode::Char('q' | '?') | KeyCode::Esc) && !key.ctrl;
    if state.help && closes_help {
        state.help = false;
        return vec![];
    }
    if let Some(effects) = entity_nav::on_popup_key(state, key) {
        return effects;
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

fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    if state.loading && action.changes_annotations() {
        loading::refuse_annotations(state);
        return vec![];
    }
    let doc = state.document();
    let in_article = state.focus == Pane::Article;
    match action {
        Action::LineDown | Action::LineUp => {
            let delta = if action == Action::LineDown { 1 } else { -1 };
            match state.focus {
                Pane::Article => cursor::by_lines(state, &doc, delta),
                _ => move_list(state, delta),
            }
        }
        Action::HalfPageDown | Action::HalfPageUp => {
            let down = action == Action::HalfPageDown;
            match state.focus {
                Pane::Article => cursor::half_page(state, &doc, down),
                _ => move_list(state, if down { 10 } else { -10 }),
            }
        }
        Action::Top => match state.focus {
            Pane::Article => cursor::to_first(state, &doc),
            _ => move_list(state, isize::MIN / 2),
        },
        Action::Bottom => match state.focus {
            Pane::Article => cursor::to_last(state, &doc),
            _ => move_list(state, isize::MAX / 2),
        },
        Action::WordNext if in_article => cursor::by_words(state, &doc, 1),
        Action::WordPrev if in_article => cursor::by_words(state, &doc, -1),
        Action::SentenceNext if in_article => cursor::by_sentence(state, &doc, true),
        Action::SentencePrev if in_article => cursor::by_sentence(state, &doc, false),
        Action::ParagraphNext if in_article => cursor::by_paragraph(state, &doc, true),
        Action::ParagraphPrev if in_article => cursor::by_paragraph(state, &doc, false),
        Action::Select if in_article => {
            let view = &mut state.views[state.current];
            view.anchor = match view.anchor {
                Some(_) => None,
                None => Some(view.cursor),
            };
        }
        Action::SelectSentence if in_article => select_sentence(state, &doc),
        Action::Annotate if in_article => annotate::open_new(state, &doc),
        Action::EditAnnotation if in_article => annotate::edit_at_cursor(state),
        Action::DeleteAnnotation if in_article => return annotate::delete_at_cursor(state),
        Action::Undo => return annotate::undo(state),
        Action::Redo => return annotate::redo(state),
        Action::NextAnnotation => annotate::jump(state, true),
        Action::PrevAnnotation => annotate::jump(state, false),
        Action::AnnotationList => annotate::open_list(state),
        Action::Compare => views::open_compare(state),
        Action::StoryMap => views::open_map(state),
        Action::Coverage => views::open_coverage(state),
        Action::JumpBack => {
            let here = state.place();
            match state.jumps.back(here) {
                Some(place) => return go_to_place(state, place),
                None => state.notice("at the oldest jump"),
            }
        }
        Action::JumpForward => match state.jumps.forward() {
            Some(place) => return go_to_place(state, place),
            None => state.notice("at the newest jump"),
        },
        Action::AlternateArticle => match state.jumps.previous_article {
            Some(article) => {
                state.jumps.record(state.place());
                return open_article(state, article);
            }
            None => state.notice("no previous article yet"),
        },
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
            Pane::Sources if state.sources.header.is_some() => sources::toggle(state),
            Pane::Sources => {
                let effects = open_article(state, state.source_cursor);
                state.focus = Pane::Article;
                return effects;
            }
            Pane::Entities => entity_nav::select_from_pane(state),
            Pane::Article => {
                if !annotate::show_at_cursor(state) {
                    entity_nav::select_at_cursor(state, &doc);
                }
            }
        },
        Action::SelectEntityAtCursor => entity_nav::select_at_cursor(state, &doc),
        Action::NextMention | Action::PrevMention => {
            let forward = action == Action::NextMention;
            match state.follow {
                crate::state::finder::Follow::Search => finder::next_match(state, forward),
                crate::state::finder::Follow::Entity => {
                    entity_nav::next_mention(state, &doc, forward)
                }
            }
        }
        Action::Finder => return finder::open(state),
        Action::Search => finder::open_search(state),
        Action::EntitySources => entity_nav::open_sources_popup(state),
        Action::Cancel => {
            if state.help {
                state.help = false;
            } else if state.sources_popup.is_some() {
                state.sources_popup = None;
            } else if state.view().anchor.is_some() {
                state.views[state.current].anchor = None;
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
            state.show_boilerplate = !state.show_boilerplate;
            let doc = state.document();
            cursor::follow(state, &doc);
        }
        Action::ToggleStory => sources::toggle(state),
        Action::CollapseStories => sources::collapse_all(state),
        Action::ExpandStories => sources::expand_all(state),
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
        // Article-only motions pressed in another pane do nothing.
        _ => {}
    }
    vec![]
}

/// `V`: the sentence under the cursor becomes the selection.
fn select_sentence(state: &mut State, doc: &crate::document::Document) {
    let cursor = state.view().cursor;
    let sentences = &state.corpus.articles[state.current].sentences;
    let Some(sentence) = sentences
        .iter()
        .find(|s| s.start <= cursor && cursor < s.end)
        .copied()
    else {
        state.notice("the cursor is not in a body sentence");
        return;
    };
    let first = doc.word_from(sentence.start);
    let last = doc.word_at(sentence.end.saturating_sub(1));
    if let (Some(first), Some(last)) = (first, last) {
        let (start, end) = (doc.words[first].span.start, doc.words[last].span.start);
        state.views[state.current].anchor = Some(start);
        cursor::set_cursor(state, doc, end);
    }
}

/// Moves the cursor of the focused list pane.
fn move_list(state: &mut State, delta: isize) {
    match state.focus {
        Pane::Sources => sources::move_cursor(state, delta),
        Pane::Entities => {
            let n = state.entities.entities_in(state.current).len();
            state.entity_cursor = step(state.entity_cursor, delta, n);
        }
        Pane::Article => {}
    }
}

pub(crate) fn step(at: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (at as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
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

/// Opens an article, recording the jump.
pub(crate) fn open_article(state: &mut State, index: usize) -> Vec<Effect> {
    if index >= state.corpus.articles.len() {
        return vec![];
    }
    if index != state.current {
        state.jumps.record(state.place());
        state.jumps.previous_article = Some(state.current);
    }
    show_article(state, index)
}

/// Goes to a place from the jump list (without recording it as a new jump).
fn go_to_place(state: &mut State, place: crate::state::jump_list::Place) -> Vec<Effect> {
    if place.article >= state.corpus.articles.len() {
        return vec![];
    }
    if place.article != state.current {
        state.jumps.previous_article = Some(state.current);
    }
    let effects = show_article(state, place.article);
    state.focus = Pane::Article;
    let doc = state.document();
    cursor::jump_to(state, &doc, place.cursor);
    effects
}

fn show_article(state: &mut State, index: usize) -> Vec<Effect> {
    state.current = index;
    if !state.search.query.is_empty() {
        finder::refresh_matches(state);
    }
    state.source_cursor = index;
    sources::reveal(state, index);
    state.entity_cursor = 0;
    state.read[index] = true;
    let doc = state.document();
    // A new article's cursor starts on its first word.
    if doc
        .word_at(state.view().cursor)
        .is_none_or(|w| doc.words[w].span.start > state.view().cursor)
    {
        cursor::to_first(state, &doc);
    }
    cursor::follow(state, &doc);
    vec![Effect::SaveViews]
}
