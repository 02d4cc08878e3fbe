//! Key sequences through `update`, asserting the state: no terminal involved.

mod common;

use common::{press, seed_state};
use parallax::effect::Effect;
use parallax::keymap::Key;
use parallax::state::Pane;
use parallax::update::{update, Message};

#[test]
fn digits_open_sources_and_mark_them_read() {
    let mut state = seed_state(160, 48);
    assert!(!state.read[2]);
    press(&mut state, "3");
    assert_eq!(state.current, 2);
    assert!(state.read[2]);
    press(&mut state, "J");
    assert_eq!(state.current, 3);
    press(&mut state, "KK");
    assert_eq!(state.current, 1);
    press(&mut state, "9");
    assert_eq!(state.current, 1, "no source 9: nothing moves");
    assert!(state.notice_visible);
}

fn cursor_line(state: &parallax::state::State) -> usize {
    state.document().line_at(state.view().cursor)
}

#[test]
fn line_page_top_and_bottom_moves_keep_the_cursor_on_screen() {
    let mut state = seed_state(160, 20);
    assert_eq!(cursor_line(&state), 0, "starts on the headline");
    press(&mut state, "j");
    assert_eq!(
        cursor_line(&state),
        3,
        "lines without words (byline, blank) are stepped over"
    );
    press(&mut state, "jj");
    assert_eq!(cursor_line(&state), 5);
    press(&mut state, "G");
    let doc = state.document();
    assert_eq!(state.view().cursor, doc.words.last().unwrap().span.start);
    let page = state.layout().article_text_height();
    let line = cursor_line(&state);
    assert!(state.view().scroll + page > line && state.view().scroll <= line);
    press(&mut state, "gg");
    assert_eq!((cursor_line(&state), state.view().scroll), (0, 0));
    press(&mut state, "<C-d>");
    assert!(cursor_line(&state) > 0 && state.view().scroll > 0);
}

#[test]
fn words_sentences_and_paragraphs_move_the_cursor() {
    let mut state = seed_state(120, 40);
    let word = |state: &parallax::state::State| {
        let doc = state.document();
        let span = state.cursor_word(&doc).unwrap();
        state.corpus.articles[state.current].text(span).to_string()
    };
    assert_eq!(word(&state), "After");
    press(&mut state, "ww");
    assert_eq!(word(&state), "fall");
    press(&mut state, "b");
    assert_eq!(
        word(&state),
        "Assad’s",
        "Unicode word rules keep the possessive"
    );
    press(&mut state, ")");
    assert_eq!(word(&state), "Russian", "first body sentence");
    press(&mut state, ")");
    assert_eq!(word(&state), "It");
    press(&mut state, "(");
    assert_eq!(word(&state), "Russian");
    press(&mut state, "}}");
    assert_eq!(word(&state), "The", "third paragraph: The meeting comes…");
    press(&mut state, "{");
    assert_eq!(word(&state), "It");
}

#[test]
fn v_and_capital_v_select_and_escape_cancels() {
    let mut state = seed_state(120, 40);
    press(&mut state, ")vwww");
    let doc = state.document();
    let selection = state.selection(&doc).unwrap();
    assert_eq!(
        state.corpus.articles[0].text(selection),
        "Russian President Vladimir Putin"
    );
    press(&mut state, "<Esc>");
    assert!(state.selection(&state.document()).is_none());
    press(&mut state, "V");
    let doc = state.document();
    let sentence = state.corpus.articles[0].text(state.selection(&doc).unwrap());
    assert!(
        sentence.starts_with("Russian President") && sentence.ends_with("Kremlin"),
        "{sentence}"
    );
}

#[test]
fn g_waits_for_its_second_key_and_shows_it_pending() {
    let mut state = seed_state(100, 30);
    press(&mut state, "jjg");
    assert_eq!(state.pending, vec![Key::plain('g')]);
    press(&mut state, "x");
    assert!(state.pending.is_empty());
    assert_eq!(
        cursor_line(&state),
        4,
        "an unbound continuation does nothing"
    );
}

#[test]
fn tab_cycles_focus_and_entities_toggle_skips_the_pane() {
    let mut state = seed_state(160, 48);
    assert_eq!(state.focus, Pane::Article);
    press(&mut state, "<Tab>");
    assert_eq!(state.focus, Pane::Entities);
    press(&mut state, "<Tab>");
    assert_eq!(state.focus, Pane::Sources);
    press(&mut state, "<S-Tab>");
    assert_eq!(state.focus, Pane::Entities);
    press(&mut state, "e");
    assert_eq!(state.focus, Pane::Article);
    press(&mut state, "<Tab><Tab>");
    assert_eq!(
        state.focus,
        Pane::Article,
        "only two panes while entities are hidden"
    );
}

#[test]
fn sources_pane_moves_and_opens_with_enter() {
    let mut state = seed_state(160, 48);
    press(&mut state, "<S-Tab>jj<Enter>");
    assert_eq!(state.current, 2);
    assert_eq!(state.focus, Pane::Article);
}

#[test]
fn star_selects_the_entity_on_the_cursor_line_and_n_follows_it_across_sources() {
    let mut state = seed_state(160, 48);
    press(&mut state, "j*");
    let putin = state.selected_entity.expect("an entity is selected");
    assert_eq!(state.entities.entities[putin].name, "Vladimir Putin");
    // Walk forward through every mention until the reader moves to the next source.
    let mut hops = 0;
    while state.current == 0 && hops < 20 {
        press(&mut state, "n");
        hops += 1;
    }
    assert_eq!(
        state.current, 1,
        "n continues in the next source that mentions it"
    );
    let doc = state.document();
    let line = &doc.lines[doc.line_at(state.view().cursor)];
    let text = state.corpus.articles[1].text(line.span);
    assert!(
        text.contains("Putin"),
        "cursor on a line with a mention: {text}"
    );
    press(&mut state, "N");
    assert_eq!(state.current, 0, "N goes back to the previous source");
}

#[test]
fn s_lists_the_sources_of_the_selected_entity_and_opens_one() {
    let mut state = seed_state(160, 48);
    press(&mut state, "<Tab><Enter>s");
    let popup = state.sources_popup.expect("popup open");
    assert_eq!(state.entities.entities[popup.entity].articles.len(), 5);
    press(&mut state, "jjj<Enter>");
    assert!(state.sources_popup.is_none());
    assert_eq!(state.current, 3);
}

#[test]
fn boilerplate_toggle_keeps_the_cursor_on_the_same_word() {
    let mut state = seed_state(120, 30);
    press(&mut state, "jjjjj");
    let before = state.view().cursor;
    press(&mut state, "B");
    assert!(state.show_boilerplate);
    assert_eq!(state.view().cursor, before);
    let line = cursor_line(&state);
    assert!(
        line >= state.view().scroll
            && line < state.view().scroll + state.layout().article_text_height()
    );
}

#[test]
fn help_opens_and_closes_and_quit_saves() {
    let mut state = seed_state(120, 30);
    press(&mut state, "?");
    assert!(state.help);
    press(&mut state, "<Esc>");
    assert!(!state.help);
    let effects = update(&mut state, Message::Key(Key::plain('q')));
    assert_eq!(effects, vec![Effect::SaveViews, Effect::Quit]);
    assert!(state.quit);
}

#[test]
fn clicks_select_sources_and_entities_and_the_wheel_scrolls() {
    let mut state = seed_state(160, 48);
    // Source rows are two lines each, under the pane's top border.
    update(&mut state, Message::Click { x: 5, y: 1 + 2 * 3 });
    assert_eq!(state.current, 3);
    let entities = state.layout().entities.unwrap();
    update(
        &mut state,
        Message::Click {
            x: entities.x + 3,
            y: entities.y + 1,
        },
    );
    assert!(state.selected_entity.is_some());
    let article = state.layout().article.unwrap();
    update(
        &mut state,
        Message::Wheel {
            x: article.x + 5,
            y: article.y + 5,
            down: true,
        },
    );
    assert_eq!(state.view().scroll, 3);
}

#[test]
fn the_jump_list_goes_back_and_forward_and_quote_alternates() {
    let mut state = seed_state(140, 40);
    press(&mut state, "}}");
    let place = state.view().cursor;
    press(&mut state, "3");
    press(&mut state, "<C-o>");
    assert_eq!(
        (state.current, state.view().cursor),
        (0, place),
        "back where we were"
    );
    press(&mut state, "<C-i>");
    assert_eq!(state.current, 2);
    press(&mut state, "[j");
    assert_eq!(state.current, 0, "[j is back too");
    press(&mut state, "]j");
    assert_eq!(
        state.current, 2,
        "]j is forward on terminals that send Ctrl-i as Tab"
    );
    press(&mut state, "5'");
    assert_eq!(state.current, 2, "' returns to the previous article");
    press(&mut state, "'");
    assert_eq!(state.current, 4);
}
