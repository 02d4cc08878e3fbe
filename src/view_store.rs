//! Reading positions and read marks per corpus, kept in a small JSON file under the XDG state
//! directory (`$XDG_STATE_HOME/parallax/views/<corpus key>.json`). A missing file is a fresh
//! start; a corrupt one is reported and ignored, never fatal.

use crate::corpus::Corpus;
use crate::state::{ArticleView, State};
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
}

impl ViewStore {
    /// The store of this corpus, keyed by its article paths.
    pub fn for_corpus(corpus: &Corpus) -> ViewStore {
        let dir = std::env::var_os("XDG_STATE_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/state")));
        let path = dir.map(|d| {
            d.join("parallax/views")
                .join(format!("{:016x}.json", corpus_key(corpus)))
        });
        ViewStore { path }
    }

    /// A store at an explicit file (tests, `--state`-like overrides).
    pub fn at(path: PathBuf) -> ViewStore {
        ViewStore { path: Some(path) }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Applies saved positions to the state. `Err` is a one-line notice.
    pub fn load_into(&self, state: &mut State) -> Result<(), String> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(format!(
                    "{}: cannot read reading positions: {e}",
                    path.display()
                ))
            }
        };
        let saved: SavedViews = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}: reading positions ignored (corrupt: {e})",
                path.display()
            )
        })?;
        if saved.version != VERSION {
            return Err(format!(
                "{}: reading positions ignored (version {})",
                path.display(),
                saved.version
            ));
        }
        for (index, article) in state.corpus.articles.iter().enumerate() {
            if let Some(s) = saved.articles.get(&article.id) {
                state.views[index] = ArticleView {
                    cursor: s.cursor,
                    scroll: s.scroll,
                    anchor: None,
                };
                state.read[index] = s.read;
            }
        }
        if let Some(index) = saved
            .current
            .and_then(|id| state.corpus.articles.iter().position(|a| a.id == id))
        {
            state.current = index;
            state.source_cursor = index;
            state.read[index] = true;
        }
        Ok(())
    }

    /// Writes the positions atomically (temporary file, then rename).
    pub fn save(&self, state: &State) -> Result<(), String> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let saved = SavedViews {
            version: VERSION,
            current: state
                .corpus
                .articles
                .get(state.current)
                .map(|a| a.id.clone()),
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
/// the reader is started from.
fn corpus_key(corpus: &Corpus) -> u64 {
    let mut hash: u64 = 0xcbf29ce484222325;
    for article in &corpus.articles {
        let path = fs::canonicalize(&article.path)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| article.path.clone());
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
        let store = ViewStore::at(dir.path().join("views/x.json"));
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
    fn a_corrupt_file_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        fs::write(&path, "{ not json").unwrap();
        let mut s = state();
        let err = ViewStore::at(path).load_into(&mut s).unwrap_err();
        assert!(err.contains("x.json") && err.contains("ignored"), "{err}");
        assert_eq!(s.current, 0);
    }
}
