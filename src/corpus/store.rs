//! The annotation store (minimal version; the full store with merging and backups lands with
//! the annotation store work).

use super::annotation::Annotation;
use super::Corpus;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreLocation {
    pub path: PathBuf,
    pub description: String,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}: {1}")]
    Io(String, String),
}

#[derive(Serialize, Deserialize)]
struct StoreFile {
    version: u32,
    annotations: Vec<Annotation>,
}

pub struct AnnotationStore {
    location: StoreLocation,
    annotations: Vec<Annotation>,
    read_only: Option<String>,
}

impl AnnotationStore {
    pub fn locate(corpus: &Corpus, explicit: Option<&Path>) -> StoreLocation {
        if let Some(path) = explicit {
            return StoreLocation {
                path: path.to_path_buf(),
                description: path.display().to_string(),
            };
        }
        if let Some(folder) = &corpus.folder {
            let path = folder.join(".parallax/annotations.json");
            return StoreLocation {
                description: path.display().to_string(),
                path,
            };
        }
        let base = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
            .unwrap_or_else(|| PathBuf::from("."));
        let path = base.join("parallax/annotations/seeds.json");
        StoreLocation {
            description: path.display().to_string(),
            path,
        }
    }

    pub fn open(location: StoreLocation) -> Result<AnnotationStore, StoreError> {
        let mut store = AnnotationStore {
            location,
            annotations: Vec::new(),
            read_only: None,
        };
        match fs::read_to_string(&store.location.path) {
            Ok(text) => match serde_json::from_str::<StoreFile>(&text) {
                Ok(file) => store.annotations = file.annotations,
                Err(e) => store.read_only = Some(format!("{}: {e}", store.location.path.display())),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(StoreError::Io(
                    store.location.path.display().to_string(),
                    e.to_string(),
                ))
            }
        }
        Ok(store)
    }

    /// A store that holds nothing and refuses to write.
    pub fn read_only_empty(location: StoreLocation, why: String) -> AnnotationStore {
        AnnotationStore {
            location,
            annotations: Vec::new(),
            read_only: Some(why),
        }
    }

    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn location(&self) -> &StoreLocation {
        &self.location
    }

    pub fn save(&mut self, annotations: &[Annotation]) -> Result<Vec<Annotation>, StoreError> {
        let path = &self.location.path;
        let err = |e: std::io::Error| StoreError::Io(path.display().to_string(), e.to_string());
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(err)?;
        }
        let text = serde_json::to_string_pretty(&StoreFile {
            version: 1,
            annotations: annotations.to_vec(),
        })
        .map_err(|e| StoreError::Io(path.display().to_string(), e.to_string()))?;
        let tmp = path.with_extension("json.tmp");
        fs::write(&tmp, text).map_err(err)?;
        fs::rename(&tmp, path).map_err(err)?;
        self.annotations = annotations.to_vec();
        Ok(annotations.to_vec())
    }
}
