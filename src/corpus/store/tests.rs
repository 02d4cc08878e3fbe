use super::*;
use crate::corpus::annotation::Quote;
use std::fs;
use std::path::PathBuf;

fn ann(id: &str, article: &str, start: usize, note: &str) -> Annotation {
    Annotation {
        id: id.into(),
        article: article.into(),
        source_hash: "fnv1a64:0000000000000000".into(),
        start,
        end: start + 5,
        quote: Quote {
            exact: "Putin".into(),
            prefix: "President ".into(),
            suffix: " said".into(),
        },
        label: "claim".into(),
        note: note.into(),
        correction: None,
        created: "2026-01-27T10:00:00.000Z".into(),
        modified: "2026-01-27T10:00:00.000Z".into(),
    }
}

fn at(path: PathBuf) -> StoreLocation {
    StoreLocation {
        description: "test".into(),
        path,
    }
}

fn open(path: &Path) -> AnnotationStore {
    AnnotationStore::open(at(path.to_path_buf()))
}

fn ids(list: &[Annotation]) -> Vec<&str> {
    list.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn a_missing_file_is_an_empty_store_and_a_save_creates_it_with_a_backup_after() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".parallax/annotations.json");
    let mut store = open(&path);
    assert!(store.annotations().is_empty() && store.read_only().is_none());
    store.save(&[ann("b", "x", 9, "")]).unwrap();
    let first = fs::read_to_string(&path).unwrap();
    assert!(!disk::sibling(&path, "bak").exists());
    let saved = store
        .save(&[ann("b", "x", 9, ""), ann("a", "x", 3, "")])
        .unwrap();
    assert_eq!(
        ids(&saved),
        ["a", "b"],
        "file order is by article and position"
    );
    assert_eq!(
        fs::read_to_string(disk::sibling(&path, "bak")).unwrap(),
        first
    );
    assert_eq!(ids(open(&path).annotations()), ["a", "b"]);
    // No temporaries or staged backups are left behind.
    let names: Vec<String> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
}

#[test]
fn the_file_is_versioned_pretty_json_in_a_stable_key_order() {
    let mut a = ann("ann-1", "x", 3, "two\nlines");
    a.correction = Some(crate::corpus::annotation::Correction::NotEntity);
    let text = String::from_utf8(serialise(&[a])).unwrap();
    let expected = r#"{
  "version": 1,
  "annotations": [
    {
      "id": "ann-1",
      "article": "x",
      "source_hash": "fnv1a64:0000000000000000",
      "start": 3,
      "end": 8,
      "quote": {
        "exact": "Putin",
        "prefix": "President ",
        "suffix": " said"
      },
      "label": "claim",
      "note": "two\nlines",
      "correction": {
        "action": "not-entity"
      },
      "created": "2026-01-27T10:00:00.000Z",
      "modified": "2026-01-27T10:00:00.000Z"
    }
  ]
}
"#;
    assert_eq!(text, expected);
}

#[test]
fn a_corrupt_file_opens_read_only_naming_line_and_column_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let corrupt = "{\n  \"version\": 1,\n  \"annotations\": [ oops ]\n}\n";
    fs::write(&path, corrupt).unwrap();
    let mut store = open(&path);
    let why = store.read_only().unwrap();
    assert!(why.starts_with(&path.display().to_string()), "{why}");
    assert!(why.contains("line 3, column 20"), "{why}");
    assert_eq!(why.lines().count(), 1);
    let err = store.save(&[ann("a", "x", 0, "")]).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), corrupt);
}

#[test]
fn a_newer_format_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    fs::write(&path, r#"{"version": 2, "annotations": {"new": "shape"}}"#).unwrap();
    let store = open(&path);
    assert!(store.read_only().unwrap().contains("format version 2"));
}

#[test]
fn a_failed_write_keeps_the_old_file_and_the_next_save_retries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let mut store = open(&path);
    store.save(&[ann("a", "x", 0, "")]).unwrap();
    let before = fs::read_to_string(&path).unwrap();
    // A folder where the lock must go: the save cannot start (works even as root).
    let lock = disk::sibling(&path, "lock");
    fs::remove_file(&lock).unwrap();
    fs::create_dir(&lock).unwrap();
    let err = store
        .save(&[ann("a", "x", 0, ""), ann("b", "x", 1, "")])
        .unwrap_err();
    assert!(matches!(err, StoreError::Write { .. }), "{err}");
    assert!(err.to_string().starts_with(&path.display().to_string()));
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    fs::remove_dir(&lock).unwrap();
    let saved = store
        .save(&[ann("a", "x", 0, ""), ann("b", "x", 1, "")])
        .unwrap();
    assert_eq!(ids(&saved), ["a", "b"]);
}

#[test]
fn a_folder_in_place_of_the_file_fails_the_rename_and_leaves_no_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let mut store = open(&path);
    fs::create_dir(&path).unwrap();
    fs::write(path.join("keep"), "x").unwrap();
    let err = store.save(&[ann("a", "x", 0, "")]).unwrap_err();
    assert!(matches!(err, StoreError::Write { .. }), "{err}");
    assert!(path.join("keep").exists());
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_the_save_with_a_message() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipped: running as root, and permission bits do not stop root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ro");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("annotations.json");
    let mut store = open(&path);
    store.save(&[ann("a", "x", 0, "")]).unwrap();
    let before = fs::read_to_string(&path).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    let result = store.save(&[ann("a", "x", 0, ""), ann("b", "x", 1, "")]);
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    let err = result.unwrap_err();
    assert!(err.to_string().contains("permission denied"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn two_stores_on_one_file_keep_each_others_additions_edits_and_deletions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let mut first = open(&path);
    first
        .save(&[ann("x", "a", 0, ""), ann("y", "a", 10, "")])
        .unwrap();
    let mut one = open(&path);
    let mut two = open(&path);
    // One deletes x and adds p; two edits y and adds q, without reloading.
    let mut mine = vec![ann("y", "a", 10, ""), ann("p", "a", 20, "")];
    mine = one.save(&mine).unwrap();
    assert_eq!(ids(&mine), ["y", "p"]);
    let mut edited = ann("y", "a", 10, "edited by two");
    edited.modified = "2026-01-27T11:00:00.000Z".into();
    let theirs = two
        .save(&[ann("x", "a", 0, ""), edited, ann("q", "a", 30, "")])
        .unwrap();
    assert_eq!(ids(&theirs), ["y", "p", "q"], "x stays deleted");
    assert_eq!(theirs[0].note, "edited by two");
    // One saves again without having seen two's work: nothing of two's is lost.
    let again = one.save(&mine).unwrap();
    assert_eq!(ids(&again), ["y", "p", "q"]);
    assert_eq!(again[0].note, "edited by two");
    assert_eq!(open(&path).annotations(), &again[..]);
}

#[test]
fn concurrent_saves_from_two_threads_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let workers: Vec<_> = ["one", "two"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = open(&path);
                let mut list: Vec<Annotation> = Vec::new();
                for i in 0..40 {
                    list.push(ann(&format!("{who}-{i:02}"), who, i, ""));
                    list = store.save(&list).unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(open(&path).annotations().len(), 80);
}

#[test]
fn a_file_removed_behind_our_back_is_written_again_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let mut store = open(&path);
    let list = store.save(&[ann("a", "x", 0, "")]).unwrap();
    fs::remove_file(&path).unwrap();
    assert_eq!(ids(&store.save(&list).unwrap()), ["a"]);
    assert_eq!(ids(open(&path).annotations()), ["a"]);
}

#[test]
fn a_file_corrupted_by_another_program_after_loading_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let mut store = open(&path);
    store.save(&[ann("a", "x", 0, "")]).unwrap();
    fs::write(&path, "{ half a file").unwrap();
    let err = store.save(&[ann("b", "x", 0, "")]).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "{ half a file");
}

#[test]
fn the_fast_layout_is_serde_jsons_pretty_layout() {
    for list in [
        vec![],
        vec![ann("a", "x", 0, "n\t\"q\""), ann("b", "y", 3, "")],
    ] {
        let file = StoreFileRef {
            version: FORMAT_VERSION,
            annotations: &list,
        };
        let expected = serde_json::to_string_pretty(&file).unwrap() + "\n";
        assert_eq!(String::from_utf8(serialise(&list)).unwrap(), expected);
    }
}

#[test]
fn a_repeated_id_in_the_callers_list_is_saved_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let mut store = open(&path);
    let mut newer = ann("a", "x", 0, "newer");
    newer.modified = "2026-01-27T12:00:00.000Z".into();
    let saved = store.save(&[ann("a", "x", 0, "older"), newer]).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].note, "newer");
}
