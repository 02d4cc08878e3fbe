//! Moving the article cursor: by word, line, half page, sentence, paragraph, to a byte; and
//! keeping the cursor line on screen.

use crate::document::{display_width, Document};
use crate::state::State;

/// Visible rows of article text.
pub fn page(state: &State) -> usize {
    state.layout().article_text_height()
}

/// Moves by `delta` words.
pub fn by_words(state: &mut State, doc: &Document, delta: isize) {
    let Some(at) = doc.word_at(state.view().cursor) else {
        return;
    };
    let target = (at as isize + delta).clamp(0, doc.words.len() as isize - 1) as usize;
    set_cursor(state, doc, doc.words[target].span.start);
}

/// Moves by `delta` visual lines, to the word nearest the cursor's column; lines without words
/// are stepped over.
pub fn by_lines(state: &mut State, doc: &Document, delta: isize) {
    let Some(at) = doc.word_at(state.view().cursor) else {
        return;
    };
    let word = doc.words[at];
    let line = &doc.lines[word.line];
    let column = display_width(
        &state.corpus.articles[state.current].source[line.span.start..word.span.start],
    );
    let mut target = word.line as isize + delta;
    let last = doc.lines.len() as isize - 1;
    let step = if delta >= 0 { 1 } else { -1 };
    target = target.clamp(0, last);
    // Find a line with words in the direction of travel, else back the other way.
    let has_words = |l: isize| doc.words.iter().any(|w| w.line as isize == l);
    let mut probe = target;
    while (0..=last).contains(&probe) && !has_words(probe) {
        probe += step;
    }
    if !(0..=last).contains(&probe) {
        probe = target;
        while (0..=last).contains(&probe) && !has_words(probe) {
            probe -= step;
        }
    }
    if !(0..=last).contains(&probe) {
        return;
    }
    let source = &state.corpus.articles[state.current].source;
    let line_start = doc.lines[probe as usize].span.start;
    let best = doc
        .words
        .iter()
        .filter(|w| w.line as isize == probe)
        .min_by_key(|w| display_width(&source[line_start..w.span.start]).abs_diff(column))
        .map(|w| w.span.start);
    if let Some(byte) = best {
        set_cursor(state, doc, byte);
    }
}

/// Half a page, moving the view with the cursor as vim does.
pub fn half_page(state: &mut State, doc: &Document, down: bool) {
    let half = (page(state) / 2).max(1) as isize;
    by_lines(state, doc, if down { half } else { -half });
    let max_scroll = doc.len().saturating_sub(page(state));
    let view = &mut state.views[state.current];
    view.scroll = if down {
        (view.scroll + half as usize).min(max_scroll)
    } else {
        view.scroll.saturating_sub(half as usize)
    };
    follow(state, doc);
}

pub fn to_first(state: &mut State, doc: &Document) {
    if let Some(w) = doc.words.first() {
        set_cursor(state, doc, w.span.start);
    }
    state.views[state.current].scroll = 0;
}

pub fn to_last(state: &mut State, doc: &Document) {
    if let Some(w) = doc.words.last() {
        set_cursor(state, doc, w.span.start);
    }
}

/// To the start of the next (or previous) sentence of the body.
pub fn by_sentence(state: &mut State, doc: &Document, forward: bool) {
    let starts: Vec<usize> = state.corpus.articles[state.current]
        .sentences
        .iter()
        .map(|s| s.start)
        .collect();
    jump_between(state, doc, &starts, forward);
}

/// To the start of the next (or previous) body paragraph.
pub fn by_paragraph(state: &mut State, doc: &Document, forward: bool) {
    let starts: Vec<usize> = state.corpus.articles[state.current]
        .paragraphs
        .iter()
        .map(|p| p.start)
        .collect();
    jump_between(state, doc, &starts, forward);
}

fn jump_between(state: &mut State, doc: &Document, starts: &[usize], forward: bool) {
    let cursor = state.view().cursor;
    let target = if forward {
        starts.iter().copied().find(|&s| s > cursor)
    } else {
        starts.iter().rev().copied().find(|&s| s < cursor)
    };
    if let Some(byte) = target {
        if let Some(w) = doc.word_from(byte) {
            set_cursor(state, doc, doc.words[w].span.start);
        }
    }
}

/// Puts the cursor on the word at (or after) `byte` and scrolls to show it.
pub fn set_cursor(state: &mut State, doc: &Document, byte: usize) {
    let Some(view) = state.views.get_mut(state.current) else {
        return;
    };
    view.cursor = doc.word_at(byte).map_or(byte, |w| doc.words[w].span.start);
    follow(state, doc);
}

/// Puts the cursor on `byte` and, when it is off screen, shows it a third of the way down.
pub fn jump_to(state: &mut State, doc: &Document, byte: usize) {
    let page = page(state);
    let line = doc.line_at(byte);
    let view = &mut state.views[state.current];
    if line < view.scroll || line >= view.scroll + page {
        view.scroll = line.saturating_sub(page / 3);
    }
    set_cursor(state, doc, byte);
}

/// Scrolls so that the cursor line is visible.
pub fn follow(state: &mut State, doc: &Document) {
    let page = page(state);
    let Some(view) = state.views.get_mut(state.current) else {
        return;
    };
    let line = doc.line_at(view.cursor);
    if line < view.scroll {
        view.scroll = line;
    } else if line >= view.scroll + page {
        view.scroll = line + 1 - page;
    }
    view.scroll = view.scroll.min(doc.len().saturating_sub(page));
}
