//! UAX #29 word boundaries for ASCII text, by byte class. Nearly every sentence of English
//! news is ASCII, and the general segmenter's per-character table lookups were a tenth of the
//! recogniser's time (and a quarter of the alignment tokenizer's). Only the rules that ASCII
//! characters can meet apply; a property test holds the result to `unicode-segmentation` on
//! ASCII input.

use unicode_segmentation::UnicodeSegmentation;

/// `(offset, word)` for each word of `text` (a segment with a letter or digit in it): what
/// `unicode_word_indices` gives, by byte class where `text` is ASCII.
pub fn word_indices<'a>(text: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    by_piece(text, |piece| match piece.is_ascii() {
        true => Box::new(
            AsciiWordBounds::new(piece)
                .filter(|(_, s)| s.bytes().any(|b| b.is_ascii_alphanumeric())),
        ),
        false => Box::new(piece.unicode_word_indices()),
    })
}

/// `(offset, segment)` for each word-boundary segment of `text`: what
/// `split_word_bound_indices` gives, by byte class where `text` is ASCII.
pub fn word_bound_indices<'a>(text: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    by_piece(text, |piece| match piece.is_ascii() {
        true => Box::new(AsciiWordBounds::new(piece)),
        false => Box::new(piece.split_word_bound_indices()),
    })
}

/// The segments `segment` finds in each of `text`'s [`pieces`], with offsets into `text`.
fn by_piece<'a>(
    text: &'a str,
    segment: impl Fn(&'a str) -> Box<dyn Iterator<Item = (usize, &'a str)> + 'a> + 'a,
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    pieces(text)
        .flat_map(move |(at, piece)| segment(piece).map(move |(offset, s)| (at + offset, s)))
}

/// `text` in pieces, each ASCII or not, so that a paragraph with one curly quote or accent
/// goes to the general segmenter only around it. A cut falls between a space and an ASCII
/// character other than a space: always a word boundary (WB999; only WB3d joins a space to
/// what follows, and only another space), and no rule looks across it (those that look
/// further than the neighbouring character look for letters, digits and joiners, and a space
/// is none, nor is it ignored as Extend or Format characters are).
fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    let cut_at = |i: usize| bytes[i - 1] == b' ' && bytes[i] != b' ' && bytes[i].is_ascii();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        at = match bytes[start..].iter().position(|b| !b.is_ascii()) {
            None => bytes.len(),
            // An ASCII run, up to the last cut before the next non-ASCII byte.
            Some(n) => match (start + 1..start + n).rev().find(|&i| cut_at(i)) {
                Some(cut) => cut,
                // The non-ASCII part, up to the first cut after it.
                None => (start + n + 1..bytes.len())
                    .find(|&i| cut_at(i))
                    .unwrap_or(bytes.len()),
            },
        };
        Some((start, &text[start..at]))
    })
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Class {
    Letter,
    Numeric,
    /// `:`
    MidLetter,
    /// `,` `;`
    MidNum,
    /// `.` `'`
    MidNumLet,
    /// `_`
    ExtendNumLet,
    /// `\r`
    Cr,
    /// `\n`, vertical tab, form feed
    Newline,
    /// ` ` (not tab: a tab is Other)
    Space,
    Other,
}

fn class(byte: u8) -> Class {
    match byte {
        b'A'..=b'Z' | b'a'..=b'z' => Class::Letter,
        b'0'..=b'9' => Class::Numeric,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidNumLet,
        b'_' => Class::ExtendNumLet,
        b'\r' => Class::Cr,
        b'\n' | 0x0b | 0x0c => Class::Newline,
        b' ' => Class::Space,
        _ => Class::Other,
    }
}

/// `(offset, segment)` for each word-boundary segment of `text`, which must be ASCII: the same
/// pieces `split_word_bound_indices` gives.
pub struct AsciiWordBounds<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> AsciiWordBounds<'a> {
    pub fn new(text: &'a str) -> AsciiWordBounds<'a> {
        debug_assert!(text.is_ascii());
        AsciiWordBounds { text, at: 0 }
    }

    /// Where the segment starting at `start` ends.
    fn segment_end(&self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let class_at = |i: usize| bytes.get(i).map(|&b| class(b));
        let first = class(bytes[start]);
        match first {
            // WB3: CR × LF.
            Class::Cr
                if class_at(start + 1) == Some(Class::Newline) && bytes[start + 1] == b'\n' =>
            {
                start + 2
            }
            // WB3d: horizontal spaces stay together.
            Class::Space => {
                let mut end = start + 1;
                while class_at(end) == Some(Class::Space) {
                    end += 1;
                }
                end
            }
            Class::Letter | Class::Numeric | Class::ExtendNumLet => {
                let mut previous = first;
                let mut end = start + 1;
                while let Some(next) = class_at(end) {
                    let joins = match next {
                        // WB5, WB8, WB9, WB10, WB13b.
                        Class::Letter | Class::Numeric => true,
                        // WB13a.
                        Class::ExtendNumLet => true,
                        // WB6, WB7: a letter, a middle character, a letter.
                        Class::MidLetter | Class::MidNumLet
                            if previous == Class::Letter
                                && class_at(end + 1) == Some(Class::Letter) =>
                        {
                            end += 1;
                            true
                        }
                        // WB11, WB12: a digit, a middle character, a digit.
                        Class::MidNum | Class::MidNumLet
                            if previous == Class::Numeric
                                && class_at(end + 1) == Some(Class::Numeric) =>
                        {
                            end += 1;
                            true
                        }
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    previous = class(bytes[end]);
                    end += 1;
                }
                end
            }
            // WB999: everything else stands alone.
            _ => start + 1,
        }
    }
}

impl<'a> Iterator for AsciiWordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.at >= self.text.len() {
            return None;
        }
        let start = self.at;
        self.at = self.segment_end(start);
        Some((start, &self.text[start..self.at]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Segments<'a> = Vec<(usize, &'a str)>;

    fn both(text: &str) -> (Segments<'_>, Segments<'_>) {
        (
            AsciiWordBounds::new(text).collect(),
            text.split_word_bound_indices().collect(),
        )
    }

    #[test]
    fn news_text_splits_as_the_general_segmenter_does() {
        for text in [
            "Putin met al-Sharaa in Moscow on Oct. 15, 2025.",
            "The U.S. said 1,000.5 troops -- don't ask -- left at 10:30\r\n\tnow",
            "snake_case_2 _x 3_ a.b.c 1.2.3 a:b 1:2 a,b 1,2 a;b 1;2 'quoted' \"double\"",
            "",
            "   ",
            "\r\r\n\n\x0b\x0c",
        ] {
            let (ours, theirs) = both(text);
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// On text with curly quotes, dashes, accents, marks that join the letter before and
        /// characters of other scripts among the ASCII, cut into pieces or not.
        #[test]
        fn any_text_splits_as_the_general_segmenter_does(
            text in "[aZ0_:,;.' \t\r\n\"#-’‘“”—–©éÉ\u{301}\u{200d}\u{a0}\u{ad}日🇸🇾]{0,30}"
        ) {
            let ours: Vec<(usize, &str)> = word_bound_indices(&text).collect();
            let theirs: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            prop_assert_eq!(ours, theirs);
            let words: Vec<(usize, &str)> = word_indices(&text).collect();
            let theirs: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            prop_assert_eq!(words, theirs);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// On any ASCII text, built mostly from the characters the rules single out.
        #[test]
        fn any_ascii_text_splits_as_the_general_segmenter_does(
            text in "[aZ0_:,;.' \t\r\n\x0b\x0c\"#@-]{0,24}|[ -~\t\r\n]{0,40}"
        ) {
            let (ours, theirs) = both(&text);
            prop_assert_eq!(ours, theirs);
            let words: Vec<(usize, &str)> = word_indices(&text).collect();
            let theirs: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            prop_assert_eq!(words, theirs);
        }
    }
}
