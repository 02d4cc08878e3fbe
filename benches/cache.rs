//! One article from the analysis cache against analysing it cold (cleaning, sentences,
//! recognition), over 100 generated articles of ~800 words, in articles per second; and
//! writing entries. Run: `cargo bench --bench cache`.

#[path = "support/generated.rs"]
mod support;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parallax::analysis::corpus_entities::recognize_article;
use parallax::corpus::{
    load_article_cached, AnalysisCache, Article, CacheKey, CachedArticle, CleanMode,
};
use std::hint::black_box;

fn cache_against_cold(c: &mut Criterion) {
    let generated = support::generated(support::sized(100), 5, 800);
    let texts: Vec<String> = generated.articles.iter().map(|a| a.text.clone()).collect();
    let dir = tempfile::tempdir().unwrap();
    let cache = AnalysisCache::at(dir.path());
    let load = |cache: &AnalysisCache, text: &str| {
        load_article_cached(
            cache,
            "a".into(),
            "a.txt".into(),
            text.to_string(),
            CleanMode::Clean,
        )
    };
    let entries: Vec<(CacheKey, CachedArticle)> = texts
        .iter()
        .map(|t| {
            let (article, mentions) = load(&cache, t);
            (
                CacheKey::of(t, CleanMode::Clean),
                CachedArticle::of(&article, &mentions),
            )
        })
        .collect();
    let mut group = c.benchmark_group("cache");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.sample_size(20);
    group.bench_function("cold_analysis", |b| {
        b.iter(|| {
            for text in &texts {
                let article =
                    Article::new("a".into(), "a.txt".into(), text.clone(), CleanMode::Clean);
                black_box(recognize_article(&article));
            }
        })
    });
    group.bench_function("cache_read", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(load(&cache, black_box(text)));
            }
        })
    });
    group.bench_function("cache_write", |b| {
        b.iter(|| {
            for (key, entry) in &entries {
                cache.put(*key, black_box(entry));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, cache_against_cold);
criterion_main!(benches);
