//! Near-duplicates: articles that share most of their sentences with another article (a
//! syndicated wire story, a republished piece). Not all pairs: within each group of articles
//! (a story), sentences are keyed by their term sets, and only pairs of articles that share
//! many identical keys are aligned (`align_articles` decides, as `parallax compare` does).
//! Pure: no I/O.

use super::align::{align_articles, CorpusTerms};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// An article's closest near-duplicate elsewhere in the corpus.
#[derive(Copy, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearDuplicate {
    /// The other article (index in the corpus).
    pub of: usize,
    /// Share of both articles' sentences whose primary link is near-identical, 0–1.
    pub share: f32,
}

/// A pair is aligned only when its shared sentence keys reach this share of both articles'
/// sentences. A near-duplicate needs `NEAR_DUPLICATE_SHARE` (0.5) of them near-identical;
/// copies keep most sentences word for word, so most of those share their keys too, and the
/// margin below 0.5 lets a few rewritten ones through. Separate reports of one story that
/// share a handful of stock sentences are never aligned: on a generated corpus of 10,000
/// articles, where they share many, a lower bar made this stage cost minutes.
const CANDIDATE_SHARE: f32 = 0.4;
/// Sentences with fewer terms than this are too short to say two articles are one.
const MIN_KEY_TERMS: usize = 4;
/// A key shared by more articles than this is a stock phrase, not a sign of copying; skipping
/// it keeps the pair count bounded on a one-story corpus of thousands of articles.
const MAX_KEY_ARTICLES: usize = 64;

/// Each article's best near-duplicate, if any (`None` for articles in no group). Groups are
/// independent: they are shared out over the cores.
pub fn near_duplicates(terms: &CorpusTerms, groups: &[Vec<usize>]) -> Vec<Option<NearDuplicate>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(groups.len().max(1));
    let found: Vec<(usize, NearDuplicate)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    groups
                        .iter()
                        .skip(t)
                        .step_by(threads)
                        .flat_map(|group| in_group(terms, group))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut best: Vec<Option<NearDuplicate>> = vec![None; terms.articles.len()];
    for (article, duplicate) in found {
        if let Some(slot) = best.get_mut(article) {
            *slot = Some(duplicate);
        }
    }
    best
}

/// The best near-duplicate of each article of one group that has one.
fn in_group(terms: &CorpusTerms, group: &[usize]) -> Vec<(usize, NearDuplicate)> {
    let mut best: HashMap<usize, NearDuplicate> = HashMap::default();
    for (a, b) in candidate_pairs(terms, group) {
        let alignment = align_articles(terms, a, b);
        if !alignment.near_duplicate {
            continue;
        }
        let share = alignment.shared_share;
        for (one, other) in [(a, b), (b, a)] {
            let better = best.get(&one).is_none_or(|d| share > d.share);
            if better {
                best.insert(one, NearDuplicate { of: other, share });
            }
        }
    }
    best.into_iter().collect()
}

/// Pairs (lower index first, ascending) of the group's articles whose sentences with the
/// same term sets make up at least `CANDIDATE_SHARE` of both articles' sentences.
fn candidate_pairs(terms: &CorpusTerms, group: &[usize]) -> Vec<(usize, usize)> {
    let mut articles_of: HashMap<&[u32], Vec<usize>> = HashMap::default();
    for &article in group {
        let Some(sentences) = terms.articles.get(article) else {
            continue;
        };
        for sentence in sentences {
            if sentence.terms.len() < MIN_KEY_TERMS {
                continue;
            }
            let list = articles_of.entry(sentence.terms.as_slice()).or_default();
            if list.last() != Some(&article) {
                list.push(article);
            }
        }
    }
    let mut shared: HashMap<(usize, usize), u32> = HashMap::default();
    for list in articles_of.values() {
        if list.len() < 2 || list.len() > MAX_KEY_ARTICLES {
            continue;
        }
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                *shared.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&((a, b), count)| {
            let both = terms.articles[a].len() + terms.articles[b].len();
            2.0 * count as f32 >= CANDIDATE_SHARE * both as f32
        })
        .map(|(pair, _)| pair)
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::CorpusEntities;
    use crate::generate::{generate_corpus, GeneratorConfig};

    #[test]
    fn syndicated_copies_are_found_and_separate_reports_are_not() {
        let config = GeneratorConfig {
            articles: 120,
            mean_words: 300,
            stories: 3,
            seed: 7,
        };
        let generated = generate_corpus(&config);
        let corpus = generated.to_corpus();
        let entities = CorpusEntities::analyse(&corpus, &[]);
        let terms = CorpusTerms::build(&corpus, &entities);
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        let found = near_duplicates(&terms, &[all]);
        let index_of = |file: &str| {
            generated
                .articles
                .iter()
                .position(|a| a.file_name == file)
                .unwrap()
        };
        let copies: Vec<(usize, usize)> = generated
            .truth
            .articles
            .iter()
            .filter_map(|a| Some((index_of(&a.file), index_of(a.copy_of.as_deref()?))))
            .collect();
        assert!(!copies.is_empty());
        let flagged = copies.iter().filter(|(c, _)| found[*c].is_some()).count();
        assert!(
            flagged * 10 >= copies.len() * 8,
            "{flagged} of {} copies flagged",
            copies.len()
        );
        let is_copy = |a: usize| copies.iter().any(|&(c, o)| c == a || o == a);
        let false_flags = (0..corpus.articles.len())
            .filter(|&a| found[a].is_some() && !is_copy(a))
            .count();
        // Separate reports of a generated story draw a third of their sentences from one
        // pool, so now and then two share half their sentences word for word: a few flags.
        let others = (0..corpus.articles.len()).filter(|&a| !is_copy(a)).count();
        assert!(
            false_flags * 20 <= others,
            "{false_flags} of {others} separate reports flagged"
        );
    }
}
