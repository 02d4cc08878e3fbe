//! Entities of a whole corpus: the recogniser over each article's headline, dek and body, then
//! clustering across articles. Both the CLI and the reader start from here.

use super::corrections::EntityCorrections;
use super::entities::{
    cluster_entities, ArticleMentions, EntityId, EntityIndex, EntityOverride, MentionInput,
};
use super::ner::{recognize, NerInput, RawMention};
use crate::corpus::{Article, Corpus};
use crate::text::ByteSpan;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Every article's mentions (sorted, non-overlapping) and the canonical entities.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct CorpusEntities {
    pub mentions: Vec<Vec<RawMention>>,
    pub index: EntityIndex,
}

impl CorpusEntities {
    /// Recognises and clusters, without corrections.
    pub fn analyse(corpus: &Corpus, overrides: &[EntityOverride]) -> CorpusEntities {
        let corrections = EntityCorrections {
            overrides: overrides.to_vec(),
            additions: Vec::new(),
        };
        CorpusEntities::analyse_corrected(corpus, &corrections)
    }

    /// Recognises and clusters with the user's corrections as inputs.
    pub fn analyse_corrected(corpus: &Corpus, corrections: &EntityCorrections) -> CorpusEntities {
        CorpusEntities::from_mentions(corpus, recognize_all(&corpus.articles), corrections)
    }

    /// Clusters mentions recognised earlier (say, read from the analysis cache): one list per
    /// article, as `recognize_article` gives them. The user's corrections apply as in
    /// `analyse_corrected`: additions are marked on top, overrides steer the clustering.
    pub fn from_mentions(
        corpus: &Corpus,
        mut mentions: Vec<Vec<RawMention>>,
        corrections: &EntityCorrections,
    ) -> CorpusEntities {
        mentions.resize(corpus.articles.len(), Vec::new());
        if !corrections.additions.is_empty() {
            for (article, found) in corpus.articles.iter().zip(&mut mentions) {
                corrections.add_marked(&article.source, &recognised_ranges(article), found);
            }
        }
        let overrides = &corrections.overrides;
        let inputs: Vec<ArticleMentions> = corpus
            .articles
            .iter()
            .zip(&mentions)
            .map(|(article, found)| ArticleMentions {
                text: &article.source,
                mentions: found
                    .iter()
                    .map(|m| MentionInput {
                        span: ByteSpan::from(m.span.clone()),
                        kind: m.kind,
                    })
                    .collect(),
            })
            .collect();
        let index = cluster_entities(&inputs, overrides);
        CorpusEntities { mentions, index }
    }

    /// The mentions of an article with their entities (mentions an override removed are
    /// left out).
    pub fn resolved(&self, article: usize) -> impl Iterator<Item = (&RawMention, EntityId)> + '_ {
        self.mentions[article]
            .iter()
            .enumerate()
            .filter_map(move |(i, m)| {
                let id = (*self.index.assignments.get(article)?.get(i)?)?;
                Some((m, id))
            })
    }
}

/// Recognises every article, on all cores: articles are independent.
fn recognize_all(articles: &[Article]) -> Vec<Vec<RawMention>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(articles.len().max(1));
    if threads <= 1 || articles.len() < 8 {
        return articles.iter().map(recognize_article).collect();
    }
    let chunk = articles.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(recognize_article).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// The parts of an article the recogniser reads: headline, dek, body sentences.
fn recognised_ranges(article: &Article) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = article
        .headline
        .iter()
        .chain(&article.subtitle)
        .map(|s| s.range())
        .collect();
    ranges.extend(article.sentences.iter().map(|s| s.range()));
    ranges
}

/// The recogniser over one article's headline, dek and body sentences.
pub fn recognize_article(article: &Article) -> Vec<RawMention> {
    let range = |s: ByteSpan| -> Range<usize> { s.range() };
    let sentences: Vec<Range<usize>> = article.sentences.iter().map(|&s| range(s)).collect();
    recognize(&NerInput {
        text: &article.source,
        headline: article.headline.map(range),
        subtitle: article.subtitle.map(range),
        sentences: &sentences,
    })
}
