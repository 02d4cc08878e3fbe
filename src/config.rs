//! The configuration file: `$XDG_CONFIG_HOME/parallax/config.toml` (default
//! `~/.config/parallax/config.toml`), or `--config FILE`. Keymap, theme, annotation labels and
//! reader options. A mistake never stops Parallax: each bad entry is one warning naming the
//! file and line, and that entry keeps its default. Reads the file; writes nothing.

pub mod key_syntax;
pub mod keymap_config;
pub mod labels_config;
pub mod theme_choice;
pub mod theme_config;
mod toml_walk;

use crate::keymap::Keymap;
use crate::state::annotations::{default_labels, Label};
use crate::ui::theme::{Palette, Theme, ThemeColours};
use keymap_config::{merge_keymap, UserBinding};
use std::path::{Path, PathBuf};
pub use theme_choice::ThemeChoice;
use toml::de::{DeTable, DeValue};
use toml_walk::{entries, kind_of, Warnings};

/// Everything the config file sets, defaults filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The default keymap merged with the user's bindings.
    pub keymap: Keymap,
    /// The theme asked for (`auto` until resolved).
    pub theme: ThemeChoice,
    /// The colours to draw: the chosen built-in theme (`auto` resolved) with the user's
    /// overrides. Plug into [`Theme::with_colours`] (or use [`Config::theme_for`]).
    pub colours: ThemeColours,
    /// Annotation labels: the user's `[[labels]]` if any, else the built-in set.
    pub labels: Vec<Label>,
    /// The widest the article text gets, in columns; `None`: the pane's width.
    pub wrap_width: Option<usize>,
    /// The entities pane is open at start.
    pub show_entities: bool,
    /// Hidden boilerplate is shown (dimmed) at start.
    pub show_boilerplate: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keymap: Keymap::default(),
            theme: ThemeChoice::Auto,
            colours: ThemeColours::dark(),
            labels: default_labels(),
            wrap_width: None,
            show_entities: true,
            show_boilerplate: false,
        }
    }
}

/// The narrowest `wrap-width` accepted (0 means none).
pub const MIN_WRAP_WIDTH: i64 = 20;

impl Config {
    /// The commented default config (`parallax config --default`): every setting at its
    /// default, commented out.
    pub fn default_toml() -> &'static str {
        include_str!("../assets/config.toml")
    }

    /// `$XDG_CONFIG_HOME/parallax/config.toml` (an absolute `XDG_CONFIG_HOME` only), else
    /// `~/.config/parallax/config.toml`.
    pub fn default_path() -> Option<PathBuf> {
        std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
            .map(|base| base.join("parallax/config.toml"))
    }

    /// Reads `explicit` (`--config`), else the default path. A missing default file is no
    /// warning; a missing explicit one is. Never fails: problems are one-line warnings.
    pub fn load(explicit: Option<&Path>) -> (Config, Vec<String>) {
        // Without a file, the defaults still resolve `auto` from the terminal.
        let defaults = || Config::parse("", "").0;
        let path = match explicit
            .map(Path::to_path_buf)
            .or_else(Config::default_path)
        {
            Some(path) => path,
            None => return (defaults(), Vec::new()),
        };
        let shown = crate::text::display_safe(&path.to_string_lossy()).into_owned();
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text, &shown),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
                (defaults(), Vec::new())
            }
            Err(e) => (
                defaults(),
                vec![format!("{shown}: cannot read ({e}); using the defaults")],
            ),
        }
    }

    /// Parses a config text; `file` names it in warnings. `auto` is resolved with the
    /// `COLORFGBG` variable.
    pub fn parse(text: &str, file: &str) -> (Config, Vec<String>) {
        let colorfgbg = std::env::var("COLORFGBG").ok();
        Config::parse_with(text, file, colorfgbg.as_deref())
    }

    /// [`Config::parse`] with the value of `COLORFGBG` given.
    pub fn parse_with(text: &str, file: &str, colorfgbg: Option<&str>) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let mut warnings = Warnings::new(file, text);
        let document = match DeTable::parse(text) {
            Ok(document) => document,
            Err(e) => {
                warnings.at(
                    e.span().unwrap_or(0..0),
                    format!("{}; the whole file is ignored", e.message().trim()),
                );
                return (config, warnings.into_lines());
            }
        };
        let mut theme_table = None;
        for (key, value) in entries(document.get_ref()) {
            match (key.get_ref().as_ref(), value.get_ref()) {
                ("reader", DeValue::Table(table)) => read_reader(table, &mut config, &mut warnings),
                ("theme", DeValue::Table(table)) => theme_table = Some(table),
                ("keymap", DeValue::Table(table)) => {
                    config.keymap = read_keymap(table, &mut warnings)
                }
                ("labels", DeValue::Array(items)) => {
                    if let Some(labels) = labels_config::read_labels(items, &mut warnings) {
                        config.labels = labels;
                    }
                }
                (name @ ("reader" | "theme" | "keymap"), other) => warnings.at(
                    value.span(),
                    format!("[{name}] must be a table, not {}", kind_of(other)),
                ),
                ("labels", other) => warnings.at(
                    value.span(),
                    format!("labels must be [[labels]] tables, not {}", kind_of(other)),
                ),
                (other, _) => warnings.at(
                    key.span(),
                    format!(
                        "unknown setting `{other}` (expected [reader], [theme], [keymap] or \
                         [[labels]])"
                    ),
                ),
            }
        }
        let (choice, colours) = theme_config::read_theme(theme_table, colorfgbg, &mut warnings);
        config.theme = choice;
        config.colours = colours;
        (config, warnings.into_lines())
    }

    /// The theme to draw with, in a palette (see [`Palette::detect_with`]).
    pub fn theme_for(&self, palette: Palette) -> Theme {
        Theme::with_colours(palette, self.colours)
    }
}

fn read_reader(table: &DeTable, config: &mut Config, warnings: &mut Warnings) {
    for (key, value) in entries(table) {
        match key.get_ref().as_ref() {
            "wrap-width" => match value.get_ref() {
                DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                    Ok(0) => config.wrap_width = None,
                    Ok(n) if n >= MIN_WRAP_WIDTH => config.wrap_width = Some(n as usize),
                    _ => warnings.at(
                        value.span(),
                        format!("wrap-width must be 0 (no limit) or at least {MIN_WRAP_WIDTH}"),
                    ),
                },
                other => warnings.at(
                    value.span(),
                    format!(
                        "wrap-width must be a number of columns, not {}",
                        kind_of(other)
                    ),
                ),
            },
            name @ ("entities-pane" | "show-boilerplate") => match value.get_ref() {
                DeValue::Boolean(b) => {
                    if name == "entities-pane" {
                        config.show_entities = *b;
                    } else {
                        config.show_boilerplate = *b;
                    }
                }
                other => warnings.at(
                    value.span(),
                    format!("{name} must be true or false, not {}", kind_of(other)),
                ),
            },
            other => warnings.at(
                key.span(),
                format!(
                    "unknown setting `{other}` in [reader] (expected wrap-width, \
                     entities-pane, show-boilerplate)"
                ),
            ),
        }
    }
}

fn read_keymap(table: &DeTable, warnings: &mut Warnings) -> Keymap {
    let mut extend = false;
    let mut user = Vec::new();
    for (key, value) in entries(table) {
        let name = key.get_ref().as_ref();
        let line = warnings.line(key.span());
        if name == "extend" {
            match value.get_ref() {
                DeValue::Boolean(b) => extend = *b,
                other => warnings.at(
                    value.span(),
                    format!("extend must be true or false, not {}", kind_of(other)),
                ),
            }
            continue;
        }
        let Some(action) = crate::action::Action::from_name(name) else {
            warnings.at(
                key.span(),
                format!("unknown action `{name}` (`parallax keys` lists them)"),
            );
            continue;
        };
        let texts: Vec<(&str, std::ops::Range<usize>)> = match value.get_ref() {
            DeValue::String(s) => vec![(s.as_ref(), value.span())],
            DeValue::Array(items) => {
                let mut texts = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => texts.push((s.as_ref(), item.span())),
                        other => warnings.at(
                            item.span(),
                            format!("a key must be a string, not {}", kind_of(other)),
                        ),
                    }
                }
                texts
            }
            other => {
                warnings.at(
                    value.span(),
                    format!(
                        "{name}: write a key (\"j\") or a list ([\"j\", \"down\"]), not {}",
                        kind_of(other)
                    ),
                );
                continue;
            }
        };
        let mut keys = Vec::new();
        let mut bad = false;
        for (text, span) in texts {
            match key_syntax::parse_sequence(text) {
                Ok(sequence) => keys.push(sequence),
                Err(message) => {
                    warnings.at(span, format!("{name}: {message}"));
                    bad = true;
                }
            }
        }
        // A binding with a bad key keeps the action's defaults rather than half of the list.
        if !bad {
            user.push(UserBinding { action, keys, line });
        }
    }
    let (keymap, conflicts) = merge_keymap(&user, extend);
    for (line, message) in conflicts {
        warnings.at_line(line, message);
    }
    keymap
}

#[cfg(test)]
mod tests;
