//! Coverage: how often each source mentions each canonical entity. Who talks about whom, and
//! who leaves someone out. Pure: counts over `CorpusEntities`.

use crate::analysis::entities::EntityId;
use crate::analysis::CorpusEntities;

/// One entity's mention counts, per article in corpus order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    pub entity: EntityId,
    pub counts: Vec<usize>,
}

impl CoverageRow {
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Articles that mention the entity at least once.
    pub fn sources(&self) -> usize {
        self.counts.iter().filter(|&&c| c > 0).count()
    }
}

/// The entity × source table, most mentioned entities first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub rows: Vec<CoverageRow>,
}

impl Coverage {
    /// Counts every resolved mention (headline, dek and body) of every article.
    pub fn build(entities: &CorpusEntities) -> Coverage {
        let articles = entities.mentions.len();
        let mut rows: Vec<CoverageRow> = entities
            .index
            .entities
            .iter()
            .map(|e| CoverageRow {
                entity: e.id,
                counts: vec![0; articles],
            })
            .collect();
        for article in 0..articles {
            for (_, id) in entities.resolved(article) {
                if let Some(row) = rows.get_mut(id.0 as usize) {
                    row.counts[article] += 1;
                }
            }
        }
        rows.retain(|r| r.total() > 0);
        rows.sort_by(|a, b| {
            b.total()
                .cmp(&a.total())
                .then(b.sources().cmp(&a.sources()))
                .then(a.entity.cmp(&b.entity))
        });
        Coverage { rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load_seeds, LoadOptions};

    #[test]
    fn counts_add_up_to_each_entity_total() {
        let corpus = load_seeds(&LoadOptions::default());
        let entities = CorpusEntities::analyse(&corpus, &[]);
        let coverage = Coverage::build(&entities);
        assert!(!coverage.rows.is_empty());
        for row in &coverage.rows {
            let entity = entities.index.entity(row.entity);
            assert_eq!(row.total(), entity.mentions, "{}", entity.name);
            assert_eq!(row.counts.len(), corpus.articles.len());
        }
        let totals: Vec<usize> = coverage.rows.iter().map(CoverageRow::total).collect();
        assert!(totals.windows(2).all(|w| w[0] >= w[1]));
    }
}
