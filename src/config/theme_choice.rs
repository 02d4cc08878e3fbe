//! Which built-in theme the config asks for: `dark`, `light`, `high-contrast`, or `auto`, which
//! picks light or dark by the terminal's background where it can be told (`COLORFGBG`).

use crate::ui::theme::ThemeColours;

#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    Dark,
    Light,
    HighContrast,
    #[default]
    Auto,
}

impl ThemeChoice {
    pub const NAMES: [&str; 4] = ["dark", "light", "high-contrast", "auto"];

    pub fn parse(name: &str) -> Option<ThemeChoice> {
        match name {
            "dark" => Some(ThemeChoice::Dark),
            "light" => Some(ThemeChoice::Light),
            "high-contrast" => Some(ThemeChoice::HighContrast),
            "auto" => Some(ThemeChoice::Auto),
            _ => None,
        }
    }

    /// `auto` made concrete with the value of `COLORFGBG` (dark when it says nothing).
    pub fn resolve(self, colorfgbg: Option<&str>) -> ThemeChoice {
        match self {
            ThemeChoice::Auto if terminal_is_light(colorfgbg) == Some(true) => ThemeChoice::Light,
            ThemeChoice::Auto => ThemeChoice::Dark,
            other => other,
        }
    }

    /// The colours of the (resolved) theme.
    pub fn colours(self) -> ThemeColours {
        match self {
            ThemeChoice::Light => ThemeColours::light(),
            ThemeChoice::HighContrast => ThemeColours::high_contrast(),
            ThemeChoice::Dark | ThemeChoice::Auto => ThemeColours::dark(),
        }
    }
}

/// Whether `COLORFGBG` (`"15;0"`, `"0;default;15"`: foreground, background as ANSI numbers)
/// says the background is light: 7 (light grey) and 9–15 are light, 0–6 and 8 dark.
pub fn terminal_is_light(colorfgbg: Option<&str>) -> Option<bool> {
    let background: u8 = colorfgbg?.rsplit(';').next()?.trim().parse().ok()?;
    Some(background == 7 || (9..=15).contains(&background))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_follows_the_terminal_background() {
        assert_eq!(ThemeChoice::Auto.resolve(Some("0;15")), ThemeChoice::Light);
        assert_eq!(
            ThemeChoice::Auto.resolve(Some("15;default;0")),
            ThemeChoice::Dark
        );
        assert_eq!(ThemeChoice::Auto.resolve(None), ThemeChoice::Dark);
        assert_eq!(ThemeChoice::Auto.resolve(Some("junk")), ThemeChoice::Dark);
        assert_eq!(ThemeChoice::Light.resolve(Some("15;0")), ThemeChoice::Light);
    }
}
