//! Everything the reader needs analysed about a corpus, built in one place: entities (with the
//! user's corrections), the sentence terms for alignment, the stories, the near-duplicates,
//! and, per story and only when first asked for, its story map and entity coverage (a story
//! map of the whole of a 10,000-article corpus is slow and says nothing a story's does not).

use super::align::CorpusTerms;
use super::corrections::EntityCorrections;
use super::coverage::Coverage;
use super::near_duplicates::{near_duplicates, NearDuplicate};
use super::stories::{Stories, Story};
use super::story_map::StoryMap;
use super::CorpusEntities;
use crate::corpus::Corpus;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

impl std::fmt::Debug for CorpusAnalysis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusAnalysis")
            .field("entities", &self.entities.index.entities.len())
            .field("stories", &self.stories.stories.len())
            .finish()
    }
}

pub struct CorpusAnalysis {
    pub entities: CorpusEntities,
    pub terms: CorpusTerms,
    /// Largest first; at least one when the corpus has articles.
    pub stories: Stories,
    /// Per article: its story (index into `stories.stories`).
    story_of: Vec<usize>,
    /// Per article: its closest near-duplicate within its story.
    pub near_duplicates: Vec<Option<NearDuplicate>>,
    /// Per story, built on first use.
    story_maps: Vec<OnceLock<StoryMap>>,
    coverages: Vec<OnceLock<Coverage>>,
}

impl CorpusAnalysis {
    pub fn build(corpus: &Corpus, corrections: &EntityCorrections) -> CorpusAnalysis {
        let entities = CorpusEntities::analyse_corrected(corpus, corrections);
        CorpusAnalysis::from_entities(corpus, entities)
    }

    pub fn from_entities(corpus: &Corpus, entities: CorpusEntities) -> CorpusAnalysis {
        let (terms, stories) = std::thread::scope(|scope| {
            let stories = scope.spawn(|| Stories::group(corpus, &entities));
            let terms = CorpusTerms::build(corpus, &entities);
            (terms, stories.join().unwrap_or_default())
        });
        let story_of = stories.story_of_each(corpus.articles.len());
        let groups: Vec<Vec<usize>> = stories.stories.iter().map(|s| s.articles.clone()).collect();
        let near_duplicates = near_duplicates(&terms, &groups);
        let n = stories.stories.len();
        CorpusAnalysis {
            entities,
            terms,
            stories,
            story_of,
            near_duplicates,
            story_maps: (0..n).map(|_| OnceLock::new()).collect(),
            coverages: (0..n).map(|_| OnceLock::new()).collect(),
        }
    }

    /// What the on-disk cache keeps of it: everything but the per-story maps and coverages,
    /// which are built on first use.
    pub fn to_cached(&self) -> impl Serialize + '_ {
        CachedRef {
            entities: &self.entities,
            terms: &self.terms,
            stories: &self.stories,
            story_of: &self.story_of,
            near_duplicates: &self.near_duplicates,
        }
    }

    /// Back from what `to_cached` wrote; `None` when it does not fit a corpus of `articles`.
    pub fn from_cached(cached: Cached, articles: usize) -> Option<CorpusAnalysis> {
        let fits = cached.story_of.len() == articles
            && cached.near_duplicates.len() == articles
            && cached.terms.articles.len() == articles
            && cached.entities.mentions.len() == articles
            && cached
                .story_of
                .iter()
                .all(|&s| s < cached.stories.stories.len());
        if !fits {
            return None;
        }
        let n = cached.stories.stories.len();
        Some(CorpusAnalysis {
            entities: cached.entities,
            terms: cached.terms,
            stories: cached.stories,
            story_of: cached.story_of,
            near_duplicates: cached.near_duplicates,
            story_maps: (0..n).map(|_| OnceLock::new()).collect(),
            coverages: (0..n).map(|_| OnceLock::new()).collect(),
        })
    }

    /// The story an article belongs to (`None` for an article the analysis has not seen).
    pub fn story_of(&self, article: usize) -> Option<usize> {
        self.story_of.get(article).copied()
    }

    pub fn story(&self, story: usize) -> Option<&Story> {
        self.stories.stories.get(story)
    }

    /// More than one story: the reader groups its lists and views by story.
    pub fn has_stories(&self) -> bool {
        self.stories.stories.len() > 1
    }

    /// The story map of one story (built on first use, then kept).
    pub fn story_map(&self, story: usize) -> &StoryMap {
        static EMPTY: StoryMap = StoryMap { facts: Vec::new() };
        match (self.story_maps.get(story), self.story(story)) {
            (Some(cell), Some(s)) => {
                cell.get_or_init(|| StoryMap::build_for(&self.terms, &s.articles))
            }
            _ => &EMPTY,
        }
    }

    /// The entity coverage of one story (built on first use, then kept).
    pub fn coverage(&self, story: usize) -> &Coverage {
        static EMPTY: Coverage = Coverage {
            articles: Vec::new(),
            rows: Vec::new(),
        };
        match (self.coverages.get(story), self.story(story)) {
            (Some(cell), Some(s)) => {
                cell.get_or_init(|| Coverage::build_for(&self.entities, &s.articles))
            }
            _ => &EMPTY,
        }
    }

    /// "story 3 of 200: Putin · Sharaa · Moscow (48 articles)"; `None` with one story.
    pub fn story_title(&self, story: usize) -> Option<String> {
        let s = self.story(story).filter(|_| self.has_stories())?;
        let count = s.articles.len();
        let plural = if count == 1 { "article" } else { "articles" };
        Some(format!(
            "story {} of {}: {} ({count} {plural})",
            story + 1,
            self.stories.stories.len(),
            s.label
        ))
    }
}

/// A `CorpusAnalysis` as the cache stores it (fields in the order of `CachedRef`, which writes
/// them: the encoding is positional).
#[derive(Deserialize)]
pub struct Cached {
    entities: CorpusEntities,
    terms: CorpusTerms,
    stories: Stories,
    story_of: Vec<usize>,
    near_duplicates: Vec<Option<NearDuplicate>>,
}

#[derive(Serialize)]
struct CachedRef<'a> {
    entities: &'a CorpusEntities,
    terms: &'a CorpusTerms,
    stories: &'a Stories,
    story_of: &'a [usize],
    near_duplicates: &'a [Option<NearDuplicate>],
}
