//! The skim score over ASCII text from bitsets: the sparse walk that gives the exact score,
//! and the upper bound that lets ranking skip candidates that cannot make the top list.

use super::super::masks::ByteMasks;
use super::{
    BONUS_BREAK, BONUS_CAMEL, BONUS_CONSECUTIVE, BONUS_HEAD, FIRST_CHAR_MULTIPLIER, GAP_EXTENSION,
    GAP_START, NEG_INFINITY, PENALTY_CASE_MISMATCH, SCORE_MATCH,
};

/// A cell of the sparse matrix: a text position where the pattern character matched, and the
/// best score of a match of the pattern so far that ends there.
#[derive(Copy, Clone, Debug)]
pub(in crate::analysis::finder) struct Cell {
    at: u32,
    score: i32,
}

const _: () = assert!(BONUS_HEAD + GAP_START + GAP_EXTENSION <= BONUS_CONSECUTIVE);

// The sparse score adds a cell's position to its score to rank gaps: one point per column.
const _: () = assert!(GAP_EXTENSION == -1);

/// Scratch space for [`skim_score_ascii`].
#[derive(Default)]
pub(in crate::analysis::finder) struct SparseRows {
    prev: Vec<Cell>,
    cur: Vec<Cell>,
}

/// [`skim_score`] for ASCII text and pattern, visiting only the cells where a pattern byte
/// matches: outside them the matrix holds no match and a gap that grows by one per column, so
/// a row needs only its matches, and the gap score at any column is the best earlier match
/// minus the distance. A few dozen cells instead of pattern × text.
pub(in crate::analysis::finder) fn skim_score_ascii(
    text: AsciiText<'_>,
    pattern: &[u8],
    occurrences: Occurrences<'_>,
    case_sensitive: bool,
    rows: &mut SparseRows,
) -> i32 {
    let Occurrences {
        masks,
        needle_of,
        first,
        last,
    } = occurrences;
    rows.prev.clear();
    for (i, &p) in pattern.iter().enumerate() {
        rows.cur.clear();
        let prev = &rows.prev;
        let cur = &mut rows.cur;
        // Best (score + position) of the previous row's cells before `next`.
        let mut next = 0usize;
        let mut best_plus_at: Option<i32> = None;
        masks.each(
            needle_of[i] as usize,
            first[i] as usize,
            last[i] as usize,
            |t| {
                let c = text.bytes[t];
                let mut b = text.bonus[t] as i32;
                if t == 0 {
                    b *= FIRST_CHAR_MULTIPLIER;
                }
                let matched = match !case_sensitive && c != p {
                    true => SCORE_MATCH + PENALTY_CASE_MISMATCH,
                    false => SCORE_MATCH,
                };
                let score = if i == 0 {
                    // Row 0: nothing matched before, a gap of -1 everywhere.
                    Some(GAP_EXTENSION + b)
                } else {
                    while next < prev.len() && (prev[next].at as usize) + 2 <= t {
                        let v = prev[next].score + prev[next].at as i32;
                        best_plus_at = Some(best_plus_at.map_or(v, |best| best.max(v)));
                        next += 1;
                    }
                    let by_match = prev
                        .get(next)
                        .filter(|cell| cell.at as usize + 1 == t)
                        .map(|cell| cell.score + b.max(BONUS_CONSECUTIVE));
                    // A gap from the match at u to t costs GAP_START + (t - u - 1) * GAP_EXTENSION,
                    // which is (score + u) - t + GAP_START - GAP_EXTENSION with an extension of -1.
                    let by_skip =
                        best_plus_at.map(|v| v - t as i32 + GAP_START - GAP_EXTENSION + b);
                    by_match.max(by_skip)
                };
                if let Some(score) = score {
                    cur.push(Cell {
                        at: t as u32,
                        score: score + matched,
                    });
                }
            },
        );
        std::mem::swap(&mut rows.prev, &mut rows.cur);
    }
    rows.prev
        .iter()
        .map(|cell| cell.score)
        .max()
        .unwrap_or(NEG_INFINITY)
}

/// The in-place bonus classes of an ASCII text as bitsets, in this order: word start (8),
/// after punctuation (7), camel case (6). Built once per field at index build.
pub(in crate::analysis::finder) const BONUS_CLASSES: [(u8, u8); 3] = [(8, 8), (7, 7), (6, 6)];

/// Bit-parallel flags of the best kinds of occurrence a pattern byte has.
const CONSECUTIVE: u8 = 1 << 3;

/// A cheap upper bound of [`skim_score_ascii`], from bitsets alone: each pattern byte gets the
/// best gain any one of its occurrences could give, as if the others were placed for it.
/// Why it bounds: row 0 scores -1 + bonus + 16 at most; every later byte adds at most
/// 16 + max(bonus, 4) right after the byte before it, and 16 + bonus - 4 after a gap (a gap
/// costs at least GAP_START + GAP_EXTENSION), whatever came before. `classes` are the text's
/// bonus-class bitsets ([`BONUS_CLASSES`]).
pub(in crate::analysis::finder) fn skim_bound_ascii(
    occurrences: Occurrences<'_>,
    classes: [&[u64]; 3],
) -> i32 {
    let Occurrences {
        masks,
        needle_of,
        first,
        last,
    } = occurrences;
    let mut bound = 0;
    for i in 0..needle_of.len() {
        let row = masks.row(needle_of[i] as usize);
        let previous = (i > 0).then(|| masks.row(needle_of[i - 1] as usize));
        let (from, to) = (first[i] as usize, last[i] as usize);
        // Occurrences by class, and those right after the byte before (consecutive).
        let [head_class, break_class, camel_class] = classes;
        let (mut any, mut consecutive_any) = (0u64, 0u64);
        let (mut head_at, mut break_at, mut camel_at) = (0u64, 0u64, 0u64);
        let (mut head_run, mut break_run, mut camel_run) = (0u64, 0u64, 0u64);
        for w in from / 64..=to / 64 {
            let mut occ = row[w];
            if w == from / 64 {
                occ &= !0u64 << (from % 64);
            }
            if w == to / 64 {
                occ &= !0u64 >> (63 - to % 64);
            }
            let carry = if w > 0 {
                previous.map_or(0, |p| p[w - 1] >> 63)
            } else {
                0
            };
            let consecutive = occ & (previous.map_or(0, |p| p[w] << 1) | carry);
            any |= occ;
            consecutive_any |= consecutive;
            head_at |= occ & head_class[w];
            break_at |= occ & break_class[w];
            camel_at |= occ & camel_class[w];
            head_run |= consecutive & head_class[w];
            break_run |= consecutive & break_class[w];
            camel_run |= consecutive & camel_class[w];
        }
        debug_assert!(any != 0);
        let flags = u8::from(head_at != 0)
            | u8::from(break_at != 0) << 1
            | u8::from(camel_at != 0) << 2
            | u8::from(consecutive_any != 0) << 3
            | u8::from(head_run != 0) << 4
            | u8::from(break_run != 0) << 5
            | u8::from(camel_run != 0) << 6;
        let [head, brk, camel] = [BONUS_HEAD, BONUS_BREAK, BONUS_CAMEL];
        let gap = GAP_START + GAP_EXTENSION;
        let gain = if i == 0 {
            let bonus = match flags {
                _ if from == 0 => head * FIRST_CHAR_MULTIPLIER,
                f if f & 1 != 0 => head,
                f if f & 2 != 0 => brk,
                f if f & 4 != 0 => camel,
                _ => 0,
            };
            GAP_EXTENSION + bonus
        } else {
            match flags {
                f if f & 0x10 != 0 => head,
                f if f & 0x20 != 0 => brk,
                f if f & 0x40 != 0 => camel,
                // Every gain after a gap is at most BONUS_HEAD + gap = BONUS_CONSECUTIVE.
                f if f & CONSECUTIVE != 0 => BONUS_CONSECUTIVE,
                f if f & 1 != 0 => head + gap,
                f if f & 2 != 0 => brk + gap,
                f if f & 4 != 0 => camel + gap,
                _ => gap,
            }
        };
        bound += SCORE_MATCH + gain;
    }
    bound
}

/// An ASCII candidate text with its in-place bonuses ([`ascii_bonuses`]).
#[derive(Copy, Clone)]
pub(in crate::analysis::finder) struct AsciiText<'a> {
    pub bytes: &'a [u8],
    pub bonus: &'a [u8],
}

/// Where a pattern's bytes occur in the text: the bitsets, which bitset each pattern byte
/// uses, and the earliest and latest place each can match in a complete match.
#[derive(Copy, Clone)]
pub(in crate::analysis::finder) struct Occurrences<'a> {
    pub masks: &'a ByteMasks,
    pub needle_of: &'a [u16],
    pub first: &'a [u32],
    pub last: &'a [u32],
}
