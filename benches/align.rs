//! Alignment and story-map timings on one core. Synthetic articles are made deterministically
//! from the seed sentences: clauses of two seed sentences recombined, and, per story, numbers
//! and seven in eight words swapped for story-specific made-up words, so that articles of one story
//! overlap the way real coverage does and articles of different stories barely do. A corpus of
//! N articles holds N / 5 stories of five articles each.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use parallax::analysis::align::{align_articles, CorpusTerms};
use parallax::analysis::story_map::StoryMap;
use parallax::analysis::CorpusEntities;
use parallax::corpus::{load_seeds, Article, CleanMode, Corpus, LoadOptions};
use std::hint::black_box;
use std::time::Duration;

/// A small deterministic generator (64-bit LCG); no dependency, same articles on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn hash(story: usize, word: &str) -> u64 {
    word.bytes()
        .fold(0xcbf29ce484222325 ^ story as u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
        })
}

/// Numbers change per story; seven in eight words of four letters or more become story-specific made-up words ("Quzavel", "morrikan"):
/// different stories share the common vocabulary, not the specific one.
fn story_word(story: usize, word: &str) -> String {
    let h = hash(story, word);
    if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() {
        // Each story has its own figures and years.
        let digits = word.len() as u32;
        let value = h % 10u64.pow(digits);
        return format!("{value:0width$}", width = digits as usize);
    }
    if word.chars().count() < 4 || h.is_multiple_of(8) {
        return word.to_string();
    }
    const SYLLABLES: [&str; 16] = [
        "ka", "zo", "ri", "mu", "ve", "la", "qu", "to", "ne", "shi", "ba", "dor", "el", "fi",
        "gan", "us",
    ];
    let mut made = String::new();
    let mut x = h >> 1;
    for _ in 0..5 {
        made.push_str(SYLLABLES[(x % 16) as usize]);
        x >>= 4;
    }
    if word.starts_with(char::is_uppercase) {
        let mut c = made.chars();
        let first = c
            .next()
            .map(|f| f.to_uppercase().collect::<String>())
            .unwrap_or_default();
        made = first + c.as_str();
    }
    made
}

/// Every run of letters or digits in a word goes through `story_word`: "al-Sharaa", "14-year".
fn swap_runs(story: usize, word: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in word.chars() {
        let same_kind = run
            .chars()
            .next()
            .is_none_or(|r| r.is_ascii_digit() == c.is_ascii_digit());
        if c.is_alphanumeric() && same_kind {
            run.push(c);
        } else if c.is_alphanumeric() {
            out.push_str(&story_word(story, &std::mem::take(&mut run)));
            run.push(c);
        } else {
            out.push_str(&story_word(story, &std::mem::take(&mut run)));
            out.push(c);
        }
    }
    out.push_str(&story_word(story, &run));
    out
}

fn seed_sentences() -> Vec<String> {
    let corpus = load_seeds(&LoadOptions::default());
    corpus
        .articles
        .iter()
        .flat_map(|a| {
            a.sentences
                .iter()
                .map(|&s| a.text(s).to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// One synthetic sentence: the head of one seed sentence and the tail of another.
fn recombined(pool: &[String], rng: &mut Lcg) -> String {
    let (a, b) = (&pool[rng.below(pool.len())], &pool[rng.below(pool.len())]);
    let head = a.split(", ").next().unwrap_or(a);
    match b.split_once(", ") {
        Some((_, tail)) => format!("{head}, {tail}"),
        None => a.clone(),
    }
}

fn synthetic_article(pool: &[String], story: usize, index: usize, words: usize) -> String {
    let mut rng = Lcg((story as u64) << 20 | index as u64);
    let mut text = format!("Story {story} Report Number {index}\n\n");
    let mut count = 0;
    while count < words {
        let sentence = recombined(pool, &mut rng);
        let swapped: Vec<String> = sentence.split(' ').map(|w| swap_runs(story, w)).collect();
        count += swapped.len();
        text.push_str(&swapped.join(" "));
        text.push_str(if rng.below(2) == 0 { "\n" } else { " " });
    }
    text.push('\n');
    text
}

fn synthetic_corpus(articles: usize, words: usize) -> Corpus {
    let pool = seed_sentences();
    let mut corpus = Corpus::default();
    for i in 0..articles {
        let text = synthetic_article(&pool, i / 5, i, words);
        corpus.articles.push(Article::new(
            format!("s{i:03}"),
            format!("s{i:03}.txt"),
            text,
            CleanMode::Keep,
        ));
    }
    corpus
}

fn terms_of(corpus: &Corpus) -> CorpusTerms {
    CorpusTerms::build(corpus, &CorpusEntities::analyse(corpus, &[]))
}

fn bench_align(c: &mut Criterion) {
    let pair = synthetic_corpus(2, 2000);
    let terms = terms_of(&pair);
    let words: usize = pair.articles.iter().map(|a| a.word_count).sum();
    let mut group = c.benchmark_group("align");
    group.bench_function(format!("two_articles_{}_words", words / 2), |b| {
        b.iter(|| black_box(align_articles(&terms, 0, 1)))
    });
    group.finish();
}

fn bench_story_map(c: &mut Criterion) {
    let seeds = load_seeds(&LoadOptions::default());
    let seed_terms = terms_of(&seeds);
    let mut group = c.benchmark_group("story_map");
    group.bench_function("seeds", |b| {
        b.iter(|| black_box(StoryMap::build(&seed_terms)))
    });
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    // `cargo test --all-targets` runs each bench once in a debug build: 1,000 only when benching.
    let benching = std::env::args().any(|arg| arg == "--bench");
    let sizes: &[usize] = if benching {
        &[50, 100, 200, 1000]
    } else {
        &[50, 100, 200]
    };
    for &n in sizes {
        let terms = terms_of(&synthetic_corpus(n, 800));
        group.bench_with_input(BenchmarkId::new("articles_800_words", n), &terms, |b, t| {
            b.iter(|| black_box(StoryMap::build(t)))
        });
    }
    group.finish();
}

fn bench_terms(c: &mut Criterion) {
    let seeds = load_seeds(&LoadOptions::default());
    let entities = CorpusEntities::analyse(&seeds, &[]);
    c.bench_function("terms/seeds", |b| {
        b.iter(|| black_box(CorpusTerms::build(&seeds, &entities)))
    });
}

criterion_group!(benches, bench_align, bench_story_map, bench_terms);
criterion_main!(benches);
