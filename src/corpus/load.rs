//! Loading a corpus from files and folders: decoding, the per-file checks, unique ids and the
//! folder's `parallax.toml`. The only corpus code that reads article files.

mod analysed;
mod stream;

pub use analysed::{load_paths_analysed, load_paths_analysed_reporting, AnalysedCorpus};
pub use stream::{LoadBatch, StreamingLoad};

use super::article::Article;
use super::clean::CleanMode;
use super::convert::convert;
pub use super::decode::decode;
use super::extracted_cache::ExtractedCache;
use super::ingest::SourceFormat;
use super::manifest::Manifest;
use super::seeds::SEEDS;
use super::Corpus;
use crate::text::display_safe;
use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are skipped unless the limit is raised (`--max-file-mib`).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Extensions read from a folder. Files named on the command line load whatever their name
/// (as plain text unless the extension says otherwise). `.xml` files load only when they are
/// feeds.
pub const ARTICLE_EXTENSIONS: [&str; 9] = [
    "txt", "md", "markdown", "html", "htm", "xhtml", "rss", "atom", "xml",
];

#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub clean: CleanMode,
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            clean: CleanMode::Clean,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// Why a whole corpus could not be loaded. Each names the path.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}: no such file or folder")]
    NotFound(String),
    #[error("{0}: cannot read: {1}")]
    Unreadable(String, String),
    #[error("{0}: no article files (.txt, .md, .html, .rss, .atom…) in this folder")]
    NoArticleFiles(String),
    #[error("{0}: cannot read folder: {1}")]
    UnreadableFolder(String, String),
    /// Every file was skipped; the warnings say why.
    #[error("no articles could be loaded: every file was skipped")]
    NothingLoaded(Vec<LoadWarning>),
}

/// A problem with one file that did not stop the rest of the corpus from loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: String,
    pub message: String,
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Warnings as lines for people: each problem shown for at most `per_problem` files, then
/// one line counting the rest.
pub fn summarise_warnings(warnings: &[LoadWarning], per_problem: usize) -> Vec<String> {
    let mut shown: HashMap<&str, usize> = HashMap::new();
    let mut lines = Vec::new();
    let mut hidden: Vec<(&str, usize)> = Vec::new();
    for w in warnings {
        let count = shown.entry(w.message.as_str()).or_insert(0);
        *count += 1;
        if *count <= per_problem {
            lines.push(w.to_string());
        } else {
            match hidden.iter_mut().find(|(m, _)| *m == w.message) {
                Some((_, n)) => *n += 1,
                None => hidden.push((&w.message, 1)),
            }
        }
    }
    for (message, n) in hidden {
        lines.push(format!("… and {n} more files: {message}"));
    }
    lines
}

/// The built-in seed corpus.
pub fn load_seeds(options: &LoadOptions) -> Corpus {
    let mut ids = IdAllocator::default();
    let articles = SEEDS
        .iter()
        .map(|(name, text)| {
            let id = ids.allocate(stem(Path::new(name)));
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            Article::new(id, format!("seeds/{name}"), text.to_string(), options.clean)
        })
        .collect();
    Corpus {
        articles,
        warnings: Vec::new(),
        folder: None,
    }
}

/// Loads files and folders (a folder means the article files directly inside it), in the
/// order given, folders in file-name order. With no paths, loads the seeds.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Result<Corpus, LoadError> {
    load_paths_reporting(paths, options, &mut |_, _| {})
}

/// `load_paths`, calling `progress(files done, files in all)` as files finish, in load order,
/// on the calling thread.
pub fn load_paths_reporting(
    paths: &[PathBuf],
    options: &LoadOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Corpus, LoadError> {
    if paths.is_empty() {
        return Ok(load_seeds(options));
    }
    let plan = plan_files(paths)?;
    let (corpus, _) = load_planned(plan, options, progress, |path, text| {
        (Article::new(String::new(), path, text, options.clean), ())
    })?;
    Ok(corpus)
}

/// The files to read, in load order (each with its folder's manifest, if any), and what was
/// found on the way.
struct FilePlan {
    files: Vec<(PathBuf, Option<usize>)>,
    manifests: Vec<Manifest>,
    warnings: Vec<LoadWarning>,
    folder: Option<PathBuf>,
}

fn plan_files(paths: &[PathBuf]) -> Result<FilePlan, LoadError> {
    let mut plan = FilePlan {
        files: Vec::new(),
        manifests: Vec::new(),
        warnings: Vec::new(),
        folder: None,
    };
    for path in paths {
        let shown = shown(path);
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound(shown.clone()),
            _ => LoadError::Unreadable(shown.clone(), io_reason(&e)),
        })?;
        if meta.is_dir() {
            plan.folder.get_or_insert_with(|| path.clone());
            let listed = list_folder(path)
                .map_err(|e| LoadError::UnreadableFolder(shown.clone(), e.to_string()))?;
            if listed.is_empty() {
                return Err(LoadError::NoArticleFiles(shown));
            }
            let manifest = read_manifest(path, &mut plan.warnings);
            let index = manifest.map(|m| {
                plan.manifests.push(m);
                plan.manifests.len() - 1
            });
            plan.files.extend(listed.into_iter().map(|f| (f, index)));
        } else {
            plan.files.push((path.clone(), None));
        }
    }
    Ok(plan)
}

/// Reads the planned files, converts them (HTML, Markdown, feeds) and builds each article with
/// `build(shown path, text)`, on all cores (files are independent); then, in load order, hands
/// out ids and applies the page's own metadata and the manifests. `build` gets an empty id;
/// whatever else it returns comes back per article.
fn load_planned<X: Send>(
    plan: FilePlan,
    options: &LoadOptions,
    progress: &mut dyn FnMut(usize, usize),
    build: impl Fn(String, String) -> (Article, X) + Sync,
) -> Result<(Corpus, Vec<X>), LoadError> {
    let mut assembler = Assembler::default();
    let mut articles = Vec::with_capacity(plan.files.len());
    let mut extras = Vec::with_capacity(plan.files.len());
    crate::parallel::for_each_in_order(
        &plan.files,
        |(path, _)| load_file(path, options, &build),
        |i, outcome| {
            for (article, extra) in assembler.assemble(&plan, i, outcome) {
                articles.push(article);
                extras.push(extra);
            }
            progress(i + 1, plan.files.len());
        },
    );
    let warnings = assembler.finish(plan.warnings);
    if articles.is_empty() {
        return Err(LoadError::NothingLoaded(warnings));
    }
    let corpus = Corpus {
        articles,
        warnings,
        folder: plan.folder,
    };
    Ok((corpus, extras))
}

/// Turns each file's outcome, in load order, into finished articles: unique ids, the page's
/// own metadata, then the folder manifest's overrides; and the file's notes into warnings.
#[derive(Default)]
struct Assembler {
    ids: IdAllocator,
    warnings: Vec<LoadWarning>,
}

impl Assembler {
    /// File `index` of the plan. Must be called in file order: ids depend on it.
    fn assemble<X>(
        &mut self,
        plan: &FilePlan,
        index: usize,
        outcome: FileOutcome<X>,
    ) -> Vec<(Article, X)> {
        let (path, manifest) = &plan.files[index];
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let overrides = manifest
            .zip(file_name.as_deref())
            .and_then(|(m, name)| plan.manifests[m].get(name));
        for message in outcome.notes {
            self.warnings.push(LoadWarning {
                path: shown(path),
                message,
            });
        }
        outcome
            .parts
            .into_iter()
            .map(|part| {
                let mut article = part.article;
                article.id = self.ids.allocate(display_safe(&part.stem).into_owned());
                article.apply_override(&part.meta);
                if let Some(over) = overrides {
                    article.apply_override(over);
                }
                (article, part.extra)
            })
            .collect()
    }

    /// The warnings of planning first, then the files' own, in load order.
    fn finish(&mut self, mut planning: Vec<LoadWarning>) -> Vec<LoadWarning> {
        planning.append(&mut self.warnings);
        planning
    }
}

/// What one file gave: its articles (a feed gives several) and one-line notes about it.
struct FileOutcome<X> {
    parts: Vec<BuiltPart<X>>,
    notes: Vec<String>,
}

struct BuiltPart<X> {
    stem: String,
    article: Article,
    extra: X,
    meta: super::manifest::MetadataOverride,
}

/// Reads, decodes, converts and builds one file's articles.
fn load_file<X>(
    path: &Path,
    options: &LoadOptions,
    build: &(impl Fn(String, String) -> (Article, X) + Sync),
) -> FileOutcome<X> {
    let mut notes = Vec::new();
    let nothing = |notes| FileOutcome {
        parts: Vec::new(),
        notes,
    };
    let text = match read_article_text(path, options.max_file_bytes) {
        Ok((text, warning)) => {
            notes.extend(warning);
            text
        }
        Err(message) => {
            notes.push(message);
            return nothing(notes);
        }
    };
    let format = SourceFormat::of(path, &text);
    let is_xml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
    if format == SourceFormat::Text && is_xml {
        notes.push("skipped: not an RSS or Atom feed (.xml files load only as feeds)".to_string());
        return nothing(notes);
    }
    let folder_of_file = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Plain text needs no cache (and so no look at the disk for one).
    let cache = if format == SourceFormat::Text {
        ExtractedCache::in_folders(Vec::new())
    } else {
        ExtractedCache::for_folder(&folder_of_file)
    };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let converted = convert(
        format,
        &text,
        file_name.as_deref().unwrap_or("article"),
        &stem(path),
        &shown(path),
        &cache,
    );
    let (parts, more) = match converted {
        Ok(converted) => converted,
        Err(message) => {
            notes.push(message);
            return nothing(notes);
        }
    };
    notes.extend(more);
    let parts = parts
        .into_iter()
        .map(|part| {
            let (article, extra) = build(part.path, part.extracted.text);
            BuiltPart {
                stem: part.stem,
                article,
                extra,
                meta: part.extracted.meta,
            }
        })
        .collect();
    FileOutcome { parts, notes }
}

/// A path as a display-safe string, as the user gave it.
fn shown(path: &Path) -> String {
    display_safe(&path.to_string_lossy()).into_owned()
}

fn stem(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string());
    display_safe(&stem).into_owned()
}

/// Article files directly inside a folder, sorted by name; hidden files are ignored.
fn list_folder(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            let article = p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
            !hidden && article && p.is_file()
        })
        .collect();
    files.sort();
    Ok(files)
}

fn read_manifest(folder: &Path, warnings: &mut Vec<LoadWarning>) -> Option<Manifest> {
    let path = folder.join("parallax.toml");
    let text = fs::read_to_string(&path).ok()?;
    match Manifest::parse(&text) {
        Ok(manifest) => Some(manifest),
        Err(message) => {
            warnings.push(LoadWarning {
                path: shown(&path),
                message: format!("{}; overrides ignored", display_safe(&message)),
            });
            None
        }
    }
}

/// Reads and decodes one file, or says in one line why it was skipped. The optional string is
/// a warning about a file that still loaded (lossy decoding).
fn read_article_text(path: &Path, max_bytes: u64) -> Result<(String, Option<String>), String> {
    let file = fs::File::open(path).map_err(|e| format!("skipped: {}", io_reason(&e)))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > max_bytes {
        return Err(format!(
            "skipped: {:.1} MiB is over the {} MiB limit (raise it with --max-file-mib)",
            size as f64 / 1048576.0,
            max_bytes / 1048576
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("skipped: {}", io_reason(&e)))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "skipped: over the {} MiB limit (raise it with --max-file-mib)",
            max_bytes / 1048576
        ));
    }
    decode(bytes)
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotFound => "no longer exists".to_string(),
        _ => err.to_string(),
    }
}

/// Hands out file stems as ids, suffixing `-2`, `-3`… to repeats, in load order.
#[derive(Default)]
struct IdAllocator {
    used: HashMap<String, usize>,
}

impl IdAllocator {
    fn allocate(&mut self, stem: String) -> String {
        let mut candidate = stem.clone();
        let mut n = 1;
        while self.used.contains_key(&candidate) {
            n += 1;
            candidate = format!("{stem}-{n}");
        }
        self.used.insert(candidate.clone(), 1);
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_stems_get_numbered_ids() {
        let mut ids = IdAllocator::default();
        assert_eq!(ids.allocate("a".into()), "a");
        assert_eq!(ids.allocate("a".into()), "a-2");
        assert_eq!(ids.allocate("a-2".into()), "a-2-2");
    }
}
