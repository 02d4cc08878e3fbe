//! Word shapes ("Xxxx", "XX", "x-Xxxx", "dddd") and orthographic flags of one token.
//! Computed without allocation for the tagger; `String` forms exist for tests and debugging.

use super::feature_hash::FeatureHasher;

/// Longest run of one character class kept in the long shape ("Putin" → "Xxxx").
const MAX_RUN: usize = 3;

/// The class a character contributes to a shape.
fn shape_char(c: char) -> char {
    if c.is_ascii_digit() || c.is_numeric() {
        'd'
    } else if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_alphabetic() {
        'a'
    } else {
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2018}' | '\u{2019}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' => '"',
            c if c.is_ascii() => c,
            _ => '*',
        }
    }
}

/// Visits the long shape (runs capped at [`MAX_RUN`]) and the short shape (runs collapsed).
fn visit_shape(word: &str, mut long: impl FnMut(char), mut short: impl FnMut(char)) {
    let mut previous = None;
    let mut run = 0;
    for c in word.chars().map(shape_char) {
        if previous == Some(c) {
            run += 1;
        } else {
            run = 1;
            previous = Some(c);
            short(c);
        }
        if run <= MAX_RUN {
            long(c);
        }
    }
}

/// The long shape: "Putin" → "Xxxx", "NATO" → "XXX", "al-Sharaa" → "xx-Xxxx", "2024" → "ddd".
pub fn word_shape(word: &str) -> String {
    let mut shape = String::new();
    visit_shape(word, |c| shape.push(c), |_| {});
    shape
}

/// The compressed shape: "Putin" → "Xx", "NATO" → "X", "al-Sharaa" → "x-Xx", "1,000" → "d,d".
pub fn short_shape(word: &str) -> String {
    let mut shape = String::new();
    visit_shape(word, |_| {}, |c| shape.push(c));
    shape
}

/// Hashes of the long and short shapes, computed in one pass without allocating.
pub fn shape_hashes(word: &str) -> (u64, u64) {
    let mut long = FeatureHasher::new(0x5a);
    let mut short = FeatureHasher::new(0x5b);
    visit_shape(word, |c| long.add_char(c), |c| short.add_char(c));
    (long.finish(), short.finish())
}

/// Orthographic facts about a token, as bit flags.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct WordFlags(pub u16);

impl WordFlags {
    pub const INITIAL_UPPER: u16 = 1;
    pub const ALL_UPPER: u16 = 1 << 1;
    pub const ALL_LOWER: u16 = 1 << 2;
    pub const HAS_DIGIT: u16 = 1 << 3;
    pub const ALL_DIGIT: u16 = 1 << 4;
    pub const HAS_LETTER: u16 = 1 << 5;
    pub const PUNCTUATION: u16 = 1 << 6;
    pub const HAS_HYPHEN: u16 = 1 << 7;

    pub fn of(word: &str) -> WordFlags {
        // Nearly every token of English news is ASCII: classify bytes without decoding chars
        // (the same classes `char` gives for ASCII).
        if word.is_ascii() {
            let mut flags = 0;
            let (mut upper, mut lower, mut digits, mut letters, mut others) = (0, 0, 0, 0, 0);
            for (index, byte) in word.bytes().enumerate() {
                match byte {
                    b'A'..=b'Z' => {
                        letters += 1;
                        upper += 1;
                        if index == 0 {
                            flags |= Self::INITIAL_UPPER;
                        }
                    }
                    b'a'..=b'z' => {
                        letters += 1;
                        lower += 1;
                    }
                    b'0'..=b'9' => digits += 1,
                    b'-' => {
                        others += 1;
                        flags |= Self::HAS_HYPHEN;
                    }
                    _ => others += 1,
                }
            }
            return Self::finish(flags, upper, lower, digits, letters, others);
        }
        Self::of_chars(word)
    }

    /// The general path, over decoded characters.
    fn of_chars(word: &str) -> WordFlags {
        let mut flags = 0;
        let (mut upper, mut lower, mut digits, mut letters, mut others) = (0, 0, 0, 0, 0);
        for (index, c) in word.chars().enumerate() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                    if index == 0 {
                        flags |= Self::INITIAL_UPPER;
                    }
                } else if c.is_lowercase() {
                    lower += 1;
                }
            } else if c.is_numeric() {
                digits += 1;
            } else {
                others += 1;
                if matches!(c, '-' | '\u{2010}'..='\u{2013}') {
                    flags |= Self::HAS_HYPHEN;
                }
            }
        }
        Self::finish(flags, upper, lower, digits, letters, others)
    }

    fn finish(
        mut flags: u16,
        upper: usize,
        lower: usize,
        digits: usize,
        letters: usize,
        others: usize,
    ) -> WordFlags {
        if letters > 0 {
            flags |= Self::HAS_LETTER;
            if upper > 0 && lower == 0 {
                flags |= Self::ALL_UPPER;
            }
            if lower > 0 && upper == 0 {
                flags |= Self::ALL_LOWER;
            }
        }
        if digits > 0 {
            flags |= Self::HAS_DIGIT;
            if letters == 0 && others == 0 {
                flags |= Self::ALL_DIGIT;
            }
        }
        if letters == 0 && digits == 0 && others > 0 {
            flags |= Self::PUNCTUATION;
        }
        WordFlags(flags)
    }

    pub fn has(self, flag: u16) -> bool {
        self.0 & flag != 0
    }

    /// Starts with a capital letter (including all-caps words).
    pub fn is_capitalized(self) -> bool {
        self.has(Self::INITIAL_UPPER)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_typical_news_tokens() {
        let table = [
            ("Putin", "Xxxx", "Xx"),
            ("NATO", "XXX", "X"),
            ("US", "XX", "X"),
            ("al-Sharaa", "xx-Xxxx", "x-Xx"),
            ("x-Ray", "x-Xxx", "x-Xx"),
            ("2024", "ddd", "d"),
            ("1,000", "d,ddd", "d,d"),
            ("Assad\u{2019}s", "Xxxx'x", "Xx'x"),
            ("Дамаск", "Xxxx", "Xx"),
            ("", "", ""),
        ];
        for (word, long, short) in table {
            assert_eq!(word_shape(word), long, "long shape of {word:?}");
            assert_eq!(short_shape(word), short, "short shape of {word:?}");
        }
    }

    proptest::proptest! {
        /// The byte path for ASCII words classifies exactly as the character path does.
        #[test]
        fn ascii_words_get_the_flags_of_the_character_path(word in "[ -~]{0,12}") {
            proptest::prop_assert_eq!(WordFlags::of(&word), WordFlags::of_chars(&word));
        }
    }

    #[test]
    fn flags_describe_case_and_digits() {
        let putin = WordFlags::of("Putin");
        assert!(putin.is_capitalized() && !putin.has(WordFlags::ALL_UPPER));
        assert!(WordFlags::of("NATO").has(WordFlags::ALL_UPPER));
        assert!(WordFlags::of("1996").has(WordFlags::ALL_DIGIT));
        assert!(WordFlags::of("--").has(WordFlags::PUNCTUATION));
        assert!(WordFlags::of("Kurdish-led").has(WordFlags::HAS_HYPHEN));
    }
}
