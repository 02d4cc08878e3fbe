//! One drawing function per popup.

pub mod annotation_list;
pub mod annotation_view;
pub mod editor;
pub mod finder;
pub mod help;
pub mod sources;
