//! The recogniser's tokenizer: Unicode word boundaries (UAX #29) with news-specific repairs.
//! Tokens carry byte ranges into the input, always on char boundaries; it never allocates text.
//!
//! Repairs: "al-Sharaa" / "Al-Charaa" / "ez-Zor" stay one token; "Kurdish-led" and
//! "Sharaa-Putin" split at the hyphen so each name can be tagged alone; the possessive
//! "Assad’s" splits into "Assad" + "’s"; "U.S." and "Mr." keep their final period.

use crate::analysis::ascii_word_bounds::word_bound_indices;
use std::ops::Range;

/// One token: a byte range into the text it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    /// True when no whitespace separates this token from the previous one ("-" in "Kurdish-led").
    pub glued: bool,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.span.clone()).unwrap_or("")
    }
}

/// Arabic and similar article prefixes that form one name with a hyphenated word.
const HYPHEN_PARTICLES: [&str; 12] = [
    "al", "el", "ad", "ed", "ar", "as", "ash", "at", "az", "ez", "an", "ul",
];

/// Abbreviations whose final period belongs to the word.
const ABBREVIATIONS: [&str; 34] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Capt", "Sgt", "Sen", "Rep",
    "Gov", "Prof", "Inc", "Corp", "Co", "Ltd", "Mt", "Ft", "vs", "Jan", "Feb", "Aug", "Sept",
    "Sep", "Oct", "Nov", "Dec", "Adm", "Maj", "Rev",
];

/// Splits `text` into tokens. Offsets are absolute byte offsets into `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_range(text, 0..text.len())
}

/// Tokenizes the part of `text` in `range` (clamped to char boundaries); offsets stay absolute.
pub fn tokenize_range(text: &str, range: Range<usize>) -> Vec<Token> {
    let start = floor_char_boundary(text, range.start.min(text.len()));
    let end = floor_char_boundary(text, range.end.min(text.len())).max(start);
    tokens_of(text, start, word_bound_indices(&text[start..end]))
}

/// Tokens from the word-boundary segments of the slice of `text` that starts at `start`.
fn tokens_of<'a>(
    text: &str,
    start: usize,
    segments: impl Iterator<Item = (usize, &'a str)>,
) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut last_end = None;
    for (offset, segment) in segments {
        if segment
            .chars()
            .all(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
        {
            continue;
        }
        let seg_start = start + offset;
        let seg_end = seg_start + segment.len();
        let glued = last_end == Some(seg_start);
        last_end = Some(seg_end);
        if segment == "." && glued && tokens.last().is_some_and(|t| keeps_period(t.text(text))) {
            if let Some(previous) = tokens.last_mut() {
                previous.span.end = seg_end;
            }
            continue;
        }
        if let Some(split) = possessive_split(segment) {
            tokens.push(Token {
                span: seg_start..seg_start + split,
                glued,
            });
            tokens.push(Token {
                span: seg_start + split..seg_end,
                glued: true,
            });
            continue;
        }
        tokens.push(Token {
            span: seg_start..seg_end,
            glued,
        });
    }
    join_particle_hyphens(text, tokens)
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

/// "U.S" (internal period), a lone capital ("J" of "J. Smith"), or a known abbreviation.
fn keeps_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital
        || (word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic()))
        || ABBREVIATIONS.contains(&word)
}

/// Byte index where a trailing possessive "’s" / "'s" starts, if the word has one.
fn possessive_split(segment: &str) -> Option<usize> {
    for apostrophe in ["\u{2019}s", "'s", "\u{2019}S", "'S"] {
        if let Some(base) = segment.strip_suffix(apostrophe) {
            if base.chars().next_back().is_some_and(char::is_alphanumeric) {
                return Some(base.len());
            }
        }
    }
    None
}

fn is_joining_hyphen(word: &str) -> bool {
    matches!(word, "-" | "\u{2010}" | "\u{2011}")
}

/// Merges `particle` + `-` + `Name` into one token ("al-Sharaa", "Al-Charaa", "ez-Zor").
fn join_particle_hyphens(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let mut joined: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut index = 0;
    while index < tokens.len() {
        let token = &tokens[index];
        if let (Some(hyphen), Some(name)) = (tokens.get(index + 1), tokens.get(index + 2)) {
            let particle = token.text(text);
            let name_text = name.text(text);
            let is_particle = HYPHEN_PARTICLES
                .iter()
                .any(|p| p.eq_ignore_ascii_case(particle));
            if is_particle
                && hyphen.glued
                && name.glued
                && is_joining_hyphen(hyphen.text(text))
                && name_text.chars().next().is_some_and(char::is_uppercase)
            {
                joined.push(Token {
                    span: token.span.start..name.span.end,
                    glued: token.glued,
                });
                index += 3;
                continue;
            }
        }
        joined.push(token.clone());
        index += 1;
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn arabic_particles_stay_inside_the_name() {
        assert_eq!(words("Ahmad al-Sharaa met"), ["Ahmad", "al-Sharaa", "met"]);
        assert_eq!(words("Bashar el-Assad"), ["Bashar", "el-Assad"]);
        assert_eq!(
            words("Al-Charaa–Putin meeting"),
            ["Al-Charaa", "–", "Putin", "meeting"]
        );
        assert_eq!(words("Deir ez-Zor"), ["Deir", "ez-Zor"]);
    }

    #[test]
    fn hyphenated_compounds_split_so_the_name_stands_alone() {
        assert_eq!(
            words("Kurdish-led forces"),
            ["Kurdish", "-", "led", "forces"]
        );
        assert_eq!(
            words("Sharaa-Putin Meeting"),
            ["Sharaa", "-", "Putin", "Meeting"]
        );
        assert_eq!(words("London-based"), ["London", "-", "based"]);
        assert_eq!(words("Syrian-Russian"), ["Syrian", "-", "Russian"]);
    }

    #[test]
    fn possessives_split_off_the_name() {
        assert_eq!(words("Assad\u{2019}s fall"), ["Assad", "\u{2019}s", "fall"]);
        assert_eq!(words("Assad's fall"), ["Assad", "'s", "fall"]);
        assert_eq!(words("Kurds' rights"), ["Kurds", "'", "rights"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(words("Mr. Smith."), ["Mr.", "Smith", "."]);
        assert_eq!(words("1,000 and 3.5"), ["1,000", "and", "3.5"]);
    }

    #[test]
    fn offsets_are_absolute_and_skip_whitespace_and_controls() {
        let text = "x\r\n\t\u{0}Putin\u{200b} é";
        let tokens = tokenize_range(text, 1..text.len());
        let texts: Vec<_> = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(texts, ["Putin", "é"]);
        assert_eq!(&text[tokens[0].span.clone()], "Putin");
    }

    #[test]
    fn ranges_off_char_boundaries_are_clamped() {
        let text = "éé Putin";
        let tokens = tokenize_range(text, 1..100);
        assert!(tokens.iter().all(|t| text.is_char_boundary(t.span.start)));
    }
}
