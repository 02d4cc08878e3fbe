//! Reading positions and read marks per corpus, kept in a small JSON file under the XDG state
//! directory (`$XDG_STATE_HOME/parallax/views/<corpus key>.json`). A missing file is a fresh
//! start; a corrupt or unreadable one is reported and ignored, never fatal, and never
//! overwritten: the session keeps its positions in memory only.

use crate::corpus::Corpus;
use crate::state::{ArticleView, State};
use crate::text::display_safe;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

const VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Default)]
struct SavedViews {
    version: u32,
    current: Option<String>,
    articles: BTreeMap<String, SavedArticle>,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy)]
struct SavedArticle {
    cursor: usize,
    scroll: usize,
    read: bool,
}

pub struct ViewStore {
    path: Option<PathBuf>,
    /// The file exists but could not be used: leave it as it is (someone may want it back).
    keep_as_is: bool,
    /// What the file held, for articles that arrive after it was read.
    saved: SavedViews,
}

impl ViewStore {
    /// The store of this corpus, keyed by its article paths.
    pub fn for_corpus(corpus: &Corpus) -> ViewStore {
        ViewStore::for_paths(corpus.articles.iter().map(|a| Path::new(&a.path)))
    }

    /// The store of the corpus made of these files (or article paths), in load order: the
    /// same key as `for_corpus` once they have loaded.
    pub fn for_paths<'a>(paths: impl Iterator<Item = &'a Path>) -> ViewStore {
        let dir = std::env::var_os("XDG_STATE_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/state")));
        let path = dir.map(|d| {
            d.join("parallax/views")
                .join(format!("{:016x}.json", corpus_key(paths)))
        });
        ViewStore {
            path,
            keep_as_is: false,
            saved: SavedViews::default(),
        }
    }

    /// A store at an explicit file (tests, `--state`-like overrides).
    pub fn at(path: PathBuf) -> ViewStore {
        ViewStore {
            path: Some(path),
            keep_as_is: false,
            saved: SavedViews::default(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Applies saved positions to the state. `Err` is a one-line notice; the file is then
    /// never written by this store.
    pub fn load_into(&mut self, state: &mut State) -> Result<(), String> {
        let result = self.read();
        self.keep_as_is = result.is_err();
        self.saved = result?;
        state.restore_current = self.saved.current.clone();
        self.apply_arrived(state, 0);
        Ok(())
    }

    /// Applies the saved positions to the articles from index `from` on (those that just
    /// arrived), and opens the article that was open last time if it is among them and the
    /// user has not moved on.
    pub fn apply_arrived(&self, state: &mut State, from: usize) {
        let corpus = std::sync::Arc::clone(&state.corpus);
        for (index, article) in corpus.articles.iter().enumerate().skip(from) {
            if let Some(s) = self.saved.articles.get(&article.id) {
                state.views[index] = ArticleView {
                    cursor: s.cursor,
                    scroll: s.scroll,
                    anchor: None,
                };
                state.read[index] = s.read;
            }
            if state.restore_current.as_deref() == Some(article.id.as_str()) {
                state.restore_current = None;
                state.current = index;
                state.source_cursor = index;
                state.read[index] = true;
            }
        }
    }

    fn read(&self) -> Result<SavedViews, String> {
        let Some(path) = &self.path else {
            return Ok(SavedViews::default());
        };
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(SavedViews::default()),
            Err(e) => {
                return Err(format!(
                    "{}: cannot read reading positions: {e}",
                    display_safe(&path.display().to_string())
                ))
            }
        };
        let shown = display_safe(&path.display().to_string()).into_owned();
        let saved: SavedViews = serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "{shown}: reading positions ignored and the file left as it is (corrupt: {})",
                display_safe(&e.to_string())
            )
        })?;
        if saved.version != VERSION {
            return Err(format!(
                "{shown}: reading positions ignored and the file left as it is (version {})",
                saved.version
            ));
        }
        Ok(saved)
    }

    /// Writes the positions atomically (temporary file, then rename); nothing when the file
    /// could not be read at start.
    pub fn save(&self, state: &State) -> Result<(), String> {
        let Some(path) = self.path.as_ref().filter(|_| !self.keep_as_is) else {
            return Ok(());
        };
        let mut saved = SavedViews {
            version: VERSION,
            // Until the article open last time has loaded, it is still the one to reopen.
            current: state.restore_current.clone().or_else(|| {
                state
                    .corpus
                    .articles
                    .get(state.current)
                    .map(|a| a.id.clone())
            }),
            articles: state
                .corpus
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let v = state.views[i];
                    (
                        a.id.clone(),
                        SavedArticle {
                            cursor: v.cursor,
                            scroll: v.scroll,
                            read: state.read[i],
                        },
                    )
                })
                .collect(),
        };
        if state.loading {
            // Articles not loaded yet keep what the file had for them.
            for (id, article) in &self.saved.articles {
                saved.articles.entry(id.clone()).or_insert(*article);
            }
        }
        let text = serde_json::to_string_pretty(&saved).map_err(|e| e.to_string())?;
        write_atomically(path, text.as_bytes())
            .map_err(|e| format!("{}: cannot save reading positions: {e}", path.display()))
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = path.with_extension(format!("json.tmp{}", std::process::id()));
    let mut file = fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    fs::rename(&tmp, path)
}

/// FNV-1a over the articles' absolute paths, so the same folder is the same corpus wherever
/// the reader is started from. Each folder is resolved once, not each of its files: ten
/// thousand `canonicalize` calls would cost the first frame tens of milliseconds.
fn corpus_key<'a>(paths: impl Iterator<Item = &'a Path>) -> u64 {
    let mut folders: std::collections::HashMap<&Path, Option<PathBuf>> = Default::default();
    let mut hash: u64 = 0xcbf29ce484222325;
    for path in paths {
        let absolute = match (path.parent(), path.file_name()) {
            (Some(parent), Some(name)) => {
                let parent = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                folders
                    .entry(parent)
                    .or_insert_with(|| fs::canonicalize(parent).ok())
                    .as_ref()
                    .map(|folder| folder.join(name))
            }
            _ => None,
        };
        let path = absolute.map_or_else(
            || path.to_string_lossy().into_owned(),
            |p| p.to_string_lossy().into_owned(),
        );
        for b in path.bytes().chain([0]) {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x100000001b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load_seeds, LoadOptions};
    use crate::state::{EntityTable, State};

    fn state() -> State {
        State::new(load_seeds(&LoadOptions::default()), EntityTable::default())
    }

    #[test]
    fn positions_and_read_marks_survive_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = ViewStore::at(dir.path().join("views/x.json"));
        let mut s = state();
        s.current = 3;
        s.read[3] = true;
        s.views[3].cursor = 120;
        store.save(&s).unwrap();
        let mut fresh = state();
        store.load_into(&mut fresh).unwrap();
        assert_eq!(
            (fresh.current, fresh.read[3], fresh.views[3].cursor),
            (3, true, 120)
        );
    }

    #[test]
    fn a_corrupt_file_is_reported_not_fatal_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        let garbage: Vec<u8> = (0..=255u8).rev().cycle().take(3000).collect();
        for bytes in [
            &b"{ not json"[..],
            &garbage,
            br#"{"version": 9, "articles": {}}"#,
        ] {
            fs::write(&path, bytes).unwrap();
            let mut s = state();
            let mut store = ViewStore::at(path.clone());
            let err = store.load_into(&mut s).unwrap_err();
            assert!(err.contains("x.json") && err.contains("ignored"), "{err}");
            assert!(!err.chars().any(char::is_control), "{err:?}");
            assert_eq!(s.current, 0);
            s.current = 2;
            store.save(&s).unwrap();
            assert_eq!(fs::read(&path).unwrap(), bytes, "left as it was");
        }
    }
}
