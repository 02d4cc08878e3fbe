//! Tags already found for a sentence under the same document context. Syndicated and
//! updated stories repeat sentences word for word across outlets, and a sentence's tags are
//! a function of its words and of the two pieces of document context its features read (the
//! casing evidence of each word and the label each capitalised word last received), so
//! a repeat costs a hash and a lookup instead of feature hashing, the emission sum and Viterbi.

use super::context::{DocumentContext, LabelHistory};
use super::features::WordKey;
use super::shape::WordFlags;
use super::tag::Tag;
use rustc_hash::FxHashMap;
use std::sync::{Mutex, MutexGuard};

/// Shards keep the two analysis workers from waiting on one lock.
const SHARDS: usize = 16;
/// A shard that reaches this many sentences starts again empty: memory stays bounded
/// (about 25 MB in all) whatever the corpus, and a corpus without repeats loses nothing.
const MOST_PER_SHARD: usize = 1 << 14;

/// Identifies a sentence with its context; 128 bits make a collision negligible.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct MemoKey(u128);

impl MemoKey {
    /// The key of `words` (whose keys are `keys`) at this point of a document. `buffer` is
    /// scratch space, reused between sentences.
    pub fn of(
        words: &[&str],
        keys: &[WordKey],
        document: &DocumentContext,
        history: &LabelHistory,
        buffer: &mut Vec<u8>,
    ) -> MemoKey {
        buffer.clear();
        for (word, key) in words.iter().zip(keys) {
            buffer.extend_from_slice(word.as_bytes());
            // 0xff never occurs in UTF-8, so words cannot run into each other.
            buffer.push(0xff);
            if key.flags.has(WordFlags::HAS_LETTER) {
                buffer.push(document.case_evidence(key.lower));
                if key.flags.is_capitalized() {
                    buffer.push(history.get(key.lower));
                }
            }
        }
        MemoKey(xxhash_rust::xxh3::xxh3_128(buffer))
    }
}

/// Tags by sentence and context, shared by every thread tagging with one model.
pub struct SentenceMemo {
    shards: [Mutex<FxHashMap<MemoKey, Box<[Tag]>>>; SHARDS],
}

impl Default for SentenceMemo {
    fn default() -> SentenceMemo {
        SentenceMemo {
            shards: std::array::from_fn(|_| Mutex::default()),
        }
    }
}

impl SentenceMemo {
    pub fn get(&self, key: MemoKey) -> Option<Vec<Tag>> {
        self.shard(key).get(&key).map(|tags| tags.to_vec())
    }

    pub fn insert(&self, key: MemoKey, tags: &[Tag]) {
        let mut shard = self.shard(key);
        if shard.len() >= MOST_PER_SHARD {
            shard.clear();
        }
        shard.insert(key, tags.into());
    }

    fn shard(&self, key: MemoKey) -> MutexGuard<'_, FxHashMap<MemoKey, Box<[Tag]>>> {
        // A panic elsewhere while holding the lock cannot leave a wrong entry: an insert
        // is one call. So a poisoned shard is still good.
        self.shards[(key.0 as usize) % SHARDS]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
