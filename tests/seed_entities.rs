//! The recogniser and clustering against the hand-annotated gold of the five seeds
//! (`tests/fixtures/seeds_gold/`, see its GUIDELINES.md).

use parallax::analysis::CorpusEntities;
use parallax::corpus::{load_seeds, LoadOptions};
use parallax::text::ByteSpan;
use std::collections::HashSet;

fn gold(stem: &str) -> Vec<(usize, usize, String)> {
    let path = format!(
        "{}/tests/fixtures/seeds_gold/{stem}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
                m["type"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn seed_mentions_reach_090_typed_f1_against_the_gold() {
    let corpus = load_seeds(&LoadOptions::default());
    let entities = CorpusEntities::analyse(&corpus, &[]);
    let (mut tp, mut predicted, mut expected) = (0, 0, 0);
    for (index, article) in corpus.articles.iter().enumerate() {
        let gold: HashSet<(usize, usize, String)> = gold(&article.id).into_iter().collect();
        let found: HashSet<(usize, usize, String)> = entities.mentions[index]
            .iter()
            .map(|m| {
                let c = article.char_span(ByteSpan::from(m.span.clone()));
                (c.start.0, c.end.0, m.kind.as_str().to_string())
            })
            .collect();
        tp += found.intersection(&gold).count();
        predicted += found.len();
        expected += gold.len();
        for miss in gold.difference(&found) {
            let text: String = article
                .source
                .chars()
                .skip(miss.0)
                .take(miss.1 - miss.0)
                .collect();
            eprintln!("{}: missed {text} {}", article.id, miss.2);
        }
        for extra in found.difference(&gold) {
            let text: String = article
                .source
                .chars()
                .skip(extra.0)
                .take(extra.1 - extra.0)
                .collect();
            eprintln!("{}: spurious {text} {}", article.id, extra.2);
        }
    }
    let precision = tp as f64 / predicted as f64;
    let recall = tp as f64 / expected as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    eprintln!("seed typed exact-span P {precision:.3} R {recall:.3} F1 {f1:.3}");
    assert!(f1 >= 0.90, "typed F1 {f1:.3} below 0.90");
}

#[test]
fn seed_spellings_merge_into_one_entity_each() {
    let corpus = load_seeds(&LoadOptions::default());
    let entities = CorpusEntities::analyse(&corpus, &[]);
    let entity_of = |alias: &str| {
        entities
            .index
            .entities
            .iter()
            .find(|e| e.aliases.iter().any(|a| a.text == alias))
            .map(|e| e.slug.clone())
            .unwrap_or_else(|| panic!("no entity has the alias {alias}"))
    };
    let groups: [&[&str]; 8] = [
        &[
            "Ahmad al-Sharaa",
            "Ahmed al-Sharaa",
            "Ahmed Al-Sharaa",
            "Ahmad Al-Charaa",
            "Al-Charaa",
            "al-Sharaa",
            "Sharaa",
        ],
        &[
            "Bashar el-Assad",
            "Bashar Assad",
            "Bashar al-Assad",
            "Bashar Al-Assad",
            "Assad",
        ],
        &["Hmeimim", "Khmeimim"],
        &["Tartus", "Tartous"],
        &["Syrian Democratic Forces", "SDF"],
        &["Vladimir Putin", "Putin"],
        &["Dmitry Peskov"],
        &["Donald Trump"],
    ];
    for group in groups {
        let first = entity_of(group[0]);
        for alias in &group[1..] {
            assert_eq!(entity_of(alias), first, "{alias} should join {}", group[0]);
        }
    }
    assert_ne!(entity_of("Hafez al-Assad"), entity_of("Bashar al-Assad"));
}
