//! Stories in the sources list (collapsible groups), and the comparison, story map and
//! coverage kept within the open article's story, through `update`.

mod common;

use common::{analyse, press, stories_state};
use parallax::state::screen::Screen;
use parallax::state::sources::{rows_and_cursor, SourceRow};
use parallax::state::State;
use parallax::update::{update, Message};

fn rows(state: &State) -> Vec<SourceRow> {
    rows_and_cursor(state).0.collect()
}

fn cursor(state: &State) -> SourceRow {
    let (rows, at) = rows_and_cursor(state);
    rows.into_iter().nth(at).unwrap()
}

fn story_of(state: &State, article: usize) -> usize {
    state.analysis.as_ref().unwrap().story_of(article).unwrap()
}

fn analysed() -> State {
    let mut state = stories_state(160, 48);
    analyse(&mut state);
    assert!(
        state.analysis.as_ref().unwrap().stories.stories.len() >= 3,
        "the generated corpus holds three stories"
    );
    state
}

#[test]
fn the_list_is_flat_until_the_analysis_groups_it() {
    let mut state = stories_state(160, 48);
    let flat: Vec<SourceRow> = (0..30).map(SourceRow::Article).collect();
    assert_eq!(rows(&state), flat);
    analyse(&mut state);
    let grouped = rows(&state);
    let stories = &state.analysis.as_ref().unwrap().stories.stories;
    assert_eq!(grouped.len(), 30 + stories.len());
    assert_eq!(grouped[0], SourceRow::Story(0));
    let first: Vec<SourceRow> = stories[0]
        .articles
        .iter()
        .map(|&a| SourceRow::Article(a))
        .collect();
    assert_eq!(grouped[1..=first.len()], first[..]);
}

#[test]
fn za_collapses_the_story_under_the_cursor_and_moving_skips_it() {
    let mut state = analysed();
    press(&mut state, "<S-Tab>gg");
    assert_eq!(cursor(&state), SourceRow::Story(0));
    let first = state.analysis.as_ref().unwrap().stories.stories[0].articles[0];
    press(&mut state, "j");
    assert_eq!(cursor(&state), SourceRow::Article(first));
    press(&mut state, "za");
    assert_eq!(
        cursor(&state),
        SourceRow::Story(0),
        "the cursor goes to the header"
    );
    assert!(!rows(&state).contains(&SourceRow::Article(first)));
    press(&mut state, "j");
    assert_eq!(
        cursor(&state),
        SourceRow::Story(1),
        "moving down skips the collapsed story's articles"
    );
    press(&mut state, "k<Enter>");
    assert_eq!(cursor(&state), SourceRow::Story(0));
    assert!(
        rows(&state).contains(&SourceRow::Article(first)),
        "Enter expands"
    );
    press(&mut state, " ");
    assert!(
        !rows(&state).contains(&SourceRow::Article(first)),
        "Space collapses"
    );
    press(&mut state, "za");
    assert!(
        rows(&state).contains(&SourceRow::Article(first)),
        "za expands"
    );
}

#[test]
fn zm_collapses_every_story_and_zr_expands_them() {
    let mut state = analysed();
    let stories = state.analysis.as_ref().unwrap().stories.stories.len();
    press(&mut state, "zM");
    let headers: Vec<SourceRow> = (0..stories).map(SourceRow::Story).collect();
    assert_eq!(rows(&state), headers);
    assert_eq!(cursor(&state), SourceRow::Story(story_of(&state, 0)));
    press(&mut state, "<S-Tab>G");
    assert_eq!(cursor(&state), SourceRow::Story(stories - 1));
    press(&mut state, "zR");
    assert_eq!(rows(&state).len(), 30 + stories);
}

#[test]
fn jumping_to_an_article_expands_its_story() {
    let mut state = analysed();
    press(&mut state, "zM");
    press(&mut state, "J");
    assert_eq!(state.current, 1);
    assert_eq!(cursor(&state), SourceRow::Article(1));
    assert!(rows(&state).contains(&SourceRow::Article(1)));
    let other = (0..30)
        .find(|&a| story_of(&state, a) != story_of(&state, 1))
        .unwrap();
    press(&mut state, "zM");
    state.jumps.previous_article = Some(other);
    press(&mut state, "'");
    assert_eq!(state.current, other);
    assert_eq!(cursor(&state), SourceRow::Article(other));
    assert!(rows(&state).contains(&SourceRow::Article(other)));
}

#[test]
fn a_click_on_a_header_collapses_or_expands_its_story() {
    let mut state = analysed();
    press(&mut state, "zM");
    let sources = state.layout().sources.unwrap();
    // Every story collapsed: the first row of the pane is story 1's header.
    let click = |state: &mut State| {
        update(
            state,
            Message::Click {
                x: sources.x + 2,
                y: sources.y + 1,
            },
        )
    };
    click(&mut state);
    assert_eq!(cursor(&state), SourceRow::Story(0));
    let collapsed = |state: &State| {
        state
            .sources
            .is_collapsed(state.analysis.as_ref().unwrap(), 0)
    };
    assert!(!collapsed(&state));
    click(&mut state);
    assert!(collapsed(&state));
}

#[test]
fn compare_candidates_stay_within_the_story() {
    let mut state = analysed();
    let story = story_of(&state, 0);
    let size = state.analysis.as_ref().unwrap().stories.stories[story]
        .articles
        .len();
    assert!(size >= 3);
    press(&mut state, "c");
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..size + 2 {
        let Screen::Compare(view) = &state.screen else {
            panic!("the comparison is open")
        };
        assert_eq!(view.left, 0);
        assert_ne!(view.right, 0);
        assert_eq!(story_of(&state, view.right), story, "{}", view.right);
        seen.insert(view.right);
        press(&mut state, "J");
    }
    assert_eq!(
        seen.len(),
        size - 1,
        "J visits every other article of the story"
    );
    press(&mut state, "KKK");
    let Screen::Compare(view) = &state.screen else {
        panic!("the comparison is open")
    };
    assert_eq!(story_of(&state, view.right), story);
}

#[test]
fn the_story_map_and_coverage_show_the_open_articles_story_only() {
    let mut state = analysed();
    press(&mut state, "J");
    let story = story_of(&state, 1);
    press(&mut state, "m");
    let Screen::Map(view) = &state.screen else {
        panic!("the story map is open")
    };
    assert_eq!(view.story, story);
    let analysis = state.analysis.clone().unwrap();
    let facts = &analysis.story_map(story).facts;
    assert!(!facts.is_empty());
    for fact in facts {
        for m in &fact.members {
            assert_eq!(story_of(&state, m.article), story);
        }
    }
    press(&mut state, "<Esc>C");
    let Screen::Coverage(view) = &state.screen else {
        panic!("coverage is open")
    };
    assert_eq!(view.story, story);
    assert_eq!(
        analysis.coverage(story).articles,
        analysis.stories.stories[story].articles
    );
}

#[test]
fn with_one_story_the_list_stays_flat_and_za_only_explains_in_the_sources_pane() {
    let mut state = common::analysed_state(160, 48);
    let flat: Vec<SourceRow> = (0..5).map(SourceRow::Article).collect();
    assert_eq!(rows(&state), flat);
    press(&mut state, " ");
    assert!(!state.notice_visible, "Space while reading stays quiet");
    press(&mut state, "<S-Tab>za");
    assert!(state.notice_visible);
    assert_eq!(rows(&state), flat);
}
