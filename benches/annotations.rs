//! The annotation store with 10,000 annotations (the target: a save under 50 ms): one save
//! after a one-note edit (check the file for other writers, serialise, temporary file, fsync,
//! backup, rename, fsync the folder), opening the file, and anchoring all of them against
//! unchanged seed texts (what a load does). Run: `cargo bench --bench annotations`.

use criterion::{criterion_group, criterion_main, Criterion};
use parallax::corpus::{
    anchor_all, load_seeds, new_annotation, AnnotationStore, LoadOptions, StoreLocation,
};
use parallax::text::CharSpan;
use std::collections::HashSet;
use std::hint::black_box;

const COUNT: usize = 10_000;

fn store_of_ten_thousand(c: &mut Criterion) {
    let corpus = load_seeds(&LoadOptions::default());
    let mut ids = HashSet::new();
    let mut annotations = Vec::with_capacity(COUNT);
    for i in 0..COUNT {
        let article = &corpus.articles[i % corpus.articles.len()];
        let len = article.chars.len_chars();
        let start = (i * 37) % (len - 60);
        let span = CharSpan::new(start, start + 5 + i % 50);
        let note = if i % 3 == 0 {
            "Check against the wire copy, \"quoted\"."
        } else {
            ""
        };
        let a = new_annotation(article, span, "claim", note, &ids);
        ids.insert(a.id.clone());
        annotations.push(a);
    }
    let dir = tempfile::tempdir().unwrap();
    let location = StoreLocation {
        path: dir.path().join("annotations.json"),
        description: "bench".into(),
    };
    let mut store = AnnotationStore::open(location.clone());
    let mut list = store.save(&annotations).unwrap();
    let bytes = std::fs::metadata(&location.path).unwrap().len();
    eprintln!(
        "annotations.json with {COUNT} annotations: {:.1} MiB",
        bytes as f64 / 1048576.0
    );

    let mut group = c.benchmark_group("annotations_10k");
    group.sample_size(20);
    let mut flip = false;
    group.bench_function("save_after_one_edit", |b| {
        b.iter(|| {
            flip = !flip;
            list[COUNT / 2].note = if flip { "edited".into() } else { String::new() };
            list = store.save(black_box(&list)).unwrap();
        })
    });
    group.bench_function("open", |b| {
        b.iter(|| black_box(AnnotationStore::open(location.clone())))
    });
    group.bench_function("anchor_all_unchanged", |b| {
        b.iter(|| black_box(anchor_all(&corpus, &list)))
    });
    group.finish();
}

criterion_group!(benches, store_of_ten_thousand);
criterion_main!(benches);
