//! A story's label: its most distinctive people, organisations and places.

use super::features::FeatureTable;
use crate::analysis::entity_kind::EntityKind;
use crate::analysis::CorpusEntities;
use crate::corpus::Corpus;
use std::collections::BTreeMap;

/// Entities named in a label.
const LABEL_ENTITIES: usize = 3;

/// The names of the story's most distinctive people, organisations and places (share of its
/// articles mentioning one × the entity's inverse document frequency over the corpus, places
/// counting a little less), joined with " · "; the first article's title when it has none.
pub fn label(
    articles: &[usize],
    table: &FeatureTable,
    corpus: &Corpus,
    entities: &CorpusEntities,
) -> String {
    let mut in_story: BTreeMap<u32, u32> = BTreeMap::new();
    for &article in articles {
        for &entity in &table.entity_sets[article] {
            *in_story.entry(entity).or_default() += 1;
        }
    }
    let n = corpus.articles.len() as f64;
    let size = articles.len() as f64;
    let mut scored: Vec<(f64, u32)> = in_story
        .into_iter()
        .filter_map(|(entity, count)| {
            let weight = match entities.index.entities[entity as usize].kind {
                EntityKind::Person | EntityKind::Org => 1.0,
                EntityKind::Place => 0.8,
                EntityKind::Group | EntityKind::Date => return None,
            };
            let df = f64::from(table.entity_df[entity as usize].max(1));
            Some((weight * f64::from(count) / size * (n / df).ln_1p(), entity))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let names: Vec<&str> = scored
        .iter()
        .take(LABEL_ENTITIES)
        .map(|&(_, e)| entities.index.entities[e as usize].name.as_str())
        .collect();
    match names.is_empty() {
        false => names.join(" · "),
        true => articles
            .first()
            .map(|&a| corpus.articles[a].display_title().to_string())
            .unwrap_or_default(),
    }
}
