//! The reader while the corpus is still arriving and the analysis still running: keys keep
//! working, the corpus grows in load order, annotation keys wait for the whole corpus, the
//! progress gauge reaches the end, and the article open last time reopens when it arrives.

mod common;

use common::press;
use parallax::corpus::{load_seeds, Corpus, LoadBatch, LoadOptions};
use parallax::effect::Effect;
use parallax::state::{EntityTable, Phase, Progress, State};
use parallax::ui::theme::{Palette, Theme};
use parallax::update::{update, Message};
use parallax::view_store::ViewStore;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The seeds split as the loader hands them over: a head of one article, then batches.
fn head_and_batches() -> (State, Vec<LoadBatch>) {
    let seeds = load_seeds(&LoadOptions::default());
    let mut articles = seeds.articles.into_iter();
    let head = Corpus {
        articles: vec![articles.next().unwrap()],
        warnings: vec![],
        folder: None,
    };
    let rest: Vec<_> = articles.collect();
    let batches = vec![
        LoadBatch {
            articles: rest[..2].to_vec(),
            files_done: 3,
            files_total: 5,
            elapsed_ms: 10,
            ..LoadBatch::default()
        },
        LoadBatch {
            articles: rest[2..].to_vec(),
            files_done: 5,
            files_total: 5,
            elapsed_ms: 20,
            ..LoadBatch::default()
        },
    ];
    let mut state = State::new(head, EntityTable::default());
    state.loading = true;
    update(
        &mut state,
        Message::Resize {
            width: 120,
            height: 40,
        },
    );
    (state, batches)
}

fn screen(state: &State) -> String {
    let mut terminal = Terminal::new(TestBackend::new(state.width, state.height)).unwrap();
    let theme = Theme::new(Palette::Ansi16);
    terminal
        .draw(|f| parallax::ui::draw(f, state, &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn articles_arrive_in_order_while_keys_keep_working() {
    let (mut state, mut batches) = head_and_batches();
    press(&mut state, "jjJ");
    assert_eq!(state.current, 0, "nothing after the only article yet");
    let effects = update(&mut state, Message::Loaded(batches.remove(0)));
    assert_eq!(effects, vec![Effect::Arrived { from: 1 }]);
    assert_eq!(state.corpus.articles.len(), 3);
    assert_eq!((state.views.len(), state.read.len()), (3, 3));
    assert!(state.loading);
    assert!(screen(&state).contains("Sources (3, loading 3/5)"));
    assert!(screen(&state).contains("loading 3/5"));
    press(&mut state, "JJ");
    assert_eq!(state.current, 2);
    let effects = update(&mut state, Message::Loaded(batches.remove(0)));
    assert_eq!(effects, vec![Effect::Arrived { from: 3 }, Effect::Loaded]);
    assert!(!state.loading);
    assert_eq!(state.progress, None);
    let ids: Vec<&str> = state.corpus.articles.iter().map(|a| &a.id[..3]).collect();
    assert_eq!(ids, ["000", "001", "002", "003", "004"]);
    press(&mut state, "JJ");
    assert_eq!(state.current, 4);
    assert!(screen(&state).contains("Sources (5)"));
}

#[test]
fn annotation_keys_wait_for_every_article() {
    let (mut state, mut batches) = head_and_batches();
    press(&mut state, "a");
    assert!(state.annotations.editor.is_none());
    assert!(state
        .notices
        .last()
        .is_some_and(|n| n.starts_with("annotations open once every file has loaded")));
    update(&mut state, Message::Loaded(batches.remove(0)));
    update(&mut state, Message::Loaded(batches.remove(0)));
    press(&mut state, "a");
    assert!(state.annotations.editor.is_some());
}

#[test]
fn keys_work_while_a_slow_analysis_reports_progress_to_the_end() {
    let (mut state, batches) = head_and_batches();
    for batch in batches {
        update(&mut state, Message::Loaded(batch));
    }
    let total = state.corpus.articles.len();
    for done in 0..=total {
        // A key between every report: each is handled at once, whatever the analysis does.
        press(&mut state, "J");
        assert_eq!(state.current, (done + 1).min(total - 1));
        let progress = Progress {
            phase: Phase::Recognising,
            done,
            total,
            elapsed_ms: 100 * done as u64,
        };
        update(&mut state, Message::Progress(progress));
        if done == 2 {
            assert!(screen(&state).contains("analysing 2/5 ▕████░░░░░░▏ 40% ETA 1s"));
        }
    }
    assert!(screen(&state).contains("analysing 5/5 ▕██████████▏ 100%"));
    let linking = Progress {
        phase: Phase::Linking,
        done: total,
        total,
        elapsed_ms: 600,
    };
    update(&mut state, Message::Progress(linking));
    assert!(screen(&state).contains(" linking… "));
    assert!(screen(&state).contains("│analysing…"));
    common::analyse(&mut state);
    assert_eq!(state.progress, None);
    assert!(state.finder_index.is_some());
    assert!(!screen(&state).contains("linking"));
}

/// A store whose file says the reader was last on `003`.
fn store_left_on_003(dir: &std::path::Path) -> ViewStore {
    let mut full = State::new(load_seeds(&LoadOptions::default()), EntityTable::default());
    full.current = 3;
    full.views[4].cursor = 42;
    let store = ViewStore::at(dir.join("views.json"));
    store.save(&full).unwrap();
    ViewStore::at(dir.join("views.json"))
}

/// The batches through `update`, with the saved positions applied as the app does.
fn deliver(state: &mut State, batches: Vec<LoadBatch>, store: &ViewStore) {
    for batch in batches {
        for effect in update(state, Message::Loaded(batch)) {
            if let Effect::Arrived { from } = effect {
                store.apply_arrived(state, from);
            }
        }
    }
}

#[test]
fn the_article_open_last_time_opens_when_it_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_left_on_003(dir.path());
    let (mut state, batches) = head_and_batches();
    store.load_into(&mut state).unwrap();
    assert_eq!(state.current, 0);
    // Quitting before it arrives keeps both the article to reopen and the others' positions.
    store.save(&state).unwrap();
    let mut again = ViewStore::at(dir.path().join("views.json"));
    let mut full = State::new(load_seeds(&LoadOptions::default()), EntityTable::default());
    again.load_into(&mut full).unwrap();
    assert_eq!((full.current, full.views[4].cursor), (3, 42));

    deliver(&mut state, batches, &store);
    assert_eq!(state.current, 3);
    assert_eq!(state.views[4].cursor, 42);
}

#[test]
fn a_user_who_moved_on_is_not_sent_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_left_on_003(dir.path());
    let (mut state, batches) = head_and_batches();
    store.load_into(&mut state).unwrap();
    press(&mut state, "j");
    deliver(&mut state, batches, &store);
    assert_eq!(state.current, 0);
}
