//! Sentence alignment between articles. Each sentence is a set of terms (content-word stems,
//! paraphrase concepts, canonical entities, numbers and dates) weighted by rarity across the
//! corpus; two sentences link when they share a clear fact, many-to-many; a maximum-weight
//! one-to-one matching picks each sentence's primary counterpart for a side-by-side view. Pure:
//! no I/O, no terminal types.

mod alignment;
mod corpus_terms;
mod discrepancy;
mod figures;
mod given_words;
mod hungarian;
mod lexicon;
mod pair_score;
mod sentence_repeats;
mod sentence_terms;
mod tokens;
mod word_diff;

pub use alignment::{Alignment, Link, Row};
pub use corpus_terms::{CorpusTerms, Term};
pub use discrepancy::{discrepancies, Discrepancy, DiscrepancyKind};
pub use figures::{DateParts, Figure, FigureValue, Qualifier, TimeUnit};
pub use hungarian::max_weight_matching;
pub use lexicon::Lexicon;
pub use pair_score::{
    overlap, score_pair, shared_terms, LinkKind, Overlap, PairScore, MIN_SPECIFIC_WEIGHT,
    SPECIFIC_IDF,
};
pub use sentence_terms::{NamedMention, SentenceTerms, TermClass, TermId};
pub use word_diff::{word_diff, DiffKind, DiffPiece, Side};

/// The share of near-identical sentences above which two articles are near-duplicates.
pub const NEAR_DUPLICATE_SHARE: f32 = 0.5;

/// Aligns two articles of the corpus (indexes into `terms.articles`). Symmetric:
/// `align_articles(t, b, a)` is `align_articles(t, a, b).mirrored()`, and the result does not
/// depend on the order the articles were loaded in: the pair is always solved with the article
/// of the smaller id as rows, so even ties that relative position cannot break come out the same.
pub fn align_articles(terms: &CorpusTerms, left: usize, right: usize) -> Alignment {
    let order = |a: usize| (terms.article_ids.get(a), a);
    if order(left) > order(right) {
        return align_articles(terms, right, left).mirrored();
    }
    let left_sentences = &terms.articles[left];
    let right_sentences = &terms.articles[right];
    let mut scored = Vec::new();
    for (i, j) in candidate_pairs(terms, left_sentences, right_sentences) {
        if let Some(pair) = score_pair(terms, &left_sentences[i], &right_sentences[j]) {
            scored.push((i, j, pair));
        }
    }
    let mut weights = vec![vec![0.0f32; right_sentences.len()]; left_sentences.len()];
    for (i, j, pair) in &scored {
        weights[*i][*j] = pair.score;
    }
    let primary = max_weight_matching(&weights);
    let links: Vec<Link> = scored
        .into_iter()
        .map(|(i, j, pair)| Link {
            left: i,
            right: j,
            score: pair.score,
            kind: pair.kind,
            shared: pair
                .shared
                .iter()
                .map(|&t| terms.term(t).display.clone())
                .collect(),
            primary: primary.binary_search(&(i, j)).is_ok(),
        })
        .collect();
    let linked = |side: fn(&Link) -> usize, len: usize| -> Vec<usize> {
        let mut has = vec![false; len];
        for l in &links {
            has[side(l)] = true;
        }
        (0..len).filter(|&i| !has[i]).collect()
    };
    let left_only = linked(|l| l.left, left_sentences.len());
    let right_only = linked(|l| l.right, right_sentences.len());
    let total = left_sentences.len() + right_sentences.len();
    let identical = links
        .iter()
        .filter(|l| l.primary && l.kind == LinkKind::NearIdentical)
        .count();
    let shared_share = match total {
        0 => 0.0,
        _ => 2.0 * identical as f32 / total as f32,
    };
    Alignment {
        left,
        right,
        links,
        left_only,
        right_only,
        shared_share,
        near_duplicate: shared_share >= NEAR_DUPLICATE_SHARE,
    }
}

/// The sentence pairs, in (left, right) order, that share at least two terms that may be
/// evidence: no other pair can link, so scoring only these gives the same links as scoring all
/// (two articles of 50 sentences make 2,500 pairs, of which a few dozen pass).
fn candidate_pairs(
    terms: &CorpusTerms,
    left: &[SentenceTerms],
    right: &[SentenceTerms],
) -> Vec<(usize, usize)> {
    let mut postings: Vec<(TermId, u32)> = right
        .iter()
        .enumerate()
        .flat_map(|(j, s)| s.terms.iter().map(move |&t| (t, j as u32)))
        .filter(|&(t, _)| pair_score::may_be_evidence(terms, t))
        .collect();
    postings.sort_unstable();
    let mut shared = vec![0u8; right.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for (i, sentence) in left.iter().enumerate() {
        for &t in &sentence.terms {
            let from = postings.partition_point(|&(p, _)| p < t);
            for &(p, j) in &postings[from..] {
                if p != t {
                    break;
                }
                if shared[j as usize] == 0 {
                    touched.push(j);
                }
                shared[j as usize] = shared[j as usize].saturating_add(1);
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            if shared[j as usize] >= 2 {
                pairs.push((i, j as usize));
            }
            shared[j as usize] = 0;
        }
        touched.clear();
    }
    pairs
}

#[cfg(test)]
mod tests;
