//! Where a corpus's annotations live: `--annotations FILE`; else `<corpus folder>/.parallax/
//! annotations.json`; else (built-in seeds, a corpus of single files, a folder that is not
//! writable) `$XDG_DATA_HOME/parallax/annotations/<corpus key>.json`. Looks at the disk but
//! never writes to it.

use crate::corpus::Corpus;
use crate::text::display_safe;
use std::path::{Path, PathBuf};

/// The annotations file of a corpus, and why it is there (for the status bar).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreLocation {
    pub path: PathBuf,
    /// One line: the path (with `~` for the home folder) and why it was chosen.
    pub description: String,
}

/// The file name inside `<corpus folder>/.parallax/`.
pub const FOLDER_FILE: &str = ".parallax/annotations.json";

/// The annotations file of `corpus`, or `explicit` when given.
pub fn locate(corpus: &Corpus, explicit: Option<&Path>) -> StoreLocation {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let data = data_dir(home.as_deref());
    locate_with(corpus, explicit, data, home.as_deref())
}

fn locate_with(
    corpus: &Corpus,
    explicit: Option<&Path>,
    data: DataDir,
    home: Option<&Path>,
) -> StoreLocation {
    let shown = |path: &Path| shorten(path, home);
    if let Some(path) = explicit {
        return StoreLocation {
            path: path.to_path_buf(),
            description: format!("{} (--annotations)", shown(path)),
        };
    }
    let in_data = data.path.join(format!("{}.json", corpus_key(corpus)));
    let data_note = if data.temporary {
        "; no home folder, so this is a temporary folder"
    } else {
        ""
    };
    let Some(folder) = &corpus.folder else {
        let why = if corpus.articles.iter().all(|a| a.path.starts_with("seeds/")) {
            "built-in seeds"
        } else {
            "no corpus folder"
        };
        return StoreLocation {
            description: format!("{} ({why}{data_note})", shown(&in_data)),
            path: in_data,
        };
    };
    let in_folder = folder.join(FOLDER_FILE);
    if in_folder.exists() {
        return StoreLocation {
            description: format!("{} (corpus folder)", shown(&in_folder)),
            path: in_folder,
        };
    }
    if in_data.exists() {
        return StoreLocation {
            description: format!(
                "{} (data folder, used before for this corpus)",
                shown(&in_data)
            ),
            path: in_data,
        };
    }
    let parallax_dir = folder.join(".parallax");
    let writable = if parallax_dir.is_dir() {
        is_writable(&parallax_dir)
    } else {
        is_writable(folder)
    };
    if writable {
        StoreLocation {
            description: format!("{} (corpus folder)", shown(&in_folder)),
            path: in_folder,
        }
    } else {
        StoreLocation {
            description: format!(
                "{} ({} is not writable{data_note})",
                shown(&in_data),
                shown(folder)
            ),
            path: in_data,
        }
    }
}

struct DataDir {
    path: PathBuf,
    temporary: bool,
}

/// `$XDG_DATA_HOME/parallax/annotations` (an absolute value only, as the XDG spec says), else
/// `~/.local/share/parallax/annotations`, else a folder under the system's temporary folder.
fn data_dir(home: Option<&Path>) -> DataDir {
    let xdg = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| home.map(|h| h.join(".local/share")));
    match base {
        Some(base) => DataDir {
            path: base.join("parallax/annotations"),
            temporary: false,
        },
        None => DataDir {
            path: std::env::temp_dir().join("parallax/annotations"),
            temporary: true,
        },
    }
}

/// A readable, stable name for a corpus: `seeds`; the folder's name and a hash of its
/// canonical path; or `files-` and a hash of the files' canonical paths.
pub fn corpus_key(corpus: &Corpus) -> String {
    let canonical = |p: &Path| {
        std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .to_string_lossy()
            .into_owned()
    };
    match &corpus.folder {
        Some(folder) => {
            let full = canonical(folder);
            let name = Path::new(&full)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "root".to_string());
            format!("{}-{:08x}", file_safe(&name), fnv32(full.as_bytes()))
        }
        None if corpus.articles.iter().all(|a| a.path.starts_with("seeds/")) => "seeds".to_string(),
        None => {
            let mut all = Vec::new();
            for article in &corpus.articles {
                all.extend_from_slice(canonical(Path::new(&article.path)).as_bytes());
                all.push(0);
            }
            format!("files-{:08x}", fnv32(&all))
        }
    }
}

fn file_safe(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(48)
        .collect();
    safe.trim_start_matches('.').to_string()
}

fn fnv32(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c9dc5;
    for &b in bytes {
        hash ^= b as u32;
        hash = hash.wrapping_mul(0x01000193);
    }
    hash
}

/// A path for display: display-safe, with the home folder as `~`.
fn shorten(path: &Path, home: Option<&Path>) -> String {
    let shown = match home.and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    };
    display_safe(&shown).into_owned()
}

/// Whether this process may create files in `folder` (`access(2)`: a read-only mount says
/// no even to root; permission bits do not stop root, and neither do they here).
#[cfg(unix)]
fn is_writable(folder: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(folder.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn is_writable(folder: &Path) -> bool {
    std::fs::metadata(folder).is_ok_and(|m| !m.permissions().readonly())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load_paths, load_seeds, LoadOptions};

    fn data(dir: &Path) -> DataDir {
        DataDir {
            path: dir.join("data/parallax/annotations"),
            temporary: false,
        }
    }

    #[test]
    fn seeds_live_in_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = load_seeds(&LoadOptions::default());
        let location = locate_with(&seeds, None, data(dir.path()), Some(dir.path()));
        assert_eq!(
            location.path,
            dir.path().join("data/parallax/annotations/seeds.json")
        );
        assert_eq!(
            location.description,
            "~/data/parallax/annotations/seeds.json (built-in seeds)"
        );
    }

    #[test]
    fn a_writable_folder_keeps_its_own_file_and_explicit_wins() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Title\n\nBody text here.\n").unwrap();
        let corpus = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).unwrap();
        let location = locate_with(&corpus, None, data(dir.path()), None);
        assert_eq!(location.path, dir.path().join(".parallax/annotations.json"));
        assert!(location.description.ends_with("(corpus folder)"));
        let explicit = dir.path().join("mine.json");
        let location = locate_with(&corpus, Some(&explicit), data(dir.path()), None);
        assert_eq!(location.path, explicit);
        assert!(location.description.ends_with("(--annotations)"));
    }

    #[test]
    fn folder_keys_are_readable_and_distinct() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("news one"), dir.path().join("b/news one"));
        let key = |folder: &Path| {
            std::fs::create_dir_all(folder).unwrap();
            corpus_key(&Corpus {
                folder: Some(folder.to_path_buf()),
                ..Corpus::default()
            })
        };
        let (ka, kb) = (key(&a), key(&b));
        assert!(ka.starts_with("news_one-"), "{ka}");
        assert_ne!(ka, kb);
    }
}
