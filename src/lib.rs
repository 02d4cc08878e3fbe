//! Parallax: read and compare how several news outlets cover the same story.
//!
//! The library holds the corpus model and all analysis; `corpus`, `analysis` and `text` import
//! no terminal type, so each piece is tested and benchmarked alone and shared by the CLI and the
//! reader.

pub mod analysis;
pub mod corpus;
pub mod dump;
pub mod text;
