//! Loading and cleaning throughput: decode, classify lines, metadata, paragraphs, sentences and
//! word counts, on the seed articles (about 17 KB) and on one 4 MB page built from them.
//! Run: `cargo bench --bench load` (figures in MB/s of article text, one core).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parallax::corpus::load::decode;
use parallax::corpus::seeds::SEEDS;
use parallax::corpus::{Article, CleanMode};
use std::hint::black_box;

fn load_and_clean(c: &mut Criterion) {
    let total: usize = SEEDS.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("load_and_clean");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("seeds", |b| {
        b.iter(|| {
            for (name, text) in SEEDS {
                let (source, _) = decode(text.as_bytes().to_vec()).unwrap();
                black_box(Article::new(
                    name.into(),
                    name.into(),
                    source,
                    CleanMode::Clean,
                ));
            }
        })
    });
    // One long page: the bodies of the seeds repeated with the numbers changed, so that the
    // repeat detector sees distinct lines.
    let mut page =
        String::from("Skip to main content\n\nWorld\n\nA Long Story About Many Things\n\n");
    let mut n = 0;
    while page.len() < 4 << 20 {
        for (_, text) in SEEDS {
            for line in text.lines().filter(|l| l.len() > 80) {
                page.push_str(&line.replace("2024", &n.to_string()));
                page.push_str("\n\n");
                n += 1;
            }
        }
    }
    page.push_str("Tags\n\nRelated\n\nSubscribe to our newsletter\n");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.sample_size(10);
    group.bench_function("one_4mb_page", |b| {
        b.iter(|| {
            let (source, _) = decode(page.as_bytes().to_vec()).unwrap();
            black_box(Article::new(
                "big".into(),
                "big.txt".into(),
                source,
                CleanMode::Clean,
            ));
        })
    });
    group.finish();
}

criterion_group!(benches, load_and_clean);
criterion_main!(benches);
