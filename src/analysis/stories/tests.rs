use super::*;
use crate::analysis::CorpusEntities;
use crate::corpus::{load_seeds, Article, CleanMode, LoadOptions};
use crate::generate::{generate_corpus, GeneratedCorpus, GeneratorConfig};

fn generated(articles: usize, stories: usize, seed: u64) -> (GeneratedCorpus, Corpus) {
    let generated = generate_corpus(&GeneratorConfig {
        articles,
        mean_words: 120,
        stories,
        seed,
    });
    let corpus = Corpus {
        articles: generated
            .articles
            .iter()
            .map(|a| {
                let id = a.file_name.trim_end_matches(".txt").to_string();
                Article::new(id, a.file_name.clone(), a.text.clone(), CleanMode::Clean)
            })
            .collect(),
        ..Corpus::default()
    };
    (generated, corpus)
}

#[test]
fn five_generated_stories_are_found_with_purity_above_0_9() {
    let (generated, corpus) = generated(300, 5, 11);
    let entities = CorpusEntities::analyse(&corpus, &[]);
    let stories = Stories::group(&corpus, &entities);
    let truth: Vec<usize> = generated.articles.iter().map(|a| a.story).collect();
    let found = agreement(&stories.story_of_each(corpus.articles.len()), &truth);
    assert!(found.purity >= 0.9, "{found:?}");
    assert!(found.inverse_purity >= 0.9, "{found:?}");
    assert!(found.adjusted_rand >= 0.9, "{found:?}");
}

#[test]
fn the_seeds_are_one_story_labelled_by_its_leaders() {
    let corpus = load_seeds(&LoadOptions::default());
    let entities = CorpusEntities::analyse(&corpus, &[]);
    let stories = Stories::group(&corpus, &entities);
    assert_eq!(stories.stories.len(), 1, "{stories:?}");
    assert_eq!(stories.stories[0].articles, vec![0, 1, 2, 3, 4]);
    let label = &stories.stories[0].label;
    assert!(
        label.contains("al-Sharaa") && label.contains("Putin"),
        "{label}"
    );
}

#[test]
fn every_article_is_in_exactly_one_story_and_grouping_is_deterministic() {
    let (_, corpus) = generated(60, 4, 12);
    let entities = CorpusEntities::analyse(&corpus, &[]);
    let stories = Stories::group(&corpus, &entities);
    let mut all: Vec<usize> = stories
        .stories
        .iter()
        .flat_map(|s| s.articles.clone())
        .collect();
    all.sort_unstable();
    assert_eq!(all, (0..60).collect::<Vec<_>>());
    assert!(stories.stories.iter().all(|s| !s.label.is_empty()));
    assert_eq!(Stories::group(&corpus, &entities), stories);
}

#[test]
fn labels_name_nothing_of_the_other_story() {
    let (generated, corpus) = generated(80, 2, 13);
    let entities = CorpusEntities::analyse(&corpus, &[]);
    let stories = Stories::group(&corpus, &entities);
    for story in stories.stories.iter().filter(|s| s.articles.len() >= 10) {
        let known = generated.articles[story.articles[0]].story;
        let cast = |s: usize| {
            let story = &generated.truth.stories[s];
            let names = story.people.iter().chain(&story.places);
            let names = names.chain(&story.organisations).chain(&story.countries);
            names.cloned().collect::<Vec<String>>()
        };
        let own = cast(known);
        assert!(!story.label.is_empty());
        for name in cast(1 - known).iter().filter(|n| !own.contains(n)) {
            assert!(!story.label.contains(name.as_str()), "{}", story.label);
        }
    }
}

#[test]
fn an_empty_corpus_has_no_stories() {
    let corpus = Corpus::default();
    let entities = CorpusEntities::analyse(&corpus, &[]);
    assert!(Stories::group(&corpus, &entities).stories.is_empty());
}
