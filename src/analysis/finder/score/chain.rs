//! A tighter, cheaper upper bound of the skim score of an alphanumeric term over ASCII text
//! without camel-case humps: it looks for one unbroken "perfect" match instead of bounding
//! each pattern byte alone, so a word that starts right but breaks later is bounded below the
//! best score. Ranking uses it to skip candidates before the exact score or the looser
//! per-byte bound ([`super::skim_bound_ascii`]) are worth computing.
//!
//! Why it bounds: with an alphanumeric term the text byte before a consecutive match is a
//! letter or digit, so its in-place bonus is 0 or camel; with no camel hump in the text it is
//! 0 and a consecutive byte gains `BONUS_CONSECUTIVE` (4). A byte after a gap of `g` gains
//! `bonus + GAP_START + g * GAP_EXTENSION`, at most 4, reached only after a one-byte gap at a
//! word start. So every byte after the first gains at most 4, and all do only along a
//! "perfect chain" of such steps; without one, the total is at least one point lower. The
//! first byte gains `GAP_EXTENSION` plus its bonus (doubled at position 0).

use super::super::masks::ByteMasks;
use super::{BONUS_BREAK, BONUS_CONSECUTIVE, BONUS_HEAD, FIRST_CHAR_MULTIPLIER, GAP_EXTENSION};
use super::{GAP_START, SCORE_MATCH};

const _: () = assert!(BONUS_HEAD + GAP_START + GAP_EXTENSION == BONUS_CONSECUTIVE);
const _: () = assert!(BONUS_BREAK + GAP_START + GAP_EXTENSION < BONUS_CONSECUTIVE);

/// Texts longer than this many 64-byte words get the trivial bound (no chain is looked for),
/// so the walk works on the stack.
const MAX_WORDS: usize = 8;

/// Whether a text can use [`chain_bound_ascii`]: it has no camel-case hump (its camel bonus
/// class row, [`super::BONUS_CLASSES`], is empty).
pub(in crate::analysis::finder) fn chain_applies(camel: &[u64]) -> bool {
    camel.iter().all(|&w| w == 0)
}

/// An upper bound of the skim score of a term whose bytes are all ASCII letters or digits
/// (`needle_of`, its bitsets in `masks`), over a text with no camel hump ([`chain_applies`]);
/// `head` and `brk` are the text's word-start and after-punctuation bonus class rows. Only
/// meaningful when the term matches the text.
pub(in crate::analysis::finder) fn chain_bound_ascii(
    masks: &ByteMasks,
    needle_of: &[u16],
    head: &[u64],
    brk: &[u64],
) -> i32 {
    let k = needle_of.len() as i32;
    // Every byte matched, every byte after the first gaining 4, the first without its bonus.
    let base = k * SCORE_MATCH + GAP_EXTENSION + (k - 1) * BONUS_CONSECUTIVE;
    let first = masks.row(needle_of[0] as usize);
    let words = first.len();
    if words == 0 || words > MAX_WORDS {
        return base + BONUS_HEAD * FIRST_CHAR_MULTIPLIER;
    }
    let mut reach = [0u64; MAX_WORDS];
    // The best start first; a broken chain from it is one point lower, which also covers a
    // perfect chain from the next-best start.
    let bonus = if first[0] & 1 != 0 {
        reach[0] = 1;
        BONUS_HEAD * FIRST_CHAR_MULTIPLIER
    } else {
        let mut any = 0;
        for w in 0..words {
            reach[w] = first[w] & head[w];
            any |= reach[w];
        }
        if any != 0 {
            BONUS_HEAD
        } else {
            for w in 0..words {
                reach[w] = first[w] & brk[w];
                any |= reach[w];
            }
            if any != 0 {
                BONUS_BREAK
            } else {
                reach[..words].copy_from_slice(first);
                0
            }
        }
    };
    let perfect = perfect_chain(masks, &needle_of[1..], head, &mut reach[..words]);
    base + bonus - i32::from(!perfect)
}

/// Whether the rest of the term can follow the starts in `reach` by perfect steps: the next
/// byte right after, or after a one-byte gap at a word start. Leaves the last row in `reach`.
fn perfect_chain(masks: &ByteMasks, rest: &[u16], head: &[u64], reach: &mut [u64]) -> bool {
    for &needle in rest {
        let occ = masks.row(needle as usize);
        let (mut any, mut before) = (0u64, 0u64);
        for w in 0..reach.len() {
            let now = reach[w];
            let by_one = now << 1 | before >> 63;
            let by_two = now << 2 | before >> 62;
            reach[w] = occ[w] & (by_one | (by_two & head[w]));
            any |= reach[w];
            before = now;
        }
        if any == 0 {
            return false;
        }
    }
    true
}
