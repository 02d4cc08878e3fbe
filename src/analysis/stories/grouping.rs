//! Grouping unit vectors into stories through an inverted index from feature to the stories
//! that have it: a first pass against story centroids, agglomerative merging of stories that
//! agree, and reassignment. Deterministic: corpus order, ties to the lower index.
//!
//! The thresholds were chosen on generated corpora (`parallax generate`: 300 short articles
//! in 5 stories, 1,000 in 20 and 100, 3,000 in 300, where stories about one country share its
//! leader) and the seeds (one story): a higher first-pass threshold splits short articles
//! into fragments, a lower merging one joins stories that share a leader and a capital.

use super::features::{Feature, FeatureMap};

/// An article joins the most similar story in the first pass at this cosine or above.
pub const JOIN_SIMILARITY: f32 = 0.45;
/// Two stories whose centroids are each other's most similar merge at this cosine or above.
pub const MERGE_SIMILARITY: f32 = 0.4;
/// In reassignment, an article moves to another story at this cosine or above (and only if
/// that story is more like it than its own).
pub const REJOIN_SIMILARITY: f32 = 0.25;
/// Rounds of reassignment at most.
const REASSIGN_ROUNDS: usize = 3;
/// Rounds of merging at most (each round merges every mutually-most-similar pair).
const MERGE_ROUNDS: usize = 16;

type Vector = [(Feature, f32)];

/// Stories being built: each one's summed vector, kept in the inverted index itself.
#[derive(Default)]
struct Centroids {
    /// Feature → (story, that story's summed weight of the feature), for every story with it.
    postings: FeatureMap<Vec<(u32, f32)>>,
    /// Per story: feature → its place in `postings[feature]`.
    slots: Vec<FeatureMap<u32>>,
    /// Per story: its features in the order they were first added (for deterministic sums).
    features: Vec<Vec<Feature>>,
    /// Per story: the squared length of its summed vector.
    norms: Vec<f32>,
}

impl Centroids {
    fn len(&self) -> usize {
        self.slots.len()
    }

    fn new_story(&mut self) -> usize {
        self.slots.push(FeatureMap::default());
        self.features.push(Vec::new());
        self.norms.push(0.0);
        self.slots.len() - 1
    }

    fn add(&mut self, story: usize, vector: &Vector) {
        for &(feature, weight) in vector {
            let list = self.postings.entry(feature).or_default();
            let slot = *self.slots[story].entry(feature).or_insert_with(|| {
                self.features[story].push(feature);
                list.push((story as u32, 0.0));
                (list.len() - 1) as u32
            });
            let sum = &mut list[slot as usize].1;
            self.norms[story] += 2.0 * *sum * weight + weight * weight;
            *sum += weight;
        }
    }

    /// A story's summed weight of a feature.
    fn weight(&self, story: usize, feature: Feature) -> f32 {
        match (self.slots[story].get(&feature), self.postings.get(&feature)) {
            (Some(&slot), Some(list)) => list[slot as usize].1,
            _ => 0.0,
        }
    }

    /// Dot products of `vector` with every story sharing a feature, into `dots` (indexed by
    /// story; `touched` lists the ones set, ascending).
    fn dots(&self, vector: &Vector, dots: &mut [f32], touched: &mut Vec<usize>) {
        for &(feature, weight) in vector {
            let Some(stories) = self.postings.get(&feature) else {
                continue;
            };
            for &(story, sum) in stories {
                let story = story as usize;
                if dots[story] == 0.0 {
                    touched.push(story);
                }
                dots[story] += weight * sum;
            }
        }
        touched.sort_unstable();
    }

    /// Cosine of a unit vector with a story's centroid, given their dot product; with
    /// `leave_out`, of the centroid without that vector (which is one of its members).
    fn cosine(&self, story: usize, dot: f32, leave_out: bool) -> f32 {
        let (dot, norm) = match leave_out {
            true => (dot - 1.0, self.norms[story] - 2.0 * dot + 1.0),
            false => (dot, self.norms[story]),
        };
        match norm > 1e-6 {
            true => dot / norm.sqrt(),
            false => 0.0,
        }
    }

    /// The story most similar to `vector` (ties to the lower index) and the cosine, leaving
    /// the vector out of story `member_of`'s centroid. Clears `dots`.
    fn best(
        &self,
        vector: &Vector,
        member_of: Option<usize>,
        dots: &mut [f32],
        touched: &mut Vec<usize>,
    ) -> Option<(usize, f32)> {
        self.dots(vector, dots, touched);
        let mut best: Option<(usize, f32)> = None;
        for &story in touched.iter() {
            let cosine = self.cosine(story, dots[story], member_of == Some(story));
            if best.is_none_or(|(_, s)| cosine > s) {
                best = Some((story, cosine));
            }
            dots[story] = 0.0;
        }
        touched.clear();
        best
    }
}

/// Groups unit vectors (one per article) into stories: lists of article indexes, ascending,
/// in order of their first article.
pub fn group_vectors(vectors: &[Vec<(Feature, f32)>]) -> Vec<Vec<usize>> {
    let first = first_pass(vectors);
    let merged = merge(vectors, first);
    reassign(vectors, merged)
}

/// Each article joins the most similar story so far, or starts one.
fn first_pass(vectors: &[Vec<(Feature, f32)>]) -> Vec<Vec<usize>> {
    let mut centroids = Centroids::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut scores = vec![0.0f32; vectors.len()];
    let mut touched = Vec::new();
    for (article, vector) in vectors.iter().enumerate() {
        let story = match centroids.best(vector, None, &mut scores, &mut touched) {
            Some((story, cosine)) if cosine >= JOIN_SIMILARITY => story,
            _ => {
                members.push(Vec::new());
                centroids.new_story()
            }
        };
        centroids.add(story, vector);
        members[story].push(article);
    }
    members
}

fn centroids_of(vectors: &[Vec<(Feature, f32)>], groups: &[Vec<usize>]) -> Centroids {
    let mut centroids = Centroids::default();
    for group in groups {
        let story = centroids.new_story();
        for &article in group {
            centroids.add(story, &vectors[article]);
        }
    }
    centroids
}

/// Merges stories whose centroids are each other's most similar (cosine ≥ the threshold),
/// round after round until none do.
fn merge(vectors: &[Vec<(Feature, f32)>], mut groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    for _ in 0..MERGE_ROUNDS {
        let centroids = centroids_of(vectors, &groups);
        let mut scores = vec![0.0f32; centroids.len()];
        let mut touched = Vec::new();
        let mut nearest: Vec<Option<(usize, f32)>> = Vec::with_capacity(centroids.len());
        for story in 0..centroids.len() {
            let norm = centroids.norms[story].max(f32::MIN_POSITIVE).sqrt();
            let unit: Vec<(Feature, f32)> = centroids.features[story]
                .iter()
                .map(|&f| (f, centroids.weight(story, f) / norm))
                .collect();
            centroids.dots(&unit, &mut scores, &mut touched);
            let mut best: Option<(usize, f32)> = None;
            for &other in &touched {
                let cosine = centroids.cosine(other, scores[other], false);
                if other != story && best.is_none_or(|(_, s)| cosine > s) {
                    best = Some((other, cosine));
                }
                scores[other] = 0.0;
            }
            touched.clear();
            nearest.push(best);
        }
        let mut merged_into: Vec<Option<usize>> = vec![None; groups.len()];
        let mut merges = 0;
        for (story, best) in nearest.iter().enumerate() {
            let Some((other, cosine)) = *best else {
                continue;
            };
            let mutual = nearest[other].is_some_and(|(back, _)| back == story);
            if mutual && story < other && cosine >= MERGE_SIMILARITY {
                merged_into[other] = Some(story);
                merges += 1;
            }
        }
        if merges == 0 {
            break;
        }
        for other in 0..groups.len() {
            if let Some(story) = merged_into[other] {
                let moved = std::mem::take(&mut groups[other]);
                groups[story].extend(moved);
            }
        }
        groups.retain(|g| !g.is_empty());
        for group in &mut groups {
            group.sort_unstable();
        }
    }
    groups
}

/// Moves each article to the story it is most similar to, its own story's centroid taken
/// without it (so that a story of one has no pull), if that similarity reaches
/// `REJOIN_SIMILARITY`; `REASSIGN_ROUNDS` times, or until nothing moves. Then stories in order
/// of their first article.
fn reassign(vectors: &[Vec<(Feature, f32)>], mut groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    for _ in 0..REASSIGN_ROUNDS {
        let centroids = centroids_of(vectors, &groups);
        let mut scores = vec![0.0f32; centroids.len()];
        let mut touched = Vec::new();
        let mut regrouped: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        let mut moved = 0;
        for (own, group) in groups.iter().enumerate() {
            for &article in group {
                let vector = &vectors[article];
                let story = match centroids.best(vector, Some(own), &mut scores, &mut touched) {
                    Some((best, cosine)) if best != own && cosine >= REJOIN_SIMILARITY => {
                        moved += 1;
                        best
                    }
                    _ => own,
                };
                regrouped[story].push(article);
            }
        }
        groups = regrouped;
        groups.retain(|g| !g.is_empty());
        for group in &mut groups {
            group.sort_unstable();
        }
        if moved == 0 {
            break;
        }
    }
    groups.sort_by_key(|g| g[0]);
    groups
}
