//! Story grouping (features, first pass, merging, reassignment, labels) at 1,000 and 10,000
//! generated articles of ~800 words (20 and 200 stories), given the corpus's entities. The
//! setup analyses the corpora once through a cache under the target folder.
//! Run: `cargo bench --bench stories`.

#[path = "support/generated.rs"]
mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use parallax::analysis::{CorpusEntities, EntityCorrections, Stories};
use std::hint::black_box;

fn story_grouping(c: &mut Criterion) {
    let cache = support::bench_cache();
    let mut group = c.benchmark_group("stories");
    group.sample_size(10);
    for (articles, stories) in [(1_000, 20), (10_000, 200)] {
        let generated = support::generated(support::sized(articles), stories, 800);
        let (corpus, mentions) = support::analysed(&generated, &cache);
        let entities =
            CorpusEntities::from_mentions(&corpus, mentions, &EntityCorrections::default());
        group.throughput(Throughput::Elements(corpus.articles.len() as u64));
        group.bench_with_input(BenchmarkId::new("group", articles), &corpus, |b, corpus| {
            b.iter(|| black_box(Stories::group(black_box(corpus), &entities)))
        });
    }
    group.finish();
}

criterion_group!(benches, story_grouping);
criterion_main!(benches);
