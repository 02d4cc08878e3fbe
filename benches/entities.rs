//! Entity recognition and clustering on generated text (200 articles of ~800 words), in MiB
//! of article text per second: the recogniser on one core (headline, dek and body of each
//! cleaned article), and the whole corpus analysis (recognition on all cores, then clustering).
//! Run: `cargo bench --bench entities`.

#[path = "support/generated.rs"]
mod support;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parallax::analysis::corpus_entities::recognize_article;
use parallax::analysis::CorpusEntities;
use parallax::corpus::{Article, CleanMode, Corpus};
use std::hint::black_box;

fn entities_on_generated_text(c: &mut Criterion) {
    let generated = support::generated(support::sized(200), 10, 800);
    let corpus = Corpus {
        articles: generated
            .articles
            .iter()
            .map(|a| {
                Article::new(
                    a.file_name.clone(),
                    a.file_name.clone(),
                    a.text.clone(),
                    CleanMode::Clean,
                )
            })
            .collect(),
        ..Corpus::default()
    };
    let bytes: usize = corpus.articles.iter().map(|a| a.source.len()).sum();
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("recognize_one_core", |b| {
        b.iter(|| {
            for article in &corpus.articles {
                black_box(recognize_article(black_box(article)));
            }
        })
    });
    group.bench_function("analyse_corpus", |b| {
        b.iter(|| black_box(CorpusEntities::analyse(black_box(&corpus), &[])))
    });
    group.finish();
}

criterion_group!(benches, entities_on_generated_text);
criterion_main!(benches);
