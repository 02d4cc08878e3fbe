//! Loading for the reader, in two steps: a head on the calling thread (every file, or as many
//! as fit in a few milliseconds and at least one article), so the first frame never waits for
//! the whole corpus; then the rest on all cores, handed over in load order, in batches, as
//! they are ready. The articles, ids and warnings are exactly those of `load_paths`.

use super::{load_file, load_seeds, plan_files, Assembler, FilePlan, LoadError, LoadOptions};
use crate::corpus::cache::article_cached;
use crate::corpus::{AnalysisCache, Article, Corpus, LoadWarning};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long the head may take before the rest is left to the workers.
const HEAD_BUDGET: Duration = Duration::from_millis(40);
/// How often the workers hand over what they have loaded.
const BATCH_INTERVAL: Duration = Duration::from_millis(50);

/// Articles loaded since the last batch, in load order, following those loaded before.
#[derive(Clone, Debug, Default)]
pub struct LoadBatch {
    pub articles: Vec<Article>,
    pub warnings: Vec<LoadWarning>,
    /// Files read so far (head included), of `files_total`.
    pub files_done: usize,
    pub files_total: usize,
    /// Milliseconds since `rest` started, for an estimate of the time left.
    pub elapsed_ms: u64,
}

impl LoadBatch {
    /// The last batch of a load.
    pub fn is_last(&self) -> bool {
        self.files_done >= self.files_total
    }
}

pub struct StreamingLoad {
    /// `None` for the seeds.
    plan: Option<FilePlan>,
    options: LoadOptions,
    /// Articles already cleaned once come from here.
    cache: AnalysisCache,
    assembler: Assembler,
    /// Files the head has loaded.
    done: usize,
}

impl StreamingLoad {
    /// Lists the files to load (the seeds without paths). Errors are those of `load_paths`
    /// that concern the paths themselves: missing, unreadable, a folder without articles.
    pub fn plan(paths: &[PathBuf], options: LoadOptions) -> Result<StreamingLoad, LoadError> {
        let plan = match paths.is_empty() {
            true => None,
            false => Some(plan_files(paths)?),
        };
        Ok(StreamingLoad {
            plan,
            options,
            cache: AnalysisCache::disabled(),
            assembler: Assembler::default(),
            done: 0,
        })
    }

    /// Takes articles already cleaned from `cache` instead of cleaning them again.
    pub fn with_cache(mut self, cache: AnalysisCache) -> StreamingLoad {
        self.cache = cache;
        self
    }

    pub fn cache(&self) -> &AnalysisCache {
        &self.cache
    }

    /// Every file to load, in load order.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.plan
            .iter()
            .flat_map(|p| p.files.iter().map(|(f, _)| f.as_path()))
    }

    pub fn files_total(&self) -> usize {
        self.plan.as_ref().map_or(0, |p| p.files.len())
    }

    /// Files left for `rest`.
    pub fn remaining(&self) -> usize {
        self.files_total() - self.done
    }

    /// Loads files in order on this thread until all are loaded, or the time budget is spent
    /// and at least one article has loaded. `NothingLoaded` when every file was skipped.
    pub fn head(&mut self) -> Result<Corpus, LoadError> {
        self.head_within(HEAD_BUDGET)
    }

    fn head_within(&mut self, budget: Duration) -> Result<Corpus, LoadError> {
        let Some(plan) = &mut self.plan else {
            return Ok(load_seeds(&self.options));
        };
        let started = Instant::now();
        let (options, cache) = (&self.options, &self.cache);
        let build = |path, text| {
            (
                article_cached(cache, String::new(), path, text, options.clean),
                (),
            )
        };
        let mut articles = Vec::new();
        while self.done < plan.files.len() {
            if !articles.is_empty() && started.elapsed() >= budget {
                break;
            }
            let outcome = load_file(&plan.files[self.done].0, options, &build);
            let built = self.assembler.assemble(plan, self.done, outcome);
            articles.extend(built.into_iter().map(|(article, ())| article));
            self.done += 1;
        }
        let warnings = self.assembler.finish(std::mem::take(&mut plan.warnings));
        if articles.is_empty() {
            return Err(LoadError::NothingLoaded(warnings));
        }
        Ok(Corpus {
            articles,
            warnings,
            folder: plan.folder.clone(),
        })
    }

    /// Loads the files the head left, on all cores, calling `emit` with a batch every few
    /// tens of milliseconds and always once at the end (`LoadBatch::is_last`).
    pub fn rest(self, mut emit: impl FnMut(LoadBatch)) {
        let StreamingLoad {
            plan,
            options,
            cache,
            mut assembler,
            done,
        } = self;
        let Some(plan) = plan else {
            return emit(LoadBatch::default());
        };
        let total = plan.files.len();
        let build = |path, text| {
            (
                article_cached(&cache, String::new(), path, text, options.clean),
                (),
            )
        };
        let mut batch = LoadBatch {
            files_done: done,
            files_total: total,
            ..LoadBatch::default()
        };
        let started = Instant::now();
        let mut last = started;
        crate::parallel::for_each_in_order(
            &plan.files[done..],
            |(path, _)| load_file(path, &options, &build),
            |i, outcome| {
                let built = assembler.assemble(&plan, done + i, outcome);
                batch
                    .articles
                    .extend(built.into_iter().map(|(article, ())| article));
                batch.warnings.append(&mut assembler.warnings);
                batch.files_done = done + i + 1;
                batch.elapsed_ms = started.elapsed().as_millis() as u64;
                if last.elapsed() >= BATCH_INTERVAL && batch.files_done < total {
                    last = Instant::now();
                    let next = LoadBatch {
                        files_done: batch.files_done,
                        files_total: total,
                        ..LoadBatch::default()
                    };
                    emit(std::mem::replace(&mut batch, next));
                }
            },
        );
        batch.files_done = total;
        batch.elapsed_ms = started.elapsed().as_millis() as u64;
        emit(batch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_paths;

    fn folder(files: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..files {
            let body = format!(
                "Headline number {i}\n\nThe minister said on Monday that talks would resume. \
                 Officials in Damascus declined to comment on article {i}.\n"
            );
            std::fs::write(dir.path().join(format!("a{i:04}.txt")), body).unwrap();
        }
        // A clash of stems and two files that are skipped with a warning.
        std::fs::write(
            dir.path().join("a0001.md"),
            "# Same stem\n\nAnother text.\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        std::fs::write(dir.path().join("nul.txt"), "a\0b").unwrap();
        dir
    }

    fn streamed(paths: &[PathBuf]) -> (Corpus, Vec<(usize, usize)>) {
        streamed_with(paths, AnalysisCache::disabled())
    }

    fn streamed_with(paths: &[PathBuf], cache: AnalysisCache) -> (Corpus, Vec<(usize, usize)>) {
        let mut load = StreamingLoad::plan(paths, LoadOptions::default())
            .unwrap()
            .with_cache(cache);
        // No time for the head: one article, the rest from the workers.
        let mut corpus = load.head_within(Duration::ZERO).unwrap();
        assert_eq!(corpus.articles.len(), 1);
        let mut progress = vec![(load.files_total() - load.remaining(), load.files_total())];
        load.rest(|batch| {
            progress.push((batch.files_done, batch.files_total));
            corpus.articles.extend(batch.articles);
            corpus.warnings.extend(batch.warnings);
        });
        (corpus, progress)
    }

    #[test]
    fn streaming_gives_exactly_what_load_paths_gives() {
        let dir = folder(300);
        let paths = vec![dir.path().to_path_buf()];
        let whole = load_paths(&paths, &LoadOptions::default()).unwrap();
        let (corpus, progress) = streamed(&paths);
        let ids = |c: &Corpus| c.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&corpus), ids(&whole));
        assert!(ids(&corpus).contains(&"a0001-2".to_string()));
        let texts = |c: &Corpus| {
            c.articles
                .iter()
                .map(|a| a.source.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&corpus), texts(&whole));
        let mut warnings = corpus.warnings.clone();
        let mut expected = whole.warnings.clone();
        warnings.sort_by(|a, b| a.path.cmp(&b.path));
        expected.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(warnings, expected);
        assert_eq!(warnings.len(), 2);
        // Progress only grows and ends at every file.
        assert!(progress.windows(2).all(|w| w[0].0 <= w[1].0));
        assert_eq!(progress.last(), Some(&(303, 303)));
    }

    #[test]
    fn articles_from_the_cache_are_the_articles_cleaned_afresh() {
        let dir = folder(40);
        let paths = vec![dir.path().to_path_buf()];
        let cache_dir = tempfile::tempdir().unwrap();
        let cache = || AnalysisCache::with_fingerprint(cache_dir.path(), 7);
        // Fills the cache.
        crate::corpus::load_paths_analysed(&paths, &LoadOptions::default(), &cache()).unwrap();
        let (cached, _) = streamed_with(&paths, cache());
        let (fresh, _) = streamed(&paths);
        let shape = |c: &Corpus| {
            c.articles
                .iter()
                .map(|a| {
                    (
                        a.id.clone(),
                        a.lines.clone(),
                        a.sentences.clone(),
                        a.meta.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&cached), shape(&fresh));
    }

    #[test]
    fn a_corpus_of_skipped_files_is_an_error_in_the_head() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("empty.txt"), "").unwrap();
        let mut load =
            StreamingLoad::plan(&[dir.path().to_path_buf()], LoadOptions::default()).unwrap();
        assert!(matches!(load.head(), Err(LoadError::NothingLoaded(w)) if w.len() == 1));
    }

    #[test]
    fn the_seeds_load_in_the_head() {
        let mut load = StreamingLoad::plan(&[], LoadOptions::default()).unwrap();
        assert_eq!(load.head().unwrap().articles.len(), 5);
        assert_eq!(load.remaining(), 0);
    }
}
