//! Text analysis: sentences, entities. Pure functions over text; no I/O, no terminal types.

pub mod corpus_entities;
pub mod corrections;
pub mod entities;
pub mod entity_kind;
pub mod ner;
pub mod sentences;
pub mod stories;

pub use corpus_entities::CorpusEntities;
pub use corrections::EntityCorrections;
pub use stories::{Stories, Story};
