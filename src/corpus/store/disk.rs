//! The store's file operations: reading with a fingerprint, an exclusive lock between
//! instances, and the crash-safe write (temporary file in the same folder, fsync, previous
//! version kept as `.bak`, rename, fsync the folder).

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// What the file looked like when read or written, to notice another writer since: its
/// size, modification time and inode (every save makes a new inode), and a hash of its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub inode: u64,
    pub hash: u64,
}

impl Fingerprint {
    pub fn of(bytes: &[u8], meta: &Metadata) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            modified: meta.modified().ok(),
            inode: inode(meta),
            hash: content_hash(bytes),
        }
    }

    /// Nobody replaced or rewrote the file since (as far as `stat` can tell).
    pub fn same_stat(&self, meta: &Metadata) -> bool {
        self.len == meta.len() && self.modified == meta.modified().ok() && self.inode == inode(meta)
    }

    /// The same bytes (a file touched or rewritten unchanged needs no merge).
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

#[cfg(unix)]
fn inode(meta: &Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.ino()
}

#[cfg(not(unix))]
fn inode(_meta: &Metadata) -> u64 {
    0
}

/// FNV-1a over 8-byte words (then the tail): fast, and enough to tell whether a file's
/// content changed; not for security.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf29ce484222325;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        hash ^= u64::from_le_bytes(w);
        hash = hash.wrapping_mul(0x100000001b3).rotate_left(29);
    }
    for &b in words.remainder() {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x100000001b3);
    }
    hash
}

/// The file's metadata; `Ok(None)` when it does not exist.
pub fn stat(path: &Path) -> io::Result<Option<Metadata>> {
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(meta)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Reads the file and fingerprints what was read. `Ok(None)` when it does not exist.
pub fn read(path: &Path) -> io::Result<Option<(Vec<u8>, Fingerprint)>> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::other("is a folder"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    let fingerprint = Fingerprint::of(&bytes, &meta);
    Ok(Some((bytes, fingerprint)))
}

/// `annotations.json` → `annotations.json.<suffix>` in the same folder.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    path.with_file_name(name)
}

fn temporary_prefix(path: &Path) -> String {
    format!(
        ".{}.tmp-",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Held while reading, merging and writing, so two instances save one after the other.
/// Released when dropped (and by the kernel if the process dies).
pub struct SaveLock {
    _file: File,
}

impl SaveLock {
    pub fn acquire(path: &Path) -> io::Result<SaveLock> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(sibling(path, "lock"))?;
        lock_exclusive(&file)?;
        Ok(SaveLock { _file: file })
    }
}

#[cfg(unix)]
fn lock_exclusive(file: &File) -> io::Result<()> {
    use std::os::unix::io::AsRawFd;
    loop {
        // SAFETY: flock on a file descriptor this function borrows; no memory is shared.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

#[cfg(not(unix))]
fn lock_exclusive(_file: &File) -> io::Result<()> {
    Ok(())
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either the old or the new
/// file, complete. The old file becomes `<name>.bak`. Call with the [`SaveLock`] held.
/// Returns the new file's metadata.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<Metadata> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporaries(&folder, path);
    let temporary = unique_temporary(path);
    let written = (|| -> io::Result<Metadata> {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        let meta = file.metadata()?;
        keep_backup(path);
        fs::rename(&temporary, path)?;
        Ok(meta)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    let meta = written?;
    sync_folder(&folder)?;
    Ok(meta)
}

fn unique_temporary(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(
        "{}{}-{n}",
        temporary_prefix(path),
        std::process::id()
    ))
}

/// Temporary files are only written under the lock, so any found while holding it were left
/// by a process that died mid-save.
fn remove_stale_temporaries(folder: &Path, path: &Path) {
    let prefix = temporary_prefix(path);
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The current file becomes `<name>.bak` (a hard link, or a copy where links are not
/// supported), itself replaced atomically. Best effort: a missing backup never stops a save.
fn keep_backup(path: &Path) {
    if !path.is_file() {
        return;
    }
    let backup = sibling(path, "bak");
    let staged = sibling(&unique_temporary(path), "bak");
    let staged_ok = fs::hard_link(path, &staged).is_ok() || fs::copy(path, &staged).is_ok();
    if !staged_ok || fs::rename(&staged, &backup).is_err() {
        let _ = fs::remove_file(&staged);
    }
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}
