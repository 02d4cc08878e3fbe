//! Search folding: the form of a text that the finder and in-article search match against.
//! Diacritics go ("Erdoğan" → "Erdogan"; the caron and cedilla letters that transliterate with
//! an "h" keep it: "Šaraa" → "Sharaa", so both "sharaa" and "saraa" find it), typographic punctuation becomes ASCII ("’" → "'",
//! "—" → "-"), other scripts are lower-cased, and ASCII case is kept so that smart case can
//! still tell "Putin" from "putin". Every folded character remembers the character it came
//! from, so positions map back exactly even where folding changes lengths ("ß" → "ss").
//! Pure string work: what a match is, is decided by the callers.

use std::ops::Range;
use unicode_normalization::char::decompose_canonical;

/// Stands for the "h" that "š", "č", "ž", "ş" and "ș" imply ("Šaraa" is "Sharaa"). The finder
/// turns it into a plain "h" ([`FoldedText`], [`fold_str`]); in-article search keeps it, so that
/// a literal query matches it with or without an "h".
pub const IMPLIED_H: char = '\u{e000}';

/// Letters with no canonical decomposition that still read as a base letter plus a mark, or as
/// a ligature of two.
const SPECIAL_LETTERS: &[(char, &str)] = &[
    ('š', "s\u{e000}"),
    ('Š', "S\u{e000}"),
    ('č', "c\u{e000}"),
    ('Č', "C\u{e000}"),
    ('ž', "z\u{e000}"),
    ('Ž', "Z\u{e000}"),
    ('ş', "s\u{e000}"),
    ('Ş', "S\u{e000}"),
    ('ș', "s\u{e000}"),
    ('Ș', "S\u{e000}"),
    ('ß', "ss"),
    ('ẞ', "SS"),
    ('æ', "ae"),
    ('Æ', "AE"),
    ('œ', "oe"),
    ('Œ', "OE"),
    ('ø', "o"),
    ('Ø', "O"),
    ('đ', "d"),
    ('Đ', "D"),
    ('ð', "d"),
    ('Ð', "D"),
    ('ł', "l"),
    ('Ł', "L"),
    ('ħ', "h"),
    ('Ħ', "H"),
    ('ı', "i"),
    ('þ', "th"),
    ('Þ', "TH"),
    ('ŧ', "t"),
    ('Ŧ', "T"),
    ('ŀ', "l"),
    ('Ŀ', "L"),
    ('ﬀ', "ff"),
    ('ﬁ', "fi"),
    ('ﬂ', "fl"),
    ('ﬃ', "ffi"),
    ('ﬄ', "ffl"),
    ('ﬅ', "st"),
    ('ﬆ', "st"),
];

/// Calls `emit` with what `c` folds to: nothing (a combining mark, a zero-width character),
/// one character, or several.
pub fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        return emit(c);
    }
    if let Some(ascii) = punctuation(c) {
        return ascii.chars().for_each(emit);
    }
    if is_dropped(c) {
        return;
    }
    if let Some((_, folded)) = SPECIAL_LETTERS.iter().find(|(letter, _)| *letter == c) {
        return folded.chars().for_each(emit);
    }
    if has_diacritics_to_strip(c) {
        decompose_canonical(c, |part| {
            if !is_dropped(part) {
                emit(lower_non_ascii(part));
            }
        });
        return;
    }
    if ('\u{ff01}'..='\u{ff5e}').contains(&c) {
        // Full-width ASCII ("Ｐｕｔｉｎ").
        return emit(char::from_u32(c as u32 - 0xfee0).unwrap_or(c));
    }
    emit(lower_non_ascii(c))
}

/// Typographic punctuation and spaces, as the ASCII a person types for them.
fn punctuation(c: char) -> Option<&'static str> {
    Some(match c {
        '‘' | '’' | '‚' | '‛' | 'ʼ' | 'ʻ' | '′' | '´' | 'ʹ' => "'",
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⁃' => "-",
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => " ",
        '…' => "...",
        _ => return None,
    })
}

/// Combining marks (accents written as separate characters, Arabic vowel signs) and
/// invisible characters: they carry no letter of their own.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}'
        | '\u{483}'..='\u{489}'
        | '\u{64b}'..='\u{65f}'
        | '\u{670}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{ad}'
        | '\u{200b}'..='\u{200d}'
        | '\u{2060}'
        | '\u{feff}')
}

/// Latin, Greek and Cyrillic letters, whose canonical decomposition is a base letter plus
/// marks. Other scripts keep their characters (a kana's voicing mark is not an accent).
fn has_diacritics_to_strip(c: char) -> bool {
    matches!(c,
        '\u{c0}'..='\u{24f}'
        | '\u{370}'..='\u{3ff}'
        | '\u{400}'..='\u{4ff}'
        | '\u{1e00}'..='\u{1eff}'
        | '\u{1f00}'..='\u{1fff}')
}

/// ASCII keeps its case (smart case reads it); other letters are lower-cased so that matching
/// them ignores case.
fn lower_non_ascii(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// A text in folded form, with the display character each folded character came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoldedText {
    text: String,
    /// `origin[i]`: the display character of folded character `i`; `None` when folding kept
    /// one character for one.
    origin: Option<Box<[u32]>>,
    display_chars: u32,
}

impl FoldedText {
    pub fn new(display: &str) -> FoldedText {
        let mut text = String::with_capacity(display.len());
        let mut origin: Vec<u32> = Vec::new();
        let mut one_for_one = true;
        let mut display_chars = 0u32;
        for (i, c) in display.chars().enumerate() {
            let before = origin.len();
            fold_char(c, &mut |f| {
                text.push(plain_h(f));
                origin.push(i as u32);
            });
            one_for_one &= origin.len() == before + 1;
            display_chars = i as u32 + 1;
        }
        FoldedText {
            text,
            origin: (!one_for_one).then(|| origin.into_boxed_slice()),
            display_chars,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn into_parts(self) -> (String, Option<Box<[u32]>>, u32) {
        (self.text, self.origin, self.display_chars)
    }

    /// The display characters folded character `i` stands for: its own, plus any dropped
    /// characters (combining marks) right after it, so a highlight covers whole letters.
    pub fn display_range(&self, i: usize) -> Range<usize> {
        display_range(self.origin.as_deref(), self.display_chars, i)
    }
}

/// [`FoldedText::display_range`] over the parts, for callers that store them apart.
pub fn display_range(origin: Option<&[u32]>, display_chars: u32, i: usize) -> Range<usize> {
    let Some(origin) = origin else {
        return i..i + 1;
    };
    let Some(&start) = origin.get(i) else {
        return display_chars as usize..display_chars as usize;
    };
    let next = origin.get(i + 1).copied().unwrap_or(display_chars);
    start as usize..next.max(start + 1) as usize
}

/// Folds a whole string (for queries).
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |f| out.push(plain_h(f)));
    }
    out
}

fn plain_h(c: char) -> char {
    match c {
        IMPLIED_H => 'h',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        let table = [
            ("Šaraa", "Sharaa"),
            ("Žukov Čech", "Zhukov Chech"),
            ("Al-Charaa’s", "Al-Charaa's"),
            ("Erdoğan", "Erdogan"),
            ("São Paulo", "Sao Paulo"),
            ("Straße", "Strasse"),
            ("Ahme\u{301}d", "Ahmed"),
            ("“Quoted” — yes…", "\"Quoted\" - yes..."),
            ("Путин", "путин"),
            ("Ἀθῆναι", "αθηναι"),
            ("東京で会談", "東京で会談"),
            ("Ｐｕｔｉｎ", "Putin"),
            ("Łódź", "Lodz"),
        ];
        for (text, folded) in table {
            assert_eq!(FoldedText::new(text).as_str(), folded, "{text}");
        }
    }

    #[test]
    fn one_for_one_folding_keeps_no_map() {
        let folded = FoldedText::new("Årdé’s");
        assert!(folded.origin.is_none());
        assert_eq!(folded.display_range(3), 3..4);
    }

    #[test]
    fn expansions_and_marks_map_back_to_whole_characters() {
        let folded = FoldedText::new("Straße e\u{301}");
        // "Strasse e": the two s of ß both come from display char 4.
        assert_eq!(folded.display_range(4), 4..5);
        assert_eq!(folded.display_range(5), 4..5);
        assert_eq!(folded.display_range(6), 5..6);
        // The e takes its combining accent with it.
        assert_eq!(folded.display_range(8), 7..9);
    }
}
