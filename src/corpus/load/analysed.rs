//! Loading with analysis: each article cleaned and recognised, or read from the analysis
//! cache, on all cores. What `parallax dump` and the other analysing commands start from.

use super::{load_planned, plan_files, stem, IdAllocator, LoadError, LoadOptions};
use crate::analysis::ner::RawMention;
use crate::corpus::cache::{analyse_cached, AnalysisCache};
use crate::corpus::seeds::SEEDS;
use crate::corpus::Corpus;
use std::path::{Path, PathBuf};

/// A loaded corpus and every article's recognised mentions (for
/// `CorpusEntities::from_mentions`), with how many articles came from the cache.
#[derive(Clone, Debug, Default)]
pub struct AnalysedCorpus {
    pub corpus: Corpus,
    pub mentions: Vec<Vec<RawMention>>,
    pub from_cache: usize,
}

/// `load_paths`, with each article's mentions: read from `cache` when it has the article's
/// text, else recognised (and stored).
pub fn load_paths_analysed(
    paths: &[PathBuf],
    options: &LoadOptions,
    cache: &AnalysisCache,
) -> Result<AnalysedCorpus, LoadError> {
    load_paths_analysed_reporting(paths, options, cache, &mut |_, _| {})
}

/// `load_paths_analysed`, calling `progress(files done, files in all)` as files finish.
pub fn load_paths_analysed_reporting(
    paths: &[PathBuf],
    options: &LoadOptions,
    cache: &AnalysisCache,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<AnalysedCorpus, LoadError> {
    let mode = options.clean;
    if paths.is_empty() {
        return Ok(load_seeds_analysed(mode, cache));
    }
    let plan = plan_files(paths)?;
    let (corpus, found) = load_planned(plan, options, progress, |path, text| {
        let (article, mentions, hit) = analyse_cached(cache, String::new(), path, text, mode);
        (article, (mentions, hit))
    })?;
    let from_cache = found.iter().filter(|(_, hit)| *hit).count();
    Ok(AnalysedCorpus {
        corpus,
        mentions: found.into_iter().map(|(m, _)| m).collect(),
        from_cache,
    })
}

fn load_seeds_analysed(mode: crate::corpus::CleanMode, cache: &AnalysisCache) -> AnalysedCorpus {
    let mut ids = IdAllocator::default();
    let mut analysed = AnalysedCorpus::default();
    for (name, text) in SEEDS {
        let id = ids.allocate(stem(Path::new(name)));
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
        let (article, mentions, hit) =
            analyse_cached(cache, id, format!("seeds/{name}"), text, mode);
        analysed.corpus.articles.push(article);
        analysed.mentions.push(mentions);
        analysed.from_cache += usize::from(hit);
    }
    analysed
}
