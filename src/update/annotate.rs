//! Annotating: the popup that labels a selection and takes a note, the viewer, the list,
//! deleting, undo/redo, jumping between annotations, and entity corrections.

use super::cursor;
use crate::analysis::entity_kind::EntityKind;
use crate::corpus::anchor::new_annotation;
use crate::corpus::annotation::{Annotation, Correction};
use crate::document::Document;
use crate::effect::Effect;
use crate::keymap::{Key, KeyCode};
use crate::state::annotations::{EditStep, EditTarget, Editor, ListPopup};
use crate::state::State;
use crate::text::ByteSpan;
use ratatui_textarea::{Input, Key as TaKey, TextArea};
use std::collections::HashSet;

/// The label of entity corrections.
pub const CORRECTION_LABEL: &str = "entity-correction";

/// What came of saving the annotations.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Saved; the list as merged with changes another instance made on disk.
    Ok(Vec<Annotation>),
    /// Not saved (read-only, disk full…); the annotations stay in memory.
    Failed(String),
}

/// Keys for the open annotation popups; `None` when none is open.
pub fn on_key(state: &mut State, key: Key) -> Option<Vec<Effect>> {
    if state.annotations.editor.is_some() {
        return Some(editor_key(state, key));
    }
    if state.annotations.list_popup.is_some() {
        return Some(list_key(state, key));
    }
    if let Some(index) = state.annotations.viewer {
        return Some(viewer_key(state, index, key));
    }
    None
}

pub fn paste(state: &mut State, text: &str) -> Vec<Effect> {
    if let Some(editor) = state
        .annotations
        .editor
        .as_mut()
        .filter(|e| e.step == EditStep::Note)
    {
        editor.note.insert_str(text);
    } else if let Some(list) = state.annotations.list_popup.as_mut() {
        list.filter.push_str(&text.replace(['\n', '\r'], " "));
    }
    vec![]
}

pub fn saved(state: &mut State, saved: Saved) -> Vec<Effect> {
    match saved {
        Saved::Ok(list) => {
            if list != state.annotations.list {
                let corpus = &state.corpus;
                state.annotations.replace(list, corpus);
                rebuild_finder_index(state);
                state.notice("annotations merged with changes made elsewhere");
            }
        }
        Saved::Failed(message) => state.notice(format!("not saved: {message} (kept in memory)")),
    }
    vec![]
}

/// `a`: opens the popup for the selection, or the word under the cursor.
pub fn open_new(state: &mut State, doc: &Document) {
    let span = state.selection(doc).or_else(|| state.cursor_word(doc));
    let Some(span) = span else {
        state.notice("nothing to annotate here");
        return;
    };
    state.annotations.editor = Some(Editor {
        target: EditTarget::New {
            article: state.current,
            span,
        },
        step: EditStep::Label,
        label: None,
        note: note_area(""),
        confirm_discard: false,
    });
}

/// `i`: edits the note (and label) of the annotation under the cursor.
pub fn edit_at_cursor(state: &mut State) {
    let Some(index) = state.annotations.at(state.current, state.view().cursor) else {
        state.notice("no annotation under the cursor");
        return;
    };
    open_editor_for(state, index);
}

fn open_editor_for(state: &mut State, index: usize) {
    let a = &state.annotations.list[index];
    state.annotations.editor = Some(Editor {
        target: EditTarget::Existing { id: a.id.clone() },
        step: EditStep::Note,
        label: Some(a.label.clone()),
        note: note_area(&a.note),
        confirm_discard: false,
    });
    state.annotations.viewer = None;
}

/// `Enter` on an annotation shows it; false when the cursor is on none.
pub fn show_at_cursor(state: &mut State) -> bool {
    match state.annotations.at(state.current, state.view().cursor) {
        Some(index) => {
            state.annotations.viewer = Some(index);
            true
        }
        None => false,
    }
}

/// `d`: deletes the annotation under the cursor (undo brings it back).
pub fn delete_at_cursor(state: &mut State) -> Vec<Effect> {
    let Some(index) = state.annotations.at(state.current, state.view().cursor) else {
        state.notice("no annotation under the cursor");
        return vec![];
    };
    delete(state, index)
}

fn delete(state: &mut State, index: usize) -> Vec<Effect> {
    let mut list = state.annotations.list.clone();
    let removed = list.remove(index);
    state.annotations.viewer = None;
    state.notice(format!(
        "deleted the {} annotation (u to undo)",
        removed.label
    ));
    change(state, list, removed.correction.is_some())
}

pub fn undo(state: &mut State) -> Vec<Effect> {
    let Some(previous) = state.annotations.undo.pop() else {
        state.notice("nothing to undo");
        return vec![];
    };
    let current = std::mem::take(&mut state.annotations.list);
    state.annotations.redo.push(current.clone());
    let corrections = corrections_differ(&current, &previous);
    adopt(state, previous, corrections)
}

pub fn redo(state: &mut State) -> Vec<Effect> {
    let Some(next) = state.annotations.redo.pop() else {
        state.notice("nothing to redo");
        return vec![];
    };
    let current = std::mem::take(&mut state.annotations.list);
    state.annotations.undo.push(current.clone());
    let corrections = corrections_differ(&current, &next);
    adopt(state, next, corrections)
}

/// Annotations are finder candidates: the index is rebuilt when the finder next opens, so
/// annotating never waits for it.
pub fn rebuild_finder_index(state: &mut State) {
    state.finder_index_stale = true;
}

/// Records a change for undo, adopts it and asks for it to be saved.
fn change(state: &mut State, list: Vec<Annotation>, corrections: bool) -> Vec<Effect> {
    let previous = std::mem::take(&mut state.annotations.list);
    state.annotations.undo.push(previous);
    state.annotations.redo.clear();
    adopt(state, list, corrections)
}

fn adopt(state: &mut State, list: Vec<Annotation>, corrections: bool) -> Vec<Effect> {
    let corpus = &state.corpus;
    state.annotations.replace(list, corpus);
    rebuild_finder_index(state);
    let mut effects = vec![Effect::SaveAnnotations];
    if corrections {
        effects.push(Effect::Reanalyse);
    }
    effects
}

fn corrections_differ(a: &[Annotation], b: &[Annotation]) -> bool {
    let key = |list: &[Annotation]| -> Vec<(String, Option<Correction>)> {
        list.iter()
            .filter(|x| x.correction.is_some())
            .map(|x| (x.id.clone(), x.correction.clone()))
            .collect()
    };
    key(a) != key(b)
}

/// `]a` / `[a`: the next or previous anchored annotation in corpus order.
pub fn jump(state: &mut State, forward: bool) {
    let mut all: Vec<(usize, usize)> = Vec::new(); // (article, byte)
    for (article, marks) in state.annotations.marks.iter().enumerate() {
        all.extend(marks.iter().map(|m| (article, m.span.start)));
    }
    if all.is_empty() {
        state.notice("no annotations yet: select with v, then a");
        return;
    }
    let here = (state.current, state.view().cursor);
    let target = if forward {
        all.iter().find(|&&p| p > here).or(all.first())
    } else {
        all.iter().rev().find(|&&p| p < here).or(all.last())
    };
    if let Some(&(article, byte)) = target {
        go_to(state, article, byte);
    }
}

fn go_to(state: &mut State, article: usize, byte: usize) {
    if article != state.current {
        super::open_article(state, article);
    } else {
        state.jumps.record(state.place());
    }
    state.focus = crate::state::Pane::Article;
    let doc = state.document();
    cursor::jump_to(state, &doc, byte);
}

/// `A`: the list of every annotation.
pub fn open_list(state: &mut State) {
    state.annotations.list_popup = Some(ListPopup::default());
}

/// The rows of the list popup: indexes into `list`, filtered and grouped.
pub fn list_rows(state: &State) -> Vec<usize> {
    let Some(popup) = &state.annotations.list_popup else {
        return vec![];
    };
    let needle = popup.filter.to_lowercase();
    let article_index = |id: &str| {
        state
            .corpus
            .articles
            .iter()
            .position(|a| a.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut rows: Vec<usize> = (0..state.annotations.list.len())
        .filter(|&i| {
            let a = &state.annotations.list[i];
            needle.is_empty()
                || [&a.label, &a.note, &a.quote.exact, &a.article]
                    .iter()
                    .any(|field| field.to_lowercase().contains(&needle))
        })
        .collect();
    rows.sort_by_key(|&i| {
        let a = &state.annotations.list[i];
        let start = state.annotations.anchors[i]
            .span
            .map_or(usize::MAX, |s| s.start.0);
        if popup.by_label {
            (a.label.clone(), article_index(&a.article), start)
        } else {
            (String::new(), article_index(&a.article), start)
        }
    });
    rows
}

fn list_key(state: &mut State, key: Key) -> Vec<Effect> {
    let rows = list_rows(state);
    let Some(popup) = state.annotations.list_popup.as_mut() else {
        return vec![];
    };
    match (key.code, key.ctrl) {
        (KeyCode::Esc, _) => state.annotations.list_popup = None,
        (KeyCode::Down, _) | (KeyCode::Char('n' | 'j'), true) => {
            popup.cursor = (popup.cursor + 1).min(rows.len().saturating_sub(1))
        }
        (KeyCode::Up, _) | (KeyCode::Char('p' | 'k'), true) => {
            popup.cursor = popup.cursor.saturating_sub(1)
        }
        (KeyCode::PageDown, _) => {
            popup.cursor = (popup.cursor + 10).min(rows.len().saturating_sub(1))
        }
        (KeyCode::PageUp, _) => popup.cursor = popup.cursor.saturating_sub(10),
        (KeyCode::Tab, _) => {
            popup.by_label = !popup.by_label;
            popup.cursor = 0;
        }
        (KeyCode::Backspace, _) => {
            popup.filter.pop();
            popup.cursor = 0;
        }
        (KeyCode::Char(c), false) => {
            popup.filter.push(c);
            popup.cursor = 0;
        }
        (KeyCode::Enter, _) => {
            let chosen = rows.get(popup.cursor).copied();
            state.annotations.list_popup = None;
            if let Some(index) = chosen {
                let a = &state.annotations.list[index];
                let article = state.corpus.articles.iter().position(|x| x.id == a.article);
                match (article, state.annotations.anchors[index].span) {
                    (Some(article), Some(span)) => {
                        let source = &state.corpus.articles[article];
                        let byte = source.chars.to_byte(&source.source, span.start);
                        go_to(state, article, byte);
                    }
                    _ => {
                        state.annotations.viewer = Some(index);
                        state.notice(
                            "this annotation is orphaned: its text is no longer in the article",
                        );
                    }
                }
            }
        }
        _ => {}
    }
    vec![]
}

fn viewer_key(state: &mut State, index: usize, key: Key) -> Vec<Effect> {
    match key.code {
        KeyCode::Char('i') if !key.ctrl => open_editor_for(state, index),
        KeyCode::Char('d') if !key.ctrl => return delete(state, index),
        _ => state.annotations.viewer = None,
    }
    vec![]
}

fn editor_key(state: &mut State, key: Key) -> Vec<Effect> {
    let Some(editor) = state.annotations.editor.as_mut() else {
        return vec![];
    };
    match editor.step {
        EditStep::Label => label_key(state, key),
        EditStep::EntityKind => {
            let kind = match key.code {
                KeyCode::Char('p') => Some(EntityKind::Person),
                KeyCode::Char('o') => Some(EntityKind::Org),
                KeyCode::Char('l') => Some(EntityKind::Place),
                KeyCode::Char('g') => Some(EntityKind::Group),
                KeyCode::Char('d') => Some(EntityKind::Date),
                _ => None,
            };
            match (kind, key.code) {
                (Some(kind), _) => correct(state, Correction::Entity { kind }),
                (None, KeyCode::Esc) => {
                    editor.step = EditStep::Label;
                    vec![]
                }
                _ => vec![],
            }
        }
        EditStep::Note => note_key(state, key),
    }
}

fn label_key(state: &mut State, key: Key) -> Vec<Effect> {
    let Some(editor) = state.annotations.editor.as_mut() else {
        return vec![];
    };
    match key.code {
        KeyCode::Esc => {
            state.annotations.editor = None;
            return vec![];
        }
        KeyCode::Char('E') => editor.step = EditStep::EntityKind,
        KeyCode::Char('X') => return correct(state, Correction::NotEntity),
        KeyCode::Char('M') => {
            let Some(into) = state
                .selected_entity
                .map(|e| state.entities.entities[e].name.clone())
            else {
                state.notice("select the entity to merge into first (* on one of its mentions)");
                return vec![];
            };
            return correct(state, Correction::Merge { into });
        }
        KeyCode::Char('S') => {
            let Some(from) = entity_under_target(state) else {
                state.notice("the selection is not a recognised mention");
                return vec![];
            };
            return correct(state, Correction::Split { from });
        }
        KeyCode::Char(c) => {
            if let Some(label) = state.annotations.labels.iter().find(|l| l.key == c) {
                editor.label = Some(label.name.clone());
                editor.step = EditStep::Note;
            }
        }
        _ => {}
    }
    vec![]
}

fn note_key(state: &mut State, key: Key) -> Vec<Effect> {
    let Some(editor) = state.annotations.editor.as_mut() else {
        return vec![];
    };
    match (key.code, key.ctrl) {
        (KeyCode::Char('s'), true) => return save_editor(state),
        (KeyCode::Esc, _) => {
            let empty = editor.note.lines().iter().all(|l| l.trim().is_empty());
            if empty || editor.confirm_discard {
                state.annotations.editor = None;
            } else {
                editor.confirm_discard = true;
            }
        }
        (KeyCode::Tab, false) => editor.step = EditStep::Label,
        _ => {
            editor.confirm_discard = false;
            editor.note.input(to_input(key));
        }
    }
    vec![]
}

/// The canonical name of the entity mentioned where the popup's target is.
fn entity_under_target(state: &State) -> Option<String> {
    let (article, span) = target_span(state)?;
    state
        .entities
        .mentions_in(article)
        .iter()
        .find(|m| m.span.start < span.end && span.start < m.span.end)
        .map(|m| state.entities.entities[m.entity].name.clone())
}

fn target_span(state: &State) -> Option<(usize, ByteSpan)> {
    match &state.annotations.editor.as_ref()?.target {
        EditTarget::New { article, span } => Some((*article, *span)),
        EditTarget::Existing { id } => {
            let index = state.annotations.list.iter().position(|a| &a.id == id)?;
            let a = &state.annotations.list[index];
            let article = state
                .corpus
                .articles
                .iter()
                .position(|x| x.id == a.article)?;
            let source = &state.corpus.articles[article];
            let span = state.annotations.anchors[index].span?;
            Some((article, source.chars.to_byte_span(&source.source, span)))
        }
    }
}

fn correct(state: &mut State, correction: Correction) -> Vec<Effect> {
    let Some((article, span)) = target_span(state) else {
        state.annotations.editor = None;
        return vec![];
    };
    state.annotations.editor = None;
    let mut annotation = make(state, article, span, CORRECTION_LABEL, "");
    let what = match &correction {
        Correction::Entity { kind } => format!(
            "“{}” is now a {} everywhere",
            annotation.quote.exact,
            kind.as_str()
        ),
        Correction::NotEntity => format!("“{}” is no longer an entity", annotation.quote.exact),
        Correction::Merge { into } => format!("“{}” merged into {into}", annotation.quote.exact),
        Correction::Split { from } => format!("“{}” split from {from}", annotation.quote.exact),
    };
    annotation.correction = Some(correction);
    let mut list = state.annotations.list.clone();
    list.push(annotation);
    state.views[state.current].anchor = None;
    state.notice(what);
    change(state, list, true)
}

fn make(state: &State, article: usize, span: ByteSpan, label: &str, note: &str) -> Annotation {
    let source = &state.corpus.articles[article];
    let ids: HashSet<String> = state
        .annotations
        .list
        .iter()
        .map(|a| a.id.clone())
        .collect();
    new_annotation(source, source.char_span(span), label, note, &ids)
}

fn save_editor(state: &mut State) -> Vec<Effect> {
    let Some(editor) = state.annotations.editor.take() else {
        return vec![];
    };
    let note = editor.note.lines().join("\n").trim_end().to_string();
    let label = editor.label.unwrap_or_else(|| "claim".to_string());
    let mut list = state.annotations.list.clone();
    match editor.target {
        EditTarget::New { article, span } => {
            list.push(make(state, article, span, &label, &note));
            state.views[state.current].anchor = None;
            state.notice(format!("annotated as {label}"));
        }
        EditTarget::Existing { id } => {
            let Some(a) = list.iter_mut().find(|a| a.id == id) else {
                return vec![];
            };
            if a.note == note && a.label == label {
                return vec![];
            }
            a.note = note;
            a.label = label;
            a.modified = crate::text::timestamp::now_rfc3339();
            state.notice("annotation updated");
        }
    }
    change(state, list, false)
}

fn note_area(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    area.set_placeholder_text("Note (Ctrl-s saves, Esc cancels, Tab changes the label)");
    // Editing goes on where the note ends.
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// Parallax's key as the textarea's input.
fn to_input(key: Key) -> Input {
    let k = match key.code {
        KeyCode::Char(c) => TaKey::Char(c),
        KeyCode::Up => TaKey::Up,
        KeyCode::Down => TaKey::Down,
        KeyCode::Left => TaKey::Left,
        KeyCode::Right => TaKey::Right,
        KeyCode::PageUp => TaKey::PageUp,
        KeyCode::PageDown => TaKey::PageDown,
        KeyCode::Home => TaKey::Home,
        KeyCode::End => TaKey::End,
        KeyCode::Enter => TaKey::Enter,
        KeyCode::Esc => TaKey::Esc,
        KeyCode::Tab | KeyCode::BackTab => TaKey::Tab,
        KeyCode::Backspace => TaKey::Backspace,
        KeyCode::Delete => TaKey::Delete,
    };
    Input {
        key: k,
        ctrl: key.ctrl,
        alt: false,
        shift: false,
    }
}
