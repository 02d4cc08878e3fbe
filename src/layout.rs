//! Rectangle maths for the screen: which panes show where at a given terminal size. Nothing
//! here draws; `update` uses it too, to scroll by the visible height and to route mouse clicks.

use crate::state::Pane;
use ratatui::layout::Rect;

/// Below this width the reader shows one pane at a time with a tab strip.
pub const NARROW_WIDTH: u16 = 100;
/// Below this size only a message asking for a larger window is shown.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Columns the article pane spends on its border and cursor gutter.
const ARTICLE_CHROME: u16 = 5;

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// Too small to show anything but a message.
    pub tiny: bool,
    pub tabs: Option<Rect>,
    pub sources: Option<Rect>,
    pub article: Option<Rect>,
    pub entities: Option<Rect>,
    pub status: Rect,
}

impl Layout {
    pub fn compute(width: u16, height: u16, show_entities: bool, focus: Pane) -> Layout {
        let full = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Layout {
                tiny: true,
                status: full,
                ..Layout::default()
            };
        }
        let status = Rect::new(0, height - 1, width, 1);
        let main_height = height - 1;
        if width < NARROW_WIDTH {
            let tabs = Rect::new(0, 0, width, 1);
            let area = Rect::new(0, 1, width, main_height - 1);
            let mut layout = Layout {
                tabs: Some(tabs),
                status,
                ..Layout::default()
            };
            match focus {
                Pane::Sources => layout.sources = Some(area),
                Pane::Entities if show_entities => layout.entities = Some(area),
                _ => layout.article = Some(area),
            }
            return layout;
        }
        let sources_width = (width / 4).clamp(24, 40);
        let entities_width = if show_entities {
            (width / 5).clamp(22, 34)
        } else {
            0
        };
        let article_width = width - sources_width - entities_width;
        Layout {
            tiny: false,
            tabs: None,
            sources: Some(Rect::new(0, 0, sources_width, main_height)),
            article: Some(Rect::new(sources_width, 0, article_width, main_height)),
            entities: show_entities.then(|| {
                Rect::new(
                    sources_width + article_width,
                    0,
                    entities_width,
                    main_height,
                )
            }),
            status,
        }
    }

    /// Columns available for article text (what the document wraps to).
    pub fn article_text_width(&self) -> usize {
        self.article.map_or(40, |r| {
            r.width.saturating_sub(ARTICLE_CHROME).max(1) as usize
        })
    }

    /// Rows of article text visible at once.
    pub fn article_text_height(&self) -> usize {
        self.article
            .map_or(1, |r| r.height.saturating_sub(2).max(1) as usize)
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<(Pane, Rect)> {
        let hit = |r: Option<Rect>| r.filter(|r| r.contains((x, y).into()));
        if let Some(r) = hit(self.sources) {
            return Some((Pane::Sources, r));
        }
        if let Some(r) = hit(self.article) {
            return Some((Pane::Article, r));
        }
        hit(self.entities).map(|r| (Pane::Entities, r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_three_panes_side_by_side() {
        let l = Layout::compute(160, 48, true, Pane::Article);
        let (s, a, e) = (l.sources.unwrap(), l.article.unwrap(), l.entities.unwrap());
        assert_eq!(s.width + a.width + e.width, 160);
        assert_eq!(l.status.y, 47);
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane_only() {
        let l = Layout::compute(80, 24, true, Pane::Sources);
        assert!(l.tabs.is_some() && l.sources.is_some() && l.article.is_none());
    }

    #[test]
    fn tiny_terminals_show_a_message() {
        assert!(Layout::compute(29, 40, true, Pane::Article).tiny);
        assert!(Layout::compute(120, 7, true, Pane::Article).tiny);
    }
}
