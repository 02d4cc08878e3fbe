//! A tighter, cheaper upper bound of the skim score of an alphanumeric term over ASCII text
//! without camel-case humps: it measures how far the best match must fall short of an
//! unbroken "perfect" one, instead of bounding each pattern byte alone. Ranking uses it to
//! skip candidates before the exact score or the per-byte bound ([`super::skim_bound_ascii`])
//! are worth computing; when it finds a chain, the chain's score is the exact score, and no
//! more is computed.
//!
//! Why it bounds: with an alphanumeric term the text byte before a consecutive match is a
//! letter or digit, so its in-place bonus is 0 or camel; with no camel hump in the text it is
//! 0 and a consecutive byte gains `BONUS_CONSECUTIVE` (4). A byte after a gap of `g` gains
//! `bonus + GAP_START + g * GAP_EXTENSION`: 4 only after a one-byte gap at a word start,
//! `g - 1` less at a word start, `g` less after punctuation, at least 8 less elsewhere. A
//! byte matched in the other case (a case-blind term's letter in capitals) loses 2 more. So a
//! match's score is the perfect chain's minus the sum of these losses; the walk below follows
//! the reachable positions of each pattern byte at each total loss up to [`LEVELS`] - 1,
//! counted from the best first byte (its bonus, doubled at position 0, less 2 in the other
//! case). Why it matters: the best hits of a lower-case query are often capitalised names,
//! two points below a perfect chain, so a bound that only knows "perfect or not" skips
//! nothing.
//!
//! Why a found chain is exact: each step of the walk adds exactly what the skim recurrence
//! adds for that step, so the chain is a real match scoring the bound, and the recurrence
//! keeps the best match, which scores at most the bound.

use super::super::masks::ByteMasks;
use super::{BONUS_BREAK, BONUS_CONSECUTIVE, BONUS_HEAD, FIRST_CHAR_MULTIPLIER, GAP_EXTENSION};
use super::{GAP_START, PENALTY_CASE_MISMATCH, SCORE_MATCH};

const _: () = assert!(BONUS_HEAD + GAP_START + GAP_EXTENSION == BONUS_CONSECUTIVE);
const _: () = assert!(BONUS_BREAK + GAP_START + GAP_EXTENSION < BONUS_CONSECUTIVE);
// The losses in `chain_loss`'s steps: a gap of g loses g - 1 at a word start, g after
// punctuation; the other case loses 2.
const _: () = assert!(BONUS_HEAD - BONUS_BREAK == 1 && GAP_EXTENSION == -1);
const _: () = assert!(PENALTY_CASE_MISMATCH == -2);

/// Texts longer than this many 64-byte words get the trivial bound (no chain is looked for),
/// so the walk works on the stack.
const MAX_WORDS: usize = 8;

/// Losses told apart: 0 to `LEVELS - 1`; a larger one counts as `LEVELS`.
const LEVELS: usize = 4;

/// Whether a text can use [`chain_bound_ascii`]: it has no camel-case hump (its camel bonus
/// class row, [`super::BONUS_CLASSES`], is empty).
pub(in crate::analysis::finder) fn chain_applies(camel: &[u64]) -> bool {
    camel.iter().all(|&w| w == 0)
}

/// The text's upper-case ASCII letters as a bitset, one word per 64 bytes (built once per
/// field at index build): where a case-blind term's letter matches in the other case.
pub(in crate::analysis::finder) fn upper_bits(text: &[u8], out: &mut Vec<u64>) {
    out.extend(text.chunks(64).map(|chunk| {
        chunk.iter().enumerate().fold(0u64, |bits, (i, b)| {
            bits | u64::from(b.is_ascii_uppercase()) << i
        })
    }));
}

/// The rows [`chain_bound_ascii`] reads besides the term's bitsets: the text's word-start and
/// after-punctuation bonus class rows, and, for a case-blind term, its upper-case letters.
#[derive(Copy, Clone)]
pub(in crate::analysis::finder) struct ChainRows<'a> {
    pub head: &'a [u64],
    pub brk: &'a [u64],
    pub upper: Option<&'a [u64]>,
}

/// What [`chain_bound_ascii`] found.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(in crate::analysis::finder) struct ChainBound {
    /// An upper bound of the skim score.
    pub bound: i32,
    /// Whether the bound is the score itself: a chain losing less than [`LEVELS`] was found,
    /// and it is a real match scoring exactly the bound (every step of the walk adds what the
    /// skim recurrence adds), while the recurrence takes the best match.
    pub exact: bool,
}

/// An upper bound of the skim score of a term whose bytes are all ASCII letters or digits
/// (`needle_of`, its bitsets in `masks`), over a text with no camel hump ([`chain_applies`]).
/// Only meaningful when the term matches the text.
pub(in crate::analysis::finder) fn chain_bound_ascii(
    masks: &ByteMasks,
    needle_of: &[u16],
    rows: ChainRows<'_>,
) -> ChainBound {
    let first = masks.row(needle_of[0] as usize);
    let words = first.len();
    if words == 0 || words > MAX_WORDS {
        return ChainBound {
            bound: perfect_base(needle_of) + BONUS_HEAD * FIRST_CHAR_MULTIPLIER,
            exact: false,
        };
    }
    let base = perfect_base(needle_of);
    let mut reach = [[0u64; MAX_WORDS]; LEVELS];
    let start = start_levels(first, rows, &mut reach);
    let lost = chain_loss(masks, &needle_of[1..], rows, words, &mut reach);
    ChainBound {
        bound: base + start - lost,
        exact: lost < LEVELS as i32,
    }
}

/// A looser, cheaper [`chain_bound_ascii`]: a perfect chain from the best first byte,
/// without looking for one. Ranking tries it first.
pub(in crate::analysis::finder) fn chain_start_bound(
    masks: &ByteMasks,
    needle_of: &[u16],
    rows: ChainRows<'_>,
) -> i32 {
    let first = masks.row(needle_of[0] as usize);
    if first.is_empty() {
        return perfect_base(needle_of) + BONUS_HEAD * FIRST_CHAR_MULTIPLIER;
    }
    perfect_base(needle_of) + start_kinds(first, rows).0
}

/// Every byte matched, every byte after the first gaining 4, the first without its bonus.
fn perfect_base(needle_of: &[u16]) -> i32 {
    let k = needle_of.len() as i32;
    k * SCORE_MATCH + GAP_EXTENSION + (k - 1) * BONUS_CONSECUTIVE
}

/// What the first byte can gain: its bonus, doubled at position 0, less 2 in the other case.
/// Best first; [`start_kinds`] gives the occurrences of each, in this order.
const GAINS: [i32; 8] = [
    BONUS_HEAD * FIRST_CHAR_MULTIPLIER,
    BONUS_HEAD * FIRST_CHAR_MULTIPLIER + PENALTY_CASE_MISMATCH,
    BONUS_HEAD,
    BONUS_BREAK,
    BONUS_HEAD + PENALTY_CASE_MISMATCH,
    BONUS_BREAK + PENALTY_CASE_MISMATCH,
    0,
    PENALTY_CASE_MISMATCH,
];
const _: () = assert!(BONUS_HEAD + PENALTY_CASE_MISMATCH < BONUS_BREAK);
const _: () = assert!(BONUS_BREAK + PENALTY_CASE_MISMATCH > 0);

/// The occurrences of the first byte by what they gain ([`GAINS`]).
#[inline(always)]
fn kinds_at(first: &[u64], rows: ChainRows<'_>, w: usize) -> [u64; 8] {
    let occ = first[w];
    let upper = rows.upper.map_or(0, |u| u[w]);
    let (same, other) = (occ & !upper, occ & upper);
    let at_zero = u64::from(w == 0);
    let (head, brk) = (rows.head[w], rows.brk[w]);
    let rest = !head & !brk;
    [
        same & at_zero,
        other & at_zero,
        same & head,
        same & brk,
        other & head,
        other & brk,
        same & rest,
        other & rest,
    ]
}

/// The best gain of the first byte, and which of [`GAINS`] that is.
#[inline(always)]
fn start_kinds(first: &[u64], rows: ChainRows<'_>) -> (i32, usize) {
    let mut present = [0u64; 8];
    for w in 0..first.len() {
        for (p, bits) in present.iter_mut().zip(kinds_at(first, rows, w)) {
            *p |= bits;
        }
    }
    let best = present
        .iter()
        .position(|&p| p != 0)
        .unwrap_or(GAINS.len() - 1);
    (GAINS[best], best)
}

/// The first byte's best gain over its base (bonus, less 2 in the other case), with
/// `reach[d]` set to its occurrences that gain at most `d` less.
fn start_levels(first: &[u64], rows: ChainRows<'_>, reach: &mut [[u64; MAX_WORDS]; LEVELS]) -> i32 {
    let (best, _) = start_kinds(first, rows);
    // How many kinds each level takes: those that gain at most `d` less than the best.
    let taken: [usize; LEVELS] =
        std::array::from_fn(|d| GAINS.iter().filter(|&&g| g >= best - d as i32).count());
    for w in 0..first.len() {
        let mut upto = [0u64; 9];
        for (i, bits) in kinds_at(first, rows, w).into_iter().enumerate() {
            upto[i + 1] = upto[i] | bits;
        }
        for (level, &taken) in reach.iter_mut().zip(&taken) {
            level[w] = upto[taken];
        }
    }
    best
}

/// Walks the rest of the term from `reach` (occurrences by loss so far, each level holding
/// the ones below it); returns the least total loss that reaches the last byte, or
/// [`LEVELS`] when every way loses more.
fn chain_loss(
    masks: &ByteMasks,
    rest: &[u16],
    rows: ChainRows<'_>,
    words: usize,
    reach: &mut [[u64; MAX_WORDS]; LEVELS],
) -> i32 {
    const _: () = assert!(LEVELS == 4);
    for &needle in rest {
        let occ = masks.row(needle as usize);
        let mut any_left = 0u64;
        // Last word first: each word's carry reads the word before it, not yet updated.
        for w in (0..words).rev() {
            let now = [reach[0][w], reach[1][w], reach[2][w], reach[3][w]];
            let before = match w {
                0 => [0; LEVELS],
                _ => [
                    reach[0][w - 1],
                    reach[1][w - 1],
                    reach[2][w - 1],
                    reach[3][w - 1],
                ],
            };
            let on = |d: usize, by: u32| now[d] << by | before[d] >> (64 - by);
            let (head, brk) = (rows.head[w], rows.brk[w]);
            // Reachable with a total loss of at most d: the next byte loses nothing (no camel
            // hump); a gap of g loses g - 1 at a word start and g after punctuation.
            let to = [
                on(0, 1) | head & on(0, 2),
                on(1, 1) | head & (on(1, 2) | on(0, 3)) | brk & on(0, 2),
                on(2, 1) | head & (on(2, 2) | on(1, 3) | on(0, 4)) | brk & (on(1, 2) | on(0, 3)),
                on(3, 1)
                    | head & (on(3, 2) | on(2, 3) | on(1, 4) | on(0, 5))
                    | brk & (on(2, 2) | on(1, 3) | on(0, 4)),
            ];
            let upper = rows.upper.map_or(0, |u| u[w]);
            let (same, other) = (occ[w] & !upper, occ[w] & upper);
            reach[0][w] = same & to[0];
            reach[1][w] = same & to[1];
            reach[2][w] = same & to[2] | other & to[0];
            reach[3][w] = same & to[3] | other & to[1];
            any_left |= reach[3][w];
        }
        if any_left == 0 {
            return LEVELS as i32;
        }
    }
    (0..LEVELS)
        .find(|&d| reach[d][..words].iter().any(|&w| w != 0))
        .unwrap_or(LEVELS) as i32
}
