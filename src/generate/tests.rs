use super::*;

fn config(articles: usize, stories: usize, seed: u64) -> GeneratorConfig {
    GeneratorConfig {
        articles,
        mean_words: 300,
        stories,
        seed,
    }
}

#[test]
fn same_seed_gives_the_same_bytes() {
    let a = generate_corpus(&config(40, 4, 9));
    let b = generate_corpus(&config(40, 4, 9));
    let texts = |c: &GeneratedCorpus| -> Vec<(String, String)> {
        c.articles
            .iter()
            .map(|a| (a.file_name.clone(), a.text.clone()))
            .collect()
    };
    assert_eq!(texts(&a), texts(&b));
    assert_eq!(a.truth.to_json(), b.truth.to_json());
    let c = generate_corpus(&config(40, 4, 10));
    assert_ne!(texts(&a), texts(&c));
}

#[test]
fn every_story_gets_articles_and_the_truth_names_each_file() {
    let corpus = generate_corpus(&config(30, 5, 1));
    assert_eq!(corpus.articles.len(), 30);
    for story in 0..5 {
        assert!(corpus.articles.iter().any(|a| a.story == story));
    }
    for article in &corpus.articles {
        assert_eq!(
            corpus.truth.story_of(&article.file_name),
            Some(article.story)
        );
    }
    let parsed = GroundTruth::from_json(&corpus.truth.to_json()).unwrap();
    assert_eq!(parsed, corpus.truth);
}

#[test]
fn no_slot_is_left_unfilled() {
    let corpus = generate_corpus(&config(60, 6, 3));
    for article in &corpus.articles {
        assert!(!article.text.contains('{'), "{}", article.text);
    }
}

#[test]
fn articles_are_about_the_mean_length() {
    let corpus = generate_corpus(&config(50, 3, 4));
    let words: usize = corpus
        .articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    let mean = words / corpus.articles.len();
    // Body words plus headline, dek and furniture.
    assert!((280..=460).contains(&mean), "mean {mean}");
}

#[test]
fn stories_have_their_own_spokespeople_analysts_and_places() {
    let corpus = generate_corpus(&config(20, 20, 5));
    let mut people: Vec<&String> = corpus
        .truth
        .stories
        .iter()
        .flat_map(|s| &s.people[2..])
        .collect();
    let mut places: Vec<&String> = corpus
        .truth
        .stories
        .iter()
        .flat_map(|s| &s.places)
        .collect();
    let (np, nt) = (people.len(), places.len());
    people.sort();
    people.dedup();
    places.sort();
    places.dedup();
    assert_eq!((people.len(), places.len()), (np, nt));
}

#[test]
fn some_articles_are_syndicated_copies_of_their_story() {
    let corpus = generate_corpus(&config(120, 3, 6));
    let copies: Vec<&ArticleTruth> = corpus
        .truth
        .articles
        .iter()
        .filter(|a| a.copy_of.is_some())
        .collect();
    assert!(!copies.is_empty());
    for copy in copies {
        let original = copy.copy_of.as_deref().unwrap();
        assert_eq!(corpus.truth.story_of(original), Some(copy.story));
    }
}

#[test]
fn pages_carry_boilerplate() {
    let corpus = generate_corpus(&config(80, 2, 7));
    let all: String = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    assert!(all.contains('©'));
    assert!(all.contains("cookies"));
    assert!(all.contains("Related") || all.contains("Read more"));
}

#[test]
fn stories_about_the_same_country_share_its_leader() {
    let corpus = generate_corpus(&config(200, 150, 8));
    let stories = &corpus.truth.stories;
    let mut shared = 0;
    for (i, a) in stories.iter().enumerate() {
        for b in &stories[i + 1..] {
            if a.countries[0] == b.countries[0] {
                assert_eq!(a.people[0], b.people[0]);
                shared += 1;
            }
        }
    }
    assert!(shared > 0);
}
