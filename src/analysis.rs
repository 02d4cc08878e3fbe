//! Text analysis: sentences, entities. Pure functions over text; no I/O, no terminal types.

pub mod entities;
pub mod entity_kind;
pub mod sentences;
