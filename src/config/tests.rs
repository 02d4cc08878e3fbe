//! The config file: defaults, every section, and the warnings for mistakes.

use super::keymap_config::default_keymap_lines;
use super::*;
use crate::action::Action;
use crate::keymap::{Key, KeyCode, KeyOutcome};
use ratatui::style::Color;

fn parse(text: &str) -> (Config, Vec<String>) {
    Config::parse_with(text, "config.toml", None)
}

#[test]
fn the_default_toml_lists_every_default_binding() {
    let expected = default_keymap_lines().join("\n");
    assert!(
        Config::default_toml().contains(&expected),
        "assets/config.toml should end with:\n{expected}"
    );
}

#[test]
fn the_default_toml_parses_to_the_defaults() {
    let (config, warnings) = parse(Config::default_toml());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config, Config::default());
}

#[test]
fn the_default_toml_uncommented_is_still_the_defaults() {
    let uncommented: String = Config::default_toml()
        .lines()
        .map(|line| match line.strip_prefix('#') {
            Some(rest) if !rest.starts_with([' ', '#']) && !rest.is_empty() => rest,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let (config, warnings) = parse(&uncommented);
    assert!(warnings.is_empty(), "{warnings:?}");
    // The one `[[labels]]` example replaces the set with itself alone.
    assert_eq!(config.labels.len(), 1);
    assert_eq!(
        Config {
            labels: Config::default().labels,
            ..config
        },
        Config::default()
    );
}

#[test]
fn rebinding_two_keys_and_the_light_theme_take_effect() {
    let (config, warnings) = parse(
        "[theme]\nname = \"light\"\n\n[keymap]\nline-down = [\"ctrl-n\", \"down\"]\nquit = \"Q\"\n",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let map = &config.keymap;
    assert_eq!(
        map.resolve(&[], Key::ctrl('n')),
        KeyOutcome::Action(Action::LineDown)
    );
    assert_eq!(
        map.resolve(&[], Key::code(KeyCode::Down)),
        KeyOutcome::Action(Action::LineDown)
    );
    assert_eq!(map.resolve(&[], Key::plain('j')), KeyOutcome::Unbound);
    assert_eq!(
        map.resolve(&[], Key::plain('Q')),
        KeyOutcome::Action(Action::Quit)
    );
    assert_eq!(map.resolve(&[], Key::plain('q')), KeyOutcome::Unbound);
    let rows = map.help_rows();
    assert!(
        rows.contains(&("Ctrl-n ↓".to_string(), Action::LineDown.describe())),
        "{rows:?}"
    );
    assert!(rows.contains(&("Q".to_string(), Action::Quit.describe())));
    assert_eq!(config.theme, ThemeChoice::Light);
    let theme = config.theme_for(Palette::TrueColor);
    let light = crate::ui::theme::Theme::with_colours(Palette::TrueColor, ThemeColours::light());
    assert_eq!(
        theme.entity(crate::analysis::entity_kind::EntityKind::Person),
        light.entity(crate::analysis::entity_kind::EntityKind::Person)
    );
    assert_eq!(
        theme
            .entity(crate::analysis::entity_kind::EntityKind::Person)
            .fg,
        Some(Color::Rgb(0x9c, 0x53, 0x00))
    );
    assert_eq!(
        theme.annotation("yellow").bg,
        Some(Color::Rgb(0xfb, 0xee, 0xb0))
    );
}

#[test]
fn reader_options_and_labels_are_read() {
    let (config, warnings) = parse(
        "[reader]\nwrap-width = 72\nentities-pane = false\nshow-boilerplate = true\n\n[[labels]]\nkey = \"s\"\nname = \"source\"\ncolour = \"#336699\"\n\n[[labels]]\nkey = \"c\"\nname = \"claim\"\n",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.wrap_width, Some(72));
    assert!(!config.show_entities);
    assert!(config.show_boilerplate);
    let labels: Vec<(char, &str, &str)> = config
        .labels
        .iter()
        .map(|l| (l.key, l.name.as_str(), l.colour.as_str()))
        .collect();
    assert_eq!(
        labels,
        [('s', "source", "#336699"), ('c', "claim", "yellow")]
    );
}

#[test]
fn theme_colours_can_be_overridden() {
    let (config, warnings) = parse(
        "[theme]\nname = \"dark\"\n[theme.entities]\nperson = \"#010203\"\n[theme.ui]\nstatus-bg = \"black\"\n[theme.labels]\nred = { text = \"lightred\" }\n",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.colours.person.rgb, Some((1, 2, 3)));
    assert_eq!(config.colours.status_bg.ansi, Some(Color::Black));
    assert_eq!(
        config.colours.label("red").unwrap().text.ansi,
        Some(Color::LightRed)
    );
    assert_eq!(
        config.colours.label("red").unwrap().background,
        ThemeColours::dark().label("red").unwrap().background
    );
}

#[test]
fn auto_picks_light_on_a_light_terminal() {
    let (config, _) = Config::parse_with("", "c", Some("0;15"));
    assert_eq!(config.theme, ThemeChoice::Auto);
    assert_eq!(config.colours, ThemeColours::light());
}

#[test]
fn each_mistake_is_one_warning_naming_its_line_and_the_rest_applies() {
    let text = "\
[reader]
wrap-width = 5
colour = true
show-boilerplate = \"yes\"

[theme]
name = \"solarized\"
[theme.entities]
persn = \"red\"
place = \"mauve\"

[keymap]
lin-down = \"j\"
quit = \"alt-q\"
top = \"t\"
bottom = \"t\"
help = 3

[[labels]]
key = \"E\"
name = \"entity\"

[bogus]
";
    let (config, warnings) = parse(text);
    let lines: Vec<&str> = warnings
        .iter()
        .map(|w| w.split(": ").nth(1).unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "line 2", "line 3", "line 4", "line 7", "line 9", "line 10", "line 13", "line 14",
            "line 16", "line 17", "line 20", "line 23"
        ],
        "{warnings:#?}"
    );
    assert!(warnings.iter().all(|w| w.starts_with("config.toml: line ")));
    assert!(
        warnings[6].contains("unknown action `lin-down`"),
        "{}",
        warnings[6]
    );
    assert!(warnings[7].contains("unsupported key"), "{}", warnings[7]);
    // The good entries still apply; the bad ones keep their defaults.
    assert_eq!(
        config.keymap.resolve(&[], Key::plain('t')),
        KeyOutcome::Action(Action::Top)
    );
    assert_eq!(
        config.keymap.resolve(&[], Key::plain('q')),
        KeyOutcome::Action(Action::Quit)
    );
    assert_eq!(
        config.keymap.resolve(&[], Key::plain('G')),
        KeyOutcome::Action(Action::Bottom)
    );
    assert_eq!(config.wrap_width, None);
    assert_eq!(config.labels, default_labels());
}

#[test]
fn a_syntax_error_is_one_warning_and_all_defaults() {
    let (config, warnings) = parse("[reader]\nwrap-width = = 3\n");
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].starts_with("config.toml: line 2: "),
        "{}",
        warnings[0]
    );
    assert_eq!(config, Config::default());
}

#[test]
fn a_missing_explicit_file_is_a_warning() {
    let (config, warnings) = Config::load(Some(std::path::Path::new("/nonexistent/parallax.toml")));
    assert_eq!(config.keymap, Config::default().keymap);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("cannot read"));
}
