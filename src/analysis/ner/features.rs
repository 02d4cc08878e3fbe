//! Feature extraction: turns a sentence (plus document context) into hashed feature buckets
//! per token. Never allocates per token: every feature is hashed from its parts directly.

use super::context::{DocumentContext, LabelHistory, SentenceCase, LOWER_SEED};
use super::feature_hash::{combine, hash_lowercase, hash_str, FeatureHasher};
use super::gazetteer::{Gazetteer, GazetteerList};
use super::shape::{shape_hashes, WordFlags};

/// Feature templates. Their numbers seed the hashes: changing them requires retraining.
mod template {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const LONG_SHAPE: u64 = 4;
    pub const SHORT_SHAPE: u64 = 5;
    pub const PREFIX: u64 = 6;
    pub const SUFFIX: u64 = 7;
    pub const LOWER_AT: u64 = 8;
    pub const SHAPE_AT: u64 = 9;
    pub const LOWER_BIGRAM_LEFT: u64 = 10;
    pub const LOWER_BIGRAM_RIGHT: u64 = 11;
    pub const SHAPE_TRIGRAM: u64 = 12;
    pub const POSITION_SHAPE: u64 = 13;
    pub const CASE_SHAPE: u64 = 14;
    pub const CASE_LOWER: u64 = 15;
    pub const GAZETTEER: u64 = 16;
    pub const GAZETTEER_CASED: u64 = 17;
    pub const DOCUMENT_CASE: u64 = 18;
    pub const HISTORY: u64 = 19;
    pub const LEFT_WORD_SHAPE: u64 = 20;
    pub const SHAPE_RIGHT_WORD: u64 = 21;
    pub const LONG_SHAPE_AT: u64 = 22;
    pub const HISTORY_SHAPE: u64 = 23;
}

/// Hashes of one token's parts, computed once per sentence.
#[derive(Copy, Clone, Debug, Default)]
pub struct TokenParts {
    pub word: u64,
    pub lower: u64,
    pub long_shape: u64,
    pub short_shape: u64,
    prefixes: [u64; 4],
    suffixes: [u64; 4],
    pub flags: WordFlags,
}

/// A word's lower-case hash and its flags: what the document context, the label history and
/// the sentence memo's key know a word by. A sentence the memo has costs these two and none of
/// the rest of its [`TokenParts`].
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct WordKey {
    pub lower: u64,
    pub flags: WordFlags,
}

impl WordKey {
    pub fn of(word: &str) -> WordKey {
        WordKey {
            lower: hash_lowercase(LOWER_SEED, word),
            flags: WordFlags::of(word),
        }
    }

    /// The key of each word of a sentence.
    pub fn of_words(words: &[&str]) -> Vec<WordKey> {
        words.iter().map(|word| WordKey::of(word)).collect()
    }
}

impl TokenParts {
    pub fn of(word: &str) -> TokenParts {
        TokenParts::with_key(word, WordKey::of(word))
    }

    /// The parts of `word`, whose key is `key`.
    fn with_key(word: &str, key: WordKey) -> TokenParts {
        let (long_shape, short_shape) = shape_hashes(word);
        let mut parts = TokenParts {
            word: hash_str(0x11, word),
            lower: key.lower,
            long_shape,
            short_shape,
            flags: key.flags,
            ..TokenParts::default()
        };
        let lower_ascii = |c: char| match c.is_ascii() {
            true => c.to_ascii_lowercase(),
            false => c,
        };
        let mut prefix = FeatureHasher::new(0x12);
        for (length, c) in word.chars().take(4).enumerate() {
            prefix.add_char(lower_ascii(c));
            parts.prefixes[length] = prefix.finish();
        }
        let mut suffix = FeatureHasher::new(0x13);
        for (index, c) in word.chars().rev().take(4).enumerate() {
            suffix.add_char(lower_ascii(c));
            parts.suffixes[index] = suffix.finish();
        }
        parts
    }

    /// Stand-in for positions before the sentence start (negative) or after its end.
    fn padding(side: u64) -> TokenParts {
        let value = 0xdead_0000 + side;
        TokenParts {
            word: value,
            lower: value,
            long_shape: value,
            short_shape: value,
            ..TokenParts::default()
        }
    }
}

/// Feature buckets of every token of one sentence.
#[derive(Default)]
pub struct SentenceFeatures {
    buckets: Vec<u32>,
    offsets: Vec<usize>,
    parts: Vec<TokenParts>,
}

impl SentenceFeatures {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Buckets of token `index`.
    pub fn token(&self, index: usize) -> &[u32] {
        &self.buckets[self.offsets[index]..self.offsets[index + 1]]
    }

    /// Takes the parts of a sentence's words (`keys`: theirs), the first step of extraction;
    /// the buckets are cleared.
    pub fn set_words(&mut self, words: &[&str], keys: &[WordKey]) {
        self.buckets.clear();
        self.offsets.clear();
        self.parts.clear();
        let parts = words.iter().zip(keys);
        self.parts
            .extend(parts.map(|(word, &key)| TokenParts::with_key(word, key)));
    }
}

/// Hashes features into a table of `2^bits` buckets.
#[derive(Copy, Clone)]
pub struct FeatureExtractor {
    bits: u32,
}

impl FeatureExtractor {
    pub fn new(bits: u32) -> FeatureExtractor {
        FeatureExtractor {
            bits: bits.clamp(8, 30),
        }
    }

    pub fn bucket_count(&self) -> usize {
        1 << self.bits
    }

    /// Fills `out` with the features of `words`, which `out.set_words` was given.
    pub fn extract(
        &self,
        words: &[&str],
        document: &DocumentContext,
        history: &LabelHistory,
        out: &mut SentenceFeatures,
    ) {
        out.buckets.clear();
        out.offsets.clear();
        let flags = out.parts.iter().map(|p| p.flags);
        let case = SentenceCase::of_flags(words, flags).code();
        let matches = Gazetteer::shared().find_all(words);
        let shift = 64 - self.bits;
        let count = words.len();
        let parts = &out.parts;
        let at = |index: isize| -> TokenParts {
            if index < 0 {
                TokenParts::padding(index.unsigned_abs() as u64)
            } else if index as usize >= count {
                TokenParts::padding(100 + index as u64 - count as u64)
            } else {
                parts[index as usize]
            }
        };
        for (index, &current) in parts.iter().enumerate() {
            out.offsets.push(out.buckets.len());
            let buckets = &mut out.buckets;
            let mut push = |template: u64, values: &[u64]| {
                buckets.push((combine(template, values) >> shift) as u32);
            };
            let i = index as isize;
            let (left, right) = (at(i - 1), at(i + 1));
            push(template::BIAS, &[]);
            push(template::WORD, &[current.word]);
            push(template::LOWER, &[current.lower]);
            push(template::LONG_SHAPE, &[current.long_shape]);
            push(template::SHORT_SHAPE, &[current.short_shape]);
            for (k, &prefix) in current.prefixes.iter().enumerate().filter(|(_, &p)| p != 0) {
                push(template::PREFIX, &[k as u64, prefix]);
            }
            for (k, &suffix) in current.suffixes.iter().enumerate().filter(|(_, &s)| s != 0) {
                push(template::SUFFIX, &[k as u64, suffix]);
            }
            for offset in [-2isize, -1, 1, 2] {
                let neighbour = at(i + offset);
                push(template::LOWER_AT, &[offset as u64, neighbour.lower]);
                push(template::SHAPE_AT, &[offset as u64, neighbour.short_shape]);
            }
            push(
                template::LONG_SHAPE_AT,
                &[left.long_shape, current.long_shape],
            );
            push(template::LOWER_BIGRAM_LEFT, &[left.lower, current.lower]);
            push(template::LOWER_BIGRAM_RIGHT, &[current.lower, right.lower]);
            push(
                template::SHAPE_TRIGRAM,
                &[left.short_shape, current.short_shape, right.short_shape],
            );
            push(
                template::LEFT_WORD_SHAPE,
                &[left.lower, current.short_shape],
            );
            push(
                template::SHAPE_RIGHT_WORD,
                &[current.short_shape, right.lower],
            );
            let position = match index {
                0 => 0,
                1 => 1,
                _ if index + 1 == count => 3,
                _ => 2,
            };
            push(template::POSITION_SHAPE, &[position, current.short_shape]);
            push(template::CASE_SHAPE, &[case, current.short_shape]);
            push(template::CASE_LOWER, &[case, current.lower]);
            let capitalized = current.flags.is_capitalized() as u64;
            for found in matches.iter().filter(|m| m.start <= index && index < m.end) {
                let place = match (found.end - found.start, index - found.start) {
                    (1, _) => 0,
                    (_, 0) => 1,
                    (len, k) if k + 1 == len => 3,
                    _ => 2,
                };
                for list in GazetteerList::ALL
                    .iter()
                    .filter(|l| found.entry.lists & l.bit() != 0)
                {
                    let list = *list as u64;
                    push(template::GAZETTEER, &[list, place]);
                    push(template::GAZETTEER_CASED, &[list, place, capitalized, case]);
                }
            }
            if current.flags.has(WordFlags::HAS_LETTER) {
                let evidence = document.case_evidence(current.lower) as u64;
                push(template::DOCUMENT_CASE, &[evidence, capitalized, case]);
                if current.flags.is_capitalized() {
                    let previous = history.get(current.lower) as u64;
                    push(template::HISTORY, &[previous]);
                    push(
                        template::HISTORY_SHAPE,
                        &[previous, current.short_shape, case],
                    );
                }
            }
        }
        out.offsets.push(out.buckets.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_gets_features_in_table_range() {
        let extractor = FeatureExtractor::new(12);
        let words = ["Vladimir", "Putin", "met", "al-Sharaa", "in", "Moscow", "."];
        let mut features = SentenceFeatures::default();
        features.set_words(&words, &WordKey::of_words(&words));
        extractor.extract(
            &words,
            &DocumentContext::default(),
            &LabelHistory::default(),
            &mut features,
        );
        assert_eq!(features.len(), words.len());
        for index in 0..words.len() {
            assert!(features.token(index).len() > 20);
            assert!(features
                .token(index)
                .iter()
                .all(|&b| (b as usize) < extractor.bucket_count()));
        }
    }

    #[test]
    fn lower_case_hash_matches_the_context_hash() {
        let parts = TokenParts::of("DAMASCUS");
        assert_eq!(parts.lower, hash_lowercase(LOWER_SEED, "damascus"));
    }

    proptest::proptest! {
        /// A word's prefixes and suffixes hash its first and last four characters, lower-cased
        /// where ASCII, one more each time (the shipped weights were trained on these).
        #[test]
        fn affixes_hash_up_to_four_characters_from_each_end(word in "\\PC{1,12}") {
            let parts = TokenParts::of(&word);
            let fold = |c: char| if c.is_ascii() { c.to_ascii_lowercase() } else { c };
            let chars: Vec<char> = word.chars().collect();
            for k in 0..4 {
                let (mut prefix, mut suffix) = (FeatureHasher::new(0x12), FeatureHasher::new(0x13));
                chars.iter().take(k + 1).for_each(|&c| prefix.add_char(fold(c)));
                chars.iter().rev().take(k + 1).for_each(|&c| suffix.add_char(fold(c)));
                let (want_prefix, want_suffix) = match k < chars.len() {
                    true => (prefix.finish(), suffix.finish()),
                    false => (0, 0),
                };
                proptest::prop_assert_eq!(parts.prefixes[k], want_prefix);
                proptest::prop_assert_eq!(parts.suffixes[k], want_suffix);
            }
        }
    }
}
