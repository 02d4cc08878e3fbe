//! `parallax annotations list|export|import` through the real binary: where the file goes, the
//! one-line report, re-anchoring after the articles change, and refusals.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str =
    "Talks In Moscow\n\nThe talks in Moscow lasted three hours on Wednesday, officials said. \
Kremlin spokesman Dmitry Peskov said the discussions were constructive and would continue.\n";

fn parallax(args: &[&str], data_home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("XDG_DATA_HOME", data_home)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A W3C file from another tool: two usable items (one by file name, one by relative path)
/// and one whose source is not in the corpus.
fn foreign_w3c() -> &'static str {
    r#"{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "type": "AnnotationCollection",
  "first": {"type": "AnnotationPage", "items": [
    {"id": "https://example.org/anno/1", "type": "Annotation",
     "created": "2026-01-27T10:00:00Z", "modified": "2026-01-27T10:00:00Z",
     "body": [{"type": "TextualBody", "purpose": "tagging", "value": "person"},
              {"type": "TextualBody", "purpose": "commenting", "value": "The spokesman"}],
     "target": {"source": "talks.txt", "selector": [
        {"type": "TextQuoteSelector", "exact": "Dmitry Peskov", "prefix": "Kremlin spokesman ", "suffix": " said"},
        {"type": "TextPositionSelector", "start": 104, "end": 117}]}},
    {"id": "https://example.org/anno/2", "type": "Annotation",
     "body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
     "target": {"source": "./talks.txt", "selector":
        {"type": "TextQuoteSelector", "exact": "the discussions were constructive"}}},
    {"id": "https://example.org/anno/3", "type": "Annotation",
     "target": {"source": "other.txt", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}
  ]}
}"#
}

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("corpus")).unwrap();
        fs::write(dir.path().join("corpus/talks.txt"), ARTICLE).unwrap();
        fs::write(dir.path().join("foreign.jsonld"), foreign_w3c()).unwrap();
        Setup { dir }
    }

    fn path(&self, rel: &str) -> String {
        self.dir.path().join(rel).to_string_lossy().into_owned()
    }

    fn run(&self, args: &[&str]) -> Output {
        parallax(args, &self.dir.path().join("data"))
    }

    fn list(&self) -> serde_json::Value {
        let out = self.run(&[
            "annotations",
            "list",
            &self.path("corpus"),
            "--format",
            "json",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn import_reports_one_line_and_saves_in_the_corpus_folder() {
    let s = Setup::new();
    let out = s.run(&[
        "annotations",
        "import",
        &s.path("foreign.jsonld"),
        &s.path("corpus"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    assert_eq!(report.lines().count(), 1, "{report}");
    assert!(
        report.starts_with("2 imported, 0 updated, 0 orphaned, 1 skipped"),
        "{report}"
    );
    assert!(stderr(&out).contains("other.txt"), "{}", stderr(&out));
    let file = s.dir.path().join("corpus/.parallax/annotations.json");
    let stored: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(stored["version"], 1);
    let list = s.list();
    let rows = list["annotations"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let peskov = &rows[0];
    assert_eq!(peskov["id"], "https://example.org/anno/1");
    assert_eq!(peskov["status"], "anchored");
    assert_eq!(peskov["quote"], "Dmitry Peskov");
    assert_eq!(
        (peskov["start"].as_u64(), peskov["end"].as_u64()),
        (Some(104), Some(117))
    );
    assert_eq!(peskov["label"], "person");
    assert_eq!(peskov["note"], "The spokesman");
    // Importing again changes nothing.
    let again = s.run(&[
        "annotations",
        "import",
        &s.path("foreign.jsonld"),
        &s.path("corpus"),
    ]);
    assert!(
        stdout(&again).starts_with("0 imported, 0 updated, 0 orphaned, 1 skipped (2 unchanged)")
    );
}

#[test]
fn list_follows_edits_of_the_articles_and_keeps_orphans() {
    let s = Setup::new();
    s.run(&[
        "annotations",
        "import",
        &s.path("foreign.jsonld"),
        &s.path("corpus"),
    ]);
    let edited = ARTICLE
        .replace(
            "Talks In Moscow\n",
            "Talks In Moscow\nUpdated: a correction was made.\n",
        )
        .replace(
            "the discussions were constructive and would continue",
            "talks would continue",
        );
    fs::write(s.dir.path().join("corpus/talks.txt"), &edited).unwrap();
    let list = s.list();
    let rows = list["annotations"].as_array().unwrap();
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    let moved = by_id("https://example.org/anno/1");
    assert_eq!(moved["status"], "reanchored");
    assert_eq!(moved["start"], 104 + 32);
    let gone = by_id("https://example.org/anno/2");
    assert_eq!(gone["status"], "orphaned");
    assert!(gone["start"].is_null() && gone["end"].is_null());
    assert_eq!(gone["quote"], "the discussions were constructive");
    // The text form marks the orphan.
    let out = s.run(&["annotations", "list", &s.path("corpus"), "--format", "text"]);
    assert!(stdout(&out).contains("✗ orphaned"), "{}", stdout(&out));
}

#[test]
fn w3c_export_imports_back_into_an_empty_file_identically() {
    let s = Setup::new();
    s.run(&[
        "annotations",
        "import",
        &s.path("foreign.jsonld"),
        &s.path("corpus"),
    ]);
    let exported = s.run(&[
        "annotations",
        "export",
        &s.path("corpus"),
        "--format",
        "w3c",
    ]);
    assert!(exported.status.success());
    fs::write(s.dir.path().join("export.jsonld"), &exported.stdout).unwrap();
    let other = s.path("other.json");
    let out = s.run(&[
        "annotations",
        "import",
        &s.path("export.jsonld"),
        &s.path("corpus"),
        "--annotations",
        &other,
    ]);
    assert!(
        stdout(&out).starts_with("2 imported, 0 updated, 0 orphaned, 0 skipped"),
        "{}",
        stdout(&out)
    );
    let original =
        fs::read_to_string(s.dir.path().join("corpus/.parallax/annotations.json")).unwrap();
    assert_eq!(fs::read_to_string(&other).unwrap(), original);
}

#[test]
fn brat_needs_a_folder_and_writes_ann_and_txt_files() {
    let s = Setup::new();
    s.run(&[
        "annotations",
        "import",
        &s.path("foreign.jsonld"),
        &s.path("corpus"),
    ]);
    let out = s.run(&[
        "annotations",
        "export",
        &s.path("corpus"),
        "--format",
        "brat",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("--out DIR"));
    let brat = s.path("brat");
    let out = s.run(&[
        "annotations",
        "export",
        &s.path("corpus"),
        "--format",
        "brat",
        "--out",
        &brat,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(s.dir.path().join("brat/talks.txt")).unwrap(),
        ARTICLE
    );
    let ann = fs::read_to_string(s.dir.path().join("brat/talks.ann")).unwrap();
    assert!(ann.contains("T1\tperson 104 117\tDmitry Peskov\n"), "{ann}");
    assert!(
        ann.contains("\tAnnotatorNotes T1\tThe spokesman\n"),
        "{ann}"
    );
}

#[test]
fn csv_and_markdown_go_to_stdout_or_a_file() {
    let s = Setup::new();
    s.run(&[
        "annotations",
        "import",
        &s.path("foreign.jsonld"),
        &s.path("corpus"),
    ]);
    let out = s.run(&[
        "annotations",
        "export",
        &s.path("corpus"),
        "--format",
        "csv",
    ]);
    assert!(stdout(&out).starts_with("id,article,source,status,start,end,label,quote,note,"));
    let md = s.path("report.md");
    let out = s.run(&[
        "annotations",
        "export",
        &s.path("corpus"),
        "--format",
        "markdown",
        "--out",
        &md,
    ]);
    assert!(out.status.success() && out.stdout.is_empty());
    assert!(fs::read_to_string(&md)
        .unwrap()
        .contains("## Talks In Moscow"));
}

#[test]
fn a_corrupt_annotations_file_is_reported_and_left_alone() {
    let s = Setup::new();
    fs::create_dir(s.dir.path().join("corpus/.parallax")).unwrap();
    let file = s.dir.path().join("corpus/.parallax/annotations.json");
    fs::write(&file, "{\"version\": 1,\n\"annotations\": [,]}").unwrap();
    for args in [
        vec!["annotations", "list"],
        vec!["annotations", "import", "FOREIGN"],
    ] {
        let mut args: Vec<String> = args.into_iter().map(str::to_string).collect();
        if args.len() == 3 {
            args[2] = s.path("foreign.jsonld");
        }
        args.push(s.path("corpus"));
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = s.run(&refs);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("annotations.json") && err.contains("line 2, column 17"),
            "{err}"
        );
    }
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "{\"version\": 1,\n\"annotations\": [,]}"
    );
}

#[test]
fn the_seeds_keep_their_annotations_in_the_data_folder() {
    let s = Setup::new();
    let w3c = r#"{"type": "Annotation", "target": {"source": "seeds/000_e177be1acd7e491d.txt",
        "selector": {"type": "TextQuoteSelector", "exact": "Vladimir Putin"}}}"#;
    fs::write(s.dir.path().join("seed.json"), w3c).unwrap();
    let out = s.run(&["annotations", "import", &s.path("seed.json")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("(built-in seeds)"),
        "{}",
        stdout(&out)
    );
    assert!(s
        .dir
        .path()
        .join("data/parallax/annotations/seeds.json")
        .exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_corpus_folder_keeps_its_annotations_in_the_data_folder() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipped: running as root, and permission bits do not stop root");
        return;
    }
    let s = Setup::new();
    let corpus = s.dir.path().join("corpus");
    fs::set_permissions(&corpus, fs::Permissions::from_mode(0o555)).unwrap();
    let out = s.run(&[
        "annotations",
        "import",
        &s.path("foreign.jsonld"),
        &s.path("corpus"),
    ]);
    fs::set_permissions(&corpus, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("is not writable"), "{}", stdout(&out));
    assert!(!corpus.join(".parallax").exists());
}
