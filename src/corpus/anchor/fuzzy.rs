//! Approximate matching on code points for re-anchoring: Myers' bit-parallel edit distance
//! (any pattern length, 64 pattern chars per machine word) to find where a quote still nearly
//! occurs, and a small dynamic programme to find where each match may start and how well the
//! context either side agrees. Pure functions, no allocation per text char.

use std::collections::HashMap;

/// Where `pattern` matches a substring of `text` with at most `max_errors` edits (insertions,
/// deletions, substitutions), grouped into runs of neighbouring end positions: each run is the
/// `(end, distance)` of every end in it. An empty pattern matches nowhere.
pub fn match_runs(pattern: &[char], text: &[char], max_errors: usize) -> Vec<Vec<(usize, usize)>> {
    let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
    for (end, distance) in approximate_ends(pattern, text, max_errors) {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|&(e, _)| e + 1 == end) => {
                run.push((end, distance))
            }
            _ => runs.push(vec![(end, distance)]),
        }
    }
    runs
}

/// `row[t]` = the edit distance between `pattern` and `text[end - t..end]`, for every `t` up to
/// the pattern's length plus `max_errors` (or the start of the text).
pub fn distances_ending_at(
    pattern: &[char],
    text: &[char],
    end: usize,
    max_errors: usize,
) -> Vec<usize> {
    let window_start = end.saturating_sub(pattern.len() + max_errors);
    let before: Vec<char> = text[window_start..end].iter().rev().copied().collect();
    let reversed: Vec<char> = pattern.iter().rev().copied().collect();
    last_row(&reversed, &before)
}

/// `(end, distance)` for every end position (exclusive) at which some substring of `text`
/// ending there is within `max_errors` edits of `pattern`.
pub fn approximate_ends(pattern: &[char], text: &[char], max_errors: usize) -> Vec<(usize, usize)> {
    let m = pattern.len();
    if m == 0 {
        return Vec::new();
    }
    let blocks = m.div_ceil(64);
    let mut peq: HashMap<char, Vec<u64>> = HashMap::new();
    for (i, &c) in pattern.iter().enumerate() {
        peq.entry(c).or_insert_with(|| vec![0; blocks])[i / 64] |= 1 << (i % 64);
    }
    let none = vec![0u64; blocks];
    let mut pv = vec![!0u64; blocks];
    let mut mv = vec![0u64; blocks];
    let last_high = 1u64 << ((m - 1) % 64);
    let mut score = m as i64;
    let mut ends = Vec::new();
    for (j, c) in text.iter().enumerate() {
        let eq = peq.get(c).unwrap_or(&none);
        // The top row is free in a search (a match may start anywhere): no carry into block 0.
        let mut carry = 0i32;
        for b in 0..blocks {
            let high = if b + 1 == blocks { last_high } else { 1 << 63 };
            carry = advance_block(&mut pv[b], &mut mv[b], eq[b], carry, high);
        }
        score += carry as i64;
        if score <= max_errors as i64 {
            ends.push((j + 1, score as usize));
        }
    }
    ends
}

/// One column step of one 64-row block (Myers 1999, as in edlib): updates the vertical deltas
/// and returns the horizontal delta leaving the block's bottom row (`high` marks that row).
fn advance_block(pv: &mut u64, mv: &mut u64, eq: u64, carry_in: i32, high: u64) -> i32 {
    let (p, m) = (*pv, *mv);
    let xv = eq | m;
    let eq = if carry_in < 0 { eq | 1 } else { eq };
    let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
    let mut ph = m | !(xh | p);
    let mut mh = p & xh;
    let carry_out = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    if carry_in < 0 {
        mh |= 1;
    } else if carry_in > 0 {
        ph |= 1;
    }
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    carry_out
}

/// The fewest edits turning `pattern` into some prefix of `text`, and that prefix's length
/// (the one nearest the pattern's length on ties). Used on the text either side of a match to
/// score its context (on reversed slices for the text before it).
pub fn anchored_distance(pattern: &[char], text: &[char]) -> (usize, usize) {
    let row = last_row(pattern, text);
    let mut best: (usize, usize) = (row[0], 0);
    for (t, &d) in row.iter().enumerate() {
        let nearer = t.abs_diff(pattern.len()) < best.1.abs_diff(pattern.len());
        if d < best.0 || (d == best.0 && nearer) {
            best = (d, t);
        }
    }
    best
}

/// `row[t]` = the edit distance between `pattern` and `text[..t]`.
fn last_row(pattern: &[char], text: &[char]) -> Vec<usize> {
    let mut row: Vec<usize> = (0..=text.len()).collect();
    for (i, &p) in pattern.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for t in 1..=text.len() {
            let substitution = diagonal + usize::from(text[t - 1] != p);
            diagonal = row[t];
            row[t] = substitution.min(row[t] + 1).min(row[t - 1] + 1);
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Sellers' O(nm) search: the reference the bit-parallel version must agree with.
    fn sellers(pattern: &[char], text: &[char]) -> Vec<usize> {
        let mut column: Vec<usize> = (0..=pattern.len()).collect();
        let mut out = Vec::new();
        for &c in text {
            let mut diagonal = column[0];
            column[0] = 0;
            for i in 1..=pattern.len() {
                let substitution = diagonal + usize::from(pattern[i - 1] != c);
                diagonal = column[i];
                column[i] = substitution.min(column[i] + 1).min(column[i - 1] + 1);
            }
            out.push(column[pattern.len()]);
        }
        out
    }

    #[test]
    fn runs_group_neighbouring_ends_and_rows_give_every_start() {
        let text = chars("The talks in Moscow lasted three long hours on Wednesday.");
        let quote = chars("lasted three hours");
        assert!(match_runs(&quote, &text, 3).is_empty());
        let runs = match_runs(&quote, &text, 5);
        let natural = text.iter().collect::<String>().find(" on").unwrap();
        let run = runs
            .iter()
            .find(|r| r.iter().any(|&(e, _)| e == natural))
            .unwrap();
        assert_eq!(run.iter().find(|&&(e, _)| e == natural).unwrap().1, 5);
        let row = distances_ending_at(&quote, &text, natural, 5);
        assert_eq!(
            row[23], 5,
            "\"lasted three long hours\" is 23 chars, 5 edits"
        );
    }

    #[test]
    fn anchored_distance_prefers_the_length_of_the_pattern() {
        assert_eq!(anchored_distance(&chars("abc"), &chars("abcabc")), (0, 3));
        assert_eq!(anchored_distance(&chars("abc"), &chars("axc")), (1, 3));
        assert_eq!(anchored_distance(&chars(""), &chars("xyz")), (0, 0));
        assert_eq!(anchored_distance(&chars("abc"), &chars("")), (3, 0));
    }

    proptest! {
        #[test]
        fn bit_parallel_search_agrees_with_sellers(
            pattern in "[abc]{1,150}",
            text in "[abcd]{0,200}",
        ) {
            let (p, t) = (chars(&pattern), chars(&text));
            let expected: Vec<(usize, usize)> = sellers(&p, &t)
                .into_iter()
                .enumerate()
                .filter(|&(_, d)| d <= 40)
                .map(|(j, d)| (j + 1, d))
                .collect();
            prop_assert_eq!(approximate_ends(&p, &t, 40), expected);
        }
    }
}
