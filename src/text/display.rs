//! Terminal-safe display strings. The source text keeps every byte for offsets; anything shown
//! to a person goes through here first so that no article can talk to the terminal.

use std::borrow::Cow;

/// Replaces every character that a terminal could interpret (C0 controls, DEL, the C1 range)
/// with an inert visible placeholder, one character for one, so code point lengths are kept.
/// Newlines, carriage returns and tabs become spaces: display strings are single-line runs.
pub fn display_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(placeholder).collect())
}

fn needs_replacing(c: char) -> bool {
    c.is_control()
}

/// How one character is shown: itself, or the placeholder that stands for it.
pub fn display_char(c: char) -> char {
    placeholder(c)
}

fn placeholder(c: char) -> char {
    match c {
        '\n' | '\r' | '\t' => ' ',
        // U+2400..U+241F are the "control pictures": ␛ for ESC, ␇ for BEL…
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ if c.is_control() => '\u{fffd}',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_placeholders() {
        let hostile = "a\u{1b}]52;c;aGVsbG8=\u{7}b\u{1b}[31mred\u{9b}2Jz\u{7f}";
        let safe = display_safe(hostile);
        assert!(!safe.chars().any(|c| c.is_control()));
        assert_eq!(safe.chars().count(), hostile.chars().count());
        assert!(safe.contains('␛'));
        assert!(safe.contains('␇'));
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        assert!(matches!(display_safe("Putin – Šaraa ✓"), Cow::Borrowed(_)));
    }
}
