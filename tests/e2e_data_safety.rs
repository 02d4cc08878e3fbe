//! Notes are never lost or damaged by the disk, checked through the reader in tmux: a disk that
//! fills up and a file system that turns read-only (a small tmpfs, when this user may mount
//! one) keep the old file intact, keep the change in memory, say so, and save it with the next
//! change; a corrupt annotations file, one from a newer version and a state file of random
//! bytes are never overwritten, and the reader still opens.

#[path = "support/tmux.rs"]
mod tmux;

use parallax::corpus::store::parse;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;
use tmux::Session;

/// A tmpfs of `size` mounted on `path`, unmounted when dropped.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(path: &Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(path).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(path)
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
            return None;
        }
        Some(SmallDisk {
            path: path.to_path_buf(),
        })
    }

    fn remount(&self, mode: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(&self.path)
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Writes a filler file until the disk is full.
    fn fill(&self) -> PathBuf {
        use std::io::Write;
        let filler = self.path.join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![b'x'; 4096];
        while file
            .write_all(&chunk)
            .and_then(|()| file.sync_all())
            .is_ok()
        {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

fn annotations_in(path: &Path) -> usize {
    parse(&std::fs::read(path).unwrap()).unwrap().len()
}

/// Selects a few words `down` lines into the current article and annotates them.
fn annotate(session: &Session, down: usize, note: &str) {
    for _ in 0..down {
        session.keys(&["j"]);
    }
    session.keys(&["v", "w", "w", "a"]);
    session.wait_for(" Annotate ");
    session.keys(&["?"]);
    session.wait_for("Ctrl-s save");
    session.keys(&[note, "C-s"]);
}

fn no_temporaries(folder: &Path) {
    let names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
}

#[test]
fn a_full_disk_and_a_read_only_file_system_lose_no_note() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&dir.path().join("disk"), "256k") else {
        return;
    };
    let file = disk.path.join("annotations.json");
    let session_dir = dir.path().join("session");
    std::fs::create_dir(&session_dir).unwrap();
    let Some(session) = Session::start(200, 40, &session_dir) else {
        return;
    };
    let run = session.run(&[], &[b"--annotations", file.to_str().unwrap().as_bytes()]);
    session.wait_for("Sources (5)");
    session.keys(&["2"]);
    annotate(&session, 2, "first note");
    session.wait_for("annotated as question");
    assert_eq!(annotations_in(&file), 1);
    let before = std::fs::read(&file).unwrap();

    // Disk full: the old file stays, the note stays in memory, the message says why.
    let filler = disk.fill();
    annotate(&session, 2, "second note");
    let screen = session.wait_for("not saved");
    assert!(screen.contains("disk full"), "{screen}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the old file is intact"
    );
    no_temporaries(&disk.path);
    // Space again: the next change saves everything, the earlier note included.
    std::fs::remove_file(filler).unwrap();
    annotate(&session, 2, "third note");
    session.wait_for("annotated as question");
    assert_eq!(annotations_in(&file), 3);

    // Read-only: the same.
    let before = std::fs::read(&file).unwrap();
    disk.remount("ro");
    annotate(&session, 2, "fourth note");
    let screen = session.wait_for("not saved");
    assert!(screen.contains("read-only file system"), "{screen}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    disk.remount("rw");
    annotate(&session, 2, "fifth note");
    session.wait_for("annotated as question");
    assert_eq!(annotations_in(&file), 5);
    let notes = String::from_utf8(std::fs::read(&file).unwrap()).unwrap();
    for note in ["first", "second", "third", "fourth", "fifth"] {
        assert!(notes.contains(&format!("{note} note")), "{note} note lost");
    }
    session.keys(&["q"]);
    assert_eq!(session.wait_for_exit(run), 0);
}

#[test]
fn unreadable_annotations_and_state_files_are_never_overwritten_and_the_reader_opens() {
    let dir = tempfile::tempdir().unwrap();
    let Some(session) = Session::start(200, 40, dir.path()) else {
        return;
    };
    // A first run leaves a state file; it is then replaced with random bytes.
    let run = session.run(&[], &[]);
    session.wait_for("Sources (5)");
    session.keys(&["3", "q"]);
    assert_eq!(session.wait_for_exit(run), 0);
    let views = dir.path().join("state/parallax/views");
    let state_file = std::fs::read_dir(&views)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut seed: u64 = 0x0bad_5eed;
    let garbage: Vec<u8> = (0..4096)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    std::fs::write(&state_file, &garbage).unwrap();

    let annotations = dir.path().join("annotations.json");
    let contents: [(&str, &str); 2] = [
        (
            "{\n  \"version\": 1,\n  \"annotations\": [ oops",
            "cannot parse: line 3",
        ),
        (
            r#"{"version": 2, "annotations": [], "new": "shape"}"#,
            "format version 2",
        ),
    ];
    for (content, message) in contents {
        std::fs::write(&annotations, content).unwrap();
        let run = session.run(
            &[],
            &[b"--annotations", annotations.to_str().unwrap().as_bytes()],
        );
        // The status bar shows the latest notice (the store's) and counts the other (the
        // state file's); the analysis gauge may hide the count until the analysis is done.
        let screen = session.wait_for(message);
        assert!(screen.contains("Sources (5)"), "{screen}");
        session.wait_for("(+1 more)");
        session.keys(&["2"]);
        annotate(&session, 1, "kept in memory");
        let screen = session.wait_for("not saved");
        assert!(screen.contains("read-only"), "{screen}");
        session.keys(&["q"]);
        assert_eq!(session.wait_for_exit(run), 0);
        session.assert_restored(run, "after a read-only store");
        assert_eq!(std::fs::read_to_string(&annotations).unwrap(), content);
        assert_eq!(
            std::fs::read(&state_file).unwrap(),
            garbage,
            "state file left as it was"
        );
        sleep(Duration::from_millis(100));
    }
}
