//! Alignment behaviour on the seeds and on made-up pairs: symmetry, near-duplicates, rows.

use super::*;
use crate::analysis::CorpusEntities;
use crate::corpus::{load_seeds, Article, CleanMode, Corpus, LoadOptions};
use std::sync::OnceLock;

fn seeds() -> &'static (Corpus, CorpusTerms) {
    static SEEDS: OnceLock<(Corpus, CorpusTerms)> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let corpus = load_seeds(&LoadOptions::default());
        let terms = CorpusTerms::build(&corpus, &CorpusEntities::analyse(&corpus, &[]));
        (corpus, terms)
    })
}

#[test]
fn pair_scores_are_symmetric() {
    let (_, terms) = seeds();
    for (a, left) in terms.articles.iter().enumerate() {
        for right in &terms.articles[a + 1..] {
            for x in left {
                for y in right {
                    assert_eq!(score_pair(terms, x, y), score_pair(terms, y, x));
                }
            }
        }
    }
}

#[test]
fn scoring_only_candidate_pairs_finds_every_link_of_scoring_all_pairs() {
    let (corpus, terms) = seeds();
    // The generated corpus too: more sentences, syndicated copies, many shared terms.
    let generated = crate::generate::generate_corpus(&crate::generate::GeneratorConfig {
        articles: 16,
        mean_words: 300,
        stories: 2,
        seed: 3,
    })
    .to_corpus();
    let generated_terms = CorpusTerms::build(&generated, &CorpusEntities::analyse(&generated, &[]));
    for (corpus, terms) in [(corpus, terms), (&generated, &generated_terms)] {
        for a in 0..corpus.articles.len() {
            for b in a + 1..corpus.articles.len() {
                let (left, right) = (&terms.articles[a], &terms.articles[b]);
                let mut all = Vec::new();
                for (i, x) in left.iter().enumerate() {
                    for (j, y) in right.iter().enumerate() {
                        if score_pair(terms, x, y).is_some() {
                            all.push((i, j));
                        }
                    }
                }
                let candidates = candidate_pairs(terms, left, right);
                let linked: Vec<(usize, usize)> = candidates
                    .into_iter()
                    .filter(|&(i, j)| score_pair(terms, &left[i], &right[j]).is_some())
                    .collect();
                assert_eq!(linked, all, "articles {a} and {b}");
            }
        }
    }
}

#[test]
fn alignment_of_b_with_a_mirrors_a_with_b() {
    let (corpus, terms) = seeds();
    for a in 0..corpus.articles.len() {
        for b in 0..corpus.articles.len() {
            if a != b {
                assert_eq!(
                    align_articles(terms, b, a),
                    align_articles(terms, a, b).mirrored()
                );
            }
        }
    }
}

#[test]
fn primary_links_form_a_one_to_one_matching() {
    let (corpus, terms) = seeds();
    let alignment = align_articles(terms, 0, 1);
    let primary: Vec<&Link> = alignment.links.iter().filter(|l| l.primary).collect();
    assert!(!primary.is_empty());
    for (i, x) in primary.iter().enumerate() {
        for y in &primary[i + 1..] {
            assert!(x.left != y.left && x.right != y.right);
        }
    }
    // Every sentence shows up in the rows exactly once.
    let rows = alignment.rows(
        corpus.articles[0].sentences.len(),
        corpus.articles[1].sentences.len(),
    );
    let lefts: Vec<usize> = rows.iter().filter_map(|r| r.left).collect();
    let mut rights: Vec<usize> = rows.iter().filter_map(|r| r.right).collect();
    rights.sort_unstable();
    assert_eq!(
        lefts,
        (0..corpus.articles[0].sentences.len()).collect::<Vec<_>>()
    );
    assert_eq!(
        rights,
        (0..corpus.articles[1].sentences.len()).collect::<Vec<_>>()
    );
}

#[test]
fn a_republished_piece_is_a_near_duplicate_and_other_coverage_is_not() {
    let seeds = load_seeds(&LoadOptions::default());
    let original = seeds.articles[0].source.clone();
    let republished = original
        .replace("Wednesday", "Wednesday afternoon")
        .replace("Russian President", "President")
        .replace("This week,", "Earlier this week,");
    let mut corpus = Corpus::default();
    for (id, text) in [("original", original), ("republished", republished)] {
        let path = format!("{id}.txt");
        corpus
            .articles
            .push(Article::new(id.into(), path, text, CleanMode::Clean));
    }
    corpus.articles.push(seeds.articles[1].clone());
    let terms = CorpusTerms::build(&corpus, &CorpusEntities::default());
    let copy = align_articles(&terms, 0, 1);
    assert!(copy.near_duplicate, "share {}", copy.shared_share);
    assert!(copy.shared_share > 0.8);
    let other = align_articles(&terms, 0, 2);
    assert!(!other.near_duplicate, "share {}", other.shared_share);
}

#[test]
fn khmeimim_and_hmeimim_are_one_term() {
    let (corpus, terms) = seeds();
    let find = |prefix: &str, needle: &str| -> (usize, usize) {
        let a = corpus
            .articles
            .iter()
            .position(|a| a.id.starts_with(prefix))
            .unwrap();
        let s = corpus.articles[a]
            .sentences
            .iter()
            .position(|&s| corpus.articles[a].text(s).contains(needle))
            .unwrap();
        (a, s)
    };
    let (a, i) = find("004", "Khmeimim");
    let (b, j) = find("001", "Hmeimim");
    let pair = score_pair(terms, terms.sentence(a, i), terms.sentence(b, j)).expect("linked");
    let shared: Vec<&str> = pair
        .shared
        .iter()
        .map(|&t| terms.term(t).key.as_str())
        .collect();
    assert!(shared.contains(&"hmeimim"), "{shared:?}");
}

/// The primary (one-to-one) counterparts of an article and a copy of it with one sentence
/// repeated at the end: the repeated sentence ties, and position decides.
fn primaries_with_a_repeated_sentence(copy_first: bool) -> Vec<(usize, usize)> {
    let seeds = load_seeds(&LoadOptions::default());
    let original = seeds.articles[0].clone();
    let repeated = original.text(original.sentences[4]).to_string();
    let copy = Article::new(
        "copy".into(),
        "copy.txt".into(),
        format!("{}\n\n{repeated}\n", original.source.trim_end()),
        CleanMode::Clean,
    );
    let original = Article::new(
        "original".into(),
        "original.txt".into(),
        original.source.clone(),
        CleanMode::Clean,
    );
    let corpus = Corpus {
        articles: match copy_first {
            true => vec![copy, original],
            false => vec![original, copy],
        },
        ..Corpus::default()
    };
    let terms = CorpusTerms::build(&corpus, &CorpusEntities::default());
    let (o, c) = match copy_first {
        true => (1, 0),
        false => (0, 1),
    };
    let alignment = align_articles(&terms, o, c);
    assert_eq!(alignment.left, o);
    alignment
        .links
        .iter()
        .filter(|l| l.primary)
        .map(|l| (l.left, l.right))
        .collect()
}

#[test]
fn primary_ties_go_by_position_whatever_the_load_order() {
    let loaded_first = primaries_with_a_repeated_sentence(false);
    let loaded_second = primaries_with_a_repeated_sentence(true);
    assert_eq!(loaded_first, loaded_second);
    // Sentence 4 ties between its copy in place and the repeat at the end: it takes the copy in
    // place, nearest in relative position.
    assert!(loaded_first.contains(&(4, 4)), "{loaded_first:?}");
}
