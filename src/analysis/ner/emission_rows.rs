//! The emission table as it is read: only the buckets whose row has a weight (about one in
//! eight), packed in bucket order and found by rank. The dense table is 17.8 MB and every
//! token looks up dozens of scattered rows in it, so summing emissions waited on memory for a
//! tenth of a cold analysis; packed, the rows and their index take 2.5 MB, which the caches
//! mostly hold, and a bucket with no row costs one look at a bitmap.

use super::tag::TAG_COUNT;

/// 64 buckets: which have a row, and how many rows come before the first of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Block {
    present: u64,
    before: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmissionRows {
    blocks: Vec<Block>,
    /// The present rows, `TAG_COUNT` weights each.
    weights: Vec<i16>,
}

impl EmissionRows {
    /// From a dense table of `TAG_COUNT` weights per bucket; all-zero rows are left out.
    pub fn from_dense(dense: &[i16]) -> EmissionRows {
        let mut blocks = Vec::with_capacity(dense.len().div_ceil(64 * TAG_COUNT));
        let mut weights = Vec::new();
        for (bucket, row) in dense.chunks_exact(TAG_COUNT).enumerate() {
            if bucket % 64 == 0 {
                blocks.push(Block {
                    present: 0,
                    before: (weights.len() / TAG_COUNT) as u32,
                });
            }
            if row.iter().any(|&w| w != 0) {
                if let Some(block) = blocks.last_mut() {
                    block.present |= 1 << (bucket % 64);
                }
                weights.extend_from_slice(row);
            }
        }
        EmissionRows { blocks, weights }
    }

    /// The weights of a bucket, `None` when they are all zero (or the bucket is out of range).
    #[inline]
    pub fn row(&self, bucket: usize) -> Option<&[i16]> {
        let block = self.blocks.get(bucket / 64)?;
        let bit = 1u64 << (bucket % 64);
        if block.present & bit == 0 {
            return None;
        }
        let rank = block.before as usize + (block.present & (bit - 1)).count_ones() as usize;
        self.weights.get(rank * TAG_COUNT..(rank + 1) * TAG_COUNT)
    }

    /// Every bucket with a row, in bucket order, with its weights.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &[i16])> + '_ {
        let buckets = self.blocks.iter().enumerate().flat_map(|(b, block)| {
            (0..64)
                .filter(move |i| block.present & (1 << i) != 0)
                .map(move |i| b * 64 + i)
        });
        buckets.zip(self.weights.chunks_exact(TAG_COUNT))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every bucket reads back as the dense table has it.
        #[test]
        fn rows_read_back_as_the_dense_table(
            cells in proptest::collection::vec((0usize..300, 0usize..TAG_COUNT, -5i16..5), 0..60),
            buckets in 1usize..300,
        ) {
            let mut dense = vec![0i16; buckets * TAG_COUNT];
            for (bucket, tag, weight) in cells {
                if bucket < buckets {
                    dense[bucket * TAG_COUNT + tag] = weight;
                }
            }
            let rows = EmissionRows::from_dense(&dense);
            for (bucket, row) in dense.chunks_exact(TAG_COUNT).enumerate() {
                let expected = row.iter().any(|&w| w != 0).then_some(row);
                prop_assert_eq!(rows.row(bucket), expected);
            }
            prop_assert_eq!(rows.row(buckets + 64), None);
            let listed: Vec<usize> = rows.rows().map(|(b, _)| b).collect();
            let nonzero: Vec<usize> = (0..buckets)
                .filter(|&b| dense[b * TAG_COUNT..(b + 1) * TAG_COUNT].iter().any(|&w| w != 0))
                .collect();
            prop_assert_eq!(listed, nonzero);
        }
    }
}
