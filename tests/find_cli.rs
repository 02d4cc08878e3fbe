//! `parallax find` through the real binary: ranking, kinds, offsets, annotations read from the
//! store, and bad input.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with its annotation store (for the seeds) in an empty temporary folder.
fn parallax(args: &[&str], data_home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_DATA_HOME", data_home)
        .output()
        .expect("the binary runs")
}

fn find_json(args: &[&str]) -> serde_json::Value {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(args, home.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("find prints JSON")
}

fn results(value: &serde_json::Value) -> &Vec<serde_json::Value> {
    value["results"].as_array().unwrap()
}

#[test]
fn nat_her_puts_the_national_herald_source_first() {
    let found = find_json(&["find", "nat her", "--format", "json"]);
    assert_eq!(found["version"], 1);
    assert_eq!(found["query"], "nat her");
    let first = &results(&found)[0];
    assert_eq!(first["kind"], "source");
    assert_eq!(first["article"], "004_34d353faf6834925");
    assert!(first["start"].is_null() && first["end"].is_null());
    let text: Vec<char> = first["text"].as_str().unwrap().chars().collect();
    let matched: String = first["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| text[p.as_u64().unwrap() as usize])
        .collect();
    assert_eq!(matched, "NatHer");
}

#[test]
fn an_alias_query_returns_the_hmeimim_entity() {
    let found = find_json(&["find", "#khmeim", "--format", "json"]);
    let first = &results(&found)[0];
    assert_eq!(first["kind"], "entity");
    assert_eq!(first["entity"], "hmeimim");
    assert!(first["text"].as_str().unwrap().starts_with("Hmeimim"));
    assert!(first["article"].is_null());
    assert!(results(&found).iter().all(|r| r["kind"] == "entity"));
}

#[test]
fn sentence_offsets_are_code_points_into_the_source() {
    let found = find_json(&[
        "find",
        "tartous naval",
        "--kind",
        "sentence",
        "--limit",
        "3",
        "--format",
        "json",
    ]);
    let hits = results(&found);
    assert!(!hits.is_empty() && hits.len() <= 3);
    for hit in hits {
        assert_eq!(hit["kind"], "sentence");
        let id = hit["article"].as_str().unwrap();
        let source = fs::read_to_string(format!("seeds/{id}.txt")).unwrap();
        let chars: Vec<char> = source.chars().collect();
        let (start, end) = (
            hit["start"].as_u64().unwrap() as usize,
            hit["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, hit["text"].as_str().unwrap());
    }
}

#[test]
fn annotations_are_read_from_the_store_without_writing_it() {
    let dir = tempfile::tempdir().unwrap();
    let article =
        "Moscow Talks Headline Here\n\nThe Hmeimim air base stays, officials said on Wednesday.\n";
    fs::write(dir.path().join("a.txt"), article).unwrap();
    fs::create_dir(dir.path().join(".parallax")).unwrap();
    let store = serde_json::json!({
        "version": 1,
        "annotations": [{
            "id": "ann-1", "article": "a", "source_hash": "", "start": 32, "end": 39,
            "quote": {"exact": "Hmeimim", "prefix": "The ", "suffix": " air base"},
            "label": "claim", "note": "Check the numbers",
            "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"
        }]
    });
    let store_path = dir.path().join(".parallax/annotations.json");
    let stored = serde_json::to_string_pretty(&store).unwrap();
    fs::write(&store_path, &stored).unwrap();
    let path = dir.path().to_str().unwrap();
    let found = find_json(&["find", "!numbers", path, "--format", "json"]);
    let first = &results(&found)[0];
    assert_eq!(first["kind"], "annotation");
    assert_eq!(first["annotation"], "ann-1");
    assert_eq!(first["article"], "a");
    assert_eq!(
        (first["start"].as_u64(), first["end"].as_u64()),
        (Some(32), Some(39))
    );
    assert_eq!(fs::read_to_string(&store_path).unwrap(), stored);
}

#[test]
fn text_output_has_one_line_per_result() {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(
        &["find", "putin", "--limit", "4", "--format", "text"],
        home.path(),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 4, "{text}");
    let none = parallax(&["find", "zzzqqq", "--format", "text"], home.path());
    assert_eq!(String::from_utf8(none.stdout).unwrap(), "no match\n");
}

#[test]
fn a_missing_path_is_an_error() {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(&["find", "x", "/no/such/folder"], home.path());
    assert_eq!(out.status.code(), Some(2));
}
