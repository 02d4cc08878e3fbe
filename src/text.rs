//! Text primitives shared by every module: typed offsets and terminal-safe display strings.

pub mod display;
pub mod offset;
pub mod timestamp;

pub use display::display_safe;
pub use offset::{ByteSpan, CharMap, CharOffset, CharSpan};
