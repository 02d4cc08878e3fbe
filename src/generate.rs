//! A deterministic corpus generator for measuring: articles recombined from the seed
//! articles' sentences (as templates) and the word lists in `assets/generator/`, several stories
//! in one corpus, each with its own people, places, organisations and topic, names spelled
//! differently by different outlets, syndicated near-copies, and the page furniture scraped
//! pages carry. Same configuration, same bytes: one seeded SplitMix64, no clock, no hash-map
//! order. Pure: the caller writes the files (`parallax generate`).

mod cast;
mod page;
mod rng;
mod word_lists;

pub use rng::SplitMix64;

use cast::{CastAllocator, StoryCast};
use page::{ArticleBody, NameStyle, PageLayout, SeenSentences, SentenceWriter};
use serde::{Deserialize, Serialize};
use word_lists::{WordLists, WORD_LISTS};

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratorConfig {
    pub articles: usize,
    /// Mean words of body text per article (each article between 0.6× and 1.4× this).
    pub mean_words: usize,
    /// Stories mixed in the corpus (at least one, at most one per article).
    pub stories: usize,
    pub seed: u64,
}

/// One generated article file.
#[derive(Clone, Debug)]
pub struct GeneratedArticle {
    /// `00042_3f9a0c1b2d4e5f60.txt`: the index, zero-padded, and a random tag.
    pub file_name: String,
    pub text: String,
    pub story: usize,
}

#[derive(Clone, Debug)]
pub struct GeneratedCorpus {
    pub articles: Vec<GeneratedArticle>,
    pub truth: GroundTruth,
}

impl GeneratedCorpus {
    /// The articles as a corpus, as loading the written files would give it (ids are the
    /// file names without `.txt`), without touching the disk: for tests and benchmarks.
    pub fn to_corpus(&self) -> crate::corpus::Corpus {
        use crate::corpus::{Article, CleanMode, Corpus};
        Corpus {
            articles: self
                .articles
                .iter()
                .map(|a| {
                    let id = a.file_name.trim_end_matches(".txt").to_string();
                    Article::new(id, a.file_name.clone(), a.text.clone(), CleanMode::Clean)
                })
                .collect(),
            ..Corpus::default()
        }
    }
}

/// `stories.json`: the story each article was generated for, and each story's cast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroundTruth {
    pub version: u32,
    pub seed: u64,
    pub mean_words: usize,
    pub stories: Vec<StoryTruth>,
    pub articles: Vec<ArticleTruth>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryTruth {
    pub story: usize,
    pub topic: String,
    pub people: Vec<String>,
    pub countries: Vec<String>,
    pub places: Vec<String>,
    pub organisations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleTruth {
    pub file: String,
    pub story: usize,
    /// The earlier article this one is a syndicated near-copy of.
    pub copy_of: Option<String>,
}

impl GroundTruth {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the ground truth serialises") + "\n"
    }

    pub fn from_json(text: &str) -> Result<GroundTruth, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The story of an article by its file name.
    pub fn story_of(&self, file_name: &str) -> Option<usize> {
        self.articles
            .iter()
            .find(|a| a.file == file_name)
            .map(|a| a.story)
    }
}

/// Share of articles that are syndicated near-copies of an earlier article of their story.
const SYNDICATED: f64 = 0.12;
/// Chance that a body sentence is taken from the story's pool of sentences already written
/// (shared wording across outlets), rather than written afresh.
const SHARED_SENTENCE: f64 = 0.35;
/// Chance that a fresh sentence comes from the topic templates (the story's own vocabulary).
const TOPIC_SENTENCE: f64 = 0.35;
const POOL_SIZE: usize = 80;
/// Earlier bodies kept per story as originals for syndicated copies.
const ORIGINALS_KEPT: usize = 16;

/// Generates a corpus. Deterministic in `config`.
pub fn generate_corpus(config: &GeneratorConfig) -> GeneratedCorpus {
    let lists: &WordLists = &WORD_LISTS;
    let mut rng = SplitMix64::new(config.seed);
    let mut allocator = CastAllocator::new(lists, &mut rng);
    let outlets: Vec<(String, Vec<String>)> = lists
        .outlets
        .iter()
        .map(|outlet| {
            let journalists = (0..2)
                .map(|_| allocator.person(&mut rng, "journalist").usual_name())
                .collect();
            (outlet.clone(), journalists)
        })
        .collect();
    let story_count = config.stories.clamp(1, config.articles.max(1));
    let casts: Vec<StoryCast> = (0..story_count)
        .map(|_| allocator.story(&mut rng))
        .collect();
    let mut plan: Vec<usize> = (0..config.articles)
        .map(|i| {
            if i < story_count {
                i
            } else {
                rng.below(story_count)
            }
        })
        .collect();
    rng.shuffle(&mut plan);

    let width = config.articles.saturating_sub(1).to_string().len().max(3);
    let mut pools: Vec<Vec<String>> = vec![Vec::new(); story_count];
    let mut originals: Vec<Vec<(String, ArticleBody)>> = vec![Vec::new(); story_count];
    let mut articles = Vec::with_capacity(config.articles);
    let mut truth_rows = Vec::with_capacity(config.articles);
    for (index, &story) in plan.iter().enumerate() {
        let mut arng = rng.fork();
        let cast = &casts[story];
        let style = NameStyle::choose(cast, &mut arng);
        let mut writer = SentenceWriter::new(lists, cast, &style);
        let (outlet, journalists) = arng.pick(&outlets);
        let copy = match originals[story].is_empty() || !arng.chance(SYNDICATED) {
            true => None,
            false => Some(arng.below(originals[story].len())),
        };
        let (body, copy_of) = match copy {
            Some(k) => {
                let (file, original) = &originals[story][k];
                let body = syndicate(original, &mut writer, &mut arng);
                (body, Some(file.clone()))
            }
            None => {
                let body = compose(config, &mut writer, &mut pools[story], &mut arng);
                (body, None)
            }
        };
        let pictured = style.full_name(arng.below(2));
        let layout = PageLayout {
            lists,
            outlet,
            author: arng.pick_str(journalists),
            pictured,
            based_in: &arng.pick(&lists.countries).capital,
        };
        let text = layout.render(&body, &mut arng);
        let file_name = format!("{index:0width$}_{:016x}.txt", arng.next_u64());
        let kept = &mut originals[story];
        if kept.len() == ORIGINALS_KEPT {
            kept.remove(0);
        }
        kept.push((file_name.clone(), body));
        truth_rows.push(ArticleTruth {
            file: file_name.clone(),
            story,
            copy_of,
        });
        articles.push(GeneratedArticle {
            file_name,
            text,
            story,
        });
    }
    let truth = GroundTruth {
        version: 1,
        seed: config.seed,
        mean_words: config.mean_words,
        stories: casts.iter().enumerate().map(story_truth).collect(),
        articles: truth_rows,
    };
    GeneratedCorpus { articles, truth }
}

/// A fresh article: headline, maybe a dek, sentences until the word target, in paragraphs.
fn compose(
    config: &GeneratorConfig,
    writer: &mut SentenceWriter,
    pool: &mut Vec<String>,
    rng: &mut SplitMix64,
) -> ArticleBody {
    let templates = &writer.lists.templates;
    let target = (config.mean_words as f64 * (0.6 + 0.8 * rng.unit())).round() as usize;
    let headline = writer.fill(rng.pick_str(&templates.headline), rng);
    let dek = rng
        .chance(0.6)
        .then(|| writer.fill(rng.pick_str(&templates.dek), rng));
    let mut seen = SeenSentences::default();
    let mut sentences = Vec::new();
    let mut words = 0;
    let mut misses = 0;
    while words < target.max(1) && misses < 64 {
        let sentence = if !pool.is_empty() && rng.chance(SHARED_SENTENCE) {
            pool[rng.below(pool.len())].clone()
        } else {
            let section = match rng.chance(TOPIC_SENTENCE) {
                true => &templates.topic,
                false => &templates.body,
            };
            let fresh = writer.fill(rng.pick_str(section), rng);
            if pool.len() < POOL_SIZE {
                pool.push(fresh.clone());
            }
            fresh
        };
        if !seen.insert(&sentence) {
            misses += 1;
            continue;
        }
        words += sentence.split_whitespace().count();
        sentences.push(sentence);
    }
    ArticleBody {
        headline,
        dek,
        paragraphs: paragraphs(sentences, rng),
    }
}

/// A syndicated copy: the same sentences with some dropped and some rewritten, and now and
/// then a new headline.
fn syndicate(
    original: &ArticleBody,
    writer: &mut SentenceWriter,
    rng: &mut SplitMix64,
) -> ArticleBody {
    let templates = &writer.lists.templates;
    let mut seen = SeenSentences::default();
    let mut paragraphs = Vec::new();
    for paragraph in &original.paragraphs {
        let mut kept = Vec::new();
        for sentence in paragraph {
            let roll = rng.unit();
            let sentence = if roll < 0.12 {
                continue;
            } else if roll < 0.20 {
                writer.fill(rng.pick_str(&templates.body), rng)
            } else {
                sentence.clone()
            };
            if seen.insert(&sentence) {
                kept.push(sentence);
            }
        }
        if !kept.is_empty() {
            paragraphs.push(kept);
        }
    }
    let headline = match rng.chance(0.5) {
        true => original.headline.clone(),
        false => writer.fill(rng.pick_str(&templates.headline), rng),
    };
    ArticleBody {
        headline,
        dek: original.dek.clone(),
        paragraphs,
    }
}

/// Sentences in paragraphs of one to three (the lead, one or two).
fn paragraphs(sentences: Vec<String>, rng: &mut SplitMix64) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current = Vec::new();
    let mut size = rng.between(1, 2);
    for sentence in sentences {
        current.push(sentence);
        if current.len() == size {
            out.push(std::mem::take(&mut current));
            size = rng.between(1, 3);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn story_truth((story, cast): (usize, &StoryCast)) -> StoryTruth {
    StoryTruth {
        story,
        topic: cast.topic.name.clone(),
        people: cast.people.iter().map(|p| p.usual_name()).collect(),
        countries: cast.countries.iter().map(|c| c.name.clone()).collect(),
        places: cast.towns.iter().map(|t| t.usual().to_string()).collect(),
        organisations: cast.organisations.iter().map(|o| o.name.clone()).collect(),
    }
}

#[cfg(test)]
mod tests;
