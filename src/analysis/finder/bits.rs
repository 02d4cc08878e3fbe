//! A whole text's bitset held by value: `N` words of 64 bits, bit `t` for byte `t`. The
//! bitset walks (the chain bound, the subsequence test) shift and combine whole rows; with
//! `N` known at compile time those operations unroll into a few register instructions
//! instead of loops over words with carries, and most candidate texts fit in two or four
//! words.

use std::ops::{BitAnd, BitOr, Not};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) struct Bits<const N: usize>([u64; N]);

impl<const N: usize> Bits<N> {
    pub const ZERO: Bits<N> = Bits([0; N]);

    /// Only bit 0: the text's first byte.
    pub const FIRST: Bits<N> = {
        let mut words = [0; N];
        words[0] = 1;
        Bits(words)
    };

    /// A row of at most `N` words, the missing ones empty.
    #[inline(always)]
    pub fn load(row: &[u64]) -> Bits<N> {
        debug_assert!(row.len() <= N);
        // Word by word: a copy of a length known only at run time would call `memcpy`.
        Bits(std::array::from_fn(|w| row.get(w).copied().unwrap_or(0)))
    }

    #[inline(always)]
    pub fn is_zero(self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    /// Every bit moved `by` places towards the end of the text (`by` in 1..64).
    #[inline(always)]
    pub fn shifted(self, by: u32) -> Bits<N> {
        debug_assert!((1..64).contains(&by));
        Bits(std::array::from_fn(|w| match w {
            0 => self.0[0] << by,
            _ => self.0[w] << by | self.0[w - 1] >> (64 - by),
        }))
    }

    /// The bits after the first set one (none when none is set): where a subsequence may go
    /// on once its byte took the earliest place here.
    #[inline(always)]
    pub fn after_first(self) -> Bits<N> {
        // All ones once a set bit was seen in an earlier word.
        let mut seen = 0u64;
        Bits(self.0.map(|word| {
            // The bits above the lowest set one (none for an empty word).
            let after = seen | !(word ^ word.wrapping_sub(1));
            seen |= 0u64.wrapping_sub(u64::from(word != 0));
            after
        }))
    }
}

impl<const N: usize> BitAnd for Bits<N> {
    type Output = Bits<N>;

    #[inline(always)]
    fn bitand(self, other: Bits<N>) -> Bits<N> {
        Bits(std::array::from_fn(|w| self.0[w] & other.0[w]))
    }
}

impl<const N: usize> BitOr for Bits<N> {
    type Output = Bits<N>;

    #[inline(always)]
    fn bitor(self, other: Bits<N>) -> Bits<N> {
        Bits(std::array::from_fn(|w| self.0[w] | other.0[w]))
    }
}

impl<const N: usize> Not for Bits<N> {
    type Output = Bits<N>;

    #[inline(always)]
    fn not(self) -> Bits<N> {
        Bits(self.0.map(|w| !w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set(bits: &Bits<3>) -> Vec<usize> {
        (0..192)
            .filter(|&t| bits.0[t / 64] >> (t % 64) & 1 == 1)
            .collect()
    }

    proptest! {
        #[test]
        fn shifts_and_after_first_move_positions_as_said(
            words in prop::array::uniform3(any::<u64>()),
            sparse in 0u32..3,
            by in 1u32..64,
        ) {
            // Sparse rows too: most rows of a text have few bits.
            let words = words.map(|w| (0..sparse).fold(w, |w, _| w & w.rotate_left(17)));
            let bits = Bits(words);
            let at = set(&bits);
            let shifted: Vec<usize> =
                at.iter().map(|t| t + by as usize).filter(|&t| t < 192).collect();
            prop_assert_eq!(set(&bits.shifted(by)), shifted);
            let after: Vec<usize> = match at.first() {
                Some(&first) => (first + 1..192).collect(),
                None => vec![],
            };
            prop_assert_eq!(set(&bits.after_first()), after);
            prop_assert_eq!(bits.is_zero(), at.is_empty());
        }
    }

    #[test]
    fn first_and_load() {
        assert_eq!(Bits::<2>::FIRST, Bits([1, 0]));
        assert_eq!(Bits::<4>::load(&[5, 6]), Bits([5, 6, 0, 0]));
        assert!(Bits::<4>::ZERO.is_zero());
    }
}
