//! The `[theme]` table: `name` (a built-in theme or `auto`) and colour overrides in
//! `[theme.entities]`, `[theme.ui]` and `[theme.labels]`, the same keys as the built-in theme
//! files (`assets/themes/*.toml`).

use super::theme_choice::ThemeChoice;
use super::toml_walk::{entries, kind_of, Warnings};
use crate::ui::theme::colours::{Colour, ENTITY_KEYS, LABEL_COLOUR_NAMES, UI_KEYS};
use crate::ui::theme::ThemeColours;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The chosen theme and its colours with the overrides applied.
pub fn read_theme(
    table: Option<&DeTable>,
    colorfgbg: Option<&str>,
    warnings: &mut Warnings,
) -> (ThemeChoice, ThemeColours) {
    let Some(table) = table else {
        let choice = ThemeChoice::Auto;
        return (choice, choice.resolve(colorfgbg).colours());
    };
    let mut choice = ThemeChoice::Auto;
    for (key, value) in entries(table) {
        if key.get_ref().as_ref() != "name" {
            continue;
        }
        match value.get_ref() {
            DeValue::String(name) => match ThemeChoice::parse(name) {
                Some(c) => choice = c,
                None => warnings.at(
                    value.span(),
                    format!(
                        "unknown theme {name:?} (expected {})",
                        ThemeChoice::NAMES.join(", ")
                    ),
                ),
            },
            other => warnings.at(
                value.span(),
                format!("theme name must be a string, not {}", kind_of(other)),
            ),
        }
    }
    let mut colours = choice.resolve(colorfgbg).colours();
    for (key, value) in entries(table) {
        let section = key.get_ref().as_ref();
        match (section, value.get_ref()) {
            ("name", _) => {}
            ("entities" | "ui", DeValue::Table(entries_table)) => {
                for (name, colour) in entries(entries_table) {
                    let name_text = name.get_ref().as_ref();
                    if colours.slot(section, name_text).is_none() {
                        let known = if section == "ui" {
                            &UI_KEYS[..]
                        } else {
                            &ENTITY_KEYS[..]
                        };
                        warnings.at(
                            name.span(),
                            format!(
                                "unknown colour `{name_text}` in [theme.{section}] (expected {})",
                                known.join(", ")
                            ),
                        );
                        continue;
                    }
                    if let Some(parsed) = colour_of(colour, warnings) {
                        if let Some(slot) = colours.slot(section, name_text) {
                            *slot = parsed;
                        }
                    }
                }
            }
            ("labels", DeValue::Table(labels)) => {
                for (name, value) in entries(labels) {
                    let name_text = name.get_ref().as_ref();
                    let Some(slot) = colours.label_mut(name_text) else {
                        warnings.at(
                            name.span(),
                            format!(
                                "unknown label colour `{name_text}` in [theme.labels] (expected {})",
                                LABEL_COLOUR_NAMES.join(", ")
                            ),
                        );
                        continue;
                    };
                    match value.get_ref() {
                        DeValue::String(_) => {
                            if let Some(parsed) = colour_of(value, warnings) {
                                slot.background = parsed;
                            }
                        }
                        DeValue::Table(parts) => {
                            for (part, colour) in entries(parts) {
                                match part.get_ref().as_ref() {
                                    "background" => {
                                        if let Some(c) = colour_of(colour, warnings) {
                                            slot.background = c;
                                        }
                                    }
                                    "text" => {
                                        if let Some(c) = colour_of(colour, warnings) {
                                            slot.text = c;
                                        }
                                    }
                                    other => warnings.at(
                                        part.span(),
                                        format!("unknown key `{other}` (expected background, text)"),
                                    ),
                                }
                            }
                        }
                        other => warnings.at(
                            value.span(),
                            format!(
                                "a label colour is a colour or {{ background = …, text = … }}, not {}",
                                kind_of(other)
                            ),
                        ),
                    }
                }
            }
            (other, _) => warnings.at(
                key.span(),
                format!(
                    "unknown setting `{other}` in [theme] (expected name, entities, ui, labels)"
                ),
            ),
        }
    }
    (choice, colours)
}

fn colour_of(value: &Spanned<DeValue>, warnings: &mut Warnings) -> Option<Colour> {
    match value.get_ref() {
        DeValue::String(text) => match Colour::parse(text) {
            Ok(colour) => Some(colour),
            Err(message) => {
                warnings.at(value.span(), message);
                None
            }
        },
        other => {
            warnings.at(
                value.span(),
                format!("a colour must be a string, not {}", kind_of(other)),
            );
            None
        }
    }
}
