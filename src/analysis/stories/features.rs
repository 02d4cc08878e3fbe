//! Articles as sparse tf-idf vectors over canonical entities and words.

use crate::analysis::entity_kind::EntityKind;
use crate::analysis::CorpusEntities;
use crate::corpus::{Article, Corpus};
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// A feature: an entity (`ENTITY_BIT` set, its id below) or a word (a hash of its lower case).
pub type Feature = u64;
const ENTITY_BIT: u64 = 1 << 63;

/// Features kept per article, strongest first: enough to say what it is about, few enough
/// that the inverted index stays short.
pub const MAX_FEATURES: usize = 48;
/// Words shorter than this (in characters) are not features.
const MIN_WORD_CHARS: usize = 4;

/// How much each kind of feature counts, relative to one another.
fn kind_weight(kind: EntityKind) -> f32 {
    match kind {
        EntityKind::Person | EntityKind::Org => 1.0,
        EntityKind::Place => 0.8,
        EntityKind::Group => 0.4,
        EntityKind::Date => 0.0,
    }
}
const WORD_WEIGHT: f32 = 0.5;

/// Every article's vector, and what labels need: each article's entities, and document
/// frequencies.
pub struct FeatureTable {
    /// Per article: (feature, weight), sorted by feature, unit length (empty if nothing).
    pub vectors: Vec<Vec<(Feature, f32)>>,
    /// Per article: the entity ids it mentions (not dates), ascending.
    pub entity_sets: Vec<Vec<u32>>,
    /// Per entity id: the number of articles that mention it.
    pub entity_df: Vec<u32>,
}

/// One article's raw counts: (feature, kind weight, count), sorted by feature.
type Counts = Vec<(Feature, f32, u32)>;

impl FeatureTable {
    pub fn build(corpus: &Corpus, entities: &CorpusEntities) -> FeatureTable {
        let counts: Vec<Counts> = counts_in_parallel(corpus, entities);
        let n = counts.len() as f32;
        let mut df: HashMap<Feature, u32> = HashMap::new();
        for article in &counts {
            for &(feature, _, _) in article {
                *df.entry(feature).or_default() += 1;
            }
        }
        let vectors = counts
            .iter()
            .map(|article| {
                let mut weighted: Vec<(Feature, f32)> = article
                    .iter()
                    .filter_map(|&(feature, weight, count)| {
                        let df = df.get(&feature).copied().unwrap_or(1);
                        // A feature of one article cannot join it to anything.
                        // Smoothed so that what every article shares (the one story of a
                        // single-story corpus) still counts.
                        (df > 1).then(|| {
                            let idf = (n / df as f32).ln_1p();
                            (feature, weight * (1.0 + (count as f32).ln()) * idf)
                        })
                    })
                    .filter(|&(_, w)| w > 0.0)
                    .collect();
                weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                weighted.truncate(MAX_FEATURES);
                let norm = weighted.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                let mut unit: Vec<(Feature, f32)> =
                    weighted.into_iter().map(|(f, w)| (f, w / norm)).collect();
                unit.sort_by_key(|&(f, _)| f);
                unit
            })
            .collect();
        let entity_sets: Vec<Vec<u32>> = counts
            .iter()
            .map(|article| {
                article
                    .iter()
                    .filter(|(f, _, _)| f & ENTITY_BIT != 0)
                    .map(|(f, _, _)| (f & !ENTITY_BIT) as u32)
                    .collect()
            })
            .collect();
        let mut entity_df = vec![0u32; entities.index.entities.len()];
        for set in &entity_sets {
            for &e in set {
                if let Some(slot) = entity_df.get_mut(e as usize) {
                    *slot += 1;
                }
            }
        }
        FeatureTable {
            vectors,
            entity_sets,
            entity_df,
        }
    }
}

/// Raw counts of every article, on all cores: articles are independent.
fn counts_in_parallel(corpus: &Corpus, entities: &CorpusEntities) -> Vec<Counts> {
    let articles = &corpus.articles;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(articles.len().max(1));
    let count = |(i, article): (usize, &Article)| article_counts(i, article, entities);
    if threads <= 1 || articles.len() < 64 {
        return articles.iter().enumerate().map(count).collect();
    }
    let chunk = articles.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, a)| count((c * chunk + i, a)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn article_counts(index: usize, article: &Article, entities: &CorpusEntities) -> Counts {
    let mut counts: HashMap<Feature, (f32, u32)> = HashMap::new();
    if index < entities.mentions.len() {
        for (_, id) in entities.resolved(index) {
            let kind = entities.index.entity(id).kind;
            if kind_weight(kind) > 0.0 {
                counts
                    .entry(ENTITY_BIT | u64::from(id.0))
                    .or_insert((kind_weight(kind), 0))
                    .1 += 1;
            }
        }
    }
    let parts = article.headline.iter().chain(&article.sentences);
    let mut lower = String::new();
    for &span in parts {
        for word in article.text(span).unicode_words() {
            if word.chars().count() < MIN_WORD_CHARS || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            let feature = xxhash_rust::xxh3::xxh3_64(lower.as_bytes()) & !ENTITY_BIT;
            counts.entry(feature).or_insert((WORD_WEIGHT, 0)).1 += 1;
        }
    }
    let mut counts: Counts = counts
        .into_iter()
        .map(|(feature, (weight, count))| (feature, weight, count))
        .collect();
    counts.sort_by_key(|&(f, _, _)| f);
    counts
}
