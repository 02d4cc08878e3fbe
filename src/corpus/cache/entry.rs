//! One cache entry: a fixed header, then the postcard-encoded value. The header names the
//! analyser and the key, and carries the payload's length and checksum, so that a truncated,
//! overwritten or foreign entry is a miss, never a wrong answer. A whole-corpus file holds one
//! entry; a pack (`pack.rs`) holds a run of them.

use super::CacheKey;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub(super) const MAGIC: &[u8; 4] = b"PLXC";
/// The layout of an entry; a different one is a miss.
const FORMAT: u8 = 1;
/// magic 4, format 1, fingerprint 8, key 16, payload length 4, payload checksum 8.
const HEADER: usize = 4 + 1 + 8 + 16 + 4 + 8;

pub fn encode<T: Serialize>(value: &T, fingerprint: u64, key: CacheKey) -> Option<Vec<u8>> {
    let payload = postcard::to_stdvec(value).ok()?;
    let mut bytes = Vec::with_capacity(HEADER + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.push(FORMAT);
    bytes.extend_from_slice(&fingerprint.to_le_bytes());
    bytes.extend_from_slice(&key.0.to_le_bytes());
    bytes.extend_from_slice(&u32::try_from(payload.len()).ok()?.to_le_bytes());
    bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    Some(bytes)
}

/// The sound entry `bytes` start with, if any: its key and its whole length (header and
/// payload). Whatever follows it is not looked at.
pub fn sound_prefix(bytes: &[u8], fingerprint: u64) -> Option<(CacheKey, usize)> {
    let header = bytes.get(..HEADER)?;
    let field = |at: usize, len: usize| &header[at..at + len];
    let u64_at = |at| u64::from_le_bytes(field(at, 8).try_into().unwrap_or_default());
    let key = u128::from_le_bytes(field(13, 16).try_into().ok()?);
    let len = u32::from_le_bytes(field(29, 4).try_into().ok()?) as usize;
    let payload = bytes.get(HEADER..HEADER.checked_add(len)?)?;
    let sound = field(0, 4) == MAGIC
        && header[4] == FORMAT
        && u64_at(5) == fingerprint
        && u64_at(33) == xxhash_rust::xxh3::xxh3_64(payload);
    sound.then_some((CacheKey(key), HEADER + len))
}

/// The value of an entry that is exactly `bytes`, if it is sound and for `key`.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], fingerprint: u64, key: CacheKey) -> Option<T> {
    let (found, len) = sound_prefix(bytes, fingerprint)?;
    if found != key || len != bytes.len() {
        return None;
    }
    postcard::from_bytes(&bytes[HEADER..]).ok()
}
