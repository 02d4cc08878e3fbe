//! Generated corpora for the benchmarks, analysed through an analysis cache kept under the
//! target folder, so that a second `cargo bench` does not wait for the recogniser again.
//! Each bench uses part of it.

#![allow(dead_code)]

use parallax::analysis::ner::RawMention;
use parallax::corpus::{load_article_cached, AnalysisCache, Article, CleanMode, Corpus};
use parallax::generate::{generate_corpus, GeneratedCorpus, GeneratorConfig};

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs each benchmark once, in a
/// debug build, where a corpus a fiftieth of the size does.
pub fn sized(articles: usize) -> usize {
    match std::env::args().any(|a| a == "--bench") {
        true => articles,
        false => (articles / 50).max(10),
    }
}

pub fn generated(articles: usize, stories: usize, mean_words: usize) -> GeneratedCorpus {
    generate_corpus(&GeneratorConfig {
        articles,
        mean_words,
        stories,
        seed: 1,
    })
}

pub fn bench_cache() -> AnalysisCache {
    AnalysisCache::at(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-cache"))
}

/// The generated articles cleaned and recognised (or read from `cache`), on all cores.
pub fn analysed(
    generated: &GeneratedCorpus,
    cache: &AnalysisCache,
) -> (Corpus, Vec<Vec<RawMention>>) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = generated.articles.len().div_ceil(threads).max(1);
    let parts: Vec<Vec<(Article, Vec<RawMention>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = generated
            .articles
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|a| {
                            let id = a.file_name.trim_end_matches(".txt").to_string();
                            let (path, text) = (a.file_name.clone(), a.text.clone());
                            load_article_cached(cache, id, path, text, CleanMode::Clean)
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let (articles, mentions) = parts.into_iter().flatten().unzip();
    let corpus = Corpus {
        articles,
        ..Corpus::default()
    };
    (corpus, mentions)
}
