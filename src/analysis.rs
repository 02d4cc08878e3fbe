//! Text analysis: sentences, entities, alignment, the story map, coverage. Pure functions over text; no I/O, no terminal types.

pub mod align;
pub(crate) mod ascii_word_bounds;
pub mod corpus_analysis;
pub mod corpus_entities;
pub mod corrections;
pub mod coverage;
pub mod entities;
pub mod entity_kind;
pub mod finder;
pub mod near_duplicates;
pub mod ner;
pub mod search;
mod sentence_bounds;
pub mod sentences;
pub mod stories;
pub mod story_map;

pub use corpus_analysis::CorpusAnalysis;
pub use corpus_entities::CorpusEntities;
pub use corrections::EntityCorrections;
pub use stories::{Stories, Story};
