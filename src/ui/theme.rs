//! Every colour and style the reader uses. Three palettes: truecolor, the 16 ANSI colours, and
//! none (NO_COLOR), where entity kinds differ by text style instead.

use crate::analysis::entity_kind::EntityKind;
use crate::corpus::RemovalReason;
use ratatui::style::{Color, Modifier, Style};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Palette {
    TrueColor,
    Ansi16,
    NoColor,
}

impl Palette {
    /// From the environment: `NO_COLOR` set (to anything) wins; `COLORTERM` says truecolor.
    pub fn detect() -> Palette {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Palette::NoColor
        } else if std::env::var("COLORTERM").is_ok_and(|v| v == "truecolor" || v == "24bit") {
            Palette::TrueColor
        } else {
            Palette::Ansi16
        }
    }
}

#[derive(Copy, Clone, Debug)]
pub struct Theme {
    pub palette: Palette,
}

impl Theme {
    pub fn new(palette: Palette) -> Theme {
        Theme { palette }
    }

    fn color(&self, truecolor: (u8, u8, u8), ansi: Color) -> Style {
        match self.palette {
            Palette::TrueColor => {
                Style::new().fg(Color::Rgb(truecolor.0, truecolor.1, truecolor.2))
            }
            Palette::Ansi16 => Style::new().fg(ansi),
            Palette::NoColor => Style::new(),
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
        match kind {
            EntityKind::Person => self.color((255, 196, 87), Color::Yellow),
            EntityKind::Place => self.color((120, 220, 140), Color::Green),
            EntityKind::Org => self.color((100, 200, 255), Color::Cyan),
            EntityKind::Date => self.color((230, 140, 255), Color::Magenta),
            EntityKind::Group => self.color((255, 140, 120), Color::LightRed),
        }
    }

    /// Mentions of the selected entity stand out on top of their kind's style.
    pub fn selected_mention(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The background of an annotated span, by the label's colour name.
    pub fn annotation(&self, colour: &str) -> Style {
        if self.palette == Palette::NoColor {
            return Style::new().add_modifier(Modifier::UNDERLINED);
        }
        let (rgb, ansi) = match colour {
            "red" => ((90, 30, 30), Color::Red),
            "green" => ((30, 80, 40), Color::Green),
            "cyan" => ((20, 70, 85), Color::Cyan),
            "magenta" => ((80, 30, 85), Color::Magenta),
            "blue" => ((30, 45, 100), Color::Blue),
            "lightred" => ((100, 50, 40), Color::LightRed),
            _ => ((85, 75, 20), Color::Yellow),
        };
        match self.palette {
            Palette::TrueColor => Style::new().bg(Color::Rgb(rgb.0, rgb.1, rgb.2)),
            // On 16 colours a coloured underline keeps entity colours readable.
            _ => Style::new()
                .underline_color(ansi)
                .add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Where two annotations overlap.
    pub fn overlap(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    pub fn selection(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::REVERSED),
            _ => Style::new().bg(Color::Blue).fg(Color::White),
        }
    }

    /// Words one side of a comparison has and the other does not.
    pub fn changed(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::UNDERLINED),
            Palette::TrueColor => Style::new().bg(Color::Rgb(60, 60, 20)),
            Palette::Ansi16 => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// A figure or name flagged as a possible discrepancy.
    pub fn flagged(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            _ => Style::new()
                .bg(Color::Red)
                .fg(Color::White)
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
        let ansi = match colour {
            "red" => Color::Red,
            "green" => Color::Green,
            "cyan" => Color::Cyan,
            "magenta" => Color::Magenta,
            "blue" => Color::Blue,
            "lightred" => Color::LightRed,
            _ => Color::Yellow,
        };
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new().fg(ansi).add_modifier(Modifier::BOLD),
        }
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
        self.color((150, 150, 150), Color::DarkGray)
            .add_modifier(Modifier::ITALIC)
    }

    pub fn cursor_gutter(&self) -> Style {
        self.color((255, 196, 87), Color::Yellow)
            .add_modifier(Modifier::BOLD)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.color((120, 180, 255), Color::LightBlue)
                .add_modifier(Modifier::BOLD)
        } else {
            self.color((90, 90, 90), Color::DarkGray)
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
            _ => Style::new().bg(Color::DarkGray).fg(Color::White),
        }
    }

    pub fn mode(&self) -> Style {
        match self.palette {
            Palette::NoColor => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
        }
    }

    pub fn notice(&self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }

    pub fn key(&self) -> Style {
        self.color((255, 196, 87), Color::Yellow)
            .add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
