//! Annotations in other tools' formats: W3C Web Annotation JSON-LD (export and import), brat
//! standoff, CSV, a Markdown report, and the `parallax annotations list` rows. Pure functions
//! from a corpus and its annotations to text (or to files for the caller to write); nothing
//! here touches the disk or the terminal.

pub mod brat;
pub mod csv;
pub mod import;
pub mod listing;
pub mod markdown;
pub mod w3c;

use crate::corpus::anchor::reanchor_all;
use crate::corpus::{AnchorStatus, Annotation, Article, Corpus};
use std::path::Path;

/// One annotation as it stands in the current corpus: moved to where it was found (position,
/// quote and hash), or as stored when orphaned.
#[derive(Clone, Debug)]
pub struct Located<'a> {
    pub annotation: Annotation,
    /// `None` when the article is not in the corpus.
    pub article: Option<&'a Article>,
    pub status: AnchorStatus,
}

impl Located<'_> {
    /// The current span, `None` when orphaned.
    pub fn span(&self) -> Option<(usize, usize)> {
        (self.status != AnchorStatus::Orphaned)
            .then_some((self.annotation.start, self.annotation.end))
    }
}

/// A file an export asks the caller to write: a bare file name and its contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub contents: String,
}

/// Re-anchors every annotation (without changing the caller's list) and orders them for
/// output: by article in corpus order, then position, then id; annotations of articles not in
/// the corpus last, by article id.
pub fn locate_all<'a>(corpus: &'a Corpus, annotations: &[Annotation]) -> Vec<Located<'a>> {
    let mut moved = annotations.to_vec();
    let anchors = reanchor_all(corpus, &mut moved);
    let mut located: Vec<Located> = moved
        .into_iter()
        .zip(anchors)
        .map(|(annotation, anchor)| Located {
            article: corpus.articles.iter().find(|a| a.id == annotation.article),
            annotation,
            status: anchor.status,
        })
        .collect();
    let order = |l: &Located| {
        l.article
            .and_then(|a| corpus.articles.iter().position(|b| b.id == a.id))
            .unwrap_or(usize::MAX)
    };
    located.sort_by(|x, y| {
        (
            order(x),
            &x.annotation.article,
            x.annotation.start,
            x.annotation.end,
            &x.annotation.id,
        )
            .cmp(&(
                order(y),
                &y.annotation.article,
                y.annotation.start,
                y.annotation.end,
                &y.annotation.id,
            ))
    });
    located
}

/// How exports name an article: its path relative to the corpus folder when it lies inside
/// it, else the path as given (`seeds/<file>` for the built-in corpus).
pub fn source_name(corpus: &Corpus, article: &Article) -> String {
    let path = Path::new(&article.path);
    if let Some(folder) = &corpus.folder {
        if let Ok(relative) = path.strip_prefix(folder) {
            return relative.to_string_lossy().into_owned();
        }
        let canonical = |p: &Path| std::fs::canonicalize(p).ok();
        if let (Some(file), Some(folder)) = (canonical(path), canonical(folder)) {
            if let Ok(relative) = file.strip_prefix(&folder) {
                return relative.to_string_lossy().into_owned();
            }
        }
    }
    article.path.clone()
}

/// The article a target's `source` names: by the exported name, the path as given, the id, or
/// (when only one article has it) the file name.
pub fn resolve_source<'a>(corpus: &'a Corpus, source: &str) -> Option<&'a Article> {
    let source = source.strip_prefix("file://").unwrap_or(source);
    let source = source.strip_prefix("./").unwrap_or(source);
    let by = |matches: &dyn Fn(&Article) -> bool| corpus.articles.iter().find(|a| matches(a));
    by(&|a| source_name(corpus, a) == source)
        .or_else(|| by(&|a| a.path == source))
        .or_else(|| by(&|a| a.id == source))
        .or_else(|| {
            let name = Path::new(source).file_name()?;
            let mut named = corpus
                .articles
                .iter()
                .filter(|a| Path::new(&a.path).file_name() == Some(name));
            let first = named.next()?;
            named.next().is_none().then_some(first)
        })
}

/// The text of chars `[start, end)` of an article.
pub fn char_slice(article: &Article, start: usize, end: usize) -> &str {
    let span = article
        .chars
        .to_byte_span(&article.source, crate::text::CharSpan::new(start, end));
    &article.source[span.range()]
}
