//! One drawing function per popup.

pub mod help;
pub mod sources;
