//! The comparison view, story map and coverage through `update`.

mod common;

use common::{analysed_state, press};
use parallax::state::screen::Screen;

fn compare(state: &parallax::state::State) -> &parallax::state::compare::CompareView {
    match &state.screen {
        Screen::Compare(view) => view,
        _ => panic!("the comparison is not open"),
    }
}

#[test]
fn c_compares_with_the_next_source_and_j_k_s_change_sides() {
    let mut state = analysed_state(160, 40);
    press(&mut state, "c");
    assert_eq!((compare(&state).left, compare(&state).right), (0, 1));
    press(&mut state, "JJ");
    assert_eq!(compare(&state).right, 3);
    press(&mut state, "K");
    assert_eq!(compare(&state).right, 2);
    press(&mut state, "s");
    assert_eq!((compare(&state).left, compare(&state).right), (2, 0));
    press(&mut state, "<Esc>");
    assert!(matches!(state.screen, Screen::Read));
}

#[test]
fn every_sentence_of_both_sides_appears_exactly_once() {
    let mut state = analysed_state(160, 40);
    press(&mut state, "cJJJ");
    let view = compare(&state);
    let (l, r) = (view.left, view.right);
    let mut lefts: Vec<usize> = view.rows.iter().filter_map(|row| row.left).collect();
    let mut rights: Vec<usize> = view.rows.iter().filter_map(|row| row.right).collect();
    lefts.sort();
    rights.sort();
    assert_eq!(
        lefts,
        (0..state.corpus.articles[l].sentences.len()).collect::<Vec<_>>()
    );
    assert_eq!(
        rights,
        (0..state.corpus.articles[r].sentences.len()).collect::<Vec<_>>()
    );
}

#[test]
fn filters_and_difference_jumps() {
    let mut state = analysed_state(160, 40);
    press(&mut state, "c");
    let all = compare(&state).visible().len();
    press(&mut state, "f");
    let differences = compare(&state).visible().len();
    assert!(compare(&state)
        .visible()
        .iter()
        .all(|&i| compare(&state).rows[i].is_difference()));
    press(&mut state, "f");
    let shared = compare(&state).visible();
    assert!(shared.iter().all(
        |&i| compare(&state).rows[i].left.is_some() && compare(&state).rows[i].right.is_some()
    ));
    assert!(differences <= all && shared.len() <= all);
    press(&mut state, "f]d");
    let row = compare(&state).current().unwrap();
    assert!(row.is_difference());
}

#[test]
fn enter_opens_the_sentence_in_the_reader() {
    let mut state = analysed_state(160, 40);
    press(&mut state, "cjj<Enter>");
    assert!(matches!(state.screen, Screen::Read));
    let sentence = state.corpus.articles[0].sentences[2];
    let doc = state.document();
    assert_eq!(state.cursor_word(&doc).unwrap().start, sentence.start);
}

#[test]
fn story_map_sorts_and_shows_wordings() {
    let mut state = analysed_state(160, 40);
    press(&mut state, "m");
    let Screen::Map(view) = &state.screen else {
        panic!("map open")
    };
    let analysis = state.analysis.clone().unwrap();
    let facts = &analysis.story_map(view.story).facts;
    let first = view.order[0];
    assert_eq!(
        facts[first].sources().len(),
        5,
        "consensus first: a fact all five carry"
    );
    press(&mut state, "o");
    let Screen::Map(view) = &state.screen else {
        panic!("map open")
    };
    assert_eq!(facts[view.order[0]].sources().len(), 1, "exclusives first");
    press(&mut state, "<Enter>");
    let Screen::Map(view) = &state.screen else {
        panic!("map open")
    };
    assert_eq!(view.detail, Some(0));
    press(&mut state, "<Enter>");
    assert!(
        matches!(state.screen, Screen::Read),
        "Enter on a wording opens it"
    );
}

#[test]
fn coverage_enter_selects_the_entity() {
    let mut state = analysed_state(160, 40);
    press(&mut state, "C<Enter>");
    assert!(matches!(state.screen, Screen::Read));
    assert!(state.selected_entity.is_some());
}
