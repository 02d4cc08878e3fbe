//! One drawing function per full-window view.

pub mod compare;
pub mod coverage;
pub mod story_map;
