//! Parallax: read and compare how several news outlets cover the same story.
//!
//! The library holds the corpus model and all analysis; it imports no terminal type, so every
//! piece can be tested and benchmarked alone and shared by the CLI and the reader.

pub mod analysis;
