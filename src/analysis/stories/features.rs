//! Articles as sparse tf-idf vectors over canonical entities and words.

use crate::analysis::entity_kind::EntityKind;
use crate::analysis::CorpusEntities;
use crate::corpus::{Article, Corpus};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A feature: an entity (`ENTITY_BIT` set, its id below) or a word (a hash of its lower case).
pub type Feature = u64;
const ENTITY_BIT: u64 = 1 << 63;

/// A hash map keyed by features, which are hashes or small ids already: no need to hash them
/// again with SipHash, one multiplication spreads them.
pub type FeatureMap<V> = HashMap<Feature, V, BuildHasherDefault<FeatureHasher>>;

#[derive(Default)]
pub struct FeatureHasher(u64);

impl Hasher for FeatureHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Features kept per article, strongest first: enough to say what it is about, few enough
/// that the inverted index stays short.
pub const MAX_FEATURES: usize = 48;
/// Words (runs of letters) shorter than this, in characters, are not features.
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
        let mut df: FeatureMap<u32> = FeatureMap::default();
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
    let mut found: Vec<(Feature, f32)> = Vec::new();
    if index < entities.mentions.len() {
        for (_, id) in entities.resolved(index) {
            let weight = kind_weight(entities.index.entity(id).kind);
            if weight > 0.0 {
                found.push((ENTITY_BIT | u64::from(id.0), weight));
            }
        }
    }
    let mut lower = String::new();
    for &span in article.headline.iter().chain(&article.sentences) {
        for word in article.text(span).split(|c: char| !c.is_alphabetic()) {
            if word.len() < MIN_WORD_CHARS || word.chars().count() < MIN_WORD_CHARS {
                continue;
            }
            lower.clear();
            match word.is_ascii() {
                true => lower.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase()))),
                false => lower.extend(word.chars().flat_map(char::to_lowercase)),
            }
            let feature = xxhash_rust::xxh3::xxh3_64(lower.as_bytes()) & !ENTITY_BIT;
            found.push((feature, WORD_WEIGHT));
        }
    }
    found.sort_unstable_by_key(|&(f, _)| f);
    let mut counts: Counts = Vec::new();
    for (feature, weight) in found {
        match counts.last_mut() {
            Some(last) if last.0 == feature => last.2 += 1,
            _ => counts.push((feature, weight, 1)),
        }
    }
    counts
}
