//! Stories: articles grouped by what they are about, for corpora that mix several stories.
//! Pure: the corpus and its canonical entities in, a grouping out.
//!
//! Each article becomes a sparse vector of its canonical entities (people, organisations,
//! places, groups; not dates) and its words (runs of four letters or more), weighted by
//! tf-idf over the corpus (entities count more than words; a feature only one article has is
//! dropped), the `MAX_FEATURES` strongest kept, normalised (`features`). Grouping (`grouping`) then
//! never compares all pairs: an inverted index from feature to the stories that have it
//! finds the candidates.
//!
//! 1. One pass in corpus order: an article joins the story whose centroid is most similar
//!    (cosine ≥ `JOIN_SIMILARITY`, 0.45), else starts a new one.
//! 2. Agglomerative merging: stories whose centroids are each other's most similar, with
//!    cosine ≥ `MERGE_SIMILARITY` (0.4), merge; round after round until none do.
//! 3. Reassignment (k-means steps): an article moves to the story whose centroid is more like
//!    it than its own story's centroid without it, at cosine ≥ `REJOIN_SIMILARITY` (0.25);
//!    this undoes some of what the order of the first pass got wrong.
//!
//! A story's label names its most distinctive entities: the most frequent in the story
//! relative to the whole corpus (share of the story's articles × inverse document frequency).

mod agreement;
mod features;
mod grouping;
mod label;

pub use agreement::{agreement, Agreement};
pub use features::MAX_FEATURES;
pub use grouping::{JOIN_SIMILARITY, MERGE_SIMILARITY, REJOIN_SIMILARITY};

use super::CorpusEntities;
use crate::corpus::Corpus;
use serde::{Deserialize, Serialize};

/// The corpus's stories, largest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stories {
    pub stories: Vec<Story>,
}

/// One story: its articles (indexes into the corpus, ascending) and a label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    pub articles: Vec<usize>,
    /// Its most distinctive entities, "Ahmad al-Sharaa · Vladimir Putin · Hmeimim".
    pub label: String,
}

impl Stories {
    /// Groups the corpus's articles into stories.
    pub fn group(corpus: &Corpus, entities: &CorpusEntities) -> Stories {
        let table = features::FeatureTable::build(corpus, entities);
        let groups = grouping::group_vectors(&table.vectors);
        let mut stories: Vec<Story> = groups
            .into_iter()
            .map(|articles| Story {
                label: label::label(&articles, &table, corpus, entities),
                articles,
            })
            .collect();
        stories.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then(a.articles.first().cmp(&b.articles.first()))
        });
        Stories { stories }
    }

    /// Each article's story (its index in `stories`).
    pub fn story_of_each(&self, articles: usize) -> Vec<usize> {
        let mut of = vec![0; articles];
        for (story, s) in self.stories.iter().enumerate() {
            for &a in &s.articles {
                if let Some(slot) = of.get_mut(a) {
                    *slot = story;
                }
            }
        }
        of
    }
}

#[cfg(test)]
mod tests;
