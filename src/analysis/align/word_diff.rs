//! Word-level differences inside an aligned sentence pair: which words one side has and the
//! other does not. Words compare folded (case, diacritics, possessive), via the `similar` crate.

use super::tokens::tokenize;
use crate::text::ByteSpan;
use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiffKind {
    /// The word is on both sides.
    Same,
    /// The word is on this side only.
    OnlyHere,
}

/// One word of one side and whether the other side has it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DiffPiece {
    pub side: Side,
    /// Byte span of the word in that side's text.
    pub span: ByteSpan,
    pub kind: DiffKind,
}

/// Every word of both texts, left's in order then right's, marked same or one-sided.
pub fn word_diff(left: &str, right: &str) -> Vec<DiffPiece> {
    let left_tokens = tokenize(left, ByteSpan::new(0, left.len()));
    let right_tokens = tokenize(right, ByteSpan::new(0, right.len()));
    let left_keys: Vec<&str> = left_tokens.iter().map(|t| t.folded.as_str()).collect();
    let right_keys: Vec<&str> = right_tokens.iter().map(|t| t.folded.as_str()).collect();
    let mut left_kind = vec![DiffKind::OnlyHere; left_tokens.len()];
    let mut right_kind = vec![DiffKind::OnlyHere; right_tokens.len()];
    for op in capture_diff_slices(Algorithm::Myers, &left_keys, &right_keys) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            left_kind[old].fill(DiffKind::Same);
            right_kind[new].fill(DiffKind::Same);
        }
    }
    let pieces = |side: Side, tokens: &[super::tokens::Token], kinds: Vec<DiffKind>| {
        tokens
            .iter()
            .zip(kinds)
            .map(|(t, kind)| DiffPiece {
                side,
                span: t.span,
                kind,
            })
            .collect::<Vec<_>>()
    };
    let mut out = pieces(Side::Left, &left_tokens, left_kind);
    out.extend(pieces(Side::Right, &right_tokens, right_kind));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_sided(text: &str, pieces: &[DiffPiece], side: Side) -> Vec<String> {
        pieces
            .iter()
            .filter(|p| p.side == side && p.kind == DiffKind::OnlyHere)
            .map(|p| text[p.span.range()].to_string())
            .collect()
    }

    #[test]
    fn marks_words_present_on_one_side_only() {
        let left = "Russia withdrew its forces and equipment from the airport in Qamishli.";
        let right = "Moscow withdrew its forces from the Qamishli airport.";
        let pieces = word_diff(left, right);
        assert_eq!(
            one_sided(left, &pieces, Side::Left),
            ["Russia", "and", "equipment", "airport", "in"]
        );
        assert_eq!(
            one_sided(right, &pieces, Side::Right),
            ["Moscow", "airport"]
        );
    }

    #[test]
    fn case_and_diacritics_do_not_count_as_differences() {
        let pieces = word_diff("Erdoğan said", "erdogan said");
        assert!(pieces.iter().all(|p| p.kind == DiffKind::Same));
    }
}
