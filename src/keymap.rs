//! Keys to actions. The default bindings are one table; the help overlay and the status bar's
//! pending-prefix hints are read from it. Keys are Parallax's own type so that the keymap and
//! `update` are tested without a terminal.

use crate::action::Action;

mod key_table;

/// A key press, independent of the terminal library.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
}

impl Key {
    pub const fn plain(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    pub const fn code(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    /// How the key is written in the help: `j`, `Ctrl-d`, `PgDn`.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One binding: a sequence of one or two keys and its action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
}

/// The result of feeding a key to the keymap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyOutcome {
    Action(Action),
    /// The key starts a sequence: wait for the next one.
    Pending,
    /// No binding; any pending prefix is dropped.
    Unbound,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        use Action::*;
        use KeyCode as K;
        let mut bindings = vec![];
        let mut bind = |keys: &[Key], action: Action| {
            bindings.push(Binding {
                keys: keys.to_vec(),
                action,
            })
        };
        bind(&[Key::plain('j')], LineDown);
        bind(&[Key::code(K::Down)], LineDown);
        bind(&[Key::plain('k')], LineUp);
        bind(&[Key::code(K::Up)], LineUp);
        bind(&[Key::ctrl('d')], HalfPageDown);
        bind(&[Key::code(K::PageDown)], HalfPageDown);
        bind(&[Key::ctrl('u')], HalfPageUp);
        bind(&[Key::code(K::PageUp)], HalfPageUp);
        bind(&[Key::plain('g'), Key::plain('g')], Top);
        bind(&[Key::code(K::Home)], Top);
        bind(&[Key::plain('G')], Bottom);
        bind(&[Key::code(K::End)], Bottom);
        bind(&[Key::plain('w')], WordNext);
        bind(&[Key::plain('l')], WordNext);
        bind(&[Key::code(K::Right)], WordNext);
        bind(&[Key::plain('b')], WordPrev);
        bind(&[Key::plain('h')], WordPrev);
        bind(&[Key::code(K::Left)], WordPrev);
        bind(&[Key::plain(')')], SentenceNext);
        bind(&[Key::plain('(')], SentencePrev);
        bind(&[Key::plain('}')], ParagraphNext);
        bind(&[Key::plain('{')], ParagraphPrev);
        bind(&[Key::plain('v')], Select);
        bind(&[Key::plain('V')], SelectSentence);
        bind(&[Key::plain('a')], Annotate);
        bind(&[Key::plain('i')], EditAnnotation);
        bind(&[Key::plain('d')], DeleteAnnotation);
        bind(&[Key::plain('u')], Undo);
        bind(&[Key::ctrl('r')], Redo);
        bind(&[Key::plain(']'), Key::plain('a')], NextAnnotation);
        bind(&[Key::plain('['), Key::plain('a')], PrevAnnotation);
        bind(&[Key::plain('A')], AnnotationList);
        bind(&[Key::ctrl('o')], JumpBack);
        bind(&[Key::plain('['), Key::plain('j')], JumpBack);
        bind(&[Key::ctrl('i')], JumpForward);
        bind(&[Key::plain(']'), Key::plain('j')], JumpForward);
        bind(&[Key::plain('\'')], AlternateArticle);
        bind(&[Key::code(K::Tab)], FocusNext);
        bind(&[Key::code(K::BackTab)], FocusPrev);
        bind(&[Key::plain('J')], NextSource);
        bind(&[Key::plain('K')], PrevSource);
        bind(&[Key::code(K::Enter)], Open);
        for n in 1..=9u8 {
            bind(&[Key::plain(char::from(b'0' + n))], OpenSource(n));
        }
        bind(&[Key::plain('*')], SelectEntityAtCursor);
        bind(&[Key::plain('n')], NextMention);
        bind(&[Key::plain('N')], PrevMention);
        bind(&[Key::plain('s')], EntitySources);
        bind(&[Key::code(K::Esc)], Cancel);
        bind(&[Key::plain('e')], ToggleEntities);
        bind(&[Key::plain('B')], ToggleBoilerplate);
        bind(&[Key::plain('z'), Key::plain('a')], ToggleStory);
        bind(&[Key::plain(' ')], ToggleStory);
        bind(&[Key::plain('z'), Key::plain('M')], CollapseStories);
        bind(&[Key::plain('z'), Key::plain('R')], ExpandStories);
        bind(&[Key::plain('?')], ToggleHelp);
        bind(&[Key::plain('r')], ToggleRead);
        bind(&[Key::ctrl('p')], Finder);
        bind(&[Key::plain('/')], Search);
        bind(&[Key::plain('c')], Compare);
        bind(&[Key::plain('m')], StoryMap);
        bind(&[Key::plain('C')], Coverage);
        bind(&[Key::ctrl('z')], Suspend);
        bind(&[Key::plain('q')], Quit);
        bind(&[Key::ctrl('c')], Quit);
        Keymap { bindings }
    }
}

impl Keymap {
    /// Resolves `pending` (keys typed so far) plus `key`.
    pub fn resolve(&self, pending: &[Key], key: Key) -> KeyOutcome {
        let mut typed = pending.to_vec();
        typed.push(key);
        let mut prefix = false;
        for binding in &self.bindings {
            if binding.keys == typed {
                return KeyOutcome::Action(binding.action);
            }
            prefix |= binding.keys.len() > typed.len() && binding.keys.starts_with(&typed);
        }
        if prefix {
            KeyOutcome::Pending
        } else {
            KeyOutcome::Unbound
        }
    }

    /// The bindings that continue a pending prefix, for the status bar.
    pub fn continuations(&self, pending: &[Key]) -> Vec<&Binding> {
        self.bindings
            .iter()
            .filter(|b| b.keys.len() > pending.len() && b.keys.starts_with(pending))
            .collect()
    }

    /// Every action with the labels of all its key sequences, in binding order; the digit keys
    /// fold into one `OpenSource(0)` row. The help and `parallax keys` both list this.
    pub fn grouped(&self) -> Vec<(Action, Vec<String>)> {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for binding in &self.bindings {
            let action = match binding.action {
                Action::OpenSource(_) => Action::OpenSource(0),
                a => a,
            };
            let label: String = binding.keys.iter().map(|k| k.label()).collect();
            match rows.iter_mut().find(|(a, _)| *a == action) {
                Some((_, labels)) => labels.push(label),
                None => rows.push((action, vec![label])),
            }
        }
        rows
    }

    /// Help rows: every action with all its key sequences, in binding order.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let rows = self.grouped();
        rows.into_iter()
            .map(|(action, labels)| {
                let keys = if action == Action::OpenSource(0) {
                    format!("{}–{}", labels[0], labels[labels.len() - 1])
                } else {
                    labels.join(" ")
                };
                (keys, action.describe())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_key_sequences_wait_for_their_second_key() {
        let map = Keymap::default();
        let g = Key::plain('g');
        assert_eq!(map.resolve(&[], g), KeyOutcome::Pending);
        assert_eq!(map.resolve(&[g], g), KeyOutcome::Action(Action::Top));
        assert_eq!(map.resolve(&[g], Key::plain('x')), KeyOutcome::Unbound);
        assert_eq!(map.continuations(&[g]).len(), 1);
    }

    #[test]
    fn help_rows_list_every_action_once() {
        let rows = Keymap::default().help_rows();
        assert!(rows
            .iter()
            .any(|(k, d)| k == "j ↓" && *d == "Move down one line"));
        assert!(rows.iter().any(|(k, _)| k == "1–9"));
        assert!(rows.iter().any(|(k, _)| k == "gg Home"));
    }
}

/// Commands of the full-window views (comparison, story map, coverage). One table drives both
/// the key handling and the help.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ViewAction {
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextSource,
    PrevSource,
    Swap,
    NextDifference,
    PrevDifference,
    Filter,
    Sort,
    SwitchColumn,
    Annotate,
    Open,
    Close,
    Help,
}

impl ViewAction {
    pub fn describe(self) -> &'static str {
        match self {
            ViewAction::Down => "Next row",
            ViewAction::Up => "Previous row",
            ViewAction::PageDown => "Half a page down",
            ViewAction::PageUp => "Half a page up",
            ViewAction::Top => "First row",
            ViewAction::Bottom => "Last row",
            ViewAction::NextSource => "Compare: next right-hand source",
            ViewAction::PrevSource => "Compare: previous right-hand source",
            ViewAction::Swap => "Compare: swap the two sides",
            ViewAction::NextDifference => "Compare: next difference",
            ViewAction::PrevDifference => "Compare: previous difference",
            ViewAction::Filter => "Compare: all / differences / shared rows",
            ViewAction::Sort => "Story map: by consensus / exclusives first",
            ViewAction::SwitchColumn => "Compare: annotate the left / right column",
            ViewAction::Annotate => "Annotate the sentence in the active column",
            ViewAction::Open => "Open: the sentence in the reader, a fact's wordings",
            ViewAction::Close => "Back",
            ViewAction::Help => "Help",
        }
    }
}

/// Keys of the full-window views.
pub fn view_bindings() -> Vec<(Vec<Key>, ViewAction)> {
    use KeyCode as K;
    use ViewAction::*;
    vec![
        (vec![Key::plain('j')], Down),
        (vec![Key::code(K::Down)], Down),
        (vec![Key::plain('k')], Up),
        (vec![Key::code(K::Up)], Up),
        (vec![Key::ctrl('d')], PageDown),
        (vec![Key::code(K::PageDown)], PageDown),
        (vec![Key::ctrl('u')], PageUp),
        (vec![Key::code(K::PageUp)], PageUp),
        (vec![Key::plain('g'), Key::plain('g')], Top),
        (vec![Key::code(K::Home)], Top),
        (vec![Key::plain('G')], Bottom),
        (vec![Key::code(K::End)], Bottom),
        (vec![Key::plain('J')], NextSource),
        (vec![Key::plain('K')], PrevSource),
        (vec![Key::plain('s')], Swap),
        (vec![Key::plain(']'), Key::plain('d')], NextDifference),
        (vec![Key::plain('['), Key::plain('d')], PrevDifference),
        (vec![Key::plain('f')], Filter),
        (vec![Key::plain('o')], Sort),
        (vec![Key::code(K::Tab)], SwitchColumn),
        (vec![Key::plain('a')], Annotate),
        (vec![Key::code(K::Enter)], Open),
        (vec![Key::code(K::Esc)], Close),
        (vec![Key::plain('q')], Close),
        (vec![Key::plain('?')], Help),
    ]
}

/// The result of feeding a key to the full-window views' bindings.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ViewKey {
    Action(ViewAction),
    Pending,
    Unbound,
}

/// Resolves keys of the full-window views, with two-key sequences as in the main keymap.
pub fn resolve_view(pending: &[Key], key: Key) -> ViewKey {
    let mut typed = pending.to_vec();
    typed.push(key);
    let bindings = view_bindings();
    if let Some((_, action)) = bindings.iter().find(|(keys, _)| *keys == typed) {
        return ViewKey::Action(*action);
    }
    if bindings
        .iter()
        .any(|(keys, _)| keys.len() > typed.len() && keys.starts_with(&typed))
    {
        return ViewKey::Pending;
    }
    ViewKey::Unbound
}

/// Help rows for the full-window views.
pub fn view_help_rows() -> Vec<(String, &'static str)> {
    let mut rows: Vec<(ViewAction, Vec<String>)> = Vec::new();
    for (keys, action) in view_bindings() {
        let label: String = keys.iter().map(|k| k.label()).collect();
        match rows.iter_mut().find(|(a, _)| *a == action) {
            Some((_, labels)) => labels.push(label),
            None => rows.push((action, vec![label])),
        }
    }
    rows.into_iter()
        .map(|(a, l)| (l.join(" "), a.describe()))
        .collect()
}
