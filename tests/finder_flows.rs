//! The finder and the in-article search through `update`, with the search run synchronously
//! where the app would run it on its search thread.

mod common;

use common::{analysed_state, press};
use parallax::effect::Effect;
use parallax::keymap::Key;
use parallax::state::State;
use parallax::update::{update, Message};

fn ready(width: u16, height: u16) -> State {
    analysed_state(width, height)
}

/// Feeds keys, running every search effect the way the search thread would.
fn keys(state: &mut State, text: &str) {
    for c in text.chars() {
        let effects = update(state, Message::Key(Key::plain(c)));
        run(state, effects);
    }
}

fn run(state: &mut State, effects: Vec<Effect>) {
    for effect in effects {
        if let Effect::Search { seq, query, .. } = effect {
            let index = state.finder_index.clone().unwrap();
            let results = index.search(&query, &Default::default(), None);
            update(state, Message::Found { seq, results });
        }
    }
}

fn open_finder(state: &mut State) {
    let effects = update(state, Message::Key(Key::ctrl('p')));
    run(state, effects);
}

#[test]
fn nat_her_finds_the_national_herald_and_ctrl_o_returns() {
    let mut state = ready(160, 40);
    open_finder(&mut state);
    keys(&mut state, "nat her");
    let hits = &state
        .finder
        .as_ref()
        .unwrap()
        .results
        .as_ref()
        .unwrap()
        .hits;
    assert!(
        hits[0].text.contains("National Herald"),
        "{:?}",
        hits[0].text
    );
    press(&mut state, "<Enter>");
    assert!(state.finder.is_none());
    assert_eq!(state.current, 4);
    press(&mut state, "<C-o>");
    assert_eq!(state.current, 0);
}

#[test]
fn an_alias_finds_the_entity_and_enter_selects_it() {
    let mut state = ready(160, 40);
    open_finder(&mut state);
    keys(&mut state, "#khmeim");
    let hits = &state
        .finder
        .as_ref()
        .unwrap()
        .results
        .as_ref()
        .unwrap()
        .hits;
    assert!(hits[0].text.contains("Hmeimim"), "{:?}", hits[0].text);
    press(&mut state, "<Enter>");
    let entity = state.selected_entity.expect("selected");
    assert_eq!(state.entities.entities[entity].name, "Hmeimim");
    assert!(state
        .entities
        .mentions_in(state.current)
        .iter()
        .any(|m| m.entity == entity));
}

#[test]
fn a_sentence_result_opens_its_article_with_the_span_selected() {
    let mut state = ready(160, 40);
    open_finder(&mut state);
    keys(&mut state, "\"ceasefire extended");
    press(&mut state, "<Enter>");
    assert_eq!(state.current, 0);
    let doc = state.document();
    let selected = state.corpus.articles[0].text(state.selection(&doc).unwrap());
    assert!(selected.contains("ceasefire"), "{selected}");
}

#[test]
fn stale_results_are_dropped() {
    let mut state = ready(160, 40);
    open_finder(&mut state);
    let index = state.finder_index.clone().unwrap();
    let old = index.search("zzzz", &Default::default(), None);
    keys(&mut state, "put");
    let seq = state.finder.as_ref().unwrap().seq;
    update(
        &mut state,
        Message::Found {
            seq: seq - 1,
            results: old,
        },
    );
    let results = state.finder.as_ref().unwrap().results.as_ref().unwrap();
    assert_eq!(results.query, "put");
}

#[test]
fn slash_searches_n_follows_and_escape_restores() {
    let mut state = ready(160, 40);
    press(&mut state, "}");
    let origin = state.view().cursor;
    press(&mut state, "/");
    keys(&mut state, "kremlin");
    assert_eq!(
        state.search.matches.len(),
        2,
        "smart case: lower case matches Kremlin"
    );
    let first = state.view().cursor;
    assert!(state.search.matches.iter().any(|m| m.start == first));
    press(&mut state, "<Esc>");
    assert_eq!(state.view().cursor, origin, "Esc goes back");
    press(&mut state, "/");
    keys(&mut state, "Kremlin");
    press(&mut state, "<Enter>n");
    let second = state.view().cursor;
    assert_ne!(second, first);
    press(&mut state, "n");
    assert_eq!(state.view().cursor, first, "wraps within the article");
    // A later * makes n follow the entity again.
    press(&mut state, "*");
    assert_eq!(state.follow, parallax::state::finder::Follow::Entity);
}

#[test]
fn corpus_wide_search_moves_on_to_the_next_source() {
    let mut state = ready(160, 40);
    press(&mut state, "/");
    update(&mut state, Message::Key(Key::ctrl('g')));
    keys(&mut state, "Peskov");
    press(&mut state, "<Enter>n");
    assert_eq!(
        state.current, 3,
        "no Peskov in source 1 or 2; source 4 has him"
    );
}

#[test]
fn narrowing_queries_keystroke_by_keystroke_agree_with_fresh_searches() {
    let state = ready(160, 40);
    let index = state.finder_index.clone().unwrap();
    let mut previous = None;
    let mut query = String::new();
    for c in "nat her".chars() {
        query.push(c);
        let narrowed = index.search(&query, &Default::default(), previous.as_ref());
        let fresh = index.search(&query, &Default::default(), None);
        assert_eq!(narrowed.hits.len(), fresh.hits.len(), "{query}");
        previous = Some(narrowed);
    }
}

#[test]
fn narrowing_across_skipped_keystrokes_agrees_with_fresh_searches() {
    let state = ready(160, 40);
    let index = state.finder_index.clone().unwrap();
    for path in [
        vec!["", "n", "nat h", "nat her"],
        vec!["", "nat he", "nat her"],
        vec!["", "nat", "nat her"],
    ] {
        let mut previous = None;
        for query in path {
            let narrowed = index.search(query, &Default::default(), previous.as_ref());
            let fresh = index.search(query, &Default::default(), None);
            assert_eq!(narrowed.hits.len(), fresh.hits.len(), "{query:?}");
            previous = Some(narrowed);
        }
    }
}

#[test]
fn enter_before_the_results_arrive_waits_for_them() {
    let mut state = ready(160, 40);
    open_finder(&mut state);
    let mut searches = Vec::new();
    for c in "nat her".chars() {
        searches.extend(update(&mut state, Message::Key(Key::plain(c))));
    }
    press(&mut state, "<Enter>");
    assert!(
        state.finder.is_some(),
        "still open: the results of the last query are not in"
    );
    run(&mut state, searches);
    assert!(state.finder.is_none());
    assert_eq!(state.current, 4);
}
