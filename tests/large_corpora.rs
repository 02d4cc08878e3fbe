//! Generated corpora, story grouping and the analysis cache, through the real binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("the binary runs")
}

fn generate(out: &Path, articles: usize, stories: usize, seed: u64, cache: &Path) {
    let (articles, stories, seed) = (articles.to_string(), stories.to_string(), seed.to_string());
    let out_arg = out.to_str().unwrap();
    let args = [
        "generate",
        "--articles",
        &articles,
        "--words",
        "150",
        "--stories",
        &stories,
        "--seed",
        &seed,
        "--out",
        out_arg,
    ];
    let run = parallax(&args, cache);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (PathBuf::from(p.file_name().unwrap()), fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn generate_writes_the_same_bytes_for_the_same_seed() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    generate(&a, 12, 3, 5, tmp.path());
    generate(&b, 12, 3, 5, tmp.path());
    generate(&c, 12, 3, 6, tmp.path());
    assert_eq!(files(&a).len(), 13, "12 articles and stories.json");
    assert_eq!(files(&a), files(&b));
    assert_ne!(files(&a), files(&c));
    let truth: serde_json::Value =
        serde_json::from_slice(&fs::read(a.join("stories.json")).unwrap()).unwrap();
    assert_eq!(truth["articles"].as_array().unwrap().len(), 12);
    assert_eq!(truth["stories"].as_array().unwrap().len(), 3);
}

#[test]
fn stories_groups_a_generated_corpus_and_agrees_with_the_truth() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    generate(&corpus, 40, 3, 7, tmp.path());
    let truth = corpus.join("stories.json");
    let out = parallax(
        &[
            "stories",
            corpus.to_str().unwrap(),
            "--format",
            "json",
            "--truth",
            truth.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = json["stories"].as_array().unwrap();
    let grouped: usize = stories
        .iter()
        .map(|s| s["articles"].as_array().unwrap().len())
        .sum();
    assert_eq!(grouped, 40);
    assert!(stories
        .iter()
        .all(|s| !s["label"].as_str().unwrap().is_empty()));
    assert!(
        json["agreement"]["purity"].as_f64().unwrap() >= 0.9,
        "{json}"
    );

    let text = parallax(&["stories", "--format", "text"], tmp.path());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("1 story in 5 articles"), "{text}");
}

/// Cache entries as (name, modification time).
fn entries(cache: &Path) -> Vec<(PathBuf, std::time::SystemTime)> {
    let mut found = Vec::new();
    for version in fs::read_dir(cache.join("parallax")).unwrap() {
        for entry in fs::read_dir(version.unwrap().path()).unwrap() {
            let entry = entry.unwrap();
            found.push((entry.path(), entry.metadata().unwrap().modified().unwrap()));
        }
    }
    found.sort();
    found
}

#[test]
fn dump_reads_the_cache_the_second_time_and_survives_a_corrupt_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let cache = tmp.path().join("cache");
    generate(&corpus, 10, 2, 8, tmp.path());
    let dump = |extra: &[&str]| {
        let mut args = vec!["dump", corpus.to_str().unwrap(), "--format", "json"];
        args.extend_from_slice(extra);
        let out = parallax(&args, &cache);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let cold = dump(&[]);
    let written = entries(&cache);
    assert!(written
        .iter()
        .all(|(p, _)| p.extension().is_some_and(|e| e == "pack")));
    // One entry per article, found by a later run.
    let stored = parallax::corpus::AnalysisCache::at(cache.join("parallax"));
    for file in fs::read_dir(&corpus).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = fs::read_to_string(&path).unwrap();
            let key = parallax::corpus::CacheKey::of(&text, parallax::corpus::CleanMode::Clean);
            assert!(stored.get(key).is_some(), "{path:?} stored");
        }
    }
    let warm = dump(&[]);
    assert_eq!(warm, cold);
    assert_eq!(entries(&cache), written, "a warm run writes nothing");

    fs::write(&written[0].0, b"not a cache entry").unwrap();
    assert_eq!(dump(&[]), cold, "a corrupt entry is recomputed");
    assert_eq!(dump(&["--no-cache"]), cold);
    let uncached = tmp.path().join("unused");
    let out = parallax(
        &[
            "dump",
            corpus.to_str().unwrap(),
            "--format",
            "json",
            "--no-cache",
        ],
        &uncached,
    );
    assert_eq!(out.stdout, cold);
    assert!(!uncached.exists(), "--no-cache writes nothing");
}
