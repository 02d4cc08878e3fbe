//! Annotating through `update`: select, label, note, save, edit, delete, undo, jump, list,
//! and entity corrections.

mod common;

use common::{press, seed_state};
use parallax::corpus::annotation::Correction;
use parallax::effect::Effect;
use parallax::keymap::{Key, KeyCode};
use parallax::state::State;
use parallax::update::{update, Message};

fn keys(state: &mut State, keys: &[Key]) -> Vec<Effect> {
    keys.iter()
        .flat_map(|&k| update(state, Message::Key(k)))
        .collect()
}

fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        let key = if c == '\n' {
            Key::code(KeyCode::Enter)
        } else {
            Key::plain(c)
        };
        update(state, Message::Key(key));
    }
}

/// Selects "Russian President Vladimir Putin" in the first article and labels it a claim
/// with a note.
fn annotate_first_sentence_start(state: &mut State) -> Vec<Effect> {
    press(state, ")vwwwa");
    press(state, "c");
    type_text(state, "Check who hosts whom\nsecond line");
    keys(state, &[Key::ctrl('s')])
}

#[test]
fn a_selection_becomes_an_annotation_with_label_note_and_quote() {
    let mut state = seed_state(140, 40);
    let effects = annotate_first_sentence_start(&mut state);
    assert_eq!(effects, vec![Effect::SaveAnnotations]);
    let a = &state.annotations.list[0];
    assert_eq!(a.label, "claim");
    assert_eq!(a.note, "Check who hosts whom\nsecond line");
    assert_eq!(a.quote.exact, "Russian President Vladimir Putin");
    let source: Vec<char> = state.corpus.articles[0].source.chars().collect();
    assert_eq!(
        source[a.start..a.end].iter().collect::<String>(),
        a.quote.exact
    );
    assert!(state.annotations.editor.is_none());
    assert!(
        state.view().anchor.is_none(),
        "the selection ends with the annotation"
    );
    assert_eq!(state.annotations.count_in(0), 1);
}

#[test]
fn escape_asks_before_discarding_a_note() {
    let mut state = seed_state(140, 40);
    press(&mut state, "ac");
    type_text(&mut state, "draft");
    press(&mut state, "<Esc>");
    let editor = state
        .annotations
        .editor
        .as_ref()
        .expect("still open after one Esc");
    assert!(editor.confirm_discard);
    press(&mut state, "<Esc>");
    assert!(state.annotations.editor.is_none());
    assert!(state.annotations.list.is_empty());
}

#[test]
fn edit_delete_undo_and_redo() {
    let mut state = seed_state(140, 40);
    annotate_first_sentence_start(&mut state);
    // The cursor is on the annotated span: i edits it.
    press(&mut state, "i");
    type_text(&mut state, " (edited)");
    keys(&mut state, &[Key::ctrl('s')]);
    assert!(state.annotations.list[0].note.ends_with("(edited)"));
    let effects = keys(&mut state, &[Key::plain('d')]);
    assert_eq!(effects, vec![Effect::SaveAnnotations]);
    assert!(state.annotations.list.is_empty());
    press(&mut state, "u");
    assert_eq!(state.annotations.list.len(), 1);
    press(&mut state, "u");
    assert!(
        !state.annotations.list[0].note.ends_with("(edited)"),
        "undo reaches the edit"
    );
    keys(&mut state, &[Key::ctrl('r'), Key::ctrl('r')]);
    assert!(state.annotations.list.is_empty(), "redo replays the delete");
}

#[test]
fn enter_shows_an_annotation_and_brackets_jump_across_sources() {
    let mut state = seed_state(140, 40);
    annotate_first_sentence_start(&mut state);
    press(&mut state, "3wwac");
    keys(&mut state, &[Key::ctrl('s')]);
    press(&mut state, "1gg<Enter>");
    assert!(
        state.annotations.viewer.is_none(),
        "no annotation on the headline"
    );
    press(&mut state, "gg]a");
    assert_eq!(state.current, 0);
    press(&mut state, "<Enter>");
    assert_eq!(state.annotations.viewer, Some(0));
    press(&mut state, "x]a");
    assert_eq!(state.current, 2, "the next annotation is in source 3");
    press(&mut state, "[a");
    assert_eq!(state.current, 0);
}

#[test]
fn the_list_filters_by_typing_and_jumps_with_enter() {
    let mut state = seed_state(140, 40);
    annotate_first_sentence_start(&mut state);
    press(&mut state, "3wwaq");
    type_text(&mut state, "a quote to check");
    keys(&mut state, &[Key::ctrl('s')]);
    press(&mut state, "1A");
    assert_eq!(parallax::update::annotation_rows(&state).len(), 2);
    type_text(&mut state, "quote to");
    assert_eq!(parallax::update::annotation_rows(&state).len(), 1);
    press(&mut state, "<Enter>");
    assert!(state.annotations.list_popup.is_none());
    assert_eq!(state.current, 2);
}

#[test]
fn entity_corrections_are_annotations_that_ask_for_reanalysis() {
    let mut state = seed_state(140, 40);
    press(&mut state, "}}}}}}}}");
    let effects = keys(
        &mut state,
        &[Key::plain('a'), Key::plain('E'), Key::plain('o')],
    );
    assert_eq!(effects, vec![Effect::SaveAnnotations, Effect::Reanalyse]);
    let a = &state.annotations.list[0];
    assert!(matches!(a.correction, Some(Correction::Entity { .. })));
    press(&mut state, "u");
    assert!(state.annotations.list.is_empty());
}
