//! The colours of a theme: entity kinds, annotation labels and the interface, as data
//! (`assets/themes/*.toml` for the built-in `dark`, `light` and `high-contrast`), with a user's
//! overrides from the config file. A colour has a truecolour half and a 16-colour half; the
//! palette decides which is drawn.

use ratatui::style::Color;
use std::sync::LazyLock;

/// One theme colour: `#rrggbb`, an ANSI name, or both (`"#ffc457 yellow"`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub struct Colour {
    pub rgb: Option<(u8, u8, u8)>,
    pub ansi: Option<Color>,
}

/// The 16 ANSI colour names, as written in themes and label colours.
pub const ANSI_NAMES: [(&str, Color); 17] = [
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("grey", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
];

/// The usual xterm values of the 16 ANSI colours, to draw an ANSI-only colour in 256 colours
/// and to find the nearest ANSI colour of a hex one.
const ANSI_RGB: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

impl Colour {
    /// Parses `#rrggbb`, an ANSI name, or both separated by a space.
    pub fn parse(text: &str) -> Result<Colour, String> {
        let mut colour = Colour::default();
        let parts: Vec<&str> = text.split_whitespace().collect();
        if parts.is_empty() || parts.len() > 2 {
            return Err(format!(
                "bad colour {text:?}: write \"#rrggbb\", an ANSI name, or both"
            ));
        }
        for part in parts {
            if let Some(hex) = part.strip_prefix('#') {
                let value = (hex.len() == 6)
                    .then(|| u32::from_str_radix(hex, 16).ok())
                    .flatten()
                    .ok_or_else(|| format!("bad colour {part:?}: write #rrggbb"))?;
                colour.rgb = Some(((value >> 16) as u8, (value >> 8) as u8, value as u8));
            } else {
                colour.ansi = Some(ansi_named(part).ok_or_else(|| {
                    format!(
                        "unknown colour {part:?} (ANSI names: {})",
                        ANSI_NAMES.map(|(n, _)| n).join(" ")
                    )
                })?);
            }
        }
        Ok(colour)
    }

    /// The colour to draw in truecolour.
    pub fn truecolor(self) -> Option<Color> {
        self.rgb.map(|(r, g, b)| Color::Rgb(r, g, b)).or(self.ansi)
    }

    /// The colour to draw in 256 colours.
    pub fn indexed(self) -> Option<Color> {
        self.rgb
            .map(|rgb| Color::Indexed(rgb_to_256(rgb)))
            .or(self.ansi)
    }

    /// The colour to draw in 16 colours.
    pub fn ansi16(self) -> Option<Color> {
        self.ansi.or_else(|| self.rgb.map(nearest_ansi))
    }
}

pub fn ansi_named(name: &str) -> Option<Color> {
    let name = name.to_ascii_lowercase().replace(['-', '_'], "");
    ANSI_NAMES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (x as i32 - y as i32).pow(2) as u32;
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

fn nearest_ansi(rgb: (u8, u8, u8)) -> Color {
    ANSI_RGB
        .iter()
        .min_by_key(|(_, value)| distance(rgb, *value))
        .map_or(Color::White, |&(c, _)| c)
}

/// The nearest colour of the xterm 256-colour cube or grey ramp.
pub fn rgb_to_256(rgb: (u8, u8, u8)) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| {
        LEVELS
            .iter()
            .enumerate()
            .min_by_key(|(_, &l)| (l as i32 - v as i32).abs())
            .map_or(0, |(i, _)| i)
    };
    let (r, g, b) = (level(rgb.0), level(rgb.1), level(rgb.2));
    let cube = (LEVELS[r], LEVELS[g], LEVELS[b]);
    let average = (rgb.0 as u32 + rgb.1 as u32 + rgb.2 as u32) / 3;
    let grey_index = ((average.saturating_sub(8)) / 10).min(23) as u8;
    let grey = 8 + 10 * grey_index;
    if distance(rgb, (grey, grey, grey)) < distance(rgb, cube) {
        232 + grey_index
    } else {
        16 + 36 * r as u8 + 6 * g as u8 + b as u8
    }
}

/// Label colour names a theme styles; a label may also use any `#rrggbb`.
pub const LABEL_COLOUR_NAMES: [&str; 12] = [
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
];

/// How a label colour is drawn.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub struct LabelColours {
    /// Behind annotated text (the underline's colour on 16 colours).
    pub background: Colour,
    /// The label's name in lists and popups.
    pub text: Colour,
}

/// Every colour of a theme.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub struct ThemeColours {
    pub person: Colour,
    pub place: Colour,
    pub org: Colour,
    pub date: Colour,
    pub group: Colour,
    /// Parallel to [`LABEL_COLOUR_NAMES`].
    pub labels: [LabelColours; LABEL_COLOUR_NAMES.len()],
    pub selection_bg: Colour,
    pub selection_fg: Colour,
    pub border: Colour,
    pub border_focused: Colour,
    pub status_bg: Colour,
    pub status_fg: Colour,
    pub mode_bg: Colour,
    pub mode_fg: Colour,
    pub key: Colour,
    pub cursor_gutter: Colour,
    pub hidden_label: Colour,
    pub changed_bg: Colour,
    pub flagged_bg: Colour,
    pub flagged_fg: Colour,
}

/// The keys of a theme's `[entities]` table.
pub const ENTITY_KEYS: [&str; 5] = ["person", "place", "org", "date", "group"];
/// The keys of a theme's `[ui]` table.
pub const UI_KEYS: [&str; 14] = [
    "selection-bg",
    "selection-fg",
    "border",
    "border-focused",
    "status-bg",
    "status-fg",
    "mode-bg",
    "mode-fg",
    "key",
    "cursor-gutter",
    "hidden-label",
    "changed-bg",
    "flagged-bg",
    "flagged-fg",
];

impl ThemeColours {
    /// The colour slot of `[entities]` or `[ui]` named `key`.
    pub fn slot(&mut self, section: &str, key: &str) -> Option<&mut Colour> {
        Some(match (section, key) {
            ("entities", "person") => &mut self.person,
            ("entities", "place") => &mut self.place,
            ("entities", "org") => &mut self.org,
            ("entities", "date") => &mut self.date,
            ("entities", "group") => &mut self.group,
            ("ui", "selection-bg") => &mut self.selection_bg,
            ("ui", "selection-fg") => &mut self.selection_fg,
            ("ui", "border") => &mut self.border,
            ("ui", "border-focused") => &mut self.border_focused,
            ("ui", "status-bg") => &mut self.status_bg,
            ("ui", "status-fg") => &mut self.status_fg,
            ("ui", "mode-bg") => &mut self.mode_bg,
            ("ui", "mode-fg") => &mut self.mode_fg,
            ("ui", "key") => &mut self.key,
            ("ui", "cursor-gutter") => &mut self.cursor_gutter,
            ("ui", "hidden-label") => &mut self.hidden_label,
            ("ui", "changed-bg") => &mut self.changed_bg,
            ("ui", "flagged-bg") => &mut self.flagged_bg,
            ("ui", "flagged-fg") => &mut self.flagged_fg,
            _ => return None,
        })
    }

    /// The colours of a label colour name; `None` for names the theme does not style.
    pub fn label(&self, name: &str) -> Option<LabelColours> {
        LABEL_COLOUR_NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| self.labels[i])
    }

    pub fn label_mut(&mut self, name: &str) -> Option<&mut LabelColours> {
        LABEL_COLOUR_NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| &mut self.labels[i])
    }

    /// Parses a theme file; every colour must be given, and nothing else.
    pub fn parse(text: &str) -> Result<ThemeColours, String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
        let mut colours = ThemeColours::default();
        let mut given = 0;
        for (section, value) in &table {
            let toml::Value::Table(entries) = value else {
                return Err(format!("{section}: not a table"));
            };
            for (key, value) in entries {
                let at = format!("{section}.{key}");
                if section == "labels" {
                    let slot = colours
                        .label_mut(key)
                        .ok_or_else(|| format!("{at}: unknown label colour"))?;
                    let (background, text) = match value {
                        toml::Value::Table(t) => (
                            t.get("background").and_then(|v| v.as_str()),
                            t.get("text").and_then(|v| v.as_str()),
                        ),
                        _ => (None, None),
                    };
                    slot.background = Colour::parse(background.ok_or(format!("{at}.background"))?)?;
                    slot.text = Colour::parse(text.ok_or(format!("{at}.text"))?)?;
                } else {
                    let colour =
                        Colour::parse(value.as_str().ok_or(format!("{at}: not a string"))?)?;
                    *colours
                        .slot(section, key)
                        .ok_or_else(|| format!("{at}: unknown colour"))? = colour;
                }
                given += 1;
            }
        }
        let expected = ENTITY_KEYS.len() + UI_KEYS.len() + LABEL_COLOUR_NAMES.len();
        if given != expected {
            return Err(format!("{given} colours given, {expected} expected"));
        }
        Ok(colours)
    }

    pub fn dark() -> ThemeColours {
        BUILT_IN[0].1
    }

    pub fn light() -> ThemeColours {
        BUILT_IN[1].1
    }

    pub fn high_contrast() -> ThemeColours {
        BUILT_IN[2].1
    }
}

/// The built-in themes by name, parsed once from `assets/themes/`.
static BUILT_IN: LazyLock<[(&str, ThemeColours); 3]> = LazyLock::new(|| {
    let parse = |text: &str| ThemeColours::parse(text).expect("built-in themes parse");
    [
        (
            "dark",
            parse(include_str!("../../../assets/themes/dark.toml")),
        ),
        (
            "light",
            parse(include_str!("../../../assets/themes/light.toml")),
        ),
        (
            "high-contrast",
            parse(include_str!("../../../assets/themes/high-contrast.toml")),
        ),
    ]
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_parses_with_every_colour() {
        for (name, text) in [
            ("dark", include_str!("../../../assets/themes/dark.toml")),
            ("light", include_str!("../../../assets/themes/light.toml")),
            (
                "high-contrast",
                include_str!("../../../assets/themes/high-contrast.toml"),
            ),
        ] {
            ThemeColours::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        assert_ne!(ThemeColours::dark(), ThemeColours::light());
    }

    #[test]
    fn colours_parse_hex_names_and_both() {
        assert_eq!(
            Colour::parse("#ffc457 yellow").unwrap(),
            Colour {
                rgb: Some((255, 196, 87)),
                ansi: Some(Color::Yellow)
            }
        );
        assert_eq!(
            Colour::parse("LightBlue").unwrap().ansi,
            Some(Color::LightBlue)
        );
        assert!(Colour::parse("#ffc4").is_err());
        assert!(Colour::parse("mauve")
            .unwrap_err()
            .contains("unknown colour"));
    }

    #[test]
    fn each_palette_draws_its_half() {
        let c = Colour::parse("#ff0000").unwrap();
        assert_eq!(c.truecolor(), Some(Color::Rgb(255, 0, 0)));
        assert_eq!(c.indexed(), Some(Color::Indexed(196)));
        assert_eq!(c.ansi16(), Some(Color::LightRed));
        assert_eq!(rgb_to_256((128, 128, 128)), 244);
        let named = Colour::parse("blue").unwrap();
        assert_eq!(named.truecolor(), Some(Color::Blue));
    }
}
