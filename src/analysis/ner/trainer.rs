//! Averaged structured perceptron training over documents. Deterministic: documents are
//! shuffled with a fixed seed and every update is integer arithmetic.

use super::context::{DocumentContext, LabelHistory};
use super::features::{FeatureExtractor, SentenceFeatures};
use super::model::Model;
use super::recognizer::record_history;
use super::tag::{Tag, TAG_COUNT};
use super::viterbi::{best_tags, TagScores, Transitions};

/// One gold-labelled sentence.
pub struct TrainingSentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
}

/// Learns weights one sentence at a time, keeping running totals for averaging.
pub struct PerceptronTrainer {
    extractor: FeatureExtractor,
    bits: u32,
    weights: Vec<i32>,
    totals: Vec<i64>,
    transitions: [[i32; TAG_COUNT]; TAG_COUNT],
    transition_totals: [[i64; TAG_COUNT]; TAG_COUNT],
    start: [i32; TAG_COUNT],
    start_totals: [i64; TAG_COUNT],
    step: i64,
    features: SentenceFeatures,
}

impl PerceptronTrainer {
    pub fn new(bits: u32) -> PerceptronTrainer {
        let extractor = FeatureExtractor::new(bits);
        let size = extractor.bucket_count() * TAG_COUNT;
        PerceptronTrainer {
            extractor,
            bits,
            weights: vec![0; size],
            totals: vec![0; size],
            transitions: [[0; TAG_COUNT]; TAG_COUNT],
            transition_totals: [[0; TAG_COUNT]; TAG_COUNT],
            start: [0; TAG_COUNT],
            start_totals: [0; TAG_COUNT],
            step: 1,
            features: SentenceFeatures::default(),
        }
    }

    /// Tags each sentence of a document in order with the current weights and updates on
    /// mistakes. Returns the number of sentences that were tagged wrongly.
    pub fn train_document(&mut self, sentences: &[TrainingSentence]) -> usize {
        let word_lists: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let slices: Vec<&[&str]> = word_lists.iter().map(Vec::as_slice).collect();
        let (document, keys) = DocumentContext::of_sentences(&slices);
        let mut history = LabelHistory::default();
        let mut mistakes = 0;
        for ((sentence, words), keys) in sentences.iter().zip(&word_lists).zip(&keys) {
            let mut features = std::mem::take(&mut self.features);
            features.set_words(words, keys);
            self.extractor
                .extract(words, &document, &history, &mut features);
            let predicted = self.predict(&features);
            if predicted != sentence.tags {
                mistakes += 1;
                self.update(&features, &sentence.tags, &predicted);
            }
            record_history(&mut history, keys, &predicted);
            self.features = features;
            self.step += 1;
        }
        mistakes
    }

    fn predict(&self, features: &SentenceFeatures) -> Vec<Tag> {
        let emissions: Vec<TagScores> = (0..features.len())
            .map(|index| {
                let mut scores = [0i32; TAG_COUNT];
                for &bucket in features.token(index) {
                    let row = &self.weights[bucket as usize * TAG_COUNT..][..TAG_COUNT];
                    for (score, &weight) in scores.iter_mut().zip(row) {
                        *score += weight;
                    }
                }
                scores
            })
            .collect();
        best_tags(
            &emissions,
            &Transitions {
                between: &self.transitions,
                start: &self.start,
            },
        )
    }

    fn update(&mut self, features: &SentenceFeatures, gold: &[Tag], predicted: &[Tag]) {
        let step = self.step;
        for (index, (&g, &p)) in gold.iter().zip(predicted).enumerate() {
            if g != p {
                for &bucket in features.token(index) {
                    let row = bucket as usize * TAG_COUNT;
                    self.weights[row + g.index()] += 1;
                    self.totals[row + g.index()] += step;
                    self.weights[row + p.index()] -= 1;
                    self.totals[row + p.index()] -= step;
                }
            }
            let (gold_previous, predicted_previous) = if index == 0 {
                (None, None)
            } else {
                (Some(gold[index - 1]), Some(predicted[index - 1]))
            };
            if (gold_previous, g) == (predicted_previous, p) {
                continue;
            }
            for (previous, tag, delta) in [(gold_previous, g, 1), (predicted_previous, p, -1)] {
                match previous {
                    None => {
                        self.start[tag.index()] += delta;
                        self.start_totals[tag.index()] += step * delta as i64;
                    }
                    Some(previous) => {
                        self.transitions[previous.index()][tag.index()] += delta;
                        self.transition_totals[previous.index()][tag.index()] +=
                            step * delta as i64;
                    }
                }
            }
        }
    }

    /// The averaged weights, quantised; emission weights below `prune` (in i16 units) dropped.
    pub fn averaged_model(&self, prune: i16) -> Model {
        let step = self.step as f64;
        let average = |w: i32, total: i64| (w as f64 - total as f64 / step) as f32;
        let emissions: Vec<f32> = self
            .weights
            .iter()
            .zip(&self.totals)
            .map(|(&w, &t)| average(w, t))
            .collect();
        let mut transitions = [[0f32; TAG_COUNT]; TAG_COUNT];
        for (previous, row) in transitions.iter_mut().enumerate() {
            for (next, value) in row.iter_mut().enumerate() {
                *value = average(
                    self.transitions[previous][next],
                    self.transition_totals[previous][next],
                );
            }
        }
        let mut start = [0f32; TAG_COUNT];
        for (tag, value) in start.iter_mut().enumerate() {
            *value = average(self.start[tag], self.start_totals[tag]);
        }
        Model::quantise(self.bits, &emissions, &transitions, &start, prune)
    }
}

/// A small deterministic generator for shuffling training documents (xorshift64*).
pub struct Shuffler(u64);

impl Shuffler {
    pub fn new(seed: u64) -> Shuffler {
        Shuffler(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for index in (1..items.len()).rev() {
            let other = (self.next() % (index as u64 + 1)) as usize;
            items.swap(index, other);
        }
    }
}
