//! Maximum-weight one-to-one matching (the Hungarian algorithm, O(n²m)): each sentence's
//! primary counterpart. Unlike first-come greedy matching, a strong pair never steals a
//! sentence that two other pairs together need more. Among matchings of equal weight it takes
//! the one whose pairs sit closest in relative position, so ties never depend on which side is
//! passed as rows: the transposed matrix gives the transposed pairs.

use std::ops::{Add, Sub};

/// Weights are compared in units of 2⁻²⁴ (an f32's precision near 1), in exact integers, so that
/// equal totals are really equal and the tie-break below decides them.
const WEIGHT_UNITS: f64 = (1u64 << 24) as f64;

/// A matching's cost, compared lexicographically: minus its weight, then how far its pairs sit
/// from each other in relative position. A totally ordered group, as the algorithm needs.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Cost {
    weight: i64,
    distance: i64,
}

impl Add for Cost {
    type Output = Cost;
    fn add(self, o: Cost) -> Cost {
        Cost {
            weight: self.weight + o.weight,
            distance: self.distance + o.distance,
        }
    }
}

impl Sub for Cost {
    type Output = Cost;
    fn sub(self, o: Cost) -> Cost {
        Cost {
            weight: self.weight - o.weight,
            distance: self.distance - o.distance,
        }
    }
}

/// Above any total a matching can reach.
const UNREACHED: Cost = Cost {
    weight: i64::MAX / 4,
    distance: 0,
};

/// The rows × columns matching that maximises the total weight of matched cells; among equal
/// totals, the one whose pairs are closest in relative position (row r of n at (2r+1)/2n, column
/// c of m at (2c+1)/2m), a measure that transposing leaves unchanged. Cells of weight 0 or less
/// are never matched. Returns (row, column) pairs sorted by row.
pub fn max_weight_matching(weights: &[Vec<f32>]) -> Vec<(usize, usize)> {
    let rows = weights.len();
    let cols = weights.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    // The algorithm below needs rows ≤ columns; transpose if not.
    if rows > cols {
        let transposed: Vec<Vec<f32>> = (0..cols)
            .map(|c| (0..rows).map(|r| weights[r][c]).collect())
            .collect();
        let mut pairs: Vec<(usize, usize)> = max_weight_matching(&transposed)
            .into_iter()
            .map(|(c, r)| (r, c))
            .collect();
        pairs.sort_unstable();
        return pairs;
    }
    let (n, m) = (rows, cols);
    let cost = |r: usize, c: usize| -> Cost {
        let w = weights[r][c];
        if w <= 0.0 {
            return Cost::default();
        }
        let (r, c, n, m) = (r as i64, c as i64, n as i64, m as i64);
        Cost {
            weight: -(f64::from(w) * WEIGHT_UNITS).round() as i64,
            distance: ((2 * r + 1) * m - (2 * c + 1) * n).abs(),
        }
    };
    // Potentials and the column → row assignment, 1-based with 0 as the virtual start.
    let mut u = vec![Cost::default(); n + 1];
    let mut v = vec![Cost::default(); m + 1];
    let mut assigned = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        assigned[0] = i;
        let mut j0 = 0;
        let mut min_to = vec![UNREACHED; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = assigned[j0];
            let mut delta = UNREACHED;
            let mut j1 = 0;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j];
                if reduced < min_to[j] {
                    min_to[j] = reduced;
                    way[j] = j0;
                }
                if min_to[j] < delta {
                    delta = min_to[j];
                    j1 = j;
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[assigned[j]] = u[assigned[j]] + delta;
                    v[j] = v[j] - delta;
                } else {
                    min_to[j] = min_to[j] - delta;
                }
            }
            j0 = j1;
            if assigned[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            assigned[j0] = assigned[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = (1..=m)
        .filter(|&j| assigned[j] != 0 && weights[assigned[j] - 1][j - 1] > 0.0)
        .map(|j| (assigned[j] - 1, j - 1))
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(weights: &[Vec<f32>], pairs: &[(usize, usize)]) -> f32 {
        pairs.iter().map(|&(r, c)| weights[r][c]).sum()
    }

    #[test]
    fn beats_greedy_where_greedy_is_wrong() {
        // Greedy takes the 0.9 and is left with nothing; the best matching crosses.
        let w = vec![vec![0.9, 0.8], vec![0.8, 0.0]];
        assert_eq!(max_weight_matching(&w), vec![(0, 1), (1, 0)]);
    }

    type Case = (Vec<Vec<f32>>, Vec<(usize, usize)>);

    #[test]
    fn small_matrices_table() {
        let cases: Vec<Case> = vec![
            (vec![vec![1.0]], vec![(0, 0)]),
            (vec![vec![0.0]], vec![]),
            (vec![vec![0.5, 0.6, 0.1]], vec![(0, 1)]),
            (vec![vec![0.5], vec![0.6], vec![0.1]], vec![(1, 0)]),
            (
                vec![
                    vec![0.2, 0.0, 0.0],
                    vec![0.0, 0.0, 0.3],
                    vec![0.0, 0.0, 0.9],
                ],
                vec![(0, 0), (2, 2)],
            ),
            (
                vec![
                    vec![0.7, 0.6, 0.0],
                    vec![0.6, 0.0, 0.5],
                    vec![0.0, 0.5, 0.0],
                ],
                vec![(0, 0), (1, 2), (2, 1)],
            ),
        ];
        for (w, expected) in cases {
            let got = max_weight_matching(&w);
            assert_eq!(got, expected, "{w:?}");
        }
    }

    fn transposed(w: &[Vec<f32>]) -> Vec<Vec<f32>> {
        (0..w[0].len())
            .map(|c| w.iter().map(|row| row[c]).collect())
            .collect()
    }

    #[test]
    fn equal_weights_go_to_the_pairs_nearest_in_relative_position() {
        let cases: Vec<Case> = vec![
            (vec![vec![0.5, 0.5], vec![0.5, 0.5]], vec![(0, 0), (1, 1)]),
            (vec![vec![0.5, 0.5, 0.5]], vec![(0, 1)]),
            (
                vec![vec![0.5, 0.5, 0.5], vec![0.5, 0.5, 0.5]],
                vec![(0, 0), (1, 2)],
            ),
            // Weight first: position only decides between equal totals.
            (vec![vec![0.5, 0.6], vec![0.6, 0.5]], vec![(0, 1), (1, 0)]),
        ];
        for (w, expected) in cases {
            assert_eq!(max_weight_matching(&w), expected, "{w:?}");
        }
    }

    #[test]
    fn transposing_the_weights_transposes_the_matching_even_on_ties() {
        let cases = [
            vec![vec![0.5, 0.5, 0.5], vec![0.5, 0.5, 0.5]],
            vec![
                vec![0.4, 0.4, 0.0, 0.4],
                vec![0.4, 0.4, 0.4, 0.0],
                vec![0.0, 0.4, 0.4, 0.4],
            ],
            vec![
                vec![0.3, 0.3],
                vec![0.3, 0.3],
                vec![0.3, 0.3],
                vec![0.3, 0.3],
            ],
        ];
        for w in cases {
            let mut mirrored: Vec<(usize, usize)> = max_weight_matching(&transposed(&w))
                .into_iter()
                .map(|(c, r)| (r, c))
                .collect();
            mirrored.sort_unstable();
            assert_eq!(max_weight_matching(&w), mirrored, "{w:?}");
        }
    }

    #[test]
    fn never_worse_than_any_permutation_on_3x3() {
        let w = vec![
            vec![0.3, 0.9, 0.4],
            vec![0.8, 0.85, 0.1],
            vec![0.2, 0.7, 0.6],
        ];
        let best = total(&w, &max_weight_matching(&w));
        let perms = [
            [0, 1, 2],
            [0, 2, 1],
            [1, 0, 2],
            [1, 2, 0],
            [2, 0, 1],
            [2, 1, 0],
        ];
        for p in perms {
            let t: f32 = (0..3).map(|r| w[r][p[r]]).sum();
            assert!(best + 1e-6 >= t, "{p:?}");
        }
    }
}
