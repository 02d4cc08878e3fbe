//! `parallax compare`, `map` and `coverage` through the real binary: JSON shape, indices that
//! match `parallax dump`, the text forms, and the one-line error for a bad article id.

use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("prints JSON")
}

fn sentence_counts() -> Vec<(String, usize)> {
    let dump = json(&parallax(&["dump", "--format", "json"]));
    dump["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                a["sentences"].as_array().unwrap().len(),
            )
        })
        .collect()
}

#[test]
fn compare_json_has_the_documented_shape_and_dump_indices() {
    let doc = json(&parallax(&["compare", "000", "001", "--format", "json"]));
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["left"], "000_e177be1acd7e491d");
    assert_eq!(doc["right"], "001_324305b4babd908a");
    assert_eq!(doc["near_duplicate"], false);
    assert!(doc["shared_share"].is_number());
    let counts = sentence_counts();
    let (left_len, right_len) = (counts[0].1, counts[1].1);
    let pairs = doc["pairs"].as_array().unwrap();
    assert!(pairs.len() >= 5);
    let kinds = ["near-identical", "paraphrase", "partial-overlap"];
    let mut linked_left = std::collections::BTreeSet::new();
    for pair in pairs {
        let i = pair["left"][0].as_u64().unwrap() as usize;
        assert!(i < left_len);
        linked_left.insert(i);
        assert!((pair["right"][0].as_u64().unwrap() as usize) < right_len);
        assert!(pair["score"].as_f64().unwrap() > 0.0);
        assert!(kinds.contains(&pair["kind"].as_str().unwrap()));
        assert!(pair["primary"].is_boolean());
        assert!(pair["discrepancies"].is_array());
    }
    // Every left sentence is linked or left-only, never both.
    let left_only: Vec<usize> = doc["left_only"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    for i in 0..left_len {
        assert!(
            linked_left.contains(&i) != left_only.contains(&i),
            "sentence {i}"
        );
    }
    assert!(doc["right_only"].is_array());
}

#[test]
fn compare_flags_fourteen_years_against_more_than_a_decade() {
    let doc = json(&parallax(&["compare", "001", "004", "--format", "json"]));
    let found = doc["pairs"].as_array().unwrap().iter().any(|p| {
        p["discrepancies"].as_array().unwrap().iter().any(|d| {
            d["left"] == "14-year" && d["right"] == "more than a decade" && d["kind"] == "quantity"
        })
    });
    assert!(found, "{doc:#}");
}

#[test]
fn compare_text_is_a_readable_report() {
    let out = parallax(&["compare", "000", "004", "--format", "text"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("L  000_e177be1acd7e491d"));
    assert!(text.contains("R  004_34d353faf6834925"));
    assert!(text.contains("Qamishli"));
    assert!(text.contains("(only in L)"));
}

#[test]
fn compare_takes_paths_of_files_outside_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let text = "Talks In Moscow\n\nA Dek Line For The Story\n\n\
        Russia withdrew its forces from the Qamishli airport this week, officials said.\n\
        The Kremlin said the talks would focus on bilateral relations and the Middle East.\n\
        The former president has been living in Russia since his removal from office.\n\
        Both sides accuse each other of violations, while sporadic clashes continue.\n\
        The ceasefire was extended by 15 days on Saturday.\n";
    std::fs::write(&a, text).unwrap();
    std::fs::write(&b, text.replace("15 days", "20 days")).unwrap();
    let doc = json(&parallax(&[
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert_eq!(doc["left"], "a");
    assert_eq!(doc["right"], "b");
    assert_eq!(doc["near_duplicate"], true, "{doc:#}");
    let flagged = doc["pairs"].as_array().unwrap().iter().any(|p| {
        p["discrepancies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["left"] == "15 days" && d["right"] == "20 days")
    });
    assert!(flagged, "{doc:#}");
}

#[test]
fn unknown_or_ambiguous_ids_name_the_candidates_and_exit_2() {
    for (id, word) in [("00", "ambiguous"), ("nope", "no article")] {
        let out = parallax(&["compare", id, "004", "--format", "json"]);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(word) && err.contains(id), "{err}");
        assert!(err.contains("000_e177be1acd7e491d"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn map_json_groups_sentences_into_facts() {
    let doc = json(&parallax(&["map", "--format", "json"]));
    assert_eq!(doc["version"], 1);
    let counts = sentence_counts();
    let facts = doc["facts"].as_array().unwrap();
    assert!(facts.len() > 10);
    for fact in facts {
        assert!(fact["text"].as_str().is_some_and(|t| !t.is_empty()));
        for m in fact["members"].as_array().unwrap() {
            let id = m["article"].as_str().unwrap();
            let (_, len) = counts.iter().find(|(a, _)| a == id).expect("known article");
            assert!((m["sentence"].as_u64().unwrap() as usize) < *len);
        }
    }
    // Sorted by consensus: the first fact is reported by all five sources.
    assert_eq!(facts[0]["sources"], 5);
}

#[test]
fn map_text_marks_each_source_per_fact() {
    let out = parallax(&["map", "--format", "text"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let fact_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with('●') || l.starts_with('○'))
        .collect();
    assert!(fact_lines[0].starts_with("●●●●●"));
    assert!(fact_lines
        .iter()
        .all(|l| l.chars().take(5).all(|c| c == '●' || c == '○')));
}

#[test]
fn coverage_json_counts_entities_per_source() {
    let doc = json(&parallax(&["coverage", "--format", "json"]));
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["sources"].as_array().unwrap().len(), 5);
    let entities = doc["entities"].as_array().unwrap();
    let qamishli = entities
        .iter()
        .find(|e| e["name"] == "Qamishli")
        .expect("Qamishli");
    assert_eq!(qamishli["type"], "PLACE");
    let counts: Vec<u64> = qamishli["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_u64().unwrap())
        .collect();
    assert_eq!(counts.len(), 5);
    assert_eq!(
        counts.iter().sum::<u64>(),
        qamishli["total"].as_u64().unwrap()
    );
    assert!(counts.iter().all(|&c| c > 0));
}
