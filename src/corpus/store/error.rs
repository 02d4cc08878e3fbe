//! Why the annotation store could not do what was asked: one line each, naming the file, for
//! the status bar and stderr.

/// A failed save (or read). The annotations passed to a failed save stay in the caller's
/// memory; the file on disk is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The store opened read-only (a file that does not parse, a newer version, unreadable).
    #[error("{path}: annotations are read-only ({reason}); changes kept in memory, not saved")]
    ReadOnly { path: String, reason: String },
    /// Writing failed (read-only folder, disk full, …); the old file is intact.
    #[error("{path}: cannot save annotations ({message}); changes kept in memory")]
    Write { path: String, message: String },
    /// Another program changed the file since it was loaded and it no longer parses.
    #[error("{path}: changed on disk and no longer parses ({message}); not overwritten, changes kept in memory")]
    Conflict { path: String, message: String },
}
