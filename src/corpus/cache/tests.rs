use super::*;
use crate::corpus::seeds::SEEDS;

fn seed(i: usize) -> String {
    SEEDS[i].1.to_string()
}

fn load(cache: &AnalysisCache, source: String) -> (Article, Vec<RawMention>) {
    load_article_cached(cache, "a".into(), "a.txt".into(), source, CleanMode::Clean)
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn a_miss_analyses_and_stores_then_a_hit_gives_the_same_article() {
    let root = tempfile::tempdir().unwrap();
    let cache = AnalysisCache::at(root.path());
    let key = CacheKey::of(&seed(0), CleanMode::Clean);
    assert!(cache.get(key).is_none());
    let (cold, cold_mentions) = load(&cache, seed(0));
    assert!(!cold_mentions.is_empty());
    let stored = cache.get(key).expect("stored after the miss");
    assert_eq!(stored, CachedArticle::of(&cold, &cold_mentions));
    let (warm, warm_mentions) = load(&cache, seed(0));
    assert_eq!(warm_mentions, cold_mentions);
    assert_eq!(
        CachedArticle::of(&warm, &warm_mentions),
        CachedArticle::of(&cold, &cold_mentions)
    );
    assert_eq!(warm.chars.len_chars(), cold.chars.len_chars());
    assert_eq!(warm.source, cold.source);
}

#[test]
fn entries_are_written_whole_with_no_temporary_file_left() {
    let root = tempfile::tempdir().unwrap();
    let cache = AnalysisCache::at(root.path());
    load(&cache, seed(1));
    load(&cache, seed(2));
    let files = entries(cache.dir().unwrap());
    assert_eq!(files.len(), 2);
    assert!(files
        .iter()
        .all(|f| f.extension().is_some_and(|e| e == "bin")));
}

#[test]
fn a_corrupt_entry_is_recomputed_silently_and_rewritten() {
    let root = tempfile::tempdir().unwrap();
    let cache = AnalysisCache::at(root.path());
    let (article, mentions) = load(&cache, seed(0));
    let file = entries(cache.dir().unwrap()).remove(0);
    let sound = fs::read(&file).unwrap();
    let corruptions: Vec<Vec<u8>> = vec![
        b"garbage bytes, not an entry at all".to_vec(),
        Vec::new(),
        sound[..sound.len() / 2].to_vec(),
        {
            let mut flipped = sound.clone();
            let last = flipped.len() - 1;
            flipped[last] ^= 0x55;
            flipped
        },
    ];
    let key = CacheKey::of(&seed(0), CleanMode::Clean);
    for corrupt in corruptions {
        fs::write(&file, corrupt).unwrap();
        assert!(cache.get(key).is_none());
        let (again, again_mentions) = load(&cache, seed(0));
        assert_eq!(again_mentions, mentions);
        assert_eq!(again.sentences, article.sentences);
        assert_eq!(fs::read(&file).unwrap(), sound, "rewritten");
    }
}

#[test]
fn another_analyser_version_misses_and_replaces_the_old_folder() {
    let root = tempfile::tempdir().unwrap();
    let old = AnalysisCache::with_fingerprint(root.path(), 1);
    load(&old, seed(0));
    let key = CacheKey::of(&seed(0), CleanMode::Clean);
    assert!(old.get(key).is_some());
    let new = AnalysisCache::with_fingerprint(root.path(), 2);
    assert!(new.get(key).is_none());
    load(&new, seed(0));
    assert!(new.get(key).is_some());
    assert!(!old.dir().unwrap().exists(), "the stale folder is removed");
}

#[test]
fn a_stale_entry_with_the_wrong_fingerprint_inside_is_a_miss() {
    let root = tempfile::tempdir().unwrap();
    let one = AnalysisCache::with_fingerprint(root.path(), 1);
    let (article, mentions) = load(&one, seed(0));
    let key = CacheKey::of(&seed(0), CleanMode::Clean);
    let bytes = entry::encode(&CachedArticle::of(&article, &mentions), 2, key).unwrap();
    fs::write(entries(one.dir().unwrap()).remove(0), bytes).unwrap();
    assert!(one.get(key).is_none());
}

#[test]
fn the_key_covers_the_text_and_the_cleaning_mode() {
    let text = seed(0);
    let keep = CacheKey::of(&text, CleanMode::Keep);
    assert_ne!(CacheKey::of(&text, CleanMode::Clean), keep);
    assert_ne!(CacheKey::of(&seed(1), CleanMode::Keep), keep);
    assert_eq!(CacheKey::of(&text, CleanMode::Keep), keep);
}

#[test]
fn an_entry_that_does_not_fit_the_text_is_not_used() {
    let cache = AnalysisCache::disabled();
    let (article, mentions) = load(&cache, seed(0));
    let entry = CachedArticle::of(&article, &mentions);
    assert!(entry.fits(&seed(0)));
    assert!(!entry.fits(&seed(1)));
    assert!(!entry.fits("short"));
}

#[test]
fn a_cache_that_cannot_write_still_analyses() {
    let root = tempfile::tempdir().unwrap();
    let blocker = root.path().join("file");
    fs::write(&blocker, "not a folder").unwrap();
    let cache = AnalysisCache::at(&blocker);
    let (_, mentions) = load(&cache, seed(3));
    assert!(!mentions.is_empty());
    assert!(cache
        .get(CacheKey::of(&seed(3), CleanMode::Clean))
        .is_none());
}

#[test]
fn the_default_cache_is_a_parallax_folder() {
    // Read-only check of the path logic: no entry is written.
    let cache = AnalysisCache::open_default();
    if let Some(dir) = cache.dir() {
        assert!(dir.parent().unwrap().ends_with("parallax"));
    }
}
