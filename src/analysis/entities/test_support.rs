//! Helpers for the clustering tests: articles from marked text, and assertions on clusters.

use super::*;
use EntityKind::{Org, Place};

/// An article whose mentions are found left to right, each after the previous one.
pub(super) fn doc(text: &'static str, mentions: &[(&str, EntityKind)]) -> ArticleMentions<'static> {
    let mut from = 0;
    let mentions = mentions
        .iter()
        .map(|&(surface, kind)| {
            let start = from + text[from..].find(surface).expect(surface);
            from = start + surface.len();
            MentionInput {
                span: ByteSpan::new(start, from),
                kind,
            }
        })
        .collect();
    ArticleMentions { text, mentions }
}

/// The entity of every mention written `surface` (in any article), in order.
pub(super) fn entities_of(
    index: &EntityIndex,
    articles: &[ArticleMentions],
    surface: &str,
) -> Vec<EntityId> {
    let mut found = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for (m, mention) in article.mentions.iter().enumerate() {
            if &article.text[mention.span.range()] == surface {
                found.extend(index.assignments[a][m]);
            }
        }
    }
    assert!(!found.is_empty(), "no entity for {surface}");
    found
}

pub(super) fn one(index: &EntityIndex, articles: &[ArticleMentions], surface: &str) -> EntityId {
    let ids = entities_of(index, articles, surface);
    assert!(
        ids.iter().all(|&id| id == ids[0]),
        "{surface} is split: {ids:?}"
    );
    ids[0]
}

pub(super) fn assert_together(
    articles: &[ArticleMentions],
    overrides: &[EntityOverride],
    forms: &[&str],
) {
    let index = cluster_entities(articles, overrides);
    let first = one(&index, articles, forms[0]);
    for form in forms {
        assert_eq!(
            one(&index, articles, form),
            first,
            "{form} apart from {}",
            forms[0]
        );
    }
}

pub(super) fn assert_apart(articles: &[ArticleMentions], a: &str, b: &str) {
    let index = cluster_entities(articles, &[]);
    assert_ne!(
        one(&index, articles, a),
        one(&index, articles, b),
        "{a} merged with {b}"
    );
}

/// Two articles around one story, so that near spellings find shared context.
pub(super) fn story(
    first: (&'static str, EntityKind),
    second: (&'static str, EntityKind),
) -> Vec<ArticleMentions<'static>> {
    let context = [("Moscow", Place), ("Kremlin", Org), ("Syria", Place)];
    let texts: [&'static str; 2] = [
        leak(format!("{} in Moscow; the Kremlin and Syria.", first.0)),
        leak(format!("Syria and the Kremlin: {} in Moscow.", second.0)),
    ];
    vec![
        doc(texts[0], &[first, context[0], context[1], context[2]]),
        doc(texts[1], &[context[2], context[1], second, context[0]]),
    ]
}

pub(super) fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}
