//! Where each byte of a query occurs in one ASCII candidate text, as bitsets: built 16 bytes at
//! a time (SSE2 compares on x86_64), then the subsequence test, the earliest and
//! latest matches and the scoring walk are bit operations instead of repeated scans.

use super::bits::Bits;

/// One bitset per needle over one text: bit `t` of needle `n` is set when byte `t` of the
/// text is either byte of the needle.
#[derive(Debug, Default)]
pub(super) struct ByteMasks {
    words: usize,
    bits: Vec<u64>,
}

/// A needle: the byte in either case (the same byte twice for a case-sensitive one).
pub(super) type NeedlePair = (u8, u8);

impl ByteMasks {
    pub fn build(&mut self, text: &[u8], needles: &[NeedlePair]) {
        let words = text.len().div_ceil(64);
        self.words = words;
        self.bits.resize(words * needles.len(), 0);
        let prepared: Vec<Needle> = needles.iter().map(|&n| Needle::new(n)).collect();
        self.build_prepared(text, &prepared);
    }

    /// [`ByteMasks::build`] with the needles prepared once for many texts.
    pub fn build_prepared(&mut self, text: &[u8], needles: &[Needle]) {
        let words = text.len().div_ceil(64);
        self.words = words;
        self.bits.resize(words * needles.len(), 0);
        let full = text.len() / 64;
        for (w, chunk) in text.chunks_exact(64).enumerate() {
            let (a, b) = (Block::load(&chunk[..16]), Block::load(&chunk[16..32]));
            let (c, d) = (Block::load(&chunk[32..48]), Block::load(&chunk[48..]));
            for (n, needle) in needles.iter().enumerate() {
                self.bits[n * words + w] = u64::from(a.mask(needle))
                    | u64::from(b.mask(needle)) << 16
                    | u64::from(c.mask(needle)) << 32
                    | u64::from(d.mask(needle)) << 48;
            }
        }
        let start = full * 64;
        if start == text.len() {
            return;
        }
        // The last, partial word: whole blocks, then the last 16 bytes of the text
        // (overlapping what came before) keeping only the new bits, or bytes one by one.
        for (n, needle) in needles.iter().enumerate() {
            let mut word = 0u64;
            let mut at = start;
            while at + 16 <= text.len() {
                word |= u64::from(Block::load(&text[at..at + 16]).mask(needle)) << (at - start);
                at += 16;
            }
            let rest = text.len() - at;
            if rest > 0 && text.len() >= 16 {
                let block = Block::load(&text[text.len() - 16..]);
                word |= u64::from(block.mask(needle) >> (16 - rest)) << (at - start);
            } else {
                for (k, &c) in text[at..].iter().enumerate() {
                    word |= u64::from(needle.matches(c)) << (at - start + k);
                }
            }
            self.bits[n * words + full] = word;
        }
    }

    /// [`ByteMasks::build_prepared`] over `padded[..len]`, reading whole 64-byte words (no
    /// partial last word to piece together): `padded` must hold the text and enough bytes
    /// after it to fill its last word; bits past `len` are cleared. Uses AVX-512 or AVX2
    /// where the processor has them (one compare gives a whole word's bits).
    pub fn build_padded(&mut self, padded: &[u8], len: usize, needles: &[Needle]) {
        let words = len.div_ceil(64);
        let padded = &padded[..words * 64];
        self.words = words;
        self.bits.resize(words * needles.len(), 0);
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512bw") {
                // SAFETY: the processor has AVX-512BW (checked just above).
                return unsafe { self.fill_avx512(padded, len, needles) };
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the processor has AVX2 (checked just above).
                return unsafe { self.fill_avx2(padded, len, needles) };
            }
        }
        self.fill_blocks(padded, len, needles);
    }

    /// Bits past `len` in word `w` cleared.
    #[inline(always)]
    fn keep(len: usize, w: usize) -> u64 {
        match len - w * 64 {
            64.. => !0u64,
            rest => !0u64 >> (64 - rest),
        }
    }

    /// [`ByteMasks::build_padded`] 16 bytes at a time (SSE2 on x86_64, the baseline).
    fn fill_blocks(&mut self, padded: &[u8], len: usize, needles: &[Needle]) {
        let words = self.words;
        for (w, chunk) in padded.chunks_exact(64).enumerate() {
            let keep = Self::keep(len, w);
            let (a, b) = (Block::load(&chunk[..16]), Block::load(&chunk[16..32]));
            let (c, d) = (Block::load(&chunk[32..48]), Block::load(&chunk[48..]));
            for (n, needle) in needles.iter().enumerate() {
                self.bits[n * words + w] = (u64::from(a.mask(needle))
                    | u64::from(b.mask(needle)) << 16
                    | u64::from(c.mask(needle)) << 32
                    | u64::from(d.mask(needle)) << 48)
                    & keep;
            }
        }
    }

    /// [`ByteMasks::build_padded`] a whole 64-byte word per compare.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512bw")]
    fn fill_avx512(&mut self, padded: &[u8], len: usize, needles: &[Needle]) {
        use std::arch::x86_64::{
            _mm512_cmpeq_epi8_mask, _mm512_loadu_si512, _mm512_or_si512, _mm512_set1_epi8,
        };
        let words = self.words;
        for (w, chunk) in padded.chunks_exact(64).enumerate() {
            let keep = Self::keep(len, w);
            // SAFETY: `chunk` holds 64 readable bytes; the load is unaligned.
            let bytes = unsafe { _mm512_loadu_si512(chunk.as_ptr().cast()) };
            let lowered = _mm512_or_si512(bytes, _mm512_set1_epi8(0x20));
            for (n, needle) in needles.iter().enumerate() {
                let text = if needle.either_case { lowered } else { bytes };
                let found = _mm512_cmpeq_epi8_mask(text, _mm512_set1_epi8(needle.pair.0 as i8));
                self.bits[n * words + w] = found & keep;
            }
        }
    }

    /// [`ByteMasks::build_padded`] 32 bytes per compare.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn fill_avx2(&mut self, padded: &[u8], len: usize, needles: &[Needle]) {
        use std::arch::x86_64::{
            _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256,
            _mm256_set1_epi8,
        };
        let words = self.words;
        for (w, chunk) in padded.chunks_exact(64).enumerate() {
            let keep = Self::keep(len, w);
            // SAFETY: `chunk` holds 64 readable bytes; the loads are unaligned.
            let (lo, hi) = unsafe {
                (
                    _mm256_loadu_si256(chunk.as_ptr().cast()),
                    _mm256_loadu_si256(chunk[32..].as_ptr().cast()),
                )
            };
            let case = _mm256_set1_epi8(0x20);
            let (lo_lowered, hi_lowered) = (_mm256_or_si256(lo, case), _mm256_or_si256(hi, case));
            for (n, needle) in needles.iter().enumerate() {
                let (a, b) = match needle.either_case {
                    true => (lo_lowered, hi_lowered),
                    false => (lo, hi),
                };
                let spread = _mm256_set1_epi8(needle.pair.0 as i8);
                let low = _mm256_movemask_epi8(_mm256_cmpeq_epi8(a, spread)) as u32;
                let high = _mm256_movemask_epi8(_mm256_cmpeq_epi8(b, spread)) as u32;
                self.bits[n * words + w] = (u64::from(low) | u64::from(high) << 32) & keep;
            }
        }
    }

    /// The bitset of a needle, one word per 64 bytes of text.
    pub fn row(&self, needle: usize) -> &[u64] {
        &self.bits[needle * self.words..(needle + 1) * self.words]
    }

    /// The greedy earliest match of a subsequence: each needle's first occurrence after the
    /// one before, into `out`; false when some needle has none left.
    pub fn first_chain(&self, needle_of: &[u16], out: &mut Vec<u32>) -> bool {
        out.clear();
        if self.words > 2 {
            let mut from = 0usize;
            for &needle in needle_of {
                let Some(at) = self.next(needle as usize, from) else {
                    return false;
                };
                out.push(at as u32);
                from = at + 1;
            }
            return true;
        }
        // Most texts fit in two words: one 128-bit row per needle, no loop over words.
        let mut from = 0u32;
        for &needle in needle_of {
            let n = needle as usize;
            let row = match self.words {
                0 => 0,
                1 => u128::from(self.bits[n]),
                _ => u128::from(self.bits[2 * n]) | u128::from(self.bits[2 * n + 1]) << 64,
            };
            let left = row & (!0u128).checked_shl(from).unwrap_or(0);
            if left == 0 {
                return false;
            }
            let at = left.trailing_zeros();
            out.push(at);
            from = at + 1;
        }
        true
    }

    /// Whether the needles occur in this order (a subsequence), without saying where: the
    /// prefilter's test, cheaper than [`ByteMasks::first_chain`] on the texts most
    /// candidates have.
    pub fn has_chain(&self, needle_of: &[u16]) -> bool {
        match self.words {
            0 => needle_of.is_empty(),
            1..=2 => self.has_chain_in::<2>(needle_of),
            3..=4 => self.has_chain_in::<4>(needle_of),
            _ => {
                let mut from = 0;
                needle_of.iter().all(|&needle| {
                    let at = self.next(needle as usize, from);
                    from = at.map_or(0, |at| at + 1);
                    at.is_some()
                })
            }
        }
    }

    fn has_chain_in<const N: usize>(&self, needle_of: &[u16]) -> bool {
        let mut allowed = !Bits::<N>::ZERO;
        let mut left = allowed;
        for &needle in needle_of {
            left = Bits::load(self.row(needle as usize)) & allowed;
            // Empty once a needle found no place, and so on to the end.
            allowed = left.after_first();
        }
        !left.is_zero()
    }

    /// The first occurrence at or after `from`.
    pub fn next(&self, needle: usize, from: usize) -> Option<usize> {
        let row = self.row(needle);
        let mut w = from / 64;
        if w >= row.len() {
            return None;
        }
        let mut word = row[w] & (!0u64 << (from % 64));
        loop {
            if word != 0 {
                return Some(w * 64 + word.trailing_zeros() as usize);
            }
            w += 1;
            word = *row.get(w)?;
        }
    }

    /// The last occurrence before `end`.
    pub fn previous(&self, needle: usize, end: usize) -> Option<usize> {
        if end == 0 {
            return None;
        }
        let row = self.row(needle);
        let last = end - 1;
        let mut w = last / 64;
        let mut word = row[w] & (!0u64 >> (63 - last % 64));
        loop {
            if word != 0 {
                return Some(w * 64 + 63 - word.leading_zeros() as usize);
            }
            if w == 0 {
                return None;
            }
            w -= 1;
            word = row[w];
        }
    }

    /// Every occurrence in `from..=to`, in order.
    pub fn each(&self, needle: usize, from: usize, to: usize, mut f: impl FnMut(usize)) {
        let row = self.row(needle);
        let (first, last) = (from / 64, to / 64);
        for (w, &bits) in row.iter().enumerate().take(last + 1).skip(first) {
            let mut word = bits;
            if w == first {
                word &= !0u64 << (from % 64);
            }
            if w == last {
                word &= !0u64 >> (63 - to % 64);
            }
            while word != 0 {
                f(w * 64 + word.trailing_zeros() as usize);
                word &= word - 1;
            }
        }
    }
}

/// A query has at most this many distinct bytes on the bitset path.
pub(super) const MAX_NEEDLES: usize = 40;

/// A needle ready for comparing: its two bytes, whether they are one letter in both cases,
/// and on x86_64 the byte to compare with spread over a register.
#[derive(Copy, Clone, Debug)]
pub(super) struct Needle {
    pair: NeedlePair,
    /// A letter in either case: one compare against the text with bit 0x20 set finds both.
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    either_case: bool,
    #[cfg(target_arch = "x86_64")]
    spread: std::arch::x86_64::__m128i,
}

impl Needle {
    pub fn new(pair: NeedlePair) -> Needle {
        let either_case = pair.0.is_ascii_lowercase() && pair.1 == pair.0.to_ascii_uppercase();
        debug_assert!(
            either_case || pair.0 == pair.1,
            "a byte, or a letter in both cases"
        );
        Needle {
            pair,
            either_case,
            // SAFETY: SSE2 is part of the x86_64 baseline; this only sets a register.
            #[cfg(target_arch = "x86_64")]
            spread: unsafe { std::arch::x86_64::_mm_set1_epi8(pair.0 as i8) },
        }
    }

    fn matches(&self, c: u8) -> bool {
        c == self.pair.0 || c == self.pair.1
    }
}

/// 16 bytes of text, loaded once and compared with each needle: as they are, and with bit
/// 0x20 set (upper-case ASCII letters made lower-case; no other byte becomes a letter).
#[cfg(target_arch = "x86_64")]
struct Block {
    bytes: std::arch::x86_64::__m128i,
    lowered: std::arch::x86_64::__m128i,
}

#[cfg(target_arch = "x86_64")]
impl Block {
    #[inline(always)]
    fn load(bytes: &[u8]) -> Block {
        use std::arch::x86_64::{_mm_loadu_si128, _mm_or_si128, _mm_set1_epi8};
        assert!(bytes.len() >= 16);
        // SAFETY: SSE2 is part of the x86_64 baseline; `bytes` has at least 16 readable bytes
        // and the load is unaligned.
        unsafe {
            let loaded = _mm_loadu_si128(bytes.as_ptr().cast());
            Block {
                bytes: loaded,
                lowered: _mm_or_si128(loaded, _mm_set1_epi8(0x20)),
            }
        }
    }

    /// Bit `k` set when byte `k` is either byte of the needle.
    #[inline(always)]
    fn mask(&self, needle: &Needle) -> u16 {
        use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8};
        let text = match needle.either_case {
            true => self.lowered,
            false => self.bytes,
        };
        // SAFETY: SSE2 is part of the x86_64 baseline; these only compute on registers.
        unsafe { _mm_movemask_epi8(_mm_cmpeq_epi8(text, needle.spread)) as u16 }
    }
}

#[cfg(not(target_arch = "x86_64"))]
struct Block<'a>(&'a [u8]);

#[cfg(not(target_arch = "x86_64"))]
impl<'a> Block<'a> {
    fn load(bytes: &'a [u8]) -> Block<'a> {
        Block(bytes)
    }

    fn mask(&self, needle: &Needle) -> u16 {
        self.0
            .iter()
            .enumerate()
            .fold(0u16, |m, (k, &c)| m | u16::from(needle.matches(c)) << k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_find_bytes_either_case_across_words() {
        let text: Vec<u8> = (0..150u8)
            .map(|i| if i % 37 == 0 { b'P' } else { b'x' })
            .collect();
        let mut masks = ByteMasks::default();
        masks.build(&text, &[(b'p', b'P'), (b'x', b'x')]);
        let mut padded = ByteMasks::default();
        let mut spaced = text.clone();
        spaced.resize(192, b'p');
        let needles = [Needle::new((b'p', b'P')), Needle::new((b'x', b'x'))];
        padded.build_padded(&spaced, text.len(), &needles);
        assert_eq!((padded.row(0), padded.row(1)), (masks.row(0), masks.row(1)));

        assert_eq!(masks.next(0, 0), Some(0));
        assert_eq!(masks.next(0, 1), Some(37));
        assert_eq!(masks.next(0, 149), None);
        assert_eq!(masks.previous(0, 148), Some(111));
        assert_eq!(masks.previous(0, 111), Some(74));
        assert_eq!(masks.previous(0, 0), None);
        let mut seen = Vec::new();
        masks.each(0, 1, 148, |t| seen.push(t));
        assert_eq!(seen, [37, 74, 111, 148]);
        assert_eq!(masks.next(1, 148), Some(149));
    }

    /// Every way of building the bitsets the processor offers gives the bytewise result, and
    /// so does the greedy subsequence walk over them.
    #[test]
    fn every_instruction_set_builds_the_same_bitsets() {
        use proptest::prelude::*;
        let byte = prop_oneof![
            b'a'..=b'z',
            b'A'..=b'Z',
            Just(b' '),
            Just(b'-'),
            Just(b'@'),
            Just(b'`'),
            0x80u8..=0xff
        ];
        let needle = prop_oneof![
            (b'a'..=b'z').prop_map(|b| (b, b.to_ascii_uppercase())),
            (0u8..=0xff).prop_map(|b| (b, b)),
        ];
        let cases = (
            proptest::collection::vec(byte, 0..300),
            proptest::collection::vec(needle, 1..6),
        );
        proptest!(ProptestConfig::with_cases(300), |((text, pairs) in cases)| {
            let mut expected = ByteMasks::default();
            expected.build(&text, &pairs);
            let needles: Vec<Needle> = pairs.iter().map(|&p| Needle::new(p)).collect();
            let mut padded = text.clone();
            padded.resize(text.len().div_ceil(64) * 64, b'x');
            let fresh = || {
                let mut masks = ByteMasks {
                    words: text.len().div_ceil(64),
                    bits: Vec::new(),
                };
                masks.bits.resize(masks.words * needles.len(), 0);
                masks
            };
            let mut built = ByteMasks::default();
            built.build_padded(&padded, text.len(), &needles);
            prop_assert_eq!(&built.bits, &expected.bits);
            // The greedy first match of every needle in turn, twice over, byte by byte.
            let needle_of: Vec<u16> = (0..pairs.len() as u16).chain(0..pairs.len() as u16).collect();
            let mut bytewise = Vec::new();
            let mut from = 0;
            for &n in &needle_of {
                let (a, b) = pairs[n as usize];
                match text[from..].iter().position(|&c| c == a || c == b) {
                    Some(at) => {
                        bytewise.push((from + at) as u32);
                        from += at + 1;
                    }
                    None => break,
                }
            }
            let mut chain = Vec::new();
            let found = built.first_chain(&needle_of, &mut chain);
            prop_assert_eq!(found, bytewise.len() == needle_of.len());
            prop_assert_eq!(built.has_chain(&needle_of), found);
            if found {
                prop_assert_eq!(&chain, &bytewise);
            }
            let mut blocks = fresh();
            blocks.fill_blocks(&padded, text.len(), &needles);
            prop_assert_eq!(&blocks.bits, &expected.bits);
            #[cfg(target_arch = "x86_64")]
            {
                if std::arch::is_x86_feature_detected!("avx2") {
                    let mut avx2 = fresh();
                    // SAFETY: the processor has AVX2 (checked just above).
                    unsafe { avx2.fill_avx2(&padded, text.len(), &needles) };
                    prop_assert_eq!(&avx2.bits, &expected.bits);
                }
                if std::arch::is_x86_feature_detected!("avx512bw") {
                    let mut avx512 = fresh();
                    // SAFETY: the processor has AVX-512BW (checked just above).
                    unsafe { avx512.fill_avx512(&padded, text.len(), &needles) };
                    prop_assert_eq!(&avx512.bits, &expected.bits);
                }
            }
        });
    }
}
