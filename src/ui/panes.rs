//! One drawing function per pane.

pub mod article;
pub mod entities;
pub mod sources;
