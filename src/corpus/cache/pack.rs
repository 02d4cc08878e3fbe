//! Per-article entries live in 256 append-only packs per analyser (`<two hex>.pack`, chosen by
//! the key's first byte) rather than a file each: creating and renaming ten thousand small
//! files cost the cold analysis of a 10,000-article corpus about a quarter of its time.
//!
//! A pack is a run of entries (`entry.rs`), each appended whole with one write to a file opened
//! for appending, so writers in several threads or processes never interleave inside one. The
//! first lookup in a pack reads it once and remembers where each key's last sound entry starts;
//! lookups then read just that entry. Damage costs only what it touches: an unsound entry (a
//! torn write, overwritten bytes) is skipped up to the next header that checks out, and an
//! entry that no longer reads back is a miss, recomputed and appended again.

use super::{entry, CacheKey};
use std::collections::HashMap;
use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where each key's entry is in one pack; `None` until the pack is first read.
type Index = Option<HashMap<CacheKey, Range<u64>>>;

/// The packs of one cache folder, with an index of each pack read so far.
#[derive(Debug)]
pub struct Packs {
    shards: Vec<Mutex<Index>>,
}

impl Default for Packs {
    fn default() -> Packs {
        Packs {
            shards: (0..256).map(|_| Mutex::new(None)).collect(),
        }
    }
}

fn shard_of(key: CacheKey) -> usize {
    (key.0 >> 120) as usize
}

fn pack_path(dir: &Path, key: CacheKey) -> PathBuf {
    dir.join(format!("{:02x}.pack", shard_of(key)))
}

impl Packs {
    /// The bytes of the entry for `key` in `dir`'s packs, if one was sound when its pack was
    /// read (the caller decodes them, which checks them again).
    pub fn read(&self, dir: &Path, key: CacheKey, fingerprint: u64) -> Option<Vec<u8>> {
        let path = pack_path(dir, key);
        let range = {
            let mut index = self.shards[shard_of(key)].lock().ok()?;
            index
                .get_or_insert_with(|| index_pack(&path, fingerprint))
                .get(&key)?
                .clone()
        };
        let mut file = fs::File::open(&path).ok()?;
        file.seek(SeekFrom::Start(range.start)).ok()?;
        let mut bytes = vec![0; usize::try_from(range.end - range.start).ok()?];
        file.read_exact(&mut bytes).ok()?;
        Some(bytes)
    }

    /// Appends an encoded entry for `key` to its pack in `dir`, creating the pack if needed.
    pub fn append(&self, dir: &Path, key: CacheKey, bytes: &[u8]) -> std::io::Result<()> {
        // Held while writing, so a pack is never read for its index halfway through a write
        // from this process.
        let mut index = self.shards[shard_of(key)]
            .lock()
            .map_err(|_| std::io::Error::other("a cache writer panicked"))?;
        let mut file = fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(pack_path(dir, key))?;
        file.write_all(bytes)?;
        // Appending leaves the file position at the end of what this write put there, whatever
        // other processes appended meanwhile.
        let end = file.stream_position()?;
        if let Some(index) = index.as_mut() {
            index.insert(key, end - bytes.len() as u64..end);
        }
        Ok(())
    }
}

/// Reads a pack and maps each key to its last sound entry; a missing pack is empty.
fn index_pack(path: &Path, fingerprint: u64) -> HashMap<CacheKey, Range<u64>> {
    let bytes = fs::read(path).unwrap_or_default();
    let mut index = HashMap::new();
    let mut at = 0;
    while at < bytes.len() {
        match entry::sound_prefix(&bytes[at..], fingerprint) {
            Some((key, len)) => {
                index.insert(key, at as u64..(at + len) as u64);
                at += len;
            }
            // Damaged: look for the next entry's header.
            None => {
                at = bytes[at + 1..]
                    .windows(entry::MAGIC.len())
                    .position(|w| w == entry::MAGIC)
                    .map_or(bytes.len(), |p| at + 1 + p);
            }
        }
    }
    index
}
