//! The entities as the reader shows them: per article, its mentions in text order and its
//! entities by mention count; per entity, its name, kind and the articles that mention it.

use crate::analysis::entity_kind::EntityKind;
use crate::analysis::CorpusEntities;
use crate::text::ByteSpan;

/// Index of an entity in [`EntityTable::entities`].
pub type EntityRef = usize;

/// One highlighted mention in an article.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct MentionRef {
    pub span: ByteSpan,
    pub kind: EntityKind,
    pub entity: EntityRef,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRow {
    pub name: String,
    pub kind: EntityKind,
    /// Article indexes that mention it, ascending.
    pub articles: Vec<usize>,
    pub mentions: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityTable {
    pub entities: Vec<EntityRow>,
    /// Per article: mentions sorted by start.
    pub mentions: Vec<Vec<MentionRef>>,
    /// Per article: (entity, mentions here), most mentioned first.
    pub by_article: Vec<Vec<(EntityRef, usize)>>,
}

impl EntityTable {
    /// The reader's view of a corpus's entities.
    pub fn from_analysis(analysis: &CorpusEntities) -> EntityTable {
        let rows = analysis
            .index
            .entities
            .iter()
            .map(|e| EntityRow {
                name: e.name.clone(),
                kind: e.kind,
                articles: e.articles.clone(),
                mentions: e.mentions,
            })
            .collect();
        let mentions = (0..analysis.mentions.len())
            .map(|article| {
                analysis
                    .resolved(article)
                    .map(|(m, id)| MentionRef {
                        span: ByteSpan::from(m.span.clone()),
                        kind: analysis.index.entity(id).kind,
                        entity: id.0 as usize,
                    })
                    .collect()
            })
            .collect();
        EntityTable::new(rows, mentions)
    }

    /// Builds the table from per-article mentions and the entity rows.
    pub fn new(entities: Vec<EntityRow>, mut mentions: Vec<Vec<MentionRef>>) -> EntityTable {
        let by_article = mentions
            .iter_mut()
            .map(|list| {
                list.sort_by_key(|m| m.span.start);
                let mut counts: Vec<(EntityRef, usize)> = Vec::new();
                for m in list.iter() {
                    match counts.iter_mut().find(|(e, _)| *e == m.entity) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((m.entity, 1)),
                    }
                }
                counts.sort_by(|a, b| {
                    b.1.cmp(&a.1)
                        .then_with(|| entities[a.0].name.cmp(&entities[b.0].name))
                });
                counts
            })
            .collect();
        EntityTable {
            entities,
            mentions,
            by_article,
        }
    }

    /// Mentions of an article (empty when the article has none or is unknown).
    pub fn mentions_in(&self, article: usize) -> &[MentionRef] {
        self.mentions.get(article).map_or(&[], Vec::as_slice)
    }

    /// Entities of an article, most mentioned first.
    pub fn entities_in(&self, article: usize) -> &[(EntityRef, usize)] {
        self.by_article.get(article).map_or(&[], Vec::as_slice)
    }

    /// The mention of an entity at or after byte `from` in an article.
    pub fn next_mention(
        &self,
        article: usize,
        entity: EntityRef,
        from: usize,
    ) -> Option<MentionRef> {
        self.mentions_in(article)
            .iter()
            .find(|m| m.entity == entity && m.span.start >= from)
            .copied()
    }

    /// The last mention of an entity before byte `before` in an article.
    pub fn prev_mention(
        &self,
        article: usize,
        entity: EntityRef,
        before: usize,
    ) -> Option<MentionRef> {
        self.mentions_in(article)
            .iter()
            .rev()
            .find(|m| m.entity == entity && m.span.start < before)
            .copied()
    }
}
