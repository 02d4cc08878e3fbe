//! Named-entity recognition for news articles: a statistical tagger (averaged perceptron over
//! hashed features, BILOU tags, Viterbi decoding) trained on CoNLL-2003, plus date rules,
//! hand-written gazetteers and document-level consistency. Pure functions over text: no I/O,
//! no terminal types.

pub mod conll;
pub mod context;
pub mod dates;
mod document;
mod emission_rows;
pub mod evaluation;
pub mod feature_hash;
pub mod features;
pub mod gazetteer;
pub mod kind;
pub mod model;
pub mod recognizer;
mod sentence_memo;
pub mod shape;
pub mod tag;
pub mod token;
pub mod trainer;
pub mod viterbi;

pub use recognizer::Recognizer;

use crate::analysis::entity_kind::EntityKind;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One recognised mention: a byte range into the input text and its kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawMention {
    pub span: Range<usize>,
    pub kind: EntityKind,
}

/// One article to recognise mentions in.
#[derive(Clone, Debug)]
pub struct NerInput<'a> {
    /// The whole source text of an article.
    pub text: &'a str,
    /// Byte range of the headline, if any.
    pub headline: Option<Range<usize>>,
    /// Byte range of the subtitle, if any.
    pub subtitle: Option<Range<usize>>,
    /// Byte ranges of body sentences, in order.
    pub sentences: &'a [Range<usize>],
}

/// Recognises mentions in one article. Sorted by start, non-overlapping, on char boundaries.
/// Any ranges are accepted: out-of-bounds or off-boundary ends are clamped, never a panic.
pub fn recognize(input: &NerInput) -> Vec<RawMention> {
    document::recognize_with(Recognizer::shared(), input)
}
