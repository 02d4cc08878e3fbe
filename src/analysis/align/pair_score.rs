//! Whether two sentences share a clear fact, how strongly, and which terms say so. Symmetric:
//! scoring (a, b) and (b, a) gives the same result.

use super::corpus_terms::CorpusTerms;
use super::sentence_terms::{SentenceTerms, TermClass, TermId};
use serde::Serialize;

/// How much of a sentence its counterpart repeats.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// One fact shared, the rest of either sentence is its own.
    PartialOverlap,
    /// Most of one sentence restated in the other, in other words.
    Paraphrase,
    /// Almost the same words.
    NearIdentical,
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::PartialOverlap => "partial-overlap",
            LinkKind::Paraphrase => "paraphrase",
            LinkKind::NearIdentical => "near-identical",
        }
    }
}

/// A scored sentence pair that shares a fact.
#[derive(Clone, Debug, PartialEq)]
pub struct PairScore {
    /// In [0, 1]: how much of the two sentences the shared terms make up.
    pub score: f32,
    pub kind: LinkKind,
    /// Shared terms, heaviest first.
    pub shared: Vec<TermId>,
}

/// The measures behind a decision, exposed for tests and tuning.
#[derive(Copy, Clone, Debug, Default, PartialEq)]
pub struct Overlap {
    /// Sum of the shared terms' weights.
    pub shared_weight: f32,
    /// Shared weight over the lighter sentence's weight.
    pub cover: f32,
    /// Shared weight over the mean of both weights.
    pub dice: f32,
    /// Cosine of the IDF vectors.
    pub cosine: f32,
    /// Shared terms heavy enough to count as evidence.
    pub evidence: usize,
    /// Sum of the weights of the shared terms rare enough to be specific.
    pub specific_weight: f32,
    /// Shared paraphrase concepts, and shared words that belong to one.
    pub concepts: usize,
}

/// A term lighter than this (used by about a third of the sentences or more) is not evidence of a
/// shared fact on its own, though it still adds to the weights.
const EVIDENCE_IDF: f32 = 1.0;
/// A term at least this heavy (used by under a fifth of the sentences) is specific to a fact.
pub const SPECIFIC_IDF: f32 = 1.5;
/// The least weight of specific shared terms that makes a fact: two or three of them.
const FACT_SPECIFIC_WEIGHT: f32 = 6.0;
/// Two paraphrase concepts shared (what is done and to what: "keep" and "presence") state a
/// proposition even when the rest is the story's common vocabulary, so they need less weight.
/// Chosen on the gold, and chosen alike when any one pair was left out (see
/// tests/alignment_gold.rs).
const CONCEPT_FACT_SPECIFIC_WEIGHT: f32 = 4.5;
const CONCEPT_FACT_CONCEPTS: usize = 2;
/// The least specific weight of any link, whichever rule makes it: the story map's candidate
/// index relies on every link sharing this much.
pub const MIN_SPECIFIC_WEIGHT: f32 = CONCEPT_FACT_SPECIFIC_WEIGHT;
/// The least share of the lighter sentence the shared terms must cover: long sentences pack
/// several facts, so a small share of one can still be a whole fact of the other.
const MIN_COVER: f32 = 0.15;

/// The shared terms of two sentences and their measures.
pub fn overlap(
    terms: &CorpusTerms,
    a: &SentenceTerms,
    b: &SentenceTerms,
) -> (Overlap, Vec<TermId>) {
    let mut shared = shared_terms(&a.terms, &b.terms);
    // A concept says "the same thing in other words": when the words themselves are shared,
    // it would count that thing twice.
    let concepts_of_shared: Vec<TermId> =
        shared.iter().filter_map(|&t| terms.concept_of(t)).collect();
    shared.retain(|t| !concepts_of_shared.contains(t));
    let mut o = Overlap::default();
    // Sums in f64 are exact for these few f32 weights, so the result does not depend on the
    // order of the term ids (the corpus order), and scoring stays symmetric to the last bit.
    let (mut shared_weight, mut dot, mut specific_weight) = (0.0f64, 0.0f64, 0.0f64);
    for &t in &shared {
        let w = terms.idf(t);
        shared_weight += f64::from(w);
        dot += f64::from(w) * f64::from(w);
        // A word one sentence only points back with ("The withdrawal follows…") is the topic of
        // what it reports, not the report: it weighs, like a time span, and proves nothing.
        if a.given.binary_search(&t).is_ok() || b.given.binary_search(&t).is_ok() {
            continue;
        }
        let class = terms.term(t).class;
        if class == TermClass::Concept || terms.concept_of(t).is_some() {
            o.concepts += 1;
        }
        if class == TermClass::TimeSpan {
            continue;
        }
        if may_be_evidence(terms, t) {
            o.evidence += 1;
        }
        if w >= SPECIFIC_IDF {
            specific_weight += f64::from(w);
        }
    }
    o.shared_weight = shared_weight as f32;
    o.specific_weight = specific_weight as f32;
    let dot = dot as f32;
    let lighter = a.weight.min(b.weight);
    if lighter > 0.0 {
        o.cover = o.shared_weight / lighter;
        o.dice = 2.0 * o.shared_weight / (a.weight + b.weight);
        o.cosine = dot / (a.norm * b.norm);
    }
    (o, shared)
}

/// Whether a term, shared, counts as evidence of a shared fact: heavy enough, and not a date
/// or a time span. A link needs two; `align_articles` scores only the pairs that share two.
pub fn may_be_evidence(terms: &CorpusTerms, t: TermId) -> bool {
    let class = terms.term(t).class;
    terms.idf(t) >= EVIDENCE_IDF && class != TermClass::Date && class != TermClass::TimeSpan
}

/// `Some` when the two sentences share a clear fact.
pub fn score_pair(terms: &CorpusTerms, a: &SentenceTerms, b: &SentenceTerms) -> Option<PairScore> {
    let (o, mut shared) = overlap(terms, a, b);
    if !is_link(&o) {
        return None;
    }
    shared.sort_by(|&x, &y| terms.idf(y).total_cmp(&terms.idf(x)).then(x.cmp(&y)));
    Some(PairScore {
        score: link_score(&o),
        kind: link_kind(&o),
        shared,
    })
}

pub fn is_link(o: &Overlap) -> bool {
    let needed = match o.concepts >= CONCEPT_FACT_CONCEPTS {
        true => CONCEPT_FACT_SPECIFIC_WEIGHT,
        false => FACT_SPECIFIC_WEIGHT,
    };
    o.evidence >= 2 && o.specific_weight >= needed && o.cover >= MIN_COVER
}

pub fn link_score(o: &Overlap) -> f32 {
    ((o.cover + o.dice) / 2.0).clamp(0.0, 1.0)
}

pub fn link_kind(o: &Overlap) -> LinkKind {
    if o.dice >= 0.8 {
        LinkKind::NearIdentical
    } else if o.cover >= 0.45 {
        LinkKind::Paraphrase
    } else {
        LinkKind::PartialOverlap
    }
}

/// The common elements of two sorted, unique lists.
pub fn shared_terms(a: &[TermId], b: &[TermId]) -> Vec<TermId> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
