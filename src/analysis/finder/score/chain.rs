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
//! `g - 1` less at a word start, `g` less after punctuation, `g + 7` less elsewhere. A
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

use super::super::bits::Bits;
use super::super::masks::ByteMasks;
use super::{BONUS_BREAK, BONUS_CONSECUTIVE, BONUS_HEAD, FIRST_CHAR_MULTIPLIER, GAP_EXTENSION};
use super::{GAP_START, PENALTY_CASE_MISMATCH, SCORE_MATCH};

const _: () = assert!(BONUS_HEAD + GAP_START + GAP_EXTENSION == BONUS_CONSECUTIVE);
const _: () = assert!(BONUS_BREAK + GAP_START + GAP_EXTENSION < BONUS_CONSECUTIVE);
// The losses in `chain_loss`'s steps: a gap of g loses g - 1 at a word start, g after
// punctuation, g + 7 elsewhere; the other case loses 2.
const _: () = assert!(BONUS_HEAD - BONUS_BREAK == 1 && GAP_EXTENSION == -1);
const _: () = assert!(BONUS_HEAD == PLAIN_GAP_LOSS as i32);
const _: () = assert!(PENALTY_CASE_MISMATCH == -2);
/// What landing after a gap on a byte with no bonus loses beyond landing on a word start.
const PLAIN_GAP_LOSS: usize = 8;

/// At most what a letter or digit appended to a term adds to its score over a text the chain
/// bounds apply to: a match and the consecutive bonus, or a match at a word start after a
/// one-byte gap, which is the same (narrowing a query by its previous bounds relies on it).
pub(in crate::analysis::finder) const MOST_ADDED_BY_A_BYTE: i32 = SCORE_MATCH + BONUS_CONSECUTIVE;
/// At most what a term's first byte scores: a match and a doubled word-start bonus, less the
/// gap extension skim charges every first byte (as in [`perfect_base`]).
pub(in crate::analysis::finder) const MOST_FOR_A_FIRST_BYTE: i32 =
    SCORE_MATCH + GAP_EXTENSION + BONUS_HEAD * FIRST_CHAR_MULTIPLIER;
/// Texts longer than this many 64-byte words get the trivial bound (no chain is looked for),
/// so the walk works on rows held by value.
const MAX_WORDS: usize = 8;

/// Losses told apart: 0 to `LEVELS - 1`; a larger one counts as `LEVELS`. Past 8 the walk
/// follows gaps that end on a byte with no bonus too: a short query's best hits can lose
/// that much (three letters at three word starts), and a bound that cannot tell them from
/// worse matches sends thousands of texts to exact scoring.
const LEVELS: usize = 16;
const _: () = assert!(BONUS_CONSECUTIVE - (GAP_START + GAP_EXTENSION) == PLAIN_GAP_LOSS as i32);

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

/// [`ChainRows`] loaded by value.
#[derive(Copy, Clone)]
struct Classes<const N: usize> {
    head: Bits<N>,
    brk: Bits<N>,
    upper: Bits<N>,
}

impl<const N: usize> Classes<N> {
    #[inline(always)]
    fn load(rows: ChainRows<'_>) -> Classes<N> {
        Classes {
            head: Bits::load(rows.head),
            brk: Bits::load(rows.brk),
            upper: rows.upper.map_or(Bits::ZERO, Bits::load),
        }
    }
}

/// What [`chain_bound_ascii`] found.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(in crate::analysis::finder) struct ChainBound {
    /// An upper bound of the skim score.
    pub bound: i32,
    /// Whether the bound is the score itself: a chain losing no more than was asked was found,
    /// and it is a real match scoring exactly the bound (every step of the walk adds what the
    /// skim recurrence adds), while the recurrence takes the best match.
    pub exact: bool,
}

/// An upper bound of the skim score of a term whose bytes are all ASCII letters or digits
/// (`needle_of`, its bitsets in `masks`), over a text with no camel hump ([`chain_applies`]).
/// Only meaningful when the term matches the text. `most`: the largest loss worth telling
/// apart (ranking knows how much a candidate may lose and still rank); a larger one counts
/// as `most + 1` (or [`LEVELS`]), which keeps the bound an upper bound and lets the walk stop
/// as soon as no way loses that little.
pub(in crate::analysis::finder) fn chain_bound_ascii(
    masks: &ByteMasks,
    needle_of: &[u16],
    rows: ChainRows<'_>,
    most: i64,
) -> ChainBound {
    let most = most.clamp(0, LEVELS as i64 - 1) as usize;
    match masks.row(needle_of[0] as usize).len() {
        1..=2 => chain_bound::<2>(masks, needle_of, rows, most),
        3..=4 => chain_bound::<4>(masks, needle_of, rows, most),
        5..=MAX_WORDS => chain_bound::<MAX_WORDS>(masks, needle_of, rows, most),
        _ => ChainBound {
            bound: perfect_base(needle_of) + BONUS_HEAD * FIRST_CHAR_MULTIPLIER,
            exact: false,
        },
    }
}

fn chain_bound<const N: usize>(
    masks: &ByteMasks,
    needle_of: &[u16],
    rows: ChainRows<'_>,
    most: usize,
) -> ChainBound {
    // As few levels as tell the losses asked for: each costs a few operations a byte.
    match most {
        0..=1 => chain_bound_in::<N, 2>(masks, needle_of, rows, most),
        2..=3 => chain_bound_in::<N, 4>(masks, needle_of, rows, most),
        4..=7 => chain_bound_in::<N, 8>(masks, needle_of, rows, most),
        _ => chain_bound_in::<N, LEVELS>(masks, needle_of, rows, most),
    }
}

/// [`chain_bound`] over `N` words, telling losses up to `most` (below `L`) apart.
fn chain_bound_in<const N: usize, const L: usize>(
    masks: &ByteMasks,
    needle_of: &[u16],
    rows: ChainRows<'_>,
    most: usize,
) -> ChainBound {
    let classes = Classes::<N>::load(rows);
    let first = Bits::<N>::load(masks.row(needle_of[0] as usize));
    let (start, reach) = start_levels::<N, L>(first, classes);
    let lost = chain_loss(masks, &needle_of[1..], classes, reach, most);
    ChainBound {
        bound: perfect_base(needle_of) + start - lost as i32,
        exact: lost <= most,
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
    let best = match first.len() {
        1..=2 => start_gain::<2>(first, rows),
        3..=4 => start_gain::<4>(first, rows),
        5..=MAX_WORDS => start_gain::<MAX_WORDS>(first, rows),
        _ => BONUS_HEAD * FIRST_CHAR_MULTIPLIER,
    };
    perfect_base(needle_of) + best
}

fn start_gain<const N: usize>(first: &[u64], rows: ChainRows<'_>) -> i32 {
    best_gain(Bits::<N>::load(first), Classes::load(rows))
}

/// Every byte matched, every byte after the first gaining 4, the first without its bonus.
fn perfect_base(needle_of: &[u16]) -> i32 {
    let k = needle_of.len() as i32;
    k * SCORE_MATCH + GAP_EXTENSION + (k - 1) * BONUS_CONSECUTIVE
}

/// What the first byte can gain: its bonus, doubled at position 0, less 2 in the other case.
/// Best first; [`kind`] gives the occurrences of each.
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

/// The occurrences of the first byte that gain `GAINS[kind]`.
#[inline(always)]
fn kind<const N: usize>(kind: usize, first: Bits<N>, classes: Classes<N>) -> Bits<N> {
    let (same, other) = (first & !classes.upper, first & classes.upper);
    let (head, brk) = (classes.head, classes.brk);
    match kind {
        0 => same & Bits::FIRST,
        1 => other & Bits::FIRST,
        2 => same & head,
        3 => same & brk,
        4 => other & head,
        5 => other & brk,
        6 => same & !head & !brk,
        _ => other & !head & !brk,
    }
}

/// The best gain of the first byte: the first kind of [`GAINS`] it has an occurrence of
/// (looked at in order, so most texts stop at the third or fifth).
#[inline(always)]
fn best_gain<const N: usize>(first: Bits<N>, classes: Classes<N>) -> i32 {
    let best = (0..GAINS.len())
        .find(|&k| !kind(k, first, classes).is_zero())
        .unwrap_or(GAINS.len() - 1);
    GAINS[best]
}

/// The first byte's best gain over its base (bonus, less 2 in the other case), and its
/// occurrences by level: level `d` holds those that gain at most `d` less.
#[inline(always)]
fn start_levels<const N: usize, const L: usize>(
    first: Bits<N>,
    classes: Classes<N>,
) -> (i32, [Bits<N>; L]) {
    let best = best_gain(first, classes);
    let mut upto = [Bits::ZERO; GAINS.len() + 1];
    for k in 0..GAINS.len() {
        upto[k + 1] = upto[k] | kind(k, first, classes);
    }
    // Each level takes the kinds that gain at most `d` less than the best.
    let reach =
        std::array::from_fn(|d| upto[GAINS.iter().filter(|&&g| g >= best - d as i32).count()]);
    (best, reach)
}

/// Walks the rest of the term from `reach` (occurrences by loss so far, each level holding
/// the ones below it); returns the least total loss that reaches the last byte, or
/// `most + 1` when every way loses more than `most`.
#[inline(always)]
fn chain_loss<const N: usize, const L: usize>(
    masks: &ByteMasks,
    rest: &[u16],
    classes: Classes<N>,
    mut reach: [Bits<N>; L],
    most: usize,
) -> usize {
    debug_assert!(most < L);
    let Classes { head, brk, upper } = classes;
    let plain = !head & !brk;
    for &needle in rest {
        let occ = Bits::<N>::load(masks.row(needle as usize));
        // Reachable with a total loss of at most d: the next byte loses nothing (no camel
        // hump); a gap of g loses g - 1 at a word start, g after punctuation and g + 7
        // elsewhere. `gap[d]`: after a gap of 1 or more from level d, d - 1, ... (the
        // word-start losses), so level d reaches a word start from `gap[d]`, a byte after
        // punctuation from `gap[d - 1]` and any other byte from `gap[d - 8]`.
        let mut gap = [Bits::ZERO; L];
        gap[0] = reach[0].shifted(2);
        for d in 1..L {
            gap[d] = reach[d].shifted(2) | gap[d - 1].shifted(1);
        }
        let to: [Bits<N>; L] = std::array::from_fn(|d| {
            let after_break = match d {
                0 => Bits::ZERO,
                _ => brk & gap[d - 1],
            };
            let after_plain = match d.checked_sub(PLAIN_GAP_LOSS) {
                Some(from) => plain & gap[from],
                None => Bits::ZERO,
            };
            reach[d].shifted(1) | head & gap[d] | after_break | after_plain
        });
        // A byte in the other case loses 2 more.
        let (same, other) = (occ & !upper, occ & upper);
        reach = std::array::from_fn(|d| match d {
            0 | 1 => same & to[d],
            _ => same & to[d] | other & to[d - 2],
        });
        if reach[most].is_zero() {
            return most + 1;
        }
    }
    (0..=most)
        .find(|&d| !reach[d].is_zero())
        .unwrap_or(most + 1)
}
