//! The reading text of converted files (HTML, Markdown, feed items), kept beside the corpus so
//! that offsets, and so annotations, stay anchored to the text they were made on even when a
//! later version extracts a page differently. For a file `<folder>/story.html`:
//! `<folder>/.parallax/extracted/story.html.txt` (the text, exactly the article's source) and
//! `story.html.json` (the hash of the file it came from, and its metadata). When the folder is
//! not writable: `$XDG_CACHE_HOME/parallax/extracted/<folder name>-<hash>/` (default
//! `~/.cache/...`). Written atomically (temporary file, rename); a failed write only means the
//! text is extracted again next time.

use super::annotation::source_hash;
use super::ingest::Extracted;
use super::manifest::MetadataOverride;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the extracted texts of one folder are looked for and kept, best first.
#[derive(Clone, Debug)]
pub struct ExtractedCache {
    folders: Vec<PathBuf>,
}

#[derive(Serialize, Deserialize)]
struct Sidecar {
    version: u32,
    /// The hash of the file the text was extracted from (`fnv1a64:…`).
    source_hash: String,
    meta: MetadataOverride,
}

impl ExtractedCache {
    /// The cache of the folder holding the corpus files.
    pub fn for_folder(folder: &Path) -> ExtractedCache {
        let mut folders = vec![folder.join(".parallax").join("extracted")];
        if let Some(cache) = cache_home() {
            folders.push(cache.join("parallax/extracted").join(folder_key(folder)));
        }
        ExtractedCache { folders }
    }

    /// A cache in exactly these folders, best first (tests).
    pub fn in_folders(folders: Vec<PathBuf>) -> ExtractedCache {
        ExtractedCache { folders }
    }

    /// The text kept for `name` if it was extracted from a file with this hash.
    pub fn get(&self, name: &str, source: &str) -> Option<Extracted> {
        let hash = source_hash(source);
        self.folders.iter().find_map(|folder| {
            let sidecar: Sidecar =
                serde_json::from_slice(&fs::read(folder.join(format!("{name}.json"))).ok()?)
                    .ok()?;
            if sidecar.version != 1 || sidecar.source_hash != hash {
                return None;
            }
            let text = fs::read_to_string(folder.join(format!("{name}.txt"))).ok()?;
            Some(Extracted {
                text,
                meta: sidecar.meta,
            })
        })
    }

    /// Keeps the text in the first folder that takes it; `false` if none did.
    pub fn put(&self, name: &str, source: &str, extracted: &Extracted) -> bool {
        let sidecar = Sidecar {
            version: 1,
            source_hash: source_hash(source),
            meta: extracted.meta.clone(),
        };
        let Ok(json) = serde_json::to_vec_pretty(&sidecar) else {
            return false;
        };
        self.folders.iter().any(|folder| {
            fs::create_dir_all(folder).is_ok()
                && write_atomically(
                    &folder.join(format!("{name}.txt")),
                    extracted.text.as_bytes(),
                )
                .is_ok()
                && write_atomically(&folder.join(format!("{name}.json")), &json).is_ok()
        })
    }

    /// Where the text of `name` is kept, if it is.
    pub fn text_path(&self, name: &str) -> Option<PathBuf> {
        self.folders
            .iter()
            .map(|f| f.join(format!("{name}.txt")))
            .find(|p| p.is_file())
    }
}

/// A temporary file beside the target, synced, then renamed over it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(
        ".{}.tmp-{}",
        name.unwrap_or_default(),
        std::process::id()
    ));
    let written = (|| {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// `$XDG_CACHE_HOME` (absolute only), else `~/.cache`.
fn cache_home() -> Option<PathBuf> {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
}

/// The folder's name and a hash of its canonical path.
fn folder_key(folder: &Path) -> String {
    let full = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let name = full
        .file_name()
        .map(|n| super::ingest::slug::slugify(&n.to_string_lossy()))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "root".to_string());
    let hash = source_hash(&full.to_string_lossy());
    format!("{name}-{}", &hash[hash.len() - 8..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extracted(text: &str) -> Extracted {
        Extracted {
            text: text.to_string(),
            meta: MetadataOverride {
                title: Some("T".into()),
                ..MetadataOverride::default()
            },
        }
    }

    #[test]
    fn a_kept_text_is_reused_only_for_the_same_source() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ExtractedCache::in_folders(vec![dir.path().join("x")]);
        assert!(cache.put("a.html", "<p>one</p>", &extracted("one\n")));
        assert_eq!(cache.get("a.html", "<p>one</p>"), Some(extracted("one\n")));
        assert_eq!(cache.get("a.html", "<p>two</p>"), None);
        assert!(cache.text_path("a.html").is_some());
    }

    #[test]
    fn an_unwritable_folder_falls_back_to_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("file");
        fs::write(&blocked, "not a folder").unwrap();
        let cache = ExtractedCache::in_folders(vec![blocked.join("sub"), dir.path().join("ok")]);
        assert!(cache.put("a.md", "src", &extracted("text\n")));
        assert!(dir.path().join("ok/a.md.txt").is_file());
        assert_eq!(cache.get("a.md", "src").unwrap().text, "text\n");
    }
}
