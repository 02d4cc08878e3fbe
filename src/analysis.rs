//! Text analysis: sentences, entities. Pure functions over text; no I/O, no terminal types.

pub mod entities;
pub mod entity_kind;
pub mod ner;
pub mod sentences;

use crate::corpus::Corpus;
use crate::state::EntityTable;

/// The entities of a corpus as the reader shows them. Until the recogniser lands this is empty.
pub fn corpus_entities(corpus: &Corpus) -> EntityTable {
    EntityTable::new(Vec::new(), vec![Vec::new(); corpus.articles.len()])
}
