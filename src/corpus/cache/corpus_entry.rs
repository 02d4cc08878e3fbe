//! Whole-corpus entries: what the reader computes over all articles at once (entity clusters,
//! sentence terms and their weights, stories, near-duplicates), so that opening the same corpus
//! again costs reading one file instead of re-linking every article. The per-article entries
//! spare recognition; this spares everything after it.
//!
//! The key hashes this very build of the program (its executable's bytes: any change to the
//! linking, weighting or grouping code makes a new key, with no version to remember), every
//! article's id and text in corpus order, and a caller's extra input (the user's entity
//! corrections). Entries are large (tens of MiB for 10,000 articles), so only the most recently
//! written few are kept.

use super::{entry, write_atomically, AnalysisCache, CacheKey};
use crate::corpus::Corpus;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fs;
use std::path::PathBuf;
use std::sync::LazyLock;

/// Whole-corpus entries kept at most; older ones are removed when a new one is written.
const KEEP: usize = 4;

/// The key of a corpus's whole analysis.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct CorpusKey(pub u128);

/// A hash of the running executable, `None` when it cannot be read (then nothing is cached:
/// without it, an entry could outlive the code that wrote it).
static BUILD: LazyLock<Option<u128>> = LazyLock::new(|| {
    let bytes = fs::read(std::env::current_exe().ok()?).ok()?;
    Some(xxhash_rust::xxh3::xxh3_128(&bytes))
});

impl CorpusKey {
    /// The key for `corpus` as it is now, with `extra` (anything else the analysis depends on).
    pub fn of(corpus: &Corpus, extra: &str) -> Option<CorpusKey> {
        let build = (*BUILD)?;
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(&build.to_le_bytes());
        hasher.update(&(corpus.articles.len() as u64).to_le_bytes());
        for article in &corpus.articles {
            // Lengths first, so that no two different lists hash the same bytes.
            for part in [article.id.as_bytes(), article.source.as_bytes()] {
                hasher.update(&(part.len() as u64).to_le_bytes());
                hasher.update(part);
            }
        }
        hasher.update(&(extra.len() as u64).to_le_bytes());
        hasher.update(extra.as_bytes());
        Some(CorpusKey(hasher.digest128()))
    }
}

impl AnalysisCache {
    fn corpus_dir(&self) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join("corpus"))
    }

    fn corpus_path(&self, key: CorpusKey) -> Option<PathBuf> {
        Some(self.corpus_dir()?.join(format!("{:032x}.bin", key.0)))
    }

    /// The whole-corpus entry for `key`, if there is a sound one.
    pub fn get_corpus<T: DeserializeOwned>(&self, key: CorpusKey) -> Option<T> {
        let bytes = fs::read(self.corpus_path(key)?).ok()?;
        entry::decode(&bytes, self.fingerprint, CacheKey(key.0))
    }

    /// Stores a whole-corpus entry (atomically, best-effort) and removes the oldest beyond
    /// `KEEP`.
    pub fn put_corpus<T: Serialize>(&self, key: CorpusKey, value: &T) {
        let (Some(dir), Some(path)) = (self.corpus_dir(), self.corpus_path(key)) else {
            return;
        };
        let Some(bytes) = entry::encode(value, self.fingerprint, CacheKey(key.0)) else {
            return;
        };
        if !self.prepare(&dir) {
            return;
        }
        write_atomically(&dir, &path, &bytes);
        remove_oldest(&dir);
    }
}

/// Keeps the `KEEP` most recently written entries of `dir`.
fn remove_oldest(dir: &std::path::Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bin"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, path) in found.into_iter().skip(KEEP) {
        let _ = fs::remove_file(path);
    }
}
