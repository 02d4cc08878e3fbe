//! One cache file: a fixed header, then the postcard-encoded entry. The header names the
//! analyser and the key, and carries the payload's length and checksum, so that a truncated,
//! overwritten or foreign file is a miss, never a wrong answer.

use super::CacheKey;
use serde::de::DeserializeOwned;
use serde::Serialize;

const MAGIC: &[u8; 4] = b"PLXC";
/// The layout of this file; a different one is a miss.
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

pub fn decode<T: DeserializeOwned>(bytes: &[u8], fingerprint: u64, key: CacheKey) -> Option<T> {
    let (header, payload) = bytes.split_at_checked(HEADER)?;
    let field = |at: usize, len: usize| &header[at..at + len];
    let u64_at = |at| u64::from_le_bytes(field(at, 8).try_into().unwrap_or_default());
    let sound = field(0, 4) == MAGIC
        && header[4] == FORMAT
        && u64_at(5) == fingerprint
        && u128::from_le_bytes(field(13, 16).try_into().ok()?) == key.0
        && u32::from_le_bytes(field(29, 4).try_into().ok()?) as usize == payload.len()
        && u64_at(33) == xxhash_rust::xxh3::xxh3_64(payload);
    if !sound {
        return None;
    }
    postcard::from_bytes(payload).ok()
}
