//! The candidates of a corpus: each article as a source, each canonical entity with its
//! aliases, each annotation, each body sentence.

use super::fold::fold_str;
use super::index::{Field, FinderIndex, IndexBuilder};
use super::results::Context;
use super::target::{Span, Target};
use crate::analysis::entities::EntityIndex;
use crate::corpus::annotation::Annotation;
use crate::corpus::{Article, Corpus};
use crate::text::{display_safe, CharSpan};
use std::collections::HashMap;

/// Words of the article kept on each side of an annotation's quote in its context.
const CONTEXT_WORDS: usize = 5;

impl FinderIndex {
    /// Indexes a corpus, its entities and its annotations (pass `&[]` for none).
    pub fn build(corpus: &Corpus, entities: &EntityIndex, annotations: &[Annotation]) -> Self {
        let mut builder = IndexBuilder::new();
        for (i, article) in corpus.articles.iter().enumerate() {
            add_source(&mut builder, i, article);
            add_sentences(&mut builder, i, article);
        }
        for entity in &entities.entities {
            let name_key = alias_key(&entity.name);
            let mut fields = vec![Field::shown(&entity.name)];
            fields.extend(
                entity
                    .aliases
                    .iter()
                    .filter(|a| alias_key(&a.text) != name_key)
                    .map(|a| Field::hidden(&a.text)),
            );
            builder.add(Target::Entity { entity: entity.id }, fields, None);
        }
        let by_id: HashMap<&str, usize> = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        for annotation in annotations {
            let article = by_id.get(annotation.article.as_str()).copied();
            let span = article.and_then(|i| annotation_span(&corpus.articles[i], annotation));
            builder.add(
                Target::Annotation {
                    id: annotation.id.clone(),
                    article,
                    span,
                },
                vec![
                    Field::shown(&annotation.label),
                    Field::shown(&annotation.quote.exact),
                    Field::shown(&annotation.note),
                ],
                Some(annotation_context(annotation)),
            );
        }
        builder.build()
    }
}

fn add_source(builder: &mut IndexBuilder, index: usize, article: &Article) {
    let file_name = std::path::Path::new(&article.path)
        .file_name()
        .map_or(article.path.clone(), |f| f.to_string_lossy().into_owned());
    let meta = &article.meta;
    let fields = [
        Some(article.display_title()),
        meta.outlet.as_deref(),
        meta.byline.as_deref(),
        Some(file_name.as_str()),
    ];
    builder.add(
        Target::Source { article: index },
        fields.into_iter().flatten().map(Field::shown).collect(),
        None,
    );
}

fn add_sentences(builder: &mut IndexBuilder, index: usize, article: &Article) {
    for (i, &bytes) in article.sentences.iter().enumerate() {
        builder.add(
            Target::Sentence {
                article: index,
                sentence: i,
                span: Span {
                    bytes,
                    chars: article.char_span(bytes),
                },
            },
            vec![Field::shown(article.text(bytes))],
            None,
        );
    }
}

/// The annotation's position selector in the article, if it fits the text.
fn annotation_span(article: &Article, annotation: &Annotation) -> Option<Span> {
    let len = article.chars.len_chars();
    if annotation.start > annotation.end || annotation.end > len {
        return None;
    }
    let chars = CharSpan::new(annotation.start, annotation.end);
    let bytes = article.chars.to_byte_span(&article.source, chars);
    Some(Span { bytes, chars })
}

/// The quote with up to [`CONTEXT_WORDS`] words of its stored prefix and suffix.
fn annotation_context(annotation: &Annotation) -> Context {
    let quote = &annotation.quote;
    let before: Vec<&str> = quote.prefix.split_whitespace().collect();
    let after: Vec<&str> = quote.suffix.split_whitespace().collect();
    let mut text = String::new();
    if before.len() > CONTEXT_WORDS {
        text.push('…');
    }
    let kept_before = &before[before.len().saturating_sub(CONTEXT_WORDS)..];
    // Keep the quote glued to a word it was glued to ("al-" + "Sharaa").
    let joined_before = !quote.prefix.ends_with(char::is_whitespace);
    text.push_str(&kept_before.join(" "));
    if !kept_before.is_empty() && !joined_before {
        text.push(' ');
    }
    let exact = display_safe(&quote.exact);
    let start = text.chars().count();
    text.push_str(&exact);
    let end = text.chars().count();
    let kept_after = &after[..after.len().min(CONTEXT_WORDS)];
    if !kept_after.is_empty() && quote.suffix.starts_with(char::is_whitespace) {
        text.push(' ');
    }
    text.push_str(&kept_after.join(" "));
    if after.len() > CONTEXT_WORDS {
        text.push('…');
    }
    Context {
        text: display_safe(&text).into_owned(),
        highlight: (start..end).collect(),
    }
}

/// Aliases that differ from the name only in case or diacritics add nothing to search.
fn alias_key(text: &str) -> String {
    fold_str(text).to_lowercase()
}
