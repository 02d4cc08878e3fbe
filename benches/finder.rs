//! The finder on large candidate sets: 10k, 100k and 400k generated news lines (deterministic,
//! `finder/corpus.rs`), each searched as sentences. Per size and query: our search on all
//! cores and on one, narrowing keystrokes ("pu" → "put", "nat he" → "nat her"), and
//! nucleo-matcher on one thread as a yardstick (items converted to UTF-32 once, scored, top 200
//! kept). Index build times are printed to stderr.
//!
//! Run: `cargo bench --bench finder`. `benches/compare_fzf.sh` runs `fzf --filter` on the same
//! lines: with `FINDER_BENCH_LINES_DIR=DIR` set, this bench only writes `DIR/lines-<N>.txt`.

#[path = "finder/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use parallax::analysis::finder::{Field, FinderIndex, IndexBuilder, SearchOptions, Span, Target};
use parallax::text::{ByteSpan, CharSpan};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SIZES: [usize; 3] = [10_000, 100_000, 400_000];
const QUERIES: [&str; 8] = [
    "p",
    "pu",
    "put",
    "putin",
    "nat her",
    "sharaa moscow",
    "khmeim",
    "zzz",
];
const LIMIT: usize = 200;

/// The lines as sentences, 40 to an article.
fn index_of(lines: &[String]) -> FinderIndex {
    let mut builder = IndexBuilder::new();
    for (i, line) in lines.iter().enumerate() {
        let span = Span {
            bytes: ByteSpan::new(0, line.len()),
            chars: CharSpan::new(0, line.chars().count()),
        };
        builder.add(
            Target::Sentence {
                article: i / 40,
                sentence: i % 40,
                span,
            },
            vec![Field::shown(line.as_str())],
            None,
        );
    }
    builder.build()
}

fn nucleo_top(
    pattern: &Pattern,
    items: &[Utf32String],
    matcher: &mut Matcher,
) -> Vec<(u32, usize)> {
    let mut scored: Vec<(u32, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| Some((pattern.score(item.slice(..), matcher)?, i)))
        .collect();
    if scored.len() > LIMIT {
        scored.select_nth_unstable_by(LIMIT - 1, |a, b| b.cmp(a));
        scored.truncate(LIMIT);
    }
    scored.sort_unstable_by(|a, b| b.cmp(a));
    scored
}

fn bench_size(c: &mut Criterion, size: usize) {
    let lines = corpus::news_lines(size);
    let started = Instant::now();
    let index = index_of(&lines);
    let build = started.elapsed();
    let average = lines.iter().map(|l| l.chars().count()).sum::<usize>() / lines.len();
    eprintln!(
        "finder/{}k: index built in {build:.2?} ({average} chars a line)",
        size / 1000
    );

    let all_cores = SearchOptions::default();
    let one_core = SearchOptions {
        threads: 1,
        ..SearchOptions::default()
    };
    let mut group = c.benchmark_group(format!("finder/{}k", size / 1000));
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(if size > 100_000 { 3 } else { 2 }));
    for query in QUERIES {
        let matched = index.search(query, &all_cores, None).matched;
        eprintln!("finder/{}k: {query:?} matches {matched}", size / 1000);
        group.bench_with_input(BenchmarkId::new("all-cores", query), query, |b, q| {
            b.iter(|| black_box(index.search(q, &all_cores, None)))
        });
        group.bench_with_input(BenchmarkId::new("one-core", query), query, |b, q| {
            b.iter(|| black_box(index.search(q, &one_core, None)))
        });
    }
    let pu = index.search("pu", &all_cores, None);
    group.bench_function("all-cores/narrow pu→put", |b| {
        b.iter(|| black_box(index.search("put", &all_cores, Some(&pu))))
    });
    let nat_he = index.search("nat he", &all_cores, None);
    group.bench_function("all-cores/narrow nat he→nat her", |b| {
        b.iter(|| black_box(index.search("nat her", &all_cores, Some(&nat_he))))
    });
    let items: Vec<Utf32String> = lines
        .iter()
        .map(|l| Utf32String::from(l.as_str()))
        .collect();
    let mut matcher = Matcher::new(Config::DEFAULT);
    for query in QUERIES {
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        group.bench_with_input(BenchmarkId::new("nucleo-one-core", query), query, |b, _| {
            b.iter(|| black_box(nucleo_top(&pattern, &items, &mut matcher)))
        });
    }
    group.finish();
}

/// Writes the generated lines for `compare_fzf.sh`.
fn write_lines(dir: &str) {
    std::fs::create_dir_all(dir).expect("the lines folder can be made");
    for size in SIZES {
        let path = format!("{dir}/lines-{size}.txt");
        std::fs::write(&path, corpus::news_lines(size).join("\n") + "\n").expect("lines written");
        eprintln!("wrote {path}");
    }
}

/// `FINDER_BENCH_PROFILE=SIZE:QUERY[:REPS[:THREADS]]`: only runs that search `REPS` times (a
/// `QUERY` of `a>b` narrows from `a` to `b`; `~a` types `a` a key at a time, each keystroke
/// narrowing the one before, and prints each keystroke's median) and prints wall and process
/// CPU time per search,
/// for profilers (`valgrind --tool=callgrind --toggle-collect='*FinderIndex*search*'`) and for
/// comparing versions on a loaded machine.
fn profile(spec: &str) {
    let mut parts = spec.split(':');
    let size: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let query = parts.next().unwrap_or("putin");
    let reps: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let threads: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let index = index_of(&corpus::news_lines(size));
    let options = SearchOptions {
        threads,
        ..SearchOptions::default()
    };
    if let Some(typed) = query.strip_prefix('~') {
        return profile_typing(&index, typed, reps, &options);
    }
    let (from, to) = query.split_once('>').unwrap_or(("", query));
    let previous = (!from.is_empty()).then(|| index.search(from, &options, None));
    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    let mut matched = 0;
    for _ in 0..reps {
        let (wall, cpu) = (Instant::now(), process_cpu());
        matched = black_box(index.search(to, &options, previous.as_ref())).matched;
        walls.push(wall.elapsed());
        cpus.push(process_cpu() - cpu);
    }
    walls.sort();
    cpus.sort();
    println!(
        "{size} {query:?} threads {threads}: matched {matched}, median wall {:.2?}, cpu {:.2?}, \
         least wall {:.2?}",
        walls[reps / 2],
        cpus[reps / 2],
        walls[0]
    );
}

/// A query typed a key at a time, each search narrowing the previous one's results as the
/// finder does: the median wall time of each keystroke over `reps` typings.
fn profile_typing(index: &FinderIndex, typed: &str, reps: usize, options: &SearchOptions) {
    let prefixes: Vec<&str> = typed
        .char_indices()
        .map(|(at, c)| &typed[..at + c.len_utf8()])
        .collect();
    let mut walls = vec![Vec::new(); prefixes.len()];
    for _ in 0..reps {
        let mut previous = None;
        for (k, prefix) in prefixes.iter().enumerate() {
            let wall = Instant::now();
            let results = black_box(index.search(prefix, options, previous.as_ref()));
            walls[k].push(wall.elapsed());
            previous = Some(results);
        }
    }
    for (prefix, walls) in prefixes.iter().zip(&mut walls) {
        walls.sort();
        println!("typed {prefix:?}: median wall {:.2?}", walls[reps / 2]);
    }
}

/// CPU time of the whole process (all threads), which load from other processes barely moves.
fn process_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn main() {
    if let Ok(dir) = std::env::var("FINDER_BENCH_LINES_DIR") {
        return write_lines(&dir);
    }
    if let Ok(spec) = std::env::var("FINDER_BENCH_PROFILE") {
        return profile(&spec);
    }
    let mut criterion = Criterion::default().configure_from_args();
    // A filter naming a size ("finder/100k") skips building the others.
    let named: Vec<usize> = SIZES
        .into_iter()
        .filter(|size| {
            let tag = format!("finder/{}k", size / 1000);
            std::env::args().any(|arg| arg.contains(&tag))
        })
        .collect();
    // `cargo test --all-targets` runs benches once each, without `--bench`: 10k is enough.
    let benching = std::env::args().any(|arg| arg == "--bench");
    for size in SIZES {
        let wanted = named.is_empty() || named.contains(&size);
        if wanted && (benching || size == SIZES[0]) {
            bench_size(&mut criterion, size);
        }
    }
    criterion.final_summary();
}
