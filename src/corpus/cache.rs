//! The on-disk analysis cache: what is expensive to recompute for an article (its cleaned
//! structure and the recogniser's mentions), keyed by a hash of its text and of the analyser
//! (`ANALYSER_VERSION`, the recogniser's weights, the compiled-in lists). Best-effort: a
//! missing, corrupt or stale entry is a miss and is recomputed; no I/O error ever reaches the
//! caller. The only code that reads or writes the cache folder.
//!
//! Layout: `<root>/<analyser fingerprint, 16 hex>/<first byte of the text hash, 2 hex>.pack`,
//! where `<root>` is `$XDG_CACHE_HOME/parallax` (else `~/.cache/parallax`). A new analyser
//! writes into a new folder and removes the folders of other fingerprints. Each pack is a run of
//! entries (`pack.rs`), each a small header (magic, format, fingerprint, key, length, checksum)
//! and the postcard-encoded `CachedArticle`.
//! Beside them, `corpus/<corpus key, 32 hex>.bin` hold whole corpora's analyses
//! (`corpus_entry.rs`), the few most recent only.

mod cached_article;
mod corpus_entry;
mod entry;
mod fingerprint;
mod pack;

pub use cached_article::CachedArticle;
pub use corpus_entry::CorpusKey;
pub use fingerprint::analyser_fingerprint;

use super::article::Article;
use super::clean::CleanMode;
use crate::analysis::corpus_entities::recognize_article;
use crate::analysis::ner::RawMention;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Bump when cleaning, sentence splitting or recognition change what they produce for the same
/// text (the recogniser's weights and the compiled-in word lists are hashed in anyway), or when
/// the folder's layout changes, so that the old folder is removed (3: entries in packs).
pub const ANALYSER_VERSION: u32 = 3;

/// The hash of an article's text and the cleaning mode: what an entry is looked up by. The
/// text is the file's bytes as decoded (for a valid UTF-8 file without a BOM, the file's bytes).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct CacheKey(pub u128);

impl CacheKey {
    pub fn of(source: &str, mode: CleanMode) -> CacheKey {
        let seed = match mode {
            CleanMode::Clean => 0,
            CleanMode::Keep => 1,
        };
        CacheKey(xxhash_rust::xxh3::xxh3_128_with_seed(
            source.as_bytes(),
            seed,
        ))
    }
}

/// A folder of cached analyses for one analyser fingerprint, or nothing (disabled). Clones
/// share what has been read of the folder.
#[derive(Clone, Debug)]
pub struct AnalysisCache {
    /// The folder of this fingerprint's entries; `None` when the cache is off.
    dir: Option<PathBuf>,
    fingerprint: u64,
    packs: Arc<pack::Packs>,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl AnalysisCache {
    /// `$XDG_CACHE_HOME/parallax` (an absolute value only), else `~/.cache/parallax`; off when
    /// neither is known.
    pub fn open_default() -> AnalysisCache {
        let xdg = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute());
        let home = std::env::var_os("HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute());
        match xdg.or_else(|| home.map(|h| h.join(".cache"))) {
            Some(base) => AnalysisCache::at(base.join("parallax")),
            None => AnalysisCache::disabled(),
        }
    }

    /// A cache under `root` (created on the first write).
    pub fn at(root: impl Into<PathBuf>) -> AnalysisCache {
        AnalysisCache::with_fingerprint(root, analyser_fingerprint())
    }

    /// A cache under `root` for an analyser with this fingerprint (tests: a version change).
    pub fn with_fingerprint(root: impl Into<PathBuf>, fingerprint: u64) -> AnalysisCache {
        AnalysisCache {
            dir: Some(root.into().join(format!("{fingerprint:016x}"))),
            fingerprint,
            packs: Default::default(),
        }
    }

    /// A cache that never hits and never writes.
    pub fn disabled() -> AnalysisCache {
        AnalysisCache {
            dir: None,
            fingerprint: analyser_fingerprint(),
            packs: Default::default(),
        }
    }

    /// The folder entries are kept in, if the cache is on.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The entry for a key, if there is a sound one.
    pub fn get(&self, key: CacheKey) -> Option<CachedArticle> {
        let bytes = self.packs.read(self.dir.as_ref()?, key, self.fingerprint)?;
        entry::decode(&bytes, self.fingerprint, key)
    }

    /// Stores an entry, appended whole to its pack (a torn write is a miss, recomputed next
    /// time). Failures are ignored.
    pub fn put(&self, key: CacheKey, article: &CachedArticle) {
        let Some(dir) = self.dir.as_ref() else {
            return;
        };
        let Some(bytes) = entry::encode(article, self.fingerprint, key) else {
            return;
        };
        if self.prepare(dir) {
            let _ = self.packs.append(dir, key, &bytes);
        }
    }

    /// Makes `dir` (this fingerprint's folder or one inside it) if needed; the first time the
    /// fingerprint's folder is made, the folders of other fingerprints go. False when it
    /// cannot be made.
    fn prepare(&self, dir: &Path) -> bool {
        let fresh = self.dir.as_ref().is_some_and(|own| !own.is_dir());
        if fs::create_dir_all(dir).is_err() {
            return false;
        }
        if let (true, Some(own)) = (fresh, &self.dir) {
            remove_other_fingerprints(own);
        }
        true
    }
}

/// Writes to a temporary file in `dir`, then renames it over `path`, so a reader sees the old
/// file or the new one, never half of one. Failures are ignored: the cache is best-effort.
fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) {
    let temp = dir.join(format!(
        ".tmp-{}-{}",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed),
    ));
    let written = fs::File::create(&temp).and_then(|mut f| f.write_all(bytes));
    if written.is_err() || fs::rename(&temp, path).is_err() {
        let _ = fs::remove_file(&temp);
    }
}

/// Entries of older (or other) analysers will never be read again by this one: the first time
/// a fingerprint's folder is made, its siblings named like fingerprints go.
fn remove_other_fingerprints(dir: &Path) {
    let (Some(root), Some(own)) = (dir.parent(), dir.file_name()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let looks_like_fingerprint = name.len() == 16
            && name
                .to_str()
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_hexdigit()));
        if name != own && looks_like_fingerprint && entry.path().is_dir() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// An article and its recognised mentions: from the cache when it has a sound entry for this
/// text, else cleaned and recognised now (and stored).
pub fn load_article_cached(
    cache: &AnalysisCache,
    id: String,
    path: String,
    source: String,
    mode: CleanMode,
) -> (Article, Vec<RawMention>) {
    let (article, mentions, _) = analyse_cached(cache, id, path, source, mode);
    (article, mentions)
}

/// The recogniser's mentions of an article already loaded: from the cache when it has a sound
/// entry for this text, else recognised now (and stored with the article's structure).
pub fn mentions_cached(
    cache: &AnalysisCache,
    article: &Article,
    mode: CleanMode,
) -> Vec<RawMention> {
    let key = CacheKey::of(&article.source, mode);
    if let Some(entry) = cache.get(key) {
        if entry.fits(&article.source) {
            return entry.mentions;
        }
    }
    let mentions = recognize_article(article);
    cache.put(key, &CachedArticle::of(article, &mentions));
    mentions
}

/// An article's structure (lines, metadata, sentences) from the cache when it has a sound
/// entry for this text, else cleaned now. Recognition is left for later: the reader loads with
/// this so its first articles show before anything is recognised.
pub fn article_cached(
    cache: &AnalysisCache,
    id: String,
    path: String,
    source: String,
    mode: CleanMode,
) -> Article {
    let key = CacheKey::of(&source, mode);
    match cache.get(key) {
        Some(entry) if entry.fits(&source) => entry.into_article(id, path, source).0,
        _ => Article::new(id, path, source, mode),
    }
}

/// `load_article_cached`, also saying whether the cache had it.
pub(crate) fn analyse_cached(
    cache: &AnalysisCache,
    id: String,
    path: String,
    source: String,
    mode: CleanMode,
) -> (Article, Vec<RawMention>, bool) {
    let key = CacheKey::of(&source, mode);
    if let Some(entry) = cache.get(key) {
        if entry.fits(&source) {
            let (article, mentions) = entry.into_article(id, path, source);
            return (article, mentions, true);
        }
    }
    let article = Article::new(id, path, source, mode);
    let mentions = recognize_article(&article);
    cache.put(key, &CachedArticle::of(&article, &mentions));
    (article, mentions, false)
}

#[cfg(test)]
mod tests;
