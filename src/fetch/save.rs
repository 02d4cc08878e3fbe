//! Saving fetched articles into a corpus folder: `<DIR>/<slug>.txt` (the extracted text) and
//! its entry in `<DIR>/parallax.toml` (the metadata). An existing article is never
//! overwritten: the same URL fetched again is kept unless `force`; another article with the
//! same slug gets `<slug>-2`, `-3`…

use crate::corpus::extracted_cache::write_atomically;
use crate::corpus::ingest::slug::{slug_of_url, slugify};
use crate::corpus::ingest::Extracted;
use crate::corpus::manifest::{Manifest, MetadataOverride};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::ArticleOutcome;

/// An article written to the folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub path: PathBuf,
    pub title: Option<String>,
    /// It replaced the same URL's earlier copy (`--force`).
    pub overwritten: bool,
}

/// A corpus folder being filled.
pub struct CorpusFolder {
    dir: PathBuf,
    manifest_text: String,
    manifest: Manifest,
}

impl CorpusFolder {
    /// Creates the folder if needed and reads its `parallax.toml`. A manifest that does not
    /// parse is an error (one line with its line number): it is never rewritten.
    pub fn open(dir: &Path) -> Result<CorpusFolder, String> {
        fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
        let path = dir.join("parallax.toml");
        let manifest_text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
        };
        let manifest = Manifest::parse(&manifest_text).map_err(|e| {
            format!(
                "{}: {e}; fix it first, it is never rewritten",
                path.display()
            )
        })?;
        Ok(CorpusFolder {
            dir: dir.to_path_buf(),
            manifest_text,
            manifest,
        })
    }

    /// Saves an article fetched from `url`. `slug` names it (feed items); else the slug comes
    /// from its canonical URL, else its title.
    pub fn save(
        &mut self,
        url: &str,
        extracted: &Extracted,
        slug: Option<&str>,
        force: bool,
    ) -> Result<ArticleOutcome, String> {
        let canonical = extracted
            .meta
            .url
            .clone()
            .unwrap_or_else(|| url.to_string());
        let base = slug
            .map(str::to_string)
            .or_else(|| Some(slug_of_url(&canonical)).filter(|s| !s.is_empty()))
            .or_else(|| extracted.meta.title.as_deref().map(slugify))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "article".to_string());
        for n in 1.. {
            let name = if n == 1 {
                format!("{base}.txt")
            } else {
                format!("{base}-{n}.txt")
            };
            let path = self.dir.join(&name);
            let entry = self.manifest.get(&name);
            let taken = path.exists() || entry.is_some();
            if taken {
                let same = entry
                    .and_then(|e| e.url.as_deref())
                    .is_some_and(|u| u == canonical || u == url);
                if !same {
                    continue;
                }
                if !force {
                    return Ok(ArticleOutcome::Kept(path));
                }
            }
            let meta = MetadataOverride {
                url: Some(canonical),
                ..extracted.meta.clone()
            };
            write_atomically(&path, extracted.text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            self.set_entry(&name, meta)?;
            return Ok(ArticleOutcome::Saved(Saved {
                path,
                title: extracted.meta.title.clone(),
                overwritten: taken,
            }));
        }
        unreachable!("an unbounded search always returns")
    }

    /// Adds (appending, so comments stay) or replaces a file's entry in `parallax.toml`.
    fn set_entry(&mut self, name: &str, meta: MetadataOverride) -> Result<(), String> {
        let path = self.dir.join("parallax.toml");
        let error = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
        let text = if self.manifest.get(name).is_none() {
            let section = toml::to_string(&BTreeMap::from([(name.to_string(), meta.clone())]))
                .map_err(|e| error(&e))?;
            let mut text = self.manifest_text.clone();
            if !text.is_empty() && !text.ends_with("\n\n") {
                text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
            }
            text.push_str(&section);
            text
        } else {
            let mut table: toml::Table = self.manifest_text.parse().map_err(|e| error(&e))?;
            let entry = toml::Table::try_from(&meta).map_err(|e| error(&e))?;
            table.insert(name.to_string(), toml::Value::Table(entry));
            toml::to_string(&table).map_err(|e| error(&e))?
        };
        write_atomically(&path, text.as_bytes()).map_err(|e| error(&e))?;
        self.manifest = Manifest::parse(&text).map_err(|e| error(&e))?;
        self.manifest_text = text;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, url: &str) -> Extracted {
        Extracted {
            text: format!("{title}\n\nBody.\n"),
            meta: MetadataOverride {
                title: Some(title.to_string()),
                url: Some(url.to_string()),
                ..MetadataOverride::default()
            },
        }
    }

    fn saved_path(outcome: ArticleOutcome) -> PathBuf {
        match outcome {
            ArticleOutcome::Saved(s) => s.path,
            other => panic!("not saved: {other:?}"),
        }
    }

    #[test]
    fn articles_are_saved_with_their_metadata_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("parallax.toml"), "# my notes\n").unwrap();
        let mut folder = CorpusFolder::open(dir.path()).unwrap();
        let a = article("Ships wait", "https://x.example/news/ships");
        let first = saved_path(folder.save("https://x.example/s", &a, None, false).unwrap());
        assert_eq!(first, dir.path().join("ships.txt"));
        // Again: kept. Another article with the same slug: a new name.
        assert_eq!(
            folder.save("https://x.example/s", &a, None, false).unwrap(),
            ArticleOutcome::Kept(first.clone())
        );
        let b = article("Other ships", "https://y.example/ships");
        let second = saved_path(
            folder
                .save("https://y.example/ships", &b, None, false)
                .unwrap(),
        );
        assert_eq!(second, dir.path().join("ships-2.txt"));
        let manifest = fs::read_to_string(dir.path().join("parallax.toml")).unwrap();
        assert!(manifest.starts_with("# my notes\n"), "{manifest}");
        let parsed = Manifest::parse(&manifest).unwrap();
        assert_eq!(
            parsed.get("ships-2.txt").unwrap().title.as_deref(),
            Some("Other ships")
        );
        // --force replaces the same URL's copy.
        let newer = article("Ships wait longer", "https://x.example/news/ships");
        let forced = folder
            .save("https://x.example/s", &newer, None, true)
            .unwrap();
        assert!(matches!(
            forced,
            ArticleOutcome::Saved(Saved {
                overwritten: true,
                ..
            })
        ));
        assert!(fs::read_to_string(&first)
            .unwrap()
            .starts_with("Ships wait longer"));
        let parsed =
            Manifest::parse(&fs::read_to_string(dir.path().join("parallax.toml")).unwrap())
                .unwrap();
        assert_eq!(
            parsed.get("ships.txt").unwrap().title.as_deref(),
            Some("Ships wait longer")
        );
    }

    #[test]
    fn a_hand_written_file_with_the_same_name_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("ships.txt"), "mine").unwrap();
        let mut folder = CorpusFolder::open(dir.path()).unwrap();
        let a = article("Ships", "https://x.example/ships");
        let path = saved_path(
            folder
                .save("https://x.example/ships", &a, None, true)
                .unwrap(),
        );
        assert_eq!(path, dir.path().join("ships-2.txt"));
        assert_eq!(
            fs::read_to_string(dir.path().join("ships.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn a_broken_manifest_stops_the_fetch() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("parallax.toml"), "[\"a.txt\"]\ntitel = 1\n").unwrap();
        let err = CorpusFolder::open(dir.path()).err().unwrap();
        assert!(err.contains("line 2"), "{err}");
    }
}
