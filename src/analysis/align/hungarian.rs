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
///
/// Rows and columns joined by positive cells form independent groups (both totals add up over
/// them), so each group is solved alone: two articles' sentences link in many small clusters,
/// and the cubic cost applies to a cluster's size, not the articles'.
pub fn max_weight_matching(weights: &[Vec<f32>]) -> Vec<(usize, usize)> {
    let rows = weights.len();
    let cols = weights.first().map_or(0, Vec::len);
    let mut pairs = Vec::new();
    for (group_rows, group_cols) in groups(weights, rows, cols) {
        let sub: Vec<Vec<f32>> = group_rows
            .iter()
            .map(|&r| group_cols.iter().map(|&c| weights[r][c]).collect())
            .collect();
        let place = Place {
            rows: &group_rows,
            cols: &group_cols,
            n: rows,
            m: cols,
        };
        pairs.extend(
            solve(&sub, &place)
                .into_iter()
                .map(|(r, c)| (group_rows[r], group_cols[c])),
        );
    }
    pairs.sort_unstable();
    pairs
}

/// The connected groups of rows and columns under positive cells, each with at least one.
fn groups(weights: &[Vec<f32>], rows: usize, cols: usize) -> Vec<(Vec<usize>, Vec<usize>)> {
    // Union-find over rows 0..rows and columns rows..rows+cols.
    let mut parent: Vec<usize> = (0..rows + cols).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut linked = vec![false; rows + cols];
    for (r, row) in weights.iter().enumerate() {
        for (c, &w) in row.iter().enumerate().take(cols) {
            if w > 0.0 {
                let (a, b) = (root(&mut parent, r), root(&mut parent, rows + c));
                parent[a.max(b)] = a.min(b);
                linked[r] = true;
                linked[rows + c] = true;
            }
        }
    }
    let mut index_of_root = vec![usize::MAX; rows + cols];
    let mut out: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for x in (0..rows + cols).filter(|&x| linked[x]) {
        let r = root(&mut parent, x);
        if index_of_root[r] == usize::MAX {
            index_of_root[r] = out.len();
            out.push((Vec::new(), Vec::new()));
        }
        let group = &mut out[index_of_root[r]];
        if x < rows {
            group.0.push(x);
        } else {
            group.1.push(x - rows);
        }
    }
    out
}

/// Where a sub-matrix's rows and columns sit in the whole one: positions are relative to it.
struct Place<'a> {
    rows: &'a [usize],
    cols: &'a [usize],
    n: usize,
    m: usize,
}

/// The Hungarian algorithm on one sub-matrix, costs measured at the cells' places in the whole.
fn solve(weights: &[Vec<f32>], place: &Place) -> Vec<(usize, usize)> {
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
        let flipped = Place {
            rows: place.cols,
            cols: place.rows,
            n: place.m,
            m: place.n,
        };
        let mut pairs: Vec<(usize, usize)> = solve(&transposed, &flipped)
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
        let (r, c) = (place.rows[r] as i64, place.cols[c] as i64);
        let (n, m) = (place.n as i64, place.m as i64);
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

    /// (total weight in units, total distance) of a matching, as the algorithm compares them.
    fn objective(w: &[Vec<f32>], pairs: &[(usize, usize)]) -> (i64, i64) {
        let (n, m) = (w.len() as i64, w[0].len() as i64);
        pairs.iter().fold((0, 0), |(tw, td), &(r, c)| {
            let weight = (f64::from(w[r][c]) * WEIGHT_UNITS).round() as i64;
            let (r, c) = (r as i64, c as i64);
            (tw + weight, td + ((2 * r + 1) * m - (2 * c + 1) * n).abs())
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Solving each group of linked rows and columns alone reaches the same weight and the
        /// same closeness as solving the whole matrix at once.
        #[test]
        fn groups_solved_alone_match_the_whole_solved_at_once(
            cells in proptest::collection::vec((0usize..9, 0usize..11, 1u8..5), 0..30),
            rows in 1usize..9,
            cols in 1usize..11,
        ) {
            let mut w = vec![vec![0.0f32; cols]; rows];
            for (r, c, k) in cells {
                if r < rows && c < cols {
                    w[r][c] = f32::from(k) * 0.25;
                }
            }
            let all_rows: Vec<usize> = (0..rows).collect();
            let all_cols: Vec<usize> = (0..cols).collect();
            let whole = solve(&w, &Place { rows: &all_rows, cols: &all_cols, n: rows, m: cols });
            let grouped = max_weight_matching(&w);
            proptest::prop_assert_eq!(objective(&w, &grouped), objective(&w, &whole));
            proptest::prop_assert!(grouped.iter().all(|&(r, c)| w[r][c] > 0.0));
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
