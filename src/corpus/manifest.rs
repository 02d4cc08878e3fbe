//! `parallax.toml`: optional per-file metadata overrides in a corpus folder.
//!
//! ```toml
//! ["000_e177be1acd7e491d.txt"]
//! title = "After Assad’s fall, Russia tries to hold on in Syria"
//! outlet = "Mena Today"
//! published = "2026-01-27"
//! url = "https://example.com/article"
//! ```

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The overrides for one file. Any field left out keeps what the cleaner found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetadataOverride {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// A parsed `parallax.toml`, keyed by file name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    pub files: BTreeMap<String, MetadataOverride>,
}

impl Manifest {
    /// Parses the manifest text; the error is one line with the line number.
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let files: BTreeMap<String, MetadataOverride> = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let message = e.message().replace('\n', " ");
            match line {
                Some(line) => format!("line {line}: {message}"),
                None => message,
            }
        })?;
        Ok(Manifest { files })
    }

    pub fn get(&self, file_name: &str) -> Option<&MetadataOverride> {
        self.files.get(file_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_overrides_per_file() {
        let m =
            Manifest::parse("[\"a.txt\"]\ntitle = \"T\"\npublished = \"2026-01-28\"\n").unwrap();
        assert_eq!(m.get("a.txt").unwrap().title.as_deref(), Some("T"));
    }

    #[test]
    fn unknown_fields_name_the_line() {
        let err = Manifest::parse("[\"a.txt\"]\ntitel = \"T\"\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        assert!(err.contains("titel"), "{err}");
    }
}
