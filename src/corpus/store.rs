//! The annotation store: one versioned JSON file per corpus, the only domain code that reads or
//! writes annotations on disk. Saves are atomic and merge what another instance saved in the
//! meantime; a file that does not parse is never overwritten (the store opens read-only).

pub mod disk;
pub mod error;
mod format;
pub mod location;
pub mod merge;

pub use error::StoreError;
pub use location::{corpus_key, StoreLocation};

use super::annotation::Annotation;
use super::Corpus;
use crate::text::display_safe;
use disk::{Fingerprint, SaveLock};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The file format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The annotations of one corpus as last read from or written to its file.
#[derive(Debug)]
pub struct AnnotationStore {
    location: StoreLocation,
    /// The file's annotations as last read or written: the base of the next merge.
    annotations: Vec<Annotation>,
    /// Why read-only: the one-line message (naming the file) and the bare reason.
    read_only: Option<(String, String)>,
    /// The file as last read or written; `None` when there was no file.
    fingerprint: Option<Fingerprint>,
    /// Annotations this instance deleted, as they were, so a merge does not bring them back.
    deleted: HashMap<String, Annotation>,
}

#[derive(Deserialize)]
struct StoreFile {
    version: u32,
    annotations: Vec<Annotation>,
}

#[derive(Serialize)]
struct StoreFileRef<'a> {
    version: u32,
    annotations: &'a [Annotation],
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

impl AnnotationStore {
    /// Where the annotations of `corpus` live (see [`location`]).
    pub fn locate(corpus: &Corpus, explicit: Option<&Path>) -> StoreLocation {
        location::locate(corpus, explicit)
    }

    /// Opens the store. A missing file is an empty store. A file that cannot be read or parsed,
    /// or was written by a newer version, opens read-only with a one-line reason naming the
    /// file (and the line and column of a syntax error); it is never overwritten.
    pub fn open(location: StoreLocation) -> AnnotationStore {
        let mut store = AnnotationStore {
            location,
            annotations: Vec::new(),
            read_only: None,
            fingerprint: None,
            deleted: HashMap::new(),
        };
        match disk::read(&store.location.path) {
            Ok(None) => {}
            Ok(Some((bytes, fingerprint))) => match parse(&bytes) {
                Ok(annotations) => {
                    store.annotations = annotations;
                    store.fingerprint = Some(fingerprint);
                }
                Err(reason) => store.set_read_only(reason),
            },
            Err(e) => store.set_read_only(format!("cannot read: {}", io_reason(&e))),
        }
        store
    }

    /// The annotations as last read or saved, in file order (article, start, end, id).
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// Why the store is read-only (one line naming the file), when it is.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_ref().map(|(line, _)| line.as_str())
    }

    pub fn location(&self) -> &StoreLocation {
        &self.location
    }

    /// Replaces the stored set with `annotations` (the caller's full list), merged with what
    /// another instance saved since this one last read or wrote the file, and writes it
    /// atomically. Returns the merged list, which the caller adopts. On error nothing on disk
    /// changed and the caller keeps its list (a later save retries).
    pub fn save(&mut self, annotations: &[Annotation]) -> Result<Vec<Annotation>, StoreError> {
        if let Some((_, reason)) = &self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.shown(),
                reason: reason.clone(),
            });
        }
        let mut kept = HashSet::with_capacity(annotations.len());
        let ids_unique = annotations.iter().all(|a| kept.insert(a.id.as_str()));
        if !ids_unique {
            kept = annotations.iter().map(|a| a.id.as_str()).collect();
        }
        self.note_deletions(annotations, &kept);
        let path = self.location.path.clone();
        let write_error = |message: String| StoreError::Write {
            path: display_safe(&path.display().to_string()).into_owned(),
            message,
        };
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|e| write_error(io_reason(&e)))?;
        }
        let _lock = SaveLock::acquire(&path).map_err(|e| write_error(io_reason(&e)))?;
        let theirs = self.changes_on_disk().map_err(|e| match e {
            DiskChange::Io(e) => write_error(io_reason(&e)),
            DiskChange::Unparsable(message) => StoreError::Conflict {
                path: self.shown(),
                message,
            },
        })?;
        let mut merged = match &theirs {
            Some(theirs) => merge::merge(&self.annotations, annotations, theirs, &self.deleted),
            None if ids_unique => annotations.to_vec(),
            // One annotation per id: the later modified where an id repeats.
            None => merge::merge(&[], annotations, &[], &HashMap::new()),
        };
        sort_for_file(&mut merged);
        let unchanged =
            theirs.is_none() && self.fingerprint.is_some() && merged == self.annotations;
        if unchanged && path.exists() {
            return Ok(merged);
        }
        let bytes = serialise(&merged);
        let meta = disk::write_atomically(&path, &bytes).map_err(|e| write_error(io_reason(&e)))?;
        self.fingerprint = Some(Fingerprint::of(&bytes, &meta));
        self.annotations = merged.clone();
        Ok(merged)
    }

    /// What another writer saved since this store last read or wrote the file: `None` when
    /// nothing changed (same size, time and inode, or the same bytes) or the file is gone.
    fn changes_on_disk(&mut self) -> Result<Option<Vec<Annotation>>, DiskChange> {
        let path = &self.location.path;
        let meta = disk::stat(path).map_err(DiskChange::Io)?;
        match (&self.fingerprint, &meta) {
            (_, None) => return Ok(None),
            (Some(then), Some(meta)) if then.same_stat(meta) => return Ok(None),
            _ => {}
        }
        let Some((bytes, now)) = disk::read(path).map_err(DiskChange::Io)? else {
            return Ok(None);
        };
        if self
            .fingerprint
            .as_ref()
            .is_some_and(|then| then.same_content(&now))
        {
            self.fingerprint = Some(now);
            return Ok(None);
        }
        parse(&bytes).map(Some).map_err(DiskChange::Unparsable)
    }

    /// Ids that were in the file and are not in the caller's list were deleted by the user.
    fn note_deletions(&mut self, annotations: &[Annotation], kept: &HashSet<&str>) {
        for a in &self.annotations {
            if !kept.contains(a.id.as_str()) {
                self.deleted.insert(a.id.clone(), a.clone());
            }
        }
        if !self.deleted.is_empty() {
            for a in annotations {
                self.deleted.remove(&a.id);
            }
        }
    }

    fn set_read_only(&mut self, reason: String) {
        self.read_only = Some((format!("{}: {reason}", self.shown()), reason));
    }

    fn shown(&self) -> String {
        display_safe(&self.location.path.display().to_string()).into_owned()
    }
}

/// Parses a store file, or says why not in one line (with line and column).
pub fn parse(bytes: &[u8]) -> Result<Vec<Annotation>, String> {
    match serde_json::from_slice::<StoreFile>(bytes) {
        Ok(file) if file.version == FORMAT_VERSION => Ok(file.annotations),
        Ok(file) => Err(version_message(file.version)),
        Err(e) => match serde_json::from_slice::<VersionOnly>(bytes) {
            Ok(v) if v.version > FORMAT_VERSION => Err(version_message(v.version)),
            _ => Err(syntax_message(&e)),
        },
    }
}

fn version_message(version: u32) -> String {
    format!(
        "format version {version}, this Parallax reads version {FORMAT_VERSION}; opened read-only"
    )
}

fn syntax_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let what = text
        .rfind(" at line ")
        .map_or(text.as_str(), |at| &text[..at]);
    format!(
        "cannot parse: line {}, column {}: {}; opened read-only, fix it or restore the .bak",
        e.line(),
        e.column(),
        display_safe(what)
    )
}

/// The file's bytes: pretty JSON, keys in struct order, annotations in file order.
pub fn serialise(annotations: &[Annotation]) -> Vec<u8> {
    let file = StoreFileRef {
        version: FORMAT_VERSION,
        annotations,
    };
    let mut bytes = Vec::with_capacity(annotations.len() * 512 + 64);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, format::Layout::default());
    // Serialising plain strings and numbers into memory cannot fail.
    file.serialize(&mut serializer)
        .expect("annotations serialise");
    bytes.push(b'\n');
    bytes
}

/// File order: by article, then position, then id, so an edit moves no other line.
pub fn sort_for_file(annotations: &mut [Annotation]) {
    annotations.sort_by(|a, b| {
        (&a.article, a.start, a.end, &a.id).cmp(&(&b.article, b.start, b.end, &b.id))
    });
}

enum DiskChange {
    Io(std::io::Error),
    Unparsable(String),
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::ReadOnlyFilesystem => "read-only file system".to_string(),
        ErrorKind::StorageFull => "disk full".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "a folder is in the way".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests;
