//! Whole-screen snapshots on a fixed-size TestBackend, and every size from 1×1 up.

mod common;

use common::{press, seed_state};
use parallax::state::State;
use parallax::ui::theme::{Palette, Theme};
use parallax::update::{update, Message};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn render(state: &State) -> Terminal<TestBackend> {
    let backend = TestBackend::new(state.width, state.height);
    let mut terminal = Terminal::new(backend).unwrap();
    let theme = Theme::new(Palette::Ansi16);
    terminal
        .draw(|f| parallax::ui::draw(f, state, &theme))
        .unwrap();
    terminal
}

#[test]
fn three_panes_on_the_seeds_at_160x48() {
    let state = seed_state(160, 48);
    insta::assert_snapshot!(render(&state).backend());
}

#[test]
fn narrow_layout_at_80x24() {
    let state = seed_state(80, 24);
    insta::assert_snapshot!(render(&state).backend());
}

#[test]
fn help_overlay() {
    let mut state = seed_state(120, 40);
    press(&mut state, "?");
    insta::assert_snapshot!(render(&state).backend());
}

#[test]
fn entity_pane_with_an_entity_selected() {
    let mut state = seed_state(160, 48);
    press(&mut state, "3<Tab><Enter>");
    insta::assert_snapshot!(render(&state).backend());
}

#[test]
fn hidden_boilerplate_shown_with_reasons() {
    let mut state = seed_state(120, 30);
    press(&mut state, "BG");
    insta::assert_snapshot!(render(&state).backend());
}

#[test]
fn tiny_window_asks_for_more_room() {
    let state = seed_state(28, 6);
    insta::assert_snapshot!(render(&state).backend());
}

#[test]
fn selected_mentions_are_reversed_and_kinds_coloured() {
    let mut state = seed_state(160, 48);
    press(&mut state, "<Tab><Enter>");
    let terminal = render(&state);
    let buffer = terminal.backend().buffer();
    let reversed = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .count();
    assert!(
        reversed >= "Vladimir Putin".len(),
        "selected mentions stand out"
    );
    let coloured = buffer
        .content()
        .iter()
        .filter(|c| c.fg == ratatui::style::Color::Yellow)
        .count();
    assert!(coloured > 0, "person mentions are coloured");
}

#[test]
fn every_size_up_to_120x40_renders_without_panicking() {
    let mut state = seed_state(1, 1);
    press(&mut state, "B");
    for width in 1..=120 {
        for height in 1..=40 {
            update(&mut state, Message::Resize { width, height });
            let _ = render(&state);
        }
    }
}

#[test]
fn comparison_of_two_sources_side_by_side() {
    let mut state = common::analysed_state(160, 40);
    press(&mut state, "c");
    insta::assert_snapshot!(render(&state).backend());
}

#[test]
fn story_map_and_coverage_grid() {
    let mut state = common::analysed_state(140, 30);
    press(&mut state, "m");
    insta::assert_snapshot!("story_map", render(&state).backend());
    press(&mut state, "<Esc>C");
    insta::assert_snapshot!("coverage", render(&state).backend());
}

#[test]
fn finder_popup_with_ranked_results_and_preview() {
    let mut state = common::analysed_state(140, 36);
    let effects = update(&mut state, Message::Key(parallax::keymap::Key::ctrl('p')));
    assert!(!effects.is_empty());
    for c in "nat her".chars() {
        update(&mut state, Message::Key(parallax::keymap::Key::plain(c)));
    }
    let seq = state.finder.as_ref().unwrap().seq;
    let results = state
        .finder_index
        .clone()
        .unwrap()
        .search("nat her", &Default::default(), None);
    update(&mut state, Message::Found { seq, results });
    insta::assert_snapshot!(render(&state).backend());
}

#[test]
fn sources_grouped_by_story_one_collapsed() {
    let mut state = common::stories_state(160, 48);
    common::analyse(&mut state);
    // The last story collapsed, the cursor on its header, the first stories open above.
    press(&mut state, "<S-Tab>Gza");
    insta::assert_snapshot!(render(&state).backend());
}
