//! Text primitives shared by every module: typed offsets, terminal-safe display strings and
//! RFC 3339 timestamps.

pub mod display;
pub mod offset;
pub mod timestamp;

pub use display::display_safe;
pub use offset::{ByteSpan, CharMap, CharOffset, CharSpan};
pub use timestamp::now_rfc3339;
