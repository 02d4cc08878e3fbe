//! How well a grouping agrees with known stories: purity, inverse purity and the adjusted Rand
//! index.

use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Copy, Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// Share of articles in the majority known story of their group (1: no group mixes stories).
    pub purity: f64,
    /// Share of articles in the majority group of their known story (1: no story is split).
    pub inverse_purity: f64,
    /// Pairs of articles grouped alike in both, corrected for chance (1: identical, ~0: random).
    pub adjusted_rand: f64,
}

/// Compares predicted groups with known stories, one label per article in each.
pub fn agreement(predicted: &[usize], truth: &[usize]) -> Agreement {
    let n = predicted.len().min(truth.len());
    if n == 0 {
        return Agreement {
            purity: 1.0,
            inverse_purity: 1.0,
            adjusted_rand: 1.0,
        };
    }
    let mut table: BTreeMap<(usize, usize), u64> = BTreeMap::new();
    for (&p, &t) in predicted.iter().zip(truth).take(n) {
        *table.entry((p, t)).or_default() += 1;
    }
    let majority = |by_first: bool| -> u64 {
        let mut best: BTreeMap<usize, u64> = BTreeMap::new();
        for (&(p, t), &count) in &table {
            let key = if by_first { p } else { t };
            let slot = best.entry(key).or_default();
            *slot = (*slot).max(count);
        }
        best.values().sum()
    };
    let pairs = |x: u64| x * x.saturating_sub(1) / 2;
    let mut rows: BTreeMap<usize, u64> = BTreeMap::new();
    let mut columns: BTreeMap<usize, u64> = BTreeMap::new();
    for (&(p, t), &count) in &table {
        *rows.entry(p).or_default() += count;
        *columns.entry(t).or_default() += count;
    }
    let index = table.values().map(|&c| pairs(c)).sum::<u64>() as f64;
    let row_pairs = rows.values().map(|&c| pairs(c)).sum::<u64>() as f64;
    let column_pairs = columns.values().map(|&c| pairs(c)).sum::<u64>() as f64;
    let total = pairs(n as u64) as f64;
    let expected = row_pairs * column_pairs / total.max(1.0);
    let max = (row_pairs + column_pairs) / 2.0;
    let adjusted_rand = match max - expected {
        d if d.abs() < f64::EPSILON => 1.0,
        d => (index - expected) / d,
    };
    Agreement {
        purity: majority(true) as f64 / n as f64,
        inverse_purity: majority(false) as f64 / n as f64,
        adjusted_rand,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_groupings_agree_fully() {
        let a = agreement(&[0, 0, 1, 1, 2], &[5, 5, 3, 3, 9]);
        assert_eq!((a.purity, a.inverse_purity), (1.0, 1.0));
        assert!((a.adjusted_rand - 1.0).abs() < 1e-9);
    }

    #[test]
    fn one_group_for_everything_is_pure_only_inversely() {
        let a = agreement(&[0, 0, 0, 0], &[0, 0, 1, 1]);
        assert_eq!(a.purity, 0.5);
        assert_eq!(a.inverse_purity, 1.0);
        assert!(a.adjusted_rand.abs() < 1e-9);
    }

    #[test]
    fn singletons_are_pure_but_split_everything() {
        let a = agreement(&[0, 1, 2, 3], &[0, 0, 1, 1]);
        assert_eq!(a.purity, 1.0);
        assert_eq!(a.inverse_purity, 0.5);
    }
}
