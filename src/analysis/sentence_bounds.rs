//! UAX #29 sentence boundaries for text of ASCII and the few other characters English news
//! is full of (curly quotes, dashes, no-break spaces, Latin-1 letters), by character class.
//! The general segmenter's per-character table lookups were most of the time spent opening
//! an article. Only the rules that these characters can meet apply (no Extend, Format,
//! OLetter or Sep); a property test holds the result to `unicode-segmentation`.

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Class {
    Cr,
    Lf,
    /// Tab, vertical tab, form feed, space.
    Sp,
    Lower,
    Upper,
    Numeric,
    /// `.`
    ATerm,
    /// `!` `?`
    STerm,
    /// Quotation marks and brackets.
    Close,
    /// `,` `-` `:` `;`
    SContinue,
    Other,
}

/// The class of a character this path knows, `None` for any other.
fn class(c: char) -> Option<Class> {
    Some(match c {
        '\r' => Class::Cr,
        '\n' => Class::Lf,
        '\t' | '\x0b' | '\x0c' | ' ' | '\u{a0}' => Class::Sp,
        'a'..='z' | 'ß'..='ö' | 'ø'..='ÿ' => Class::Lower,
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => Class::Upper,
        '0'..='9' => Class::Numeric,
        '.' => Class::ATerm,
        '!' | '?' => Class::STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '‘' | '’' | '“' | '”' => {
            Class::Close
        }
        ',' | '-' | ':' | ';' | '–' | '—' => Class::SContinue,
        '\0'..='\x7f' | '©' | '®' | '°' | '×' | '÷' => Class::Other,
        _ => return None,
    })
}

/// What the text before a position ends with, as far as the rules look back.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Tail {
    Nothing,
    /// `SATerm Close*`, and whether the terminator was a full stop.
    Term {
        aterm: bool,
    },
    /// `SATerm Close* Sp+`.
    TermSpaces {
        aterm: bool,
    },
}

/// `(offset, sentence)` for each sentence-boundary segment of `text`: the same pieces
/// `split_sentence_bound_indices` gives, or `None` when `text` has a character this path does
/// not know.
pub fn sentence_bounds(text: &str) -> Option<Vec<(usize, &str)>> {
    let (mut classes, mut starts) = (Vec::with_capacity(text.len()), Vec::new());
    match text.is_ascii() {
        true => classes.extend(
            text.bytes()
                .map(|b| class(char::from(b)).unwrap_or(Class::Other)),
        ),
        false => {
            for (at, c) in text.char_indices() {
                classes.push(class(c)?);
                starts.push(at);
            }
        }
    }
    // Where character `i` starts (ASCII: at byte `i`).
    let at = |i: usize| match starts.is_empty() {
        true => i.min(text.len()),
        false => starts.get(i).copied().unwrap_or(text.len()),
    };
    let n = classes.len();
    // SB8 looks ahead past anything but letters, paragraph separators and terminators for a
    // lower-case letter: `lower_ahead[i]` is what that scan finds from `i`, worked out once.
    let mut lower_ahead = vec![false; n + 1];
    for i in (0..n).rev() {
        lower_ahead[i] = match classes[i] {
            Class::Lower => true,
            Class::Upper | Class::Cr | Class::Lf | Class::ATerm | Class::STerm => false,
            _ => lower_ahead[i + 1],
        };
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut tail = Tail::Nothing;
    for i in 1..n {
        let (before, here) = (classes[i - 1], classes[i]);
        tail = match (before, tail) {
            (Class::ATerm, _) => Tail::Term { aterm: true },
            (Class::STerm, _) => Tail::Term { aterm: false },
            (Class::Close, Tail::Term { aterm }) => Tail::Term { aterm },
            (Class::Sp, Tail::Term { aterm } | Tail::TermSpaces { aterm }) => {
                Tail::TermSpaces { aterm }
            }
            _ => Tail::Nothing,
        };
        if is_break(&classes, i, before, here, tail, &lower_ahead) {
            out.push((at(start), &text[at(start)..at(i)]));
            start = i;
        }
    }
    if start < n {
        out.push((at(start), &text[at(start)..]));
    }
    Some(out)
}

fn is_break(
    classes: &[Class],
    i: usize,
    before: Class,
    here: Class,
    tail: Tail,
    lower_ahead: &[bool],
) -> bool {
    // SB3, SB4: CR LF stays together; a paragraph separator ends a sentence.
    if before == Class::Cr && here == Class::Lf {
        return false;
    }
    if matches!(before, Class::Cr | Class::Lf) {
        return true;
    }
    // SB6: "3.4".
    if before == Class::ATerm && here == Class::Numeric {
        return false;
    }
    // SB7: "U.S." before a capital.
    if before == Class::ATerm
        && here == Class::Upper
        && i >= 2
        && matches!(classes[i - 2], Class::Upper | Class::Lower)
    {
        return false;
    }
    // Every rule left looks back at a terminator: without one, SB998 keeps going.
    let (aterm, spaced) = match tail {
        Tail::Nothing => return false,
        Tail::Term { aterm } => (aterm, false),
        Tail::TermSpaces { aterm } => (aterm, true),
    };
    // SB8: a full stop followed, after anything but letters, by a lower-case letter.
    if aterm && lower_ahead[i] {
        return false;
    }
    // SB8a, SB9, SB10.
    if matches!(here, Class::SContinue | Class::ATerm | Class::STerm) {
        return false;
    }
    if !spaced && here == Class::Close {
        return false;
    }
    if matches!(here, Class::Sp | Class::Cr | Class::Lf) {
        return false;
    }
    // SB11.
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn general(text: &str) -> Vec<(usize, &str)> {
        text.split_sentence_bound_indices().collect()
    }

    #[test]
    fn news_paragraphs_split_as_the_general_segmenter_does() {
        for text in [
            "Putin met al-Sharaa on Wednesday. The Kremlin said talks went well! Did they?",
            "The U.S. Army left. Mr. Smith said \"no.\" (It was 3.5 km.) then went on... OK",
            "He said: \"We won't.\"  Next.\r\nNew line\n\nAnother paragraph.  ",
            "",
            ".",
            "a.b. c? D! e.\t(F) \"g.\" 'h' [i.] {j!} k- l; m, n:",
        ] {
            assert_eq!(sentence_bounds(text), Some(general(text)), "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// On any ASCII text, mostly built from the characters the rules single out.
        #[test]
        fn any_ascii_text_splits_as_the_general_segmenter_does(
            text in "[aZ1.!?\"'()\\[\\]{},:;\\- \t\r\n\x0b\x0c#_]{0,30}|[ -~\t\r\n]{0,60}"
        ) {
            prop_assert_eq!(sentence_bounds(&text), Some(general(&text)));
        }

        /// With the other characters this path knows, and some it does not (which it leaves
        /// to the general segmenter).
        #[test]
        fn any_news_text_splits_as_the_general_segmenter_does(
            text in "[aZ1.!?\"'(),:;\\- \t\n‘’“”–—\u{a0}©®°×÷ßöøÿÀÖØÞéÉ]{0,30}",
            unknown in proptest::option::of("[\u{85}\u{2029}\u{301}\u{ad}…日ª]")
        ) {
            let text = match unknown {
                Some(u) => format!("{text}{u}{text}"),
                None => text,
            };
            let known = sentence_bounds(&text);
            prop_assert_eq!(known.is_some(), text.chars().all(|c| class(c).is_some()));
            if let Some(known) = known {
                prop_assert_eq!(known, general(&text));
            }
        }
    }
}
