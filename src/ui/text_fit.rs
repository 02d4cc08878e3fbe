//! Fitting derived text into a number of columns, by display width.

use crate::document::char_width;
use crate::text::display_safe;

/// The text cut to `width` columns with "…" when it does not fit; display-safe.
pub fn truncate(text: &str, width: usize) -> String {
    let safe = display_safe(text);
    let total: usize = safe.chars().map(char_width).sum();
    if total <= width {
        return safe.into_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in safe.chars() {
        let w = char_width(c);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width_with_an_ellipsis() {
        assert_eq!(
            truncate("Putin meets Syria’s new leader", 12),
            "Putin meets…"
        );
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("\u{1b}[31m", 10), "␛[31m");
    }
}
