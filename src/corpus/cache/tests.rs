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
fn entries_go_into_packs_with_no_temporary_file_left() {
    let root = tempfile::tempdir().unwrap();
    let cache = AnalysisCache::at(root.path());
    load(&cache, seed(1));
    load(&cache, seed(2));
    let files = entries(cache.dir().unwrap());
    assert!(!files.is_empty() && files.len() <= 2);
    assert!(files
        .iter()
        .all(|f| f.extension().is_some_and(|e| e == "pack")));
    // A new cache over the same folder (a later run) reads both back.
    let later = AnalysisCache::at(root.path());
    for i in [1, 2] {
        assert!(later
            .get(CacheKey::of(&seed(i), CleanMode::Clean))
            .is_some());
    }
}

#[test]
fn a_corrupt_entry_is_recomputed_silently_and_stored_again() {
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
        fs::write(&file, &corrupt).unwrap();
        assert!(cache.get(key).is_none());
        assert!(AnalysisCache::at(root.path()).get(key).is_none());
        let (again, again_mentions) = load(&cache, seed(0));
        assert_eq!(again_mentions, mentions);
        assert_eq!(again.sentences, article.sentences);
        // Stored again after the damage, and found there by this cache and a new one.
        let pack = fs::read(&file).unwrap();
        assert_eq!(pack.len(), corrupt.len() + sound.len());
        assert_eq!(&pack[corrupt.len()..], &sound[..]);
        assert!(cache.get(key).is_some());
        assert!(AnalysisCache::at(root.path()).get(key).is_some());
    }
}

#[test]
fn damage_inside_a_pack_costs_only_the_entries_it_touches() {
    let root = tempfile::tempdir().unwrap();
    let cache = AnalysisCache::at(root.path());
    // Entries for made-up keys in one pack (the first byte picks the pack).
    let key = |i: u128| CacheKey((0xab << 120) | i);
    let (article, mentions) = load(&AnalysisCache::disabled(), seed(0));
    let value = CachedArticle::of(&article, &mentions);
    for i in 0..6 {
        cache.put(key(i), &value);
    }
    let file = cache.dir().unwrap().join("ab.pack");
    let mut bytes = fs::read(&file).unwrap();
    // Six entries of one length (the same value).
    let one = bytes.len() / 6;
    // A byte flipped in the fifth entry's payload, and the third cut short as by a torn write.
    bytes[4 * one + 100] ^= 0xff;
    bytes.drain(2 * one + one / 2..3 * one);
    fs::write(&file, &bytes).unwrap();
    let later = AnalysisCache::at(root.path());
    let found: Vec<bool> = (0..6).map(|i| later.get(key(i)).is_some()).collect();
    assert_eq!(found, [true, true, false, true, false, true]);
    assert_eq!(later.get(key(5)), Some(value));
}

#[test]
fn writers_on_two_threads_lose_nothing() {
    let root = tempfile::tempdir().unwrap();
    let cache = AnalysisCache::at(root.path());
    let (article, mentions) = load(&AnalysisCache::disabled(), seed(4));
    let value = CachedArticle::of(&article, &mentions);
    let key = |i: u128| CacheKey(i.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835));
    std::thread::scope(|scope| {
        for half in 0..2u128 {
            let (cache, value) = (&cache, &value);
            scope.spawn(move || {
                for i in (0..600).filter(|i| i % 2 == half) {
                    cache.put(key(i), value);
                }
            });
        }
    });
    let later = AnalysisCache::at(root.path());
    assert!((0..600).all(|i| later.get(key(i)).as_ref() == Some(&value)));
    assert!((0..600).all(|i| cache.get(key(i)).is_some()));
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
