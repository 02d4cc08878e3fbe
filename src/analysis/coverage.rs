//! Coverage: how often each source mentions each canonical entity. Who talks about whom, and
//! who leaves someone out. Pure: counts over `CorpusEntities`.

use crate::analysis::entities::EntityId;
use crate::analysis::CorpusEntities;

/// One entity's mention counts, per article of the table (`Coverage::articles`), in order.
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
    /// The columns: article indexes in the corpus, ascending.
    pub articles: Vec<usize>,
    pub rows: Vec<CoverageRow>,
}

impl Coverage {
    /// Counts every resolved mention (headline, dek and body) of every article.
    pub fn build(entities: &CorpusEntities) -> Coverage {
        let all: Vec<usize> = (0..entities.mentions.len()).collect();
        Coverage::build_for(entities, &all)
    }

    /// Counts the mentions of some articles only (one story of a corpus that mixes several):
    /// the rows are the entities they mention, the columns those articles.
    pub fn build_for(entities: &CorpusEntities, articles: &[usize]) -> Coverage {
        let articles: Vec<usize> = articles
            .iter()
            .copied()
            .filter(|&a| a < entities.mentions.len())
            .collect();
        // Rows only for the entities these articles mention: a story of 50 articles in a
        // corpus of 10,000 must not build a row per entity of the corpus.
        let mut row_of: std::collections::HashMap<u32, usize> = Default::default();
        let mut rows: Vec<CoverageRow> = Vec::new();
        for (column, &article) in articles.iter().enumerate() {
            for (_, id) in entities.resolved(article) {
                let row = *row_of.entry(id.0).or_insert_with(|| {
                    rows.push(CoverageRow {
                        entity: id,
                        counts: vec![0; articles.len()],
                    });
                    rows.len() - 1
                });
                rows[row].counts[column] += 1;
            }
        }
        rows.sort_by(|a, b| {
            b.total()
                .cmp(&a.total())
                .then(b.sources().cmp(&a.sources()))
                .then(a.entity.cmp(&b.entity))
        });
        Coverage { articles, rows }
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
