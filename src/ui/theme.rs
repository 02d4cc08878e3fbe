//! Every colour and style the reader uses. The colours come from a theme (`colours`: the
//! built-in `dark`, `light`, `high-contrast`, or the config's); four palettes draw them:
//! truecolor, 256 colours, the 16 ANSI colours, and none (NO_COLOR), where entity kinds differ
//! by text style instead.

use crate::analysis::entity_kind::EntityKind;
use crate::corpus::RemovalReason;
use ratatui::style::{Color, Modifier, Style};

pub mod colours;

pub use colours::{Colour, ThemeColours};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Palette {
    TrueColor,
    /// The xterm 256 colours: a theme's hex colours drawn as the nearest of them.
    Ansi256,
    Ansi16,
    NoColor,
}

impl Palette {
    /// From the environment: `NO_COLOR` set (to anything) wins; `COLORTERM` says truecolor;
    /// a `TERM` with `256color` gives 256 colours; else the 16 ANSI colours.
    pub fn detect() -> Palette {
        let var = |name: &str| std::env::var(name).ok();
        Palette::from_env(
            var("NO_COLOR").as_deref(),
            var("COLORTERM").as_deref(),
            var("TERM").as_deref(),
        )
    }

    /// As [`Palette::detect`], with `--no-color` given or not.
    pub fn detect_with(no_color_flag: bool) -> Palette {
        if no_color_flag {
            Palette::NoColor
        } else {
            Palette::detect()
        }
    }

    /// The palette for these values of `NO_COLOR`, `COLORTERM` and `TERM`.
    pub fn from_env(
        no_color: Option<&str>,
        colorterm: Option<&str>,
        term: Option<&str>,
    ) -> Palette {
        if no_color.is_some_and(|v| !v.is_empty()) {
            Palette::NoColor
        } else if colorterm.is_some_and(|v| v == "truecolor" || v == "24bit") {
            Palette::TrueColor
        } else if term.is_some_and(|t| t.contains("256color")) {
            Palette::Ansi256
        } else {
            Palette::Ansi16
        }
    }
}

#[derive(Copy, Clone, Debug)]
pub struct Theme {
    pub palette: Palette,
    pub colours: ThemeColours,
}

impl Theme {
    /// The dark theme in a palette.
    pub fn new(palette: Palette) -> Theme {
        Theme::with_colours(palette, ThemeColours::dark())
    }

    /// A theme's colours (built-in or from the config) in a palette.
    pub fn with_colours(palette: Palette, colours: ThemeColours) -> Theme {
        Theme { palette, colours }
    }

    /// A colour as this palette draws it; `None` without colour.
    fn draw(&self, colour: Colour) -> Option<Color> {
        match self.palette {
            Palette::TrueColor => colour.truecolor(),
            Palette::Ansi256 => colour.indexed(),
            Palette::Ansi16 => colour.ansi16(),
            Palette::NoColor => None,
        }
    }

    fn fg(&self, colour: Colour) -> Style {
        match self.draw(colour) {
            Some(c) => Style::new().fg(c),
            None => Style::new(),
        }
    }

    fn fg_bg(&self, fg: Colour, bg: Colour) -> Style {
        let mut style = self.fg(fg);
        if let Some(c) = self.draw(bg) {
            style = style.bg(c);
        }
        style
    }

    /// The colours of a label colour: a name the theme styles, or `#rrggbb`; anything else
    /// is drawn as yellow.
    fn label_colours(&self, colour: &str) -> colours::LabelColours {
        if let Some(label) = self.colours.label(&colour.to_ascii_lowercase()) {
            return label;
        }
        match Colour::parse(colour) {
            Ok(c) if c.rgb.is_some() => colours::LabelColours {
                background: c,
                text: c,
            },
            _ => self.colours.label("yellow").unwrap_or_default(),
        }
    }

    /// The style of an entity mention by kind.
    pub fn entity(&self, kind: EntityKind) -> Style {
        if self.palette == Palette::NoColor {
            return match kind {
                EntityKind::Person => Style::new().add_modifier(Modifier::BOLD),
                EntityKind::Place => Style::new().add_modifier(Modifier::ITALIC),
                EntityKind::Org => Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC),
                EntityKind::Date => Style::new().add_modifier(Modifier::UNDERLINED),
                EntityKind::Group => Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            };
        }
        let c = &self.colours;
        self.fg(match kind {
            EntityKind::Person => c.person,
            EntityKind::Place => c.place,
            EntityKind::Org => c.org,
            EntityKind::Date => c.date,
            EntityKind::Group => c.group,
        })
    }

    /// Mentions of the selected entity stand out on top of their kind's style.
    pub fn selected_mention(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The background of an annotated span, by the label's colour (a name or `#rrggbb`).
    pub fn annotation(&self, colour: &str) -> Style {
        let background = self.label_colours(colour).background;
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::UNDERLINED),
            // On 16 colours a coloured underline keeps entity colours readable.
            Palette::Ansi16 => {
                let style = Style::new().add_modifier(Modifier::UNDERLINED);
                match background.ansi16() {
                    Some(c) => style.underline_color(c),
                    None => style,
                }
            }
            _ => match self.draw(background) {
                Some(c) => Style::new().bg(c),
                None => Style::new(),
            },
        }
    }

    /// Where two annotations overlap.
    pub fn overlap(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    pub fn selection(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::REVERSED),
            _ => self.fg_bg(self.colours.selection_fg, self.colours.selection_bg),
        }
    }

    /// Words one side of a comparison has and the other does not.
    pub fn changed(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::UNDERLINED),
            Palette::Ansi16 => Style::new().add_modifier(Modifier::UNDERLINED),
            _ => match self.draw(self.colours.changed_bg) {
                Some(c) => Style::new().bg(c),
                None => Style::new().add_modifier(Modifier::UNDERLINED),
            },
        }
    }

    /// A figure or name flagged as a possible discrepancy.
    pub fn flagged(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            _ => self
                .fg_bg(self.colours.flagged_fg, self.colours.flagged_bg)
                .add_modifier(Modifier::BOLD),
        }
    }

    pub fn search_match(&self) -> Style {
        match self.palette {
            Palette::NoColor => {
                Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
            }
            _ => Style::new().bg(Color::Yellow).fg(Color::Black),
        }
    }

    pub fn cursor_word(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    /// The foreground of a label's name in lists and popups.
    pub fn label(&self, colour: &str) -> Style {
        self.fg(self.label_colours(colour).text)
            .add_modifier(Modifier::BOLD)
    }

    pub fn headline(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn subtitle(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    pub fn meta(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn hidden(&self, _reason: RemovalReason) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn hidden_label(&self) -> Style {
        self.fg(self.colours.hidden_label)
            .add_modifier(Modifier::ITALIC)
    }

    pub fn cursor_gutter(&self) -> Style {
        self.fg(self.colours.cursor_gutter)
            .add_modifier(Modifier::BOLD)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.colours.border_focused)
                .add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.colours.border)
        }
    }

    pub fn selected_row(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn status(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::REVERSED),
            _ => self.fg_bg(self.colours.status_fg, self.colours.status_bg),
        }
    }

    pub fn mode(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::BOLD),
            _ => self
                .fg_bg(self.colours.mode_fg, self.colours.mode_bg)
                .add_modifier(Modifier::BOLD),
        }
    }

    pub fn notice(&self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }

    pub fn key(&self) -> Style {
        self.fg(self.colours.key).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_follows_no_color_colorterm_and_term() {
        assert_eq!(
            Palette::from_env(Some("1"), Some("truecolor"), None),
            Palette::NoColor
        );
        assert_eq!(
            Palette::from_env(Some(""), Some("24bit"), None),
            Palette::TrueColor
        );
        assert_eq!(
            Palette::from_env(None, None, Some("xterm-256color")),
            Palette::Ansi256
        );
        assert_eq!(
            Palette::from_env(None, None, Some("xterm")),
            Palette::Ansi16
        );
        assert_eq!(Palette::detect_with(true), Palette::NoColor);
    }

    #[test]
    fn the_dark_theme_keeps_the_original_colours() {
        let theme = Theme::new(Palette::TrueColor);
        assert_eq!(
            theme.entity(EntityKind::Person).fg,
            Some(Color::Rgb(255, 196, 87))
        );
        assert_eq!(theme.annotation("red").bg, Some(Color::Rgb(90, 30, 30)));
        assert_eq!(
            theme.annotation("nonsense").bg,
            Some(Color::Rgb(85, 75, 20))
        );
        assert_eq!(theme.selection().bg, Some(Color::Blue));
        let ansi = Theme::new(Palette::Ansi16);
        assert_eq!(ansi.entity(EntityKind::Place).fg, Some(Color::Green));
        assert_eq!(ansi.annotation("cyan").underline_color, Some(Color::Cyan));
        assert_eq!(ansi.label("lightred").fg, Some(Color::LightRed));
    }

    #[test]
    fn labels_may_use_any_hex_colour() {
        let theme = Theme::new(Palette::TrueColor);
        assert_eq!(theme.annotation("#102030").bg, Some(Color::Rgb(16, 32, 48)));
        assert_eq!(theme.label("#102030").fg, Some(Color::Rgb(16, 32, 48)));
    }

    #[test]
    fn without_colour_every_entity_kind_has_its_own_style() {
        let theme = Theme::new(Palette::NoColor);
        let styles: Vec<Style> = EntityKind::ALL.iter().map(|&k| theme.entity(k)).collect();
        for (i, a) in styles.iter().enumerate() {
            assert_eq!(a.fg, None, "no colour under NO_COLOR");
            for b in &styles[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
