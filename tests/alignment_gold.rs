//! Sentence links against the hand-made gold alignments of four seed pairs
//! (`tests/fixtures/alignment_gold/`, rules in its README), a plain TF-IDF baseline, and the
//! story-map facts any reader would make.

use parallax::analysis::align::{align_articles, CorpusTerms};
use parallax::analysis::CorpusEntities;
use parallax::corpus::{load_seeds, Corpus, LoadOptions};
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

const GOLD_FILES: [&str; 4] = ["000_001", "000_004", "001_004", "002_004"];

#[derive(Deserialize)]
struct GoldLink {
    left: usize,
    right: usize,
    fact: String,
}

#[derive(Deserialize)]
struct Gold {
    left: String,
    right: String,
    links: Vec<GoldLink>,
    left_only: Vec<usize>,
    right_only: Vec<usize>,
}

struct Seeds {
    corpus: Corpus,
    terms: CorpusTerms,
}

fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let corpus = load_seeds(&LoadOptions::default());
        let entities = CorpusEntities::analyse(&corpus, &[]);
        let terms = CorpusTerms::build(&corpus, &entities);
        Seeds { corpus, terms }
    })
}

fn gold(name: &str) -> Gold {
    let path = format!(
        "{}/tests/fixtures/alignment_gold/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("gold file");
    serde_json::from_str(&text).expect("gold parses")
}

fn article_index(corpus: &Corpus, id: &str) -> usize {
    corpus
        .articles
        .iter()
        .position(|a| a.id == id)
        .expect("gold article in the seeds")
}

fn sentence_text(corpus: &Corpus, article: usize, sentence: usize) -> String {
    let a = &corpus.articles[article];
    a.text(a.sentences[sentence]).chars().take(110).collect()
}

#[derive(Default)]
struct Counts {
    true_positive: usize,
    false_positive: usize,
    false_negative: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        self.true_positive as f64 / (self.true_positive + self.false_positive).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.true_positive as f64 / (self.true_positive + self.false_negative).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores a link predictor against every gold file, printing each miss and false link.
fn score(predict: impl Fn(usize, usize) -> BTreeSet<(usize, usize)>) -> Counts {
    let s = seeds();
    let mut counts = Counts::default();
    for name in GOLD_FILES {
        let g = gold(name);
        let (l, r) = (
            article_index(&s.corpus, &g.left),
            article_index(&s.corpus, &g.right),
        );
        let expected: HashMap<(usize, usize), &str> = g
            .links
            .iter()
            .map(|k| ((k.left, k.right), k.fact.as_str()))
            .collect();
        let predicted = predict(l, r);
        for pair in &predicted {
            if expected.contains_key(pair) {
                counts.true_positive += 1;
            } else {
                counts.false_positive += 1;
                println!(
                    "{name} false link {pair:?}\n   L {}\n   R {}",
                    sentence_text(&s.corpus, l, pair.0),
                    sentence_text(&s.corpus, r, pair.1)
                );
            }
        }
        for (pair, fact) in &expected {
            if !predicted.contains(pair) {
                counts.false_negative += 1;
                println!("{name} missed {pair:?} ({fact})");
            }
        }
    }
    println!(
        "precision {:.3} recall {:.3} F1 {:.3}",
        counts.precision(),
        counts.recall(),
        counts.f1()
    );
    counts
}

fn aligner_links(l: usize, r: usize) -> BTreeSet<(usize, usize)> {
    align_articles(&seeds().terms, l, r)
        .links
        .iter()
        .map(|k| (k.left, k.right))
        .collect()
}

#[test]
fn gold_files_account_for_every_body_sentence() {
    let s = seeds();
    for name in GOLD_FILES {
        let g = gold(name);
        for (id, only, side_of) in [
            (&g.left, &g.left_only, 0usize),
            (&g.right, &g.right_only, 1usize),
        ] {
            let article = &s.corpus.articles[article_index(&s.corpus, id)];
            let linked: BTreeSet<usize> = g
                .links
                .iter()
                .map(|k| if side_of == 0 { k.left } else { k.right })
                .collect();
            for i in 0..article.sentences.len() {
                let one_sided = only.contains(&i);
                assert!(
                    linked.contains(&i) != one_sided,
                    "{name}: sentence {i} of {id} must be linked or one-sided, not both or neither"
                );
            }
            assert!(only.iter().all(|&i| i < article.sentences.len()));
        }
    }
}

#[test]
fn links_reach_precision_and_recall_of_0_85_on_the_gold() {
    let counts = score(aligner_links);
    assert!(counts.precision() >= 0.85, "precision {:.3}", counts.precision());
    assert!(counts.recall() >= 0.85, "recall {:.3}", counts.recall());
}
