//! The sources pane as a list of rows: flat (one row per article) while the corpus is one
//! story or not analysed yet; grouped when the analysis found several stories (a header row
//! per story, its articles under it unless the story is collapsed). The rows are derived from
//! the corpus and the analysis on demand, never stored, so articles arriving while loading
//! and a new analysis need no bookkeeping here.

use crate::analysis::CorpusAnalysis;
use std::collections::BTreeSet;

/// One row of the sources pane.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SourceRow {
    /// A story's header (index into the analysis's stories).
    Story(usize),
    /// An article (index into the corpus).
    Article(usize),
}

/// What the sources pane remembers beyond `State::source_cursor` (the article under the
/// cursor).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourcesState {
    /// The cursor is on this story's header rather than on `source_cursor`'s article.
    pub header: Option<usize>,
    /// Collapsed stories, by their first article: a story's index may change when the corpus
    /// is analysed again, its first article rarely does.
    pub collapsed: BTreeSet<usize>,
}

impl SourcesState {
    pub fn is_collapsed(&self, analysis: &CorpusAnalysis, story: usize) -> bool {
        story_key(analysis, story).is_some_and(|k| self.collapsed.contains(&k))
    }

    pub fn set_collapsed(&mut self, analysis: &CorpusAnalysis, story: usize, collapsed: bool) {
        if let Some(key) = story_key(analysis, story) {
            match collapsed {
                true => self.collapsed.insert(key),
                false => self.collapsed.remove(&key),
            };
        }
    }

    /// The rows of the pane for a corpus of `articles` articles, in order; an iterator, so
    /// that drawing a window of a 10,000-row list allocates nothing per row.
    pub fn rows<'a>(
        &'a self,
        articles: usize,
        analysis: Option<&'a CorpusAnalysis>,
    ) -> Box<dyn Iterator<Item = SourceRow> + 'a> {
        let Some(analysis) = analysis.filter(|a| a.has_stories()) else {
            return Box::new((0..articles).map(SourceRow::Article));
        };
        let grouped = analysis
            .stories
            .stories
            .iter()
            .enumerate()
            .flat_map(move |(story, s)| {
                let shown: &[usize] = match self.is_collapsed(analysis, story) {
                    true => &[],
                    false => &s.articles,
                };
                std::iter::once(SourceRow::Story(story)).chain(
                    shown
                        .iter()
                        .filter(move |&&a| a < articles)
                        .map(|&a| SourceRow::Article(a)),
                )
            });
        // Articles that arrived after the analysis ran belong to no story yet.
        let ungrouped = (0..articles)
            .filter(move |&a| analysis.story_of(a).is_none())
            .map(SourceRow::Article);
        Box::new(grouped.chain(ungrouped))
    }

    /// The row the cursor is on: the header, or the article (`cursor_article`), or the header
    /// of the collapsed story that hides that article.
    pub fn cursor_row(
        &self,
        cursor_article: usize,
        analysis: Option<&CorpusAnalysis>,
    ) -> SourceRow {
        let analysis = analysis.filter(|a| a.has_stories());
        match (self.header, analysis) {
            (Some(story), Some(_)) => SourceRow::Story(story),
            (_, Some(a)) => match a.story_of(cursor_article) {
                Some(story) if self.is_collapsed(a, story) => SourceRow::Story(story),
                _ => SourceRow::Article(cursor_article),
            },
            (_, None) => SourceRow::Article(cursor_article),
        }
    }
}

fn story_key(analysis: &CorpusAnalysis, story: usize) -> Option<usize> {
    analysis.story(story)?.articles.first().copied()
}

/// The rows of the state's sources pane, and the cursor's place among them.
pub fn rows_and_cursor(state: &super::State) -> (Box<dyn Iterator<Item = SourceRow> + '_>, usize) {
    let analysis = state.analysis.as_deref();
    let cursor = state.sources.cursor_row(state.source_cursor, analysis);
    let at = state
        .sources
        .rows(state.corpus.articles.len(), analysis)
        .position(|r| r == cursor)
        .unwrap_or(0);
    (
        state.sources.rows(state.corpus.articles.len(), analysis),
        at,
    )
}
