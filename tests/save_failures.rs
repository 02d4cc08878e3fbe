//! A failed save through `update` and the real store, without tmux or mount (the full-disk and
//! read-only runs in `e2e_data_safety.rs` need both): the old file stays, the change stays in
//! memory, the status bar says why, and the next change saves everything.

mod common;

use common::{press, seed_state};
use parallax::corpus::store::parse;
use parallax::corpus::{AnnotationStore, StoreLocation};
use parallax::effect::Effect;
use parallax::keymap::Key;
use parallax::state::State;
use parallax::update::{update, Message, Saved};

/// Annotates the word under the cursor after moving `motion`, running the save effect the way
/// the app does.
fn annotate(state: &mut State, store: &mut AnnotationStore, motion: &str, note: &str) {
    press(state, motion);
    press(state, "ac");
    press(state, note);
    let effects = update(state, Message::Key(Key::ctrl('s')));
    assert_eq!(effects, vec![Effect::SaveAnnotations]);
    let saved = match store.save(&state.annotations.list) {
        Ok(merged) => Saved::Ok(merged),
        Err(e) => Saved::Failed(e.to_string()),
    };
    update(state, Message::Saved(saved));
}

#[test]
fn a_failed_save_keeps_the_file_and_the_change_and_the_next_change_saves_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let mut store = AnnotationStore::open(StoreLocation {
        description: "test".into(),
        path: path.clone(),
    });
    let mut state = seed_state(140, 40);
    annotate(&mut state, &mut store, ")", "one");
    let before = std::fs::read(&path).unwrap();
    assert_eq!(parse(&before).unwrap().len(), 1);

    // The lock file's place taken by a folder: every write fails (as root too).
    let lock = dir.path().join("annotations.json.lock");
    std::fs::remove_file(&lock).unwrap();
    std::fs::create_dir(&lock).unwrap();
    annotate(&mut state, &mut store, ")", "two");
    assert_eq!(state.annotations.list.len(), 2, "kept in memory");
    let notice = state.notices.last().unwrap();
    assert!(notice.starts_with("not saved: "), "{notice}");
    assert!(notice.contains("annotations.json"), "{notice}");
    assert!(notice.contains("kept in memory"), "{notice}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the old file is intact"
    );

    std::fs::remove_dir(&lock).unwrap();
    annotate(&mut state, &mut store, ")", "three");
    let saved = parse(&std::fs::read(&path).unwrap()).unwrap();
    let notes: Vec<&str> = saved.iter().map(|a| a.note.as_str()).collect();
    assert_eq!(saved.len(), 3, "{notes:?}");
    for note in ["one", "two", "three"] {
        assert!(notes.contains(&note), "{note} lost: {notes:?}");
    }
}
