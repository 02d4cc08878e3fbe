//! A text's searchable ranges in folded form, each folded byte mapped back to the original
//! character it came from, so a match in folded text becomes an exact span of the original
//! even where folding changed lengths ("Š" → "S" + an implied "h", "ß" → "ss", "…" → "...").

use crate::analysis::finder::fold::{fold_char, IMPLIED_H};
use crate::text::ByteSpan;

/// One range of the original text, folded.
#[derive(Clone, Debug)]
pub(super) struct FoldedRange {
    pub text: String,
    /// For each folded byte: the original character it came from, as absolute byte offsets.
    /// A dropped character (a combining mark) joins the end of the character before it.
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl FoldedRange {
    /// Folds `text[span]`; `implied_h` keeps the marker for the "h" of "š" (literal search
    /// matches it with or without an "h"), else it is dropped (a regex sees "š" as "s").
    pub fn new(text: &str, span: ByteSpan, implied_h: bool) -> FoldedRange {
        let piece = &text[span.range()];
        let mut folded = FoldedRange {
            text: String::with_capacity(piece.len()),
            starts: Vec::with_capacity(piece.len()),
            ends: Vec::with_capacity(piece.len()),
        };
        let mut last_output = 0usize;
        for (offset, c) in piece.char_indices() {
            let start = (span.start + offset) as u32;
            let end = start + c.len_utf8() as u32;
            let before = folded.text.len();
            fold_char(c, &mut |f| {
                if f == IMPLIED_H && !implied_h {
                    return;
                }
                folded.text.push(f);
                let grown = folded.text.len() - folded.starts.len();
                folded.starts.extend(std::iter::repeat_n(start, grown));
                folded.ends.extend(std::iter::repeat_n(end, grown));
            });
            if folded.text.len() == before {
                // Dropped: it belongs to the letter before it.
                folded.ends[last_output..].fill(end);
            } else {
                last_output = before;
            }
        }
        folded
    }

    /// The original span of folded bytes `start..end` (both on folded char boundaries).
    pub fn original(&self, start: usize, end: usize) -> Option<ByteSpan> {
        if start >= end || end > self.text.len() {
            return None;
        }
        Some(ByteSpan::new(
            self.starts[start] as usize,
            self.ends[end - 1] as usize,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_bytes_map_back_to_whole_original_characters() {
        let text = "xŠaraa e\u{301}";
        let folded = FoldedRange::new(text, ByteSpan::new(1, text.len()), true);
        assert_eq!(folded.text, "S\u{e000}araa e");
        // "S" + marker come from "Š" (bytes 1..3).
        assert_eq!(folded.original(0, 4), Some(ByteSpan::new(1, 3)));
        assert_eq!(folded.original(0, 1), Some(ByteSpan::new(1, 3)));
        // The "e" takes its combining accent.
        let e = folded.text.len() - 1;
        assert_eq!(
            folded.original(e, e + 1),
            Some(ByteSpan::new(text.len() - 3, text.len()))
        );
        assert_eq!(folded.original(2, 2), None);
    }
}
