//! How keys are written in the config file: `j`, `J`, `ctrl-d`, `pagedown`, `enter`, `esc`,
//! `tab`, `shift-tab`, `space`…; a sequence is two keys with a space between (`"g g"`,
//! `"] a"`). Names are case-insensitive; a single character is itself (`J` is shift-j).

use crate::keymap::{Key, KeyCode};

/// The named keys, with their aliases.
const NAMED: [(&str, KeyCode); 21] = [
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
];

/// Parses one key.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(Key::plain(c));
    }
    let lower = text.to_ascii_lowercase();
    if let Some(&(_, code)) = NAMED.iter().find(|(name, _)| *name == lower) {
        return Ok(Key::code(code));
    }
    if let Some(rest) = lower.strip_prefix("ctrl-").map(|_| &text[5..]) {
        let key = parse_key(rest)?;
        if key.ctrl {
            return Err(format!("unknown key {text:?}"));
        }
        let code = match key.code {
            // Terminals send ctrl with a letter the same with or without shift.
            KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        return Ok(Key { code, ctrl: true });
    }
    if let Some(rest) = lower.strip_prefix("shift-") {
        let mut chars = rest.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_alphabetic() {
                return Ok(Key::plain(c.to_uppercase().next().unwrap_or(c)));
            }
        }
        return Err(format!(
            "unknown key {text:?}: shift works with letters (write `J`) and `shift-tab`"
        ));
    }
    if lower.starts_with("alt-") || lower.starts_with("meta-") {
        return Err(format!(
            "unsupported key {text:?}: only ctrl- combinations can be bound"
        ));
    }
    Err(format!(
        "unknown key {text:?} (write a character, ctrl-x, or one of: {})",
        NAMED.map(|(n, _)| n).join(" ")
    ))
}

/// Parses a sequence of one or two keys separated by spaces.
pub fn parse_sequence(text: &str) -> Result<Vec<Key>, String> {
    let keys = text
        .split_whitespace()
        .map(parse_key)
        .collect::<Result<Vec<Key>, String>>()?;
    match keys.len() {
        0 => Err("empty key (write `space` for the space bar)".to_string()),
        1 | 2 => Ok(keys),
        _ => Err(format!("{text:?}: a sequence has at most two keys")),
    }
}

/// A key as the config file writes it (the inverse of [`parse_key`]).
pub fn key_name(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        code => NAMED
            .iter()
            .find(|(_, named)| *named == code)
            .map_or_else(|| format!("{code:?}"), |(name, _)| name.to_string()),
    };
    if key.ctrl {
        format!("ctrl-{name}")
    } else {
        name
    }
}

/// A sequence as the config file writes it: `"g g"`.
pub fn sequence_name(keys: &[Key]) -> String {
    keys.iter()
        .map(|&k| key_name(k))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_key_names_parse() {
        assert_eq!(parse_key("j").unwrap(), Key::plain('j'));
        assert_eq!(parse_key("J").unwrap(), Key::plain('J'));
        assert_eq!(parse_key("shift-j").unwrap(), Key::plain('J'));
        assert_eq!(parse_key("ctrl-d").unwrap(), Key::ctrl('d'));
        assert_eq!(parse_key("Ctrl-D").unwrap(), Key::ctrl('d'));
        assert_eq!(parse_key("PageDown").unwrap(), Key::code(KeyCode::PageDown));
        assert_eq!(parse_key("enter").unwrap(), Key::code(KeyCode::Enter));
        assert_eq!(parse_key("esc").unwrap(), Key::code(KeyCode::Esc));
        assert_eq!(parse_key("tab").unwrap(), Key::code(KeyCode::Tab));
        assert_eq!(parse_key("shift-tab").unwrap(), Key::code(KeyCode::BackTab));
        assert_eq!(parse_key("space").unwrap(), Key::plain(' '));
        assert_eq!(parse_key("-").unwrap(), Key::plain('-'));
        assert!(parse_key("alt-x").unwrap_err().contains("unsupported"));
        assert!(parse_key("f13").unwrap_err().contains("unknown key"));
    }

    #[test]
    fn sequences_have_one_or_two_keys() {
        assert_eq!(
            parse_sequence("g g").unwrap(),
            vec![Key::plain('g'), Key::plain('g')]
        );
        assert_eq!(parse_sequence("] a").unwrap()[0], Key::plain(']'));
        assert!(parse_sequence("a b c").is_err());
        assert!(parse_sequence(" ").is_err());
    }

    #[test]
    fn names_round_trip() {
        for text in [
            "j",
            "ctrl-d",
            "pagedown",
            "shift-tab",
            "space",
            "ctrl-up",
            "g g",
        ] {
            assert_eq!(sequence_name(&parse_sequence(text).unwrap()), text);
        }
    }
}
