//! The `[[labels]]` tables: annotation labels, each a `key` (one character, picks it in the
//! annotation popup), a `name` and a `colour` (a label colour name or `#rrggbb`). Given any,
//! they replace the built-in set.

use super::toml_walk::{entries, kind_of, Warnings};
use crate::state::annotations::Label;
use crate::ui::theme::colours::{Colour, LABEL_COLOUR_NAMES};
use toml::de::{DeArray, DeValue};

/// Keys the annotation popup keeps for entity corrections.
pub const RESERVED_KEYS: [char; 4] = ['E', 'X', 'M', 'S'];

/// The labels given, or `None` when none is usable (the built-in set stays).
pub fn read_labels(items: &DeArray, warnings: &mut Warnings) -> Option<Vec<Label>> {
    let mut labels: Vec<Label> = Vec::new();
    for item in items.iter() {
        let DeValue::Table(table) = item.get_ref() else {
            warnings.at(
                item.span(),
                format!("a label is a table, not {}", kind_of(item.get_ref())),
            );
            continue;
        };
        let (mut key, mut name, mut colour) = (None, None, "yellow".to_string());
        let mut ok = true;
        for (field, value) in entries(table) {
            let text = match value.get_ref() {
                DeValue::String(s) => s.to_string(),
                other => {
                    warnings.at(
                        value.span(),
                        format!(
                            "label {}: a string, not {}",
                            field.get_ref(),
                            kind_of(other)
                        ),
                    );
                    ok = false;
                    continue;
                }
            };
            match field.get_ref().as_ref() {
                "key" => {
                    let mut chars = text.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) if RESERVED_KEYS.contains(&c) => {
                            warnings.at(
                                value.span(),
                                format!(
                                    "label key {c:?} is taken by the annotation popup ({})",
                                    RESERVED_KEYS.iter().collect::<String>()
                                ),
                            );
                            ok = false;
                        }
                        (Some(c), None) if !c.is_whitespace() => key = Some(c),
                        _ => {
                            warnings.at(value.span(), "a label key is one character".to_string());
                            ok = false;
                        }
                    }
                }
                "name" => {
                    if text.trim().is_empty() {
                        warnings.at(value.span(), "a label name cannot be empty".to_string());
                        ok = false;
                    } else {
                        name = Some(text.trim().to_string());
                    }
                }
                "colour" | "color" => {
                    let lower = text.to_ascii_lowercase();
                    let hex = lower.starts_with('#') && Colour::parse(&lower).is_ok();
                    if LABEL_COLOUR_NAMES.contains(&lower.as_str()) || hex {
                        colour = lower;
                    } else {
                        warnings.at(
                            value.span(),
                            format!(
                                "unknown label colour {text:?} (expected #rrggbb or one of {}); \
                                 yellow used",
                                LABEL_COLOUR_NAMES.join(" ")
                            ),
                        );
                    }
                }
                other => {
                    warnings.at(
                        field.span(),
                        format!("unknown key `{other}` in a label (expected key, name, colour)"),
                    );
                }
            }
        }
        let (Some(key), Some(name)) = (key, name) else {
            if ok {
                warnings.at(item.span(), "a label needs a key and a name".to_string());
            }
            continue;
        };
        if !ok {
            continue;
        }
        if let Some(other) = labels.iter().find(|l| l.key == key || l.name == name) {
            warnings.at(
                item.span(),
                format!(
                    "label {name:?} ({key}) repeats the key or name of {:?} ({}); ignored",
                    other.name, other.key
                ),
            );
            continue;
        }
        labels.push(Label { key, name, colour });
    }
    (!labels.is_empty()).then_some(labels)
}
