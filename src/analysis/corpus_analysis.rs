//! Everything the reader needs analysed about a corpus, built in one place: entities (with the
//! user's corrections), the sentence terms for alignment, the story map and entity coverage.

use super::align::CorpusTerms;
use super::corrections::EntityCorrections;
use super::coverage::Coverage;
use super::story_map::StoryMap;
use super::CorpusEntities;
use crate::corpus::Corpus;

impl std::fmt::Debug for CorpusAnalysis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusAnalysis")
            .field("entities", &self.entities.index.entities.len())
            .field("facts", &self.story_map.facts.len())
            .finish()
    }
}

pub struct CorpusAnalysis {
    pub entities: CorpusEntities,
    pub terms: CorpusTerms,
    pub story_map: StoryMap,
    pub coverage: Coverage,
}

impl CorpusAnalysis {
    pub fn build(corpus: &Corpus, corrections: &EntityCorrections) -> CorpusAnalysis {
        let entities = CorpusEntities::analyse_corrected(corpus, corrections);
        CorpusAnalysis::from_entities(corpus, entities)
    }

    pub fn from_entities(corpus: &Corpus, entities: CorpusEntities) -> CorpusAnalysis {
        let terms = CorpusTerms::build(corpus, &entities);
        let story_map = StoryMap::build(&terms);
        let coverage = Coverage::build(&entities);
        CorpusAnalysis {
            entities,
            terms,
            story_map,
            coverage,
        }
    }
}
