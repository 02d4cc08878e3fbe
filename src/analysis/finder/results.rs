//! What a search returns: ranked hits, each with the text to show, the characters to
//! highlight, its target and a short context, plus what the next, narrower query needs to
//! re-rank only this query's survivors.

use super::target::{Kind, Target};
use std::sync::Arc;

/// The ranked results of one query.
#[derive(Clone, Debug, Default)]
pub struct Results {
    /// The query as given.
    pub query: String,
    /// Best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many candidates matched in all (hits holds the best of them).
    pub matched: usize,
    pub(super) narrowing: Option<Narrowing>,
}

/// What lets a longer query start from these results' survivors.
#[derive(Clone, Debug)]
pub(super) struct Narrowing {
    pub index: u64,
    /// The (clipped) query these survivors answer.
    pub query: String,
    pub kind: Option<Kind>,
    /// The query's terms as parsed: (text, case-sensitive).
    pub terms: Vec<(String, bool)>,
    pub survivors: Survivors,
    /// The ids of the best hits, which a narrower query scores first for an early floor.
    pub best: Arc<[u32]>,
}

#[derive(Clone, Debug)]
pub(super) enum Survivors {
    /// Every candidate (the query had no term).
    All,
    /// Candidate ids, ascending, and for each an upper bound of its score without the recent
    /// boost where the chain bounds gave one (else `NO_BOUND`).
    /// (Vectors, not slices: a narrowing query's survivors run to hundreds of thousands, and
    /// moving them into the results costs nothing where a copy would fault fresh pages in.)
    Ids(Arc<Vec<u32>>, Arc<Vec<i32>>),
}

/// No upper bound known.
pub(super) const NO_BOUND: i32 = i32::MAX;

/// One result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub target: Target,
    /// What to show: a source's title · outlet · byline · file name; an entity's name, with the
    /// aliases that matched in parentheses; an annotation's label · quote · note; a sentence.
    /// Display-safe (no control characters), one line.
    pub text: String,
    /// Matched character positions in `text` (code points, ascending), for highlighting.
    pub matched: Vec<usize>,
    /// The skim score of every term, added, plus the recent boost.
    pub score: i64,
    /// Sentences: the words around the first match, for a one-line view of a long sentence.
    /// Annotations: the quoted text with the words around it in the article.
    pub context: Option<Context>,
}

/// A few words of surrounding text, with the characters to emphasise (the matched ones for a
/// sentence, the quoted ones for an annotation). "…" marks a cut.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    pub text: String,
    /// Character positions in `text`, ascending.
    pub highlight: Vec<usize>,
}

impl Results {
    /// The hit at `i`, if any.
    pub fn get(&self, i: usize) -> Option<&Hit> {
        self.hits.get(i)
    }

    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }
}
