//! The whole-corpus analysis cache: opening a corpus again reads its analysis back (the same
//! analysis), a changed article or a changed correction misses, a damaged entry is recomputed
//! silently, and only the few newest entries are kept.

use parallax::analysis::{CorpusAnalysis, EntityCorrections};
use parallax::app::analyse;
use parallax::corpus::{AnalysisCache, Corpus, CorpusKey};
use parallax::generate::{generate_corpus, GeneratorConfig};
use std::fs;
use std::path::{Path, PathBuf};

fn corpus(seed: u64) -> Corpus {
    generate_corpus(&GeneratorConfig {
        articles: 24,
        mean_words: 150,
        stories: 3,
        seed,
    })
    .to_corpus()
}

fn run(corpus: &Corpus, cache: &AnalysisCache, corrections: &EntityCorrections) -> CorpusAnalysis {
    analyse(corpus, corrections, 0, cache, |_| {})
}

fn corpus_entries(cache: &AnalysisCache) -> Vec<PathBuf> {
    let dir = cache.dir().unwrap().join("corpus");
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

/// What a person sees of an analysis: entities, stories, near-duplicates, sentence terms.
fn summary(a: &CorpusAnalysis, corpus: &Corpus) -> String {
    let entities: Vec<(&str, usize)> = a
        .entities
        .index
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.mentions))
        .collect();
    let stories: Vec<(&[usize], &str)> = a
        .stories
        .stories
        .iter()
        .map(|s| (s.articles.as_slice(), s.label.as_str()))
        .collect();
    let story_of: Vec<Option<usize>> = (0..corpus.articles.len()).map(|i| a.story_of(i)).collect();
    let terms: Vec<(usize, Vec<u32>, f32)> = a
        .terms
        .articles
        .iter()
        .flatten()
        .map(|s| (s.span.start, s.terms.clone(), s.weight))
        .collect();
    format!(
        "{entities:?}\n{stories:?}\n{story_of:?}\n{:?}\n{terms:?}\n{:?}",
        a.near_duplicates,
        a.story_map(0).facts.len()
    )
}

fn fresh_cache() -> (tempfile::TempDir, AnalysisCache) {
    let root = tempfile::tempdir().unwrap();
    let cache = AnalysisCache::at(root.path());
    (root, cache)
}

#[test]
fn the_second_opening_reads_the_same_analysis_back() {
    let (_root, cache) = fresh_cache();
    let corpus = corpus(1);
    let none = EntityCorrections::default();
    let cold = run(&corpus, &cache, &none);
    assert_eq!(corpus_entries(&cache).len(), 1, "one entry written");
    let key = CorpusKey::of(&corpus, &format!("{none:?}")).unwrap();
    assert!(cache
        .get_corpus::<parallax::analysis::corpus_analysis::Cached>(key)
        .is_some());
    let warm = run(&corpus, &cache, &none);
    assert_eq!(summary(&warm, &corpus), summary(&cold, &corpus));
    // And the same as with no cache at all.
    let plain = run(&corpus, &AnalysisCache::disabled(), &none);
    assert_eq!(summary(&plain, &corpus), summary(&cold, &corpus));
}

#[test]
fn a_changed_article_or_correction_is_a_new_key() {
    let corpus_a = corpus(1);
    let mut corpus_b = corpus(1);
    corpus_b.articles[3].source.push_str("\nOne more line.\n");
    let none = EntityCorrections::default();
    let key = |c: &Corpus, e: &EntityCorrections| CorpusKey::of(c, &format!("{e:?}")).unwrap();
    assert_ne!(key(&corpus_a, &none), key(&corpus_b, &none));
    let corrected = EntityCorrections {
        overrides: vec![],
        additions: vec![(
            "Qamishli".into(),
            parallax::analysis::entity_kind::EntityKind::Place,
        )],
    };
    assert_ne!(key(&corpus_a, &none), key(&corpus_a, &corrected));
    let mut renamed = corpus(1);
    renamed.articles[0].id.push('x');
    assert_ne!(key(&corpus_a, &none), key(&renamed, &none));
}

#[test]
fn a_damaged_entry_is_recomputed_silently_and_rewritten() {
    let (_root, cache) = fresh_cache();
    let corpus = corpus(2);
    let none = EntityCorrections::default();
    let cold = run(&corpus, &cache, &none);
    let entry = corpus_entries(&cache).remove(0);
    let sound = fs::read(&entry).unwrap();
    let mut flipped = sound.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x5a;
    for damaged in [
        sound[..sound.len() / 3].to_vec(),
        flipped,
        b"not a cache entry".to_vec(),
        Vec::new(),
    ] {
        fs::write(&entry, &damaged).unwrap();
        let again = run(&corpus, &cache, &none);
        assert_eq!(summary(&again, &corpus), summary(&cold, &corpus));
        assert_eq!(fs::read(&entry).unwrap(), sound, "rewritten whole");
    }
}

#[test]
fn only_the_newest_few_entries_are_kept() {
    let (_root, cache) = fresh_cache();
    let none = EntityCorrections::default();
    let mut newest: Vec<PathBuf> = Vec::new();
    for seed in 1..=6 {
        let corpus = corpus(seed);
        run(&corpus, &cache, &none);
        let key = CorpusKey::of(&corpus, &format!("{none:?}")).unwrap();
        newest.push(path_of(&cache, key));
        // Modification times need to differ for "newest" to mean anything.
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kept = corpus_entries(&cache);
    assert_eq!(kept.len(), 4, "{kept:?}");
    for path in &newest[2..] {
        assert!(kept.contains(path), "{path:?} kept");
    }
}

fn path_of(cache: &AnalysisCache, key: CorpusKey) -> PathBuf {
    Path::new(cache.dir().unwrap())
        .join("corpus")
        .join(format!("{:032x}.bin", key.0))
}
