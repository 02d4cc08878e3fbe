//! What the finder can find, and where each thing is: the kinds of candidate, in their order
//! of precedence on ties, and the target a result jumps to.

use crate::analysis::entities::EntityId;
use crate::text::{ByteSpan, CharSpan};
use serde::Serialize;

/// The kind of a candidate. The order is the order of precedence when scores tie.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An article: title, outlet, byline, file name.
    Source,
    /// A canonical entity: its name and every alias.
    Entity,
    /// An annotation: label, note, quoted text.
    Annotation,
    /// A sentence of an article's body.
    Sentence,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Source, Kind::Entity, Kind::Annotation, Kind::Sentence];

    /// The query prefix that narrows a search to this kind.
    pub fn prefix(self) -> char {
        match self {
            Kind::Source => '@',
            Kind::Entity => '#',
            Kind::Annotation => '!',
            Kind::Sentence => '"',
        }
    }

    pub fn from_prefix(c: char) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.prefix() == c)
    }

    /// The lower-case name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Entity => "entity",
            Kind::Annotation => "annotation",
            Kind::Sentence => "sentence",
        }
    }

    pub(super) fn slot(self) -> usize {
        self as usize
    }
}

/// A span of an article's source text, in bytes (for slicing) and code points (for reports).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub bytes: ByteSpan,
    pub chars: CharSpan,
}

/// Where a result is: what the reader opens or jumps to when it is chosen.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// An article, by its index in the corpus.
    Source { article: usize },
    /// A canonical entity.
    Entity { entity: EntityId },
    /// An annotation, by its id. `article` and `span` are `None` when its article is not
    /// loaded or its offsets do not fit the article's text.
    Annotation {
        id: String,
        article: Option<usize>,
        span: Option<Span>,
    },
    /// Sentence `sentence` of `article` (an index into `Article::sentences`).
    Sentence {
        article: usize,
        sentence: usize,
        span: Span,
    },
}

impl Target {
    pub fn kind(&self) -> Kind {
        match self {
            Target::Source { .. } => Kind::Source,
            Target::Entity { .. } => Kind::Entity,
            Target::Annotation { .. } => Kind::Annotation,
            Target::Sentence { .. } => Kind::Sentence,
        }
    }

    /// The article the target is in, when it is in one.
    pub fn article(&self) -> Option<usize> {
        match self {
            Target::Source { article } | Target::Sentence { article, .. } => Some(*article),
            Target::Annotation { article, .. } => *article,
            Target::Entity { .. } => None,
        }
    }

    /// The span of source text the target covers (sentences and anchored annotations).
    pub fn span(&self) -> Option<Span> {
        match self {
            Target::Sentence { span, .. } => Some(*span),
            Target::Annotation { span, .. } => *span,
            _ => None,
        }
    }
}
