//! Hostile and odd input through the real binary: no panic, bounded time, a clear warning where
//! something was skipped, and nothing from the content that a terminal would act on.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn dump(args: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("dump")
        .args(args)
        .output()
        .expect("the binary runs");
    (out, start.elapsed())
}

/// Bytes a terminal would act on if content reached it: ESC, BEL, backspace, DEL, C1 controls.
fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: control characters {bad:?} in output"
    );
}

fn hostile_dir() -> String {
    format!("{}/tests/fixtures/hostile", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_committed_hostile_corpus_loads_with_warnings_and_inert_output() {
    for format in ["json", "text"] {
        let (out, took) = dump(&["--format", format, &hostile_dir()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(took < Duration::from_secs(10));
        assert_inert(&out.stdout, format);
        assert_inert(&out.stderr, "stderr");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("invalid_utf8.txt: invalid UTF-8"), "{err}");
        assert!(err.contains("only_whitespace.txt: skipped: empty"), "{err}");
        assert!(
            err.contains("utf16_bom.txt: decoded from UTF-16 LE"),
            "{err}"
        );
    }
    let (out, _) = dump(&["--format", "json", &hostile_dir()]);
    let dump: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = dump["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(titles.contains(&"UTF-16 Headline Here"), "{titles:?}");
    assert!(titles.contains(&"Stacked Marks"), "{titles:?}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn huge_lines_many_lines_and_repeated_boilerplate_stay_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "one_line.txt", &b"x".repeat(5 << 20));
    let tiny: String = (0..200_000).map(|i| format!("w{i}\n")).collect();
    write(d, "tiny_lines.txt", tiny.as_bytes());
    let mut repeated = String::from(
        "A Headline About Boilerplate\n\nThe body says one thing clearly, officials said.\n\n",
    );
    for _ in 0..20_000 {
        repeated.push_str("Subscribe to our newsletter\nShare this article\nWe use cookies.\n");
    }
    write(d, "repeated.txt", repeated.as_bytes());
    let (out, took) = dump(&["--format", "json", d.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(took < Duration::from_secs(60), "took {took:?}");
    let dump: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dump["articles"].as_array().unwrap().len(), 3);
}

#[test]
fn a_folder_of_ten_thousand_empty_files_is_one_summarised_error() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        write(dir.path(), &format!("{i:05}.txt"), b"");
    }
    let (out, took) = dump(&[dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(took < Duration::from_secs(30));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.lines().count() <= 8,
        "summarised, not 10,000 lines:\n{err}"
    );
    assert!(err.contains("and 9995 more files: skipped: empty"), "{err}");
    assert!(err.contains("no articles could be loaded"), "{err}");
}

#[test]
fn symlink_loops_and_files_that_vanish_are_named_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "good.txt",
        b"A Headline Here\n\nThe body is fine and complete, officials said.\n",
    );
    std::os::unix::fs::symlink(d.join("loop_b.txt"), d.join("loop_a.txt")).unwrap();
    std::os::unix::fs::symlink(d.join("loop_a.txt"), d.join("loop_b.txt")).unwrap();
    let (out, _) = dump(&["--format", "json", d.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Named directly, a loop is a clear one-line error.
    let (out, _) = dump(&[d.join("loop_a.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("loop_a.txt: cannot read"), "{err}");
    // A file named on the command line that disappears before reading.
    let (out, _) = dump(&[
        d.join("good.txt").to_str().unwrap(),
        d.join("gone.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gone.txt: no such file"));
}
