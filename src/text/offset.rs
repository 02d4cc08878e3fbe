//! Typed offsets. Internally Parallax slices text by byte; everything it reports or stores is a
//! Unicode code point offset (what Python's `str` slicing uses). Two types keep them apart.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A code point offset into an article's source text.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CharOffset(pub usize);

/// A half-open range of code points into an article's source text.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct CharSpan {
    pub start: CharOffset,
    pub end: CharOffset,
}

impl CharSpan {
    pub fn new(start: usize, end: usize) -> Self {
        CharSpan {
            start: CharOffset(start),
            end: CharOffset(end),
        }
    }

    pub fn len(&self) -> usize {
        self.end.0 - self.start.0
    }

    pub fn is_empty(&self) -> bool {
        self.end.0 <= self.start.0
    }
}

/// A half-open range of bytes into an article's source text, always on char boundaries.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        ByteSpan { start, end }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub fn contains(self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Range<usize>> for ByteSpan {
    fn from(r: Range<usize>) -> Self {
        ByteSpan::new(r.start, r.end)
    }
}

/// Converts between byte and code point offsets of one text in O(block) time, using the code
/// point count at every block boundary (one `u32` per 256 bytes instead of one per char).
#[derive(Clone, Debug, Default)]
pub struct CharMap {
    /// `checkpoints[i]` = number of code points in `text[..i * BLOCK]` (counting lead bytes).
    checkpoints: Vec<u32>,
    len_bytes: usize,
}

const BLOCK: usize = 256;

fn is_lead_byte(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_lead_byte(b)).count()
}

impl CharMap {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0usize;
        checkpoints.push(0);
        for chunk in bytes.chunks(BLOCK) {
            count += count_chars(chunk);
            checkpoints.push(count as u32);
        }
        CharMap {
            checkpoints,
            len_bytes: bytes.len(),
        }
    }

    /// Number of code points in the whole text.
    pub fn len_chars(&self) -> usize {
        self.checkpoints.last().copied().unwrap_or(0) as usize
    }

    /// The code point offset of a byte offset (which must lie on a char boundary of `text`).
    pub fn to_char(&self, text: &str, byte: usize) -> CharOffset {
        let byte = byte.min(self.len_bytes);
        let block = byte / BLOCK;
        let base = self.checkpoints[block] as usize;
        CharOffset(base + count_chars(&text.as_bytes()[block * BLOCK..byte]))
    }

    pub fn to_char_span(&self, text: &str, span: ByteSpan) -> CharSpan {
        let start = self.to_char(text, span.start);
        // Spans are short compared with the text: count forward instead of a second lookup.
        let end = start.0 + count_chars(&text.as_bytes()[span.start..span.end.min(self.len_bytes)]);
        CharSpan {
            start,
            end: CharOffset(end),
        }
    }

    /// The byte offset of a code point offset; offsets past the end clamp to the end.
    pub fn to_byte(&self, text: &str, char_offset: CharOffset) -> usize {
        let target = char_offset.0;
        if target >= self.len_chars() {
            return self.len_bytes;
        }
        // Last block whose starting count is <= target.
        let block = self
            .checkpoints
            .partition_point(|&c| (c as usize) <= target)
            - 1;
        let mut count = self.checkpoints[block] as usize;
        let bytes = text.as_bytes();
        let mut i = block * BLOCK;
        while i < bytes.len() {
            if is_lead_byte(bytes[i]) {
                if count == target {
                    return i;
                }
                count += 1;
            }
            i += 1;
        }
        self.len_bytes
    }

    pub fn to_byte_span(&self, text: &str, span: CharSpan) -> ByteSpan {
        let start = self.to_byte(text, span.start);
        let end = self.to_byte(text, span.end).max(start);
        ByteSpan::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn converts_multibyte_offsets_like_python() {
        let text = "Al-Charaa’s visit — 🇸🇾 Šaraa";
        let map = CharMap::new(text);
        let byte = text.find("visit").unwrap();
        assert_eq!(map.to_char(text, byte), CharOffset(12));
        assert_eq!(map.to_byte(text, CharOffset(12)), byte);
        assert_eq!(map.len_chars(), text.chars().count());
    }

    proptest! {
        #[test]
        fn byte_and_char_offsets_round_trip(text in "\\PC{0,600}") {
            let map = CharMap::new(&text);
            for (char_index, (byte, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(map.to_char(&text, byte), CharOffset(char_index));
                prop_assert_eq!(map.to_byte(&text, CharOffset(char_index)), byte);
            }
            prop_assert_eq!(map.to_char(&text, text.len()), CharOffset(text.chars().count()));
        }
    }
}
