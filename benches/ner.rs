//! Tagging throughput of the named-entity recogniser, in tokens per second, on the seed
//! articles: the statistical tagger alone, and whole-article recognition.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parallax::analysis::ner::token::tokenize;
use parallax::analysis::ner::{recognize, NerInput, Recognizer};
use std::hint::black_box;
use std::ops::Range;

const SEEDS: [&str; 5] = [
    include_str!("../seeds/000_e177be1acd7e491d.txt"),
    include_str!("../seeds/001_324305b4babd908a.txt"),
    include_str!("../seeds/002_2b991b88b87f9c05.txt"),
    include_str!("../seeds/003_edc46c316052d309.txt"),
    include_str!("../seeds/004_34d353faf6834925.txt"),
];

/// Each seed's lines as sentences (lines are paragraphs; good enough for throughput).
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            ranges.push(start..start + line.trim_end().len());
        }
        start += line.len();
    }
    ranges
}

fn bench_ner(c: &mut Criterion) {
    let recognizer = Recognizer::shared();
    let documents: Vec<Vec<Vec<&str>>> = SEEDS
        .iter()
        .map(|text| {
            line_ranges(text)
                .into_iter()
                .map(|range| {
                    tokenize(&text[range])
                        .iter()
                        .map(|t| t.text(&text[..]))
                        .collect()
                })
                .collect()
        })
        .collect();
    let tokens: usize = documents.iter().flatten().map(Vec::len).sum();
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tag_documents", |b| {
        b.iter(|| {
            for document in &documents {
                let slices: Vec<&[&str]> = document.iter().map(Vec::as_slice).collect();
                black_box(recognizer.tag_document(black_box(&slices)));
            }
        })
    });
    let inputs: Vec<(&str, Vec<Range<usize>>)> =
        SEEDS.iter().map(|t| (*t, line_ranges(t))).collect();
    group.bench_function("recognize_articles", |b| {
        b.iter(|| {
            for (text, sentences) in &inputs {
                let input = NerInput {
                    text,
                    headline: None,
                    subtitle: None,
                    sentences,
                };
                black_box(recognize(black_box(&input)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_ner);
criterion_main!(benches);
