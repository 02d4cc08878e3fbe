//! Parallax: read and compare how several news outlets cover the same story.
//!
//! `corpus`, `analysis` and `text` hold the domain and import no terminal type, so each piece is
//! tested and benchmarked alone and shared by the CLI and the reader. Above them, the reader is
//! an Elm-style core: `state` (one struct), `action` + `keymap` (keys to commands), `update`
//! (the only code that changes state, no I/O), `effect` (what update asks for), and `ui` (pure
//! drawing from `&State`). `app` runs the loop and executes effects.

/// mimalloc instead of the system allocator: analysis makes many small short-lived strings and
/// vectors, and glibc's malloc and free were a fifth of building sentence terms. Set here, in the
/// library, so the binary, tests, benches and examples all measure the same thing.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod action;
pub mod analysis;
pub mod app;
pub mod config;
pub mod corpus;
pub mod document;
pub mod dump;
pub mod effect;
pub mod export;
pub mod fetch;
pub mod generate;
pub mod keymap;
pub mod layout;
pub mod parallel;
pub mod state;
pub mod text;
pub mod timings;
pub mod ui;
pub mod update;
pub mod view_store;
