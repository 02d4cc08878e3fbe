//! The corpus: articles loaded from disk or the built-in seeds, with their cleaning and
//! structure, and the annotations on them. No terminal types; the loader reads the articles and
//! the store is the only part that reads or writes annotations.

pub mod anchor;
pub mod annotation;
pub mod article;
pub mod boilerplate;
pub mod cache;
pub mod clean;
pub mod convert;
pub mod decode;
pub mod extracted_cache;
pub mod ingest;
pub mod line;
pub mod load;
pub mod lookup;
pub mod manifest;
pub mod metadata;
pub mod reason;
pub mod seeds;
pub mod store;

pub use anchor::{anchor, anchor_all, new_annotation, reanchor_all, Anchor};
pub use annotation::{AnchorStatus, Annotation};
pub use article::Article;
pub use cache::{
    load_article_cached, mentions_cached, AnalysisCache, CacheKey, CachedArticle, CorpusKey,
};
pub use clean::CleanMode;
pub use load::{
    load_paths, load_paths_analysed, load_paths_analysed_reporting, load_paths_reporting,
    load_seeds, AnalysedCorpus, LoadBatch, LoadError, LoadOptions, LoadWarning, StreamingLoad,
};
pub use lookup::{find_article, LookupError};
pub use reason::RemovalReason;
pub use store::{AnnotationStore, StoreError, StoreLocation};

use std::path::PathBuf;

/// Every article of one reading session, in load order.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Files skipped or loaded with problems: one line each.
    pub warnings: Vec<LoadWarning>,
    /// The first folder given, where per-corpus files (annotations) will live.
    pub folder: Option<PathBuf>,
}
