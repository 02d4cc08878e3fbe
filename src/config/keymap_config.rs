//! The `[keymap]` table merged into the default keymap. A user binding for an action replaces
//! that action's default keys (or adds to them with `extend = true`); the help keeps the
//! default order. Conflicts — one sequence for two actions, or a key that is the start of a
//! sequence — are resolved for the user's binding (earlier lines before later ones) and
//! reported with the line.

use super::key_syntax::sequence_name;
use crate::action::Action;
use crate::keymap::{Binding, Key, Keymap};

/// The key sequences the config gives an action, and the line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserBinding {
    pub action: Action,
    pub keys: Vec<Vec<Key>>,
    pub line: usize,
}

/// A key sequence and the config line it came from (`None`: a default).
type Sourced = (Vec<Key>, Option<usize>);

struct Candidate {
    keys: Vec<Key>,
    action: Action,
    /// The config line, `None` for a default binding.
    line: Option<usize>,
    /// Position in the help order.
    order: usize,
}

/// The default keymap with the user's bindings; warnings are `(line, message)`.
pub fn merge_keymap(user: &[UserBinding], extend: bool) -> (Keymap, Vec<(usize, String)>) {
    let defaults = Keymap::default();
    // Actions in default order, each with its keys.
    let mut groups: Vec<(Action, Vec<Sourced>)> = Vec::new();
    for binding in &defaults.bindings {
        match groups.iter_mut().find(|(a, _)| *a == binding.action) {
            Some((_, keys)) => keys.push((binding.keys.clone(), None)),
            None => groups.push((binding.action, vec![(binding.keys.clone(), None)])),
        }
    }
    for binding in user {
        let given = binding.keys.iter().map(|k| (k.clone(), Some(binding.line)));
        match groups.iter_mut().find(|(a, _)| *a == binding.action) {
            Some((_, keys)) => {
                if !extend {
                    keys.retain(|(_, line)| line.is_some());
                }
                keys.extend(given);
            }
            None => groups.push((binding.action, given.collect())),
        }
    }
    let mut candidates: Vec<Candidate> = groups
        .into_iter()
        .flat_map(|(action, keys)| {
            keys.into_iter()
                .map(move |(keys, line)| (action, keys, line))
        })
        .enumerate()
        .map(|(order, (action, keys, line))| Candidate {
            keys,
            action,
            line,
            order,
        })
        .collect();
    // The user's bindings first, in file order, then the defaults.
    candidates.sort_by_key(|c| (c.line.is_none(), c.line, c.order));
    let mut kept: Vec<Candidate> = Vec::new();
    let mut warnings = Vec::new();
    admit(candidates, &mut kept, &mut warnings);
    // An action whose every configured key lost a conflict keeps its defaults (where free).
    let orphans: Vec<Candidate> = defaults
        .bindings
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            user.iter()
                .any(|u| u.action == b.action && !u.keys.is_empty() && !extend)
                && !kept.iter().any(|k| k.action == b.action)
        })
        .map(|(order, b)| Candidate {
            keys: b.keys.clone(),
            action: b.action,
            line: None,
            order: usize::MAX / 2 + order,
        })
        .collect();
    admit(orphans, &mut kept, &mut warnings);
    // Help order: actions in default order, each action's keys in the order given.
    let rank = |action: Action| {
        defaults
            .bindings
            .iter()
            .position(|b| b.action == action)
            .unwrap_or(usize::MAX)
    };
    kept.sort_by_key(|c| (rank(c.action), c.order));
    let bindings = kept
        .into_iter()
        .map(|c| Binding {
            keys: c.keys,
            action: c.action,
        })
        .collect();
    warnings.sort();
    (Keymap { bindings }, warnings)
}

/// Adds each candidate that clashes with nothing kept; reports the user's that lose.
fn admit(
    candidates: Vec<Candidate>,
    kept: &mut Vec<Candidate>,
    warnings: &mut Vec<(usize, String)>,
) {
    for candidate in candidates {
        let clash = kept.iter().find(|k| {
            let prefix = |a: &[Key], b: &[Key]| a.len() < b.len() && b.starts_with(a);
            (k.keys == candidate.keys && k.action != candidate.action)
                || prefix(&k.keys, &candidate.keys)
                || prefix(&candidate.keys, &k.keys)
        });
        let duplicate = kept
            .iter()
            .any(|k| k.keys == candidate.keys && k.action == candidate.action);
        match clash {
            _ if duplicate => {}
            None => kept.push(candidate),
            Some(winner) => {
                if let Some(message) = conflict(winner, &candidate) {
                    warnings.push(message);
                }
            }
        }
    }
}

/// The default bindings as config lines, commented out (`#line-down = ["j", "down"]`), one
/// per action in help order: the `[keymap]` part of the default config.
pub fn default_keymap_lines() -> Vec<String> {
    let mut groups: Vec<(Action, Vec<String>)> = Vec::new();
    for binding in Keymap::default().bindings {
        let keys = format!(
            "\"{}\"",
            sequence_name(&binding.keys)
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
        );
        match groups.iter_mut().find(|(a, _)| *a == binding.action) {
            Some((_, list)) => list.push(keys),
            None => groups.push((binding.action, vec![keys])),
        }
    }
    groups
        .into_iter()
        .map(|(action, keys)| {
            if keys.len() == 1 {
                format!("#{} = {}", action.name(), keys[0])
            } else {
                format!("#{} = [{}]", action.name(), keys.join(", "))
            }
        })
        .collect()
}

/// The warning for a binding that lost to `winner`, at the user's line; `None` when both are
/// defaults (which never clash).
fn conflict(winner: &Candidate, loser: &Candidate) -> Option<(usize, String)> {
    let (w, l) = (sequence_name(&winner.keys), sequence_name(&loser.keys));
    let (wa, la) = (winner.action.name(), loser.action.name());
    let same = winner.keys == loser.keys;
    match (winner.line, loser.line) {
        (Some(line), None) if same => Some((
            line,
            format!("\"{w}\" was also {la}'s key by default; it is now {wa}'s only"),
        )),
        (Some(line), None) => Some((
            line,
            format!(
                "\"{w}\" ({wa}) and the default \"{l}\" ({la}) conflict: one starts the \
                 other; the default is dropped"
            ),
        )),
        (Some(first), Some(line)) if same => Some((
            line,
            format!("\"{l}\" is already bound to {wa} (line {first}); ignored for {la}"),
        )),
        (Some(first), Some(line)) => Some((
            line,
            format!(
                "\"{l}\" ({la}) conflicts with \"{w}\" ({wa}, line {first}): one starts the \
                 other; ignored"
            ),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::key_syntax::parse_sequence;
    use crate::keymap::KeyOutcome;

    fn user(action: Action, keys: &[&str], line: usize) -> UserBinding {
        UserBinding {
            action,
            keys: keys.iter().map(|k| parse_sequence(k).unwrap()).collect(),
            line,
        }
    }

    #[test]
    fn a_user_binding_replaces_the_actions_defaults() {
        let (map, warnings) = merge_keymap(&[user(Action::Top, &["t"], 3)], false);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            map.resolve(&[], Key::plain('t')),
            KeyOutcome::Action(Action::Top)
        );
        assert_eq!(map.resolve(&[], Key::plain('g')), KeyOutcome::Unbound);
        // The help keeps the default order.
        let rows = map.help_rows();
        let top = rows.iter().position(|(_, d)| *d == Action::Top.describe());
        let bottom = rows
            .iter()
            .position(|(_, d)| *d == Action::Bottom.describe());
        assert!(top < bottom);
    }

    #[test]
    fn extend_keeps_the_defaults() {
        let (map, _) = merge_keymap(&[user(Action::Top, &["t"], 3)], true);
        assert_eq!(
            map.resolve(&[Key::plain('g')], Key::plain('g')),
            KeyOutcome::Action(Action::Top)
        );
        assert_eq!(
            map.resolve(&[], Key::plain('t')),
            KeyOutcome::Action(Action::Top)
        );
    }

    #[test]
    fn a_key_taken_from_a_default_is_reported_with_the_line() {
        let (map, warnings) = merge_keymap(&[user(Action::Quit, &["j"], 7)], false);
        assert_eq!(
            map.resolve(&[], Key::plain('j')),
            KeyOutcome::Action(Action::Quit)
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].0, 7);
        assert!(warnings[0].1.contains("line-down"), "{warnings:?}");
    }

    #[test]
    fn the_same_sequence_twice_keeps_the_first_line() {
        let (map, warnings) = merge_keymap(
            &[
                user(Action::Quit, &["x"], 2),
                user(Action::ToggleHelp, &["x"], 5),
            ],
            false,
        );
        assert_eq!(
            map.resolve(&[], Key::plain('x')),
            KeyOutcome::Action(Action::Quit)
        );
        assert_eq!(
            warnings,
            vec![(
                5,
                "\"x\" is already bound to quit (line 2); ignored for toggle-help".to_string()
            )]
        );
    }

    #[test]
    fn a_key_that_starts_a_sequence_is_a_conflict() {
        let (map, warnings) = merge_keymap(&[user(Action::Quit, &["g"], 4)], false);
        assert_eq!(
            map.resolve(&[], Key::plain('g')),
            KeyOutcome::Action(Action::Quit)
        );
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].1.contains("\"g g\" (top)"), "{warnings:?}");
        let (_, warnings) = merge_keymap(
            &[
                user(Action::Quit, &["x"], 2),
                user(Action::Top, &["x x"], 3),
            ],
            false,
        );
        assert_eq!(warnings[0].0, 3);
    }

    #[test]
    fn an_empty_list_unbinds_the_action() {
        let (map, warnings) = merge_keymap(&[user(Action::Coverage, &[], 2)], false);
        assert!(warnings.is_empty());
        assert_eq!(map.resolve(&[], Key::plain('C')), KeyOutcome::Unbound);
        assert!(map.bindings.iter().all(|b| b.action != Action::Coverage));
    }

    #[test]
    fn the_default_keymap_has_no_conflicts() {
        let (map, warnings) = merge_keymap(&[], false);
        assert!(warnings.is_empty());
        assert_eq!(map.bindings.len(), Keymap::default().bindings.len());
    }
}
