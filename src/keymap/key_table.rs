//! The keymap as a Markdown table (`parallax keys`, the README's key table): one row per
//! action in help order, with its keys and its config name.

use super::Keymap;
use crate::action::Action;

impl Keymap {
    pub fn markdown_table(&self) -> String {
        let rows = self.grouped();
        let mut table = String::from("| keys | action | what |\n|---|---|---|\n");
        for (action, labels) in rows {
            let code = |s: &str| {
                let s = s.replace('|', "\\|");
                if s.contains('`') {
                    format!("`` {s} ``")
                } else {
                    format!("`{s}`")
                }
            };
            let keys = if action == Action::OpenSource(0) && labels.len() > 1 {
                format!("{}–{}", code(&labels[0]), code(&labels[labels.len() - 1]))
            } else {
                labels.iter().map(|l| code(l)).collect::<Vec<_>>().join(" ")
            };
            let name = if action == Action::OpenSource(0) {
                "`open-source-1`…`open-source-9`".to_string()
            } else {
                format!("`{}`", action.name())
            };
            table.push_str(&format!("| {keys} | {name} | {} |\n", action.describe()));
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_a_row_per_action_with_its_config_name() {
        let table = Keymap::default().markdown_table();
        assert!(table.starts_with("| keys | action | what |\n|---|---|---|\n"));
        assert!(table.contains("| `j` `↓` | `line-down` | Move down one line |\n"));
        assert!(table.contains("| `gg` `Home` | `top` | Go to the top |\n"));
        assert!(table.contains("| `1`–`9` | `open-source-1`…`open-source-9` | Open source 1–9 |\n"));
    }
}
