//! The real binary on good and bad input: exit codes, one-line errors, warnings, safe output.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("dump prints JSON")
}

const ARTICLE: &str = "A Headline About The Talks\n\nThe talks in Moscow lasted three hours on Wednesday, officials said.\n";

#[test]
fn dump_of_the_seeds_is_versioned_json_with_code_point_offsets() {
    let out = parallax(&["dump", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dump = json(&out);
    assert_eq!(dump["version"], 1);
    let articles = dump["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    assert_eq!(articles[0]["id"], "000_e177be1acd7e491d");
    assert_eq!(articles[0]["path"], "seeds/000_e177be1acd7e491d.txt");
    // Offsets index the source as Python's str does.
    let source = include_str!("../seeds/000_e177be1acd7e491d.txt");
    let chars: Vec<char> = source.chars().collect();
    for sentence in articles[0]["sentences"].as_array().unwrap() {
        let (start, end) = (
            sentence["start"].as_u64().unwrap() as usize,
            sentence["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, sentence["text"].as_str().unwrap());
    }
    let removed = articles[0]["removed"].as_array().unwrap();
    assert_eq!(removed[0]["reason"], "navigation");
    assert_eq!(removed[0]["start"], 0);
    assert_eq!(removed[0]["end"], 20);
}

#[test]
fn text_dump_is_a_readable_summary() {
    let out = parallax(&["dump", "--format", "text"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Title:    After Assad’s fall, Russia tries to hold on in Syria"));
    assert!(text.contains("[cookie-notice]"));
}

#[test]
fn a_missing_path_is_one_line_naming_it_with_status_2() {
    let out = parallax(&["dump", "/no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("/no/such/folder") && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn a_folder_without_articles_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.pdf"), "x").unwrap();
    let out = parallax(&["dump", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no article files"),
        "{}",
        stderr(&out)
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn bad_files_are_skipped_with_a_warning_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    write(d, "binary.txt", b"GIF89a\0\0\x01\x02");
    write(d, "empty.txt", b"");
    write(d, "blank.md", b"  \n\t\r\n \xc2\xa0 \n");
    write(
        d,
        "latin1.txt",
        b"Caf\xe9 Headline In Paris\n\nThe caf\xe9 owners met on Tuesday, residents said.\n",
    );
    let big = "word ".repeat(300_000);
    write(d, "big.txt", big.as_bytes());
    let out = parallax(&[
        "dump",
        "--format",
        "json",
        "--max-file-mib",
        "1",
        d.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().collect();
    assert_eq!(warnings.len(), 5, "{err}");
    assert!(err.contains("binary.txt: skipped: binary file"), "{err}");
    assert!(err.contains("empty.txt: skipped: empty"), "{err}");
    assert!(err.contains("blank.md: skipped: empty"), "{err}");
    assert!(err.contains("latin1.txt: invalid UTF-8"), "{err}");
    assert!(
        err.contains("big.txt: skipped") && err.contains("--max-file-mib"),
        "{err}"
    );
    let ids: Vec<String> = json(&out)["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["good", "latin1"]);
}

#[test]
fn unreadable_files_are_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", ARTICLE.as_bytes());
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, ARTICLE).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        eprintln!("skipped: running as root, permissions do not stop reads");
        return;
    }
    let out = parallax(&["dump", "--format", "json", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("locked.txt: skipped: permission denied"));
}

#[test]
fn every_file_skipped_is_an_error_after_the_warnings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"\n\n");
    let out = parallax(&["dump", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("empty.txt: skipped") && err.contains("no articles could be loaded"),
        "{err}"
    );
}

#[test]
fn duplicate_stems_get_distinct_ids_and_bom_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    write(&a, "story.txt", format!("\u{feff}{ARTICLE}").as_bytes());
    write(&b, "story.md", ARTICLE.as_bytes());
    let out = parallax(&[
        "dump",
        "--format",
        "json",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    let dump = json(&out);
    assert_eq!(dump["articles"][0]["id"], "story");
    assert_eq!(dump["articles"][1]["id"], "story-2");
    assert_eq!(dump["articles"][0]["title"], "A Headline About The Talks");
    assert_eq!(dump["articles"][0]["headline_span"]["start"], 0);
}

#[test]
fn odd_but_valid_text_loads_with_code_point_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Ein Titel über Gespräche\r\n\r\nالرئيس السوري أحمد الشرع وصل إلى موسكو. 習近平は北京にいる。\r\nCombining e\u{301}\u{301} marks and emoji 👩\u{200d}👩\u{200d}👧 here.\tTabs\u{a0}and\u{200b}zero-width.\rLone CR line ends here.\n";
    write(dir.path(), "odd.txt", text.as_bytes());
    let out = parallax(&[
        "dump",
        "--format",
        "json",
        dir.path().join("odd.txt").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dump = json(&out);
    let chars: Vec<char> = text.chars().collect();
    let sentences = dump["articles"][0]["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 4, "{sentences:?}");
    for s in sentences {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(
            slice.replace(['\t', '\r', '\n'], " "),
            s["text"].as_str().unwrap()
        );
    }
    assert_eq!(dump["articles"][0]["title"], "Ein Titel über Gespräche");
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let hostile = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/escapes.txt"
    );
    for format in ["text", "json"] {
        let out = parallax(&["dump", "--format", format, hostile]);
        assert!(out.status.success(), "{}", stderr(&out));
        let stdout = String::from_utf8(out.stdout.clone()).unwrap();
        let bad: Vec<char> = stdout
            .chars()
            .filter(|&c| c.is_control() && c != '\n')
            .collect();
        assert!(
            bad.is_empty(),
            "{format}: control characters {bad:?} in output"
        );
        assert!(
            !stdout.contains("\\u001b"),
            "{format}: escaped ESC would be decoded by a consumer"
        );
        assert!(stdout.contains('␛'), "{format}: placeholder shown");
    }
}

#[test]
fn parallax_toml_overrides_metadata_and_bad_ones_are_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.txt", ARTICLE.as_bytes());
    write(
        dir.path(),
        "parallax.toml",
        b"[\"story.txt\"]\noutlet = \"Mena Today\"\npublished = \"2026-01-28\"\nurl = \"https://example.com/a\"\n",
    );
    let out = parallax(&["dump", "--format", "json", dir.path().to_str().unwrap()]);
    let dump = json(&out);
    assert_eq!(dump["articles"][0]["outlet"], "Mena Today");
    assert_eq!(dump["articles"][0]["published"], "2026-01-28");
    assert_eq!(dump["articles"][0]["title"], "A Headline About The Talks");

    write(
        dir.path(),
        "parallax.toml",
        b"[\"story.txt\"]\nheadline = \"x\"\n",
    );
    let out = parallax(&["dump", "--format", "json", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("parallax.toml: line 2:") && err.contains("headline"),
        "{err}"
    );
}
